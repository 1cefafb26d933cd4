"""Hand-written PyTorch training loops in printing styles real scripts use, each a small real model
(3-class MLP on synthetic data, Adam + StepLR) trained for a few epochs.

Styles:
    tensor      printing tensors directly: the CIFAR-tutorial running loss accumulated as a tensor,
                '[1,     8] loss: tensor(1.0712, grad_fn=<DivBackward0>)', then
                'epoch 1 val loss tensor(0.9731) val acc 0.6171875' (.item() mixed in)
    npdict      print(metrics) of a dict holding numpy 2 scalars: "{'epoch': 1, 'train_loss':
                np.float64(0.98...), 'val_loss': np.float32(0.87...), 'val_acc': np.float64(0.65),
                'lr': 0.01}" and step dicts "{'step': 8, 'loss': array(1.0498741, dtype=float32)}"
    fstring     self-documenting f-strings 'epoch=1 step=8 loss=1.0712 lr=1.00e-02',
                'epoch=1 train_loss=1.0123 val_loss=0.9731 val_acc=0.617', 'best_epoch=4
                best_val_loss=0.4123...' (full repr)
    commas      print() with comma-separated arguments: 'Epoch 1 Batch 8 Loss 1.0712...' (full
                repr), 'Epoch: 1 Train Loss: 1.0123 Val Loss: 0.9731 Val Acc: 0.6171875'
    logging     stdlib logging '%(asctime)s [%(levelname)s] %(message)s': 'Epoch 3 - train loss:
                0.4123 - val loss: 0.5012 - lr: 1.00e-03', WARNING 'EarlyStopping counter: 1 out of 3'
    prettytable no per-epoch print; at the end a prettytable of the epoch history
    richtable   rich.progress.track bar per epoch, then a rich Table of the epoch history
    tqdm_eval   one tqdm bar over all steps, tqdm.write every 20 steps 'step 20: train loss 0.9123,
                val loss 0.8731, val acc 65.10%', then 'Test results: loss = 0.4123, accuracy = 81.25%'
    history     nothing per epoch but 'Epoch 1/5 done'; at the end print(history), a dict of lists
                of numpy 2 scalars and floats "{'train_loss': [np.float64(1.02...), ...], ...}"
    perclass    per-epoch line, then one line per class '  cat  : precision=0.781 recall=0.701
                f1=0.739 (n=128)'

Truth: the values the loop printed, kept by the script at full precision as it prints them.
Versions: torch 2.13.0+cpu, numpy 2.4.6, prettytable 3.19.0, rich 15.0.0, tqdm 4.70.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-p-1: pip install torch==2.13.0 numpy tqdm rich
prettytable):
    python tests/corpus/scripts/capture.py pipe real_hand_torch_tensor_print -- python tests/corpus/scripts/hand_print_styles.py tensor
    python tests/corpus/scripts/capture.py pipe real_hand_numpy_scalar_dict -- python tests/corpus/scripts/hand_print_styles.py npdict
    python tests/corpus/scripts/capture.py pipe real_hand_fstring_selfdoc -- python tests/corpus/scripts/hand_print_styles.py fstring
    python tests/corpus/scripts/capture.py pipe real_hand_print_commas -- python tests/corpus/scripts/hand_print_styles.py commas
    python tests/corpus/scripts/capture.py pipe real_hand_logging_levelname_dashes -- python tests/corpus/scripts/hand_print_styles.py logging
    python tests/corpus/scripts/capture.py pipe real_hand_prettytable_history -- python tests/corpus/scripts/hand_print_styles.py prettytable
    python tests/corpus/scripts/capture.py pipe real_hand_rich_table_history -- python tests/corpus/scripts/hand_print_styles.py richtable
    python tests/corpus/scripts/capture.py pty  real_hand_rich_table_history_pty -- python tests/corpus/scripts/hand_print_styles.py richtable
    python tests/corpus/scripts/capture.py pipe real_hand_tqdm_write_eval -- python tests/corpus/scripts/hand_print_styles.py tqdm_eval
    python tests/corpus/scripts/capture.py pty  real_hand_tqdm_write_eval_pty -- python tests/corpus/scripts/hand_print_styles.py tqdm_eval
    python tests/corpus/scripts/capture.py pipe real_hand_per_class_report -- python tests/corpus/scripts/hand_print_styles.py perclass
    python tests/corpus/scripts/capture.py pipe real_hand_history_dict_lists -- python tests/corpus/scripts/hand_print_styles.py history
"""

