"""Hand-written training loops (the numpy MLP of _toy.py, or scikit-learn's SGDClassifier fed
by partial_fit) wrapped in the progress-bar, logging and table utilities their users reach for,
used as each utility's README shows.  Nothing is reformatted: the loop prints what a user
prints, the utility draws what it draws.

Variants:
    progiter     ubelt.ProgIter per epoch (desc 'Epoch 1/3'), prog.set_extra('loss=0.4123
                 acc=0.812') after each step, then print('Epoch 1/3: val_loss=… val_acc=…')
    atpbar       atpbar(range(steps), name='epoch 1/4') per epoch (a text report line per task
                 when piped, bars on a terminal), a print of the epoch's mean train loss and the
                 validation figures after each bar
    mpire        a small hyper-parameter search: mpire WorkerPool(n_jobs=2).map(…,
                 progress_bar=True) over (alpha, eta0) configs, each worker training an
                 SGDClassifier for 5 partial_fit epochs; then one printed line per config
    ptqdm        p_tqdm.p_map over 5 cross-validation folds (each trains an SGDClassifier for 5
                 partial_fit epochs), then 'fold 1: acc=0.8650 logloss=0.3312' lines and a mean
    twiggy       Twiggy quick_setup(), log.name('train').fields(epoch=…, step=…, loss=…).info(…)
                 every 10 steps, a per-epoch message formatted with '{}' arguments
    ecs          ecs-logging StdlibFormatter on a stdlib StreamHandler (stdout): one ECS JSON
                 object per record, the metrics in extra={…}
    jsonlog      json-log-formatter VerboseJSONFormatter (record attributes: lineno, process,
                 thread …) on stdout, the metrics in extra={…}
    termtables   SGDClassifier partial_fit loop, one printed line per epoch, then termtables
                 .print of the epoch history (README style ascii_thin_double)
    beautiful    beautifultable BeautifulTable of the epoch history, printed once at the end
                 (its default precision 3), after a tqdm-free loop printing nothing else
    plotille     per-epoch lines, then a plotille Figure (two lines, legend, colours) of the
                 train/val loss curves
    uniplot      per-epoch lines, then uniplot.plot of the train/val loss curves (legend, title)
    uniplot_live uniplot.plot_gen redrawn after each epoch (cursor-up redraws), the epoch's
                 numbers printed beneath it as print_subscript-free plain prints

Truth: the values the loop computed and printed, kept by the loop itself at full precision
(its own history dict); for bars that redraw on a timer (ProgIter) the drawing function is
wrapped to note which step's values each drawn state showed.
Versions: ubelt 1.4.3, atpbar 2.0.10, mpire 2.10.2, p_tqdm 1.4.2 (pathos 0.3.5), tqdm 4.70.1,
Twiggy 0.5.1, ecs-logging 2.3.0, JSON-log-formatter 1.2.1, termtables 0.2.4, beautifultable
1.1.0, plotille 6.0.5, uniplot 0.23.2, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zW-1: pip install numpy scikit-learn tqdm
ubelt atpbar mpire p_tqdm twiggy ecs-logging JSON-log-formatter termtables beautifultable
plotille uniplot):
    python tests/corpus/scripts/capture.py pipe real_progiter_loop -- python tests/corpus/scripts/loop_wrapper_utils.py progiter
    python tests/corpus/scripts/capture.py pty  real_progiter_loop_pty -- python tests/corpus/scripts/loop_wrapper_utils.py progiter
    python tests/corpus/scripts/capture.py pipe real_atpbar_loop -- python tests/corpus/scripts/loop_wrapper_utils.py atpbar
    python tests/corpus/scripts/capture.py pty  real_atpbar_loop_pty -- python tests/corpus/scripts/loop_wrapper_utils.py atpbar
    python tests/corpus/scripts/capture.py pipe real_mpire_search -- python tests/corpus/scripts/loop_wrapper_utils.py mpire
    python tests/corpus/scripts/capture.py pty  real_mpire_search_pty -- python tests/corpus/scripts/loop_wrapper_utils.py mpire
    python tests/corpus/scripts/capture.py pipe real_p_tqdm_folds -- python tests/corpus/scripts/loop_wrapper_utils.py ptqdm
    python tests/corpus/scripts/capture.py pty  real_p_tqdm_folds_pty -- python tests/corpus/scripts/loop_wrapper_utils.py ptqdm
    python tests/corpus/scripts/capture.py pipe real_twiggy_fields -- python tests/corpus/scripts/loop_wrapper_utils.py twiggy
    python tests/corpus/scripts/capture.py pipe real_ecs_logging_loop -- python tests/corpus/scripts/loop_wrapper_utils.py ecs
    python tests/corpus/scripts/capture.py pipe real_json_log_formatter_verbose -- python tests/corpus/scripts/loop_wrapper_utils.py jsonlog
    python tests/corpus/scripts/capture.py pipe real_termtables_history -- python tests/corpus/scripts/loop_wrapper_utils.py termtables
    python tests/corpus/scripts/capture.py pipe real_beautifultable_history -- python tests/corpus/scripts/loop_wrapper_utils.py beautiful
    python tests/corpus/scripts/capture.py pipe real_plotille_loss -- python tests/corpus/scripts/loop_wrapper_utils.py plotille
    python tests/corpus/scripts/capture.py pipe real_uniplot_loss -- python tests/corpus/scripts/loop_wrapper_utils.py uniplot
    python tests/corpus/scripts/capture.py pipe real_uniplot_live -- python tests/corpus/scripts/loop_wrapper_utils.py uniplot_live
"""

