"""OGB's node-property example (snap-stanford/ogb examples/nodeproppred/arxiv/gnn.py) on a synthetic graph.

The example's loop and prints as they are, with OGB's own Evaluator('ogbn-arxiv') and the examples'
Logger (examples/nodeproppred/arxiv/logger.py, copied below):

    Namespace(device=0, log_steps=1, use_sage=False, num_layers=3, hidden_channels=64, ...)
    Run: 01, Epoch: 01, Loss: 1.4263, Train: 47.00%, Valid: 32.00% Test: 32.00%
    ...
    Run 01:
    Highest Train: 89.50
    Highest Valid: 70.00
      Final Train: 83.00
       Final Test: 62.00
    ...
    All runs:
    Highest Train: 96.17 ± 0.29
    Highest Valid: 70.33 ± 1.15
      Final Train: 94.33 ± 1.04
       Final Test: 69.00 ± 0.87

(no comma between the Valid and Test fields: the example's f-string has none). Only the dataset is
replaced: PygNodePropPredDataset('ogbn-arxiv') is a download, so a 4-block stochastic block model
(400 nodes, y of shape [N, 1], a split_idx dict) stands in, with edge_index where the example has
adj_t (ToSparseTensor needs torch-sparse, which has no wheel for torch 2.13).

Truth: Logger.results, the example's own record (per run, per epoch, the Evaluator's train/valid/test
accuracies), printed in percent and recorded in that unit; the per-run and all-runs statistics are
what print_statistics computes from it; Loss is train()'s return value.

Versions: ogb 1.3.6, torch-geometric 2.8.1, torch 2.13.0+cpu, Python 3.11. A few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zS-1):
    python tests/corpus/scripts/capture.py pipe real_ogb_arxiv_gnn -- python tests/corpus/scripts/ogb_arxiv_gnn.py --epochs 20 --runs 3 --hidden_channels 64
"""

import argparse
import os
import sys

import ogb
import torch
import torch.nn.functional as F
import torch_geometric
from ogb.nodeproppred import Evaluator
from torch_geometric.nn import GCNConv, SAGEConv
from torch_geometric.utils import stochastic_blockmodel_graph

sys.path.insert(0, os.path.dirname(__file__))

import _truth


class Logger:
    """examples/nodeproppred/arxiv/logger.py"""

    def __init__(self, runs, info=None):
        self.info = info
        self.results = [[] for _ in range(runs)]

    def add_result(self, run, result):
        assert len(result) == 3
        assert run >= 0 and run < len(self.results)
        self.results[run].append(result)

    def print_statistics(self, run=None):
        if run is not None:
            result = 100 * torch.tensor(self.results[run])
            argmax = result[:, 1].argmax().item()
            print(f"Run {run + 1:02d}:")
            print(f"Highest Train: {result[:, 0].max():.2f}")
            print(f"Highest Valid: {result[:, 1].max():.2f}")
            print(f"  Final Train: {result[argmax, 0]:.2f}")
            print(f"   Final Test: {result[argmax, 2]:.2f}")
        else:
            result = 100 * torch.tensor(self.results)

            best_results = []
            for r in result:
                train1 = r[:, 0].max().item()
                valid = r[:, 1].max().item()
                train2 = r[r[:, 1].argmax(), 0].item()
                test = r[r[:, 1].argmax(), 2].item()
                best_results.append((train1, valid, train2, test))

            best_result = torch.tensor(best_results)

            print("All runs:")
            r = best_result[:, 0]
            print(f"Highest Train: {r.mean():.2f} ± {r.std():.2f}")
            r = best_result[:, 1]
            print(f"Highest Valid: {r.mean():.2f} ± {r.std():.2f}")
            r = best_result[:, 2]
            print(f"  Final Train: {r.mean():.2f} ± {r.std():.2f}")
            r = best_result[:, 3]
            print(f"   Final Test: {r.mean():.2f} ± {r.std():.2f}")


