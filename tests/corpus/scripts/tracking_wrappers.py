"""A hand-written training loop wrapped in the logging / tracking / printing libraries users
put around their loops: wandb offline (per-step dict prints, define_metric summaries, a
run.summary key), python-json-logger with dict messages, coloredlogs with a custom format,
texttable reprinted every epoch, terminaltables' SingleTable / AsciiTable of final results, Logbook's
colourised handler, and one tqdm bar for the whole run under tqdm.contrib.logging.logging_redirect_tqdm.

A real (tiny numpy) model is trained (_toy.py: 2-layer MLP, 960 samples, 30 steps per epoch, 4
epochs, validation each epoch).  Ground truth: for wandb, wandb's OWN run file (the offline
run-*.wandb protobuf records: history rows and the final summary), read back after finish();
for the other styles, the values the loop handed the library (its history dict).
Versions: wandb 0.31.0, python-json-logger 4.2.0, coloredlogs 15.0.1, texttable 1.7.2,
terminaltables 3.1.10, Logbook 1.10.1, tqdm 4.70.1, numpy 2.4.6, Python 3.11 (venv corpus-zw-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_wandb_offline_dicts -- env WANDB_MODE=offline python tests/corpus/scripts/tracking_wrappers.py wandb
    python tests/corpus/scripts/capture.py pty  real_wandb_offline_dicts_pty -- env WANDB_MODE=offline python tests/corpus/scripts/tracking_wrappers.py wandb
    python tests/corpus/scripts/capture.py pipe real_jsonlogger_dict_msg -- python tests/corpus/scripts/tracking_wrappers.py jsonlogger
    python tests/corpus/scripts/capture.py pipe real_coloredlogs_brackets -- python tests/corpus/scripts/tracking_wrappers.py coloredlogs
    python tests/corpus/scripts/capture.py pty  real_coloredlogs_brackets_pty -- python tests/corpus/scripts/tracking_wrappers.py coloredlogs
    python tests/corpus/scripts/capture.py pipe real_texttable_reprint -- python tests/corpus/scripts/tracking_wrappers.py texttable
    python tests/corpus/scripts/capture.py pipe real_terminaltables_results -- python tests/corpus/scripts/tracking_wrappers.py terminaltables
    python tests/corpus/scripts/capture.py pty  real_terminaltables_results_pty -- python tests/corpus/scripts/tracking_wrappers.py terminaltables
    python tests/corpus/scripts/capture.py pipe real_terminaltables_ascii_results -- python tests/corpus/scripts/tracking_wrappers.py terminaltables_ascii
    python tests/corpus/scripts/capture.py pipe real_logbook_channel -- python tests/corpus/scripts/tracking_wrappers.py logbook
    python tests/corpus/scripts/capture.py pty  real_logbook_channel_pty -- python tests/corpus/scripts/tracking_wrappers.py logbook
    python tests/corpus/scripts/capture.py pipe real_tqdm_redirect_run_bar -- python tests/corpus/scripts/tracking_wrappers.py tqdm
    python tests/corpus/scripts/capture.py pty  real_tqdm_redirect_run_bar_pty -- python tests/corpus/scripts/tracking_wrappers.py tqdm
"""

import glob
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
import time
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record, Toy

style = sys.argv[1]
rec = Record()
EPOCHS = 4
EVERY = 10
SCRIPT = "tests/corpus/scripts/tracking_wrappers.py"
CONFIG = {"lr": 0.3, "batch_size": 32, "epochs": EPOCHS, "hidden": 32, "seed": 0}
toy = Toy(n=960, batch=32, lr=0.3)
SPE = toy.steps_per_epoch
TOTAL = SPE * EPOCHS
N_PARAMS = toy.w1.size + toy.b1.size + toy.w2.size + 1


def v(name):
    return metadata.version(name)


