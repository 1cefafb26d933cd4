"""Torch-Pruning's benchmark script (benchmarks/main.py --mode prune) on synthetic data: its logger
(engine/utils get_logger: a green '[12/07 17:53:39 cifar10-global-l1-cnn8]: ' prefix via termcolor),
the args dump, the pruned model's repr, 'Params: … => …', 'FLOPs: … => …', 'Acc: … => …',
'Val Loss: … => …', then fine-tuning with 'Epoch 0/4, Acc=…, Val Loss=…, lr=…' per epoch and
'Best Acc=…'. The benchmark's functions are copied (eval, train_model, progressive_pruning,
get_pruner for method l1, the prune branch of main); the model is a small CNN, the data synthetic
(--restore: a model the script trains first, silently, standing for the benchmark's pretrain run).

Versions: torch-pruning 1.6.1, torch 2.13.0 (CPU), termcolor 3.3.0, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAR-1):
    python tests/corpus/scripts/capture.py pipe real_torch_pruning_benchmark -- /work/venvs/corpus-zAR-1/bin/python tests/corpus/scripts/torch_pruning_benchmark.py --mode prune --model cnn8 --dataset cifar10 --method l1 --speed-up 2.0 --global-pruning --total-epochs 4 --lr-decay-milestones 2,3 --batch-size 64 --iterative-steps 40 --seed 0 --restore /tmp/corpus-zAR/cifar10_cnn8.pth
    python tests/corpus/scripts/capture.py pty real_torch_pruning_benchmark_pty -- (the same command)
Truth: the values the script logged, kept as it logs them (eval()'s acc and loss, the optimizer's
lr), full precision.
"""

# ruff: noqa: B007, UP031, UP032  (the tutorial's/example's code and prints are kept as they are)

import argparse
import logging
import os
import sys
from functools import partial
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch_pruning as tp
from termcolor import colored

parser = argparse.ArgumentParser()
parser.add_argument("--mode", type=str, required=True, choices=["pretrain", "prune", "test"])
parser.add_argument("--model", type=str, required=True)
parser.add_argument("--verbose", action="store_true", default=False)
parser.add_argument(
    "--dataset", type=str, default="cifar100", choices=["cifar10", "cifar100", "modelnet40"]
)
parser.add_argument("--batch-size", type=int, default=128)
parser.add_argument("--total-epochs", type=int, default=100)
parser.add_argument(
    "--lr-decay-milestones", default="60,80", type=str, help="milestones for learning rate decay"
)
parser.add_argument("--lr-decay-gamma", default=0.1, type=float)
parser.add_argument("--lr", default=0.01, type=float, help="learning rate")
parser.add_argument("--restore", type=str, default=None)
parser.add_argument("--output-dir", default="/tmp/corpus-zAR/run", help="path where to save")
parser.add_argument("--method", type=str, default=None)
parser.add_argument("--speed-up", type=float, default=2)
parser.add_argument("--max-pruning-ratio", type=float, default=1.0)
parser.add_argument("--soft-keeping-ratio", type=float, default=0.0)
parser.add_argument("--reg", type=float, default=5e-4)
parser.add_argument("--weight-decay", type=float, default=5e-4)
parser.add_argument("--seed", type=int, default=None)
parser.add_argument("--global-pruning", action="store_true", default=False)
parser.add_argument("--iterative-steps", default=400, type=int)
args = parser.parse_args()

series = _truth.Series()
phase = {"name": "pretrain"}


class _ColorfulFormatter(logging.Formatter):
    def formatMessage(self, record):
        log = super().formatMessage(record)
        if record.levelno == logging.WARNING:
            prefix = colored("WARNING", "yellow", attrs=["blink"])
        elif record.levelno == logging.ERROR or record.levelno == logging.CRITICAL:
            prefix = colored("ERROR", "red", attrs=["blink", "underline"])
        else:
            return log
        return prefix + " " + log


