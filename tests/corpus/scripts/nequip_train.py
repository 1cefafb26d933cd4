"""NequIP's `nequip-train` (Hydra + Lightning) on a synthetic copper set, with a config cut down
from NequIP's configs/tutorial.yaml: 40 rattled 8-atom fcc Cu cells (energies and forces from
ASE's EMT calculator, in an extxyz read by ASEDataModule), a 2-layer NequIPGNNModel with 8
features, EMALightningModule, 5 epochs on the CPU, then the `test` run task. Changes from the
tutorial config: accelerator cpu, smaller model, no ZBL pair potential, no EarlyStopping /
LR scheduler / LearningRateMonitor, a CSVLogger in place of the WandbLogger, no num_workers.

Output: Hydra-style log lines (version information, 'Computed data statistics:' with
num_neighbors_mean, per_atom_energy_mean, forces_rms), Lightning's model summary, the TQDM bars
(showing only v_num), and Lightning's test table ('test0_epoch/forces_mae   0.2756...').

    python tests/corpus/scripts/nequip_train.py

writes the config and data into a temporary folder and runs nequip.scripts.train.main() in-process
(the `nequip-train` console script) with argv
    nequip-train -cp <dir> -cn config hydra.run.dir=<dir>/run

Truth: the run's CSVLogger metrics.csv: the test0_epoch/* row (what the test table prints). The
training and validation metrics (train_loss_step/*, train_metric_epoch/*, val0_epoch/*) are logged
but never printed (the bar shows only v_num).

Versions: nequip 0.19.1, e3nn 0.6.0, lightning 2.6.6, hydra-core 1.3.8, ase 3.29.0, torch
2.13.0+cpu, Python 3.11 (venv corpus-zAQ-2). Seeds fixed; some 20 s of CPU.
Capture (repository root, venv corpus-zAQ-2):
    python tests/corpus/scripts/capture.py pipe real_nequip_train -- python tests/corpus/scripts/nequip_train.py
    python tests/corpus/scripts/capture.py pty real_nequip_train_pty -- python tests/corpus/scripts/nequip_train.py
"""

import csv
import glob
import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from ase.build import bulk
from ase.calculators.emt import EMT
from ase.calculators.singlepoint import SinglePointCalculator
from ase.io import write

CONFIG = open(os.path.join(os.path.dirname(__file__), "nequip_train.yaml")).read()

work = tempfile.mkdtemp(prefix="nequip_")
frames = []
for i in range(40):
    atoms = bulk("Cu", "fcc", a=3.6, cubic=True).repeat((2, 1, 1))
    atoms.rattle(0.08, seed=i)
    atoms.calc = EMT()
    energy, forces = atoms.get_potential_energy(), atoms.get_forces()
    atoms.calc = SinglePointCalculator(atoms, energy=energy, forces=forces)
    frames.append(atoms)
write(os.path.join(work, "cu.xyz"), frames)
with open(os.path.join(work, "config.yaml"), "w") as fh:
    fh.write(CONFIG)
os.chdir(work)

from nequip.scripts.train import main  # noqa: E402

sys.argv = ["nequip-train", "-cp", work, "-cn", "config", f"hydra.run.dir={work}/run"]
try:
    main()
except SystemExit as e:  # Hydra's main may exit 0
    if e.code:
        raise

(path,) = glob.glob(os.path.join(work, "run", "lightning_logs", "version_0", "metrics.csv"))
rows = list(csv.DictReader(open(path)))
(test,) = [r for r in rows if r.get("test0_epoch/weighted_sum")]
series = _truth.Series()
for name in sorted(k for k in test if k.startswith("test0_epoch/")):
    series.add(name, int(test["step"]), int(test["epoch"]), float(test[name]))
logged = sorted({k for r in rows for k, v in r.items() if v and "/" in k} - set(series.series))

_truth.write(
    library=f"nequip {metadata.version('nequip')}, e3nn {metadata.version('e3nn')}, "
    f"lightning {metadata.version('lightning')}, torch {metadata.version('torch')}",
    script="tests/corpus/scripts/nequip_train.py",
    record="Lightning CSVLogger metrics.csv of the nequip-train run (the test0_epoch/* row)",
    step_kind="global",
    series=series,
    extra_ok=["tqdm's it/s (throughput), elapsed and remaining times"],
    not_printed=logged,
    notes="Only the final test table prints metrics (Lightning's plain table 'Test metric / "
    "DataLoader 0', rows sorted by name, full float precision; the step/epoch is that of the "
    "best checkpoint the test restored). The training bar shows only 'v_num=0' (a logger "
    "version). Not metrics: 'Computed data statistics:' (num_neighbors_mean: 18.0, "
    "per_type_num_neighbors_mean_Cu, per_atom_energy_mean, forces_rms, per_type_forces_rms_Cu: "
    "statistics of the training data that set the model's shifts and scales), the version "
    "lines (torch 2.13.0+cpu, e3nn 0.6.0, nequip 0.19.1), the dataset counts, the model "
    "summary (params, MB, modules, FLOPs) and the bar counts.",
)
