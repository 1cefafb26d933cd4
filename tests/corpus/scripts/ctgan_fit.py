"""CTGAN (the sdv-dev ctgan package) fitted with verbose=True on a small synthetic mixed-type table,
as its README shows: CTGAN(epochs=..., verbose=True).fit(data, discrete_columns), then sample().

Versions: ctgan 0.12.1, rdt 2.0.0, torch 2.13.0 (CPU), pandas 2.3.3, numpy 2.4.6, Python 3.11
(venv /work/venvs/corpus-zAI-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_ctgan_fit -- python tests/corpus/scripts/ctgan_fit.py
    python tests/corpus/scripts/capture.py pty real_ctgan_fit_pty -- python tests/corpus/scripts/ctgan_fit.py
Truth: CTGAN.loss_values, the DataFrame CTGAN keeps itself (one row per epoch: Epoch,
'Generator Loss', 'Discriminator Loss'); the tqdm bar's description shows each epoch's two losses
as 'Gen. (+01.23) | Discrim. (-00.45)' (ctgan's _format_score: sign, zero-padded, 2 decimals).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import torch
from ctgan import CTGAN

torch.manual_seed(0)
np.random.seed(0)
torch.set_num_threads(1)
rng = np.random.RandomState(0)
n = 600
plan = rng.choice(["basic", "plus", "premium"], n, p=[0.5, 0.3, 0.2])
region = rng.choice(["north", "south", "east", "west"], n)
age = rng.normal(40, 12, n).clip(18, 80).round()
spend = np.exp(rng.normal(3 + 0.4 * (plan == "premium"), 0.5, n)).round(2)
churned = (rng.uniform(size=n) < 0.2 + 0.2 * (plan == "basic")).astype(int).astype(str)
data = pd.DataFrame(
    {"age": age, "spend": spend, "plan": plan, "region": region, "churned": churned}
)
discrete_columns = ["plan", "region", "churned"]

ctgan = CTGAN(epochs=20, batch_size=100, verbose=True)
ctgan.fit(data, discrete_columns)
synthetic = ctgan.sample(200)
print(synthetic.head())

series = _truth.Series()
for _, row in ctgan.loss_values.iterrows():
    ep = int(row["Epoch"])
    series.add("Gen.", None, ep, row["Generator Loss"])
    series.add("Discrim.", None, ep, row["Discriminator Loss"])

_truth.write(
    library=(
        f"ctgan {metadata.version('ctgan')} (rdt {metadata.version('rdt')}, torch "
        f"{torch.__version__}, pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/ctgan_fit.py",
    record="CTGAN.loss_values (DataFrame: Epoch, Generator Loss, Discriminator Loss per epoch)",
    step_kind="epoch",
    series=series,
    extra_ok=["tqdm's rate (it/s or s/it) and elapsed/remaining times of the epoch bar"],
    not_printed=[],
    notes=(
        "One tqdm bar over the epochs on stderr, its description set to 'Gen. (+00.00) | "
        "Discrim. (+00.00)' before the first epoch (a placeholder, no loss yet: not in the record) "
        "and to each epoch's last-batch generator and discriminator losses after that epoch "
        "(ctgan's _format_score: sign, zero-padded to 2 integer digits, 2 decimals, clipped to "
        "+-99.99), e.g. 'Gen. (+00.98) | Discrim. (-00.05):  17%|#7   | 2/20 [00:00<00:02,  4.08it/s]'. The description is "
        "refreshed before tqdm advances its counter, so the epoch with record Epoch i (ctgan "
        "counts from 0) is shown next to 'i/20' and then 'i+1/20' (tqdm may skip a redraw). The series' epoch is the "
        "record's 0-based Epoch. Bar percentages and the n/20 counter are progress, not metrics. "
        "After the fit the script prints synthetic.head(): five sampled rows (ages, spends, "
        "labels: data, not metrics)."
    ),
)
