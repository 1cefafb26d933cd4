"""Platypus' experimenter as its docs show it: experiment() over two algorithms on DTLZ2 with
display_stats=True and Platypus' INFO logging on, then calculate() of two indicators and
display(ndigits=3).

Versions: Platypus-Opt 1.4.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zL-1):
    python tests/corpus/scripts/capture.py pipe real_platypus_experiment -- python tests/corpus/scripts/platypus_experiment.py
(No bars, no colours: no pty entry.)
Truth: the dict calculate() returns ({algorithm: {problem: {indicator: [value per seed]}}}),
the library's own record of what display() prints, at full precision (display rounds to 3
digits). The run logs carry only evaluation counts and elapsed times.
"""

import logging
import os
import random
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from platypus import (
    DTLZ2,
    NSGAII,
    SPEA2,
    Hypervolume,
    Spacing,
    calculate,
    display,
    experiment,
)

logging.basicConfig(level=logging.INFO)
random.seed(1)

algorithms = [NSGAII, SPEA2]
problems = [DTLZ2(3)]
results = experiment(algorithms, problems, seeds=3, nfe=800, display_stats=True)
hyp = Hypervolume(minimum=[0, 0, 0], maximum=[1, 1, 1])
indicators = calculate(results, [hyp, Spacing()])
display(indicators, ndigits=3)

series = _truth.Series()
for algorithm, by_problem in indicators.items():
    for problem, by_indicator in by_problem.items():
        for indicator, values in by_indicator.items():
            for seed, value in enumerate(values):
                series.add(f"{algorithm}/{problem}/{indicator}", seed, None, value)

_truth.write(
    library=f"Platypus-Opt {metadata.version('Platypus-Opt')}",
    script="tests/corpus/scripts/platypus_experiment.py",
    record="platypus.calculate(results, [Hypervolume, Spacing]): indicator values per seed",
    step_kind="trial",
    series=series,
    extra_ok=["Elapsed Time (h:mm:ss.ffffff of a run, the log's)"],
    not_printed=["the Pareto sets themselves (experiment()'s results)"],
    notes=(
        "stdout and stderr interleave (under a pipe stdout comes out last, block-buffered). "
        "display_stats=True prints 'Running seed 0 of NSGAII on DTLZ2' and 'Finished seed 0 of "
        "NSGAII on DTLZ2 in 0:00:00' (a seed index and a rounded duration, not metrics); "
        "logging.basicConfig(INFO) shows Platypus' log on stderr: 'INFO:Platypus:NSGAII "
        "starting', 'INFO:Platypus:NSGAII running; NFE Complete: 100, Elapsed Time: "
        "0:00:00.049125' (NFE, a count of function evaluations, every 100; the elapsed time of "
        "the run, extra_ok), 'INFO:Platypus:NSGAII finished; Total NFE: 800, Elapsed Time: "
        "0:00:00.39' (a count and a time). No metric is logged during the runs. display() then "
        "prints the indicators as an indented tree: 'NSGAII:' / '    DTLZ2:' / '        "
        "Hypervolume: [0.155, 0.055, 0.102]' / '        Spacing: [0.071, 0.093, 0.081]', the "
        "list holding one value per seed (rounded to 3 digits; truth at full precision, step = "
        "the seed's index 0..2). The same indicator names come under each algorithm: the series "
        "are named by the printed path 'NSGAII/DTLZ2/Hypervolume'."
    ),
)
