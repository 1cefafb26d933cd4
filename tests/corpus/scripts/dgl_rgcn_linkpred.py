"""DGL's R-GCN link-prediction example (examples/pytorch/rgcn/link_predict.py + utils.calc_mrr,
DGL 0.4-0.7) on synthetic triples, its loop and prints copied:

    start training...
    Epoch 0001 | Loss 0.6931 | Best MRR 0.0000 | Forward 0.0123s | Backward 0.0234s
    ...
    start eval
    MRR (raw): 0.123456
    Hits (raw) @ 1: 0.050000
    Hits (raw) @ 3: 0.120000
    Hits (raw) @ 10: 0.300000
    ...
    training done
    Mean forward time: 0.012345s
    Mean Backward time: 0.023456s

    start testing:
    Using best epoch: 40
    MRR (raw): ...
    Hits (raw) @ 1: ... (and @ 3, @ 10)

DGL itself does not import beside torch 2.13 (README-torch.md), so the encoder is PyG's RGCNConv
(basis decomposition) over the training graph and the decoder DistMult, as in the example.
Data: 200 entities, 5 relations whose tails follow a rule per relation with 10% noise; 2000
training, 100 validation and 100 test triples. --n-epochs (the example: 6000) and
--evaluate-every (the example: 500).

Truth: the values the loop computed and printed (loss.item(), best_mrr, calc_mrr's MRR and Hits@k),
at full precision.

Versions: torch-geometric 2.8.1, numpy 2.4.6, torch 2.13.0+cpu, Python 3.11. A few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zS-1):
    python tests/corpus/scripts/capture.py pipe real_hand_dgl_rgcn_linkpred -- python tests/corpus/scripts/dgl_rgcn_linkpred.py --n-epochs 60 --evaluate-every 20
"""

# ruff: noqa: UP032  (the example's format calls are kept as they are)

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
from torch_geometric.nn import RGCNConv

sys.path.insert(0, os.path.dirname(__file__))

import _truth

SERIES = _truth.Series()
CURRENT = {"epoch": None}


def sort_and_rank(score, target):
    _, indices = torch.sort(score, dim=1, descending=True)
    indices = torch.nonzero(indices == target.view(-1, 1), as_tuple=False)
    indices = indices[:, 1].view(-1)
    return indices


def perturb_and_get_rank(embedding, w, a, r, b, test_size, batch_size=100):
    """Perturb one element in the triplets (utils.py)."""
    n_batch = (test_size + batch_size - 1) // batch_size
    ranks = []
    for idx in range(n_batch):
        batch_start = idx * batch_size
        batch_end = min(test_size, (idx + 1) * batch_size)
        batch_a = a[batch_start:batch_end]
        batch_r = r[batch_start:batch_end]
        emb_ar = embedding[batch_a] * w[batch_r]
        emb_ar = emb_ar.transpose(0, 1).unsqueeze(2)  # size: D x E x 1
        emb_c = embedding.transpose(0, 1).unsqueeze(1)  # size: D x 1 x V
        # out-prod and reduce sum
        out_prod = torch.bmm(emb_ar, emb_c)  # size D x E x V
        score = torch.sum(out_prod, dim=0)  # size E x V
        score = torch.sigmoid(score)
        target = b[batch_start:batch_end]
        ranks.append(sort_and_rank(score, target))
    return torch.cat(ranks)


# return MRR (raw), and Hits @ (1, 3, 10)
def calc_mrr(embedding, w, test_triplets, hits=[], eval_bz=100):  # noqa: B006
    with torch.no_grad():
        s = test_triplets[:, 0]
        r = test_triplets[:, 1]
        o = test_triplets[:, 2]
        test_size = test_triplets.shape[0]

        # perturb subject
        ranks_s = perturb_and_get_rank(embedding, w, o, r, s, test_size, eval_bz)
        # perturb object
        ranks_o = perturb_and_get_rank(embedding, w, s, r, o, test_size, eval_bz)

        ranks = torch.cat([ranks_s, ranks_o])
        ranks += 1  # change to 1-indexed

        mrr = torch.mean(1.0 / ranks.float())
        SERIES.add("MRR (raw)", None, CURRENT["epoch"], mrr.item())
        print("MRR (raw): {:.6f}".format(mrr.item()))

        for hit in hits:
            avg_count = torch.mean((ranks <= hit).float())
            SERIES.add(f"Hits (raw) @ {hit}", None, CURRENT["epoch"], avg_count.item())
            print("Hits (raw) @ {}: {:.6f}".format(hit, avg_count.item()))
    return mrr.item()