def get_logger(name="train", output=None, color=True):
    logger = logging.getLogger(name)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    stdout_handler = logging.StreamHandler(stream=sys.stdout)
    stdout_handler.setLevel(logging.DEBUG)
    plain_formatter = logging.Formatter(
        "[%(asctime)s] %(name)s %(levelname)s: %(message)s", datefmt="%m/%d %H:%M:%S"
    )
    if color:
        formatter = _ColorfulFormatter(
            colored("[%(asctime)s %(name)s]: ", "green") + "%(message)s", datefmt="%m/%d %H:%M:%S"
        )
    else:
        formatter = plain_formatter
    stdout_handler.setFormatter(formatter)
    logger.addHandler(stdout_handler)
    if output is not None:
        os.makedirs(os.path.dirname(output), exist_ok=True)
        file_handler = logging.FileHandler(output)
        file_handler.setFormatter(plain_formatter)
        logger.addHandler(file_handler)
    return logger


def progressive_pruning(pruner, model, speed_up, example_inputs):
    model.eval()
    base_ops, _ = tp.utils.count_ops_and_params(model, example_inputs=example_inputs)
    current_speed_up = 1
    while current_speed_up < speed_up:
        pruner.step()
        pruned_ops, _ = tp.utils.count_ops_and_params(model, example_inputs=example_inputs)
        current_speed_up = float(base_ops) / pruned_ops
    return current_speed_up


def eval(model, test_loader, device=None):
    correct = 0
    total = 0
    loss = 0
    model.to(device)
    model.eval()
    with torch.no_grad():
        for i, (data, target) in enumerate(test_loader):
            data, target = data.to(device), target.to(device)
            out = model(data)
            loss += F.cross_entropy(out, target, reduction="sum")
            pred = out.max(1)[1]
            correct += (pred == target).sum()
            total += len(target)
    return (correct / total).item(), (loss / total).item()


def train_model(
    model,
    train_loader,
    test_loader,
    epochs,
    lr,
    lr_decay_milestones,
    lr_decay_gamma=0.1,
    save_as=None,
    weight_decay=5e-4,
    save_state_dict_only=True,
    regularizer=None,
    device=None,
):
    optimizer = torch.optim.SGD(
        model.parameters(),
        lr=lr,
        momentum=0.9,
        weight_decay=weight_decay if regularizer is None else 0.0,
    )
    milestones = [int(ms) for ms in lr_decay_milestones.split(",")]
    scheduler = torch.optim.lr_scheduler.MultiStepLR(
        optimizer, milestones=milestones, gamma=lr_decay_gamma
    )
    model.to(device)
    best_acc = -1
    for epoch in range(epochs):
        model.train()
        for i, (data, target) in enumerate(train_loader):
            data, target = data.to(device), target.to(device)
            optimizer.zero_grad()
            out = model(data)
            loss = F.cross_entropy(out, target)
            loss.backward()
            if regularizer is not None:
                regularizer(model)
            optimizer.step()
        model.eval()
        acc, val_loss = eval(model, test_loader, device=device)
        lr_now = optimizer.param_groups[0]["lr"]
        if args.logger is not None:
            args.logger.info(
                "Epoch {:d}/{:d}, Acc={:.4f}, Val Loss={:.4f}, lr={:.4f}".format(
                    epoch, epochs, acc, val_loss, lr_now
                )
            )
            series.add("Acc", None, epoch, acc)
            series.add("Val Loss", None, epoch, val_loss)
            series.add("lr", None, epoch, lr_now)
        if best_acc < acc:
            os.makedirs(args.output_dir, exist_ok=True)
            if save_as is None:
                save_as = os.path.join(
                    args.output_dir, "{}_{}_{}.pth".format(args.dataset, args.model, args.method)
                )
            torch.save(model.state_dict() if save_state_dict_only else model, save_as)
            best_acc = acc
        scheduler.step()
    if args.logger is not None:
        args.logger.info("Best Acc=%.4f" % (best_acc))
        series.add("Best Acc", None, epochs - 1, best_acc)


