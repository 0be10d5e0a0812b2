"""An answer that searches the disk for the answer cases and hidden tests."""
from tests.hostile.kit import NB1, ROOT, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q4": "failed"}
POINTS = (0, 0)

ANSWER = f'''import pathlib
anomalies_sql = "SELECT 1"
for p in pathlib.Path({str(ROOT)!r}).rglob("alt_*.sql"):
    anomalies_sql = p.read_text()
    break
for p in pathlib.Path("/").glob("tmp/*/course/solutions/*/*.ipynb"):
    anomalies_sql = "found " + str(p)
'''


def build(dest):
    write(dest, blank_rest({NB1: with_answers(NB1, {"design.keys.q4": ANSWER})}))