class LinkPredict(nn.Module):
    def __init__(self, num_nodes, h_dim, num_rels, num_bases, dropout=0.2, reg_param=0.01):
        super().__init__()
        self.emb = nn.Embedding(num_nodes, h_dim)
        self.conv1 = RGCNConv(h_dim, h_dim, num_rels * 2, num_bases=num_bases)
        self.conv2 = RGCNConv(h_dim, h_dim, num_rels * 2, num_bases=num_bases)
        self.dropout = nn.Dropout(dropout)
        self.reg_param = reg_param
        self.w_relation = nn.Parameter(torch.Tensor(num_rels, h_dim))
        nn.init.xavier_uniform_(self.w_relation, gain=nn.init.calculate_gain("relu"))

    def calc_score(self, embedding, triplets):
        # DistMult
        s = embedding[triplets[:, 0]]
        r = self.w_relation[triplets[:, 1]]
        o = embedding[triplets[:, 2]]
        return torch.sum(s * r * o, dim=1)

    def forward(self, edge_index, edge_type):
        h = self.emb.weight
        h = self.dropout(F.relu(self.conv1(h, edge_index, edge_type)))
        return self.conv2(h, edge_index, edge_type)

    def regularization_loss(self, embedding):
        return torch.mean(embedding.pow(2)) + torch.mean(self.w_relation.pow(2))

    def get_loss(self, embed, triplets, labels):
        score = self.calc_score(embed, triplets)
        predict_loss = F.binary_cross_entropy_with_logits(score, labels)
        reg_loss = self.regularization_loss(embed)
        return predict_loss + self.reg_param * reg_loss


def make_triplets(n, n_ent, n_rel, gen):
    s = torch.randint(0, n_ent, (n,), generator=gen)
    r = torch.randint(0, n_rel, (n,), generator=gen)
    o = (s + 11 * (r + 1)) % n_ent
    noise = torch.rand(n, generator=gen) < 0.1
    o[noise] = torch.randint(0, n_ent, (int(noise.sum()),), generator=gen)
    return torch.stack([s, r, o], dim=1)


def negative_sampling(pos, num_entity, negative_rate, gen):
    size = len(pos)
    neg = pos.repeat(negative_rate, 1)
    values = torch.randint(0, num_entity, (size * negative_rate,), generator=gen)
    choices = torch.rand(size * negative_rate, generator=gen) > 0.5
    neg[choices, 0] = values[choices]
    neg[~choices, 2] = values[~choices]
    samples = torch.cat([pos, neg])
    labels = torch.zeros(len(samples))
    labels[:size] = 1
    return samples, labels


