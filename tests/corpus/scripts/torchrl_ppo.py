"""TorchRL PPO on CartPole-v1 (gymnasium, no download) in the shape of TorchRL's PPO tutorial
(tutorials/sphinx-tutorials/coding_ppo.py): a tqdm bar over the collected frames whose description
is rewritten every batch,

    eval cumulative reward:  21.0000 (init:  9.0000), eval step-count: 20, average reward= 1.0000 (init= 1.0000), step count (max): 35, lr policy:  0.0003

and TorchRL's own CSVLogger (torchrl.record.loggers) given every logged value with the frame count
as its step. Collector (SyncDataCollector before 0.14), GAE, ClipPPOLoss, a discrete (one-hot) actor; CPU.

Truth: the CSVLogger's scalars/*.csv files (TorchRL's record), restricted to the values the bar
drew (a tqdm display hook notes every line drawn, as cut to the terminal's width), named as the bar prints them. The
'(init= ...)' / '(init: ...)' numbers repeat each series' first value (extra_ok).

Versions: torchrl 0.14.1, tensordict 0.14.3, gymnasium 1.4.0, torch 2.13.0+cpu, tqdm 4.70.1,
Python 3.11. Seeds fixed; ~20 s of CPU.
Capture (repository root, venv /work/venvs/torch-d):
    python tests/corpus/scripts/capture.py pipe real_torchrl_ppo -- python tests/corpus/scripts/torchrl_ppo.py
    python tests/corpus/scripts/capture.py pty real_torchrl_ppo_pty -- python tests/corpus/scripts/torchrl_ppo.py
"""

import csv
import os
import shutil
import sys
from collections import defaultdict

import gymnasium
import tensordict
import torch
import torchrl
import tqdm
from tensordict.nn import TensorDictModule
from torch import nn
from torchrl.collectors import Collector
from torchrl.data.replay_buffers import ReplayBuffer
from torchrl.data.replay_buffers.samplers import SamplerWithoutReplacement
from torchrl.data.replay_buffers.storages import LazyTensorStorage
from torchrl.envs import Compose, StepCounter, TransformedEnv
from torchrl.envs.libs.gym import GymEnv
from torchrl.envs.utils import ExplorationType, set_exploration_type
from torchrl.modules import OneHotCategorical, ProbabilisticActor, ValueOperator
from torchrl.objectives import ClipPPOLoss
from torchrl.objectives.value import GAE
from torchrl.record.loggers.csv import CSVLogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

LOGDIR = "/tmp/corpus-d-torchrl"
shutil.rmtree(LOGDIR, ignore_errors=True)

drawn = []  # every bar line drawn, as written (cut to the terminal's width under a pty)
_display = tqdm.std.tqdm.display


def display(self, *args, **kwargs):
    if not kwargs.get("msg") and not (args and args[0]):
        drawn.append(str(self))
    return _display(self, *args, **kwargs)


tqdm.std.tqdm.display = display

torch.manual_seed(0)
frames_per_batch, total_frames = 250, 5000
sub_batch_size, num_epochs, lr = 50, 4, 3e-3

env = TransformedEnv(GymEnv("CartPole-v1"), Compose(StepCounter()))
env.set_seed(0)
n_act = env.action_spec.shape[-1]
actor_net = nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, n_act))
policy_module = ProbabilisticActor(
    module=TensorDictModule(actor_net, in_keys=["observation"], out_keys=["logits"]),
    spec=env.action_spec,
    in_keys=["logits"],
    distribution_class=OneHotCategorical,
    return_log_prob=True,
)
value_module = ValueOperator(
    module=nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 1)), in_keys=["observation"]
)
collector = Collector(
    env, policy_module, frames_per_batch=frames_per_batch, total_frames=total_frames, device="cpu"
)
replay_buffer = ReplayBuffer(
    storage=LazyTensorStorage(max_size=frames_per_batch), sampler=SamplerWithoutReplacement()
)
advantage_module = GAE(gamma=0.99, lmbda=0.95, value_network=value_module, average_gae=True)
loss_module = ClipPPOLoss(
    actor_network=policy_module, critic_network=value_module, clip_epsilon=0.2, entropy_coeff=1e-4
)
optim = torch.optim.Adam(loss_module.parameters(), lr)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optim, total_frames // frames_per_batch, 0.0)
logger = CSVLogger(exp_name="ppo_cartpole", log_dir=LOGDIR)

