"""easyfsl: the episodic-training notebook (notebooks/episodic_training.ipynb) of easy-few-shot-learning
on a synthetic image set: PrototypicalNetworks, TaskSampler (5-way 5-shot, 10 queries),
training_epoch() with a tqdm bar whose postfix is the running mean loss, easyfsl.utils.evaluate()
with its bar (postfix accuracy), 'Ding ding ding! We found a new best model!', then the test
evaluate() and 'Average accuracy : 62.40 %':

    Scrolling dataset's labels...: 100%|██████████| 480/480 [00:00<00:00, 61034.22it/s]
    Epoch 0
    Training: 100%|██████████| 20/20 [00:01<00:00, 14.93it/s, loss=1.42]
    Validation: 100%|██████████| 10/10 [00:00<00:00, 40.11it/s, accuracy=0.536]
    Ding ding ding! We found a new best model!

The notebook's CUB download is replaced by WrapFewShotDataset over a TensorDataset of noisy class
prototypes (3x32x32); the backbone is a small conv net instead of resnet12; 4 epochs of 20 tasks
(not 200 x 500), 10 validation tasks, 20 test tasks; no TensorBoard writer; CPU, no workers.

Truth: what the bars drew, noted by wrapping tqdm.display (the values behind each drawn postfix, at
full precision): the training loss (mean of the notebook's own all_loss list) and evaluate()'s
running accuracy (correct / total so far), plus evaluate()'s return value in the final print.
step = the bar position n counted over all bars of that kind (training: episodes since the start;
validation: validation tasks since the start; test: test tasks); epoch = the notebook's epoch.

Versions: easyfsl 1.5.0, torch 2.13.0 (CPU), torchvision 0.28.0, tqdm 4.70.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAS-1):
    python tests/corpus/scripts/capture.py pipe real_easyfsl_episodic -- \
        /work/venvs/corpus-zAS-1/bin/python tests/corpus/scripts/easyfsl_episodic.py
    python tests/corpus/scripts/capture.py pty real_easyfsl_episodic_pty -- \
        /work/venvs/corpus-zAS-1/bin/python tests/corpus/scripts/easyfsl_episodic.py
"""

import copy
import os
import random
import sys
from statistics import mean

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import numpy as np
import torch
import tqdm as tqdm_module
from torch import nn

# --- note every bar state tqdm draws (desc, position, postfix values at full precision) ---
DRAWN = []
CURRENT = {}
CALLS = []
_display = tqdm_module.std.tqdm.display


def display(self, msg=None, pos=None):
    if self.postfix and CURRENT.get(id(self)) is not None:
        DRAWN.append((self.desc, *CURRENT[id(self)]))
    return _display(self, msg, pos)


_set_postfix = tqdm_module.std.tqdm.set_postfix


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    # (this call's number, items done when it is set: both loops set it once per item, before tqdm
    # counts the item; tqdm's own self.n lags inside its iterator, so the calls are counted here)
    done = getattr(self, "_truth_done", 0) + 1
    self._truth_done = done
    CURRENT[id(self)] = (len(CALLS), done, dict(kwargs))
    CALLS.append(1)
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


tqdm_module.std.tqdm.display = display
tqdm_module.std.tqdm.set_postfix = set_postfix

import torch.utils.data  # noqa: E402

# easyfsl 1.5.0's TaskSampler calls Sampler.__init__(data_source=None), an argument torch 2.13's
# Sampler no longer takes (TypeError): give it back, as torch < 2.2 had it (nothing printed changes)
torch.utils.data.Sampler.__init__ = lambda self, data_source=None: None

from easyfsl.datasets import WrapFewShotDataset  # noqa: E402
from easyfsl.methods import FewShotClassifier, PrototypicalNetworks  # noqa: E402
from easyfsl.samplers import TaskSampler  # noqa: E402
from easyfsl.utils import evaluate  # noqa: E402
from torch.optim import SGD, Optimizer  # noqa: E402
from torch.optim.lr_scheduler import MultiStepLR  # noqa: E402
from torch.utils.data import DataLoader, Dataset  # noqa: E402
from tqdm import tqdm  # noqa: E402

