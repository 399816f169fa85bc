"""course_tools.cells: the cell vocabulary and its predicates, and that CONTRIBUTING.md documents it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell

from course_tools import cells
from helpers import course
from tests.support import ROOT


def _cell(slide_type: str | None = None, *tags: str, json: bool = False) -> dict:
    metadata: dict = {"tags": list(tags)} if tags else {}
    if slide_type is not None:
        metadata["slideshow"] = {"slide_type": slide_type}
    cell = new_code_cell("x = 1", metadata=metadata)
    return dict(cell) if json else cell


@pytest.mark.parametrize("json", [False, True], ids=["NotebookNode", "dict"])
def test_tags_and_slide_type_read_the_metadata(json: bool) -> None:
    cell = _cell("notes", "solution", "check", json=json)
    assert cells.tags(cell) == {"solution", "check"}
    assert cells.slide_type(cell) == "notes"
    bare = _cell(json=json)
    assert cells.tags(bare) == frozenset()
    assert cells.slide_type(bare) == "-"                  # what nbconvert assumes
    assert cells.slide_type(bare, default=None) is None   # what the hygiene tests look for
    assert cells.tags({"cell_type": "raw", "source": ""}) == frozenset()


@pytest.mark.parametrize(
    ("predicate", "tag"),
    [(cells.is_solution, "solution"), (cells.is_check, "check"), (cells.is_exercise, "exercise"),
     (cells.is_instructor, "instructor"), (cells.is_widget, "nbval-ignore-output"),
     (cells.is_reflection, "reflection"), (cells.is_model_answer, "model-answer")],
)
def test_tag_predicates(predicate, tag: str) -> None:
    assert predicate(_cell("-", tag))
    assert predicate(_cell("slide", "remove-input", tag))
    others = sorted(cells.TAGS - {tag})
    assert not predicate(_cell("-", *others))
    assert not predicate(new_markdown_cell("no metadata"))
    assert not predicate(_cell("-", tag.upper()))         # tags are case-sensitive


@pytest.mark.parametrize("tag", ["think", "pitfall"])
def test_is_callout(tag: str) -> None:
    assert cells.is_callout(_cell("-", tag))
    assert not cells.is_callout(_cell("-", *sorted(cells.TAGS - cells.CALLOUTS)))


def test_is_notes() -> None:
    assert cells.is_notes(_cell("notes"))
    assert not cells.is_notes(_cell("slide", "notes"))      # a tag called notes is not a slide type
    assert not cells.is_notes(_cell())


def test_vocabulary() -> None:
    assert cells.TAGS == {"solution", "check", "exercise", "instructor", "remove-input",
                          "nbval-ignore-output", "safety-note", "reflection", "your-answer", "model-answer",
                          "think", "pitfall", "show-code"}
    assert cells.CALLOUTS == {"think", "pitfall"}
    assert cells.SAFETY_NOTE == course.SAFETY_TAG
    assert cells.SLIDE_TYPES == {"slide", "subslide", "fragment", "skip", "notes", "-"}
    assert cells.NOTEBOOK_GLOB == "[0-9][0-9]_*.ipynb"


def test_notebook_glob_matches_course_notebooks_only(tmp_path: Path) -> None:
    for name in ("00_course_map.ipynb", "12_x.ipynb", "1_short.ipynb", "ab_cd.ipynb", "00course.ipynb",
                 "03_onset.py"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.glob(cells.NOTEBOOK_GLOB)) == ["00_course_map.ipynb",
                                                                          "12_x.ipynb"]


def documented(contributing: str) -> tuple[set[str], set[str]]:
    """Slide types and tags named in the "Cell metadata" list of CONTRIBUTING.md's text."""
    block = contributing[contributing.index("Cell metadata:"):]
    slides = block[block.index("- Every cell has"):block.index("- Tags:")]
    tags = block[block.index("- Tags:"):block.index("\n- ", block.index("- Tags:"))]
    slides = slides.split("...}`:", 1)[1].split("(speaker notes", 1)[0]
    words = re.compile(r"`([^`]+)`")
    return set(words.findall(slides)), set(words.findall(tags)) - {"helpers.course.SAFETY_NOTE"}


def test_contributing_documents_the_vocabulary() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    slide_types, tags = documented(text)
    assert slide_types == cells.SLIDE_TYPES
    assert tags == cells.TAGS
    missing = text.replace("`safety-note` (", "safety-note (").replace("`skip`", "skip")
    assert documented(missing) == (cells.SLIDE_TYPES - {"skip"}, cells.TAGS - {"safety-note"})