from __future__ import annotations

import os
import sys
import time
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Toy

variant = sys.argv[1]
series = _truth.Series()
SCRIPT = "tests/corpus/scripts/loop_wrapper_utils.py"


def ver(*names: str) -> str:
    return ", ".join(f"{n} {metadata.version(n)}" for n in names)


# --------------------------------------------------------------------------- sklearn helpers
def sk_data(seed: int = 0):
    import numpy as np
    from sklearn.datasets import make_classification

    x, y = make_classification(
        n_samples=1500, n_features=20, n_informative=8, flip_y=0.08, random_state=seed
    )
    return x.astype(np.float64), y


def sk_train(x, y, xv, yv, epochs: int, alpha: float, eta0: float, seed: int = 0):
    """SGDClassifier partial_fit epochs; returns per-epoch (train_loss, val_loss, val_acc)."""
    import numpy as np
    from sklearn.linear_model import SGDClassifier
    from sklearn.metrics import accuracy_score, log_loss

    clf = SGDClassifier(
        loss="log_loss", alpha=alpha, learning_rate="constant", eta0=eta0, random_state=seed
    )
    rng = np.random.default_rng(seed)
    hist = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        for s in range(0, len(x), 100):
            idx = order[s : s + 100]
            clf.partial_fit(x[idx], y[idx], classes=[0, 1])
        tl = log_loss(y, clf.predict_proba(x))
        vl = log_loss(yv, clf.predict_proba(xv))
        va = accuracy_score(yv, clf.predict(xv))
        hist.append((float(tl), float(vl), float(va)))
    return hist


def search_worker(alpha, eta0):
    """One config of the search (mpire passes the tuple's items as arguments)."""
    x, y = sk_data(0)
    h = sk_train(x[:1100], y[:1100], x[1100:], y[1100:], epochs=5, alpha=alpha, eta0=eta0)
    time.sleep(0.3)  # a little wall time per task, so the bar is seen moving
    return {"alpha": alpha, "eta0": eta0, "val_loss": h[-1][1], "val_acc": h[-1][2]}


def fold_worker(k):
    """One cross-validation fold (p_tqdm maps this over fold indices)."""
    import numpy as np

    x, y = sk_data(1)
    folds = np.array_split(np.arange(len(x)), 5)
    val = folds[k]
    tr = np.concatenate([f for i, f in enumerate(folds) if i != k])
    h = sk_train(x[tr], y[tr], x[val], y[val], epochs=5, alpha=1e-3, eta0=0.01, seed=k)
    time.sleep(0.3)
    return {"fold": k + 1, "logloss": h[-1][1], "acc": h[-1][2]}


