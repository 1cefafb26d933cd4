"""PyTorch Geometric's example loops (print(), not torch_geometric.logging) on a synthetic graph.

  link_pred  examples/link_pred.py: GCN encoder, dot-product decoder, RandomLinkSplit, a fresh
             negative_sampling each epoch; 'Epoch: 001, Loss: 0.6931, Val: 0.7000, Test: 0.7000',
             last 'Final Test: 0.7000' (as in the example, `best_val = val_auc` is a typo for
             best_val_auc, so 'Final Test' is the test AUC of the last epoch).
  gae        examples/autoencoder.py --variational: VGAE with a GCN encoder, PyG's own
             recon_loss / kl_loss / test (AUC and average precision); 'Epoch: 001, AUC: 0.7000,
             AP: 0.7000' (the loss is computed but not printed).

Graph: a 4-block stochastic block model (400 nodes) with noisy one-hot features, built in the
script; nothing is downloaded. Truth: the values the loop computed and handed to print (the
example's return values of train() / test(), i.e. PyG's recon_loss and VGAE.test()), dumped at full precision.

Not captured: examples/node2vec.py. torch_geometric.nn.Node2Vec in 2.8.1 requires pyg-lib>=0.6.0 for its
random walks (not on the package index; torch-cluster, built from its sdist, is no longer used).

Versions: torch-geometric 2.8.1, scikit-learn 1.9.1, torch 2.13.0+cpu, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zS-1):
    python tests/corpus/scripts/capture.py pipe real_pyg_link_pred -- python tests/corpus/scripts/pyg_examples.py link_pred
    python tests/corpus/scripts/capture.py pipe real_pyg_vgae -- python tests/corpus/scripts/pyg_examples.py gae
"""

import os
import random
import sys

import torch
import torch.nn.functional as F
import torch_geometric
import torch_geometric.transforms as T
from sklearn.metrics import roc_auc_score
from torch_geometric.data import Data
from torch_geometric.nn import VGAE, GCNConv
from torch_geometric.utils import negative_sampling, stochastic_blockmodel_graph

sys.path.insert(0, os.path.dirname(__file__))

import _truth

MODE = sys.argv[1]
random.seed(0)  # negative_sampling draws with Python's random
torch.manual_seed(0)
BLOCKS, N_PER = 4, 100
N = BLOCKS * N_PER
edge_index = stochastic_blockmodel_graph(
    [N_PER] * BLOCKS, [[0.06 if i == j else 0.01 for j in range(BLOCKS)] for i in range(BLOCKS)]
)
y = torch.arange(BLOCKS).repeat_interleave(N_PER)
x = F.pad(F.one_hot(y, BLOCKS).float(), (0, 28)) + 0.5 * torch.rand(N, 32)
perm = torch.randperm(N)
train_mask = torch.zeros(N, dtype=torch.bool)
test_mask = torch.zeros(N, dtype=torch.bool)
train_mask[perm[:140]] = True
test_mask[perm[140:]] = True
data = Data(x=x, y=y, edge_index=edge_index, train_mask=train_mask, test_mask=test_mask)
device = torch.device("cpu")
series = _truth.Series()


