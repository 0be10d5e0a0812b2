"""An old nbformat 3 notebook."""
import json

from tests.hostile.kit import NB1, blank_rest, write

STATUS = "format_error"
EXPECT = {"design.keys.q2": "format_error"}
POINTS = (0, 0)


def build(dest):
    v3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": []}]}
    write(dest, blank_rest({NB1: json.dumps(v3)}))