# --------------------------------------------------------------------------- variants
def run_progiter():
    import ubelt as ub

    EPOCHS, SPE = 3, 20
    toy = Toy(n=640, batch=32, lr=0.2, seed=5)
    drawn = []  # (step, epoch, loss, acc) of each drawn state that showed an extra
    cur = {"state": None}
    orig = ub.ProgIter.display_message

    def display_message(self):
        if cur["state"] is not None:
            drawn.append(cur["state"])
        return orig(self)

    ub.ProgIter.display_message = display_message
    step = 0
    val = []
    for epoch in range(1, EPOCHS + 1):
        cur["state"] = None
        prog = ub.ProgIter(range(SPE), desc=f"Epoch {epoch}/{EPOCHS}")
        for _ in prog:
            loss, acc = toy.train_step()
            step += 1
            time.sleep(0.12)  # a model's step time: ProgIter displays on its own timer
            prog.set_extra(f"loss={loss:.4f} acc={acc:.3f}")
            cur["state"] = (step, epoch, loss, acc)
        vl, va = toy.evaluate()
        print(f"Epoch {epoch}/{EPOCHS}: val_loss={vl:.4f} val_acc={va:.4f}")
        val.append((step, epoch, vl, va))
    seen = set()
    for st, ep, loss, acc in drawn:
        if st in seen:
            continue
        seen.add(st)
        series.add("loss", st, ep, loss)
        series.add("acc", st, ep, acc)
    for st, ep, vl, va in val:
        series.add("val_loss", st, ep, vl)
        series.add("val_acc", st, ep, va)
    return dict(
        library="hand-written loop, " + ver("ubelt", "numpy"),
        record="the loop's own history: the step whose set_extra text each drawn ProgIter "
        "state showed (ProgIter.display_message wrapped), and the validation figures it printed",
        extra_ok=["rate (ProgIter's iterations per second, 'rate=8.21 Hz')"],
        notes="ubelt.ProgIter(range(20), desc='Epoch 1/3') per epoch with its defaults "
        "(verbose=1: clearline, time_thresh=2.0 s, adjust=True, so it draws at 0/20, then about "
        "every 2 s and at the end); prog.set_extra('loss=0.4123 acc=0.812') after each step. A "
        "drawn state reads 'Epoch 1/3 15/20... rate=8.21 Hz, eta=0:00:00, total=0:00:01, "
        "loss=0.4123 acc=0.812' (the 0/20 state shows no extra). Redraws use '\\r' (pipe and "
        "terminal alike). After each epoch: 'Epoch 1/3: val_loss=0.4321 val_acc=0.8125'. "
        "Step = the global step whose values the drawn extra shows; epoch = the 'Epoch k/3' "
        "of the description. Not metrics: the 15/20 counts, the percentage-free rate/eta/total "
        "times besides rate.",
    )


