"""Redo every capture listed in the header of the corpus scripts here (or of the named scripts).

    python tests/corpus/scripts/recapture.py [SCRIPT.py ...]

Runs each 'python tests/corpus/scripts/capture.py MODE ENTRY -- CMD' line found in a script's
docstring, from the repository root, one after another, and prints one line per capture.
"""

import ast
import shlex
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def commands(script: Path) -> list[list[str]]:
    doc = ast.get_docstring(ast.parse(script.read_text())) or ""
    out = []
    for line in doc.splitlines():
        line = line.strip()
        if line.startswith("python tests/corpus/scripts/capture.py "):
            out.append(shlex.split(line))
    return out


def main() -> int:
    names = sys.argv[1:]
    scripts = [HERE / n for n in names] if names else sorted(HERE.glob("*.py"))
    scripts = [s for s in scripts if s.name not in ("capture.py", "recapture.py")]
    failed = 0
    for script in scripts:
        for argv in commands(script):
            argv[0] = sys.executable
            rc = subprocess.run(argv, cwd=ROOT).returncode
            failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
