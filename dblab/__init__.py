"""dblab: what the course notebooks import -- sandboxes, datasets, checks and pictures."""

from __future__ import annotations

from typing import Any

from . import check, data, sandbox, show, skills
from .hints import hint

__all__ = ["check", "data", "sandbox", "show", "skills", "hint", "use_sql"]


def _friendly_failures() -> None:
    """In a notebook, a failed check reads as one line saying what to fix, not a traceback."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    ip = get_ipython()
    if ip is None or getattr(ip, "_dblab_friendly", False):
        return

    def show(shell, etype, value, tb, tb_offset=None):
        lines = [f"✘ {value}", "", "(Fix your answer and run this test cell again; hint(...) can help.)"]
        shell._showtraceback(etype, value, lines)
        return lines

    ip.set_custom_exc((check.CheckFailed,), show)
    ip._dblab_friendly = True


_friendly_failures()


def use_sql(db: Any, alias: str = "lab") -> None:
    """Point jupysql's %sql / %%sql magics at sandbox `db` (SQL errors fail the cell)."""
    from IPython import get_ipython

    ip = get_ipython()
    if ip is None:
        raise RuntimeError("use_sql works inside IPython/Jupyter")
    from IPython.utils.capture import capture_output

    # loading jupysql prints notes about optional config files: keep notebook output clean
    with capture_output():
        if "sql" not in ip.extension_manager.loaded:
            ip.run_line_magic("load_ext", "sql")
        ip.run_line_magic("config", "SqlMagic.short_errors = False")
        ip.run_line_magic("config", "SqlMagic.displaycon = False")
        ip.run_line_magic("config", "SqlMagic.feedback = 0")
        ip.run_line_magic("config", "SqlMagic.displaylimit = 50")
        ip.user_ns["_dblab_con"] = db.con
        ip.run_line_magic("sql", f"_dblab_con --alias {alias}")