def lr_at(epoch):
    return 0.3 * 0.5 ** ((epoch - 1) // 2)


# --------------------------------------------------------------------------------------- wandb
def wandb_records(path):
    """The protobuf records of a wandb run file (LevelDB-log framing: 32 KiB blocks, 7-byte
    chunk headers crc32/length/type; type 1 full, 2 first, 3 middle, 4 last)."""
    from wandb.proto import wandb_internal_pb2 as pb

    data = open(path, "rb").read()
    assert data[:4] == b":W&B"
    pos, block, buf = 7, 32768, b""
    while pos + 7 <= len(data):
        left = block - pos % block
        if left < 7:
            pos += left
            continue
        _crc, n, typ = struct.unpack("<IHB", data[pos : pos + 7])
        if n == 0 and typ == 0:
            pos += left
            continue
        chunk = data[pos + 7 : pos + 7 + n]
        pos += 7 + n
        if typ in (1, 4):
            r = pb.Record()
            r.ParseFromString(buf + chunk if typ == 4 else chunk)
            buf = b""
            yield r
        elif typ == 2:
            buf = chunk
        elif typ == 3:
            buf += chunk


def run_wandb():
    import wandb

    work = tempfile.mkdtemp(prefix="wandb-")
    print(f"config: {CONFIG}")
    run = wandb.init(project="toy-mlp", dir=work, config=CONFIG)
    wandb.define_metric("val/acc", summary="max")
    printed = []  # (kind, step) in print order
    step = 0
    best = 0.0
    for epoch in range(1, EPOCHS + 1):
        toy.lr = lr_at(epoch)
        for _ in range(SPE):
            step += 1
            loss, acc = toy.train_step()
            metrics = {"train/loss": loss, "train/acc": acc, "lr": toy.lr, "epoch": epoch}
            wandb.log(metrics, step=step)
            if step % EVERY == 0:
                print(f"step {step}: {metrics}")
                printed.append(("train", step))
        v_loss, v_acc = toy.evaluate()
        val = {"val/loss": v_loss, "val/acc": v_acc}
        wandb.log(val, step=step)  # same step as the epoch's last batch: one history row
        print(f"epoch {epoch} validation: {val}")
        printed.append(("val", step))
        best = max(best, v_acc)
    run.summary["best_val_acc"] = best
    run.finish()
    # wandb's own record: the history rows and the last summary update per key
    files = glob.glob(os.path.join(work, "wandb", "offline-run-*", "run-*.wandb"))
    for _ in range(100):  # wandb-core may still be flushing the file when finish() returns
        records = list(wandb_records(files[0]))
        if any(r.WhichOneof("record_type") == "exit" for r in records):
            break
        time.sleep(0.1)
    history, summary = {}, {}
    for r in records:
        kind = r.WhichOneof("record_type")
        if kind == "history":
            row = {
                i.key or "/".join(i.nested_key): json.loads(i.value_json) for i in r.history.item
            }
            history[row["_step"]] = row
        elif kind == "summary":
            for i in r.summary.update:
                summary[i.key or "/".join(i.nested_key)] = json.loads(i.value_json)
    shutil.rmtree(work, ignore_errors=True)
    for kind, s in printed:
        row = history[s]
        keys = ("train/loss", "train/acc", "lr") if kind == "train" else ("val/loss", "val/acc")
        for k in keys:
            rec(k, s, row["epoch"], row[k])
    # the printed 'Run summary': plain values only (val/acc's summary is {'max': ...}: not shown);
    # a key whose summary is the last printed point of its series is that point, not a new one
    last_step = max(history)
    for k in ("train/loss", "train/acc", "lr", "val/loss", "best_val_acc"):
        pts = rec.series.get(k, {}).get("points", [])
        if pts and pts[-1][2] == summary[k]:
            continue
        rec(k, last_step, EPOCHS, summary[k])
    assert isinstance(summary["val/acc"], dict)
    _truth.write(
        library=f"hand-written loop, wandb {v('wandb')} (offline), numpy {v('numpy')} model",
        script=SCRIPT,
        record="wandb's own offline run file (run-*.wandb): history rows (_step) and summary updates",
        step_kind="global",
        series=rec.series,
        not_printed=[
            "train/loss, train/acc, lr at the steps not printed (wandb.log every step, print every 10th)"
        ],
        notes=(
            "Starts with 'config: {'lr': 0.3, 'batch_size': 32, 'epochs': 4, 'hidden': 32, 'seed': 0}' (the "
            "hyper-parameters: no metric). Every 10th step the loop prints the dict it hands wandb.log: "
            "\"step 10: {'train/loss': 0.4750095577005998, 'train/acc': 0.78125, 'lr': 0.3, 'epoch': 1}\" "
            "(full repr precision; 'epoch' is a counter, not a metric; lr is the schedule value, logged: a "
            "series). After each epoch \"epoch 1 validation: {'val/loss': 0.43..., 'val/acc': 0.82...}\" at "
            "the epoch's last step (logged with step= that step: same wandb history row). wandb's own lines "
            "start 'wandb: '; at the end 'Run history:' sparklines (no numbers) and 'Run summary:' right-"
            "aligned rows: best_val_acc (run.summary, a new point at the last step), epoch 4 (a counter: not "
            "a metric), lr / train/acc / train/loss / val/loss (each the last value logged at step 120; "
            "train/* and lr were printed at step 120 already and val/loss at its last epoch line: the same "
            "point, not a new one). val/acc has define_metric(summary='max'): its summary is {'max': ...} and "
            "wandb prints no row for it."
        ),
    )


# ----------------------------------------------------------------------------- python-json-logger
def run_jsonlogger():
    from pythonjsonlogger.json import JsonFormatter

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            static_fields={"run": "toy-mlp-0"},
        )
    )
    log = logging.getLogger("train")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.info(
        {
            "event": "run_start",
            "params": N_PARAMS,
            "train_size": 960,
            "val_size": 240,
            **CONFIG,
        }
    )
    step = 0
    best, best_epoch = 0.0, 0
    for epoch in range(1, EPOCHS + 1):
        toy.lr = lr_at(epoch)
        tot = 0.0
        for i in range(SPE):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            if step % EVERY == 0:
                log.info(
                    {
                        "event": "train_step",
                        "epoch": epoch,
                        "step": step,
                        "batch": i + 1,
                        "samples_seen": step * 32,
                        "loss": rec("loss", step, epoch, loss),
                        "acc": rec("acc", step, epoch, acc),
                        "lr": rec("lr", step, epoch, toy.lr),
                    }
                )
        v_loss, v_acc = toy.evaluate()
        if v_acc > best:
            best, best_epoch = v_acc, epoch
        log.info(
            {
                "event": "epoch_end",
                "epoch": epoch,
                "step": step,
                "train_loss": rec("train_loss", step, epoch, tot / SPE),
                "val_loss": rec("val_loss", step, epoch, v_loss),
                "val_acc": rec("val_acc", step, epoch, v_acc),
                "best_val_acc": rec("best_val_acc", step, epoch, best),
                "patience_left": 3 - (epoch - best_epoch),
            }
        )
    log.info({"event": "run_end", "best_epoch": best_epoch, "total_steps": step})
    _truth.write(
        library=f"hand-written loop, python-json-logger {v('python-json-logger')}, numpy {v('numpy')} model",
        script=SCRIPT,
        record="the values the loop handed the logger (its history)",
        step_kind="global",
        series=rec.series,
        notes=(
            "python-json-logger JsonFormatter with rename_fields (time/level/logger) and static_fields "
            "({'run': 'toy-mlp-0'}); the loop logs DICTS as the message, which the formatter merges into the "
            "object ('message' stays empty or absent). First line: event run_start with params (parameter "
            "count), train_size, val_size and the config (lr, batch_size, epochs, hidden, seed): none a "
            "metric. Every 10th step: event train_step with epoch, step, batch (position in the epoch), "
            "samples_seen (a count), loss, acc, lr (full float precision). Per epoch: event epoch_end with "
            "train_loss (epoch mean), val_loss, val_acc, best_val_acc (running max: a metric the loop keeps) "
            "and patience_left (a count). Last: run_end with best_epoch and total_steps (no metrics). Step = "
            "the 'step' field."
        ),
    )


