"""CEBRA: the scikit-learn API of the README / docstring (cebra.CEBRA(..., verbose=True).fit(X, y))
on synthetic 'neural' data with a continuous behaviour label.

What it prints: one tqdm bar over the iterations whose description CEBRA sets every step from the
solver's stats, '{key}: {value: .4f}' joined by spaces:

    pos:  0.0000 neg:  6.2300 total:  6.2300 temperature:  1.0000: 100%|...| 200/200 [00:08<00:00, 24.1it/s]

Variants:
  readme  the docstring's settings except batch_size 256 and 200 iterations (offset10-model, temperature=1 constant, cosine, time_delta,
          output_dimension=3), only more iterations: 'temperature' is the constant hyper-parameter
  auto    temperature_mode='auto' (a learned temperature, min_temperature=0.1), euclidean distance,
          a discrete + continuous label pair: 'temperature' is then a fitted quantity CEBRA logs

Truth: the solver's own log (cebra_model.solver_.log: lists 'pos', 'neg', 'total', 'temperature',
one value per iteration, also state_dict_['log']), taken at the bar states tqdm actually drew (a
hook on tqdm's display notes how many iterations the log held each time the bar was drawn).

Versions: cebra 0.6.1, torch 2.13.0+cpu, tqdm 4.70.1, numpy 2.4.6, Python 3.11. Seeds fixed; a few
s of CPU.
Capture (repository root, venv /work/venvs/corpus-zAH-1):
    python tests/corpus/scripts/capture.py pipe real_cebra_readme -- python tests/corpus/scripts/cebra_fit.py readme
    python tests/corpus/scripts/capture.py pty real_cebra_readme_pty -- python tests/corpus/scripts/cebra_fit.py readme
    python tests/corpus/scripts/capture.py pipe real_cebra_auto -- python tests/corpus/scripts/cebra_fit.py auto
    python tests/corpus/scripts/capture.py pty real_cebra_auto_pty -- python tests/corpus/scripts/cebra_fit.py auto
"""

import os
import sys

import numpy as np
import torch
import tqdm
import tqdm.std

sys.path.insert(0, os.path.dirname(__file__))

import _truth

variant = sys.argv[1] if len(sys.argv) > 1 else "readme"

import cebra  # noqa: E402

np.random.seed(0)
torch.manual_seed(0)
# one thread: the machine is a shared 2-core box (intra-op threads fight over it); output unchanged
torch.set_num_threads(1)

# which log lengths the bar was drawn at (each distinct state once)
drawn: list[int] = []
holder: dict = {}
_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    solver = holder.get("solver")
    if solver is not None and self.desc.startswith("pos:"):
        n = len(solver.log["total"])
        if n and (not drawn or drawn[-1] != n):
            drawn.append(n)
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display

# CEBRA builds the solver inside fit(); note it as soon as it exists
_fit = cebra.solver.base.Solver.fit


def fit(self, *a, **k):
    holder["solver"] = self
    return _fit(self, *a, **k)


cebra.solver.base.Solver.fit = fit

# synthetic recording: 2000 time steps of 40 'neurons' driven by a 2-d latent trajectory
T, N = 2000, 40
t = np.linspace(0, 20 * np.pi, T)
latent = np.stack([np.sin(t), np.cos(0.5 * t)], axis=1)
X = (latent @ np.random.randn(2, N) + 0.3 * np.random.randn(T, N)).astype("float32")
y_cont = latent.astype("float32")

if variant == "readme":
    model = cebra.CEBRA(
        model_architecture="offset10-model",
        batch_size=256,
        learning_rate=3e-4,
        temperature=1,
        output_dimension=3,
        max_iterations=200,
        distance="cosine",
        conditional="time_delta",
        device="cuda_if_available",
        verbose=True,
        time_offsets=10,
    )
    model.fit(X, y_cont)
else:
    y_disc = (latent[:, 0] > 0).astype("int64")
    model = cebra.CEBRA(
        model_architecture="offset10-model",
        batch_size=128,
        learning_rate=1e-3,
        temperature_mode="auto",
        min_temperature=0.1,
        output_dimension=8,
        max_iterations=300,
        distance="euclidean",
        conditional="time_delta",
        device="cpu",
        verbose=True,
        time_offsets=5,
    )
    model.fit(X, y_cont, y_disc)

embedding = model.transform(X)
print(embedding.shape)

log = model.state_dict_["log"]
series = _truth.Series()
names = ["pos", "neg", "total"] + (["temperature"] if variant == "auto" else [])
for n in drawn:
    for name in names:
        series.add(name, n - 1, None, log[name][n - 1])

temp_note = (
    "'temperature:  1.0000' is the constant hyper-parameter temperature=1 (CEBRA puts it in its "
    "log every step, but it is the configured value, not a fitted or measured one): not a metric. "
    if variant == "readme"
    else "temperature_mode='auto' learns the temperature (a parameter of the criterion, clamped "
    "at min_temperature=0.1), so 'temperature' is a fitted quantity CEBRA logs each step: a series. "
)
_truth.write(
    library=f"cebra {cebra.__version__} (torch {torch.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/cebra_fit.py",
    record="cebra_model.state_dict_['log'] (the solver's per-iteration lists pos/neg/total/"
    "temperature), at the bar states tqdm drew (a display hook)",
    step_kind="global",
    series=series,
    extra_ok=["the bar's it/s throughput"],
    not_printed=["state_dict_['loss'] (the same values as 'total')"],
    notes="One tqdm bar on stderr whose description CEBRA rewrites every iteration: "
    "'pos: -0.9876 neg:  6.1234 total:  5.1358 temperature:  1.0000: 40%|####      | 80/200 "
    "[00:01<00:01, 190.1it/s]'. The description is set after the iteration's update and before "
    "tqdm counts it, so the values first drawn beside count n are those of iteration n+1; the step here is "
    "CEBRA's own 0-based iteration index (num_steps in Solver.fit's enumerate; the log held "
    "num_steps+1 values when drawn). The count the bar shows lags: tqdm writes its counter n only "
    "when its own mininterval refresh runs, while set_description redraws the bar at every "
    "iteration, so several successive iterations' values are drawn beside the same stale count "
    "('... 1/300', then two more descriptions still at '1/300'). "
    + temp_note
    + "After fit, the script prints the embedding's shape '(2000, 3)' (a size, not a metric). "
    "Bar counts (200/300), percentages, elapsed/remaining times are not metrics.",
)
