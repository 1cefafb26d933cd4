"""Build the `.truth.json` of a torch-ecosystem corpus entry from the library's own record.

    python tests/corpus/scripts/build_truth_torch.py ENTRY [RECORD_PATH]

Each builder below reads the console of ENTRY with patterns specific to that library, matches
every printed value to a point of the record (CSV logger, log_history, history, ...) and writes
only the points the console shows. See README-torch.md for the capture commands.
"""

from __future__ import annotations

import csv
import json
import re
import sys

from truth_common import (
    Matcher,
    Record,
    full_float_equal,
    plain,
    read_console,
    segments,
    write_truth,
)

BUILDERS = {}


def builder(*entries):
    def deco(fn):
        for e in entries:
            BUILDERS[e] = fn
        return fn

    return deco


def check_all_pairs(text: str, matcher: Matcher, pattern: str, skip: set[str]) -> None:
    """Every `name<sep>number` the console shows must have been matched (or be skipped on purpose)."""
    missing = set()
    for m in re.finditer(pattern, plain(text)):
        if m.group(1) not in skip and m.group(1) not in matcher.shown:
            missing.add(m.group(1))
    if missing:
        raise SystemExit(f"printed names never matched: {sorted(missing)}")


# --------------------------------------------------------------------------- Lightning
LIGHTNING = {
    "real_lightning_tqdm_stepepoch": (
        "tqdm",
        "pipe",
        "/tmp/pl_tqdm",
        "--bar tqdm --step-epoch --logdir /tmp/pl_tqdm",
    ),
    "real_lightning_tqdm_stepepoch_pty": (
        "tqdm",
        "pty",
        "/tmp/pl_tqdm_pty",
        "--bar tqdm --step-epoch --logdir /tmp/pl_tqdm_pty",
    ),
    "real_lightning_richbar": ("rich", "pipe", "/tmp/pl_rich", "--bar rich --logdir /tmp/pl_rich"),
    "real_lightning_richbar_pty": (
        "rich",
        "pty",
        "/tmp/pl_rich_pty",
        "--bar rich --logdir /tmp/pl_rich_pty",
    ),
    "real_lightning_nobar_csv": (
        "none",
        "pipe",
        "/tmp/pl_none",
        "--bar none --logdir /tmp/pl_none",
    ),
    "real_lightning_nobar_csv_pty": (
        "none",
        "pty",
        "/tmp/pl_none_pty",
        "--bar none --logdir /tmp/pl_none_pty",
    ),
    "real_lightning_ckpt_es": (
        "tqdm",
        "pipe",
        "/tmp/pl_cb",
        "--bar tqdm --callbacks --epochs 8 --logdir /tmp/pl_cb",
    ),
    "real_lightning_ckpt_es_pty": (
        "tqdm",
        "pty",
        "/tmp/pl_cb_pty",
        "--bar tqdm --callbacks --epochs 8 --logdir /tmp/pl_cb_pty",
    ),
    "real_lightning_ddp_torchrun": (
        "tqdm",
        "pipe",
        "/tmp/pl_ddp",
        "--bar tqdm --ddp --logdir /tmp/pl_ddp",
    ),
}


DARTS = {
    "real_darts_nbeats": ("rich", "pipe", "/tmp/darts_pipe", "--logdir /tmp/darts_pipe"),
    "real_darts_nbeats_pty": ("rich", "pty", "/tmp/darts_pty", "--logdir /tmp/darts_pty"),
}


