"""Hand-written training loops (torch or scikit-learn) with a real diagnostics library printing
around them: profilers, flop/parameter counters, model summaries, data summaries, timers and config
dumps. The loop keeps its own history dict (the truth) and prints its metrics in a common way
(f-strings, logging); the diagnostics print counts, sizes, times, percentages and configuration,
none of which is a metric of the run - except in `sklearn_report`, where the per-epoch
classification_report's scores are (its output_dict is the record).

Modes:
    profiler      torch.profiler with schedule(wait=1, warmup=1, active=2, repeat=2) and an
                  on_trace_ready handler printing key_averages().table(sort_by="self_cpu_time_total",
                  row_limit=10) (two tables inside epoch 1, as the PyTorch recipe shows), loop lines
                  '[1,     8] loss: 0.912' and 'Epoch [1/5] train_loss: ..., val_loss: ..., val_acc: ...'
    cprofile      cProfile.Profile around training, logging.basicConfig(asctime) per epoch
                  'epoch 1: train_loss=... val_loss=... val_acc=...', then
                  pstats.Stats(pr).sort_stats("cumulative").print_stats(15)
    pyinstrument  pyinstrument Profiler around training, 'epoch 1 | loss 0.9123 | acc 0.5820 | val_loss ...'
                  then profiler.print() (colours and unicode on a terminal)
    line_profiler line_profiler.LineProfiler wrapping train_one_epoch, 'Epoch 1: loss=..., val_loss=...,
                  val_acc=...' then lp.print_stats()
    memory_profiler  memory_profiler @profile on train_one_epoch (its line report printed after each
                  call, i.e. every epoch) and 'epoch=1 train_loss=... val_loss=... val_acc=...'
    fvcore        fvcore FlopCountAnalysis + flop_count_table and parameter_count_table, then Keras-like
                  'Epoch 1/6 - loss: ... - accuracy: ... - val_loss: ... - val_accuracy: ...'
    thop          thop.profile + clever_format ('MACs: 3.136K, Params: 3.331K'), then
                  'Epoch: 1 | Train Loss: 0.912 | Val Loss: 0.876 | Val Acc: 58.20%'
    ptflops       ptflops get_model_complexity_info(print_per_layer_stat=True), the README's two
                  'Computational complexity:' / 'Number of parameters:' lines, then
                  'Epoch 1: loss = 0.9123, val loss = 0.8765, val accuracy = 0.5820'
    codetiming    codetiming Timer around each epoch ('Epoch 1 took 0.062 seconds'), loop lines
                  'epoch 1/6  train_loss 0.9123  val_loss 0.8765  val_acc 0.5820', then Timer.timers
                  statistics (count, total, mean, min, max)
    omegaconf     print(OmegaConf.to_yaml(cfg)) of a nested config, then logging 'step 8 | loss 0.9123 |
                  lr 0.0100' every log_every_n_steps and 'epoch 1 | val_loss 0.8765 | val_acc 0.5820'
    pandas        scikit-learn SGDClassifier.partial_fit loop on a DataFrame after df.head(),
                  df.info(), df['label'].value_counts() and df.corr().round(3) printed; per epoch
                  'epoch 1: train_log_loss=0.5123 val_log_loss=0.5321 val_accuracy=0.7812'
    sklearn_report  scikit-learn MLPClassifier.partial_fit loop printing, per epoch, 'Epoch 1/4 -
                  loss: 0.8123' then classification_report(digits=4) and confusion_matrix
    calflops      calflops calculate_flops(model, input_shape, output_as_string=True) report and the
                  README's 'FLOPs:...   MACs:...   Params:...' line, then the classic
                  'Epoch: 1 \tTraining Loss: 0.767312 \tValidation Loss: 0.438980'
    numpy         numpy logistic regression with np.set_printoptions(precision=4, suppress=True):
                  data statistics as arrays, 'iter  25: loss=..., val_loss=..., acc=..., w=[...],
                  b=...', final weights, predicted probabilities and a confusion matrix
    profiler_memory  the first two epochs inside torch.profiler.profile(profile_memory=True,
                  record_shapes=True), 'epoch 1: train_loss=... train_acc=... val_loss=... val_acc=...',
                  then AFTER training the recipe's tables grouped by input shape and sorted by
                  self CPU memory
    benchmark     torch.utils.benchmark.Timer timeit()/blocked_autorange() of inference before and
                  after a PyTorch-quickstart loop ('loss: 0.812345  [   64/ 1024]', 'Test Error:',
                  ' Accuracy: 78.9%, Avg loss: 0.438980')
    tracemalloc   logging 'INFO:__main__:Epoch 1/5 - train_loss: ... - val_loss: ... - val_acc: ...'
                  and 'Current memory usage is ...MB; Peak was ...MB' per epoch, then the
                  tracemalloc docs' '[ Top 10 ]' snapshot statistics
    torchinfo_verbose  torchinfo.summary(nested model, depth=4, verbose=2, row_settings=("var_names",))
                  (weight/bias rows), then 'ep 1 | train loss 0.9123 | val loss 0.8765 | val acc 58.2'

Truth: the values the loop printed, kept by the script's own history dict at full precision
(sklearn_report: classification_report(output_dict=True) and the loop's loss).
Versions: torch 2.13.0+cpu, fvcore 0.1.5.post20221221, thop 0.1.1.post2209072238, ptflops 0.7.5,
pyinstrument 5.1.3, line_profiler 5.1.0, memory-profiler 0.61.0, codetiming 1.4.0, omegaconf 2.4.0,
torchinfo 1.8.0, calflops 0.3.2 (+ transformers 5.25.0, accelerate 1.16.0, which it imports),
pandas 3.1.1, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAG-1: pip install torch==2.13.0, then pip install
numpy pandas scikit-learn fvcore thop ptflops pyinstrument line_profiler memory_profiler codetiming
omegaconf torchinfo calflops transformers; all wheels, no other torch; calflops imports
transformers without declaring it):
    python tests/corpus/scripts/capture.py pipe real_hand_torch_profiler_table -- python tests/corpus/scripts/hand_diagnostics.py profiler
    python tests/corpus/scripts/capture.py pipe real_hand_cprofile_pstats -- python tests/corpus/scripts/hand_diagnostics.py cprofile
    python tests/corpus/scripts/capture.py pipe real_hand_pyinstrument -- python tests/corpus/scripts/hand_diagnostics.py pyinstrument
    python tests/corpus/scripts/capture.py pty  real_hand_pyinstrument_pty -- python tests/corpus/scripts/hand_diagnostics.py pyinstrument
    python tests/corpus/scripts/capture.py pipe real_hand_line_profiler -- python tests/corpus/scripts/hand_diagnostics.py line_profiler
    python tests/corpus/scripts/capture.py pipe real_hand_memory_profiler -- python tests/corpus/scripts/hand_diagnostics.py memory_profiler
    python tests/corpus/scripts/capture.py pipe real_hand_fvcore_flops -- python tests/corpus/scripts/hand_diagnostics.py fvcore
    python tests/corpus/scripts/capture.py pipe real_hand_thop_macs -- python tests/corpus/scripts/hand_diagnostics.py thop
    python tests/corpus/scripts/capture.py pipe real_hand_ptflops -- python tests/corpus/scripts/hand_diagnostics.py ptflops
    python tests/corpus/scripts/capture.py pipe real_hand_codetiming -- python tests/corpus/scripts/hand_diagnostics.py codetiming
    python tests/corpus/scripts/capture.py pipe real_hand_omegaconf_yaml -- python tests/corpus/scripts/hand_diagnostics.py omegaconf
    python tests/corpus/scripts/capture.py pipe real_hand_pandas_info -- python tests/corpus/scripts/hand_diagnostics.py pandas
    python tests/corpus/scripts/capture.py pipe real_hand_sklearn_report_epochs -- python tests/corpus/scripts/hand_diagnostics.py sklearn_report
    python tests/corpus/scripts/capture.py pipe real_hand_calflops -- python tests/corpus/scripts/hand_diagnostics.py calflops
    python tests/corpus/scripts/capture.py pipe real_hand_numpy_printoptions -- python tests/corpus/scripts/hand_diagnostics.py numpy
    python tests/corpus/scripts/capture.py pipe real_hand_torch_profiler_memory -- python tests/corpus/scripts/hand_diagnostics.py profiler_memory
    python tests/corpus/scripts/capture.py pipe real_hand_torch_benchmark_timer -- python tests/corpus/scripts/hand_diagnostics.py benchmark
    python tests/corpus/scripts/capture.py pipe real_hand_tracemalloc -- python tests/corpus/scripts/hand_diagnostics.py tracemalloc
    python tests/corpus/scripts/capture.py pipe real_hand_torchinfo_verbose -- python tests/corpus/scripts/hand_diagnostics.py torchinfo_verbose
"""