from __future__ import annotations

import logging
import os
import sys
import time
from importlib import metadata

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

style = sys.argv[1]
rec = Record()
torch.manual_seed(0)
torch.set_num_threads(1)

CLASSES = ["cat", "dog", "bird"]
N_TRAIN, N_VAL, N_TEST, D = 1536, 384, 384, 20
EPOCHS = 5
BATCH = 64
SPE = N_TRAIN // BATCH  # 24 steps per epoch

centers = torch.randn(3, D) * 0.35
y_all = torch.randint(0, 3, (N_TRAIN + N_VAL + N_TEST,))
X_all = centers[y_all] + torch.randn(len(y_all), D) * 1.5
Xtr, ytr = X_all[:N_TRAIN], y_all[:N_TRAIN]
Xva, yva = X_all[N_TRAIN : N_TRAIN + N_VAL], y_all[N_TRAIN : N_TRAIN + N_VAL]
Xte, yte = X_all[N_TRAIN + N_VAL :], y_all[N_TRAIN + N_VAL :]

model = nn.Sequential(nn.Linear(D, 64), nn.ReLU(), nn.Linear(64, 3))
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.3)


def batches():
    perm = torch.randperm(N_TRAIN)
    for i in range(SPE):
        idx = perm[i * BATCH : (i + 1) * BATCH]
        yield Xtr[idx], ytr[idx]


def train_step(xb, yb):
    model.train()
    opt.zero_grad()
    loss = F.cross_entropy(model(xb), yb)
    loss.backward()
    opt.step()
    return loss


@torch.no_grad()
def evaluate(x, y):
    """(loss tensor, accuracy tensor, predictions) on a held-out split."""
    model.eval()
    out = model(x)
    pred = out.argmax(1)
    return F.cross_entropy(out, y), (pred == y).float().mean(), pred


def lr_now():
    return sched.get_last_lr()[0]


def run_tensor():
    print("Using device: cpu")
    step = 0
    for epoch in range(EPOCHS):
        running_loss = 0.0
        for i, (xb, yb) in enumerate(batches()):
            loss = train_step(xb, yb)
            step += 1
            running_loss += loss  # a tensor: the printed value keeps its grad_fn
            if i % 8 == 7:
                shown = running_loss / 8
                rec("loss", step, epoch + 1, shown.item())
                print(f"[{epoch + 1}, {i + 1:5d}] loss:", shown)
                running_loss = 0.0
        sched.step()
        val_loss, val_acc, _ = evaluate(Xva, yva)
        rec("val loss", step, epoch + 1, val_loss.item())
        rec("val acc", step, epoch + 1, val_acc.item())
        print("epoch", epoch + 1, "val loss", val_loss, "val acc", val_acc.item())
    print("Finished Training")
    test_loss, test_acc, _ = evaluate(Xte, yte)
    rec("test loss", step, None, test_loss.item())
    rec("test acc", step, None, test_acc.item())
    print("test loss:", test_loss.item(), "test acc:", test_acc)


def run_npdict():
    print(f"train: {tuple(Xtr.shape)}, val: {tuple(Xva.shape)}, test: {tuple(Xte.shape)}")
    step = 0
    for epoch in range(1, EPOCHS + 1):
        losses = []
        for xb, yb in batches():
            loss = train_step(xb, yb)
            step += 1
            losses.append(loss.item())
            if step % 8 == 0:
                arr = loss.detach().numpy()  # a 0-d float32 array
                rec("loss", step, epoch, float(arr))
                print({"step": step, "loss": arr})
        lr = lr_now()
        sched.step()
        with torch.no_grad():
            probs = model(Xva).softmax(1).numpy()  # float32
        yv = yva.numpy()
        metrics = {
            "epoch": epoch,
            "train_loss": np.mean(losses),  # np.float64
            "val_loss": -np.log(probs[np.arange(len(yv)), yv]).mean(),  # np.float32
            "val_acc": (probs.argmax(1) == yv).mean(),  # np.float64
            "lr": lr,
        }
        for k in ("train_loss", "val_loss", "val_acc", "lr"):
            rec(k, step, epoch, float(metrics[k]))
        print(metrics)
    with torch.no_grad():
        probs = model(Xte).softmax(1).numpy()
    yt = yte.numpy()
    test = {
        "test_loss": -np.log(probs[np.arange(len(yt)), yt]).mean(),
        "test_acc": (probs.argmax(1) == yt).mean(),
    }
    for k, v in test.items():
        rec(k, step, None, float(v))
    print("test:", test)


