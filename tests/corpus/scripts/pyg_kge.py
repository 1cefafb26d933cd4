"""PyG's knowledge-graph-embedding example (examples/kge_fb15k_237.py) on synthetic triples.

torch_geometric.nn's TransE / ComplEx / DistMult with their own loader(), loss() and test(); test()
draws a plain tqdm bar (stderr) over the evaluated triples and returns (mean rank, MRR, Hits@k).
The example's prints:

    Epoch: 001, Loss: 0.6931
    ...
    Epoch: 025, Loss: 0.2000
    Epoch: 025, Val Mean Rank: 12.34, Val MRR: 0.4567, Val Hits@10: 0.8000
    ...
    Test Mean Rank: 12.34, Test MRR: 0.4567, Test Hits@10: 0.8000

Only the data is replaced (FB15k_237 is a download): 300 entities and 6 relations whose tails follow
a fixed rule per relation with some noise, 3000 training triples, 150 validation and 150 test
triples. Epochs: --epochs (the example runs 500; validation every 25 as in the example).

Truth: the values the loop computed and printed (train()'s mean loss, model.test()'s returned
triple), at full precision.

Versions: torch-geometric 2.8.1, tqdm 4.70.1, torch 2.13.0+cpu, Python 3.11. A few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zS-1):
    python tests/corpus/scripts/capture.py pipe real_pyg_kge_transe -- python tests/corpus/scripts/pyg_kge.py --model transe --epochs 75
    python tests/corpus/scripts/capture.py pty real_pyg_kge_transe_pty -- python tests/corpus/scripts/pyg_kge.py --model transe --epochs 75
"""

import argparse
import os
import sys

import torch
import torch.optim as optim
import torch_geometric
from torch_geometric.data import Data
from torch_geometric.nn import ComplEx, DistMult, TransE

sys.path.insert(0, os.path.dirname(__file__))

import _truth

model_map = {"transe": TransE, "complex": ComplEx, "distmult": DistMult}

parser = argparse.ArgumentParser()
parser.add_argument("--model", choices=model_map.keys(), type=str.lower, required=True)
parser.add_argument("--epochs", type=int, default=500)
args = parser.parse_args()

device = "cpu"
torch.manual_seed(0)
N_ENT, N_REL = 300, 6


def triples(n):
    head = torch.randint(0, N_ENT, (n,))
    rel = torch.randint(0, N_REL, (n,))
    tail = (head + 7 * (rel + 1)) % N_ENT
    noise = torch.rand(n) < 0.1
    tail[noise] = torch.randint(0, N_ENT, (int(noise.sum()),))
    return Data(
        edge_index=torch.stack([head, tail]), edge_type=rel, num_nodes=N_ENT, num_edge_types=N_REL
    )


train_data, val_data, test_data = triples(3000), triples(150), triples(150)

model = model_map[args.model](
    num_nodes=train_data.num_nodes,
    num_relations=train_data.num_edge_types,
    hidden_channels=50,
).to(device)

loader = model.loader(
    head_index=train_data.edge_index[0],
    rel_type=train_data.edge_type,
    tail_index=train_data.edge_index[1],
    batch_size=1000,
    shuffle=True,
)

optimizer_map = {
    "transe": optim.Adam(model.parameters(), lr=0.01),
    "distmult": optim.Adam(model.parameters(), lr=0.0001, weight_decay=1e-6),
    "complex": optim.Adagrad(model.parameters(), lr=0.001, weight_decay=1e-6),
}
optimizer = optimizer_map[args.model]


def train():
    model.train()
    total_loss = total_examples = 0
    for head_index, rel_type, tail_index in loader:
        optimizer.zero_grad()
        loss = model.loss(head_index, rel_type, tail_index)
        loss.backward()
        optimizer.step()
        total_loss += float(loss) * head_index.numel()
        total_examples += head_index.numel()
    return total_loss / total_examples


@torch.no_grad()
def test(data):
    model.eval()
    return model.test(
        head_index=data.edge_index[0],
        rel_type=data.edge_type,
        tail_index=data.edge_index[1],
        batch_size=20000,
        k=10,
    )


series = _truth.Series()
for epoch in range(1, args.epochs + 1):
    loss = train()
    series.add("Loss", None, epoch, loss)
    print(f"Epoch: {epoch:03d}, Loss: {loss:.4f}")
    if epoch % 25 == 0:
        rank, mrr, hits = test(val_data)
        series.add("Val Mean Rank", None, epoch, rank)
        series.add("Val MRR", None, epoch, mrr)
        series.add("Val Hits@10", None, epoch, hits)
        print(
            f"Epoch: {epoch:03d}, Val Mean Rank: {rank:.2f}, Val MRR: {mrr:.4f}, Val Hits@10: {hits:.4f}"
        )

rank, mrr, hits_at_10 = test(test_data)
series.add("Test Mean Rank", None, None, rank)
series.add("Test MRR", None, None, mrr)
series.add("Test Hits@10", None, None, hits_at_10)
print(f"Test Mean Rank: {rank:.2f}, Test MRR: {mrr:.4f}, Test Hits@10: {hits_at_10:.4f}")

_truth.write(
    library=f"torch-geometric {torch_geometric.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/pyg_kge.py",
    record="the values the example's loop computed and printed: train()'s mean loss and the "
    f"(mean rank, MRR, Hits@10) {type(model).__name__}.test() returned",
    step_kind="epoch",
    series=series,
    notes=f"PyG examples/kge_fb15k_237.py with --model {args.model} on synthetic triples: "
    "'Epoch: 001, Loss: 0.6931' every epoch (epochs from 1), and every 25 epochs a second line "
    "for the same epoch 'Epoch: 025, Val Mean Rank: 12.34, Val MRR: 0.4567, Val Hits@10: 0.8000' "
    "after the tqdm bar test() draws on stderr ('100%|██████████| 150/150 [00:00<00:00, "
    "1234.56it/s]': counts and throughput, no metric; in a pipe its '\\r' states run into the "
    "next stdout line's position only through buffering). Last 'Test Mean Rank: …, Test MRR: …, "
    "Test Hits@10: …' (no epoch). Mean Rank is 0-based as PyG computes it.",
)
