# pytorch-ignite supervised trainer on synthetic data, in the two shapes of ignite's own examples.
# pytorch-ignite 0.5.5, torch 2.13.0+cpu, tqdm 4.70.1.
#   --style bar:     ProgressBar(persist=True) with the batch loss in its postfix, and
#                    pbar.log_message("Validation Results - Epoch: 1  Avg accuracy: 0.81 Avg loss: 0.52")
#                    (examples/mnist/mnist_with_tqdm_logger.py)
#   --style logging: logging lines "Epoch[1] Iteration[10/40] Loss: 0.6931" every 10 iterations and
#                    "Training Results - Epoch: 1  Avg accuracy: 0.81 Avg loss: 0.52" (examples/mnist/mnist.py
#                    with ignite's setup_logger format)
# Truth: what the script's event handlers collect from engine.state.output / evaluator.state.metrics,
# dumped to --record at full precision.
# Captures (from the repo root):
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_ignite_bar.txt -- \
#       python tests/corpus/scripts/ignite_trainer.py --style bar --record /tmp/ig_bar.json
#   python tests/corpus/scripts/capture_torch.py pty tests/corpus/console/real_ignite_bar_pty.txt -- \
#       python tests/corpus/scripts/ignite_trainer.py --style bar --record /tmp/ig_bar_pty.json
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_ignite_logging.txt -- \
#       python tests/corpus/scripts/ignite_trainer.py --style logging --record /tmp/ig_log.json
import argparse
import json
import logging

import torch
from ignite.contrib.handlers import ProgressBar
from ignite.engine import Events, create_supervised_evaluator, create_supervised_trainer
from ignite.metrics import Accuracy, Loss
from ignite.utils import setup_logger
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def data(n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 10, generator=g)
    y = (x[:, :2].sum(1) > 0).long()
    return TensorDataset(x, y)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--style", choices=["bar", "logging"], required=True)
    p.add_argument("--record", required=True)
    a = p.parse_args()
    torch.manual_seed(0)
    train = DataLoader(data(640, 1), batch_size=16, shuffle=True)  # 40 iterations per epoch
    val = DataLoader(data(128, 2), batch_size=64)
    model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    crit = nn.CrossEntropyLoss()
    trainer = create_supervised_trainer(model, opt, crit)
    metrics = {"accuracy": Accuracy(), "nll": Loss(crit)}
    train_eval = create_supervised_evaluator(model, metrics=metrics)
    val_eval = create_supervised_evaluator(model, metrics=metrics)
    record = []  # {"name", "iteration", "epoch", "value"} in print order

    if a.style == "bar":
        pbar = ProgressBar(persist=True)
        pbar.attach(trainer, output_transform=lambda loss: {"batch_loss": loss})

        @trainer.on(Events.ITERATION_COMPLETED)
        def keep_loss(engine):
            record.append(
                {
                    "name": "batch_loss",
                    "iteration": engine.state.iteration,
                    "epoch": engine.state.epoch,
                    "value": engine.state.output,
                }
            )

        @trainer.on(Events.EPOCH_COMPLETED)
        def validate(engine):
            val_eval.run(val)
            m = val_eval.state.metrics
            e, it = engine.state.epoch, engine.state.iteration
            record.append(
                {
                    "name": "Validation Avg accuracy",
                    "iteration": it,
                    "epoch": e,
                    "value": m["accuracy"],
                }
            )
            record.append(
                {"name": "Validation Avg loss", "iteration": it, "epoch": e, "value": m["nll"]}
            )
            pbar.log_message(
                f"Validation Results - Epoch: {e}  Avg accuracy: {m['accuracy']:.2f} Avg loss: {m['nll']:.2f}"
            )
    else:
        trainer.logger = setup_logger("trainer")
        log = logging.getLogger("trainer")

        @trainer.on(Events.ITERATION_COMPLETED(every=10))
        def log_loss(engine):
            e, it = engine.state.epoch, engine.state.iteration
            per_epoch = len(train)
            record.append(
                {"name": "Loss", "iteration": it, "epoch": e, "value": engine.state.output}
            )
            log.info(
                f"Epoch[{e}] Iteration[{(it - 1) % per_epoch + 1}/{per_epoch}] Loss: {engine.state.output:.4f}"
            )

        @trainer.on(Events.EPOCH_COMPLETED)
        def results(engine):
            e, it = engine.state.epoch, engine.state.iteration
            for phase, ev, loader in (
                ("Training", train_eval, train),
                ("Validation", val_eval, val),
            ):
                ev.run(loader)
                m = ev.state.metrics
                record.append(
                    {
                        "name": f"{phase} Avg accuracy",
                        "iteration": it,
                        "epoch": e,
                        "value": m["accuracy"],
                    }
                )
                record.append(
                    {"name": f"{phase} Avg loss", "iteration": it, "epoch": e, "value": m["nll"]}
                )
                log.info(
                    f"{phase} Results - Epoch: {e}  Avg accuracy: {m['accuracy']:.4f} Avg loss: {m['nll']:.4f}"
                )

    trainer.run(train, max_epochs=3)
    with open(a.record, "w") as f:
        json.dump(record, f, indent=1)


if __name__ == "__main__":
    main()
