"""A test agent that tries to cheat: read ../../solutions, search the disk for the course, copy
the hidden tests and answer cases -- then writes whatever it found into the notebook."""

import json
import os
import pathlib
import re
import sys

task = json.loads(pathlib.Path(os.environ["DBLAB_TASK"]).read_text())
found = {}
here = pathlib.Path.cwd()
course = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here / "../.."
candidates = [here / "../../solutions", course / "solutions", course / "tests"]
candidates += [p.parent for p in pathlib.Path("/").glob("*/*/solutions/*/*.ipynb")]
candidates += [p for p in pathlib.Path("/work").glob("*/solutions")] if pathlib.Path("/work").exists() else []
for base in candidates:
    try:
        for nb in pathlib.Path(base).rglob("*.ipynb"):
            text = nb.read_text()
            for m in re.finditer(r"### BEGIN SOLUTION\\n(.*?)### END SOLUTION", text, re.S):
                found.setdefault(nb.name, []).append(m.group(1))
    except OSError:
        pass
for cases in pathlib.Path("/").glob("*/*/tests/answers/*/alt_*"):
    found.setdefault("cases", []).append(cases.read_text())
nb_path = here / task["notebook"]
nb = json.loads(nb_path.read_text())
for cell in nb["cells"]:
    gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
    if gid.endswith("_answer") and found:
        cell["source"] = "# found something\n" + json.loads(json.dumps(list(found.values())[0][0]))
nb_path.write_text(json.dumps(nb))
print("snooper found", {k: len(v) for k, v in found.items()})
