"""Does every `grader` command have help text, an example, and a place in the README?"""

import subprocess
import sys

import pytest

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
from grader.cli import build_parser


def commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices.items())


@pytest.mark.parametrize("name,parser", commands())
def test_command_has_help_with_example(name, parser):
    text = parser.format_help()
    assert "Example:" in text, f"grader {name} --help has no Example block"


@pytest.mark.parametrize("name", [n for n, _ in commands()])
def test_command_is_documented_in_readme(name):
    assert f"grader {name}" in (ROOT / "README.md").read_text()


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "grader.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "release" in out.stdout
