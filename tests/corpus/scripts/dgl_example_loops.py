# ruff: noqa: UP031, UP032  (the examples' print statements are copied as they are)
"""The print styles of DGL's node-classification examples, on a synthetic graph.

DGL itself cannot be used here: the newest wheel on the package index (dgl 2.1.0 for Python 3.11)
does not import beside torch 2.13.0 (`Cannot find DGL C++ graphbolt library at
.../libgraphbolt_pytorch_2.13.0.so`, after setuptools.extern and yaml are worked around). So the
graph layers are PyTorch Geometric's (GCNConv, GATConv, SAGEConv) and the loops are DGL's
examples' loops, with their print statements copied exactly (their timing and averaging included):

  gcn       examples/pytorch/gcn/train.py of DGL 0.4-0.7: the '----Data statistics------'' block,
            'Epoch 00000 | Time(s) nan | Loss 1.3863 | Accuracy 0.2750 | ETputs(KTEPS) nan'
            (Time(s) is np.mean(dur) and dur stays empty for epochs 0-2, so numpy warns
            'Mean of empty slice' on stderr and prints nan), a blank line, 'Test accuracy 81.30%'.
  gat       examples/pytorch/gat/train.py of the same years: print(args) (a Namespace), the data
            statistics, print(model), 'Epoch 00000 | Time(s) nan | Loss 1.3863 | TrainAcc 0.2500 |
            ValAcc 0.2750 | ETputs(KTEPS) nan', the EarlyStopping helper's 'EarlyStopping counter:
            3 out of 10', 'Test Accuracy 0.8130'.
  sampling  examples/pytorch/graphsage/train_sampling.py (mini-batches of seed nodes): 'Epoch
            00000 | Step 00004 | Loss 1.2 | Train Acc 0.5 | Speed (samples/sec) 1234.5 | GPU 0.0
            MB', 'Epoch Time(s): 0.0123', every eval_every epochs 'Eval Acc 0.8' and 'Test Acc:
            0.8', last 'Avg epoch time: 0.0123456'.
  sage      examples/pytorch/graphsage/train_full.py of DGL 1.x: the '  NumNodes: 400' ... block that
            DGL's CitationGraphDataset prints on loading (reproduced), 'Training...', 'Epoch 00000 |
            Loss 1.3863 | Accuracy 0.2750 ' (a trailing space), 'Testing...', 'Test accuracy 0.8130'.

Truth: the values the loop computed and handed to its print (the loop's own record, dumped at full
precision); the test accuracy the gcn style prints as a percentage is recorded in that unit.

Versions: torch-geometric 2.8.1, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11. Seeds fixed; a few s of
CPU. Capture (repository root, venv /work/venvs/corpus-zS-1):
    python tests/corpus/scripts/capture.py pipe real_hand_dgl_gcn -- python tests/corpus/scripts/dgl_example_loops.py gcn
    python tests/corpus/scripts/capture.py pipe real_hand_dgl_gat -- python tests/corpus/scripts/dgl_example_loops.py gat
    python tests/corpus/scripts/capture.py pipe real_hand_dgl_sampling -- python tests/corpus/scripts/dgl_example_loops.py sampling
    python tests/corpus/scripts/capture.py pipe real_hand_dgl_sage -- python tests/corpus/scripts/dgl_example_loops.py sage
"""

import argparse
import os
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch_geometric
from torch_geometric.nn import GATConv, GCNConv, SAGEConv
from torch_geometric.utils import k_hop_subgraph, stochastic_blockmodel_graph

sys.path.insert(0, os.path.dirname(__file__))

import _truth

LIB = f"hand-written loop in DGL's examples' print style (layers: torch-geometric {torch_geometric.__version__}, torch {torch.__version__})"
SCRIPT = "tests/corpus/scripts/dgl_example_loops.py"
RECORD = "the values the loop computed and handed to its print statements, dumped at full precision"

torch.manual_seed(0)
np.random.seed(0)
BLOCKS, N_PER = 4, 100
N = BLOCKS * N_PER
edge_index = stochastic_blockmodel_graph(
    [N_PER] * BLOCKS, [[0.05 if i == j else 0.01 for j in range(BLOCKS)] for i in range(BLOCKS)]
)
labels = torch.arange(BLOCKS).repeat_interleave(N_PER)
features = F.pad(F.one_hot(labels, BLOCKS).float() * 0.3, (0, 12)) + torch.randn(N, 16)
perm = torch.randperm(N)
train_mask, val_mask, test_mask = (torch.zeros(N, dtype=torch.bool) for _ in range(3))
train_mask[perm[:80]] = True
val_mask[perm[80:200]] = True
test_mask[perm[200:]] = True
n_edges = edge_index.size(1)
n_classes = BLOCKS


