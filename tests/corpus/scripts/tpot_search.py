"""TPOT 1.x TPOTClassifier(verbose=3): a tiny genetic-programming pipeline search on synthetic
data, two objectives (ROC AUC and accuracy, both maximised), its tqdm 'Generation' bar and the
'Generation:  N' / 'Best <objective> score: <value>' lines it prints after every generation.

Versions: TPOT 1.1.0 (dask 2026.8.0, distributed), scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
TPOT 1.x no longer prints TPOT 0.12's 'Generation N - Current best internal CV score' line; this
is what the version that installs today prints.
Capture (repository root, venv /work/venvs/other-f):
    python tests/corpus/scripts/capture.py pipe real_tpot_search -- python tests/corpus/scripts/tpot_search.py
    python tests/corpus/scripts/capture.py pty real_tpot_search_pty -- python tests/corpus/scripts/tpot_search.py
Truth: est.evaluated_individuals (TPOT's own table of every pipeline it evaluated, with the
generation it was made in and each objective's CV score, full precision). The line printed after
generation g is the best valid score over the rows evaluated so far (Generation < g), which is
exactly how TPOT computes it; the script checks that against the table's own maxima.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from sklearn.datasets import make_classification
from tpot import TPOTClassifier

GENERATIONS = 5


def main() -> None:
    X, y = make_classification(n_samples=300, n_features=8, n_informative=4, random_state=0)
    est = TPOTClassifier(
        search_space="linear-light",
        scorers=["roc_auc", "accuracy"],
        scorers_weights=[1.0, 1.0],
        generations=GENERATIONS,
        population_size=6,
        cv=3,
        n_jobs=1,
        processes=False,  # a threaded dask cluster: no worker processes on a 2-core machine
        max_time_mins=None,
        max_eval_time_mins=0.5,
        verbose=3,
        random_state=0,
    )
    est.fit(X, y)

    df = est.evaluated_individuals
    objectives = list(est.objective_names)  # the scorer functions' names, as printed
    series = _truth.Series()
    gens = sorted(int(g) for g in df["Generation"].dropna().unique())
    n_printed = min(GENERATIONS, max(gens) + 1)
    for g in range(1, n_printed + 1):
        rows = df[df["Generation"] < g]
        for obj in objectives:
            col = rows[obj]
            col = col[~col.isin(["TIMEOUT", "INVALID"])].astype(float)
            series.add(f"Best {obj} score", g, None, float(np.max(col)))  # the printed phrase
    _truth.write(
        library=(
            f"TPOT {metadata.version('tpot')} (dask {metadata.version('dask')}, "
            f"scikit-learn {metadata.version('scikit-learn')})"
        ),
        script="tests/corpus/scripts/tpot_search.py",
        record=(
            "est.evaluated_individuals (every evaluated pipeline, its Generation and its CV "
            "score per objective); the value printed after generation g is the best valid score "
            "among rows with Generation < g"
        ),
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[
            "each pipeline's own scores (only the running best is printed)",
            "Submitted/Completed Timestamp, Pareto_Front",
        ],
        notes=(
            "After the initial population and after each generation TPOT prints 'Generation:  1' "
            "on one line, then one line per objective 'Best roc_auc_score score: 0.8918', "
            "'Best accuracy_score score: 0.7966666666666665' (the series is the printed phrase 'Best <scorer> score'; the scorer is the "
            "function's name between 'Best' and 'score'; the value is a running maximum over all pipelines evaluated so "
            "far, so it never decreases). The step is the generation number printed on the line "
            "before. Interleaved with a tqdm bar 'Generation:  40%|####      | 2/5 [00:07<00:10, "
            "3.47s/it]' written to stderr: in a pipe stdout is block-buffered, so every "
            "bar state comes first on one physical line between '\\r's and all the prints after "
            "it; under a terminal each print follows the bar state it was made after "
            "('...0/5 [00:00<?, ?it/s]Generation:  1'). The bar's counter N/5 is the same generation count, its percentage, times and "
            "s/it are progress, not metrics. Search settings (5 generations, population 6, 3-fold "
            "CV) are not metrics."
        ),
    )


if __name__ == "__main__":  # dask starts its cluster from here
    main()
