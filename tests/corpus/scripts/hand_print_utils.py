"""Hand-written PyTorch / numpy training loops, each printing through one popular utility, in the
shape users copy from tutorials and READMEs. Each prints something at start (a model summary, a
config, dataset sizes), per-epoch (or per-step) train and validation metrics, and a final summary.

Modes:
    torchinfo  torchinfo.summary(model, input_size=..., col_names=...) (Input/Output Shape, Param #,
               Trainable, Mult-Adds, sizes in MB), then 'Epoch 01/08 | Train Loss: 0.9123 | Train Acc:
               55.86% | Val Loss: ... | Val Acc: ...% | Time: 0.05s' and 'Best Val Acc: 78.52% (epoch 6)'
    polars     '[epoch 1, batch  8/16] loss: 1.0234' lines, then print(pl.DataFrame(history)) (polars'
               boxed 'shape: (6, 6)' table with a dtype row) and the best row as a one-row frame
    loguru     loguru's default sink: logger.info per epoch, logger.debug every 8 batches,
               logger.success('New best model saved ...'), logger.warning on no improvement
    pkbar      pkbar.Kbar per epoch exactly as its README shows (update(i, ...), add(1, val values))
    rich       rich.print(config dict), console.rule, coloured per-epoch console.print, a rich Table of
               the history at the end and rich.print of a dict of final metrics
    astropy    numpy MLP (tests/corpus/scripts/_toy.py), per-epoch print, astropy.table.Table of the
               history printed at the end
    pandas     per-epoch print, then print(df.to_string()) and print(df.describe())
    termcolor  the classic EarlyStopping class (Bjarten/early-stopping-pytorch pytorchtools.py) with
               termcolor colours: '[ 1/30] train_loss: 0.69315 valid_loss: 0.68123', 'Validation loss
               decreased (inf --> 0.681230).  Saving model ...', 'EarlyStopping counter: 1 out of 3'
    colorama   colorama Fore/Style per-epoch lines (init(autoreset=True)) with a hand-written patience
               check: 'Validation loss improved from 0.9012 to 0.8123, saving model', 'Best Val Loss: ...'

Truth: the values the loop printed, kept by the script itself (its history dict / lists) at full
precision; pkbar's points are Kbar's own running averages (its _values) at each draw.
Versions: torch 2.13.0+cpu, torchinfo 1.8.0, polars 2.1.0, loguru 0.7.3, pkbar 0.5, rich 15.0.0,
astropy 8.0.2, pandas 3.1.1, termcolor 3.3.0, colorama 0.4.6, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zK-1: pip install torch==2.13.0, then pip install
torchinfo polars loguru pkbar rich astropy pandas termcolor colorama "setuptools<81"; pkbar 0.5
imports pkg_resources):
    python tests/corpus/scripts/capture.py pipe real_hand_torchinfo_cols -- python tests/corpus/scripts/hand_print_utils.py torchinfo
    python tests/corpus/scripts/capture.py pipe real_hand_polars_history -- python tests/corpus/scripts/hand_print_utils.py polars
    python tests/corpus/scripts/capture.py pipe real_hand_loguru_best -- python tests/corpus/scripts/hand_print_utils.py loguru
    python tests/corpus/scripts/capture.py pty  real_hand_loguru_best_pty -- python tests/corpus/scripts/hand_print_utils.py loguru
    python tests/corpus/scripts/capture.py pipe real_hand_pkbar -- python tests/corpus/scripts/hand_print_utils.py pkbar
    python tests/corpus/scripts/capture.py pty  real_hand_pkbar_pty -- python tests/corpus/scripts/hand_print_utils.py pkbar
    python tests/corpus/scripts/capture.py pipe real_hand_rich_summary -- python tests/corpus/scripts/hand_print_utils.py rich
    python tests/corpus/scripts/capture.py pty  real_hand_rich_summary_pty -- python tests/corpus/scripts/hand_print_utils.py rich
    python tests/corpus/scripts/capture.py pipe real_hand_astropy_table -- python tests/corpus/scripts/hand_print_utils.py astropy
    python tests/corpus/scripts/capture.py pipe real_hand_pandas_describe -- python tests/corpus/scripts/hand_print_utils.py pandas
    python tests/corpus/scripts/capture.py pipe real_hand_early_stopping -- python tests/corpus/scripts/hand_print_utils.py termcolor
    python tests/corpus/scripts/capture.py pty  real_hand_early_stopping_pty -- python tests/corpus/scripts/hand_print_utils.py termcolor
    python tests/corpus/scripts/capture.py pipe real_hand_colorama_patience -- python tests/corpus/scripts/hand_print_utils.py colorama
    python tests/corpus/scripts/capture.py pty  real_hand_colorama_patience_pty -- python tests/corpus/scripts/hand_print_utils.py colorama
"""

import os
import sys
import time
from importlib import metadata

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

MODE = sys.argv[1]
series = _truth.Series()
notes = ""
extra_ok: list[str] = []
step_kind = "epoch"
libs = [f"torch {torch.__version__}"]

torch.manual_seed(0)
np.random.seed(0)

# ---------------------------------------------------------------- data and model (torch modes)
N_TRAIN, N_VAL, N_TEST, D, C = 1024, 256, 256, 20, 3
if MODE in (
    "termcolor",
    "colorama",
):  # small and noisy so that the big model overfits and early stopping fires
    N_TRAIN, N_VAL = 192, 192
