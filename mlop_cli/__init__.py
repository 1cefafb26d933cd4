"""mlop: record everything about a training run without changing the training script."""

__version__ = "0.1.0"
