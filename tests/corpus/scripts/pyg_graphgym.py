"""PyG GraphGym (torch_geometric.graphgym): the repository's graphgym/main.py run on a synthetic graph.

GraphGym's own logger prints through the logging module ('%(message)s' to stdout) one dict per split
and epoch, and writes the same dict as a JSON line to <run_dir>/<split>/stats.json:

    val: {'epoch': 0, 'loss': 1.3863, 'lr': 0.01, 'params': 22661, 'time_iter': 0.0123, 'accuracy': 0.25}
    train: {'epoch': 0, 'eta': 1.2345, 'loss': 1.3863, 'lr': 0.01, 'params': 22661, 'time_iter': 0.05, 'accuracy': 0.25}
    test: {'epoch': 20, 'loss': 0.9, 'lr': 0.001, 'params': 22661, 'time_iter': 0.01, 'accuracy': 0.7}

before that logging.info(model) (the module tree), logging.info(cfg) (the whole yacs config) and
'Num parameters: 22661'; training runs under PyTorch Lightning (its Trainer banner, model summary
and progress bar); at the end agg_runs() prints the best epoch (a bare number) and the stats dict
of each split at that epoch, then 'Results aggregated across runs saved in ...'.

The dataset is registered with GraphGym's register_loader (a 4-block stochastic block model, 400
nodes, with train/val/test masks), so nothing is downloaded. Config: graphgym/configs/pyg/
example_node.yaml (GeneralConv, 2 message-passing layers) with dim_inner 32 and 20 epochs.

Truth: the stats.json files GraphGym wrote (its own record; the values are rounded to cfg.round=4
digits there as in the printed dicts). Of each dict only loss and accuracy are metrics; lr is the
schedule's value (a series too: it is logged and it changes under the cos scheduler), eta and
time_iter are timings (extra_ok), epoch and params are not metrics.

Versions: torch-geometric 2.8.1, pytorch-lightning 2.6.6, yacs 0.1.8, scikit-learn 1.9.1, torch
2.13.0+cpu, Python 3.11. A few s of CPU. Capture (repository root, venv /work/venvs/corpus-zS-1):
    python tests/corpus/scripts/capture.py pipe real_pyg_graphgym -- python tests/corpus/scripts/pyg_graphgym.py
    python tests/corpus/scripts/capture.py pty real_pyg_graphgym_pty -- python tests/corpus/scripts/pyg_graphgym.py
    python tests/corpus/scripts/capture.py pipe real_pyg_graphgym_binary_repeat -- python tests/corpus/scripts/pyg_graphgym.py --binary --repeat 2
"""

import json
import logging
import os
import shutil
import sys

import torch
import torch.nn.functional as F
import torch_geometric
from torch_geometric import seed_everything
from torch_geometric.data import Data, InMemoryDataset
from torch_geometric.graphgym.cmd_args import parse_args
from torch_geometric.graphgym.config import cfg, dump_cfg, load_cfg, set_out_dir, set_run_dir
from torch_geometric.graphgym.logger import set_printing
from torch_geometric.graphgym.model_builder import create_model
from torch_geometric.graphgym.register import register_loader
from torch_geometric.graphgym.train import GraphGymDataModule, train
from torch_geometric.graphgym.utils.agg_runs import agg_runs
from torch_geometric.graphgym.utils.comp_budget import params_count
from torch_geometric.graphgym.utils.device import auto_select_device
from torch_geometric.utils import stochastic_blockmodel_graph

sys.path.insert(0, os.path.dirname(__file__))

import _truth

WORK = "/tmp/corpus-zS/graphgym"
BINARY = "--binary" in sys.argv
CONFIG = """out_dir: {out}
dataset:
  format: synthetic
  name: sbm
  task: node
  task_type: classification
  transductive: true
  split: [0.8, 0.2]
  transform: none
train:
  batch_size: 32
  eval_period: 20
  ckpt_period: 100
  sampler: full_batch
model:
  type: gnn
  loss_fun: cross_entropy
  edge_decoding: dot
  graph_pooling: add
gnn:
  layers_pre_mp: 1
  layers_mp: 2
  layers_post_mp: 1
  dim_inner: 32
  layer_type: generalconv
  stage_type: stack
  batchnorm: true
  act: prelu
  dropout: 0.0
  agg: add
  normalize_adj: false
optim:
  optimizer: adam
  base_lr: 0.01
  max_epoch: 20
"""


class SBM(InMemoryDataset):
    def __init__(self):
        super().__init__(None)
        g = torch.Generator().manual_seed(0)
        rng_state = torch.get_rng_state()  # the graph is fixed; the run's seed stays in force after
        torch.manual_seed(0)
        blocks, n_per = 4, 100
        n = blocks * n_per
        edge_index = stochastic_blockmodel_graph(
            [n_per] * blocks,
            [[0.05 if i == j else 0.01 for j in range(blocks)] for i in range(blocks)],
        )
        y = torch.arange(blocks).repeat_interleave(n_per)
        if BINARY:  # two classes: blocks 0 and 2 against 1 and 3
            y_out = y % 2
        else:
            y_out = y
        x = F.pad(F.one_hot(y, blocks).float() * 0.5, (0, 12)) + torch.randn(n, 16, generator=g)
        perm = torch.randperm(n, generator=g)
        masks = [torch.zeros(n, dtype=torch.bool) for _ in range(3)]
        masks[0][perm[:200]] = True
        masks[1][perm[200:300]] = True
        masks[2][perm[300:]] = True
        data = Data(
            x=x,
            y=y_out,
            edge_index=edge_index,
            train_mask=masks[0],
            val_mask=masks[1],
            test_mask=masks[2],
        )
        self.data, self.slices = self.collate([data])
        torch.set_rng_state(rng_state)


