"""100 MB printed by an answer cell that is wrong anyway."""
from tests.hostile.kit import NB1, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed"}
POINTS = (0, 0)

ANSWER = "import sys\nfor _ in range(100):\n    sys.stdout.write('x' * 2**20)\n\ndef closure(attrs, fds):\n    return set(attrs)"


def build(dest):
    write(dest, blank_rest({NB1: with_answers(NB1, {"design.keys.q1": ANSWER})}))