def data_statistics():
    print(
        """----Data statistics------'
      #Edges %d
      #Classes %d
      #Train samples %d
      #Val samples %d
      #Test samples %d"""
        % (
            n_edges,
            n_classes,
            train_mask.int().sum().item(),
            val_mask.int().sum().item(),
            test_mask.int().sum().item(),
        )
    )


class GCN(nn.Module):
    def __init__(self, in_feats, n_hidden, n_classes, dropout):
        super().__init__()
        self.layers = nn.ModuleList([GCNConv(in_feats, n_hidden), GCNConv(n_hidden, n_classes)])
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, x, ei=edge_index):
        h = x
        for i, layer in enumerate(self.layers):
            if i != 0:
                h = self.dropout(h)
            h = layer(h, ei)
            if i != len(self.layers) - 1:
                h = F.relu(h)
        return h


class GAT(nn.Module):
    def __init__(self, in_feats, n_hidden, n_classes, heads, feat_drop, attn_drop):
        super().__init__()
        self.gat_layers = nn.ModuleList(
            [
                GATConv(in_feats, n_hidden, heads=heads, dropout=attn_drop),
                GATConv(n_hidden * heads, n_classes, heads=1, dropout=attn_drop),
            ]
        )
        self.feat_drop = nn.Dropout(feat_drop)

    def forward(self, x, ei=edge_index):
        h = F.elu(self.gat_layers[0](self.feat_drop(x), ei))
        return self.gat_layers[1](self.feat_drop(h), ei)


class SAGE(nn.Module):
    def __init__(self, in_size, hid_size, out_size):
        super().__init__()
        self.layers = nn.ModuleList([SAGEConv(in_size, hid_size), SAGEConv(hid_size, out_size)])
        self.dropout = nn.Dropout(0.5)

    def forward(self, x, ei=edge_index):
        h = self.dropout(x)
        for i, layer in enumerate(self.layers):
            h = layer(h, ei)
            if i != len(self.layers) - 1:
                h = self.dropout(F.relu(h))
        return h


def accuracy(logits, labels):
    _, indices = torch.max(logits, dim=1)
    correct = torch.sum(indices == labels)
    return correct.item() * 1.0 / len(labels)


def evaluate(model, mask):
    model.eval()
    with torch.no_grad():
        logits = model(features)
        return accuracy(logits[mask], labels[mask])


class EarlyStopping:
    """DGL's examples/pytorch/gat/utils.py."""

    def __init__(self, path, patience=10):
        self.patience, self.path = patience, path
        self.counter, self.best_score, self.early_stop = 0, None, False

    def step(self, acc, model):
        score = acc
        if self.best_score is None:
            self.best_score = score
            self.save_checkpoint(model)
        elif score < self.best_score:
            self.counter += 1
            print(f"EarlyStopping counter: {self.counter} out of {self.patience}")
            if self.counter >= self.patience:
                self.early_stop = True
        else:
            self.best_score = score
            self.save_checkpoint(model)
            self.counter = 0
        return self.early_stop

    def save_checkpoint(self, model):
        torch.save(model.state_dict(), self.path)


def run_full(style, args, series):
    if style == "gat":
        print(args)
    data_statistics()
    if style == "gcn":
        model = GCN(16, 16, n_classes, 0.5)
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=5e-4)
    else:
        model = GAT(16, 8, n_classes, 8, 0.6, 0.6)
        print(model)
        optimizer = torch.optim.Adam(model.parameters(), lr=0.005, weight_decay=5e-4)
        ckpt = tempfile.NamedTemporaryFile(suffix=".pt", delete=False).name
        stopper = EarlyStopping(ckpt, patience=10)
    loss_fcn = torch.nn.CrossEntropyLoss()
    dur = []
    for epoch in range(args.epochs):
        model.train()
        if epoch >= 3:
            t0 = time.time()
        logits = model(features)
        loss = loss_fcn(logits[train_mask], labels[train_mask])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if epoch >= 3:
            dur.append(time.time() - t0)
        if style == "gcn":
            acc = evaluate(model, val_mask)
            series.add("Loss", None, epoch, loss.item())
            series.add("Accuracy", None, epoch, acc)
            print(
                "Epoch {:05d} | Time(s) {:.4f} | Loss {:.4f} | Accuracy {:.4f} | "
                "ETputs(KTEPS) {:.2f}".format(
                    epoch, np.mean(dur), loss.item(), acc, n_edges / np.mean(dur) / 1000
                )
            )
        else:
            train_acc = accuracy(logits[train_mask], labels[train_mask])
            val_acc = evaluate(model, val_mask)
            if stopper.step(val_acc, model):
                break
            series.add("Loss", None, epoch, loss.item())
            series.add("TrainAcc", None, epoch, train_acc)
            series.add("ValAcc", None, epoch, val_acc)
            print(
                "Epoch {:05d} | Time(s) {:.4f} | Loss {:.4f} | TrainAcc {:.4f} |"
                " ValAcc {:.4f} | ETputs(KTEPS) {:.2f}".format(
                    epoch,
                    np.mean(dur),
                    loss.item(),
                    train_acc,
                    val_acc,
                    n_edges / np.mean(dur) / 1000,
                )
            )
    print()
    if style == "gcn":
        acc = evaluate(model, test_mask)
        series.add("Test accuracy", None, None, acc * 100)
        print("Test accuracy {:.2%}".format(acc))
    else:
        model.load_state_dict(torch.load(ckpt))
        os.unlink(ckpt)
        acc = evaluate(model, test_mask)
        series.add("Test Accuracy", None, None, acc)
        print("Test Accuracy {:.4f}".format(acc))


