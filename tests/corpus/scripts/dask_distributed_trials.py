"""A learning-rate x l2 sweep of a numpy softmax regression run as tasks on a dask.distributed
LocalCluster (2 worker processes, 1 thread each), the way dask's docs show it: `client.map` over
the configs, `as_completed(..., with_results=True)` in the client, and in the task

--print dask:    `from dask.distributed import print` - dask's remote print, documented as
                 printing on the worker AND forwarding the line to the client, which prints it
                 again: every task line reaches the console twice (the worker's copy, piped,
                 block-buffered until the worker exits; the client's copy as it arrives).
--print builtin: the builtin print: each line once, from the worker process (block-buffered).

Each task prints per epoch 'trial 3 | lr 0.1 | l2 0.001 | epoch 2/5 | loss 0.6123 | val_loss
0.5981 | val_acc 0.7708' and returns its record; the client prints the Client repr
('<Client: 'tcp://127.0.0.1:PORT' processes=2 threads=2, memory=... GiB>'), one line per result
('trial 3 done: val_acc=0.7708 (best 0.7792 at epoch 4)') and the best config.

Versions: dask 2026.11.0, distributed 2026.11.0, numpy 2.4.6, Python 3.11
(venv /work/venvs/corpus-zAP-1: `pip install "dask[distributed]"`).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_dask_distributed_print -- python tests/corpus/scripts/dask_distributed_trials.py --print dask
    python tests/corpus/scripts/capture.py pipe real_dask_distributed_builtin -- python tests/corpus/scripts/dask_distributed_trials.py --print builtin
"""

import argparse
import builtins
import os
import sys

import dask
import distributed
import numpy as np
from dask.distributed import Client, LocalCluster, as_completed
from dask.distributed import print as dask_print

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth

CONFIGS = [(lr, l2) for lr in (0.03, 0.3) for l2 in (0.0, 0.01)]
EPOCHS = 5


def run_trial(k, lr, l2, remote):
    out = dask_print if remote else builtins.print
    rng = np.random.default_rng(100 + k)
    data = np.random.default_rng(7)
    w_true = data.normal(size=(12, 3))
    x = data.normal(size=(1500, 12))
    y = np.argmax(x @ w_true + data.normal(scale=1.5, size=(1500, 3)), 1)
    xt, yt, xv, yv = x[:1200], y[:1200], x[1200:], y[1200:]
    w = rng.normal(scale=0.01, size=(12, 3))

    def probs(a):
        z = a @ w
        z -= z.max(1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(1, keepdims=True)

    def xent(p, t):
        return float(-np.mean(np.log(p[np.arange(len(t)), t])))

    record = []
    best, best_epoch = 0.0, 0
    for epoch in range(1, EPOCHS + 1):
        order = rng.permutation(len(xt))
        losses = []
        for i in range(0, len(xt), 50):
            idx = order[i : i + 50]
            p = probs(xt[idx])
            losses.append(xent(p, yt[idx]))
            p[np.arange(len(idx)), yt[idx]] -= 1
            w -= lr * (xt[idx].T @ p / len(idx) + l2 * w)
        loss = float(np.mean(losses))
        pv = probs(xv)
        val_loss, val_acc = xent(pv, yv), float(np.mean(pv.argmax(1) == yv))
        if val_acc > best:
            best, best_epoch = val_acc, epoch
        out(
            f"trial {k} | lr {lr} | l2 {l2} | epoch {epoch}/{EPOCHS} | loss {loss:.4f} | "
            f"val_loss {val_loss:.4f} | val_acc {val_acc:.4f}"
        )
        for name, v in (("loss", loss), ("val_loss", val_loss), ("val_acc", val_acc)):
            record.append((f"trial {k}/{name}", None, epoch, v))
    return k, val_acc, best, best_epoch, record


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--print", dest="mode", choices=["dask", "builtin"], required=True)
    a = ap.parse_args()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
    client = Client(cluster)
    print(client)
    futures = [
        client.submit(run_trial, k, lr, l2, a.mode == "dask") for k, (lr, l2) in enumerate(CONFIGS)
    ]
    records, finals = {}, {}
    for _, (k, final, best, best_epoch, record) in as_completed(futures, with_results=True):
        print(f"trial {k} done: val_acc={final:.4f} (best {best:.4f} at epoch {best_epoch})")
        records[k] = record + [(f"trial {k}/best", None, best_epoch, best)]
        finals[k] = final
    top = max(finals, key=finals.get)
    print(f"best config: trial {top} lr={CONFIGS[top][0]} l2={CONFIGS[top][1]}")
    client.close()
    cluster.close()
    series = _truth.Series()
    for k in sorted(records):
        for name, step, epoch, value in records[k]:
            series.add(name, step, epoch, value)
    if a.mode == "dask":
        how = (
            "The task prints with dask.distributed.print: the worker prints the line on its "
            "own stdout AND sends it to the client, which prints it too, so every trial line is "
            "in the output twice. Piped, both stdouts are block-buffered: the workers' copies come "
            "in lumps when the workers flush (at the latest when the cluster closes), the "
            "client's copies in arrival order (two trials interleaved) among the client's own "
            "lines, when the client flushes. Both copies are the same values: one point each "
            "(a duplicate is neither another point nor another series). "
        )
    else:
        how = (
            "The task prints with the builtin print: each line once, on the worker's stdout, "
            "which piped is block-buffered: each worker's lines come in one lump when it exits "
            "(at cluster.close()), after the client's own lines. "
        )
    _truth.write(
        library=f"dask {dask.__version__}, distributed {distributed.__version__} (LocalCluster, 2 worker processes), numpy {np.__version__} loop",
        script="tests/corpus/scripts/dask_distributed_trials.py",
        record="each task's own record of its printed values, returned through its future",
        step_kind="epoch",
        series=series,
        notes=(
            "Four tasks on a LocalCluster(n_workers=2, threads_per_worker=1): a softmax "
            "regression swept over lr in (0.03, 0.3) x l2 in (0.0, 0.01), 5 epochs each (1200 "
            "training, 300 validation samples, batch 50). The client prints its repr "
            "'<Client: 'tcp://127.0.0.1:40123' processes=2 threads=2, memory=23.54 GiB>' (address, "
            "counts, memory: no metric). " + how + "Each trial line: 'trial 3 | lr 0.3 | l2 0.01 "
            "| epoch 2/5 | loss 0.6123 | val_loss 0.5981 | val_acc 0.7708' - lr and l2 are the "
            "trial's hyper-parameters (constant, NOT metrics), '2/5' the epoch (1-based) and the "
            "epoch count, loss the epoch's mean batch loss. The client prints per finished task "
            "(completion order) 'trial 3 done: val_acc=0.7708 (best 0.7792 at epoch 4)': the "
            "val_acc there is the last epoch's val_acc again (the same point as 'trial "
            "3/val_acc' at epoch 5), 'best' the best val_acc, series 'trial 3/best' at its "
            "epoch; last 'best config: trial 1 lr=0.3 l2=0.0' (hyper-parameters). Series per "
            "trial, 'trial 3/val_acc' etc. (the tag the lines print), epochs restarting at 1."
        ),
    )


if __name__ == "__main__":
    main()