# ----------------------------------------------------------------------------------- coloredlogs
def run_coloredlogs():
    import coloredlogs

    coloredlogs.install(
        level="DEBUG",
        fmt="%(asctime)s.%(msecs)03d %(levelname)-8s %(name)s %(message)s",
        datefmt="%H:%M:%S",
    )
    log = logging.getLogger("trainer")
    log.debug(
        "Hyperparameters: lr=%s batch_size=%d hidden=%d epochs=%d seed=%d",
        CONFIG["lr"],
        CONFIG["batch_size"],
        CONFIG["hidden"],
        EPOCHS,
        CONFIG["seed"],
    )
    log.info("Model: 2-layer MLP, %d trainable parameters", N_PARAMS)
    log.info("Train samples: %d, val samples: %d", 960, 240)
    step = 0
    best, best_epoch, prev_val, wait = 0.0, 0, None, 0
    for epoch in range(1, EPOCHS + 1):
        toy.lr = lr_at(epoch)
        tot = 0.0
        for i in range(SPE):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            if (i + 1) % EVERY == 0:
                log.info(
                    "Epoch [%d/%d] Batch [%d/%d] Loss: %.4f Acc: %.2f%% LR: %.1e",
                    epoch,
                    EPOCHS,
                    i + 1,
                    SPE,
                    rec("Loss", step, epoch, loss),
                    rec("Acc", step, epoch, acc * 100),
                    rec("LR", step, epoch, toy.lr),
                )
        v_loss, v_acc = toy.evaluate()
        log.info(
            "Epoch [%d/%d] Train Loss: %.4f Val Loss: %.4f Val Acc: %.2f%%",
            epoch,
            EPOCHS,
            rec("Train Loss", step, epoch, tot / SPE),
            rec("Val Loss", step, epoch, v_loss),
            rec("Val Acc", step, epoch, v_acc * 100),
        )
        if prev_val is not None and v_loss >= prev_val:
            wait += 1
            log.warning(
                "Val loss did not improve (%.4f -> %.4f), patience %d/3", prev_val, v_loss, wait
            )
        else:
            wait = 0
        prev_val = min(v_loss, prev_val) if prev_val is not None else v_loss
        if v_acc > best:
            best, best_epoch = v_acc, epoch
            log.debug("Saved checkpoint checkpoints/epoch_%02d.pt", epoch)
    # the best value belongs to the epoch that reached it (its last step)
    log.info(
        "Best Val Acc: %.2f%% at epoch %d",
        rec("Best Val Acc", best_epoch * SPE, best_epoch, best * 100),
        best_epoch,
    )
    _truth.write(
        library=f"hand-written loop, coloredlogs {v('coloredlogs')}, numpy {v('numpy')} model",
        script=SCRIPT,
        record="the values the loop handed the logger (its history)",
        step_kind="global",
        series=rec.series,
        notes=(
            "coloredlogs.install(level='DEBUG', fmt='%(asctime)s.%(msecs)03d %(levelname)-8s %(name)s "
            "%(message)s', datefmt='%H:%M:%S') on the root logger: '08:31:02.123 INFO     trainer Epoch "
            "[1/4] Batch [10/30] Loss: 0.4750 Acc: 78.12% LR: 3.0e-01' (under a terminal the time, level "
            "and name are coloured). Acc and Val Acc are printed in percent (record x 100, as printed); LR "
            "is the schedule value. Step = global step (epoch-1) x 30 + batch (not printed as such). Per "
            "epoch 'Epoch [1/4] Train Loss: … Val Loss: … Val Acc: …%'; a WARNING 'Val loss did not "
            "improve (0.3758 -> 0.3777), patience 1/3' repeats an earlier and the current Val Loss (not new "
            "points) and a patience count; DEBUG 'Hyperparameters: lr=0.3 batch_size=32 …', 'Model: 2-layer "
            "MLP, 577 trainable parameters', 'Train samples: 960, val samples: 240', 'Saved checkpoint "
            "checkpoints/epoch_01.pt' carry no metric. Last: 'Best Val Acc: 87.50% at epoch 3' (a point at the "
            "step and epoch that reached it, as the line says)."
        ),
    )


