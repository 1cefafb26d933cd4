"""MONAI workflows: SupervisedTrainer + SupervisedEvaluator with MONAI's event handlers, the
Project-MONAI/tutorials modules/engines/unet_training_dict.py shape, on synthetic 2D images.

Printed through Python logging (logging.basicConfig(stream=sys.stdout, level=logging.INFO), as the
tutorial does) by MONAI's StatsHandler, LrScheduleHandler(print_lr=True), CheckpointSaver,
the workflow's best-metric line, and ignite's own Engine log lines:

    INFO:ignite.engine.engine.SupervisedTrainer:Engine run resuming from iteration 0, epoch 0 until 6 epochs
    INFO:ignite.engine.engine.SupervisedTrainer:Epoch: 1/6, Iter: 1/8 -- train_loss: 0.7432
    INFO:ignite.engine.engine.SupervisedTrainer:Current learning rate: 0.01
    INFO:ignite.engine.engine.SupervisedEvaluator:Got new best metric of val_mean_dice: 0.1234
    INFO:ignite.engine.engine.SupervisedEvaluator:Epoch[2] Metrics -- val_acc: 0.9000 val_mean_dice: 0.1234
    INFO:ignite.engine.engine.SupervisedEvaluator:Key metric: val_mean_dice best value: 0.1234 at epoch: 2
    INFO:ignite.engine.engine.SupervisedTrainer:Epoch[1] Complete. Time taken: 00:00:00.812

Truth: the engines' own state, read by handlers attached after MONAI's (so at the moment each line
was printed): trainer.state.output[0]["loss"] per iteration (what StatsHandler prints through
from_engine(["loss"], first=True)), trainer.state.metrics / evaluator.state.metrics at each epoch
end, evaluator.state.best_metric at each validation, the optimizer's lr the LrScheduleHandler logs.
Step = trainer.state.iteration (ignite's global iteration), epoch = trainer.state.epoch.

Versions: monai 1.6.1, pytorch-ignite 0.5.5, torch 2.13.0+cpu, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zj-1, see monai_tutorials.py):
    python tests/corpus/scripts/capture.py pipe real_monai_supervised_trainer -- python tests/corpus/scripts/monai_engines.py
No bar is drawn (logging lines only), so a terminal capture would only change '\\n' to '\\r\\n'.
"""

from __future__ import annotations

import logging
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
from ignite.metrics import Accuracy
from monai.data import create_test_image_2d, list_data_collate
from monai.engines import SupervisedEvaluator, SupervisedTrainer
from monai.handlers import (
    CheckpointSaver,
    LrScheduleHandler,
    MeanDice,
    StatsHandler,
    ValidationHandler,
    from_engine,
)
from monai.inferers import SimpleInferer, SlidingWindowInferer
from monai.transforms import (
    Activationsd,
    AsDiscreted,
    Compose,
    RandCropByPosNegLabeld,
    RandRotate90d,
    ScaleIntensityd,
)

torch.set_num_threads(1)
series = _truth.Series()


