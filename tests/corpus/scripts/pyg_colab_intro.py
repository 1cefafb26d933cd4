"""PyG's introductory Colab tutorials (1: "Introduction: Hands-on Graph Neural Networks", 2: "Node
Classification with Graph Neural Networks") as a script, on KarateClub, the dataset that ships
inside torch_geometric (built from its own edge list, no download).

Their prints, as in the notebooks: the dataset block ('Dataset: KarateClub():', 'Number of graphs:
1', 'Number of features: 34', 'Number of classes: 4'), print(data) ('Data(x=[34, 34],
edge_index=[2, 156], y=[34], train_mask=[34])'), the statistics block ('Number of nodes: 34',
'Average node degree: 4.59', 'Number of training nodes: 4', 'Training node label rate: 0.12', 'Has
isolated nodes: False', ...), print(model), 'Embedding shape: [34, 2]', then tutorial 2's loop:
'Epoch: 001, Loss: 1.4324' per epoch and 'Test Accuracy: 0.7667' (accuracy on the nodes outside
train_mask; the notebooks evaluate on Cora's test mask).

Truth: the loss values train() returned and test()'s accuracy, at full precision. Every number of the
dataset and statistics blocks is a count, a shape or a property of the graph: no metric.

Versions: torch-geometric 2.8.1, torch 2.13.0+cpu, Python 3.11. A second of CPU.
Capture (repository root, venv /work/venvs/corpus-zS-1):
    python tests/corpus/scripts/capture.py pipe real_pyg_colab_intro -- python tests/corpus/scripts/pyg_colab_intro.py
"""

import os
import sys

import torch
import torch_geometric
from torch.nn import Linear
from torch_geometric.datasets import KarateClub
from torch_geometric.nn import GCNConv

sys.path.insert(0, os.path.dirname(__file__))

import _truth

dataset = KarateClub()
print(f"Dataset: {dataset}:")
print("======================")
print(f"Number of graphs: {len(dataset)}")
print(f"Number of features: {dataset.num_features}")
print(f"Number of classes: {dataset.num_classes}")

data = dataset[0]  # Get the first graph object.

print(data)
print("==============================================================")

# Gather some statistics about the graph.
print(f"Number of nodes: {data.num_nodes}")
print(f"Number of edges: {data.num_edges}")
print(f"Average node degree: {data.num_edges / data.num_nodes:.2f}")
print(f"Number of training nodes: {data.train_mask.sum()}")
print(f"Training node label rate: {int(data.train_mask.sum()) / data.num_nodes:.2f}")
print(f"Has isolated nodes: {data.has_isolated_nodes()}")
print(f"Has self-loops: {data.has_self_loops()}")
print(f"Is undirected: {data.is_undirected()}")


class GCN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(1234)
        self.conv1 = GCNConv(dataset.num_features, 4)
        self.conv2 = GCNConv(4, 4)
        self.conv3 = GCNConv(4, 2)
        self.classifier = Linear(2, dataset.num_classes)

    def forward(self, x, edge_index):
        h = self.conv1(x, edge_index)
        h = h.tanh()
        h = self.conv2(h, edge_index)
        h = h.tanh()
        h = self.conv3(h, edge_index)
        h = h.tanh()  # Final GNN embedding space.

        # Apply a final (linear) classifier.
        out = self.classifier(h)

        return out, h


model = GCN()
print(model)

_, h = model(data.x, data.edge_index)
print(f"Embedding shape: {list(h.shape)}")

criterion = torch.nn.CrossEntropyLoss()  # Define loss criterion.
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)  # Define optimizer.


def train():
    model.train()
    optimizer.zero_grad()  # Clear gradients.
    out, h = model(data.x, data.edge_index)  # Perform a single forward pass.
    loss = criterion(out[data.train_mask], data.y[data.train_mask])  # Compute the loss.
    loss.backward()  # Derive gradients.
    optimizer.step()  # Update parameters based on gradients.
    return loss


def test():
    model.eval()
    out, _ = model(data.x, data.edge_index)
    pred = out.argmax(dim=1)  # Use the class with highest probability.
    mask = ~data.train_mask
    test_correct = pred[mask] == data.y[mask]  # Check against ground-truth labels.
    test_acc = int(test_correct.sum()) / int(mask.sum())  # Derive ratio of correct predictions.
    return test_acc


series = _truth.Series()
for epoch in range(1, 101):
    loss = train()
    series.add("Loss", None, epoch, loss.item())
    print(f"Epoch: {epoch:03d}, Loss: {loss:.4f}")

test_acc = test()
series.add("Test Accuracy", None, None, test_acc)
print(f"Test Accuracy: {test_acc:.4f}")

_truth.write(
    library=f"torch-geometric {torch_geometric.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/pyg_colab_intro.py",
    record="the loss train() returned each epoch and test()'s accuracy, dumped at full precision",
    step_kind="epoch",
    series=series,
    notes="PyG's Colab tutorials 1-2 prints on KarateClub: 'Dataset: KarateClub():', a '=====' rule, "
    "'Number of graphs: 1', 'Number of features: 34', 'Number of classes: 4', print(data) "
    "'Data(x=[34, 34], edge_index=[2, 156], y=[34], train_mask=[34])', a rule, 'Number of nodes: "
    "34', 'Number of edges: 156', 'Average node degree: 4.59', 'Number of training nodes: 4', "
    "'Training node label rate: 0.12', 'Has isolated nodes: False', 'Has self-loops: False', 'Is "
    "undirected: True' (all properties of the graph: no metric), print(model) (the module tree, "
    "'(conv1): GCNConv(34, 4)'), 'Embedding shape: [34, 2]', then 'Epoch: 001, Loss: 1.4324' "
    "for 100 epochs (from 1) and 'Test Accuracy: 0.7667' (no epoch).",
)