def run_atpbar():
    from atpbar import atpbar, flush

    EPOCHS, SPE = 4, 25
    toy = Toy(n=800, batch=32, lr=0.2, seed=7)
    step = 0
    for epoch in range(1, EPOCHS + 1):
        losses = []
        for _ in atpbar(range(SPE), name=f"epoch {epoch}/{EPOCHS}"):
            loss, _acc = toy.train_step()
            losses.append(loss)
            step += 1
            time.sleep(0.03)
        flush()
        tl = sum(losses) / len(losses)
        vl, va = toy.evaluate()
        print(
            f"epoch {epoch}/{EPOCHS} - train loss: {tl:.4f} - val loss: {vl:.4f}"
            f" - val acc: {va * 100:.2f}%"
        )
        series.add("train loss", step, epoch, tl)
        series.add("val loss", step, epoch, vl)
        series.add("val acc", step, epoch, va * 100)
    return dict(
        library="hand-written loop, " + ver("atpbar", "numpy"),
        record="the loop's own history of the figures it printed after each epoch",
        extra_ok=[],
        notes="atpbar(range(25), name='epoch 1/4') around each epoch's steps, flush() after "
        "it, then print('epoch 1/4 - train loss: 0.5123 - val loss: 0.4988 - val acc: "
        "78.40%'). atpbar picks its presentation by sys.stdout.isatty(): piped it writes report "
        "lines '12/07 12:40 :        0 /       25 (  0.00%): epoch 1/4 ' at a task's first and "
        "last report (counts, percentages, a date and clock time: none are metrics); on a "
        "terminal it draws ' 100.00% :::::::::::::::::::::::::::::::::::::::: |       25 /"
        "       25 |:  epoch 1/4 ' bars from a pickup thread, erasing them with cursor moves. "
        "'val acc' is printed in per cent (the record keeps the printed unit). Step = global "
        "step at the epoch's end.",
    )


def run_mpire():
    from mpire import WorkerPool

    configs = [(a, e) for a in (1e-4, 1e-3, 1e-2) for e in (0.001, 0.01, 0.1)]
    with WorkerPool(n_jobs=2) as pool:
        results = pool.map(search_worker, configs, progress_bar=True)
    for i, r in enumerate(results, 1):
        print(
            f"[{i}/{len(results)}] alpha={r['alpha']:g} eta0={r['eta0']:g} -> "
            f"val_loss={r['val_loss']:.4f} val_acc={r['val_acc']:.4f}"
        )
        series.add("val_loss", i, None, r["val_loss"])
        series.add("val_acc", i, None, r["val_acc"])
    best = max(range(len(results)), key=lambda i: results[i]["val_acc"])
    print(
        f"best config: #{best + 1} alpha={results[best]['alpha']:g} eta0={results[best]['eta0']:g}"
    )
    return dict(
        library="hand-written search, " + ver("mpire", "tqdm", "scikit-learn", "numpy"),
        record="the list of result dicts WorkerPool.map returned, as the script printed them",
        step_kind="trial",
        extra_ok=["tqdm's it/s or s/it rate on mpire's bar"],
        notes="mpire WorkerPool(n_jobs=2).map(search_worker, 9 (alpha, eta0) configs, "
        "progress_bar=True): mpire's tqdm bar '100%|██████████| 9/9 [00:02<00:00,  3.50it/s]' on "
        "stderr (no metric in it), then one line per config '[3/9] alpha=0.0001 eta0=0.1 -> "
        "val_loss=0.3512 val_acc=0.8720' and 'best config: #5 alpha=0.001 eta0=0.01' (no "
        "metric). Trial = the [i/9] index. Not metrics: alpha and eta0 (hyper-parameters), the "
        "[i/9] counts, the bar's counts and percentages.",
    )


def run_ptqdm():
    from p_tqdm import p_map

    results = p_map(fold_worker, list(range(5)), num_cpus=2)
    for r in results:
        print(f"fold {r['fold']}: acc={r['acc']:.4f} logloss={r['logloss']:.4f}")
        series.add("acc", r["fold"], None, r["acc"])
        series.add("logloss", r["fold"], None, r["logloss"])
    ma = sum(r["acc"] for r in results) / len(results)
    ml = sum(r["logloss"] for r in results) / len(results)
    print(f"mean acc={ma:.4f} mean logloss={ml:.4f}")
    series.add("mean acc", None, None, ma)
    series.add("mean logloss", None, None, ml)
    return dict(
        library="hand-written cross-validation, "
        + ver("p_tqdm", "pathos", "tqdm", "scikit-learn", "numpy"),
        record="the list of fold dicts p_map returned and their means, as the script printed them",
        step_kind="trial",
        extra_ok=["tqdm's it/s or s/it rate on p_tqdm's bar"],
        notes="p_tqdm.p_map(fold_worker, range(5), num_cpus=2): its tqdm bar "
        "'100%|██████████| 5/5 [00:01<00:00,  3.10it/s]' on stderr, then 'fold 1: acc=0.8650 "
        "logloss=0.3312' per fold and 'mean acc=0.8600 mean logloss=0.3400'. Trial = the fold "
        "number as printed; the means have no step (null). Not metrics: the bar's counts and "
        "percentages.",
    )