class GCN(torch.nn.Module):
    def __init__(self, in_channels, hidden_channels, out_channels, num_layers, dropout):
        super().__init__()
        self.convs = torch.nn.ModuleList()
        self.convs.append(GCNConv(in_channels, hidden_channels, cached=True))
        self.bns = torch.nn.ModuleList()
        self.bns.append(torch.nn.BatchNorm1d(hidden_channels))
        for _ in range(num_layers - 2):
            self.convs.append(GCNConv(hidden_channels, hidden_channels, cached=True))
            self.bns.append(torch.nn.BatchNorm1d(hidden_channels))
        self.convs.append(GCNConv(hidden_channels, out_channels, cached=True))
        self.dropout = dropout

    def reset_parameters(self):
        for conv in self.convs:
            conv.reset_parameters()
        for bn in self.bns:
            bn.reset_parameters()

    def forward(self, x, adj_t):
        for i, conv in enumerate(self.convs[:-1]):
            x = conv(x, adj_t)
            x = self.bns[i](x)
            x = F.relu(x)
            x = F.dropout(x, p=self.dropout, training=self.training)
        x = self.convs[-1](x, adj_t)
        return x.log_softmax(dim=-1)


class SAGE(GCN):
    def __init__(self, in_channels, hidden_channels, out_channels, num_layers, dropout):
        torch.nn.Module.__init__(self)
        self.convs = torch.nn.ModuleList([SAGEConv(in_channels, hidden_channels)])
        self.bns = torch.nn.ModuleList([torch.nn.BatchNorm1d(hidden_channels)])
        for _ in range(num_layers - 2):
            self.convs.append(SAGEConv(hidden_channels, hidden_channels))
            self.bns.append(torch.nn.BatchNorm1d(hidden_channels))
        self.convs.append(SAGEConv(hidden_channels, out_channels))
        self.dropout = dropout


def train(model, data, train_idx, optimizer):
    model.train()
    optimizer.zero_grad()
    out = model(data.x, data.adj_t)[train_idx]
    loss = F.nll_loss(out, data.y.squeeze(1)[train_idx])
    loss.backward()
    optimizer.step()
    return loss.item()


@torch.no_grad()
def test(model, data, split_idx, evaluator):
    model.eval()
    out = model(data.x, data.adj_t)
    y_pred = out.argmax(dim=-1, keepdim=True)
    train_acc = evaluator.eval(
        {"y_true": data.y[split_idx["train"]], "y_pred": y_pred[split_idx["train"]]}
    )["acc"]
    valid_acc = evaluator.eval(
        {"y_true": data.y[split_idx["valid"]], "y_pred": y_pred[split_idx["valid"]]}
    )["acc"]
    test_acc = evaluator.eval(
        {"y_true": data.y[split_idx["test"]], "y_pred": y_pred[split_idx["test"]]}
    )["acc"]
    return train_acc, valid_acc, test_acc


class SyntheticData:
    """Stands in for PygNodePropPredDataset('ogbn-arxiv')[0] and its get_idx_split()."""

    def __init__(self):
        g = torch.Generator().manual_seed(0)
        torch.manual_seed(0)
        blocks, n_per = 4, 100
        n = blocks * n_per
        self.adj_t = stochastic_blockmodel_graph(
            [n_per] * blocks,
            [[0.04 if i == j else 0.01 for j in range(blocks)] for i in range(blocks)],
        )
        y = torch.arange(blocks).repeat_interleave(n_per)
        self.x = F.pad(F.one_hot(y, blocks).float() * 0.4, (0, 28)) + torch.randn(
            n, 32, generator=g
        )
        self.y = y.view(-1, 1)
        self.num_features = 32
        self.num_classes = blocks
        perm = torch.randperm(n, generator=g)
        self.split_idx = {"train": perm[:200], "valid": perm[200:300], "test": perm[300:]}