@builder(*LIGHTNING, *DARTS)
def lightning(entry: str) -> None:
    import lightning
    from lightning.pytorch.callbacks.progress.tqdm_progress import Tqdm

    darts = entry in DARTS
    bar, mode, logdir, args = DARTS[entry] if darts else LIGHTNING[entry]
    rec = Record()
    with open(f"{logdir}/run/version_0/metrics.csv") as f:
        for row in csv.DictReader(f):
            for k, v in row.items():
                if k not in ("epoch", "step") and v != "":
                    epoch = int(row["epoch"]) if row["epoch"] else None  # lr-SGD rows have none
                    rec.add(k, int(row["step"]), epoch, float(v))
    ddp = entry == "real_lightning_ddp_torchrun"
    steps_per_epoch = 7 if darts else 4 if ddp else 8
    text = read_console(entry)
    if bar == "tqdm":
        fmt = lambda name, v: Tqdm.format_num(v)  # noqa: E731
    elif bar == "rich":
        fmt = lambda name, v: f"{v:.3f}"  # noqa: E731
    else:
        fmt = lambda name, v: f"{v:.4f}"  # noqa: E731
    m = Matcher(rec, fmt)
    # the test table prints the full float
    table = Matcher(rec, lambda name, v: True)
    for t in re.finditer(r"│\s+(test_\w+)\s+│\s+(\S+)\s+│", plain(text)):
        p = table.match(t.group(1), t.group(2))
        assert full_float_equal(p.value, t.group(2)), t.group(0)
        m.shown.setdefault(t.group(1), {})[p.order] = p
    bound = -1
    truncated: list[str] = []
    if bar == "tqdm":
        for seg in segments(text):
            h = re.match(
                r"(?:\[default\d\]:)?Epoch (\d+):\s+\d+%\|[^|]*\|\s*(\d+)/(\d+) \[([^\]]*)\]?", seg
            )
            if not h:
                continue
            bound = max(bound, int(h.group(1)) * steps_per_epoch + int(h.group(2)) - 1)
            pairs = re.findall(r"(\w+)=([^,\]\s]+)", h.group(4))
            for i, (k, v) in enumerate(pairs):
                if k == "v_num" or not re.fullmatch(r"-?[\d.]+(e[-+]\d+)?", v):
                    continue
                if i == len(pairs) - 1 and not seg.rstrip().endswith("]"):
                    # cut at the terminal's width: keep it only if it is the whole value
                    try:
                        m.match(k, v, max_step=bound)
                    except SystemExit:
                        truncated.append(f"{k}={v}")
                    continue
                m.match(k, v, max_step=bound)
        pair = r"([A-Za-z_]\w*)=(-?\d[\d.]*)"
        extra = ["it/s"]  # the tqdm bar's rate
        record = "Lightning's CSVLogger metrics.csv (log_every_n_steps=1)"
    elif bar == "rich":
        for tok in re.finditer(
            r"Epoch (\d+)/\d+\s+[━╸╺ ]*\s*(\d+)/(\d+)|([A-Za-z_]\w*): (-?\d[\d.]*)", plain(text)
        ):
            if tok.group(1) is not None:
                bound = max(bound, int(tok.group(1)) * steps_per_epoch + int(tok.group(2)) - 1)
            elif tok.group(4) != "v_num" and bound >= 0:
                m.match(tok.group(4), tok.group(5), max_step=bound)
        pair = r"([A-Za-z_]\w*): (-?\d[\d.]*)"
        extra = ["it/s"]  # the rich bar's rate
        record = "Lightning's CSVLogger metrics.csv (log_every_n_steps=1)"
    else:
        for h in re.finditer(r"Epoch (\d+): (\w+)=(\S+) (\w+)=(\S+)", plain(text)):
            bound = (int(h.group(1)) + 1) * steps_per_epoch - 1
            m.match(h.group(2), h.group(3), max_step=bound, min_step=bound)
            m.match(h.group(4), h.group(5), max_step=bound, min_step=bound)
        pair = r"([A-Za-z_]\w*)=(-?\d[\d.]*)"
        extra = []
        record = "Lightning's CSVLogger metrics.csv (log_every_n_steps=4)"
    cut_names = {t.split("=")[0] for t in truncated}
    check_all_pairs(
        text,
        m,
        pair,
        {"v_num", "max_epochs", "using", "params", "mode", "FLOPs", "devices", "num_nodes"}
        | cut_names
        | ({"epoch", "step"} if "--callbacks" in args else set()),  # checkpoint file names
    )
    if truncated:
        print(
            f"{entry}: {len(truncated)} bar values cut at the terminal width: {sorted(set(truncated))}"
        )
    series = m.series()
    notes = {
        "tqdm": "TQDMProgressBar(refresh_rate=1); train_loss is logged with on_step=True, on_epoch=True, so the bar and "
        "the CSV show train_loss_step and train_loss_epoch. metrics.csv counts steps from 0: the value drawn at bar "
        "position n/8 of 'Epoch e' is step e*8+n-1. Each position is drawn twice (new count with the previous postfix, "
        "then the new postfix). The postfix keeps the last val_*/train_*_epoch values on every redraw of the next "
        "epoch; those are the same points (their step is the end of the epoch that produced them). Epoch-level "
        "values (val_*, train_loss_epoch, train_acc) sit at the epoch's last training step. v_num is the logger's "
        "version, not a metric. The test table prints test_acc/test_loss at full precision (step 24, epoch 3 in "
        "metrics.csv, after fit).",
        "rich": "RichProgressBar(refresh_rate=1), metrics_format .3f. Piped, rich draws the bar once at the end of each "
        "phase only (the final state); under a pty it redraws on a timer, so only some positions are shown. The "
        "postfix wraps onto continuation lines (`val_loss: 0.805 val_acc: 0.641` under the bar line). metrics.csv "
        "counts steps from 0: bar position n/8 of 'Epoch e/2' is step e*8+n-1. v_num is the logger's version, not "
        "a metric. The test table prints test_acc/test_loss at full precision (step 24, epoch 3 in metrics.csv).",
        "none": "enable_progress_bar=False, log_every_n_steps=4. Lightning itself prints no per-step metric then; the "
        "script's own callback (a common user pattern) prints `Epoch e: val_loss=... val_acc=...` at the end of "
        "validation and `Epoch e: train_loss=... train_acc=...` at the end of the training epoch, 4 decimals, from "
        "trainer.callback_metrics (train_loss = the epoch's last step value, which metrics.csv holds at step e*8+7). "
        "The test table prints test_acc/test_loss at full precision.",
    }[bar]
    if truncated:
        notes += (
            " Under the pty tqdm cuts each bar line at 120 columns: the postfix's last pair is often cut inside its "
            f"value ({', '.join(sorted(set(truncated)))} are the starts of longer numbers, e.g. train_loss_epoch=0.959); "
            "such cut values are not points, and series the width never lets through whole are in not_printed."
        )
    if "--callbacks" in args:
        notes = notes.replace(
            "train_loss is logged with on_step=True, on_epoch=True, so the bar and the CSV show "
            "train_loss_step and train_loss_epoch. ",
            "train_loss is logged each step (on_step only). ",
        ).replace("train_loss_epoch, ", "").replace("val_*/train_*_epoch", "val_*/train_acc")
        notes = notes.replace("(step 24, epoch 3 in metrics.csv, after fit)", "(after fit, in metrics.csv)")
        notes += (
            " With ModelCheckpoint(monitor='val_loss', verbose=True), EarlyStopping(monitor='val_loss', "
            "min_delta=0.02, patience=1, verbose=True) and LearningRateMonitor(logging_interval='epoch') (StepLR "
            "halving the lr every 2 epochs). After each validation the callbacks print, glued to the end of the "
            "bar's last redraw in the same line: `Metric val_loss improved by 0.199 >= min_delta = 0.02. New best "
            "score: 0.605` (EarlyStopping, the val_loss at 3 decimals, the improvement a difference of two "
            "val_loss values, not a series) and `Epoch 1, global step 16: 'val_loss' reached 0.60536 (best "
            "0.60536), saving model to '.../checkpoints/epoch=1-step=16.ckpt' as top 1` (ModelCheckpoint; the "
            "val_loss of the epoch just validated at 5 decimals, the same point as the bar's val_loss; 'best' is "
            "the best so far, not a series of the record; epoch=/step= in the file name are counters). The last "
            "epoch prints `Monitored metric val_loss did not improve in the last 1 records. Best score: ... "
            "Signaling Trainer to stop.` LearningRateMonitor's lr-SGD is in metrics.csv but never printed."
        )
    library = f"lightning {lightning.__version__} (torch 2.13.0+cpu)"
    script = "tests/corpus/scripts/lightning_fit.py"
    if darts:
        import darts as darts_mod

        library = (
            f"darts {darts_mod.__version__} (lightning {lightning.__version__}, torch 2.13.0+cpu)"
        )
        script = "tests/corpus/scripts/darts_nbeats.py"
        notes = (
            "Darts' NBEATSModel.fit(train, val_series=val) drives a Lightning Trainer; with rich installed Lightning "
            "picks its RichProgressBar. 7 steps per epoch; train_loss is logged each step, val_loss once per epoch "
            "(at the epoch's last step). "
            + notes.split(". ", 1)[1]
            .replace(
                " The test table prints test_acc/test_loss "
                "at full precision (step 24, epoch 3 in metrics.csv).",
                "",
            )
            .replace("n/8 of 'Epoch e/2' is step e*8+n-1", "n/7 of 'Epoch e/2' is step e*7+n-1")
            .replace("`val_loss: 0.805 val_acc: 0.641`", "`val_loss: 0.426`")
        )
    command = f"python {script} {args}"
    if ddp:
        command = f"torchrun --nproc_per_node=2 --tee 3 {script} {args}"
        notes = (
            "Under torchrun --nproc_per_node=2 --tee 3 with strategy='ddp' on 2 CPU processes (gloo): every line "
            "of a worker starts with `[default0]:` / `[default1]:` (only rank 0 draws bars and the test table; "
            "rank 1 prints warnings). The DistributedSampler halves each epoch: 4 steps per epoch, so bar "
            "position n/4 of 'Epoch e' is metrics.csv step e*4+n-1. Values are rank 0's (no sync_dist), which is "
            "what metrics.csv holds. "
            + notes.split(". ", 1)[1]
            .replace("n/8 of 'Epoch e' is step e*8+n-1", "n/4 of 'Epoch e' is step e*4+n-1")
            .replace("(step 24, epoch 3", "(step 12, epoch 3")
            .replace("(val_*, train_loss_epoch, train_acc)", "(val_*, train_acc)")
            .replace("val_*/train_*_epoch", "val_*/train_acc")
            .replace(
                "metrics.csv counts steps from 0: the value drawn at bar position n/4 of 'Epoch e' is step e*4+n-1. ",
                "metrics.csv counts steps from 0. ",
            )
        )
    write_truth(
        entry,
        library=library,
        script=script,
        command=command,
        mode=mode,
        record=record,
        step_kind="global",
        series=series,
        extra_ok=extra,
        not_printed=[n for n in rec.names() if n not in series],
        notes=notes,
    )


