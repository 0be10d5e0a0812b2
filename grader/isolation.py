"""Run the answer runner where it cannot see the course's secrets.

On Linux the runner gets its own user and mount namespaces: every course directory that holds
solutions, hidden tests, other students' work or the gradebook is covered by an empty tmpfs,
and a second, unprivileged user namespace locks those mounts so the runner cannot undo them.
When the grader runs as root the runner also drops to the unprivileged user `nobody`.
Where namespaces are unavailable the runner still runs (status `isolation: none` is reported).
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
from pathlib import Path

NOBODY = 65534


@functools.lru_cache(maxsize=1)
def namespaces_available() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"],
        capture_output=True,
        timeout=20,
    )
    return probe.returncode == 0


def drop_to_nobody() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


def wrap(command: list[str], hide: list[Path]) -> tuple[list[str], str]:
    """The command line that runs `command` isolated, and a word for the level reached."""
    prefix: list[str] = []
    level = "none"
    if drop_to_nobody():
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
        level = "user"
    if namespaces_available():
        mounts = []
        for p in hide:
            if p.is_dir():
                mounts.append(f"mount -t tmpfs -o size=64k,mode=0555 dblab-hidden {shlex.quote(str(p))}")
            elif p.exists():
                mounts.append(f"mount --bind /dev/null {shlex.quote(str(p))}")
        inner = " ".join(shlex.quote(c) for c in command)
        script = "set -e; " + "; ".join(mounts + [f"exec unshare --user --mount -- {inner}"])
        command = ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private", "sh", "-c", script]
        level = "namespace" if level == "none" else "namespace+user"
    return prefix + command, level
