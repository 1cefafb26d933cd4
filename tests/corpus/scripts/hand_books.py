"""Hand-written training loops printing exactly like popular books, courses and lecture code.

Each style re-creates one well-known teaching loop's print statements (format strings and print
cadence written from the originals, nothing downloaded) around a tiny real PyTorch model on
synthetic data, so the printed numbers are real training numbers. The script keeps every metric
it printed, at full precision, from the variables it printed, as its own record (the truth).
Versions: torch 2.13.0+cpu, numpy 2.4.6, tqdm 4.x, Python 3.11 (venv /work/venvs/corpus-zAV-1).
Capture (repository root), one entry per style:
    python tests/corpus/scripts/capture.py pipe real_hand_makemore_script -- python tests/corpus/scripts/hand_books.py makemore
    python tests/corpus/scripts/capture.py pipe real_hand_makemore_notebook -- python tests/corpus/scripts/hand_books.py makemore_nb
    python tests/corpus/scripts/capture.py pipe real_hand_micrograd_demo -- python tests/corpus/scripts/hand_books.py micrograd
    python tests/corpus/scripts/capture.py pipe real_hand_d2l_linreg -- python tests/corpus/scripts/hand_books.py d2l_linreg
    python tests/corpus/scripts/capture.py pipe real_hand_d2l_lenet -- python tests/corpus/scripts/hand_books.py d2l_lenet
    python tests/corpus/scripts/capture.py pipe real_hand_ztm_engine -- python tests/corpus/scripts/hand_books.py ztm_engine
    python tests/corpus/scripts/capture.py pty real_hand_ztm_engine_pty -- python tests/corpus/scripts/hand_books.py ztm_engine
    python tests/corpus/scripts/capture.py pipe real_hand_ztm_cv -- python tests/corpus/scripts/hand_books.py ztm_cv
    python tests/corpus/scripts/capture.py pty real_hand_ztm_cv_pty -- python tests/corpus/scripts/hand_books.py ztm_cv
    python tests/corpus/scripts/capture.py pipe real_hand_miniai_basic -- python tests/corpus/scripts/hand_books.py miniai_basic
    python tests/corpus/scripts/capture.py pipe real_hand_miniai_metricscb -- python tests/corpus/scripts/hand_books.py miniai_metricscb
    python tests/corpus/scripts/capture.py pipe real_hand_d2l_rnn -- python tests/corpus/scripts/hand_books.py d2l_rnn
    python tests/corpus/scripts/capture.py pipe real_hand_llm_classify -- python tests/corpus/scripts/hand_books.py llm_classify
    python tests/corpus/scripts/capture.py pipe real_hand_pyml_book -- python tests/corpus/scripts/hand_books.py pyml_book
    python tests/corpus/scripts/capture.py pipe real_hand_hf_course_clm -- python tests/corpus/scripts/hand_books.py hf_course_clm
    python tests/corpus/scripts/capture.py pty real_hand_hf_course_clm_pty -- python tests/corpus/scripts/hand_books.py hf_course_clm
(LLMs-from-scratch ch. 5, Keras' loop-from-scratch guide and the HF course accelerate loop are
already in the corpus: real_hand_llm_from_scratch, real_tf_guide_loop, real_accelerate_loop.)
"""

from __future__ import annotations

import math
import os
import random
import sys
import time
from timeit import default_timer as timer

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

style = sys.argv[1]
rec = Record()
torch.manual_seed(0)
torch.set_num_threads(1)
NOTES: dict[str, str] = {}
EXTRA: dict[str, list[str]] = {}
KIND: dict[str, str] = {}
NOT_PRINTED: dict[str, list[str]] = {}

SYL = "an el ar ia ly na ri ja ma so ke li ev ad em or is ta yn ce lo bel".split()


def names(n: int, seed: int) -> list[str]:
    r = random.Random(seed)
    return ["".join(r.choice(SYL) for _ in range(r.randint(2, 4))) for _ in range(n)]


def classification(n: int, dim: int, classes: int, seed: int):
    g = torch.Generator().manual_seed(seed)
    centers = torch.randn(classes, dim, generator=g) * 1.2
    y = torch.randint(0, classes, (n,), generator=g)
    x = centers[y] + torch.randn(n, dim, generator=g)
    return x, y


# ------------------------------------------------------------ 1. karpathy/makemore makemore.py
def makemore():
    class Args:
        pass

    args = Args()
    args.__dict__.update(
        {
            "input_file": "names.txt",
            "work_dir": "out",
            "resume": False,
            "sample_only": False,
            "num_workers": 4,
            "max_steps": 1001,
            "device": "cpu",
            "seed": 3407,
            "top_k": -1,
            "type": "mlp",
            "n_layer": 4,
            "n_head": 4,
            "n_embd": 16,
            "n_embd2": 32,
            "batch_size": 32,
            "learning_rate": 0.005,
            "weight_decay": 0.01,
        }
    )
    print(vars(args))
    torch.manual_seed(args.seed)
    words = sorted(set(names(1200, 1)))
    chars = sorted(list(set("".join(words))))
    max_word_length = max(len(w) for w in words)
    print(f"number of examples in the dataset: {len(words)}")
    print(f"max word length: {max_word_length}")
    print(f"number of unique characters in the vocabulary: {len(chars)}")
    print("vocabulary:")
    print("".join(chars))
    test_set_size = min(1000, int(len(words) * 0.1))
    rp = torch.randperm(len(words)).tolist()
    train_words = [words[i] for i in rp[:-test_set_size]]
    test_words = [words[i] for i in rp[-test_set_size:]]
    print(
        f"split up the dataset into {len(train_words)} training examples and "
        f"{len(test_words)} test examples"
    )
    stoi = {ch: i + 1 for i, ch in enumerate(chars)}
    itos = {i: s for s, i in stoi.items()}
    vocab_size = len(chars) + 1
    block_size = max_word_length + 1

    def encode(w):
        ix = torch.tensor([stoi[c] for c in w], dtype=torch.long)
        x = torch.zeros(block_size, dtype=torch.long)
        y = torch.zeros(block_size, dtype=torch.long)
        x[1 : 1 + len(ix)] = ix
        y[: len(ix)] = ix
        y[len(ix) + 1 :] = -1
        return x, y

    train_xy = [encode(w) for w in train_words]
    test_xy = [encode(w) for w in test_words]
    print(f"dataset determined that: {vocab_size=}, {block_size=}")

    class MLP(nn.Module):
        def __init__(self):
            super().__init__()
            self.wte = nn.Embedding(vocab_size + 1, args.n_embd)
            self.mlp = nn.Sequential(
                nn.Linear(block_size * args.n_embd, args.n_embd2),
                nn.Tanh(),
                nn.Linear(args.n_embd2, vocab_size),
            )

        def forward(self, idx, targets=None):
            embs = []
            for _ in range(block_size):
                embs.append(self.wte(idx))
                idx = torch.roll(idx, 1, 1)
                idx[:, 0] = vocab_size
            logits = self.mlp(torch.cat(embs, -1))
            loss = None
            if targets is not None:
                loss = F.cross_entropy(
                    logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1
                )
            return logits, loss

    model = MLP()
    print(f"model #params: {sum(p.numel() for p in model.parameters())}")
    optimizer = torch.optim.AdamW(
        model.parameters(), lr=args.learning_rate, weight_decay=args.weight_decay
    )

    def batch(data, n, g=None):
        ix = torch.randint(0, len(data), (n,), generator=g)
        return (torch.stack([data[i][0] for i in ix]), torch.stack([data[i][1] for i in ix]))

    @torch.inference_mode()
    def evaluate(data, batch_size, max_batches=None):
        model.eval()
        losses = []
        for i in range(0, len(data), batch_size):
            X = torch.stack([d[0] for d in data[i : i + batch_size]])
            Y = torch.stack([d[1] for d in data[i : i + batch_size]])
            losses.append(model(X, Y)[1].item())
            if max_batches is not None and len(losses) >= max_batches:
                break
        mean_loss = torch.tensor(losses).mean().item()
        model.train()
        return mean_loss

    @torch.no_grad()
    def print_samples(num=10):
        X_init = torch.zeros(num, 1, dtype=torch.long)
        idx = X_init
        for _ in range(block_size - 1):
            cond = idx if idx.size(1) <= block_size else idx[:, -block_size:]
            logits, _ = model(cond)
            probs = F.softmax(logits[:, -1, :], dim=-1)
            idx = torch.cat((idx, torch.multinomial(probs, 1)), dim=1)
        train_samples, test_samples, new_samples = [], [], []
        for i in range(idx.size(0)):
            row = idx[i, 1:].tolist()
            crop = row.index(0) if 0 in row else len(row)
            word = "".join(itos[t] for t in row[:crop])
            if word in train_words:
                train_samples.append(word)
            elif word in test_words:
                test_samples.append(word)
            else:
                new_samples.append(word)
        print("-" * 80)
        for lst, desc in [
            (train_samples, "in train"),
            (test_samples, "in test"),
            (new_samples, "new"),
        ]:
            print(f"{len(lst)} samples that are {desc}:")
            for word in lst:
                print(word)
        print("-" * 80)

    best_loss = None
    step = 0
    g = torch.Generator().manual_seed(args.seed)
    while True:
        t0 = time.time()
        X, Y = batch(train_xy, args.batch_size, g)
        logits, loss = model(X, Y)
        model.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        t1 = time.time()
        if step % 10 == 0:
            print(
                f"step {step} | loss {rec('loss', step, None, loss.item()):.4f} | "
                f"step time {(t1 - t0) * 1000:.2f}ms"
            )
        if step > 0 and step % 500 == 0:
            train_loss = evaluate(train_xy, batch_size=100, max_batches=10)
            test_loss = evaluate(test_xy, batch_size=100, max_batches=10)
            rec("train loss", step, None, train_loss)
            rec("test loss", step, None, test_loss)
            print(f"step {step} train loss: {train_loss} test loss: {test_loss}")
            if best_loss is None or test_loss < best_loss:
                out_path = os.path.join(args.work_dir, "model.pt")
                print(f"test loss {test_loss} is the best so far, saving model to {out_path}")
                best_loss = test_loss
        if step > 0 and step % 200 == 0:
            print_samples(num=10)
        step += 1
        if args.max_steps >= 0 and step >= args.max_steps:
            break


