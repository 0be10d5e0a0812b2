"""Run the answer runner where it can neither read the course's secrets nor change anything.

On Linux the runner gets its own user, mount, PID and network namespaces:
- every mount is remounted read-only, except the runner's own work directory;
- every path holding solutions, hidden tests, answer cases, other students' work, the gradebook
  or the judge's own databases is covered by an empty tmpfs;
- a fresh /proc shows only the runner's processes, and there is no network;
- a second, unprivileged user namespace locks those mounts, so the runner cannot undo them.
Where namespaces are unavailable the runner still runs, and the level reached is reported as
`none` (see `namespaces_available`).
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
from pathlib import Path

_REMOUNT_ALL_READ_ONLY = (
    'for m in $(awk \'{print $5}\' /proc/self/mountinfo | sort -u); do '
    'case "$m" in /proc*|/sys*|/dev*) continue;; esac; '
    'mount -o remount,bind,ro "$m" 2>/dev/null || true; done'
)


@functools.lru_cache(maxsize=1)
def namespaces_available() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "--pid", "--fork", "--net", "true"],
        capture_output=True,
        timeout=20,
    )
    return probe.returncode == 0


def make_decoy(folder: Path) -> Path:
    """An empty-looking directory whose access times reveal whether anything looked inside.

    Its atimes start at 0, so under relatime the first listing or read updates them.
    """
    folder.mkdir(parents=True, exist_ok=True)
    bait = folder / "README.txt"
    bait.write_text("Nothing to see here: hidden by the Database Engineering Lab grader.\n")
    for p in (bait, folder):
        os.utime(p, (0, p.stat().st_mtime))
    os.chmod(folder, 0o777)
    return folder


def decoy_touched(folder: Path) -> bool:
    return any(p.stat().st_atime != 0 for p in (folder, folder / "README.txt"))


def wrap(command: list[str], hide: list[Path], writable: list[Path], network: bool = False,
         decoy: Path | None = None) -> tuple[list[str], str]:
    """The command line that runs `command` isolated, and the level reached ('namespace' or 'none').

    `decoy`: cover hidden directories with this directory instead of an empty tmpfs, so that a
    look inside leaves a trace (see `decoy_touched`). `network`: keep the host's network.
    """
    if not namespaces_available():
        return command, "none"
    steps = [_REMOUNT_ALL_READ_ONLY]
    for p in writable:
        q = shlex.quote(str(p))
        steps.append(f"mount --bind {q} {q}")
        steps.append(f"mount -o remount,bind,rw {q}")
    for p in hide:
        q = shlex.quote(str(p))
        # a failed mount on a path the runner can reach stops it (set -e): fail closed
        if p.is_dir() and decoy is not None:
            d = shlex.quote(str(decoy))
            steps.append(f"if [ -e {q} ]; then mount --bind {d} {q}; mount -o remount,bind,rw {q}; fi")
        elif p.is_dir():
            steps.append(f"if [ -e {q} ]; then mount -t tmpfs -o size=64k,mode=0555 dblab-hidden {q}; fi")
        elif p.exists():
            steps.append(f"if [ -e {q} ]; then mount --bind /dev/null {q}; fi")
    inner = " ".join(shlex.quote(c) for c in command)
    script = "set -e; " + "; ".join(steps + [f"exec unshare --user --mount -- {inner}"])
    wrapped = ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private",
               "--pid", "--fork", "--kill-child", "--mount-proc", *([] if network else ["--net"]),
               "sh", "-c", script]
    return wrapped, "namespace"
