"""An answer cell that never ends; every other answer is right and must still count."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "timeout", "design.keys.q2": "passed", "design.schema.q1": "passed"}
POINTS = (20, 20)


def build(dest):
    write(dest, reference_rest({NB1: with_answers(NB1, {"design.keys.q1": "while True:\n    pass"}, reference=True)}))
