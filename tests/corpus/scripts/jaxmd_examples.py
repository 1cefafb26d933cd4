"""Two of JAX MD's example scripts (examples/*.py in the jax-md repository), their printing as
written, at the sizes the examples themselves use under their SMOKE_TEST switch, without plots:

    --example nve     examples/nve_simulation.py: soft-sphere NVE run, a tab-separated table
                      'Step\\tKE\\tPE\\tTotal Energy\\ttime/step', a dashed rule, then rows
                      '20\\t0.54\\t1.23\\t1.771\\t0.00' every 20 outer iterations
    --example si_sw   examples/units/nve_si_sw.py: silicon with the Stillinger-Weber potential in
                      metal units, NVE; inside the jitted lax.fori_loop,
                      jax.debug.print('Step = {j} | Total Energy = {T}') every 100 MD steps, then
                      print(nbrs.did_buffer_overflow) and print(NSTEPS)

Data: nve_simulation.py's own random positions; nve_si_sw.py downloads a LAMMPS trajectory of
512 Si atoms at 300 K, replaced here (no download) by a 2x2x2 diamond-cubic Si crystal (64
atoms, a = 5.431 Å) with velocities drawn by jax-md's own init at 300 K.

Truth: the quantities the examples compute with jax-md and keep (nve: the PE / KE lists from
energy_fn and quantity.kinetic_energy; si_sw: the example's log['T'] array, filled in the
same jitted step with K + E), full precision. time/step is wall time (extra_ok).

Versions: jax-md 0.2.29, jax 0.10.2 (CPU, jax_enable_x64 as the examples set), Python 3.11.
Seeds fixed (the examples'); under a minute of CPU each.
Capture (repository root, venv /work/venvs/corpus-zAB-2 on PATH):
    python tests/corpus/scripts/capture.py pipe real_jaxmd_nve_table -- python tests/corpus/scripts/jaxmd_examples.py --example nve
    python tests/corpus/scripts/capture.py pipe real_jaxmd_si_sw_debugprint -- python tests/corpus/scripts/jaxmd_examples.py --example si_sw
(print() and jax.debug.print only, no bar or colour: no pty entries.)
"""

import argparse
import os
import sys
import time
from importlib import metadata

import jax
from jax import config

config.update("jax_enable_x64", True)
import jax.numpy as np  # noqa: E402  (the examples' name for jax.numpy)
import numpy as onp  # noqa: E402
from jax import debug, jit, lax, random  # noqa: E402
from jax_md import energy, quantity, simulate, space, units  # noqa: E402
from jax_md.util import f64  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--example", choices=["nve", "si_sw"], required=True)
args = ap.parse_args()
series = _truth.Series()

if args.example == "nve":
    # examples/nve_simulation.py with SMOKE_TEST's N, box_size and N_steps
    N = 500
    dimension = 2
    box_size = 40.0
    displacement, shift = space.periodic(box_size)
    key = random.PRNGKey(0)
    R = random.uniform(key, (N, dimension), minval=0.0, maxval=box_size, dtype=np.float64)
    sigma = np.array([[1.0, 1.2], [1.2, 1.4]])
    N_2 = int(N / 2)
    species = np.where(np.arange(N) < N_2, 0, 1)
    energy_fn = energy.soft_sphere_pair(displacement, species=species, sigma=sigma)
    init, apply = simulate.nve(energy_fn, shift, 1e-2)
    step = jit(lambda i, state: apply(state))
    state = init(key, R, kT=0.0)

    PE = []
    KE = []
    N_steps = 200
    print_every = 20
    old_time = time.time()
    print("Step\tKE\tPE\tTotal Energy\ttime/step")
    print("----------------------------------------")
    for i in range(N_steps):
        state = lax.fori_loop(0, 10, step, state)
        PE += [energy_fn(state.position)]
        KE += [quantity.kinetic_energy(momentum=state.momentum)]
        if i % print_every == 0 and i > 0:
            new_time = time.time()
            print(
                "{}\t{:.2f}\t{:.2f}\t{:.3f}\t{:.2f}".format(  # noqa: UP032 (the example's code)
                    i * print_every,
                    KE[-1],
                    PE[-1],
                    KE[-1] + PE[-1],
                    (new_time - old_time) / print_every / 10.0,
                )
            )
            old_time = new_time
            series.add("KE", i * print_every, None, float(KE[-1]))
            series.add("PE", i * print_every, None, float(PE[-1]))
            series.add("Total Energy", i * print_every, None, float(KE[-1] + PE[-1]))
    notes = (
        "examples/nve_simulation.py at its SMOKE_TEST size (500 particles, box 40, 200 outer "
        "iterations of 10 MD steps). The header 'Step\\tKE\\tPE\\tTotal Energy\\ttime/step' "
        "(tab-separated, one name with a space), a 40-dash rule, then 9 rows such as "
        "'400\\t26.30\\t5.45\\t31.759\\t0.06' (KE and PE with 2 decimals, Total Energy 3, "
        "time/step 2: seconds per MD step). The Step column is the example's own label "
        "i * print_every for outer iteration i = 20, 40, ..., 180 (400, 800, ..., 3600; the "
        "example multiplies by print_every where 10 MD steps per iteration were run); the "
        "truth's step is that printed label. Total Energy is conserved (NVE): the same "
        "'31.759' on every row."
    )
    extra_ok = ["time/step (seconds per MD step)"]
    record = "the example's PE / KE lists (energy_fn(state.position), quantity.kinetic_energy)"