def get_pruner(model, example_inputs):
    imp = tp.importance.MagnitudeImportance(p=1)
    pruner_entry = partial(tp.pruner.MagnitudePruner, global_pruning=args.global_pruning)
    args.sparsity_learning = False
    ignored_layers = []
    for m in model.modules():
        if isinstance(m, torch.nn.Linear) and m.out_features == args.num_classes:
            ignored_layers.append(m)
        elif isinstance(m, torch.nn.modules.conv._ConvNd) and m.out_channels == args.num_classes:
            ignored_layers.append(m)
    return pruner_entry(
        model,
        example_inputs,
        importance=imp,
        iterative_steps=args.iterative_steps,
        pruning_ratio=1.0,
        max_pruning_ratio=args.max_pruning_ratio,
        ignored_layers=ignored_layers,
    )


def cnn8(num_classes):
    """A small VGG-like CNN (the benchmark's registry has resnet56, vgg19...)."""

    def block(i, o):
        return [nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]

    return nn.Sequential(
        *block(3, 16),
        *block(16, 16),
        nn.MaxPool2d(2),
        *block(16, 32),
        *block(32, 32),
        nn.MaxPool2d(2),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(32, num_classes),
    )


def synthetic(n, gen, protos):
    y = torch.randint(0, 10, (n,), generator=gen)
    x = protos[y] + 0.9 * torch.randn(n, 3, 12, 12, generator=gen)
    return torch.utils.data.TensorDataset(x, y)


