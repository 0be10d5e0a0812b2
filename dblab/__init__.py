"""dblab: what the course notebooks import -- sandboxes, datasets, checks and pictures."""

from __future__ import annotations

from typing import Any

from . import check, data, sandbox, show, skills
from .hints import hint

__all__ = ["check", "data", "sandbox", "show", "skills", "hint", "use_sql"]


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
