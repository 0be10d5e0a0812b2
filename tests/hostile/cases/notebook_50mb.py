"""A 50 MB notebook (a huge output pasted in)."""
from nbformat.v4 import new_output

from tests.hostile.kit import NB1, blank_rest, with_answers, write

STATUS = "format_error"
EXPECT = {"design.keys.q1": "format_error"}
POINTS = (0, 0)


def build(dest):
    book = with_answers(NB1, reference=True)
    book.cells[1].outputs = [new_output("stream", name="stdout", text="y" * (50 * 2**20))]
    write(dest, blank_rest({NB1: book}))