import logging
import os
import sys
from importlib import metadata

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth

MODE = sys.argv[1]
series = _truth.Series()
history: dict[str, list[float]] = {}
extra_ok: list[str] = []
libs = [f"torch {torch.__version__}"]
notes = ""

torch.manual_seed(0)
np.random.seed(0)
torch.set_num_threads(1)  # the capture machine has 2 shared cores

N_TRAIN, N_VAL, D, C = 1024, 256, 16, 3
X = torch.randn(N_TRAIN + N_VAL, D)
W = torch.randn(D, C)
y = (X @ W + 1.2 * torch.randn(len(X), C)).argmax(1)
Xtr, ytr, Xva, yva = X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:], y[N_TRAIN:]
BATCH_SIZE = 64
STEPS = N_TRAIN // BATCH_SIZE  # 16 batches per epoch
EPOCHS = 5


def log(name, value, epoch=None, step=None):
    """The loop's own history (the truth of what it prints)."""
    history.setdefault(name, []).append(value)
    series.add(name, step, epoch, value)


def make_model(hidden=64):
    return nn.Sequential(
        nn.Linear(D, hidden),
        nn.ReLU(),
        nn.Linear(hidden, 32),
        nn.ReLU(),
        nn.Linear(32, C),
    )


model = make_model()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)


def batches():
    perm = torch.randperm(N_TRAIN)
    for i in range(STEPS):
        idx = perm[i * BATCH_SIZE : (i + 1) * BATCH_SIZE]
        yield Xtr[idx], ytr[idx]


@torch.no_grad()
def evaluate():
    model.eval()
    out = model(Xva)
    model.train()
    return float(criterion(out, yva)), float((out.argmax(1) == yva).float().mean())


