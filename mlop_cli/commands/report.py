"""``mlop report``: the self-contained, offline report."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

from mlop_cli.commands._shared import (
    StoreOption,
    _complete,
    _config,
    _open_store,
    _progress,
    app,
)
from mlop_cli.config import MINIMA
from mlop_cli.errors import UsageError

# The report's formats (`markdown` is taken for `md` too), as completions offer them.
REPORT_FORMATS = ("html", "md", "json")


@app.command()
def report(
    run_refs: list[str] = typer.Argument(
        None,
        metavar="[RUN]...",
        help="Runs to include (default: the last run).",
        show_default=False,
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Output file, or a folder for report.html (.md, .json) in it (default: report.html "
        "for html, stdout for md and json).",
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Runs of this project."),
    tag: list[str] = typer.Option(
        [], "--tag", "-t", help="Runs with this tag (repeatable: with every one)."
    ),
    last: int | None = typer.Option(
        None,
        "--last",
        "-l",
        help="The N newest matching runs (default 1, or 10 with --project/--tag).",
        min=MINIMA["report.last"],
    ),
    group: str | None = typer.Option(
        None, "--group", "-g", help="The runs of a multi-node job (the group id `mlop ls` shows)."
    ),
    all_ranks: bool = typer.Option(
        False, "--all-ranks", help="With --group: training metrics of every rank, not only rank 0."
    ),
    output_format: str = typer.Option("html", "--format", "-f", help="html, md or json."),
    include_env: bool | None = typer.Option(
        None,
        "--include-env/--no-env",
        help="Include the (redacted) environment in the HTML report (default: config report.include_env, else no).",
        show_default=False,
    ),
    summary: bool = typer.Option(
        False, "--summary", help="With --format md: also append to $GITHUB_STEP_SUMMARY."
    ),
    system: bool = typer.Option(
        False,
        "--system",
        help="With --format md or json: also list the system metrics (sys/...); the HTML "
        "report always has them, in its System section.",
    ),
    store: str | None = StoreOption,
) -> None:
    """Write a self-contained, offline report of runs: HTML, Markdown or JSON.

    Example: mlop report --project vit --last 5 -o vit.html
    """
    from mlop_cli.report.from_store import build_model

    if output_format not in (*REPORT_FORMATS, "markdown"):
        raise UsageError(f"--format {output_format!r}: expected html, md or json")
    output_format = "md" if output_format == "markdown" else output_format
    if summary and output_format != "md":
        raise UsageError("--summary goes with --format md")
    defaults = _config(Path.cwd()).values.get("report", {})
    include_env = defaults.get("include_env", False) if include_env is None else include_env
    if output is None and output_format in ("html",) and defaults.get("output"):
        output = defaults["output"]
    last = last or defaults.get("last")
    opened = _open_store(store)
    if group is not None:
        run_ids = [run.id for run in opened.runs(group=group)]
        if not run_ids:
            raise UsageError(f"no runs in group {group!r}; `mlop ls` shows the groups")
    elif run_refs:
        run_ids = list(dict.fromkeys(opened.resolve(ref) for ref in run_refs))
    else:
        limit = last or (10 if project or tag else 1)
        run_ids = [run.id for run in opened.runs(project=project, tag=tag, limit=limit)]
        if not run_ids:
            raise UsageError("no runs match; `mlop ls` lists the runs")
    _complete(opened, run_ids)
    with _progress("reading runs") as progress:
        model = build_model(
            opened,
            run_ids,
            progress=progress,
            system_only_unless_rank_zero=group is not None and not all_ranks,
        )
    target: Path | None
    if output_format == "html":
        from mlop_cli.report import render_html

        text = render_html(model, include_env=include_env)
        target = Path(output or "report.html")
    elif output_format == "md":
        from mlop_cli.report import render_markdown

        text = render_markdown(model, system=system)
        target = Path(output) if output else None
    else:
        from mlop_cli.report import render_json

        data = render_json(model, system=system)
        text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        target = Path(output) if output else None
    if output is not None and output != "-" and (output.endswith(os.sep) or Path(output).is_dir()):
        # `-o reports/`: a folder, the report in it under its default name (a file named
        # `reports` was written when the folder did not exist yet).
        target = Path(output) / f"report.{output_format}"
    if target is None or str(target) == "-":
        sys.stdout.write(text)
    else:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except FileExistsError as error:  # (mkdir: a file where a folder of the path must be)
            raise UsageError(f"cannot write {target}: a file stands in its path") from error
        except OSError as error:
            raise UsageError(f"cannot write {target}: {error.strerror}") from error
        sys.stderr.write(
            f"mlop: wrote {target} ({len(run_ids)} run(s), {len(text.encode()) / 1e6:.1f} MB)\n"
        )
    if summary:
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if not step_summary:
            raise UsageError("--summary needs $GITHUB_STEP_SUMMARY (set by GitHub Actions)")
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(text)
        sys.stderr.write(f"mlop: appended the summary to {step_summary}\n")