def run_twiggy():
    from twiggy import log, quick_setup

    quick_setup()
    EPOCHS = 3
    toy = Toy(n=960, batch=32, lr=0.2, seed=11)
    spe = toy.steps_per_epoch  # 30
    tlog = log.name("train")
    tlog.fields(epochs=EPOCHS, batch_size=32, lr=0.2).info("starting run")
    step = 0
    for epoch in range(1, EPOCHS + 1):
        for _ in range(spe):
            loss, acc = toy.train_step()
            step += 1
            if step % 10 == 0:
                tlog.fields(epoch=epoch, step=step, loss=round(loss, 4), acc=acc).info("train")
                series.add("loss", step, epoch, round(loss, 4))
                series.add("acc", step, epoch, acc)
        vl, va = toy.evaluate()
        tlog.fields(epoch=epoch).info("val_loss={:.4f} val_acc={:.4f}", vl, va)
        series.add("val_loss", step, epoch, vl)
        series.add("val_acc", step, epoch, va)
    tlog.info("done after {} steps", step)
    return dict(
        library="hand-written loop, " + ver("Twiggy", "numpy"),
        record="the values the loop handed Twiggy's log, kept by the loop itself",
        extra_ok=[],
        notes="Twiggy quick_setup() (its default line format, to stderr): fields sorted by "
        "name between the logger name and the message, ':'-separated, the message after '|': "
        "'INFO:train:acc=0.875:epoch=1:loss=0.4123:step=10|train' every 10 steps, "
        "'INFO:train:epoch=1|val_loss=0.4321 val_acc=0.8125' per epoch (a {}-formatted "
        "message), a first 'INFO:train:batch_size=32:epochs=3:lr=0.2|starting run' (config, not "
        "metrics) and 'INFO:train|done after 90 steps' (a count). The loss field is "
        "round(loss, 4) as handed to the log. Step = the step field; the val line is at the "
        "epoch's last step.",
    )


def _stdlib_logger(formatter):
    import logging

    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(formatter)
    lg = logging.getLogger("trainer")
    lg.setLevel(logging.INFO)
    lg.addHandler(h)
    return lg


def _logged_loop(lg, seed):
    EPOCHS = 3
    toy = Toy(n=960, batch=32, lr=0.25, seed=seed)
    spe = toy.steps_per_epoch
    lg.info(
        "run started", extra={"epochs": EPOCHS, "batch_size": 32, "base_lr": 0.25, "seed": seed}
    )
    step = 0
    for epoch in range(1, EPOCHS + 1):
        lr = 0.25 * (0.5 ** (epoch - 1))
        toy.lr = lr
        for _ in range(spe):
            loss, acc = toy.train_step()
            step += 1
            if step % 15 == 0:
                lg.info(
                    "train step",
                    extra={"epoch": epoch, "step": step, "loss": loss, "acc": acc, "lr": lr},
                )
                series.add("loss", step, epoch, loss)
                series.add("acc", step, epoch, acc)
                series.add("lr", step, epoch, lr)
        vl, va = toy.evaluate()
        lg.info("validation", extra={"epoch": epoch, "step": step, "val_loss": vl, "val_acc": va})
        series.add("val_loss", step, epoch, vl)
        series.add("val_acc", step, epoch, va)
    lg.info("run finished", extra={"total_steps": step})