NOTES["makemore"] = (
    "karpathy/makemore makemore.py's prints verbatim (type mlp, tiny sizes): first "
    "print(vars(args)) - the argument dict {'input_file': 'names.txt', ..., 'max_steps': 1001, "
    "'seed': 3407, 'n_embd': 16, 'batch_size': 32, 'learning_rate': 0.005, ...} (settings, not "
    "metrics); 'number of examples in the dataset: 1060', 'max word length: 10', 'number of "
    "unique characters in the vocabulary: 17', the vocabulary, 'split up the dataset into 954 "
    "training examples and 106 test examples', 'dataset determined that: vocab_size=18, "
    "block_size=11', 'model #params: 6562' (all counts and sizes). Then every 10 steps 'step 40 | "
    "loss 2.1234 | step time 3.21ms' (the batch loss; step time is a duration, extra_ok), every "
    "500 steps 'step 500 train loss: 2.07... test loss: 2.11...' (full float repr: means over "
    "10 eval batches) followed by 'test loss 2.11... is the best so far, saving model to "
    "out/model.pt' (the SAME test loss value repeated, recorded once), and every 200 steps a "
    "block of samples between two 80-dash rules: '3 samples that are in train:' / '0 samples "
    "that are in test:' / '7 samples that are new:' each followed by the generated names (counts "
    "and words, no metric). The truth's step is the printed step (from 0)."
)
EXTRA["makemore"] = ["step time (ms)"]
KIND["makemore"] = "global"


# ------------------------------------------------ 2. makemore lecture notebook (part 2/3 MLP)
def makemore_nb():
    words = names(1500, 2)
    print(len(words))
    print(words[:8])
    chars = sorted(list(set("".join(words))))
    stoi = {s: i + 1 for i, s in enumerate(chars)}
    stoi["."] = 0
    itos = {i: s for s, i in stoi.items()}
    vocab_size = len(itos)
    print(itos)
    print(vocab_size)
    block_size = 3

    def build_dataset(words):
        X, Y = [], []
        for w in words:
            context = [0] * block_size
            for ch in w + ".":
                ix = stoi[ch]
                X.append(context)
                Y.append(ix)
                context = context[1:] + [ix]
        X = torch.tensor(X)
        Y = torch.tensor(Y)
        print(X.shape, Y.shape)
        return X, Y

    random.seed(42)
    random.shuffle(words)
    n1 = int(0.8 * len(words))
    n2 = int(0.9 * len(words))
    Xtr, Ytr = build_dataset(words[:n1])
    Xdev, Ydev = build_dataset(words[n1:n2])
    Xte, Yte = build_dataset(words[n2:])
    n_embd, n_hidden = 10, 64
    g = torch.Generator().manual_seed(2147483647)
    C = torch.randn((vocab_size, n_embd), generator=g)
    W1 = (
        torch.randn((n_embd * block_size, n_hidden), generator=g)
        * (5 / 3)
        / ((n_embd * block_size) ** 0.5)
    )
    b1 = torch.randn(n_hidden, generator=g) * 0.01
    W2 = torch.randn((n_hidden, vocab_size), generator=g) * 0.01
    b2 = torch.randn(vocab_size, generator=g) * 0
    parameters = [C, W1, b1, W2, b2]
    print(sum(p.nelement() for p in parameters))
    for p in parameters:
        p.requires_grad = True
    max_steps = 6000
    batch_size = 32
    lossi = []
    for i in range(max_steps):
        ix = torch.randint(0, Xtr.shape[0], (batch_size,), generator=g)
        Xb, Yb = Xtr[ix], Ytr[ix]
        emb = C[Xb]
        h = torch.tanh(emb.view(emb.shape[0], -1) @ W1 + b1)
        logits = h @ W2 + b2
        loss = F.cross_entropy(logits, Yb)
        for p in parameters:
            p.grad = None
        loss.backward()
        lr = 0.1 if i < 4000 else 0.01
        for p in parameters:
            p.data += -lr * p.grad
        if i % 1000 == 0:
            print(f"{i:7d}/{max_steps:7d}: {rec('loss', i, None, loss.item()):.4f}")
        lossi.append(loss.log10().item())

    @torch.no_grad()
    def split_loss(split):
        x, y = {"train": (Xtr, Ytr), "val": (Xdev, Ydev), "test": (Xte, Yte)}[split]
        emb = C[x]
        h = torch.tanh(emb.view(emb.shape[0], -1) @ W1 + b1)
        loss = F.cross_entropy(h @ W2 + b2, y)
        print(split, rec(split, None, None, loss.item()))

    split_loss("train")
    split_loss("val")
    g = torch.Generator().manual_seed(2147483647 + 10)
    for _ in range(8):
        out = []
        context = [0] * block_size
        while True:
            emb = C[torch.tensor([context])]
            h = torch.tanh(emb.view(1, -1) @ W1 + b1)
            probs = F.softmax(h @ W2 + b2, dim=1)
            ix = torch.multinomial(probs, num_samples=1, generator=g).item()
            context = context[1:] + [ix]
            out.append(ix)
            if ix == 0 or len(out) > 20:
                break
        print("".join(itos[i] for i in out))


NOTES["makemore_nb"] = (
    "Karpathy's 'Neural Networks: Zero to Hero' makemore part 2/3 notebook cells run as a script "
    "(print() added where a cell displays its last value): len(words) '1500', the first words "
    "as a list, the itos dict {1: 'a', 2: 'c', ..., 0: '.'} and vocab_size, build_dataset's "
    "'torch.Size([8505, 3]) torch.Size([8505])' per split, the parameter count '3334' (counts, "
    "shapes, no metric). Then every 1000 steps '      0/   6000: 3.3012' ({i:7d}/{max_steps:7d}: "
    "the batch loss; the truth's step is i, from 0) and after training split_loss's 'train "
    "2.0123...' and 'val 2.1098...' (print(split, loss.item()): a bare split word then a full "
    "float; recorded as series 'train' and 'val', step null: the script gives them none), "
    "then 8 sampled names ending in '.' (words, no metric)."
)
EXTRA["makemore_nb"] = []
KIND["makemore_nb"] = "global"


# ------------------------------------------------------------ 3. karpathy/micrograd demo.ipynb
def micrograd():
    g = torch.Generator().manual_seed(1337)
    n = 100
    t = torch.rand(n, generator=g) * math.pi
    lab = torch.randint(0, 2, (n,), generator=g)
    X = torch.stack([torch.cos(t) + lab, torch.sin(t) * (1 - 2 * lab) + 0.5 * lab], 1)
    X = (X + 0.1 * torch.randn(n, 2, generator=g)).double()
    y = (lab * 2 - 1).double()
    model = nn.Sequential(
        nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1)
    ).double()
    print(
        "MLP of [Layer of [ReLUNeuron(2)"
        + ", ReLUNeuron(2)" * 15
        + "], Layer of [ReLUNeuron(16)"
        + ", ReLUNeuron(16)" * 15
        + "], Layer of [LinearNeuron(16)]]"
    )
    print("number of parameters", sum(p.numel() for p in model.parameters()))

    def loss():
        scores = model(X).squeeze(1)
        losses = F.relu(1 + -y * scores)
        data_loss = losses.sum() * (1.0 / len(losses))
        alpha = 1e-4
        reg_loss = alpha * sum((p * p).sum() for p in model.parameters())
        total_loss = data_loss + reg_loss
        accuracy = [
            (yi > 0) == (si > 0) for yi, si in zip(y.tolist(), scores.tolist(), strict=True)
        ]
        return total_loss, sum(accuracy) / len(accuracy)

    total_loss, acc = loss()
    print(total_loss.item(), acc)
    rec("total_loss", None, None, total_loss.item())
    rec("acc", None, None, float(acc))
    for k in range(40):
        total_loss, acc = loss()
        model.zero_grad()
        total_loss.backward()
        learning_rate = 1.0 - 0.9 * k / 100
        with torch.no_grad():
            for p in model.parameters():
                p -= learning_rate * p.grad
        if k % 1 == 0:
            data = total_loss.item()
            print(
                f"step {k} loss {rec('loss', k, None, data)}, "
                f"accuracy {rec('accuracy', k, None, float(acc) * 100)}%"
            )