logs = defaultdict(list)
pbar = tqdm.tqdm(total=total_frames)
eval_str = ""
frames = 0
for i, tensordict_data in enumerate(collector):
    for _ in range(num_epochs):
        advantage_module(tensordict_data)
        replay_buffer.extend(tensordict_data.reshape(-1).cpu())
        for _ in range(frames_per_batch // sub_batch_size):
            subdata = replay_buffer.sample(sub_batch_size)
            loss_vals = loss_module(subdata)
            loss_value = loss_vals["loss_objective"] + loss_vals["loss_critic"] + loss_vals["loss_entropy"]
            loss_value.backward()
            torch.nn.utils.clip_grad_norm_(loss_module.parameters(), 1.0)
            optim.step()
            optim.zero_grad()
    frames += tensordict_data.numel()
    logs["reward"].append(tensordict_data["next", "reward"].mean().item())
    pbar.update(tensordict_data.numel())
    cum_reward_str = f"average reward={logs['reward'][-1]: 4.4f} (init={logs['reward'][0]: 4.4f})"
    logs["step_count"].append(tensordict_data["step_count"].max().item())
    stepcount_str = f"step count (max): {logs['step_count'][-1]}"
    logs["lr"].append(optim.param_groups[0]["lr"])
    lr_str = f"lr policy: {logs['lr'][-1]: 4.4f}"
    logger.log_scalar("reward", logs["reward"][-1], step=frames)
    logger.log_scalar("step_count", logs["step_count"][-1], step=frames)
    logger.log_scalar("lr", logs["lr"][-1], step=frames)
    if i % 5 == 0:
        with set_exploration_type(ExplorationType.DETERMINISTIC), torch.no_grad():
            eval_rollout = env.rollout(1000, policy_module)
            logs["eval reward"].append(eval_rollout["next", "reward"].mean().item())
            logs["eval reward (sum)"].append(eval_rollout["next", "reward"].sum().item())
            logs["eval step_count"].append(eval_rollout["step_count"].max().item())
            logger.log_scalar("eval_reward_sum", logs["eval reward (sum)"][-1], step=frames)
            logger.log_scalar("eval_step_count", logs["eval step_count"][-1], step=frames)
            eval_str = (
                f"eval cumulative reward: {logs['eval reward (sum)'][-1]: 4.4f} "
                f"(init: {logs['eval reward (sum)'][0]: 4.4f}), "
                f"eval step-count: {logs['eval step_count'][-1]}"
            )
            del eval_rollout
    pbar.set_description(", ".join([eval_str, cum_reward_str, stepcount_str, lr_str]))
    scheduler.step()
pbar.close()
collector.shutdown()
for fh in logger.experiment.files.values():
    fh.flush()

record = {}
for name in ("reward", "step_count", "lr", "eval_reward_sum", "eval_step_count"):
    with open(os.path.join(LOGDIR, "ppo_cartpole", "scalars", name + ".csv")) as fh:
        record[name] = [(int(s), float(v)) for s, v in csv.reader(fh)]
# printed name -> the CSV series and the text the bar shows for one of its values
PRINTED = [
    ("eval cumulative reward", "eval_reward_sum", lambda v: f"eval cumulative reward: {v: 4.4f} "),
    ("eval step-count", "eval_step_count", lambda v: f"eval step-count: {int(v)}"),
    ("average reward", "reward", lambda v: f"average reward={v: 4.4f} "),
    ("step count (max)", "step_count", lambda v: f"step count (max): {int(v)},"),
    ("lr policy", "lr", lambda v: f"lr policy: {v: 4.4f}"),
]
text = "\n".join(drawn)
series = _truth.Series()
for label, key, shown in PRINTED:
    for step, value in record[key]:
        # each batch's description is drawn (set_description refreshes the bar); under a pty
        # tqdm cuts the line to 120 columns, so the later fields of a long line are not shown
        if shown(value) in text:
            series.add(label, step, None, value)
_truth.write(
    library=f"torchrl {torchrl.__version__} (tensordict {tensordict.__version__}, gymnasium "
    f"{gymnasium.__version__}, torch {torch.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/torchrl_ppo.py",
    record="TorchRL's CSVLogger scalars/*.csv (logger.log_scalar with the collected frame count as step)",
    step_kind="global",
    series=series,
    extra_ok=[
        "init (the first value of the series again, in parentheses)",
    ],
    not_printed=[],
    notes="The PPO tutorial's bar: total = 5000 frames, 250 per batch (20 batches); after each batch "
    "set_description('eval cumulative reward:  21.0000 (init:  9.0000), eval step-count: 20, average "
    "reward= 1.0000 (init= 1.0000), step count (max): 35, lr policy:  0.0030') - the eval part is "
    "empty until the first evaluation and then repeats the last one (evaluated every 5th batch: "
    "the series hold each evaluation once, at its frame count); 'average reward' is the mean "
    "per-step reward of the batch (always 1.0 in CartPole); 'step count (max)' the longest episode "
    "in the batch; 'lr policy' the learning rate (cosine schedule) at 4 decimals. The step is "
    "the number of frames collected so far. In a pipe the bar is '\\r'-redrawn on stderr; under the "
    "pty it is cut to 120 columns.",
)