def train_one_epoch(on_batch=None):
    model.train()
    total, correct = 0.0, 0
    for i, (xb, yb) in enumerate(batches(), 1):
        optimizer.zero_grad()
        out = model(xb)
        loss = criterion(out, yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
        correct += (out.argmax(1) == yb).sum().item()
        if on_batch is not None:
            on_batch(i, loss.item())
    return total / N_TRAIN, correct / N_TRAIN


# ---------------------------------------------------------------------------------------- modes
if MODE == "profiler":
    from torch.profiler import ProfilerActivity, profile, record_function, schedule

    def trace_handler(p):
        output = p.key_averages().table(sort_by="self_cpu_time_total", row_limit=10)
        print(output)

    running = {"loss": 0.0}
    with profile(
        activities=[ProfilerActivity.CPU],
        schedule=schedule(wait=1, warmup=1, active=2, repeat=2),
        on_trace_ready=trace_handler,
    ) as prof:
        for epoch in range(1, EPOCHS + 1):
            running["loss"] = 0.0

            def on_batch(i, loss, epoch=epoch):
                running["loss"] += loss
                if i % 8 == 0:
                    avg = running["loss"] / 8
                    log("loss", avg, epoch, (epoch - 1) * STEPS + i)
                    print(f"[{epoch}, {i:5d}] loss: {avg:.3f}")
                    running["loss"] = 0.0
                prof.step()

            with record_function("train_epoch"):
                train_loss, _ = train_one_epoch(on_batch)
            val_loss, val_acc = evaluate()
            log("train_loss", train_loss, epoch)
            log("val_loss", val_loss, epoch)
            log("val_acc", val_acc, epoch)
            print(
                f"Epoch [{epoch}/{EPOCHS}] train_loss: {train_loss:.4f}, val_loss: {val_loss:.4f}, "
                f"val_acc: {val_acc:.4f}"
            )
    print("Finished Training")
    notes = (
        "torch.profiler with schedule(wait=1, warmup=1, active=2, repeat=2): its on_trace_ready "
        "handler prints key_averages().table(sort_by='self_cpu_time_total', row_limit=10) twice "
        "inside epoch 1 (after batches 4 and 8): a '---' framed table 'Name  Self CPU %  Self CPU  "
        "CPU total %  CPU total  CPU time avg  # of Calls' with rows 'aten::addmm  18.52%  "
        "95.000us ...  6' and 'Self CPU time total: 512.000us' (times, percentages and call "
        "counts of operators: not metrics). Loop lines: every 8 batches '[1,     8] loss: 0.912' "
        "(mean of the last 8 batch losses; step = global batch index: 8, 16, 24, ...), per epoch "
        "'Epoch [1/5] train_loss: 0.9123, val_loss: 0.8765, val_acc: 0.5820' (epoch points, no "
        "step), and 'Finished Training'. The profiler's own stderr lines 'USDT:2026-... "
        "SyncActivityProfilerHandler.cpp:52] profiler_start' and a UserWarning ('Profiler clears "
        "events at the end of each cycle') come first, before the block-buffered stdout. The "
        "operator rows' names recur in the second table (after the first loss line)."
    )

elif MODE == "cprofile":
    import cProfile
    import pstats

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s - %(name)s - %(levelname)s - %(message)s"
    )
    logger = logging.getLogger("train")
    pr = cProfile.Profile()
    pr.enable()
    for epoch in range(1, EPOCHS + 1):
        train_loss, train_acc = train_one_epoch()
        val_loss, val_acc = evaluate()
        log("train_loss", train_loss, epoch)
        log("val_loss", val_loss, epoch)
        log("val_acc", val_acc, epoch)
        logger.info(
            "epoch %d: train_loss=%.4f val_loss=%.4f val_acc=%.4f",
            epoch,
            train_loss,
            val_loss,
            val_acc,
        )
    pr.disable()
    stats = pstats.Stats(pr).sort_stats("cumulative")
    stats.print_stats(15)
    notes = (
        "logging.basicConfig('%(asctime)s - %(name)s - %(levelname)s - %(message)s') per epoch "
        "'2026-01-01 12:00:00,123 - train - INFO - epoch 1: train_loss=0.9123 val_loss=0.8765 "
        "val_acc=0.5820'. Then cProfile/pstats print_stats(15) sorted by cumulative time: "
        "'  123456 function calls (120000 primitive calls) in 0.532 seconds', 'Ordered by: "
        "cumulative time', 'List reduced from 812 to 15 due to restriction <15>' and a table "
        "'ncalls  tottime  percall  cumtime  percall filename:lineno(function)' with rows like "
        "'   80    0.002    0.000    0.120    0.002 .../torch/optim/optimizer.py:482(wrapper)' "
        "and '16/8' recursive call counts: call counts and seconds, not metrics."
    )

elif MODE == "pyinstrument":
    from pyinstrument import Profiler

    libs.append(f"pyinstrument {metadata.version('pyinstrument')}")
    profiler = Profiler()
    profiler.start()
    for epoch in range(1, EPOCHS + 1):
        train_loss, train_acc = train_one_epoch()
        val_loss, val_acc = evaluate()
        for k, v in (("loss", train_loss), ("acc", train_acc), ("val_loss", val_loss)):
            log(k, v, epoch)
        log("val_acc", val_acc, epoch)
        print(
            f"epoch {epoch} | loss {train_loss:.4f} | acc {train_acc:.4f} | "
            f"val_loss {val_loss:.4f} | val_acc {val_acc:.4f}"
        )
    profiler.stop()
    profiler.print()
    notes = (
        "Per epoch 'epoch 1 | loss 0.9123 | acc 0.5820 | val_loss 0.8765 | val_acc 0.5900'. Then "
        "pyinstrument's Profiler.print() (unicode and colours only on a terminal): a banner "
        "'  _     ._   __/__   _ _  _  _ _/_   Recorded: 12:00:00  Samples:  312', ' /_//_/// /_\\ / "
        "//_// / //_'/ //     Duration: 0.532     CPU time: 0.530', '/   _/                      "
        "v5.1.3', 'Profile at .../hand_diagnostics.py:...', then a call tree whose lines start "
        "with seconds: '0.532 <module>  hand_diagnostics.py:1', '└─ 0.410 train_one_epoch  "
        "hand_diagnostics.py:120', '   [12 frames hidden]  torch, <built-in>': times and frame "
        "counts, not metrics. Epoch points, no step."
    )

elif MODE == "line_profiler":
    from line_profiler import LineProfiler

    libs.append(f"line_profiler {metadata.version('line_profiler')}")
    lp = LineProfiler()
    lp_train = lp(train_one_epoch)
    for epoch in range(1, EPOCHS + 1):
        train_loss, _ = lp_train()
        val_loss, val_acc = evaluate()
        log("loss", train_loss, epoch)
        log("val_loss", val_loss, epoch)
        log("val_acc", val_acc, epoch)
        print(
            f"Epoch {epoch}: loss={train_loss:.4f}, val_loss={val_loss:.4f}, val_acc={val_acc:.4f}"
        )
    lp.print_stats()
    notes = (
        "Per epoch 'Epoch 1: loss=0.9123, val_loss=0.8765, val_acc=0.5820'. Then line_profiler's "
        "print_stats(): 'Timer unit: 1e-09 s', 'Total time: 0.312 s', 'File: .../hand_diagnostics.py', "
        "'Function: train_one_epoch at line 120', a header 'Line #      Hits         Time  Per Hit"
        "   % Time  Line Contents', '=====' and one row per source line: '   125        80   "
        "51234567.0 640432.1     16.4          out = model(xb)' (line numbers, hit counts, "
        "nanoseconds and percentages of the function's time, followed by the source text, "
        "which itself reads 'total += loss.item() * len(yb)'): not metrics. Epoch points, no step."
    )

