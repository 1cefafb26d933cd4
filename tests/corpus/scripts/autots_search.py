"""AutoTS genetic model search on a small synthetic daily series, with AutoTS' default printing.

Versions: autots 1.0.4, pandas 3.1.1, numpy 2.4.6, scikit-learn 1.9.1, Python 3.11 (statsmodels
0.15.0 is installed with AutoTS and imported by it; none of the naive models used here runs it
and nothing of it is printed). matplotlib is not installed: AutoTS says so on import.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_autots_search -- python tests/corpus/scripts/autots_search.py --verbose 1
    python tests/corpus/scripts/capture.py pipe real_autots_verbose2 -- python tests/corpus/scripts/autots_search.py --verbose 2
(AutoTS prints with print() only, no bar and no colour: no pty entries.)
Truth: the search's own record, model.initial_results.model_results (one row per model run, in
run order, with its ValidationRound, Exceptions and error metrics) and model.results("validation")
(the per-model averages over the validations, the leaderboard).
"""

import argparse
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from autots import AutoTS

ap = argparse.ArgumentParser()
ap.add_argument("--verbose", type=int, default=1)
args = ap.parse_args()

rng = np.random.RandomState(0)
n = 150
t = np.arange(n)
df = pd.DataFrame(
    {
        "sales": 50 + 0.2 * t + 8 * np.sin(2 * np.pi * t / 7) + rng.normal(0, 2, n),
        "visits": 200 + 15 * np.sin(2 * np.pi * t / 7 + 1) + rng.normal(0, 5, n),
    },
    index=pd.date_range("2024-01-01", periods=n, freq="D"),
)

model = AutoTS(
    forecast_length=14,
    frequency="infer",
    max_generations=2,
    num_validations=2,
    model_list=["LastValueNaive", "AverageValueNaive", "SeasonalNaive", "ZeroesNaive"],
    transformer_list="fast",
    ensemble=None,
    n_jobs=1,
    random_seed=0,
    verbose=args.verbose,
)
model = model.fit(df)
prediction = model.predict()
leaderboard_cols = ["Model", "Runs", "smape", "mae", "Score"]
if args.verbose == 1:
    # the README's "print the details of the best model"
    print(model)
else:
    # the validation leaderboard (model.results("validation")), its best five
    board = model.results("validation")[leaderboard_cols].head(5)
    print(board)

series = _truth.Series()
mr = model.initial_results.model_results
# during the validation rounds each model that ran prints
# '<n> - <Model> with avg smape <smape rounded to 2> in <seconds>s: '; the generation rounds print
# no score. Rows in run order; a failed model prints 'Template Eval Error' and no score.
val = mr[(mr["ValidationRound"] >= 1) & mr["Exceptions"].isna()]
for _, row in val.iterrows():
    series.add("avg smape", None, None, row["smape"])
not_printed = [
    "smape and every other error metric of the generation-round models (model_results rows with "
    "ValidationRound 0): AutoTS prints only 'Model Number: …' for them",
    "mae, rmse, spl, … of the validation-round models: only 'avg smape' is printed per model",
]
if args.verbose == 1:
    best = mr[mr["ID"] == model.best_model_id]
    for _, row in best.iterrows():
        for col, name in (("smape", "SMAPE"), ("mae", "MAE"), ("spl", "SPL")):
            series.add(name, int(row["ValidationRound"]), None, row[col])
else:
    for pos, (_, row) in enumerate(board.iterrows()):
        for col in ("smape", "mae", "Score"):
            series.add(col, pos, None, row[col])

if args.verbose == 1:
    summary_note = (
        "print(model) then shows 'Initiated AutoTS object with best model: ', the model's name, "
        "its transformation dict and its parameter dict ({'method': 'lastvalue', 'lag_1': 12, "
        "'lag_2': 2}: hyper-parameters, not metrics), 'Validation: 0, 1, 2' (the validation "
        "rounds' numbers) and three comma-separated lists 'SMAPE: 2.62…, 2.69…, 3.77…', "
        "'MAE: …', 'SPL: …': the best model's smape, mae and spl on round 0 (the generation "
        "evaluation) and on each validation round, at full precision (series SMAPE, MAE, SPL, "
        "step = ValidationRound 0, 1, 2)."
    )
else:
    summary_note = (
        'verbose=2 adds \' with params {"method": "Mean"} and transformations {…}\' (JSON of '
        "the model's hyper-parameters and its transformer chain's parameters: windows, lags, "
        "thresholds, n_components: none are metrics) to every 'Model Number' line, and prints a "
        "full traceback for each failed model. The script then prints the validation "
        "leaderboard, print(model.results('validation')[['Model', 'Runs', 'smape', 'mae', "
        "'Score']].head(5)): pandas' repr, first column the rows' index labels (their row "
        "numbers in the results, not metrics), Runs the number of runs of that model (a count), "
        "smape, mae (averages over the runs) and Score (AutoTS' weighted score, lower is "
        "better) with 6 decimals: one point per row, step = row position (0-based)."
    )

_truth.write(
    library=(
        f"autots {metadata.version('autots')} (pandas {pd.__version__}, numpy {np.__version__}, "
        f"scikit-learn {metadata.version('scikit-learn')})"
    ),
    script="tests/corpus/scripts/autots_search.py",
    record=(
        "model.initial_results.model_results (rows of the validation rounds that did not fail, "
        "run order; the best model's rows by ID) and model.results('validation')"
    ),
    step_kind="trial",
    series=series,
    extra_ok=["TotalRuntime ('in 0.02s', seconds one model took)"],
    not_printed=not_printed,
    notes=(
        "Only print(): 'matplotlib not available: …', 'Data frequency is: D, used frequency is: "
        "D', then one line per model tried in the genetic search, 'Model Number: 17 with model "
        "LastValueNaive in generation 0 of 2' (the model's running number, the generation and "
        "the number of generations: counts, no score is printed in these rounds), 'New "
        "Generation: 1 of 2', and 'Template Eval Error: Exception(\"Transformer "
        "LevelShiftTransformer failed on fit from params mean {'0': {'window_size': 90, 'alpha': "
        "4.0, …}}\") in model 15 in generation 0: ZeroesNaive' for models whose transformer "
        "failed (pandas 3's read-only arrays; the dicts are hyper-parameters). Then 'Validation "
        "Round: 1' and per model 'Model Number: 4 of 11 with model LastValueNaive for "
        "Validation 1' (counts) followed by its score line '📈 4 - LastValueNaive with avg smape "
        "2.4 in 0.02s: ' (the emoji marks a new best of the round; 4 is the model's number in "
        "the round, restarting at 1 each round; smape printed rounded to 2 decimals, truth at "
        "full precision; the seconds are the model's runtime). Series 'avg smape': one point "
        "per score line in print order over both rounds (step null: the printed number "
        "restarts each round). " + summary_note
    ),
)