X = torch.randn(N_TRAIN + N_VAL + N_TEST, D)
W = torch.randn(D, C)
y = (X @ W + 1.5 * torch.randn(len(X), C)).argmax(1)
Xtr, ytr = X[:N_TRAIN], y[:N_TRAIN]
Xva, yva = X[N_TRAIN : N_TRAIN + N_VAL], y[N_TRAIN : N_TRAIN + N_VAL]
Xte, yte = X[N_TRAIN + N_VAL :], y[N_TRAIN + N_VAL :]
train_ds, val_ds, test_ds = (
    TensorDataset(Xtr, ytr),
    TensorDataset(Xva, yva),
    TensorDataset(Xte, yte),
)
BATCH_SIZE = 64
train_loader = DataLoader(train_ds, batch_size=BATCH_SIZE, shuffle=True)
val_loader = DataLoader(val_ds, batch_size=128)
test_loader = DataLoader(test_ds, batch_size=128)


class Net(nn.Module):
    def __init__(self, in_features=D, hidden=64, num_classes=C):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.bn1 = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.dropout = nn.Dropout(0.2)
        self.fc3 = nn.Linear(hidden, num_classes)

    def forward(self, x):
        x = torch.relu(self.bn1(self.fc1(x)))
        x = self.dropout(torch.relu(self.fc2(x)))
        return self.fc3(x)


model = Net(hidden=256 if MODE in ("termcolor", "colorama") else 64)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(
    model.parameters(), lr=3e-3 if MODE in ("termcolor", "colorama") else 1e-3
)


def evaluate(loader):
    model.eval()
    total, correct, n = 0.0, 0, 0
    with torch.no_grad():
        for xb, yb in loader:
            out = model(xb)
            total += criterion(out, yb).item() * len(yb)
            correct += (out.argmax(1) == yb).sum().item()
            n += len(yb)
    model.train()
    return total / n, correct / n