# ------------------------------------------------------------------------------------ texttable
def run_texttable():
    from texttable import Texttable

    rows = []
    step = 0
    for epoch in range(1, EPOCHS + 1):
        toy.lr = lr_at(epoch)
        tot = totacc = 0.0
        for _ in range(SPE):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            totacc += acc
        v_loss, v_acc = toy.evaluate()
        rows.append([epoch, step, tot / SPE, totacc / SPE, v_loss, v_acc, toy.lr])
        for name, val in zip(
            ("train loss", "train acc", "val loss", "val acc", "lr"), rows[-1][2:], strict=True
        ):
            rec(name, step, epoch, val)
        t = Texttable()
        t.header(["epoch", "step", "train loss", "train acc", "val loss", "val acc", "lr"])
        for r in rows:
            t.add_row(r)
        print(f"Epoch {epoch}/{EPOCHS}")
        print(t.draw())
    _truth.write(
        library=f"hand-written loop, texttable {v('texttable')}, numpy {v('numpy')} model",
        script=SCRIPT,
        record="the loop's history rows (the values handed to Texttable.add_row)",
        step_kind="global",
        series=rec.series,
        notes=(
            "After every epoch 'Epoch 2/4' and the WHOLE history so far as a texttable (default style: "
            "'+-----+' rules, '|' walls, '+=====+' under the header), so epoch 1's row is printed 4 times, "
            "epoch 2's 3 times…: one point per epoch (a reprint is the same point). Columns: epoch, step "
            "(the global step at the epoch's end: the step of the row), train loss / train acc (epoch "
            "means), val loss, val acc, lr (schedule value); texttable prints floats with 3 decimals."
        ),
    )


