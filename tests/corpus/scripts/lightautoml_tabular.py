"""LightAutoML TabularAutoML on a small synthetic binary-classification frame, verbose=1 (the
tutorials' setting): timestamped INFO lines with bold escapes even in a pipe ('Fitting
\\x1b[1mLvl_0_Pipe_0_Mod_0_LinearL2\\x1b[0m finished. score = \\x1b[1m0.8624…\\x1b[0m'), two
'Optimization Progress' tqdm bars (Optuna tuning of LightGBM and CatBoost) whose postfix is
'best_trial=12, best_value=0.881', the blender's coordinate descent ('Blending: iteration 0:
score = …, weights = […]') and the model description (the blend's weights).

Versions: lightautoml 0.4.2, lightgbm 4.7.0, catboost 1.2.10, optuna 5.1.0, scikit-learn 1.9.1,
torch 2.13.0+cpu, pandas 3.1.1, numpy 2.4.6, Python 3.11. Seeds fixed; about 15 s of CPU.
Capture (repository root, venv /work/venvs/corpus-r-2: `pip install torch==2.13.0` then
`pip install lightautoml`):
    python tests/corpus/scripts/capture.py pipe real_lightautoml_tabular -- python tests/corpus/scripts/lightautoml_tabular.py
    python tests/corpus/scripts/capture.py pty real_lightautoml_tabular_pty -- python tests/corpus/scripts/lightautoml_tabular.py

Truth: LightAutoML keeps no record of the scores it logs (they are f-string locals). The values
are taken at full precision where the library formats them: MLAlgo.score's return value that the
'finished. score =' line prints, the blender's `best_score` local read from WeightedBlender's
frame when it logs, and for the tuning bars the Optuna study LightAutoML creates (its best
trial's value when tqdm draws the postfix; a tqdm display hook notes which positions were drawn).
The time budget (600 s) is far above what the run needs, so no model is cut short by time.
"""

import logging
import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import lightautoml.automl.blend as lama_blend
import lightautoml.ml_algo.base as lama_base
import lightautoml.ml_algo.tuning.optuna as lama_optuna
import numpy as np
import pandas as pd
import tqdm.std
from lightautoml.automl.presets.tabular_presets import TabularAutoML
from lightautoml.tasks import Task

fits: list[tuple[str, float]] = []  # (model name, score printed on its 'finished' line)
blend: list[tuple[str, int | None, float]] = []  # (kind, iteration, best_score)
studies: list = []  # the Optuna studies, one per tuning bar
drawn: list[dict[int, float]] = []  # per bar: position -> best value shown when last drawn
last_score: list[float] = []

_orig_score = lama_base.MLAlgo.score


def score(self, dataset):
    value = _orig_score(self, dataset)
    last_score.append(float(value))
    return value


lama_base.MLAlgo.score = score


class _Spy(logging.LoggerAdapter):
    """Sees each INFO call of one LightAutoML module, with the caller's frame."""

    def __init__(self, logger, on_info):
        super().__init__(logger, {})
        self.on_info = on_info

    def info(self, msg, *a, **k):
        self.on_info(msg, sys._getframe(1))
        self.logger.info(msg, *a, stacklevel=2, **k)

    def __getattr__(self, name):  # info2, info3, debug… pass through
        return getattr(self.logger, name)


def on_base(msg, frame):
    if "finished. score =" in msg:
        fits.append((frame.f_locals["self"]._name, last_score[-1]))


def on_blend(msg, frame):
    loc = frame.f_locals
    if "starts with equal weights" in msg:
        blend.append(("start", None, float(loc["best_score"])))
    elif "Blending: iteration" in msg:
        blend.append(("iteration", int(loc["iteration_num"]), float(loc["best_score"])))
    elif "Blending: best score" in msg:
        blend.append(("best", None, float(loc["best_score"])))


lama_base.logger = _Spy(lama_base.logger, on_base)
lama_blend.logger = _Spy(lama_blend.logger, on_blend)

_orig_create_study = lama_optuna.optuna.create_study


class _OptunaSpy:
    """lightautoml's optuna module, with create_study noting each study it makes."""

    def __getattr__(self, name):
        return getattr(_orig_optuna, name)

    @staticmethod
    def create_study(*a, **k):
        study = _orig_create_study(*a, **k)
        studies.append(study)
        drawn.append({})
        return study


_orig_optuna = lama_optuna.optuna
lama_optuna.optuna = _OptunaSpy()