def run_fstring():
    print(f"{N_TRAIN=} {N_VAL=} {BATCH=} {EPOCHS=}")
    step = 0
    best_val_loss, best_epoch = float("inf"), 0
    for epoch in range(1, EPOCHS + 1):
        tot = 0.0
        for xb, yb in batches():
            loss = train_step(xb, yb).item()
            step += 1
            tot += loss
            if step % 8 == 0:
                lr = lr_now()
                rec("loss", step, epoch, loss)
                rec("lr", step, epoch, lr)
                print(f"{epoch=} {step=} {loss=:.4f} {lr=:.2e}")
        sched.step()
        vl, va, _ = evaluate(Xva, yva)
        train_loss, val_loss, val_acc = tot / SPE, vl.item(), va.item()
        for k, v in (("train_loss", train_loss), ("val_loss", val_loss), ("val_acc", val_acc)):
            rec(k, step, epoch, v)
        print(f"{epoch=} {train_loss=:.4f} {val_loss=:.4f} {val_acc=:.3f}")
        if val_loss < best_val_loss:
            best_val_loss, best_epoch = val_loss, epoch
    rec("best_val_loss", None, None, best_val_loss)
    print(f"{best_epoch=} {best_val_loss=}")


def run_commas():
    print("Number of training samples:", N_TRAIN, "Number of batches:", SPE)
    step = 0
    for epoch in range(1, EPOCHS + 1):
        tot = 0.0
        for i, (xb, yb) in enumerate(batches()):
            loss = train_step(xb, yb)
            step += 1
            tot += loss.item()
            if (i + 1) % 8 == 0:
                rec("Loss", step, epoch, loss.item())
                print("Epoch", epoch, "Batch", i + 1, "Loss", loss.item())
        sched.step()
        vl, va, pred = evaluate(Xva, yva)
        val_acc = int((pred == yva).sum()) / N_VAL
        tl, vl = round(tot / SPE, 4), round(vl.item(), 4)
        rec("Train Loss", step, epoch, tl)
        rec("Val Loss", step, epoch, vl)
        rec("Val Acc", step, epoch, val_acc)
        print("Epoch:", epoch, "Train Loss:", tl, "Val Loss:", vl, "Val Acc:", val_acc)
    _, _, pred = evaluate(Xte, yte)
    test_acc = int((pred == yte).sum()) / N_TEST
    rec("Test accuracy", step, None, test_acc)
    print("Test accuracy:", test_acc)


def run_logging():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(message)s")
    log = logging.getLogger(__name__)
    n_params = sum(p.numel() for p in model.parameters())
    log.info(f"Model has {n_params:,} trainable parameters")
    log.info(f"Train samples: {N_TRAIN}, val samples: {N_VAL}, batch size: {BATCH}")
    step, best, patience, bad = 0, float("inf"), 3, 0
    for epoch in range(1, EPOCHS + 1):
        tot = 0.0
        for i, (xb, yb) in enumerate(batches()):
            loss = train_step(xb, yb).item()
            step += 1
            tot += loss
            if (i + 1) % 12 == 0:
                rec("loss", step, epoch, loss)
                log.info(f"Epoch {epoch} [{i + 1}/{SPE}] - loss: {loss:.4f}")
        lr = lr_now()
        sched.step()
        vl, va, _ = evaluate(Xva, yva)
        tl, vl, va = tot / SPE, vl.item(), va.item()
        rec("train loss", step, epoch, tl)
        rec("val loss", step, epoch, vl)
        rec("val acc", step, epoch, va)
        rec("lr", step, epoch, lr)
        log.info(
            f"Epoch {epoch} - train loss: {tl:.4f} - val loss: {vl:.4f} - val acc: {va:.4f} - lr: {lr:.2e}"
        )
        if vl < best - 1e-3:
            best, bad = vl, 0
            log.info(f"Saving best model to checkpoints/best_epoch{epoch}.pt")
        else:
            bad += 1
            log.warning(f"EarlyStopping counter: {bad} out of {patience}")
            if bad >= patience:
                log.info("Early stopping")
                break
    tl, ta, _ = evaluate(Xte, yte)
    rec("test loss", step, None, tl.item())
    rec("test acc", step, None, ta.item())
    log.info(f"Test loss: {tl.item():.4f} - test acc: {ta.item():.4f}")


