"""Ray Train: TorchTrainer over a small torch regression model, 2 CPU workers (DDP, gloo),
4 epochs, written as the Ray Train quickstart is: every worker calls ray.train.report(metrics,
checkpoint) each epoch (rank 0 saves a checkpoint), rank 0 prints the metrics dict; the script
prints result.metrics at the end.

Versions: ray 2.60.0 (ray[train]), torch 2.13.0+cpu, Python 3.11 (venv corpus-v-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_ray_train_torch -- python tests/corpus/scripts/ray_train_torch.py
    python tests/corpus/scripts/capture.py pty  real_ray_train_torch_pty -- python tests/corpus/scripts/ray_train_torch.py
Truth: Ray Train's own record of the reports: a UserCallback's after_report (the controller's
handoff of every worker's metrics dict, in order; written to a JSON file since it runs in the
controller actor) and Result.metrics for the final print.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import ray
import ray.train
import ray.train.torch
import torch
from ray.train import RunConfig, ScalingConfig
from ray.train.torch import TorchTrainer


def train_func(config):
    torch.manual_seed(0)
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(1)
    x = torch.randn(512, 8, generator=g)
    y = x @ torch.linspace(-1, 1, 8).unsqueeze(1) + 0.1 * torch.randn(512, 1, generator=g)
    xv, yv = x[448:], y[448:]
    ds = torch.utils.data.TensorDataset(x[:448], y[:448])
    loader = torch.utils.data.DataLoader(ds, batch_size=32, shuffle=True)
    loader = ray.train.torch.prepare_data_loader(loader)
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
    model = ray.train.torch.prepare_model(model)
    opt = torch.optim.SGD(model.parameters(), lr=config["lr"])
    loss_fn = torch.nn.MSELoss()
    for epoch in range(config["epochs"]):
        if ray.train.get_context().get_world_size() > 1:
            loader.sampler.set_epoch(epoch)
        model.train()
        total, n = 0.0, 0
        for xb, yb in loader:
            loss = loss_fn(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
            n += len(xb)
        model.eval()
        with torch.no_grad():
            val_loss = loss_fn(model(xv), yv).item()
        sums = torch.tensor([total, float(n)])
        torch.distributed.all_reduce(sums)
        metrics = {"epoch": epoch, "train_loss": (sums[0] / sums[1]).item(), "val_loss": val_loss}
        with tempfile.TemporaryDirectory() as tmp:
            checkpoint = None
            if ray.train.get_context().get_world_rank() == 0:
                torch.save(model.module.state_dict(), os.path.join(tmp, "model.pt"))
                checkpoint = ray.train.Checkpoint.from_directory(tmp)
            ray.train.report(metrics, checkpoint=checkpoint)
        if ray.train.get_context().get_world_rank() == 0:
            print(metrics)


class Record(ray.train.UserCallback):
    def __init__(self, path):
        self.path = path

    def after_report(self, run_context, metrics, checkpoint):
        with open(self.path, "a") as fh:
            fh.write(json.dumps(metrics) + "\n")


storage = tempfile.mkdtemp(prefix="raytrain-")
record = os.path.join(storage, "reports.jsonl")
ray.init(num_cpus=2, include_dashboard=False)
trainer = TorchTrainer(
    train_func,
    train_loop_config={"lr": 0.05, "epochs": 4},
    scaling_config=ScalingConfig(num_workers=2, use_gpu=False),
    run_config=RunConfig(name="corpus", storage_path=storage, callbacks=[Record(record)]),
)
result = trainer.fit()
print(f"Training result: {result.metrics}")
ray.shutdown()

with open(record) as fh:
    reports = [json.loads(line) for line in fh]
shutil.rmtree(storage, ignore_errors=True)

series = _truth.Series()
for i, per_worker in enumerate(reports, start=1):
    m = per_worker[0]  # rank 0's dict: the one it prints (every rank reports the same values)
    assert all(w == m for w in per_worker), per_worker
    for k in ("train_loss", "val_loss"):
        series.add(k, i, m["epoch"], m[k])
assert result.metrics == reports[-1][0]
_truth.write(
    library=f"ray {ray.__version__} (ray[train], Train V2), torch {torch.__version__}",
    script="tests/corpus/scripts/ray_train_torch.py",
    record=(
        "a ray.train.UserCallback's after_report: the metrics dicts of every worker's ray.train.report() "
        "as the controller received them (report 1..4); Result.metrics for the final print"
    ),
    step_kind="global",
    series=series,
    notes=(
        "Two DDP workers (gloo, CPU) x 4 epochs; the loss is all-reduced so both ranks report the same dict. "
        "Step = Ray Train's report index ('Reporting training result 3: ...'), epoch = the 'epoch' key of the "
        "dict (0-based, the user's own counter, not a metric). Every line is prefixed by Ray's "
        "'(RayTrainWorker pid=6041)' / '(TrainController pid=...)' in ANSI cyan. Each epoch's values appear "
        "several times: Ray's INFO line 'Reporting training result 1: TrainingReport(checkpoint=Checkpoint(...), "
        "metrics={'epoch': 0, 'train_loss': 3.266..., 'val_loss': 2.371...}, validation=False) from rank 0' "
        "(and the same from rank 1), rank 0's print(metrics) '{'epoch': 0, 'train_loss': 3.266..., 'val_loss': "
        "2.371...}' (Ray's log capture shows each print twice), and at the end the script's 'Training result: "
        "{...}' = the last report again. These repeats are ONE point each (same report). Not metrics: the "
        "resources lines ('Requesting resources: {'CPU': 1} * 2'), 'world_rank=0, local_rank=0, node_rank=0', "
        "checkpoint paths with timestamps, 'Set up process group ... world_size=2', and Ray's start-up/ "
        "'PlacementGroupCleaner ... State API may be temporarily unavailable' noise of this sandbox."
    ),
)
