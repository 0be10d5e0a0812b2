"""Wrong answers with the test cells replaced by `pass`: the source tests are used."""
from tests.hostile.kit import NB1, WRONG_Q4, blank_rest, test_cells, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed", "design.keys.q4": "failed"}
POINTS = (0, 0)


def build(dest):
    book = with_answers(NB1, {"design.keys.q1": "def closure(a, f):\n    return set(a)", "design.keys.q4": WRONG_Q4})
    for c in test_cells(book):
        c.source = "pass  # all good"
    write(dest, blank_rest({NB1: book}))
