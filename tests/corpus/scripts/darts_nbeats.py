# Darts (Lightning-based forecasting) NBEATSModel on a synthetic noisy sine series, with a validation series.
# darts 0.48.1, lightning 2.6.6, torch 2.13.0+cpu. Darts drives its own Lightning Trainer and progress bar.
# Truth: Lightning's CSVLogger, passed through pl_trainer_kwargs (metrics.csv under --logdir).
# Captures (from the repo root):
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_darts_nbeats.txt -- \
#       python tests/corpus/scripts/darts_nbeats.py --logdir /tmp/darts_pipe
#   python tests/corpus/scripts/capture_torch.py pty tests/corpus/console/real_darts_nbeats_pty.txt -- \
#       python tests/corpus/scripts/darts_nbeats.py --logdir /tmp/darts_pty
import argparse
import warnings

import numpy as np
import pandas as pd
from darts import TimeSeries
from darts.models import NBEATSModel
from lightning.pytorch.loggers import CSVLogger

warnings.filterwarnings("ignore", ".*does not have many workers.*")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--logdir", required=True)
    a = p.parse_args()
    rng = np.random.RandomState(0)
    t = np.arange(300)
    values = np.sin(t / 8.0) + 0.1 * rng.randn(300)
    series = TimeSeries.from_times_and_values(pd.RangeIndex(300), values.astype(np.float32))
    train, val = series[:240], series[240:]
    model = NBEATSModel(
        input_chunk_length=24,
        output_chunk_length=6,
        num_stacks=2,
        num_blocks=1,
        num_layers=2,
        layer_widths=32,
        batch_size=32,
        n_epochs=3,
        random_state=0,
        pl_trainer_kwargs={
            "accelerator": "cpu",
            "logger": CSVLogger(a.logdir, name="run"),
            "log_every_n_steps": 1,
            "enable_checkpointing": False,
        },
    )
    model.fit(train, val_series=val)


if __name__ == "__main__":
    main()
