"""Which filesystem a store lives on, and whether it is a network one.

SQLite's WAL mode needs shared memory between processes, which network filesystems (NFS,
Lustre, GPFS, CIFS, ...) do not provide across nodes, and their locks are unreliable. On one,
mlop uses a rollback journal and, by default, a store file per host (see ``config``).
"""

from __future__ import annotations

import os
from pathlib import Path

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "lustre",
        "gpfs",
        "cifs",
        "smb3",
        "smbfs",
        "ceph",
        "fuse.ceph-fuse",
        "glusterfs",
        "fuse.glusterfs",
        "beegfs",
        "panfs",
        "afs",
        "9p",
        "fuse.sshfs",
        "fuse.juicefs",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "wekafs",
        "ocfs2",
        "gfs2",
        "davfs",
        "fuse.rclone",
        "vboxsf",
        "virtiofs",
    }
)


def _unescape(field: str) -> str:
    # mountinfo escapes space, tab, newline and backslash as octal (\040 ...).
    return field.encode().decode("unicode_escape") if "\\" in field else field


def filesystem_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The type of the filesystem holding ``path`` (or its nearest existing parent).

    Args:
        path: any path; need not exist yet.
        mountinfo: the text of ``/proc/self/mountinfo`` (read when None; injectable for tests).
    """
    if mountinfo is None:
        try:
            with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as handle:
                mountinfo = handle.read()
        except OSError:
            return None
    # Resolve symlinks in the part that exists; keep the rest (the store may not exist yet).
    target = Path(os.path.abspath(path))
    existing, rest = target, []
    while not existing.exists() and existing != existing.parent:
        rest.append(existing.name)
        existing = existing.parent
    resolved = str(existing.resolve().joinpath(*reversed(rest)))
    best, best_type = "", None
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        if not sep:
            continue
        fields = left.split()
        if len(fields) < 5:
            continue
        mount_point = _unescape(fields[4])
        fs_type = right.split()[0] if right.split() else None
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fs_type
    return best_type


def is_network_filesystem(path: Path, mountinfo: str | None = None) -> bool:
    """True when ``path`` is on NFS, Lustre, GPFS, CIFS or another network filesystem."""
    fs_type = filesystem_type(path, mountinfo)
    return fs_type is not None and (
        fs_type in NETWORK_FILESYSTEMS or fs_type.split(".")[0] in NETWORK_FILESYSTEMS
    )
