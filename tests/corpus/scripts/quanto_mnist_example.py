"""optimum-quanto's MNIST example (examples/vision/image-classification/mnist/quantize_mnist_model.py)
on synthetic data: a float MLP is first trained with the example's own train() (the example loads a
pretrained one from the Hub; no download here), then the example's flow verbatim: test the float
model, quantize(weights=qint8, activations=qint8), calibrate, test, tune one epoch, test, freeze,
test, serialize/requantize, test. Its two print statements are kept as the example writes them.

Versions: optimum-quanto 0.2.7, torch 2.13.0 (CPU), safetensors 0.8.0, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAR-1):
    python tests/corpus/scripts/capture.py pipe real_quanto_mnist_example -- /work/venvs/corpus-zAR-1/bin/python tests/corpus/scripts/quanto_mnist_example.py
(plain print(): the same under a terminal, no pty entry.)
Truth: the script's own record of every value it printed (loss.item(), test_loss, the accuracy
percent), kept as it prints them, full precision.
"""

# ruff: noqa: UP032  (the tutorial's/example's code and prints are kept as they are)

import os
import sys
import time
from importlib import metadata
from tempfile import NamedTemporaryFile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torch.nn.functional as F
from optimum.quanto import (
    Calibration,
    QTensor,
    freeze,
    qint8,
    quantization_map,
    quantize,
    requantize,
)
from safetensors.torch import load_file, save_file

series = _truth.Series()
section = ["Float model training"]
gstep = {"n": 0}


def test(model, device, test_loader):
    model.to(device)
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        start = time.time()
        for data, target in test_loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            if isinstance(output, QTensor):
                output = output.dequantize()
            test_loss += F.nll_loss(output, target, reduction="sum").item()  # sum up batch loss
            pred = output.argmax(dim=1, keepdim=True)  # get the index of the max log-probability
            correct += pred.eq(target.view_as(pred)).sum().item()
        end = time.time()

    test_loss /= len(test_loader.dataset)

    print(
        "\nTest set evaluated in {:.2f} s: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n".format(
            end - start,
            test_loss,
            correct,
            len(test_loader.dataset),
            100.0 * correct / len(test_loader.dataset),
        )
    )
    series.add(f"{section[0]} Average loss", gstep["n"] or None, None, test_loss)
    series.add(
        f"{section[0]} Accuracy",
        gstep["n"] or None,
        None,
        100.0 * correct / len(test_loader.dataset),
    )


def train(log_interval, model, device, train_loader, optimizer, epoch):
    model.to(device)
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        if isinstance(output, QTensor):
            output = output.dequantize()
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        gstep["n"] += 1
        if batch_idx % log_interval == 0:
            print(
                "Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}".format(
                    epoch,
                    batch_idx * len(data),
                    len(train_loader.dataset),
                    100.0 * batch_idx / len(train_loader),
                    loss.item(),
                )
            )
            series.add(f"{section[0]} Loss", gstep["n"], epoch, loss.item())


class MLP(torch.nn.Module):
    """The shape of dacorvo/mnist-mlp (two hidden layers, log_softmax), on 64-d inputs."""

    def __init__(self, dim=64, hidden=128, classes=10):
        super().__init__()
        self.input_layer = torch.nn.Linear(dim, hidden)
        self.mid_layer = torch.nn.Linear(hidden, hidden)
        self.output_layer = torch.nn.Linear(hidden, classes)

    def forward(self, x):
        x = torch.nn.functional.relu(self.input_layer(x))
        x = torch.nn.functional.relu(self.mid_layer(x))
        return torch.nn.functional.log_softmax(self.output_layer(x), dim=1)


def synthetic(n, gen, centers):
    y = torch.randint(0, 10, (n,), generator=gen)
    x = centers[y] + 1.6 * torch.randn(n, 64, generator=gen)
    return torch.utils.data.TensorDataset(x, y)


