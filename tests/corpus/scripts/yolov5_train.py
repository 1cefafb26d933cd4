# YOLOv5 (the `yolov5` PyPI package, the older YOLOv5 repo layout) detection training from yolov5n.yaml with
# --weights '' (no weights) on a tiny synthetic dataset the script writes itself (coloured rectangles on noise,
# YOLO label files, a data.yaml). --noplots, device cpu, workers 0, seed 0.
# yolov5 7.0.14, torch 2.14.1 + torchvision 0.29.1 (pulled by yolov5's torchvision pin), opencv-python 5.1.0.
# Truth: the run's results.csv (YOLOv5's own CSV logger, per epoch) and list(mloss) handed to the
# on_train_batch_end callback after each batch (the running means the bar prints).
# Captures (from the repo root, venv corpus-zBF-1 active):
#   python tests/corpus/scripts/capture.py pipe real_yolov5_train -- python tests/corpus/scripts/yolov5_train.py
#   python tests/corpus/scripts/capture.py pty real_yolov5_train_pty -- python tests/corpus/scripts/yolov5_train.py
#   python tests/corpus/scripts/capture.py pipe real_yolov5_single_cls -- python tests/corpus/scripts/yolov5_train.py single
#   (single: --single-cls --optimizer AdamW --cos-lr, batch 4, 2 epochs; one class: no per-class rows. --noval
#   crashes in yolov5 7.0.14's train(): "cannot access local variable 'map50s'")
import csv
import os
import shutil
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _truth  # noqa: E402

ROOT = "/tmp/yolov5_zbf_" + os.environ.get("MLOP_CORPUS_MODE", "run") + "_".join([""] + sys.argv[1:])


def make_data(root):
    import cv2

    rng = np.random.RandomState(0)
    for split, n in (("train", 16), ("val", 8)):
        os.makedirs(f"{root}/images/{split}", exist_ok=True)
        os.makedirs(f"{root}/labels/{split}", exist_ok=True)
        for i in range(n):
            img = (rng.rand(64, 64, 3) * 60).astype(np.uint8)
            w, h = rng.randint(12, 30, 2)
            x0, y0 = rng.randint(0, 64 - w), rng.randint(0, 64 - h)
            cls = i % 2
            img[y0 : y0 + h, x0 : x0 + w] = (0, 0, 255) if cls == 0 else (0, 255, 0)
            cv2.imwrite(f"{root}/images/{split}/{i}.jpg", img)
            with open(f"{root}/labels/{split}/{i}.txt", "w") as f:
                f.write(f"{cls} {(x0 + w / 2) / 64:.6f} {(y0 + h / 2) / 64:.6f} {w / 64:.6f} {h / 64:.6f}\n")
    with open(f"{root}/data.yaml", "w") as f:
        f.write(f"path: {root}\ntrain: images/train\nval: images/val\nnc: 2\nnames: ['red', 'green']\n")
    return f"{root}/data.yaml"