def run_ecs():
    import ecs_logging

    _logged_loop(_stdlib_logger(ecs_logging.StdlibFormatter()), seed=13)
    return dict(
        library="hand-written loop, " + ver("ecs-logging", "numpy"),
        record="the values the loop handed the logger in extra={...}, kept by the loop itself",
        extra_ok=[],
        notes="ecs_logging.StdlibFormatter() on a logging.StreamHandler(sys.stdout), the "
        "metrics passed as extra: one ECS JSON object per line, keys sorted after the fixed "
        "'@timestamp', 'log.level', 'message', 'ecs.version': '{\"@timestamp\":\"…\",\"log.level\":"
        '"info","message":"train step","ecs.version":"1.6.0","acc":0.875,"epoch":1,'
        '"log":{"logger":"trainer","origin":{"file":{"line":261,"name":'
        '"loop_wrapper_utils.py"},"function":"_logged_loop"},"original":"train step"},'
        '"loss":0.41,"lr":0.25,"process":{"name":"MainProcess","pid":1234,"thread":'
        '{"id":1402…,"name":"MainThread"}},"step":15}\'. Every 15 steps loss/acc/lr, per '
        "epoch val_loss/val_acc. Not metrics: the ecs.version, the source line number, pid, "
        "thread id, the first record's config (epochs, batch_size, base_lr, seed) and the last "
        "record's total_steps count. lr is a step-decayed learning rate the loop logged (a "
        "series here since the record has it).",
    )


def run_jsonlog():
    import json_log_formatter

    _logged_loop(_stdlib_logger(json_log_formatter.VerboseJSONFormatter()), seed=17)
    return dict(
        library="hand-written loop, " + ver("JSON-log-formatter", "numpy"),
        record="the values the loop handed the logger in extra={...}, kept by the loop itself",
        extra_ok=[],
        notes="json_log_formatter.VerboseJSONFormatter() on a logging.StreamHandler(sys.stdout): "
        'the extra keys first, then the LogRecord\'s attributes: \'{"epoch": 1, "step": 15, '
        '"loss": 0.41, "acc": 0.875, "lr": 0.25, "filename": "loop_wrapper_utils.py", '
        '"funcName": "_logged_loop", "levelname": "INFO", "lineno": 261, "module": …, '
        '"name": "trainer", "pathname": …, "process": 1234, "processName": '
        '"MainProcess", "stack_info": null, "thread": 1402…, "threadName": "MainThread", '
        '"message": "train step", "time": "2026-12-07T…"}\'. Every 15 steps loss/acc/lr, '
        "per epoch val_loss/val_acc. Not metrics: lineno, process, thread, the first record's "
        "config (epochs, batch_size, base_lr, seed), the last record's total_steps.",
    )


def run_termtables():
    import termtables as tt

    x, y = sk_data(2)
    xt, yt, xv, yv = x[:1200], y[:1200], x[1200:], y[1200:]
    t0 = time.time()
    rows = []
    hist = sk_train(xt, yt, xv, yv, epochs=6, alpha=1e-3, eta0=0.02, seed=2)
    for epoch, (tl, vl, va) in enumerate(hist, 1):
        print(f"epoch {epoch}: train_logloss {tl:.5f}")
        series.add("train_logloss", None, epoch, tl)
        rows.append([epoch, f"{tl:.4f}", f"{vl:.4f}", f"{va:.4f}"])
    print(f"trained in {time.time() - t0:.2f}s")
    tt.print(
        rows,
        header=["Epoch", "Train logloss", "Val logloss", "Val accuracy"],
        style=tt.styles.ascii_thin_double,
        padding=(0, 1),
        alignment="cccc",
    )
    for epoch, (tl, vl, va) in enumerate(hist, 1):
        series.add("Train logloss", None, epoch, tl)
        series.add("Val logloss", None, epoch, vl)
        series.add("Val accuracy", None, epoch, va)
    return dict(
        library="hand-written loop, " + ver("termtables", "scikit-learn", "numpy"),
        record="the loop's per-epoch history (log_loss / accuracy_score after each partial_fit "
        "epoch), as printed",
        step_kind="epoch",
        extra_ok=["the 'trained in 0.12s' wall time"],
        notes="SGDClassifier(loss='log_loss') fed by partial_fit in batches of 100, 6 epochs; "
        "'epoch 1: train_logloss 0.41234' printed as it trains, then termtables.print(rows, "
        "header=['Epoch', 'Train logloss', 'Val logloss', 'Val accuracy'], "
        "style=tt.styles.ascii_thin_double, padding=(0, 1)) as its README shows: '| 1     | "
        "0.4123        | 0.4501      | 0.8400       |' rows under a '+=======+' rule. The table "
        "repeats the train losses under its own column name ('Train logloss'), so the same "
        "values appear under two printed names. Epoch = the first column.",
    )


