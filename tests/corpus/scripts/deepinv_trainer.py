"""DeepInverse: dinv.Trainer training a small denoiser (DnCNN, random init) on synthetic smooth
images with online Gaussian-noise measurements, then trainer.test(), as deepinv's training
examples do (demo 'Training a reconstruction network').

Variants:
  lines  show_progress_bar=False (what deepinv's gallery examples use): per epoch
         'Train epoch 0: TotalLoss=0.003, PSNR=24.118' and 'Eval epoch 0: PSNR=25.02', then
         'Test results:' with 'PSNR no learning: 20.007 +- 0.102' / 'PSNR: 25.304 +- 0.471'
  bar    the default show_progress_bar=True: a tqdm bar per epoch 'Train epoch 1/5' with the running
         logs as postfix (TotalLoss=…, PSNR=…), an 'Eval epoch' bar, then the test bar and results

Truth: Trainer.log_metrics_mlops(logs, step, train) - the dict deepinv hands to wandb/mlflow at the
end of each train/eval epoch, the same dict the 'lines' print is made of - at full precision; the
bar's postfix values (running averages, one per batch) from the logs dict handed to
progress_bar.set_postfix, at the bar states tqdm drew (a display hook); the test block from the dict
trainer.test() returns.

Versions: deepinv 0.5.0, torch 2.13.0+cpu, torchvision 0.28.0 (imported by deepinv; see
README-torch.md for its _meta_registrations fix), tqdm 4.70.1, Python 3.11. Seeds fixed; a few s
of CPU.
Capture (repository root, venv /work/venvs/corpus-zAH-1):
    python tests/corpus/scripts/capture.py pipe real_deepinv_lines -- python tests/corpus/scripts/deepinv_trainer.py lines
    python tests/corpus/scripts/capture.py pipe real_deepinv_bar -- python tests/corpus/scripts/deepinv_trainer.py bar
    python tests/corpus/scripts/capture.py pty real_deepinv_bar_pty -- python tests/corpus/scripts/deepinv_trainer.py bar
"""

import os
import sys
import tempfile

import torch
import tqdm
import tqdm.std

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import deepinv as dinv

variant = sys.argv[1] if len(sys.argv) > 1 else "lines"
torch.manual_seed(0)
torch.set_num_threads(1)  # a shared 2-core machine; output unchanged

# the dicts deepinv logs at each train/eval epoch end (what it would send to wandb / mlflow)
epoch_logs: list[tuple[int, bool, dict]] = []
_log = dinv.Trainer.log_metrics_mlops


def log_metrics_mlops(self, logs, step, train=True):
    epoch_logs.append((step, train, dict(logs)))
    return _log(self, logs, step, train)


dinv.Trainer.log_metrics_mlops = log_metrics_mlops

# deepinv's own training-iteration counter (train_ite = epoch * batches + i) of the batch in hand
current = {"ite": None}
_step = dinv.Trainer.step


def step(self, epoch, progress_bar, train_ite=None, train=True, *a, **k):
    current["ite"] = train_ite if train else None
    return _step(self, epoch, progress_bar, train_ite, train, *a, **k)


dinv.Trainer.step = step

# the bar: the postfix dict of each set_postfix call, and which of them tqdm drew
postfix_now: dict = {}
drawn: list[tuple[str, int, dict]] = []
_set_postfix = tqdm.std.tqdm.set_postfix


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    postfix_now[id(self)] = dict(ordered_dict or {}, **kwargs)
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


tqdm.std.tqdm.set_postfix = set_postfix
_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    logs = postfix_now.get(id(self))
    if logs is not None and self.postfix:  # a new bar may reuse a closed one's id: no postfix yet
        state = (self.desc, current["ite"], logs)
        if not drawn or drawn[-1][0] != self.desc or drawn[-1][2] != logs:
            drawn.append(state)
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display


def images(n, seed):
    """Smooth random 1x16x16 images in [0, 1] (sums of a few Gaussian blobs)."""
    g = torch.Generator().manual_seed(seed)
    yy, xx = torch.meshgrid(torch.linspace(0, 1, 16), torch.linspace(0, 1, 16), indexing="ij")
    out = torch.zeros(n, 1, 16, 16)
    for i in range(n):
        for _ in range(3):
            cx, cy, s = torch.rand(3, generator=g)
            out[i, 0] += torch.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (0.02 + 0.1 * s))
    return out / out.amax(dim=(1, 2, 3), keepdim=True)


train_set = torch.utils.data.TensorDataset(images(64, 1))
test_set = torch.utils.data.TensorDataset(images(16, 2))


class XOnly(torch.utils.data.Dataset):
    def __init__(self, ds):
        self.ds = ds

    def __len__(self):
        return len(self.ds)

    def __getitem__(self, i):
        return self.ds[i][0]


train_dataloader = torch.utils.data.DataLoader(XOnly(train_set), batch_size=16, shuffle=True)
test_dataloader = torch.utils.data.DataLoader(XOnly(test_set), batch_size=8, shuffle=False)