def main():
    shutil.rmtree(ROOT, ignore_errors=True)
    data = make_data(ROOT)
    # check_dataset() fetches Arial.ttf into YOLOV5_CONFIG_DIR for its plots; offline, with --noplots, a
    # placeholder file there is enough (nothing is drawn)
    os.environ["YOLOV5_CONFIG_DIR"] = "/tmp/yolov5_cfg"
    os.makedirs("/tmp/yolov5_cfg", exist_ok=True)
    open("/tmp/yolov5_cfg/Arial.ttf", "a").close()
    # strip_optimizer() torch.load()s its own checkpoint, which torch >= 2.6's weights_only default refuses
    os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] = "1"
    from yolov5 import train

    cbs = train.main.__defaults__[0]  # the Callbacks() train.run() hands to main()
    batches = []
    final = {}
    cbs.register_action("on_train_batch_end", callback=lambda *a: batches.append([float(v) for v in a[-1]]))
    fits = []  # on_fit_epoch_end's log_vals: mloss(3) + results(P, R, mAP50, mAP50-95, val losses) + lr, full precision
    cbs.register_action("on_fit_epoch_end", callback=lambda log_vals, *a: fits.append([float(v) for v in log_vals]))
    from yolov5 import val as val_mod
    from yolov5.utils import metrics as metrics_mod

    aps = []  # every ap_per_class() result the validator prints from: (p, r, ap50, ap50-95, class ids)

    def ap_per_class(*a, **k):
        out = metrics_mod.ap_per_class(*a, **k)
        _, _, p, r, _, ap, ap_class = out
        aps.append((p.tolist(), r.tolist(), ap[:, 0].tolist(), ap.mean(1).tolist(), ap_class.tolist()))
        return out

    val_mod.ap_per_class = ap_per_class
    cbs.register_action("on_train_end", callback=lambda last, best, epoch, results: final.update(r=[float(v) for v in results]))
    kw = dict(epochs=3, batch_size=8)
    if "single" in sys.argv[1:]:
        kw = dict(epochs=2, batch_size=4, single_cls=True, optimizer="AdamW", cos_lr=True)
    train.run(data=data, cfg="yolov5n.yaml", weights="", imgsz=64, device="cpu",
              workers=0, noplots=True, project=f"{ROOT}/runs", name="exp", exist_ok=True, seed=0, **kw)
    with open(f"{ROOT}/runs/exp/results.csv") as f:
        rows = [{k.strip(): v.strip() for k, v in r.items()} for r in csv.DictReader(f)]
    s = _truth.Series()
    nb = len(batches) // len(rows)
    for e, row in enumerate(rows):
        for b in range(nb):
            ml = batches[e * nb + b]
            for name, v in zip(("box_loss", "obj_loss", "cls_loss"), ml):
                s.add(name, e * nb + b, e, v)
        for j, name in enumerate(("P", "R", "mAP50", "mAP50-95")):
            s.add(name, None, e, fits[e][3 + j])
    for j, name in enumerate(("P", "R", "mAP50", "mAP50-95")):  # best.pt's final validation, `all` row
        s.add(name, None, None, final["r"][j])
    p, r, ap50, ap, cls = aps[-1]
    names = ["red", "green"]
    for i, c in enumerate(cls if len(cls) > 1 else []):  # val prints per-class rows only when nc > 1
        for name, v in (("P", p[i]), ("R", r[i]), ("mAP50", ap50[i]), ("mAP50-95", ap[i])):
            s.add(f"{names[c]} {name}", None, None, v)
    import json
    json.dump({"rows": rows, "batches": batches, "final": final, "fits": fits, "aps": aps}, open(ROOT + "_record.json", "w"), indent=1)
    _truth.write(
        library="yolov5 7.0.14 (torch 2.14.1, CPU)",
        script="tests/corpus/scripts/yolov5_train.py",
        record="runs/exp/results.csv (YOLOv5's CSV logger) + list(mloss) from the on_train_batch_end callback",
        step_kind="global",
        series=s,
        extra_ok=["GPU_mem", "it/s", "s/it"],
        notes="Per epoch the header `Epoch GPU_mem box_loss obj_loss cls_loss Instances Size` is printed and the row "
        "`0/2  0G  0.08345  0.00374  0.01813  12  64: 50%|█████     | 1/2 [...]` is a tqdm bar's description, redrawn "
        "after each batch (%.4g running means of the epoch's batch losses; Epoch is 0-based `i/last`; Instances and "
        "Size are the batch's box count and image size, not metrics). Points: step = YOLOv5's `ni` (batches seen), "
        "epoch as printed (0-based). Then val's table `Class Images Instances P R mAP50 mAP50-95` with an `all` row "
        "(%.3g; Images and Instances are counts), full precision from on_fit_epoch_end's log_vals (results.csv keeps "
        "them rounded to 5 digits). After training best.pt is validated again (verbose): its `all` row (epoch null) "
        "from on_train_end's results and one row per class (`red`, `green`: series `red P`, ...) from the "
        "validator's own ap_per_class() output. 3 epochs on 16 tiny images: P/R/mAP are near 0.",
    )


if __name__ == "__main__":
    main()
