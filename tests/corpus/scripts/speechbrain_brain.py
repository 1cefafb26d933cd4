"""SpeechBrain: a tiny sb.Brain subclass (an MLP classifier on synthetic feature tensors) in the
shape of SpeechBrain's recipes and templates: sb.create_experiment_directory() sets up its
logging (console + log.txt), Brain.fit() draws a tqdm bar per epoch (training bar with the
postfix `train_loss=0.693`, validation bar bare), on_stage_end() anneals the learning rate
with a NewBobScheduler and hands the stats to a FileTrainLogger, which logs

    epoch: 1, lr: 1.00e-02 - train loss: 6.93e-01 - valid loss: 6.81e-01, valid error_rate: 4.50e-01

(FileTrainLogger's own format: floats between 1 and 100 with 2 decimals, others as %.2e),
then a Checkpointer keeps the best checkpoint by valid loss; evaluate() reloads it and logs
`Epoch loaded: 4 - test loss: ..., test error_rate: ...`.

Truth: the stats dicts the Brain handed to its train_logger (log_stats' stats_meta /
train_stats / valid_stats / test_stats, full precision), checked against the FileTrainLogger's
own file (train_log.txt) and the Checkpointer's CKPT.yaml meta (valid loss). The training
bar's postfix values: a tqdm hook notes the avg_train_loss SpeechBrain gave set_postfix at each
state the bar drew (step = Brain.optimizer_step, the global count of optimizer steps).

Versions: speechbrain 1.1.2, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; a few s
of CPU. Environment: /work/venvs/corpus-q-1 (`pip install torch==2.13.0`, then `pip install
speechbrain`); speechbrain pulls torchaudio 2.11.1, a CUDA build whose C++ extension does not
load beside the CPU torch 2.13.0 (`libc10_cuda.so: cannot open shared object file`), so its
lib/*.so files were moved out of site-packages/torchaudio/lib (torchaudio then imports without
its extension, as it does by design where the files are absent; nothing here uses audio).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_speechbrain_brain -- python tests/corpus/scripts/speechbrain_brain.py /tmp/corpus-q/sb_pipe
    python tests/corpus/scripts/capture.py pty real_speechbrain_brain_pty -- python tests/corpus/scripts/speechbrain_brain.py /tmp/corpus-q/sb_pty
"""

import os
import shutil
import sys

import speechbrain as sb
import torch
import tqdm
from speechbrain.nnet.schedulers import NewBobScheduler, update_learning_rate
from speechbrain.utils.checkpoints import Checkpointer
from speechbrain.utils.epoch_loop import EpochCounter
from speechbrain.utils.train_logger import FileTrainLogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

OUT = sys.argv[1]
shutil.rmtree(OUT, ignore_errors=True)

# --- what the bar drew: the postfix dict at each drawn state, with the Brain's step count
BRAIN = None
drawn = []  # (optimizer_step, epoch, value)
_set_postfix = tqdm.std.tqdm.set_postfix
_display = tqdm.std.tqdm.display


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    metrics = dict(ordered_dict or {}, **kwargs)
    self._mlop_state = (BRAIN.optimizer_step, BRAIN.hparams.epoch_counter.current, metrics)
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


def display(self, *args, **kwargs):
    state = getattr(self, "_mlop_state", None)
    if state is not None:
        step, epoch, metrics = state
        if not drawn or drawn[-1][:2] != (step, epoch):
            drawn.append((step, epoch, float(metrics["train_loss"])))
    return _display(self, *args, **kwargs)


tqdm.std.tqdm.set_postfix = set_postfix
tqdm.std.tqdm.display = display

# --- synthetic data: two Gaussian classes in 20 dimensions
torch.manual_seed(0)


def make(n):
    y = torch.randint(0, 2, (n,))
    x = torch.randn(n, 20) + 0.6 * (2 * y[:, None] - 1) * (torch.arange(20) < 5)
    return torch.utils.data.TensorDataset(x, y)


train_data, valid_data, test_data = make(320), make(100), make(100)
loader = dict(batch_size=32)
train_loader = torch.utils.data.DataLoader(train_data, shuffle=True, **loader)
valid_loader = torch.utils.data.DataLoader(valid_data, **loader)
test_loader = torch.utils.data.DataLoader(test_data, **loader)

stats_record = []  # every log_stats call: (meta, train, valid, test)


