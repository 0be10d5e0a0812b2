"""os._exit() in an answer cell kills the runner; the rest is graded."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q3": "error", "design.keys.q4": "passed"}
POINTS = (19, 19)


def build(dest):
    write(dest, reference_rest({NB1: with_answers(NB1, {"design.keys.q3": "import os\nos._exit(0)"}, reference=True)}))
