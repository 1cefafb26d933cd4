"""RLlib PPO on CartPole-v1, a user's loop printing each algo.train() result with pprint.

The common pattern from RLlib's docs and forum posts: build the Algorithm from a PPOConfig, call
algo.train() a few times and pprint the result: a huge nested dict (env-runner and learner
statistics, timers, throughputs, counters, hostname, pid...) per iteration. Variant `docs`:
RLlib's getting-started code (doc_code/getting_started.py, ray 2.36): result.pop("config") then
pprint(result). Variant `full`: pprint(result) as it comes, the whole config sub-dict first.
Small batches, 3 iterations, an evaluation of 3 episodes after each; no remote env runners.
Versions: ray[rllib] 2.60.0, torch 2.13.0 (CPU), gymnasium 1.2.2, numpy 2.4.6, Python 3.11
(venv corpus-zb-3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_rllib_ppo_pprint -- python tests/corpus/scripts/rllib_ppo_pprint.py docs
    python tests/corpus/scripts/capture.py pipe real_rllib_ppo_pprint_config -- python tests/corpus/scripts/rllib_ppo_pprint.py full
Truth: the result dicts algo.train() returned (RLlib's own record of each iteration, the very
objects pprint printed), restricted to the learning / evaluation statistics; step =
the dict's training_iteration.
"""

import os
import shutil
import sys
from importlib import metadata
from pprint import pprint

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import ray
from ray.rllib.algorithms.ppo import PPOConfig

variant = sys.argv[1]
assert variant in ("docs", "full")
ray.init(num_cpus=2, include_dashboard=False)
config = (
    PPOConfig()
    .environment("CartPole-v1")
    .env_runners(num_env_runners=0)
    .training(train_batch_size_per_learner=500, minibatch_size=100, num_epochs=2, lr=3e-4)
    .evaluation(evaluation_interval=1, evaluation_duration=3, evaluation_num_env_runners=0)
    .debugging(seed=0)
)
algo = config.build_algo()
results = []
for _ in range(3):
    result = algo.train()
    if variant == "docs":
        result.pop("config")
    pprint(result)
    results.append(result)
algo.stop()
shutil.rmtree(algo.logdir, ignore_errors=True)  # the empty ~/ray_results/<date><random> it made
ray.shutdown()

# ---- truth: which leaves of the result dict are metrics
EPISODE_STATS = {
    "episode_return_mean",
    "episode_return_max",
    "episode_return_min",
    "episode_len_mean",
    "episode_len_max",
    "episode_len_min",
}
LEARNER_STATS = {
    "policy_loss",
    "vf_loss",
    "vf_loss_unclipped",
    "total_loss",
    "entropy",
    "mean_kl_loss",
    "vf_explained_var",
    "curr_kl_coeff",
    "curr_entropy_coeff",
    "default_optimizer_learning_rate",
}


def leaves(d, path=()):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from leaves(v, path + (k,))
        else:
            yield path + (k,), v


def is_metric(path):
    if path[0] == "config":
        return False
    if path[0] in ("env_runners", "evaluation"):
        sub = path[1:] if path[0] == "env_runners" else path[2:]
        if path[0] == "evaluation" and path[1] != "env_runners":
            return False
        if len(sub) == 1 and sub[0] in EPISODE_STATS:
            return True
        # the same mean return per agent / per module
        return len(sub) == 2 and sub[0] in (
            "agent_episode_return_mean",
            "module_episode_return_mean",
        )
    if path[0] == "learners":
        return len(path) == 3 and path[1] == "default_policy" and path[2] in LEARNER_STATS
    return False


series = _truth.Series()
throughputs = set()
for result in results:
    it = result["training_iteration"]
    for path, value in leaves(result):
        if is_metric(path) and isinstance(value, (int, float, np.number)):
            series.add("/".join(path), it, None, value)
        elif "throughput" in path[-1] or any("throughput" in p for p in path):
            throughputs.add("/".join(path))

_truth.write(
    library=(
        f"ray[rllib] {ray.__version__} (torch {metadata.version('torch')}, gymnasium "
        f"{metadata.version('gymnasium')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/rllib_ppo_pprint.py",
    record="the result dicts algo.train() returned (the objects pprint printed)",
    step_kind="global",
    series=series,
    extra_ok=[f"{p} (throughput)" for p in sorted(throughputs)],
    notes=(
        "Ray's startup lines (timestamped WARNING/INFO with file:line) then, per iteration, "
        + (
            "result.pop('config'); pprint(result) (RLlib's getting-started code): a nested dict "
            "printed over ~150 lines, first key 'env_runners',"
            if variant == "docs"
            else "pprint(result) with its 'config' sub-dict: a nested dict printed over ~480 "
            "lines whose first ~330 are the config ({'config': {'_disable_action_flattening': "
            "False, ...),"
        )
        + " keys sorted, nested dicts indented "
        "under their key ('learners': {'default_policy': {'policy_loss': np.float64(-0.0922...),'), "
        "numpy scalars shown as np.float64(...) / np.int64(...). Series are the paths of the "
        "leaves joined by '/': env_runners/episode_return_mean, learners/default_policy/vf_loss, "
        "evaluation/env_runners/episode_return_mean ... Step = the dict's 'training_iteration' "
        "(1..3, printed near the END of each dict, after the metrics). Metrics kept: the episode "
        "statistics episode_return_mean/max/min and episode_len_mean/max/min (training "
        "env_runners and evaluation/env_runners), agent_episode_return_mean/default_agent and "
        "module_episode_return_mean/default_policy (the same mean, per agent / module), and the "
        "learner's statistics policy_loss, vf_loss, vf_loss_unclipped, total_loss, entropy, "
        "mean_kl_loss, vf_explained_var, and its current coefficients curr_kl_coeff, "
        "curr_entropy_coeff and default_optimizer_learning_rate (the lr in force, as SB3's "
        "train/learning_rate). Throughputs (steps per second) are extra_ok. NOT metrics, as the "
        "brief for this capture rules: the whole 'config' sub-dict where printed (lr 0.0003, gamma 0.99, "
        "clip_param 0.3, kl_coeff 0.2, ...: hyper-parameters), every count (num_*, *_lifetime, "
        "weights_seq_no, diff_num_grad_updates_vs_sampler_policy, num_trainable_parameters, "
        "module_train_batch_size_mean, *_sum_episodes_length_in/out, iterations_since_restore, "
        "training_iteration itself, fault_tolerance), every timing (timers, *_timer, "
        "connector timers, sample, time_between_sampling, episode_duration_sec_mean, "
        "time_this_iter_s, time_total_s, time_since_restore; note real_ray_tune lists "
        "time_this_iter_s as extra_ok, this entry does not), perf (cpu_util_percent, "
        "ram_util_percent), timestamp, date, pid, hostname, node_ip."
    ),
)