# --------------------------------------------------------------------------- Hugging Face Trainer
HF = {
    "real_hf_bert_trainer": (
        "pipe",
        "/tmp/hf_pipe.json",
        "python tests/corpus/scripts/hf_trainer_bert.py --record /tmp/hf_pipe.json",
    ),
    "real_hf_bert_trainer_pty": (
        "pty",
        "/tmp/hf_pty.json",
        "python tests/corpus/scripts/hf_trainer_bert.py --record /tmp/hf_pty.json",
    ),
    "real_hf_bert_notqdm": (
        "pipe",
        "/tmp/hf_notqdm.json",
        "python tests/corpus/scripts/hf_trainer_bert.py --disable-tqdm --eval-steps 4 --record /tmp/hf_notqdm.json",
    ),
    "real_hf_bert_early_stop": (
        "pipe",
        "/tmp/hf_es.json",
        "HF_OUT=/tmp/hf_es_out python tests/corpus/scripts/hf_trainer_bert.py --early-stop --epochs 10 --record /tmp/hf_es.json",
    ),
    "real_hf_bert_early_stop_pty": (
        "pty",
        "/tmp/hf_es_pty.json",
        "HF_OUT=/tmp/hf_es_out_pty python tests/corpus/scripts/hf_trainer_bert.py --early-stop --epochs 10 "
        "--record /tmp/hf_es_pty.json",
    ),
    "real_hf_bert_torchrun": (
        "pipe",
        "/tmp/hf_ddp.json",
        "torchrun --nproc_per_node=2 --tee 3 tests/corpus/scripts/hf_trainer_bert.py --record /tmp/hf_ddp.json",
    ),
}


def hf_log_dicts(text: str, record_path: str) -> tuple[dict, list[str]]:
    """The Trainer prints each log_history entry as a dict of `.4g` strings, in order."""
    import ast

    history = json.load(open(record_path))
    printed = [ast.literal_eval(d) for d in re.findall(r"\{'[^{}\n]*\}", plain(text))]
    if len(printed) != len(history):
        raise SystemExit(f"{len(printed)} dicts printed, {len(history)} in log_history")
    series: dict = {}
    for shown, entry in zip(printed, history, strict=True):
        for k, v in shown.items():
            want = f"{entry[k]:.4g}" if isinstance(entry[k], float) else str(entry[k])
            if str(v) != want:
                raise SystemExit(f"printed {k}={v!r}, log_history {entry[k]!r}")
            if k == "epoch":
                continue
            series.setdefault(k, {"points": []})["points"].append(
                [entry["step"], entry["epoch"], entry[k]]
            )
    names = {k for e in history for k in e}
    return series, sorted(names - set(series) - {"epoch", "step"})


