"""Tiny real NLP/speech problems for the evaluation-library loops (sacrebleu, jiwer, seqeval,
rouge-score, nervaluate, pycocoevalcap, nltk): synthetic text made here from seeded random
syllables, and one small PyTorch token model (embedding + bidirectional GRU + linear) that labels
every input position.  Deterministic, a second or two of CPU per epoch, so the metrics the loops
print are real (they rise with training, with noise), not made-up sequences.

- translate(): "source language" sentences whose words map to target words in context (a word
  after a negator maps to another word; function words are dropped: the DEL label), so the
  hypotheses differ from the references in words and in length.
- ner(): token sequences with PER / LOC / ORG spans (BIO tags); some names are both PER and LOC
  and only the word before them tells which.
- asr(): "audio frames": each character of a transcript repeated 1-3 times, a blank between
  words, some frames replaced by noise; per-frame labels, decoded CTC-style (collapse repeats,
  drop blanks).
"""

from __future__ import annotations

import random

import torch
from torch import nn

torch.set_num_threads(1)

SYL = ["ka", "lo", "mi", "pu", "re", "sa", "to", "ne", "vi", "du", "ga", "be", "zo", "fi"]


def _words(rng: random.Random, n: int, syl: int = 2) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        w = "".join(rng.choice(SYL) for _ in range(rng.choice([syl, syl + 1])))
        if w not in out:
            out.append(w)
    return out


class TokenModel(nn.Module):
    def __init__(self, vocab: int, classes: int, dim: int = 24, hidden: int = 32):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=0)
        self.rnn = nn.GRU(dim, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.rnn(self.emb(x))
        return self.out(h)


def pad(seqs: list[list[int]], value: int = 0) -> torch.Tensor:
    n = max(len(s) for s in seqs)
    return torch.tensor([s + [value] * (n - len(s)) for s in seqs])


class Task:
    """Index-coded inputs and per-position labels, a model, an optimizer; train / predict."""

    def __init__(self, x, y, xv, yv, vocab, classes, lr=0.003, batch=32, seed=0):
        torch.manual_seed(seed)
        self.x, self.y, self.xv, self.yv = x, y, xv, yv
        self.model = TokenModel(vocab, classes)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=lr)
        self.batch = batch
        self.loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
        self.gen = torch.Generator().manual_seed(seed)

    def train_epoch(self) -> float:
        self.model.train()
        order = torch.randperm(len(self.x), generator=self.gen).tolist()
        total, n = 0.0, 0
        for i in range(0, len(order), self.batch):
            idx = order[i : i + self.batch]
            xb = pad([self.x[j] for j in idx])
            yb = pad([self.y[j] for j in idx], -100)
            logits = self.model(xb)
            loss = self.loss_fn(logits.reshape(-1, logits.shape[-1]), yb.reshape(-1))
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            total += loss.item() * len(idx)
            n += len(idx)
        return total / n

    @torch.no_grad()
    def predict(self, xs=None) -> list[list[int]]:
        self.model.eval()
        xs = self.xv if xs is None else xs
        out = []
        for i in range(0, len(xs), 128):
            chunk = xs[i : i + 128]
            pred = self.model(pad(chunk)).argmax(-1).tolist()
            out.extend(p[: len(s)] for p, s in zip(pred, chunk, strict=True))
        return out

    @torch.no_grad()
    def valid_loss(self) -> float:
        self.model.eval()
        logits = self.model(pad(self.xv))
        yb = pad(self.yv, -100)
        return self.loss_fn(logits.reshape(-1, logits.shape[-1]), yb.reshape(-1)).item()


# --------------------------------------------------------------------------- translation


class Translate:
    DEL = 1  # label: drop this word

    def __init__(self, n_train=600, n_valid=120, seed=0, refs=1, lr=0.003):
        rng = random.Random(seed)
        src = _words(rng, 40)
        tgt = _words(rng, 70, syl=3)
        self.func = set(src[:4])  # dropped in the target
        self.neg = src[4]  # a negator: the word after it maps elsewhere (and it is dropped)
        self.func.add(self.neg)
        content = src[5:]
        m1 = {w: tgt[i] for i, w in enumerate(content)}
        m2 = {w: tgt[35 + i] for i, w in enumerate(content)}
        self.tgt_vocab = ["<pad>", "<del>"] + tgt
        self.t_index = {w: i for i, w in enumerate(self.tgt_vocab)}
        self.s_index = {w: i + 1 for i, w in enumerate(src)}
        self.synonyms = {t: tgt[(i + 17) % 70] for i, t in enumerate(tgt)}

        def sentence():
            words = []
            for _ in range(rng.randint(6, 14)):
                r = rng.random()
                if r < 0.2:
                    words.append(rng.choice(sorted(self.func - {self.neg})))
                elif r < 0.3:
                    words.append(self.neg)
                else:
                    words.append(rng.choice(content))
            labels = []
            for i, w in enumerate(words):
                if w in self.func:
                    labels.append(self.DEL)
                elif i and words[i - 1] == self.neg:
                    labels.append(self.t_index[m2[w]])
                else:
                    labels.append(self.t_index[m1[w]])
            return words, labels

        def data(n):
            s, x, y = [], [], []
            for _ in range(n):
                w, lab = sentence()
                s.append(w)
                x.append([self.s_index[t] for t in w])
                y.append(lab)
            return s, x, y

        _, x, y = data(n_train)
        self.src_valid, xv, yv = data(n_valid)
        self.task = Task(x, y, xv, yv, len(src) + 1, len(self.tgt_vocab), lr=lr, seed=seed)
        self.refs = [self.detok(lab) for lab in yv]
        # further references: a synonym for some words (deterministic per sentence)
        self.more_refs = []
        for k in range(1, refs):
            r2 = []
            for j, ref in enumerate(self.refs):
                ws = ref.split()
                r2.append(
                    " ".join(
                        self.synonyms[w] if (i * 7 + j + k) % (3 + k) == 0 else w
                        for i, w in enumerate(ws)
                    )
                )
            self.more_refs.append(r2)

    def detok(self, labels: list[int]) -> str:
        words = [self.tgt_vocab[i] for i in labels if i > self.DEL]
        return " ".join(words)

    def train_epoch(self) -> float:
        return self.task.train_epoch()

    def hypotheses(self) -> list[str]:
        return [self.detok(p) for p in self.task.predict()]


