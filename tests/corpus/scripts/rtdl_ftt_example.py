"""FT-Transformer from rtdl_revisiting_models trained by the hand loop of the package's
example.ipynb (yandex-research/rtdl-revisiting-models, package/example.ipynb): 'Test score before
training: -1.1184', 'Device: CPU' and a rule of 88 dashes, then per epoch a tqdm bar
('Epoch 0: 100%|██████████| 52/52 [00:09<00:00,  5.23it/s]', on stderr), one line

    (val) -0.5944 (test) -0.5864 [time] 0:00:11.034947

'🌸 New best epoch! 🌸' where the validation score improved and a blank line; delu's EarlyStopping
ends the loop, then 'Result:' and print(best), a dict
"{'val': -0.465..., 'test': -0.465..., 'epoch': 43}".

Synthetic regression data (make_regression; the notebook uses California housing), the notebook's
QuantileTransformer preprocessing and label standardisation, FTTransformer with its default
kwargs but n_blocks=1 and d_block=64 (a few seconds of CPU), batch_size 256, patience 3 and an
epoch cap of 14 (the notebook's own "For demonstration purposes" advice).

Truth: the loop's own record: the scores it prints each epoch (full precision), the score before
training and the `best` dict (no re-parsing of the console).

Versions: rtdl_revisiting_models 0.0.2, delu 0.0.26, torch 2.13.0+cpu, scikit-learn 1.9.1,
scipy 1.17.1, numpy 2.4.6, tqdm 4.70.1, Python 3.11. Seeds fixed.
Capture (repository root; venv /work/venvs/corpus-zB-1: pip install torch==2.13.0 &&
pip install rtdl_revisiting_models rtdl_num_embeddings delu scikit-learn scipy tqdm):
    python tests/corpus/scripts/capture.py pipe real_hand_rtdl_ftt_example -- python tests/corpus/scripts/rtdl_ftt_example.py
    python tests/corpus/scripts/capture.py pty real_hand_rtdl_ftt_example_pty -- python tests/corpus/scripts/rtdl_ftt_example.py
"""

import math
import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth

warnings.simplefilter("ignore")
import delu  # noqa: E402
import numpy as np  # noqa: E402
import sklearn.datasets  # noqa: E402
import sklearn.metrics  # noqa: E402
import sklearn.model_selection  # noqa: E402
import sklearn.preprocessing  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import Tensor  # noqa: E402
from tqdm.std import tqdm  # noqa: E402

warnings.resetwarnings()

from rtdl_revisiting_models import FTTransformer  # noqa: E402

torch.set_num_threads(1)
device = torch.device("cpu")
delu.random.seed(0)

# >>> Dataset (synthetic instead of California housing).
X_cont, Y = sklearn.datasets.make_regression(
    n_samples=2000, n_features=8, n_informative=6, noise=60.0, random_state=0
)
X_cont = X_cont.astype(np.float32)
Y = (Y / 50.0).astype(np.float32)
n_cont_features = X_cont.shape[1]
cat_cardinalities = []

all_idx = np.arange(len(Y))
trainval_idx, test_idx = sklearn.model_selection.train_test_split(
    all_idx, train_size=0.8, random_state=0
)
train_idx, val_idx = sklearn.model_selection.train_test_split(
    trainval_idx, train_size=0.8, random_state=0
)
data_numpy = {
    "train": {"x_cont": X_cont[train_idx], "y": Y[train_idx]},
    "val": {"x_cont": X_cont[val_idx], "y": Y[val_idx]},
    "test": {"x_cont": X_cont[test_idx], "y": Y[test_idx]},
}

