"""Reading runs back: ls, show, logs, compare, watch, check, export."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer

from mlop_cli.commands._shared import (
    JsonOption,
    StoreOption,
    _complete,
    _console,
    _open_store,
    _print_json,
    app,
)
from mlop_cli.errors import ExitCode, StoreError, UsageError

# -- read back -------------------------------------------------------------------------


@app.command("ls")
def ls(
    project: str | None = typer.Option(None, "--project", "-p", help="Only runs of this project."),
    tag: list[str] = typer.Option(
        [], "--tag", "-t", help="Only runs with this tag (repeatable: with every one)."
    ),
    status: list[str] = typer.Option(
        [],
        "--status",
        "-s",
        help="Only runs with this status: running, finished, failed, killed, lost "
        "(repeatable: any one).",
    ),
    limit: int = typer.Option(20, "--limit", "-l", help="At most this many runs (0: all).", min=0),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
    each_run: bool = typer.Option(
        False, "--runs", help="One line per run, also for the runs of a group (Slurm job step)."
    ),
) -> None:
    """List runs, newest first; the runs of a group (a multi-node job) as one line.

    Example: mlop ls --project vit --status failed --limit 5
    """
    from mlop_cli.documents import run_summary
    from mlop_cli.views.runs import runs_table

    statuses = ("running", "finished", "failed", "killed", "lost")
    for one in status:
        if one not in statuses:
            raise UsageError(f"--status {one!r}: expected one of {', '.join(statuses)}")
    opened = _open_store(store)
    runs = opened.runs(project=project, tag=tag, status=status, limit=limit or None)
    if as_json:
        _print_json([run_summary(r) for r in runs])
        return
    if not runs:
        filters = [f"--project {project}"] if project else []
        filters += [f"--tag {one}" for one in tag] + [f"--status {one}" for one in status]
        match = f" match {' '.join(filters)}" if filters else ""
        sys.stderr.write(f"mlop: no runs{match} in {opened.path}\n")
        return
    if not each_run:
        from mlop_cli.views.groups import collapse_groups

        runs = collapse_groups(runs)
    console = _console()
    console.print(runs_table(runs, width=console.width))


@app.command()
def show(
    run_ref: str = typer.Argument(
        "last",
        metavar="RUN",
        help="Run id, name (its newest run), NAME~N (the Nth before), `last`, or unique id prefix.",
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Show a run: context, parameters, metrics, histograms, text and warnings.

    Example: mlop show last --json
    """
    from mlop_cli.documents import run_document
    from mlop_cli.store.model import read_run
    from mlop_cli.views.runs import show_run

    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    _complete(opened, [run_id])
    details = read_run(opened, run_id)
    if as_json:
        _print_json(run_document(details))
        return
    show_run(_console(), details)


@app.command()
def logs(
    run_ref: str = typer.Argument(
        "last",
        metavar="RUN",
        help="Run id, name (its newest run), NAME~N (the Nth before), `last`, or unique id prefix.",
    ),
    follow: bool = typer.Option(
        False, "--follow", "-f", help="Keep printing while the run goes on."
    ),
    strip_ansi: bool = typer.Option(
        False, "--strip-ansi", help="Remove colours and other terminal escapes."
    ),
    store: str | None = StoreOption,
) -> None:
    """Replay a run's console: stdout to stdout, stderr to stderr, byte for byte.

    Example: mlop logs last --follow
    """
    from mlop_cli.ansi import AnsiStripper
    from mlop_cli.store.queries import wait_until_written

    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    seq = -1
    out = sys.stdout.buffer
    err = sys.stderr.buffer
    # One per stream: a sequence cut between two stored chunks is removed whole.
    strippers = {out: AnsiStripper(), err: AnsiStripper()}

    def flush(end: bool) -> None:
        for target, stripper in strippers.items():
            if end and strip_ansi:
                target.write(stripper.flush())
            target.flush()

    while True:
        chunks = opened.logs(run_id, seq)
        for chunk in chunks:
            target = err if chunk.stream == 2 else out
            data = chunk.data
            target.write(strippers[target].feed(data) if strip_ansi else data)
            seq = chunk.seq
        if not follow:
            flush(end=True)
            return
        flush(end=False)
        if not chunks:
            run = opened.run(run_id)
            if run.status != "running":
                # One more read once its mlop process is gone: the status is committed first,
                # the last chunks after it.
                wait_until_written(run)
                if not opened.logs(run_id, seq):
                    flush(end=True)
                    return
        time.sleep(0.25 if chunks else 0.5)


