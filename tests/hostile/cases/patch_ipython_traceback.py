"""IPython's traceback display silenced, so errors would look like passes in plain nbgrader."""
from tests.hostile.kit import NB1, WRONG_Q4, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q4": "failed"}
POINTS = (0, 0)

PATCH = (
    "ip = get_ipython()\n"
    "ip.showtraceback = lambda *a, **k: None\n"
    "ip.set_custom_exc((BaseException,), lambda *a, **k: None)\n"
)


def build(dest):
    write(dest, blank_rest({NB1: with_answers(NB1, {"design.keys.q4": PATCH + WRONG_Q4})}))
