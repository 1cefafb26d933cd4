"""A hand-written skip-gram word2vec (negative sampling) in PyTorch, nn.Embedding pairs trained
with SGD and a linearly decaying learning rate, printing as the original word2vec C tool does: a
'\\r'-redrawn progress line 'Alpha: 0.024375  Progress: 12.50%  Words/thread/sec: 48.31k' (here
with the running loss added, as many ports do), then a summary line per epoch, and at the end
nearest neighbours (cosine similarities) and a Spearman correlation against synthetic gold
similarities (same topic or not).

Versions: torch 2.13.0+cpu, numpy 2.4.6, scipy 1.17.1, Python 3.11 (venv /work/venvs/corpus-zd-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hand_word2vec -- python tests/corpus/scripts/hand_word2vec.py
    python tests/corpus/scripts/capture.py pty real_hand_word2vec_pty -- python tests/corpus/scripts/hand_word2vec.py
Truth: the loop's own list of what it printed (values at full precision), as any hand-written loop.
"""

import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
from scipy.stats import spearmanr

SCRIPT = "tests/corpus/scripts/hand_word2vec.py"
random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
TOPICS = [
    ["cat", "dog", "pet", "fur", "paw", "vet", "leash", "kitten"],
    ["bank", "money", "loan", "cash", "debt", "rate", "fund", "credit"],
    ["rain", "cloud", "storm", "wind", "snow", "sun", "fog", "thunder"],
    ["goal", "match", "team", "ball", "coach", "score", "fan", "league"],
]
FILLER = ["the", "a", "of", "and", "is", "to", "in"]
words = []
for _ in range(400):
    topic = random.choice(TOPICS)
    words += [random.choice(topic if random.random() < 0.7 else FILLER) for _ in range(12)]
vocab = sorted(set(words))
idx = {w: i for i, w in enumerate(vocab)}
ids = np.array([idx[w] for w in words])
counts = np.bincount(ids, minlength=len(vocab)).astype(float)
noise = torch.tensor(counts**0.75 / (counts**0.75).sum())
print(f"Vocab size: {len(vocab)}")
print(f"Words in train file: {len(words)}")

WINDOW, DIM, NEG, BATCH, EPOCHS, ALPHA = 2, 16, 5, 256, 3, 0.025
pairs = np.array(
    [
        (ids[i], ids[j])
        for i in range(len(ids))
        for j in range(max(0, i - WINDOW), min(len(ids), i + WINDOW + 1))
        if i != j
    ]
)
W_in = torch.nn.Embedding(len(vocab), DIM)
W_out = torch.nn.Embedding(len(vocab), DIM)
torch.nn.init.uniform_(W_in.weight, -0.5 / DIM, 0.5 / DIM)
torch.nn.init.zeros_(W_out.weight)
opt = torch.optim.SGD([W_in.weight, W_out.weight], lr=ALPHA)
steps_per_epoch = (len(pairs) + BATCH - 1) // BATCH
total = EPOCHS * steps_per_epoch
rec: dict[str, list] = {"progress": [], "epoch": [], "final": {}}

step = 0
for epoch in range(1, EPOCHS + 1):
    np.random.shuffle(pairs)
    t0, seen, losses = time.time(), 0, []
    for b in range(steps_per_epoch):
        batch = torch.from_numpy(pairs[b * BATCH : (b + 1) * BATCH])
        alpha = max(ALPHA * (1 - step / total), ALPHA * 1e-4)
        for g in opt.param_groups:
            g["lr"] = alpha
        center, context = W_in(batch[:, 0]), W_out(batch[:, 1])
        negs = W_out(torch.multinomial(noise, len(batch) * NEG, replacement=True)).view(
            len(batch), NEG, DIM
        )
        pos = torch.nn.functional.logsigmoid((center * context).sum(1))
        neg = torch.nn.functional.logsigmoid(-(negs @ center.unsqueeze(2)).squeeze(2)).sum(1)
        loss = -(pos + neg).mean()
        opt.zero_grad()
        (loss * len(batch)).backward()  # summed over the pairs, as word2vec's per-pair updates
        opt.step()
        step += 1
        seen += len(batch) // (2 * WINDOW)
        losses.append(loss.item())
        if step % 20 == 0:
            wps = seen / (time.time() - t0)
            running = float(np.mean(losses[-20:]))
            print(
                f"\rAlpha: {alpha:f}  Progress: {100 * step / total:.2f}%  "
                f"Words/thread/sec: {wps / 1000:.2f}k  Loss: {running:.4f}  ",
                end="",
                flush=True,
            )
            rec["progress"].append((step, epoch, alpha, wps, running))
    elapsed = time.time() - t0
    mean = float(np.mean(losses))
    print()
    print(
        f"Epoch {epoch}/{EPOCHS} - mean loss: {mean:.4f} - {elapsed:.2f}s - {seen / elapsed:.0f} words/sec"
    )
    rec["epoch"].append((step, epoch, mean, elapsed, seen / elapsed))

emb = torch.nn.functional.normalize(W_in.weight.detach(), dim=1).numpy()
for w in ("cat", "bank", "storm"):
    sims = emb @ emb[idx[w]]
    near = [j for j in np.argsort(-sims) if j != idx[w]][:4]
    print(f"Nearest to {w}: " + ", ".join(f"{vocab[j]} ({sims[j]:.3f})" for j in near))
topic_of = {w: k for k, t in enumerate(TOPICS) for w in t}
test = [(a, b) for a in topic_of for b in topic_of if a < b]
gold = [float(topic_of[a] == topic_of[b]) for a, b in test]
pred = [float(emb[idx[a]] @ emb[idx[b]]) for a, b in test]
rho = spearmanr(gold, pred).correlation
print(f"Word similarity (Spearman rho) on {len(test)} pairs: {rho:.4f}")

series = _truth.Series()
# the lines print no step (only the progress percentage): the record of what was printed holds
# the epoch each value belongs to, no step
for _s, e, _alpha, _wps, running in rec["progress"]:
    series.add("Loss", None, e, running)
for _s, e, mean, _t, _wps in rec["epoch"]:
    series.add("mean loss", None, e, mean)
series.add("Word similarity (Spearman rho)", None, EPOCHS, rho)

_truth.write(
    library=f"hand-written loop (torch {torch.__version__}, numpy {np.__version__})",
    script=SCRIPT,
    record="the loop's own list of the values it printed, at full precision",
    step_kind="epoch",
    series=series,
    extra_ok=[
        "Alpha (the learning rate of the step)",
        "Words/thread/sec (throughput, printed in thousands with a 'k')",
        "words/sec (each epoch's throughput)",
        "epoch time (each epoch's seconds, '2.31s')",
    ],
    not_printed=[],
    notes=(
        "'Vocab size: 39' and 'Words in train file: 8400' (counts), then per epoch a '\\r'-redrawn "
        "line every 20 steps 'Alpha: 0.024375  Progress: 12.50%  Words/thread/sec: 48.31k  Loss: "
        "4.1234  ' (the learning rate, the share of all steps done: a progress percentage, not a "
        "metric; the throughput; 'Loss' is the mean of the last 20 steps' losses; no step is "
        "printed: epoch = the epoch it belongs to, step null), ended by a newline, then "
        "'Epoch 1/3 - mean loss: 3.9876 - 1.23s - 51234 words/sec'. At the end 'Nearest to cat: "
        "dog (0.912), pet (0.874), ...' (cosine similarities: properties of the vectors, not "
        "metrics) and 'Word similarity (Spearman rho) on 378 pairs: 0.5123' (the metric; 378 "
        "is a count; given the last epoch)."
    ),
)