def main():
    torch.manual_seed(1)
    device = torch.device("cpu")
    gen = torch.Generator().manual_seed(0)
    centers = torch.randn(10, 64, generator=gen) * 0.5
    dataset1 = synthetic(5000, gen, centers)
    dataset2 = synthetic(1000, gen, centers)
    train_loader = torch.utils.data.DataLoader(dataset1, batch_size=250, shuffle=True)
    test_loader = torch.utils.data.DataLoader(dataset2, batch_size=250)

    # the example starts from a trained float model: train one first, with the example's train()
    model = MLP()
    optimizer = torch.optim.Adadelta(model.parameters(), lr=1.0)
    for epoch in (1, 2):
        train(5, model, device, train_loader, optimizer, epoch)
    model.eval()
    section[0] = "Float model"
    print("Float model")
    test(model, device, test_loader)
    quantize(model, weights=qint8, activations=qint8)
    section[0] = "Calibrating"
    print("Calibrating ...")
    with Calibration():
        test(model, device, test_loader)
    section[0] = "Quantized model"
    print("Quantized model (w: int8, a: int8)")
    test(model, device, test_loader)
    section[0] = "Tuning quantized model for one epoch"
    print("Tuning quantized model for one epoch")
    optimizer = torch.optim.Adadelta(model.parameters(), lr=0.5)
    train(5, model, device, train_loader, optimizer, 1)
    section[0] = "Quantized tuned model"
    print("Quantized tuned model")
    test(model, device, test_loader)
    section[0] = "Quantized frozen model"
    print("Quantized frozen model")
    freeze(model)
    test(model, device, test_loader)
    with NamedTemporaryFile() as tmp_file:
        save_file(model.state_dict(), tmp_file.name)
        state_dict = load_file(tmp_file.name)
    model_reloaded = MLP()
    requantize(model_reloaded, state_dict, quantization_map(model), device)
    section[0] = "Serialized quantized model"
    print("Serialized quantized model")
    test(model_reloaded, device, test_loader)

    _truth.write(
        library=f"optimum-quanto {metadata.version('optimum-quanto')} (torch {torch.__version__})",
        script="tests/corpus/scripts/quanto_mnist_example.py",
        record="the script's own record of each printed value (loss.item(), test_loss, 100*correct/n) as printed",
        step_kind="global",
        series=series,
        extra_ok=["Test set evaluated in (seconds): the evaluation's duration"],
        notes=(
            "optimum-quanto's MNIST example's two print statements verbatim: 'Train Epoch: 1 [1250/5000 (25%)]"
            "\\tLoss: 0.123456' every 5 batches (the bracket is samples seen before the batch / dataset size and "
            "the percent of the epoch: no metric) and '\\nTest set evaluated in 0.00 s: Average loss: 0.4321, "
            "Accuracy: 871/1000 (87%)\\n' (the duration is a timing; 871/1000 the count of correct samples over "
            "the test-set size, not a metric; the percent is the accuracy, printed rounded). The example prints a "
            "title line before each stage and the SAME test line after it, so each stage is its own series, named "
            "'<title> Average loss' / '<title> Accuracy' (one point each): 'Float model' (the trained float "
            "baseline), 'Calibrating' (the test pass run under Calibration(), title 'Calibrating ...'), "
            "'Quantized model' (title 'Quantized model (w: int8, a: int8)': int8 is the weight/activation "
            "type, not a number), 'Quantized tuned model', 'Quantized frozen model', 'Serialized quantized model'. "
            "Before them the float model is trained for 2 epochs with the example's train() (the example "
            "loads a trained one instead): 'Float model training Loss'; the example's one tuning epoch of the "
            "quantized model prints the same 'Train Epoch: 1 [...]\\tLoss:' lines under the title 'Tuning "
            "quantized model for one epoch': series 'Tuning quantized model for one epoch Loss' (its own "
            "series, not a continuation of the float training). Steps: the global optimizer step over the whole "
            "script (1-based, 20 batches per epoch; the tuning epoch continues the count at 41); test points at "
            "the step they follow. Model: a 64-128-128-10 MLP on synthetic 10-class data (5000 train, 1000 test)."
        ),
    )


if __name__ == "__main__":
    main()
