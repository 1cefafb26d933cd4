"""Stable names for TensorBoard event folders, and which folders make one training.

Writers put generated folders into their log paths: ``SummaryWriter()`` (torch, tensorboardX)
writes to ``runs/Dec06_08-53-19_<host><comment>``, ``add_hparams`` to a folder named by
``time.time()`` inside the writer's folder, Lightning to ``version_N``, Keras tutorials and
Hydra to date and time folders. Such a segment differs from one run to the next, so it never
becomes part of a metric name; what remains (``train``, ``eval``, the logger's name, a
``comment``) still tells the folders of one run apart. The rule, in docs/tensorboard.md:

- a segment that is a Unix time (``1796547203.99``), a date, a time of day, a date and time
  (``20231206-085319``, ``2023-12-06T08:53:19``), or Lightning's ``version_N`` is dropped;
- a date and time inside a segment (torch's ``Dec06_08-53-19_host_comment``,
  ``run-20231206_085319``) is cut out, with the host name that follows it; the rest stays.

Grouping for ``mlop import`` (:func:`group_trainings`): folders below the same generated
segment are one training (Keras' ``<time>/train`` and ``<time>/validation``; Hydra's
``<date>/<time>/...``), a generated folder inside an event folder joins it (``add_hparams``),
and sibling folders written by one process at the same time are one training (Keras'
``logs/train`` and ``logs/validation``, known from the host and pid in the file names).
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# A date, optionally followed by a time of day: 2023-12-06, 20231206, 2023_12_06-08_53_19,
# 2023-12-06T08:53:19.123Z, 20231206-085319.
_DATE_TIME = (
    r"(?P<year>(?:19|20)\d\d)(?P<ds>[-_.]?)(?P<month>\d\d)(?P=ds)(?P<day>\d\d)"
    r"(?:[T_\-. ]?(?P<hour>\d\d)(?P<ts>[-_:.]?)(?P<minute>\d\d)(?:(?P=ts)(?P<second>\d\d))?"
    r"(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?)?"
)
# A time of day alone needs separators (Hydra's 08-53-19); a bare 085319 is just a number.
_TIME_OF_DAY = (
    r"(?P<hour>\d\d)(?P<ts>[-_:.])(?P<minute>\d\d)(?P=ts)(?P<second>\d\d)(?:[.,]\d{1,9})?"
)
# torch's and tensorboardX's SummaryWriter(): datetime.now().strftime("%b%d_%H-%M-%S"), in
# the locale's month abbreviation.
_MONTH_DAY_TIME = r"[^\W\d_]{3,4}\.?(?P<day>\d\d)_(?P<hour>\d\d)-(?P<minute>\d\d)-(?P<second>\d\d)"
_WHOLE_PATTERNS = [
    re.compile(rf"^{pattern}$")
    for pattern in (
        _DATE_TIME,
        _TIME_OF_DAY,
        _MONTH_DAY_TIME,
        r"(?P<epoch>\d{10}(?:\.\d*)?|\d{13})",
    )
]
_WHOLE_PATTERNS.append(re.compile(r"^version_\d+$"))  # Lightning's TensorBoardLogger
# A date and time (both) inside a longer segment, between separators.
_INNER_PATTERNS = [
    re.compile(rf"(?:^|(?<=[-_. ]))(?:{_MONTH_DAY_TIME})(?=$|[-_. ])"),
    re.compile(
        r"(?:^|(?<=[-_. ]))(?P<year>(?:19|20)\d\d)(?P<ds>[-_.]?)(?P<month>\d\d)(?P=ds)(?P<day>\d\d)"
        r"[T_\-. ](?P<hour>\d\d)(?P<ts>[-_:.]?)(?P<minute>\d\d)(?P=ts)(?P<second>\d\d)"
        r"(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?(?=$|[-_. ])"
    ),
]
_SEPARATORS = "-_. "
# The part of an event file name after the writer's start time: host.pid.uid (tensorboard's
# own writer, torch, TF2 with ".v2"), or the host alone (tensorboardX, older TF).
_FILE_NAME = re.compile(r"tfevents\.(?P<time>\d{9,10})\.(?P<rest>.+)$")
_HOST_PID = re.compile(r"^(?P<host>.+?)\.(?P<pid>\d+)\.\d+(?:\.v2)?$")


def _plausible(match: re.Match[str]) -> bool:
    """Whether the numbers of a date/time match are a real date and time."""
    fields = match.groupdict()
    epoch = fields.get("epoch")
    if epoch:
        milliseconds = len(epoch) == 13 and epoch.isdigit()
        seconds = float(epoch) / (1000 if milliseconds else 1)
        return 1e9 <= seconds < 4.2e9  # 2001 to 2103
    limits = {"month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59)}
    limits["second"] = (0, 60)
    for name, (low, high) in limits.items():
        text = fields.get(name)
        if text is not None and not low <= int(text) <= high:
            return False
    return True


def _host_names(hosts: Iterable[str]) -> list[str]:
    """Host names to look for, longest first (a full name before its first label)."""
    names: set[str] = set()
    for host in hosts:
        if host:
            names.add(host)
            names.add(host.split(".")[0])
    return sorted(names, key=len, reverse=True)


def local_hosts() -> list[str]:
    """This machine's host name (torch puts it into its run folders)."""
    try:
        return [socket.gethostname()]
    except OSError:
        return []


