"""Keras Tuner RandomSearch: 4 trials of 2 epochs on synthetic data (fit's default verbose=1 bar).

Versions: keras-tuner 1.4.8, keras 3.15.1, tensorflow-cpu 2.21.0, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_keras_tuner -- python tests/corpus/scripts/keras_tuner_search.py
    python tests/corpus/scripts/capture.py pty  real_keras_tuner_pty -- python tests/corpus/scripts/keras_tuner_search.py
Truth: tuner.oracle.trials (each trial's score and its metrics' per-epoch history) and the
values Keras' Progbar printed inside each trial (see _keras_bar.py).
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import _keras_bar  # noqa: E402
import _truth  # noqa: E402
import keras  # noqa: E402
import keras_tuner as kt  # noqa: E402
import numpy as np  # noqa: E402

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
            keras.layers.Dense(hp.Int("units", 32, 256, step=32), activation="relu"),
            keras.layers.Dropout(hp.Float("dropout", 0.0, 0.5, step=0.1)),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    lr = hp.Choice("learning_rate", [1e-2, 3e-3, 1e-3])
    model.compile(
        optimizer=keras.optimizers.Adam(lr), loss="binary_crossentropy", metrics=["accuracy"]
    )
    return model


class Tuner(kt.RandomSearch):
    def run_trial(self, trial, *args, **kwargs):
        _keras_bar.CONTEXT[0] = int(trial.trial_id) + 1  # printed as 'Running Trial #N'
        return super().run_trial(trial, *args, **kwargs)


workdir = tempfile.mkdtemp(prefix="kt-")
tuner = Tuner(
    build, objective="val_accuracy", max_trials=4, seed=1, directory=workdir, project_name="corpus"
)
tuner.search(
    x,
    y,
    epochs=2,
    batch_size=32,
    validation_data=(x_val, y_val),
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
    )  # the trial's score is its best epoch's val_accuracy
    series.add("val_accuracy (trial score)", n, None, t.score)
    best = t.score if best is None else max(best, t.score)
    series.add("Best val_accuracy So Far", n, None, best)
# results_summary prints each of the 2 best trials' "Score: ..."
for t in tuner.oracle.get_best_trials(2):
    series.add(
        "Score", int(t.trial_id), None, t.score
    )  # under 'Trial <trial_id> summary' (0-based)
shutil.rmtree(workdir)

_truth.write(
    library=f"keras-tuner {kt.__version__}, keras {keras.__version__} (tensorflow backend)",
    script="tests/corpus/scripts/keras_tuner_search.py",
    record="tuner.oracle.trials (trial.score, trial.metrics) and the Progbar states Keras printed in each trial",
    step_kind="trial",
    series=series,
    extra_ok=[
        "the bar's time per step and ETA",
        "Total elapsed time / trial duration ([00h 00m 03s])",
    ],
    not_printed=["trial.metrics history of loss/accuracy is only printed through the fit bar"],
    notes=(
        "Four fits in one console, each restarting at 'Epoch 1/2'. Fit series (loss, accuracy, "
        "val_loss, val_accuracy): step = Keras' iteration count WITHIN the trial ((epoch-1) x 63 + bar "
        "position), epoch = the epoch within the trial; the points are the running values Keras' "
        "Progbar printed at each drawn position (the epoch-end state equals History), so their steps "
        "restart at every trial. Per-trial series: step = the trial number as the search prints it "
        "('Search: Running Trial #3' = trial_id 2 + 1), epoch null. After each trial KerasTuner prints "
        "'val_accuracy: 0.9200000166893005' = the trial's score (its best epoch's val_accuracy, asserted, "
        "full float precision): in the truth it is the series 'val_accuracy (trial score)' since it is not "
        "a new epoch point of the fit's val_accuracy (a parser filing it under val_accuracy at the trial "
        "is also defensible). 'Best val_accuracy So Far' is the running best score. The hyperparameter "
        "tables ('Value |Best Value So Far |Hyperparameter' rows: units, dropout, learning_rate) and the "
        "summary's 'units: 96' lines are configuration, not metrics. results_summary() at the end prints "
        "'Trial 2 summary' ... 'Score: 0.93...' for the 2 best trials: KerasTuner numbers trials from 0 "
        "there (trial_id) but from 1 in 'Running Trial #N', so 'Trial 2 summary' is the search's trial #3; "
        "the series 'Score' uses the summary's own number (step 2 and 3)."
    ),
)
