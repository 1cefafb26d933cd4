"""Note every state of Keras' Progbar that was actually printed, with the values it was given.

Keras 3's Progbar draws at most every 0.05 s (and at the end of an epoch), so which in-epoch
positions reach the console depends on timing; the truth must hold exactly those.  Progbar.update
is wrapped: an update drew when it moved Progbar._last_update (verbose=1) or finalized (verbose=2).
"""

from keras.callbacks import Callback
from keras.src.utils import progbar as _progbar

DRAWN = []  # (context, epoch, position, target, {name: value})
CONTEXT = [None]  # set by the script, e.g. the tuner's trial number
_epoch = [0]
_update = _progbar.Progbar.update


def _recording_update(self, current, values=None, finalize=None):
    before = self._last_update
    _update(self, current, values, finalize)
    fin = finalize if finalize is not None else (self.target is not None and current >= self.target)
    drawn = (self._last_update != before) if self.verbose == 1 else bool(fin)
    if drawn:
        DRAWN.append(
            (
                CONTEXT[0],
                _epoch[0],
                int(current),
                self.target,
                {k: float(v) for k, v in (values or [])},
            )
        )


_progbar.Progbar.update = _recording_update


class EpochNumber(Callback):
    """Keeps the 1-based epoch number for the records above."""

    def on_epoch_begin(self, epoch, logs=None):
        _epoch[0] = epoch + 1


def states():
    """Drawn states with redraws at one position merged (the last state wins), in print order."""
    merged = {}
    for ctx, epoch, pos, target, values in DRAWN:
        merged.setdefault((ctx, epoch, pos, target), {}).update(values)
    return [
        (ctx, epoch, pos, target, values) for (ctx, epoch, pos, target), values in merged.items()
    ]
