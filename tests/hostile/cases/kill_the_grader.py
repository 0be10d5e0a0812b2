"""An answer that tries to kill its parent and every process it can see."""
from tests.hostile.kit import NB1, reference_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed", "design.keys.q4": "passed"}
POINTS = (20, 20)

ANSWER = '''import os, signal
for pid in [int(p) for p in os.listdir("/proc") if p.isdigit()]:
    if pid != os.getpid():
        try:
            os.kill(pid, signal.SIGKILL)
        except Exception:
            pass
os.kill(os.getppid(), signal.SIGKILL)
'''


def build(dest):
    write(dest, reference_rest({NB1: with_answers(NB1, {"design.keys.q1": ANSWER}, reference=True)}))
