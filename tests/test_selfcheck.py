"""Does every grader in the course pass its own proof (reference, blank, wrong and alt cases)?"""

import json
import subprocess
import sys

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def test_selfcheck_over_every_module(tmp_path):
    out = tmp_path / "selfcheck.json"
    run = subprocess.run([sys.executable, "-m", "grader.cli", "selfcheck", "--json", str(out), "--workers", "2"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    report = json.loads(out.read_text())
    design = [r for r in report["problems"] if r["module"] == "01-design"]
    assert len(design) >= 8
    for r in report["problems"]:
        assert set(r) >= {"grade_id", "module", "points", "skills", "reference", "blank", "wrong", "alt"}
        assert r["reference"] == r["points"] and r["blank"] == 0
        assert len(r["wrong"]) >= 2 and len(r["alt"]) >= 1
    assert report["violations"] == []
