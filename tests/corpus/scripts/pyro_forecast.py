"""pyro.contrib.forecast on a synthetic weekly series, as Pyro's forecasting tutorials run it:
the Forecaster's 'INFO \t step    0 loss = …' logging through Pyro's own handler, opened to
DEBUG as the tutorials do.

Versions: pyro-ppl 1.9.2, torch 2.13.0 CPU, numpy 2.4.6, Python 3.11.
`fit` (default): Forecaster(num_steps=501, log_every=100 default), then the tutorial's
print(samples.shape, p10.shape) and the CRPS its plot title shows, printed.
`backtest`: pyro.contrib.forecast.backtest over 2 windows; at DEBUG backtest's own
per-window debug lines are shown: 'crps = 0.43', 'mae = …', 'num_samples = 100',
'seed = 1.23457e+09', 't0 = 0', 'train_walltime = …' and the scalar parameters
('AutoNormal.locs.bias = …').
Capture (repository root, venv /work/venvs/corpus-zr-2):
    python tests/corpus/scripts/capture.py pipe real_pyro_forecaster -- python tests/corpus/scripts/pyro_forecast.py
    python tests/corpus/scripts/capture.py pipe real_pyro_backtest_debug -- python tests/corpus/scripts/pyro_forecast.py backtest
(logging only: the same under a terminal, so no pty entries.)
Truth: Forecaster.losses (its own record) at the logged steps; eval_crps's return value; for
backtest the result dicts backtest() returns (crps, mae, rmse per window) and each window's
Forecaster.losses (kept by a forecaster_fn that builds the same Forecaster and notes it).
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import pyro
import pyro.distributions as dist
import torch
from pyro.contrib.forecast import Forecaster, ForecastingModel, backtest, eval_crps
from pyro.ops.stats import quantile
from pyro.ops.tensor_utils import periodic_features

BACKTEST = sys.argv[1:] == ["backtest"]
# as the forecasting tutorials do: Pyro's own handler ('%(levelname)s \t %(message)s'),
# opened to DEBUG
logging.getLogger("pyro").setLevel(logging.DEBUG)
logging.getLogger("pyro").handlers[0].setLevel(logging.DEBUG)
torch.manual_seed(0)
pyro.set_rng_seed(0)

T = 160
t = torch.arange(float(T))
y = 3.0 + 0.01 * t + 0.8 * torch.sin(2 * torch.pi * t / 52) + 0.3 * torch.randn(T)
data = y.unsqueeze(-1)
covariates = torch.cat([(t / T).unsqueeze(-1), periodic_features(T, 52)[:, :4]], dim=-1)


class Model1(ForecastingModel):
    def model(self, zero_data, covariates):
        data_dim = zero_data.size(-1)
        feature_dim = covariates.size(-1)
        bias = pyro.sample("bias", dist.Normal(0, 10).expand([data_dim]).to_event(1))
        weight = pyro.sample("weight", dist.Normal(0, 0.1).expand([feature_dim]).to_event(1))
        prediction = bias + (weight * covariates).sum(-1, keepdim=True)
        noise_scale = pyro.sample("noise_scale", dist.LogNormal(-5, 5).expand([1]).to_event(1))
        self.predict(dist.Normal(0, noise_scale), prediction)


series = _truth.Series()
if not BACKTEST:
    T1 = 130
    forecaster = Forecaster(Model1(), data[:T1], covariates[:T1], learning_rate=0.1, num_steps=501)
    samples = forecaster(data[:T1], covariates, num_samples=200)
    p10, p50, p90 = quantile(samples, (0.1, 0.5, 0.9)).squeeze(-1)
    crps = eval_crps(samples, data[T1:])
    print(samples.shape, p10.shape)
    print(f"Total weekly value (CRPS = {crps:0.3g})")
    for step, loss in enumerate(forecaster.losses):
        if step % 100 == 0:
            series.add("loss", step, None, loss)
    series.add("CRPS", None, None, crps)
    record = "Forecaster.losses at the logged steps; eval_crps(samples, truth)"
    notes = (
        "stderr, Pyro's handler '%(levelname)s \\t %(message)s': 'INFO \\t Guessed "
        "max_plate_nesting = 0' (a setting), then 'INFO \\t step    0 loss = 1.07942e+08' every "
        "100 steps (the step 0-based, right-aligned in 4 columns; the loss '{:0.6g}', the ELBO "
        "per data element, in exponent form at step 0). Then "
        "print(samples.shape, p10.shape): 'torch.Size([200, 30, 1]) torch.Size([30])' (sizes), "
        "and the CRPS the tutorial puts in its plot title: 'Total weekly value (CRPS = 0.281)' "
        "(series 'CRPS', no step)."
    )
else:
    losses = []

    def forecaster_fn(*args, **kwargs):
        f = Forecaster(*args, **kwargs)
        losses.append(list(f.losses))
        return f

    windows = backtest(
        data,
        covariates,
        Model1,
        forecaster_fn=forecaster_fn,
        train_window=None,
        min_train_window=110,
        test_window=20,
        stride=25,
        num_samples=100,
        forecaster_options={"learning_rate": 0.1, "num_steps": 201, "log_every": 50},
    )
    for result in losses:
        for step, loss in enumerate(result):
            if step % 50 == 0:
                series.add("loss", step, None, loss)
    for name in ("crps", "mae", "rmse"):
        for window in windows:
            series.add(name, None, None, window[name])
    record = "backtest()'s result dicts (crps, mae, rmse); each window's Forecaster.losses"
    notes = (
        "stderr, Pyro's handler opened to DEBUG ('INFO \\t …' / 'DEBUG \\t …'). Per window: "
        "'Training on window "
        "[0:110], testing on window [110:130]' (indices), the Forecaster's 'step    0 loss = "
        "…' every 50 steps (series 'loss', step as printed, restarting at 0 each window), "
        "then backtest's sorted debug dump of its result dict, one 'key = value' line each "
        "('{:0.6g}'): 'crps = …', 'mae = …', 'rmse = …' (the metrics, series 'crps', 'mae', "
        "'rmse', one point per window, no step), 'num_samples = 100', 'seed = 1.23457e+09', "
        "'t0 = 0', 't1 = 110', 't2 = 130' (configuration and window indices: not metrics), "
        "'test_walltime = …' / 'train_walltime = …' (seconds: extra_ok), then the scalar "
        "parameters of the param store 'AutoNormal.locs.bias = 3.52934' / "
        "'AutoNormal.scales.bias = …' (fitted variational parameters, not metrics)."
    )

_truth.write(
    library=f"pyro-ppl {metadata.version('pyro-ppl')} (torch {metadata.version('torch')})",
    script="tests/corpus/scripts/pyro_forecast.py",
    record=record,
    step_kind="global",
    series=series,
    extra_ok=["train_walltime test_walltime (seconds)"] if BACKTEST else [],
    not_printed=["Forecaster.losses between the logged steps"],
    notes=notes,
)
