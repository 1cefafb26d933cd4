"""FedLab: standalone FedAvg simulation in the shape of FedLab's tutorials
(tutorials/pipeline_tutorial.ipynb and the Datasets-DataPartitioner tutorials), on synthetic
MNIST-shaped data (784 features, 10 classes):

    Remaining Data: 1200
    Remaining Data: 1199
    ...
    Class frequencies:
    client,class0,class1,class2,class3,class4,class5,class6,class7,class8,class9,Amount
    Client   0,0.133,0.00,0.00,0.250,0.00,0.00,0.00,0.617,0.00,0.00,60
    ...
    Round 0, Loss 5.2841, Test Accuracy 0.2810

1. CIFAR10Partitioner(targets, 20 clients, balance=True, partition="dirichlet", dir_alpha=0.3) at
   its default verbose=True: the Dirichlet split prints 'Remaining Data: N' for every draw
   (samples still to place: a countdown, not a metric).
2. fedlab.utils.functional.partition_report(..., verbose=True): per client the class fractions and
   the sample count.
3. The pipeline tutorial's EvalPipeline (StandalonePipeline + fedlab.utils.functional.evaluate),
   MLP(784, 10), SGDSerialClientTrainer, SyncServerHandler (8 rounds, sample_ratio 0.25, 2 local
   epochs, batch 32, lr 0.1) printing 'Round {t}, Loss {:.4f}, Test Accuracy {:.4f}'.

Truth: the tutorial pipeline's own lists self.loss / self.acc (what evaluate() returned each round;
Loss is evaluate()'s sum of per-batch mean losses, as FedLab returns it). step = the round t as
printed (0-based).

Versions: fedlab 1.3.0, torch 2.13.0 (CPU), numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAS-1):
    python tests/corpus/scripts/capture.py pipe real_fedlab_standalone -- \
        /work/venvs/corpus-zAS-1/bin/python tests/corpus/scripts/fedlab_standalone.py
(plain prints only: no pty twin.)
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import numpy as np
import torch
from fedlab.contrib.algorithm.basic_client import SGDSerialClientTrainer
from fedlab.contrib.algorithm.basic_server import SyncServerHandler
from fedlab.contrib.dataset.basic_dataset import FedDataset
from fedlab.core.standalone import StandalonePipeline
from fedlab.models.mlp import MLP
from fedlab.utils.dataset.partition import CIFAR10Partitioner
from fedlab.utils.functional import evaluate, partition_report
from munch import Munch
from torch import nn
from torch.utils.data import DataLoader, Subset, TensorDataset

torch.manual_seed(0)
torch.set_num_threads(1)

# synthetic MNIST-shaped data: 10 Gaussian classes in 784 dimensions
rng = np.random.RandomState(0)
centers = rng.randn(10, 784).astype(np.float32) * 0.3
y_all = rng.randint(0, 10, 1500)
x_all = centers[y_all] + rng.randn(1500, 784).astype(np.float32)
trainset = TensorDataset(torch.from_numpy(x_all[:1200]), torch.from_numpy(y_all[:1200]))
trainset.targets = y_all[:1200].tolist()
test_data = TensorDataset(torch.from_numpy(x_all[1200:]), torch.from_numpy(y_all[1200:]))

# configuration
model = MLP(784, 10)
args = Munch

args.total_client = 20
args.alpha = 0.3
args.seed = 42
args.cuda = False

num_classes = 10
balance_dir_part = CIFAR10Partitioner(
    trainset.targets,
    args.total_client,
    balance=True,
    partition="dirichlet",
    dir_alpha=args.alpha,
    seed=args.seed,
)
partition_report(
    trainset.targets, balance_dir_part.client_dict, class_num=num_classes, verbose=True, file=None
)


class SyntheticFed(FedDataset):
    """Clients' shares of the synthetic set, as the partitioner placed them."""

    def __init__(self, dataset, client_dict):
        super().__init__()
        self.dataset, self.client_dict = dataset, client_dict
        self.num = len(client_dict)

    def get_dataset(self, id, type="train"):
        return Subset(self.dataset, list(self.client_dict[id]))

    def get_dataloader(self, id, batch_size, type="train"):
        return DataLoader(self.get_dataset(id), batch_size=batch_size, shuffle=True)


fed_data = SyntheticFed(trainset, balance_dir_part.client_dict)

# client
args.epochs = 2
args.batch_size = 32
args.lr = 0.1

trainer = SGDSerialClientTrainer(model, args.total_client, cuda=args.cuda)
trainer.setup_dataset(fed_data)
trainer.setup_optim(args.epochs, args.batch_size, args.lr)

# server
args.com_round = 8
args.sample_ratio = 0.25

handler = SyncServerHandler(
    model=model, global_round=args.com_round, sample_ratio=args.sample_ratio, cuda=args.cuda
)


class EvalPipeline(StandalonePipeline):
    def __init__(self, handler, trainer, test_loader):
        super().__init__(handler, trainer)
        self.test_loader = test_loader
        self.loss = []
        self.acc = []

    def main(self):
        t = 0
        while self.handler.if_stop is False:
            # server side
            sampled_clients = self.handler.sample_clients()
            broadcast = self.handler.downlink_package

            # client side
            self.trainer.local_process(broadcast, sampled_clients)
            uploads = self.trainer.uplink_package

            # server side
            for pack in uploads:
                self.handler.load(pack)

            loss, acc = evaluate(self.handler.model, nn.CrossEntropyLoss(), self.test_loader)
            print(f"Round {t}, Loss {loss:.4f}, Test Accuracy {acc:.4f}")
            t += 1
            self.loss.append(loss)
            self.acc.append(acc)


test_loader = DataLoader(test_data, batch_size=64)

standalone_eval = EvalPipeline(handler=handler, trainer=trainer, test_loader=test_loader)
standalone_eval.main()

series = _truth.Series()
for t, (loss, acc) in enumerate(zip(standalone_eval.loss, standalone_eval.acc, strict=True)):
    series.add("Loss", t, None, loss)
    series.add("Test Accuracy", t, None, acc)
_truth.write(
    library="fedlab 1.3.0 (torch 2.13.0)",
    script="tests/corpus/scripts/fedlab_standalone.py",
    record="the pipeline tutorial's EvalPipeline lists self.loss / self.acc (fedlab.utils.functional."
    "evaluate()'s return per round)",
    step_kind="global",
    series=series,
    notes=(
        "Three parts. (1) CIFAR10Partitioner(..., balance=True, partition='dirichlet', dir_alpha=0.3) "
        "at its default verbose=True prints 'Remaining Data: 1200', 'Remaining Data: 1199', ... one line "
        "per draw (a client already full draws again and prints the same number again): a countdown of "
        "samples still to place, not a metric. (2) partition_report(verbose=True): 'Class frequencies:', "
        "a header 'client,class0,...,class9,Amount' and per client 'Client   0,0.133,0.00,...,60' (the "
        "client id, its class fractions and its sample count: data statistics, not metrics). (3) the "
        "FedAvg rounds 'Round 0, Loss 5.2841, Test Accuracy 0.2810' (t printed 0-based; Loss is FedLab "
        "evaluate()'s sum of per-batch mean losses over the 5 test batches; Test Accuracy in [0, 1])."
    ),
)
