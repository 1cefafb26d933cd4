"""SPOTPY's Rosenbrock tutorial: spot_setup_rosenbrock (shipped in spotpy.examples) sampled with
Monte Carlo (mc) and optimised with SCE-UA (sceua), as the tutorial does, with a model run
that takes 15 ms (time.sleep in the simulation) so that SPOTPY's status line, printed at most
every two seconds, shows: '131 of 400, min objf=8.70…, max objf=1.08…e+06, time remaining:
00:00:04' (mc) / '133 of 400, minimal objective function=3.02…, time remaining: 00:00:04'
(sceua), then its '*** Final SPOTPY summary ***' block.

Versions: spotpy 1.6.7, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-1):
    python tests/corpus/scripts/capture.py pipe real_spotpy_mc -- python tests/corpus/scripts/spotpy_sampler.py mc
    python tests/corpus/scripts/capture.py pipe real_spotpy_sceua -- python tests/corpus/scripts/spotpy_sampler.py sceua
Truth: SPOTPY's own run statistics (the sampler's _RunStatistic: rep, objectivefunction_min /
_max) read each time its print_status writes a line (it keeps no history of them; a wrapper
notes the state when last_print moves), and the same object at the final summary.
"""

import importlib
import os
import sys
import time
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import spotpy
from spotpy.examples.spot_setup_rosenbrock import spot_setup

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "mc"
np.random.seed(3)

# spotpy.algorithms re-exports the class _algorithm under the module's name
_algorithm = importlib.import_module("spotpy.algorithms._algorithm")
seen = []
_orig = _algorithm._RunStatistic.print_status


def _noting_print_status(self):
    before = self.last_print
    _orig(self)
    if self.last_print != before:
        seen.append((self.rep, self.objectivefunction_min, self.objectivefunction_max))


_algorithm._RunStatistic.print_status = _noting_print_status


def slow(setup):
    # a model run that takes a while (the example's own spot_setup keeps its parameters;
    # spotpy finds them on the instance's class)
    run = setup.simulation

    def simulation(vector):
        time.sleep(0.015)
        return run(vector)

    setup.simulation = simulation
    return setup


rep = 400
if VARIANT == "mc":
    sampler = spotpy.algorithms.mc(slow(spot_setup()), dbname="RosenMC", dbformat="ram")
else:
    sampler = spotpy.algorithms.sceua(
        slow(spot_setup()), dbname="RosenSCEUA", dbformat="ram", random_state=3
    )
sampler.sample(rep)
results = sampler.getdata()
status = sampler.status

series = _truth.Series()
for r, lo, hi in seen:
    if VARIANT == "mc":
        series.add("min objf", r, None, float(lo))
        series.add("max objf", r, None, float(hi))
    else:
        series.add("minimal objective function", r, None, float(lo))
if VARIANT == "mc":
    series.add("Minimal objective value", None, None, float(status.objectivefunction_min))
    series.add("Maximal objective value", None, None, float(status.objectivefunction_max))
else:
    series.add("Minimal objective value", None, None, float(status.objectivefunction_min))

_truth.write(
    library=f"spotpy {metadata.version('spotpy')} (numpy {metadata.version('numpy')})",
    script="tests/corpus/scripts/spotpy_sampler.py",
    record=(
        "the sampler's _RunStatistic (rep, objectivefunction_min/_max) where print_status "
        "writes, and at the final summary"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "time remaining (the status line's estimate, H:M:S)",
        "Total Duration (seconds of the run, final summary)",
    ],
    notes=(
        "stdout. 'Initializing the  <algorithm name>  with  400  repetitions' (a count), "
        + (
            "'Initialize database...' and a list of database formats "
            "['csv', 'hdf5', 'ram', 'sql', 'custom', 'noData'], then every ~2 s "
            "'131 of 400, min objf=8.70…, max objf=1.08…e+06, time remaining: 00:00:04' "
            "('%g': six significant digits; 131 is the run count, step; Monte Carlo tracks both "
            "extremes of the objective (RMSE of the Rosenbrock value against 0))"
            if VARIANT == "mc"
            else "'The objective function will be minimized', 'Starting burn-in sampling...', "
            "'Initialize database...', the database formats list, 'Burn-in sampling "
            "completed...', 'Starting Complex Evolution...', 'ComplexEvo loop #1 in "
            "progress...', then every ~2 s '133 of 400, minimal objective function=3.02…, time "
            "remaining: 00:00:04' ('%g'; the run count is the step) among many 'Skipping "
            "saving' lines (runs SCE-UA discards), then SCE-UA's stop report in capitals: "
            "'ON THE MAXIMUM NUMBER OF TRIALS ' / '400' / 'SEARCH WAS STOPPED AT TRIAL NUMBER: "
            "…' / 'NUMBER OF DISCARDED TRIALS: …' / 'NORMALIZED GEOMETRIC RANGE = 0.97…' / 'THE "
            "BEST POINT HAS IMPROVED IN LAST 100 LOOPS BY 100000.000000 PERCENT' (counts, and SCE-UA's stopping criteria: the "
            "normalized geometric range measures the spread of the PARAMETER population, "
            "not an objective value, and the improvement percentage is a ratio of the "
            "stopping test: neither is in the series)"
        )
        + ". The final summary block: '*** Final SPOTPY summary ***', 'Total Duration: 6.1 "
        "seconds', 'Total Repetitions: 400' (a count), 'Minimal objective value: 2.31' ('%g', "
        "series with no step)"
        + (
            ", 'Corresponding parameter setting:', 'x: 0.78', 'y: 0.61', 'z: 0.37' (the best "
            "parameters, not metrics), 'Maximal objective value: …' and its parameter lines"
            if VARIANT == "mc"
            else ", 'Corresponding parameter setting:', 'x: …', 'y: …', 'z: …' (parameters)"
        )
        + ", '******************************'."
    ),
)