@builder(*HF)
def hf_trainer(entry: str) -> None:
    import transformers

    mode, record_path, command = HF[entry]
    text = read_console(entry)
    series, not_printed = hf_log_dicts(text, record_path)
    notes = (
        "The Trainer prints every log_history entry as a Python dict whose floats are `.4g` strings "
        "({'loss': '0.6905', ..., 'epoch': '0.3333'}); the global step is never printed, only the fractional epoch "
        "(the 'epoch' key, which is the x position, not a series). logging_steps=2, 6 steps per epoch (3 under torchrun). train_loss "
        "(the run's mean training loss) and train_runtime/*_per_second come from the final summary dict; "
        "total_flos is in log_history but popped before printing."
    )
    if "notqdm" in entry:
        notes += " disable_tqdm=True: PrinterCallback prints the dicts with print(), no bar; eval_steps=4."
    else:
        notes += (
            " With the tqdm bar on stderr and the dicts on stdout (block-buffered when piped), a dict may be glued "
            "to the end of a bar redraw: ` 33%|...| 6/18 [00:07<00:10,  1.10it/s]{'loss': ...}`. The evaluation "
            "bar is a second tqdm bar drawn with ESC[A."
        )
    if "early_stop" in entry:
        notes = notes.replace("6 steps per epoch (3 under torchrun)", "6 steps per epoch")
        notes += (
            " eval_strategy='steps', eval_steps=4, save_steps=4, load_best_model_at_end=True, "
            "metric_for_best_model='eval_loss', EarlyStoppingCallback(early_stopping_patience=2, "
            "early_stopping_threshold=0.01), num_train_epochs=10 (60 steps; stopped early at step 52), and "
            "log_level='info', so the Trainer's INFO lines are printed with a `[transformers] ` prefix: the "
            "'***** Running training *****' block (`  Num examples = 96`, `  Num Epochs = 10`, `  Total "
            "optimization steps = 60`, `  Number of trainable parameters = 22,562`: sizes and counts, not "
            "metrics), '***** Running Evaluation *****' with `  Num examples = 64` / `  Batch size = 32` before "
            "each evaluation, 'Saving model checkpoint to .../checkpoint-4' (a step in a path) after it, and at "
            "the end `Loading best model from .../checkpoint-52 (score: 0.2760356664657593).` - the score is "
            "trainer.state.best_metric, the full-precision eval_loss of that checkpoint's evaluation (the same "
            "point as the printed eval_loss '0.276'), not a series of log_history. The INFO lines go to stderr "
            "like the bar, so they are glued to a bar redraw ('| 4/60 [00:01<00:22,  2.51it/s][transformers] '); "
            "piped, the dicts on stdout come out in buffered blocks, after the INFO lines they followed."
        )
    if "torchrun" in entry:
        notes += (
            " torchrun --nproc_per_node=2 --tee 3 (gloo on CPU): every line of a worker carries `[default0]:` / "
            "`[default1]:`, and torch's own warnings add `[rank0]:` after it; only rank 0 logs. 3 steps per epoch "
            "(2 processes x 16). Under DDP the logged loss is about twice the single-process one: that is what "
            "log_history holds."
        )
    write_truth(
        entry,
        library=f"transformers {transformers.__version__} (torch 2.13.0+cpu)",
        script="tests/corpus/scripts/hf_trainer_bert.py",
        command=command,
        mode=mode,
        record="trainer.state.log_history",
        step_kind="global",
        series=series,
        extra_ok=["it/s", "s/it"] if "notqdm" not in entry else [],  # the tqdm bar's rate
        not_printed=not_printed,
        notes=notes,
    )


# --------------------------------------------------------------------------- TRL
TRL = {
    "real_trl_sft": (
        "pipe",
        "/tmp/trl_pipe.json",
        "python tests/corpus/scripts/trl_sft.py --record /tmp/trl_pipe.json",
    ),
    "real_trl_sft_pty": (
        "pty",
        "/tmp/trl_pty.json",
        "python tests/corpus/scripts/trl_sft.py --record /tmp/trl_pty.json",
    ),
}


@builder(*TRL)
def trl_sft(entry: str) -> None:
    import transformers
    import trl

    mode, record_path, command = TRL[entry]
    series, not_printed = hf_log_dicts(read_console(entry), record_path)
    write_truth(
        entry,
        library=f"trl {trl.__version__} (transformers {transformers.__version__}, torch 2.13.0+cpu)",
        script="tests/corpus/scripts/trl_sft.py",
        command=command,
        mode=mode,
        record="trainer.state.log_history",
        step_kind="global",
        series=series,
        extra_ok=["it/s", "s/it"],  # the tqdm bar's rate
        not_printed=not_printed,
        notes="SFTTrainer prints log_history entries as the Trainer does: dicts of `.4g` strings, the fractional "
        "epoch only (no step). logging_steps=2, 8 steps per epoch. TRL adds entropy, mean_token_accuracy and "
        "num_tokens (a running count of tokens seen, recorded as a metric) and their eval_ twins. A dict may be "
        "glued to the end of a bar redraw (stdout block-buffered behind the stderr bar when piped).",
    )


# --------------------------------------------------------------------------- skorch
SKORCH = {
    "real_skorch": ("pipe", "/tmp/skorch_pipe.json", ""),
    "real_skorch_pty": ("pty", "/tmp/skorch_pty.json", ""),
    "real_skorch_progressbar": ("pipe", "/tmp/skorch_bar.json", "--progress "),
    "real_skorch_progressbar_pty": ("pty", "/tmp/skorch_bar_pty.json", "--progress "),
}


