"""A Hydra app run as a multirun sweep (`-m lr=0.02,0.1,0.5`), with Hydra's basic launcher
(jobs one after another in the same process) or the joblib launcher plugin
(`hydra/launcher=joblib`: jobs in parallel loky worker processes).  The app is written as
Hydra's docs write one: a structured config in the ConfigStore, `@hydra.main`, the config dumped
with OmegaConf.to_yaml, per-epoch metrics through the module logger (Hydra's default job logging,
`[%(asctime)s][%(name)s][%(levelname)s] - %(message)s`).  With `tag_job=true` every message of a
job starts with '[job N] ' (N = hydra.job.num), what one adds when parallel jobs share a console.

Each job writes its record (full-precision values, as printed) into its output folder; after the
sweep the parent process (where @hydra.main returns) joins them into the truth.

Versions: hydra-core 1.3.8, omegaconf 2.3.1, hydra-joblib-launcher 1.2.0, joblib 1.6.0,
torch 2.13.0+cpu, Python 3.11 (venv /work/venvs/corpus-zAP-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_hydra_multirun_basic -- python tests/corpus/scripts/hydra_multirun.py -m lr=0.02,0.1,0.5 hydra.sweep.dir=/tmp/corpus-zAP/hydra-basic
    python tests/corpus/scripts/capture.py pipe real_hydra_multirun_joblib -- python tests/corpus/scripts/hydra_multirun.py -m hydra/launcher=joblib hydra.launcher.n_jobs=2 tag_job=true lr=0.02,0.1,0.5 hydra.sweep.dir=/tmp/corpus-zAP/hydra-joblib
Hydra's default logging draws no colour: no pty twin.
"""

from __future__ import annotations

import glob
import json
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth

log = logging.getLogger(__name__)


@dataclass
class TrainConfig:
    lr: float = 0.1
    epochs: int = 5
    batch_size: int = 64
    hidden: int = 32
    n_train: int = 8192
    n_val: int = 256
    seed: int = 0
    tag_job: bool = False


cs = ConfigStore.instance()
cs.store(name="config", node=TrainConfig)


def make_data(n: int, g: torch.Generator):
    w = torch.randn(16, 3, generator=torch.Generator().manual_seed(7))
    x = torch.randn(n, 16, generator=g)
    y = (x @ w + 1.2 * torch.randn(n, 3, generator=g)).argmax(1)
    return x, y


