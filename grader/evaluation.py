"""`grader eval`: run an agent over the tasks, grade what it returns, score it per skill.

Each task runs in a fresh work directory outside the repository holding only task.json and the
released notebook. The returned notebook is graded by the judge with the hidden tests, on data
re-randomised from the run's seed. Infrastructure failures are reported and excluded from the
score, never counted as zero.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import nbformat

from . import agents, course, isolation
from .judge import Limits, judge
from .problems import problems_of
from .tasks import engines, task_records

SCHEMA_VERSION = 1


def select(tasks: list[dict], wanted: list[str] | None) -> list[dict]:
    if not wanted:
        return tasks
    return [t for t in tasks if any(t["id"] == w or t["id"].startswith(w.rstrip("/") + "/") for w in wanted)]


def hidden_seed(seed: int, task_id: str, trial: int) -> int:
    return int(hashlib.sha256(f"{seed}:{task_id}:{trial}".encode()).hexdigest()[:8], 16)


def run_task(agent: str, task: dict, trial: int, seed: int, budget: float, base_url: str,
             limits: Limits) -> dict:
    """One agent attempt at one task, graded; returns the task's record."""
    module, name = task["id"].split("/")
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dblab-task-") as tmp:
        workdir = Path(tmp) / "work"
        workdir.mkdir()
        decoy = isolation.make_decoy(Path(tmp) / "decoy")
        (workdir / "task.json").write_text(json.dumps(task, indent=1))
        shutil.copy(course.ROOT / "exercises" / module / task["notebook"], workdir / task["notebook"])
        run = agents.run_agent(agent, task, workdir, budget, decoy, base_url)
        touched = isolation.decoy_touched(decoy)
        source_path = course.ROOT / "solutions" / module / f"{name}.ipynb"
        problems = problems_of(source_path, module)
        statuses: dict[str, dict[str, Any]] = {}
        if run.infra_error:
            statuses = {p.grade_id: {"status": "infra_error", "message": run.infra_error} for p in problems}
        else:
            try:
                returned = nbformat.read(str(workdir / task["notebook"]), as_version=4)
                nbformat.validate(returned)
            except Exception as exc:  # noqa: BLE001 - whatever the agent left, it is its answer
                msg = f"the returned notebook cannot be read: {type(exc).__name__}: {str(exc)[:200]}"
                statuses = {p.grade_id: {"status": "format_error", "message": msg} for p in problems}
            else:
                source = nbformat.read(str(source_path), as_version=4)
                verdict = judge(returned, source, problems, course.secrets(), hidden_seed(seed, task["id"], trial), limits)
                for v in verdict.problems:
                    status = v.status
                    if run.timed_out and status not in ("passed", "infra_error"):
                        status = "timeout"
                    statuses[v.grade_id] = {"status": status, "message": v.message}
    rows = []
    for p in problems:
        s = statuses[p.grade_id]
        rows.append({"task": task["id"], "trial": trial, "grade_id": p.grade_id, "module": module,
                     "skills": p.skills, "points": p.points if s["status"] == "passed" else 0.0,
                     "max_points": p.points, "status": s["status"], "message": s["message"][:500]})
    return {"task": task["id"], "trial": trial, "problems": rows, "seconds": round(time.monotonic() - t0, 2),
            "agent": {"timed_out": run.timed_out, "exit_code": run.exit_code, "tokens": run.tokens,
                      "latency_s": round(run.latency_s, 3), "hidden_access_attempt": touched,
                      "infra_error": run.infra_error}}


def _score(rows: list[dict]) -> tuple[float | None, float, float]:
    scored = [r for r in rows if r["status"] != "infra_error"]
    possible = sum(r["max_points"] for r in scored)
    earned = sum(r["points"] for r in scored)
    return (earned / possible if possible else None), earned, possible


def bootstrap_ci(rows: list[dict], rng: random.Random, n: int = 1000) -> list[float] | None:
    scored = [r for r in rows if r["status"] != "infra_error"]
    if not scored:
        return None
    stats = []
    for _ in range(n):
        sample = [rng.choice(scored) for _ in scored]
        possible = sum(r["max_points"] for r in sample)
        stats.append(sum(r["points"] for r in sample) / possible if possible else 0.0)
    stats.sort()
    return [round(stats[int(0.025 * n)], 4), round(stats[int(0.975 * n) - 1], 4)]


