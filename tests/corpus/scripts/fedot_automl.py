"""FEDOT's AutoML on a small synthetic classification with INFO logging (its evolutionary
composer logs every generation's best fitness, plus a tqdm bar over the generations), then the
test metrics it computes.

Versions: fedot 0.7.5, thegolem 0.4.1, scikit-learn 1.5.2, pandas 2.1.4 (FEDOT 0.7.5 calls
DataFrame.applymap, gone in pandas 3), numpy 1.26.4, Python 3.11. FEDOT pulls statsmodels for
its time-series models; nothing of it runs or prints here.
Capture (repository root, venv /work/venvs/corpus-zL-2):
    python tests/corpus/scripts/capture.py pipe real_fedot_automl -- python tests/corpus/scripts/fedot_automl.py
Truth: the optimisation history FEDOT keeps (Fedot.history, GOLEM's OptHistory): its
archive_history holds the HallOfFame after each logged generation, whose fitness the
'Best individuals' line prints; get_metrics()'s returned dict for the printed test metrics.
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from fedot.api.main import Fedot
from fedot.core.pipelines.pipeline_builder import PipelineBuilder
from sklearn.datasets import make_classification

X, y = make_classification(n_samples=300, n_features=8, n_informative=4, random_state=0)
model = Fedot(
    problem="classification",
    timeout=1,
    preset="fast_train",
    n_jobs=1,
    seed=0,
    logging_level=logging.INFO,
    with_tuning=False,
    pop_size=6,
    num_of_generations=3,
    cv_folds=3,
    # a quick first pipeline: with the default (a random forest) on a busy machine FEDOT finds
    # no time for composing under a 1-minute limit and logs no generation
    initial_assumption=PipelineBuilder().add_node("scaling").add_node("logit").build(),
)
model.fit(features=X[:200], target=y[:200])
model.predict(features=X[200:])
metrics = model.get_metrics(target=y[200:], metric_names=["roc_auc", "f1"])
print(metrics)

history = model.history
series = _truth.Series()
for gen, archive in enumerate(history.archive_history, start=1):
    best = archive[0].fitness
    series.add("roc_auc_pen", gen, None, best.values[0])
for name, value in metrics.items():
    series.add(name, len(history.archive_history), None, value)

_truth.write(
    library=(
        f"fedot {metadata.version('fedot')} (thegolem {metadata.version('thegolem')}, "
        f"scikit-learn {metadata.version('scikit-learn')}, pandas {metadata.version('pandas')})"
    ),
    script="tests/corpus/scripts/fedot_automl.py",
    record=(
        "Fedot.history.archive_history (the HallOfFame after each generation: best fitness "
        "roc_auc_pen) and get_metrics()'s dict"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "s/gen (the tqdm bar's seconds per generation)",
        "spent time, Composition time (minutes of the search the log prints)",
        "Initial pipeline was fitted in (seconds)",
        "avg, std, min, max, rewards (the RandomAgent's statistics of its mutation rewards)",
    ],
    not_printed=["the fitness of every individual of each generation (history.generations)"],
    notes=(
        "Log lines 'YYYY-MM-DD HH:MM:SS,mmm - <component> - <message>' on stdout, a tqdm bar "
        "'Generations:  33%|███▎      | 1/3 [00:12<00:25, 12.67s/gen]' on stderr (its text left in "
        "front of the next log line under a pipe). The metric: 'EvoGraphOptimizer - Generation "
        "num: 2 size: 8' (the generation's number and population size: counts) then "
        "'EvoGraphOptimizer - Best individuals: HallOfFame archive fitness (1): "
        "['<roc_auc_pen=-0.969 node_number=0.100>']': roc_auc_pen is the best cross-validated "
        "ROC AUC so far, negated (FEDOT minimises) and penalised, printed with 3 decimals (series "
        "at the generation number 1..5; full precision in the truth); node_number is the "
        "pipeline's node count / 10 (the fitness' complexity term: a size, not a metric). The "
        "rest are not metrics: 'Preprocessing was unable to define the categorical columns', "
        "'Memory consumption for fitting of the initial pipeline in main session: current 21.4 "
        "MiB, max: 22.2 MiB' (memory), 'Taking into account n_folds=3, estimated fit time for "
        "initial assumption is 1.2 sec.' (an estimate), 'AutoML configured. Parameters tuning: "
        "False. Time limit: 1 min. Set of candidate models: [...]' (config), "
        "'MultiprocessingDispatcher - Number of used CPU's: 1', '2 individuals out of 2 in "
        "previous population were evaluated successfully.', 'Next population size: 5; max graph "
        "depth: 6', 'Next mutation proba: 0.1; Next crossover proba: 0.9' (settings), "
        "'Reproduction achieved pop size 8 using 2 attempt(s) with success rate 1.000', 'no "
        "improvements for 1 iterations' (counts), 'RandomAgent - exp=[0.1667 …] probs=[0.1667 "
        "…]' (the mutation agent's selection probabilities), 'Final pipeline: {'depth': 1, "
        "'length': 1, 'nodes': [rf]}' then 'rf - {'n_jobs': 1}' (structure and parameters). "
        "Timings 'spent time: 0.2 min', 'Composition time: 0.413 min' and the RandomAgent's "
        "reward statistics 'len=3 nonzero=3 avg=-0.013 std=0.011 min=-0.024 max=0.001' and "
        "'actions/rewards: [('single_edge', -0.0171), …]' (fitness changes per mutation; len "
        "and nonzero are counts) are extra_ok. Last, print(get_metrics(...)) of the test split: "
        "\"{'roc_auc': 0.975, 'f1': 0.9}\" (series at the last generation)."
    ),
)
