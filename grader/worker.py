"""The answer runner: executes a submission's cells and calls its answers, nothing else.

It runs as a separate process (isolated by `grader.isolation` where the OS allows), reads one
JSON request per line on fd REQ and answers on fd RESP. It never computes a verdict: the judge
process compares what it reports with what the reference gives, so nothing the submission does
here -- patching modules, builtins or this very file's functions -- can change a verdict.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import traceback
from typing import Any

OUTPUT_KEEP = 20_000


def _limit_resources(memory_mb: int, output_mb: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
    resource.setrlimit(resource.RLIMIT_FSIZE, (output_mb * 2**20, output_mb * 2**20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # a write past RLIMIT_FSIZE then fails with EFBIG inside the cell instead of killing us
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


class Runner:
    def __init__(self, out_path: str) -> None:
        from IPython.core.interactiveshell import InteractiveShell

        self.out_path = out_path
        self.shell = InteractiveShell.instance()
        self.shell.colors = "nocolor"  # plain tracebacks, no escape codes
        self.sandboxes: list[Any] = []

    def _read_output(self, start: int) -> str:
        flooded = False
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # the output cap was reached: keep the head, drop the rest
            flooded = True
        with open(self.out_path, "rb") as f:
            f.seek(start)
            data = f.read(OUTPUT_KEEP + 1)
        if flooded:
            for _ in range(2):  # the buffers still hold a tail: flush it into an emptied file
                self.fresh_output_unflushed()
                try:
                    sys.stdout.flush()
                    sys.stderr.flush()
                except OSError:
                    pass
            self.fresh_output_unflushed()
        text = data.decode("utf-8", "replace")
        if flooded:
            return text[:OUTPUT_KEEP] + "\n[output limit reached: the rest was discarded]"
        return text if len(text) <= OUTPUT_KEEP else text[:OUTPUT_KEEP] + "\n[output truncated]"

    @staticmethod
    def fresh_output_unflushed() -> None:
        os.ftruncate(1, 0)
        os.lseek(1, 0, os.SEEK_SET)

    def fresh_output(self) -> None:
        """Empty the output file: a flood in one cell must not starve the next."""
        try:
            sys.stdout.flush()
        except OSError:
            pass
        self.fresh_output_unflushed()

    def run_cell(self, source: str) -> dict:
        self.fresh_output()
        start = 0
        try:
            result = self.shell.run_cell(source, store_history=False, silent=False)
        except BaseException as exc:  # noqa: BLE001 - e.g. the traceback itself could not be printed
            self.fresh_output()
            return {"ok": False, "output": "", "ename": type(exc).__name__, "evalue": str(exc)[:500]}
        err = result.error_before_exec or result.error_in_exec
        reply: dict[str, Any] = {"ok": err is None, "output": self._read_output(start)}
        if err is not None:
            reply["ename"] = type(err).__name__
            reply["evalue"] = str(err)[:2000]
        return reply

    def get(self, name: str) -> dict:
        ns = self.shell.user_ns
        if name not in ns:
            return {"kind": "missing"}
        value = ns[name]
        if isinstance(value, str):
            return {"kind": "str", "value": value[:1_000_000]}
        if callable(value):
            return {"kind": "callable"}
        return {"kind": "other", "type": type(value).__name__}

    def _open_sandbox(self, handle: dict) -> Any:
        from dblab.sandbox import Sandbox

        db = Sandbox.from_handle(handle)
        self.sandboxes.append(db)
        return db.con if handle.get("as") == "con" else db

    def call(self, name: str, args: list, kwargs: dict) -> dict:
        from grader.codec import decode, encode

        fn = self.shell.user_ns.get(name)
        if not callable(fn):
            return {"ok": False, "ename": "NameError", "evalue": f"{name} is not a function here"}
        self.fresh_output()
        start = 0
        try:
            a = decode(args, self._open_sandbox)
            k = decode(kwargs, self._open_sandbox)
            value = fn(*a, **k)
            return {"ok": True, "value": encode(value), "output": self._read_output(start)}
        except BaseException as exc:  # noqa: BLE001 - report everything, including SystemExit
            if isinstance(exc, KeyboardInterrupt):
                raise
            tb = traceback.extract_tb(exc.__traceback__)
            where = f" (line {tb[-1].lineno})" if tb else ""
            return {"ok": False, "ename": type(exc).__name__, "evalue": f"{exc}{where}"[:2000],
                    "output": self._read_output(start)}
        finally:
            for db in self.sandboxes:
                try:
                    db.close()
                except Exception:  # noqa: BLE001
                    pass
            self.sandboxes.clear()


def main() -> None:
    req_fd, resp_fd = int(sys.argv[1]), int(sys.argv[2])
    # a process group of its own: a signal sent to "my group" reaches nothing of the grader's
    try:
        os.setsid()
    except OSError:
        pass
    memory_mb, output_mb = int(sys.argv[3]), int(sys.argv[4])
    out_path = os.path.abspath("cell-output.txt")
    # the submission's prints go to a capped file; the protocol keeps its own descriptors
    out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.close(out)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)
    requests = os.fdopen(req_fd, "rb", buffering=0)
    responses = os.fdopen(resp_fd, "wb", buffering=0)
    runner = Runner(out_path)
    _limit_resources(memory_mb, output_mb)
    from grader.codec import dumps

    responses.write(dumps({"ready": True}))
    import builtins

    pristine = dict(builtins.__dict__)
    for line in requests:
        # whatever the last cell did to builtins, the protocol runs on the real ones
        builtins.__dict__.clear()
        builtins.__dict__.update(pristine)
        req = json.loads(line)
        op = req.get("op")
        try:
            if op == "run_cell":
                reply = runner.run_cell(req["source"])
            elif op == "get":
                reply = runner.get(req["name"])
            elif op == "call":
                reply = runner.call(req["name"], req.get("args", []), req.get("kwargs", {}))
            elif op == "exit":
                break
            else:
                reply = {"ok": False, "ename": "ProtocolError", "evalue": f"unknown op {op!r}"}
        except MemoryError:
            reply = {"ok": False, "ename": "MemoryError", "evalue": "the answer ran out of memory"}
        builtins.__dict__.clear()
        builtins.__dict__.update(pristine)
        try:
            data = dumps(reply)
        except Exception as exc:  # noqa: BLE001 - e.g. a result too large to send
            data = dumps({"ok": False, "ename": type(exc).__name__, "evalue": str(exc)[:500]})
        responses.write(data)
    os._exit(0)


if __name__ == "__main__":
    main()
