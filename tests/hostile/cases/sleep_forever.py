"""time.sleep for ever inside the answer function."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q2": "timeout", "design.keys.q1": "passed"}
POINTS = (19, 19)

ANSWER = "import time\n\ndef candidate_keys(attributes, fds):\n    time.sleep(10**9)"


def build(dest):
    write(dest, reference_rest({NB1: with_answers(NB1, {"design.keys.q2": ANSWER}, reference=True)}))
