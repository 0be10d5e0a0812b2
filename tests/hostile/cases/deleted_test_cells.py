"""Right answers, every test cell deleted: the tests come back from the source."""
from tests.hostile.kit import NB1, reference_rest, test_cells, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "passed", "design.keys.q4": "passed"}
POINTS = (22, 22)


def build(dest):
    book = with_answers(NB1, reference=True)
    book.cells = [c for c in book.cells if c not in test_cells(book)]
    write(dest, reference_rest({NB1: book}))