torch.set_num_threads(1)
random_seed = 0
np.random.seed(random_seed)
torch.manual_seed(random_seed)
random.seed(random_seed)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False

n_way = 5
n_shot = 5
n_query = 10

DEVICE = "cpu"
n_workers = 0


class Images(Dataset):
    """Noisy class prototypes, 3x32x32, 30 images per class (labels as ints)."""

    def __init__(self, classes, seed):
        g = torch.Generator().manual_seed(seed)
        protos = torch.rand(
            len(classes), 3, 32, 32, generator=torch.Generator().manual_seed(c0(classes))
        )
        self.x = protos.repeat_interleave(30, 0) + 0.6 * torch.randn(
            30 * len(classes), 3, 32, 32, generator=g
        )
        self.y = [int(c) for c in classes for _ in range(30)]

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def c0(classes):
    return 100 + classes[0]


n_tasks_per_epoch = 20
n_validation_tasks = 10

train_set = WrapFewShotDataset(Images(list(range(16)), 1))
val_set = WrapFewShotDataset(Images(list(range(16, 24)), 2))

train_sampler = TaskSampler(
    train_set, n_way=n_way, n_shot=n_shot, n_query=n_query, n_tasks=n_tasks_per_epoch
)
val_sampler = TaskSampler(
    val_set, n_way=n_way, n_shot=n_shot, n_query=n_query, n_tasks=n_validation_tasks
)

train_loader = DataLoader(
    train_set,
    batch_sampler=train_sampler,
    num_workers=n_workers,
    collate_fn=train_sampler.episodic_collate_fn,
)
val_loader = DataLoader(
    val_set,
    batch_sampler=val_sampler,
    num_workers=n_workers,
    collate_fn=val_sampler.episodic_collate_fn,
)

convolutional_network = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1),
    nn.BatchNorm2d(16),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1),
    nn.BatchNorm2d(32),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
)
few_shot_classifier = PrototypicalNetworks(convolutional_network).to(DEVICE)

LOSS_FUNCTION = nn.CrossEntropyLoss()

n_epochs = 4
scheduler_milestones = [2, 3]
scheduler_gamma = 0.1
learning_rate = 1e-2

train_optimizer = SGD(
    few_shot_classifier.parameters(), lr=learning_rate, momentum=0.9, weight_decay=5e-4
)
train_scheduler = MultiStepLR(
    train_optimizer,
    milestones=scheduler_milestones,
    gamma=scheduler_gamma,
)

LOSSES = []  # the notebook's all_loss lists, one per epoch (the mean of which the bar shows)


def training_epoch(model: FewShotClassifier, data_loader: DataLoader, optimizer: Optimizer):
    all_loss = []
    LOSSES.append(all_loss)
    model.train()
    with tqdm(enumerate(data_loader), total=len(data_loader), desc="Training") as tqdm_train:
        for _episode_index, (
            support_images,
            support_labels,
            query_images,
            query_labels,
            _,
        ) in tqdm_train:
            optimizer.zero_grad()
            model.process_support_set(support_images.to(DEVICE), support_labels.to(DEVICE))
            classification_scores = model(query_images.to(DEVICE))

            loss = LOSS_FUNCTION(classification_scores, query_labels.to(DEVICE))
            loss.backward()
            optimizer.step()

            all_loss.append(loss.item())

            tqdm_train.set_postfix(loss=mean(all_loss))

    return mean(all_loss)


series = _truth.Series()
seen = set()


def note(kind_name, desc_of_bar, epoch, offset):
    """Points of the bars drawn since the last call (a redraw of the same position: one point)."""
    for desc, call, n, values in DRAWN:
        if call in seen or desc != desc_of_bar:
            continue
        seen.add(call)  # a redraw of the same postfix (tqdm's own update, close): same point
        for key, value in values.items():
            name = key if kind_name is None else f"{kind_name} {key}"
            series.add(name, offset + n, epoch, value)