def fit_history(track=None):
    """Train without per-step prints; returns the epoch history rows."""
    rows = []
    step = 0
    for epoch in range(1, EPOCHS + 1):
        tot = 0.0
        it = batches()
        if track is not None:
            it = track(it, total=SPE, description=f"Epoch {epoch}/{EPOCHS}")
        for xb, yb in it:
            tot += train_step(xb, yb).item()
            step += 1
            time.sleep(0.02)
        lr = lr_now()
        sched.step()
        vl, va, _ = evaluate(Xva, yva)
        rows.append((epoch, step, tot / SPE, vl.item(), va.item(), lr))
    return rows


def run_prettytable():
    from prettytable import PrettyTable

    print("Training...")
    rows = fit_history()
    table = PrettyTable(["Epoch", "Train Loss", "Val Loss", "Val Acc", "LR"])
    for epoch, step, tl, vl, va, lr in rows:
        table.add_row([epoch, f"{tl:.4f}", f"{vl:.4f}", f"{va:.4f}", f"{lr:.0e}"])
        for k, v in (("Train Loss", tl), ("Val Loss", vl), ("Val Acc", va), ("LR", lr)):
            rec(k, step, epoch, v)
    print(table)


def run_richtable():
    from rich.console import Console
    from rich.progress import track
    from rich.table import Table

    console = Console()
    console.print(f"[bold]Training[/bold] on {N_TRAIN} samples for {EPOCHS} epochs")
    rows = fit_history(track)
    table = Table(title="Training history")
    for col in ("Epoch", "Train Loss", "Val Loss", "Val Acc", "LR"):
        table.add_column(col, justify="right")
    for epoch, step, tl, vl, va, lr in rows:
        table.add_row(str(epoch), f"{tl:.4f}", f"{vl:.4f}", f"{va:.2%}", f"{lr:.1e}")
        for k, v in (("Train Loss", tl), ("Val Loss", vl), ("Val Acc", va * 100), ("LR", lr)):
            rec(k, step, epoch, v)
    console.print(table)


def run_tqdm_eval():
    from tqdm import tqdm

    total = EPOCHS * SPE
    print(f"Training for {total} steps ({EPOCHS} epochs of {SPE})")
    pbar = tqdm(total=total, desc="train")
    step, tot, n = 0, 0.0, 0
    for epoch in range(1, EPOCHS + 1):
        for xb, yb in batches():
            tot += train_step(xb, yb).item()
            n += 1
            step += 1
            time.sleep(0.02)
            pbar.update(1)
            if step % 20 == 0:
                vl, va, _ = evaluate(Xva, yva)
                rec("train loss", step, epoch, tot / n)
                rec("val loss", step, epoch, vl.item())
                rec("val acc", step, epoch, va.item() * 100)
                tqdm.write(
                    f"step {step}: train loss {tot / n:.4f}, val loss {vl.item():.4f}, val acc {va.item():.2%}"
                )
                tot, n = 0.0, 0
        sched.step()
    pbar.close()
    tl, ta, _ = evaluate(Xte, yte)
    rec("Test results/loss", step, None, tl.item())
    rec("Test results/accuracy", step, None, ta.item() * 100)
    print(f"Test results: loss = {tl.item():.4f}, accuracy = {ta.item():.2%}")


def run_history():
    history = {"train_loss": [], "val_loss": [], "val_acc": [], "lr": []}
    step = 0
    for epoch in range(1, EPOCHS + 1):
        losses = []
        for xb, yb in batches():
            losses.append(train_step(xb, yb).item())
            step += 1
        history["lr"].append(lr_now())
        sched.step()
        vl, _, pred = evaluate(Xva, yva)
        history["train_loss"].append(np.mean(losses))  # np.float64
        history["val_loss"].append(vl.item())  # float
        history["val_acc"].append(np.mean(pred.numpy() == yva.numpy()))  # np.float64
        print(f"Epoch {epoch}/{EPOCHS} done")
        for k in history:
            rec(k, step, epoch, float(history[k][-1]))
    print("Training complete. History:")
    print(history)


