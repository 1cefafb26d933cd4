"""Keras Tuner Hyperband and BayesianOptimization on synthetic data.

hyperband: Hyperband(max_epochs=3, factor=3), fit's default verbose=1 bar; its trial tables add
the tuner/epochs, tuner/initial_epoch, tuner/bracket, tuner/round (and tuner/trial_id) rows, and
a promoted trial resumes its parent's weights at 'Epoch 2/3'.
bayes: BayesianOptimization(max_trials=4), search(..., verbose=2): one line per epoch
('63/63 - 1s - 9ms/step - accuracy: ... - loss: ... - val_accuracy: ... - val_loss: ...').

Versions: keras-tuner 1.4.8, keras 3.15.1, tensorflow-cpu 2.21.0, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_keras_tuner_hyperband -- python tests/corpus/scripts/keras_tuner_more.py hyperband
    python tests/corpus/scripts/capture.py pty  real_keras_tuner_hyperband_pty -- python tests/corpus/scripts/keras_tuner_more.py hyperband
    python tests/corpus/scripts/capture.py pipe real_keras_tuner_bayes -- python tests/corpus/scripts/keras_tuner_more.py bayes
Truth: tuner.oracle.trials (each trial's score, its metrics' per-epoch history) and the values
Keras' Progbar printed inside each trial (see _keras_bar.py).
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import _keras_bar
import _truth
import keras
import keras_tuner as kt
import numpy as np

kind = sys.argv[1]
assert kind in ("hyperband", "bayes")
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(2400, 16)).astype("float32")
y = ((x[:, :4].sum(1) + 0.5 * rng.normal(size=2400)) > 0).astype("float32")
x_val, y_val = x[2000:], y[2000:]
x, y = x[:2000], y[:2000]


def build(hp):
    model = keras.Sequential(
        [
            keras.Input(shape=(16,)),
            keras.layers.Dense(hp.Int("units", 16, 128, step=16), activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    lr = hp.Float("learning_rate", 1e-4, 1e-2, sampling="log")
    model.compile(
        optimizer=keras.optimizers.Adam(lr), loss="binary_crossentropy", metrics=["accuracy"]
    )
    return model


base = kt.Hyperband if kind == "hyperband" else kt.BayesianOptimization


class Tuner(base):
    def run_trial(self, trial, *args, **kwargs):
        _keras_bar.CONTEXT[0] = int(trial.trial_id) + 1  # printed as 'Running Trial #N'
        return super().run_trial(trial, *args, **kwargs)


workdir = tempfile.mkdtemp(prefix="kt-")
if kind == "hyperband":
    tuner = Tuner(
        build,
        objective="val_accuracy",
        max_epochs=3,
        factor=3,
        seed=1,
        directory=workdir,
        project_name="corpus",
    )
    tuner.search(
        x, y, validation_data=(x_val, y_val), batch_size=32, callbacks=[_keras_bar.EpochNumber()]
    )
else:
    tuner = Tuner(
        build,
        objective="val_accuracy",
        max_trials=4,
        num_initial_points=2,
        seed=1,
        directory=workdir,
        project_name="corpus",
    )
    tuner.search(
        x,
        y,
        epochs=2,
        validation_data=(x_val, y_val),
        batch_size=32,
        verbose=2,
        callbacks=[_keras_bar.EpochNumber()],
    )
tuner.results_summary(num_trials=2)

# ---- ground truth (written only under capture.py) ----
series = _truth.Series()
for _trial, epoch, pos, target, values in _keras_bar.states():
    for name, value in values.items():  # step: Keras' iteration count within this trial's fit
        series.add(name, (epoch - 1) * target + pos, epoch, value)
trials = sorted(tuner.oracle.trials.values(), key=lambda t: int(t.trial_id))
best = None
for t in trials:
    n = int(t.trial_id) + 1
    hist = t.metrics.get_history("val_accuracy")
    assert t.score == max(
        o.value[0] for o in hist
    )  # the trial's score: its best epoch's val_accuracy
    series.add("val_accuracy (trial score)", n, None, t.score)
    best = t.score if best is None else max(best, t.score)
    series.add("Best val_accuracy So Far", n, None, best)
for t in tuner.oracle.get_best_trials(2):
    series.add(
        "Score", int(t.trial_id), None, t.score
    )  # under 'Trial <trial_id> summary' (0-based)
shutil.rmtree(workdir)

hb_note = (
    " Hyperband: the trial tables list the hyperparameters (units, learning_rate) and Hyperband's "
    "own bookkeeping rows tuner/epochs, tuner/initial_epoch, tuner/bracket, tuner/round and, for a "
    "promoted trial, tuner/trial_id (the parent trial's id, a 4-digit string like 0001): all "
    "configuration or counters, not metrics. A promoted trial loads its parent's weights and fits "
    "from initial_epoch, so its bar starts at 'Epoch 2/3'; its fit series points use that epoch "
    "number. The summary's hyperparameter lines ('tuner/epochs: 3') are configuration too."
)
bo_note = (
    " BayesianOptimization with fit verbose=2: one line per epoch '63/63 - 0s - 3ms/step - "
    "accuracy: 0.7... - loss: 0.5... - val_accuracy: 0.8... - val_loss: 0.4...' (the Progbar's "
    "finalized state = History); the trial tables hold units and learning_rate (configuration)."
)
_truth.write(
    library=f"keras-tuner {kt.__version__}, keras {keras.__version__} (tensorflow backend)",
    script="tests/corpus/scripts/keras_tuner_more.py",
    record="tuner.oracle.trials (trial.score, trial.metrics) and the Progbar states Keras printed in each trial",
    step_kind="trial",
    series=series,
    extra_ok=[
        "the bar's time per step and ETA (and verbose=2's '1s' epoch time)",
        "Total elapsed time / trial duration ([00h 00m 03s])",
    ],
    not_printed=["trial.metrics history of loss/accuracy is only printed through the fit output"],
    notes=(
        "Several fits in one console, each restarting its epochs. Fit series (loss, accuracy, "
        "val_loss, val_accuracy): step = Keras' iteration count WITHIN the trial ((epoch-1) x 63 + "
        "bar position), epoch = the epoch as the fit prints it; the points are the values Keras' "
        "Progbar printed at each drawn position (the epoch-end state equals History). Per-trial "
        "series: step = the trial number as the search prints it ('Search: Running Trial #3' = "
        "trial_id 2 + 1), epoch null. After each trial KerasTuner prints 'val_accuracy: 0.92000001' = "
        "the trial's score (its best epoch's val_accuracy): the series 'val_accuracy (trial score)'. "
        "'Best val_accuracy So Far' is the running best score. results_summary() prints 'Trial 2 "
        "summary' ... 'Score: 0.93...' for the 2 best trials, numbered by trial_id (0-based): the "
        "series 'Score' uses that printed number as its step."
        + (hb_note if kind == "hyperband" else bo_note)
    ),
)
