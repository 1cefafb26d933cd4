"""Thinc (spaCy's ML library): training loops as Thinc's own examples print them.

`mnist`: the MNIST loop of Thinc's examples (examples/mnist.py, examples/scripts/mnist.py: a
Relu-Relu-Softmax chain, model.ops.multibatch, thinc's Adam(0.001), a tqdm bar over the batches
with leave=False (stderr), then after
each epoch wasabi's msg.row((i, f"{score:.3f}"), widths=(3, 5)) on stdout:

    0   0.712
    1   0.803

(the epoch and the dev accuracy, no header, no name).

`textcat`: the "Basic neural bag-of-words text classifier" notebook (examples/
03_textcat_basic_neural_bow.ipynb): a config resolved by thinc's registry (Embed.v1, Adam.v1), a
tqdm bar per epoch (leave=False) and print(f"{n}\\t{loss:.2f}\\t{score:.3f}"): the epoch, the summed
squared error over the epoch and the dev accuracy, tab-separated, no names.

Data: synthetic (MNIST-shaped 784-d vectors of 10 classes; token-id documents of 4 classes with
class-dependent word distributions). Truth: the values the loops computed and printed (Thinc
keeps no history), at full precision; the series are named by the example's own variables
('score', 'loss'), since the output names nothing.

Versions: thinc 9.1.1, wasabi 1.1.3, tqdm 4.70.1, numpy 2.4.6, Python 3.11. Seeds fixed; a few s.
Capture (repository root, venv /work/venvs/corpus-zJ-1):
    python tests/corpus/scripts/capture.py pipe real_thinc_mnist_rows -- python tests/corpus/scripts/thinc_examples.py mnist
    python tests/corpus/scripts/capture.py pty real_thinc_mnist_rows_pty -- python tests/corpus/scripts/thinc_examples.py mnist
    python tests/corpus/scripts/capture.py pipe real_thinc_textcat_tabs -- python tests/corpus/scripts/thinc_examples.py textcat
    python tests/corpus/scripts/capture.py pty real_thinc_textcat_tabs_pty -- python tests/corpus/scripts/thinc_examples.py textcat
"""

import os
import sys
from importlib import metadata

import numpy
import tqdm
from thinc.api import (
    Adam,
    Config,
    Model,
    Relu,
    Softmax,
    chain,
    fix_random_seed,
    list2ragged,
    reduce_mean,
    registry,
    with_array,
)
from wasabi import msg

sys.path.insert(0, os.path.dirname(__file__))

import _truth

variant = sys.argv[1] if len(sys.argv) > 1 else "mnist"
fix_random_seed(0)
series = _truth.Series()


def mnist_like(n, seed):
    rng = numpy.random.RandomState(seed)
    y = rng.randint(0, 10, n)
    centres = numpy.random.RandomState(7).rand(10, 784).astype("f")
    X = (0.25 * centres[y] + rng.rand(n, 784) * 0.75).astype("f")
    Y = numpy.zeros((n, 10), dtype="f")
    Y[numpy.arange(n), y] = 1
    return X, Y


if variant == "mnist":
    n_hidden, dropout, n_iter, batch_size = 32, 0.2, 8, 128
    model = chain(Relu(nO=n_hidden, dropout=dropout), Relu(nO=n_hidden, dropout=dropout), Softmax())
    (train_X, train_Y), (dev_X, dev_Y) = mnist_like(3000, 1), mnist_like(1000, 2)
    # Set any missing shapes for the model.
    model.initialize(X=train_X[:5], Y=train_Y[:5])
    train_data = model.ops.multibatch(batch_size, train_X, train_Y, shuffle=True)
    dev_data = model.ops.multibatch(batch_size, dev_X, dev_Y)
    # Create the optimizer.
    optimizer = Adam(0.001)
    for i in range(n_iter):
        for X, Y in tqdm.tqdm(train_data, leave=False):
            Yh, backprop = model.begin_update(X)
            backprop(Yh - Y)
            model.finish_update(optimizer)
        # Evaluate and print progress
        correct = 0
        total = 0
        for X, Y in dev_data:
            Yh = model.predict(X)
            correct += (Yh.argmax(axis=1) == Y.argmax(axis=1)).sum()
            total += Yh.shape[0]
        score = correct / total
        msg.row((i, f"{score:.3f}"), widths=(3, 5))
        series.add("score", None, i, score)
    notes = (
        "After each epoch wasabi's msg.row((i, f'{score:.3f}'), widths=(3, 5)) prints '0     "
        "0.712' on stdout: the 0-based epoch in a 3-wide cell, two spaces, the dev accuracy "
        "(3 decimals); no header row and no name anywhere (the truth names it 'score', the "
        "example's variable; epoch = the first cell). Between them a tqdm bar over the 24 "
        "batches with leave=False on stderr ('  0%|          | 0/24 [00:00<?, ?it/s]', "
        "'100%|██████████| 24/24 [00:00<00:00, 410.12it/s]': counts and a rate, no metric; "
        "piped, stdout is block-buffered so the rows may come after every bar; under a terminal "
        "the bar is erased and the row printed in its place)."
    )
