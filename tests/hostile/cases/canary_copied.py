"""An answer pasted from a leaked solution, canary string included."""
from grader.problems import CANARY
from tests.hostile.kit import NB1, blank_rest, with_answers, write
from grader.problems import solution_region
from tests.hostile.kit import PROBLEMS

STATUS = "graded"
EXPECT = {"design.keys.q1": "contaminated"}
POINTS = (0, 0)


def build(dest):
    ref = solution_region(next(p for p in PROBLEMS[NB1] if p.grade_id == "design.keys.q1").answer_source)
    write(dest, blank_rest({NB1: with_answers(NB1, {"design.keys.q1": f"# {CANARY}\n" + ref})}))