NOTES["micrograd"] = (
    "karpathy/micrograd demo.ipynb as a script (torch float64 stands in for micrograd's Value; "
    "the printed text is the demo's): print(model) 'MLP of [Layer of [ReLUNeuron(2), ...], "
    "Layer of [LinearNeuron(16)]]' (the 2 and 16 are input sizes), 'number of parameters 337' "
    "(a count), then the notebook's 'total_loss, acc = loss(); print(total_loss.data, acc)' "
    "cell: '1.0011752127484543 0.51' (two bare numbers on one line, before training: recorded as "
    "'total_loss' and 'acc', steps null, named after the variables since the line names "
    "nothing), then every step 'step 0 loss 1.0011752127484543, accuracy 51.0%' (full float repr; the "
    "accuracy printed as percent, acc*100, so 57.00000000000001 can appear). The truth's step is "
    "k from 0; the loss is measured BEFORE that step's update."
)
EXTRA["micrograd"] = []
KIND["micrograd"] = "global"


# ---------------------------------------------- 4. Dive into Deep Learning 3.2 linreg scratch
def d2l_linreg():
    def synthetic_data(w, b, num_examples):
        X = torch.normal(0, 1, (num_examples, len(w)))
        y = torch.matmul(X, w) + b
        y += torch.normal(0, 0.01, y.shape)
        return X, y.reshape((-1, 1))

    true_w = torch.tensor([2, -3.4])
    true_b = 4.2
    features, labels = synthetic_data(true_w, true_b, 1000)
    print("features:", features[0], "\nlabel:", labels[0])

    def data_iter(batch_size, features, labels):
        num_examples = len(features)
        indices = list(range(num_examples))
        random.shuffle(indices)
        for i in range(0, num_examples, batch_size):
            batch_indices = torch.tensor(indices[i : min(i + batch_size, num_examples)])
            yield features[batch_indices], labels[batch_indices]

    random.seed(0)
    batch_size = 10
    for X, y in data_iter(batch_size, features, labels):
        print(X, "\n", y)
        break
    w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)

    def linreg(X, w, b):
        return torch.matmul(X, w) + b

    def squared_loss(y_hat, y):
        return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2

    def sgd(params, lr, batch_size):
        with torch.no_grad():
            for param in params:
                param -= lr * param.grad / batch_size
                param.grad.zero_()

    lr = 0.03
    num_epochs = 3
    net = linreg
    loss = squared_loss
    for epoch in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels):
            l = loss(net(X, w, b), y)  # noqa: E741 (the book's name)
            l.sum().backward()
            sgd([w, b], lr, batch_size)
        with torch.no_grad():
            train_l = loss(net(features, w, b), labels)
            print(
                f"epoch {epoch + 1}, loss {rec('loss', None, epoch + 1, float(train_l.mean())):f}"
            )
    print(f"error in estimating w: {true_w - w.reshape(true_w.shape)}")
    print(f"error in estimating b: {true_b - b}")


NOTES["d2l_linreg"] = (
    "Dive into Deep Learning section 3.2 (linear regression from scratch, PyTorch edition) as a "
    "script, its prints verbatim: 'features: tensor([...]) \\nlabel: tensor([...])' (one data "
    "example), the first minibatch 'print(X, \"\\n\", y)' (two tensors of data), then per epoch "
    "'epoch 1, loss 0.032961' ({:f}: six decimals; the full-data mean squared loss / 2; the "
    "truth's epoch is the printed 1-based epoch, step null), then 'error in estimating w: "
    "tensor([ 0.0005, -0.0011], grad_fn=<SubBackward0>)' and 'error in estimating b: "
    "tensor([0.0007], grad_fn=<RsubBackward1>)' - differences between fitted and true "
    "coefficients (estimates, NOT metrics: not in the truth)."
)
EXTRA["d2l_linreg"] = []
KIND["d2l_linreg"] = "epoch"


# ------------------------------------ 5. Dive into Deep Learning 6.6 LeNet + d2l.train_ch6
def d2l_lenet():
    # section 8.5's concise batch-normalized LeNet (the plain sigmoid LeNet of 6.6 sits at
    # chance for the few hundred steps affordable here)
    net = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2),
        nn.BatchNorm2d(6),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5),
        nn.BatchNorm2d(16),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120),
        nn.BatchNorm1d(120),
        nn.Sigmoid(),
        nn.Linear(120, 84),
        nn.BatchNorm1d(84),
        nn.Sigmoid(),
        nn.Linear(84, 10),
    )
    net.eval()
    X = torch.rand(size=(1, 1, 28, 28), dtype=torch.float32)
    for layer in net:
        X = layer(X)
        print(layer.__class__.__name__, "output shape: \t", X.shape)
    # synthetic 28x28 "images": 10 class templates + noise
    g = torch.Generator().manual_seed(3)
    templates = torch.rand(10, 1, 28, 28, generator=g)

    def make(n):
        y = torch.randint(0, 10, (n,), generator=g)
        return templates[y] + 2.0 * torch.randn(n, 1, 28, 28, generator=g), y

    Xtr, Ytr = make(2048)
    Xte, Yte = make(256)
    batch_size = 32
    train_iter = [(Xtr[i : i + batch_size], Ytr[i : i + batch_size]) for i in range(0, 2048, 32)]
    test_iter = [(Xte[i : i + batch_size], Yte[i : i + batch_size]) for i in range(0, 256, 32)]

    def accuracy(y_hat, y):
        if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
            y_hat = y_hat.argmax(axis=1)
        cmp = y_hat.type(y.dtype) == y
        return float(cmp.type(y.dtype).sum())

    def evaluate_accuracy_gpu(net, data_iter):
        net.eval()
        right, total = 0.0, 0
        with torch.no_grad():
            for X, y in data_iter:
                right += accuracy(net(X), y)
                total += y.numel()
        return right / total

    def train_ch6(net, train_iter, test_iter, num_epochs, lr, device):
        def init_weights(m):
            if type(m) in (nn.Linear, nn.Conv2d):
                nn.init.xavier_uniform_(m.weight)

        net.apply(init_weights)
        print("training on", device)
        net.to(device)
        optimizer = torch.optim.SGD(net.parameters(), lr=lr)
        loss = nn.CrossEntropyLoss()
        timer_sum = 0.0
        for _epoch in range(num_epochs):
            metric = [0.0, 0.0, 0.0]
            net.train()
            for X, y in train_iter:
                t0 = time.time()
                optimizer.zero_grad()
                y_hat = net(X)
                l = loss(y_hat, y)  # noqa: E741
                l.backward()
                optimizer.step()
                with torch.no_grad():
                    metric[0] += l * X.shape[0]
                    metric[1] += accuracy(y_hat, y)
                    metric[2] += X.shape[0]
                timer_sum += time.time() - t0
                train_l = float(metric[0] / metric[2])
                train_acc = metric[1] / metric[2]
            test_acc = evaluate_accuracy_gpu(net, test_iter)
        rec("loss", None, num_epochs, train_l)
        rec("train acc", None, num_epochs, train_acc)
        rec("test acc", None, num_epochs, test_acc)
        print(f"loss {train_l:.3f}, train acc {train_acc:.3f}, test acc {test_acc:.3f}")
        print(f"{metric[2] * num_epochs / timer_sum:.1f} examples/sec on {str(device)}")

    lr, num_epochs = 1.0, 5
    train_ch6(net, train_iter, test_iter, num_epochs, lr, torch.device("cpu"))
    print((net[1].weight.reshape((-1,)), net[1].bias.reshape((-1,))))


NOTES["d2l_lenet"] = (
    "Dive into Deep Learning sections 6.6/8.5 (LeNet with batch normalization, concise) as a "
    "script with d2l.train_ch6's prints verbatim (its Animator plot draws nothing on a "
    "console): 6.6's shape check 'Conv2d output shape: \\t torch.Size([1, 6, 28, 28])' per "
    "layer (shapes, no metric), 'training on cpu', "
    "then after the LAST epoch only 'loss 2.212, train acc 0.178, test acc 0.195' (the last "
    "epoch's mean training loss and accuracy, and the test accuracy; the truth's epoch is "
    "num_epochs=5, step null) and '23456.7 examples/sec on cpu' (throughput, extra_ok), then "
    "8.5's display of the first BatchNorm layer's learned scale and shift '(tensor([0.75, ...], "
    "grad_fn=<ViewBackward0>), tensor([...], grad_fn=<ViewBackward0>))' (parameters, NOT "
    "metrics). Data: "
    "synthetic 28x28 one-channel images (10 noisy templates)."
)
EXTRA["d2l_lenet"] = ["examples/sec"]
KIND["d2l_lenet"] = "epoch"


