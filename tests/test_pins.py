"""Are the dependencies pinned exactly, and do pyproject.toml and environment.yml agree?"""

import re
import tomllib

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def pyproject_deps():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def test_every_dependency_is_pinned_exactly():
    loose = [d for d in pyproject_deps() if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][A-Za-z0-9.]*", d)]
    assert loose == []


def test_environment_yml_has_the_same_pins():
    env = (ROOT / "environment.yml").read_text()
    listed = re.findall(r"^\s+- ([A-Za-z0-9_.\-\[\]]+==\S+)$", env, flags=re.M)
    assert sorted(listed) == sorted(pyproject_deps())


def test_jupysql_not_ipython_sql():
    names = [d.split("==")[0].lower() for d in pyproject_deps()]
    assert "jupysql" in names and "ipython-sql" not in names