# --------------------------------------------------------------------------- NER


class Ner:
    def __init__(self, n_train=500, n_valid=120, seed=0, lr=0.003):
        rng = random.Random(seed)
        filler = _words(rng, 60)
        names = _words(random.Random(seed + 1), 60, syl=3)
        per, loc, org = names[:20], names[20:40], names[40:55]
        both = names[55:]  # PER after "mister", LOC after "in"
        self.tags = ["<pad>", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
        t = {k: i for i, k in enumerate(self.tags)}
        cue_per, cue_loc = filler[0], filler[1]
        vocab = sorted(set(filler + names))
        self.index = {w: i + 1 for i, w in enumerate(vocab)}

        def sentence():
            words, tags = [], []
            for _ in range(rng.randint(3, 6)):
                r = rng.random()
                if r < 0.55:
                    words.append(rng.choice(filler[2:]))
                    tags.append("O")
                    continue
                kind = rng.choice(["PER", "LOC", "ORG"])
                pool = {"PER": per, "LOC": loc, "ORG": org}[kind]
                if rng.random() < 0.35:
                    pool = both
                    words.append(cue_per if kind == "PER" else cue_loc)
                    tags.append("O")
                span = [rng.choice(pool) for _ in range(rng.choice([1, 1, 2, 3]))]
                for i, w in enumerate(span):
                    words.append(w)
                    tags.append(("B-" if i == 0 else "I-") + kind)
            return words, tags

        def data(n):
            x, y, tg = [], [], []
            for _ in range(n):
                w, tags = sentence()
                x.append([self.index[v] for v in w])
                y.append([t[v] for v in tags])
                tg.append(tags)
            return x, y, tg

        x, y, _ = data(n_train)
        xv, yv, self.y_true = data(n_valid)
        self.task = Task(x, y, xv, yv, len(vocab) + 1, len(self.tags), lr=lr, seed=seed)

    def train_epoch(self) -> float:
        return self.task.train_epoch()

    def predict_tags(self) -> list[list[str]]:
        return [[self.tags[max(i, 1)] for i in p] for p in self.task.predict()]


# --------------------------------------------------------------------------- ASR


class Asr:
    ALPHA = " abdefgiklmnoprstuvz"

    def __init__(self, n_train=400, n_valid=60, seed=0, noise=0.25, lr=0.004):
        rng = random.Random(seed)
        lexicon = _words(rng, 50)
        self.chars = ["<pad>", "<b>"] + list(self.ALPHA)
        ci = {c: i for i, c in enumerate(self.chars)}

        def utterance():
            text = " ".join(rng.choice(lexicon) for _ in range(rng.randint(3, 7)))
            frames, labels = [], []
            prev = None
            for c in text:
                if c == prev:  # CTC: a blank between repeated characters
                    frames.append(ci["<b>"])
                    labels.append(ci["<b>"])
                for _ in range(rng.choice([1, 2, 2, 3])):
                    f = ci[c] if rng.random() > noise else rng.randrange(1, len(self.chars))
                    frames.append(f)
                    labels.append(ci[c])
                prev = c
            return text, frames, labels

        def data(n):
            t, x, y = [], [], []
            for _ in range(n):
                a, b, c = utterance()
                t.append(a)
                x.append(b)
                y.append(c)
            return t, x, y

        _, x, y = data(n_train)
        self.refs, xv, yv = data(n_valid)
        self.task = Task(x, y, xv, yv, len(self.chars), len(self.chars), lr=lr, seed=seed)

    def decode(self, labels: list[int]) -> str:
        out, prev = [], None
        for i in labels:
            if i != prev and i > 1:
                out.append(self.chars[i])
            prev = i
        return " ".join("".join(out).split())

    def train_epoch(self) -> float:
        return self.task.train_epoch()

    def hypotheses(self) -> list[str]:
        return [self.decode(p) for p in self.task.predict()]
