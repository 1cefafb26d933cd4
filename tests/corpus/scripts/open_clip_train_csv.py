"""open_clip's own training entry point (open_clip_train.main, as `python -m open_clip_train.main`)
on a few synthetic images with a CSV of captions, a tiny ViT/text-transformer CLIP from a local
config (no pretrained weights), 2 epochs on the CPU, validation on a second CSV each epoch.

It logs through `logging` (root handler on stderr, '%(asctime)s | %(levelname)s | %(message)s'):
the parameter dump ('  batch_size: 8'), the model, then per logged step

    Train Epoch: 0 [ 8/48 (17%)] Data (t): 0.021 Batch (t): 0.849, 9.42225/s, 9.42225/s/gpu LR: 0.000167
        Logit Scale: 14.286 Contrastive_loss: 2.1132 (2.1132) Loss: 2.1132 (2.1132)

(one line) and per epoch 'Eval Epoch: 1 [8 / 16]	Clip Loss: 2.033009' (after the first batch) and
'Eval Epoch: 1 image_to_text_mean_rank: 6.8750	...	clip_val_loss: 2.0404	epoch: 1.0000	num_samples: 16.0000'.

Truth: open_clip_train's own records under --logs: results.jsonl (one JSON object per evaluation,
the dict printed on the 'Eval Epoch: N key: value' line, full precision) and the TensorBoard
scalars it writes at each logged step (train/contrastive_loss, train/loss, train/lr, train/scale at
global step = num_batches_per_epoch * epoch + batch index). The running mean in parentheses after
the loss is kept in no record (an AverageMeter): it is rebuilt here from the recorded per-step
losses the way the meter averages them (equal batch sizes, so a plain mean since the epoch began).

Versions: open_clip_torch 3.3.0, torch 2.13.0+cpu, torchvision 0.28.0, tensorboard 2.21.0,
Python 3.11. torchvision 0.28.0 (the release for torch 2.13) is a CUDA build whose _C.so cannot
load beside the CPU torch; its `torchvision/_meta_registrations.py` was emptied in the venv
(it registers fake kernels for the missing C++ ops unconditionally); nothing here uses those ops.
Venv (/work/venvs/corpus-zI-1): pip install torch==2.13.0 torchvision==0.28.0 "open_clip_torch[training]"
tsai tensorboard, then `: > .../site-packages/torchvision/_meta_registrations.py`.
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_open_clip_train -- \
        python tests/corpus/scripts/open_clip_train_csv.py
(logging only, no bar and no colour: no pty twin.) A few seconds of CPU.
"""

import csv
import glob
import json
import logging
import os
import shutil
import sys
from importlib import metadata

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(__file__))

import _truth

WORK = "/tmp/corpus-zI/openclip"
EPOCHS, BATCH = 2, 8
N_TRAIN, N_VAL = 48, 16
COLOURS = ["red", "green", "blue", "yellow"]
SHAPES = ["square", "stripe", "dot"]


