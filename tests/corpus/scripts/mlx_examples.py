"""MLX (Apple's array framework; Linux CPU build) training loops in the style of the official
mlx-examples scripts, on synthetic data.

  mnist  the mnist example's MLP: per epoch 'Epoch 3: Test accuracy 0.871, Time 0.412 (s)'
  lm     the transformer_lm example: 'Training a transformer with 0.101 M parameters', then
         'Iter 20: Train loss 3.912, It/sec 41.305', 'Iter 50: Val loss 3.701, Val ppl 40.488,
         Val took 0.051s, ' and at the end 'Test loss 3.480, Test ppl 32.467.'

Versions: mlx 0.32.4 (pip install "mlx[cpu]"), numpy 2.x (venv corpus-r11-2).
Capture (repository root):
  python tests/corpus/scripts/capture.py pipe real_mlx_mnist_epochs -- python tests/corpus/scripts/mlx_examples.py mnist
  python tests/corpus/scripts/capture.py pipe real_mlx_transformer_lm -- python tests/corpus/scripts/mlx_examples.py lm
Truth: the values the loop computed (mx arrays .item()), kept as it printed them.
"""

from __future__ import annotations

import math
import sys
import time
from functools import partial
from pathlib import Path

import mlx.core as mx
import mlx.nn as nn
import mlx.optimizers as optim
import numpy as np
from mlx.utils import tree_flatten

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _truth  # noqa: E402

mode = sys.argv[1] if len(sys.argv) > 1 else "mnist"
np.random.seed(0)
mx.random.seed(0)
S = _truth.Series()


class MLP(nn.Module):
    def __init__(self, num_layers: int, input_dim: int, hidden_dim: int, output_dim: int):
        super().__init__()
        dims = [input_dim] + [hidden_dim] * num_layers + [output_dim]
        self.layers = [nn.Linear(i, o) for i, o in zip(dims[:-1], dims[1:])]

    def __call__(self, x):
        for layer in self.layers[:-1]:
            x = nn.relu(layer(x))
        return self.layers[-1](x)


def run_mnist() -> None:
    # synthetic "digits": 10 class prototypes in 784-d plus noise
    protos = np.random.rand(10, 784).astype(np.float32)
    def sample(n):
        y = np.random.randint(0, 10, size=n)
        x = np.clip(protos[y] * 0.2 + np.random.rand(n, 784).astype(np.float32) * 0.8, 0, 1)
        return mx.array(x), mx.array(y.astype(np.uint32))
    train_images, train_labels = sample(6000)
    test_images, test_labels = sample(1000)
    num_layers, hidden_dim, num_classes, batch_size, num_epochs, learning_rate = 2, 32, 10, 256, 10, 5e-2
    model = MLP(num_layers, train_images.shape[-1], hidden_dim, num_classes)
    mx.eval(model.parameters())

    def loss_fn(model, X, y):
        return nn.losses.cross_entropy(model(X), y, reduction="mean")

    def batch_iterate(batch_size, X, y):
        perm = mx.array(np.random.permutation(y.size))
        for s in range(0, y.size, batch_size):
            ids = perm[s : s + batch_size]
            yield X[ids], y[ids]

    optimizer = optim.SGD(learning_rate=learning_rate)
    loss_and_grad_fn = nn.value_and_grad(model, loss_fn)

    @partial(mx.compile, inputs=model.state, outputs=model.state)
    def step(X, y):
        loss, grads = loss_and_grad_fn(model, X, y)
        optimizer.update(model, grads)
        return loss

    @partial(mx.compile, inputs=model.state)
    def eval_fn(X, y):
        return mx.mean(mx.argmax(model(X), axis=1) == y)

    print(f"train: {train_images.shape}, test: {test_images.shape}, device: {mx.default_device()}")
    for e in range(num_epochs):
        tic = time.perf_counter()
        for X, y in batch_iterate(batch_size, train_images, train_labels):
            step(X, y)
            mx.eval(model.state)
        accuracy = eval_fn(test_images, test_labels)
        toc = time.perf_counter()
        acc = accuracy.item()
        S.add("Test accuracy", None, e, acc)
        print(f"Epoch {e}: Test accuracy {acc:.3f}, Time {toc - tic:.3f} (s)")
    _truth.write(
        library=f"mlx {mx.__version__}",
        script="tests/corpus/scripts/mlx_examples.py",
        record="the loop's own accuracy values (eval_fn(...).item()), as it printed them",
        step_kind="epoch",
        series=S,
        extra_ok=["Time"],
        notes=("mlx-examples mnist style: one line per epoch 'Epoch 0: Test accuracy 0.412, Time 0.213 (s)' "
               "(epoch 0-based as printed, 3 decimals). The first line prints the array shapes and the device."),
    )


class TransformerLM(nn.Module):
    def __init__(self, vocab_size: int, num_layers: int, dims: int, num_heads: int, checkpoint: bool = False):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, dims)
        self.pe = nn.SinusoidalPositionalEncoding(dims)
        self.transformer = nn.TransformerEncoder(num_layers, dims, num_heads, norm_first=True, checkpoint=checkpoint)
        self.out_proj = nn.Linear(dims, vocab_size)

    def __call__(self, x):
        L = x.shape[1]
        mask = nn.MultiHeadAttention.create_additive_causal_mask(L)
        x = self.embedding(x)
        x = x + self.pe(mx.arange(L))
        x = self.transformer(x, mask)
        return self.out_proj(x)