def run_beautiful():
    from beautifultable import BeautifulTable

    EPOCHS = 5
    toy = Toy(n=800, batch=32, lr=0.2, seed=19)
    table = BeautifulTable()
    table.columns.header = ["epoch", "train_loss", "train_acc", "val_loss", "val_acc"]
    for epoch in range(1, EPOCHS + 1):
        ls, ac = [], []
        for _ in range(toy.steps_per_epoch):
            loss, acc = toy.train_step()
            ls.append(loss)
            ac.append(acc)
        tl, ta = sum(ls) / len(ls), sum(ac) / len(ac)
        vl, va = toy.evaluate()
        table.rows.append([epoch, tl, ta, vl, va])
        for name, v in (("train_loss", tl), ("train_acc", ta), ("val_loss", vl), ("val_acc", va)):
            series.add(name, None, epoch, v)
    print(table)
    return dict(
        library="hand-written loop, " + ver("beautifultable", "numpy"),
        record="the loop's per-epoch history, the floats appended as the table's rows",
        step_kind="epoch",
        extra_ok=[],
        notes="beautifultable.BeautifulTable(), columns.header = ['epoch', 'train_loss', "
        "'train_acc', 'val_loss', 'val_acc'], one rows.append([epoch, floats…]) per epoch, "
        "print(table) once at the end: its default style (box of '+', '-', '|') and default "
        "precision 3 ('| 1 | 0.512 | 0.781 | 0.499 | 0.79 |', trailing zeros dropped). "
        "Nothing else is printed. Epoch = the first column.",
    )


def _curve_loop(seed, epochs, tls, vls):
    """Train `epochs` epochs, appending each epoch's train/val loss to tls/vls."""
    toy = Toy(n=640, batch=32, lr=0.15, seed=seed)
    for epoch in range(1, epochs + 1):
        ls = [toy.train_step()[0] for _ in range(toy.steps_per_epoch)]
        tl = sum(ls) / len(ls)
        vl, va = toy.evaluate()
        tls.append(tl)
        vls.append(vl)
        yield epoch, tl, vl, va


def run_plotille():
    import plotille

    EPOCHS = 12
    tls, vls = [], []
    for epoch, tl, vl, va in _curve_loop(23, EPOCHS, tls, vls):
        print(f"Epoch {epoch:2d}/{EPOCHS}  loss {tl:.4f}  val_loss {vl:.4f}  val_acc {va:.4f}")
        series.add("loss", None, epoch, tl)
        series.add("val_loss", None, epoch, vl)
        series.add("val_acc", None, epoch, va)
    fig = plotille.Figure()
    fig.width = 60
    fig.height = 15
    fig.set_x_limits(min_=1, max_=EPOCHS)
    fig.x_label = "epoch"
    fig.y_label = "loss"
    fig.color_mode = "byte"
    xs = list(range(1, EPOCHS + 1))
    fig.plot(xs, tls, lc=25, label="train")
    fig.plot(xs, vls, lc=200, label="val")
    print(fig.show(legend=True))
    return dict(
        library="hand-written loop, " + ver("plotille", "numpy"),
        record="the loop's per-epoch history, as printed",
        step_kind="epoch",
        extra_ok=[],
        notes="'Epoch  3/12  loss 0.4123  val_loss 0.4321  val_acc 0.8125' per epoch, then a "
        "plotille Figure (60x15, color_mode 'byte', two lines labelled train/val, x_label "
        "'epoch', y_label 'loss') printed with fig.show(legend=True): braille-dot curves "
        "coloured with 256-colour ANSI codes, y-axis tick labels ('0.48123 | ⠀⠀⡀…'), x-axis "
        "ticks (1, 2.37500, …) and a legend block. The axis tick numbers are the plot's scale, "
        "not metrics; the curves' values are only drawn, not printed.",
    )


