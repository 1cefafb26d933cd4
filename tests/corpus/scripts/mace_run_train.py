"""MACE's `mace_run_train` on a synthetic copper set: 40 rattled 4-atom fcc Cu cells with energies
and forces from ASE's EMT calculator (written to extxyz as REF_energy / REF_forces), a tiny MACE
(8x0e, r_max 4) trained for a few epochs on the CPU, as the MACE README runs it. Its INFO log:
settings, data set counts, E0s, model details, optimizer settings, one validation line per epoch

    Epoch 3: head: Default, loss=0.31064188, RMSE_E_per_atom=  543.54 meV, RMSE_F=  125.24 meV / A

and the final error tables (prettytable) on train/valid and test.

    python tests/corpus/scripts/mace_run_train.py [rmse|mae]

runs `mace.cli.run_train.main()` in-process (the function behind the `mace_run_train` console
script) with
    --name=MACE_model --train_file=<xyz> --valid_fraction=0.2 --test_file=<xyz> --E0s=average
    --model=MACE --hidden_irreps=8x0e --r_max=4.0 --batch_size=4 --max_num_epochs=6
    --energy_key=REF_energy --forces_key=REF_forces --device=cpu --seed=0
and for `mae` also --error_table=TotalMAE --ema --ema_decay=0.99 --amsgrad --max_num_epochs=5.

Truth: MACE's own results file results/MACE_model_run-0_train.txt (JSON lines; the "eval" lines are
the per-epoch validation metrics it logs; "Initial" has epoch null), in the printed unit (meV:
the record's eV times 1000, as MACE prints them); the error tables from the metrics dict that
mace.tools.tables_utils.evaluate returned for each row (wrapped; same order as the rows).

Versions: mace-torch 0.3.16, e3nn 0.4.4, ase 3.29.0, torch 2.13.0+cpu, Python 3.11 (venv
corpus-zAQ-1). Seeds fixed; about a minute of CPU.
Capture (repository root, venv corpus-zAQ-1):
    python tests/corpus/scripts/capture.py pipe real_mace_run_train -- python tests/corpus/scripts/mace_run_train.py rmse
    python tests/corpus/scripts/capture.py pipe real_mace_run_train_mae_ema -- python tests/corpus/scripts/mace_run_train.py mae
(plain logging to the console, no bar or colour: no pty twin).
"""

import json
import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from ase.build import bulk
from ase.calculators.emt import EMT
from ase.io import write

variant = sys.argv[1] if len(sys.argv) > 1 else "rmse"
work = tempfile.mkdtemp(prefix="mace_")
frames = []
for i in range(40):
    atoms = bulk("Cu", "fcc", a=3.6, cubic=True)
    atoms.rattle(0.08, seed=i)
    atoms.calc = EMT()
    energy, forces = atoms.get_potential_energy(), atoms.get_forces()
    atoms.calc = None
    atoms.info["REF_energy"] = energy
    atoms.arrays["REF_forces"] = forces
    frames.append(atoms)
write(os.path.join(work, "cu_train.xyz"), frames[:32])
write(os.path.join(work, "cu_test.xyz"), frames[32:])
os.chdir(work)

import mace.cli.run_train as run_train  # noqa: E402
import mace.tools.tables_utils as tables_utils  # noqa: E402

TABLES = []  # (table title, [(row name, metrics dict)])
_orig_table, _orig_evaluate = run_train.create_error_table, tables_utils.evaluate


def _create_error_table(*args, **kwargs):
    loaders = kwargs["all_data_loaders"]
    skip = kwargs.get("skip_heads") or []
    names = [
        n for n in sorted(loaders, key=tables_utils.custom_key) if not any(s in n for s in skip)
    ]
    rows = []

    def evaluate(*a, **k):
        out = _orig_evaluate(*a, **k)
        rows.append(out[1])
        return out

    tables_utils.evaluate = evaluate
    try:
        table = _orig_table(*args, **kwargs)
    finally:
        tables_utils.evaluate = _orig_evaluate
    TABLES.append(list(zip(names, rows, strict=True)))
    return table


