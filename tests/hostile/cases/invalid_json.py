"""A notebook that is not JSON at all."""
from tests.hostile.kit import NB1, blank_rest, reference_rest, write

STATUS = "format_error"
EXPECT = {"design.keys.q1": "format_error", "design.keys.q4": "format_error", "design.schema.q1": "passed"}
POINTS = (12, 12)  # notebook 2 (reference) still graded: 12 points; notebook 1: nothing


def build(dest):
    write(dest, reference_rest({NB1: b"{ this is not a notebook"}))