def main(tempdir):
    monai.config.print_config()
    logging.basicConfig(stream=sys.stdout, level=logging.INFO)
    monai.utils.set_determinism(seed=0)

    # create 20 random image, mask pairs (kept in memory instead of NIfTI files)
    files = []
    for i in range(20):
        im, seg = create_test_image_2d(
            64, 64, num_seg_classes=1, random_state=np.random.RandomState(i)
        )
        files.append({"image": im[None].astype(np.float32), "label": seg[None].astype(np.float32)})
    train_files = files[:16]
    val_files = files[-4:]

    train_transforms = Compose(
        [
            ScaleIntensityd(keys="image"),
            RandCropByPosNegLabeld(
                keys=["image", "label"],
                label_key="label",
                spatial_size=[32, 32],
                pos=1,
                neg=1,
                num_samples=4,
            ),
            RandRotate90d(keys=["image", "label"], prob=0.5, spatial_axes=[0, 1]),
        ]
    )
    val_transforms = Compose([ScaleIntensityd(keys="image")])

    train_ds = monai.data.CacheDataset(
        data=train_files, transform=train_transforms, cache_rate=0.5, progress=False
    )
    train_loader = monai.data.DataLoader(
        train_ds, batch_size=2, shuffle=True, num_workers=0, collate_fn=list_data_collate
    )
    val_ds = monai.data.CacheDataset(
        data=val_files, transform=val_transforms, cache_rate=1.0, progress=False
    )
    val_loader = monai.data.DataLoader(val_ds, batch_size=1, num_workers=0)

    device = torch.device("cpu")
    net = monai.networks.nets.UNet(
        spatial_dims=2,
        in_channels=1,
        out_channels=1,
        channels=(8, 16, 32),
        strides=(2, 2),
        num_res_units=2,
    ).to(device)
    loss = monai.losses.DiceLoss(sigmoid=True)
    opt = torch.optim.Adam(net.parameters(), 1e-2)
    lr_scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)

    val_post_transforms = Compose(
        [
            Activationsd(keys="pred", sigmoid=True),
            AsDiscreted(keys="pred", threshold=0.5),
        ]
    )
    val_handlers = [
        StatsHandler(iteration_log=False),
        CheckpointSaver(save_dir=tempdir, save_dict={"net": net}, save_key_metric=True),
    ]
    evaluator = SupervisedEvaluator(
        device=device,
        val_data_loader=val_loader,
        network=net,
        inferer=SlidingWindowInferer(roi_size=(32, 32), sw_batch_size=4, overlap=0.5),
        postprocessing=val_post_transforms,
        key_val_metric={
            "val_mean_dice": MeanDice(
                include_background=True, output_transform=from_engine(["pred", "label"])
            )
        },
        additional_metrics={"val_acc": Accuracy(output_transform=from_engine(["pred", "label"]))},
        val_handlers=val_handlers,
        amp=False,
    )

    train_post_transforms = Compose(
        [
            Activationsd(keys="pred", sigmoid=True),
            AsDiscreted(keys="pred", threshold=0.5),
        ]
    )
    train_handlers = [
        LrScheduleHandler(lr_scheduler=lr_scheduler, print_lr=True),
        ValidationHandler(validator=evaluator, interval=2, epoch_level=True),
        StatsHandler(tag_name="train_loss", output_transform=from_engine(["loss"], first=True)),
        CheckpointSaver(
            save_dir=tempdir, save_dict={"net": net, "opt": opt}, save_interval=2, epoch_level=True
        ),
    ]
    trainer = SupervisedTrainer(
        device=device,
        max_epochs=6,
        train_data_loader=train_loader,
        network=net,
        optimizer=opt,
        loss_function=loss,
        inferer=SimpleInferer(),
        postprocessing=train_post_transforms,
        key_train_metric={"train_acc": Accuracy(output_transform=from_engine(["pred", "label"]))},
        train_handlers=train_handlers,
        amp=False,
    )

    # --- the record: the engines' state, read right after MONAI's handlers printed it
    # (the workflow logs 'Got new best metric of X: v' when the key metric improves)
    best_seen = {}

    def _new_best(engine, name, it, ep):
        if engine.state.best_metric_epoch == engine.state.epoch and best_seen.get(name) != ep:
            best_seen[name] = ep
            series.add(f"Got new best metric of {name}", it, ep, engine.state.best_metric)

    @trainer.on(Events.ITERATION_COMPLETED)
    def _loss(engine):
        value = from_engine(["loss"], first=True)(engine.state.output)
        series.add("train_loss", engine.state.iteration, engine.state.epoch, float(value))

    @trainer.on(Events.EPOCH_COMPLETED)
    def _train_epoch(engine):
        it, ep = engine.state.iteration, engine.state.epoch
        # LrScheduleHandler (attached first) stepped the scheduler, then logged this lr
        series.add("Current learning rate", it, ep, lr_scheduler.get_last_lr()[0])
        _new_best(engine, "train_acc", it, ep)
        for name in sorted(engine.state.metrics):
            series.add(name, it, ep, engine.state.metrics[name])
        series.add("Key metric: train_acc best value", it, ep, engine.state.best_metric)

    @evaluator.on(Events.EPOCH_COMPLETED)
    def _val_epoch(engine):
        it, ep = trainer.state.iteration, engine.state.epoch  # the trainer's epoch (global_epoch)
        _new_best(engine, "val_mean_dice", it, ep)
        for name in sorted(engine.state.metrics):
            series.add(name, it, ep, engine.state.metrics[name])
        series.add("Key metric: val_mean_dice best value", it, ep, engine.state.best_metric)

    trainer.run()
    return trainer


with tempfile.TemporaryDirectory() as tempdir:
    trainer = main(tempdir)

_truth.write(
    library=f"monai {monai.__version__}, pytorch-ignite {ignite.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/monai_engines.py",
    record="the engines' own state read by ignite handlers attached after MONAI's: "
    "trainer.state.output loss per iteration, trainer/evaluator state.metrics and best_metric at "
    "each epoch end, the StepLR scheduler's last lr",
    step_kind="global",
    series=series,
    notes="MONAI tutorials' modules/engines/unet_training_dict.py shape, on synthetic 2D "
    "create_test_image_2d pairs (its KeepLargestConnectedComponentd post-transform left out: it "
    "needs scikit-image): print_config()'s version block, then Python logging lines "
    "'INFO:<logger>:<message>' from ignite and MONAI: 'Engine run resuming from iteration 0, epoch "
    "0 until 6 epochs' (counts), per iteration 'Epoch: 1/6, Iter: 1/8 -- train_loss: 0.7432 ' "
    "(epoch/epochs and iteration-in-epoch/iterations are counters; the truth's step is ignite's "
    "global iteration), per epoch 'Epoch[1] Metrics -- train_acc: 0.8123 ', 'Key metric: "
    "train_acc best value: 0.8123 at epoch: 1' ('at epoch' is an epoch number), 'Current learning "
    "rate: 0.01' (LrScheduleHandler, after the scheduler stepped: the lr of the next epoch; in the "
    "truth at the epoch that printed it), 'Epoch[1] Complete. Time taken: 00:00:00.812' (a duration: not a metric); every 2 "
    "epochs the evaluator's lines (logger ...SupervisedEvaluator): 'Engine run resuming from "
    "iteration 0, epoch 1 until 2 epochs' (ValidationHandler runs it with the trainer's epoch), "
    "'Got new best metric of val_mean_dice: 0.9879611730575562' (repr precision, printed only "
    "when the key metric improved; truth series 'Got new best metric of val_mean_dice', likewise "
    "'Got new best metric of train_acc' for the trainer's lines), 'Epoch[2] Metrics -- val_acc: ... val_mean_dice: ...', 'Key metric: "
    "val_mean_dice best value: ... at epoch: 2', CheckpointSaver's 'Saved checkpoint at epoch: 2' "
    "and 'Train completed, saved final checkpoint: /tmp/.../net_opt_epoch=6.pt'. Best values are "
    "printed with repr precision (str of a float). Truth names every series by its whole "
    "printed label: 'Key metric: train_acc best value', 'Got new best metric of train_acc'.",
)
