"""Hand-written training loops in printing styles the console corpus does not have: structlog JSON
events, alive-progress / enlighten / rich.progress / click.progressbar bars with per-epoch lines
printed through the bar library, a tabulate history table and a pandas DataFrame history.

A real (tiny numpy) model is trained (_toy.py); 10 ms of sleep per step stands for a real step's
compute so that the bars redraw.  The bars show progress only; the metrics are in the lines.
The script keeps exactly what it printed (full precision) as the truth.
Versions: structlog 26.1.0, alive-progress 3.3.0, enlighten 1.14.1, rich 15.0.0, click 8.5.0,
tabulate 0.10.0, pandas 2.3.3, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active), STYLE in structlog_json alive enlighten rich click
tabulate pandas:
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_hand_STYLE -- python tests/corpus/holdout/scripts/hand_styles.py STYLE
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pty  real_hand_STYLE_pty -- python tests/corpus/holdout/scripts/hand_styles.py STYLE
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record, Toy

style = sys.argv[1]
rec = Record()
toy = Toy(n=960, batch=32, lr=0.3)
EPOCHS = 4
spe = toy.steps_per_epoch
history = []
notes = ""
extra_ok: list[str] = []
library = ""


def train_epoch(epoch, on_step=None):
    global step
    tot = acc_tot = 0.0
    for i in range(spe):
        step += 1
        loss, acc = toy.train_step()
        tot += loss
        acc_tot += acc
        time.sleep(0.01)
        if on_step:
            on_step(i, loss, acc)
    v_loss, v_acc = toy.evaluate()
    return tot / spe, acc_tot / spe, v_loss, v_acc


step = 0
if style == "structlog_json":
    import structlog

    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.JSONRenderer(),
        ]
    )
    log = structlog.get_logger()
    log.info("run_started", model="mlp", optimizer="sgd", lr=0.3, batch_size=32, seed=0)
    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)

        def on_step(i, loss, acc, epoch=epoch):
            if (i + 1) % 10 == 0:
                log.info(
                    "train_step",
                    epoch=epoch,
                    step=step,
                    loss=rec("loss", step, epoch, loss),
                    lr=rec("lr", step, epoch, toy.lr),
                )

        t0 = time.perf_counter()
        tl, ta, vl, va = train_epoch(epoch, on_step)
        log.info(
            "epoch_end",
            epoch=epoch,
            step=step,
            train_loss=rec("train_loss", step, epoch, tl),
            val_loss=rec("val_loss", step, epoch, vl),
            val_accuracy=rec("val_accuracy", step, epoch, va),
            duration_s=round(time.perf_counter() - t0, 3),
        )
    log.info("run_finished", status="ok", checkpoint="/tmp/model-final.npz")
    library = "hand-written loop, structlog 26.1.0 JSONRenderer"
    extra_ok = ["duration_s"]
    notes = (
        "structlog with add_log_level, TimeStamper(fmt='iso', utc=True) and JSONRenderer: one JSON "
        "object per line, keys in call order then event/level/timestamp: "
        '\'{"epoch": 1, "step": 10, "loss": 0.47497..., "lr": 0.3, "event": "train_step", "level": '
        '"info", "timestamp": "2026-12-06T14:10:00.123456Z"}\'. Floats are JSON reprs (full '
        "precision). Every 10 steps a 'train_step' event (loss, lr); per epoch an 'epoch_end' event "
        "(train_loss, val_loss, val_accuracy, and duration_s: the epoch's wall time, extra_ok). The 'run_started' event holds configuration (lr 0.3, batch_size 32, seed 0): "
        "not metrics, although lr is a series in the train_step events."
    )
elif style == "alive":
    from alive_progress import alive_bar

    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        with alive_bar(spe, title=f"Epoch {epoch}/{EPOCHS}") as bar:
            tl, ta, vl, va = train_epoch(epoch, lambda i, loss, acc: bar())
            print(
                f"epoch {epoch}: train_loss={rec('train_loss', step, epoch, tl):.4f} "
                f"train_acc={rec('train_acc', step, epoch, ta):.4f} "
                f"val_loss={rec('val_loss', step, epoch, vl):.4f} val_acc={rec('val_acc', step, epoch, va):.4f}"
            )
    library = "hand-written loop, alive-progress 3.3.0"
    extra_ok = ["the bar's rate (/s) and elapsed time"]
    notes = (
        "An alive_bar per epoch (title 'Epoch 1/4', counts 30/30, rate, elapsed); the per-epoch "
        "line 'epoch 1: train_loss=0.5270 train_acc=0.7531 val_loss=0.4361 val_acc=0.8208' is a plain "
        "print() inside the bar's context, which alive-progress hooks: it prefixes the line with "
        "'on 30: ' (the bar position when printed), piped or not; in a terminal the bar is redrawn "
        "with \\r and the line printed above it after an erase (ESC[2K \\r ESC[J); piped, only "
        "the bar's final receipt 'Epoch 1/4 |████| 30/30 [100%] in 0.5s (62.77/s)' is written, "
        "after the epoch's line. "
        "Step = the global step at the epoch's end (30 per epoch), epoch 1-based."
    )
elif style == "enlighten":
    import enlighten

    manager = enlighten.get_manager()
    status = manager.status_bar(
        status_format="mlp training{fill}stage: {stage}{fill}{elapsed}",
        stage="train",
        color="bold_underline_bright_white_on_lightslategray",
        justify=enlighten.Justify.CENTER,
        autorefresh=True,
        min_delta=0.5,
    )
    epochs_bar = manager.counter(total=EPOCHS, desc="Epochs", unit="epochs", color="green")
    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        steps_bar = manager.counter(total=spe, desc=f"Epoch {epoch}", unit="steps", leave=False)
        tl, ta, vl, va = train_epoch(epoch, lambda i, loss, acc: steps_bar.update())  # noqa: B023 (called at once)
        steps_bar.close()
        status.update(stage="eval")
        print(
            f"Epoch {epoch:02d} | loss {rec('loss', step, epoch, tl):.5f} | acc {rec('acc', step, epoch, ta):.5f} "
            f"| val_loss {rec('val_loss', step, epoch, vl):.5f} | val_acc {rec('val_acc', step, epoch, va):.5f}"
        )
        epochs_bar.update()
        status.update(stage="train")
    manager.stop()
    library = "hand-written loop, enlighten 1.14.1"
    extra_ok = ["the bars' rates (steps/s, epochs/s) and elapsed times"]
    notes = (
        "enlighten keeps its bars (a status bar 'mlp training  stage: train  00:03', an 'Epochs' "
        "counter and a per-epoch 'Epoch 1' counter of 30 steps, removed when closed) at the BOTTOM "
        "of the terminal using a scroll region and cursor positioning; print() output scrolls above "
        "them. Piped (not a terminal) enlighten draws nothing and only the print() lines remain. "
        "Per-epoch line 'Epoch 01 | loss 0.52697 | acc 0.75312 | val_loss 0.43610 | val_acc 0.82083' "
        "(epoch zero-padded, '%.5f'); step = the global step at the epoch's end."
    )
elif style == "rich":
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold blue]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ) as progress:
        task = progress.add_task("train", total=EPOCHS * spe)
        for epoch in range(1, EPOCHS + 1):
            toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
            progress.update(task, description=f"epoch {epoch}/{EPOCHS}")
            tl, ta, vl, va = train_epoch(epoch, lambda i, loss, acc: progress.advance(task))
            progress.console.print(
                f"[green]Epoch {epoch}[/green]  train loss [bold]{rec('train loss', step, epoch, tl):.4f}[/bold]"
                f"  valid loss [bold]{rec('valid loss', step, epoch, vl):.4f}[/bold]"
                f"  valid acc [bold]{rec('valid acc', step, epoch, va * 100):.2f}%[/bold]"
                f"  lr {rec('lr', step, epoch, toy.lr):g}"
            )
    library = "hand-written loop, rich 15.0.0 Progress"
    extra_ok = []
    notes = (
        "One rich Progress bar over all steps ('epoch 2/4 ━━━━━━╺━━━━━ 45/120 0:00:01': description, "
        "bar, completed/total, elapsed) redrawn in place in a terminal (cursor-up/erase-line "
        "sequences) and drawn once at the end when piped. Per epoch, progress.console.print() "
        "writes above the bar: 'Epoch 1  train loss 0.5270  valid loss 0.4361  valid acc 82.08%  lr "
        "0.3' with rich markup (bold/colour in a terminal, plain when piped). valid acc is printed "
        "in percent: the truth is in percent too (the script's accuracy x 100). Step = the global "
        "step at the epoch's end."
    )
elif style == "click":
    import click

    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        with click.progressbar(
            length=spe, label=f"Epoch {epoch}", show_eta=True, show_percent=True
        ) as bar:
            tl, ta, vl, va = train_epoch(epoch, lambda i, loss, acc: bar.update(1))
        click.echo(
            f"  train_loss: {rec('train_loss', step, epoch, tl):.4f}  val_loss: {rec('val_loss', step, epoch, vl):.4f}"
            f"  val_acc: {rec('val_acc', step, epoch, va):.4f}"
        )
    click.secho("Training finished.", fg="green")
    library = "hand-written loop, click 8.5.0 progressbar"
    extra_ok = []
    notes = (
        "A click.progressbar per epoch: in a terminal 'Epoch 1  [####################------------]   "
        "62%  00:00:01' redrawn with \\r (percent and ETA, not metrics), ending with a newline; piped, "
        "click prints only the label once ('Epoch 1'). After each bar, click.echo('  train_loss: "
        "0.5270  val_loss: 0.4361  val_acc: 0.8208'). The epoch is on the bar's label line above. "
        "Step = the global step at the epoch's end."
    )
elif style == "tabulate":
    from tabulate import tabulate

    print(f"Training MLP for {EPOCHS} epochs ({spe} steps each)...")
    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        tl, ta, vl, va = train_epoch(epoch)
        history.append(
            {
                "epoch": epoch,
                "train loss": rec("train loss", step, epoch, tl),
                "train acc": rec("train acc", step, epoch, ta),
                "val loss": rec("val loss", step, epoch, vl),
                "val acc": rec("val acc", step, epoch, va),
                "lr": rec("lr", step, epoch, toy.lr),
            }
        )
    print(tabulate(history, headers="keys", tablefmt="grid", floatfmt=".4f"))
    library = "hand-written loop, tabulate 0.10.0"
    extra_ok = []
    notes = (
        "Nothing during training; at the end one tabulate 'grid' table of the history: '+-------+...' "
        "borders, a header row '| epoch | train loss | train acc | val loss | val acc | lr |', a "
        "'+=======+' rule, then one row per epoch ('|     1 |       0.5270 | ...') separated by "
        "'+---' rules; floats '.4f' (lr printed 0.3000). Column names (two words each) are the "
        "series; the epoch column is the epoch; step = the global step at the epoch's end (not "
        "printed). The first line 'Training MLP for 4 epochs (30 steps each)...' has no metrics."
    )
elif style == "pandas":
    import pandas as pd

    step_at = []

    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        tl, ta, vl, va = train_epoch(epoch)
        history.append(
            {
                "loss": rec("loss", step, epoch, tl),
                "accuracy": rec("accuracy", step, epoch, ta),
                "val_loss": rec("val_loss", step, epoch, vl),
                "val_accuracy": rec("val_accuracy", step, epoch, va),
            }
        )
        step_at.append(step)
        print(f"epoch {epoch} done")
    df = pd.DataFrame(history)
    print(df)
    best = df["val_loss"].idxmin()
    print(
        f"best epoch: {best + 1} (val_loss {rec('val_loss', step_at[best], best + 1, df['val_loss'][best]):.4f})"
    )
    library = "hand-written loop, pandas 2.3.3 DataFrame"
    extra_ok = []
    notes = (
        "During training only 'epoch 1 done'. At the end print(pd.DataFrame(history)): a header "
        "row '       loss  accuracy  val_loss  val_accuracy' and one row per epoch whose first "
        "column is the DataFrame index 0..3 (= epoch - 1; the index is not printed as 'epoch'), "
        "values with pandas' default 6 significant decimals. The truth's epoch is 1-based. The last "
        "line 'best epoch: 3 (val_loss 0.3498)' repeats the best epoch's val_loss: a last val_loss "
        "point at that epoch (and its step). "
        "Step = the global step at the epoch's end (not printed)."
    )
else:
    raise SystemExit(f"unknown style {style}")

_truth.write(
    library=library + ", numpy 2.4.6 model",
    script="tests/corpus/holdout/scripts/hand_styles.py",
    record="the values the script printed, kept by the script itself at full precision",
    step_kind="epoch" if style not in ("structlog_json",) else "global",
    series=rec.series,
    extra_ok=extra_ok,
    notes=notes,
)
