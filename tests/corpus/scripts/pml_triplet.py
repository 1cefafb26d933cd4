"""pytorch-metric-learning: TripletMarginLoss + TripletMarginMiner, the loop of PML's
TripletMarginLossMNIST example notebook, on synthetic clustered vectors instead of MNIST.

Output: 'Epoch 1 Iteration 0: Loss = 0.20165050029754639, Number of mined triplets = 5982' every
5 iterations (the loss tensor formatted with '{}', so full float precision), then per epoch the
tester's tqdm bar over the embedding batches (testers.BaseTester.get_all_embeddings, twice: train
and test set), 'Computing accuracy' and 'Test set accuracy (Precision@1) = 0.84375' from
AccuracyCalculator (with CustomKNN: faiss is not installed).

Truth: the loss tensor and mining_func.num_triplets the loop printed (PML's own miner attribute)
and the dict AccuracyCalculator.get_accuracy() returned, dumped at full precision.

Versions: pytorch-metric-learning 2.9.0, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed.
Capture (repository root, venv /work/venvs/torch-a):
    python tests/corpus/scripts/capture.py pipe real_pml_triplet -- python tests/corpus/scripts/pml_triplet.py
    python tests/corpus/scripts/capture.py pty real_pml_triplet_pty -- python tests/corpus/scripts/pml_triplet.py
"""

import os
import sys

import pytorch_metric_learning
import torch
from pytorch_metric_learning import distances, losses, miners, reducers, testers
from pytorch_metric_learning.utils.accuracy_calculator import AccuracyCalculator
from pytorch_metric_learning.utils.inference import CustomKNN
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
centers = torch.randn(10, 32) * 0.35


def make(n, seed):
    g = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, 10, (n,), generator=g)
    return TensorDataset(centers[labels] + torch.randn(n, 32, generator=g), labels)


train_dataset, test_dataset = make(640, 1), make(256, 2)
train_loader = DataLoader(train_dataset, batch_size=32, shuffle=True)
model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 16))
optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
series = _truth.Series()
step = [0]


def train(model, loss_func, mining_func, train_loader, optimizer, epoch):
    model.train()
    for batch_idx, (data, labels) in enumerate(train_loader):
        optimizer.zero_grad()
        embeddings = model(data)
        indices_tuple = mining_func(embeddings, labels)
        loss = loss_func(embeddings, labels, indices_tuple)
        loss.backward()
        optimizer.step()
        step[0] += 1
        if batch_idx % 5 == 0:
            print(
                "Epoch {} Iteration {}: Loss = {}, Number of mined triplets = {}".format(
                    epoch, batch_idx, loss, mining_func.num_triplets
                )
            )
            series.add("Loss", step[0], epoch, loss.item())
            series.add("Number of mined triplets", step[0], epoch, mining_func.num_triplets)


def get_all_embeddings(dataset, model):
    tester = testers.BaseTester(accuracy_calculator=accuracy_calculator)
    return tester.get_all_embeddings(dataset, model)


def evaluate(train_set, test_set, model, accuracy_calculator, epoch):
    train_embeddings, train_labels = get_all_embeddings(train_set, model)
    test_embeddings, test_labels = get_all_embeddings(test_set, model)
    train_labels = train_labels.squeeze(1)
    test_labels = test_labels.squeeze(1)
    print("Computing accuracy")
    accuracies = accuracy_calculator.get_accuracy(
        test_embeddings, test_labels, train_embeddings, train_labels, False
    )
    print("Test set accuracy (Precision@1) = {}".format(accuracies["precision_at_1"]))
    series.add("Test set accuracy (Precision@1)", step[0], epoch, accuracies["precision_at_1"])


distance = distances.CosineSimilarity()
reducer = reducers.ThresholdReducer(low=0)
loss_func = losses.TripletMarginLoss(margin=0.2, distance=distance, reducer=reducer)
mining_func = miners.TripletMarginMiner(margin=0.2, distance=distance, type_of_triplets="semihard")
# faiss is not installed: PML's documented torch k-NN instead of FaissKNN
accuracy_calculator = AccuracyCalculator(
    include=("precision_at_1",), k=1, knn_func=CustomKNN(distances.LpDistance())
)
for epoch in range(1, 4):
    train(model, loss_func, mining_func, train_loader, optimizer, epoch)
    evaluate(train_dataset, test_dataset, model, accuracy_calculator, epoch)

_truth.write(
    library=f"pytorch-metric-learning {pytorch_metric_learning.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/pml_triplet.py",
    record="the loss tensor and mining_func.num_triplets printed by the loop, and the dict "
    "AccuracyCalculator.get_accuracy() returned",
    step_kind="global",
    series=series,
    extra_ok=["tqdm rate of the tester's embedding bar (it/s)"],
    notes="PML's example loop: 'Epoch 1 Iteration 5: Loss = 0.0912..., Number of mined triplets = "
    "1234' every 5 iterations (Iteration counts from 0 within the epoch; the truth's step is the "
    "global optimizer step, 20 per epoch, its epoch the printed one). The loss is a 0-dim tensor "
    "formatted with '{}' (full float repr). The number of mined triplets is the miner's own "
    "attribute, a per-step training quantity, kept as a series. After each epoch the tester draws a "
    "tqdm bar over embedding batches (no metric in it) twice, then 'Computing accuracy' and 'Test "
    "set accuracy (Precision@1) = 0.84375' (at the epoch's last step).",
)