def stable_segment(segment: str, hosts: Iterable[str] = ()) -> str:
    """``segment`` without what a writer generated in it; "" when it is all generated.

    Args:
        segment: One folder name.
        hosts: Host names that may follow a date and time (torch's ``<time>_<host>``).
    """
    for pattern in _WHOLE_PATTERNS:
        match = pattern.match(segment)
        if match and _plausible(match):
            return ""
    for pattern in _INNER_PATTERNS:
        match = pattern.search(segment)
        if match is None or not _plausible(match):
            continue
        before, after = segment[: match.start()], segment[match.end() :]
        if after[:1] in tuple(_SEPARATORS) and after:
            for host in _host_names(hosts):
                if after[1:].startswith(host):
                    after = after[1 + len(host) :]
                    break
        return (before.rstrip(_SEPARATORS) + "_" + after.lstrip(_SEPARATORS)).strip("_")
    return segment


def stable_path(relative: str, hosts: Iterable[str] = ()) -> str:
    """A folder path (``/``-separated) without its generated segments; "" for the root."""
    hosts = list(hosts)
    kept = [
        stable
        for segment in relative.split("/")
        if segment not in ("", ".")
        for stable in [stable_segment(segment, hosts)]
        if stable
    ]
    return "/".join(kept)


@dataclass(frozen=True)
class WriterIdentity:
    """What an event file's name says about its writer."""

    created: int | None  # the writer's start time (whole seconds)
    host: str | None
    pid: int | None


def writer_identity(file_name: str) -> WriterIdentity:
    """The start time, host and pid in an event file name, as far as it tells them.

    ``events.out.tfevents.1701850399.host.1234.0`` (tensorboard's writer, torch, TF2 with
    ``.v2``) tells all three; tensorboardX's ``events.out.tfevents.1701850399.host`` no pid;
    CatBoost's bare ``events.out.tfevents`` nothing.
    """
    match = _FILE_NAME.search(file_name)
    if match is None:
        return WriterIdentity(None, None, None)
    rest = match["rest"]
    process = _HOST_PID.match(rest)
    if process is not None:
        return WriterIdentity(int(match["time"]), process["host"], int(process["pid"]))
    return WriterIdentity(int(match["time"]), rest, None)


class FolderNaming:
    """Decides each event folder's metric prefix once, so names never change within a run.

    A folder's name is its path relative to the deepest watched root holding it, without
    generated segments (:func:`stable_path`). Folders of the same name where one lies inside
    the other (``add_hparams``' time folder in the writer's folder) share a prefix; a folder
    whose name is taken by an unrelated folder (a second ``version_N`` in one run) keeps its
    full path instead, so two series are never merged. The watched root is never prefixed,
    and neither is the first folder with events while it is the only one (unless
    ``always_prefix``).

    Args:
        roots: The watched folders.
        always_prefix: Prefix every folder but a root.
        hosts: Host names that may follow a date in a run folder (the local one by default);
            the host in each event file's name is added.
    """

    def __init__(
        self, roots: list[Path], always_prefix: bool, hosts: Iterable[str] | None = None
    ) -> None:
        self.roots = sorted(
            (Path(os.path.abspath(root)) for root in roots),
            key=lambda root: len(root.parts),
            reverse=True,
        )
        self.always_prefix = always_prefix
        self.hosts = list(local_hosts() if hosts is None else hosts)
        self.prefixes: dict[str, str] = {}  # event folder -> prefix of its metrics
        self._names: dict[str, str] = {}  # event folder -> its stable name

    def relative(self, folder: str) -> str:
        """``folder`` relative to the deepest root holding it ("." for a root itself)."""
        path = Path(os.path.abspath(folder))
        for root in self.roots:
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                continue
        return path.as_posix().lstrip("/")

    def assign(self, files: list[str]) -> None:
        """Fixes the prefixes of the folders of ``files``, event files found in one pass."""
        hosts: dict[str, set[str]] = {}
        for path in files:
            folder = os.path.dirname(path)
            if folder not in self.prefixes:
                host = writer_identity(os.path.basename(path)).host
                hosts.setdefault(folder, set()).update([host] if host else [])
        if not hosts:
            return
        names = {
            folder: stable_path(self.relative(folder), [*self.hosts, *found])
            for folder, found in hosts.items()
        }
        # Parents first, so that a nested folder finds the cluster of its parent.
        clusters: list[list[str]] = []
        for folder in sorted(hosts, key=lambda item: (len(Path(item).parts), item)):
            partner = self._related(folder, names[folder], self._names)
            if partner is not None:
                self.prefixes[folder] = self.prefixes[partner]
                self._names[folder] = names[folder]
                continue
            for cluster in clusters:
                if names[cluster[0]] == names[folder] and _nested(cluster[0], folder):
                    cluster.append(folder)
                    break
            else:
                clusters.append([folder])
        alone = not self.prefixes and len(clusters) == 1 and not self.always_prefix
        taken = set(self._names.values())
        for cluster in clusters:
            name = names[cluster[0]]
            if name in taken:
                # Another training's folder has this name already: keep the full path.
                name = self.relative(cluster[0])
                name = "" if name == "." else name
            taken.add(name)
            prefix = "" if alone or not name else name + "/"
            for folder in cluster:
                self.prefixes[folder] = prefix
                self._names[folder] = names[folder]

    @staticmethod
    def _related(folder: str, name: str, named: dict[str, str]) -> str | None:
        for other, other_name in named.items():
            if other_name == name and _nested(other, folder):
                return other
        return None


