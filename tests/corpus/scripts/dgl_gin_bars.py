"""DGL's GIN example (examples/pytorch/gin/main.py, DGL 0.4-0.9): four stacked tqdm bars on stdout.

The example's loop and bars, copied: a per-epoch batch bar (position=2, description 'epoch-0') and
three epoch bars (positions 3, 4, 5, ncols=0, file=sys.stdout) whose descriptions carry the metrics:

    train set - average loss: 0.6406, accuracy: 66%
    valid set - average loss: 0.6551, accuracy: 62%
    Learning eps with learn_eps=False: [0.0, 0.0, 0.0, 0.0]

(accuracy printed as a whole percent, '{:.0f}%'). Before them 'show all arguments configuration...'
and print(args) (a Namespace). DGL itself does not import beside torch 2.13 (see README-torch.md),
so the graphs are batched with PyG's DataLoader and the layers are PyG's GINConv; the loop, the
bars and every print are the example's.

Data: 300 small synthetic graphs of two classes (two dense blocks vs one sparse random graph, 12-20
nodes, degree one-hot features), 240 for training and 60 for validation.

Truth: the values eval_net returned and the loop handed to set_description (accuracy recorded
in percent, the printed unit), at full precision.

Versions: torch-geometric 2.8.1, tqdm 4.70.1, torch 2.13.0+cpu, Python 3.11. A few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zS-1):
    python tests/corpus/scripts/capture.py pipe real_hand_dgl_gin_bars -- python tests/corpus/scripts/dgl_gin_bars.py --epochs 15
    python tests/corpus/scripts/capture.py pty real_hand_dgl_gin_bars_pty -- python tests/corpus/scripts/dgl_gin_bars.py --epochs 15
"""

# ruff: noqa: UP032, B007, B905  (the example's code is kept as it is)

import argparse
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torch_geometric
from torch_geometric.data import Data
from torch_geometric.loader import DataLoader
from torch_geometric.nn import GINConv, global_mean_pool
from torch_geometric.utils import degree, erdos_renyi_graph, stochastic_blockmodel_graph
from tqdm import tqdm

sys.path.insert(0, os.path.dirname(__file__))

import _truth

SERIES = _truth.Series()


def make_graphs(n, gen):
    graphs = []
    for i in range(n):
        label = i % 2
        size = int(torch.randint(12, 21, (1,), generator=gen))
        if label == 0:
            half = size // 2
            ei = stochastic_blockmodel_graph([half, size - half], [[0.6, 0.05], [0.05, 0.6]])
        else:
            ei = erdos_renyi_graph(size, 0.2)
        deg = degree(ei[0], size).long().clamp(max=9)
        graphs.append(Data(x=F.one_hot(deg, 10).float(), edge_index=ei, y=torch.tensor([label])))
    return graphs


class GIN(nn.Module):
    def __init__(self, num_layers, input_dim, hidden_dim, output_dim, final_dropout, learn_eps):
        super().__init__()
        self.ginlayers = nn.ModuleList()
        for layer in range(num_layers - 1):
            mlp = nn.Sequential(
                nn.Linear(input_dim if layer == 0 else hidden_dim, hidden_dim),
                nn.BatchNorm1d(hidden_dim),
                nn.ReLU(),
                nn.Linear(hidden_dim, hidden_dim),
            )
            self.ginlayers.append(GINConv(mlp, train_eps=learn_eps))
        self.linears_prediction = nn.ModuleList(
            [nn.Linear(input_dim, output_dim)]
            + [nn.Linear(hidden_dim, output_dim) for _ in range(num_layers - 1)]
        )
        self.drop = nn.Dropout(final_dropout)

    def forward(self, batch):
        h = batch.x
        hidden_rep = [h]
        for layer in self.ginlayers:
            h = F.relu(layer(h, batch.edge_index))
            hidden_rep.append(h)
        score_over_layer = 0
        for i, h in enumerate(hidden_rep):
            pooled_h = global_mean_pool(h, batch.batch)
            score_over_layer += self.drop(self.linears_prediction[i](pooled_h))
        return score_over_layer


def train(args, net, trainloader, optimizer, criterion, epoch):
    net.train()
    running_loss = 0
    total_iters = len(trainloader)
    # setup the offset to avoid the overlap with mouse cursor
    bar = tqdm(range(total_iters), unit="batch", position=2, file=sys.stdout)

    for pos, batch in zip(bar, trainloader):
        labels = batch.y
        outputs = net(batch)
        loss = criterion(outputs, labels)
        running_loss += loss.item()

        # backprop
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        # report
        bar.set_description("epoch-{}".format(epoch))
    bar.close()
    # the final batch will be aligned to batch size
    running_loss = running_loss / total_iters

    return running_loss


def eval_net(args, net, dataloader, criterion):
    net.eval()

    total = 0
    total_loss = 0
    total_correct = 0

    for batch in dataloader:
        labels = batch.y
        total += len(labels)
        outputs = net(batch)
        _, predicted = torch.max(outputs.data, 1)

        total_correct += (predicted == labels.data).sum().item()
        loss = criterion(outputs, labels)
        # crossentropy(reduce=True) for default
        total_loss += loss.item() * len(labels)

    loss, acc = 1.0 * total_loss / total, 1.0 * total_correct / total

    net.train()

    return loss, acc