else:
    CONFIG = """
[hyper_params]
width = 32

[model]
@layers = "EmbedPoolTextcat.v1"

[model.embed]
@layers = "Embed.v1"
nO = ${hyper_params:width}

[optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.001

[training]
batch_size = 8
n_iter = 6
"""

    @registry.layers("EmbedPoolTextcat.v1")
    def EmbedPoolTextcat(embed):
        with Model.define_operators({">>": chain}):
            model = with_array(embed) >> list2ragged() >> reduce_mean() >> Softmax()
        model.set_ref("embed", embed)
        return model

    def docs(n, seed, n_class=4, vocab=400):
        rng = numpy.random.RandomState(seed)
        cats = rng.randint(0, n_class, n)
        prefs = numpy.random.RandomState(11).dirichlet(numpy.ones(vocab) * 0.3, n_class)
        X, Y = [], numpy.zeros((n, n_class), dtype="f")
        for j, c in enumerate(cats):
            length = rng.randint(5, 30)
            mix = 0.5 * prefs[c] + 0.5 / vocab
            X.append(rng.choice(vocab, size=length, p=mix / mix.sum()) + 1)
            Y[j, c] = 1
        return X, Y

    def evaluate_model(model, dev_X, dev_Y, batch_size):
        correct = 0.0
        total = 0.0
        for X, Y in model.ops.multibatch(batch_size, dev_X, dev_Y):
            Yh = model.predict(X)
            for j in range(len(Yh)):
                correct += Yh[j].argmax(axis=0) == Y[j].argmax(axis=0)
            total += len(Y)
        return float(correct / total)

    C = registry.resolve(Config().from_str(CONFIG))
    (train_X, train_y), (dev_X, dev_y) = docs(800, 1), docs(400, 2)
    print(f"{len(train_X)} training / {len(dev_X)} dev\n4 classes")
    batch_size = C["training"]["batch_size"]
    optimizer = C["optimizer"]
    model = C["model"]
    model.get_ref("embed").set_dim("nV", 401)
    model.initialize(X=train_X, Y=train_y)
    fix_random_seed(0)
    for n in range(C["training"]["n_iter"]):
        loss = 0.0
        batches = model.ops.multibatch(batch_size, train_X, train_y, shuffle=True)
        for X, Y in tqdm.tqdm(batches, leave=False):
            Yh, backprop = model.begin_update(X)
            d_loss = []
            for i in range(len(Yh)):
                d_loss.append(Yh[i] - Y[i])
                loss += ((Yh[i] - Y[i]) ** 2).sum()
            backprop(numpy.array(d_loss))
            model.finish_update(optimizer)
        score = evaluate_model(model, dev_X, dev_y, batch_size)
        print(f"{n}\t{loss:.2f}\t{score:.3f}")
        series.add("loss", None, n, loss)
        series.add("score", None, n, score)
    notes = (
        "The notebook's load_data print '800 training / 400 dev' and '4 classes' (counts), then "
        "per epoch a tqdm bar over the batches (leave=False, stderr; '  0%|          | 0/100 "
        "[00:00<?, ?it/s]': counts and a rate) and print(f'{n}\\t{loss:.2f}\\t{score:.3f}'): "
        "'0\\t97.47\\t0.578' = the 0-based epoch, the squared error summed over the epoch's "
        "examples (2 decimals) and the dev accuracy (3 decimals), tab-separated, no header, no "
        "names (the truth names them 'loss' and 'score', the notebook's variables; epoch = the "
        "first field)."
    )

_truth.write(
    library=(
        f"thinc {metadata.version('thinc')} (wasabi {metadata.version('wasabi')}, tqdm "
        f"{tqdm.__version__}, numpy {numpy.__version__})"
    ),
    script="tests/corpus/scripts/thinc_examples.py",
    record="the values the example's loop computed and printed (Thinc keeps no training history)",
    step_kind="epoch",
    series=series,
    notes=notes,
)
