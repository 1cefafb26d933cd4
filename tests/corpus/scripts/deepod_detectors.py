"""DeepOD: deep anomaly detectors on synthetic data, used as DeepOD's README shows
(clf = DeepSVDD(); clf.fit(X_train); scores = clf.decision_function(X_test);
auc, ap, f1 = tabular_metrics(y_test, scores)), with the detectors' own console output:

    Start Training...
    ensemble size: 1
    MLPnet(                      <- print(net) at verbose=2 (the default)
    epoch  1, training loss: 0.351542, time: 0.0s
    testing: 100%|██████████| 8/8 [00:00<00:00, 512.31it/s]   <- tqdm at verbose=2

Modes:
    tabular  DeepSVDD (verbose=1, prt_steps=2), DevNet (semi-supervised, default verbose=2,
             prt_steps=3), DeepSAD (verbose=2), each followed by the README's metrics print.
    unsup    unsupervised DeepSVDD (default verbose=2; ICL, the one with an ensemble, fails at inference
             here: 'a Tensor with 704 elements cannot be converted to Scalar'),
             GOAD (n_trans=16: '16 transformation done'), NeuTraL (verbose=1); one metrics line each
             'GOAD     AUC-ROC=0.912 AUC-PR=0.585 F1=0.550'.
    (time series left out: TranAD fails on torch 2.14 ('is_causal'), TimesNet needs minutes of
    CPU, and deepod's ts_metrics breaks on scikit-learn 1.9's precision_recall_curve.)

Truth: the loss each detector's training step returns, recorded by wrapping the detector's own
training_forward (BaseDeepAD._training averages loss.item() over the epoch's batches, as we do
here), and tabular_metrics' returned tuples (auc-roc, auc-pr, f1).

Versions: deepod 0.4.1 (installed --no-deps: it pins torch<1.13.1, yet runs on torch 2.14),
torch 2.14.1+cu130 (the wheel on local disk; runs on CPU), numpy 2.4, scikit-learn 1.9, tqdm 4.x, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zBA-2):
    python tests/corpus/scripts/capture.py pipe real_deepod_tabular -- python tests/corpus/scripts/deepod_detectors.py tabular
    python tests/corpus/scripts/capture.py pty real_deepod_tabular_pty -- python tests/corpus/scripts/deepod_detectors.py tabular
    python tests/corpus/scripts/capture.py pipe real_deepod_unsup -- python tests/corpus/scripts/deepod_detectors.py unsup
    python tests/corpus/scripts/capture.py pty real_deepod_unsup_pty -- python tests/corpus/scripts/deepod_detectors.py unsup
"""

import os
import sys
from importlib import metadata

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from deepod.metrics import tabular_metrics

mode = sys.argv[1]
assert mode in ("tabular", "unsup")
rng = np.random.RandomState(0)
S = _truth.Series()


def record_base(clf, name):
    """Record per-epoch mean loss exactly as BaseDeepAD._training computes and prints it."""
    state = {"losses": [], "epoch": 0}
    orig_fwd = clf.training_forward
    orig_upd = clf.epoch_update

    def training_forward(*a, **k):
        loss = orig_fwd(*a, **k)
        state["losses"].append(loss.item())
        return loss

    def epoch_update():
        state["epoch"] += 1
        i = state["epoch"] - 1
        if clf.verbose >= 1 and (i == 0 or (i + 1) % clf.prt_steps == 0):
            total = 0
            for v in state["losses"]:
                total += v
            S.add(name, None, state["epoch"], total / len(state["losses"]))
        state["losses"] = []
        return orig_upd()

    orig_train = clf._training

    def _training():  # once per ensemble member: its epochs count from 1 again
        state["epoch"] = 0
        return orig_train()

    clf.training_forward = training_forward
    clf.epoch_update = epoch_update
    clf._training = _training


if True:  # synthetic tabular data: Gaussian inliers, wider shifted outliers
    n_in, n_out, d = 900, 60, 12
    X_in = rng.randn(n_in, d)
    X_out = rng.randn(n_out, d) * 1.6 + 0.4
    X = np.vstack([X_in, X_out]).astype(np.float32)
    y = np.r_[np.zeros(n_in), np.ones(n_out)].astype(int)
    perm = rng.permutation(len(X))
    X, y = X[perm], y[perm]
    X_train, y_train, X_test, y_test = X[:700], y[:700], X[700:], y[700:]
    print(f"train: {X_train.shape}, test: {X_test.shape}, anomaly ratio: {y.mean():.3f}")

