"""Uber's Orbit: an LGT (local global trend) model fitted by SVI through Pyro
(estimator='pyro-svi') on a synthetic daily series with weekly seasonality, as Orbit's
quickstart runs it, then a holdout forecast scored with orbit.diagnostics.metrics.

Versions: orbit-ml 1.1.4 (the last wheel; 1.1.5 is an sdist that downloads CmdStan at build),
pyro-ppl 1.9.2, torch 2.13.0 CPU, setuptools<70 (orbit.utils.stan imports pkg_resources),
Python 3.11. Orbit logs through its own logger: '2026-12-07 21:07:51 - orbit - INFO - step    0
loss = 505.7, scale = 0.11232' (the SVI loop's print, every `message` steps), plus Pyro's
'INFO \t Guessed max_plate_nesting = 2' and a torch UserWarning.
`lgt` (default): seasonality=7, num_steps=301, message=50 (default message=100 halves the lines).
`reg`: LGT with two regressors (regressor_sign '+', '='), learning_rate_total_decay=0.1,
  num_steps=201, message=20; regression coefficients printed with get_regression_coefs().
Capture (repository root, venv /work/venvs/corpus-zBG-2):
    python tests/corpus/scripts/capture.py pipe real_orbit_lgt_svi -- python tests/corpus/scripts/orbit_lgt_svi.py lgt
    python tests/corpus/scripts/capture.py pipe real_orbit_lgt_svi_reg -- python tests/corpus/scripts/orbit_lgt_svi.py reg
(no progress bars: the same under a terminal, no pty entries.)
Truth: model.get_training_metrics()['loss_elbo'] (the estimator's own per-step ELBO record) at
the printed steps; the metric functions' return values for the holdout scores.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from orbit.diagnostics.metrics import mae, rmsse, smape, wmape  # noqa: E402
from orbit.models import LGT  # noqa: E402

variant = sys.argv[1] if len(sys.argv) > 1 else "lgt"
rng = np.random.RandomState(42)
n = 150
t = np.arange(n)
df = pd.DataFrame({"date": pd.date_range("2024-01-01", periods=n, freq="D")})
df["promo"] = rng.binomial(1, 0.2, n).astype(float)
df["temp"] = rng.normal(0, 1, n)
df["sales"] = (
    50 + 0.1 * t + 3 * np.sin(2 * np.pi * t / 7) + rng.normal(0, 1.0, n)
    + (4 * df.promo + 0.8 * df.temp if variant == "reg" else 0)
)
train, test = df.iloc[:-21], df.iloc[-21:]
print(f"orbit-ml {metadata.version('orbit-ml')}  pyro-ppl {metadata.version('pyro-ppl')}")
print(f"train: {train.date.min().date()} .. {train.date.max().date()} ({len(train)} rows), test: {len(test)} rows")

if variant == "reg":
    num_steps, message = 201, 20
    model = LGT(
        response_col="sales",
        date_col="date",
        seasonality=7,
        regressor_col=["promo", "temp"],
        regressor_sign=["+", "="],
        estimator="pyro-svi",
        num_steps=num_steps,
        message=message,
        learning_rate=0.1,
        learning_rate_total_decay=0.1,
        num_particles=8,
        num_sample=50,
        seed=2024,
    )
else:
    num_steps, message = 301, 50
    model = LGT(
        response_col="sales",
        date_col="date",
        seasonality=7,
        estimator="pyro-svi",
        num_steps=num_steps,
        message=message,
        num_particles=8,
        num_sample=50,
        seed=2024,
    )
model.fit(train)
loss = model.get_training_metrics()["loss_elbo"]

pred = model.predict(test)
print(pred[["date", "prediction_5", "prediction", "prediction_95"]].tail(3).to_string(index=False))
actual, yhat = test["sales"].values, pred["prediction"].values
scores = {
    "SMAPE": smape(actual, yhat),
    "WMAPE": wmape(actual, yhat),
    "MAE": mae(actual, yhat),
    "RMSSE": rmsse(actual, yhat, train["sales"].values),
}
for k, v in scores.items():
    print(f"{k}: {v:.4f}")
if variant == "reg":
    print(model.get_regression_coefs())

series = _truth.Series()
for s in range(0, num_steps, message):
    series.add("loss", s, None, float(loss[s]))
for k, v in scores.items():
    series.add(k, None, None, float(v))

_truth.write(
    library=f"orbit-ml {metadata.version('orbit-ml')} (pyro-ppl {metadata.version('pyro-ppl')}, torch)",
    script="tests/corpus/scripts/orbit_lgt_svi.py",
    record="model.get_training_metrics()['loss_elbo'] (PyroEstimatorVI's per-step ELBO list); orbit.diagnostics.metrics return values",
    step_kind="global",
    series=series,
    extra_ok=["scale = … on each step line: the RMS of the guide's scale, computed for the print only, not recorded"],
    not_printed=["loss_elbo at the steps between prints; loglk, sampling_temperature"],
    notes="step = the SVI step as printed (0-based). The prediction table and, for reg, the regression coefficient table are not metrics.",
)
