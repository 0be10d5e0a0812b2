import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# nbgrader runs `alembic` from the venv: keep its bin on PATH whatever the caller's PATH is
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")


@pytest.fixture(params=["sqlite", "duckdb", "postgres"])
def engine(request):
    return request.param
