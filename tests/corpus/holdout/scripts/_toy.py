"""A tiny real training problem for the hand-written loops: a numpy MLP trained by SGD on
synthetic two-class data.  Deterministic (seeded), a few ms per step, so the printed numbers are
real training numbers (losses fall, accuracy rises, with noise), not made-up sequences.
"""

from __future__ import annotations

import math

import numpy as np


class Toy:
    def __init__(
        self,
        n: int = 1000,
        dim: int = 16,
        hidden: int = 32,
        batch: int = 32,
        lr: float = 0.1,
        seed: int = 0,
    ):
        rng = np.random.default_rng(seed)
        x = rng.normal(size=(n + n // 4, dim))
        w = rng.normal(size=dim)
        y = ((np.tanh(x @ w) + 0.6 * rng.normal(size=len(x))) > 0).astype(np.float64)
        self.x, self.y = x[:n], y[:n]
        self.xv, self.yv = x[n:], y[n:]
        self.w1 = rng.normal(scale=1 / math.sqrt(dim), size=(dim, hidden))
        self.b1 = np.zeros(hidden)
        self.w2 = rng.normal(scale=1 / math.sqrt(hidden), size=hidden)
        self.b2 = 0.0
        self.batch, self.lr, self.rng = batch, lr, rng
        self.steps_per_epoch = n // batch
        self._order = np.arange(n)
        self._pos = n

    def _forward(self, x):
        h = np.maximum(x @ self.w1 + self.b1, 0)
        p = 1 / (1 + np.exp(-(h @ self.w2 + self.b2)))
        return h, np.clip(p, 1e-7, 1 - 1e-7)

    def train_step(self) -> tuple[float, float]:
        """One SGD step; returns the batch's (loss, accuracy) as Python floats."""
        if self._pos + self.batch > len(self.x):
            self._order = self.rng.permutation(len(self.x))
            self._pos = 0
        idx = self._order[self._pos : self._pos + self.batch]
        self._pos += self.batch
        x, y = self.x[idx], self.y[idx]
        h, p = self._forward(x)
        loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        acc = float(np.mean((p > 0.5) == y))
        g = (p - y) / len(y)
        gh = np.outer(g, self.w2) * (h > 0)
        self.w2 -= self.lr * (h.T @ g)
        self.b2 -= self.lr * float(g.sum())
        self.w1 -= self.lr * (x.T @ gh)
        self.b1 -= self.lr * gh.sum(0)
        return loss, acc

    def evaluate(self) -> tuple[float, float]:
        """(loss, accuracy) on the held-out set."""
        _, p = self._forward(self.xv)
        y = self.yv
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), float(
            np.mean((p > 0.5) == y)
        )


class Record:
    """What the script printed, as ground truth: name -> [[step, epoch, value], ...] in print order."""

    def __init__(self) -> None:
        self.series: dict[str, dict[str, list]] = {}

    def __call__(self, name: str, step, epoch, value: float) -> float:
        self.series.setdefault(name, {"points": []})["points"].append([step, epoch, float(value)])
        return value