def run_perclass():
    step = 0
    for epoch in range(1, EPOCHS + 1):
        tot = 0.0
        for xb, yb in batches():
            tot += train_step(xb, yb).item()
            step += 1
        sched.step()
        vl, va, pred = evaluate(Xva, yva)
        tl = tot / SPE
        rec("train loss", step, epoch, tl)
        rec("val loss", step, epoch, vl.item())
        rec("val acc", step, epoch, va.item())
        print(
            f"Epoch {epoch}/{EPOCHS}: train loss {tl:.4f}, val loss {vl.item():.4f}, val acc {va.item():.4f}"
        )
        for c, name in enumerate(CLASSES):
            tp = int(((pred == c) & (yva == c)).sum())
            p_n, t_n = int((pred == c).sum()), int((yva == c).sum())
            prec = tp / p_n if p_n else 0.0
            recall = tp / t_n if t_n else 0.0
            f1 = 2 * prec * recall / (prec + recall) if prec + recall else 0.0
            rec(f"{name} precision", step, epoch, prec)
            rec(f"{name} recall", step, epoch, recall)
            rec(f"{name} f1", step, epoch, f1)
            print(f"  {name:<5}: precision={prec:.3f} recall={recall:.3f} f1={f1:.3f} (n={t_n})")


NOTES = {
    "tensor": (
        "Tensors printed directly. Every 8 batches the PyTorch CIFAR tutorial's line with the running "
        "loss accumulated as a TENSOR: '[1,     8] loss: tensor(1.0712, grad_fn=<DivBackward0>)' (epoch "
        "1-based, batch index within the epoch; torch prints 4 decimals; '<DivBackward0>' is an autograd "
        "node name, not a metric). Per epoch print('epoch', e, 'val loss', val_loss, 'val acc', "
        "val_acc.item()): 'epoch 1 val loss tensor(0.9731) val acc 0.6171875' (val acc a float32 .item(), "
        "full repr). Then 'Finished Training' and 'test loss: 0.4123456 test acc: tensor(0.8125)'. Step: "
        "global step (epoch x 24 + batch); epoch lines carry the epoch's last step; test values none."
    ),
    "npdict": (
        "print() of dicts holding numpy 2 scalars (repr 'np.float64(...)') and a 0-d array: every 8 steps "
        "\"{'step': 8, 'loss': array(1.0498741, dtype=float32)}\", per epoch \"{'epoch': 1, 'train_loss': "
        "np.float64(0.98...), 'val_loss': np.float32(0.87...), 'val_acc': np.float64(0.65), 'lr': 0.01}\" "
        "(the 'step' and 'epoch' entries are the step/epoch, not metrics; lr a plain float), then "
        "\"test: {'test_loss': np.float32(...), 'test_acc': np.float64(...)}\". The first line "
        "'train: (1536, 20), val: (384, 20), test: (384, 20)' holds shapes, not metrics."
    ),
    "fstring": (
        "Self-documenting f-strings: the first line 'N_TRAIN=1536 N_VAL=384 BATCH=64 EPOCHS=5' holds "
        "config (not metrics); every 8 steps 'epoch=1 step=8 loss=1.0712 lr=1.00e-02'; per epoch "
        "'epoch=1 train_loss=1.0123 val_loss=0.9731 val_acc=0.617'; at the end 'best_epoch=4 "
        "best_val_loss=0.41234567' (full repr; best_epoch is an epoch number, not a metric; "
        "best_val_loss has no step in the truth)."
    ),
    "commas": (
        "print() with comma-separated arguments (one space between, no separators): every 8 batches "
        "'Epoch 1 Batch 8 Loss 1.0712...' (loss.item(), full repr; 'Batch 8' is the batch index within "
        "the epoch), per epoch 'Epoch: 1 Train Loss: 1.0123 Val Loss: 0.9731 Val Acc: 0.6171875' (losses "
        "round()ed to 4 places, accuracy correct/total full repr), then 'Test accuracy: 0.8125'. The first "
        "line 'Number of training samples: 1536 Number of batches: 24' holds counts, not metrics."
    ),
    "logging": (
        "stdlib logging format '%(asctime)s [%(levelname)s] %(message)s' (stderr): '2026-12-07 "
        "01:30:01,234 [INFO] Epoch 1 [12/24] - loss: 1.0712' twice per epoch (12/24 = batch/batches), "
        "'... [INFO] Epoch 3 - train loss: 0.4123 - val loss: 0.5012 - val acc: 0.8021 - lr: 1.00e-03' per "
        "epoch, '[INFO] Saving best model to checkpoints/best_epoch3.pt' or '[WARNING] EarlyStopping "
        "counter: 1 out of 3' (counts, not metrics), then 'Test loss: ... - test acc: ...'. Not metrics: "
        "'Model has 1,539 trainable parameters', 'Train samples: 1536, val samples: 384, batch size: 64' "
        "and the timestamps."
    ),
    "prettytable": (
        "Nothing printed while training but 'Training...'; at the end a prettytable of the epoch "
        "history: '+-------+------------+' rules, a header row '| Epoch | Train Loss | Val Loss | Val Acc "
        "|   LR  |' and one row per epoch '|   1   |   1.0123   |  0.9731  |  0.6172 | 1e-02 |' (centered "
        "cells). Step: the epoch column; the truth also holds the global step of each epoch's end."
    ),
    "richtable": (
        "rich.progress.track bar per epoch ('Epoch 1/5 ━━━━━━━━━ 100% 0:00:00'; piped, rich draws no "
        "live bar: one final state per bar or nothing), then a rich Table titled 'Training history' "
        "with box-drawing borders ('┃ Epoch ┃ Train Loss ┃ ...', '│     1 │     1.0123 │ ...'); Val Acc "
        "printed as a percentage '61.72%' (truth holds the printed unit, x100), LR as '1.0e-02'. Under a "
        "terminal the header is bold (colour codes) and the bar is redrawn. The first line 'Training on "
        "1536 samples for 5 epochs' holds counts."
    ),
    "tqdm_eval": (
        "One tqdm bar over all 120 steps ('train:  17%|█▋        | 20/120 [00:00<00:02, 45.12it/s]', no "
        "postfix) and every 20 steps a tqdm.write line 'step 20: train loss 0.9123, val loss 0.8731, "
        "val acc 65.10%' (train loss = mean over the last 20 steps; val acc a percentage, truth in the "
        "printed unit x100), then after the bar 'Test results: loss = 0.4123, accuracy = 81.25%' (truth names "
        "'Test results/loss' and 'Test results/accuracy': the label before the colon names the split, "
        "as '<label>/<name>' elsewhere in the corpus; the script's last step). Piped, the bar goes to stderr with '\\r' "
        "redraws and the tqdm.write lines to stdout (block-buffered, so they may land after the bar "
        "states in the file). The first line 'Training for 120 steps (5 epochs of 24)' holds counts."
    ),
    "history": (
        "Per epoch only 'Epoch 1/5 done' (no metric); at the end 'Training complete. History:' and "
        "print(history), a dict of per-epoch lists on one line: \"{'train_loss': [np.float64(1.02...), "
        "np.float64(0.86...), ...], 'val_loss': [0.9162..., ...], 'val_acc': [np.float64(0.5755...), ...], "
        "'lr': [0.003, 0.003, 0.0009, 0.0009, 0.00027]}\" (numpy 2 scalar reprs for the np.mean values, "
        "plain floats for .item() and the scheduler's lr). The k-th element of each list is epoch k; the "
        "truth also holds the global step of each epoch's end."
    ),
    "perclass": (
        "Per epoch 'Epoch 1/5: train loss 1.0123, val loss 0.9731, val acc 0.6172', then one line per "
        "class '  cat  : precision=0.781 recall=0.701 f1=0.739 (n=128)' (the class name labels the "
        "pairs: truth names 'cat precision', 'cat recall', 'cat f1'; n= is a count, not a metric)."
    ),
}


{
    "tensor": run_tensor,
    "npdict": run_npdict,
    "fstring": run_fstring,
    "commas": run_commas,
    "logging": run_logging,
    "prettytable": run_prettytable,
    "richtable": run_richtable,
    "tqdm_eval": run_tqdm_eval,
    "perclass": run_perclass,
    "history": run_history,
}[style]()

libs = f"torch {torch.__version__}, numpy {np.__version__}"
for extra, used in (("prettytable", "prettytable"), ("rich", "richtable"), ("tqdm", "tqdm_eval")):
    if style == used:
        libs += f", {extra} {metadata.version(extra)}"
_truth.write(
    library=f"hand-written loop ({libs})",
    script="tests/corpus/scripts/hand_print_styles.py",
    record="the values the script printed, kept by the script at full precision as it prints them",
    step_kind="global",
    series=rec.series,
    extra_ok=["the bar's rate (it/s)"] if style == "tqdm_eval" else [],
    notes=NOTES[style],
)
