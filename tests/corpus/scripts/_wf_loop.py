"""The small hand-written training loop that workflow_*.py run inside workflow/orchestration tools
(Metaflow, Prefect, Kedro, Luigi, joblib, multiprocessing): the numpy MLP of _toy.py trained by
SGD, printing the way real scripts do.  A config line and every 10th step through print(), the
per-epoch line and the final test line through a logger (a stdlib logging.Logger or the tool's
run logger), so the tool's own handler formats some lines and its stdout capture the others.

The loop keeps its own record of every printed value (``history``: name -> [[step, epoch,
value], ...] at full precision); that record is the entry's truth, never a re-parse.
"""

from __future__ import annotations

import numpy as np
from _toy import Record, Toy


def train(
    log,
    *,
    epochs: int = 4,
    lr: float = 0.1,
    batch_size: int = 32,
    hidden: int = 32,
    seed: int = 0,
    print_every: int = 10,
    tag: str = "",
    out=None,
) -> dict[str, dict[str, list]]:
    """Train, print, and return the record of what was printed.

    ``tag`` (e.g. "[trial 1] ") prefixes every line the loop writes; its series are then named
    "<tag without brackets>/<metric>" in the record (as a reader should key them).
    """
    out = out or print  # looked up at call time: a tool may patch builtins.print
    rec = Record()
    key = tag.strip().strip("[]").strip()
    name = (lambda m: f"{key}/{m}") if key else (lambda m: m)
    toy = Toy(n=960, hidden=hidden, batch=batch_size, lr=lr, seed=seed)
    half = len(toy.xv) // 2
    xtest, ytest = toy.xv[half:], toy.yv[half:]
    toy.xv, toy.yv = toy.xv[:half], toy.yv[:half]

    def test() -> tuple[float, float]:
        _, p = toy._forward(xtest)
        loss = float(-np.mean(ytest * np.log(p) + (1 - ytest) * np.log(1 - p)))
        return loss, float(np.mean((p > 0.5) == ytest))

    out(f"{tag}config: epochs={epochs} lr={lr} batch_size={batch_size} hidden={hidden} seed={seed}")
    log.info(
        f"{tag}train samples: {len(toy.x)}, val samples: {len(toy.xv)}, test samples: {len(xtest)}"
    )
    step = 0
    best_acc, best_epoch = -1.0, 0
    for epoch in range(1, epochs + 1):
        losses = []
        for _ in range(toy.steps_per_epoch):
            step += 1
            loss, acc = toy.train_step()
            losses.append(loss)
            if step % print_every == 0:
                rec(name("loss"), step, epoch, loss)
                rec(name("acc"), step, epoch, acc)
                out(f"{tag}epoch {epoch} step {step}: loss={loss:.4f} acc={acc:.4f}")
        train_loss = float(np.mean(losses))
        val_loss, val_acc = toy.evaluate()
        rec(name("train_loss"), None, epoch, train_loss)
        rec(name("val_loss"), None, epoch, val_loss)
        rec(name("val_acc"), None, epoch, val_acc)
        log.info(
            f"{tag}epoch {epoch} train_loss={train_loss:.4f} val_loss={val_loss:.4f} "
            f"val_acc={val_acc:.4f}"
        )
        if val_acc > best_acc:
            best_acc, best_epoch = val_acc, epoch
    test_loss, test_acc = test()
    rec(name("test_loss"), None, None, test_loss)
    rec(name("test_acc"), None, None, test_acc)
    out(f"{tag}final test: test_loss={test_loss:.4f} test_acc={test_acc:.4f}")
    rec(name("best val_acc"), None, best_epoch, best_acc)
    log.info(f"{tag}best val_acc={best_acc:.4f} at epoch {best_epoch}")
    return rec.series


NOTES = (
    "The loop (tests/corpus/scripts/_wf_loop.py, a numpy MLP of _toy.py, 960 training samples, "
    "batch 32 = 30 steps per epoch) writes, through print(): 'config: epochs=4 lr=0.1 "
    "batch_size=32 hidden=32 seed=0' (hyper-parameters, no metric), every 10th step 'epoch 1 "
    "step 10: loss=0.6931 acc=0.5312' (step = the global step, 1-based; loss/acc of that one "
    "batch), and at the end 'final test: test_loss=0.4321 test_acc=0.8125'; through the logger: "
    "'train samples: 960, val samples: 120, test samples: 120' (counts, no metric), per epoch "
    "'epoch 1 train_loss=0.6543 val_loss=0.6012 val_acc=0.7083' (train_loss = mean of the "
    "epoch's batch losses; step null, epoch 1-based) and last 'best val_acc=0.8083 at epoch 3' "
    "(series 'best val_acc' at that epoch).  Truth: the loop's own record of each printed value "
    "(full precision), returned by train() and written by the script."
)
