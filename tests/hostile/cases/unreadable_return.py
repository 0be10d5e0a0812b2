"""An answer function that returns something that cannot be graded (a generator)."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed", "design.keys.q2": "passed"}
POINTS = (20, 20)


def build(dest):
    answer = "def closure(attrs, fds):\n    return (a for a in attrs)"
    write(dest, reference_rest({NB1: with_answers(NB1, {"design.keys.q1": answer}, reference=True)}))
