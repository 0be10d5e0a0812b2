"""Only one of the two notebooks submitted; the other one is graded."""
from tests.hostile.kit import NB2, with_answers, write

STATUS = "format_error"
EXPECT = {"design.keys.q1": "format_error", "design.schema.q3": "passed"}
POINTS = (12, 12)


def build(dest):
    write(dest, {NB2: with_answers(NB2, reference=True)})