elif MODE == "memory_profiler":
    from memory_profiler import profile

    libs.append(f"memory-profiler {metadata.version('memory-profiler')}")
    profiled = profile(train_one_epoch)
    for epoch in range(1, 4):
        train_loss, _ = profiled()
        val_loss, val_acc = evaluate()
        log("train_loss", train_loss, epoch)
        log("val_loss", val_loss, epoch)
        log("val_acc", val_acc, epoch)
        print(
            f"epoch={epoch} train_loss={train_loss:.4f} val_loss={val_loss:.4f} val_acc={val_acc:.4f}"
        )
    notes = (
        "memory_profiler's @profile (applied as profile(train_one_epoch)) prints its line report "
        "each time the function returns, so before every epoch line: 'Filename: "
        ".../hand_diagnostics.py', a header 'Line #    Mem usage    Increment  Occurrences   "
        "Line Contents', '=====' and rows '   121    312.4 MiB    312.4 MiB           1   def "
        "train_one_epoch(on_batch=None):', '   126    313.1 MiB      0.2 MiB          16          "
        "out = model(xb)' (line numbers, MiB, occurrence counts, source text: not metrics). Then "
        "'epoch=1 train_loss=0.9123 val_loss=0.8765 val_acc=0.5820'. Three epochs; epoch points, "
        "no step."
    )

elif MODE == "fvcore":
    from fvcore.nn import FlopCountAnalysis, flop_count_table, parameter_count_table

    libs.append(f"fvcore {metadata.version('fvcore')}")
    flops = FlopCountAnalysis(model, torch.randn(1, D))
    print(flop_count_table(flops))
    print(f"Total FLOPs: {flops.total()}")
    print(parameter_count_table(model))
    for epoch in range(1, EPOCHS + 2):
        train_loss, train_acc = train_one_epoch()
        val_loss, val_acc = evaluate()
        log("loss", train_loss, epoch)
        log("accuracy", train_acc, epoch)
        log("val_loss", val_loss, epoch)
        log("val_accuracy", val_acc, epoch)
        print(
            f"Epoch {epoch}/{EPOCHS + 1} - loss: {train_loss:.4f} - accuracy: {train_acc:.4f} - "
            f"val_loss: {val_loss:.4f} - val_accuracy: {val_acc:.4f}"
        )
    notes = (
        "fvcore's FlopCountAnalysis(model, torch.randn(1, 16)), flop_count_table(): a '|' table "
        "'| module   | #parameters or shape   | #flops   |' with rows '| model    | 3.267K  | "
        "3.168K   |', '| 0.weight | (64, 16)  |   |', '| 4        | 99   | 96   |'; the script's "
        "'Total FLOPs: 3168'; parameter_count_table(): '| name | #elements or shape |' rows '| "
        "model    | 3.3K   |', '| 0.weight | (64, 16)  |' (counts and shapes, not metrics). Then "
        "Keras-like per-epoch lines 'Epoch 1/6 - loss: 0.9123 - "
        "accuracy: 0.5820 - val_loss: 0.8765 - val_accuracy: 0.5900' (the '1/6' is the epoch of "
        "six). Epoch points, no step."
    )

elif MODE == "thop":
    from thop import clever_format, profile

    libs.append(f"thop {metadata.version('thop')}")
    inp = torch.randn(1, D)
    macs, params = profile(model, inputs=(inp,))
    macs, params = clever_format([macs, params], "%.3f")
    print(f"MACs: {macs}, Params: {params}")
    for epoch in range(1, EPOCHS + 1):
        train_loss, _ = train_one_epoch()
        val_loss, val_acc = evaluate()
        log("Train Loss", train_loss, epoch)
        log("Val Loss", val_loss, epoch)
        log("Val Acc", 100 * val_acc, epoch)
        print(
            f"Epoch: {epoch} | Train Loss: {train_loss:.3f} | Val Loss: {val_loss:.3f} | "
            f"Val Acc: {100 * val_acc:.2f}%"
        )
    notes = (
        "thop.profile prints one line per registered module type '[INFO] Register count_linear() "
        "for <class 'torch.nn.modules.linear.Linear'>.' (and '[INFO] Register zero_ops() for "
        "<class ...ReLU'>.'), then the script prints clever_format's strings 'MACs: 3.136K, "
        "Params: 3.331K' (multiply-accumulates and parameter count: not metrics). Per epoch "
        "'Epoch: 1 | Train Loss: 0.912 | Val Loss: 0.877 | Val Acc: 58.20%' (Val Acc printed in "
        "percent; the truth holds the printed percent). Epoch points, no step."
    )

elif MODE == "ptflops":
    from ptflops import get_model_complexity_info

    libs.append(f"ptflops {metadata.version('ptflops')}")
    macs, params = get_model_complexity_info(
        model, (D,), as_strings=True, print_per_layer_stat=True, verbose=True
    )
    print("{:<30}  {:<8}".format("Computational complexity: ", macs))
    print("{:<30}  {:<8}".format("Number of parameters: ", params))
    for epoch in range(1, EPOCHS + 1):
        train_loss, _ = train_one_epoch()
        val_loss, val_acc = evaluate()
        log("loss", train_loss, epoch)
        log("val loss", val_loss, epoch)
        log("val accuracy", val_acc, epoch)
        print(
            f"Epoch {epoch}: loss = {train_loss:.4f}, val loss = {val_loss:.4f}, "
            f"val accuracy = {val_acc:.4f}"
        )
    notes = (
        "ptflops get_model_complexity_info(model, (16,), as_strings=True, print_per_layer_stat="
        "True, verbose=True) prints the model with per-layer statistics: 'Sequential(', "
        "'  3.33 k, 100.000% Params, 3.39 KMac, 100.000% MACs, ', '  (0): Linear(1.09 k, "
        "32.723% Params, 1.09 KMac, 32.153% MACs, in_features=16, out_features=64, bias=True)' "
        "and the README's 'Computational complexity:       3.39 KMac', 'Number of parameters:  "
        "         3.33 k' (counts, MACs, percentages: not metrics). Per epoch 'Epoch 1: loss = "
        "0.9123, val loss = 0.8765, val accuracy = 0.5820'. Epoch points, no step."
    )