def run_sampling(args, series):
    """graphsage/train_sampling.py: mini-batches of seed nodes, each with its 2-hop subgraph."""
    model = SAGE(16, 16, n_classes)
    loss_fcn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    train_nid = train_mask.nonzero().view(-1)
    val_nid, test_nid = val_mask.nonzero().view(-1), test_mask.nonzero().view(-1)

    def evaluate_nids(nid):
        model.eval()
        with torch.no_grad():
            pred = model(features)
        model.train()
        return (torch.argmax(pred[nid], dim=1) == labels[nid]).float().sum() / len(nid)

    avg = 0
    iter_tput = []
    global_step = -1
    for epoch in range(args.epochs):
        tic = time.time()
        tic_step = time.time()
        order = train_nid[torch.randperm(len(train_nid))]
        for step, seeds in enumerate(order.split(args.batch_size)):
            global_step += 1
            subset, sub_ei, mapping, _ = k_hop_subgraph(seeds, 2, edge_index, relabel_nodes=True)
            batch_pred = model(features[subset], sub_ei)[mapping]
            batch_labels = labels[seeds]
            loss = loss_fcn(batch_pred, batch_labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            iter_tput.append(len(seeds) / (time.time() - tic_step))
            if step % args.log_every == 0:
                acc = (torch.argmax(batch_pred, dim=1) == batch_labels).float().sum() / len(
                    batch_pred
                )
                gpu_mem_alloc = (
                    torch.cuda.max_memory_allocated() / 1000000 if torch.cuda.is_available() else 0
                )
                series.add("Loss", global_step, epoch, loss.item())
                series.add("Train Acc", global_step, epoch, acc.item())
                print(
                    "Epoch {:05d} | Step {:05d} | Loss {:.4f} | Train Acc {:.4f} | Speed (samples/sec) {:.4f} | GPU {:.1f} MB".format(
                        epoch, step, loss.item(), acc.item(), np.mean(iter_tput[3:]), gpu_mem_alloc
                    )
                )
            tic_step = time.time()
        toc = time.time()
        print("Epoch Time(s): {:.4f}".format(toc - tic))
        if epoch >= 5:
            avg += toc - tic
        if epoch % args.eval_every == 0 and epoch != 0:
            eval_acc = evaluate_nids(val_nid)
            series.add("Eval Acc", global_step, epoch, eval_acc.item())
            print("Eval Acc {:.4f}".format(eval_acc))
            test_acc = evaluate_nids(test_nid)
            series.add("Test Acc", global_step, epoch, test_acc.item())
            print("Test Acc: {:.4f}".format(test_acc))
    print("Avg epoch time: {}".format(avg / (epoch - 4)))


def dgl_dataset_block():
    """What DGL's CitationGraphDataset (verbose=True) prints when it loads a cached dataset, here with
    the synthetic graph's numbers (DGL itself cannot be imported: see the header)."""
    print("  NumNodes: {}".format(N))
    print("  NumEdges: {}".format(n_edges))
    print("  NumFeats: {}".format(features.shape[1]))
    print("  NumClasses: {}".format(n_classes))
    print("  NumTrainingSamples: {}".format(int(train_mask.sum())))
    print("  NumValidationSamples: {}".format(int(val_mask.sum())))
    print("  NumTestSamples: {}".format(int(test_mask.sum())))
    print("Done loading data from cached files.")


def run_sage(args, series):
    print("Training with DGL built-in GraphSage module.")
    dgl_dataset_block()
    model = SAGE(16, 16, n_classes)
    print("Training...")
    loss_fcn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=5e-4)
    for epoch in range(args.epochs):
        model.train()
        logits = model(features)
        loss = loss_fcn(logits[train_mask], labels[train_mask])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        acc = evaluate(model, val_mask)
        series.add("Loss", None, epoch, loss.item())
        series.add("Accuracy", None, epoch, acc)
        print("Epoch {:05d} | Loss {:.4f} | Accuracy {:.4f} ".format(epoch, loss.item(), acc))
    print("Testing...")
    acc = evaluate(model, test_mask)
    series.add("Test accuracy", None, None, acc)
    print("Test accuracy {:.4f}".format(acc))