@builder(*SKORCH)
def skorch_entry(entry: str) -> None:
    import skorch
    from tqdm import tqdm

    mode, record_path, flag = SKORCH[entry]
    history = json.load(open(record_path))
    text = read_console(entry)
    series: dict = {}

    def add(name, epoch, value):
        series.setdefault(name, {"points": []})["points"].append([None, epoch, value])

    header: list[str] = []
    rows = 0  # table rows seen: the bar drawn after row k belongs to epoch k+1
    bar_points: set = set()
    for seg in segments(text):
        b = re.search(r"\|\s*(\d+)/(\d+) \[[^\]]*?, (\w+)=([^\]\s]+)\s*\]", seg)
        if b:
            n, key, shown = int(b.group(1)), b.group(3), b.group(4)
            row = history[rows]
            value = row["batches"][n - 1][key]
            if tqdm.format_num(value) != shown:
                raise SystemExit(f"bar {seg!r}: batches[{n - 1}][{key}] = {value}")
            if (
                rows,
                n,
            ) not in bar_points:  # a position redrawn (the bar's close) is the same point
                bar_points.add((rows, n))
                add(key, row["epoch"], value)
            continue
        cells = seg.split()
        if "epoch" in cells and "dur" in cells:
            header = cells
            continue
        if header and len(cells) == len(header) and all(re.fullmatch(r"[\d.]+", c) for c in cells):
            row = history[rows]
            assert int(cells[0]) == row["epoch"], seg
            for name, cell in zip(header[1:], cells[1:], strict=True):
                if f"{row[name]:.4f}" != cell:
                    raise SystemExit(f"table {name}={cell}, history {row[name]}")
                add(name, row["epoch"], row[name])
            rows += 1
    assert rows == len(history), (rows, len(history))
    notes = (
        "skorch's PrintLog prints one table row per epoch (tabulate, floats .4f), the best value so far of each "
        "score in colour (ANSI codes even when piped). The `epoch` column is skorch's 1-based epoch; skorch keeps "
        "no global step, so step is null. `dur` is the epoch's duration in seconds, recorded in net.history."
    )
    extra = []
    if flag:
        notes += (
            " ProgressBar callback: a tqdm bar per epoch over train and valid batches (13 = 10 + 3), redrawn on "
            "tqdm's timer; its postfix shows the last batch's loss (train_loss=, then valid_loss= during "
            "validation), .3g, from net.history[-1]['batches'][n-1]. Those batch values share the names of the "
            "table's epoch columns (train_loss, valid_loss) and are listed in the same series, in print order, with "
            "the epoch they belong to; the table's epoch values follow them. The bar's epoch is not printed on "
            "the bar: it is the next table row's epoch."
        )
        extra = ["it/s"]  # the tqdm bar's rate
    write_truth(
        entry,
        library=f"skorch {skorch.__version__} (torch 2.13.0+cpu)",
        script="tests/corpus/scripts/skorch_classifier.py",
        command=f"python tests/corpus/scripts/skorch_classifier.py {flag}--record {record_path}",
        mode=mode,
        record="net.history (skorch's History)",
        step_kind="epoch",
        series=series,
        extra_ok=extra,
        not_printed=[],
        notes=notes,
    )


# --------------------------------------------------------------------------- pytorch-ignite
IGNITE = {
    "real_ignite_bar": ("pipe", "/tmp/ig_bar.json", "bar"),
    "real_ignite_bar_pty": ("pty", "/tmp/ig_bar_pty.json", "bar"),
    "real_ignite_logging": ("pipe", "/tmp/ig_log.json", "logging"),
}