elif MODE == "codetiming":
    from codetiming import Timer

    libs.append(f"codetiming {metadata.version('codetiming')}")
    E = EPOCHS + 1
    for epoch in range(1, E + 1):
        with Timer(name="epoch", text=f"Epoch {epoch} took {{:.3f}} seconds"):
            train_loss, _ = train_one_epoch()
            val_loss, val_acc = evaluate()
        log("train_loss", train_loss, epoch)
        log("val_loss", val_loss, epoch)
        log("val_acc", val_acc, epoch)
        print(
            f"epoch {epoch}/{E}  train_loss {train_loss:.4f}  val_loss {val_loss:.4f}  "
            f"val_acc {val_acc:.4f}"
        )
    t = Timer.timers
    print(
        f"Timer 'epoch': {t.count('epoch'):.0f} calls, total {t.total('epoch'):.3f}s, "
        f"mean {t.mean('epoch'):.3f}s, min {t.min('epoch'):.3f}s, max {t.max('epoch'):.3f}s"
    )
    extra_ok = ["Epoch N took ... seconds (wall time of each epoch, codetiming's Timer)"]
    notes = (
        "codetiming Timer(name='epoch', text='Epoch 1 took {:.3f} seconds') around each epoch "
        "prints 'Epoch 1 took 0.062 seconds' BEFORE the loop's own line 'epoch 1/6  train_loss "
        "0.9123  val_loss 0.8765  val_acc 0.5820' (two spaces between pairs). At the end the "
        "Timer.timers statistics 'Timer 'epoch': 6 calls, total 0.372s, mean 0.062s, min 0.058s, "
        "max 0.071s' (a count and wall-clock seconds: not metrics of the model; the per-epoch "
        "time is listed in extra_ok). Epoch points, no step."
    )

elif MODE == "omegaconf":
    from omegaconf import OmegaConf

    libs.append(f"omegaconf {metadata.version('omegaconf')}")
    cfg = OmegaConf.create(
        {
            "seed": 42,
            "data": {"n_train": N_TRAIN, "n_val": N_VAL, "num_features": D, "num_classes": C},
            "model": {"hidden_sizes": [64, 32], "dropout": 0.0, "activation": "relu"},
            "optim": {"name": "adam", "lr": 0.01, "betas": [0.9, 0.999], "weight_decay": 0.0},
            "trainer": {"max_epochs": 4, "batch_size": BATCH_SIZE, "log_every_n_steps": 8},
        }
    )
    print(OmegaConf.to_yaml(cfg))
    logging.basicConfig(
        level=logging.INFO, format="[%(asctime)s][%(name)s][%(levelname)s] - %(message)s"
    )
    log_ = logging.getLogger("__main__")
    lr = cfg.optim.lr
    for epoch in range(1, cfg.trainer.max_epochs + 1):

        def on_batch(i, loss, epoch=epoch):
            step = (epoch - 1) * STEPS + i
            if step % cfg.trainer.log_every_n_steps == 0:
                log("loss", loss, epoch, step)
                log("lr", lr, epoch, step)
                log_.info(f"step {step} | loss {loss:.4f} | lr {lr:.4f}")

        train_one_epoch(on_batch)
        val_loss, val_acc = evaluate()
        log("val_loss", val_loss, epoch, epoch * STEPS)
        log("val_acc", val_acc, epoch, epoch * STEPS)
        log_.info(f"epoch {epoch} | val_loss {val_loss:.4f} | val_acc {val_acc:.4f}")
    notes = (
        "print(OmegaConf.to_yaml(cfg)): a YAML config 'seed: 42', 'data:', '  n_train: 1024', "
        "'  num_classes: 3', 'optim:', '  lr: 0.01', '  betas:', '  - 0.9', '  - 0.999', "
        "'trainer:', '  max_epochs: 4', '  batch_size: 64', '  log_every_n_steps: 8' "
        "(hyper-parameters: not metrics). Then Hydra-style logging '[2026-01-01 12:00:00,123]"
        "[__main__][INFO] - step 8 | loss 0.9123 | lr 0.0100' every 8 steps (loss of that batch; "
        "lr the constant learning rate, a series) and per epoch '[...] - epoch 1 | val_loss "
        "0.8765 | val_acc 0.5820' (points at the epoch's last step, 16 per epoch). Piped, the "
        "logging lines (stderr, unbuffered) come FIRST and the YAML (print to stdout, "
        "block-buffered) only at the end of the file, after the last epoch line; so a reader "
        "sees 'lr: 0.01', 'dropout: 0.0', 'weight_decay: 0.0' after training."
    )

elif MODE == "pandas":
    import pandas as pd
    from sklearn.linear_model import SGDClassifier
    from sklearn.metrics import accuracy_score, log_loss

    libs = [
        f"pandas {metadata.version('pandas')}",
        f"scikit-learn {metadata.version('scikit-learn')}",
    ]
    rng = np.random.default_rng(0)
    n = 1500
    df = pd.DataFrame(
        {
            "age": rng.integers(18, 80, n),
            "income": rng.normal(52000, 15000, n).round(2),
            "score": rng.uniform(0, 1, n).round(4),
            "visits": rng.poisson(3, n),
            "region": rng.choice(["north", "south", "east", "west"], n),
        }
    )
    logit = 0.04 * (df.age - 50) + (df.income - 52000) / 20000 + 2 * (df.score - 0.5)
    df["label"] = (logit + rng.normal(0, 1, n) > 0).astype(int)
    print(df.head())
    df.info()
    print(df["label"].value_counts())
    print(df.drop(columns="region").corr().round(3))
    feats = pd.get_dummies(df.drop(columns="label"), columns=["region"], dtype=float)
    Xn = ((feats - feats.mean()) / feats.std()).to_numpy()
    yn = df["label"].to_numpy()
    Xa, Xb, ya, yb_ = Xn[:1200], Xn[1200:], yn[:1200], yn[1200:]
    print(f"train: {Xa.shape}, val: {Xb.shape}")
    clf = SGDClassifier(loss="log_loss", learning_rate="constant", eta0=0.01, random_state=0)
    for epoch in range(1, 7):
        order = rng.permutation(len(Xa))
        for i in range(0, len(Xa), 100):
            idx = order[i : i + 100]
            clf.partial_fit(Xa[idx], ya[idx], classes=[0, 1])
        tr = log_loss(ya, clf.predict_proba(Xa))
        va = log_loss(yb_, clf.predict_proba(Xb))
        acc = accuracy_score(yb_, clf.predict(Xb))
        log("train_log_loss", tr, epoch)
        log("val_log_loss", va, epoch)
        log("val_accuracy", acc, epoch)
        print(
            f"epoch {epoch}: train_log_loss={tr:.4f} val_log_loss={va:.4f} val_accuracy={acc:.4f}"
        )
    notes = (
        "Before training the data summaries pandas prints: df.head() (rows '0   62  45123.45  "
        "0.6370       2  south      1'), df.info() ('<class 'pandas.DataFrame'>', 'RangeIndex: "
        "1500 entries, 0 to 1499', 'Data columns (total 6 columns):', ' 0   age     1500 non-null"
        "   int64', 'dtypes: float64(2), int64(3), str(1)', 'memory usage: 70.4 KB'), "
        "value_counts() ('label', '1    760', '0    740', 'Name: count, dtype: int64'), "
        "corr().round(3) (a matrix of correlations 'age     1.000  -0.012 ...'), and 'train: "
        "(1200, 8), val: (300, 8)': counts, sizes, dtypes, data statistics, not metrics. Then "
        "per epoch 'epoch 1: train_log_loss=0.5123 val_log_loss=0.5321 val_accuracy=0.7812' "
        "(SGDClassifier.partial_fit over 12 mini-batches). Epoch points, no step."
    )

