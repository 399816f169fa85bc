"""The learning path is read from the notebooks' metadata."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers import course, data
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


# --- the course map's tables: learning path and glossary as Markdown -------------------------------------
PATH = pd.DataFrame({"notebook": ["00_map", "01_first"], "title": ["The map", 'A "quoted" | title'],
                     "minutes": [20, 40], "prerequisites": ["none", "00_map"]})


def test_learning_path_markdown_links_each_notebook_with_its_title_and_prerequisites():
    table = course.learning_path_markdown(PATH).splitlines()
    assert table[0] == "| Notebook | Minutes | Builds on |"
    assert table[2] == "| [00 · The map](00_map.ipynb) | 20 | nothing |"
    assert table[3] == '| [01 · A "quoted" \\| title](01_first.ipynb) | 40 | [notebook 00](00_map.ipynb) |'
    real = course.learning_path_markdown(course.learning_path())
    assert real.count("\n") == len(NOTEBOOKS) + 1


def test_glossary_markdown_is_sorted_linked_and_cites_author_and_year():
    glossary = pd.DataFrame({"term": ["occupancy", "Ki", "antagonist"],
                             "definition": ["Share of\nreceptors bound.", "A | constant.", "Blocks it."],
                             "introduced_in": ["01_first", "01_first", "00_map"],
                             "source_id": [None, "gao2016", "usc812; dea1999"]})
    rows = course.glossary_markdown(glossary, PATH).splitlines()
    assert rows[0] == "| Term | Definition | Introduced in | Source |"
    assert [r.split("|")[1].strip() for r in rows[2:]] == ["**antagonist**", "**Ki**", "**occupancy**"]
    assert "A \\| constant." in rows[3] and "Share of receptors bound." in rows[4]
    assert "[notebook 01](01_first.ipynb \"A 'quoted' \\| title\")" in rows[3]
    assert rows[3].endswith(f"| {data.citation('gao2016', short=True)} |")
    both = f"{data.citation('usc812', short=True)}; {data.citation('dea1999', short=True)}"
    assert rows[2].endswith(f"| {both} |")
    assert rows[4].endswith("|  |"), "no source: an empty cell"
    full = course.glossary_markdown(data.load("glossary"), course.learning_path())
    assert full == course.glossary_markdown(data.load("glossary"), course.learning_path()), "deterministic"
    assert full.count("\n") == len(data.load("glossary")) + 1


def test_glossary_of_a_notebook_copied_alone_names_other_notebooks_without_links():
    table = pd.DataFrame({"term": ["x"], "definition": ["y"], "introduced_in": ["09_z"], "source_id": [None]})
    row = course.glossary_markdown(table, PATH).splitlines()[-1]
    assert row == "| **x** | y | notebook 09 |  |"


@pytest.mark.parametrize(
    ("call", "message"),
    [(lambda: course.learning_path_markdown(PATH.drop(columns="minutes")), r"^path: missing column"),
     (lambda: course.learning_path_markdown(PATH.assign(prerequisites=["none", "07_x"])), r"^path: 01_first"),
     (lambda: course.glossary_markdown(pd.DataFrame({"term": ["x"]}), PATH), r"^glossary: missing column"),
     (lambda: course.glossary_markdown(data.load("glossary"), PATH.iloc[:0]), r"^path: the table is empty")],
)
def test_course_map_tables_refuse_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
