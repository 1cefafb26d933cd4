"""Hand-written PyTorch training scripts with the start-up noise real scripts print: a model
summary (torchinfo or torchsummary: 'Total params: 11,074', 'Params size (MB): 0.04'), the argparse
Namespace, a config dict, dataset sizes, print(model), memory figures and checkpoint lines. None
of these numbers is a metric; the metrics are the loop's own prints.

Modes:
    torchinfo     torchinfo.summary(model, input_size=...) then one line per epoch
                  'epoch 1 train_loss 0.6512 val_loss 0.6034'
    torchsummary  torchsummary.summary(model, (20,)) then 'Epoch 1/8 - train_loss: 0.6512 -
                  val_loss: 0.6034 - val_acc: 0.7250'
    script        Namespace(...), 'config: {...}', 'train size: 2048 | val size: 512',
                  print(model), 'Number of parameters: 11.07K', memory before training, step
                  lines 'step   100 | loss 0.4312 | lr 3.00e-03 | 4.1 ms/step | mem 312.5 MB',
                  eval lines 'step 200: val loss 0.4012, val acc 0.8125', 'Saving checkpoint to
                  ckpt_200.pt', a final 'best val loss 0.3912 at step 600'.

Truth: the values the loop printed, kept by the script at full precision as it prints them.
Versions: torch 2.13.0+cpu, torchinfo 1.8.0, torchsummary 1.5.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-k-1, see poutyne_fit.py):
    python tests/corpus/scripts/capture.py pipe real_hand_torchinfo_epochs -- python tests/corpus/scripts/hand_torch_summary.py torchinfo
    python tests/corpus/scripts/capture.py pipe real_hand_torchsummary_epochs -- python tests/corpus/scripts/hand_torch_summary.py torchsummary
    python tests/corpus/scripts/capture.py pipe real_hand_script_noise -- python tests/corpus/scripts/hand_torch_summary.py script
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from importlib import metadata

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth

p = argparse.ArgumentParser()
p.add_argument("mode", choices=["torchinfo", "torchsummary", "script"])
p.add_argument("--epochs", type=int, default=8)
p.add_argument("--batch_size", type=int, default=64)
p.add_argument("--lr", type=float, default=3e-3)
p.add_argument("--weight_decay", type=float, default=1e-4)
p.add_argument("--hidden", type=int, default=128)
p.add_argument("--seed", type=int, default=1337)
p.add_argument("--eval_interval", type=int, default=50)
args = p.parse_args()

torch.manual_seed(args.seed)
N_TRAIN, N_VAL, D = 2048, 512, 20
w_true = torch.randn(D)
X = torch.randn(N_TRAIN + N_VAL, D)
y = ((X @ w_true + 3.0 * torch.randn(N_TRAIN + N_VAL)) > 0).long()
Xtr, ytr, Xva, yva = X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:], y[N_TRAIN:]

model = nn.Sequential(
    nn.Linear(D, args.hidden),
    nn.BatchNorm1d(args.hidden),
    nn.ReLU(),
    nn.Dropout(0.1),
    nn.Linear(args.hidden, 64),
    nn.ReLU(),
    nn.Linear(64, 2),
)
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
loss_fn = nn.CrossEntropyLoss()
series = _truth.Series()
steps_per_epoch = N_TRAIN // args.batch_size  # 32


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@torch.no_grad()
def evaluate():
    model.eval()
    out = model(Xva)
    model.train()
    return float(loss_fn(out, yva)), float((out.argmax(1) == yva).float().mean())


def batches():
    perm = torch.randperm(N_TRAIN)
    for i in range(steps_per_epoch):
        idx = perm[i * args.batch_size : (i + 1) * args.batch_size]
        yield Xtr[idx], ytr[idx]


def train_step(xb, yb):
    loss = loss_fn(model(xb), yb)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


if args.mode in ("torchinfo", "torchsummary"):
    if args.mode == "torchinfo":
        import torchinfo

        torchinfo.summary(model, input_size=(args.batch_size, D))
    else:
        import torchsummary

        torchsummary.summary(model, (D,), device="cpu")
    for epoch in range(1, args.epochs + 1):
        total = 0.0
        for xb, yb in batches():
            total += train_step(xb, yb)
        train_loss = total / steps_per_epoch
        val_loss, val_acc = evaluate()
        series.add("train_loss", None, epoch, train_loss)
        series.add("val_loss", None, epoch, val_loss)
        if args.mode == "torchinfo":
            print(f"epoch {epoch} train_loss {train_loss:.4f} val_loss {val_loss:.4f}")
        else:
            series.add("val_acc", None, epoch, val_acc)
            print(
                f"Epoch {epoch}/{args.epochs} - train_loss: {train_loss:.4f} - "
                f"val_loss: {val_loss:.4f} - val_acc: {val_acc:.4f}"
            )
    print("Finished Training")
    kind = "epoch"
else:
    out_dir = tempfile.mkdtemp(prefix="hand-ckpt-", dir="/tmp")
    print(args)
    config = {k: v for k, v in vars(args).items() if k != "mode"}
    config.update(n_layer=3, dropout=0.1, device="cpu", dtype="float32")
    print(f"config: {config}")
    print(f"train size: {N_TRAIN} | val size: {N_VAL} | steps per epoch: {steps_per_epoch}")
    print(model)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"Number of parameters: {n_params / 1e3:.2f}K")
    print(f"CUDA available: {torch.cuda.is_available()}, using device: cpu")
    print(f"CPU memory before training: {rss_mb():.1f} MB")
    step, best = 0, (float("inf"), 0)
    max_steps = args.epochs * steps_per_epoch
    t0 = time.time()
    for _epoch in range(1, args.epochs + 1):
        for xb, yb in batches():
            step += 1
            loss = train_step(xb, yb)
            if step % 20 == 0:
                dt = (time.time() - t0) * 1000 / 20
                t0 = time.time()
                series.add("loss", step, None, loss)
                series.add("lr", step, None, args.lr)
                print(
                    f"step {step:5d} | loss {loss:.4f} | lr {args.lr:.2e} | {dt:.1f} ms/step | "
                    f"mem {rss_mb():.1f} MB"
                )
            if step % args.eval_interval == 0 or step == max_steps:
                val_loss, val_acc = evaluate()
                series.add("val loss", step, None, val_loss)
                series.add("val acc", step, None, val_acc)
                print(f"step {step}: val loss {val_loss:.4f}, val acc {val_acc:.4f}")
                if val_loss < best[0]:
                    best = (val_loss, step)
                    path = os.path.join(out_dir, f"ckpt_{step}.pt")
                    print(f"Saving checkpoint to {os.path.basename(path)}")
                    torch.save({"model": model.state_dict(), "step": step}, path)
    series.add("best val loss", best[1], None, best[0])
    print(f"best val loss {best[0]:.4f} at step {best[1]}")
    print(f"peak CPU memory: {rss_mb():.1f} MB")
    for f in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, f))
    os.rmdir(out_dir)
    kind = "global"

notes = {
    "torchinfo": (
        "torchinfo.summary() prints a table of layers with output shapes and parameter counts, "
        "then 'Total params: 11,074', 'Trainable params: 11,074', 'Non-trainable params: 0', "
        "'Total mult-adds (Units.MEGABYTES): 0.70', 'Input size (MB): 0.01', 'Forward/backward "
        "pass size (MB): 0.17', 'Params size (MB): 0.04', 'Estimated Total Size (MB): 0.22' "
        "(sizes and counts, not metrics); then one line per epoch 'epoch 1 train_loss 0.6512 "
        "val_loss 0.6034' (train_loss = mean of the epoch's 32 batch losses) and 'Finished "
        "Training'. Per-epoch record: step null."
    ),
    "torchsummary": (
        "torchsummary.summary() prints a '----' framed table 'Linear-1  [-1, 128]  2,688', "
        "'Total params: 11,074', 'Trainable params', 'Non-trainable params', 'Input size (MB): "
        "0.00', 'Forward/backward pass size (MB): 0.00', 'Params size (MB): 0.04', 'Estimated "
        "Total Size (MB): 0.04' (sizes and counts, not metrics); then 'Epoch 1/8 - train_loss: "
        "0.6512 - val_loss: 0.6034 - val_acc: 0.7250' per epoch and 'Finished Training'. Per-epoch record: step null."
        "epoch x 32 (optimizer steps)."
    ),
    "script": (
        "Start-up noise, none of it a metric: 'Namespace(mode='script', epochs=8, batch_size=64, "
        "lr=0.003, weight_decay=0.0001, hidden=128, seed=1337, eval_interval=100)', 'config: "
        "{...}' (hyper-parameters), 'train size: 2048 | val size: 512 | steps per epoch: 32', "
        "print(model) (Linear(in_features=20, out_features=128, bias=True), Dropout(p=0.1...)), "
        "'Number of parameters: 11.07K', 'CUDA available: False, using device: cpu', 'CPU "
        "memory before training: 280.3 MB'. Then every 20 steps 'step    20 | loss 0.4312 | lr "
        "3.00e-03 | 4.1 ms/step | mem 312.5 MB' (loss of that batch; lr is the constant "
        "learning rate, a series; ms/step a timing; mem the process's peak RSS, not a metric), "
        "every 50 steps and at the last step 'step 100: val loss 0.4012, val acc 0.8125' and, "
        "when val loss improves, 'Saving checkpoint to ckpt_100.pt' (100 is the step in a file "
        "name); at the end 'best val loss 0.3912 at step 256' (a point of 'best val loss' at "
        "that step) and 'peak CPU memory: 330.1 MB'."
    ),
}[args.mode]
_truth.write(
    library=(
        f"hand-written loop (torch {torch.__version__}"
        + (
            f", torchinfo {metadata.version('torchinfo')})"
            if args.mode == "torchinfo"
            else f", torchsummary {metadata.version('torchsummary')})"
            if args.mode == "torchsummary"
            else ")"
        )
    ),
    script="tests/corpus/scripts/hand_torch_summary.py",
    record="the values the script printed, kept by the script at full precision",
    step_kind=kind,
    series=series,
    extra_ok=["ms/step (time per step)"] if args.mode == "script" else [],
    notes=notes,
)