elif MODE == "sklearn_report":
    from sklearn.metrics import classification_report, confusion_matrix
    from sklearn.neural_network import MLPClassifier

    libs = [f"scikit-learn {metadata.version('scikit-learn')}"]
    Xa, ya, Xb, yb_ = Xtr.numpy(), ytr.numpy(), Xva.numpy(), yva.numpy()
    clf = MLPClassifier(hidden_layer_sizes=(32,), learning_rate_init=0.01, random_state=0)
    E = 4
    for epoch in range(1, E + 1):
        clf.partial_fit(Xa, ya, classes=[0, 1, 2])
        log("loss", clf.loss_, epoch)
        print(f"Epoch {epoch}/{E} - loss: {clf.loss_:.4f}")
        pred = clf.predict(Xb)
        rep = classification_report(yb_, pred, digits=4, output_dict=True)
        for row, cols in rep.items():
            if row == "accuracy":
                log("accuracy", cols, epoch)
                continue
            for col in ("precision", "recall", "f1-score"):
                log(f"{row}/{col}", cols[col], epoch)
        print(classification_report(yb_, pred, digits=4))
        print(confusion_matrix(yb_, pred))
    notes = (
        "MLPClassifier.partial_fit once per epoch (one pass), then 'Epoch 1/4 - loss: 0.8123' "
        "(clf.loss_), sklearn's classification_report(digits=4): a column table 'precision    "
        "recall  f1-score   support' whose rows are LABELLED, not stepped: class rows '0', '1', "
        "'2' (numbers as class names, not steps), 'accuracy' with a single value under f1-score "
        "(then support), 'macro avg' / 'weighted avg'; then confusion_matrix as a numpy matrix "
        "'[[70  8  9]' (counts, not metrics). Printed every epoch (4 reports). Truth names "
        "'<row>/<column>' and 'accuracy' per epoch (from output_dict=True); the support column "
        "(counts: 87, 256) is not a metric. Epoch points, no step."
    )

elif MODE == "torchinfo_verbose":
    import torchinfo

    libs.append(f"torchinfo {metadata.version('torchinfo')}")

    class Block(nn.Module):
        def __init__(self, i, o):
            super().__init__()
            self.linear = nn.Linear(i, o)
            self.norm = nn.LayerNorm(o)
            self.act = nn.GELU()

        def forward(self, x):
            return self.act(self.norm(self.linear(x)))

    class Classifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.Sequential(Block(D, 64), Block(64, 32))
            self.head = nn.Linear(32, C)

        def forward(self, x):
            return self.head(self.encoder(x))

    model = Classifier()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    torchinfo.summary(
        model, input_size=(BATCH_SIZE, D), depth=4, verbose=2, row_settings=("var_names",)
    )
    for epoch in range(1, EPOCHS + 1):
        train_loss, _ = train_one_epoch()
        val_loss, val_acc = evaluate()
        log("train loss", train_loss, epoch)
        log("val loss", val_loss, epoch)
        log("val acc", 100 * val_acc, epoch)
        print(
            f"ep {epoch} | train loss {train_loss:.4f} | val loss {val_loss:.4f} | val acc {100 * val_acc:.1f}"
        )
    notes = (
        "torchinfo.summary(model, input_size=(64, 16), depth=4, verbose=2, row_settings="
        "('var_names',)): a '===' framed table 'Layer (type (var_name))  Output Shape  Param #' "
        "with nested rows 'Classifier (Classifier)  [64, 3]  --', '├─Sequential (encoder)  [64, "
        "32]  --', '│    └─Block (0)  [64, 64]  --', '│    │    └─Linear (linear)  [64, 64]  "
        "1,088', and verbose=2's parameter rows with counts in the last column '│    └─0.linear."
        "weight      ├─1,024', '│    │    │    └─bias     └─64'; then 'Total params: 3,459', "
        "'Trainable params', 'Non-trainable "
        "params: 0', 'Total mult-adds (Units.MEGABYTES): 0.23', 'Input size (MB): 0.00', "
        "'Forward/backward pass size (MB): 0.10', 'Params size (MB): 0.01', 'Estimated Total "
        "Size (MB): 0.12' (counts and sizes, not metrics). Per epoch 'ep 1 | train loss 0.9123 "
        "| val loss 0.8765 | val acc 58.2' (val acc printed in percent, as the truth holds it). "
        "Epoch points, no step."
    )