@register_loader("synthetic_sbm")
def load_sbm(format, name, dataset_dir):
    if format == "synthetic" and name == "sbm":
        return SBM()
    return None


def main():
    repeat = sys.argv[sys.argv.index("--repeat") + 1] if "--repeat" in sys.argv else "1"
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    cfg_file = os.path.join(WORK, "example_node.yaml")
    with open(cfg_file, "w") as fh:
        fh.write(CONFIG.format(out=os.path.join(WORK, "results")))
    sys.argv = [sys.argv[0], "--cfg", cfg_file, "--repeat", repeat]
    # graphgym/main.py
    args = parse_args()
    load_cfg(cfg, args)
    set_out_dir(cfg.out_dir, args.cfg_file)
    torch.set_num_threads(cfg.num_threads)
    dump_cfg(cfg)
    run_dirs = []
    for _ in range(args.repeat):
        set_run_dir(cfg.out_dir)
        run_dirs.append(cfg.run_dir)
        set_printing()
        cfg.seed = cfg.seed + 1
        seed_everything(cfg.seed)
        auto_select_device()
        datamodule = GraphGymDataModule()
        model = create_model()
        cfg.params = params_count(model)
        logging.info(model)
        logging.info(cfg)
        logging.info("Num parameters: %s", cfg.params)
        train(model, datamodule, logger=True)
    agg_runs(cfg.out_dir, cfg.metric_best)

    series = _truth.Series()
    keys = (
        ("loss", "lr", "accuracy", "precision", "recall", "f1", "auc")
        if BINARY
        else ("loss", "lr", "accuracy")
    )
    for split in ("train", "val", "test"):
        for run_dir in run_dirs:  # seeds in run order; each split's dicts in print order
            with open(os.path.join(run_dir, split, "stats.json")) as fh:
                rows = [json.loads(line) for line in fh if line.strip()]
            for row in rows:
                for key in keys:
                    series.add(f"{split}/{key}", None, row["epoch"], row[key])
    variant = (
        f" Variant: --binary (two classes, so GraphGym's binary metrics accuracy, precision, recall, f1, "
        f"auc, all series) and --repeat {repeat} (seeds 1..{repeat}: everything from logging.info(model) "
        "to the test dict is printed once per seed; each series holds the seeds one after another, "
        "epochs restarting at 0; agg_runs then prints, per seed, the best epoch and the unlabeled "
        "dicts)."
        if BINARY or repeat != "1"
        else ""
    )
    _truth.write(
        library=f"torch-geometric {torch_geometric.__version__} GraphGym (torch {torch.__version__})",
        script="tests/corpus/scripts/pyg_graphgym.py",
        record="GraphGym's own <run_dir>/{train,val,test}/stats.json (one JSON line per printed dict)",
        step_kind="epoch",
        series=series,
        extra_ok=[
            "train eta (seconds left)",
            "train/val/test time_iter (seconds per iteration)",
        ],
        not_printed=[],
        notes="GraphGym prints (logging, '%(message)s', stdout) one dict per split and epoch: 'val: "
        "{'epoch': 0, 'loss': 1.3863, 'lr': 0.01, 'params': 22661, 'time_iter': 0.0123, 'accuracy': "
        "0.25}' and 'train: {'epoch': 0, 'eta': 1.2345, 'loss': …, 'lr': …, 'params': …, 'time_iter': "
        "…, 'accuracy': …}'; the truth names each value '<split>/<key>' (train/loss, val/accuracy, "
        "test/lr...). The first 'val:' dict (epoch 0) is Lightning's sanity-check validation, the "
        "second the validation after training epoch 0: both are in val/stats.json and both printed. "
        "One 'test:' dict at the end (after trainer.test; its epoch is 20, Lightning's current_epoch after fit). 'params' is the parameter count "
        "and 'epoch' the counter: no metrics; eta and time_iter are timings. Before training: "
        "logging.info(model) (the module tree), logging.info(cfg) (the whole yacs config: 'base_lr: "
        "0.01', 'max_epoch: 20', 'dim_inner: 32', ... nested by indentation, all configuration), "
        "'Num parameters: 22661', Lightning's banner, model summary table and progress bar (pipe: "
        "'\\r'-redrawn on stderr). At the end agg_runs() prints the best validation epoch as a bare "
        "number, e.g. '17', then print(stats_best) of each split at that epoch, a dict without a "
        "split label (\"{'epoch': 17, 'eta': 0.1, 'loss': 0.8, ...}\", order of os.listdir), which "
        "repeats values of the series above (left out of the truth: its values are those of "
        "train/... and val/... at that epoch, under bare names that mix the splits), and 'Results aggregated across runs saved in …'."
        + variant,
    )


if __name__ == "__main__":
    main()
