"""Sample Factory's APPO on gymnasium's CartPole-v1, run as its sf_examples/train_gym_env.py does.

The script is sf_examples.train_gym_env (register_env('CartPole-v1', gym.make), parse_sf_args +
parse_full_cfg, make_runner, runner.init(), runner.run()) with the command line of that example's
docstring, made small for 2 CPU cores: 2 rollout workers x 4 envs, batch 256, device cpu, about
60k env steps (~25 s), seed 0 (the run stays asynchronous: values differ between captures).
Nothing is downloaded (CartPole-v1 ships with gymnasium).

What the console shows (Sample Factory's colorlog logger, colours even when piped, every line
'[2026-12-07 10:56:24,670][29498] ...', the second bracket a process id): the run's setup, a
'key=value' dump of the whole configuration (~150 lines: learning_rate=0.0001, gamma=0.99, ...),
the model's repr, 'Updated weights for policy 0, policy_version 10 (0.0005)' (the time the weight
update took), and every 5 seconds the runner's report:
    Fps is (10 sec: 2253.1, 60 sec: 2253.1, 300 sec: 2253.1). Total num frames: 18432. Throughput: 0: 1331.0. Samples: 13398. Policy #0 lag: (min: 0.0, avg: 0.0, max: 1.0)
    Avg episode reward: [(0, '130.010')]
At the end each component's 'profile tree view' (seconds spent in each code section:
'batching: 0.1600, releasing_batches: 0.0027', 'kl_divergence: 0.0384' is a time, not a KL) and
'Collected {0: 30464}, FPS: 1039.4'.

Truth: the runner's own state at each report, read by wrapping runner.print_stats (the method
that prints it; it is called unchanged): np.mean of runner.policy_avg_stats['reward'][0] (the
deque of the last 100 episode returns the line averages), runner.policy_lag[0]'s version_diff_min
/ _avg / _max (the learner's train stats), at step sum(runner.env_steps.values()) (the printed
'Total num frames'). The TensorBoard summaries Sample Factory writes are not used (they hold the
reward only once 100 episodes are averaged, at other moments than the prints).

Versions: sample-factory 2.1.1, torch 2.13.0+cpu, gymnasium 0.29.1, numpy 1.26.4, colorlog 6.12.0,
Python 3.11 (venv corpus-zM-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sample_factory_appo -- python tests/corpus/scripts/sample_factory_appo.py
    python tests/corpus/scripts/capture.py pty real_sample_factory_appo_pty -- python tests/corpus/scripts/sample_factory_appo.py
"""

import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium as gym
import numpy as np
import torch
from sample_factory.algo.utils.misc import ExperimentStatus
from sample_factory.cfg.arguments import parse_full_cfg, parse_sf_args
from sample_factory.envs.env_utils import register_env
from sample_factory.train import make_runner


def make_gym_env_func(full_env_name, cfg=None, env_config=None, render_mode=None):
    return gym.make(full_env_name, render_mode=render_mode)