def link_pred():
    transform = T.Compose(
        [
            T.NormalizeFeatures(),
            T.ToDevice(device),
            T.RandomLinkSplit(
                num_val=0.05, num_test=0.1, is_undirected=True, add_negative_train_samples=False
            ),
        ]
    )
    train_data, val_data, test_data = transform(data)

    class Net(torch.nn.Module):
        def __init__(self, in_channels, hidden_channels, out_channels):
            super().__init__()
            self.conv1 = GCNConv(in_channels, hidden_channels)
            self.conv2 = GCNConv(hidden_channels, out_channels)

        def encode(self, x, edge_index):
            x = self.conv1(x, edge_index).relu()
            return self.conv2(x, edge_index)

        def decode(self, z, edge_label_index):
            return (z[edge_label_index[0]] * z[edge_label_index[1]]).sum(dim=-1)

    model = Net(data.num_features, 128, 64).to(device)
    optimizer = torch.optim.Adam(params=model.parameters(), lr=0.01)
    criterion = torch.nn.BCEWithLogitsLoss()

    def train():
        model.train()
        optimizer.zero_grad()
        z = model.encode(train_data.x, train_data.edge_index)
        neg_edge_index = negative_sampling(
            edge_index=train_data.edge_index,
            num_nodes=train_data.num_nodes,
            num_neg_samples=train_data.edge_label_index.size(1),
            method="sparse",
        )
        edge_label_index = torch.cat([train_data.edge_label_index, neg_edge_index], dim=-1)
        edge_label = torch.cat(
            [train_data.edge_label, train_data.edge_label.new_zeros(neg_edge_index.size(1))], dim=0
        )
        out = model.decode(z, edge_label_index).view(-1)
        loss = criterion(out, edge_label)
        loss.backward()
        optimizer.step()
        return loss

    @torch.no_grad()
    def test(d):
        model.eval()
        z = model.encode(d.x, d.edge_index)
        out = model.decode(z, d.edge_label_index).view(-1).sigmoid()
        return roc_auc_score(d.edge_label.cpu().numpy(), out.cpu().numpy())

    best_val_auc = final_test_auc = 0
    for epoch in range(1, 41):
        loss = train()
        val_auc = test(val_data)
        test_auc = test(test_data)
        if val_auc > best_val_auc:
            best_val = val_auc  # noqa: F841  (the example's typo, kept)
            final_test_auc = test_auc
        series.add("Loss", None, epoch, loss.item())
        series.add("Val", None, epoch, val_auc)
        series.add("Test", None, epoch, test_auc)
        print(f"Epoch: {epoch:03d}, Loss: {loss:.4f}, Val: {val_auc:.4f}, Test: {test_auc:.4f}")
    series.add("Final Test", None, None, final_test_auc)
    print(f"Final Test: {final_test_auc:.4f}")
    return (
        "PyG examples/link_pred.py on the synthetic graph: one line per epoch 'Epoch: 001, Loss: "
        "0.6931, Val: 0.7000, Test: 0.7000' (Val and Test are ROC AUCs of the validation and test "
        "edges; epochs from 1), then 'Final Test: 0.9000' (no epoch; the example's typo makes it the "
        "last epoch's Test)."
    )


def gae():
    transform = T.Compose(
        [
            T.NormalizeFeatures(),
            T.ToDevice(device),
            T.RandomLinkSplit(
                num_val=0.05,
                num_test=0.1,
                is_undirected=True,
                split_labels=True,
                add_negative_train_samples=False,
            ),
        ]
    )
    train_data, val_data, test_data = transform(data)

    class VariationalGCNEncoder(torch.nn.Module):
        def __init__(self, in_channels, out_channels):
            super().__init__()
            self.conv1 = GCNConv(in_channels, 2 * out_channels)
            self.conv_mu = GCNConv(2 * out_channels, out_channels)
            self.conv_logstd = GCNConv(2 * out_channels, out_channels)

        def forward(self, x, edge_index):
            x = self.conv1(x, edge_index).relu()
            return self.conv_mu(x, edge_index), self.conv_logstd(x, edge_index)

    model = VGAE(VariationalGCNEncoder(data.num_features, 16)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

    def train():
        model.train()
        optimizer.zero_grad()
        z = model.encode(train_data.x, train_data.edge_index)
        loss = model.recon_loss(z, train_data.pos_edge_label_index)
        loss = loss + (1 / train_data.num_nodes) * model.kl_loss()
        loss.backward()
        optimizer.step()
        return float(loss)

    @torch.no_grad()
    def test(d):
        model.eval()
        z = model.encode(d.x, d.edge_index)
        return model.test(z, d.pos_edge_label_index, d.neg_edge_label_index)

    for epoch in range(1, 61):
        train()
        auc, ap = test(test_data)
        series.add("AUC", None, epoch, auc)
        series.add("AP", None, epoch, ap)
        print(f"Epoch: {epoch:03d}, AUC: {auc:.4f}, AP: {ap:.4f}")
    return (
        "PyG examples/autoencoder.py --variational on the synthetic graph: one line per epoch "
        "'Epoch: 001, AUC: 0.7000, AP: 0.7000' (VGAE.test on the test edges: ROC AUC and average "
        "precision; epochs from 1). The training loss is not printed."
    )


notes = {"link_pred": link_pred, "gae": gae}[MODE]()
_truth.write(
    library=f"torch-geometric {torch_geometric.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/pyg_examples.py",
    record="the values the example's loop computed and handed to print (its train() / test() "
    "return values), dumped at full precision",
    step_kind="epoch",
    series=series,
    notes=notes,
)