def summarise(agent: str, seed: int, trials: int, records: list[dict], wall: float) -> dict:
    rows = [r for rec in records for r in rec["problems"]]
    rng = random.Random(seed)
    score, earned, possible = _score(rows)
    by_module, by_skill = defaultdict(list), defaultdict(list)
    for r in rows:
        by_module[r["module"]].append(r)
        for s in r["skills"]:
            by_skill[s].append(r)

    def block(rs: list[dict]) -> dict:
        sc, e, p = _score(rs)
        return {"score": None if sc is None else round(sc, 4), "points": e, "possible": p, "problems": len(rs),
                "ci95": bootstrap_ci(rs, rng)}

    per_problem: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        if r["status"] != "infra_error":
            per_problem[r["grade_id"]].append(r["status"] == "passed")
    statuses = defaultdict(int)
    for r in rows:
        statuses[r["status"]] += 1
    tokens: dict[str, int] = defaultdict(int)
    for rec in records:
        for k, v in rec["agent"]["tokens"].items():
            tokens[k] += v
    task_ids = sorted({rec["task"] for rec in records})
    run_id = hashlib.sha256(json.dumps([agent, seed, trials, task_ids, _course_version()]).encode()).hexdigest()[:16]
    summary = {
        "schema_version": SCHEMA_VERSION, "run_id": run_id, "agent": agents.describe(agent), "seed": seed,
        "trials": trials, "versions": {**engines(), "course": _course_version()},
        "score": None if score is None else round(score, 4), "points": {"earned": earned, "possible": possible},
        "statuses": dict(sorted(statuses.items())),
        "excluded_infra_errors": [f"{r['task']}#{r['trial']}:{r['grade_id']}: {r['message']}" for r in rows
                                  if r["status"] == "infra_error"],
        "by_module": {m: block(rs) for m, rs in sorted(by_module.items())},
        "by_skill": {s: block(rs) for s, rs in sorted(by_skill.items())},
        "tasks": [{"task": rec["task"], "trial": rec["trial"],
                   "statuses": {r["grade_id"]: r["status"] for r in rec["problems"]},
                   "points": sum(r["points"] for r in rec["problems"]),
                   "hidden_access_attempt": rec["agent"]["hidden_access_attempt"],
                   "timed_out": rec["agent"]["timed_out"]} for rec in records],
        "hidden_access_attempts": sorted({rec["task"] for rec in records if rec["agent"]["hidden_access_attempt"]}),
        "tokens": dict(tokens) or None,
        "cost_usd": None,
        "timings": {"wall_time_s": round(wall, 2),
                    "per_task_s": {f"{rec['task']}#{rec['trial']}": rec["seconds"] for rec in records},
                    "latency_s": {f"{rec['task']}#{rec['trial']}": rec["agent"]["latency_s"] for rec in records}},
    }
    if trials > 1:
        ks = list(per_problem.values())
        summary["pass_at_k"] = {"k": trials,
                                "pass@1": round(sum(sum(v) / len(v) for v in ks) / len(ks), 4),
                                f"pass@{trials}": round(sum(any(v) for v in ks) / len(ks), 4),
                                f"pass^{trials}": round(sum(all(v) for v in ks) / len(ks), 4)}
    return summary


