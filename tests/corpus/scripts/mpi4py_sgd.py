"""Data-parallel logistic regression with mpi4py, the pattern of mpi4py's tutorial (buffer
Allreduce of numpy arrays): every rank holds a shard of synthetic data, computes its gradient,
and the gradients are averaged with comm.Allreduce; run on 2 processes by MPICH's mpiexec (the
`mpich` wheel from PyPI).

--print all:  every rank prints per epoch its own shard loss and the all-reduced loss and
              accuracy: 'epoch 3: local_loss 0.5123 global_loss 0.5001 global_acc 0.8125';
              captured with `mpiexec -prepend-rank`, which puts '[0] ' / '[1] ' before each
              line of a rank.
--print root: each rank says hello ('rank 1 of 2: 800 samples, 20 features'), then only rank 0
              prints per epoch 'Epoch 3/8 | loss 0.5001 | acc 0.8125 | val_loss 0.4987 |
              val_acc 0.8200 | 0.004s'.

Every rank keeps its record of what it printed; rank 0 gathers them (comm.gather) and writes
the truth: rank 0's series under the printed name, rank 1's as 'rank1/<name>'.

Versions: mpi4py 4.1.2, mpich 5.0.2 (PyPI wheel), numpy 2.4.6, Python 3.11
(venv /work/venvs/corpus-zAP-2: `pip install mpich mpi4py numpy`; its bin/ on PATH for mpiexec).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_mpi4py_allreduce_ranks -- mpiexec -n 2 -prepend-rank python tests/corpus/scripts/mpi4py_sgd.py --print all
    python tests/corpus/scripts/capture.py pipe real_mpi4py_allreduce_root -- mpiexec -n 2 python tests/corpus/scripts/mpi4py_sgd.py --print root
"""

import argparse
import os
import sys
import time

import mpi4py
import numpy as np
from mpi4py import MPI

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth

EPOCHS = 8


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--print", dest="mode", choices=["all", "root"], required=True)
    a = ap.parse_args()
    comm = MPI.COMM_WORLD
    rank, size = comm.Get_rank(), comm.Get_size()
    rng = np.random.default_rng(rank)
    w_true = np.random.default_rng(99).normal(size=20)
    x = rng.normal(size=(800, 20))
    y = (x @ w_true + rng.normal(scale=2.0, size=800) > 0).astype(float)
    vrng = np.random.default_rng(1000 + rank)
    xv = vrng.normal(size=(200, 20))
    yv = (xv @ w_true + vrng.normal(scale=2.0, size=200) > 0).astype(float)
    w = np.zeros(20)
    record = []

    def add(name, epoch, value):
        record.append((name if rank == 0 else f"rank{rank}/{name}", None, epoch, float(value)))

    def stats(xs, ys):
        p = 1 / (1 + np.exp(-(xs @ w)))
        loss = -np.mean(ys * np.log(p + 1e-12) + (1 - ys) * np.log(1 - p + 1e-12))
        return loss, np.mean((p > 0.5) == ys), p

    if a.mode == "root":
        print(f"rank {rank} of {size}: {len(x)} samples, {x.shape[1]} features")
    for epoch in range(1, EPOCHS + 1):
        t0 = time.time()
        loss, acc, p = stats(x, y)
        grad = x.T @ (p - y) / len(y)
        total = np.empty_like(grad)
        comm.Allreduce(grad, total, op=MPI.SUM)
        w -= 0.5 * total / size
        sums = np.array([loss, acc, *stats(xv, yv)[:2]])
        glob = np.empty_like(sums)
        comm.Allreduce(sums, glob, op=MPI.SUM)
        g_loss, g_acc, g_vloss, g_vacc = glob / size
        if a.mode == "all":
            print(
                f"epoch {epoch}: local_loss {loss:.4f} global_loss {g_loss:.4f} global_acc {g_acc:.4f}"
            )
            add("local_loss", epoch, loss)
            add("global_loss", epoch, g_loss)
            add("global_acc", epoch, g_acc)
        elif rank == 0:
            print(
                f"Epoch {epoch}/{EPOCHS} | loss {g_loss:.4f} | acc {g_acc:.4f} | val_loss {g_vloss:.4f} "
                f"| val_acc {g_vacc:.4f} | {time.time() - t0:.3f}s"
            )
            for name, v in (
                ("loss", g_loss),
                ("acc", g_acc),
                ("val_loss", g_vloss),
                ("val_acc", g_vacc),
            ):
                add(name, epoch, v)
    records = comm.gather(record, root=0)
    if rank != 0:
        return
    series = _truth.Series()
    for rec in records:
        for name, step, epoch, value in rec:
            series.add(name, step, epoch, value)
    common = (
        f"mpi4py {mpi4py.__version__} on MPICH's mpiexec -n 2 (the mpich PyPI wheel): data-parallel "
        "logistic regression, 800 training and 200 validation samples of 20 features per rank, "
        "gradients averaged with comm.Allreduce, 8 epochs (1-based as printed), full-batch "
        "gradient steps (loss/acc measured before each epoch's update). "
    )
    if a.mode == "all":
        notes = common + (
            "Every rank prints 'epoch 3: local_loss 0.5123 global_loss 0.5001 global_acc "
            "0.8125' and mpiexec -prepend-rank puts '[0] ' / '[1] ' before each of a rank's "
            "lines. local_loss is the rank's own shard loss (differs between the ranks); "
            "global_loss/global_acc are all-reduced means, so both ranks print the SAME values. "
            "Series: rank 0's under the printed names, rank 1's as 'rank1/local_loss', "
            "'rank1/global_loss', 'rank1/global_acc' (its lines are tagged [1]; the global ones "
            "repeat rank 0's values). Piped, each rank's stdout is block-buffered: a rank's "
            "lines come in one lump at its exit, which rank first depends on timing."
        )
    else:
        notes = common + (
            "Each rank first prints 'rank 1 of 2: 800 samples, 20 features' (rank, world size, "
            "counts: no metric; their order depends on timing). Only rank 0 prints per epoch "
            "'Epoch 3/8 | loss 0.5001 | acc 0.8125 | val_loss 0.4987 | val_acc 0.8200 | "
            "0.004s': the all-reduced means over the ranks ('3/8' epoch and count, the trailing "
            "seconds the epoch's wall time: a duration, not recorded)."
        )
    _truth.write(
        library=f"mpi4py {mpi4py.__version__} ({' '.join(MPI.Get_library_version().split(chr(10))[0].split())}), numpy {np.__version__}",
        script="tests/corpus/scripts/mpi4py_sgd.py",
        record="each rank's own record of the values it printed, gathered to rank 0 (comm.gather)",
        step_kind="epoch",
        series=series,
        notes=notes,
    )


if __name__ == "__main__":
    main()