def train_one_epoch(on_batch=None):
    model.train()
    total, correct, n = 0.0, 0, 0
    for i, (xb, yb) in enumerate(train_loader):
        optimizer.zero_grad()
        out = model(xb)
        loss = criterion(out, yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
        correct += (out.argmax(1) == yb).sum().item()
        n += len(yb)
        if on_batch:
            on_batch(i, loss.item(), (out.argmax(1) == yb).float().mean().item())
    return total / n, correct / n


STEPS = len(train_loader)  # 16 batches per epoch (1024 / 64)

# ---------------------------------------------------------------- 1. torchinfo
if MODE == "torchinfo":
    import torchinfo

    libs.append(f"torchinfo {metadata.version('torchinfo')}")
    EPOCHS = 8
    config = {"epochs": EPOCHS, "batch_size": BATCH_SIZE, "lr": 1e-3, "hidden": 64, "seed": 0}
    print(f"Config: {config}")
    print(f"Train samples: {len(train_ds)} | Val samples: {len(val_ds)} | Classes: {C}")
    torchinfo.summary(
        model,
        input_size=(BATCH_SIZE, D),
        col_names=("input_size", "output_size", "num_params", "trainable", "mult_adds"),
        depth=2,
    )
    best_acc, best_epoch = 0.0, 0
    for epoch in range(1, EPOCHS + 1):
        t0 = time.time()
        train_loss, train_acc = train_one_epoch()
        val_loss, val_acc = evaluate(val_loader)
        dt = time.time() - t0
        series.add("Train Loss", None, epoch, train_loss)
        series.add("Train Acc", None, epoch, 100 * train_acc)
        series.add("Val Loss", None, epoch, val_loss)
        series.add("Val Acc", None, epoch, 100 * val_acc)
        print(
            f"Epoch {epoch:02d}/{EPOCHS} | Train Loss: {train_loss:.4f} | Train Acc: {100 * train_acc:.2f}% | "
            f"Val Loss: {val_loss:.4f} | Val Acc: {100 * val_acc:.2f}% | Time: {dt:.2f}s"
        )
        if val_acc > best_acc:
            best_acc, best_epoch = val_acc, epoch
    series.add("Best Val Acc", None, best_epoch, 100 * best_acc)
    print(f"Best Val Acc: {100 * best_acc:.2f}% (epoch {best_epoch})")
    print("Finished Training")
    extra_ok = ["Time (seconds per epoch)"]
    notes = (
        "Start: 'Config: {'epochs': 8, 'batch_size': 64, 'lr': 0.001, 'hidden': 64, 'seed': 0}' "
        "(hyper-parameters), 'Train samples: 1024 | Val samples: 256 | Classes: 3' (counts), then "
        "torchinfo.summary with col_names input_size/output_size/num_params/trainable/mult_adds: a "
        "'=====' framed table 'Layer (type:depth-idx)  Input Shape  Output Shape  Param #  Trainable  "
        "Mult-Adds', rows like '├─Linear: 1-1  [64, 20]  [64, 64]  1,344  True  86,016', then "
        "'Total params: 5,827', 'Trainable params: 5,827', 'Non-trainable params: 0', 'Total "
        "mult-adds (Units.MEGABYTES): 0.37', 'Input size (MB): 0.01', 'Forward/backward pass size "
        "(MB): 0.10', 'Params size (MB): 0.02', 'Estimated Total Size (MB): 0.13' (shapes, counts, "
        "sizes: none a metric). Per epoch 'Epoch 01/08 | Train Loss: 0.9123 | Train Acc: 55.86% | "
        "Val Loss: 0.8123 | Val Acc: 62.11% | Time: 0.05s' (accuracies printed in percent: the truth "
        "holds the printed unit, x100; Time is seconds per epoch, extra_ok; '01/08' is epoch of "
        "total). End: 'Best Val Acc: 78.52% (epoch 6)' (a point of 'Best Val Acc' at that epoch) and "
        "'Finished Training'. Per-epoch record: step null."
    )

# ---------------------------------------------------------------- 2. polars
elif MODE == "polars":
    import polars as pl

    libs.append(f"polars {metadata.version('polars')}")
    EPOCHS = 6
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
    history = {
        "epoch": [],
        "train_loss": [],
        "train_acc": [],
        "val_loss": [],
        "val_acc": [],
        "lr": [],
    }
    print(f"train: {len(train_ds)} samples, val: {len(val_ds)} samples, {STEPS} batches/epoch")
    step = 0
    for epoch in range(1, EPOCHS + 1):

        def log_batch(i, loss, acc, epoch=epoch):
            global step
            step += 1
            if (i + 1) % 8 == 0:
                series.add("loss", step, epoch, loss)
                print(f"[epoch {epoch}, batch {i + 1:2d}/{STEPS}] loss: {loss:.4f}")

        lr = optimizer.param_groups[0]["lr"]
        train_loss, train_acc = train_one_epoch(log_batch)
        val_loss, val_acc = evaluate(val_loader)
        scheduler.step()
        for k, v in zip(
            history, (epoch, train_loss, train_acc, val_loss, val_acc, lr), strict=True
        ):
            history[k].append(v)
    df = pl.DataFrame(history)
    print("\nTraining history:")
    print(df)
    print("\nBest epoch (lowest val_loss):")
    print(df.filter(pl.col("val_loss") == pl.col("val_loss").min()))
    for k in ("train_loss", "train_acc", "val_loss", "val_acc", "lr"):
        for e, v in zip(history["epoch"], history[k], strict=True):
            series.add(k, e * STEPS, e, v)
    step_kind = "global"
    notes = (
        "Start 'train: 1024 samples, val: 256 samples, 16 batches/epoch' (counts). Every 8 batches "
        "'[epoch 1, batch  8/16] loss: 1.0234' (that batch's loss; step = global batch count, 16 per "
        "epoch, not printed; 'batch 8/16' is position of total). No other per-epoch print: the "
        "epoch metrics appear only at the end in print(pl.DataFrame(history)), polars' boxed table "
        "'shape: (6, 6)', '┌───────┬────────────┬───...', a header row '│ epoch ┆ train_loss ┆ "
        "train_acc ┆ val_loss ┆ val_acc ┆ lr    │', a dtype row '│ ---   ┆ ---  ┆ ...' / '│ i64   ┆ "
        "f64 ┆ ...', then '╞═══' and one row per epoch '│ 1     ┆ 1.012345   ┆ 0.501953  ┆ ...' (polars "
        "shows floats with up to 6 significant decimals, the epoch column is the epoch, lr the "
        "StepLR learning rate of that epoch). Then 'Best epoch (lowest val_loss):' and a 'shape: "
        "(1, 6)' frame repeating that epoch's row (a reprint of the same points, not new ones). "
        "'shape: (6, 6)' and the dtype row are not metrics. Epoch metrics' step = the global step "
        "at the epoch's end."
    )

# ---------------------------------------------------------------- 3. loguru
elif MODE == "loguru":
    from loguru import logger

    libs.append(f"loguru {metadata.version('loguru')}")
    EPOCHS, PATIENCE = 8, 3
    n_params = sum(p.numel() for p in model.parameters())
    logger.info("Using device: cpu")
    logger.info(f"Model: Net with {n_params:,} trainable parameters")
    logger.info(f"Train size: {len(train_ds)}, Val size: {len(val_ds)}, Test size: {len(test_ds)}")
    best_val, best_epoch, bad_epochs = float("inf"), 0, 0
    t_start = time.time()
    step = 0
    for epoch in range(1, EPOCHS + 1):

        def log_batch(i, loss, acc, epoch=epoch):
            global step
            step += 1
            if (i + 1) % 8 == 0:
                series.add("loss", step, epoch, loss)
                logger.debug(f"Epoch {epoch} [{i + 1}/{STEPS}] loss={loss:.4f}")

        train_loss, train_acc = train_one_epoch(log_batch)
        val_loss, val_acc = evaluate(val_loader)
        for k, v in (
            ("train_loss", train_loss),
            ("train_acc", train_acc),
            ("val_loss", val_loss),
            ("val_acc", val_acc),
        ):
            series.add(k, step, epoch, v)
        logger.info(
            f"Epoch {epoch}/{EPOCHS} - train_loss: {train_loss:.4f} - train_acc: {train_acc:.4f} - "
            f"val_loss: {val_loss:.4f} - val_acc: {val_acc:.4f}"
        )
        if val_loss < best_val:
            best_val, best_epoch, bad_epochs = val_loss, epoch, 0
            torch.save(model.state_dict(), "/tmp/corpus-zK-best.pt")
            logger.success(f"New best model saved at epoch {epoch} with val_loss: {val_loss:.4f}")
        else:
            bad_epochs += 1
            logger.warning(
                f"val_loss did not improve for {bad_epochs} epoch(s) (best {best_val:.4f})"
            )
    model.load_state_dict(torch.load("/tmp/corpus-zK-best.pt"))
    os.remove("/tmp/corpus-zK-best.pt")
    test_loss, test_acc = evaluate(test_loader)
    series.add("best val_loss", best_epoch * STEPS, best_epoch, best_val)
    series.add("test_loss", step, EPOCHS, test_loss)
    series.add("test_acc", step, EPOCHS, test_acc)
    logger.info(
        f"Training finished in {time.time() - t_start:.2f}s | best val_loss: {best_val:.4f} (epoch {best_epoch})"
    )
    logger.info(f"Test results: test_loss={test_loss:.4f}, test_acc={test_acc:.4f}")
    step_kind = "global"
    extra_ok = ["Training finished in (elapsed seconds)"]
    notes = (
        "loguru's default sink (stderr, format '{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | "
        "{name}:{function}:{line} - {message}'): '2026-12-07 10:45:01.234 | INFO     | "
        "__main__:<module>:205 - Epoch 1/8 - train_loss: 0.9876 - train_acc: 0.5371 - val_loss: "
        "0.8765 - val_acc: 0.6211' (dates, times and the line number in the prefix are not "
        "metrics; under a terminal loguru colours the prefix and the level). DEBUG every 8 batches "
        "'Epoch 1 [8/16] loss=1.0234' (that batch's loss; step = global batch count, 16 per epoch, "
        "[8/16] = position of total). SUCCESS 'New best model saved at epoch 3 with val_loss: "
        "0.6123' repeats this epoch's val_loss (same point); WARNING 'val_loss did not improve for 1 "
        "epoch(s) (best 0.6123)' repeats an earlier epoch's val_loss (not a new point) and a "
        "count. Start lines 'Using device: cpu', 'Model: Net with 5,827 trainable parameters', "
        "'Train size: 1024, Val size: 256, Test size: 256' are not metrics. End 'Training "
        "finished in 0.84s | best val_loss: 0.6123 (epoch 3)' (elapsed seconds, extra_ok; 'best "
        "val_loss' a point at that epoch's step) and 'Test results: test_loss=0.6234, "
        "test_acc=0.7383' (test set of the best checkpoint, at the last step and epoch). Epoch metrics' step "
        "= the global step at the epoch's end."
    )

# ---------------------------------------------------------------- 4. pkbar
elif MODE == "pkbar":
    import pkbar

    libs.append(f"pkbar {metadata.version('pkbar')}")
    num_epochs = 5
    train_per_epoch = STEPS
    print(f"Train on {len(train_ds)} samples, validate on {len(val_ds)} samples")
    for epoch in range(num_epochs):
        ################################### Initialization ########################################
        kbar = pkbar.Kbar(
            target=train_per_epoch,
            epoch=epoch,
            num_epochs=num_epochs,
            width=8,
            always_stateful=False,
        )
        # By default, all metrics are averaged over time. If you don't want this behavior, you could
        # either:
        # 1. Set always_stateful to True, or
        # 2. Set stateful_metrics=["loss", "rmse", "val_loss", "val_rmse"], Metrics in this list
        # will be displayed as-is. All others will be averaged by the progbar before display.
        ###########################################################################################

        def draw(call, *a, epoch=epoch, kbar=kbar, **kw):
            before = kbar._last_update
            call(*a, **kw)
            if kbar._last_update != before:  # Kbar drew the bar: record what it showed
                pos = kbar._seen_so_far
                for k in kbar._values_order:
                    s, n = kbar._values[k]
                    series.add(k, epoch * train_per_epoch + pos, epoch + 1, float(s) / max(1, n))

        model.train()
        for i, (xb, yb) in enumerate(train_loader):
            optimizer.zero_grad()
            out = model(xb)
            loss = criterion(out, yb)
            loss.backward()
            optimizer.step()
            acc = (out.argmax(1) == yb).float().mean()
            time.sleep(
                0.02
            )  # stands for a real step's compute, so that the bar is drawn a few times
            ############################# Update after each batch ##################################
            draw(kbar.update, i, values=[("loss", loss), ("acc", acc)])
        val_loss, val_acc = evaluate(val_loader)
        ################################ Add validation metrics ###################################
        draw(kbar.add, 1, values=[("val_loss", val_loss), ("val_acc", val_acc)])
    test_loss, test_acc = evaluate(test_loader)
    series.add("Test loss", num_epochs * train_per_epoch, num_epochs, test_loss)
    series.add("Test accuracy", num_epochs * train_per_epoch, num_epochs, test_acc)
    print(f"Test loss: {test_loss:.4f} - Test accuracy: {test_acc:.4f}")
    step_kind = "global"
    extra_ok = ["ms/step (time per step)"]
    notes = (
        "pkbar.Kbar as in its README (width=8, update(i, values=[('loss', loss), ('acc', acc)]) with "
        "i = 0..15, then add(1, values=[('val_loss', ...), ('val_acc', ...)])). Each epoch opens with "
        "'Epoch: 1/5' (epoch of total), then Keras-style redraws '\\b\\b...\\r 8/16 [===>....] - "
        "ETA: 0s - loss: 1.0123 - acc: 0.4512' and the final '16/16 [========] - 0s 21ms/step - "
        "loss: ... - acc: ... - val_loss: ... - val_acc: ...' (ms/step is a timing, extra_ok). "
        "pkbar decides 'dynamic display' by 'posix' in sys.modules, so even piped it writes "
        "backspaces and '\\r' redraws, never a newline between them. Values are pkbar's running "
        "means (its _values: sum of value x steps since the last update / steps); update(0, ...) "
        "weighs the first batch by 0, so the first draw of each epoch shows 'loss: 0.0000e+00 - "
        "acc: 0.0000e+00' (a real draw of pkbar's record: points of value 0 at position 0). One "
        "point per draw: step = epoch x 16 + the bar position (0-based epoch), epoch 1-based as "
        "printed; which positions are drawn depends on timing (interval 0.05 s). val_loss / "
        "val_acc are the epoch's validation values (one point each, at position 16). Start 'Train on "
        "1024 samples, validate on 256 samples' (counts); end 'Test loss: 0.6234 - Test accuracy: "
        "0.7383' (test set, at the last step and epoch)."
    )

# ---------------------------------------------------------------- 5. rich
elif MODE == "rich":
    import rich
    from rich.console import Console
    from rich.table import Table

    libs.append(f"rich {metadata.version('rich')}")
    console = Console()
    EPOCHS = 6
    config = {
        "model": "Net",
        "hidden": 64,
        "epochs": EPOCHS,
        "batch_size": BATCH_SIZE,
        "optimizer": "Adam",
        "lr": 1e-3,
        "scheduler": "CosineAnnealingLR",
        "seed": 0,
    }
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)
    console.rule("[bold]Config")
    rich.print(config)
    console.print(
        f"Train: [bold]{len(train_ds)}[/] | Val: [bold]{len(val_ds)}[/] | Test: [bold]{len(test_ds)}[/]"
    )
    console.rule("[bold]Training")
    history = []
    for epoch in range(1, EPOCHS + 1):
        lr = optimizer.param_groups[0]["lr"]
        train_loss, train_acc = train_one_epoch()
        val_loss, val_acc = evaluate(val_loader)
        scheduler.step()
        history.append(
            {
                "epoch": epoch,
                "train_loss": train_loss,
                "val_loss": val_loss,
                "val_acc": val_acc,
                "lr": lr,
            }
        )
        console.print(
            f"[bold cyan]Epoch {epoch}/{EPOCHS}[/] train_loss=[green]{train_loss:.4f}[/] "
            f"val_loss=[yellow]{val_loss:.4f}[/] val_acc=[magenta]{val_acc:.2%}[/] lr={lr:.2e}"
        )
    table = Table(title="Training Summary")
    table.add_column("Epoch", justify="right", style="cyan")
    table.add_column("Train Loss", justify="right")
    table.add_column("Val Loss", justify="right")
    table.add_column("Val Acc", justify="right")
    table.add_column("LR", justify="right")
    best = min(history, key=lambda h: h["val_loss"])
    for h in history:
        style = "bold green" if h is best else None
        table.add_row(
            str(h["epoch"]),
            f"{h['train_loss']:.4f}",
            f"{h['val_loss']:.4f}",
            f"{h['val_acc']:.2%}",
            f"{h['lr']:.2e}",
            style=style,
        )
    console.print(table)
    test_loss, test_acc = evaluate(test_loader)
    final = {
        "best_epoch": best["epoch"],
        "best_val_loss": round(best["val_loss"], 4),
        "test_loss": round(test_loss, 4),
        "test_acc": round(test_acc, 4),
    }
    rich.print(final)
    for h in history:
        e = h["epoch"]
        series.add("train_loss", None, e, h["train_loss"])
        series.add("val_loss", None, e, h["val_loss"])
        series.add("val_acc", None, e, 100 * h["val_acc"])
        series.add("lr", None, e, h["lr"])
    series.add("best_val_loss", None, best["epoch"], best["val_loss"])
    series.add("test_loss", None, EPOCHS, test_loss)
    series.add("test_acc", None, EPOCHS, test_acc)
    notes = (
        "rich 15: console.rule('Config') ('──── Config ────'), rich.print(config) of a dict of "
        "hyper-parameters ({'model': 'Net', 'hidden': 64, 'epochs': 6, 'batch_size': 64, "
        "'optimizer': 'Adam', 'lr': 0.001, 'scheduler': 'CosineAnnealingLR', 'seed': 0}: config, "
        "not metrics), 'Train: 1024 | Val: 256 | Test: 256' (counts), a 'Training' rule, per epoch "
        "'Epoch 1/6 train_loss=0.9876 val_loss=0.8765 val_acc=62.11% lr=1.00e-03' (val_acc in "
        "percent: truth holds the printed unit, x100; lr is the scheduler's learning rate of that "
        "epoch). At the end a rich Table titled 'Training Summary' (box-drawing borders, columns "
        "Epoch, Train Loss, Val Loss, Val Acc, LR): the same per-epoch values again, in the same "
        "rounding (a reprint of the same points, not new ones; its 'Train Loss' column is the "
        "series train_loss, 'Val Loss' val_loss, 'Val Acc' val_acc, 'LR' lr). Then rich.print of "
        "the final dict {'best_epoch': 4, 'best_val_loss': 0.6123, 'test_loss': 0.6234, "
        "'test_acc': 0.7383} (best_epoch is an epoch number, not a metric; best_val_loss at the "
        "best epoch, test_* at the last epoch; test_acc a fraction here). Under a terminal "
        "rich colours the numbers and the markup; piped, rich writes no colour codes and wraps "
        "at 80 columns, so the final dict (84 characters on one line) is spread over lines, one "
        "\"'test_loss': 0.6813,\" per line; under the 120-column terminal it is one line. The history "
        "keeps no step: per-epoch record, step null."
    )

