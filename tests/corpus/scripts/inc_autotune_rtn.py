"""Intel Neural Compressor 3.x (neural-compressor-pt) autotune() of weight-only RTN quantization with
an accuracy check, as its docs show (docs/source/3x/autotune.md: TuningConfig(config_set=[RTNConfig(
bits=[...], group_size=[...])], tolerable_loss=...), autotune(model, tune_config, eval_fn)), on a small
MLP classifier trained first on synthetic data, with INC's default logging (INFO): the expanded
configs as dicts, 'Fp32 baseline is …', per trial a 'Mixed Precision Statistics' table and an
'Auto-Tune Trial #1 Results' table ('Baseline / Target', 'Current / Status', 'Best / Relative Loss').

Versions: neural-compressor-pt 3.10, torch 2.13.0 (CPU), prettytable 3.19.0, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAR-1):
    python tests/corpus/scripts/capture.py pipe real_inc_autotune_rtn -- /work/venvs/corpus-zAR-1/bin/python tests/corpus/scripts/inc_autotune_rtn.py
(plain logging, no colour: the same under a terminal, no pty entry.)
Truth: INC's own TuningMonitor (baseline, tuning_history's trial results; the table's Best and
Relative Loss computed from them as INC computes them), and the user's last evaluation.
"""

# ruff: noqa: UP031  (the tutorial's/example's code and prints are kept as they are)

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
from neural_compressor.common import base_tuning
from neural_compressor.torch.quantization import RTNConfig, TuningConfig, autotune

monitors = []
_init = base_tuning.TuningMonitor.__init__


def _keep(self, *a, **k):  # keep a handle on INC's own monitor (its record); changes nothing
    _init(self, *a, **k)
    monitors.append(self)


base_tuning.TuningMonitor.__init__ = _keep

torch.manual_seed(0)
gen = torch.Generator().manual_seed(0)
centers = torch.randn(10, 64, generator=gen) * 0.5
y = torch.randint(0, 10, (2000,), generator=gen)
x = centers[y] + 1.2 * torch.randn(2000, 64, generator=gen)
model = torch.nn.Sequential(
    torch.nn.Linear(64, 128),
    torch.nn.ReLU(),
    torch.nn.Linear(128, 128),
    torch.nn.ReLU(),
    torch.nn.Linear(128, 10),
)
opt = torch.optim.Adam(model.parameters(), 1e-3)
for _ in range(30):
    opt.zero_grad()
    torch.nn.functional.cross_entropy(model(x[:1500]), y[:1500]).backward()
    opt.step()


def eval_fn(model) -> float:
    with torch.no_grad():
        return (model(x[1500:]).argmax(1) == y[1500:]).float().mean().item()


tune_config = TuningConfig(
    config_set=[RTNConfig(bits=[2, 4], group_size=[32, 128], use_layer_wise=False)],
    tolerable_loss=0.01,
    max_trials=4,
)
q_model = autotune(model, tune_config=tune_config, eval_fn=eval_fn)
q_acc = eval_fn(q_model)
print("Quantized model accuracy: %.4f" % q_acc)

mon = monitors[-1]
series = _truth.Series()
series.add("Fp32 baseline", None, None, mon.baseline)
best = None
for rec in mon.tuning_history:
    t = rec.trial_index
    best = rec.trial_result if best is None else max(best, rec.trial_result)
    series.add("Baseline", t, None, mon.baseline)
    series.add("Current", t, None, rec.trial_result)
    series.add("Best", t, None, best)
    series.add("Relative Loss", t, None, (mon.baseline - rec.trial_result) / mon.baseline * 100)
series.add("Quantized model accuracy", None, None, q_acc)

_truth.write(
    library=(
        f"neural-compressor-pt {metadata.version('neural-compressor-pt')} (torch {torch.__version__}, "
        f"prettytable {metadata.version('prettytable')})"
    ),
    script="tests/corpus/scripts/inc_autotune_rtn.py",
    record="INC's TuningMonitor: baseline and tuning_history (trial_index, trial_result); the user's eval_fn at the end",
    step_kind="trial",
    series=series,
    extra_ok=["Pass auto-tune elapsed time (ms)"],
    notes=(
        "INC logs every line as '2026-12-07 18:21:47 [INFO][base_config.py:564] …' (date, time, source file and "
        "LINE NUMBER: no metric). First the 4 expanded RTN configs, each a dict logged one key per line "
        "(''bits': 2,', ''group_size': 32,', ''double_quant_bits': 8,', ''double_quant_group_size': 256,'): "
        "configuration. 'Expanded the rtn and got 4 configs.' (a count). 'Fp32 baseline is 0.8539999723434448' "
        "(eval_fn on the float model: series 'Fp32 baseline'). Per trial: '1-trail started.' (INC's spelling; a "
        "counter), the trial's config dict again, a 'Mixed Precision Statistics' table ('|   Linear   |    3    "
        "|       3       |' under '|  Op Type   |  Total  |    A32W2G32   |': layer counts per dtype; A32W2G32 "
        "names activation 32-bit, weight 2-bit, group 32), then '|********🎯 Auto-Tune Trial #1 Results*******|' "
        "and rows of two values joined by '/': '|   Trial / Progress   |        1/4         |' (trial index / "
        "max_trials: counters), '|  Baseline / Target   |  0.8540 / 0.8455   |' (Baseline = the fp32 baseline, "
        "a metric repeated per trial: series 'Baseline'; Target = baseline x (1 - tolerable_loss), a threshold "
        "set by the config: not a metric), '|   Current / Status   | 0.8260 | ❌ FAILED |' (Current = this "
        "trial's eval_fn result: series 'Current'; Status a word), '| Best / Relative Loss |   0.8260 / 3.28%   "
        "|' (Best = the best trial result so far: series 'Best'; Relative Loss = (baseline - CURRENT) / "
        "baseline in percent, of this trial, not of Best: series 'Relative Loss'). Step = the trial index "
        "(1-based, printed). Trial 3 passes the target, so tuning stops: 'Stopped tuning.', 'Tuning "
        "completed.', 'Pass auto-tune elapsed time: 3693.84 ms' (a timing). The script's own last line: "
        "'Quantized model accuracy: 0.8500' (print, stdout: block-buffered, so it may come after the log "
        "lines on stderr). Model: a 64-128-128-10 MLP on synthetic 10-class data (1500 train, 500 test)."
    ),
)