# --------------------------- 6. Zero to Mastery PyTorch going_modular engine.train (tqdm bar)
def ztm_engine():
    from tqdm.auto import tqdm

    x, y = classification(600, 20, 3, 5)
    xt, yt = classification(150, 20, 3, 5)
    train_dataloader = [(x[i : i + 32], y[i : i + 32]) for i in range(0, 600, 32)]
    test_dataloader = [(xt[i : i + 32], yt[i : i + 32]) for i in range(0, 150, 32)]
    model = nn.Sequential(nn.Linear(20, 10), nn.ReLU(), nn.Linear(10, 3))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)

    def train_step(model, dataloader, loss_fn, optimizer):
        model.train()
        train_loss, train_acc = 0, 0
        for X, y in dataloader:
            y_pred = model(X)
            loss = loss_fn(y_pred, y)
            train_loss += loss.item()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            y_pred_class = torch.argmax(torch.softmax(y_pred, dim=1), dim=1)
            train_acc += (y_pred_class == y).sum().item() / len(y_pred)
        return train_loss / len(dataloader), train_acc / len(dataloader)

    def test_step(model, dataloader, loss_fn):
        model.eval()
        test_loss, test_acc = 0, 0
        with torch.inference_mode():
            for X, y in dataloader:
                test_pred_logits = model(X)
                test_loss += loss_fn(test_pred_logits, y).item()
                test_pred_labels = test_pred_logits.argmax(dim=1)
                test_acc += (test_pred_labels == y).sum().item() / len(test_pred_labels)
        return test_loss / len(dataloader), test_acc / len(dataloader)

    def train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs):
        results = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
        for epoch in tqdm(range(epochs)):
            train_loss, train_acc = train_step(model, train_dataloader, loss_fn, optimizer)
            test_loss, test_acc = test_step(model, test_dataloader, loss_fn)
            print(
                f"Epoch: {epoch + 1} | "
                f"train_loss: {train_loss:.4f} | "
                f"train_acc: {train_acc:.4f} | "
                f"test_loss: {test_loss:.4f} | "
                f"test_acc: {test_acc:.4f}"
            )
            results["train_loss"].append(train_loss)
            results["train_acc"].append(train_acc)
            results["test_loss"].append(test_loss)
            results["test_acc"].append(test_acc)
            time.sleep(0.2)
        return results

    torch.manual_seed(42)
    NUM_EPOCHS = 5
    start_time = timer()
    results = train(model, train_dataloader, test_dataloader, optimizer, loss_fn, NUM_EPOCHS)
    end_time = timer()
    print(f"[INFO] Total training time: {end_time - start_time:.3f} seconds")
    for name in ("train_loss", "train_acc", "test_loss", "test_acc"):
        for e, v in enumerate(results[name]):
            rec(name, None, e + 1, v)


NOTES["ztm_engine"] = (
    "Zero to Mastery 'Learn PyTorch for Deep Learning' going_modular/engine.py train() verbatim: "
    "a tqdm.auto bar over the epochs (stderr, '\\r' redraws, '40%|####      | 2/5 [00:00<00:00, "
    "4.9it/s]': counts, percent and rate of the bar, no metric) and per epoch on stdout 'Epoch: "
    "1 | train_loss: 1.0924 | train_acc: 0.3984 | test_loss: 1.0910 | test_acc: 0.3711' (epoch "
    "1-based), then notebook 05's '[INFO] Total training time: 1.234 seconds' (a duration, "
    "extra_ok). Piped, each Epoch line follows the bar's last redraw on the same line (tqdm "
    "flushes stdout before each redraw; the bar ends without a newline until it closes). Truth: engine.train's returned results dict, epoch = printed "
    "epoch, step null. A 0.2 s sleep per epoch lets the bar redraw as a real epoch would."
)
EXTRA["ztm_engine"] = ["Total training time (seconds)", "tqdm bar rate (it/s)"]
KIND["ztm_engine"] = "epoch"


# ------------------------------- 7. Zero to Mastery notebook 03 (FashionMNIST model_0 loop)
def ztm_cv():
    from tqdm.auto import tqdm

    g = torch.Generator().manual_seed(42)
    templates = torch.rand(10, 1, 28, 28, generator=g)

    def make(n):
        y = torch.randint(0, 10, (n,), generator=g)
        return templates[y] + 2.5 * torch.randn(n, 1, 28, 28, generator=g), y

    class DS:
        def __init__(self, n):
            self.x, self.y = make(n)

        def __len__(self):
            return len(self.y)

    train_data, test_data = DS(3200), DS(640)
    BATCH_SIZE = 32
    train_dataloader = torch.utils.data.DataLoader(
        list(zip(train_data.x, train_data.y, strict=True)), batch_size=BATCH_SIZE, shuffle=True
    )
    test_dataloader = torch.utils.data.DataLoader(
        list(zip(test_data.x, test_data.y, strict=True)), batch_size=BATCH_SIZE, shuffle=False
    )
    print(f"Dataloaders: {(train_dataloader, test_dataloader)}")
    print(f"Length of train dataloader: {len(train_dataloader)} batches of {BATCH_SIZE}")
    print(f"Length of test dataloader: {len(test_dataloader)} batches of {BATCH_SIZE}")

    class FashionMNISTModelV0(nn.Module):
        def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
            super().__init__()
            self.layer_stack = nn.Sequential(
                nn.Flatten(),
                nn.Linear(in_features=input_shape, out_features=hidden_units),
                nn.Linear(in_features=hidden_units, out_features=output_shape),
            )

        def forward(self, x):
            return self.layer_stack(x)

    torch.manual_seed(42)
    model_0 = FashionMNISTModelV0(input_shape=784, hidden_units=10, output_shape=10)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(params=model_0.parameters(), lr=0.1)

    def accuracy_fn(y_true, y_pred):
        correct = torch.eq(y_true, y_pred).sum().item()
        return (correct / len(y_pred)) * 100

    def print_train_time(start: float, end: float, device=None):
        total_time = end - start
        print(f"Train time on {device}: {total_time:.3f} seconds")
        return total_time

    torch.manual_seed(42)
    train_time_start_on_cpu = timer()
    epochs = 3
    for epoch in tqdm(range(epochs)):
        print(f"Epoch: {epoch}\n-------")
        train_loss = 0
        for batch, (X, y) in enumerate(train_dataloader):
            model_0.train()
            y_pred = model_0(X)
            loss = loss_fn(y_pred, y)
            train_loss += loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if batch % 40 == 0:
                print(f"Looked at {batch * len(X)}/{len(train_dataloader.dataset)} samples")
        train_loss /= len(train_dataloader)
        test_loss, test_acc = 0, 0
        model_0.eval()
        with torch.inference_mode():
            for X, y in test_dataloader:
                test_pred = model_0(X)
                test_loss += loss_fn(test_pred, y)
                test_acc += accuracy_fn(y_true=y, y_pred=test_pred.argmax(dim=1))
            test_loss /= len(test_dataloader)
            test_acc /= len(test_dataloader)
        rec("Train loss", None, epoch, train_loss.item())
        rec("Test loss", None, epoch, test_loss.item())
        rec("Test acc", None, epoch, test_acc)
        print(
            f"\nTrain loss: {train_loss:.5f} | Test loss: {test_loss:.5f}, "
            f"Test acc: {test_acc:.2f}%\n"
        )
    train_time_end_on_cpu = timer()
    print_train_time(
        start=train_time_start_on_cpu,
        end=train_time_end_on_cpu,
        device=str(next(model_0.parameters()).device),
    )

    torch.manual_seed(42)

    def eval_model(model, data_loader, loss_fn, accuracy_fn):
        loss, acc = 0, 0
        model.eval()
        with torch.inference_mode():
            for X, y in data_loader:
                y_pred = model(X)
                loss += loss_fn(y_pred, y)
                acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))
            loss /= len(data_loader)
            acc /= len(data_loader)
        return {
            "model_name": model.__class__.__name__,
            "model_loss": loss.item(),
            "model_acc": acc,
        }

    model_0_results = eval_model(model_0, test_dataloader, loss_fn, accuracy_fn)
    rec("model_loss", None, None, model_0_results["model_loss"])
    rec("model_acc", None, None, model_0_results["model_acc"])
    print(model_0_results)


NOTES["ztm_cv"] = (
    "Zero to Mastery 'Learn PyTorch for Deep Learning' notebook 03 (computer vision) model_0 "
    "cells as a script, prints verbatim: the DataLoader pair repr (object addresses), 'Length "
    "of train dataloader: 100 batches of 32' (counts), a tqdm.auto bar over 3 epochs (stderr), "
    "per epoch 'Epoch: 0' + '-------', 'Looked at 1280/3200 samples' every 40 batches "
    "(counts, not metrics), then '\\nTrain loss: 0.59039 | Test loss: 0.50954, Test acc: "
    "82.04%\\n' (epoch 0-based as printed; Test acc is a percent), 'Train time on cpu: 1.234 "
    "seconds' (a duration, extra_ok), and print(model_0_results) "
    "\"{'model_name': 'FashionMNISTModelV0', 'model_loss': 0.47..., 'model_acc': 83.4...}\" "
    "(eval_model over the test set again after training: full float repr; steps null). Data: "
    "synthetic 28x28 images (10 noisy templates), 3200 train / 640 test. Piped, the bar's "
    "redraws and the prints interleave (tqdm flushes stdout before each redraw)."
)
EXTRA["ztm_cv"] = ["Train time on cpu (seconds)", "tqdm bar rate (it/s)"]
KIND["ztm_cv"] = "epoch"


# ------------------------------ 8. fast.ai course part 2 (2022) miniai: the first basic Learner
def _miniai_data():
    xa, ya = classification(2000, 20, 4, 8)  # one draw, split: the same classes
    x, y, xv, yv = xa[:1600], ya[:1600], xa[1600:], ya[1600:]
    bs = 64
    train = [(x[i : i + bs], y[i : i + bs]) for i in range(0, len(x), bs)]
    valid = [(xv[i : i + bs], yv[i : i + bs]) for i in range(0, len(xv), bs)]
    return train, valid


