"""A plain DistributedDataParallel loop launched by torchrun on 2 CPU processes (gloo), written
after PyTorch's "multi-GPU training with torchrun" tutorial (ddp-tutorial-series,
multigpu_torchrun.py: a Trainer class, snapshots, `[GPU{gpu_id}] Epoch {epoch} | Batchsize: ... |
Steps: ...` per rank and epoch), on synthetic data.

--print all:   every rank prints the tutorial's per-epoch line, with the rank's own mean training
               loss added at its end (what a user adds first): `[GPU1] Epoch 2 | Batchsize: 32 |
               Steps: 8 | Loss: 0.5123`.  The tag is the tutorial's (gpu_id = LOCAL_RANK, kept on
               CPU), so the ranks' values are apart only through it.
--print rank0: every rank prints one start-up line of counts; then only rank 0 prints, per
               epoch, the metrics all-reduced over the ranks (`Epoch 1/4 | train_loss 0.6012 |
               val_loss 0.5511 | val_acc 0.7750 | 0.21s`) and the snapshot lines.

Every rank keeps its own record of what it printed; rank 0 gathers them (all_gather_object) and
writes the truth: rank 0's series under the printed name, rank k's as 'rank{k}/<name>'.

Versions: torch 2.13.0+cpu, Python 3.11 (venv /work/venvs/corpus-zAP-1).
Capture (repository root, venv's bin on PATH so torchrun is the venv's):
    python tests/corpus/scripts/capture.py pipe real_torchrun_ddp_tutorial -- torchrun --nproc_per_node=2 tests/corpus/scripts/torchrun_ddp_tutorial.py --print all
    python tests/corpus/scripts/capture.py pipe real_torchrun_ddp_tutorial_tee -- torchrun --nproc_per_node=2 --tee 3 tests/corpus/scripts/torchrun_ddp_tutorial.py --print all
    python tests/corpus/scripts/capture.py pipe real_torchrun_ddp_rank0_logdir -- torchrun --nproc_per_node=2 --tee 3 --log-dir /tmp/corpus-zAP/tr_logs tests/corpus/scripts/torchrun_ddp_tutorial.py --print rank0
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler


def make_data(n: int, seed: int) -> TensorDataset:
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 20, generator=g)
    w = torch.randn(20, 3, generator=torch.Generator().manual_seed(0))
    y = (x @ w + 0.5 * torch.randn(n, 3, generator=g)).argmax(1)
    return TensorDataset(x, y)


class Trainer:
    def __init__(self, model, train_data, val_data, optimizer, save_every, snapshot_path, mode):
        self.gpu_id = int(os.environ["LOCAL_RANK"])
        self.rank = int(os.environ["RANK"])
        self.model = DDP(model)
        self.train_data = train_data
        self.val_data = val_data
        self.optimizer = optimizer
        self.save_every = save_every
        self.snapshot_path = snapshot_path
        self.mode = mode
        self.epochs_run = 0
        self.record: dict[str, dict] = {}

    def _add(self, name, epoch, value):
        key = name if self.rank == 0 else f"rank{self.rank}/{name}"
        self.record.setdefault(key, {"points": []})["points"].append([None, epoch, float(value)])

    def _run_batch(self, source, targets):
        self.optimizer.zero_grad()
        output = self.model(source)
        loss = F.cross_entropy(output, targets)
        loss.backward()
        self.optimizer.step()
        return loss.item()

    def _run_epoch(self, epoch):
        b_sz = len(next(iter(self.train_data))[0])
        self.train_data.sampler.set_epoch(epoch)
        losses = [self._run_batch(s, t) for s, t in self.train_data]
        return b_sz, sum(losses) / len(losses)

    def _validate(self):
        self.model.eval()
        total = torch.zeros(3)
        with torch.no_grad():
            for x, y in self.val_data:
                out = self.model(x)
                total += torch.tensor(
                    [
                        F.cross_entropy(out, y, reduction="sum").item(),
                        (out.argmax(1) == y).sum().item(),
                        len(y),
                    ]
                )
        self.model.train()
        dist.all_reduce(total)
        return total[0].item() / total[2].item(), total[1].item() / total[2].item()

    def _save_snapshot(self, epoch):
        snapshot = {"MODEL_STATE": self.model.module.state_dict(), "EPOCHS_RUN": epoch}
        torch.save(snapshot, self.snapshot_path)
        print(f"Epoch {epoch} | Training snapshot saved at {self.snapshot_path}")

    def train(self, max_epochs: int):
        for epoch in range(self.epochs_run, max_epochs):
            start = time.time()
            b_sz, loss = self._run_epoch(epoch)
            if self.mode == "all":
                print(
                    f"[GPU{self.gpu_id}] Epoch {epoch} | Batchsize: {b_sz} | Steps: {len(self.train_data)}"
                    f" | Loss: {loss:.4f}"
                )
                self._add("Loss", epoch, loss)
            else:
                mean = torch.tensor([loss])
                dist.all_reduce(mean)
                train_loss = mean.item() / dist.get_world_size()
                val_loss, val_acc = self._validate()
                if self.rank == 0:
                    print(
                        f"Epoch {epoch + 1}/{max_epochs} | train_loss {train_loss:.4f} | "
                        f"val_loss {val_loss:.4f} | val_acc {val_acc:.4f} | {time.time() - start:.2f}s"
                    )
                    self._add("train_loss", epoch + 1, train_loss)
                    self._add("val_loss", epoch + 1, val_loss)
                    self._add("val_acc", epoch + 1, val_acc)
            if self.gpu_id == 0 and epoch % self.save_every == 0:
                self._save_snapshot(epoch)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--print", dest="mode", choices=["all", "rank0"], default="all")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--save-every", type=int, default=2)
    args = parser.parse_args()

    dist.init_process_group(backend="gloo")
    rank, world = dist.get_rank(), dist.get_world_size()
    torch.manual_seed(0)
    train_set, val_set = make_data(512, 1), make_data(256, 2)
    train_data = DataLoader(
        train_set, batch_size=32, shuffle=False, sampler=DistributedSampler(train_set)
    )
    val_data = DataLoader(
        val_set, batch_size=64, sampler=DistributedSampler(val_set, shuffle=False)
    )
    model = torch.nn.Sequential(torch.nn.Linear(20, 64), torch.nn.ReLU(), torch.nn.Linear(64, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    snapshot = f"/tmp/corpus-zAP/snapshot_{args.mode}.pt"
    if args.mode == "rank0":
        print(
            f"rank {rank}/{world} (local {os.environ['LOCAL_RANK']}) on cpu, backend gloo: "
            f"{len(train_data.sampler)} train / {len(val_data.sampler)} val samples, "
            f"{len(train_data)} batches of 32"
        )
    trainer = Trainer(model, train_data, val_data, optimizer, args.save_every, snapshot, args.mode)
    trainer.train(args.epochs)

    records = [None] * world
    dist.all_gather_object(records, trainer.record)
    if rank == 0:
        series = {}
        for r in records:
            series.update(r)
        if args.mode == "all":
            record = "each rank's own mean training loss per epoch, gathered to rank 0"
            notes = (
                "torchrun --nproc_per_node=2 on CPU (gloo), a DDP Trainer after PyTorch's "
                "multigpu_torchrun.py tutorial. Every rank prints, per epoch (numbered from 0 as "
                "the tutorial does), '[GPU0] Epoch 0 | Batchsize: 32 | Steps: 8 | Loss: 0.6931': "
                "the tutorial's tag [GPU<LOCAL_RANK>] (kept on CPU), the batch size and the "
                "number of steps of the rank's shard (settings/counts, no metric) and the rank's "
                "own mean training loss over its shard (the ranks' values differ). Series: rank "
                "0's as 'Loss', rank 1's as 'rank1/Loss' (the [GPU1] lines); never one merged "
                "series. Rank 0 (gpu_id 0) also prints 'Epoch 0 | Training snapshot saved at "
                "/tmp/…/snapshot_all.pt' every 2nd epoch (no metric). torchrun itself prints its "
                "OMP_NUM_THREADS warning between '*****' rules (a setting). The two ranks "
                "write to the same console: which rank's line of an epoch comes first depends on "
                "timing, and two lines may be glued on one line, the newline coming after "
                "('[GPU1] Epoch 1 | … | Loss: 0.9626[GPU0] Epoch 1 | … | Loss: 0.9592')."
            )
        else:
            record = "rank 0's record of the all-reduced metrics it printed"
            notes = (
                "torchrun --nproc_per_node=2 on CPU (gloo) with --log-dir (torchrun keeps each "
                "rank's stdout/stderr in files under it) and --tee 3 (so they also reach the "
                "console, every line prefixed [default0]: / [default1]:). Each rank prints a "
                "start-up line 'rank 1/2 (local 1) on cpu, backend gloo: 256 train / 128 val "
                "samples, 8 batches of 32' (rank/world size and counts, no metric). Only rank 0 "
                "prints metrics, per epoch (1-based): 'Epoch 1/4 | train_loss 0.6012 | val_loss "
                "0.5511 | val_acc 0.7750 | 0.21s' - train_loss is the mean over ranks of each "
                "rank's mean batch loss (all_reduce), val_loss/val_acc over the whole validation "
                "set (all_reduce of sums), the trailing seconds are the epoch's wall time (not "
                "recorded, not listed as a metric: a duration). 'Epoch 0 | Training snapshot "
                "saved at …' lines (epoch numbered from 0, the tutorial's) hold no metric. "
                "torchrun's own lines (OMP_NUM_THREADS warning, the log directory it uses) hold "
                "no metric."
            )
        _truth.write(
            library=f"torch {torch.__version__} (torch.distributed, torchrun, gloo)",
            script="tests/corpus/scripts/torchrun_ddp_tutorial.py",
            record=record,
            step_kind="epoch",
            series=series,
            notes=notes,
        )
    del trainer
    dist.barrier()
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