physics = dinv.physics.Denoising(dinv.physics.GaussianNoise(sigma=0.1))
model = dinv.models.DnCNN(in_channels=1, out_channels=1, depth=4, nf=16, pretrained=None)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
epochs = 5
workdir = tempfile.mkdtemp(prefix="deepinv_")

trainer = dinv.Trainer(
    model,
    physics=physics,
    train_dataloader=train_dataloader,
    eval_dataloader=test_dataloader,
    epochs=epochs,
    losses=dinv.loss.SupLoss(metric=dinv.metric.MSE()),
    metrics=dinv.metric.PSNR(),
    optimizer=optimizer,
    device="cpu",
    save_path=workdir,
    verbose=True,
    show_progress_bar=(variant == "bar"),
    online_measurements=True,
)
model = trainer.train()
results = trainer.test(test_dataloader)

series = _truth.Series()
if variant == "lines":
    for step, train, logs in epoch_logs:
        for k, v in logs.items():
            if k == "step":
                continue
            series.add(f"{'Train' if train else 'Eval'} {k}", None, step, v)
else:
    for desc, ite, logs in drawn:
        kind = desc.split()[0].rstrip(":")  # 'Train' / 'Eval' / 'Test'
        epoch = None
        if desc.startswith(("Train epoch", "Eval epoch")):
            epoch = int(desc.split()[2].split("/")[0])
        for k, v in logs.items():
            series.add(f"{kind} {k}", ite, epoch, float(v))
for name in ("PSNR no learning", "PSNR"):
    series.add(name, None, None, results[name])

_truth.write(
    library=f"deepinv {dinv.__version__} (torch {torch.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/deepinv_trainer.py",
    record=(
        "Trainer.log_metrics_mlops(logs, step=epoch, train) - the per-epoch dicts deepinv logs "
        "to wandb/mlflow, which its 'Train epoch' / 'Eval epoch' lines print"
        if variant == "lines"
        else "the logs dicts Trainer.step hands to progress_bar.set_postfix (running averages), "
        "at the bar states tqdm drew (a display hook)"
    )
    + "; trainer.test()'s returned dict for the 'Test results:' block",
    step_kind="epoch" if variant == "lines" else "global",
    series=series,
    extra_ok=[
        "the '+- 0.471' after each test result: the standard deviation over the test images "
        "(returned as 'PSNR_std' / 'PSNR no learning_std')",
    ]
    + (["the bars' it/s throughput"] if variant == "bar" else []),
    not_printed=["runtime (trainer.test() returns it; never printed)"],
    notes=(
        "'The model has 4945 trainable parameters' opens training (a count, not a metric); "
        "after each eval that improves the PSNR, 'Best model saved at epoch 3' (1-based epoch, "
        "not a metric). "
        + (
            "Per epoch (0-based, as deepinv passes it to the logger): 'Train epoch 0: "
            "TotalLoss=0.003, PSNR=24.118' then 'Eval epoch 0: PSNR=25.02' (round(v, 3), so "
            "trailing zeros dropped). Series are named by the line's leading word and the key: "
            "'Train TotalLoss', 'Train PSNR', 'Eval PSNR'; epoch = the number printed. "
            "trainer.test() first logs its own 'Eval epoch 0: PSNR=19.153, PSNR no learning=19.9' "
            "(the same logger call, epoch fixed at 0): a last 'Eval PSNR' point at epoch 0 and an "
            "'Eval PSNR no learning' series. "
            if variant == "lines"
            else "Each epoch draws a tqdm bar 'Train epoch 1/5: 100%|...| 4/4 [00:00<00:00, 9.1it/s, "
            "TotalLoss=0.00312, PSNR=24.1]' whose postfix is redrawn at every batch (running "
            "averages over the epoch so far; tqdm formats floats to 3 significant digits), then "
            "an 'Eval epoch 1/4' bar with PSNR; the test adds a 'Test' bar (no epoch). Series are "
            "named by the bar's first word and the key ('Train TotalLoss', 'Train PSNR', "
            "'Eval PSNR', 'Test PSNR'); epoch = "
            "the 1-based epoch the bar's description shows; step = deepinv's own training iteration "
            "(train_ite = epoch * batches + i) for the train bars, null for the eval/test bars. The "
            "bar's count lags (tqdm writes n only at its mininterval refresh, while set_postfix "
            "redraws every batch), so several batches' values sit beside the same '0/4'. "
            "'1/5' is an epoch counter, not a metric. "
        )
        + "Then trainer.test(): 'Test results:' / 'PSNR no learning: 20.007 +- 0.102' (the "
        "noisy input's PSNR, no network) / 'PSNR: 25.304 +- 0.471' (series 'PSNR no learning' "
        "and 'PSNR', as printed). A checkpoint folder is written to a scratch dir."
    ),
)