def _nested(first: str, second: str) -> bool:
    """Whether one folder lies inside the other (or they are the same)."""
    a, b = Path(first), Path(second)
    return a == b or a in b.parents or b in a.parents


# Grouping for import ------------------------------------------------------------------


def group_trainings(
    root: Path, folders: dict[Path, list[Path]], hosts: Iterable[str] | None = None
) -> list[tuple[Path, list[Path]]]:
    """Groups the event folders under ``root`` into trainings (see the module docstring).

    Returns:
        ``(training folder, its event folders)`` in path order; the training folder is the
        deepest folder holding all of its event folders.
    """
    hosts = list(local_hosts() if hosts is None else hosts)
    items = sorted(folders)
    parent = {folder: folder for folder in items}

    def find(folder: Path) -> Path:
        while parent[folder] != folder:
            parent[folder] = parent[parent[folder]]
            folder = parent[folder]
        return folder

    def union(first: Path, second: Path) -> None:
        a, b = find(first), find(second)
        if a != b:
            parent[max(a, b)] = min(a, b)

    generated: dict[Path, list[bool]] = {}
    keys: dict[Path, tuple[str, ...] | None] = {}
    writers: dict[Path, dict[tuple[str, int], tuple[float, float]]] = {}
    for folder in items:
        parts = folder.relative_to(root).parts if folder != root else ()
        file_hosts = [
            identity.host
            for identity in (writer_identity(path.name) for path in folders[folder])
            if identity.host
        ]
        flags = [stable_segment(part, [*hosts, *file_hosts]) != part for part in parts]
        generated[folder] = flags
        keys[folder] = _structural_key(parts, flags)
        writers[folder] = _writer_spans(folders[folder])

    by_key: dict[tuple[str, ...], Path] = {}
    for folder in items:
        key = keys[folder]
        if key is not None:
            union(by_key.setdefault(key, folder), folder)
        # A generated folder directly inside an event folder (add_hparams' time) joins it.
        if generated[folder] and generated[folder][-1] and folder.parent in parent:
            union(folder.parent, folder)
    # Siblings written by one process at the same time (Keras' train/ and validation/).
    by_parent: dict[Path, list[Path]] = {}
    for folder in items:
        if folder != root:
            by_parent.setdefault(folder.parent, []).append(folder)
    for siblings in by_parent.values():
        for index, first in enumerate(siblings):
            for second in siblings[index + 1 :]:
                if keys[first] is not None and keys[second] is not None:
                    continue  # two version_N or two dated folders: two trainings
                if _same_process(writers[first], writers[second]):
                    union(first, second)

    groups: dict[Path, list[Path]] = {}
    for folder in items:
        groups.setdefault(find(folder), []).append(folder)
    trainings = [(Path(os.path.commonpath(members)), members) for members in groups.values()]
    return sorted(trainings, key=lambda item: item[0])


def _structural_key(parts: tuple[str, ...], flags: list[bool]) -> tuple[str, ...] | None:
    """The path through the first run of generated segments (None if there is none)."""
    if True not in flags:
        return None
    end = flags.index(True)
    while end < len(flags) and flags[end]:
        end += 1
    return parts[:end]


def _writer_spans(files: list[Path]) -> dict[tuple[str, int], tuple[float, float]]:
    """(host, pid) -> (first start, last modification) of the files each process wrote."""
    spans: dict[tuple[str, int], tuple[float, float]] = {}
    for path in files:
        identity = writer_identity(path.name)
        if identity.host is None or identity.pid is None or identity.created is None:
            continue
        try:
            modified = path.stat().st_mtime
        except OSError:
            continue
        key = (identity.host, identity.pid)
        start, end = spans.get(key, (identity.created, modified))
        spans[key] = (min(start, identity.created), max(end, modified))
    return spans


def _same_process(
    first: dict[tuple[str, int], tuple[float, float]],
    second: dict[tuple[str, int], tuple[float, float]],
) -> bool:
    """Whether one process wrote both folders while it lived (the name's time is whole s)."""
    for key, (start, end) in first.items():
        other = second.get(key)
        if other is not None and start - 1 <= other[1] and other[0] - 1 <= end:
            return True
    return False
