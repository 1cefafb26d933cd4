"""A tiny synthetic COCO-format detection/segmentation set for the corpus scripts.

``make(root, n, seed)`` writes ``n`` 96x96 PNG images (random noise with one to three filled
rectangles of two kinds: a bright "square" and a dark "bar") and ``instances.json`` (boxes,
polygon masks, areas) under ``root``; ``jitter(gt, seed)`` turns the ground truth into
detections (shifted boxes, scores, a few false positives), as a COCO results list.
"""

from __future__ import annotations

import json
import os

import numpy as np
from PIL import Image

CATEGORIES = [{"id": 1, "name": "square"}, {"id": 2, "name": "bar"}]
SIZE = 96


def make(root: str, n: int, seed: int) -> str:
    os.makedirs(root, exist_ok=True)
    rng = np.random.default_rng(seed)
    images, annotations = [], []
    for i in range(n):
        pixels = rng.integers(60, 190, size=(SIZE, SIZE, 3), dtype=np.uint8)
        for _ in range(int(rng.integers(1, 4))):
            cat = int(rng.integers(1, 3))
            w = int(rng.integers(12, 48))
            h = w if cat == 1 else max(6, w // 3)
            x = int(rng.integers(0, SIZE - w))
            y = int(rng.integers(0, SIZE - h))
            pixels[y : y + h, x : x + w] = 240 if cat == 1 else 15
            poly = [x, y, x + w, y, x + w, y + h, x, y + h]
            annotations.append(
                {
                    "id": len(annotations) + 1,
                    "image_id": i + 1,
                    "category_id": cat,
                    "bbox": [x, y, w, h],
                    "area": float(w * h),
                    "segmentation": [[float(v) for v in poly]],
                    "iscrowd": 0,
                }
            )
        name = f"{i:03d}.png"
        Image.fromarray(pixels).save(os.path.join(root, name))
        images.append({"id": i + 1, "file_name": name, "width": SIZE, "height": SIZE})
    path = os.path.join(root, "instances.json")
    with open(path, "w") as fh:
        json.dump({"images": images, "annotations": annotations, "categories": CATEGORIES}, fh)
    return path


def jitter(gt_path: str, seed: int, with_masks: bool = False) -> list[dict]:
    """Detections near the ground truth: each box shifted a little, a score, some misses and
    some false positives; with_masks adds the box's rectangle as an RLE mask."""
    rng = np.random.default_rng(seed)
    with open(gt_path) as fh:
        gt = json.load(fh)
    out = []
    for ann in gt["annotations"]:
        if rng.random() < 0.15:
            continue
        x, y, w, h = ann["bbox"]
        dx, dy = rng.normal(0, 0.12 * w), rng.normal(0, 0.12 * h)
        dw, dh = w * rng.uniform(0.8, 1.2), h * rng.uniform(0.8, 1.2)
        cat = ann["category_id"] if rng.random() > 0.1 else 3 - ann["category_id"]
        out.append(_det(ann["image_id"], cat, x + dx, y + dy, dw, dh, rng, with_masks))
    for img in gt["images"]:
        for _ in range(int(rng.integers(0, 3))):
            w = float(rng.uniform(8, 40))
            h = float(rng.uniform(8, 40))
            x = float(rng.uniform(0, SIZE - w))
            y = float(rng.uniform(0, SIZE - h))
            out.append(_det(img["id"], int(rng.integers(1, 3)), x, y, w, h, rng, with_masks))
    return out


def _det(image_id, cat, x, y, w, h, rng, with_masks):
    d = {
        "image_id": image_id,
        "category_id": int(cat),
        "bbox": [float(x), float(y), float(w), float(h)],
        "score": float(rng.uniform(0.05, 1.0)),
    }
    if with_masks:
        from pycocotools import mask as mask_utils

        poly = [
            [
                float(x),
                float(y),
                float(x + w),
                float(y),
                float(x + w),
                float(y + h),
                float(x),
                float(y + h),
            ]
        ]
        rle = mask_utils.merge(mask_utils.frPyObjects(poly, SIZE, SIZE))
        rle["counts"] = rle["counts"].decode("ascii")
        d["segmentation"] = rle
    return d
