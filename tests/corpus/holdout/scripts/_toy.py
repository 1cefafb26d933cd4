"""One copy of tests/corpus/scripts/_toy.py for the holdout's capture scripts (run from this folder,
they import `_toy` by its name): that file, loaded under this one's name."""

import importlib.util
import sys
from pathlib import Path

_SHARED = Path(__file__).resolve().parents[2] / "scripts" / "_toy.py"
_spec = importlib.util.spec_from_file_location(__name__, _SHARED)
assert _spec is not None and _spec.loader is not None
_module = importlib.util.module_from_spec(_spec)
sys.modules[__name__] = _module
_spec.loader.exec_module(_module)
