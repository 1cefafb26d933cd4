"""``mlop run`` as a pipeline: its files are the boxes of DESIGN's data flow.

- ``settings.py``: :class:`RunOptions`, every setting resolved once from one table (flag >
  ``MLOP_*`` > config file > default);
- ``params.py``: hyperparameters from argv, config files and ``--param``;
- ``recording.py``: one recording in four phases, prepare, launch (the command under
  ``mlop_cli.supervise``: its bytes pass through first), run, finish;
- ``sources.py``: the :class:`Source` protocol, and the console, context, TensorBoard and
  system sources: records onto the writer's queue, never SQLite;
- ``storing.py``: the writer opened for the run (``mlop_cli.store.writer`` batches and commits);
- ``background.py``: the background sync beside the command (``--sync-to``);
- ``messages.py``: mlop's own lines on stderr.
"""

from __future__ import annotations

from mlop_cli.run.messages import Messages
from mlop_cli.run.recording import FINISH_BUDGET_S, Recording, execute_run
from mlop_cli.run.settings import RunOptions, default_name
from mlop_cli.run.sources import Source

__all__ = [
    "FINISH_BUDGET_S",
    "Messages",
    "Recording",
    "RunOptions",
    "Source",
    "default_name",
    "execute_run",
]