best_state = few_shot_classifier.state_dict()
best_validation_accuracy = 0.0
for epoch in range(n_epochs):
    print(f"Epoch {epoch}")
    average_loss = training_epoch(few_shot_classifier, train_loader, train_optimizer)
    validation_accuracy = evaluate(
        few_shot_classifier, val_loader, device=DEVICE, tqdm_prefix="Validation"
    )
    note(None, "Training", epoch, epoch * n_tasks_per_epoch)
    note("Validation", "Validation", epoch, epoch * n_validation_tasks)

    if validation_accuracy > best_validation_accuracy:
        best_validation_accuracy = validation_accuracy
        best_state = copy.deepcopy(few_shot_classifier.state_dict())
        print("Ding ding ding! We found a new best model!")

    train_scheduler.step()

few_shot_classifier.load_state_dict(best_state)

n_test_tasks = 20

test_set = WrapFewShotDataset(Images(list(range(24, 32)), 3))
test_sampler = TaskSampler(
    test_set, n_way=n_way, n_shot=n_shot, n_query=n_query, n_tasks=n_test_tasks
)
test_loader = DataLoader(
    test_set,
    batch_sampler=test_sampler,
    num_workers=n_workers,
    collate_fn=test_sampler.episodic_collate_fn,
)

accuracy = evaluate(few_shot_classifier, test_loader, device=DEVICE)
print(f"Average accuracy : {(100 * accuracy):.2f} %")
note(None, "", None, 0)

# the training bar's loss is the mean of the notebook's own all_loss lists: check it
for name, pts in series.series.items():
    if name == "loss":
        for step, epoch, value in pts["points"]:
            within = step - epoch * n_tasks_per_epoch
            assert abs(mean(LOSSES[epoch][:within]) - value) < 1e-12, (step, value)
series.add("Average accuracy", None, None, 100 * accuracy)

_truth.write(
    library="easyfsl 1.5.0 (torch 2.13.0, tqdm 4.70.1)",
    script="tests/corpus/scripts/easyfsl_episodic.py",
    record="the bar states tqdm drew (display wrapped) with the full-precision values behind each "
    "postfix: the notebook's running mean of its all_loss list, easyfsl.utils.evaluate()'s running "
    "correct/total; evaluate()'s return value for the last line",
    step_kind="global",
    series=series,
    extra_ok=["the bars' rate (it/s)"],
    notes=(
        "Training bars 'Training: 100%|██████████| 20/20 [00:01<00:00, 14.93it/s, loss=1.42]' (the "
        "postfix is the running mean loss of the epoch, 3 significant digits; set_postfix redraws the "
        "bar at once, before tqdm counts the episode, so the bar then reads 4/20 with the mean of 5 "
        "episodes); validation bars 'Validation: 100%|...| 10/10 [..., accuracy=0.536]' (running "
        "accuracy over the query images of the tasks so far, named 'Validation accuracy' here); the "
        "test bar has no description: '100%|...| 20/20 [..., accuracy=0.624]' (series 'accuracy'); "
        "a validation accuracy and a test accuracy in one series is a merge. step = the items done when "
        "the postfix was set (bar position n + 1) plus the bars of the same kind before it (training: episodes since the start, 20 per "
        "epoch); epoch = the notebook's 'Epoch 0'..'Epoch 3' (0-based). 'Scrolling dataset's "
        "labels...: 100%|...| 480/480' bars (WrapFewShotDataset reading labels: counts of images, "
        "not metrics). Last line 'Average accuracy : 62.40 %' (evaluate()'s return x 100). "
        "'Ding ding ding! We found a new best model!' after an epoch whose validation accuracy beat "
        "the best so far. Piped, tqdm writes to stderr with \\r redraws; stdout is block-buffered, "
        "so the 'Epoch N' lines land apart from their bars in the piped file."
    ),
)
