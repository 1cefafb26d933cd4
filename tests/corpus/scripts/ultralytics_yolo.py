# Ultralytics YOLO detection training from yolov8n.yaml (no weights) on a tiny synthetic dataset the script
# writes itself (coloured rectangles on noise, YOLO label files, a data.yaml). plots=False, offline.
# ultralytics 8.4.190, torch 2.14.1 + torchvision 0.29.1 (venv-tv), opencv-python 5.1.0.
# Truth: the run's results.csv (ultralytics' own per-epoch record), copied to --record, and RECORD.json with
# trainer.tloss after each batch (what the bar prints) and the final validation's metrics (validator.metrics).
# Captures (from the repo root, venv-tv active):
#   YOLO_OFFLINE=1 YOLO_CONFIG_DIR=/tmp/yolo_cfg python tests/corpus/scripts/capture_torch.py pipe \
#       tests/corpus/console/real_ultralytics_yolo.txt -- python tests/corpus/scripts/ultralytics_yolo.py --record /tmp/yolo_pipe.csv
#   (pty: the same with `pty`, real_ultralytics_yolo_pty.txt and /tmp/yolo_pty.csv)
import argparse
import json
import os
import shutil

import numpy as np

os.environ.setdefault("YOLO_OFFLINE", "1")
os.environ.setdefault("YOLO_CONFIG_DIR", "/tmp/yolo_cfg")


def make_data(root):
    rng = np.random.RandomState(0)
    import cv2

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
                f.write(
                    f"{cls} {(x0 + w / 2) / 64:.6f} {(y0 + h / 2) / 64:.6f} {w / 64:.6f} {h / 64:.6f}\n"
                )
    with open(f"{root}/data.yaml", "w") as f:
        f.write(
            f"path: {root}\ntrain: images/train\nval: images/val\nnames:\n  0: red\n  1: green\n"
        )
    return f"{root}/data.yaml"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--record", required=True)
    a = p.parse_args()
    root = "/tmp/yolo_data"
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree("/tmp/yolo_runs", ignore_errors=True)
    data = make_data(root)
    from ultralytics import YOLO

    model = YOLO("yolov8n.yaml")
    batches = []  # trainer.tloss (the running mean losses the bar prints) after each batch, full precision
    final = {}

    def on_batch_end(trainer):
        batches.append(
            {"epoch": trainer.epoch + 1, "tloss": {k: float(v) for k, v in trainer.tloss.items()}}
        )

    def on_train_end(trainer):  # after final_eval of best.pt: its `all` row and the per-class rows
        m = trainer.validator.metrics
        final["all"] = [float(v) for v in m.mean_results()]
        final["classes"] = {
            trainer.validator.names[c]: [float(v) for v in m.class_result(i)]
            for i, c in enumerate(m.ap_class_index)
        }

    model.add_callback("on_train_batch_end", on_batch_end)
    model.add_callback("on_train_end", on_train_end)
    model.train(
        data=data,
        epochs=3,
        imgsz=64,
        batch=8,
        plots=False,
        device="cpu",
        workers=0,
        amp=False,
        project="/tmp/yolo_runs",
        name="run",
        exist_ok=True,
        seed=0,
        deterministic=True,
        val=True,
    )
    shutil.copy("/tmp/yolo_runs/run/results.csv", a.record)
    with open(a.record + ".json", "w") as f:
        json.dump({"batches": batches, "final": final}, f, indent=1)


if __name__ == "__main__":
    main()
