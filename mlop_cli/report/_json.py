"""JSON that is safe inside an HTML ``<script type="application/json">`` element."""

from __future__ import annotations

import json
import math
from typing import Any

# Inside <script>, the HTML parser ends the element at "</script" and enters odd states at
# "<!--"; U+2028/U+2029 broke older JS parsers. \u escapes keep the JSON equal but inert.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def finite_or_none(value: Any) -> Any:
    """Return ``value`` with every NaN or infinite float replaced by None, recursively.

    Tuples become lists; dict keys become strings; other objects become their ``str``.
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, dict):
        return {str(key): finite_or_none(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite_or_none(item) for item in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    try:  # numpy scalars
        return finite_or_none(float(value)) if hasattr(value, "dtype") else str(value)
    except (TypeError, ValueError):
        return str(value)


def script_json(value: Any) -> str:
    """Serialise ``value`` as JSON that can be placed verbatim inside a ``<script>`` element.

    Non-finite floats become null (JSON has no NaN); ``<``, ``>``, ``&``, U+2028 and
    U+2029 become ``\\u`` escapes, so no string can end the element or open a comment.
    """
    text = json.dumps(
        finite_or_none(value), ensure_ascii=False, allow_nan=False, separators=(",", ":")
    )
    return text.translate(_SCRIPT_ESCAPES)
