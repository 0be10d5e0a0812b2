"""nbgrader configuration of this course (formgrader, nbgrader CLI): solutions/ is the source,
exercises/ the release, and autograding goes through the isolated runner and the judge."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from grader.course import nbgrader_config  # noqa: E402

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file
c.merge(nbgrader_config(Path(__file__).resolve().parent))
