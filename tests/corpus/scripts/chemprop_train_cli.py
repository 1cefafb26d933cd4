"""Chemprop v2's `chemprop train` command line on a synthetic set of small molecules (SMILES built
from fragments with RDKit; the target is RDKit's Crippen logP, or `logp > 1` for the classification
variant), run as a user runs it: the default INFO log (args dict, data summary tables, the MPNN's
repr), Lightning's rich model summary and bar, then chemprop's own "Test Set results:" lines.

    python tests/corpus/scripts/chemprop_train_cli.py [regression|classification|multitask]

runs `chemprop.cli.main.main()` in-process with the argv of
    chemprop train -i <csv> -t regression -o <dir> --epochs 6 --metrics rmse mae r2
    chemprop train -i <csv> -t classification -o <dir> --epochs 6 --metrics roc prc accuracy
    chemprop train -i <csv> -t regression -o <dir> --epochs 6 --metrics rmse mae r2 --show-individual-scores
(the last with two targets, Crippen logP and molar refractivity 'mr': variant `multitask`)
(the same code path as the `chemprop` console script; this wrapper only adds the truth).

Truth: the run's Lightning CSVLogger metrics.csv (chemprop falls back to it without tensorboard:
val_loss, val/<metric>, train_loss_epoch per epoch; val/<metric> are logged but not shown by the
bar), and for the test lines the outputs of the very metric modules chemprop calls in
evaluate_and_save_predictions (a forward hook records each call; averaged over target columns as
chemprop does before logging `test/<alias>: <value>`).

Versions: chemprop 2.3.1, lightning 2.6.6, rdkit 2026.3.6, rich 15.0.0, torch 2.13.0+cpu,
Python 3.11 (venv corpus-zAQ-1). Seeds fixed (chemprop's default --data-seed/--pytorch-seed 0).
Capture (repository root, venv corpus-zAQ-1):
    python tests/corpus/scripts/capture.py pipe real_chemprop_train_regression -- python tests/corpus/scripts/chemprop_train_cli.py regression
    python tests/corpus/scripts/capture.py pty real_chemprop_train_regression_pty -- python tests/corpus/scripts/chemprop_train_cli.py regression
    python tests/corpus/scripts/capture.py pipe real_chemprop_train_classification -- python tests/corpus/scripts/chemprop_train_cli.py classification
    python tests/corpus/scripts/capture.py pty real_chemprop_train_classification_pty -- python tests/corpus/scripts/chemprop_train_cli.py classification
    python tests/corpus/scripts/capture.py pipe real_chemprop_train_multitask -- python tests/corpus/scripts/chemprop_train_cli.py multitask
"""

import csv
import glob
import os
import random
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from rdkit import Chem, RDLogger
from rdkit.Chem import Crippen

RDLogger.DisableLog("rdApp.*")
task = sys.argv[1] if len(sys.argv) > 1 else "regression"
EPOCHS = 6

random.seed(0)
frags = ["C", "CC", "CCC", "C(C)C", "O", "N", "C(=O)", "c1ccccc1", "Cl", "F", "C#N", "OC", "CN"]
frags += ["C1CC1", "S"]
smiles = set()
while len(smiles) < 120:
    s = "".join(random.choice(frags) for _ in range(random.randint(2, 5)))
    m = Chem.MolFromSmiles(s)
    if m:
        smiles.add(Chem.MolToSmiles(m))
work = tempfile.mkdtemp(prefix="chemprop_")
data = os.path.join(work, "mols.csv")
with open(data, "w") as fh:
    fh.write("smiles,logp,mr\n" if task == "multitask" else "smiles,logp\n")
    for s in sorted(smiles):
        logp = Crippen.MolLogP(Chem.MolFromSmiles(s))
        if task == "multitask":
            fh.write(f"{s},{logp:.4f},{Crippen.MolMR(Chem.MolFromSmiles(s)):.4f}\n")
        else:
            fh.write(f"{s},{logp:.4f}\n" if task == "regression" else f"{s},{int(logp > 1)}\n")
