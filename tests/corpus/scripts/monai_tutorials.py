"""MONAI's most copied tutorial loops, their print statements verbatim, on synthetic images.

Three styles, each re-creating one Project-MONAI/tutorials script (model, loss, metric, loop and every
print of the original) around synthetic in-memory data (nothing downloaded, no pretrained weights;
sizes cut down so a run takes seconds of CPU):

- `seg`: 2d_segmentation/torch/unet_training_dict.py - monai.config.print_config(), the check
  batch's shapes, a UNet + DiceLoss, per-step `1/6, train_loss: 0.7312`, `epoch 1 average loss:
  0.7101`, every 2 epochs sliding-window validation with DiceMetric: `saved new best metric
  model` and `current epoch: 2 current mean dice: 0.1234 best mean dice: 0.1234 at epoch 2`, then
  `train completed, best_metric: 0.1234 at epoch: 2`. Images from monai.data.create_test_image_2d
  (the tutorial's own generator) kept in memory instead of PNG files; TensorBoard's SummaryWriter
  left out (not installed).
- `spleen`: 3d_segmentation/spleen_segmentation_3d - CacheDataset's 'Loading dataset' bars, a 3D UNet
  + DiceLoss, the same per-step and per-epoch prints, and the validation print split over two lines:
  `current epoch: 2 current mean dice: 0.1234` / `best mean dice: 0.1234 at epoch: 2`. Volumes from
  create_test_image_3d in memory instead of the Decathlon's NIfTI files (no download).
- `cls`: 2d_classification/mednist_tutorial - the data-set summary (`Total image count: 180`,
  `Image dimensions: 32 x 32`, `Label names: [...]`, `Label counts: [...]`, `Training count: ...`),
  a DenseNet (DenseNet121's shape, cut to two small dense blocks), per-step `train_loss`, `epoch 1
  average loss:`, ROCAUCMetric validation each epoch: `current epoch: 1 current AUC: 0.6162 current
  accuracy: 0.3000 best AUC: 0.6162 at epoch: 1`, then the test set's
  sklearn classification_report.

Truth: the values the loops keep and print - per step loss.item(), the tutorials' own lists
epoch_loss_values / metric_values, their best_metric / acc_metric variables, and (cls) the dict of
sklearn's classification_report(output_dict=True) for the printed report.

Versions: monai 1.6.1, torch 2.13.0+cpu, scikit-learn 1.9.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zj-1: `pip install torch==2.13.0`, then
`pip install monai pytorch-ignite tqdm nibabel kornia scikit-learn pillow`):
    python tests/corpus/scripts/capture.py pipe real_monai_unet_tutorial -- python tests/corpus/scripts/monai_tutorials.py seg
    python tests/corpus/scripts/capture.py pipe real_monai_mednist_tutorial -- python tests/corpus/scripts/monai_tutorials.py cls
    python tests/corpus/scripts/capture.py pipe real_monai_spleen_tutorial -- python tests/corpus/scripts/monai_tutorials.py spleen
    python tests/corpus/scripts/capture.py pty real_monai_spleen_tutorial_pty -- python tests/corpus/scripts/monai_tutorials.py spleen
The seg and cls tutorials draw no bar, so a terminal capture would only change '\\n' to '\\r\\n'
(spleen's CacheDataset draws one: it has a pty twin).
"""

# The tutorial's own code, kept verbatim: str.format.
# ruff: noqa: UP032

from __future__ import annotations

import logging
import os
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.set_num_threads(1)
style = sys.argv[1]
series = _truth.Series()
NOTES = {}


