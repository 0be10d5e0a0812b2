"""An answer that starts background processes meant to outlive grading."""
from tests.hostile.kit import NB1, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed"}
POINTS = (0, 0)

ANSWER = '''import subprocess
for _ in range(3):
    subprocess.Popen(["sleep", "3600"], start_new_session=True)
def closure(a, f):
    return set()
'''


def build(dest):
    write(dest, blank_rest({NB1: with_answers(NB1, {"design.keys.q1": ANSWER})}))
