"""evosax's ask-eval-tell loop as its README writes it (CMA_ES on a 10-d Rosenbrock function,
a jitted ask/tell), printing the metrics dict es.tell returns every 10 generations the way users
print it, then the README's last line, state.best_solution and state.best_fitness:

  'Generation 10 | best fitness 123.4567 | best in generation 130.1234 | evaluations 320'
  'Best solution: [0.98 0.97 ...]'
  'Best fitness: 0.0123'

Versions: evosax 0.3.2, jax 0.10.2 (CPU), numpy 2.4.6, Python 3.11 (venv corpus-zE-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_evosax_cma_es -- python tests/corpus/scripts/evosax_loop.py
(no colours, no bars: no pty twin.)
Truth: the metrics dicts es.tell returned (evosax's own metrics_fn: generation_counter,
best_fitness, best_fitness_in_generation, best_solution_norm, ...), kept as the loop printed
them, and state.best_fitness after the loop.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import jax
import jax.numpy as jnp
from evosax.algorithms import CMA_ES

num_dims, num_generations = 10, 150


def rosenbrock(x):
    return jnp.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2)


fitness_fn = jax.jit(jax.vmap(rosenbrock))
dummy_solution = jnp.zeros(num_dims)

# Instantiate the search strategy
es = CMA_ES(population_size=32, solution=dummy_solution)
params = es.default_params

# Initialize state
key = jax.random.key(0)
state = es.init(key, dummy_solution, params)
ask = jax.jit(es.ask)
tell = jax.jit(es.tell)

printed = []
# Ask-Eval-Tell loop
for i in range(num_generations):
    key, key_ask, key_tell = jax.random.split(key, 3)
    population, state = ask(key_ask, state, params)
    fitness = fitness_fn(population)
    state, metrics = tell(key_tell, population, fitness, state, params)
    if (i + 1) % 10 == 0:
        print(
            f"Generation {i + 1} | best fitness {metrics['best_fitness']:.4f} | "
            f"best in generation {metrics['best_fitness_in_generation']:.4f} | "
            f"evaluations {(i + 1) * es.population_size}"
        )
        printed.append(metrics)

# Get best solution
print("Best solution:", state.best_solution)
print("Best fitness:", state.best_fitness)

series = _truth.Series()
for m in printed:
    gen = int(m["generation_counter"])
    series.add("best fitness", gen, None, float(m["best_fitness"]))
    series.add("best in generation", gen, None, float(m["best_fitness_in_generation"]))
series.add("Best fitness", int(state.generation_counter), None, float(state.best_fitness))

_truth.write(
    library=f"evosax {metadata.version('evosax')} (jax {jax.__version__}, CPU)",
    script="tests/corpus/scripts/evosax_loop.py",
    record=(
        "the metrics dict CMA_ES.tell returned (evosax's metrics_fn), kept for the printed "
        "generations; state.best_fitness after the loop"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[
        "generation_counter, best_solution, best_solution_in_generation, best_solution_norm (in the metrics dict, "
        "not printed per generation)"
    ],
    notes=(
        "Every 10 generations 'Generation 10 | best fitness 123.4567 | best in generation "
        "130.1234 | evaluations 320' (step = evosax's generation_counter after tell, equal "
        "to the printed 1-based generation; best fitness = best so far, best in generation = the "
        "lowest fitness of this generation's population; values printed with 4 decimals, truth "
        "at full precision). 'evaluations 320' is the count of fitness evaluations so far "
        "(generations x population size 32): a count, not a metric. "
        "Then 'Best solution: [...]' (the parameter vector, numpy array print over several lines) "
        "and 'Best fitness: 0.0123' (state.best_fitness, the run's final metric, step = the last "
        "generation)."
    ),
)
