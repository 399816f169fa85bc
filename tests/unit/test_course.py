"""The learning path is read from the notebooks' metadata."""

from __future__ import annotations

import json

import pytest

from helpers import course
from tests.support import NOTEBOOKS


def test_learning_path_lists_every_notebook_in_order():
    path = course.learning_path()
    assert list(path["notebook"]) == [nb.stem for nb in NOTEBOOKS]
    assert (path["minutes"] > 0).all()
    orders = [course.course_metadata(nb)["order"] for nb in NOTEBOOKS]
    assert orders == sorted(orders) == [int(nb.name[:2]) for nb in NOTEBOOKS]


def test_prerequisites_name_earlier_notebooks():
    names = [nb.stem for nb in NOTEBOOKS]
    for nb in NOTEBOOKS:
        for prereq in course.course_metadata(nb)["prerequisites"]:
            assert prereq in names and names.index(prereq) < names.index(nb.stem), (nb.name, prereq)


@pytest.mark.parametrize(
    ("meta", "message"),
    [(None, "no 'course' metadata"), ({"order": 1, "title": "x"}, "lacks minutes, prerequisites"),
     ({"order": 1, "title": "x", "minutes": 0, "prerequisites": []}, "invalid minutes")],
)
def test_bad_metadata_is_reported(tmp_path, meta, message):
    nb = tmp_path / "09_x.ipynb"
    nb.write_text(json.dumps({"metadata": {"course": meta} if meta else {}, "cells": []}))
    with pytest.raises(ValueError, match=message):
        course.course_metadata(nb)
