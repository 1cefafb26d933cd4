# DeepSpeed engine on the CPU (DS_ACCELERATOR=cpu, gloo), in the shape of DeepSpeedExamples'
# training/cifar/cifar10_deepspeed.py: DeepSpeed's own INFO log (config dump, `steps_per_print` lines: step, lr,
# mom), plus the script's classic `[1,     4] loss: 0.693` running-loss print.
# deepspeed 0.19.8, torch 2.13.0+cpu. Synthetic data, a small MLP, torch's SGD optimizer. The first run JIT-builds
# DeepSpeed's CPU shm comm op (C++, about 6 minutes here; no CUDA); capture after that build.
# Truth: the script's record of what it printed (running loss) and what the engine reported (engine.get_lr(),
# engine.global_steps), at full precision, --record.
# Capture (from the repo root):
#   DS_ACCELERATOR=cpu python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_deepspeed.txt -- \
#       python tests/corpus/scripts/deepspeed_cifar_style.py --record /tmp/ds.json
import argparse
import json
import os

os.environ.setdefault("DS_ACCELERATOR", "cpu")
for k, v in {
    "RANK": "0",
    "LOCAL_RANK": "0",
    "WORLD_SIZE": "1",
    "MASTER_ADDR": "127.0.0.1",
    "MASTER_PORT": "29517",
}.items():
    os.environ.setdefault(k, v)

import deepspeed  # noqa: E402
import torch  # noqa: E402
from deepspeed.utils.logging import set_log_level_from_string  # noqa: E402
from torch import nn  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--record", required=True)
    a = p.parse_args()
    # DeepSpeed's own logger is at WARNING by default; its step reports are INFO (the launcher's --log_level info)
    set_log_level_from_string("info")
    torch.manual_seed(0)
    deepspeed.init_distributed(dist_backend="gloo")
    g = torch.Generator().manual_seed(1)
    x = torch.randn(256, 32, generator=g)
    y = (x[:, :4].sum(1) > 0).long()
    ds = torch.utils.data.TensorDataset(x, y)
    model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    config = {
        "train_batch_size": 16,
        "steps_per_print": 4,
        "wall_clock_breakdown": False,
        "scheduler": {
            "type": "WarmupLR",
            "params": {"warmup_min_lr": 0, "warmup_max_lr": 0.05, "warmup_num_steps": 8},
        },
    }
    engine, _, loader, _ = deepspeed.initialize(
        model=model, optimizer=opt, training_data=ds, config=config
    )
    crit = nn.CrossEntropyLoss()
    # DeepSpeed reports step=0 (lr before the first step) at initialization: keep it too
    record = [
        {
            "name": "lr",
            "step": engine.global_steps,
            "epoch": None,
            "value": float(engine.get_lr()[0]),
        }
    ]
    for epoch in range(2):
        running = 0.0
        for i, (xb, yb) in enumerate(loader):
            loss = crit(engine(xb), yb)
            engine.backward(loss)
            engine.step()
            record.append(
                {
                    "name": "lr",
                    "step": engine.global_steps,
                    "epoch": epoch,
                    "value": engine.get_lr()[0],
                }
            )
            running += loss.item()
            if i % 4 == 3:
                print(f"[{epoch + 1}, {i + 1:5d}] loss: {running / 4:.3f}")
                record.append(
                    {
                        "name": "loss",
                        "step": engine.global_steps,
                        "epoch": epoch + 1,
                        "value": running / 4,
                    }
                )
                running = 0.0
    with open(a.record, "w") as f:
        json.dump(record, f, indent=1)


if __name__ == "__main__":
    main()