NOTES = {
    "gcn": "DGL 0.4-0.7 examples/pytorch/gcn/train.py print style on a 4-block synthetic graph (400 "
    "nodes): the '----Data statistics------'' block (#Edges, #Classes, sample counts: no metrics), one "
    "line per epoch 'Epoch 00000 | Time(s) nan | Loss 1.3863 | Accuracy 0.2750 | ETputs(KTEPS) nan' "
    "(epochs from 0; Time(s) and ETputs(KTEPS) are nan for epochs 0-2 because the timing list is still "
    "empty, numpy's 'RuntimeWarning: Mean of empty slice' and 'invalid value encountered in scalar "
    "divide' go to stderr and so come first in the pipe), a blank line, then 'Test accuracy 81.30%' "
    "(printed as a percentage, recorded in that unit; no epoch). 'Accuracy' is the validation accuracy.",
    "gat": "DGL 0.4-0.7 examples/pytorch/gat/train.py print style: print(args) (an argparse Namespace of "
    "hyper-parameters), the data statistics block, print(model) (the module tree), one line per epoch "
    "'Epoch 00012 | Time(s) 0.0040 | Loss 1.1 | TrainAcc 0.6 | ValAcc 0.7 | ETputs(KTEPS) 810.22' (nan "
    "timings for epochs 0-2, numpy warnings on stderr), the EarlyStopping helper's 'EarlyStopping "
    "counter: 3 out of 10' (a patience count, no metric) before an epoch's line, and, when patience "
    "runs out, the loop breaks before printing that epoch. Then a blank line and 'Test Accuracy 0.8130' "
    "(the checkpoint with the best ValAcc).",
    "sampling": "DGL examples/pytorch/graphsage/train_sampling.py print style: mini-batches of 20 seed "
    "nodes, every log_every=2 steps 'Epoch 00003 | Step 00002 | Loss 0.9 | Train Acc 0.7 | Speed "
    "(samples/sec) 2345.6789 | GPU 0.0 MB' (Step restarts every epoch; the truth's step is the global "
    "step count from 0: epoch*4 + Step, 4 steps an epoch; Speed is the mean of the per-step throughput from the 4th step "
    "on, nan with a numpy warning before; GPU MB is memory, no metric), 'Epoch Time(s): 0.0123' per "
    "epoch, every 5 epochs (not epoch 0) 'Eval Acc 0.8000' then 'Test Acc: 0.7900' (validation and "
    "test accuracy of the full-graph model), and last 'Avg epoch time: 0.0123456789' (unformatted).",
    "sage": "DGL 1.x examples/pytorch/graphsage/train_full.py print style: 'Training with DGL built-in "
    "GraphSage module.', then the block DGL's CitationGraphDataset prints when it loads a cached "
    "dataset (reproduced with the synthetic graph's numbers: '  NumNodes: 400', '  NumEdges: 3244', "
    "'  NumFeats: 16', '  NumClasses: 4', '  NumTrainingSamples: 80', '  NumValidationSamples: 120', "
    "'  NumTestSamples: 200', 'Done loading data from cached files.': counts, no metric), 'Training...', one line per epoch 'Epoch 00000 | Loss 1.3863 | Accuracy "
    "0.2750 ' (epochs from 0, a trailing space; Accuracy is the validation accuracy), 'Testing...', "
    "'Test accuracy 0.8130' (no epoch).",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("style", choices=["gcn", "gat", "sampling", "sage"])
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=20)
    parser.add_argument("--log-every", type=int, default=2)
    parser.add_argument("--eval-every", type=int, default=5)
    args = parser.parse_args()
    if args.epochs is None:
        args.epochs = {"gcn": 30, "gat": 60, "sampling": 11, "sage": 25}[args.style]
    series = _truth.Series()
    if args.style in ("gcn", "gat"):
        run_full(args.style, args, series)
    elif args.style == "sampling":
        run_sampling(args, series)
    else:
        run_sage(args, series)
    extra = {
        "gcn": [
            "Time(s) (mean seconds per epoch)",
            "ETputs(KTEPS) (throughput, kilo edges per second)",
        ],
        "gat": [
            "Time(s) (mean seconds per epoch)",
            "ETputs(KTEPS) (throughput, kilo edges per second)",
        ],
        "sampling": [
            "Speed (samples/sec) (throughput)",
            "Epoch Time(s) (seconds per epoch)",
            "Avg epoch time (seconds)",
        ],
        "sage": [],
    }[args.style]
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=RECORD,
        step_kind="global" if args.style == "sampling" else "epoch",
        series=series,
        extra_ok=extra,
        notes=NOTES[args.style],
    )


if __name__ == "__main__":
    main()
