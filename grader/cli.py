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
    return parser


def main(argv: list[str] | None = None) -> int:
    import warnings

    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy autoflush noise inside nbgrader
    warnings.filterwarnings("ignore", message=".*not in session.*")
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