elif MODE == "calflops":
    from calflops import calculate_flops

    libs.append(f"calflops {metadata.version('calflops')}")
    flops, macs, params = calculate_flops(
        model=model, input_shape=(BATCH_SIZE, D), output_as_string=True, output_precision=4
    )
    print("FLOPs:%s   MACs:%s   Params:%s \n" % (flops, macs, params))  # noqa: UP031 (README)
    for epoch in range(1, EPOCHS + 1):
        train_loss, _ = train_one_epoch()
        valid_loss, _ = evaluate()
        log("Training Loss", train_loss, epoch)
        log("Validation Loss", valid_loss, epoch)
        print(
            "Epoch: {} \tTraining Loss: {:.6f} \tValidation Loss: {:.6f}".format(  # noqa: UP032
                epoch, train_loss, valid_loss
            )
        )
    notes = (
        "calflops calculate_flops(model, input_shape=(64, 16), output_as_string=True, "
        "output_precision=4) prints its report: a '--- Calculate Flops Results ---' banner, "
        "notations prose ('default model backpropagation takes 2.00 times as much computation as "
        "forward propagation.'), 'Total Training Params:   3.27 K', 'fwd MACs:   202.752 KMACs', "
        "'fwd FLOPs:  411.648 KFLOPS', 'fwd+bwd MACs:', 'fwd+bwd FLOPs:  1.2349 MFLOPS', a "
        "'Detailed Calculated FLOPs Results' section and the model tree with per-module '(0): "
        "Linear(1.09 K = 33.3027% Params, 65.54 KMACs = 32.3232% MACs, 131.07 KFLOPS = 31.8408% "
        "FLOPs, in_features=16, out_features=64, bias=True)'; then the README's 'FLOPs:411.648 "
        "KFLOPS   MACs:202.752 KMACs   Params:3.267 K' (counts and estimates: not metrics). Per "
        "epoch the classic 'Epoch: 1 \\tTraining Loss: 0.767312 \\tValidation Loss: 0.438980' "
        "(tab-separated). Epoch points, no step."
    )

elif MODE == "numpy":
    libs = [f"numpy {np.__version__}"]
    np.set_printoptions(precision=4, suppress=True)
    rng = np.random.default_rng(0)
    n, d = 600, 5
    Xn = rng.normal(size=(n, d)) * np.array([1.0, 2.0, 0.5, 1.0, 3.0]) + np.array([0, 1, 0, -1, 2])
    true_w = np.array([1.5, -0.8, 2.0, 0.0, 0.4])
    yn = (Xn @ true_w - 0.3 + rng.normal(size=n) > 0).astype(float)
    Xa, Xb, ya, yb_ = Xn[:480], Xn[480:], yn[:480], yn[480:]
    mu, sd = Xa.mean(axis=0), Xa.std(axis=0)
    print("X_train shape:", Xa.shape, "X_val shape:", Xb.shape)
    print("class balance:", np.bincount(ya.astype(int)) / len(ya))
    print("feature means:", mu)
    print("feature stds: ", sd)
    Xa, Xb = (Xa - mu) / sd, (Xb - mu) / sd
    w, b, lr = np.zeros(d), 0.0, 0.5

    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    def bce(p, t):
        return float(-np.mean(t * np.log(p + 1e-12) + (1 - t) * np.log(1 - p + 1e-12)))

    for it in range(1, 201):
        p = sigmoid(Xa @ w + b)
        grad_w, grad_b = Xa.T @ (p - ya) / len(ya), float(np.mean(p - ya))
        w -= lr * grad_w
        b -= lr * grad_b
        if it % 25 == 0:
            p = sigmoid(Xa @ w + b)
            pv = sigmoid(Xb @ w + b)
            loss, val_loss = bce(p, ya), bce(pv, yb_)
            acc = float(np.mean((p > 0.5) == ya))
            log("loss", loss, None, it)
            log("val_loss", val_loss, None, it)
            log("acc", acc, None, it)
            print(
                f"iter {it:3d}: loss={loss:.4f}, val_loss={val_loss:.4f}, acc={acc:.4f}, w={w}, b={b:.4f}"
            )
    pv = sigmoid(Xb @ w + b)
    print("final weights:", w)
    print("predicted probabilities (first 8):", pv[:8])
    pred = (pv > 0.5).astype(int)
    cm = np.zeros((2, 2), dtype=int)
    for t, q in zip(yb_.astype(int), pred, strict=True):
        cm[t, q] += 1
    print("confusion matrix:")
    print(cm)
    val_acc = float(np.mean(pred == yb_))
    log("val accuracy", val_acc, None, 200)
    print(f"val accuracy: {val_acc:.4f}")
    notes = (
        "A numpy logistic regression (gradient descent, 200 iterations) with "
        "np.set_printoptions(precision=4, suppress=True). Before training: 'X_train shape: "
        "(480, 5) X_val shape: (120, 5)', 'class balance: [0.5021 0.4979]', 'feature means: "
        "[ 0.0123  1.0456 ...]', 'feature stds:  [...]' (data statistics). Every 25 iterations "
        "'iter  25: loss=0.4123, val_loss=0.4321, acc=0.8125, w=[ 0.9123 -0.8123  1.2345  0.0012 "
        " 0.5123], b=-0.1234' (loss/val_loss/acc are metrics, step = iteration; w, the weight "
        "vector printed by numpy, and b, the bias, are fitted parameters, not metrics). At the "
        "end 'final weights: [...]', 'predicted probabilities (first 8): [0.9123 0.0123 ...]' "
        "(predictions), 'confusion matrix:' and '[[55  6]' / ' [ 5 54]]' (counts), and 'val "
        "accuracy: 0.9083' (a point at iteration 200)."
    )

elif MODE == "profiler_memory":
    from torch.profiler import ProfilerActivity, profile

    with profile(
        activities=[ProfilerActivity.CPU], profile_memory=True, record_shapes=True
    ) as prof:
        for epoch in range(1, 3):
            train_loss, train_acc = train_one_epoch()
            val_loss, val_acc = evaluate()
            log("train_loss", train_loss, epoch)
            log("train_acc", train_acc, epoch)
            log("val_loss", val_loss, epoch)
            log("val_acc", val_acc, epoch)
            print(
                f"epoch {epoch}: train_loss={train_loss:.4f} train_acc={train_acc:.4f} "
                f"val_loss={val_loss:.4f} val_acc={val_acc:.4f}"
            )
    for epoch in range(3, EPOCHS + 1):
        train_loss, train_acc = train_one_epoch()
        val_loss, val_acc = evaluate()
        log("train_loss", train_loss, epoch)
        log("train_acc", train_acc, epoch)
        log("val_loss", val_loss, epoch)
        log("val_acc", val_acc, epoch)
        print(
            f"epoch {epoch}: train_loss={train_loss:.4f} train_acc={train_acc:.4f} "
            f"val_loss={val_loss:.4f} val_acc={val_acc:.4f}"
        )
    print(prof.key_averages(group_by_input_shape=True).table(sort_by="cpu_time_total", row_limit=8))
    print(prof.key_averages().table(sort_by="self_cpu_memory_usage", row_limit=8))
    notes = (
        "The first two epochs run inside torch.profiler.profile(activities=[CPU], "
        "profile_memory=True, record_shapes=True); every epoch prints 'epoch 1: "
        "train_loss=0.7673 train_acc=0.6895 val_loss=0.4390 val_acc=0.7891'. AFTER training, "
        "the recipe's two tables: key_averages(group_by_input_shape=True).table(sort_by="
        "'cpu_time_total', row_limit=8) with an 'Input Shapes' column ('aten::addmm  ...  "
        "[[64], [64, 16], [16, 64], [], []]') and key_averages().table(sort_by="
        "'self_cpu_memory_usage', row_limit=8) with 'CPU Mem' / 'Self CPU Mem' columns "
        "('aten::empty  1.23%  45.000us ...  94.50 Kb  94.50 Kb  320'), each closed by 'Self CPU "
        "time total: 12.345ms': operator times, percentages, memory and call counts, none a "
        "metric. Stderr's 'USDT:... profiler_start' lines come first. Epoch points, no step."
    )