def main(args):
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    num_nodes, num_rels = 200, 5
    train_data = make_triplets(2000, num_nodes, num_rels, gen)
    valid_data = make_triplets(100, num_nodes, num_rels, gen)
    test_data = make_triplets(100, num_nodes, num_rels, gen)
    # the graph: both directions, inverse relations numbered after the forward ones
    s, r, o = train_data.t()
    edge_index = torch.cat([torch.stack([s, o]), torch.stack([o, s])], dim=1)
    edge_type = torch.cat([r, r + num_rels])

    model = LinkPredict(
        num_nodes, args.n_hidden, num_rels, args.n_bases, args.dropout, args.regularization
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    model_state_file = os.path.join(tempfile.mkdtemp(), "model_state.pth")
    forward_time = []
    backward_time = []

    # training loop
    print("start training...")

    epoch = 0
    best_mrr = 0
    while True:
        model.train()
        epoch += 1
        idx = torch.randperm(len(train_data), generator=gen)[: args.graph_batch_size]
        data, labels = negative_sampling(train_data[idx], num_nodes, args.negative_sample, gen)

        t0 = time.time()
        embed = model(edge_index, edge_type)
        loss = model.get_loss(embed, data, labels)
        t1 = time.time()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_norm)  # clip gradients
        optimizer.step()
        t2 = time.time()

        forward_time.append(t1 - t0)
        backward_time.append(t2 - t1)
        SERIES.add("Loss", None, epoch, loss.item())
        SERIES.add("Best MRR", None, epoch, best_mrr)
        print(
            "Epoch {:04d} | Loss {:.4f} | Best MRR {:.4f} | Forward {:.4f}s | Backward {:.4f}s".format(
                epoch, loss.item(), best_mrr, forward_time[-1], backward_time[-1]
            )
        )

        optimizer.zero_grad()

        # validation
        if epoch % args.evaluate_every == 0:
            model.eval()
            print("start eval")
            CURRENT["epoch"] = epoch
            embed = model(edge_index, edge_type)
            mrr = calc_mrr(
                embed, model.w_relation, valid_data, hits=[1, 3, 10], eval_bz=args.eval_batch_size
            )
            # save best model
            if mrr < best_mrr:
                if epoch >= args.n_epochs:
                    break
            else:
                best_mrr = mrr
                torch.save({"state_dict": model.state_dict(), "epoch": epoch}, model_state_file)

    print("training done")
    print("Mean forward time: {:4f}s".format(np.mean(forward_time)))
    print("Mean Backward time: {:4f}s".format(np.mean(backward_time)))

    print("\nstart testing:")
    # use best model checkpoint
    checkpoint = torch.load(model_state_file)
    model.eval()
    model.load_state_dict(checkpoint["state_dict"])
    print("Using best epoch: {}".format(checkpoint["epoch"]))
    CURRENT["epoch"] = None
    embed = model(edge_index, edge_type)
    calc_mrr(embed, model.w_relation, test_data, hits=[1, 3, 10], eval_bz=args.eval_batch_size)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="RGCN")
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--n-hidden", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--n-bases", type=int, default=4)
    parser.add_argument("--n-epochs", type=int, default=6000)
    parser.add_argument("--eval-batch-size", type=int, default=100)
    parser.add_argument("--regularization", type=float, default=0.01)
    parser.add_argument("--grad-norm", type=float, default=1.0)
    parser.add_argument("--graph-batch-size", type=int, default=1000)
    parser.add_argument("--negative-sample", type=int, default=10)
    parser.add_argument("--evaluate-every", type=int, default=500)
    args = parser.parse_args()
    print(args)
    main(args)
    _truth.write(
        library=f"hand-written loop: DGL's R-GCN link-prediction example (layers: torch-geometric "
        f"{torch_geometric.__version__} RGCNConv, torch {torch.__version__})",
        script="tests/corpus/scripts/dgl_rgcn_linkpred.py",
        record="the values the loop computed and printed: loss.item(), best_mrr, calc_mrr's MRR and "
        "Hits@k, dumped at full precision",
        step_kind="epoch",
        series=SERIES,
        extra_ok=[
            "Forward / Backward (seconds per pass)",
            "Mean forward time / Mean Backward time (seconds)",
        ],
        notes="DGL examples/pytorch/rgcn/link_predict.py (0.4-0.7): print(args) (a Namespace), 'start "
        "training...', one line per epoch 'Epoch 0001 | Loss 0.6931 | Best MRR 0.0000 | Forward "
        "0.0123s | Backward 0.0234s' (epochs from 1; Best MRR is the best validation MRR so far, 0 "
        "until the first evaluation; Forward/Backward are timings), every evaluate_every epochs "
        "'start eval' and calc_mrr's block 'MRR (raw): 0.123456', 'Hits (raw) @ 1: 0.050000', "
        "'Hits (raw) @ 3: …', 'Hits (raw) @ 10: …' (the number after '@' is k, part of the name; "
        "recorded at the epoch of the evaluation). The loop breaks, as the example does, at an "
        "evaluation past n_epochs whose MRR is below the best. Then 'training done', 'Mean forward "
        "time: 0.012345s', 'Mean Backward time: …', a blank line, 'start testing:', 'Using best "
        "epoch: 40' (an epoch number, no metric) and the same MRR / Hits block for the test triples "
        "(no epoch).",
    )
