"""Sanity check of corpus truth files against their consoles (a reviewer's aid, not a test).

For every point of every series in tests/corpus/console/real_*.truth.json written by the scripts
here, look for the value in the console text (colours and OSC links stripped) in some common
rendering (fixed decimals, significant digits, e-notation, repr).  Prints the points that are not
found and names that never appear, so a human can look at them.  Exit status 0 always.

    python tests/corpus/scripts/check_truth.py [ENTRY ...]
"""

import json
import re
import sys
import os
from pathlib import Path

# The corpus written and read: tests/corpus/console, or another set named by MLOP_CORPUS (as
# tests/console_score.py reads it): `MLOP_CORPUS=tests/corpus/holdout` for the holdout.
CONSOLE = Path(os.environ.get("MLOP_CORPUS") or Path(__file__).resolve().parents[1] / "console")
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>]")


def renderings(v: float) -> set[str]:
    out = {repr(v), str(v)}
    for d in range(0, 11):
        out.add(f"{v:.{d}f}")
        out.add(f"{v:.{d}e}")
        s = f"{v:.{d}e}"
        out.add(s.replace("e-0", "e-").replace("e+0", "e+"))
    for s in range(1, 12):
        g = f"{v:.{s}g}"
        out.add(g)
        out.add(g.replace("e-0", "e-").replace("e+0", "e+"))
    return {r for r in out if r not in ("0", "-0")} or {"0"}


def check(entry: Path) -> tuple[int, int, list[str]]:
    truth = json.loads(entry.read_text())
    text = ANSI.sub(
        "", (entry.parent / entry.name.replace(".truth.json", ".txt")).read_text(errors="replace")
    )
    text = text.replace("\x08", "")
    problems, total, found = [], 0, 0
    for name, s in truth["series"].items():
        base = name.split("/")[-1]
        if base.lower() not in text.lower() and name.lower() not in text.lower():
            problems.append(f"  name not in text: {name!r}")
        for step, epoch, v in s["points"]:
            total += 1
            if isinstance(v, str):
                continue
            if any(r in text for r in renderings(float(v))):
                found += 1
            else:
                problems.append(f"  {name} step={step} epoch={epoch} value={v!r} not found")
    return total, found, problems


def main() -> None:
    names = sys.argv[1:]
    entries = sorted(CONSOLE.glob("real_*.truth.json"))
    if names:
        entries = [e for e in entries if e.name.replace(".truth.json", "") in names]
    for e in entries:
        total, found, problems = check(e)
        print(f"{e.name.replace('.truth.json', '')}: {found}/{total} values found in the console")
        for p in problems[:12]:
            print(p)
        if len(problems) > 12:
            print(f"  ... {len(problems) - 12} more")


if __name__ == "__main__":
    main()
