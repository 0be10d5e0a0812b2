"""Right answers, every cell given the same id."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q2": "passed"}
POINTS = (22, 22)


def build(dest):
    book = with_answers(NB1, reference=True)
    for c in book.cells:
        c["id"] = "same-id"
    write(dest, reference_rest({NB1: book}))