def miniai_basic():
    class DataLoaders:
        def __init__(self, train, valid):
            self.train, self.valid = train, valid

    train, valid = _miniai_data()
    dls = DataLoaders(train, valid)
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(20, 50), nn.ReLU(), nn.Linear(50, 4))

    class Learner:
        def __init__(self, model, dls, loss_func, lr, opt_func=torch.optim.SGD):
            self.model, self.dls, self.loss_func, self.lr, self.opt_func = (
                model,
                dls,
                loss_func,
                lr,
                opt_func,
            )

        def one_batch(self):
            self.xb, self.yb = self.batch
            self.preds = self.model(self.xb)
            self.loss = self.loss_func(self.preds, self.yb)
            if self.model.training:
                self.loss.backward()
                self.opt.step()
                self.opt.zero_grad()
            with torch.no_grad():
                self.calc_stats()

        def calc_stats(self):
            acc = (self.preds.argmax(dim=1) == self.yb).float().sum()
            self.accs.append(acc)
            n = len(self.xb)
            self.losses.append(self.loss * n)
            self.ns.append(n)

        def one_epoch(self, train):
            self.model.training = train
            dl = self.dls.train if train else self.dls.valid
            for self.num, self.batch in enumerate(dl):
                self.one_batch()
            n = sum(self.ns)
            loss, acc = sum(self.losses).item() / n, sum(self.accs).item() / n
            which = "train" if train else "valid"
            rec(f"{which} loss", None, self.epoch, loss)
            rec(f"{which} accuracy", None, self.epoch, acc)
            print(self.epoch, self.model.training, loss, acc)

        def fit(self, n_epochs):
            self.accs, self.losses, self.ns = [], [], []
            self.opt = self.opt_func(self.model.parameters(), self.lr)
            self.n_epochs = n_epochs
            for self.epoch in range(n_epochs):
                self.one_epoch(True)
                self.one_epoch(False)

    learn = Learner(model, dls, F.cross_entropy, lr=0.05)
    learn.fit(3)


NOTES["miniai_basic"] = (
    "fast.ai 'Practical Deep Learning for Coders' part 2 (2022), notebook 09_learner's first "
    "basic Learner, its print verbatim: print(self.epoch, self.model.training, loss, acc) after "
    "each training and each validation pass: '0 True 1.0519... 0.5881...' then '0 False 0.82... "
    "0.70...' - four bare fields, NO names: epoch (0-based), the training flag, the mean loss, "
    "the accuracy (full float repr). As in the notebook, the lists of losses and accuracies are "
    "never reset, so each printed pair is the running mean over ALL batches so far (train and "
    "valid mixed). The truth names them after the flag ('train loss'/'train accuracy' for True, "
    "'valid loss'/'valid accuracy' for False; none of these names is printed), epoch as printed, "
    "step null. A reader that stores the True and False rows as one series merges training and "
    "validation."
)
EXTRA["miniai_basic"] = []
KIND["miniai_basic"] = "epoch"


# ------------------------------- 9. miniai's MetricsCB (print(d) of the per-epoch log dict)
def miniai_metricscb():
    train, valid = _miniai_data()
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(20, 50), nn.ReLU(), nn.Linear(50, 4))

    class Mean:
        def reset(self):
            self.tot, self.n = 0.0, 0

        def update(self, v, weight=1):
            self.tot += float(v) * weight
            self.n += weight

        def compute(self):
            return torch.tensor(self.tot / self.n)

    class MulticlassAccuracy(Mean):
        def update(self, preds, targ):
            super().update((preds.argmax(1) == targ).float().mean(), len(targ))

    class MetricsCB:
        def __init__(self, *ms, **metrics):
            for o in ms:
                metrics[type(o).__name__] = o
            self.metrics = metrics
            self.all_metrics = dict(metrics)
            self.all_metrics["loss"] = self.loss = Mean()

        def _log(self, d):
            print(d)

        def before_epoch(self, learn):
            [o.reset() for o in self.all_metrics.values()]

        def after_epoch(self, learn):
            vals = {k: v.compute().item() for k, v in self.all_metrics.items()}
            log = {k: f"{v:.3f}" for k, v in vals.items()}
            log["epoch"] = learn.epoch
            log["train"] = "train" if learn.model.training else "eval"
            for k, v in vals.items():
                rec(f"{log['train']} {k}", None, learn.epoch, v)
            self._log(log)

        def after_batch(self, learn):
            for m in self.metrics.values():
                m.update(learn.preds, learn.batch[1])
            self.loss.update(learn.loss.detach(), weight=len(learn.batch[0]))

    class Learner:
        def __init__(self, model, loss_func, lr, cbs):
            self.model, self.loss_func, self.lr, self.cbs = model, loss_func, lr, cbs

        def fit(self, n_epochs):
            self.opt = torch.optim.SGD(self.model.parameters(), self.lr)
            for self.epoch in range(n_epochs):
                for train_, dl in ((True, train), (False, valid)):
                    self.model.train(train_)
                    for cb in self.cbs:
                        cb.before_epoch(self)
                    for self.batch in dl:
                        with torch.set_grad_enabled(train_):
                            self.preds = self.model(self.batch[0])
                            self.loss = self.loss_func(self.preds, self.batch[1])
                            if train_:
                                self.loss.backward()
                                self.opt.step()
                                self.opt.zero_grad()
                        for cb in self.cbs:
                            cb.after_batch(self)
                    for cb in self.cbs:
                        cb.after_epoch(self)

    metrics = MetricsCB(accuracy=MulticlassAccuracy())
    learn = Learner(model, F.cross_entropy, lr=0.05, cbs=[metrics])
    learn.fit(3)


NOTES["miniai_metricscb"] = (
    "fast.ai 'Practical Deep Learning for Coders' part 2 (2022) miniai learner.py's MetricsCB "
    "with its _log = print (before ProgressCB replaces it): after every training and every "
    "evaluation pass print(log) of \"{'accuracy': '0.602', 'loss': '1.183', 'epoch': 0, "
    "'train': 'train'}\" and then the same keys with 'train': 'eval' - the metric values are "
    "STRINGS formatted to 3 decimals, the epoch an int (0-based), and the pass is told only by "
    "the value of the key 'train' ('train' or 'eval'). The truth names the series after that "
    "value ('train accuracy', 'train loss', 'eval accuracy', 'eval loss'), epoch as printed, step "
    "null. A reader that stores 'accuracy' / 'loss' once merges training and evaluation into "
    "one series; 'epoch' is a counter, not a metric. (The accuracy metric stands in for "
    "torcheval's MulticlassAccuracy, the key name as the course passes it: accuracy=...)"
)
EXTRA["miniai_metricscb"] = []
KIND["miniai_metricscb"] = "epoch"


