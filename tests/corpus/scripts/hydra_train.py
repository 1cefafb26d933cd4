"""A Hydra-configured training script, as Hydra's docs and templates write one: a structured
config in the ConfigStore, `@hydra.main`, the config dumped with OmegaConf.to_yaml through the
module logger, and per-epoch metrics through `log.info` (Hydra's default job logging:
`[%(asctime)s][%(name)s][%(levelname)s] - %(message)s` to stdout and to the run's .log file).

Versions: hydra-core 1.3.8, omegaconf 2.3.1, torch 2.13.0+cpu, Python 3.11
(venv /work/venvs/corpus-t-1: `pip install torch==2.13.0` then `pip install hydra-core`).
Capture (repository root; `hydra.run.dir` keeps Hydra's outputs/ folder under /tmp):
    python tests/corpus/scripts/capture.py pipe real_hydra_train -- python tests/corpus/scripts/hydra_train.py hydra.run.dir=/tmp/corpus-t/hydra-run
Hydra's default logging draws no colour (no colorlog plugin), so there is no pty twin.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass

import hydra
import torch
import torch.nn.functional as F
from hydra.core.config_store import ConfigStore
from hydra.core.hydra_config import HydraConfig
from omegaconf import OmegaConf
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

log = logging.getLogger(__name__)


@dataclass
class TrainConfig:
    lr: float = 0.05
    epochs: int = 6
    batch_size: int = 64
    hidden: int = 32
    n_train: int = 1536
    n_val: int = 512
    seed: int = 42


cs = ConfigStore.instance()
cs.store(name="config", node=TrainConfig)


def make_data(n: int, g: torch.Generator):
    w = torch.randn(16, 3, generator=torch.Generator().manual_seed(7))
    x = torch.randn(n, 16, generator=g)
    y = (x @ w + 1.2 * torch.randn(n, 3, generator=g)).argmax(1)
    return x, y


@hydra.main(version_base=None, config_name="config")
def main(cfg: TrainConfig) -> float:
    rec = Record()
    log.info(f"Config:\n{OmegaConf.to_yaml(cfg)}")
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(cfg.seed)
    xt, yt = make_data(cfg.n_train, g)
    xv, yv = make_data(cfg.n_val, g)
    model = nn.Sequential(nn.Linear(16, cfg.hidden), nn.ReLU(), nn.Linear(cfg.hidden, 3))
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr, momentum=0.9)
    log.info(f"Training on {len(xt)} samples, validating on {len(xv)}")
    best_acc, best_epoch = 0.0, 0
    for epoch in range(1, cfg.epochs + 1):
        model.train()
        order = torch.randperm(len(xt), generator=g)
        tot_loss, tot_correct = 0.0, 0
        for k in range(0, len(xt), cfg.batch_size):
            idx = order[k : k + cfg.batch_size]
            out = model(xt[idx])
            loss = F.cross_entropy(out, yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot_loss += loss.item() * len(idx)
            tot_correct += (out.argmax(1) == yt[idx]).sum().item()
        train_loss, train_acc = tot_loss / len(xt), tot_correct / len(xt)
        model.eval()
        with torch.no_grad():
            out = model(xv)
            val_loss = F.cross_entropy(out, yv).item()
            val_acc = (out.argmax(1) == yv).float().mean().item()
        for name, v in (
            ("loss", train_loss),
            ("acc", train_acc),
            ("val_loss", val_loss),
            ("val_acc", val_acc),
        ):
            rec(name, None, epoch, v)
        log.info(
            f"Epoch {epoch}: loss={train_loss:.4f} acc={train_acc:.4f} "
            f"val_loss={val_loss:.4f} val_acc={val_acc:.4f}"
        )
        if val_acc > best_acc:
            best_acc, best_epoch = val_acc, epoch
            path = os.path.join(HydraConfig.get().runtime.output_dir, "best.pt")
            torch.save(model.state_dict(), path)
            log.info(f"Saved new best model to {path}")
    rec("best val_acc", None, best_epoch, best_acc)
    log.info(f"Best val_acc={best_acc:.4f} at epoch {best_epoch}")
    _truth.write(
        library="hydra-core 1.3.8 (omegaconf 2.3.1), torch 2.13.0+cpu loop",
        script="tests/corpus/scripts/hydra_train.py",
        record="the values the script logged, kept by the script itself at full precision",
        step_kind="epoch",
        series=rec.series,
        notes=(
            "A Hydra app (@hydra.main, structured config from the ConfigStore) logging through "
            "the module logger with Hydra's default job logging, every line '[2026-12-07 "
            "02:01:26,123][__main__][INFO] - message' (timestamp with milliseconds, logger name, "
            "level: no metric). First 'Config:' and the OmegaConf YAML dump on the following "
            "lines ('lr: 0.05', 'epochs: 6', 'batch_size: 64', 'hidden: 32', 'n_train: 1536', "
            "'n_val: 512', 'seed: 42': hyper-parameters, not metrics), 'Training on 1536 "
            "samples, validating on 512' (counts), then per epoch 'Epoch 1: loss=0.9876 "
            "acc=0.5432 val_loss=0.8765 val_acc=0.6543' (train loss/accuracy are the epoch's "
            "sample-weighted means; accuracies are fractions), 'Saved new best model to "
            "/tmp/.../best.pt' when val_acc improves, and at the end 'Best val_acc=0.7012 at "
            "epoch 4' (series 'best val_acc' at that epoch). The script counts epochs only "
            "(step_kind epoch; step null); the truth's epoch is the printed one (1-based)."
        ),
    )
    return best_acc


if __name__ == "__main__":
    main()
