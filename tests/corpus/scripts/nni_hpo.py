"""NNI (Neural Network Intelligence) hyper-parameter tuning of an SGDClassifier on synthetic
data; the trial reports per-epoch validation accuracy with nni.report_intermediate_result() and the
last one with nni.report_final_result(), as NNI's HPO quickstart does.

- standalone: the trial script run by itself (how NNI's docs say to debug trial code): NNI warns
  'Running trial code without runtime…' (colours from colorama even when piped) and logs
  '[2026-12-07 13:48:48] Intermediate result: 0.88  (Index 0)' and 'Final result: 0.89' in green.
- standalone_dict: the same with dict metrics (NNI's documented form, 'default' is the one the
  tuner reads): 'Intermediate result: {'default': 0.88, 'val_loss': 0.31…}  (Index 0)'.
- experiment: nni.experiment.Experiment('local') with the TPE tuner, 5 trials (this script as the
  trial command), experiment.run(port) then print(experiment.export_data()) and
  experiment.stop(): NNI's '[…] Creating experiment, Experiment ID: x63n9afz', 'Web portal URLs:
  …', one printed list '[TrialResult(parameter={'alpha': 0.00075…, 'eta0': 0.0047…}, value=0.91,
  trialJobId='WDJCq'), …]', 'Stopping experiment, please wait...'.

Versions: nni 3.0, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with nni; the experiment needs a free local port 8080 and
runs NNI's bundled node):
    python tests/corpus/scripts/capture.py pipe real_nni_standalone -- python tests/corpus/scripts/nni_hpo.py standalone
    python tests/corpus/scripts/capture.py pipe real_nni_standalone_dict -- python tests/corpus/scripts/nni_hpo.py standalone_dict
    python tests/corpus/scripts/capture.py pty real_nni_standalone_dict_pty -- python tests/corpus/scripts/nni_hpo.py standalone_dict
    python tests/corpus/scripts/capture.py pipe real_nni_experiment_export -- python tests/corpus/scripts/nni_hpo.py experiment
Truth: standalone: the metrics NNI's StandaloneTrialCommandChannel.send_metric receives (read by
a wrapper that calls the original; it keeps no other record), step = NNI's sequence number
('Index'), none (null) for the final result; experiment: experiment.export_data()
(the NNI manager's record of each trial's final result, the list printed), step = the trial's
position in it (1-based).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import nni
import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split

which = sys.argv[1]
LIB = f"nni {metadata.version('nni')} (scikit-learn {metadata.version('scikit-learn')}, numpy {np.__version__})"


def trial(as_dict: bool) -> None:
    params = {"alpha": 1e-4, "eta0": 0.01}
    params.update(nni.get_next_parameter())
    X, y = make_classification(n_samples=400, n_features=10, random_state=0)
    X_tr, X_va, y_tr, y_va = train_test_split(X, y, random_state=0)
    clf = SGDClassifier(
        loss="log_loss",
        alpha=params["alpha"],
        eta0=params["eta0"],
        learning_rate="constant",
        random_state=0,
    )
    for _epoch in range(4):
        clf.partial_fit(X_tr, y_tr, classes=np.unique(y))
        acc = clf.score(X_va, y_va)
        if as_dict:
            loss = log_loss(y_va, clf.predict_proba(X_va))
            nni.report_intermediate_result({"default": acc, "val_loss": loss})
        else:
            nni.report_intermediate_result(acc)
    nni.report_final_result({"default": acc, "val_loss": loss} if as_dict else acc)


if which == "trial":
    trial(as_dict=False)
elif which.startswith("standalone"):
    from nni.runtime.trial_command_channel.standalone import StandaloneTrialCommandChannel

    sent = []
    original = StandaloneTrialCommandChannel.send_metric

    def send_metric(self, type, parameter_id, trial_job_id, sequence, value):
        sent.append((type, sequence, value))
        return original(self, type, parameter_id, trial_job_id, sequence, value)

    StandaloneTrialCommandChannel.send_metric = send_metric
    as_dict = which == "standalone_dict"
    trial(as_dict)
    series = _truth.Series()
    for kind, seq, value in sent:
        step = seq if kind == "PERIODICAL" else None
        if as_dict:
            for key, v in value.items():
                series.add(key, step, None, v)
        else:
            series.add(
                "Intermediate result" if kind == "PERIODICAL" else "Final result", step, None, value
            )
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/nni_hpo.py",
        record="the metrics NNI's StandaloneTrialCommandChannel.send_metric receives (wrapped)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "NNI's RuntimeWarning 'Running trial code without runtime. Please check the tutorial "
            "if you are new to NNI: https://nni.readthedocs.io/…' (bold red / yellow ANSI colours "
            "even piped), then NNI's log lines '[2026-12-07 13:48:48] \\x1b[32mIntermediate "
            "result: 0.88  (Index 0)\\x1b[0m' (green; the Index is NNI's sequence number, 0-based: "
            "the step) and '[…] Final result: 0.89' (no index: NNI gives the final result no "
            "step: null). "
            + (
                "The metric is a dict, printed as Python's repr: 'Intermediate result: "
                "{'default': 0.88, 'val_loss': 0.31…}  (Index 0)' and 'Final result: {'default': "
                "…, 'val_loss': …}': series 'default' (accuracy, the key NNI's tuner reads) and "
                "'val_loss', both the intermediate and the final values."
                if as_dict
                else "The metric is a plain float (validation accuracy): series 'Intermediate "
                "result' and 'Final result' named as NNI prints them."
            )
        ),
    )
else:
    import tempfile

    from nni.experiment import Experiment

    experiment = Experiment("local")
    experiment.config.trial_command = f"{sys.executable} {os.path.abspath(__file__)} trial"
    experiment.config.trial_code_directory = os.path.dirname(os.path.abspath(__file__))
    experiment.config.search_space = {
        "alpha": {"_type": "loguniform", "_value": [1e-5, 1e-1]},
        "eta0": {"_type": "loguniform", "_value": [1e-3, 1.0]},
    }
    experiment.config.tuner.name = "TPE"
    experiment.config.tuner.class_args = {"optimize_mode": "maximize", "seed": 0}
    experiment.config.max_trial_number = 5
    experiment.config.trial_concurrency = 1
    experiment.config.experiment_working_directory = tempfile.mkdtemp(prefix="nni-")
    experiment.run(8080)
    data = experiment.export_data()
    print(data)
    experiment.stop()
    series = _truth.Series()
    for i, t in enumerate(data, start=1):
        series.add("value", i, None, t.value)
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/nni_hpo.py",
        record="nni.experiment.Experiment.export_data() (the NNI manager's trial results)",
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=[
            "the trials' intermediate results (kept by the NNI manager, shown only in its web portal)"
        ],
        notes=(
            "NNI's green log lines '[2026-12-07 13:48:49] Creating experiment, Experiment ID: "
            "x63n9afz' (an id, cyan), 'Starting web server...', 'Setting up...', 'Web portal URLs: "
            "http://127.0.0.1:8080 …' (a port, addresses), then the script's print of "
            "export_data(), ONE line: a Python list of dataclass reprs '[TrialResult(parameter="
            "{'alpha': 0.000755…, 'eta0': 0.00472…}, value=0.91, trialJobId='WDJCq'), "
            "TrialResult(…), …]': the parameter dicts are the trials' HYPER-PARAMETERS, value= is "
            "each trial's final result (validation accuracy: series 'value', step = position in "
            "the list), trialJobId an id; then 'Stopping experiment, please wait...', 'Saving "
            "experiment checkpoint...', 'Stopping NNI manager, if any...', 'Experiment stopped.'"
        ),
    )