class Classifier(sb.Brain):
    def compute_forward(self, batch, stage):
        x, _ = batch
        return self.modules.model(x.to(self.device))

    def compute_objectives(self, predictions, batch, stage):
        _, y = batch
        y = y.to(self.device)
        loss = torch.nn.functional.cross_entropy(predictions, y)
        if stage != sb.Stage.TRAIN:
            self.errors += int((predictions.argmax(-1) != y).sum())
            self.seen += len(y)
        return loss

    def on_stage_start(self, stage, epoch=None):
        self.errors, self.seen = 0, 0

    def on_stage_end(self, stage, stage_loss, epoch=None):
        stats = {"loss": stage_loss}
        if stage == sb.Stage.TRAIN:
            self.train_stats = stats
            return
        stats["error_rate"] = self.errors / self.seen
        if stage == sb.Stage.VALID:
            old_lr, new_lr = self.hparams.lr_annealing(stage_loss)
            update_learning_rate(self.optimizer, new_lr)
            meta = {"epoch": epoch, "lr": old_lr}
            self.hparams.train_logger.log_stats(
                stats_meta=meta, train_stats=self.train_stats, valid_stats=stats
            )
            stats_record.append((meta, self.train_stats, stats, None, self.optimizer_step))
            self.checkpointer.save_and_keep_only(meta={"loss": stats["loss"]}, min_keys=["loss"])
        else:
            meta = {"Epoch loaded": self.hparams.epoch_counter.current}
            self.hparams.train_logger.log_stats(stats_meta=meta, test_stats=stats)
            stats_record.append((meta, None, None, stats, self.optimizer_step))


sb.create_experiment_directory(experiment_directory=OUT)
model = torch.nn.Sequential(torch.nn.Linear(20, 32), torch.nn.LeakyReLU(), torch.nn.Linear(32, 2))
epoch_counter = EpochCounter(limit=6)
checkpointer = Checkpointer(
    os.path.join(OUT, "save"), recoverables={"model": model, "counter": epoch_counter}
)
hparams = {
    "epoch_counter": epoch_counter,
    "lr_annealing": NewBobScheduler(initial_value=0.05, improvement_threshold=0.1, patient=0),
    "train_logger": FileTrainLogger(os.path.join(OUT, "train_log.txt")),
}
brain = Classifier(
    modules={"model": model},
    opt_class=lambda params: torch.optim.SGD(params, lr=0.05),
    hparams=hparams,
    run_opts={"device": "cpu"},
    checkpointer=checkpointer,
)
BRAIN = brain
brain.fit(epoch_counter, train_loader, valid_loader)
brain.evaluate(test_loader, min_key="loss")

# --- the record
series = _truth.Series()
# the logger's lines carry the epoch only (stats_meta), no step: step null
for meta, train, valid, test, _ in stats_record:
    epoch = meta.get("epoch")
    if "lr" in meta:
        series.add("lr", None, epoch, meta["lr"])
    for prefix, stats in (("train", train), ("valid", valid), ("test", test)):
        for k, v in (stats or {}).items():
            series.add(f"{prefix} {k}", None, epoch, v)
for step, epoch, value in drawn:
    series.add("train_loss", step, epoch, value)

# cross-checks against the library's files: FileTrainLogger's lines, the checkpoint meta
log_lines = open(os.path.join(OUT, "train_log.txt")).read().splitlines()
assert len(log_lines) == len(stats_record), log_lines
ckpt_losses = [c.meta["loss"] for c in checkpointer.list_checkpoints()]
valid_losses = [p[2] for p in series.series["valid loss"]["points"]]
assert all(any(abs(c - v) < 1e-12 for v in valid_losses) for c in ckpt_losses), ckpt_losses

_truth.write(
    library=f"speechbrain {sb.__version__} (torch {torch.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/speechbrain_brain.py",
    record=(
        "the stats dicts handed to FileTrainLogger.log_stats (checked against its train_log.txt "
        "and the Checkpointer's CKPT.yaml meta); the training bar's postfix: avg_train_loss at "
        "each drawn state (tqdm hook)"
    ),
    step_kind="global",
    series=series,
    extra_ok=["the bars' rates (it/s, s/it) and elapsed/remaining times"],
    not_printed=[],
    notes=(
        "sb.create_experiment_directory() logs 'speechbrain.core - Beginning experiment!' and the "
        "experiment folder, Brain's init logs its precision/gradscaler settings and "
        "'Classifier Model Statistics: * Total Number of Trainable Parameters: 738' (a count); each "
        "epoch draws a tqdm training bar (10 batches) whose postfix is 'train_loss=0.693' (the "
        "running average; series 'train_loss', step = Brain.optimizer_step, the global optimizer "
        "step count, epoch = the epoch counter) and a bare validation bar (4 batches), then the "
        "FileTrainLogger line 'epoch: 1, lr: 5.00e-02 - train loss: 6.93e-01 - valid loss: "
        "6.81e-01, valid error_rate: 4.50e-01' ('epoch' is the step of the line, not a metric; "
        "FileTrainLogger prints floats between 1 and 100 with 2 decimals, others as %.2e; "
        "'lr' is the learning rate used during the epoch, from stats_meta), then the Checkpointer "
        "'Saved an end-of-epoch checkpoint in .../CKPT+...' (and 'Deleted checkpoint'). After fit, "
        "evaluate() logs 'Loading a checkpoint from ...', a test bar, and 'Epoch loaded: 6 - "
        "test loss: ..., test error_rate: ...' ('Epoch loaded' is the epoch of the reloaded "
        "checkpoint, a count; the test points carry no step and no epoch). The logger lines' points "
        "have step null (SpeechBrain's train log keeps the epoch only). "
        "error_rate is a fraction (errors / examples). Series names as printed: 'train loss', "
        "'valid loss', 'valid error_rate', 'test loss', 'test error_rate', 'lr', 'train_loss'."
    ),
)