# ------------------------------------------------------------------------------- terminaltables
def run_terminaltables(ascii_table=False):
    from terminaltables import AsciiTable, SingleTable

    step = 0
    hist = []
    print(f"Training for {EPOCHS} epochs ({SPE} steps each), lr={CONFIG['lr']}")
    for epoch in range(1, EPOCHS + 1):
        tot = totacc = 0.0
        for _ in range(SPE):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            totacc += acc
        v_loss, v_acc = toy.evaluate()
        hist.append((step, epoch, tot / SPE, totacc / SPE, v_loss, v_acc))
        print(
            f"Epoch {epoch}/{EPOCHS} - loss: {rec('loss', step, epoch, tot / SPE):.4f} - "
            f"acc: {rec('acc', step, epoch, totacc / SPE):.4f} - val_loss: {rec('val_loss', step, epoch, v_loss):.4f}"
            f" - val_acc: {rec('val_acc', step, epoch, v_acc):.4f}"
        )
    best = max(hist, key=lambda h: h[5])
    last = hist[-1]
    data = [
        ["Metric", "Value"],
        ["best val acc", f"{rec('best val acc', best[0], best[1], best[5]):.4f}"],
        ["best epoch", str(best[1])],
        ["final train loss", f"{rec('final train loss', last[0], last[1], last[2]):.4f}"],
        ["final val loss", f"{rec('final val loss', last[0], last[1], last[4]):.4f}"],
        ["learning rate", str(CONFIG["lr"])],
        ["batch size", str(CONFIG["batch_size"])],
        ["parameters", f"{N_PARAMS:,}"],
    ]
    table = (AsciiTable if ascii_table else SingleTable)(data, " Results ")
    table.justify_columns[1] = "right"
    print(table.table)
    _truth.write(
        library=f"hand-written loop, terminaltables {v('terminaltables')}, numpy {v('numpy')} model",
        script=SCRIPT,
        record="the loop's history (the values it printed and put in the table)",
        step_kind="global",
        series=rec.series,
        notes=(
            "'Training for 4 epochs (30 steps each), lr=0.3' (config), then per epoch a Keras-like line "
            "'Epoch 1/4 - loss: 0.5270 - acc: 0.7510 - val_loss: 0.4361 - val_acc: 0.8208' (step = global "
            "step at the epoch's end, not printed). At the end a terminaltables "
            + (
                "AsciiTable titled ' Results ' ('+ Results ---------+--------+', '| best val acc     | 0.8708 |'). "
                if ascii_table
                else "SingleTable titled ' Results ': on Linux its box lines are DEC special graphics, ESC ( 0 … "
                "ESC ( B around 'q', 'x', 'l', 'k', 't', 'u', 'm', 'j', 'n', 'v', 'w' - also when piped. "
            )
            + "Rows 'best val acc' (the "
            "best epoch's val_acc, at that epoch's step: its own series name), 'best epoch' (a count), "
            "'final train loss' / 'final val loss' (the last epoch's values, own names), and config / "
            "counts: 'learning rate 0.3', 'batch size 32', 'parameters 577' - not metrics."
        ),
    )