# ------------------------- 10. Dive into Deep Learning 8.2 + 8.6 (concise RNN, d2l.train_ch8)
def d2l_rnn():
    import collections

    wl = (
        "the time traveller for so it will be convenient to speak of him was expounding a "
        "recondite matter to us his grey eyes shone and twinkled and his usually pale face was "
        "flushed and animated the fire burned brightly"
    ).split()
    r = random.Random(4)
    lines = [" ".join(r.choice(wl) for _ in range(r.randint(4, 9))) for _ in range(400)]
    print(f"# text lines: {len(lines)}")
    print(lines[0])
    print(lines[10])
    tokens = [line.split() for line in lines]
    for i in range(3):
        print(tokens[i])
    counter = collections.Counter(t for line in tokens for t in line)
    idx_to_token = ["<unk>"] + [t for t, _ in sorted(counter.items(), key=lambda x: -x[1])]
    token_to_idx = {t: i for i, t in enumerate(idx_to_token)}
    print(list(token_to_idx.items())[:10])
    for i in [0, 10]:
        print("words:", tokens[i])
        print("indices:", [token_to_idx[t] for t in tokens[i]])
    chars = " ".join(lines)
    vocab = ["<unk>"] + sorted(set(chars))
    stoi = {c: i for i, c in enumerate(vocab)}
    corpus = [stoi[c] for c in chars]
    print((len(corpus), len(vocab)))

    batch_size, num_steps, num_hiddens = 32, 35, 64
    rnn_layer = nn.RNN(len(vocab), num_hiddens)
    state = torch.zeros((1, batch_size, num_hiddens))
    print(state.shape)
    X = torch.rand(size=(num_steps, batch_size, len(vocab)))
    Y, state_new = rnn_layer(X, state)
    print((Y.shape, state_new.shape))

    class RNNModel(nn.Module):
        def __init__(self, rnn_layer, vocab_size):
            super().__init__()
            self.rnn = rnn_layer
            self.vocab_size = vocab_size
            self.num_hiddens = self.rnn.hidden_size
            self.linear = nn.Linear(self.num_hiddens, self.vocab_size)

        def forward(self, inputs, state):
            X = F.one_hot(inputs.T.long(), self.vocab_size).to(torch.float32)
            Y, state = self.rnn(X, state)
            return self.linear(Y.reshape((-1, Y.shape[-1]))), state

        def begin_state(self, batch_size=1):
            return torch.zeros((1, batch_size, self.num_hiddens))

    net = RNNModel(rnn_layer, len(vocab))

    def predict_ch8(prefix, num_preds, net):
        state = net.begin_state(batch_size=1)
        outputs = [stoi[prefix[0]]]

        def get_input():
            return torch.tensor([outputs[-1]]).reshape((1, 1))

        for y in prefix[1:]:
            _, state = net(get_input(), state)
            outputs.append(stoi[y])
        for _ in range(num_preds):
            y, state = net(get_input(), state)
            outputs.append(int(y.argmax(dim=1).reshape(1)))
        return "".join(vocab[i] for i in outputs)

    print(predict_ch8("time traveller", 10, net))

    def seq_data_iter_sequential(corpus, batch_size, num_steps):
        offset = r.randint(0, num_steps)
        num_tokens = ((len(corpus) - offset - 1) // batch_size) * batch_size
        Xs = torch.tensor(corpus[offset : offset + num_tokens]).reshape(batch_size, -1)
        Ys = torch.tensor(corpus[offset + 1 : offset + 1 + num_tokens]).reshape(batch_size, -1)
        for i in range(0, Xs.shape[1] // num_steps * num_steps, num_steps):
            yield Xs[:, i : i + num_steps], Ys[:, i : i + num_steps]

    def grad_clipping(net, theta):
        params = [p for p in net.parameters() if p.requires_grad]
        norm = torch.sqrt(sum(torch.sum(p.grad**2) for p in params))
        if norm > theta:
            for param in params:
                param.grad[:] *= theta / norm

    def train_epoch_ch8(net, updater):
        state, t0 = None, time.time()
        metric = [0.0, 0]
        for X, Y in seq_data_iter_sequential(corpus, batch_size, num_steps):
            if state is None:
                state = net.begin_state(batch_size=X.shape[0])
            else:
                state.detach_()
            y = Y.T.reshape(-1)
            y_hat, state = net(X, state)
            l = nn.CrossEntropyLoss()(y_hat, y.long()).mean()  # noqa: E741
            updater.zero_grad()
            l.backward()
            grad_clipping(net, 1)
            updater.step()
            metric[0] += float(l * y.numel())
            metric[1] += y.numel()
        return math.exp(metric[0] / metric[1]), metric[1] / (time.time() - t0)

    def train_ch8(net, lr, num_epochs):
        updater = torch.optim.SGD(net.parameters(), lr)

        def predict(prefix):
            return predict_ch8(prefix, 50, net)

        for epoch in range(num_epochs):
            ppl, speed = train_epoch_ch8(net, updater)
            if (epoch + 1) % 10 == 0:
                print(predict("time traveller"))
        rec("perplexity", None, num_epochs, ppl)
        print(f"perplexity {ppl:.1f}, {speed:.1f} tokens/sec on {str(torch.device('cpu'))}")
        print(predict("time traveller"))
        print(predict("traveller"))

    num_epochs, lr = 60, 1
    train_ch8(net, lr, num_epochs)


NOTES["d2l_rnn"] = (
    "Dive into Deep Learning sections 8.2 (text preprocessing) and 8.6 (concise RNN) as a "
    "script, d2l.train_ch8's prints verbatim (its Animator draws nothing on a console), on a "
    "synthetic 'time machine' text: '# text lines: 400', two text lines, token lists, the "
    "vocabulary's first (token, index) pairs \"[('<unk>', 0), ('the', 1), ...]\", 'words: [...]' "
    "and 'indices: [1, 19, 5, ...]', '(13245, 28)' (corpus length, vocabulary size), the shape "
    "checks 'torch.Size([1, 32, 64])' and '(torch.Size([35, 32, 64]), torch.Size([1, 32, 64]))' "
    "and the untrained prediction 'time travellerxxxxxxxxxx' (counts, indices, shapes and "
    "text: no metric). Then every 10 epochs a 50-character prediction after 'time traveller' "
    "(text only), and after the last epoch only 'perplexity 4.2, 91234.5 tokens/sec on cpu' "
    "(the last epoch's perplexity, truth epoch 60, step null; tokens/sec is throughput, "
    "extra_ok) and two more predictions."
)
EXTRA["d2l_rnn"] = ["tokens/sec"]
KIND["d2l_rnn"] = "epoch"


# ---------------- 11. rasbt/LLMs-from-scratch chapter 6 (finetuning a GPT for spam classification)
def llm_classify():
    ham = (
        "hey just wanted to check if we are still on for dinner tonight let me know ok see you "
        "later at home call mum when you get back lunch tomorrow sorry I was sleeping"
    ).split()
    spam = (
        "you are a winner have been specially selected to receive cash award free prize claim "
        "now txt urgent mobile reply stop win guaranteed call offer"
    ).split()
    vocab = ["<|endoftext|>"] + sorted(set(ham + spam + ["Do", "time"]))
    stoi = {w: i for i, w in enumerate(vocab)}
    pad_token_id = 0

    def encode(text):
        return [stoi[w] for w in text.split() if w in stoi]

    r = random.Random(6)

    def make(n):
        out = []
        for _ in range(n):
            label = r.random() < 0.5
            src = spam if label else ham
            words = [
                r.choice(src if r.random() < 0.7 else ham + spam) for _ in range(r.randint(4, 14))
            ]
            out.append((encode(" ".join(words)), int(label)))
        return out

    train_data, val_data, test_data = make(400), make(60), make(60)
    max_length = max(len(t) for t, _ in train_data)

    def loader(data, batch_size, shuffle, drop_last):
        order = list(range(len(data)))
        if shuffle:
            r.shuffle(order)
        batches = []
        for i in range(0, len(order), batch_size):
            idx = order[i : i + batch_size]
            if drop_last and len(idx) < batch_size:
                break
            x = [
                data[j][0][:max_length] + [pad_token_id] * (max_length - len(data[j][0]))
                for j in idx
            ]
            batches.append((torch.tensor(x), torch.tensor([data[j][1] for j in idx])))
        return batches

    print(max_length)
    train_loader = loader(train_data, 8, True, True)
    val_loader = loader(val_data, 8, False, False)
    test_loader = loader(test_data, 8, False, False)
    for input_batch, target_batch in train_loader:  # noqa: B007 (the book's idiom)
        pass
    print("Input batch dimensions:", input_batch.shape)
    print("Label batch dimensions", target_batch.shape)
    print(f"{len(train_loader)} training batches")
    print(f"{len(val_loader)} validation batches")
    print(f"{len(test_loader)} test batches")

    class Block(nn.Module):
        def __init__(self, d, heads):
            super().__init__()
            self.ln_1, self.ln_2 = nn.LayerNorm(d), nn.LayerNorm(d)
            self.c_attn, self.c_proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
            self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
            self.heads = heads

        def forward(self, x):
            b, t, d = x.shape
            q, k, v = self.c_attn(self.ln_1(x)).split(d, dim=2)
            q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            x = x + self.c_proj(y.transpose(1, 2).reshape(b, t, d))
            return x + self.mlp(self.ln_2(x))

    class GPTModel(nn.Module):
        def __init__(self, d=32):
            super().__init__()
            self.tok_emb, self.pos_emb = nn.Embedding(len(vocab), d), nn.Embedding(64, d)
            self.trf_blocks = Block(d, 2)
            self.final_norm = nn.LayerNorm(d)
            self.out_head = nn.Linear(d, len(vocab), bias=False)

        def forward(self, idx):
            x = self.tok_emb(idx) + self.pos_emb(torch.arange(idx.shape[1]))
            return self.out_head(self.final_norm(self.trf_blocks(x)))

    torch.manual_seed(123)
    model = GPTModel()
    num_classes = 2
    model.out_head = nn.Linear(in_features=32, out_features=num_classes)
    inputs = torch.tensor(encode("Do you have time")).unsqueeze(0)
    print("Inputs:", inputs)
    print("Inputs dimensions:", inputs.shape)
    with torch.no_grad():
        outputs = model(inputs)
    print("Outputs:\n", outputs)
    print("Outputs dimensions:", outputs.shape)
    print("Last output token:", outputs[:, -1, :])
    probas = torch.softmax(outputs[:, -1, :], dim=-1)
    label = torch.argmax(probas)
    print("Class label:", label.item())

    def calc_accuracy_loader(data_loader, model, num_batches=None):
        model.eval()
        correct_predictions, num_examples = 0, 0
        num_batches = (
            len(data_loader) if num_batches is None else min(num_batches, len(data_loader))
        )
        for i, (input_batch, target_batch) in enumerate(data_loader):
            if i < num_batches:
                with torch.no_grad():
                    logits = model(input_batch)[:, -1, :]
                predicted_labels = torch.argmax(logits, dim=-1)
                num_examples += predicted_labels.shape[0]
                correct_predictions += (predicted_labels == target_batch).sum().item()
            else:
                break
        return correct_predictions / num_examples

    def calc_loss_batch(input_batch, target_batch, model):
        logits = model(input_batch)[:, -1, :]
        return F.cross_entropy(logits, target_batch)

    def calc_loss_loader(data_loader, model, num_batches=None):
        total_loss = 0.0
        num_batches = (
            len(data_loader) if num_batches is None else min(num_batches, len(data_loader))
        )
        for i, (input_batch, target_batch) in enumerate(data_loader):
            if i < num_batches:
                total_loss += calc_loss_batch(input_batch, target_batch, model).item()
            else:
                break
        return total_loss / num_batches

    def three_accuracies(num_batches, step, epoch):
        accs = [
            calc_accuracy_loader(dl, model, num_batches=num_batches)
            for dl in (train_loader, val_loader, test_loader)
        ]
        for name, a in zip(
            ("Training accuracy", "Validation accuracy", "Test accuracy"), accs, strict=True
        ):
            print(f"{name}: {rec(name, step, epoch, a * 100):.2f}%")

    torch.manual_seed(123)
    three_accuracies(10, None, None)
    with torch.no_grad():
        train_loss = calc_loss_loader(train_loader, model, num_batches=5)
        val_loss = calc_loss_loader(val_loader, model, num_batches=5)
        test_loss = calc_loss_loader(test_loader, model, num_batches=5)
    print(f"Training loss: {rec('Training loss', None, None, train_loss):.3f}")
    print(f"Validation loss: {rec('Validation loss', None, None, val_loss):.3f}")
    print(f"Test loss: {rec('Test loss', None, None, test_loss):.3f}")

    def evaluate_model(model, train_loader, val_loader, eval_iter):
        model.eval()
        with torch.no_grad():
            train_loss = calc_loss_loader(train_loader, model, num_batches=eval_iter)
            val_loss = calc_loss_loader(val_loader, model, num_batches=eval_iter)
        model.train()
        return train_loss, val_loss

    def train_classifier_simple(
        model, train_loader, val_loader, optimizer, num_epochs, eval_freq, eval_iter
    ):
        examples_seen, global_step = 0, -1
        for epoch in range(num_epochs):
            model.train()
            for input_batch, target_batch in train_loader:
                optimizer.zero_grad()
                loss = calc_loss_batch(input_batch, target_batch, model)
                loss.backward()
                optimizer.step()
                examples_seen += input_batch.shape[0]
                global_step += 1
                if global_step % eval_freq == 0:
                    train_loss, val_loss = evaluate_model(
                        model, train_loader, val_loader, eval_iter
                    )
                    print(
                        f"Ep {epoch + 1} (Step {global_step:06d}): "
                        f"Train loss {rec('Train loss', global_step, epoch + 1, train_loss):.3f}, "
                        f"Val loss {rec('Val loss', global_step, epoch + 1, val_loss):.3f}"
                    )
            train_accuracy = calc_accuracy_loader(train_loader, model, num_batches=eval_iter)
            val_accuracy = calc_accuracy_loader(val_loader, model, num_batches=eval_iter)
            print(
                f"Training accuracy: {rec('Training accuracy', global_step, epoch + 1, train_accuracy * 100):.2f}% | ",
                end="",
            )
            print(
                f"Validation accuracy: {rec('Validation accuracy', global_step, epoch + 1, val_accuracy * 100):.2f}%"
            )
        return examples_seen

    start_time = time.time()
    torch.manual_seed(123)
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4, weight_decay=0.1)
    num_epochs = 4
    train_classifier_simple(
        model, train_loader, val_loader, optimizer, num_epochs, eval_freq=20, eval_iter=5
    )
    end_time = time.time()
    execution_time_minutes = (end_time - start_time) / 60
    print(f"Training completed in {execution_time_minutes:.2f} minutes.")
    three_accuracies(None, None, None)

    def classify_review(text, model, max_length):
        model.eval()
        ids = encode(text)[:max_length]
        ids += [pad_token_id] * (max_length - len(ids))
        with torch.no_grad():
            logits = model(torch.tensor(ids).unsqueeze(0))[:, -1, :]
        return "spam" if torch.argmax(logits, dim=-1).item() == 1 else "not spam"

    text_1 = (
        "You are a winner you have been specially selected to receive $1000 cash or a $2000 award."
    )
    print(classify_review(text_1, model, max_length=max_length))
    text_2 = "Hey, just wanted to check if we're still on for dinner tonight? Let me know!"
    print(classify_review(text_2, model, max_length=max_length))


NOTES["llm_classify"] = (
    "rasbt/LLMs-from-scratch chapter 6 (classification finetuning) as a script, its prints "
    "verbatim on a tiny one-block GPT and synthetic spam/ham word messages: the padded length "
    "'14', 'Input batch dimensions: torch.Size([8, 14])', 'Label batch dimensions "
    "torch.Size([8])', '50 training batches' / '8 validation batches' / '8 test batches', "
    "'Inputs: tensor([[ 1, 60,  ...]])', 'Inputs dimensions: torch.Size([1, 4])', 'Outputs:\\n "
    "tensor([[[...]]])' (logits of one untrained example), 'Outputs dimensions: ...', 'Last "
    "output token: tensor([[...]])', 'Class label: 1' (shapes, counts, token ids, logits, a "
    "class index: NOT metrics). Then before training 'Training accuracy: 46.25%' / 'Validation "
    "accuracy: ...' / 'Test accuracy: ...' (10 batches) and 'Training loss: 0.744' / "
    "'Validation loss: ...' / 'Test loss: ...' (5 batches); training prints every 20 steps (eval_freq=20) 'Ep 1 "
    "(Step 000000): Train loss 0.699, Val loss 0.705' (global step from 0; epoch 1-based) and "
    "after each epoch 'Training accuracy: 70.00% | Validation accuracy: 72.50%' on ONE line "
    "(end=''; 5 batches each); then 'Training completed in 0.05 minutes.' (a duration, extra_ok), "
    "the three accuracies again over the whole loaders, and two classified texts ('spam', 'not "
    "spam'). 'Training accuracy' / 'Validation accuracy' are one series each over all their "
    "printed values (before: step null; per epoch: the global step at the epoch's end and the "
    "printed epoch; after: step null); 'Test accuracy' has the before and after values. "
    "Accuracies are the printed percent."
)
EXTRA["llm_classify"] = ["Training completed in (minutes)"]
KIND["llm_classify"] = "global"


# -------- 12. Raschka et al., "Machine Learning with PyTorch and Scikit-Learn" ch. 12 and 14 loops
def pyml_book():
    import numpy as np

    X_train = np.arange(10, dtype="float32").reshape((10, 1))
    y_train = np.array([1.0, 1.3, 3.1, 2.0, 5.0, 6.3, 6.6, 7.4, 8.0, 9.0], dtype="float32")
    X_train_norm = (X_train - np.mean(X_train)) / np.std(X_train)
    X_train_norm = torch.from_numpy(X_train_norm)
    y_train = torch.from_numpy(y_train).float()
    train_ds = torch.utils.data.TensorDataset(X_train_norm, y_train)
    torch.manual_seed(1)
    train_dl = torch.utils.data.DataLoader(train_ds, batch_size=1, shuffle=True)
    input_size, output_size = 1, 1
    model = nn.Linear(input_size, output_size)
    loss_fn = nn.MSELoss(reduction="mean")
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
    num_epochs, log_epochs = 200, 10
    for epoch in range(num_epochs):
        for x_batch, y_batch in train_dl:
            pred = model(x_batch)[:, 0]
            loss = loss_fn(pred, y_batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        if epoch % log_epochs == 0:
            print(f"Epoch {epoch}  Loss {rec('Loss', None, epoch, loss.item()):.4f}")
    print("Final Parameters:", model.weight.item(), model.bias.item())

    # the Iris classifier (synthetic 3-class, 4-feature data standing in for iris)
    X, y = classification(150, 4, 3, 11)
    X_tr, y_tr, X_te, y_te = X[:100], y[:100], X[100:], y[100:]
    X_tr_norm = (X_tr - X_tr.mean(0)) / X_tr.std(0)
    torch.manual_seed(1)
    iris_dl = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(X_tr_norm, y_tr), batch_size=2, shuffle=True
    )
    model = nn.Sequential(nn.Linear(4, 16), nn.Sigmoid(), nn.Linear(16, 3))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    for _epoch in range(100):
        for x_batch, y_batch in iris_dl:
            loss = nn.CrossEntropyLoss()(model(x_batch), y_batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
    X_test_norm = (X_te - X_tr.mean(0)) / X_tr.std(0)
    pred_test = model(X_test_norm)
    accuracy = (torch.argmax(pred_test, dim=1) == y_te).float().mean()
    print(f"Test Acc.: {rec('Test Acc.', None, None, accuracy.item()):.4f}")

    # chapter 14's train() for the MNIST CNN (a small MLP on synthetic 10-class data here)
    X, y = classification(1500, 32, 10, 12)
    train_dl = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(X[:1000], y[:1000]), batch_size=64, shuffle=True
    )
    valid_dl = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(X[1000:1250], y[1000:1250]), batch_size=64
    )
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 10))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)

    def train(model, num_epochs, train_dl, valid_dl):
        loss_hist_train = [0] * num_epochs
        accuracy_hist_train = [0] * num_epochs
        loss_hist_valid = [0] * num_epochs
        accuracy_hist_valid = [0] * num_epochs
        for epoch in range(num_epochs):
            model.train()
            for x_batch, y_batch in train_dl:
                pred = model(x_batch)
                loss = loss_fn(pred, y_batch)
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
                loss_hist_train[epoch] += loss.item() * y_batch.size(0)
                is_correct = (torch.argmax(pred, dim=1) == y_batch).float()
                accuracy_hist_train[epoch] += is_correct.sum()
            loss_hist_train[epoch] /= len(train_dl.dataset)
            accuracy_hist_train[epoch] /= len(train_dl.dataset)
            model.eval()
            with torch.no_grad():
                for x_batch, y_batch in valid_dl:
                    pred = model(x_batch)
                    loss = loss_fn(pred, y_batch)
                    loss_hist_valid[epoch] += loss.item() * y_batch.size(0)
                    is_correct = (torch.argmax(pred, dim=1) == y_batch).float()
                    accuracy_hist_valid[epoch] += is_correct.sum()
            loss_hist_valid[epoch] /= len(valid_dl.dataset)
            accuracy_hist_valid[epoch] /= len(valid_dl.dataset)
            rec("accuracy", None, epoch + 1, float(accuracy_hist_train[epoch]))
            rec("val_accuracy", None, epoch + 1, float(accuracy_hist_valid[epoch]))
            print(
                f"Epoch {epoch + 1} accuracy: {accuracy_hist_train[epoch]:.4f} "
                f"val_accuracy: {accuracy_hist_valid[epoch]:.4f}"
            )
        return loss_hist_train, loss_hist_valid, accuracy_hist_train, accuracy_hist_valid

    torch.manual_seed(1)
    train(model, 8, train_dl, valid_dl)
    model.eval()
    pred = model(X[1250:])
    is_correct = (torch.argmax(pred, dim=1) == y[1250:]).float()
    print(f"Test accuracy: {rec('Test accuracy', None, None, is_correct.mean().item()):.4f}")