def seg(tempdir):
    import monai
    from monai.data import create_test_image_2d, decollate_batch, list_data_collate
    from monai.inferers import sliding_window_inference
    from monai.metrics import DiceMetric
    from monai.transforms import (
        Activations,
        AsDiscrete,
        Compose,
        RandCropByPosNegLabeld,
        RandRotate90d,
        ScaleIntensityd,
    )
    from monai.visualize import plot_2d_or_3d_image  # noqa: F401  (imported by the tutorial)
    from torch.utils.data import DataLoader

    monai.config.print_config()
    logging.basicConfig(stream=sys.stdout, level=logging.INFO)
    monai.utils.set_determinism(seed=0)

    # create a temporary directory and 20 random image, mask pairs
    print(f"generating synthetic data to {tempdir} (this may take a while)")
    files = []
    for i in range(20):
        im, seg = create_test_image_2d(
            64, 64, num_seg_classes=1, random_state=np.random.RandomState(i)
        )
        files.append({"img": im[None].astype(np.float32), "seg": seg[None].astype(np.float32)})
    train_files = files[:16]
    val_files = files[-4:]

    # define transforms for image and segmentation
    train_transforms = Compose(
        [
            ScaleIntensityd(keys=["img", "seg"]),
            RandCropByPosNegLabeld(
                keys=["img", "seg"],
                label_key="seg",
                spatial_size=[32, 32],
                pos=1,
                neg=1,
                num_samples=4,
            ),
            RandRotate90d(keys=["img", "seg"], prob=0.5, spatial_axes=[0, 1]),
        ]
    )
    val_transforms = Compose([ScaleIntensityd(keys=["img", "seg"])])

    # define dataset, data loader
    check_ds = monai.data.Dataset(data=train_files, transform=train_transforms)
    # use batch_size=2 to load images and use RandCropByPosNegLabeld to generate 2 x 4 images
    check_loader = DataLoader(check_ds, batch_size=2, num_workers=0, collate_fn=list_data_collate)
    check_data = monai.utils.misc.first(check_loader)
    print(check_data["img"].shape, check_data["seg"].shape)

    # create a training data loader
    train_ds = monai.data.Dataset(data=train_files, transform=train_transforms)
    train_loader = DataLoader(
        train_ds, batch_size=2, shuffle=True, num_workers=0, collate_fn=list_data_collate
    )
    # create a validation data loader
    val_ds = monai.data.Dataset(data=val_files, transform=val_transforms)
    val_loader = DataLoader(val_ds, batch_size=1, num_workers=0, collate_fn=list_data_collate)
    dice_metric = DiceMetric(include_background=True, reduction="mean", get_not_nans=False)
    post_trans = Compose([Activations(sigmoid=True), AsDiscrete(threshold=0.5)])
    # create UNet, DiceLoss and Adam optimizer
    device = torch.device("cpu")
    model = monai.networks.nets.UNet(
        spatial_dims=2,
        in_channels=1,
        out_channels=1,
        channels=(8, 16, 32),
        strides=(2, 2),
        num_res_units=2,
    ).to(device)
    loss_function = monai.losses.DiceLoss(sigmoid=True)
    optimizer = torch.optim.Adam(model.parameters(), 1e-2)

    # start a typical PyTorch training
    max_epochs = 6
    val_interval = 2
    best_metric = -1
    best_metric_epoch = -1
    epoch_loss_values = list()
    metric_values = list()
    gstep = 0
    for epoch in range(max_epochs):
        print("-" * 10)
        print(f"epoch {epoch + 1}/{max_epochs}")
        model.train()
        epoch_loss = 0
        step = 0
        for batch_data in train_loader:
            step += 1
            gstep += 1
            inputs, labels = batch_data["img"].to(device), batch_data["seg"].to(device)
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = loss_function(outputs, labels)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
            epoch_len = len(train_ds) // train_loader.batch_size
            print(f"{step}/{epoch_len}, train_loss: {loss.item():.4f}")
            series.add("train_loss", gstep, epoch + 1, loss.item())
        epoch_loss /= step
        epoch_loss_values.append(epoch_loss)
        print(f"epoch {epoch + 1} average loss: {epoch_loss:.4f}")
        series.add("average loss", gstep, epoch + 1, epoch_loss_values[-1])

        if (epoch + 1) % val_interval == 0:
            model.eval()
            with torch.no_grad():
                for val_data in val_loader:
                    val_images, val_labels = val_data["img"].to(device), val_data["seg"].to(device)
                    roi_size = (32, 32)
                    sw_batch_size = 4
                    val_outputs = sliding_window_inference(
                        val_images, roi_size, sw_batch_size, model
                    )
                    val_outputs = [post_trans(i) for i in decollate_batch(val_outputs)]
                    # compute metric for current iteration
                    dice_metric(y_pred=val_outputs, y=val_labels)
                # aggregate the final mean dice result
                metric = dice_metric.aggregate().item()
                # reset the status for next validation round
                dice_metric.reset()
                metric_values.append(metric)
                if metric > best_metric:
                    best_metric = metric
                    best_metric_epoch = epoch + 1
                    torch.save(
                        model.state_dict(),
                        os.path.join(tempdir, "best_metric_model_segmentation2d_dict.pth"),
                    )
                    print("saved new best metric model")
                print(
                    "current epoch: {} current mean dice: {:.4f} best mean dice: {:.4f} at epoch {}".format(
                        epoch + 1, metric, best_metric, best_metric_epoch
                    )
                )
                series.add("current mean dice", gstep, epoch + 1, metric_values[-1])
                series.add("best mean dice", gstep, epoch + 1, best_metric)

    print(f"train completed, best_metric: {best_metric:.4f} at epoch: {best_metric_epoch}")
    series.add("best_metric", gstep, max_epochs, best_metric)
    NOTES["seg"] = (
        "MONAI tutorials' 2d_segmentation/torch/unet_training_dict.py loop verbatim on synthetic "
        "create_test_image_2d pairs: print_config()'s version block (versions, 'NOT INSTALLED'), a "
        "'generating synthetic data to /tmp/...' line, the check batch's shapes "
        "'torch.Size([8, 1, 32, 32]) torch.Size([8, 1, 32, 32])', then per epoch '----------', "
        "'epoch 1/6', per step '1/8, train_loss: 0.7312' (step/steps-per-epoch: counts), "
        "'epoch 1 average loss: 0.7101' (epoch_loss_values); every 2 epochs 'saved new best metric "
        "model' and 'current epoch: 2 current mean dice: 0.1234 best mean dice: 0.1234 at epoch 2' "
        "(metric_values / best_metric; 'at epoch 2' is best_metric_epoch, an epoch number, not a "
        "metric); last 'train completed, best_metric: 0.1234 at epoch: 2'. Steps in the truth are "
        "the loop's global optimizer step (8 per epoch), which the console never prints; epoch as "
        "printed (1-based)."
    )


