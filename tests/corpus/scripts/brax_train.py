"""Brax's own trainers (brax.training.agents) on Brax's tiny 'fast' test environment, CPU.

  ppo      ppo.train(...) with a progress_fn printing one line per evaluation the way the Brax
           and MuJoCo Playground notebooks read the metrics dict (step, eval reward and its std):
               'step: 5120, reward: 58.193, std: 3.204'
           then 'time to jit: …' / 'time to train: …' as the notebooks print them.
  sac      sac.train(...) with a progress_fn printing the metrics dict as it is handed over:
               "5120 {'eval/walltime': 3.1…, 'training/sps': np.float64(…), 'training/actor_loss':
               Array(-0.123, dtype=float32), …, 'eval/episode_reward': np.float32(58.2), …}"
  learner  brax.training.learner (Brax's absl CLI trainer) with --learner=ppo: absl INFO lines,
           'Hyperparameters: {…}', the trainer's logging.info(metrics) dict and the Writer's
           '[25600] eval/avg_episode_length=100.0, eval/episode_reward=60.59…, …' line per
           evaluation, orbax checkpoint INFO lines between them.  The learner then tries to
           roll out the policy for a video; its rollout code reads state.data, which the 'fast'
           environment has not: the run ends in that traceback (AttributeError), after training
           and after every metric line (as a user running the CLI on 'fast' sees it).

Truth: the metrics dicts Brax hands to progress_fn (the learner: to metrics.Writer.write_scalars,
the same dict), kept as they are passed, step = the num_steps Brax passes with them (environment
steps).  Only the keys a line prints are series.

Versions: brax 0.14.2, jax 0.9.2 + jaxlib 0.9.2 (brax 0.14.2 calls jax.device_put_replicated,
gone in jax 0.10), flax 0.12.8, optax 0.2.8, mujoco 4.0.1, tensorboardX 2.6.5, orbax-checkpoint,
Python 3.11 (venv corpus-zAE-1).  About 20-40 s of CPU each.
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_brax_ppo_progress -- python tests/corpus/scripts/brax_train.py ppo
    python tests/corpus/scripts/capture.py pipe real_brax_sac_metrics_dict -- python tests/corpus/scripts/brax_train.py sac
    python tests/corpus/scripts/capture.py pipe real_brax_learner_absl -- python tests/corpus/scripts/brax_train.py learner
(no bars, no colours: no pty twins.)
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth

MODE = sys.argv[1]
kept = []  # (num_steps, metrics) as Brax handed them over


def versions():
    import jax

    return (
        f"brax {metadata.version('brax')} (jax {jax.__version__}, flax "
        f"{metadata.version('flax')}, CPU)"
    )


def fl(v):
    return float(v)


if MODE == "ppo":
    from datetime import datetime

    from brax import envs
    from brax.training.agents.ppo import train as ppo

    env = envs.get_environment("fast")
    times = [datetime.now()]

    def progress(num_steps, metrics):
        kept.append((num_steps, dict(metrics)))
        times.append(datetime.now())
        print(
            f"step: {num_steps}, reward: {metrics['eval/episode_reward']:.3f}, "
            f"std: {metrics['eval/episode_reward_std']:.3f}"
        )

    make_inference_fn, params, _ = ppo.train(
        environment=env,
        num_timesteps=30_000,
        num_evals=6,
        episode_length=100,
        num_envs=16,
        batch_size=16,
        num_minibatches=4,
        unroll_length=10,
        num_updates_per_batch=2,
        learning_rate=3e-4,
        reward_scaling=1.0,
        seed=0,
        progress_fn=progress,
    )
    print(f"time to jit: {times[1] - times[0]}")
    print(f"time to train: {times[-1] - times[1]}")

    series = _truth.Series()
    for n, m in kept:
        series.add("reward", int(n), None, fl(m["eval/episode_reward"]))
        series.add("std", int(n), None, fl(m["eval/episode_reward_std"]))
    _truth.write(
        library=versions(),
        script="tests/corpus/scripts/brax_train.py",
        record="the metrics dict brax.training.agents.ppo.train hands to progress_fn, kept as passed",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[
            "eval/avg_episode_length, eval/walltime, eval/sps, eval/epoch_eval_time, "
            "training/* losses (policy_loss, v_loss, entropy_loss, total_loss, kl_mean, sps, "
            "walltime, learning_rate, policy_dist_*): in the dict, not printed"
        ],
        notes=(
            "One line per evaluation, 'step: 5120, reward: 58.193, std: 3.204' (step = the "
            "environment steps Brax passes to progress_fn, 0 for the evaluation before training; "
            "reward = metrics['eval/episode_reward'], std = metrics['eval/episode_reward_std'], "
            "3 decimals printed, truth at full precision). Then 'time to jit: 0:00:05.123' and "
            "'time to train: 0:00:20.456' (datetime.timedelta durations: wall-clock times, not "
            "metrics). Brax prints 'Failed to import warp' lines at import (no warp installed)."
        ),
    )

elif MODE == "sac":
    from brax import envs
    from brax.training.agents.sac import train as sac

    def progress(num_steps, metrics):
        kept.append((num_steps, dict(metrics)))
        print(num_steps, metrics)

    sac.train(
        environment=envs.get_environment("fast"),
        num_timesteps=6_000,
        num_evals=4,
        episode_length=100,
        num_envs=8,
        batch_size=64,
        min_replay_size=256,
        max_replay_size=10_000,
        grad_updates_per_step=1,
        learning_rate=3e-4,
        seed=0,
        progress_fn=progress,
    )

    series = _truth.Series()
    for n, m in kept:
        for k, v in m.items():
            if k != "training/buffer_current_size":  # a count of stored transitions
                series.add(k, int(n), None, fl(v))
    _truth.write(
        library=versions(),
        script="tests/corpus/scripts/brax_train.py",
        record="the metrics dict brax.training.agents.sac.train hands to progress_fn, kept as passed",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "'training/buffer_current_size': Array(1220.0001, dtype=float32) is the replay "
            "buffer's fill (a count of transitions, averaged over the update steps), not a metric, "
            "though Brax puts it in the dict. "
            "print(num_steps, metrics) in progress_fn: one line per evaluation, the step (the "
            "environment steps Brax passes) then the dict repr, its values as Python floats, numpy "
            "scalars 'np.float32(58.19…)' / 'np.float64(…)' and jax arrays 'Array(-0.123, "
            "dtype=float32)' (the training/* losses are absent from the first dict, printed before "
            "training). Every key is a printed series, named as printed (with its 'eval/' or "
            "'training/' prefix); 'training/sps' / 'eval/sps' are throughput and 'eval/walltime', "
            "'training/walltime', 'eval/epoch_eval_time' seconds: Brax records them as metrics, "
            "so they are series. 'eval/avg_episode_length' is the mean episode length (episode "
            "length 100 here, so always 100.0) and 'eval/std_episode_length' its std: both in "
            "Brax's record."
        ),
    )

elif MODE == "learner":
    from absl import app, flags
    from brax.io import metrics as brax_metrics
    from brax.training import learner

    orig = brax_metrics.Writer.write_scalars

    def write_scalars(self, step, scalars):
        kept.append((step, dict(scalars)))
        return orig(self, step, scalars)

    brax_metrics.Writer.write_scalars = write_scalars
    logdir = tempfile.mkdtemp(prefix="brax_learner_")

    def write_truth():
        series = _truth.Series()
        for n, m in kept:
            for k, v in sorted(m.items()):
                series.add(k, int(n), None, fl(v))
        _truth.write(
            library=versions(),
            script="tests/corpus/scripts/brax_train.py",
            record=(
                "the metrics dicts brax.training.agents.ppo.train hands to progress_fn, which the "
                "learner sets to brax.io.metrics.Writer.write_scalars (kept as passed)"
            ),
            step_kind="global",
            series=series,
            extra_ok=[],
            not_printed=[],
            notes=(
                "python -m brax.training.learner as a user runs it (absl app.run, INFO to stderr): "
                "'I1207 13:33:44.836412 140407168162688 train.py:855] {'eval/walltime': 6.79…, "
                "'training/sps': np.float64(…), 'training/entropy_loss': Array(0.00014635, "
                "dtype=float32), …}' (the trainer's logging.info(metrics)) and right after it "
                "'I… metrics.py:51] [25600] eval/avg_episode_length=100.0, eval/episode_reward="
                "60.5960693359375, …, training/walltime=42.187282' (the Writer: sorted keys, "
                "Python floats at 6 decimals, numpy / jax scalars at full repr): the same dict "
                "twice per evaluation, so every series appears in both shapes; step = the "
                "environment steps in '[25600]', 0 before training (the dict at step 0 has no "
                "training/* keys). 'Hyperparameters: {'num_evals': 4, 'num_envs': 16, "
                "'total_env_steps': 20000}' is configuration; 'Device count: 1, process count: 1', "
                "'starting iteration 0 2.28…' (an iteration index and seconds), 'total steps: "
                "25600' and orbax's checkpoint lines ('Write ratio (logical/raw): 1.074', "
                "'/jax/orbax/write/gbytes_per_sec: 6.890 MiB/s', 'Finished blocking save in 0.16 "
                "seconds', checkpoint folder names '000000025600') are not metrics. The run ends "
                "in the learner's video-rollout traceback (AttributeError: 'State' object has no "
                "attribute 'data'), after every metric line. The training/total_loss and "
                "training/v_loss values are huge (1e11: the learner's default reward_scaling=10 "
                "on the 'fast' environment); they are what Brax recorded."
            ),
        )

    import atexit

    atexit.register(write_truth)
    sys.argv = [
        "learner",
        "--env=fast",
        "--learner=ppo",
        "--total_env_steps=20000",
        "--num_evals=4",
        "--num_envs=16",
        "--batch_size=16",
        "--num_minibatches=4",
        "--unroll_length=10",
        "--episode_length=100",
        f"--logdir={logdir}",
        "--num_videos=0",
    ]
    del flags
    app.run(learner.main)