def _course_version() -> str:
    try:
        out = subprocess.run(["git", "-C", str(course.ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def report_md(summary: dict) -> str:
    lines = [f"# Evaluation of `{summary['agent']['name']}`", "",
             f"Run `{summary['run_id']}`, seed {summary['seed']}, {summary['trials']} trial(s), course {summary['versions']['course']}.", "",
             f"**Score: {summary['score']}** ({summary['points']['earned']:g} of {summary['points']['possible']:g} points; "
             f"infrastructure errors excluded: {len(summary['excluded_infra_errors'])}).", "",
             "## By skill", "", "| skill | score | 95% CI | problems |", "|---|---|---|---|"]
    for s, b in summary["by_skill"].items():
        lines.append(f"| {s} | {b['score']} | {b['ci95']} | {b['problems']} |")
    lines += ["", "## By module", "", "| module | score | points | problems |", "|---|---|---|---|"]
    for m, b in summary["by_module"].items():
        lines.append(f"| {m} | {b['score']} | {b['points']:g}/{b['possible']:g} | {b['problems']} |")
    lines += ["", "## Statuses", "", "| status | problems |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in summary["statuses"].items()]
    if "pass_at_k" in summary:
        lines += ["", "## Repeated trials", "", json.dumps(summary["pass_at_k"])]
    lines += ["", "## Attempts to read hidden course material", ""]
    lines += [f"- {t}: the agent looked inside a hidden course directory (it found nothing)"
              for t in summary["hidden_access_attempts"]] or ["None detected."]
    if summary["excluded_infra_errors"]:
        lines += ["", "## Infrastructure errors (excluded from the score)", ""]
        lines += [f"- {e}" for e in summary["excluded_infra_errors"]]
    lines += ["", "Cite as: *Database Engineering Lab eval, course " + summary["versions"]["course"] +
              f", run {summary['run_id']}, seed {summary['seed']}: score {summary['score']}*.", ""]
    return "\n".join(lines)


def skills_chart(summary: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    items = [(s, b) for s, b in summary["by_skill"].items() if b["score"] is not None]
    fig, ax = plt.subplots(figsize=(7, 0.45 * max(1, len(items)) + 1.2))
    names = [s for s, _ in items]
    scores = [b["score"] for _, b in items]
    lo = [b["score"] - b["ci95"][0] for _, b in items]
    hi = [b["ci95"][1] - b["score"] for _, b in items]
    ax.barh(names, scores, xerr=[lo, hi], color="#4C72B0", capsize=3)
    ax.set_xlim(0, 1)
    ax.set_xlabel("score (95% bootstrap interval)")
    ax.set_title(f"{summary['agent']['name']}: score by skill")
    ax.invert_yaxis()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


class _Deferred:
    """A call run when its result is asked for, shaped like a Future."""

    def __init__(self, fn, *args) -> None:
        self.fn, self.args = fn, args

    def result(self):
        return self.fn(*self.args)


def evaluate(agent: str, out: Path, wanted: list[str] | None = None, seed: int = 0, trials: int = 1,
             workers: int = 1, budget: float | None = None, base_url: str = "http://127.0.0.1:8000/v1",
             progress: bool = True, limits: Limits | None = None) -> dict:
    from tqdm.auto import tqdm

    isolation.namespaces_available()
    tasks = select(task_records(), wanted)
    if not tasks:
        raise SystemExit(f"no task matches {wanted}")
    limits = limits or Limits()
    jobs = [(t, k) for t in tasks for k in range(trials)]
    t0 = time.monotonic()
    records = []
    bar = tqdm(total=len(jobs), desc=f"eval {agent}", unit="task", disable=not progress)
    with contextlib.ExitStack() as stack:
        if workers > 1:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers))
            futures = [pool.submit(run_task, agent, t, k, seed, budget or t["time_budget_s"], base_url, limits)
                       for t, k in jobs]
        else:  # one at a time needs no pool of processes (each task's runner is its own process)
            futures = [_Deferred(run_task, agent, t, k, seed, budget or t["time_budget_s"], base_url, limits)
                       for t, k in jobs]
        for (t, k), fut in zip(jobs, futures):
            try:
                records.append(fut.result())
            except Exception as exc:  # noqa: BLE001 - a harness failure is infra, not a zero
                module = t["id"].split("/")[0]
                records.append({"task": t["id"], "trial": k, "seconds": 0.0, "problems": [
                    {"task": t["id"], "trial": k, "grade_id": p["grade_id"], "module": module, "skills": p["skills"],
                     "points": 0.0, "max_points": p["points"], "status": "infra_error",
                     "message": f"harness: {type(exc).__name__}: {exc}"} for p in t["problems"]],
                    "agent": {"timed_out": False, "exit_code": None, "tokens": {}, "latency_s": 0.0,
                              "hidden_access_attempt": False, "infra_error": str(exc)}})
            bar.update(1)
    bar.close()
    summary = summarise(agent, seed, trials, records, time.monotonic() - t0)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n")
    (out / "report.md").write_text(report_md(summary))
    with open(out / "problems.jsonl", "w") as f:
        for rec in records:
            for r in rec["problems"]:
                f.write(json.dumps(r, sort_keys=True) + "\n")
    skills_chart(summary, out / "skills.png")
    return summary