@builder(*IGNITE)
def ignite_entry(entry: str) -> None:
    import ignite
    from tqdm import tqdm

    mode, record_path, style = IGNITE[entry]
    rec = json.load(open(record_path))
    text = read_console(entry)
    per_epoch = 40
    series: dict = {}
    shown: set = set()

    def show(i):
        r = rec[i]
        if i not in shown:
            shown.add(i)
            series.setdefault(r["name"], {"points": []})["points"].append(
                [r["iteration"], r["epoch"], r["value"]]
            )

    def find(name, pred):
        hits = [i for i, r in enumerate(rec) if r["name"] == name and pred(r)]
        if len(hits) != 1:
            raise SystemExit(f"{name}: {len(hits)} record points match")
        return hits[0]

    for seg in segments(text):
        b = re.match(r"Epoch \[(\d+)/\d+\]: \[(\d+)/(\d+)\].*?, batch_loss=(\S+) \[", seg)
        if b:
            e, pos, shown_v = int(b.group(1)), int(b.group(2)), b.group(4)
            it = (e - 1) * per_epoch + pos
            # the postfix is set before the count moves: position p shows iteration p's loss or p+1's
            for cand in (it, it + 1):
                i = find("batch_loss", lambda r, c=cand: r["iteration"] == c)
                if tqdm.format_num(rec[i]["value"]) == shown_v:
                    show(i)
                    break
            else:
                raise SystemExit(f"bar value {shown_v} at iteration {it}")
            continue
        v = re.search(
            r"(Training|Validation) Results - Epoch: (\d+)  Avg accuracy: (\S+) Avg loss: (\S+)",
            seg,
        )
        if v:
            phase, e = v.group(1), int(v.group(2))
            for name, txt in (
                (f"{phase} Avg accuracy", v.group(3)),
                (f"{phase} Avg loss", v.group(4)),
            ):
                i = find(name, lambda r, e=e: r["epoch"] == e)
                digits = len(txt.split(".")[1])
                if f"{rec[i]['value']:.{digits}f}" != txt:
                    raise SystemExit(f"{name} printed {txt}, record {rec[i]['value']}")
                show(i)
            continue
        lo = re.search(r"Epoch\[(\d+)\] Iteration\[(\d+)/(\d+)\] Loss: (\S+)", seg)
        if lo:
            it = (int(lo.group(1)) - 1) * per_epoch + int(lo.group(2))
            i = find("Loss", lambda r, it=it: r["iteration"] == it)
            if f"{rec[i]['value']:.4f}" != lo.group(4):
                raise SystemExit(f"Loss printed {lo.group(4)}, record {rec[i]['value']}")
            show(i)
    common = (
        " The validation/training results lines print `Avg accuracy` and `Avg loss` after a lead phrase "
        "`Validation Results - Epoch: N` (or `Training Results - ...`): the series keys here are the printed name "
        "with the lead's qualifier word in front (`Validation Avg accuracy`), since the same printed words are two "
        "different series on the Training and Validation lines. Their step is the trainer's iteration at the end "
        "of the epoch (40 per epoch); ignite numbers epochs from 1."
    )
    if style == "bar":
        notes = (
            "ignite's ProgressBar(persist=True) with output_transform -> {'batch_loss': loss}: `Epoch [1/3]: [7/40]  "
            "18%|█▊        , batch_loss=0.548 [00:00<00:03]` (the postfix before the elapsed time, tqdm .3g). "
            "The bar's [n/40] is the iteration within the epoch; the postfix is set before the count moves, so the "
            "same position is drawn with iteration n's loss and then n+1's: each value's step is the iteration "
            "that produced it (engine.state.iteration, global). pbar.log_message prints the validation line between "
            "bars, 2 decimals." + common
        )
        extra: list[str] = []
    else:
        notes = (
            "ignite's setup_logger format `%(asctime)s %(name)s %(levelname)s: %(message)s`; the script logs "
            "`Epoch[1] Iteration[10/40] Loss: 0.4273` every 10 iterations (Iteration is within the epoch; the step "
            "is the global engine.state.iteration) and training/validation results at 4 decimals after each epoch. "
            "`Epoch[1] Complete. Time taken: 00:00:03.060` and `Engine run starting with max_epochs=3.` are ignite's "
            "own lines (a duration and a config value)." + common
        )
        extra = ["Time taken"]  # the epoch duration ignite logs, hh:mm:ss.mmm
    write_truth(
        entry,
        library=f"pytorch-ignite {ignite.__version__} (torch 2.13.0+cpu)",
        script="tests/corpus/scripts/ignite_trainer.py",
        command=f"python tests/corpus/scripts/ignite_trainer.py --style {style} --record {record_path}",
        mode=mode,
        record="the script's event handlers: engine.state.output per iteration and evaluator.state.metrics per epoch",
        step_kind="global",
        series=series,
        extra_ok=extra,
        not_printed=sorted({r["name"] for r in rec} - set(series)),
        notes=notes,
    )


# --------------------------------------------------------------------------- diffusers-style accelerate loop
DIFFUSERS = {
    "real_diffusers_accelerate": ("pipe", "/tmp/diff_pipe.json"),
    "real_diffusers_accelerate_pty": ("pty", "/tmp/diff_pty.json"),
}


@builder(*DIFFUSERS)
def diffusers_entry(entry: str) -> None:
    import accelerate
    import diffusers
    from tqdm import tqdm

    mode, record_path = DIFFUSERS[entry]
    rec = json.load(open(record_path))
    series: dict = {}
    shown: set = set()
    for seg in segments(read_console(entry)):
        b = re.match(r"Steps:\s+\d+%\|[^|]*\|\s*(\d+)/(\d+) \[[^,\]]*, [^,\]]*, (.*)\]", seg)
        if not b:
            continue
        n = int(b.group(1))
        for k, v in re.findall(r"(\w+)=([^,\s\]]+)", b.group(3)):
            # position n shows step n's values once set_postfix ran, step n-1's between update() and it
            for cand in (n, n - 1):
                hit = [i for i, r in enumerate(rec) if r["name"] == k and r["step"] == cand]
                if hit and tqdm.format_num(rec[hit[0]]["value"]) == v:
                    break
            else:
                raise SystemExit(f"{k}={v} at {n}")
            i = hit[0]
            if i not in shown:
                shown.add(i)
                r = rec[i]
                series.setdefault(k, {"points": []})["points"].append(
                    [r["step"], r["epoch"], r["value"]]
                )
    write_truth(
        entry,
        library=f"diffusers {diffusers.__version__}, accelerate {accelerate.__version__} (torch 2.13.0+cpu)",
        script="tests/corpus/scripts/diffusers_accelerate.py",
        command=f"python tests/corpus/scripts/diffusers_accelerate.py --record {record_path}",
        mode=mode,
        record="the script's own record of every value passed to progress_bar.set_postfix / accelerator.log",
        step_kind="global",
        series=series,
        extra_ok=["s/it", "it/s"],  # the tqdm bar's rate
        not_printed=["train_loss"],
        notes="The loop of diffusers' train_text_to_image.py: one tqdm bar `Steps` over all optimizer steps "
        "(18 = 3 epochs x 6; the epoch is never printed), postfix `lr=0.000333, step_loss=1.21` (tqdm sorts the "
        "keys; .3g). The bar position n/18 is the global step; each position is drawn twice, first with the "
        "previous step's postfix, then with step n's. The record's epoch is the loop's 0-based epoch. Accelerate's "
        "logger lines (`MM/DD/YYYY HH:MM:SS - INFO - __main__ - [RANK 0]   Num examples = 48`) are configuration. "
        "train_loss goes to accelerator.log only (no tracker configured) and is never printed.",
    )


