"""Does nbgrader's formgrader, served by a real Jupyter server, list our autograded submissions?"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from grader.grading import autograde
from tests.hostile.kit import reference_rest, write

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_formgrader_lists_autograded_submissions(tmp_path):
    for d in ("solutions", "exercises"):
        os.symlink(ROOT / d, tmp_path / d)
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    write(tmp_path / "submitted" / "ada" / "01-design", reference_rest({}))
    (result,) = autograde(tmp_path, "01-design", workers=1, progress=False)
    assert result.status == "graded"
    port, token = free_port(), "dblab-test-token"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "server", "--no-browser", "--ip=127.0.0.1",
         f"--port={port}", f"--ServerApp.token={token}", "--allow-root", f"--ServerApp.root_dir={tmp_path}"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/formgrader/api/submissions/01-design?token={token}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    subs = json.loads(r.read())
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        ada = [s for s in subs if s["student"] == "ada"]
        assert ada and ada[0]["autograded"] and ada[0]["score"] == 22.0
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/formgrader?token={token}", timeout=10) as r:
            assert r.status == 200 and b"formgrader" in r.read().lower()
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=20)
