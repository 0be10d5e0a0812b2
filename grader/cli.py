"""The `grader` command: a thin layer over the verb modules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_release(args: argparse.Namespace) -> int:
    """Generate exercises/ from solutions/ (nbgrader generate_assignment) and dblab/hints.json.

    Example:
      grader release            # regenerate
      grader release --check    # fail if exercises/ is not what solutions/ generates
    """
    from . import release

    if args.check:
        problems = release.check()
        for p in problems:
            print(f"drift: {p}")
        print("release check: " + ("FAILED" if problems else "exercises/ matches solutions/"))
        return 1 if problems else 0
    modules = release.release(only=args.module or None)
    print(f"released {', '.join(modules)} into exercises/")
    return 0


def cmd_selfcheck(args: argparse.Namespace) -> int:
    """Grade every problem's reference, untouched exercise, wrong and alternative answer cases.

    Example:
      grader selfcheck --json selfcheck.json
      grader selfcheck --module 01-design
    """
    from . import selfcheck

    records, problems = selfcheck.run(args.module or None, Path(args.json) if args.json else None,
                                      args.seed, args.workers)
    for r in records:
        wrong = ", ".join(f"{w['case']}={w['points']:g}" for w in r["wrong"])
        alt = ", ".join(f"{a['case']}={a['points']:g}" for a in r["alt"])
        print(f"{r['grade_id']:<32} ref {r['reference']:g}/{r['points']:g}  blank {r['blank']:g}  wrong [{wrong}]  alt [{alt}]")
    for p in problems:
        print(f"VIOLATION: {p}")
    print(f"selfcheck: {len(records)} problems, {len(problems)} violations")
    return 1 if problems or not records else 0


def _root(args: argparse.Namespace) -> Path:
    from . import course

    return Path(args.course).resolve() if getattr(args, "course", None) else course.ROOT


def cmd_collect(args: argparse.Namespace) -> int:
    """Copy submissions from a folder or an LMS zip into submitted/<student>/<assignment>/.

    Canvas and Moodle file names are understood; --mapping maps LMS ids to student ids.
    Path traversal, links, non-notebooks and duplicates are rejected, each with a reason.

    Example:
      grader collect ~/Downloads/submissions.zip 01-design --mapping roster.csv
    """
    from .collect import collect

    outcomes = collect(Path(args.source), args.assignment, _root(args), Path(args.mapping) if args.mapping else None)
    for o in outcomes:
        print(f"{'collected' if o.accepted else 'REJECTED ':<9} {o.entry}  ->  "
              f"{o.student + '/' + o.notebook if o.accepted else o.reason}")
    n = sum(o.accepted for o in outcomes)
    print(f"collect: {n} notebooks collected, {len(outcomes) - n} rejected")
    return 0


def cmd_autograde(args: argparse.Namespace) -> int:
    """Grade every submission of ASSIGNMENT in parallel with the isolated runner and the judge.

    Resumable: a rerun grades only what is missing or changed unless --force.

    Example:
      grader autograde 01-design --workers 2
      grader autograde 01-design --student alice --force
    """
    from .grading import autograde

    limits = {"cell_timeout": args.cell_timeout, "notebook_timeout": args.notebook_timeout,
              "memory_mb": args.memory_mb}
    results = autograde(_root(args), args.assignment, args.workers, args.student or None, args.force,
                        args.seed, limits=limits)
    for r in results:
        print(f"{r.student:<20} {r.status:<12} {r.seconds:6.1f} s  {r.message[:100]}")
    counts = {s: sum(r.status == s for r in results) for s in ("graded", "skipped", "format_error", "infra_error")}
    print("autograde: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
    return 1 if counts["infra_error"] else 0


def cmd_feedback(args: argparse.Namespace) -> int:
    """Write an HTML page per student and notebook: points, status, messages; no hidden test code.

    Example:
      grader feedback 01-design
    """
    from .feedback import feedback

    pages = feedback(_root(args), args.assignment)
    print(f"feedback: {len(pages)} pages under feedback/")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Grades per student and problem as CSV (to a file or standard output).

    Example:
      grader export 01-design --csv grades.csv
    """
    from .report import export_csv

    text = export_csv(_root(args), args.assignment)
    if args.csv:
        Path(args.csv).write_text(text)
        print(f"export: {text.count(chr(10)) - 1} rows written to {args.csv}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Per problem: pass rate, mean points and the most common failure messages, plus a chart.

    Example:
      grader stats 01-design --png stats.png
    """
    from .report import chart, stats, table

    rows = stats(_root(args), args.assignment)
    print(table(rows))
    png = Path(args.png) if args.png else _root(args) / "verdicts" / f"{args.assignment}-stats.png"
    chart(rows, png, f"{args.assignment}: full marks per problem")
    print(f"stats: chart written to {png}")
    return 0


def cmd_tasks(args: argparse.Namespace) -> int:
    """Write every exercise notebook as a versioned evaluation task, one JSON line each.

    Example:
      grader tasks --out tasks.jsonl
    """
    from .tasks import task_records, write_jsonl

    text = write_jsonl(task_records(), Path(args.out) if args.out else None)
    if args.out:
        print(f"tasks: {text.count(chr(10))} tasks written to {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Run an agent over the tasks in isolated work directories and score it per skill.

    AGENT is reference, blank, mutant, openai:MODEL (with --base-url; key from
    DBLAB_EVAL_API_KEY or OPENAI_API_KEY) or any shell command, run in the task's work
    directory with DBLAB_TASK pointing at task.json.

    Example:
      grader eval --agent reference --out runs/reference
      grader eval --agent "python my_agent.py" --out runs/mine --tasks 01-design --trials 3
      grader eval --agent openai:my-model --base-url http://127.0.0.1:8000/v1 --out runs/model
    """
    from .evaluation import evaluate
    from .judge import Limits

    summary = evaluate(args.agent, Path(args.out), args.tasks or None, args.seed, args.trials, args.workers,
                       args.budget, args.base_url, limits=Limits(cell_timeout=args.cell_timeout))
    print(f"eval {args.agent}: score {summary['score']} ({summary['points']['earned']:g}/"
          f"{summary['points']['possible']:g} points); statuses {summary['statuses']}")
    if summary["hidden_access_attempts"]:
        print(f"attempts to read hidden course material: {', '.join(summary['hidden_access_attempts'])}")
    print(f"report: {Path(args.out) / 'report.md'}")
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    """Which problems your own exercise notebooks pass on their visible tests, per module.

    Example:
      grader progress                       # every notebook under exercises/
      grader progress exercises/01-design --png progress.png
    """
    from .progress import chart, progress, table

    rows = progress(Path(args.path), args.workers)
    print(table(rows))
    if args.png:
        chart(rows, Path(args.png))
        print(f"progress: chart written to {args.png}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grader", description="Database Engineering Lab: release, self-check and grade exercises.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("release", help="generate exercises/ from solutions/", description=cmd_release.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="fail when exercises/ differs from a fresh release")
    p.add_argument("--module", action="append", help="only regenerate this module (repeatable)")
    p.set_defaults(func=cmd_release)
    p = sub.add_parser("selfcheck", help="prove every grader on reference, blank, wrong and alt answers",
                       description=cmd_selfcheck.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--json", metavar="FILE", help="write one record per problem to FILE")
    p.add_argument("--module", action="append", help="only this module (repeatable)")
    p.add_argument("--seed", type=int, default=7919, help="seed of the hidden data")
    p.add_argument("--workers", type=int, default=1, help="modules checked in parallel")
    p.set_defaults(func=cmd_selfcheck)

    def verb(name: str, func, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=func.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--course", metavar="DIR", help="course directory (default: this repository)")
        p.set_defaults(func=func)
        return p

    p = verb("collect", cmd_collect, "collect submissions from a folder or LMS zip")
    p.add_argument("source")
    p.add_argument("assignment")
    p.add_argument("--mapping", metavar="CSV", help="lms_id,student_id rows")
    p = verb("autograde", cmd_autograde, "grade submissions in parallel, safely")
    p.add_argument("assignment")
    p.add_argument("--workers", type=int, default=None, help="parallel graders (default: all cores)")
    p.add_argument("--student", action="append", help="only this student (repeatable)")
    p.add_argument("--force", action="store_true", help="regrade submissions already graded")
    p.add_argument("--seed", type=int, default=7919, help="seed of the hidden data")
    p.add_argument("--cell-timeout", type=float, default=60.0, help="seconds per cell")
    p.add_argument("--notebook-timeout", type=float, default=600.0, help="seconds per notebook")
    p.add_argument("--memory-mb", type=int, default=6144, help="memory cap of the answer runner")
    p = verb("feedback", cmd_feedback, "HTML feedback per student")
    p.add_argument("assignment")
    p = verb("export", cmd_export, "grades as CSV")
    p.add_argument("assignment")
    p.add_argument("--csv", metavar="FILE")
    p = verb("tasks", cmd_tasks, "every exercise notebook as an evaluation task (JSONL)")
    p.add_argument("--out", metavar="FILE")
    p = verb("eval", cmd_eval, "evaluate an agent over the tasks")
    p.add_argument("--agent", required=True)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--tasks", nargs="*", help="task ids or module names (default: all)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--trials", type=int, default=1)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--budget", type=float, default=None, help="seconds per task (default: the task's)")
    p.add_argument("--base-url", default="http://127.0.0.1:8000/v1", help="OpenAI-compatible server")
    p.add_argument("--cell-timeout", type=float, default=60.0)
    p = verb("progress", cmd_progress, "your progress on the visible tests")
    p.add_argument("path", nargs="?", default=str(Path(__file__).resolve().parent.parent / "exercises"))
    p.add_argument("--png", metavar="FILE")
    p.add_argument("--workers", type=int, default=2)
    p = verb("stats", cmd_stats, "per-problem statistics and chart")
    p.add_argument("assignment")
    p.add_argument("--png", metavar="FILE")
    return parser


def main(argv: list[str] | None = None) -> int:
    import warnings

    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy autoflush noise inside nbgrader
    warnings.filterwarnings("ignore", message=".*not in session.*")
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
