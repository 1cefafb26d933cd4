"""A small hyper-parameter sweep (learning rate x hidden size, 4 trials) of a numpy MLP run in
two worker processes with the standard library, the way a user writes it:

--pool futures: concurrent.futures.ProcessPoolExecutor(max_workers=2), submit() per trial; each
                worker prints every epoch with flush=True
                '[trial 2] epoch 3/6 loss 0.4312 val_loss 0.4011 val_acc 0.8516 (0.04s)', and the
                parent, as each future completes (as_completed), prints
                'trial 2 finished: lr=0.3 hidden=16 best_val_acc=0.8516 @ epoch 4 in 0.31s'.
--pool mp:      multiprocessing.Pool(2).imap_unordered over the trials; each worker print()s
                without flush 'Trial 2 | Epoch 3 | train_loss: 0.4312 | val_loss: 0.4011 |
                val_acc: 85.16%' (accuracy in percent), so piped each worker's lines come in
                lumps when its buffer is flushed; the parent prints one summary line per result
                'Trial 2: lr=0.3, hidden=16 -> best val_acc 85.16% (epoch 4)'.

Each trial returns its own record of what it printed (full precision, in its print order); the
parent writes them all to the truth, series named '<trial k>/<metric>' with k as printed.

Versions: Python 3.11 stdlib (concurrent.futures, multiprocessing), numpy 2.4.6
(venv /work/venvs/corpus-zAP-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_futures_sweep -- python tests/corpus/scripts/pool_sweep.py --pool futures
    python tests/corpus/scripts/capture.py pipe real_mp_pool_sweep -- python tests/corpus/scripts/pool_sweep.py --pool mp
"""

import argparse
import multiprocessing as mp
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth

GRID = [(0.03, 16), (0.3, 16), (0.03, 64), (0.3, 64)]
EPOCHS = 6


def data(seed):
    rng = np.random.default_rng(seed)
    w = np.random.default_rng(0).normal(size=(10, 3))
    x = rng.normal(size=(1200, 10))
    y = np.argmax(x @ w + rng.normal(scale=1.0, size=(1200, 3)), 1)
    return x[:960], y[:960], x[960:], y[960:]


def xent(p, y):
    return float(-np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))


def forward(params, x):
    w1, b1, w2, b2 = params
    h = np.maximum(x @ w1 + b1, 0)
    z = h @ w2 + b2
    z = z - z.max(1, keepdims=True)
    p = np.exp(z)
    return h, p / p.sum(1, keepdims=True)