out = os.path.join(work, "out")

import chemprop.cli.train as cli_train  # noqa: E402
from chemprop.cli.main import main  # noqa: E402

TEST = {}  # alias -> list of per-column outputs, as chemprop's individual_scores
_orig_eval = cli_train.evaluate_and_save_predictions


def _eval(preds, test_loader, metrics, model_output_dir, args):
    hooks = []
    for metric in metrics:

        def hook(mod, inp, output, alias=metric.alias):
            TEST.setdefault(alias, []).append(float(output))

        hooks.append(metric.register_forward_hook(hook))
    try:
        return _orig_eval(preds, test_loader, metrics, model_output_dir, args)
    finally:
        for h in hooks:
            h.remove()


cli_train.evaluate_and_save_predictions = _eval

metrics = ["roc", "prc", "accuracy"] if task == "classification" else ["rmse", "mae", "r2"]
kind = "regression" if task == "multitask" else task
sys.argv = ["chemprop", "train", "-i", data, "-t", kind, "-o", out, "--epochs", str(EPOCHS)]
sys.argv += ["--metrics", *metrics]
if task == "multitask":
    sys.argv += ["--show-individual-scores"]
main()

pty = os.environ.get("MLOP_CORPUS_MODE") == "pty"
(path,) = glob.glob(os.path.join(out, "model_0", "trainer_logs", "version_0", "metrics.csv"))
rows = list(csv.DictReader(open(path)))
series = _truth.Series()
shown = ("val_loss", "train_loss_epoch")
for name in shown:
    pts = [(int(r["step"]), int(r["epoch"]), float(r[name])) for r in rows if r[name]]
    if not pty:
        pts = pts[-1:]  # piped, rich prints the bar once, at the end: the last epoch's values
    for step, epoch, value in pts:
        series.add(name, step, epoch, value)
for alias in metrics:
    vals = TEST[alias]
    series.add(f"test/{alias}", None, None, sum(vals) / len(vals))
if task == "multitask":  # --show-individual-scores: test/<column>/<alias>, metric by metric
    for alias in metrics:
        for col, value in zip(["logp", "mr"], TEST[alias], strict=True):
            series.add(f"test/{col}/{alias}", None, None, value)

_truth.write(
    library=f"chemprop {metadata.version('chemprop')}, lightning {metadata.version('lightning')}, "
    f"rdkit {metadata.version('rdkit')}, torch {metadata.version('torch')}",
    script="tests/corpus/scripts/chemprop_train_cli.py",
    record="Lightning CSVLogger metrics.csv of the chemprop train run (val_loss, train_loss_epoch); "
    "test/<alias> from forward hooks on the metric modules chemprop's "
    "evaluate_and_save_predictions calls",
    step_kind="global",
    series=series,
    extra_ok=[
        "train_loss_step (the bar's per-step training loss; log_every_n_steps=50 never "
        "writes it to metrics.csv with 2 batches an epoch)"
    ],
    not_printed=[f"val/{m}" for m in metrics] + ["train_loss_step in metrics.csv"],
    notes="Lightning's rich bar: `v_num: 0.000` is the logger version, not a metric. "
    + (
        "Under a terminal the bar is redrawn through every epoch; the series list every epoch's "
        "epoch-level values from metrics.csv."
        if pty
        else "Piped, rich prints the bar once at the end, so only the last epoch's val_loss and "
        "train_loss_epoch are in the output."
    )
    + " The data summary tables (counts, mean, std. dev., median, % within 1/2 s.d. of the "
    "target), the split sizes, the MPNN repr (in/out features), the model summary (params, "
    "FLOPs, MB) and the checkpoint file name best-epoch=N-val_loss=X.ckpt are not metrics "
    "records. The test lines are printed at full float precision.",
)
