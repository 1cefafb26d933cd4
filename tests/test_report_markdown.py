"""Markdown and JSON summaries, and the text helpers behind the HTML (ANSI, script JSON)."""

from __future__ import annotations

import json
import math

from mlop_cli.report import render_json, render_markdown
from mlop_cli.report._ansi import ansi_to_html
from mlop_cli.report._json import script_json
from mlop_cli.report.markdown import escape_markdown
from tests.test_report_html import XSS, sample_model


def _table_rows(markdown: str, header_start: str) -> list[list[str]]:
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        # Split on pipes that are not escaped.
        cells, current, escaped = [], "", False
        for char in line.strip()[1:-1]:
            if char == "|" and not escaped:
                cells.append(current.strip())
                current = ""
            else:
                current += char
            escaped = char == "\\" and not escaped
        cells.append(current.strip())
        rows.append(cells)
    return rows


def test_markdown_lists_runs_differences_metrics_and_warnings():
    text = render_markdown(sample_model())
    runs = _table_rows(text, "| Run |")
    assert len(runs) == 3 and all(len(row) == 7 for row in runs)
    assert "failed" in runs[1][1] and runs[1][3] == "1"
    diffs = _table_rows(text, "| Parameter |")
    assert [row[0] for row in diffs] == ["lr"]
    metrics = _table_rows(text, "| Metric |")
    # Training metrics only: train/loss, train/accuracy, eval/loss, eval/best_acc, each run.
    assert len(metrics) == 4 * 3
    loss = [row for row in metrics if row[0] == "train/loss"]
    assert loss and all(row[4].isdigit() for row in loss)
    assert "### Warnings (3)" in text


def test_markdown_and_json_leave_system_metrics_out_unless_asked():
    model = sample_model()
    text = render_markdown(model)
    names = [row[0] for row in _table_rows(text, "| Metric |")]
    assert names and not any(name.startswith("sys/") for name in names)
    assert "4 system metrics (`sys/…`) left out; `--system` lists them" in text
    assert not any(name.startswith("sys/") for name in render_json(model)["metrics"])
    with_system = [row for row in _table_rows(render_markdown(model, system=True), "| Metric |")]
    system_rows = [row for row in with_system if row[0].startswith("sys/")]
    assert len(system_rows) == 4 * 3
    # System metrics have no better or worse: no best value, no best step.
    assert all(row[3] == "" and row[4] == "" for row in system_rows)
    data = render_json(model, system=True)["metrics"]["sys/proc/rss_bytes"]["run00abc"]
    assert data["best"] is None and data["best_step"] is None and data["lower_is_better"] is None


def test_markdown_escapes_hostile_strings():
    text = render_markdown(sample_model(hostile=True))
    runs = _table_rows(text, "| Run |")
    assert all(len(row) == 7 for row in runs)  # pipes cannot add cells
    assert (
        "<img" not in text and "<svg" not in text and "<script" not in text and "<!--" not in text
    )
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in text
    assert escape_markdown("a|b`c`\nd") == "a\\|b\\`c\\` d"


def test_json_summary_is_valid_json_with_nulls_for_nan():
    model = sample_model(runs=2)
    model.runs[0].metrics["train/loss"].values[-1] = math.nan
    data = render_json(model)
    text = json.dumps(data, allow_nan=False)  # raises on NaN
    loaded = json.loads(text)
    loss = loaded["metrics"]["train/loss"]
    assert loss["run00abc"]["last"] is None
    assert loss["run01abc"]["lower_is_better"] is True and loss["run01abc"]["best"] == "min"
    assert loaded["param_differences"] == {"lr": {"run00abc": 0.001, "run01abc": 0.002}}
    assert [run["status"] for run in loaded["runs"]] == ["finished", "failed"]
    assert len(loaded["warnings"]) == 2


def test_script_json_cannot_close_the_element():
    text = script_json({"name": XSS, "values": [1.0, math.nan, math.inf], XSS: 1})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text
    assert json.loads(text) == {"name": XSS, "values": [1.0, None, None], XSS: 1}


def test_ansi_colours_become_spans_and_other_escapes_vanish():
    raw = b"\x1b[1;31mred bold\x1b[0m plain \x1b[38;2;10;20;30mrgb\x1b[0m\x1b[2K\x1b]0;title\x07 <b>&\x07"
    out = ansi_to_html(raw)
    assert '<span class="ansi-b ansi-fg1">red bold</span>' in out
    assert '<span style="color:#0a141e">rgb</span>' in out
    assert "title" not in out and "\x1b" not in out and "\x07" not in out
    assert out.endswith(" &lt;b&gt;&amp;")


def test_ansi_progress_redraws_and_invalid_utf8():
    out = ansi_to_html(b"10%\r50%\r100%\nnext \xff\xfe line\r\n")
    assert out == "100%\nnext \ufffd\ufffd line\n"


def test_ansi_hostile_text_stays_text():
    out = ansi_to_html(("\x1b[32m" + XSS).encode())
    assert "<img" not in out and "<svg" not in out and "<script" not in out and "<!--" not in out
