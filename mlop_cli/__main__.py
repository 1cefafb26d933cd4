"""Entry point for ``mlop`` and ``python -m mlop_cli``."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command-line interface."""
    # Imported here so that `python -m mlop_cli` pays only for what the command needs.
    from mlop_cli.cli import run_app

    sys.exit(run_app())


if __name__ == "__main__":
    main()
