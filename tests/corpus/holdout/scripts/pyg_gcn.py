"""PyTorch Geometric: a two-layer GCN on a synthetic stochastic-block graph (node
classification), printed with torch_geometric.logging.log, exactly as PyG's examples/gcn.py does
('Epoch: 001, Loss: 1.3863, Train: 0.2500, Val: 0.2400, Test: 0.2600').

The graph is generated here (no download).  Truth: the values the script passed to log(),
kept by the script (a hand loop with a real library).
Versions: torch-geometric 2.8.1, torch 2.13.0+cpu, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_pyg_gcn_log -- python tests/corpus/holdout/scripts/pyg_gcn.py
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torch.nn.functional as F
from torch_geometric.data import Data
from torch_geometric.logging import log
from torch_geometric.nn import GCNConv
from torch_geometric.utils import stochastic_blockmodel_graph

torch.manual_seed(0)
torch.set_num_threads(1)
sizes = [100, 100, 100, 100]
probs = torch.full((4, 4), 0.01) + torch.eye(4) * 0.05
edge_index = stochastic_blockmodel_graph(sizes, probs)
y = torch.arange(4).repeat_interleave(100)
x = torch.randn(400, 16) + 0.4 * F.one_hot(y, 16).float()
perm = torch.randperm(400)
train_mask = torch.zeros(400, dtype=torch.bool)
val_mask = torch.zeros(400, dtype=torch.bool)
test_mask = torch.zeros(400, dtype=torch.bool)
train_mask[perm[:80]] = True
val_mask[perm[80:200]] = True
test_mask[perm[200:]] = True
data = Data(
    x=x, edge_index=edge_index, y=y, train_mask=train_mask, val_mask=val_mask, test_mask=test_mask
)
print(data)


class GCN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = GCNConv(16, 32, normalize=True)
        self.conv2 = GCNConv(32, 4, normalize=True)

    def forward(self, x, edge_index):
        x = F.dropout(x, p=0.5, training=self.training)
        x = self.conv1(x, edge_index).relu()
        x = F.dropout(x, p=0.5, training=self.training)
        return self.conv2(x, edge_index)


model = GCN()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=5e-4)
ser = _truth.Series()
best_val = test_acc = 0.0
times = []
for epoch in range(1, 31):
    start = time.perf_counter()
    model.train()
    optimizer.zero_grad()
    out = model(data.x, data.edge_index)
    loss = F.cross_entropy(out[data.train_mask], data.y[data.train_mask])
    loss.backward()
    optimizer.step()
    loss = float(loss)
    model.eval()
    pred = model(data.x, data.edge_index).argmax(dim=-1)
    accs = [
        int((pred[m] == data.y[m]).sum()) / int(m.sum()) for m in (train_mask, val_mask, test_mask)
    ]
    train_acc, val_acc, tmp_test_acc = accs
    if val_acc > best_val:
        best_val = val_acc
        test_acc = tmp_test_acc
    times.append(time.perf_counter() - start)
    log(Epoch=epoch, Loss=loss, Train=train_acc, Val=val_acc, Test=test_acc)
    for k, v in (("Loss", loss), ("Train", train_acc), ("Val", val_acc), ("Test", test_acc)):
        ser.add(k, None, epoch, v)
print(f"Median time per epoch: {torch.tensor(times).median():.4f}s")

_truth.write(
    library="torch-geometric 2.8.1 (torch 2.13.0+cpu), torch_geometric.logging.log",
    script="tests/corpus/holdout/scripts/pyg_gcn.py",
    record="the values the script passed to torch_geometric.logging.log, kept by the script",
    step_kind="epoch",
    series=ser,
    extra_ok=["Median time per epoch"],
    notes=(
        "One line per epoch: 'Epoch: 001, Loss: 1.3863, Train: 0.2500, Val: 0.2400, Test: 0.2600' "
        "(ints '%03d', floats '%.4f', as log() formats them). Epoch is 1-based. 'Test' is the test "
        "accuracy at the best validation epoch so far (PyG's example logic), so it repeats. The "
        "first line is the Data repr 'Data(x=[400, 16], edge_index=[2, 1234], y=[400], "
        "train_mask=[400], ...)': shapes, not metrics. The closing 'Median time per epoch: 0.0040s' "
        "line is PyG's example's timing line (extra_ok)."
    ),
)
