"""A hand-written PyTorch loop in the shape of the Hugging Face course's "full training" chapter: a
tqdm.auto progress bar over all training steps, then per epoch an evaluation pass that feeds
metric.add_batch(...) and prints what metric.compute() returns, here the dict of
evaluate.combine(["accuracy", "f1", "precision", "recall"]). A tiny MLP on synthetic binary data.

The four metric modules are loaded with evaluate.load from local scripts this file writes to a temp
dir (same computation as the hub's accuracy / f1 / precision / recall modules: scikit-learn's
scorers): evaluate.load("accuracy") itself fetches the module from the hub.

    print(f"epoch {epoch}: {results}")  ->  epoch 0: {'accuracy': 0.6875, 'f1': 0.7, 'precision': ..., 'recall': ...}

then the test set's metric.compute() printed bare: {'accuracy': ..., 'f1': ..., ...}.

Truth: the dicts metric.compute() returned (evaluate's own results, printed with Python's repr), and
the per-epoch mean training loss the loop printed (the loop's own record, at the 4 decimals printed).

Versions: evaluate 0.4.6, datasets 5.2.0, scikit-learn 1.9.1, torch 2.13.0+cpu, tqdm 4.70.1,
Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zA-1, see README-torch.md):
    python tests/corpus/scripts/capture.py pipe real_evaluate_hand_loop -- python tests/corpus/scripts/evaluate_hand_loop.py
    python tests/corpus/scripts/capture.py pty real_evaluate_hand_loop_pty -- python tests/corpus/scripts/evaluate_hand_loop.py
"""

import os
import shutil
import sys

TMP = "/tmp/corpus-zA/evaluate"
shutil.rmtree(TMP, ignore_errors=True)
os.makedirs(TMP)
for k in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
    os.environ[k] = "1"
os.environ["HF_HOME"] = os.path.join(TMP, "hf")

import evaluate  # noqa: E402
import torch  # noqa: E402
from tqdm.auto import tqdm  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

MODULE = """
import datasets
import evaluate
from sklearn.metrics import {fn}


class {cls}(evaluate.Metric):
    def _info(self):
        return evaluate.MetricInfo(
            description="{name}",
            citation="",
            inputs_description="predictions, references",
            features=datasets.Features(
                {{"predictions": datasets.Value("int32"), "references": datasets.Value("int32")}}
            ),
        )

    def _compute(self, predictions, references, sample_weight=None):
        return {{"{name}": float({fn}(references, predictions, sample_weight=sample_weight))}}
"""
for name, fn in (
    ("accuracy", "accuracy_score"),
    ("f1", "f1_score"),
    ("precision", "precision_score"),
    ("recall", "recall_score"),
):
    os.makedirs(os.path.join(TMP, "metrics", name))
    with open(os.path.join(TMP, "metrics", name, f"{name}.py"), "w") as fh:
        fh.write(MODULE.format(fn=fn, cls=name.capitalize(), name=name))

torch.manual_seed(0)
X = torch.randn(640, 8)
y = ((X[:, 0] + 0.5 * X[:, 1] - 0.3 * X[:, 2] + 0.4 * torch.randn(640)) > 0).long()
train = torch.utils.data.TensorDataset(X[:384], y[:384])
val = torch.utils.data.TensorDataset(X[384:512], y[384:512])
test = torch.utils.data.TensorDataset(X[512:], y[512:])
train_dataloader = torch.utils.data.DataLoader(train, batch_size=32, shuffle=True)
eval_dataloader = torch.utils.data.DataLoader(val, batch_size=64)
test_dataloader = torch.utils.data.DataLoader(test, batch_size=64)

model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2))
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-3)
num_epochs = 3
num_training_steps = num_epochs * len(train_dataloader)

record = _truth.Series()
loaded = [
    evaluate.load(os.path.join(TMP, "metrics", n))
    for n in ("accuracy", "f1", "precision", "recall")
]


def run_eval(dataloader):
    metric = evaluate.combine(loaded)
    model.eval()
    for xb, yb in dataloader:
        with torch.no_grad():
            logits = model(xb)
        predictions = torch.argmax(logits, dim=-1)
        metric.add_batch(predictions=predictions, references=yb)
    return metric.compute()


# --- the course's loop -----------------------------------------------------------------------------
progress_bar = tqdm(range(num_training_steps))
step = 0
for epoch in range(num_epochs):
    model.train()
    total = 0.0
    for xb, yb in train_dataloader:
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        progress_bar.update(1)
        step += 1
        total += loss.item()
    train_loss = total / len(train_dataloader)
    results = run_eval(eval_dataloader)
    progress_bar.write(f"epoch {epoch}: train_loss {train_loss:.4f}")
    progress_bar.write(f"epoch {epoch}: {results}")
    record.add("train_loss", step, epoch, round(train_loss, 4))
    for k, v in results.items():
        record.add(k, step, epoch, v)
progress_bar.close()

results = run_eval(test_dataloader)
print(results)
for k, v in results.items():
    record.add(k, step, None, v)
# -------------------------------------------------------------------------------------------------

_truth.write(
    library=f"evaluate {evaluate.__version__} (torch {torch.__version__}; hand-written course-style loop)",
    script="tests/corpus/scripts/evaluate_hand_loop.py",
    record="the dicts evaluate's CombinedEvaluations.compute() returned, and the loop's own mean training "
    "loss (at the printed 4 decimals)",
    step_kind="global",
    series=record,
    extra_ok=[],
    not_printed=[],
    notes="A tqdm bar over all 36 training steps (12 per epoch, 3 epochs; epochs numbered from 0 as "
    "the loop prints them), written around by progress_bar.write: 'epoch 0: train_loss 0.6012' then "
    "'epoch 0: {'accuracy': 0.78125, 'f1': 0.7868852459016393, 'precision': 0.75, 'recall': "
    "0.8275862068965517}' (Python's repr of the dict evaluate returns, full precision). After the "
    "bar closes, the test set's dict printed bare: {'accuracy': 0.8, 'f1': ...} (step: the last "
    "global step, epoch null). evaluate.load prints nothing for local modules. "
    "Steps: the loop's global step (the bar's position, 12/36 drawn just before each epoch's lines); "
    "the test dict comes after the last step (36) and belongs to no epoch.",
)
