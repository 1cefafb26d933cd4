# alibi-detect ClassifierDrift with the PyTorch backend: predict() trains a small torch classifier (reference vs
# test data) through alibi_detect.models.pytorch.trainer, which draws a tqdm bar per epoch with
# set_description('Epoch 1/3') and set_postfix(loss_ma=...). Synthetic tabular data (seed 0, shifted test set).
# alibi-detect 0.13.0, torch 2.13.0 (CPU), tqdm (venv corpus-zBF-2).
# Truth: the trainer keeps no history; the script records, through a thin tqdm subclass put in the trainer's
# module, every dict the trainer hands to set_postfix() (full-precision loss_ma, one per batch), and the
# detector's own predict() output dict for the p-value and distance it prints.
# Captures (from the repo root, venv corpus-zBF-2 active):
#   python tests/corpus/scripts/capture.py pipe real_alibi_detect_classifier_drift -- python tests/corpus/scripts/alibi_detect_drift.py
#   python tests/corpus/scripts/capture.py pty real_alibi_detect_classifier_drift_pty -- python tests/corpus/scripts/alibi_detect_drift.py
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _truth  # noqa: E402


def main():
    import torch
    import torch.nn as nn

    np.random.seed(0)
    torch.manual_seed(0)
    import importlib

    trainer_mod = importlib.import_module("alibi_detect.models.pytorch.trainer")  # the module, not the function
    from tqdm import tqdm as base

    posts = []  # [epoch, loss_ma] per set_postfix call

    class RecordingTqdm(base):
        def set_postfix(self, ordered_dict=None, refresh=True, **kw):
            posts.append([self.desc, float(ordered_dict["loss_ma"])])
            return super().set_postfix(ordered_dict, refresh=refresh, **kw)

    trainer_mod.tqdm = RecordingTqdm
    from alibi_detect.cd import ClassifierDrift

    rng = np.random.RandomState(0)
    d = 8
    x_ref = rng.randn(480, d).astype(np.float32)
    x = (rng.randn(480, d) + np.r_[0.6, 0.4, np.zeros(d - 2)]).astype(np.float32)
    print(f"reference: {x_ref.shape}, test: {x.shape}")
    model = nn.Sequential(nn.Linear(d, 32), nn.ReLU(), nn.Linear(32, 2))
    cd = ClassifierDrift(x_ref, model, backend="pytorch", p_val=0.05, preds_type="logits", train_size=0.75, epochs=3, batch_size=32,
                         learning_rate=1e-3, device="cpu", verbose=1)
    preds = cd.predict(x)
    dd = preds["data"]
    labels = ["No!", "Yes!"]
    print(f"Drift? {labels[dd['is_drift']]}")
    print(f"p-value: {dd['p_val']:.4f}")
    print(f"distance: {dd['distance']:.4f}")

    s = _truth.Series()
    for desc, v in posts:
        s.add("loss_ma", None, int(desc.split()[1].split("/")[0]), v)
    s.add("p-value", None, None, float(dd["p_val"]))
    s.add("distance", None, None, float(dd["distance"]))
    _truth.write(
        library="alibi-detect 0.13.0 (torch 2.13.0 CPU)",
        script="tests/corpus/scripts/alibi_detect_drift.py",
        record="dicts the trainer hands to tqdm.set_postfix() (loss_ma per batch) and predict()['data']",
        step_kind="epoch",
        series=s,
        extra_ok=["it/s", "s/it"],
        notes="Per epoch one tqdm bar 'Epoch 1/3: 100%|██████████| 12/12 [00:00<00:00, 150.1it/s, loss_ma=0.693]': "
        "each batch the trainer calls set_description then set_postfix (both redraw), so each loss_ma (tqdm's %.3g) "
        "is one point, epoch from the description (1-based). The script then prints the detector's test result "
        "'p-value: 0.0000' and 'distance: 0.1234' (from predict()['data']).",
    )


if __name__ == "__main__":
    main()