NOTES["pyml_book"] = (
    "Raschka, Liu & Mirjalili, 'Machine Learning with PyTorch and Scikit-Learn', three loops "
    "with the book's prints verbatim, one after the other: chapter 12's nn.Linear regression "
    "on the book's 10 points ('Epoch 0  Loss 45.0782' every 10 epochs, two spaces, epoch "
    "0-based; the LAST minibatch's loss (batch size 1)) and 'Final Parameters: 2.67 4.88' "
    "(print of the fitted weight and bias: coefficients, NOT metrics); chapter 12's iris "
    "classifier (no prints while training) then 'Test Acc.: 0.9800'; chapter 14's train() "
    "('Epoch 1 accuracy: 0.4530 val_accuracy: 0.7280', epoch 1-based, the train accuracy over "
    "the epoch with dropout on) then 'Test accuracy: 0.9468'. Truth: the printed variables "
    "(loss.item(), the accuracy histories), epoch as printed, step null. 'Test Acc.' and 'Test "
    "accuracy' are two series (two runs). Data: the book's 10 regression points; synthetic "
    "classes for iris and for MNIST (a small MLP stands in for the CNN)."
)
EXTRA["pyml_book"] = []
KIND["pyml_book"] = "epoch"


# ------ 13. Hugging Face NLP course chapter 7.6: training a causal LM with a custom accelerate loop
def hf_course_clm():
    from tqdm.auto import tqdm

    class Out:
        def __init__(self, logits, loss=None):
            self.logits, self.loss = logits, loss

    class TinyLM(nn.Module):
        def __init__(self, vocab=60, d=48):
            super().__init__()
            self.emb, self.rnn, self.head = (
                nn.Embedding(vocab, d),
                nn.GRU(d, d, batch_first=True),
                nn.Linear(d, vocab),
            )

        def forward(self, input_ids, labels=None):
            logits = self.head(self.rnn(self.emb(input_ids))[0])
            loss = None
            if labels is not None:
                loss = F.cross_entropy(
                    logits[:, :-1].reshape(-1, logits.size(-1)), labels[:, 1:].reshape(-1)
                )
            return Out(logits, loss)

    g = torch.Generator().manual_seed(7)
    trans = torch.softmax(torch.randn(60, 60, generator=g) * 3, -1)

    def stream(n):
        ids = [0]
        for _ in range(n - 1):
            ids.append(int(torch.multinomial(trans[ids[-1]], 1, generator=g)))
        return torch.tensor(ids).view(-1, 32)

    train_ids, eval_ids = stream(32 * 4 * 300), stream(32 * 64)
    batch_size = 4
    train_dataloader = [
        {"input_ids": train_ids[i : i + batch_size]} for i in range(0, len(train_ids), batch_size)
    ]
    eval_dataloader = [{"input_ids": eval_ids[i : i + 16]} for i in range(0, len(eval_ids), 16)]
    torch.manual_seed(0)
    model = TinyLM()

    def keytoken_weighted_loss(inputs, logits, keytoken_ids, alpha=1.0):
        shift_labels = inputs[..., 1:].contiguous()
        shift_logits = logits[..., :-1, :].contiguous()
        loss_fct = nn.CrossEntropyLoss(reduction="none")
        loss = loss_fct(shift_logits.view(-1, shift_logits.size(-1)), shift_labels.view(-1))
        loss_per_sample = loss.view(shift_logits.size(0), shift_logits.size(1)).mean(axis=1)
        weights = torch.stack([(inputs == kt).float() for kt in keytoken_ids]).sum(axis=[0, 2])
        weights = alpha * (1.0 + weights)
        return (loss_per_sample * weights).mean()

    keytoken_ids = [3, 7, 11, 19]

    def evaluate():
        model.eval()
        losses = []
        for _step, batch in enumerate(eval_dataloader):
            with torch.no_grad():
                outputs = model(batch["input_ids"], labels=batch["input_ids"])
            losses.append(outputs.loss.reshape(1))
        loss = torch.mean(torch.cat(losses))
        try:
            perplexity = torch.exp(loss)
        except OverflowError:
            perplexity = float("inf")
        return loss.item(), perplexity.item()

    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-3, weight_decay=0.1)
    first = evaluate()
    rec("loss/eval", 0, None, first[0])
    rec("perplexity", 0, None, first[1])
    print(first)
    num_train_epochs = 1
    num_training_steps = num_train_epochs * len(train_dataloader)
    lr_scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: 1 - s / num_training_steps
    )
    samples_per_step = batch_size
    gradient_accumulation_steps = 8
    eval_steps = 10
    output_dir = "codeparrot-ds-accelerate"
    model.train()
    completed_steps = 0
    for _epoch in range(num_train_epochs):
        for step, batch in tqdm(enumerate(train_dataloader, start=1), total=num_training_steps):
            logits = model(batch["input_ids"]).logits
            loss = keytoken_weighted_loss(batch["input_ids"], logits, keytoken_ids)
            if step % 25 == 0:
                value = loss.item() * gradient_accumulation_steps
                rec("loss/train", completed_steps, None, value)
                print(
                    {
                        "samples": step * samples_per_step,
                        "steps": completed_steps,
                        "loss/train": value,
                    }
                )
            loss = loss / gradient_accumulation_steps
            loss.backward()
            if step % gradient_accumulation_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                lr_scheduler.step()
                optimizer.zero_grad()
                completed_steps += 1
            if (step % (eval_steps * gradient_accumulation_steps)) == 0:
                eval_loss, perplexity = evaluate()
                rec("loss/eval", completed_steps, None, eval_loss)
                rec("perplexity", completed_steps, None, perplexity)
                print({"loss/eval": eval_loss, "perplexity": perplexity})
                model.train()
                os.path.join(output_dir, "model.safetensors")  # save_pretrained: not done here
            time.sleep(0.004)


