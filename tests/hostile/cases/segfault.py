"""A segmentation fault inside the answer function."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed", "design.keys.q2": "passed"}
POINTS = (20, 20)

ANSWER = "import ctypes\n\ndef closure(attrs, fds):\n    return ctypes.string_at(0)"


def build(dest):
    write(dest, reference_rest({NB1: with_answers(NB1, {"design.keys.q1": ANSWER}, reference=True)}))
