"""MONAI bundle: `python -m monai.bundle run` on a Model-Zoo-shaped bundle (configs/train.json,
metadata.json, logging.conf as in spleen_ct_segmentation, cut down to a 2D UNet on synthetic images).

The script writes the bundle into a temporary folder and calls monai.bundle.run() - the function the
command line `python -m monai.bundle run --config_file configs/train.json --meta_file
configs/metadata.json --logging_file configs/logging.conf --epochs 4` hands its arguments to - so the
console is what a Model Zoo user sees: the security warning about parsing a config, the input
summary (`--- input summary of monai.bundle.scripts.run ---`, `> meta_file: ...`, `> epochs: 4`),
then the workflow's logging lines in the bundle's logging.conf format
`2026-12-07 04:45:11,150 - ignite.engine.engine.SupervisedTrainer - INFO - Epoch: 1/4, Iter: 1/8 --
train_loss: 0.7432 ` (StatsHandler), ignite's 'Engine run resuming ...' / 'Epoch[1] Complete. Time
taken: ...', the evaluator's 'Got new best metric of val_mean_dice: ...', 'Epoch[1] Metrics --
val_accuracy: ... val_mean_dice: ...', 'Key metric: val_mean_dice best value: ... at epoch: 1',
CheckpointSaver's lines.

Truth: the engines' own state, read by a handler the bundle's train#handlers lists last (so at the
moment MONAI's StatsHandler printed): trainer.state.output loss per iteration, trainer and
evaluator state.metrics and best_metric at each epoch end. Step = the trainer's global iteration.

Versions: monai 1.6.1, pytorch-ignite 0.5.5, torch 2.13.0+cpu, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zj-1, see monai_tutorials.py):
    python tests/corpus/scripts/capture.py pipe real_monai_bundle_run -- python tests/corpus/scripts/monai_bundle.py
Logging lines only, no bar: a terminal capture would only change '\\n' to '\\r\\n'.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import ignite
import monai
from ignite.engine import Events
from monai.bundle import run
from monai.data import create_test_image_2d
from monai.handlers import from_engine

torch.set_num_threads(1)
series = _truth.Series()
sys.modules["corpus_monai_bundle"] = sys.modules[__name__]


def train_data():
    out = []
    for i in range(16):
        im, seg = create_test_image_2d(
            64, 64, num_seg_classes=1, random_state=np.random.RandomState(i)
        )
        out.append({"image": im[None].astype(np.float32), "label": seg[None].astype(np.float32)})
    return out


def val_data():
    out = []
    for i in range(100, 104):
        im, seg = create_test_image_2d(
            64, 64, num_seg_classes=1, random_state=np.random.RandomState(i)
        )
        out.append({"image": im[None].astype(np.float32), "label": seg[None].astype(np.float32)})
    return out


class Recorder:
    """The engines' state at the moments MONAI's StatsHandler prints it."""

    def __init__(self, evaluator):
        self.evaluator = evaluator
        self.best_seen = {}

    def _new_best(self, engine, name, it, ep):
        if engine.state.best_metric_epoch == engine.state.epoch and self.best_seen.get(name) != ep:
            self.best_seen[name] = ep
            series.add(f"Got new best metric of {name}", it, ep, engine.state.best_metric)

    def attach(self, trainer):
        @trainer.on(Events.ITERATION_COMPLETED)
        def _loss(engine):
            value = from_engine(["loss"], first=True)(engine.state.output)
            series.add("train_loss", engine.state.iteration, engine.state.epoch, float(value))

        @trainer.on(Events.EPOCH_COMPLETED)
        def _train_epoch(engine):
            it, ep = engine.state.iteration, engine.state.epoch
            self._new_best(engine, "train_accuracy", it, ep)
            for name in sorted(engine.state.metrics):
                series.add(name, it, ep, engine.state.metrics[name])
            series.add("Key metric: train_accuracy best value", it, ep, engine.state.best_metric)

        @self.evaluator.on(Events.EPOCH_COMPLETED)
        def _val_epoch(engine):
            it, ep = trainer.state.iteration, engine.state.epoch
            self._new_best(engine, "val_mean_dice", it, ep)
            for name in sorted(engine.state.metrics):
                series.add(name, it, ep, engine.state.metrics[name])
            series.add("Key metric: val_mean_dice best value", it, ep, engine.state.best_metric)


def post(name):
    return f"$monai.handlers.from_engine({name})"


TRAIN = {
    "imports": ["$import glob", "$import os", "$import ignite", "$import corpus_monai_bundle"],
    "bundle_root": ".",
    "ckpt_dir": "$@bundle_root + '/models'",
    "output_dir": "$@bundle_root + '/eval'",
    "epochs": 600,
    "val_interval": 1,
    "learning_rate": 0.01,
    "device": "$torch.device('cpu')",
    "network_def": {
        "_target_": "UNet",
        "spatial_dims": 2,
        "in_channels": 1,
        "out_channels": 2,
        "channels": [8, 16, 32],
        "strides": [2, 2],
        "num_res_units": 2,
        "norm": "batch",
    },
    "network": "$@network_def.to(@device)",
    "loss": {
        "_target_": "DiceCELoss",
        "to_onehot_y": True,
        "softmax": True,
        "squared_pred": True,
        "batch": True,
    },
    "optimizer": {
        "_target_": "torch.optim.Adam",
        "params": "$@network.parameters()",
        "lr": "@learning_rate",
    },
    "train": {
        "deterministic_transforms": [
            {"_target_": "ScaleIntensityd", "keys": "image"},
            {"_target_": "EnsureTyped", "keys": ["image", "label"]},
        ],
        "random_transforms": [
            {
                "_target_": "RandCropByPosNegLabeld",
                "keys": ["image", "label"],
                "label_key": "label",
                "spatial_size": [32, 32],
                "pos": 1,
                "neg": 1,
                "num_samples": 2,
            },
        ],
        "preprocessing": {
            "_target_": "Compose",
            "transforms": "$@train#deterministic_transforms + @train#random_transforms",
        },
        "dataset": {
            "_target_": "CacheDataset",
            "data": "$corpus_monai_bundle.train_data()",
            "transform": "@train#preprocessing",
            "cache_rate": 1.0,
            "num_workers": 0,
            "progress": False,
        },
        "dataloader": {
            "_target_": "DataLoader",
            "dataset": "@train#dataset",
            "batch_size": 2,
            "shuffle": True,
            "num_workers": 0,
        },
        "inferer": {"_target_": "SimpleInferer"},
        "postprocessing": {
            "_target_": "Compose",
            "transforms": [
                {"_target_": "Activationsd", "keys": "pred", "softmax": True},
                {
                    "_target_": "AsDiscreted",
                    "keys": ["pred", "label"],
                    "argmax": [True, False],
                    "to_onehot": 2,
                },
            ],
        },
        "handlers": [
            {
                "_target_": "ValidationHandler",
                "validator": "@validate#evaluator",
                "epoch_level": True,
                "interval": "@val_interval",
            },
            {
                "_target_": "StatsHandler",
                "tag_name": "train_loss",
                "output_transform": post("['loss'], first=True"),
            },
            {"_target_": "corpus_monai_bundle.Recorder", "evaluator": "@validate#evaluator"},
        ],
        "key_metric": {
            "train_accuracy": {
                "_target_": "ignite.metrics.Accuracy",
                "output_transform": post("['pred', 'label']"),
            }
        },
        "trainer": {
            "_target_": "SupervisedTrainer",
            "max_epochs": "@epochs",
            "device": "@device",
            "train_data_loader": "@train#dataloader",
            "network": "@network",
            "loss_function": "@loss",
            "optimizer": "@optimizer",
            "inferer": "@train#inferer",
            "postprocessing": "@train#postprocessing",
            "key_train_metric": "@train#key_metric",
            "train_handlers": "@train#handlers",
            "amp": False,
        },
    },
    "validate": {
        "preprocessing": {
            "_target_": "Compose",
            "transforms": "%train#deterministic_transforms",
        },
        "dataset": {
            "_target_": "CacheDataset",
            "data": "$corpus_monai_bundle.val_data()",
            "transform": "@validate#preprocessing",
            "cache_rate": 1.0,
            "progress": False,
        },
        "dataloader": {
            "_target_": "DataLoader",
            "dataset": "@validate#dataset",
            "batch_size": 1,
            "shuffle": False,
            "num_workers": 0,
        },
        "inferer": {
            "_target_": "SlidingWindowInferer",
            "roi_size": [32, 32],
            "sw_batch_size": 4,
            "overlap": 0.5,
        },
        "postprocessing": "%train#postprocessing",
        "handlers": [
            {"_target_": "StatsHandler", "iteration_log": False},
            {
                "_target_": "CheckpointSaver",
                "save_dir": "@ckpt_dir",
                "save_dict": {"model": "@network"},
                "save_key_metric": True,
                "key_metric_filename": "model.pt",
            },
        ],
        "key_metric": {
            "val_mean_dice": {
                "_target_": "MeanDice",
                "include_background": False,
                "output_transform": post("['pred', 'label']"),
            }
        },
        "additional_metrics": {
            "val_accuracy": {
                "_target_": "ignite.metrics.Accuracy",
                "output_transform": post("['pred', 'label']"),
            }
        },
        "evaluator": {
            "_target_": "SupervisedEvaluator",
            "device": "@device",
            "val_data_loader": "@validate#dataloader",
            "network": "@network",
            "inferer": "@validate#inferer",
            "postprocessing": "@validate#postprocessing",
            "key_val_metric": "@validate#key_metric",
            "additional_metrics": "@validate#additional_metrics",
            "val_handlers": "@validate#handlers",
            "amp": False,
        },
    },
    "initialize": ["$monai.utils.set_determinism(seed=123)"],
    "run": ["$@train#trainer.run()"],
}

META = {
    "schema": "https://github.com/Project-MONAI/MONAI-extra-test-data/releases/download/0.8.1/meta_schema_20220324.json",
    "version": "0.1.0",
    "changelog": {"0.1.0": "synthetic 2D corpus bundle"},
    "monai_version": "1.6.1",
    "pytorch_version": "2.13.0",
    "numpy_version": "2.4.6",
    "required_packages_version": {"pytorch-ignite": "0.5.5"},
    "task": "Synthetic 2D segmentation",
    "description": "A 2D UNet on create_test_image_2d pairs",
    "authors": "mlop corpus",
    "copyright": "none",
    "network_data_format": {
        "inputs": {
            "image": {
                "type": "image",
                "format": "magnitude",
                "modality": "synthetic",
                "num_channels": 1,
                "spatial_shape": [32, 32],
                "dtype": "float32",
                "value_range": [0, 1],
                "is_patch_data": True,
                "channel_def": {"0": "image"},
            }
        },
        "outputs": {
            "pred": {
                "type": "image",
                "format": "segmentation",
                "num_channels": 2,
                "spatial_shape": [32, 32],
                "dtype": "float32",
                "value_range": [0, 1],
                "is_patch_data": True,
                "channel_def": {"0": "background", "1": "foreground"},
            }
        },
    },
}

LOGGING = """[loggers]
keys=root

