"""PyTorch Geometric: a two-layer GCN on a synthetic stochastic-block-model graph, the loop of PyG's
examples/gcn.py, printing through PyG's own torch_geometric.logging.log:

    Epoch: 001, Loss: 1.3863, Train: 0.4500, Val: 0.3400, Test: 0.3250
    ...
    Median time per epoch: 0.0061s

(as gcn.py, 'Test' is the test accuracy at the best validation accuracy so far, not this epoch's).

Truth: the keyword arguments the loop handed to torch_geometric.logging.log (PyG keeps no
history; log() prints them with '{:03d}' / '{:.4f}' and would pass the same dict to wandb.log),
dumped at full precision.

Versions: torch-geometric 2.8.1, torch 2.13.0+cpu, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/torch-a):
    python tests/corpus/scripts/capture.py pipe real_pyg_gcn -- python tests/corpus/scripts/pyg_gcn.py
"""

import os
import sys
import time

import torch
import torch.nn.functional as F
import torch_geometric
from torch_geometric.data import Data
from torch_geometric.logging import log
from torch_geometric.nn import GCNConv
from torch_geometric.utils import stochastic_blockmodel_graph

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
blocks, n_per = 4, 100
edge_index = stochastic_blockmodel_graph(
    [n_per] * blocks, [[0.05 if i == j else 0.01 for j in range(blocks)] for i in range(blocks)]
)
y = torch.arange(blocks).repeat_interleave(n_per)
x = F.pad(F.one_hot(y, blocks).float() * 0.3, (0, 12)) + torch.randn(blocks * n_per, 16)
perm = torch.randperm(blocks * n_per)
masks = [torch.zeros(blocks * n_per, dtype=torch.bool) for _ in range(3)]
masks[0][perm[:80]] = True
masks[1][perm[80:200]] = True
masks[2][perm[200:]] = True
data = Data(
    x=x, y=y, edge_index=edge_index, train_mask=masks[0], val_mask=masks[1], test_mask=masks[2]
)


class GCN(torch.nn.Module):
    def __init__(self, in_channels, hidden_channels, out_channels):
        super().__init__()
        self.conv1 = GCNConv(in_channels, hidden_channels, normalize=True)
        self.conv2 = GCNConv(hidden_channels, out_channels, normalize=True)

    def forward(self, x, edge_index, edge_weight=None):
        x = F.dropout(x, p=0.5, training=self.training)
        x = self.conv1(x, edge_index, edge_weight).relu()
        x = F.dropout(x, p=0.5, training=self.training)
        return self.conv2(x, edge_index, edge_weight)


model = GCN(16, 16, blocks)
optimizer = torch.optim.Adam(
    [
        dict(params=model.conv1.parameters(), weight_decay=5e-4),
        dict(params=model.conv2.parameters(), weight_decay=0),
    ],
    lr=0.01,
)


def train():
    model.train()
    optimizer.zero_grad()
    out = model(data.x, data.edge_index)
    loss = F.cross_entropy(out[data.train_mask], data.y[data.train_mask])
    loss.backward()
    optimizer.step()
    return float(loss)


@torch.no_grad()
def evaluate():
    model.eval()
    pred = model(data.x, data.edge_index).argmax(dim=-1)
    accs = []
    for mask in [data.train_mask, data.val_mask, data.test_mask]:
        accs.append(int((pred[mask] == data.y[mask]).sum()) / int(mask.sum()))
    return accs


series = _truth.Series()
best_val_acc = test_acc = 0
times = []
for epoch in range(1, 31):
    start = time.time()
    loss = train()
    train_acc, val_acc, tmp_test_acc = evaluate()
    if val_acc > best_val_acc:
        best_val_acc = val_acc
        test_acc = tmp_test_acc
    kwargs = dict(Epoch=epoch, Loss=loss, Train=train_acc, Val=val_acc, Test=test_acc)
    log(**kwargs)
    for name in ("Loss", "Train", "Val", "Test"):
        series.add(name, None, epoch, kwargs[name])
    times.append(time.time() - start)
print(f"Median time per epoch: {torch.tensor(times).median():.4f}s")

_truth.write(
    library=f"torch-geometric {torch_geometric.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/pyg_gcn.py",
    record="the keyword arguments handed to torch_geometric.logging.log each epoch",
    step_kind="epoch",
    series=series,
    extra_ok=["Median time per epoch (seconds)"],
    notes="PyG's examples/gcn.py shape: one line per epoch 'Epoch: 001, Loss: 1.3863, Train: 0.4500, "
    "Val: 0.3400, Test: 0.3250' (the epoch zero-padded to 3 digits by log()); 'Test' is the test "
    "accuracy at the best validation accuracy so far, so it repeats while Val does not improve. Full "
    "batch training: one optimizer step per epoch. Last line 'Median time per epoch: 0.0061s'.",
)