from deepod.models.tabular import GOAD, DeepSAD, DeepSVDD, DevNet, NeuTraL

if mode == "unsup":
    for cls, kw in ((DeepSVDD, dict(prt_steps=2)), (GOAD, dict(n_trans=16, prt_steps=2)),
                    (NeuTraL, dict(prt_steps=3, verbose=1))):
        clf = cls(epochs=6, batch_size=64, device="cpu", random_state=42, **kw)
        record_base(clf, "training loss")
        clf.fit(X_train[y_train == 0])
        scores = clf.decision_function(X_test)
        auc, ap, f1 = tabular_metrics(y_test, scores)
        print(f"{cls.__name__:<8} AUC-ROC={auc:.3f} AUC-PR={ap:.3f} F1={f1:.3f}")
        S.add("AUC-ROC", None, None, auc)
        S.add("AUC-PR", None, None, ap)
        S.add("F1", None, None, f1)
else:
    clf = DeepSVDD(epochs=10, batch_size=64, device="cpu", verbose=1, prt_steps=2, random_state=42)
    record_base(clf, "training loss")
    clf.fit(X_train[y_train == 0])
    scores = clf.decision_function(X_test)
    auc, ap, f1 = tabular_metrics(y_test, scores)
    print(f"DeepSVDD  auc-roc: {auc:.4f}, auc-pr: {ap:.4f}, f1: {f1:.4f}")
    S.add("auc-roc", None, None, auc)
    S.add("auc-pr", None, None, ap)
    S.add("f1", None, None, f1)

    # semi-supervised: only a few labelled anomalies
    y_semi = np.zeros_like(y_train)
    idx = np.where(y_train == 1)[0][:10]
    y_semi[idx] = 1
    for cls, kw in ((DevNet, dict(prt_steps=3)), (DeepSAD, dict(prt_steps=4))):
        clf = cls(epochs=12, batch_size=64, device="cpu", random_state=42, **kw)
        nm = cls.__name__
        record_base(clf, "training loss")
        clf.fit(X_train, y_semi)
        scores = clf.decision_function(X_test)
        auc, ap, f1 = tabular_metrics(y_test, scores)
        print(f"{nm}  auc-roc: {auc:.4f}, auc-pr: {ap:.4f}, f1: {f1:.4f}")
        S.add("auc-roc", None, None, auc)
        S.add("auc-pr", None, None, ap)
        S.add("f1", None, None, f1)

_truth.write(
    library=f"deepod {metadata.version('deepod')} (torch {torch.__version__})",
    script="tests/corpus/scripts/deepod_detectors.py",
    record="the loss each detector's training step returns (wrapped training_forward, averaged per "
    "epoch as BaseDeepAD._training does), tabular_metrics tuples",
    step_kind="epoch",
    series=S,
    extra_ok=["time: 0.0s per epoch", "tqdm testing bar it/s"],
    not_printed=["losses of the epochs prt_steps skips"],
    notes=("Three detectors in one run: 'epoch  N, training loss: X, time: Ys' restarts at epoch 1 per "
           "detector (one 'training loss' series: DeepSVDD epochs 1-10, then DevNet 1-12, then DeepSAD 1-12, in "
           "print order). auc-roc/auc-pr/f1 follow 'DeepSVDD  ', 'DevNet  ', 'DeepSAD  ' (one point each). The "
           "metrics line is the script's f-string in the README's style. DevNet/DeepSAD print their MLPnet repr "
           "(in_features=12 ... sizes) and a Counter of labels." if mode == "tabular" else
           "Three detectors in one run: 'epoch  N, training loss: X, time: Ys' restarts at epoch 1 per detector "
           "(one 'training loss' series: DeepSVDD, GOAD, NeuTraL epochs 1-6, in print order). AUC-ROC/AUC-PR/F1 "
           "follow the detector's name (one point each). GOAD prints '16 transformation done' and its GoadNet "
           "repr (Conv1d sizes); DeepSVDD and GOAD (verbose=2) draw tqdm 'testing:' bars on stderr."),
)
