"""The submitted notebook is a symbolic link to the solution notebook."""
import os

from tests.hostile.kit import NB1, ROOT, blank_rest, write

STATUS = "format_error"
EXPECT = {"design.keys.q1": "format_error", "design.keys.q3": "format_error"}
POINTS = (0, 0)


def build(dest):
    books = blank_rest({})
    del books[NB1]
    write(dest, books)
    os.symlink(ROOT / "solutions" / "01-design" / f"{NB1}.ipynb", dest / f"{NB1}.ipynb")
