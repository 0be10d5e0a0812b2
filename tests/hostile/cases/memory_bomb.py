"""An answer cell that allocates far more memory than the cap."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed", "design.keys.q4": "passed"}
POINTS = (20, 20)

ANSWER = "hog = bytearray(64 * 2**30)\n\ndef closure(attrs, fds):\n    return set(attrs)"


def build(dest):
    write(dest, reference_rest({NB1: with_answers(NB1, {"design.keys.q1": ANSWER}, reference=True)}))
