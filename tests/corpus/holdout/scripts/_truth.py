"""Write a corpus entry's .truth.json (see CORPUS_FORMAT.md) from inside the captured script.

capture.py tells the script where (MLOP_CORPUS_TRUTH), how it was run (MLOP_CORPUS_MODE) and the
command line (MLOP_CORPUS_COMMAND).  Run by hand, without capture.py, nothing is written.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from typing import Any

ILLUSTRATIVE = (
    " [Quoted example lines in these notes show the SHAPE of the output; their numbers may be "
    "illustrative - the console file and the series above are the facts.]"
)


class Series:
    """Ordered points [step, epoch, value] per printed metric name."""

    def __init__(self) -> None:
        self.series: dict[str, dict[str, list[list[Any]]]] = {}

    def add(self, name: str, step: int | None, epoch: float | None, value: float) -> None:
        v = float(value)
        if math.isnan(v) or math.isinf(v):
            v = str(v)  # type: ignore[assignment]
        self.series.setdefault(name, {"points": []})["points"].append([step, epoch, v])


def write(
    *,
    library: str,
    script: str,
    record: str,
    step_kind: str,
    series: Series | dict,
    extra_ok: list[str] | None = None,
    not_printed: list[str] | None = None,
    notes: str = "",
    **more: Any,
) -> None:
    path = os.environ.get("MLOP_CORPUS_TRUTH")
    if not path:
        return
    body = {
        "library": library,
        "script": script,
        "command": os.environ.get("MLOP_CORPUS_COMMAND", " ".join(sys.argv)),
        "mode": os.environ.get("MLOP_CORPUS_MODE", "pipe"),
        "record": record,
        "step_kind": step_kind,
        "series": series.series if isinstance(series, Series) else series,
        "extra_ok": extra_ok or [],
        "not_printed": not_printed or [],
        "notes": notes + ILLUSTRATIVE,
    }
    body.update(more)
    text = json.dumps(body, indent=1)
    # one point per line: [step, epoch, value]; only real arrays (json.dumps opens them with
    # "[" and a newline), never brackets inside a string
    text = re.sub(
        r"\[\n\s*([^\[\]{}]*?)\n\s*\]",
        lambda m: "[" + re.sub(r"\s*\n\s*", " ", m.group(1)) + "]",
        text,
    )
    with open(path, "w") as fh:
        fh.write(text + "\n")