def trial(k, lr, hidden, style):
    rng = np.random.default_rng(k)
    xt, yt, xv, yv = data(42)
    params = [
        rng.normal(scale=0.3, size=(10, hidden)),
        np.zeros(hidden),
        rng.normal(scale=0.3, size=(hidden, 3)),
        np.zeros(3),
    ]
    record = []
    best, best_epoch = 0.0, 0
    start = time.time()
    for epoch in range(1, EPOCHS + 1):
        t0 = time.time()
        order = rng.permutation(len(xt))
        losses = []
        for i in range(0, len(xt), 32):
            idx = order[i : i + 32]
            x, y = xt[idx], yt[idx]
            h, p = forward(params, x)
            losses.append(xent(p, y))
            g = p.copy()
            g[np.arange(len(y)), y] -= 1
            g /= len(y)
            gw2, gb2 = h.T @ g, g.sum(0)
            gh = g @ params[2].T * (h > 0)
            gw1, gb1 = x.T @ gh, gh.sum(0)
            for prm, grad in zip(params, (gw1, gb1, gw2, gb2), strict=True):
                prm -= lr * grad
        loss = float(np.mean(losses))
        _, pv = forward(params, xv)
        val_loss, val_acc = xent(pv, yv), float(np.mean(pv.argmax(1) == yv))
        if val_acc > best:
            best, best_epoch = val_acc, epoch
        if style == "futures":
            print(
                f"[trial {k}] epoch {epoch}/{EPOCHS} loss {loss:.4f} val_loss {val_loss:.4f} "
                f"val_acc {val_acc:.4f} ({time.time() - t0:.2f}s)",
                flush=True,
            )
            tag, names = f"trial {k}/", ("loss", "val_loss", "val_acc")
            shown = val_acc
        else:
            print(
                f"Trial {k} | Epoch {epoch} | train_loss: {loss:.4f} | val_loss: {val_loss:.4f} | "
                f"val_acc: {100 * val_acc:.2f}%"
            )
            tag, names = f"Trial {k}/", ("train_loss", "val_loss", "val_acc")
            shown = 100 * val_acc
        for name, v in zip(names, (loss, val_loss, shown), strict=True):
            record.append((tag + name, None, epoch, v))
    return k, lr, hidden, best, best_epoch, time.time() - start, record


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", choices=["futures", "mp"], required=True)
    a = ap.parse_args()
    records = {}
    if a.pool == "futures":
        print(f"sweeping {len(GRID)} configs on 2 workers: lr x hidden = {GRID}", flush=True)
        with ProcessPoolExecutor(max_workers=2) as ex:
            futures = [ex.submit(trial, k, lr, h, "futures") for k, (lr, h) in enumerate(GRID)]
            for fut in as_completed(futures):
                k, lr, h, best, best_epoch, took, record = fut.result()
                print(
                    f"trial {k} finished: lr={lr} hidden={h} best_val_acc={best:.4f} @ epoch {best_epoch} in {took:.2f}s",
                    flush=True,
                )
                records[k] = record + [(f"trial {k}/best_val_acc", None, best_epoch, best)]
    else:
        print(f"Running {len(GRID)} trials with multiprocessing.Pool(2)")
        pool = mp.Pool(2)
        for k, lr, h, best, best_epoch, _, record in pool.imap_unordered(
            _run, list(enumerate(GRID))
        ):
            print(
                f"Trial {k}: lr={lr}, hidden={h} -> best val_acc {100 * best:.2f}% (epoch {best_epoch})"
            )
            records[k] = record + [(f"Trial {k}/best val_acc", None, best_epoch, 100 * best)]
        pool.close()
        pool.join()
    series = _truth.Series()
    for k in sorted(records):
        for name, step, epoch, value in records[k]:
            series.add(name, step, epoch, value)
    if a.pool == "futures":
        notes = (
            "concurrent.futures.ProcessPoolExecutor(max_workers=2), 4 trials (lr, hidden) = "
            "(0.03, 16), (0.3, 16), (0.03, 64), (0.3, 64), 6 epochs each of a numpy MLP (960 "
            "training, 240 validation samples, batch 32, seed = trial number). The parent "
            "prints 'sweeping 4 configs on 2 workers: lr x hidden = [(0.03, 16), …]' "
            "(hyper-parameters). Each worker prints (flush=True, so lines of two trials "
            "interleave) '[trial 2] epoch 3/6 loss 0.4312 val_loss 0.4011 val_acc 0.8516 "
            "(0.04s)': epoch 1-based, '/6' the epoch count, loss = the epoch's mean batch loss, "
            "the trailing seconds the epoch's wall time (a duration, not recorded). The parent "
            "prints per finished trial (as_completed order) 'trial 2 finished: lr=0.3 hidden=16 "
            "best_val_acc=0.8516 @ epoch 4 in 0.31s': lr/hidden are hyper-parameters, '@ epoch "
            "4' the epoch of the best value, 'in 0.31s' the trial's wall time (no metric); "
            "series 'trial 2/best_val_acc' at that epoch. Series are per trial, 'trial "
            "2/val_acc' etc. (the tag the lines print), each trial's epochs restarting at 1."
        )
    else:
        notes = (
            "multiprocessing.Pool(2).imap_unordered over 4 trials (lr, hidden) = (0.03, 16), "
            "(0.3, 16), (0.03, 64), (0.3, 64), 6 epochs each of a numpy MLP (960 training, 240 "
            "validation samples, batch 32, seed = trial number). The parent prints 'Running 4 "
            "trials with multiprocessing.Pool(2)'. Each worker print()s without flush 'Trial 2 "
            "| Epoch 3 | train_loss: 0.4312 | val_loss: 0.4011 | val_acc: 85.16%' (val_acc in "
            "percent as printed, the record's fraction x 100); piped, a worker's stdout is "
            "block-buffered and reaches the console when the worker exits, so each worker's "
            "trials come in one lump, after the parent's own lines or between them. The parent "
            "prints per result (completion order) 'Trial 2: lr=0.3, hidden=16 -> best val_acc "
            "85.16% (epoch 4)' (lr/hidden: hyper-parameters; '(epoch 4)' the best epoch): "
            "series 'Trial 2/best val_acc' at that epoch. Series are per trial, 'Trial "
            "2/train_loss' etc. (the tag the lines print), epochs restarting at 1 in each."
        )
    _truth.write(
        library=f"Python {sys.version.split()[0]} {'concurrent.futures' if a.pool == 'futures' else 'multiprocessing'} (2 processes), numpy {np.__version__} loop",
        script="tests/corpus/scripts/pool_sweep.py",
        record="each trial's own record of its printed values, returned to the parent",
        step_kind="epoch",
        series=series,
        notes=notes,
    )


def _run(args):
    k, (lr, h) = args
    return trial(k, lr, h, "mp")


if __name__ == "__main__":
    main()
