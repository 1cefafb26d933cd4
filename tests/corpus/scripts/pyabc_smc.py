"""pyabc ABC-SMC on a toy Gaussian simulator: its INFO log per generation, then the user's prints.

Versions: pyabc 0.13.0, numpy 2.4.6, pandas 3.1.1, SQLAlchemy 2.1.9, Python 3.11 (venv corpus-zx-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_pyabc_smc -- python tests/corpus/scripts/pyabc_smc.py
(pyabc logs through the standard logging module, plain text, no bar or colour: no pty entry.)
Sampling runs on pyabc's default multicore sampler (2 processes here), so the numbers of one run
are not reproducible exactly even with the seed fixed; the truth is built from this run's own
History database.
Truth: the History (SQLite) pyabc writes: get_all_populations() (t, epsilon, samples, particles,
wall_time) and, per generation, the particles' weights (get_weighted_distances) put through
pyabc's own effective_sample_size - the same computation its log line does.
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import pyabc
from pyabc.weighted_statistics import effective_sample_size

np.random.seed(0)


def model(p):
    return {"y": p["mu"] + 0.5 * np.random.randn()}


prior = pyabc.Distribution(mu=pyabc.RV("uniform", 0, 5))
abc = pyabc.ABCSMC(model, prior, pyabc.PNormDistance(p=2), population_size=100)
db = "sqlite:///" + os.path.join(tempfile.mkdtemp(prefix="pyabc-"), "abc.db")
abc.new(db, {"y": 2.5})
history = abc.run(minimum_epsilon=0.05, max_nr_populations=5)

# what a user prints after the run: the populations table and the posterior's mean and std
pops = history.get_all_populations()
print(pops)
df, w = history.get_distribution(m=0, t=history.max_t)
mean = float(np.sum(df["mu"] * w))
std = float(np.sqrt(np.sum(w * (df["mu"] - mean) ** 2)))
print(f"posterior mu: mean = {mean:.4f}, std = {std:.4f} (true 2.5)")

series = _truth.Series()
for row in pops.itertuples():
    t = int(row.t)
    if t < 0:
        continue
    wd = history.get_weighted_distances(t=t)
    series.add("eps", t, None, row.epsilon)
    series.add("Accepted", t, None, row.particles / row.samples)
    series.add("ESS", t, None, effective_sample_size(wd["w"].to_numpy()))
# the printed table: the epsilon column, every row including the calibration one (t = -1, inf)
for row in pops.itertuples():
    series.add("epsilon", int(row.t), None, row.epsilon)

_truth.write(
    library=(
        f"pyabc {metadata.version('pyabc')} (numpy {np.__version__}, pandas {pd.__version__}, "
        f"SQLAlchemy {metadata.version('sqlalchemy')})"
    ),
    script="tests/corpus/scripts/pyabc_smc.py",
    record=(
        "pyabc's History database: get_all_populations() (epsilon; particles / samples = the "
        "acceptance rate it logs), get_weighted_distances(t)['w'] through "
        "pyabc.weighted_statistics.effective_sample_size (its log's ESS)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "Timing t=N [s] line: total, simulation, pipeline-setup, prepare-next, population-size, "
        "distance (seconds spent in each phase of the generation; 'population-size' and "
        "'distance' are the seconds spent adapting them, not a size)",
        "wall_time (the populations table's seconds per generation)",
    ],
    not_printed=["population_end_time is a timestamp, not a metric"],
    notes=(
        "pyabc logs at INFO through the logging module as 'LOGGER LEVEL: message': 'ABC.Sampler "
        "INFO: Parallelize sampling on 2 processes.' (a setting), 'ABC.History INFO: Start "
        "<ABCSMC id=1, start_time=2026-12-07 08:14:28>', 'ABC INFO: Calibration sample t = -1.', "
        "then per generation t (the step; t counts from 0): 'ABC INFO: t: 0, eps: "
        "1.11505746e+00.' (eps: the acceptance threshold, the series 'eps'), 'ABC INFO: Accepted: "
        "100 / 216 = 4.6296e-01, ESS: 1.0000e+02.' (100 accepted particles of 216 simulations: "
        "counts, not metrics; the ratio after '=' is the acceptance rate, named 'Accepted' here as "
        "it is the line's only label; ESS: the effective sample size of the weights, a per-"
        "generation sampler diagnostic like an acceptance rate), and 'ABC INFO: Timing t=0 [s]: "
        "total=0.163, simulation=0.0918 (56%), pipeline-setup=…, prepare-next=… (population-"
        "size=…, distance=…).' (seconds; the (56%) is simulation's share of the total, not a "
        "metric). 'ABC INFO: Stop: Maximum number of generations.' and 'ABC.History INFO: Done "
        "<ABCSMC id=1, duration=0:00:02.08, end_time=…>' close the run. The script then prints "
        "the History's populations DataFrame (columns t, population_end_time, wall_time, samples, "
        "epsilon, particles: t is the step of each row, samples and particles are counts, "
        "population_end_time a timestamp, wall_time seconds; epsilon repeats eps at 6 decimals, "
        "with the calibration row t = -1 at inf, the series 'epsilon') and a hand-written "
        "'posterior mu: mean = 2.4987, std = 0.0791 (true 2.5)' line: a posterior estimate of the "
        "parameter, not a metric (nor is the true value)."
    ),
)