# ---------------------------------------------------------------- 6. astropy
elif MODE == "astropy":
    from _toy import Toy
    from astropy.table import Table

    libs = [f"numpy {np.__version__}", f"astropy {metadata.version('astropy')}"]
    toy = Toy(n=960, batch=32, lr=0.3, seed=3)
    EPOCHS = 6
    print(
        f"Training samples: {len(toy.x)}, validation samples: {len(toy.xv)}, features: {toy.x.shape[1]}"
    )
    print(f"Hidden units: {toy.w1.shape[1]}, learning rate: {toy.lr}, batch size: {toy.batch}")
    rows = []
    for epoch in range(1, EPOCHS + 1):
        losses, accs = zip(*(toy.train_step() for _ in range(toy.steps_per_epoch)), strict=True)
        train_loss, train_acc = float(np.mean(losses)), float(np.mean(accs))
        val_loss, val_acc = toy.evaluate()
        rows.append((epoch, train_loss, train_acc, val_loss, val_acc))
        print(
            f"epoch {epoch}: train_loss={train_loss:.4f} train_acc={train_acc:.4f} val_loss={val_loss:.4f} val_acc={val_acc:.4f}"
        )
    t = Table(rows=rows, names=("epoch", "train_loss", "train_acc", "val_loss", "val_acc"))
    for name in ("train_loss", "train_acc", "val_loss", "val_acc"):
        t[name].format = ".4f"
    print()
    print(t)
    best = int(np.argmin(t["val_loss"]))
    print(f"\nBest epoch: {t['epoch'][best]} with val_loss {t['val_loss'][best]:.4f}")
    spe = toy.steps_per_epoch
    for e, tl, ta, vl, va in rows:
        series.add("train_loss", None, e, tl)
        series.add("train_acc", None, e, ta)
        series.add("val_loss", None, e, vl)
        series.add("val_acc", None, e, va)
    notes = (
        "A numpy MLP (_toy.Toy, 30 SGD steps per epoch). Start 'Training samples: 960, validation "
        "samples: 240, features: 16' and 'Hidden units: 32, learning rate: 0.3, batch size: 32' "
        "(counts and hyper-parameters). Per epoch 'epoch 1: train_loss=0.6512 train_acc=0.6125 "
        "val_loss=0.6034 val_acc=0.7042'. At the end print(astropy.table.Table) with columns "
        "formatted '.4f': header 'epoch train_loss train_acc val_loss val_acc', a rule of dashes per "
        "column '----- ---------- --------- -------- -------', one row per epoch '    1     0.6512 "
        "...' (the same per-epoch values again: a reprint of the same points, not new ones; the "
        "epoch column is the epoch). Last 'Best epoch: 6 with val_loss 0.3012' repeats that "
        "epoch's val_loss (same point). The history keeps no step: per-epoch record, step null."
    )

