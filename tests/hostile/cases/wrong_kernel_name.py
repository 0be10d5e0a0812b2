"""Right answers in a notebook that claims to be an R notebook: graded normally."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "passed", "design.schema.q5": "passed"}
POINTS = (22, 22)


def build(dest):
    book = with_answers(NB1, reference=True)
    book.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    write(dest, reference_rest({NB1: book}))