run_train.create_error_table = _create_error_table

argv = ["mace_run_train", "--name=MACE_model", "--train_file=cu_train.xyz", "--valid_fraction=0.2"]
argv += ["--test_file=cu_test.xyz", "--E0s=average", "--model=MACE", "--hidden_irreps=8x0e"]
argv += ["--r_max=4.0", "--batch_size=4", "--energy_key=REF_energy", "--forces_key=REF_forces"]
argv += ["--device=cpu", "--seed=0"]
if variant == "mae":
    argv += ["--max_num_epochs=5", "--error_table=TotalMAE", "--ema", "--ema_decay=0.99"]
    argv += ["--amsgrad"]
else:
    argv += ["--max_num_epochs=6"]
sys.argv = argv
run_train.main()

series = _truth.Series()
evals = [json.loads(line) for line in open("results/MACE_model_run-0_train.txt")]
evals = [d for d in evals if d["mode"] == "eval"]
if variant == "mae":
    e_name, e_key, f_name, f_key = "MAE_E", "mae_e", "MAE_F", "mae_f"
    columns = [("MAE E / meV", "mae_e", 1000), ("MAE F / meV / A", "mae_f", 1000)]
    columns += [("relative F MAE %", "rel_mae_f", 1)]
else:
    e_name, e_key, f_name, f_key = "RMSE_E_per_atom", "rmse_e_per_atom", "RMSE_F", "rmse_f"
    columns = [
        ("RMSE E / meV / atom", "rmse_e_per_atom", 1000),
        ("RMSE F / meV / A", "rmse_f", 1000),
    ]
    columns += [("relative F RMSE %", "rel_rmse_f", 1)]
for d in evals:
    series.add("loss", None, d["epoch"], d["loss"])
    series.add(e_name, None, d["epoch"], d[e_key] * 1000)
    series.add(f_name, None, d["epoch"], d[f_key] * 1000)
for rows in TABLES:
    for row, metrics in rows:
        for title, key, scale in columns:
            series.add(f"{row} {title}", None, None, metrics[key] * scale)

_truth.write(
    library=f"mace-torch {metadata.version('mace-torch')}, e3nn {metadata.version('e3nn')}, "
    f"ase {metadata.version('ase')}, torch {metadata.version('torch')}",
    script="tests/corpus/scripts/mace_run_train.py",
    record="MACE's results/MACE_model_run-0_train.txt ('eval' JSON lines: loss and errors per "
    "epoch) and the metrics dicts behind each row of the final error tables",
    step_kind="epoch",
    series=series,
    extra_ok=[],
    not_printed=[
        "the results file's other eval keys (mae_e, q95_e, mae_f, rel_mae_f, q95_f, ...)",
        "the 'opt' lines (per-batch training loss), never printed",
    ],
    notes="The per-epoch line is the validation set's: 'Initial' (before training; epoch null in "
    "MACE's record) then 'Epoch N'. Energies and forces are printed in meV (and meV / A) while "
    "MACE records eV: the series are the record times 1000, as MACE computes what it prints. "
    "Error-table series are named '<config_type row> <column header>' (rows train_Default, "
    "valid_Default, and Default_Default for the test set). Not metrics: the settings and data "
    "lines (counts of configurations, '[energy: 32, stress: 0, ...]', indices of the validation "
    "split, Atomic Energies (E0s) {29: 0.078...}, average number of neighbors, channels, max_L, "
    "radial cutoff 4.0 A, receptive field, batch size, number of gradient updates, learning "
    "rate, weight decay, loss weights energy_weight/forces_weight, param groups' lr, "
    "gradient-clipping tolerance, EMA decay) and the checkpoint names (epoch-5).",
)