# ---------------------------------------------------------------- 7. pandas
elif MODE == "pandas":
    import pandas as pd

    libs.append(f"pandas {metadata.version('pandas')}")
    EPOCHS = 8
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.8)
    history = {
        "epoch": [],
        "train_loss": [],
        "train_acc": [],
        "val_loss": [],
        "val_acc": [],
        "lr": [],
    }
    print(f"Dataset sizes -> train: {len(train_ds)}, val: {len(val_ds)}")
    print(model)
    for epoch in range(1, EPOCHS + 1):
        lr = optimizer.param_groups[0]["lr"]
        train_loss, train_acc = train_one_epoch()
        val_loss, val_acc = evaluate(val_loader)
        scheduler.step()
        for k, v in zip(
            history, (epoch, train_loss, train_acc, val_loss, val_acc, lr), strict=True
        ):
            history[k].append(v)
        print(
            f"Epoch {epoch}: train_loss={train_loss:.4f}, train_acc={train_acc:.4f}, "
            f"val_loss={val_loss:.4f}, val_acc={val_acc:.4f}, lr={lr:.6f}"
        )
    df = pd.DataFrame(history)
    print("\nHistory:")
    print(df.to_string(index=False))
    print("\nSummary:")
    print(df.describe())
    for k in ("train_loss", "train_acc", "val_loss", "val_acc", "lr"):
        for e, v in zip(history["epoch"], history[k], strict=True):
            series.add(k, None, e, v)
    notes = (
        "Start 'Dataset sizes -> train: 1024, val: 256' (counts) and print(model) ('Net(', "
        "'(fc1): Linear(in_features=20, out_features=64, bias=True)', '(dropout): Dropout(p=0.2, "
        "inplace=False)': sizes, not metrics). Per epoch 'Epoch 1: train_loss=0.9876, "
        "train_acc=0.5371, val_loss=0.8765, val_acc=0.6211, lr=0.001000' (lr: ExponentialLR's "
        "learning rate of that epoch). At the end 'History:' and print(df.to_string(index=False)) "
        "(columns epoch train_loss train_acc val_loss val_acc lr, one row per epoch at pandas' 6 "
        "significant digits: a reprint of the same points, not new ones), then 'Summary:' and "
        "print(df.describe()): rows count / mean / std / min / 25% / 50% / 75% / max under the same "
        "column names. describe() is statistics OVER the history (count 8.0, the mean of val_loss, "
        "its quartiles...), not per-epoch values: none of its numbers is a point of any series "
        "(only the history values are truth); a reader storing them under train_loss/val_loss/... "
        "adds false points, and under 'count'/'mean'/'std' invents series. The history keeps no "
        "step: per-epoch record, step null."
    )

