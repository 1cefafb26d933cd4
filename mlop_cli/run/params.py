"""The run's hyperparameters, gathered before the command starts: argv, config files, --param."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from mlop_cli import records as rec
from mlop_cli.context import (
    config_files_in_argv,
    flatten,
    params_from_argv,
    read_config_file,
    redact_params,
)
from mlop_cli.run.settings import RunOptions


@dataclass
class Hyperparameters:
    """The params to record, notes about config files that could not be read, secrets found."""

    params: list[rec.Param] = field(default_factory=list)
    notes: list[rec.Event] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)
    config_files: list[str] = field(default_factory=list)


def gather_params(options: RunOptions) -> Hyperparameters:
    """Hyperparameters from argv, then config files named in argv, then ``--param`` (wins)."""
    words = options.secret_words
    found = Hyperparameters()
    argv_params, argv_secrets = redact_params(params_from_argv(options.argv, words), words)
    found.secrets += argv_secrets
    found.params += [rec.Param(k, v, "argv") for k, v in argv_params.items()]
    for path in config_files_in_argv(options.argv, options.cwd):
        values: dict[str, Any]
        try:
            values, secrets = redact_params(flatten(read_config_file(path)), words)
        except Exception as error:  # a config we cannot read is a note, not a failure
            found.notes.append(
                rec.Event(
                    time.time(),
                    "warning",
                    "config.unreadable",
                    f"cannot read config file {path}: {error}",
                )
            )
            continue
        found.secrets += secrets
        found.params += [rec.Param(k, v, f"config:{path.name}") for k, v in values.items()]
        found.config_files.append(str(path))
    cli_params, cli_secrets = redact_params(options.params, words)
    found.secrets += cli_secrets
    found.params += [rec.Param(k, v, "cli") for k, v in cli_params.items()]
    return found