def run_uniplot():
    from uniplot import plot

    EPOCHS = 15
    tls, vls = [], []
    for epoch, tl, vl, va in _curve_loop(29, EPOCHS, tls, vls):
        print(f"epoch {epoch} | train loss {tl:.4f} | val loss {vl:.4f} | val acc {va:.3f}")
        series.add("train loss", None, epoch, tl)
        series.add("val loss", None, epoch, vl)
        series.add("val acc", None, epoch, va)
    plot(
        ys=[tls, vls],
        xs=[list(range(1, EPOCHS + 1))] * 2,
        lines=True,
        legend_labels=["train loss", "val loss"],
        title="Loss per epoch",
        width=60,
        height=14,
    )
    return dict(
        library="hand-written loop, " + ver("uniplot", "numpy"),
        record="the loop's per-epoch history, as printed",
        step_kind="epoch",
        extra_ok=[],
        notes="'epoch 3 | train loss 0.4123 | val loss 0.4321 | val acc 0.812' per epoch, then "
        "uniplot.plot(ys=[train, val], xs=…, lines=True, legend_labels=['train loss', 'val "
        "loss'], title='Loss per epoch', width=60, height=14): box-drawn plot with ANSI-coloured "
        "block-character curves, y-axis tick labels ('│ 0.45 ▌'), x-axis ticks and a legend whose "
        "labels are the same words as the printed series names. Tick numbers are the plot's "
        "scale, not metrics.",
    )


def run_uniplot_live():
    from uniplot import plot_gen

    EPOCHS = 6
    plt = plot_gen()
    tls, vls = [], []
    for epoch, tl, vl, va in _curve_loop(31, EPOCHS, tls, vls):
        xs = list(range(1, epoch + 1))
        plt.update(
            ys=[tls, vls],
            xs=[xs, xs],
            lines=True,
            legend_labels=["train", "val"],
            title=f"epoch {epoch}: train_loss={tl:.4f} val_loss={vl:.4f} val_acc={va:.3f}",
            width=50,
            height=10,
        )
        series.add("train_loss", None, epoch, tl)
        series.add("val_loss", None, epoch, vl)
        series.add("val_acc", None, epoch, va)
        time.sleep(0.1)
    return dict(
        library="hand-written loop, " + ver("uniplot", "numpy"),
        record="the loop's per-epoch history, as shown in each redraw's title",
        step_kind="epoch",
        extra_ok=[],
        notes="uniplot.plot_gen() updated after each epoch with the curves so far and a title "
        "'epoch 3: train_loss=0.4123 val_loss=0.4321 val_acc=0.812': each update moves the "
        "cursor up over the previous plot (ESC[nA) and redraws it, so the file holds 6 plots, "
        "each with its title line (the only place the numbers are printed), y-axis tick labels "
        "and x ticks (the plot's scale, not metrics) and a legend 'train'/'val'. Piped, the "
        "cursor moves are written all the same.",
    )


RUN = {
    "progiter": run_progiter,
    "atpbar": run_atpbar,
    "mpire": run_mpire,
    "ptqdm": run_ptqdm,
    "twiggy": run_twiggy,
    "ecs": run_ecs,
    "jsonlog": run_jsonlog,
    "termtables": run_termtables,
    "beautiful": run_beautiful,
    "plotille": run_plotille,
    "uniplot": run_uniplot,
    "uniplot_live": run_uniplot_live,
}

if __name__ == "__main__":
    info = RUN[variant]()
    info.setdefault("step_kind", "global")
    _truth.write(script=SCRIPT, series=series, not_printed=[], **info)
