"""LEAP (leap_ec) generational EAs as its README and examples run them, with its own printing
probes in the pipeline: FitnessStatsCSVProbe (a CSV table 'step, bsf, mean_fitness, std_fitness,
min_fitness, max_fitness', one row per generation), or AttributesCSVProbe(best_only=True,
do_fitness=True, do_genome=True) (CSV rows 'step,fitness,genome' with the best individual's
genome as a numpy array); each ends with a print of the best individual of the returned
population ('Best individual: Individual<uuid> with fitness …').

Versions: leap_ec 0.8.2, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with leap_ec):
    python tests/corpus/scripts/capture.py pipe real_leap_ec_fitness_stats -- python tests/corpus/scripts/leap_ec_probes.py stats
    python tests/corpus/scripts/capture.py pipe real_leap_ec_best_genome -- python tests/corpus/scripts/leap_ec_probes.py attrs
Truth: 'stats': the population LEAP hands the next operator after FitnessStatsCSVProbe, each
individual's .fitness (LEAP's own values) and the probe's own best-so-far individual
(probe.bsf_ind.fitness), taken by an operator placed right after the probe; mean/std/min/max are
numpy's over those fitnesses, as the probe computes them. 'attrs': the probe's own
do_dataframe=True record (probe.dataframe, columns step / fitness / genome), kept beside the
printing. The closing fitness: .fitness of max(final population), LEAP's own value.
"""

import os
import random
import sys
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from leap_ec import Representation, ops, probe
from leap_ec.algorithm import generational_ea
from leap_ec.global_vars import context
from leap_ec.real_rep.initializers import create_real_vector
from leap_ec.real_rep.ops import mutate_gaussian
from leap_ec.real_rep.problems import SpheroidProblem

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/leap_ec_probes.py"
LIB = f"leap_ec {metadata.version('leap_ec')} (numpy {np.__version__})"

random.seed(7)
np.random.seed(7)

bounds = [(-5.12, 5.12)] * 4
pop_size = 10
generations = 15

record: list[tuple[int, list[float], float]] = []

if which == "stats":
    stats_probe = probe.FitnessStatsCSVProbe(stream=sys.stdout)

    def keep(population):
        record.append(
            (
                context["leap"]["generation"],
                [ind.fitness for ind in population],
                stats_probe.bsf_ind.fitness,
            )
        )
        return population

    last_probe = [stats_probe, keep]
else:
    attrs_probe = probe.AttributesCSVProbe(
        best_only=True, do_fitness=True, do_genome=True, do_dataframe=True
    )
    last_probe = [attrs_probe]

final_pop = generational_ea(
    max_generations=generations,
    pop_size=pop_size,
    problem=SpheroidProblem(maximize=False),
    representation=Representation(initialize=create_real_vector(bounds)),
    pipeline=[
        ops.tournament_selection,
        ops.clone,
        mutate_gaussian(std=0.5, bounds=bounds, expected_num_mutations="isotropic"),
        ops.UniformCrossover(p_swap=0.2),
        ops.evaluate,
        ops.pool(size=pop_size),
        *last_probe,
    ],
)

best = max(final_pop)
print(f"Best individual: {best}")
final_gen = context["leap"]["generation"]

# ---- truth: LEAP's own values ----
series = _truth.Series()
if which == "stats":
    for gen, fits, bsf in record:
        series.add("bsf", gen, None, bsf)
        series.add("mean_fitness", gen, None, float(np.mean(fits)))
        series.add("std_fitness", gen, None, float(np.std(fits)))
        series.add("min_fitness", gen, None, float(np.min(fits)))
        series.add("max_fitness", gen, None, float(np.max(fits)))
    series.add("fitness", final_gen, None, float(best.fitness))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="each individual's .fitness in the population after FitnessStatsCSVProbe and the "
        "probe's own bsf_ind.fitness, per generation (context['leap']['generation'])",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "One CSV header 'step, bsf, mean_fitness, std_fitness, min_fitness, max_fitness' "
            "(comma + space separated), then one row per generation '3, 6.367…, 10.63…, 2.99…, "
            "6.367…, 15.47…' (full float repr; the first column is the step = LEAP's generation "
            "counter, 0 for the first offspring population). The problem is minimised (Spheroid), so "
            "bsf is the running minimum and equals min_fitness whenever the generation improves. "
            "Closing line 'Best individual: Individual<uuid> with fitness 0.1099…' (str() of "
            "max(final population), which holds the elite kept by generational_ea, so it is the "
            "best-so-far rather than the last row's min_fitness): the series 'fitness', one point at "
            "the step LEAP's context holds after the run (15)."
        ),
    )
else:
    df = attrs_probe.dataframe
    for _, row in df.iterrows():
        series.add("fitness", int(row["step"]), None, float(row["fitness"]))
    series.add("fitness", final_gen, None, float(best.fitness))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="AttributesCSVProbe(do_dataframe=True).dataframe, the probe's own record (step, "
        "fitness, genome of the best individual per generation)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "One CSV header 'step,fitness,genome', then one row per generation "
            "'3,6.367…,[0.268 2.444 0.281 0.491]': the step (LEAP's generation counter from 0), "
            "the best individual's fitness (a metric, minimised Spheroid) and its genome printed as "
            "a numpy array (4 evolved parameters inside brackets, space separated, not metrics). "
            "Closing line 'Best individual: Individual<uuid> with fitness 0.1099…' (str() of "
            "max(final population), which holds the elite kept by generational_ea): the last point "
            "of 'fitness', at the step LEAP's context holds after the run (15)."
        ),
    )