def make_data():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(f"{WORK}/img")
    rng = np.random.RandomState(0)
    rgb = {
        "red": (220, 30, 30),
        "green": (30, 200, 40),
        "blue": (30, 40, 220),
        "yellow": (230, 220, 30),
    }
    for split, n in (("train", N_TRAIN), ("val", N_VAL)):
        rows = []
        for i in range(n):
            c, s = COLOURS[rng.randint(4)], SHAPES[rng.randint(3)]
            a = rng.randint(0, 60, (32, 32, 3)).astype(np.uint8)
            if s == "square":
                a[8:24, 8:24] = rgb[c]
            elif s == "stripe":
                a[:, 12:20] = rgb[c]
            else:
                yy, xx = np.mgrid[:32, :32]
                a[(yy - 16) ** 2 + (xx - 16) ** 2 < 40] = rgb[c]
            path = f"{WORK}/img/{split}_{i:03d}.png"
            Image.fromarray(a).save(path)
            rows.append({"filepath": path, "title": f"a {c} {s} on a dark background"})
        with open(f"{WORK}/{split}.csv", "w", newline="") as fh:
            w = csv.DictWriter(fh, ["filepath", "title"], delimiter="\t")
            w.writeheader()
            w.writerows(rows)
    os.makedirs(f"{WORK}/tiny_clip")
    cfg = {
        "model_cfg": {
            "embed_dim": 32,
            "vision_cfg": {
                "image_size": 32,
                "layers": 2,
                "width": 32,
                "head_width": 16,
                "patch_size": 8,
            },
            "text_cfg": {
                "context_length": 16,
                "vocab_size": 49408,
                "width": 32,
                "heads": 2,
                "layers": 2,
            },
        },
        "preprocess_cfg": {"mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]},
    }
    with open(f"{WORK}/tiny_clip/open_clip_config.json", "w") as fh:
        json.dump(cfg, fh)


def tb_scalars(logdir):
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    # open_clip's setup_logging put every logger at INFO: keep this reading of the record quiet
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("tensorboard"):
            logging.getLogger(name).setLevel(logging.WARNING)
    acc = EventAccumulator(logdir, size_guidance={"scalars": 0})
    acc.Reload()
    return {tag: [(e.step, e.value) for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}


def main():
    make_data()
    from open_clip_train.main import main as train_main

    argv = [
        "--train-data", f"{WORK}/train.csv",
        "--val-data", f"{WORK}/val.csv",
        "--dataset-type", "csv",
        "--csv-img-key", "filepath",
        "--csv-caption-key", "title",
        "--model", f"local-dir:{WORK}/tiny_clip",
        "--device", "cpu",
        "--precision", "fp32",
        "--workers", "0",
        "--batch-size", str(BATCH),
        "--epochs", str(EPOCHS),
        "--lr", "5e-4",
        "--warmup", "3",
        "--log-every-n-steps", "2",
        "--report-to", "tensorboard",
        "--logs", f"{WORK}/logs",
        "--name", "tiny",
        "--seed", "0",
    ]  # fmt: skip
    train_main(argv)

    run = f"{WORK}/logs/tiny"
    with open(f"{run}/checkpoints/results.jsonl") as fh:
        results = [json.loads(line) for line in fh if line.strip()]
    scalars = tb_scalars(glob.glob(f"{run}/tensorboard")[0])

    series = _truth.Series()
    steps_per_epoch = N_TRAIN // BATCH
    # Train lines: LR (':5f'), Logit Scale ('.3f'), then each loss as 'Name: value (running mean)'
    lr = dict(scalars["train/lr"])
    scale = dict(scalars["train/scale"])
    loss = {k: dict(scalars[f"train/{k}"]) for k in ("contrastive_loss", "loss")}
    means: dict[str, list] = {"Train Contrastive_loss": [], "Train Loss": []}
    seen: dict[tuple, list[float]] = {}
    for step, _ in scalars["train/loss"]:
        epoch = step // steps_per_epoch
        series.add("Train LR", step, epoch, lr[step])
        series.add("Train Logit Scale", step, epoch, scale[step])
        for key, name in (("contrastive_loss", "Train Contrastive_loss"), ("loss", "Train Loss")):
            v = loss[key][step]
            series.add(name, step, epoch, v)
            seen.setdefault((name, epoch), []).append(v)
            means[name].append([step, epoch, float(np.mean(seen[(name, epoch)]))])
    printed = [k for k in results[0] if k not in ("epoch", "num_samples")]
    for r in results:
        # evaluate() hands wandb the step num_batches_per_epoch * completed epochs
        ep = int(r["epoch"])
        for k in printed:
            series.add(f"Eval {k}", steps_per_epoch * ep, ep, r[k])
    s = series.series

    _truth.write(
        library=f"open_clip_torch {metadata.version('open_clip_torch')} (open_clip_train.main; "
        f"torch {metadata.version('torch')}, tensorboard {metadata.version('tensorboard')})",
        script="tests/corpus/scripts/open_clip_train_csv.py",
        record="open_clip_train's results.jsonl (the evaluation dicts) and its TensorBoard scalars "
        "(train/contrastive_loss, train/loss, train/lr, train/scale at each logged step)",
        step_kind="global",
        series=s,
        extra_ok=[
            "Train Data (t) and Train Batch (t): data/batch time in seconds, averaged over the log window",
            "samples per second ('89.6/s') and per GPU ('89.6/s/gpu')",
            "the running means of Contrastive_loss and Loss printed in parentheses after them "
            "(kept in no record; an AverageMeter since the epoch began over the logged steps' values; "
            f"rebuilt from the record: {means})",
            "Clip Loss on the 'Eval Epoch: 1 [8 / 16]  Clip Loss: 2.033009' line: the validation "
            "loss averaged over the first evaluation batch only (printed at batch 0 of every 100), "
            "kept in no record (results.jsonl holds the full clip_val_loss)",
        ],
        not_printed=[
            "train/data_time, train/batch_time, train/samples_per_second(_per_gpu) "
            "as TensorBoard scalars are the same timings"
        ],
        notes="Every line is a logging record 'YYYY-MM-DD,HH:MM:SS | INFO | message' on stderr. "
        "Before training the parameter dump prints each argument as '  name: value' ('  batch_size: "
        "8', '  lr: 0.0005', '  warmup: 3', '  epochs: 2', '  wd: 0.2', '  seed: 0', ...): config, "
        "not metrics; then 'Model:' and the module tree. Train lines every 2nd step and at the last "
        "step of an epoch: 'Train Epoch: 0 [ 8/48 (17%)] Data (t): 0.021 Batch (t): 0.849, 9.42225/s, "
        "9.42225/s/gpu LR: 0.000167 Logit Scale: 14.286 Contrastive_loss: 2.1132 (2.1132) Loss: 2.1132 "
        "(2.1132)' - the epoch counts from 0, '[ 8/48 (17%)]' is samples seen / per epoch and a "
        "percentage (not metrics); each loss prints its value and, in parentheses, its running mean "
        "since the epoch began (Loss is the total, equal to Contrastive_loss for plain CLIP). Steps "
        "in the series are the global step open_clip gives TensorBoard (6 per epoch). After each "
        "epoch: 'Eval Epoch: 1 [8 / 16]\\tClip Loss: 2.033009\\t' (the mean over the first batch "
        "only; in no record) and 'Eval Epoch: 1 image_to_text_mean_rank: 6.8750\\t...\\t"
        "clip_val_loss: 2.0404\\tepoch: 1.0000\\tnum_samples: 16.0000' - the evaluation epoch "
        "counts from 1 (completed epochs); 'epoch' and 'num_samples' in that dict are an index and "
        "a count, not metrics. Series are named by the line's label and the value's name, as in "
        "real_hand_mnist_example ('Train Contrastive_loss', 'Eval clip_val_loss'). Evaluation "
        "values are at the step evaluate() gives wandb (6 x the completed epochs: 6, 12) and the "
        "completed epoch (1, 2); train values at the TensorBoard step and the 0-based epoch printed.",
    )


if __name__ == "__main__":
    main()
