"""NeuralProphet: fit on one synthetic daily series with a validation frame (split_df), CPU,
5 epochs. Its console: neuralprophet's own logging ('INFO - (NP.df_utils._infer_frequency) -
Major frequency D corresponds to 99.667% of the data.', 'WARNING - (NP.forecaster.fit) - ...'),
Lightning warnings routed through that logger, then Lightning's TQDM bars as neuralprophet
configures them: its ProgressBar callback keeps an 'Epoch 3: 60%|...| 3/5' bar (counting epochs)
and Lightning's own 'Training: |          | 0/? [00:00<?, ?it/s, v_num=0, MAE_val=6.820,
RMSE_val=8.080, Loss_val=0.511, RegLoss_val=0.000, train_loss=0.471, reg_loss=0.000, MAE=8.200,
RMSE=10.10, Loss=0.479, RegLoss=0.000]' bar carries the metrics (3 significant digits), redrawn
with '\\r', with 'Validation DataLoader 0' bars between.

Truth: neuralprophet's MetricsLogger.history (what fit() returns as its metrics DataFrame, one
row per epoch), restricted to the values the bars drew. A tqdm hook notes, at each drawn state
of a bar, the dict Lightning gave set_postfix (its progress_bar_metrics, the floats it logs), less the
names the drawn line does not show whole (under a terminal tqdm cuts the line at its width);
the history's length at that moment tells which row each drawn value is (the latest logged, or
at an epoch's end the training values the bar draws just before the logger stores them; checked
equal), and the row gives its epoch. A value drawn twice (the bar redraws) is one point.

Versions: neuralprophet 0.9.0, pytorch-lightning 2.6.6, torch 2.13.0+cpu, pandas 2.1.4 (0.9.0
fails on pandas 3: Series.view), numpy 1.26.4, tqdm 4.67, Python 3.11. Seeds fixed; ~15 s of CPU.
Capture (repository root, venv /work/venvs/corpus-o-2: pip install torch==2.13.0, then
pip install neuralprophet "pandas<2.2"; the argument is a scratch folder, neuralprophet's
MetricsLogger writes TensorBoard files into the working directory):
    python tests/corpus/scripts/capture.py pipe real_neuralprophet_fit -- python tests/corpus/scripts/neuralprophet_fit.py /tmp/np_pipe
    python tests/corpus/scripts/capture.py pty real_neuralprophet_fit_pty -- python tests/corpus/scripts/neuralprophet_fit.py /tmp/np_pty
"""

import os
import re
import shutil
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth

WORKDIR = sys.argv[1]
shutil.rmtree(WORKDIR, ignore_errors=True)
os.makedirs(WORKDIR)
os.chdir(WORKDIR)

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import tqdm  # noqa: E402
from neuralprophet import NeuralProphet, set_random_seed  # noqa: E402

drawn = []  # (description, the bar's metrics as last given to set_postfix, history lengths)
_set_postfix = tqdm.std.tqdm.set_postfix
_display = tqdm.std.tqdm.display


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    self._mlop_metrics = dict(ordered_dict or {}, **kwargs)
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


def display(self, *args, **kwargs):
    metrics = getattr(self, "_mlop_metrics", None)
    if metrics:
        # only what the line really shows: a terminal's width cuts a long postfix short
        shown = set(re.findall(r"(\w+)=[^,\]]+(?=[,\]])", str(self)))
        logged = {k: len(v) for k, v in m.metrics_logger.history.items()}
        drawn.append((str(self.desc), {k: v for k, v in metrics.items() if k in shown}, logged))
    return _display(self, *args, **kwargs)


tqdm.std.tqdm.set_postfix = set_postfix
tqdm.std.tqdm.display = display

set_random_seed(0)
rng = np.random.default_rng(0)
t = np.arange(300)
df = pd.DataFrame(
    {
        "ds": pd.date_range("2024-01-01", periods=300, freq="D"),
        "y": 10 + 3 * np.sin(2 * np.pi * t / 7) + 0.02 * t + rng.normal(0, 0.5, 300),
    }
)
m = NeuralProphet(
    epochs=5,
    batch_size=32,
    learning_rate=0.01,
    yearly_seasonality=False,
    daily_seasonality=False,
)
df_train, df_val = m.split_df(df, freq="D", valid_p=0.2)
metrics = m.fit(df_train, freq="D", validation_df=df_val)