# ------------------------------------------------------------------------------------------ tqdm
def run_tqdm():
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s | %(levelname)s | %(name)s | %(message)s"
    )
    log = logging.getLogger("train")
    drawn = {}  # bar position -> values behind the postfix drawn there
    current = {}

    class Bar(tqdm):
        def display(self, msg=None, pos=None):
            if current and self.postfix:
                drawn[self.n] = dict(current)
            return super().display(msg, pos)

    log.info("Starting training: %d epochs x %d steps, batch_size=%d", EPOCHS, SPE, 32)
    order = []  # print order of bar points and log lines
    step = 0
    with logging_redirect_tqdm():
        with Bar(total=TOTAL, desc="train", unit="step", dynamic_ncols=True) as bar:
            for epoch in range(1, EPOCHS + 1):
                toy.lr = lr_at(epoch)
                tot = 0.0
                for _ in range(SPE):
                    step += 1
                    loss, acc = toy.train_step()
                    tot += loss
                    time.sleep(0.01)
                    current.update(loss=loss, lr=toy.lr, epoch=epoch)
                    bar.set_postfix(epoch=epoch, loss=f"{loss:.3f}", lr=toy.lr, refresh=False)
                    bar.update(1)
                    if step % EVERY == 0:
                        log.info("step %d/%d loss %.4f acc %.4f", step, TOTAL, loss, acc)
                        order.append(("step", step, epoch, loss, acc))
                v_loss, v_acc = toy.evaluate()
                log.info(
                    "epoch %d: train_loss=%.4f val_loss=%.4f val_acc=%.4f",
                    epoch,
                    tot / SPE,
                    v_loss,
                    v_acc,
                )
                order.append(("epoch", step, epoch, tot / SPE, v_loss, v_acc))
    log.info("Done. Saved model to out/model.npz")
    # series in print order: bar points (by position) interleaved with the log lines at their step
    bar_pts = sorted(drawn.items())
    bi = 0
    for item in order:
        while bi < len(bar_pts) and bar_pts[bi][0] <= item[1]:
            n, vals = bar_pts[bi]
            rec("loss", n, vals["epoch"], float(f"{vals['loss']:.3f}"))
            rec("lr", n, vals["epoch"], vals["lr"])
            bi += 1
        if item[0] == "step":
            _, s, ep, loss, acc = item
            rec("loss", s, ep, loss)
            rec("acc", s, ep, acc)
        else:
            _, s, ep, tr, vl, va = item
            rec("train_loss", s, ep, tr)
            rec("val_loss", s, ep, vl)
            rec("val_acc", s, ep, va)
    for n, vals in bar_pts[bi:]:
        rec("loss", n, vals["epoch"], float(f"{vals['loss']:.3f}"))
        rec("lr", n, vals["epoch"], vals["lr"])
    _truth.write(
        library=f"hand-written loop, tqdm {v('tqdm')} (logging_redirect_tqdm), numpy {v('numpy')} model",
        script=SCRIPT,
        record="the bar states tqdm drew (tqdm.display wrapped) with the values behind each postfix, and the "
        "values the loop handed the logger",
        step_kind="global",
        series=rec.series,
        extra_ok=["the bar's rate (step/s)"],
        notes=(
            "logging.basicConfig(format='%(asctime)s | %(levelname)s | %(name)s | %(message)s') and ONE tqdm "
            "bar over the whole run (120 steps, desc 'train', unit 'step') inside logging_redirect_tqdm, "
            "so log lines are written above the bar: 'train:  42%|████▏     | 50/120 [00:00<00:00, "
            "91.2step/s, epoch=2, loss=0.202, lr=0.3]'. The postfix loss is a string the loop formats "
            "('.3f': that is the printed value and the truth's); lr the schedule value; epoch=2 is a counter "
            "(not a metric). Bar point step = bar position n (one point per drawn position; a redraw after "
            "a log line is the same point). Every 10th step 'step 10/120 loss 0.4750 acc 0.7812' (full "
            "values, the same loss series at 4 decimals); per epoch 'epoch 1: train_loss=… val_loss=… "
            "val_acc=…' at the epoch's last step. 'Starting training: 4 epochs x 30 steps, batch_size=32' "
            "and 'Done. Saved model to out/model.npz' carry no metric. Piped, the bar redraws with \\r on "
            "stderr and the log lines go to stderr too (logging's StreamHandler, redirected through "
            "tqdm.write)."
        ),
    )


