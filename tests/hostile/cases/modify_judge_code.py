"""An answer that rewrites dblab/check.py so the next grading run passes everything."""
from tests.hostile.kit import NB1, ROOT, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed"}
POINTS = (0, 0)

ANSWER = f'''try:
    with open({str(ROOT / "dblab" / "check.py")!r}, "a") as f:
        f.write("\\ncompare = lambda *a, **k: None\\n")
except OSError:
    pass
def closure(a, f):
    return set()
'''


def build(dest):
    write(dest, blank_rest({NB1: with_answers(NB1, {"design.keys.q1": ANSWER})}))