def main():
    register_env("CartPole-v1", make_gym_env_func)
    train_dir = tempfile.mkdtemp(prefix="sf-")
    argv = [
        "--algo=APPO",
        "--use_rnn=False",
        "--num_workers=2",
        "--num_envs_per_worker=4",
        "--policy_workers_per_policy=1",
        "--recurrence=1",
        "--with_vtrace=False",
        "--batch_size=256",
        "--reward_scale=0.1",
        "--save_every_sec=10",
        "--experiment_summaries_interval=10",
        "--experiment=example_gym_cartpole-v1",
        "--env=CartPole-v1",
        "--device=cpu",
        "--seed=0",
        "--train_for_env_steps=60000",
        f"--train_dir={train_dir}",
    ]
    parser, cfg = parse_sf_args(argv=argv)
    cfg = parse_full_cfg(parser, argv)
    cfg, runner = make_runner(cfg)

    reports = []
    original = runner.print_stats

    def print_stats(fps, sample_throughput, total_env_steps):
        original(fps, sample_throughput, total_env_steps)
        rewards = runner.policy_avg_stats.get("reward", [[]])[0]
        reports.append(
            (
                int(total_env_steps),
                float(np.mean(rewards)) if len(rewards) > 0 else None,
                dict(runner.policy_lag[0]),
            )
        )

    runner.print_stats = print_stats
    status = runner.init()
    if status == ExperimentStatus.SUCCESS:
        status = runner.run()
    shutil.rmtree(train_dir)

    series = _truth.Series()
    for step, _, lag in reports:
        for key in ("min", "avg", "max"):
            if f"version_diff_{key}" in lag:  # else the line prints the -1 placeholder
                series.add(f"Policy #0 lag {key}", step, None, lag[f"version_diff_{key}"])
    for step, reward, _ in reports:
        if reward is not None:
            series.add("Avg episode reward", step, None, reward)

    _truth.write(
        library=(
            f"sample-factory {metadata.version('sample-factory')} (torch {torch.__version__}, "
            f"gymnasium {gym.__version__}, numpy {np.__version__})"
        ),
        script="tests/corpus/scripts/sample_factory_appo.py",
        record=(
            "the runner's state at each report (wrapping Runner.print_stats, called unchanged): "
            "np.mean(runner.policy_avg_stats['reward'][0]), runner.policy_lag[0]'s "
            "version_diff_min/_avg/_max, at sum(runner.env_steps.values())"
        ),
        step_kind="global",
        series=series,
        extra_ok=[
            "Fps is 10 sec, 60 sec, 300 sec",
            "Throughput 0",
            "FPS",
            "Updated weights (seconds in parentheses)",
            "profile tree view: batching, releasing_batches, wait_policy, wait_policy_total, "
            "update_model, weight_update, one_step, handle_policy_step, deserialize, stack, "
            "obs_to_device_normalize, forward, send_messages, prepare_outputs, to_cpu, misc, "
            "prepare_batch, train, epoch_init, minibatch_init, losses_postprocess, kl_divergence, "
            "after_optimizer, calculate_losses, losses_init, forward_head, bptt_initial, bptt, "
            "tail, advantages_returns, losses, update, clip, wait_for_trajectories, "
            "enqueue_policy_requests, env_step, overhead, complete_rollouts, save_policy_outputs, "
            "split_output_tensors, main_loop",
        ],
        not_printed=[
            "TensorBoard summaries: train/* losses, kl, entropy, grad norm, lr; reward/reward "
            "min/max, len/len; perf/_fps; stats/*"
        ],
        notes=(
            "Every line is Sample Factory's colorlog format '[2026-12-07 10:56:24,670][29498] "
            "msg' (ANSI colours even in a pipe; the second bracket is a process id). Every 5 s: "
            "'Fps is (10 sec: 2253.1, 60 sec: 2253.1, 300 sec: 2253.1). Total num frames: "
            "18432. Throughput: 0: 1331.0. Samples: 13398. Policy #0 lag: (min: 0.0, avg: 0.0, "
            "max: 1.0)' then 'Avg episode reward: [(0, '130.010')]' (a repr of a list of "
            "(policy id, formatted mean) tuples; the policy id 0 is no metric). Fps/Throughput "
            "are throughputs (extra_ok); 'Total num frames' (the step of the series) and "
            "'Samples' are counts; 'Policy #0 lag' min/avg/max is how many policy versions "
            "behind the experience was (series 'Policy #0 lag min/avg/max'). extra_ok: 'Fps is (10 "
            "sec: ..., 60 sec: ..., 300 sec: ...)' env steps per second over the last 10/60/300 "
            "seconds (nan at the first report), 'Throughput: 0: ...' the learner's samples per "
            "second for policy 0, the closing 'FPS', the weight update's seconds in parentheses "
            "and the profile tree views' seconds per code section. Not metrics: the "
            "~150-line 'key=value' configuration dump (learning_rate=0.0001, gamma=0.99, "
            "batch_size=256, seed=0 ...), 'Env info: EnvInfo(obs_space=Dict('obs': Box([-4.8 "
            "...]' bounds, the model repr (in_features=512), 'RunningMeanStd input shape: (4,)', "
            "'Worker 1 uses CPU cores [1]', pids, 'Decorrelating experience for 32 frames', "
            "policy_version numbers, checkpoint file names 'checkpoint_000000028_7168.pth', "
            "'Weights refcount: 2 0', 'Collected {0: 30464}' (a count). Timings "
            "(profile tree views, weight update time, FPS) are extra_ok. Warnings from "
            "gymnasium and torch on stderr."
        ),
    )
    return 0 if status == ExperimentStatus.SUCCESS else 1


if __name__ == "__main__":
    sys.exit(main())