@hydra.main(version_base=None, config_name="config")
def main(cfg: TrainConfig) -> float:
    hc = HydraConfig.get()
    tag = f"[job {hc.job.num}] " if cfg.tag_job else ""
    prefix = f"job {hc.job.num}/" if cfg.tag_job else ""
    record = []
    log.info(f"{tag}Config:\n{OmegaConf.to_yaml(cfg)}")
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(cfg.seed)
    xt, yt = make_data(cfg.n_train, g)
    xv, yv = make_data(cfg.n_val, g)
    model = nn.Sequential(nn.Linear(16, cfg.hidden), nn.ReLU(), nn.Linear(cfg.hidden, 3))
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr, momentum=0.9)
    log.info(f"{tag}Training on {len(xt)} samples, validating on {len(xv)}")
    for epoch in range(1, cfg.epochs + 1):
        model.train()
        order = torch.randperm(len(xt), generator=g)
        tot_loss = 0.0
        for k in range(0, len(xt), cfg.batch_size):
            idx = order[k : k + cfg.batch_size]
            loss = F.cross_entropy(model(xt[idx]), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot_loss += loss.item() * len(idx)
        train_loss = tot_loss / len(xt)
        with torch.no_grad():
            out = model(xv)
            val_loss = F.cross_entropy(out, yv).item()
            val_acc = (out.argmax(1) == yv).float().mean().item()
        log.info(
            f"{tag}Epoch {epoch}/{cfg.epochs}: train_loss={train_loss:.4f} "
            f"val_loss={val_loss:.4f} val_acc={val_acc:.4f}"
        )
        for name, v in (("train_loss", train_loss), ("val_loss", val_loss), ("val_acc", val_acc)):
            record.append((prefix + name, None, epoch, v))
    log.info(f"{tag}Done: final val_acc={val_acc:.4f}")
    record.append((prefix + "final val_acc", None, cfg.epochs, val_acc))
    with open(os.path.join(hc.runtime.output_dir, "record.json"), "w") as fh:
        json.dump({"num": hc.job.num, "record": record}, fh)
    return val_acc


def write_truth(sweep_dir: str, joblib: bool) -> None:
    jobs = []
    for path in glob.glob(os.path.join(sweep_dir, "*", "record.json")):
        with open(path) as fh:
            jobs.append(json.load(fh))
    series = _truth.Series()
    for job in sorted(jobs, key=lambda j: j["num"]):
        for name, step, epoch, value in job["record"]:
            series.add(name, step, epoch, value)
    common = (
        "Hydra multirun (-m) sweeping lr over 0.02, 0.1, 0.5 (3 jobs, 5 epochs each, seed 0). "
        "Hydra's own lines: '[2026-12-07 15:55:01,123][HYDRA] Launching 3 jobs locally' (basic) "
        "or '[…][HYDRA] Joblib.Parallel(n_jobs=2,backend=loky,prefer=processes,require=None,"
        "verbose=0,timeout=None,pre_dispatch=2*n_jobs,batch_size=auto,temp_folder=None,"
        "max_nbytes=None,mmap_mode=r) is launching 3 jobs' (joblib: settings), then '[…][HYDRA] "
        "\\t#0 : lr=0.02' per job (the job number and its overrides: hyper-parameters, no "
        "metric). Each job logs through Hydra's job logging '[2026-12-07 15:55:01,456][__main__]"
        "[INFO] - message' (timestamp, logger, level): 'Config:' and the YAML dump ('lr: 0.02', "
        "'epochs: 5', 'batch_size: 64', 'hidden: 32', 'n_train: 8192', 'n_val: 256', 'seed: 0', "
        "'tag_job: false': hyper-parameters), 'Training on 8192 samples, validating on 256' "
        "(counts), per epoch 'Epoch 1/5: train_loss=0.9876 val_loss=0.8765 val_acc=0.6543' "
        "(epoch 1-based as printed, the '/5' is the epoch count; train_loss the epoch's "
        "sample-weighted mean) and 'Done: final val_acc=0.7012' (series 'final val_acc' at the "
        "last epoch). "
    )
    if joblib:
        notes = common + (
            "With the joblib launcher (n_jobs=2) the jobs run in two loky worker processes at "
            "once and their lines interleave; tag_job=true puts '[job N] ' (hydra.job.num) at "
            "the start of every message of job N: series are per job, 'job 0/train_loss', "
            "'job 1/val_acc', … (the tag the lines print), each job's epochs restarting at 1. "
            "The order of the jobs' lines depends on timing; each series is in its job's order."
        )
    else:
        notes = common + (
            "With the basic launcher the jobs run one after another in the same process; no "
            "line of a job names it (only Hydra's '#1 : lr=0.1' line before it). As in other "
            "sequential multi-run entries, the series are the printed names, each holding the "
            "three jobs' values in print order, the epoch restarting at 1 with every job."
        )
    _truth.write(
        library=f"hydra-core {hydra.__version__} (omegaconf 2.3.1"
        + (", hydra-joblib-launcher 1.2.0, joblib 1.6.0" if joblib else "")
        + f"), torch {torch.__version__} loop",
        script="tests/corpus/scripts/hydra_multirun.py",
        record="each job's own record of the values it logged (record.json in its output "
        "folder), joined after the sweep",
        step_kind="epoch",
        series=series,
        notes=notes,
    )


if __name__ == "__main__":
    main()
    sweep = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("hydra.sweep.dir=")), None)
    if sweep:
        write_truth(sweep, joblib=any(a == "hydra/launcher=joblib" for a in sys.argv))