def main():
    parser = argparse.ArgumentParser(description="OGBN-Arxiv (GNN)")
    parser.add_argument("--device", type=int, default=0)
    parser.add_argument("--log_steps", type=int, default=1)
    parser.add_argument("--use_sage", action="store_true")
    parser.add_argument("--num_layers", type=int, default=3)
    parser.add_argument("--hidden_channels", type=int, default=256)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--epochs", type=int, default=500)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print(args)

    data = SyntheticData()
    split_idx = data.split_idx
    train_idx = split_idx["train"]
    Model = SAGE if args.use_sage else GCN
    model = Model(
        data.num_features, args.hidden_channels, data.num_classes, args.num_layers, args.dropout
    )
    evaluator = Evaluator(name="ogbn-arxiv")
    logger = Logger(args.runs, args)

    losses = []
    for run in range(args.runs):
        model.reset_parameters()
        optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
        for epoch in range(1, 1 + args.epochs):
            loss = train(model, data, train_idx, optimizer)
            result = test(model, data, split_idx, evaluator)
            logger.add_result(run, result)
            if epoch % args.log_steps == 0:
                losses.append((epoch, loss))
                train_acc, valid_acc, test_acc = result
                print(
                    f"Run: {run + 1:02d}, "
                    f"Epoch: {epoch:02d}, "
                    f"Loss: {loss:.4f}, "
                    f"Train: {100 * train_acc:.2f}%, "
                    f"Valid: {100 * valid_acc:.2f}% "
                    f"Test: {100 * test_acc:.2f}%"
                )
        logger.print_statistics(run)
    logger.print_statistics()

    # the truth: Logger.results (in percent, as printed) and what print_statistics derives from it
    series = _truth.Series()
    it = iter(losses)
    names = ("Highest Train", "Highest Valid", "Final Train", "Final Test")
    best = []
    for rows in logger.results:
        for epoch, (tr, va, te) in enumerate(rows, start=1):
            if epoch % args.log_steps == 0:
                e, loss = next(it)
                assert e == epoch
                series.add("Loss", None, epoch, loss)
                series.add("Train", None, epoch, 100 * tr)
                series.add("Valid", None, epoch, 100 * va)
                series.add("Test", None, epoch, 100 * te)
        r = 100 * torch.tensor(rows)
        argmax = r[:, 1].argmax().item()
        stats = (
            r[:, 0].max().item(),
            r[:, 1].max().item(),
            r[argmax, 0].item(),
            r[argmax, 2].item(),
        )
        best.append(stats)
        for name, value in zip(names, stats, strict=True):
            series.add(name, None, None, value)
    best_t = torch.tensor(best)
    for i, name in enumerate(names):
        series.add(name, None, None, best_t[:, i].mean().item())
    _truth.write(
        library=f"ogb {ogb.__version__} Evaluator + the arxiv example's Logger (torch-geometric "
        f"{torch_geometric.__version__}, torch {torch.__version__})",
        script="tests/corpus/scripts/ogb_arxiv_gnn.py",
        record="Logger.results (the example's record of the Evaluator's accuracies per run and epoch) "
        "and the statistics print_statistics derives from it; Loss: train()'s return value",
        step_kind="epoch",
        series=series,
        extra_ok=["± std of the Highest/Final Train/Valid/Test values across runs"],
        notes="OGB's examples/nodeproppred/arxiv/gnn.py (GCN, 3 layers) on a synthetic graph, "
        f"{args.runs} runs of {args.epochs} epochs: print(args) first (an argparse Namespace, all "
        "settings), then per epoch 'Run: 01, Epoch: 01, Loss: 1.4263, Train: 47.00%, Valid: 32.00% "
        "Test: 32.00%' (accuracies in percent, no comma before Test; the epoch restarts at 01 every "
        "run and the truth's epochs restart with it; each of Loss/Train/Valid/Test is one series "
        "over all runs in print order). After each run 'Run 01:' and four lines 'Highest Train: "
        "89.50', 'Highest Valid: 70.00', '  Final Train: 83.00', '   Final Test: 62.00' (the best "
        "valid epoch's values; right-aligned names), no epoch; at the end 'All runs:' and the same "
        "four names with 'mean ± std' over the runs: the mean is the series' last point, the std "
        "is extra_ok. So 'Highest Train' etc. have runs+1 points: one per run, then the mean.",
    )


if __name__ == "__main__":
    main()