[handlers]
keys=consoleHandler

[formatters]
keys=fullFormatter

[logger_root]
level=INFO
handlers=consoleHandler

[handler_consoleHandler]
class=StreamHandler
level=INFO
formatter=fullFormatter
args=(sys.stdout,)

[formatter_fullFormatter]
format=%(asctime)s - %(name)s - %(levelname)s - %(message)s
"""

with tempfile.TemporaryDirectory() as root:
    os.makedirs(os.path.join(root, "configs"))
    for name, body in (("train.json", TRAIN), ("metadata.json", META)):
        with open(os.path.join(root, "configs", name), "w") as fh:
            json.dump(body, fh, indent=4)
    with open(os.path.join(root, "configs", "logging.conf"), "w") as fh:
        fh.write(LOGGING)
    os.chdir(root)
    # = python -m monai.bundle run --config_file configs/train.json --meta_file
    #   configs/metadata.json --logging_file configs/logging.conf --epochs 4
    run(
        config_file="configs/train.json",
        meta_file="configs/metadata.json",
        logging_file="configs/logging.conf",
        epochs=4,
    )

_truth.write(
    library=f"monai {monai.__version__}, pytorch-ignite {ignite.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/monai_bundle.py",
    record="the engines' own state, read by a handler listed last in the bundle's train#handlers: "
    "trainer.state.output loss per iteration, trainer/evaluator state.metrics and best_metric at "
    "each epoch end",
    step_kind="global",
    series=series,
    notes="monai.bundle run on a Model-Zoo-shaped bundle (spleen_ct_segmentation's train.json "
    "layout, cut to a 2D UNet on create_test_image_2d pairs; --epochs 4 overrides the config's "
    "600). Before training: MONAI's security warnings about parsing the config and applying "
    "logging.conf, the input summary '> meta_file: 'configs/metadata.json'', '> epochs: 4' "
    "(an override: a setting), the metadata's versions; then logging lines 'DATE TIME,ms - "
    "<logger name> - INFO - <message>' (logging.conf): 'Engine run resuming from iteration 0, "
    "epoch 0 until 4 epochs' (counts), per iteration 'Epoch: 1/4, Iter: 1/16 -- train_loss: "
    "0.9876 ' (counters; the truth's step is the trainer's global iteration), every epoch the "
    "evaluator (val_interval 1, run by ValidationHandler with the trainer's epoch): 'Engine run "
    "resuming from iteration 0, epoch 0 until 1 epochs', 'Got new best metric of val_mean_dice: "
    "0.412...' (repr precision, only when it improved), 'Epoch[1] Metrics -- val_accuracy: 0.9 "
    "val_mean_dice: 0.41 ', 'Key metric: val_mean_dice best value: 0.412... at epoch: 1' ('at "
    "epoch' is an epoch number); the trainer's 'Got new best metric of train_accuracy: ...' comes "
    "before the evaluator's lines, then the trainer's 'Got new best metric of train_accuracy: ...', 'Epoch[1] Metrics -- "
    "train_accuracy: ...', 'Key metric: train_accuracy best value: ... at epoch: 1', 'Epoch[1] "
    "Complete. Time taken: 00:00:00.812' (a duration, not a metric). Truth names every series by "
    "its whole printed label ('Key metric: val_mean_dice best value', 'Got new best metric of "
    "val_mean_dice').",
)