_orig_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    if self.desc == "Optimization Progress" and self.postfix and studies:
        drawn[-1][self.n] = float(studies[-1].best_trial.value)
    return _orig_display(self, *a, **k)


tqdm.std.tqdm.display = display

rng = np.random.RandomState(0)
n = 800
df = pd.DataFrame({f"x{i}": rng.normal(size=n) for i in range(5)})
df["cat"] = rng.choice(list("abcd"), n)
signal = df.x0 + 0.5 * df.x1 - 0.3 * df.x2 + (df.cat == "a")
df["y"] = ((signal + rng.normal(scale=0.8, size=n)) > 0).astype(int)

automl = TabularAutoML(
    task=Task("binary"),
    timeout=600,
    cpu_limit=1,
    reader_params={"n_jobs": 1, "cv": 3, "random_state": 42},
)
oof = automl.fit_predict(df, roles={"target": "y"}, verbose=1)
print(automl.create_model_str_desc())

series = _truth.Series()
for _name, value in fits:  # no step of the library's own: the models are trials
    series.add("score", None, None, value)
for kind, it, value in blend:
    if kind == "start":
        series.add("Score", None, None, value)
    elif kind == "iteration":
        series.add("Blending score", it, None, value)
    else:
        series.add("Blending best score", None, None, value)
for bar in drawn:
    for pos in sorted(bar):
        series.add("best_value", pos, None, bar[pos])

warnings.filterwarnings("ignore")
versions = ", ".join(
    f"{p} {metadata.version(p)}" for p in ("lightgbm", "catboost", "optuna", "torch", "pandas")
)
_truth.write(
    library=f"lightautoml {metadata.version('lightautoml')} ({versions})",
    script="tests/corpus/scripts/lightautoml_tabular.py",
    record=(
        "no record kept: MLAlgo.score's return value on each 'finished. score' line, "
        "WeightedBlender._optimize's best_score local when it logs, the Optuna study behind each "
        "'Optimization Progress' bar (best trial's value at each drawn position)"
    ),
    step_kind="global",
    series=series,
    extra_ok=["it/s (tqdm throughput of the tuning bars)"],
    not_printed=[
        "the tuned models' 'achieve <v> auc' lines and per-fold lines (INFO2, verbose=2 only)"
    ],
    notes=(
        "Warnings first (missing optional 'nlp' packages, transformers), then '[01:51:57] "
        "Stdout logging level is INFO.' and the preset's constraints ('- time: 600.00 seconds', "
        "'- CPU: 1 cores', '- memory: 16 GB', 'Train data shape: (800, 7)'): configuration and "
        "sizes, not metrics. Every line starts with an '[HH:MM:SS]' timestamp, and model names, "
        "scores and weights are wrapped in bold escapes (\\x1b[1m … \\x1b[0m) even in a pipe. "
        "'score' is the out-of-fold score (ROC AUC) of each model, one line per model, in fitting "
        "order; the library gives it no step (null; the name 'Lvl_0_Pipe_1_Mod_3_Tuned_CatBoost' "
        "is the model, not part of the metric's name; the numbers in it are indices). 'Time left "
        "598.61 secs' and 'Time budget is 133.48 secs' are times, not metrics. Each tuned model "
        "shows an 'Optimization Progress' tqdm bar on stderr ('  5/101 [00:00<00:12,  7.96it/s, "
        "best_trial=0, best_value=0.881]'): best_value (printed with 3 significant digits) is the "
        "best trial's value so far, step = the bar's position n (it restarts at 0 for the second "
        "bar); best_trial is a trial index, not a metric. The blender logs 'Blending: "
        "optimization starts with equal weights. Score = 0.8602611' (series 'Score'), 'Blending: "
        "iteration 0: score = 0.8751275, weights = [0.57 0.13 0. 0.08 0.21]' (series 'Blending "
        "score', step = the printed iteration), 'Blending: best score = …, best weights = […]' "
        "(series 'Blending best score': the line's 'Blending:' tag names it, as it does the "
        "iteration lines; the start line's 'Score' follows a sentence and keeps its own name); the weights are fitted blend coefficients, not metrics, and so "
        "are the '0.58305 * (3 averaged models …)' lines of the model description (printed by "
        "the log and once more by the script). 'Automl preset training completed in 14.02 "
        "seconds' is a time. step_kind is global: the steps given are the library's own counts "
        "(bar position, blending iteration); the per-model and start/best lines have none."
    ),
)
