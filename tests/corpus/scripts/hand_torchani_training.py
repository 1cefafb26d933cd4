"""TorchANI's documented training loop (examples/training.py, "Training an ANI network using a
custom script") on synthetic molecules: 5-atom CH3-O-H-like geometries, randomly perturbed, with
energies from ASE's EMT calculator (converted to Hartree). The loop is the example's: a
simple_ani(("H", "C", "N", "O"), lot="wb97x-631gd") model, AdamW, ReduceLROnPlateau stepped on
the validation RMSE, a tqdm bar per epoch (desc "Epoch N") and the example's prints

    Before training starts: Validation RMSE (kcal/mol) 1234.5678...
    After epoch 0: Validation RMSE (kcal/mol) 56.789...

Changes from the example: the data are in-memory batches of dicts (the example's prebatched
ANIBatchedDataset needs an ANI-1x sample file that is downloaded), max_epochs 4, no tensorboard
SummaryWriter (not installed; it prints nothing), checkpoints into a temporary folder, and
scheduler._is_better (torch 2.13 renamed the example's scheduler.is_better).

Truth: the values the loop handed to print (the validate() return, kcal/mol), at full precision
(the example prints the float with f"{rmse}").

Versions: torchani 2.9.0, ase 3.29.0, tqdm 4.70.1, torch 2.13.0+cpu, Python 3.11 (venv
corpus-zAQ-1). Seeds fixed; some 20 s of CPU.
Capture (repository root, venv corpus-zAQ-1):
    python tests/corpus/scripts/capture.py pipe real_hand_torchani_training -- python tests/corpus/scripts/hand_torchani_training.py
    python tests/corpus/scripts/capture.py pty real_hand_torchani_training_pty -- python tests/corpus/scripts/hand_torchani_training.py
"""

import math
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
import torchani  # noqa: F401
from ase import Atoms
from ase.calculators.emt import EMT
from torchani.arch import ANI, simple_ani
from torchani.units import hartree2kcalpermol
from tqdm import tqdm

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = torch.device("cpu")
EV_PER_HARTREE = 27.211386245988

# synthetic data: a methanol-like 5-atom template, rattled, EMT energies
template = np.array(
    [
        [0.0, 0.0, 0.0],
        [1.09, 0.0, 0.0],
        [-0.36, 1.03, 0.0],
        [-0.36, -0.51, 0.89],
        [-0.48, -0.6, -1.2],
    ]
)
symbols = ["C", "H", "H", "H", "O"]
species, coords, energies = [], [], []
for _ in range(96):
    atoms = Atoms(symbols, positions=template + rng.normal(0, 0.08, template.shape))
    atoms.calc = EMT()
    species.append(atoms.numbers)
    coords.append(atoms.positions)
    energies.append(atoms.get_potential_energy() / EV_PER_HARTREE - 115.0)
species = torch.tensor(np.array(species))
coords = torch.tensor(np.array(coords), dtype=torch.float32)
energies = torch.tensor(energies, dtype=torch.float64)


def batches(idx, size):
    return [
        {"species": species[b], "coordinates": coords[b], "energies": energies[b]}
        for b in torch.split(torch.tensor(idx), size)
    ]


perm = torch.randperm(96).tolist()
training = batches(perm[:80], 16)
validation = batches(perm[80:], 16)
work = Path(tempfile.mkdtemp(prefix="torchani_"))

model = simple_ani(("H", "C", "N", "O"), lot="wb97x-631gd", repulsion=True)
optimizer = torch.optim.AdamW(
    params=model.neural_networks.parameters(), lr=0.5e-3, weight_decay=1e-6
)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer, factor=0.5, patience=100, threshold=0
)
latest_training_state_checkpoint_path = work / "latest_training_state.pt"
best_model_state_checkpoint_path = work / "best_model_state.pt"
model.to(dtype=torch.float32, device=device)

PRINTED = []  # (epoch, rmse) as printed; epoch None for "Before training starts"


def validate(model: ANI, validation) -> float:
    squared_error = 0.0
    count = 0
    model.train(False)
    with torch.no_grad():
        for properties in validation:
            properties = {k: v.to(device, non_blocking=True) for k, v in properties.items()}
            species = properties["species"]
            coordinates = properties["coordinates"].float()
            target_energies = properties["energies"].float()
            output = model((species, coordinates))
            predicted_energies = output.energies
            squared_error += (predicted_energies - target_energies).pow(2).sum().item()
            count += predicted_energies.shape[0]
    model.train(True)
    rmse = math.sqrt(squared_error / count)
    return hartree2kcalpermol(rmse)


max_epochs = 4
min_learning_rate = 1.0e-10
if scheduler.last_epoch == 0:
    rmse = validate(model, validation)
    print(f"Before training starts: Validation RMSE (kcal/mol) {rmse}")
    PRINTED.append((None, rmse))
    scheduler.step(rmse)
    torch.save(
        {
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
        },
        latest_training_state_checkpoint_path,
    )

mse = torch.nn.MSELoss(reduction="none")
for epoch in range(scheduler.last_epoch, max_epochs + 1):
    if optimizer.param_groups[0]["lr"] < min_learning_rate:
        break
    for batch in tqdm(training, total=len(training), desc=f"Epoch {epoch}"):
        batch = {k: v.to(device, non_blocking=True) for k, v in batch.items()}
        species_b = batch["species"]
        coordinates = batch["coordinates"].float()
        target_energies = batch["energies"].float()
        num_atoms = (species_b >= 0).sum(dim=1, dtype=target_energies.dtype)
        output = model((species_b, coordinates))
        predicted_energies = output.energies
        loss = (mse(predicted_energies, target_energies) / num_atoms.sqrt()).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    rmse = validate(model, validation)
    print(f"After epoch {epoch}: Validation RMSE (kcal/mol) {rmse}")
    PRINTED.append((epoch, rmse))
    if scheduler._is_better(rmse, scheduler.best):  # is_better() in older torch
        torch.save(model.state_dict(), best_model_state_checkpoint_path)
    scheduler.step(rmse)
    torch.save(
        {
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
        },
        latest_training_state_checkpoint_path,
    )

series = _truth.Series()
for epoch, rmse in PRINTED:
    series.add("Validation RMSE (kcal/mol)", None, epoch, rmse)
_truth.write(
    library=f"torchani {metadata.version('torchani')}, tqdm {metadata.version('tqdm')}, "
    f"torch {metadata.version('torch')}",
    script="tests/corpus/scripts/hand_torchani_training.py",
    record="the values TorchANI's training example hands to print (validate(), kcal/mol)",
    step_kind="epoch",
    series=series,
    extra_ok=["tqdm's it/s and s/it (throughput) and elapsed/remaining times"],
    notes="'Before training starts' is the validation RMSE before any update (epoch null, the "
    "example's scheduler epoch 0); 'After epoch N' follows epoch N's tqdm bar "
    "('Epoch N: 100%|...| 5/5 [00:01<00:00, 3.1it/s]': batch counts and percentages are not "
    "metrics). TorchANI warns at import that its CUDA extensions are not installed.",
)
