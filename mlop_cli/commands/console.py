"""``mlop parse``: what the console reader reads in a log, line by line, and why."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from mlop_cli.commands._shared import CONTEXT, JsonOption, _compile_patterns, _print_json, app
from mlop_cli.errors import UsageError


@app.command(context_settings=CONTEXT)
def parse(
    log: Path = typer.Argument(..., metavar="FILE", help="A console log (`-` for stdin)."),
    pattern: list[str] = typer.Option(
        [], "--pattern", help="Also apply this metric regex, as `mlop run --pattern` does."
    ),
    no_builtin_patterns: bool = typer.Option(
        False, "--no-builtin-patterns", help="Only the --pattern regexes."
    ),
    all_lines: bool = typer.Option(
        False, "--all", help="Show every line, not only those holding a number."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Show what `mlop run` reads from a log, line by line: metrics, steps, and why not.

    Each line holding a number is printed with the metrics read from it (name = value @ step),
    the shape that matched (pairs, record, progress bar, table row, boxed table), or the reason
    nothing was read, so you can see what to pass as --pattern. Nothing is stored.

    Example: mlop parse slurm-123456.out --pattern 'BLEU = (?P<bleu>[\\d.]+)'
    """
    from mlop_cli.sources.console.explain import explain
    from mlop_cli.sources.console.tokens import VALUE_TOKEN

    patterns = _compile_patterns(pattern)
    if str(log) == "-":
        data = iter(lambda: sys.stdin.buffer.read(1 << 16), b"")
    else:
        try:
            handle = log.open("rb")
        except OSError as error:
            raise UsageError(f"cannot read {log}: {error.strerror}") from None
        data = iter(lambda: handle.read(1 << 16), b"")
    reports = explain(data, patterns, builtins=not no_builtin_patterns)
    series: dict[str, list] = {}
    shown = []
    for report in reports:
        for name, step, _epoch, _value in report.points:
            entry = series.setdefault(name, [0, step, step])
            entry[0] += 1
            entry[2] = step
        if all_lines or report.points or VALUE_TOKEN.search(report.text):
            shown.append(report)
            if not as_json:
                _print_report(report)
    if as_json:
        _print_json(
            {
                "lines": [report.as_dict() for report in shown],
                "metrics": {
                    name: {"count": count, "first_step": first, "last_step": last}
                    for name, (count, first, last) in series.items()
                },
            }
        )
        return
    out = sys.stdout
    out.write(f"\n{len(series)} metric(s) read" + (":" if series else "") + "\n")
    for name, (count, first, last) in series.items():
        steps = f"steps {first}..{last}" if first is not None else "no step"
        out.write(f"  {name}: {count} point(s), {steps}\n")
    if not series:
        out.write(
            "  nothing was read: give your format with --pattern, e.g. "
            "--pattern 'loss (?P<loss>[\\d.]+)'\n"
        )


def _print_report(report) -> None:  # a LineReport
    out = sys.stdout
    text = report.text if len(report.text) <= 160 else report.text[:157] + "..."
    out.write(f"{report.number:6}  {text!s}\n".replace("\x1b", "\\x1b"))
    if report.points:
        read = ", ".join(
            f"{name} = {value:.6g}"
            + (f" @ step {step}" if step is not None else "")
            + (f" (epoch {epoch:g})" if epoch is not None else "")
            for name, step, epoch, value in report.points
        )
        out.write(f"        -> {report.shape}: {read}\n")
    else:
        out.write(f"        .  {report.shape}: {report.note}\n")