# ---------------------------------------------------------------- 8. termcolor + EarlyStopping
elif MODE == "termcolor":
    from termcolor import colored, cprint

    libs.append(f"termcolor {metadata.version('termcolor')}")

    class EarlyStopping:
        """Early stops the training if validation loss doesn't improve after a given patience."""

        def __init__(
            self, patience=7, verbose=False, delta=0, path="checkpoint.pt", trace_func=print
        ):
            self.patience = patience
            self.verbose = verbose
            self.counter = 0
            self.best_score = None
            self.early_stop = False
            self.val_loss_min = np.inf
            self.delta = delta
            self.path = path
            self.trace_func = trace_func

        def __call__(self, val_loss, model):
            score = -val_loss
            if self.best_score is None:
                self.best_score = score
                self.save_checkpoint(val_loss, model)
            elif score < self.best_score + self.delta:
                self.counter += 1
                self.trace_func(
                    colored(
                        f"EarlyStopping counter: {self.counter} out of {self.patience}", "yellow"
                    )
                )
                if self.counter >= self.patience:
                    self.early_stop = True
            else:
                self.best_score = score
                self.save_checkpoint(val_loss, model)
                self.counter = 0

        def save_checkpoint(self, val_loss, model):
            """Saves model when validation loss decrease."""
            if self.verbose:
                self.trace_func(
                    colored(
                        f"Validation loss decreased ({self.val_loss_min:.6f} --> {val_loss:.6f}).  Saving model ...",
                        "green",
                    )
                )
            torch.save(model.state_dict(), self.path)
            self.val_loss_min = val_loss

    n_epochs, patience = 30, 3
    cprint(
        f"Training on {len(train_ds)} samples, validating on {len(val_ds)} samples",
        "blue",
        attrs=["bold"],
    )
    cprint(f"Model has {sum(p.numel() for p in model.parameters()):,} parameters", "blue")
    avg_train_losses, avg_valid_losses = [], []
    early_stopping = EarlyStopping(
        patience=patience, verbose=True, path="/tmp/corpus-zK-checkpoint.pt"
    )
    for epoch in range(1, n_epochs + 1):
        train_losses, valid_losses = [], []
        model.train()
        for data, target in train_loader:
            optimizer.zero_grad()
            output = model(data)
            loss = criterion(output, target)
            loss.backward()
            optimizer.step()
            train_losses.append(loss.item())
        model.eval()
        with torch.no_grad():
            for data, target in val_loader:
                output = model(data)
                loss = criterion(output, target)
                valid_losses.append(loss.item())
        train_loss = np.average(train_losses)
        valid_loss = np.average(valid_losses)
        avg_train_losses.append(train_loss)
        avg_valid_losses.append(valid_loss)
        epoch_len = len(str(n_epochs))
        print_msg = (
            f"[{epoch:>{epoch_len}}/{n_epochs:>{epoch_len}}] "
            + f"train_loss: {train_loss:.5f} "
            + f"valid_loss: {valid_loss:.5f}"
        )
        cprint(print_msg, "cyan")
        early_stopping(valid_loss, model)
        if early_stopping.early_stop:
            cprint("Early stopping", "red", attrs=["bold"])
            break
    model.load_state_dict(torch.load("/tmp/corpus-zK-checkpoint.pt"))
    os.remove("/tmp/corpus-zK-checkpoint.pt")
    best = int(np.argmin(avg_valid_losses)) + 1
    cprint(
        f"Loaded best model from epoch {best} (valid_loss: {avg_valid_losses[best - 1]:.5f})",
        "green",
    )
    for e, (tl, vl) in enumerate(zip(avg_train_losses, avg_valid_losses, strict=True), 1):
        series.add("train_loss", None, e, tl)
        series.add("valid_loss", None, e, vl)
    notes = (
        "The classic EarlyStopping class of Bjarten/early-stopping-pytorch (pytorchtools.py) and "
        "its example loop, coloured with termcolor (colours only under a terminal; piped termcolor "
        "writes plain text). Start 'Training on 192 samples, validating on 192 samples', 'Model "
        "has 72,451 parameters' (counts). Per epoch '[ 1/30] train_loss: 1.05012 valid_loss: "
        "0.98123' (epoch of total, right-aligned; losses are np.average of the batch losses). "
        "EarlyStopping then prints 'Validation loss decreased (inf --> 0.981230).  Saving model "
        "...' (the previous best and this epoch's valid_loss, 6 decimals: values already in "
        "valid_loss, not a new series and not new points; 'inf' is the initial val_loss_min) or "
        "'EarlyStopping counter: 1 out of 3' (a count), and 'Early stopping' when patience runs "
        "out. Last 'Loaded best model from epoch 4 (valid_loss: 0.81234)' repeats that epoch's "
        "valid_loss (same point). The loop keeps per-epoch lists (avg_train_losses, "
        "avg_valid_losses): per-epoch record, step null."
    )