def run_lm() -> None:
    # a synthetic "ptb": a token stream from a small random Markov chain
    vocab_size = 64
    trans = np.random.dirichlet(np.full(vocab_size, 0.08), size=vocab_size)
    def stream(n):
        out = np.empty(n, dtype=np.uint32)
        t = 0
        for i in range(n):
            t = np.random.choice(vocab_size, p=trans[t])
            out[i] = t
        return out
    train, valid, test = stream(20000), stream(3000), stream(3000)
    context_size, batch_size, num_blocks, dim, num_heads = 32, 16, 2, 64, 4
    num_iters, steps_per_report, steps_per_eval, learning_rate = 200, 20, 50, 3e-3
    print(f"vocab size {vocab_size}, train tokens {train.size}, valid tokens {valid.size}, test tokens {test.size}")
    model = TransformerLM(vocab_size, num_blocks, dim, num_heads)
    mx.eval(model.parameters())
    nparams = sum(x.size for k, x in tree_flatten(model.parameters()) if "embedding" not in k)
    print(f"Training a transformer with {nparams / 1024**2:.3f} M parameters")

    def loss_fn(model, x, y, reduce=True):
        logits = model(x)
        losses = nn.losses.cross_entropy(logits, y)
        return mx.mean(losses) if reduce else mx.mean(losses, axis=-1)

    optimizer = optim.AdamW(learning_rate=learning_rate, weight_decay=1e-5)

    def eval_fn(dataset):
        inputs, targets = map(mx.array, to_samples(context_size, dataset))
        loss = 0
        for s in range(0, targets.shape[0], batch_size):
            bx, by = inputs[s : s + batch_size], targets[s : s + batch_size]
            losses = loss_fn(model, bx, by, reduce=False)
            loss += mx.sum(losses).item()
        return loss / len(targets)

    state = [model.state, optimizer.state]

    @partial(mx.compile, inputs=state, outputs=state)
    def step(inputs, targets):
        loss_and_grad_fn = nn.value_and_grad(model, loss_fn)
        loss, grads = loss_and_grad_fn(model, inputs, targets)
        optimizer.update(model, grads)
        return loss

    def to_samples(context_size, dataset):
        window_size = context_size + 1
        samples = dataset.size // window_size
        dataset = dataset[: samples * window_size]
        return dataset.reshape(samples, window_size)[:, :-1], dataset.reshape(samples, window_size)[:, 1:]

    def iterate_batches(batch_size, context_size, dataset):
        inputs, targets = to_samples(context_size, dataset)
        s = 0
        while True:
            if s == 0:
                perm = np.random.permutation(inputs.shape[0])
            ids = perm[s : s + batch_size]
            yield inputs[ids], targets[ids]
            s += batch_size
            if s >= inputs.shape[0]:
                s = 0

    train_iterator = iterate_batches(batch_size, context_size, train)
    losses = []
    tic = time.perf_counter()
    for it, (inputs, targets) in zip(range(num_iters), train_iterator):
        inputs, targets = map(mx.array, (inputs, targets))
        loss = step(inputs, targets)
        mx.eval(state)
        losses.append(loss.item())
        if (it + 1) % steps_per_report == 0:
            train_loss = float(np.mean(losses))
            toc = time.perf_counter()
            S.add("Train loss", it + 1, None, train_loss)
            print(f"Iter {it + 1}: Train loss {train_loss:.3f}, It/sec {steps_per_report / (toc - tic):.3f}")
            losses = []
            tic = time.perf_counter()
        if (it + 1) % steps_per_eval == 0:
            val_loss = eval_fn(valid)
            toc = time.perf_counter()
            S.add("Val loss", it + 1, None, val_loss)
            S.add("Val ppl", it + 1, None, math.exp(val_loss))
            print(f"Iter {it + 1}: Val loss {val_loss:.3f}, Val ppl {math.exp(val_loss):.3f}, Val took {(toc - tic):.3f}s, ")
            tic = time.perf_counter()
    test_loss = eval_fn(test)
    test_ppl = math.exp(test_loss)
    S.add("Test loss", num_iters, None, test_loss)
    S.add("Test ppl", num_iters, None, test_ppl)
    print(f"Test loss {test_loss:.3f}, Test ppl {test_ppl:.3f}.")
    _truth.write(
        library=f"mlx {mx.__version__}",
        script="tests/corpus/scripts/mlx_examples.py",
        record="the loop's own values (mean of the step losses since the last report; eval_fn's mean loss; exp of it)",
        step_kind="global",
        series=S,
        extra_ok=["It/sec", "Val took"],
        notes=("mlx-examples transformer_lm style: 'Iter 20: Train loss 3.912, It/sec 41.305' every 20 iterations "
               "(Train loss = mean over those 20 steps), 'Iter 50: Val loss 3.701, Val ppl 40.488, Val took 0.051s, ' "
               "every 50 (with a trailing comma and space), 'Test loss 3.480, Test ppl 32.467.' at the end (step = the "
               "last iteration, 200). 'Training a transformer with 0.101 M parameters' is a model size; the vocab/token "
               "counts line is data sizes."),
    )


if mode == "mnist":
    run_mnist()
else:
    run_lm()
