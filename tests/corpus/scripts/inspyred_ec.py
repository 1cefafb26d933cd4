"""inspyred's evolutionary computations as its examples run them, with its own printing observers:
an evolution strategy on Rosenbrock with stats_observer (a 7-column table, its header reprinted
every generation), and a GA on a binary-coded Schwefel with best_observer ('Best Individual:
<candidate> : <fitness>' every generation); each ends with the examples' 'Best Solution:' print.

Versions: inspyred 1.0.3, Python 3.11.
Capture (repository root, a venv with inspyred):
    python tests/corpus/scripts/capture.py pipe real_inspyred_es_stats -- python tests/corpus/scripts/inspyred_ec.py es
    python tests/corpus/scripts/capture.py pipe real_inspyred_ga_best -- python tests/corpus/scripts/inspyred_ec.py ga
Truth: inspyred's file_observer, added beside the printing observer: its statistics file (per
generation: worst, best, median, average, standard deviation of the population's fitness,
written with str(), full precision) is the record stats_observer prints from the same
fitness_statistics(); its individuals file (every individual's fitness per generation) gives the
fitness of max(population), the individual best_observer prints. Both files are written to a
temporary directory and read back after evolve().
"""

import os
import sys
import tempfile
from importlib import metadata
from random import Random

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import inspyred

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/inspyred_ec.py"
LIB = f"inspyred {metadata.version('inspyred')}"
tmp = tempfile.mkdtemp()
stats_path = os.path.join(tmp, "stats.csv")
ind_path = os.path.join(tmp, "individuals.csv")
stats_file = open(stats_path, "w")
ind_file = open(ind_path, "w")

prng = Random()
prng.seed(12345)

if which == "es":
    problem = inspyred.benchmarks.Rosenbrock(2)
    ea = inspyred.ec.ES(prng)
    ea.terminator = [inspyred.ec.terminators.evaluation_termination]
    ea.observer = [inspyred.ec.observers.stats_observer, inspyred.ec.observers.file_observer]
    final_pop = ea.evolve(
        generator=problem.generator,
        evaluator=problem.evaluator,
        pop_size=20,
        bounder=problem.bounder,
        maximize=problem.maximize,
        max_evaluations=300,
        mutation_rate=0.25,
        statistics_file=stats_file,
        individuals_file=ind_file,
    )
else:
    problem = inspyred.benchmarks.Binary(inspyred.benchmarks.Schwefel(2), dimension_bits=30)
    ea = inspyred.ec.GA(prng)
    ea.terminator = inspyred.ec.terminators.evaluation_termination
    ea.observer = [inspyred.ec.observers.best_observer, inspyred.ec.observers.file_observer]
    final_pop = ea.evolve(
        generator=problem.generator,
        evaluator=problem.evaluator,
        pop_size=20,
        maximize=problem.maximize,
        bounder=problem.bounder,
        max_evaluations=300,
        num_elites=1,
        statistics_file=stats_file,
        individuals_file=ind_file,
    )

best = max(final_pop)
print(f"Best Solution: \n{str(best)}")
stats_file.close()
ind_file.close()

# ---- truth: inspyred's file_observer record ----
series = _truth.Series()
if which == "es":
    with open(stats_path) as fh:
        for line in fh:
            gen, _size, worst, best_f, med, avg, std = (x.strip() for x in line.split(","))
            g = int(gen)
            series.add("Worst", g, None, float(worst))
            series.add("Best", g, None, float(best_f))
            series.add("Median", g, None, float(med))
            series.add("Average", g, None, float(avg))
            series.add("Std Dev", g, None, float(std))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="file_observer's statistics file (generation, population size, worst, best, median, "
        "average, std of the fitness, from the same fitness_statistics() stats_observer prints)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "ES (evolution strategy) minimising 2-D Rosenbrock, pop 20, 300 evaluations. "
            "stats_observer prints, for every generation 0..14, the header 'Generation Evaluation "
            "     Worst       Best     Median    Average    Std Dev', a rule of '-' groups, the row "
            "'         3         80 22.8437160 0.36049428 2.33880244 4.47283508 5.82545962' and a "
            "blank line. Each fitness number is str(value) right-aligned in 10 characters and then "
            "CUT to 10 characters (not rounded: '0.36049428' for 0.3604942867…; an exponent would "
            "be cut off too). Step = Generation (0 = the initial population); Evaluation is the "
            "cumulative number of evaluations (a count). The closing 'Best Solution: ' line is "
            "followed by '[0.93…, 0.87…, 0.05…, 0.04…] : 0.0123…': the candidate (2 coordinates "
            "and the ES's 2 strategy parameters: parameters, not metrics) then its fitness, "
            "printed with no name of its own (left out of the series)."
        ),
    )
else:
    maximize = problem.maximize
    per_gen: dict[int, list[float]] = {}
    with open(ind_path) as fh:
        for line in fh:
            gen, _i, fit, _cand = line.split(", ", 3)
            per_gen.setdefault(int(gen), []).append(float(fit))
    for g in sorted(per_gen):
        fits = per_gen[g]
        series.add("Best Individual", g, None, max(fits) if maximize else min(fits))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="file_observer's individuals file (every individual's fitness per generation): "
        "the fitness of max(population), the individual best_observer prints",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[
            "the statistics file's worst / median / average / std (best_observer prints only "
            "the best individual)"
        ],
        notes=(
            "GA minimising 2-D Schwefel on a 60-bit binary encoding (30 bits per variable), pop "
            "20, 300 evaluations, one elite. best_observer prints, per generation and followed by "
            "a blank line, 'Best Individual: [0, 1, 1, 0, …, 1] : 312.55…': str(Individual), the "
            "candidate's 60 bits (parameters, not metrics) then ' : ' and its fitness, the only "
            "metric; the line names no generation (step = inspyred's generation counter, 0 = the "
            "initial population, one line per generation in order). The series is named "
            "'Best Individual', the only name the line prints. The closing 'Best Solution: ' "
            "line is followed by the same rendering of the final best individual, with no name "
            "(left out of the series)."
        ),
    )