NOTES["hf_course_clm"] = (
    "Hugging Face NLP course chapter 7 section 6 ('Training a causal language model from "
    "scratch', the custom Accelerate loop) with its prints verbatim (accelerator.print is "
    "print on one process; the push to the Hub and save_pretrained are left out): first the "
    "untrained evaluate() shown as a tuple '(4.11..., 61.2...)' (eval loss and perplexity, "
    "named by the function; truth 'loss/eval' and 'perplexity' at step 0), a tqdm.auto bar "
    "over the 300 minibatches, every 25 minibatches (the course: 100) \"{'samples': 100, "
    "'steps': 3, 'loss/train': 33.1...}\" - 'samples' is a COUNT of examples seen (step x "
    "batch size), 'steps' the optimizer-step counter (gradient accumulation 8), 'loss/train' "
    "the key-token-weighted batch loss times 8 - and every 80 minibatches (eval_steps 10 x "
    "accumulation 8) \"{'loss/eval': 3.2..., 'perplexity': 25.1...}\". Truth step: "
    "completed_steps as printed in 'steps' (for the eval dicts the counter right after the "
    "update, as the next 'steps' shows it); no epochs. Model: a one-layer GRU LM on a synthetic "
    "Markov token stream (vocabulary 60), standing in for GPT-2. Piped, the dict prints and "
    "the bar's redraws interleave (tqdm flushes stdout before each redraw)."
)
EXTRA["hf_course_clm"] = ["tqdm bar rate (it/s)"]
KIND["hf_course_clm"] = "global"

STYLES = {
    "hf_course_clm": hf_course_clm,
    "pyml_book": pyml_book,
    "llm_classify": llm_classify,
    "miniai_basic": miniai_basic,
    "miniai_metricscb": miniai_metricscb,
    "d2l_rnn": d2l_rnn,
    "makemore": makemore,
    "makemore_nb": makemore_nb,
    "micrograd": micrograd,
    "d2l_linreg": d2l_linreg,
    "d2l_lenet": d2l_lenet,
    "ztm_engine": ztm_engine,
    "ztm_cv": ztm_cv,
}
STYLES[style]()
_truth.write(
    library="hand-written loop (print), torch 2.13.0+cpu model",
    script="tests/corpus/scripts/hand_books.py",
    record="the values the script printed, kept by the script itself at full precision",
    step_kind=KIND[style],
    series=rec.series,
    extra_ok=EXTRA[style],
    not_printed=NOT_PRINTED.get(style, []),
    notes=NOTES[style],
)
