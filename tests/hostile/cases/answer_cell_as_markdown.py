"""The answer cell turned into Markdown: nbgrader restores its type from the source, so the code
in it is graded as the answer (no points lost, none gained)."""
from nbformat.v4 import new_markdown_cell

from tests.hostile.kit import NB1, answer_cell, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed", "design.keys.q2": "failed"}
POINTS = (0, 0)


def build(dest):
    book = with_answers(NB1, {"design.keys.q1": "def closure(a, f):\n    return set(a)"})
    cell = answer_cell(book, "design.keys.q1")
    book.cells[book.cells.index(cell)] = new_markdown_cell(cell.source, metadata=cell.metadata)
    write(dest, blank_rest({NB1: book}))