def main():
    if args.seed is not None:
        torch.manual_seed(args.seed)
    prefix = "global" if args.global_pruning else "local"
    logger_name = "{}-{}-{}-{}".format(args.dataset, prefix, args.method, args.model)
    args.output_dir = os.path.join(args.output_dir, args.dataset, args.mode, logger_name)
    log_file = "{}/{}.txt".format(args.output_dir, logger_name)
    args.logger = None
    device = torch.device("cpu")
    args.device = device
    gen = torch.Generator().manual_seed(0)
    protos = torch.randn(10, 3, 12, 12, generator=gen).clamp(-1, 1) * 0.6
    train_dst, val_dst = synthetic(1024, gen, protos), synthetic(384, gen, protos)
    args.num_classes = num_classes = 10
    train_loader = torch.utils.data.DataLoader(
        train_dst, batch_size=args.batch_size, drop_last=True, shuffle=True
    )
    test_loader = torch.utils.data.DataLoader(val_dst, batch_size=args.batch_size)
    model = cnn8(num_classes)
    if args.restore is not None and not os.path.exists(args.restore):
        # the benchmark's earlier `--mode pretrain` run, which wrote this checkpoint (not captured)
        train_model(
            model, train_loader, test_loader, 6, 0.05, "4,5", save_as=args.restore, device=device
        )
        model = cnn8(num_classes)
    args.logger = get_logger(logger_name, output=log_file)
    for k, v in vars(args).items():  # print args
        if k != "logger":
            args.logger.info("%s: %s" % (k, v))
    if args.restore is not None:
        model.load_state_dict(torch.load(args.restore, map_location="cpu"))
        args.logger.info("Loading model from {restore}".format(restore=args.restore))
    model = model.to(device)
    example_inputs = train_dst[0][0].unsqueeze(0).to(device)

    model.eval()
    ori_ops, ori_size = tp.utils.count_ops_and_params(model, example_inputs=example_inputs)
    ori_acc, ori_val_loss = eval(model, test_loader, device=device)
    pruner = get_pruner(model, example_inputs=example_inputs)
    model.eval()
    args.logger.info("Pruning...")
    progressive_pruning(pruner, model, speed_up=args.speed_up, example_inputs=example_inputs)
    del pruner
    args.logger.info(model)
    pruned_ops, pruned_size = tp.utils.count_ops_and_params(model, example_inputs=example_inputs)
    pruned_acc, pruned_val_loss = eval(model, test_loader, device=device)
    args.logger.info(
        "Params: {:.2f} M => {:.2f} M ({:.2f}%)".format(
            ori_size / 1e6, pruned_size / 1e6, pruned_size / ori_size * 100
        )
    )
    args.logger.info(
        "FLOPs: {:.2f} M => {:.2f} M ({:.2f}%, {:.2f}X )".format(
            ori_ops / 1e6, pruned_ops / 1e6, pruned_ops / ori_ops * 100, ori_ops / pruned_ops
        )
    )
    args.logger.info("Acc: {:.4f} => {:.4f}".format(ori_acc, pruned_acc))
    args.logger.info("Val Loss: {:.4f} => {:.4f}".format(ori_val_loss, pruned_val_loss))
    series.add("Acc before pruning", None, None, ori_acc)
    series.add("Acc after pruning", None, None, pruned_acc)
    series.add("Val Loss before pruning", None, None, ori_val_loss)
    series.add("Val Loss after pruning", None, None, pruned_val_loss)
    args.logger.info("Finetuning...")
    train_model(
        model,
        epochs=args.total_epochs,
        lr=args.lr,
        lr_decay_milestones=args.lr_decay_milestones,
        train_loader=train_loader,
        test_loader=test_loader,
        device=device,
        save_state_dict_only=False,
    )

    _truth.write(
        library=f"torch-pruning {metadata.version('torch-pruning')} (torch {torch.__version__}, termcolor {metadata.version('termcolor')})",
        script="tests/corpus/scripts/torch_pruning_benchmark.py",
        record="the values the benchmark's logger lines print, kept as logged (eval() acc/loss, optimizer lr)",
        step_kind="epoch",
        series=series,
        notes=(
            "Torch-Pruning's benchmarks/main.py --mode prune, its logger and log lines verbatim. Every line has the "
            "prefix '[12/07 17:53:39 cifar10-global-l1-cnn8]: ' (date, time, logger name with digits; green under "
            "a terminal: termcolor colours only a tty). First the args dump, one 'key: value' line each "
            "('batch_size: 64', 'lr: 0.01', 'speed_up: 2.0', 'reg: 0.0005', 'seed: 0', 'iterative_steps: 40', "
            "'num_classes: 10', 'lr_decay_milestones: 2,3', 'weight_decay: 0.0005'): configuration, no metric. "
            "'Loading model from …', 'Pruning...', then the pruned model's repr over many lines (Conv2d(3, 16, "
            "kernel_size=(3, 3), …), BatchNorm2d(16, eps=1e-05, momentum=0.1, …)): sizes, no metric. "
            "'Params: 0.07 M => 0.02 M (30.12%)' and 'FLOPs: 9.63 M => 4.71 M (48.90%, 2.04X )': parameter "
            "counts and operation counts before => after pruning, their ratio and the speed-up: sizes, no metric. "
            "'Acc: 0.9004 => 0.1250' and 'Val Loss: 0.3117 => 2.5311': the ORIGINAL (restored, unpruned) model's "
            "test accuracy and loss => the PRUNED model's before fine-tuning: two different models, so two series "
            "each: 'Acc before pruning' / 'Acc after pruning', 'Val Loss before pruning' / 'Val Loss after "
            "pruning' (one point each, no step). Then 'Finetuning...' and per epoch 'Epoch 0/4, Acc=0.5039, "
            "Val Loss=1.2345, lr=0.0100' (epoch 0-based, '/4' the number of epochs: series 'Acc', 'Val Loss', "
            "'lr' at the printed epoch) and 'Best Acc=0.8750' (the best fine-tuning epoch's Acc, put at the last "
            "epoch). Accuracy is a fraction (4 decimals). Model: an 8-layer CNN on synthetic 3x12x12 10-class "
            "images; the restored checkpoint is trained by the script first, printing nothing."
        ),
    )


if __name__ == "__main__":
    main()