def spleen(tempdir):
    from monai.data import CacheDataset, DataLoader, create_test_image_3d, decollate_batch
    from monai.inferers import sliding_window_inference
    from monai.losses import DiceLoss
    from monai.metrics import DiceMetric
    from monai.networks.layers import Norm
    from monai.networks.nets import UNet
    from monai.transforms import AsDiscrete, Compose, RandCropByPosNegLabeld, ScaleIntensityd
    from monai.utils import set_determinism

    set_determinism(seed=0)
    # spleen NIfTI volumes stand-in: 15 synthetic 40^3 volumes with one labelled object class
    files = []
    for i in range(15):
        im, seg = create_test_image_3d(
            40, 40, 40, num_seg_classes=1, rad_max=12, random_state=np.random.RandomState(i)
        )
        files.append({"image": im[None].astype(np.float32), "label": seg[None].astype(np.float32)})
    train_files, val_files = files[:-3], files[-3:]

    train_transforms = Compose(
        [
            ScaleIntensityd(keys=["image"]),
            RandCropByPosNegLabeld(
                keys=["image", "label"],
                label_key="label",
                spatial_size=(24, 24, 24),
                pos=1,
                neg=1,
                num_samples=4,
            ),
        ]
    )
    val_transforms = Compose([ScaleIntensityd(keys=["image"])])

    train_ds = CacheDataset(
        data=train_files, transform=train_transforms, cache_rate=1.0, num_workers=0
    )
    # train_ds = Dataset(data=train_files, transform=train_transforms)

    # use batch_size=2 to load images and use RandCropByPosNegLabeld
    # to generate 2 x 4 images for network training
    train_loader = DataLoader(train_ds, batch_size=2, shuffle=True, num_workers=0)

    val_ds = CacheDataset(data=val_files, transform=val_transforms, cache_rate=1.0, num_workers=0)
    # val_ds = Dataset(data=val_files, transform=val_transforms)
    val_loader = DataLoader(val_ds, batch_size=1, num_workers=0)

    # standard PyTorch program style: create UNet, DiceLoss and Adam optimizer
    device = torch.device("cpu")
    model = UNet(
        spatial_dims=3,
        in_channels=1,
        out_channels=2,
        channels=(8, 16, 32),
        strides=(2, 2),
        num_res_units=2,
        norm=Norm.BATCH,
    ).to(device)
    loss_function = DiceLoss(to_onehot_y=True, softmax=True)
    optimizer = torch.optim.Adam(model.parameters(), 1e-2)
    dice_metric = DiceMetric(include_background=False, reduction="mean")

    max_epochs = 6
    val_interval = 2
    best_metric = -1
    best_metric_epoch = -1
    epoch_loss_values = []
    metric_values = []
    post_pred = Compose([AsDiscrete(argmax=True, to_onehot=2)])
    post_label = Compose([AsDiscrete(to_onehot=2)])

    gstep = 0
    for epoch in range(max_epochs):
        print("-" * 10)
        print(f"epoch {epoch + 1}/{max_epochs}")
        model.train()
        epoch_loss = 0
        step = 0
        for batch_data in train_loader:
            step += 1
            gstep += 1
            inputs, labels = (
                batch_data["image"].to(device),
                batch_data["label"].to(device),
            )
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = loss_function(outputs, labels)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
            print(
                f"{step}/{len(train_ds) // train_loader.batch_size}, train_loss: {loss.item():.4f}"
            )
            series.add("train_loss", gstep, epoch + 1, loss.item())
        epoch_loss /= step
        epoch_loss_values.append(epoch_loss)
        print(f"epoch {epoch + 1} average loss: {epoch_loss:.4f}")
        series.add("average loss", gstep, epoch + 1, epoch_loss_values[-1])

        if (epoch + 1) % val_interval == 0:
            model.eval()
            with torch.no_grad():
                for val_data in val_loader:
                    val_inputs, val_labels = (
                        val_data["image"].to(device),
                        val_data["label"].to(device),
                    )
                    roi_size = (24, 24, 24)
                    sw_batch_size = 4
                    val_outputs = sliding_window_inference(
                        val_inputs, roi_size, sw_batch_size, model
                    )
                    val_outputs = [post_pred(i) for i in decollate_batch(val_outputs)]
                    val_labels = [post_label(i) for i in decollate_batch(val_labels)]
                    # compute metric for current iteration
                    dice_metric(y_pred=val_outputs, y=val_labels)

                # aggregate the final mean dice result
                metric = dice_metric.aggregate().item()
                # reset the status for next validation round
                dice_metric.reset()

                metric_values.append(metric)
                if metric > best_metric:
                    best_metric = metric
                    best_metric_epoch = epoch + 1
                    torch.save(model.state_dict(), os.path.join(tempdir, "best_metric_model.pth"))
                    print("saved new best metric model")
                print(
                    f"current epoch: {epoch + 1} current mean dice: {metric:.4f}"
                    f"\nbest mean dice: {best_metric:.4f} "
                    f"at epoch: {best_metric_epoch}"
                )
                series.add("current mean dice", gstep, epoch + 1, metric_values[-1])
                series.add("best mean dice", gstep, epoch + 1, best_metric)

    print(f"train completed, best_metric: {best_metric:.4f} at epoch: {best_metric_epoch}")
    series.add("best_metric", gstep, max_epochs, best_metric)
    NOTES["spleen"] = (
        "MONAI tutorials' 3d_segmentation/spleen_segmentation_3d loop verbatim on 15 synthetic "
        "create_test_image_3d volumes (40^3, 24^3 crops, a small 3D UNet): CacheDataset's tqdm "
        "bars 'Loading dataset: 100%|██████████| 12/12 [00:00<00:00, 75.21it/s]' (counts and a "
        "rate, on stderr), per epoch '----------', 'epoch 1/6', per step '1/6, train_loss: 0.6012' "
        "(step/steps: counts), 'epoch 1 average loss: 0.5831' (epoch_loss_values); every 2 epochs "
        "'saved new best metric model' and the two-line print 'current epoch: 2 current mean dice: "
        "0.1234' / 'best mean dice: 0.1234 at epoch: 2' ('at epoch: 2' is best_metric_epoch, an "
        "epoch number; the second line names no epoch of its own: it belongs to the same "
        "validation), last 'train completed, best_metric: 0.1234 at epoch: 2'. Steps in the truth "
        "are the loop's global optimizer step (6 per epoch), never printed; epoch as printed."
    )