# ---------------------------------------------------------------- 9. colorama
elif MODE == "colorama":
    from colorama import Fore, Style, init

    init(autoreset=True)
    libs.append(f"colorama {metadata.version('colorama')}")
    EPOCHS, PATIENCE = 20, 3
    print(Fore.CYAN + Style.BRIGHT + "=" * 60)
    print(
        Fore.CYAN
        + Style.BRIGHT
        + f" Training {model.__class__.__name__} | epochs={EPOCHS} | lr=0.003 | bs={BATCH_SIZE}"
    )
    print(Fore.CYAN + Style.BRIGHT + "=" * 60)
    print(f"Train: {len(train_ds)} | Val: {len(val_ds)} | Test: {len(test_ds)}")
    best_loss, best_epoch, wait = float("inf"), 0, 0
    history = {"train_loss": [], "train_acc": [], "val_loss": [], "val_acc": []}
    for epoch in range(1, EPOCHS + 1):
        train_loss, train_acc = train_one_epoch()
        val_loss, val_acc = evaluate(val_loader)
        for k, v in zip(history, (train_loss, train_acc, val_loss, val_acc), strict=True):
            history[k].append(v)
        print(
            f"{Fore.YELLOW}Epoch {epoch:3d}/{EPOCHS}{Style.RESET_ALL} | "
            f"{Fore.GREEN}Train Loss: {train_loss:.4f}{Style.RESET_ALL} | Train Acc: {train_acc * 100:.2f}% | "
            f"{Fore.BLUE}Val Loss: {val_loss:.4f}{Style.RESET_ALL} | Val Acc: {val_acc * 100:.2f}%"
        )
        if val_loss < best_loss:
            print(
                Fore.GREEN
                + f"  Validation loss improved from {best_loss:.4f} to {val_loss:.4f}, saving model"
            )
            best_loss, best_epoch, wait = val_loss, epoch, 0
        else:
            wait += 1
            print(
                Fore.RED
                + f"  No improvement in validation loss for {wait} epoch(s) (patience {PATIENCE})"
            )
            if wait >= PATIENCE:
                print(Fore.RED + Style.BRIGHT + f"Early stopping triggered at epoch {epoch}")
                break
    print(Fore.MAGENTA + Style.BRIGHT + f"Best Val Loss: {best_loss:.4f} (epoch {best_epoch})")
    for e in range(1, len(history["train_loss"]) + 1):
        series.add("Train Loss", None, e, history["train_loss"][e - 1])
        series.add("Train Acc", None, e, 100 * history["train_acc"][e - 1])
        series.add("Val Loss", None, e, history["val_loss"][e - 1])
        series.add("Val Acc", None, e, 100 * history["val_acc"][e - 1])
    series.add("Best Val Loss", None, best_epoch, best_loss)
    notes = (
        "colorama with init(autoreset=True): on Linux colorama strips its codes when stdout is not a "
        "terminal, so piped the text is plain and under a terminal it is coloured. A '=====' banner "
        "' Training Net | epochs=20 | lr=0.003 | bs=64' (config) and 'Train: 192 | Val: 192 | Test: "
        "256' (counts). Per epoch 'Epoch   1/20 | Train Loss: 1.0123 | Train Acc: 48.96% | Val Loss: "
        "0.9012 | Val Acc: 58.33%' (accuracies in percent: the truth holds the printed unit, x100; "
        "'1/20' is epoch of total), then either '  Validation loss improved from inf to 0.9012, "
        "saving model' (the previous best and this epoch's Val Loss: values already in Val Loss, not a "
        "new series and not new points; 'inf' the initial best) or '  No improvement in validation "
        "loss for 1 epoch(s) (patience 3)' (counts), and 'Early stopping triggered at epoch 7'. Last "
        "'Best Val Loss: 0.5660 (epoch 4)' (a point of 'Best Val Loss' at that epoch). The loop keeps "
        "per-epoch lists: per-epoch record, step null."
    )
else:
    raise SystemExit(f"unknown mode {MODE}")

_truth.write(
    library="hand-written loop (" + ", ".join(libs) + ")",
    script="tests/corpus/scripts/hand_print_utils.py",
    record="the values the loop printed, kept by the script itself (its history) at full precision"
    + ("; pkbar.Kbar's own running means (_values) at each draw" if MODE == "pkbar" else ""),
    step_kind=step_kind,
    series=series,
    extra_ok=extra_ok,
    notes=notes,
)