# >>> Preprocessing (the notebook's "fancy" strategy).
X_cont_train_numpy = data_numpy["train"]["x_cont"]
noise = (
    np.random.default_rng(0)
    .normal(0.0, 1e-5, X_cont_train_numpy.shape)
    .astype(X_cont_train_numpy.dtype)
)
preprocessing = sklearn.preprocessing.QuantileTransformer(
    n_quantiles=max(min(len(train_idx) // 30, 1000), 10),
    output_distribution="normal",
    subsample=10**9,
).fit(X_cont_train_numpy + noise)
del X_cont_train_numpy
for part in data_numpy:
    data_numpy[part]["x_cont"] = preprocessing.transform(data_numpy[part]["x_cont"]).astype(
        np.float32
    )
Y_mean = data_numpy["train"]["y"].mean().item()
Y_std = data_numpy["train"]["y"].std().item()
for part in data_numpy:
    data_numpy[part]["y"] = (data_numpy[part]["y"] - Y_mean) / Y_std
data = {
    part: {k: torch.as_tensor(v, device=device) for k, v in data_numpy[part].items()}
    for part in data_numpy
}
for part in data:
    data[part]["y"] = data[part]["y"].float()

# >>> Model.
kwargs = FTTransformer.get_default_kwargs()
kwargs.update(n_blocks=1, d_block=64)
model = FTTransformer(
    n_cont_features=n_cont_features, cat_cardinalities=cat_cardinalities, d_out=1, **kwargs
).to(device)
optimizer = model.make_default_optimizer()


def apply_model(batch: dict[str, Tensor]) -> Tensor:
    return model(batch["x_cont"], batch.get("x_cat")).squeeze(-1)


loss_fn = F.mse_loss


@torch.no_grad()
def evaluate(part: str) -> float:
    model.eval()
    eval_batch_size = 8096
    y_pred = (
        torch.cat([apply_model(batch) for batch in delu.iter_batches(data[part], eval_batch_size)])
        .cpu()
        .numpy()
    )
    y_true = data[part]["y"].cpu().numpy()
    score = -(sklearn.metrics.mean_squared_error(y_true, y_pred) ** 0.5 * Y_std)
    return float(score)  # The higher -- the better.


record = _truth.Series()
before = evaluate("test")
record.add("Test score before training", None, -1, before)
print(f"Test score before training: {before:.4f}")

n_epochs = 30
patience = 2
batch_size = 256
epoch_size = math.ceil(len(train_idx) / batch_size)
timer = delu.tools.Timer()
early_stopping = delu.tools.EarlyStopping(patience, mode="max")
best = {"val": -math.inf, "test": -math.inf, "epoch": -1}

print(f"Device: {device.type.upper()}")
print("-" * 88 + "\n")
timer.run()
for epoch in range(n_epochs):
    for batch in tqdm(
        delu.iter_batches(data["train"], batch_size, shuffle=True),
        desc=f"Epoch {epoch}",
        total=epoch_size,
    ):
        model.train()
        optimizer.zero_grad()
        loss = loss_fn(apply_model(batch), batch["y"])
        loss.backward()
        optimizer.step()

    val_score = evaluate("val")
    test_score = evaluate("test")
    print(f"(val) {val_score:.4f} (test) {test_score:.4f} [time] {timer}")
    record.add("val", None, epoch, val_score)
    record.add("test", None, epoch, test_score)

    early_stopping.update(val_score)
    if early_stopping.should_stop():
        break

    if val_score > best["val"]:
        print("🌸 New best epoch! 🌸")
        best = {"val": val_score, "test": test_score, "epoch": epoch}
    print()

print("\n\nResult:")
print(best)
# print(best) shows the best epoch's two scores again, at full precision, with that epoch
record.add("val", None, best["epoch"], best["val"])
record.add("test", None, best["epoch"], best["test"])

_truth.write(
    library=(
        f"rtdl_revisiting_models {metadata.version('rtdl_revisiting_models')}, delu {delu.__version__}, "
        f"torch {torch.__version__}, scikit-learn {sklearn.__version__}, tqdm {metadata.version('tqdm')}"
    ),
    script="tests/corpus/scripts/rtdl_ftt_example.py",
    record="the example loop's own values: evaluate('test') before training, val_score / test_score per epoch, the best dict",
    step_kind="epoch",
    series=record,
    extra_ok=["it/s of the tqdm bar (throughput)"],
    not_printed=["the training loss (computed per batch, never printed)"],
    notes=(
        "The hand loop of rtdl_revisiting_models' example.ipynb (FT-Transformer, synthetic regression). "
        "'Test score before training: -1.1184' (negative RMSE of the untrained model; epoch -1, the loop's "
        "epoch before its first), 'Device: CPU', a rule of 88 '-', then per epoch a tqdm bar on stderr "
        "'Epoch 0: 100%|██████████| 8/8 [00:00<00:00, 20.1it/s]' (the 0-based epoch in the bar's "
        "description; batch counts and percentages are not metrics), then on stdout "
        "'(val) -0.5944 (test) -0.5864 [time] 0:00:11.034947' (series 'val' and 'test', negative RMSE, 4 "
        "decimals; [time] is the elapsed wall time since the loop started, a clock, not a metric) and "
        "'🌸 New best epoch! 🌸' when the validation score improved. delu's EarlyStopping (patience 3) "
        "breaks right after its epoch's line. Then 'Result:' and print(best): "
        "\"{'val': -0.465…, 'test': -0.465…, 'epoch': 43}\" - the best epoch's two scores again at full "
        "precision, as the last points of 'val' and 'test' at that epoch; 'epoch' there is the best epoch's "
        "index (a counter, not a metric). The loop counts no steps: step null. Piped, tqdm draws each bar "
        "once at 0% and once at the end (with '\\r'); under a terminal it redraws."
    ),
)
