"""Flower (flwr): a FedAvg simulation in the shape of Flower's quickstart-pytorch app and its "Get
started" tutorial (Message API: ClientApp with @app.train() / @app.evaluate(), ServerApp whose
main() runs flwr.serverapp.strategy.FedAvg.start() with a server-side evaluate_fn), run in-process
with flwr.simulation.run_simulation (Ray backend), 10 virtual SuperNodes, 4 rounds, on synthetic
data (each node holds a non-IID share of 10 Gaussian classes in 32 dimensions), a small MLP.

Flower logs every round:

    INFO :      [ROUND 1/4]
    INFO :      configure_train: Sampling 5 nodes (out of 10)
    INFO :      aggregate_train: Received 5 results and 0 failures
    INFO :          └──> Aggregated MetricRecord: {'train_loss': 1.8234}
    INFO :      configure_evaluate: Sampling 10 nodes (out of 10)
    INFO :      aggregate_evaluate: Received 10 results and 0 failures
    INFO :          └──> Aggregated MetricRecord: {'eval_loss': 1.61, 'eval_acc': 0.41}
    INFO :      Global evaluation
    INFO :          └──> MetricRecord: {'accuracy': 0.44, 'loss': 1.58}

and at the end 'Final results:' with the Result object's three dicts per round.

Truth: the Result that strategy.start() returns (its own record): train_metrics_clientapp,
evaluate_metrics_clientapp, evaluate_metrics_serverapp (round 0 = the initial global evaluation),
each value once in the round's log line and once more in the closing summary (print order: the
summary's points after all rounds). step = the server round.

Versions: flwr 1.42.0 (ray 2.55.1), torch 2.13.0 (CPU), numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAS-2):
    python tests/corpus/scripts/capture.py pipe real_flwr_simulation -- \
        /work/venvs/corpus-zAS-2/bin/python tests/corpus/scripts/flwr_simulation.py
    python tests/corpus/scripts/capture.py pty real_flwr_simulation_pty -- \
        /work/venvs/corpus-zAS-2/bin/python tests/corpus/scripts/flwr_simulation.py
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from flwr.app import ArrayRecord, ConfigRecord, Context, Message, MetricRecord, RecordDict
from flwr.clientapp import ClientApp
from flwr.serverapp import Grid, ServerApp
from flwr.serverapp.strategy import FedAvg
from flwr.simulation import run_simulation

NUM_NODES = 10
RESULT_FILE = "/tmp/corpus-zAS/flwr_result.json"


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(32, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def load_data(partition_id: int, num_partitions: int):
    """A non-IID share: node i sees mostly classes i and i+1 (synthetic, seeded)."""
    rng = np.random.RandomState(partition_id)
    centers = np.random.RandomState(123).randn(10, 32).astype(np.float32)
    main = [partition_id % 10, (partition_id + 1) % 10]
    y = np.where(rng.rand(120) < 0.7, rng.choice(main, 120), rng.randint(0, 10, 120))
    x = centers[y] + rng.randn(120, 32).astype(np.float32) * 1.2
    x, y = torch.from_numpy(x), torch.from_numpy(y).long()
    return (x[:96], y[:96]), (x[96:], y[96:])


def test_data():
    rng = np.random.RandomState(999)
    centers = np.random.RandomState(123).randn(10, 32).astype(np.float32)
    y = rng.randint(0, 10, 300)
    x = centers[y] + rng.randn(300, 32).astype(np.float32) * 1.2
    return torch.from_numpy(x), torch.from_numpy(y).long()


def train_fn(net, data, epochs, lr):
    x, y = data
    opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9)
    net.train()
    running = 0.0
    steps = 0
    for _ in range(epochs):
        for i in range(0, len(x), 32):
            opt.zero_grad()
            loss = F.cross_entropy(net(x[i : i + 32]), y[i : i + 32])
            loss.backward()
            opt.step()
            running += loss.item()
            steps += 1
    return running / steps


def test_fn(net, data):
    x, y = data
    net.eval()
    with torch.no_grad():
        out = net(x)
        loss = F.cross_entropy(out, y).item()
        acc = (out.argmax(1) == y).float().mean().item()
    return loss, acc


# ---------------- ClientApp ----------------
app = ClientApp()


@app.train()
def train(msg: Message, context: Context):
    torch.manual_seed(0)
    model = Net()
    model.load_state_dict(msg.content["arrays"].to_torch_state_dict())
    partition_id = context.node_config["partition-id"]
    num_partitions = context.node_config["num-partitions"]
    trainloader, _ = load_data(partition_id, num_partitions)
    train_loss = train_fn(model, trainloader, 2, msg.content["config"]["lr"])
    model_record = ArrayRecord(model.state_dict())
    metrics = {"train_loss": train_loss, "num-examples": len(trainloader[0])}
    content = RecordDict({"arrays": model_record, "metrics": MetricRecord(metrics)})
    return Message(content=content, reply_to=msg)


@app.evaluate()
def evaluate(msg: Message, context: Context):
    model = Net()
    model.load_state_dict(msg.content["arrays"].to_torch_state_dict())
    partition_id = context.node_config["partition-id"]
    num_partitions = context.node_config["num-partitions"]
    _, valloader = load_data(partition_id, num_partitions)
    eval_loss, eval_acc = test_fn(model, valloader)
    metrics = {"eval_loss": eval_loss, "eval_acc": eval_acc, "num-examples": len(valloader[0])}
    content = RecordDict({"metrics": MetricRecord(metrics)})
    return Message(content=content, reply_to=msg)


# ---------------- ServerApp ----------------
server = ServerApp()


def global_evaluate(server_round: int, arrays: ArrayRecord) -> MetricRecord:
    model = Net()
    model.load_state_dict(arrays.to_torch_state_dict())
    loss, accuracy = test_fn(model, test_data())
    return MetricRecord({"accuracy": accuracy, "loss": loss})


@server.main()
def main(grid: Grid, context: Context) -> None:
    fraction_train = 0.5
    num_rounds = 4
    lr = 0.05

    torch.manual_seed(0)
    global_model = Net()
    arrays = ArrayRecord(global_model.state_dict())

    strategy = FedAvg(fraction_train=fraction_train)
    result = strategy.start(
        grid=grid,
        initial_arrays=arrays,
        train_config=ConfigRecord({"lr": lr}),
        num_rounds=num_rounds,
        evaluate_fn=global_evaluate,
    )

    # the Result, the strategy's own record, for the truth (the ServerApp may run apart)
    dump = {
        key: {str(r): dict(m) for r, m in getattr(result, key).items()}
        for key in (
            "train_metrics_clientapp",
            "evaluate_metrics_clientapp",
            "evaluate_metrics_serverapp",
        )
    }
    with open(RESULT_FILE, "w") as fh:
        json.dump(dump, fh)

    print("\nSaving final model to disk...")
    state_dict = result.arrays.to_torch_state_dict()
    torch.save(state_dict, "/tmp/corpus-zAS/final_model.pt")


if __name__ == "__main__":
    os.makedirs("/tmp/corpus-zAS", exist_ok=True)
    if os.path.exists(RESULT_FILE):
        os.remove(RESULT_FILE)
    backend_config = {"client_resources": {"num_cpus": 1, "num_gpus": 0.0}}
    run_simulation(
        server_app=server,
        client_app=app,
        num_supernodes=NUM_NODES,
        backend_config=backend_config,
    )

    import _truth

    with open(RESULT_FILE) as fh:
        res = json.load(fh)
    series = _truth.Series()
    rounds = sorted({int(r) for d in res.values() for r in d})
    keys = ("train_metrics_clientapp", "evaluate_metrics_clientapp", "evaluate_metrics_serverapp")
    # per round as logged: initial global evaluation (round 0), then train, evaluate, global
    for r in rounds:
        for key in keys:
            for name, value in res[key].get(str(r), {}).items():
                series.add(name, r, None, value)
    # the closing summary: each dict again, round by round
    for key in keys:
        for r in rounds:
            for name, value in res[key].get(str(r), {}).items():
                series.add(name, r, None, value)
    _truth.write(
        library="flwr 1.42.0 (ray 2.55.1, torch 2.13.0)",
        script="tests/corpus/scripts/flwr_simulation.py",
        record="the Result returned by flwr.serverapp.strategy.FedAvg.start(): "
        "train_metrics_clientapp, evaluate_metrics_clientapp, evaluate_metrics_serverapp",
        step_kind="global",
        series=series,
        notes=(
            "Flower's own logger on stderr, 'INFO :      ' prefix (coloured under a terminal). A "
            "banner 'Starting Flower ServerApp' / 'Starting FedAvg strategy:' lists the strategy's "
            "settings (fractions 0.5 / 1.0, minimum node counts 2, weighting key 'num-examples'). "
            "'Initial global evaluation results: {'accuracy': 0.1, 'loss': 2.3}' is round 0. Per "
            "round '[ROUND 2/4]' (round of rounds), 'configure_train: Sampling 5 nodes (out of "
            "10)', 'aggregate_train: Received 5 results and 0 failures' (node counts, not "
            "metrics), '└──> Aggregated MetricRecord: {'train_loss': ...}' (the example-weighted "
            "mean over the sampled nodes), the same for evaluate ({'eval_loss', 'eval_acc'}), "
            "'Global evaluation' '└──> MetricRecord: {'accuracy': ..., 'loss': ...}' (the "
            "server-side evaluate_fn on held-out data). 'Strategy execution finished in 3.21s' "
            "(wall time). 'Final results:' then prints the Result: 'Global Arrays:' "
            "'ArrayRecord (0.009 MB)' (model size, not a metric) and three dicts keyed by round "
            "('Aggregated ClientApp-side Train Metrics:', 'Aggregated ClientApp-side Evaluate "
            "Metrics:', 'ServerApp-side Evaluate Metrics:') as pretty-printed Python dicts { 1: "
            "{'train_loss': '1.2345e+00'}, ...} with values as strings in e-notation: the same "
            "values once more (held as the last points of each series, after the rounds). "
            "'eval_loss'/'eval_acc' are the clients' validation metrics, 'loss'/'accuracy' the "
            "server's: four series, not two. Ray's own start-up lines may appear (worker logs). "
            "'Saving final model to disk...' ends the ServerApp."
        ),
    )
