"""`mlop report` from a real store: HTML file, Markdown to stdout and the step summary, JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PYTHON, clean_env, run_mlop

CHILD = "for i in range(30):\n    print(f'step={i} loss={1/(i+1):.4f} acc={i/30:.3f}')\n"


def test_report_formats(store: Path, tmp_path: Path) -> None:
    for lr in ("0.1", "0.2"):
        run_mlop(
            "run",
            "-q",
            "--tag",
            "sweep",
            "--name",
            f"lr{lr}",
            "--",
            PYTHON,
            "-c",
            CHILD,
            "--lr",
            lr,
            store=store,
        )
    html_path = tmp_path / "out.html"
    result = run_mlop("report", "--tag", "sweep", "-o", str(html_path), store=store)
    assert result.returncode == 0, result.stderr
    assert str(html_path).encode() in result.stderr
    html = html_path.read_text()
    assert "lr0.1" in html and "lr0.2" in html and "<script" in html
    assert "http://" not in html.split("<script", 1)[0]  # nothing fetched before the scripts
    markdown = run_mlop("report", "--tag", "sweep", "--format", "md", store=store)
    assert markdown.returncode == 0
    text = markdown.stdout.decode()
    assert "| lr |" in text and "loss" in text
    assert "| sys/" not in text  # the system metrics only with --system
    with_system = run_mlop("report", "--tag", "sweep", "--format", "md", "--system", store=store)
    # A 30-line child may end before the first sample of its process tree: the machine's rows
    # are there whatever.
    assert with_system.returncode == 0 and "| sys/" in with_system.stdout.decode()
    data = json.loads(run_mlop("report", "lr0.1", "--format", "json", store=store).stdout)
    assert json.dumps(data)  # valid, no NaN
    summary_file = tmp_path / "summary.md"
    env = clean_env(GITHUB_STEP_SUMMARY=str(summary_file))
    appended = run_mlop("report", "last", "--format", "md", "--summary", store=store, env=env)
    assert appended.returncode == 0 and summary_file.read_text() == appended.stdout.decode()


def test_report_bad_input_is_one_line(store: Path) -> None:
    run_mlop("run", "-q", "--", PYTHON, "-c", "pass", store=store)
    bad = run_mlop("report", "--format", "pdf", store=store)
    assert bad.returncode == 2 and bad.stderr.count(b"\n") == 1 and b"Traceback" not in bad.stderr
    missing = run_mlop("report", "no-such-run", store=store)
    assert missing.returncode == 2 and b"no run matches" in missing.stderr


def test_an_output_folder_gets_the_report_under_its_default_name(
    store: Path, tmp_path: Path
) -> None:
    """`-o reports/` wrote a file named `reports` when the folder did not exist; a folder,
    whether it exists or its name ends in `/`, now gets `report.html` (`report.md`) in it, and
    a file in the way of a folder is said so."""
    assert (
        run_mlop("run", "-q", "--", PYTHON, "-c", "print('loss=0.5')", store=store).returncode == 0
    )
    new = tmp_path / "new"
    assert run_mlop("report", "-o", f"{new}/", store=store).returncode == 0
    assert (new / "report.html").is_file()
    assert run_mlop("report", "-f", "md", "-o", str(new), store=store).returncode == 0
    assert (new / "report.md").is_file()
    blocker = tmp_path / "file"
    blocker.write_text("")
    blocked = run_mlop("report", "-o", f"{blocker}/x.html", store=store)
    assert blocked.returncode == 2 and b"a file stands in its path" in blocked.stderr