# --------------------------------------------------------------------------------------- logbook
def run_logbook():
    import logbook
    from logbook.more import ColorizedStderrHandler

    ColorizedStderrHandler(level="INFO").push_application()
    log = logbook.Logger("train")
    log.info(
        "config: lr={} batch_size={} hidden={} epochs={} seed={}",
        CONFIG["lr"],
        CONFIG["batch_size"],
        CONFIG["hidden"],
        EPOCHS,
        CONFIG["seed"],
    )
    step = 0
    best, best_epoch = 0.0, 0
    for epoch in range(1, EPOCHS + 1):
        toy.lr = lr_at(epoch)
        for _ in range(SPE):
            step += 1
            loss, acc = toy.train_step()
            if step % EVERY == 0:
                log.info(
                    "step={} epoch={} loss={:.4f} acc={:.4f} lr={}",
                    step,
                    epoch,
                    rec("loss", step, epoch, loss),
                    rec("acc", step, epoch, acc),
                    rec("lr", step, epoch, toy.lr),
                )
        v_loss, v_acc = toy.evaluate()
        if v_acc > best:
            best, best_epoch = v_acc, epoch
        log.notice(
            "epoch={} val_loss={:.4f} val_acc={:.4f}",
            epoch,
            rec("val_loss", step, epoch, v_loss),
            rec("val_acc", step, epoch, v_acc),
        )
    # the best value belongs to the epoch that reached it (its last step)
    log.info(
        "best_val_acc={:.4f} (epoch {})",
        rec("best_val_acc", best_epoch * SPE, best_epoch, best),
        best_epoch,
    )
    _truth.write(
        library=f"hand-written loop, Logbook {v('Logbook')}, numpy {v('numpy')} model",
        script=SCRIPT,
        record="the values the loop handed the logger (its history)",
        step_kind="global",
        series=rec.series,
        notes=(
            "logbook.more.ColorizedStderrHandler (colours only on a terminal) with Logbook's default format "
            "'[2026-12-07 08:16:39.732411] INFO: train: step=10 epoch=1 loss=0.4750 acc=0.7812 lr=0.3' (the "
            "channel 'train' is the logger's name, not a namespace of the metrics). First line 'config: "
            "lr=0.3 batch_size=32 hidden=32 epochs=4 seed=0' (hyper-parameters: no metric, although lr comes "
            "back as the logged schedule value). Per epoch a NOTICE 'epoch=1 val_loss=… val_acc=…' at the "
            "epoch's last step; last 'best_val_acc=0.8750 (epoch 3)' (a point at the step and epoch that reached "
            "it, as the line says). Step = the printed step= (global)."
        ),
    )


{
    "wandb": run_wandb,
    "jsonlogger": run_jsonlogger,
    "coloredlogs": run_coloredlogs,
    "texttable": run_texttable,
    "terminaltables": run_terminaltables,
    "terminaltables_ascii": lambda: run_terminaltables(ascii_table=True),
    "logbook": run_logbook,
    "tqdm": run_tqdm,
}[style]()
