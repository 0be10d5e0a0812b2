"""assert, AssertionError and builtins redefined, with wrong answers."""
from tests.hostile.kit import NB1, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed", "design.keys.q2": "failed"}
POINTS = (0, 0)

PATCH = (
    "import builtins\n"
    "builtins.AssertionError = type('Never', (Exception,), {})\n"
    "builtins.isinstance = lambda *a: True\n"
    "builtins.set = lambda *a: 'anything'\n"
)


def build(dest):
    book = with_answers(NB1, {"design.keys.q1": PATCH + "def closure(a, f):\n    return 1",
                              "design.keys.q2": "def candidate_keys(a, f):\n    return set()"})
    write(dest, blank_rest({NB1: book}))
