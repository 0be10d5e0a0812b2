"""The agents `grader eval` can run: reference, blank, mutant, an OpenAI-compatible chat model,
or any shell command. An agent gets a work directory holding task.json and the released
notebook, and leaves its answers in that notebook."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from . import course, isolation
from .problems import nbgrader_meta, problems_of, solution_region


@dataclass
class AgentRun:
    """What happened while the agent worked on one task."""

    timed_out: bool = False
    infra_error: str = ""
    seconds: float = 0.0
    tokens: dict[str, int] = field(default_factory=dict)
    latency_s: float = 0.0
    exit_code: int | None = None
    log: str = ""


def fill_answers(notebook: Path, answers: dict[str, str]) -> None:
    """Write {answer cell id: source} into the notebook in place."""
    nb = nbformat.read(str(notebook), as_version=4)
    for cell in nb.cells:
        gid = nbgrader_meta(cell).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    nbformat.write(nb, str(notebook))


def _source_problems(task: dict):
    module, name = task["id"].split("/")
    return problems_of(course.ROOT / "solutions" / module / f"{name}.ipynb", module)


def reference_agent(task: dict, workdir: Path) -> AgentRun:
    fill_answers(workdir / task["notebook"], {p.answer_cell_id: solution_region(p.answer_source)
                                              for p in _source_problems(task)})
    return AgentRun()


def blank_agent(task: dict, workdir: Path) -> AgentRun:
    return AgentRun()


def mutant_agent(task: dict, workdir: Path) -> AgentRun:
    """Replays each problem's first wrong-answer case: a plausible but wrong submission."""
    from .selfcheck import cases_of

    answers = {}
    for p in _source_problems(task):
        wrong = [c for c in cases_of(p.grade_id) if c.kind == "wrong"]
        if wrong:
            answers[p.answer_cell_id] = wrong[0].answer_source(p)
    fill_answers(workdir / task["notebook"], answers)
    return AgentRun()


# ------------------------------------------------------------------------- chat adapter
def build_prompt(task: dict, notebook: Path) -> list[dict[str, str]]:
    """System and user messages for a chat model: the notebook's context and every problem."""
    nb = nbformat.read(str(notebook), as_version=4)
    context = "\n\n".join(c.source for c in nb.cells if c.cell_type == "code"
                          and not nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution"))
    parts = [task["instructions"], "", "Setup code of the notebook (already run):", "```python", context, "```", ""]
    for p in task["problems"]:
        a = p["answer"]
        what = f"a SQL string in `{a['name']}`" if a["kind"] == "sql" else f"a Python function `{a['name']}`"
        parts += [f"## {p['grade_id']} ({p['points']:g} points) — answer: {what}", p["statement"],
                  f"Contract: {p['contract']}", ""]
    parts += ["Reply with one fenced code block per problem. Start each block with the line "
              "`# answer: <grade_id>`. For kind 'sql' the block may hold just the SQL (```sql) or "
              "Python assigning the variable; for kind 'function' it holds the Python definition."]
    return [{"role": "system", "content": "You are an expert database engineer solving graded exercises."},
            {"role": "user", "content": "\n".join(parts)}]


_BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)


def parse_reply(task: dict, reply: str) -> dict[str, str]:
    """{answer cell id: source} from the model's fenced blocks."""
    by_id = {p["grade_id"]: p["answer"] for p in task["problems"]}
    out = {}
    for lang, body in _BLOCK.findall(reply):
        m = re.match(r"\s*(?:#|--)\s*answer:\s*([\w.\-]+)\s*\n", body)
        if not m or m.group(1) not in by_id:
            continue
        answer = by_id[m.group(1)]
        code = body[m.end():]
        if answer["kind"] == "sql" and (lang.lower() == "sql" or not re.search(rf"\b{answer['name']}\s*=", code)):
            code = f"{answer['name']} = {code.strip()!r}\n"
        out[answer["cell"]] = code
    return out


def openai_agent(task: dict, workdir: Path, model: str, base_url: str, timeout: float) -> AgentRun:
    key = os.environ.get("DBLAB_EVAL_API_KEY") or os.environ.get("OPENAI_API_KEY", "")
    notebook = workdir / task["notebook"]
    body = json.dumps({"model": model, "messages": build_prompt(task, notebook), "temperature": 0}).encode()
    req = urllib.request.Request(base_url.rstrip("/") + "/chat/completions", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"})
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            data = json.loads(r.read())
    except TimeoutError:
        return AgentRun(timed_out=True, latency_s=time.monotonic() - t0)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return AgentRun(infra_error=f"chat server: {exc}", latency_s=time.monotonic() - t0)
    latency = time.monotonic() - t0
    try:
        reply = data["choices"][0]["message"]["content"] or ""
    except (KeyError, IndexError, TypeError):
        return AgentRun(infra_error="chat server: malformed response", latency_s=latency)
    usage = data.get("usage") or {}
    fill_answers(notebook, parse_reply(task, reply))
    (workdir / "reply.md").write_text(reply)
    return AgentRun(latency_s=latency, tokens={k: int(usage[k]) for k in ("prompt_tokens", "completion_tokens",
                                                                            "total_tokens") if k in usage})


# -------------------------------------------------------------------------- shell agent
def command_agent(task: dict, workdir: Path, command: str, budget: float, decoy: Path) -> AgentRun:
    """Run `command` in the work directory, isolated from the course, killed at the budget."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("DBLAB_")},
           "DBLAB_TASK": str(workdir / "task.json"), "HOME": str(workdir)}
    cmd, _level = isolation.wrap(["sh", "-c", command], course.secrets(), [workdir], network=True, decoy=decoy)
    t0 = time.monotonic()
    with open(workdir / "agent.log", "wb") as log:
        proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            code = proc.wait(timeout=budget)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            code = proc.wait()
            timed_out = True
    text = (workdir / "agent.log").read_text(errors="replace")[-4000:]
    return AgentRun(timed_out=timed_out, seconds=time.monotonic() - t0, exit_code=code, log=text)


def run_agent(agent: str, task: dict, workdir: Path, budget: float, decoy: Path,
              base_url: str = "http://127.0.0.1:8000/v1") -> AgentRun:
    t0 = time.monotonic()
    if agent == "reference":
        run = reference_agent(task, workdir)
    elif agent == "blank":
        run = blank_agent(task, workdir)
    elif agent == "mutant":
        run = mutant_agent(task, workdir)
    elif agent.startswith("openai:"):
        run = openai_agent(task, workdir, agent.split(":", 1)[1], base_url, budget)
    else:
        run = command_agent(task, workdir, agent, budget, decoy)
    run.seconds = time.monotonic() - t0
    return run


def describe(agent: str) -> dict[str, Any]:
    kind = agent if agent in ("reference", "blank", "mutant") else "openai" if agent.startswith("openai:") else "command"
    return {"name": agent, "kind": kind}
