"""PyGAD's Quick Start genetic algorithm (fit 6 weights so that sum(w*x) = 44), run as its docs
show: ga_instance.summary() (a table of the GA's configuration, no metric), an on_generation
callback that prints 'Generation = …', 'Fitness    = …', 'Change     = …', then the docs' closing
prints (the best solution's parameters, its fitness, its index, its predicted output, the
generation it was reached at).

Versions: pygad 3.9.2, numpy 1.26.0, Python 3.11.
Capture (repository root, a venv with pygad):
    python tests/corpus/scripts/capture.py pipe real_pygad_quickstart -- python tests/corpus/scripts/pygad_ga.py
Truth: ga_instance.best_solutions_fitness (PyGAD's own list of the best fitness: index 0 is the
initial population, index g the population after generation g, the value the callback prints
for generation g); 'Change' is the difference of consecutive entries of that list (the docs'
callback starts from last_fitness = 0); the closing 'Fitness value of the best solution' is the
fitness best_solution() returns for the last population (= best_solutions_fitness[-1]).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy
import pygad

function_inputs = [4, -2, 3.5, 5, -11, -4.7]
desired_output = 44


def fitness_func(ga_instance, solution, solution_idx):
    output = numpy.sum(solution * function_inputs)
    fitness = 1.0 / (numpy.abs(output - desired_output) + 0.000001)
    return fitness


last_fitness = 0


def on_generation(ga_instance):
    global last_fitness
    print(f"Generation = {ga_instance.generations_completed}")
    print(
        f"Fitness    = {ga_instance.best_solution(pop_fitness=ga_instance.last_generation_fitness)[1]}"
    )
    print(
        f"Change     = {ga_instance.best_solution(pop_fitness=ga_instance.last_generation_fitness)[1] - last_fitness}"
    )
    last_fitness = ga_instance.best_solution(pop_fitness=ga_instance.last_generation_fitness)[1]


ga_instance = pygad.GA(
    num_generations=25,
    num_parents_mating=5,
    sol_per_pop=10,
    num_genes=len(function_inputs),
    fitness_func=fitness_func,
    on_generation=on_generation,
    random_seed=2,
)
ga_instance.summary()

# Running the GA to optimize the parameters of the function.
ga_instance.run()

# Returning the details of the best solution.
solution, solution_fitness, solution_idx = ga_instance.best_solution(
    ga_instance.last_generation_fitness
)
print(f"Parameters of the best solution : {solution}")
print(f"Fitness value of the best solution = {solution_fitness}")
print(f"Index of the best solution : {solution_idx}")

prediction = numpy.sum(numpy.array(function_inputs) * solution)
print(f"Predicted output based on the best solution : {prediction}")

if ga_instance.best_solution_generation != -1:
    print(f"Best fitness value reached after {ga_instance.best_solution_generation} generations.")

# ---- truth: PyGAD's own record ----
series = _truth.Series()
record = [float(f) for f in ga_instance.best_solutions_fitness]
prev = 0.0
for g in range(1, len(record)):
    series.add("Fitness", g, None, record[g])
    series.add("Change", g, None, record[g] - prev)
    prev = record[g]
series.add("Fitness value of the best solution", len(record) - 1, None, float(solution_fitness))

_truth.write(
    library=f"pygad {pygad.__version__} (numpy {numpy.__version__})",
    script="tests/corpus/scripts/pygad_ga.py",
    record="ga_instance.best_solutions_fitness (best fitness per generation, index 0 = initial "
    "population) and the fitness best_solution() returns at the end",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[
        "best_solutions_fitness[0] (the initial population's best: the callback runs "
        "only after each generation)"
    ],
    notes=(
        "First ga_instance.summary(): a '-' ruled block 'PyGAD Lifecycle', a table 'Step  "
        "Handler  Output Shape' (Fitness Function, Parent Selection, Crossover, Mutation, On "
        "Generation with their handler names and shapes like '(5, 6)'), parameter lines such as "
        "'Number of Parents: 5', 'Crossover probability: None', 'Mutation Genes: 1', 'Random "
        "Mutation Range: (-1.0, 1.0)', 'Population Size: (10, 6)', 'Number of Generations: 25', "
        "'Random Seed: 2': all configuration, no metric. Then per generation three lines "
        "'Generation = 3', 'Fitness    = 0.1234…', 'Change     = 0.0123…' (full float repr; Change "
        "is Fitness minus the previous generation's Fitness, the first one minus 0; step = "
        "Generation, PyGAD's generations_completed). Closing lines: 'Parameters of the best "
        "solution : [ 1.2 -0.3 …]' (the 6 evolved weights: parameters, not metrics), 'Fitness value "
        "of the best solution = …' (a metric, step 25), 'Index of the best solution : 0' (an "
        "index), 'Predicted output based on the best solution : 43.9…' (the solution's output for "
        "the fixed inputs, which the GA drives towards 44: a fitted value, not a metric), 'Best "
        "fitness value reached after 25 generations.' (a count)."
    ),
)