def cls(tempdir):
    import monai
    from monai.data import decollate_batch
    from monai.metrics import ROCAUCMetric
    from monai.networks.nets import DenseNet
    from monai.transforms import (
        Activations,
        AsDiscrete,
        Compose,
        RandFlip,
        RandRotate,
        RandZoom,
        ScaleIntensity,
    )
    from sklearn.metrics import classification_report

    monai.utils.set_determinism(seed=0)
    # MedNIST's six classes; images: a class-specific blurred template + noise, 32 x 32
    class_names = ["AbdomenCT", "BreastMRI", "CXR", "ChestCT", "Hand", "HeadCT"]
    rng = np.random.default_rng(0)
    templates = rng.random((6, 32, 32))
    k = np.ones(5) / 5
    for _ in range(2):
        templates = np.apply_along_axis(lambda r: np.convolve(r, k, "same"), 2, templates)
        templates = np.apply_along_axis(lambda r: np.convolve(r, k, "same"), 1, templates)
    templates = np.clip((templates - templates.mean()) * 5 + 0.5, 0, 1)
    image_label_list = [i % 6 for i in range(180)]
    image_files_list = [
        (templates[c] * 255 * 0.7 + rng.random((32, 32)) * 255 * 0.3).astype(np.float32)
        for c in image_label_list
    ]
    num_class = len(class_names)
    num_total = len(image_label_list)
    image_width, image_height = 32, 32
    print(f"Total image count: {num_total}")
    print(f"Image dimensions: {image_width} x {image_height}")
    print(f"Label names: {class_names}")
    print(f"Label counts: {[image_label_list.count(i) for i in range(num_class)]}")

    val_frac = 0.15
    test_frac = 0.15
    length = len(image_files_list)
    indices = np.arange(length)
    np.random.seed(0)
    np.random.shuffle(indices)
    test_split = int(test_frac * length)
    val_split = int(val_frac * length) + test_split
    test_indices = indices[:test_split]
    val_indices = indices[test_split:val_split]
    train_indices = indices[val_split:]
    train_x = [image_files_list[i] for i in train_indices]
    train_y = [image_label_list[i] for i in train_indices]
    val_x = [image_files_list[i] for i in val_indices]
    val_y = [image_label_list[i] for i in val_indices]
    test_x = [image_files_list[i] for i in test_indices]
    test_y = [image_label_list[i] for i in test_indices]
    print(
        f"Training count: {len(train_x)}, Validation count: {len(val_x)}, Test count: {len(test_x)}"
    )

    train_transforms = Compose(
        [
            ScaleIntensity(),
            RandRotate(range_x=np.pi / 12, prob=0.5, keep_size=True),
            RandFlip(spatial_axis=0, prob=0.5),
            RandZoom(min_zoom=0.9, max_zoom=1.1, prob=0.5),
        ]
    )
    val_transforms = Compose([ScaleIntensity()])
    y_pred_trans = Compose([Activations(softmax=True)])
    y_trans = Compose([AsDiscrete(to_onehot=num_class)])

    class MedNISTDataset(torch.utils.data.Dataset):
        def __init__(self, image_files, labels, transforms):
            self.image_files = image_files
            self.labels = labels
            self.transforms = transforms

        def __len__(self):
            return len(self.image_files)

        def __getitem__(self, index):
            return self.transforms(self.image_files[index][None]), self.labels[index]

    train_ds = MedNISTDataset(train_x, train_y, train_transforms)
    train_loader = torch.utils.data.DataLoader(train_ds, batch_size=32, shuffle=True, num_workers=0)
    val_ds = MedNISTDataset(val_x, val_y, val_transforms)
    val_loader = torch.utils.data.DataLoader(val_ds, batch_size=32, num_workers=0)
    test_ds = MedNISTDataset(test_x, test_y, val_transforms)
    test_loader = torch.utils.data.DataLoader(test_ds, batch_size=32, num_workers=0)

    device = torch.device("cpu")
    # DenseNet121 is DenseNet(init_features=64, growth_rate=32, block_config=(6, 12, 24, 16));
    # cut down to run in seconds on a CPU
    model = DenseNet(
        spatial_dims=2,
        in_channels=1,
        out_channels=num_class,
        init_features=16,
        growth_rate=8,
        block_config=(2, 2),
    ).to(device)
    loss_function = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), 3e-3)
    max_epochs = 8
    val_interval = 1
    auc_metric = ROCAUCMetric()

    best_metric = -1
    best_metric_epoch = -1
    epoch_loss_values = []
    metric_values = []
    gstep = 0
    for epoch in range(max_epochs):
        print("-" * 10)
        print(f"epoch {epoch + 1}/{max_epochs}")
        model.train()
        epoch_loss = 0
        step = 0
        for batch_data in train_loader:
            step += 1
            gstep += 1
            inputs, labels = batch_data[0].to(device), batch_data[1].to(device)
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = loss_function(outputs, labels)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
            print(
                f"{step}/{len(train_ds) // train_loader.batch_size}, train_loss: {loss.item():.4f}"
            )
            epoch_len = len(train_ds) // train_loader.batch_size  # noqa: F841
            series.add("train_loss", gstep, epoch + 1, loss.item())
        epoch_loss /= step
        epoch_loss_values.append(epoch_loss)
        print(f"epoch {epoch + 1} average loss: {epoch_loss:.4f}")
        series.add("average loss", gstep, epoch + 1, epoch_loss_values[-1])

        if (epoch + 1) % val_interval == 0:
            model.eval()
            with torch.no_grad():
                y_pred = torch.tensor([], dtype=torch.float32, device=device)
                y = torch.tensor([], dtype=torch.long, device=device)
                for val_data in val_loader:
                    val_images, val_labels = val_data[0].to(device), val_data[1].to(device)
                    y_pred = torch.cat([y_pred, model(val_images)], dim=0)
                    y = torch.cat([y, val_labels], dim=0)
                y_onehot = [y_trans(i) for i in decollate_batch(y, detach=False)]
                y_pred_act = [y_pred_trans(i) for i in decollate_batch(y_pred)]
                auc_metric(y_pred_act, y_onehot)
                result = auc_metric.aggregate()
                auc_metric.reset()
                del y_pred_act, y_onehot
                metric_values.append(result)
                acc_value = torch.eq(y_pred.argmax(dim=1), y)
                acc_metric = acc_value.sum().item() / len(acc_value)
                if result > best_metric:
                    best_metric = result
                    best_metric_epoch = epoch + 1
                    torch.save(model.state_dict(), os.path.join(tempdir, "best_metric_model.pth"))
                    print("saved new best metric model")
                print(
                    f"current epoch: {epoch + 1} current AUC: {result:.4f}"
                    f" current accuracy: {acc_metric:.4f}"
                    f" best AUC: {best_metric:.4f}"
                    f" at epoch: {best_metric_epoch}"
                )
                series.add("current AUC", gstep, epoch + 1, metric_values[-1])
                series.add("current accuracy", gstep, epoch + 1, acc_metric)
                series.add("best AUC", gstep, epoch + 1, best_metric)

    print(f"train completed, best_metric: {best_metric:.4f} at epoch: {best_metric_epoch}")
    series.add("best_metric", gstep, max_epochs, best_metric)

    model.load_state_dict(torch.load(os.path.join(tempdir, "best_metric_model.pth")))
    model.eval()
    y_true = []
    y_pred = []
    with torch.no_grad():
        for test_data in test_loader:
            test_images, test_labels = test_data[0].to(device), test_data[1].to(device)
            pred = model(test_images).argmax(dim=1)
            for i in range(len(pred)):
                y_true.append(test_labels[i].item())
                y_pred.append(pred[i].item())
    print(classification_report(y_true, y_pred, target_names=class_names, digits=4))
    rep = classification_report(
        y_true, y_pred, target_names=class_names, digits=4, output_dict=True, zero_division=0
    )
    for row in class_names + ["macro avg", "weighted avg"]:
        for col in ("precision", "recall", "f1-score"):
            series.add(f"{row}/{col}", None, None, rep[row][col])
    series.add("accuracy", None, None, rep["accuracy"])
    NOTES["cls"] = (
        "MONAI tutorials' 2d_classification/mednist_tutorial loop verbatim on a synthetic "
        "MedNIST-shaped set (6 classes, 180 images 32x32): data-set summary lines ('Total image "
        "count: 180', 'Image dimensions: 32 x 32', 'Label names: [...]', 'Label counts: [30, ...]', "
        "'Training count: 126, Validation count: 27, Test count: 27' - counts), per epoch "
        "'----------', 'epoch 1/8', per step '1/3, train_loss: 1.8123' (step/steps: counts), "
        "'epoch 1 average loss: 1.79', 'saved new best metric model', 'current epoch: 1 current AUC: "
        "0.6162 current accuracy: 0.3000 best AUC: 0.6162 at epoch: 1' ('at epoch: 1' is "
        "best_metric_epoch, not a metric), 'train completed, best_metric: 0.9 at epoch: 4', then "
        "sklearn's classification_report of the test set (digits=4): rows per class and "
        "'accuracy', 'macro avg', 'weighted avg'; truth names them '<row>/<column>' (e.g. 'CXR/recall', "
        "'macro avg/f1-score') plus 'accuracy'; the 'support' column is a count. 126 training "
        "images in batches of 32 make 4 steps while the tutorial prints len(train_ds) // "
        "batch_size = 3 as the total: the 4th step prints '4/3, train_loss: ...', as the "
        "tutorial's code does. Steps in the truth: the loop's global step."
    )


with tempfile.TemporaryDirectory() as tempdir:
    {"seg": seg, "cls": cls, "spleen": spleen}[style](tempdir)

import monai  # noqa: E402

_truth.write(
    library=f"monai {monai.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/monai_tutorials.py",
    record="the values the tutorial loop printed, kept by the script (loss.item(), the tutorial's "
    "epoch_loss_values / metric_values lists, best_metric, acc_metric"
    + (", sklearn classification_report(output_dict=True))" if style == "cls" else ")"),
    step_kind="global",
    series=series,
    notes=NOTES[style],
)
