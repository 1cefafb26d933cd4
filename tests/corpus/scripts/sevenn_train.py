"""SevenNet's `sevenn input.yaml -s` (train, log to the screen) on a synthetic copper set: 40
rattled 4-atom fcc Cu cells with energies, forces and stresses from ASE's EMT calculator (32 in
train.extxyz, 8 in valid.extxyz), with an input.yaml cut down from SevenNet's presets/base.yaml
(tests/corpus/scripts/sevenn_train.yaml: 8 channels, lmax 1, 2 convolutions, cutoff 4.0,
5 epochs, no test set). Output: SevenNet's ASCII logo and version, the config dump, the
train/valid set distributions ({'mean': '0.073', 'std': '0.039', ..., 'count': 8}), the irreps
and '# learnable parameters: 2036', then per epoch

    Epoch 2/5  lr: 0.004950
              Energy_RMSE (eV/atom)   Force_RMSE (eV/Å)   Stress_RMSE (kbar)   TotalLoss
    trainset               0.199629            1.572331            90.353814    0.123620
    validset               0.038922            1.472865            73.835401    0.074735
    Epoch 2 elapsed: 0:00:01.41

    python tests/corpus/scripts/sevenn_train.py

writes the data and input.yaml into a temporary folder and runs sevenn.main.sevenn.main()
in-process (the `sevenn` console script) with argv `sevenn input.yaml -s`.

Truth: SevenNet's own learning-curve file lc.csv (epoch, lr, trainset_*/validset_* per epoch; it
holds the values at the printed 6 decimals).

Versions: sevenn 0.13.0, e3nn 0.6.0, torch-geometric 2.8.1, ase 3.29.0, torch 2.13.0+cpu,
Python 3.11 (venv corpus-zAQ-2). random_seed 1; some 10 s of CPU.
Capture (repository root, venv corpus-zAQ-2):
    python tests/corpus/scripts/capture.py pipe real_sevenn_train -- python tests/corpus/scripts/sevenn_train.py
(plain text, no bar or colour: no pty twin).
"""

import csv
import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from ase.build import bulk
from ase.calculators.emt import EMT
from ase.calculators.singlepoint import SinglePointCalculator
from ase.io import write

work = tempfile.mkdtemp(prefix="sevenn_")
shutil.copy(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "sevenn_train.yaml"),
    os.path.join(work, "input.yaml"),
)
frames = []
for i in range(40):
    atoms = bulk("Cu", "fcc", a=3.6, cubic=True)
    atoms.rattle(0.08, seed=i)
    atoms.calc = EMT()
    e, f, s = atoms.get_potential_energy(), atoms.get_forces(), atoms.get_stress()
    atoms.calc = SinglePointCalculator(atoms, energy=e, forces=f, stress=s)
    frames.append(atoms)
write(os.path.join(work, "train.extxyz"), frames[:32])
write(os.path.join(work, "valid.extxyz"), frames[32:])
os.chdir(work)

from sevenn.main.sevenn import main  # noqa: E402

sys.argv = ["sevenn", "input.yaml", "-s"]
main()

rows = list(csv.DictReader(open(os.path.join(work, "lc.csv"))))
columns = {
    "Energy_RMSE": "Energy_RMSE (eV/atom)",
    "Force_RMSE": "Force_RMSE (eV/Å)",
    "Stress_RMSE": "Stress_RMSE (kbar)",
    "TotalLoss": "TotalLoss",
}
series = _truth.Series()
for r in rows:
    series.add("lr", None, int(r["epoch"]), float(r["lr"]))
for split in ("trainset", "validset"):
    for key, printed in columns.items():
        for r in rows:
            series.add(f"{split} {printed}", None, int(r["epoch"]), float(r[f"{split}_{key}"]))

_truth.write(
    library=f"sevenn {metadata.version('sevenn')}, e3nn {metadata.version('e3nn')}, "
    f"ase {metadata.version('ase')}, torch {metadata.version('torch')}",
    script="tests/corpus/scripts/sevenn_train.py",
    record="SevenNet's lc.csv (learning curve: lr and trainset_/validset_ errors per epoch)",
    step_kind="epoch",
    series=series,
    extra_ok=["'Epoch N elapsed: 0:00:01.41' and 'Total wall time: 0:00:04.55' (times)"],
    notes="Per epoch a header 'Epoch 2/5  lr: 0.004950' (1-based epochs as lc.csv counts them) "
    "and a table whose columns are the error names with units and whose rows are 'trainset' "
    "and 'validset': the series are named '<row> <column header>', so train and validation "
    "values of one column are two series. Not metrics: the logo and version, the config dump "
    "(cutoff 4.0, channel 8, lmax 1, lr 0.005, gamma 0.99, force_loss_weight 0.1, batch_size "
    "4, ...), the data-set distributions (mean/std/median/max/min/count of total_energy, "
    "per_atom_energy, force_of_atoms, stress, num_neighbor; natoms; '# structures (graph): "
    "32'), shift/scale/conv_denominator, the irreps and '# learnable parameters: 2036'.",
)
