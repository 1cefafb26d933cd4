"""AgileRL evolutionary PPO on CartPole: train_on_policy's tqdm bar and rich population tables.

Versions: agilerl 2.58.0, torch 2.13.0 (CPU), gymnasium 1.4.0, tensordict 0.13.0, rich 15.0.0,
tqdm 4.70.1, peft 0.21.2 (imported by agilerl, undeclared), Python 3.11 (venv corpus-zx-4).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_agilerl_ppo -- python tests/corpus/scripts/agilerl_ppo.py
    python tests/corpus/scripts/capture.py pty real_agilerl_ppo_pty -- python tests/corpus/scripts/agilerl_ppo.py
A population of 2 PPO agents (PPO.population), TournamentSelection + Mutations between evolution
steps of 1024 steps per agent, 3000 steps: the getting-started flow, small.
Truth: the MetricsReport objects AgileRL hands its loggers (the PopulationMetrics behind each
printed table: fitnesses, scores, additional_metrics, their population means, indices,
global_step), kept by a wrapper around StdOutLogger.write that then prints as usual.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import agilerl.logger as agilerl_logger
import numpy as np
import torch
from agilerl.algorithms import PPO
from agilerl.hpo.mutation import Mutations
from agilerl.hpo.tournament import TournamentSelection
from agilerl.training.train_on_policy import train_on_policy
from agilerl.utils.utils import make_vect_envs

reports = []
_write = agilerl_logger.StdOutLogger.write


def keep_and_write(self, report):
    reports.append(report.metrics)
    _write(self, report)


agilerl_logger.StdOutLogger.write = keep_and_write

torch.manual_seed(0)
np.random.seed(0)
INIT_HP = {"POP_SIZE": 2, "BATCH_SIZE": 64, "LR": 1e-3, "LEARN_STEP": 256, "GAMMA": 0.99}
env = make_vect_envs("CartPole-v1", num_envs=2)
pop = PPO.population(
    size=2,
    observation_space=env.single_observation_space,
    action_space=env.single_action_space,
    net_config={"head_config": {"hidden_size": [32]}},
    batch_size=64,
    lr=1e-3,
    learn_step=256,
    update_epochs=2,
    num_envs=2,
)
tournament = TournamentSelection(tournament_size=2, elitism=True, population_size=2)
mutations = Mutations(
    no_mutation=0.4,
    architecture=0.2,
    new_layer_prob=0.2,
    parameters=0.2,
    activation=0,
    rl_hp=0.2,
    mutation_sd=0.1,
    rand_seed=1,
)
pop, fitnesses = train_on_policy(
    env,
    "CartPole-v1",
    "PPO",
    pop,
    INIT_HP,
    max_steps=3000,
    evo_steps=1024,
    eval_loop=1,
    selection_strategy=tournament,
    mutation=mutations,
)
print(f"Final fitnesses: {fitnesses}")

series = _truth.Series()
for m in reports:
    step = int(m.global_step)
    rows = [("fitness", m.fitnesses, m.mean_fitness), ("score", m.scores, m.mean_score)]
    means = m.mean_additional_metrics
    for name in m.additional_metric_names:
        rows.append((name, [a[name] for a in m.additional_metrics], means[name]))
    for name, values, mean in rows:
        for idx, v in zip(m.indices, values, strict=True):
            series.add(f"{name}/Agent {idx}", step, None, v)
        series.add(f"{name}/Mean", step, None, mean)
final_step = int(reports[-1].global_step)
for i, f in enumerate(fitnesses):
    series.add(f"Final fitnesses[{i}]", final_step, None, f)

_truth.write(
    library=(
        f"agilerl {metadata.version('agilerl')} (torch {torch.__version__}, gymnasium "
        f"{metadata.version('gymnasium')}, rich {metadata.version('rich')}, tqdm "
        f"{metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/agilerl_ppo.py",
    record=(
        "the PopulationMetrics of each MetricsReport handed to StdOutLogger.write (fitnesses, "
        "scores, additional_metrics and their population means, indices, global_step); the "
        "fitnesses train_on_policy returns for the final print"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "lr (each agent's learning rate, mutated by the HPO, a table row)",
        "steps/s (each agent's and the mean throughput, a table row; step/s of the bar)",
    ],
    not_printed=["the dict's train/agent_N/local_steps (printed as the 'steps' row, a count)"],
    notes=(
        "Warnings first (tensordict's FutureWarning about to_module()). train_on_policy draws a "
        "tqdm bar with '│' separators, 'Training Progress │  17% │ ███▍                 │ "
        "512/3000 steps │ ⏱️ 00:01 │ ⏳ 00:07 │ 336.61step/s' (counts its steps per agent: "
        "position, percentage and times are progress; step/s throughput), and after each "
        "evolution step writes (tqdm.write, rich markup rendered with ANSI bold even in a pipe) "
        "a centred title 'Global Steps: 2_048' (the step: the population's summed steps, with "
        "'_' thousands separators) and a rich box table: header 'Metric | Agent 0 | Agent 1 | "
        "Mean' (the agents' index numbers: they change when the tournament clones an elite, "
        "e.g. 'Agent 1 | Agent 2' in the next table), then sections: fitness (the evaluation "
        "return); score, loss, policy_loss, value_loss, entropy_loss (training); lr "
        "(extra_ok), batch_size, learn_step (hyper-parameters the mutations change: "
        "configuration, not metrics); steps (a count), last_mutation (text: 'param', 'lr', "
        "'None'), steps/s (extra_ok). Values are formatted '29.5000', '36', '-4.89e-05', "
        "'1.19e+03'; the Mean column of lr, batch_size, learn_step and steps is empty. Series "
        "are '<row>/Agent <index>' and '<row>/Mean' (the row's name, then the column's header), "
        "step = the title's global step. The bar's last state turns to '3072/? steps'. The "
        "script ends with 'Final fitnesses: [103.0, 61.0]' (the returned list, series 'Final "
        "fitnesses[0]' / '[1]' at the last step)."
    ),
)