# -- compare ---------------------------------------------------------------------------


@app.command()
def compare(
    run_refs: list[str] = typer.Argument(
        None,
        metavar="[RUN]...",
        help="Two or more runs: id, name (its newest run), NAME~N (the Nth before), `last`, or "
        "unique id prefix (or pick them with --project, --tag, --last).",
        show_default=False,
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Runs of this project."),
    tag: list[str] = typer.Option(
        [], "--tag", "-t", help="Runs with this tag (repeatable: with every one)."
    ),
    last: int | None = typer.Option(
        None,
        "--last",
        "-l",
        help="The N newest matching runs (default 10 with --project/--tag).",
        min=2,
    ),
    metric: list[str] = typer.Option(
        [], "--metric", "-m", help="Only this metric (repeatable; default: all but sys/...)."
    ),
    system: bool = typer.Option(False, "--system", help="Also show system metrics (sys/...)."),
    changed: bool = typer.Option(
        False, "--changed", help="Only the parameters that differ between the runs."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Compare runs: parameters that differ, and each metric's last and best value.

    Best is the minimum for metrics named like a loss or an error (loss, error, perplexity,
    latency, runtime, regret, err, ppl, wer, cer, mse, mae, rmse, nll, time, cost, dist), the
    maximum otherwise; system metrics and settings (lr, epoch, step, momentum, grad_norm) have
    none. Runs are named, or picked: --project/--tag (the 10 newest, or --last N), or --last N
    alone (the N newest runs).

    Example: mlop compare baseline a1b2 last --metric eval/acc --metric eval/loss
    """
    from mlop_cli.views.compare import compare_document, compare_view

    picking = project is not None or bool(tag) or last is not None
    if run_refs and picking:
        raise UsageError("name the runs or pick them with --project/--tag/--last, not both")
    opened = _open_store(store)
    if run_refs:
        run_ids = list(dict.fromkeys(opened.resolve(ref) for ref in run_refs))
    elif picking:
        run_ids = [run.id for run in opened.runs(project=project, tag=tag, limit=last or 10)]
    else:
        run_ids = []
    if len(run_ids) < 2:
        if picking:
            raise UsageError(
                f"{len(run_ids)} run(s) match; compare needs two or more (`mlop ls` lists them)"
            )
        if run_refs and len(run_refs) > 1:
            raise UsageError(
                f"{', '.join(run_refs)} are all run {run_ids[0]}: compare needs two different "
                "runs (NAME~1 is the run of that name before the newest)"
            )
        raise UsageError(
            "give at least two runs to compare, e.g. mlop compare RUN1 RUN2 (or --project P, "
            "--tag T, --last N)"
        )
    _complete(opened, run_ids)
    document = compare_document(opened, run_ids, metrics=metric or None, system=system)
    if as_json:
        _print_json(document)
        return
    _console().print(compare_view(document, all_params=not changed))


# -- watch -----------------------------------------------------------------------------


@app.command()
def watch(
    run_ref: str = typer.Argument(
        "last",
        metavar="RUN",
        help="Run id, name (its newest run), NAME~N (the Nth before), `last`, or unique id prefix.",
    ),
    interval: float = typer.Option(1.0, "--interval", help="Seconds between refreshes.", min=0.1),
    store: str | None = StoreOption,
) -> None:
    """Live dashboard of a run: status, metrics with sparklines, system and GPU, console.

    Run it from another terminal while `mlop run` goes on. It exits 0 when the run ends
    (after a final render) and on Ctrl-C, which leaves the run untouched.

    Example: mlop watch last
    """
    from mlop_cli.views.watch import watch_run

    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    raise typer.Exit(watch_run(opened, run_id, _console(), interval=interval))


# -- check -----------------------------------------------------------------------------


@app.command()
def check(
    run_ref: str = typer.Argument(
        ...,
        metavar="RUN",
        help="Run id, name (its newest run), NAME~N (the Nth before), `last`, or unique id prefix.",
    ),
    conditions: list[str] | None = typer.Argument(
        None,
        metavar="EXPR...",
        help="Conditions like 'eval/acc >= 0.9' or 'max(train/loss) < 5' "
        "(aggregates: last, min, max, mean, count; operators: < <= > >= == !=).",
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
    any_status: bool = typer.Option(
        False,
        "--any-status",
        help="Check the metrics of a run that did not finish (failed, killed, lost, running) "
        "too; by default such a run fails the gate.",
    ),
) -> None:
    """Gate CI on metrics: exit 0 when every condition holds, 1 when one fails.

    A run that did not finish fails the gate (see --any-status). A malformed condition, an
    unknown metric or run, or a store that cannot be read exits 2. A NaN value fails its
    condition.

    Example: mlop check last 'eval/acc >= 0.9' 'max(train/loss) < 5' 'min(eval/loss) <= 0.3'
    """
    from rich.text import Text

    from mlop_cli.gate import ExpressionError, evaluate, parse_condition

    if not conditions:
        # `mlop check 'loss < 1'`: the run was left out. Gating `last` silently could test
        # another job's run in CI, so say what is missing instead.
        try:
            parse_condition(run_ref)
        except ExpressionError:
            raise UsageError(f"no condition to check: mlop check {run_ref} 'EXPR'") from None
        raise UsageError(
            f"{run_ref!r} is a condition; name the run first: mlop check last {run_ref!r}"
        )
    parsed = [parse_condition(text) for text in conditions]
    try:
        opened = _open_store(store)
        run_id = opened.resolve(run_ref)
        _complete(opened, [run_id])
        run = opened.run(run_id)
        summaries = opened.metric_summaries(run_id)
    except StoreError as error:
        error.exit_code = ExitCode.USAGE  # 1 is a failed gate: CI must tell the two apart
        raise
    outcomes = evaluate(parsed, summaries)
    status = run.status
    status_passed = any_status or status == "finished"
    passed = status_passed and all(outcome.passed for outcome in outcomes)
    if as_json:
        _print_json(
            {
                "run": run_id,
                "passed": passed,
                "status": status,
                "status_passed": status_passed,
                "conditions": [o.to_json() for o in outcomes],
            }
        )
    else:
        console = _console()
        if not status_passed:
            line = Text("FAIL", style="bold red")
            exit_code = run.exit_code
            code = f", exit code {exit_code}" if exit_code is not None else ""
            line.append(
                f"  the run did not finish (status {status}{code}); "
                "--any-status checks its metrics anyway"
            )
            console.print(line)
        for outcome in outcomes:
            line = Text(outcome.verdict, style="bold green" if outcome.passed else "bold red")
            line.append("  " + outcome.describe())
            console.print(line)
    raise typer.Exit(ExitCode.OK if passed else ExitCode.ERROR)


# -- export ----------------------------------------------------------------------------


@app.command()
def export(
    run_ref: str = typer.Argument(
        "last",
        metavar="RUN",
        help="Run id, name (its newest run), NAME~N (the Nth before), `last`, or unique id prefix.",
    ),
    format_: str = typer.Option(
        "csv", "--format", "-f", help="csv, jsonl or tensorboard.", metavar="FORMAT"
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="File to write (default: stdout); for tensorboard, the folder (required).",
    ),
    metric: list[str] = typer.Option(
        [], "--metric", "-m", help="Only this metric (repeatable; default: all)."
    ),
    store: str | None = StoreOption,
) -> None:
    """Export a run's points: CSV or JSON lines (metric, step, value, time, source), or TensorBoard files.

    time is Unix seconds (a float). NaN is `nan` in CSV and null in JSON lines.

    Example: mlop export last --format csv -o metrics.csv
    """
    from mlop_cli import export as exporting

    if format_ not in exporting.FORMATS:
        raise UsageError(f"--format {format_!r}: expected one of {', '.join(exporting.FORMATS)}")
    if format_ == "tensorboard" and output is None:
        raise UsageError("--format tensorboard writes event files: give the folder with -o PATH")
    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    _complete(opened, [run_id])
    if format_ == "tensorboard" and output is not None:
        written = exporting.write_tensorboard(opened, run_id, output, metric or None)
        sys.stderr.write(
            f"mlop: wrote {written['points']:,} points and {written['histograms']:,} histograms to {output}\n"
        )
        return
    write = exporting.write_csv if format_ == "csv" else exporting.write_jsonl
    # Unknown names are refused here, before any output: no header, no empty file.
    chosen = exporting.selected_series(opened, run_id, metric or None)
    if output is None:
        write(chosen, sys.stdout)
        sys.stdout.flush()
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        count = write(chosen, stream)
    sys.stderr.write(f"mlop: wrote {count:,} points to {output}\n")
