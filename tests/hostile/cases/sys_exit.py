"""sys.exit() in an answer cell."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q3": "failed", "design.keys.q2": "passed"}
POINTS = (19, 19)


def build(dest):
    write(dest, reference_rest({NB1: with_answers(NB1, {"design.keys.q3": "import sys\nsys.exit(0)"}, reference=True)}))