else:
    # examples/units/nve_si_sw.py; crystal made here instead of the downloaded trajectory
    unit = units.metal_unit_system()
    a = 5.431
    basis = onp.array(
        [
            [0, 0, 0],
            [0, 0.5, 0.5],
            [0.5, 0, 0.5],
            [0.5, 0.5, 0],
            [0.25, 0.25, 0.25],
            [0.25, 0.75, 0.75],
            [0.75, 0.25, 0.75],
            [0.75, 0.75, 0.25],
        ]
    )
    cells = onp.array([[i, j, k] for i in range(2) for j in range(2) for k in range(2)])
    # fractional coordinates, as space.periodic_general(latvec) expects by default
    positions = np.array((cells[:, None, :] + basis[None, :, :]).reshape(-1, 3) / 2, dtype=f64)
    latvec = np.eye(3, dtype=f64) * (2 * a)

    timestep = 1e-3
    fs = timestep * unit["time"]
    dt = fs
    write_every = 100
    box = latvec
    T_init = 300 * unit["temperature"]
    Mass = 28.0855 * unit["mass"]
    key = random.PRNGKey(121)
    NSTEPS_SIM = 1500  # the example's SMOKE_TEST length

    log = {
        "E": np.zeros((NSTEPS_SIM // write_every,)),
        "P": np.zeros((NSTEPS_SIM // write_every,)),
        "T": np.zeros((NSTEPS_SIM // write_every,)),
        "kT": np.zeros((NSTEPS_SIM // write_every,)),
    }
    displacement, shift = space.periodic_general(latvec)
    neighbor_fn, energy_fn = energy.stillinger_weber_neighbor_list(
        displacement, latvec, disable_cell_list=True
    )
    energy_fn = jit(energy_fn)
    nbrs = neighbor_fn.allocate(positions, box=box, extra_capacity=2)
    init_fn, apply_fn = simulate.nve(energy_fn, shift, dt=dt)
    apply_fn = jit(apply_fn)
    state = init_fn(key, positions, box=box, neighbor=nbrs, kT=T_init, mass=Mass)

    @jit
    def step_fn(i, state_nbrs):
        state, nbrs = state_nbrs
        state = apply_fn(state, neighbor=nbrs)
        nbrs = nbrs.update(state.position, neighbor=nbrs)
        return state, nbrs

    @jit
    def outer_sim_fn(j, state_nbrs_log):
        state, nbrs, log = state_nbrs_log
        K = quantity.kinetic_energy(momentum=state.momentum, mass=Mass)
        E = energy_fn(state.position, box=box, neighbor=nbrs)
        kT = quantity.temperature(momentum=state.momentum, mass=Mass)
        P = quantity.pressure(energy_fn, state.position, box, K, neighbor=nbrs)
        log["T"] = log["T"].at[j].set(K + E)
        log["E"] = log["E"].at[j].set(E)
        log["kT"] = log["kT"].at[j].set(kT)
        log["P"] = log["P"].at[j].set(P)
        debug.print("Step = {j} | Total Energy = {T}", j=j * write_every, T=K + E)

        @jit
        def inner_sim_fn(i, state_nbrs):
            return step_fn(i, state_nbrs)

        state, nbrs = lax.fori_loop(0, write_every, inner_sim_fn, (state, nbrs))
        return state, nbrs, log

    state_r, nbrs_r, log_r = lax.fori_loop(
        0, int(NSTEPS_SIM / write_every), outer_sim_fn, (state, nbrs, log)
    )
    print(nbrs_r.did_buffer_overflow)
    NSTEPS = int(NSTEPS_SIM / write_every)
    print(NSTEPS)
    for j, v in enumerate(onp.asarray(log_r["T"])):
        series.add("Total Energy", j * write_every, None, float(v))
    notes = (
        "examples/units/nve_si_sw.py at its SMOKE_TEST length (1500 MD steps of 1 fs), on a "
        "64-atom diamond Si crystal made in the script (the example downloads a 512-atom LAMMPS "
        "trajectory). jax.debug.print inside the jitted lax.fori_loop prints, before each 100 "
        "MD steps, 'Step = 0 | Total Energy = -277.4...' (Step = j * write_every, the MD step; "
        "the energy K + E in eV as a float64's full repr). Then print(nbrs.did_buffer_overflow) "
        "prints '0' (a jax bool array's str; no overflow) and print(NSTEPS) prints '15' (the number of logged points, a count). "
        "log['E'], log['kT'] and log['P'] are logged, never printed."
    )
    extra_ok = []
    record = (
        "the example's log['T'] array (K + E from quantity.kinetic_energy and the SW energy_fn)"
    )

_truth.write(
    library=f"jax-md {metadata.version('jax-md')} (jax {jax.__version__}, float64)",
    script="tests/corpus/scripts/jaxmd_examples.py",
    record=record,
    step_kind="global",
    series=series,
    extra_ok=extra_ok,
    not_printed=[] if args.example == "nve" else ["E", "kT", "P"],
    notes=notes,
)