history = {k: list(v) for k, v in m.metrics_logger.history.items()}
epochs = [int(e) for e in history["epoch"]]
series = _truth.Series()
seen = set()
for desc, shown, logged in drawn:
    # A drawn value is the latest logged one (row L-1, L = the history's length at the draw) or,
    # for the training metrics at an epoch's end, one the bar shows just before the logger
    # stores it (row L). Where both rows hold the same value (RegLoss stays 0.0), the other
    # metrics of the same group (training / *_val) drawn at that moment tell which.
    shown = {k: v for k, v in shown.items() if k != "v_num" and isinstance(v, float)}
    rows, offsets = {}, {}
    for name, value in shown.items():
        size = logged.get(name, 0)
        fits = [
            r
            for r in (size - 1, size)
            if 0 <= r < len(history[name])
            and abs(float(history[name][r]) - value) <= 1e-6 * max(1.0, abs(value))
        ]
        assert fits, (desc, name, value)
        rows[name] = fits
        if len(fits) == 1:
            offsets.setdefault(name.endswith("_val"), set()).add(fits[0] - size)
    for name, fits in rows.items():
        if len(fits) == 1:
            row = fits[0]
        else:
            (offset,) = offsets[name.endswith("_val")]
            row = logged.get(name, 0) + offset
        assert float(metrics[name].iloc[row]) == float(history[name][row])
        key = (name, row)
        if key in seen:
            continue
        seen.add(key)
        series.add(name, None, epochs[row], float(history[name][row]))

_truth.write(
    library=f"neuralprophet {metadata.version('neuralprophet')} (pytorch-lightning "
    f"{metadata.version('pytorch-lightning')}, torch {metadata.version('torch')}, pandas {pd.__version__})",
    script="tests/corpus/scripts/neuralprophet_fit.py",
    record="neuralprophet's MetricsLogger.history (= the DataFrame fit() returns), restricted to the values "
    "the TQDM bar drew",
    step_kind="epoch",
    series=series,
    extra_ok=["bar rates (it/s) of the Epoch, Training and Validation bars"],
    not_printed=[n for n in history if n != "epoch" and n not in series.series],
    notes=(
        "neuralprophet's log lines 'INFO - (NP.df_utils._infer_frequency) - Major frequency D "
        "corresponds to 99.667% of the data.' (a data statistic, not a metric), 'INFO - "
        "(NP.config.init_data_params) - Setting normalization to global ...', 'WARNING - "
        "(py.warnings._showwarnmsg) - ...data.py:79: ... The batch size we found is 16.' (a "
        "count). Then the bars, '\\r'-redrawn: neuralprophet's 'Epoch 1:  20%|██  | 1/5 "
        "[00:00<00:00, 10058.28it/s]' (the count is the epoch, 1-based; its last state 'Epoch "
        "5: 100%|...| 5/5' is only written when the process exits, after everything else), "
        "Lightning's 'Validation DataLoader 0: 100%|...| 1/1' (with cursor-up '\\x1b[A'), and "
        "Lightning's 'Training: |          | 0/? [00:00<?, ?it/s, v_num=0, MAE_val=6.820, "
        "RMSE_val=8.080, Loss_val=0.511, RegLoss_val=0.000]' whose postfix grows, once the "
        "first epoch ends, to '..., train_loss=0.471, reg_loss=0.000, MAE=8.200, RMSE=10.10, "
        "Loss=0.479, RegLoss=0.000' (MAE/RMSE/Loss are the training-set metrics of the epoch, "
        "*_val the validation set's; v_num is the logger's version number, no metric). After a "
        "validation the bar shows the new epoch's *_val with the previous epoch's training "
        "values, then the training values are updated at the epoch's end: each value belongs "
        "to the epoch of the history row it equals (epoch as Lightning counts, 0-based; no "
        "step is shown: the Training bar stays '0/?'). Values printed to 3 significant "
        "digits, truth at full precision."
    ),
)