# --------------------------------------------------------------------------- DeepSpeed
@builder("real_deepspeed")
def deepspeed_entry(entry: str) -> None:
    import deepspeed

    rec = json.load(open("/tmp/ds.json"))
    text = plain(read_console(entry))
    series: dict = {}

    def add(r):
        series.setdefault(r["name"], {"points": []})["points"].append(
            [r["step"], r["epoch"], r["value"]]
        )

    losses = [r for r in rec if r["name"] == "loss"]
    n_loss = 0
    for line in text.splitlines():
        m = re.search(r"\[Rank 0\] step=(\d+), skipped=\d+, lr=\[([^\]]+)\]", line)
        if m:
            step, lr = int(m.group(1)), float(m.group(2))
            r = [r for r in rec if r["name"] == "lr" and r["step"] == step][0]
            assert r["value"] == lr, (line, r)
            add(
                dict(r, epoch=None)
            )  # DeepSpeed's report names no epoch (its timer's epoch=0 is never updated)
            continue
        m = re.match(r"\[(\d+), +(\d+)\] loss: (\S+)$", line)
        if m:
            r = losses[n_loss]
            n_loss += 1
            assert f"{r['value']:.3f}" == m.group(3) and r["epoch"] == int(m.group(1)), (line, r)
            add(r)
    assert n_loss == len(losses)
    write_truth(
        entry,
        library=f"deepspeed {deepspeed.__version__} (torch 2.13.0+cpu, DS_ACCELERATOR=cpu, gloo)",
        script="tests/corpus/scripts/deepspeed_cifar_style.py",
        command="DS_ACCELERATOR=cpu python tests/corpus/scripts/deepspeed_cifar_style.py --record /tmp/ds.json",
        mode="pipe",
        record="the script's record: engine.get_lr() after each engine.step() (engine.global_steps) and the running "
        "loss it printed",
        step_kind="global",
        series=series,
        extra_ok=[
            "mom",
            "skipped",
            "RunningAvgSamplesPerSec",
            "CurrSamplesPerSec",
            "MemAllocated",
            "MaxMemAllocated",
        ],
        not_printed=[],
        notes="DeepSpeed logs at INFO (set by the script, as the launcher's --log_level info does): first a long "
        "config dump (`[INFO] [config.py:...:print]   train_batch_size ............. 16` and a JSON block: "
        "configuration, not metrics), then every steps_per_print=4 steps `[Rank 0] step=4, skipped=0, "
        "lr=[0.03333333333333334], mom=[0.9]` (lr as a list, full precision) and the throughput timer's "
        "`epoch=0/micro_step=4/global_step=4, RunningAvgSamplesPerSec=..., MemAllocated=0.33GB` (its epoch stays 0 "
        "in the second epoch: DeepSpeed's timer is never told the epoch). The script prints the PyTorch tutorial's "
        "`[1,     4] loss: 0.706`: [epoch (1-based), batch within the epoch (16 per epoch)], the mean of the last 4 "
        "batch losses, 3 decimals; its step is engine.global_steps and its epoch the printed 1-based one (lr points have no epoch). Each line carries logging's "
        "`[2026-12-06 12:34:23,167] [INFO] [logging.py:123:log_dist] ` prefix. lr is recorded every step but "
        "printed only every 4 steps (and at step 0, at initialization); only the printed steps are points. "
        "extra_ok: mom (the optimizer momentum, a list like lr), skipped (DeepSpeed's count of skipped steps), "
        "the timer's throughput (RunningAvgSamplesPerSec, CurrSamplesPerSec) and memory (MemAllocated=0.33GB).",
    )


# --------------------------------------------------------------------------- fastai
FASTAI = {
    "real_fastai_learner": ("pipe", "/tmp/fastai_pipe.json"),
    "real_fastai_learner_pty": ("pty", "/tmp/fastai_pty.json"),
}


@builder(*FASTAI)
def fastai_entry(entry: str) -> None:
    mode, record_path = FASTAI[entry]
    rec = json.load(open(record_path))
    names = rec["metric_names"]  # epoch, train_loss, valid_loss, accuracy, f1_score, time
    cols = names[1:-1]
    series: dict = {}
    seen: set = set()
    header = False
    for seg in segments(read_console(entry)):
        cells = seg.split()
        if cells == names:
            header = True
            continue
        if (
            header
            and len(cells) == len(names)
            and cells[0].isdigit()
            and re.fullmatch(r"\d\d:\d\d", cells[-1])
        ):
            e = int(cells[0])
            row = rec["values"][e]
            for name, cell, v in zip(cols, cells[1:-1], row, strict=True):
                assert f"{v:.6f}" == cell, (seg, name, v)
            if (
                e in seen
            ):  # fastprogress redraws the last row under the next epoch's bar: the same points
                continue
            seen.add(e)
            for name, v in zip(cols, row, strict=True):
                series.setdefault(name, {"points": []})["points"].append([None, e, v])
    assert len(seen) == len(rec["values"])
    write_truth(
        entry,
        library="fastai 2.8.12 (fastprogress 1.1.6, torch 2.14.1)",
        script="tests/corpus/scripts/fastai_learner.py",
        command=f"python tests/corpus/scripts/fastai_learner.py --record {record_path}",
        mode=mode,
        record="learn.recorder.values with learn.recorder.metric_names",
        step_kind="epoch",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes="fastai's ProgressCallback outside a notebook (fastprogress' console bars): the header `epoch     "
        "train_loss  valid_loss  accuracy  f1_score  time` and one row per epoch, floats .6f, epoch 0-based, `time` "
        "mm:ss (not a metric). Between rows, `Epoch 1/4 : |███---| 42.86% [3/7 00:00<00:00... 0.5820]` bars are "
        "drawn with \\r; the unnamed number after `...` is the smoothed training loss (recorder.smooth_loss, not "
        "in recorder.values and never named): not a series. Lone `█` lines and blank redraws are fastprogress "
        "artefacts; the previous row is reprinted after some bar clears (the same point, once in series). fastai "
        "keeps no step in recorder.values, so step is null.",
    )


