"""course_tools.preprocessors: each edition rule alone, its traitlets settings, and the composed lists."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config import Config

from course_tools import cells
from course_tools.preprocessors import (
    SLIDES,
    STUDENT,
    DeckTitle,
    LectureView,
    MarkEdition,
    RemoveSpeakerNotes,
    RevealAnswers,
    StubSolutions,
)
from tests.support.synthetic import SECRET, meta, synthetic_notebook

RESOURCES = {"metadata": {"name": "99_synthetic"}}


def _run(step, nb: nbformat.NotebookNode, resources: dict | None = None) -> nbformat.NotebookNode:
    """Run a preprocessor the way an exporter does (``__call__``, which honours ``enabled``)."""
    step.enabled = True
    nb, _ = step(nb, dict(resources or RESOURCES))
    return nb


def test_remove_speaker_notes() -> None:
    nb = synthetic_notebook()
    before = len(nb.cells)
    nb = _run(RemoveSpeakerNotes(), nb)
    assert len(nb.cells) == before - 1
    assert not any(cells.is_notes(c) for c in nb.cells)
    assert "greet the class" not in nbformat.writes(nb)


def test_remove_speaker_notes_is_configurable() -> None:
    nb = _run(RemoveSpeakerNotes(config=Config(RemoveSpeakerNotes={"slide_types": {"skip", "notes"}})),
              synthetic_notebook())
    assert {cells.slide_type(c) for c in nb.cells} == {"slide", "-"}


def test_stub_solutions() -> None:
    nb = _run(StubSolutions(), synthetic_notebook())
    text = nbformat.writes(nb)
    assert SECRET not in text and "the trick is" not in text and "21021" not in text
    [code, markdown] = [c for c in nb.cells if cells.is_solution(c)]
    assert code.source.startswith('"""Compute the answer in µM.')
    assert code.source.endswith("secret_step = ...\nanswer_um = ...\nlo = ...\nrest = ...")
    assert "# Exercise 00.last_possession_change: replace each ... with your answer" in code.source
    assert "raise" not in code.source
    assert code.outputs == [] and code.execution_count is None
    assert markdown.source == "*Write your answer here.*"
    assert any(cells.is_notes(c) for c in nb.cells), "notes are another rule's job"
    assert "edition" not in nb.metadata


def test_stub_without_check_is_named_after_the_notebook() -> None:
    nb = synthetic_notebook()
    nb.cells = [c for c in nb.cells if not cells.is_check(c)]
    nb = _run(StubSolutions(), nb)
    [code] = [c for c in nb.cells if cells.is_solution(c) and c.cell_type == "code"]
    assert "Exercise 1 of 99_synthetic:" in code.source


def test_stub_solutions_names_the_cell_that_breaks_the_conventions() -> None:
    nb = synthetic_notebook(docstring=False)
    with pytest.raises(ValueError, match=r"99_synthetic: solution cell \(id [\w-]+\): source: .*docstring"):
        _run(StubSolutions(), nb)


def test_stub_solutions_is_configurable() -> None:
    nb = synthetic_notebook()
    nb.cells.append(new_code_cell('"""Task two."""\nkept = 1', metadata=meta("-", "answer")))
    config = Config(StubSolutions={"solution_tag": "answer", "answer_prompt": "Your answer:"})
    nb = _run(StubSolutions(config=config), nb)
    assert SECRET in nbformat.writes(nb), "cells tagged solution are left alone"
    assert nb.cells[-1].source.startswith('"""Task two."""\n# Exercise ')
    assert nb.cells[-1].source.endswith("\nkept = ...")


def test_mark_edition() -> None:
    assert _run(MarkEdition(), new_notebook()).metadata["edition"] == "student"
    assert _run(MarkEdition(edition="handout"), new_notebook()).metadata["edition"] == "handout"


def test_deck_title() -> None:
    assert _run(DeckTitle(), synthetic_notebook()).metadata["title"] == "Synthetic deck"
    assert "title" not in _run(DeckTitle(), new_notebook()).metadata
    blank = new_notebook(metadata={"course": {"title": "  "}})
    assert "title" not in _run(DeckTitle(), blank).metadata


def test_reveal_answers() -> None:
    nb = synthetic_notebook()
    nb.cells.append(new_code_cell("check('x', 1)", metadata={"tags": ["check"]}))  # no slide type: "-"
    nb = _run(RevealAnswers(), nb)
    types = {c.source[:12]: cells.slide_type(c) for c in nb.cells}
    assert types['"""Compute t'] == "fragment" and types['check("00.la'] == "fragment"
    assert types["check('x', 1"] == "fragment"
    assert types["A written an"] == "fragment"                       # a markdown solution too
    assert types["## Exercises"] == "slide" and types["x_mg = 3 * 2"] == "-"
    assert types["Speaker note"] == "notes"


def test_reveal_answers_is_configurable() -> None:
    nb = _run(RevealAnswers(config=Config(RevealAnswers={"tags": {"check"}})), synthetic_notebook())
    types = {c.source[:12]: cells.slide_type(c) for c in nb.cells}
    assert types['"""Compute t'] == "-" and types['check("00.la'] == "fragment"


def test_disabled_preprocessor_does_nothing() -> None:
    step = RemoveSpeakerNotes()
    nb = synthetic_notebook()
    before = nbformat.writes(nb)
    step(nb, dict(RESOURCES))
    assert nbformat.writes(nb) == before


def test_editions_compose_the_rules_in_order() -> None:
    assert STUDENT == (RemoveSpeakerNotes, StubSolutions, MarkEdition)
    assert SLIDES == (DeckTitle, RevealAnswers, LectureView)
    nb = synthetic_notebook()
    for step in STUDENT:
        nb = _run(step(), nb)
    assert nb.metadata["edition"] == "student"
    assert not any(cells.is_notes(c) for c in nb.cells) and SECRET not in nbformat.writes(nb)


def test_lecture_view_hides_code_and_skips_interactive_cells() -> None:
    nb = synthetic_notebook()
    nb.cells.insert(3, new_code_cell("_ = explore(show, x=1)", metadata=meta("slide", "nbval-ignore-output")))
    nb.cells.insert(4, new_code_cell("print('after the widget')", metadata=meta("-")))
    nb.cells.append(new_code_cell("x = 1  # the lesson", metadata=meta("-", "show-code")))
    nb = _run(LectureView(), nb)
    widget, after, shown = nb.cells[3], nb.cells[4], nb.cells[-1]
    assert cells.slide_type(widget) == "skip" and cells.slide_type(after) == "slide", "the slide is kept"
    assert after.metadata.get("transient", {}).get("remove_source") is True
    assert not shown.metadata.get("transient", {}).get("remove_source"), "show-code cells keep their code"
    hidden = [c for c in nb.cells
              if c.cell_type == "code" and c.metadata.get("transient", {}).get("remove_source")]
    assert len(hidden) == sum(c.cell_type == "code" for c in nb.cells) - 2
