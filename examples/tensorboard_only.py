"""TensorBoard logging with no framework: tensorboard's own event writer and summary protos.

    pip install tensorboard numpy
    mlop run -- python examples/tensorboard_only.py --steps 200
    mlop show last                       # loss, lr, eval/acc; weights and grads histograms

This is what any framework's TensorBoard logger ends up writing: ``Event`` records holding
``Summary`` protos, in ``events.out.tfevents.*`` files. Here the protos are built by hand with
numpy (a linear model fitted by gradient descent), so the script runs where neither TensorFlow
nor PyTorch is installed:

- scalars as tensors with the scalars plugin's metadata (as TF2 and ``tensorboard.summary``
  write them),
- histograms as ``HistogramProto`` (as PyTorch's ``add_histogram`` writes them),
- the run's hyperparameters with the hparams plugin, and a text note.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.plugins.hparams import summary_v2 as hparams
from tensorboard.plugins.scalar import metadata as scalar_metadata
from tensorboard.plugins.text import metadata as text_metadata
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.util import tensor_util


class Logger:
    """The few calls a training loop needs, on top of tensorboard's ``EventFileWriter``."""

    def __init__(self, logdir: str) -> None:
        self.writer = EventFileWriter(logdir)

    def _emit(self, step: int, summary: summary_pb2.Summary) -> None:
        self.writer.add_event(event_pb2.Event(wall_time=time.time(), step=step, summary=summary))

    def scalar(self, tag: str, value: float, step: int) -> None:
        summary = summary_pb2.Summary()
        summary.value.add(
            tag=tag,
            tensor=tensor_util.make_tensor_proto(np.float32(value)),
            metadata=scalar_metadata.create_summary_metadata(display_name=tag, description=""),
        )
        self._emit(step, summary)

    def histogram(self, tag: str, values: np.ndarray, step: int, bins: int = 30) -> None:
        values = np.asarray(values, dtype=np.float64).ravel()
        counts, edges = np.histogram(values, bins=bins)
        histo = summary_pb2.HistogramProto(
            min=float(values.min()),
            max=float(values.max()),
            num=float(values.size),
            sum=float(values.sum()),
            sum_squares=float(np.dot(values, values)),
            bucket_limit=edges[1:].tolist(),  # right edge of each bucket, as TensorBoard expects
            bucket=counts.astype(float).tolist(),
        )
        self._emit(
            step, summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=tag, histo=histo)])
        )

    def text(self, tag: str, text: str, step: int) -> None:
        summary = summary_pb2.Summary()
        summary.value.add(
            tag=tag,
            tensor=tensor_util.make_tensor_proto(text.encode()),
            metadata=text_metadata.create_summary_metadata(display_name=tag, description=""),
        )
        self._emit(step, summary)

    def hparams(self, values: dict[str, float | int | str]) -> None:
        self._emit(0, hparams.hparams_pb(values))

    def flush(self) -> None:
        self.writer.flush()

    def close(self) -> None:
        self.writer.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--eval-every", type=int, default=50)
    parser.add_argument("--logdir", default="tb_logs")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    true_w = rng.normal(size=8)
    x = rng.normal(size=(512, 8))
    y = (x @ true_w > 0).astype(float)
    w = np.zeros(8)
    log = Logger(args.logdir)
    log.hparams({"lr": args.lr, "steps": args.steps, "optimizer": "sgd"})
    log.text("notes", f"logistic regression, {x.shape[0]} samples, seed {args.seed}", 0)

    for step in range(1, args.steps + 1):
        batch = rng.choice(len(x), size=32, replace=False)
        p = 1 / (1 + np.exp(-x[batch] @ w))
        loss = -np.mean(y[batch] * np.log(p + 1e-9) + (1 - y[batch]) * np.log(1 - p + 1e-9))
        grad = x[batch].T @ (p - y[batch]) / len(batch)
        lr = args.lr * 0.5 * (1 + np.cos(np.pi * step / args.steps))  # cosine schedule
        w -= lr * grad
        log.scalar("loss", loss, step)
        log.scalar("lr", lr, step)
        if step % args.eval_every == 0:
            acc = float(np.mean(((x @ w) > 0) == (y > 0.5)))
            log.scalar("eval/acc", acc, step)
            log.histogram("weights", w, step)
            log.histogram("grads", grad, step)
            log.flush()  # each eval becomes visible at once
            print(f"step {step}/{args.steps} loss {loss:.4f} eval acc {acc:.4f}", flush=True)
    log.close()


if __name__ == "__main__":
    main()
