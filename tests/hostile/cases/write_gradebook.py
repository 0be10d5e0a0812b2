"""An answer that tries to give itself full marks in the gradebook file."""
from tests.hostile.kit import NB1, blank_rest, with_answers, write

STATUS = "graded"
EXPECT = {"design.keys.q1": "failed"}
POINTS = (0, 0)

ANSWER = '''import os, sqlite3, glob
for db in glob.glob("/tmp/**/gradebook.db", recursive=True) + glob.glob(os.path.expanduser("~") + "/gradebook.db"):
    try:
        con = sqlite3.connect(db)
        con.execute("UPDATE grade SET auto_score = 100")
        con.commit()
    except Exception:
        pass
def closure(a, f):
    return set()
'''


def build(dest):
    write(dest, blank_rest({NB1: with_answers(NB1, {"design.keys.q1": ANSWER})}))
