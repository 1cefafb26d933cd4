"""scvi-tools' SCVI on a synthetic single-cell count matrix (300 cells x 100 genes, Poisson counts
from two "cell types", two batches), as the scvi-tools quick-start runs it: print the AnnData,
setup_anndata(batch_key=...), build SCVI and print it (its parameter summary), train with a
validation split checked every epoch, then print the AnnData again and the latent's shape.

Output: scvi's model summary ('n_hidden: 128, n_latent: 10, n_layers: 1, dropout_rate: 0.1'),
Lightning's start-up lines, scvi's tqdm bar 'Epoch 3/8: 38%|... 3/8 [00:02<00:03, 1.37it/s,
v_num=1, train_loss=258]', the AnnData repr ('n_obs x n_vars = 300 x 100'), '(300, 10)'.

Truth: model.history (scvi's own record, one row per epoch): the bar's train_loss is
history['train_loss'] (the epoch mean, shown rounded by tqdm's postfix); the other history keys
(elbo_train, reconstruction_loss_*, kl_*, validation_loss, elbo_validation) are never printed.

Versions: scvi-tools 1.4.2, anndata 0.12.19, lightning 2.6.6, tqdm 4.70.1, torch 2.13.0+cpu,
Python 3.11 (venv corpus-zAQ-1). scvi.settings.seed = 0; some 20 s of CPU.
Capture (repository root, venv corpus-zAQ-1):
    python tests/corpus/scripts/capture.py pipe real_scvi_train -- python tests/corpus/scripts/scvi_train.py
    python tests/corpus/scripts/capture.py pty real_scvi_train_pty -- python tests/corpus/scripts/scvi_train.py
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import anndata
import numpy as np
import scvi

rng = np.random.default_rng(0)
n_cells, n_genes = 300, 100
cell_type = rng.random((n_cells, 1)) < 0.5
mu = rng.gamma(2, 1, (1, n_genes)) * np.where(cell_type, 1.0, 2.0)
adata = anndata.AnnData(rng.poisson(mu).astype(np.float32))
adata.obs["batch"] = np.where(np.arange(n_cells) % 2 == 0, "a", "b")
adata.obs["cell_type"] = np.where(cell_type[:, 0], "t1", "t2")
print(adata)

scvi.settings.seed = 0
scvi.model.SCVI.setup_anndata(adata, batch_key="batch")
model = scvi.model.SCVI(adata)
print(model)
model.train(max_epochs=8, check_val_every_n_epoch=1)
print(adata)
latent = model.get_latent_representation()
print(latent.shape)

series = _truth.Series()
hist = model.history["train_loss"]
for epoch, value in zip(hist.index, hist["train_loss"], strict=True):
    series.add("train_loss", None, int(epoch), value)
_truth.write(
    library=f"scvi-tools {metadata.version('scvi-tools')}, lightning {metadata.version('lightning')}, "
    f"tqdm {metadata.version('tqdm')}, torch {metadata.version('torch')}",
    script="tests/corpus/scripts/scvi_train.py",
    record="model.history['train_loss'] (scvi-tools' own per-epoch record)",
    step_kind="epoch",
    series=series,
    extra_ok=["tqdm's it/s and s/it (throughput), elapsed and remaining times"],
    not_printed=[k for k in model.history if k != "train_loss"],
    notes="The bar counts epochs ('Epoch 3/8', 1-based, and 3/8 of the epochs done); the record's "
    "epochs are 0-based. tqdm's postfix shows train_loss rounded to 3 significant figures "
    "('train_loss=258'), and a new epoch's first frame still shows the previous epoch's value. "
    "'v_num=1' is the logger version. Not metrics: the model summary (n_hidden: 128, n_latent: "
    "10, n_layers: 1, dropout_rate: 0.1), the AnnData repr (n_obs x n_vars = 300 x 100), the "
    "latent's shape (300, 10), Lightning's log_every_n_steps warning (3 training batches, "
    "log_every_n_steps=10) and 'Seed set to 0'.",
)
