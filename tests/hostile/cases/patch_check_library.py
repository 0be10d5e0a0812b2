"""Wrong answers plus a monkeypatched dblab.check that would pass everything."""
from tests.hostile.kit import NB1, WRONG_Q4, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed", "design.keys.q4": "failed"}
POINTS = (0, 0)

PATCH = (
    "import dblab.check as c\n"
    "for name in ('same_result', 'compare', 'equal', 'call', 'probe', 'is_callable', 'has_table'):\n"
    "    setattr(c, name, lambda *a, **k: None)\n"
    "c.CheckFailed = type('Nothing', (Exception,), {})\n"
)


def build(dest):
    book = with_answers(NB1, {"design.keys.q1": PATCH + "def closure(a, f):\n    return set()",
                              "design.keys.q4": PATCH + WRONG_Q4})
    write(dest, blank_rest({NB1: book}))