def main(args):
    torch.manual_seed(seed=args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    graphs = make_graphs(300, gen)
    trainloader = DataLoader(graphs[:240], batch_size=args.batch_size, shuffle=True)
    validloader = DataLoader(graphs[240:], batch_size=args.batch_size)

    model = GIN(args.num_layers, 10, args.hidden_dim, 2, args.final_dropout, args.learn_eps)

    criterion = nn.CrossEntropyLoss()  # defaul reduce is true
    optimizer = optim.Adam(model.parameters(), lr=args.lr)
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=50, gamma=0.5)

    # it's not cost-effective to hanle the cursor and init 0
    # https://stackoverflow.com/a/23121189
    tbar = tqdm(range(args.epochs), unit="epoch", position=3, ncols=0, file=sys.stdout)
    vbar = tqdm(range(args.epochs), unit="epoch", position=4, ncols=0, file=sys.stdout)
    lrbar = tqdm(range(args.epochs), unit="epoch", position=5, ncols=0, file=sys.stdout)

    for epoch, _, _ in zip(tbar, vbar, lrbar):
        train(args, model, trainloader, optimizer, criterion, epoch)
        scheduler.step()

        train_loss, train_acc = eval_net(args, model, trainloader, criterion)
        SERIES.add("train set/average loss", None, epoch, train_loss)
        SERIES.add("train set/accuracy", None, epoch, 100.0 * train_acc)
        tbar.set_description(
            "train set - average loss: {:.4f}, accuracy: {:.0f}%".format(
                train_loss, 100.0 * train_acc
            )
        )

        valid_loss, valid_acc = eval_net(args, model, validloader, criterion)
        SERIES.add("valid set/average loss", None, epoch, valid_loss)
        SERIES.add("valid set/accuracy", None, epoch, 100.0 * valid_acc)
        vbar.set_description(
            "valid set - average loss: {:.4f}, accuracy: {:.0f}%".format(
                valid_loss, 100.0 * valid_acc
            )
        )

        lrbar.set_description(
            "Learning eps with learn_eps={}: {}".format(
                args.learn_eps, [layer.eps.data.item() for layer in model.ginlayers]
            )
        )

    tbar.close()
    vbar.close()
    lrbar.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="GIN")
    parser.add_argument("--dataset", type=str, default="MUTAG")
    parser.add_argument("--batch_size", type=int, default=32)
    parser.add_argument("--fold_idx", type=int, default=0)
    parser.add_argument("--filename", type=str, default="")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=350)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--num_layers", type=int, default=5)
    parser.add_argument("--num_mlp_layers", type=int, default=2)
    parser.add_argument("--hidden_dim", type=int, default=64)
    parser.add_argument("--final_dropout", type=float, default=0.5)
    parser.add_argument("--graph_pooling_type", type=str, default="sum")
    parser.add_argument("--neighbor_pooling_type", type=str, default="sum")
    parser.add_argument("--learn_eps", action="store_true")
    args = parser.parse_args()
    print("show all arguments configuration...")
    print(args)
    main(args)
    _truth.write(
        library=f"hand-written loop: DGL's GIN example's bars (layers: torch-geometric "
        f"{torch_geometric.__version__}, torch {torch.__version__})",
        script="tests/corpus/scripts/dgl_gin_bars.py",
        record="the values eval_net returned and the loop handed to tbar/vbar.set_description, "
        "dumped at full precision (accuracy in percent, as printed)",
        step_kind="epoch",
        series=SERIES,
        extra_ok=[],
        notes="DGL's examples/pytorch/gin/main.py bars: 'show all arguments configuration...' and "
        "a Namespace, then four tqdm bars on stdout at positions 2 to 5 (tqdm moves between them "
        "with '\\n' and ESC[A; in a pipe too): the batch bar 'epoch-0: 100%|██████████| 8/8 "
        "[00:00<00:00, 60.00batch/s]' (epochs from 0, recreated every epoch), and three epoch bars "
        "with ncols=0 (no bar drawn: 'train set - average loss: 0.6406, accuracy: 66%: 7%| 1/15 "
        "[00:00<00:05, 2.50epoch/s]'). The train and valid descriptions hold the metrics: "
        "'average loss' and 'accuracy' (a whole percent, rounded with {:.0f}; recorded in percent "
        "at full precision) of the train set and the validation set, named here 'train "
        "set/average loss', 'valid set/accuracy', etc. The third bar's description 'Learning eps "
        "with learn_eps=False: [0.0, 0.0, 0.0, 0.0]' holds GIN's eps (fixed parameters, no "
        "metric). A description is drawn when set, so the values of epoch e appear on the bar "
        "lines whose counter reads e (set before the bar advances) and again on the next "
        "states until replaced; percentages, counts, it/s and times of the bars are no metrics.",
    )