elif MODE == "benchmark":
    import torch.utils.benchmark as benchmark

    xb_bench = Xva[:BATCH_SIZE]

    def bench(tag):
        t = benchmark.Timer(
            stmt="model(x)",
            globals={"model": model, "x": xb_bench},
            label="inference",
            sub_label=tag,
            description=f"batch {BATCH_SIZE}",
        )
        print(t.timeit(200))
        print(t.blocked_autorange(min_run_time=0.2))

    bench("before training")
    size = N_TRAIN
    for epoch in range(1, EPOCHS):
        print(f"Epoch {epoch}\n-------------------------------")
        step_base = (epoch - 1) * STEPS

        def on_batch(i, loss, epoch=epoch, step_base=step_base):
            if i % 5 == 1:
                current = i * BATCH_SIZE
                log("loss", loss, epoch, step_base + i)
                print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")

        train_one_epoch(on_batch)
        val_loss, val_acc = evaluate()
        log("Accuracy", 100 * val_acc, epoch, epoch * STEPS)
        log("Avg loss", val_loss, epoch, epoch * STEPS)
        print(f"Test Error: \n Accuracy: {(100 * val_acc):>0.1f}%, Avg loss: {val_loss:>8f} \n")
    print("Done!")
    bench("after training")
    notes = (
        "torch.utils.benchmark.Timer(stmt='model(x)', label='inference', sub_label='before "
        "training', description='batch 64'): print(t.timeit(200)) and "
        "print(t.blocked_autorange(min_run_time=0.2)) show the Measurement repr '<torch.utils."
        "benchmark.utils.common.Measurement object at 0x7f...>', 'inference: before training', "
        "'batch 64', '  52.01 us', '  1 measurement, 200 runs , 1 thread' and 'Median: 52.01 us', "
        "'IQR:    6.60 us (47.73 to 54.33)', '4 measurements, 1000 runs per measurement, 1 "
        "thread', sometimes 'WARNING: Interquartile range is 12.7% of the median measurement.' "
        "(timings of inference and run counts: not metrics of the training). Printed before "
        "and again after training. The loop is the PyTorch quickstart's: 'Epoch 1', a dashes "
        "line, 'loss: 0.812345  [   64/ 1024]' every 5 batches (the batch's loss; step = global "
        "batch index: 1, 6, 11, 16, 17, ...), 'Test Error: ', ' Accuracy: 78.9%, Avg loss: "
        "0.438980 ' (validation, points at the epoch's last batch), 'Done!'. Four epochs."
    )

elif MODE == "tracemalloc":
    import tracemalloc

    logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
    logger = logging.getLogger(__name__)
    tracemalloc.start()
    for epoch in range(1, EPOCHS + 1):
        train_loss, _ = train_one_epoch()
        val_loss, val_acc = evaluate()
        log("train_loss", train_loss, epoch)
        log("val_loss", val_loss, epoch)
        log("val_acc", val_acc, epoch)
        logger.info(
            "Epoch %d/%d - train_loss: %.4f - val_loss: %.4f - val_acc: %.4f",
            epoch,
            EPOCHS,
            train_loss,
            val_loss,
            val_acc,
        )
        current, peak = tracemalloc.get_traced_memory()
        logger.info(f"Current memory usage is {current / 10**6}MB; Peak was {peak / 10**6}MB")
    snapshot = tracemalloc.take_snapshot()
    top_stats = snapshot.statistics("lineno")
    print("[ Top 10 ]")
    for stat in top_stats[:10]:
        print(stat)
    tracemalloc.stop()
    notes = (
        "logging.basicConfig(level=INFO, format='%(levelname)s:%(name)s:%(message)s') per epoch "
        "'INFO:__main__:Epoch 1/5 - train_loss: 0.7673 - val_loss: 0.4390 - val_acc: 0.7891' and "
        "the tracemalloc docs' 'INFO:__main__:Current memory usage is 0.01234MB; Peak was "
        "0.056789MB' (traced Python memory: not a metric). After training (stdout, buffered, "
        "so after all the stderr logging when piped) the docs' '[ Top 10 ]' and ten "
        "snapshot.statistics('lineno') lines '/.../torch/autograd/graph.py:979: size=1200 B, "
        "count=10, average=120 B' (bytes and allocation counts per source line: not metrics). "
        "Epoch points, no step."
    )

else:
    raise SystemExit(f"unknown mode {MODE}")

if MODE == "cprofile":
    libs.append("cProfile/pstats (Python 3.11 standard library)")
if MODE in ("profiler", "profiler_memory"):
    libs[0] = f"torch {torch.__version__} (torch.profiler)"
if MODE == "benchmark":
    libs[0] = f"torch {torch.__version__} (torch.utils.benchmark)"
if MODE == "tracemalloc":
    libs.append("tracemalloc (Python 3.11 standard library)")
_truth.write(
    library="hand-written loop (" + ", ".join(libs) + ")",
    script="tests/corpus/scripts/hand_diagnostics.py",
    record="the loop's own history dict: the values it printed, at full precision"
    + (", and classification_report(output_dict=True)" if MODE == "sklearn_report" else ""),
    step_kind="global" if MODE in ("omegaconf", "profiler", "numpy", "benchmark") else "epoch",
    series=series,
    extra_ok=extra_ok,
    notes=notes,
)
