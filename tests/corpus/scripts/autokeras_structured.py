"""AutoKeras StructuredDataClassifier: 2 trials x 2 epochs on synthetic arrays, then the final fit
and evaluate(), with AutoKeras' default printing (Keras Tuner's trial blocks, Keras' fit bar).

Versions: autokeras 3.0.0, keras-tuner 1.4.8, keras 3.12.0 (keras 3.13+ rejects the numpy integer
AutoKeras 3.0.0 passes as Dense units), tensorflow-cpu 2.21.0 (backend), tensorboard (keras-tuner
imports it for every trial), Python 3.11.
Capture (repository root, venv active, TMPDIR set to a scratch folder):
    python tests/corpus/scripts/capture.py pipe real_autokeras_structured -- python tests/corpus/scripts/autokeras_structured.py
    python tests/corpus/scripts/capture.py pty  real_autokeras_structured_pty -- python tests/corpus/scripts/autokeras_structured.py
Truth: tuner.oracle.trials (each trial's score) and the values Keras' Progbar printed in every
fit and in evaluate() (see _keras_bar.py; the epoch and the fit are noted by wrapping Keras'
ProgbarLogger, since AutoKeras 3.0.0 mangles user callbacks for its final fit).
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import _keras_bar
import _truth
import autokeras as ak
import keras
import keras_tuner as kt
import numpy as np
from keras.src.callbacks import progbar_logger

# which fit (trial number, 'final', 'evaluate') and epoch each drawn bar state belongs to
_fits = [0]
_begin_train = progbar_logger.ProgbarLogger.on_train_begin
_begin_epoch = progbar_logger.ProgbarLogger.on_epoch_begin


def _on_train_begin(self, logs=None):
    _fits[0] += 1
    _keras_bar.CONTEXT[0] = _fits[0]
    return _begin_train(self, logs)


def _on_epoch_begin(self, epoch, logs=None):
    _keras_bar._epoch[0] = epoch + 1
    return _begin_epoch(self, epoch, logs)


progbar_logger.ProgbarLogger.on_train_begin = _on_train_begin
progbar_logger.ProgbarLogger.on_epoch_begin = _on_epoch_begin

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(600, 8)).astype("float32")
y = ((x[:, :3].sum(1) + 0.5 * rng.normal(size=600)) > 0).astype("int32")
x_test, y_test = x[500:], y[500:]
x, y = x[:500], y[:500]

workdir = tempfile.mkdtemp(prefix="ak-")
clf = ak.StructuredDataClassifier(max_trials=2, overwrite=True, directory=workdir, seed=0)
clf.fit(x, y, epochs=2, validation_split=0.2)
_keras_bar.CONTEXT[0] = "evaluate"
_keras_bar._epoch[0] = 1
print(clf.evaluate(x_test, y_test))

# ---- ground truth (written only under capture.py) ----
series = _truth.Series()
for _fit, epoch, pos, target, values in _keras_bar.states():
    for name, value in values.items():  # step: Keras' iteration count within that fit
        series.add(name, (epoch - 1) * target + pos, epoch, value)
trials = sorted(clf.tuner.oracle.trials.values(), key=lambda t: int(t.trial_id))
best = None
for t in trials:
    n = int(t.trial_id) + 1  # printed as 'Search: Running Trial #N'
    hist = t.metrics.get_history("val_accuracy")
    assert t.score == max(o.value[0] for o in hist)
    series.add("val_accuracy (trial score)", n, None, t.score)
    best = t.score if best is None else max(best, t.score)
    series.add("Best val_accuracy So Far", n, None, best)
shutil.rmtree(workdir)

_truth.write(
    library=(
        f"autokeras {ak.__version__}, keras-tuner {kt.__version__}, keras {keras.__version__} "
        "(tensorflow backend)"
    ),
    script="tests/corpus/scripts/autokeras_structured.py",
    record=(
        "clf.tuner.oracle.trials (trial.score, trial.metrics) and the Progbar states Keras printed "
        "in each fit and in evaluate()"
    ),
    step_kind="trial",
    series=series,
    extra_ok=[
        "the bar's time per step and ETA",
        "Total elapsed time / trial duration ([00h 00m 01s])",
    ],
    not_printed=["the trials' per-epoch histories are printed only through the fit bar"],
    notes=(
        "TensorFlow's start-up lines (oneDNN, cpu_feature_guard), then per trial Keras Tuner's "
        "'Search: Running Trial #1' and its hyper-parameter table 'Value |Best Value So Far "
        "|Hyperparameter' with rows like '32                |32                "
        "|structured_data_block_1/dense_block_1/units_0', '2 … |…/num_layers', '0.001 … "
        "|learning_rate', 'adam … |optimizer', 'True … |…/normalize' (hyper-parameters, not "
        "metrics), a Keras UserWarning about the inputs' structure, then Keras' fit bar for 2 "
        "epochs ('Epoch 1/2', '13/13 ━━━━ 0s 12ms/step - accuracy: 0.6125 - loss: 0.6757 - "
        "val_accuracy: 0.7600 - val_loss: 0.6318': running values; the bar is drawn with ANSI "
        "colours also into a pipe), then 'Trial 1 Complete [00h 00m 01s]', 'val_accuracy: "
        "0.8500000238418579' (the trial's score: its best epoch's val_accuracy, asserted; series "
        "'val_accuracy (trial score)', step = the trial number as 'Running Trial #N' prints it), "
        "'Best val_accuracy So Far: …' (running best) and 'Total elapsed time: 00h 00m 01s'. "
        "After the search AutoKeras refits the best model on train+validation data for 2 epochs "
        "(a third fit: bar without val_ metrics), a warning about skipped optimizer variables, "
        "then evaluate()'s bar '4/4 ━━━━ 0s 5ms/step - accuracy: 0.8000 - loss: 0.5931' and the "
        "script's print of evaluate()'s list '[0.5931190252304077, 0.800000011920929]' (loss, "
        "accuracy: unnamed, not in the series). Fit series (loss, accuracy, val_loss, "
        "val_accuracy): step = Keras' iteration count within that fit ((epoch-1) x steps per "
        "epoch + bar position), epoch = the epoch within that fit; one point per drawn bar "
        "position, so steps restart at each trial, at the final fit and at evaluate()."
    ),
)