# --------------------------------------------------------------------------- Ultralytics YOLO
YOLO = {
    "real_ultralytics_yolo": ("pipe", "/tmp/yolo_pipe.csv"),
    "real_ultralytics_yolo_pty": ("pty", "/tmp/yolo_pty.csv"),
}


@builder(*YOLO)
def yolo_entry(entry: str) -> None:
    mode, record_path = YOLO[entry]
    with open(record_path) as f:
        results = [{k.strip(): float(v) for k, v in row.items()} for row in csv.DictReader(f)]
    extra = json.load(open(record_path + ".json"))
    batches, final = extra["batches"], extra["final"]
    series: dict = {}

    def add(name, epoch, value):
        series.setdefault(name, {"points": []})["points"].append([None, epoch, value])

    g4 = lambda v: f"{v:11.4g}".strip()  # noqa: E731  (the trainer's bar description)
    g3 = lambda v: f"{v:11.3g}".strip()  # noqa: E731  (the validator's rows)
    pointer = -1
    val_rows = 0
    names = ["P", "R", "mAP50", "mAP50-95"]
    csv_names = [
        "metrics/precision(B)",
        "metrics/recall(B)",
        "metrics/mAP50(B)",
        "metrics/mAP50-95(B)",
    ]
    for seg in segments(read_console(entry)):
        t = re.match(r"\s*(\d+)/(\d+)\s+\S+G\s+(\S+)\s+(\S+)\s+(\S+)\s+\d+\s+\d+:", seg)
        if t:
            e, shown = int(t.group(1)), t.group(3, 4, 5)
            # each batch's running means are drawn one or more times, in order
            for i in range(max(pointer, 0), len(batches)):
                b = batches[i]
                if (
                    b["epoch"] == e
                    and tuple(g4(b["tloss"][k]) for k in ("box_loss", "cls_loss", "dfl_loss"))
                    == shown
                ):
                    break
            else:
                raise SystemExit(f"bar {seg!r} matches no batch after {pointer}")
            if i != pointer:
                pointer = i
                for k in ("box_loss", "cls_loss", "dfl_loss"):
                    add(k, e, batches[i]["tloss"][k])
            continue
        v = re.match(r"\s+(all|red|green)\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$", seg)
        if v:
            cls, shown = v.group(1), v.group(2, 3, 4, 5)
            if cls == "all" and val_rows < len(results):
                row = results[val_rows]
                vals, epoch = [row[c] for c in csv_names], int(row["epoch"])
                val_rows += 1
                prefix = ""
            else:
                vals = final["all"] if cls == "all" else final["classes"][cls]
                epoch, prefix = None, ("" if cls == "all" else f"{cls} ")
            assert tuple(g3(x) for x in vals) == shown, (seg, vals)
            for n, x in zip(names, vals, strict=True):
                add(prefix + n, epoch, x)
    # the epoch's last batch is the value results.csv keeps (rounded to 5 decimals there)
    for row in results:
        last = [b for b in batches if b["epoch"] == int(row["epoch"])][-1]
        assert abs(last["tloss"]["box_loss"] - row["train/box_loss"]) < 1e-4
    import ultralytics

    notes = NOTES_YOLO
    if mode == "pty":
        notes += (
            " Under the 120-column pty the validator's header is cut to the width with an ellipsis: `Box(P          "
            "R      mAP50  mAP…: 100% ━━━ 1/1` — the fourth column's name is never printed whole; its series keep "
            "ultralytics' name mAP50-95 (the rows below still have 4 values)."
        )
    write_truth(
        entry,
        library=f"ultralytics {ultralytics.__version__} (torch 2.14.1, torchvision 0.29.1)",
        script="tests/corpus/scripts/ultralytics_yolo.py",
        command=f"YOLO_OFFLINE=1 YOLO_CONFIG_DIR=/tmp/yolo_cfg python tests/corpus/scripts/ultralytics_yolo.py --record {record_path}",
        mode=mode,
        record="results.csv (per epoch: train losses, P/R/mAP) plus trainer.tloss after each batch and the final "
        "validation's validator.metrics, both taken in ultralytics callbacks",
        step_kind="epoch",
        series=series,
        extra_ok=["GPU_mem", "it/s", "s/it"],
        not_printed=[
            "val/box_loss",
            "val/cls_loss",
            "val/dfl_loss",
            "lr/pg0",
            "lr/pg1",
            "lr/pg2",
            "time",
        ],
        notes=notes,
    )


NOTES_YOLO = (
    "Per epoch, a column table is redrawn as a bar: header `Epoch GPU_mem box_loss cls_loss dfl_loss "
    "Instances Size`, then `1/3  0G  1.795  1.651  1.104  8  64: 50% ━━━━━━────── 1/2 1.8s/it ...` (the row "
    "is the bar's description: running means of the epoch's batch losses, %.4g; Instances and Size are the "
    "batch's box count and image size, not metrics; the first draw at 0/2 already shows batch 1's means). "
    "Each batch's means are one point (epoch as printed, 1-based; ultralytics keeps no global step); the "
    "epoch's last one is what results.csv keeps. Then the validator's table `Class Images Instances Box(P R "
    "mAP50 mAP50-95)` with an `all` row (%.3g; Images/Instances are counts): the series are named P, R, "
    "mAP50, mAP50-95 (the header prints `Box(P` and `mAP50-95)`). After training, best.pt is validated again: "
    "its `all` row (epoch null) and one row per class (`red`, `green`: series `red P`, ...) come from "
    "validator.metrics. With 3 epochs on 16 tiny images every P/R/mAP is 0 (printed `0`)."
)


if __name__ == "__main__":
    BUILDERS[sys.argv[1]](*sys.argv[1:])
