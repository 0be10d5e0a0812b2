"""An answer that copies the reference out of solutions/ at grading time."""
from tests.hostile.kit import NB1, ROOT, WRONG_Q4, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q4": "failed"}
POINTS = (0, 0)

ANSWER = f'''import json, re
anomalies_sql = "SELECT 1"
try:
    src = json.load(open({str(ROOT / "solutions" / "01-design" / "01-dependencies-and-keys.ipynb")!r}))
    text = "".join("".join(c["source"]) for c in src["cells"])
    anomalies_sql = re.search(r'anomalies_sql = """(.*?)"""', text, re.S).group(1)
except Exception:
    pass
'''


def build(dest):
    write(dest, blank_rest({NB1: with_answers(NB1, {"design.keys.q4": ANSWER})}))
