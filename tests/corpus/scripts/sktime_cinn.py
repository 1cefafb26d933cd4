"""sktime's CINNForecaster (a conditional invertible neural network, FrEIA on torch) fitted with
verbose=True on a synthetic hourly series, then the user's print of a 3-step forecast.

verbose=True makes sktime print, every 200th batch of each epoch, `print(epoch, i, nll, val_nll)`:
bare numbers with no name ('0 0 48.106426 35.585464': the epoch, the batch index, the training
negative log-likelihood and the validation one, numpy float32 scalars). Before them sktime's and
torch's warnings (FutureWarning about remember_data, 'Using frequency from index', the non-writable
NumPy array warning) with their file paths and line numbers; after them the forecast, a pandas
Series ('2024-02-10 00:00:00     9.847570', 'dtype: float64').

Truth: no series. The two losses are metrics, but the output never names them: like
real_niapy_task_logging (its unnamed best fitness), the truth holds no series, and any stored
series is counted as invented (an epoch, a batch index, a forecast value, a line number or a date
stored under any name is a false metric; a reader that names the bare columns is guessing).
sktime keeps no record of them: for the reviewer, the script tees sys.stdout during fit() and
checks that one line was printed per epoch with four fields.

Versions: sktime 1.2.0, FrEIA 0.2 (an sdist, pure Python), torch 2.13.0+cpu, pandas 3.0.6,
numpy 2.4.6, scipy 1.17.1, Python 3.11. Seeds fixed; ~25 s of CPU.
Capture (repository root; venv /work/venvs/corpus-zB-1 (see rtdl_ftt_example.py) plus
pip install sktime FrEIA):
    python tests/corpus/scripts/capture.py pipe real_sktime_cinn_verbose -- python tests/corpus/scripts/sktime_cinn.py
(plain print() lines: no pty entry.)
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import torch
from _fdtee import Tee
from sktime.forecasting.cinn import CINNForecaster

torch.manual_seed(0)
np.random.seed(0)
torch.set_num_threads(1)
n = 24 * 40
index = pd.date_range("2024-01-01", periods=n, freq="h")
t = np.arange(n)
y = pd.Series(10 + np.sin(2 * np.pi * t / 24) + 0.3 * np.random.randn(n), index=index)

num_epochs = 6
forecaster = CINNForecaster(window_size=24 * 3, num_epochs=num_epochs, verbose=True, batch_size=64)
tee = Tee(sys.stdout)
sys.stdout = tee
try:
    forecaster.fit(y)
finally:
    sys.stdout = tee.under
lines = [line.split() for line in "".join(tee.buf).splitlines()]
assert len(lines) == num_epochs and all(len(f) == 4 for f in lines), lines
print(forecaster.predict(fh=[1, 2, 3]))

_truth.write(
    library=(
        f"sktime {metadata.version('sktime')}, FrEIA {metadata.version('FrEIA')}, torch {torch.__version__}, "
        f"pandas {pd.__version__}, numpy {np.__version__}"
    ),
    script="tests/corpus/scripts/sktime_cinn.py",
    record="none kept by sktime; the values are printed without names (see notes)",
    step_kind="none",
    series={},
    not_printed=[],
    notes=(
        "CINNForecaster(window_size=72, num_epochs=6, verbose=True).fit on a synthetic hourly series "
        "(960 points), then print(forecaster.predict(fh=[1, 2, 3])). First warnings with paths and line "
        "numbers ('…/sktime/forecasting/base/_base.py:169: FutureWarning: The default of config "
        "``remember_data`` will change from ``True`` to ``False`` in sktime 1.3.0. …', '  warn(', "
        "'…/_base.py:527: UserWarning: Using frequency from index: <Hour>, …', torch's 'The given NumPy array "
        "is not writable …'), then one line per epoch, sktime's print(epoch, i, nll, val_nll): "
        "'0 0 48.106426 35.585464' - the 0-based epoch, the batch index (always 0 here: only every 200th "
        "batch prints), the training negative log-likelihood and the validation one (float32 reprs). These "
        "two are metrics, but no name is printed for them: as for NiaPy's unnamed best fitness "
        "(real_niapy_task_logging) the truth holds no series, and whatever a reader stores is counted "
        "invented. Last, the forecast as pandas prints a Series: '2024-02-10 00:00:00     9.847570' x3 and "
        "'dtype: float64' (predictions with their timestamps, not metrics)."
    ),
)
