"""Does the agent harness score honestly: reference 1.0, blank 0.0, mutant low, cheaters caught,
the same seed the same summary, and a chat model reached over real HTTP?"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from grader.evaluation import evaluate
from grader.judge import Limits
from grader.problems import solution_region
from grader.tasks import task_records

ROOT = Path(__file__).resolve().parent.parent
FAST = Limits(cell_timeout=30, call_timeout=30)


def strip_timings(summary):
    return {k: v for k, v in summary.items() if k != "timings"}


@pytest.mark.parametrize("agent,expected", [("reference", 1.0), ("blank", 0.0)])
def test_builtin_agents_score_exactly(tmp_path, agent, expected):
    summary = evaluate(agent, tmp_path, workers=2, progress=False, limits=FAST)
    assert summary["score"] == expected
    assert summary["statuses"].get("infra_error", 0) == 0
    assert (tmp_path / "report.md").exists() and (tmp_path / "skills.png").stat().st_size > 1000
    rows = [json.loads(line) for line in (tmp_path / "problems.jsonl").read_text().splitlines()]
    assert len(rows) == sum(len(t["problems"]) for t in task_records())


def test_mutant_scores_low(tmp_path):
    assert evaluate("mutant", tmp_path, workers=2, progress=False, limits=FAST)["score"] < 0.3


def test_same_seed_same_summary(tmp_path):
    a = evaluate("mutant", tmp_path / "a", ["01-design"], seed=5, progress=False, limits=FAST)
    b = evaluate("mutant", tmp_path / "b", ["01-design"], seed=5, progress=False, limits=FAST)
    assert strip_timings(a) == strip_timings(b)


def test_trials_give_pass_at_k(tmp_path):
    s = evaluate("reference", tmp_path, ["01-design/01-dependencies-and-keys"], trials=2, progress=False, limits=FAST)
    assert s["pass_at_k"] == {"k": 2, "pass@1": 1.0, "pass@2": 1.0, "pass^2": 1.0}


def test_cheating_agent_gains_nothing_and_is_reported(tmp_path):
    import shutil

    script = shutil.copy(ROOT / "tests" / "agents" / "snooper.py", tmp_path / "snooper.py")
    agent = f"{sys.executable} {script} {ROOT}"
    s = evaluate(agent, tmp_path / "out", ["01-design"], budget=120, progress=False, limits=FAST)
    assert s["score"] == 0.0
    assert s["hidden_access_attempts"] == ["01-design/01-dependencies-and-keys", "01-design/02-schema-design-and-evolution"]
    assert "looked inside a hidden course directory" in (tmp_path / "out" / "report.md").read_text()


def test_agent_over_budget_is_killed(tmp_path):
    s = evaluate("sleep 600", tmp_path, ["01-design/01-dependencies-and-keys"], budget=2, progress=False, limits=FAST)
    assert set(s["statuses"]) == {"timeout"} and s["tasks"][0]["timed_out"]


class FakeChat(BaseHTTPRequestHandler):
    """An OpenAI-compatible server that answers every problem with the reference solution."""

    answers: dict[str, str] = {}
    requests: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeChat.requests.append(body)
        prompt = body["messages"][-1]["content"]
        blocks = [f"```python\n# answer: {gid}\n{src}```" for gid, src in self.answers.items() if f"## {gid} " in prompt]
        reply = {"choices": [{"message": {"role": "assistant", "content": "\n\n".join(blocks)}}],
                 "usage": {"prompt_tokens": len(prompt) // 4, "completion_tokens": 50, "total_tokens": len(prompt) // 4 + 50}}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_openai_adapter_against_a_fake_server(tmp_path):
    from grader.course import ROOT as COURSE
    from grader.problems import problems_of

    nb = COURSE / "solutions" / "01-design" / "01-dependencies-and-keys.ipynb"
    FakeChat.answers = {p.grade_id: solution_region(p.answer_source) for p in problems_of(nb, "01-design")}
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeChat)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        s = evaluate("openai:fake-model", tmp_path, ["01-design/01-dependencies-and-keys"], progress=False,
                     base_url=f"http://127.0.0.1:{server.server_port}/v1", limits=FAST)
    finally:
        server.shutdown()
    assert s["score"] == 1.0
    assert s["tokens"]["completion_tokens"] == 50
    assert FakeChat.requests[0]["model"] == "fake-model"


def test_unreachable_chat_server_is_infra_error_not_zero(tmp_path):
    s = evaluate("openai:nobody", tmp_path, ["01-design/01-dependencies-and-keys"], progress=False,
                 base_url="http://127.0.0.1:9/v1", limits=FAST)
    assert s["score"] is None and set(s["statuses"]) == {"infra_error"}
