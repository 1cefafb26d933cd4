"""Completion scripts: regenerated from the app they match the committed ones; bash, zsh and fish
complete with them (zsh driven interactively through zpty)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPLETIONS = ROOT / "completions"
FILES = ("mlop.bash", "_mlop", "mlop.fish")


def test_committed_completion_scripts_are_up_to_date(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_completions.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for name in FILES:
        fresh = (tmp_path / name).read_text()
        committed = (COMPLETIONS / name).read_text()
        assert fresh == committed, (
            f"completions/{name} is stale: run python scripts/gen_completions.py"
        )


def test_every_command_is_in_every_script() -> None:
    import typer.main

    from mlop_cli.cli import app

    names = typer.main.get_command(app).commands
    for file_name in FILES:
        text = (COMPLETIONS / file_name).read_text()
        for name in names:
            assert name in text, f"{name} missing from completions/{file_name}"


def _complete(*words: str) -> list[str]:
    """What bash offers for the last of ``words`` (``""`` for a blank after a space)."""
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    array = " ".join("'" + word.replace("'", "'\\''") + "'" for word in words)
    script = (
        f"source {COMPLETIONS / 'mlop.bash'}\n"
        f"COMP_WORDS=({array}); COMP_CWORD={len(words) - 1}\n"
        '_mlop mlop "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"\n'
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
        "complete -p mlop\n"
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "complete -o default -F _mlop mlop"
    return [line for line in lines[:-1] if line]


def test_bash_completes_commands_options_and_values(tmp_path: Path) -> None:
    assert _complete("mlop", "sh") == ["show"]
    assert _complete("mlop", "c") == ["check", "compare"]
    assert "watch" in _complete("mlop", "")
    assert _complete("mlop", "ls", "--st") == ["--status", "--store"]
    assert _complete("mlop", "ls", "--status", "f") == ["finished", "failed"]
    assert _complete("mlop", "export", "last", "--format", "") == ["csv", "jsonl", "tensorboard"]
    assert _complete("mlop", "report", "--format", "") == ["html", "md", "json"]
    assert _complete("mlop", "gc", "--status", "") == ["finished", "failed", "killed", "lost"]
    assert "--no-pty" in _complete("mlop", "run", "--no")
    # After `--` the user's own command follows: mlop offers nothing (bash completes files).
    assert _complete("mlop", "run", "--", "--n") == []


_ZSH_DRIVER = r"""
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'PS1="%% "; fpath=({completions} $fpath); autoload -Uz compinit; compinit -u'
zpty -w z 'zstyle ":completion:*" list-prompt ""; setopt autolist; unsetopt listambiguous'
zpty -w -n z $'{line}\t\t'
# Read until the listing shows what is looked for, or a deadline passes (a busy machine may
# take seconds to run compinit; nothing more may be typed meanwhile: zsh lists no matches
# while input is waiting).
out=""
integer deadline=$(( SECONDS + 25 ))
while (( SECONDS < deadline )) && [[ $out != *"{until}"* ]]; do
  if zpty -r -t z chunk; then out+=$chunk; else sleep 0.05; fi
done
print -r -- "$out"
zpty -d z
"""


def _zsh_offers(line: str, until: str) -> str:
    """What an interactive zsh lists for ``line`` followed by Tab Tab (driven through zpty),
    read until it shows ``until`` (or 25 s pass)."""
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed")
    script = (
        _ZSH_DRIVER.replace("{completions}", str(COMPLETIONS))
        .replace("{line}", line)
        .replace("{until}", until)
    )
    result = subprocess.run(["zsh", "-f", "-c", script], capture_output=True, text=True, timeout=30)
    return result.stdout


def test_zsh_completes_commands_and_options() -> None:
    offered = _zsh_offers("mlop re", until="Write a self-contained")
    # zsh pads names to the longest match (`recover  --`), so the gap is not a fixed width.
    assert re.search(r"rename +-- Give a run a new name\.", offered)
    assert re.search(r"report +-- Write a self-contained", offered)
    offered = _zsh_offers("mlop run --no-", until="--no-system")
    assert "--no-system" in offered and "--no-pty" in offered


def _fish_offers(line: str) -> list[str]:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed")
    result = subprocess.run(
        ["fish", "--no-config", "-c", f"source {COMPLETIONS / 'mlop.fish'}; complete -C '{line}'"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return [entry.split("\t")[0] for entry in result.stdout.splitlines()]


def test_fish_completes_commands_and_options() -> None:
    assert {"rename", "report", "rm", "run"} <= set(_fish_offers("mlop r"))
    assert {"--no-pty", "--no-system", "--no-tensorboard"} <= set(_fish_offers("mlop run --no-"))
    assert "--format" in _fish_offers("mlop report --f")
