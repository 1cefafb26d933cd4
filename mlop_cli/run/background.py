"""The background sync ``mlop run --sync-to`` starts beside the command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlop_cli.run.messages import Messages
from mlop_cli.run.settings import RunOptions

if TYPE_CHECKING:
    from mlop_cli.sync_background import BackgroundSync


def start_background_sync(
    options: RunOptions, run_id: str, messages: Messages
) -> BackgroundSync | None:
    """Start ``mlop sync --watch`` for this run when ``--sync-to`` asks for it (else None)."""
    if not options.sync_to:
        return None
    from mlop_cli.sync_background import BackgroundSync, psycopg_missing

    if psycopg_missing():
        messages.warning(
            "--sync-to needs PostgreSQL support: pip install 'mlop[postgres]'; "
            "the run is recorded locally only"
        )
        return None
    background = BackgroundSync(options.sync_to, options.store, run_id, options.env)
    problem = background.start()
    if problem:
        messages.warning(problem)
        return None
    return background
