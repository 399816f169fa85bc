"""course_tools.nbgrader_meta, course_tools.graded and the nbgrader preprocessors, on fixture notebooks."""

from __future__ import annotations

import ast
import math

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from course_tools import cells
from course_tools.graded import GRADED, GradedQuestion, graded_for
from course_tools.nbgrader_meta import SCHEMA_VERSION, nbgrader_metadata
from course_tools.preprocessors import NBGRADER, AutogradedAnswers, GradedQuestions, GradedReflections
from course_tools.preprocessors.autograded_answers import solution_region
from helpers.exercises import ANSWERS
from tests.support.grading import value_strings, words
from tests.support.synthetic import meta


def _run(step, nb, name: str = "04_side_effects"):
    step.enabled = True
    nb, _ = step(nb, {"metadata": {"name": name}})
    return nb


# --- metadata ----------------------------------------------------------------------------------------
def test_metadata_schema_version_3() -> None:
    test = nbgrader_metadata("q1-test", grade=True, locked=True, points=2)
    assert test == {"grade": True, "grade_id": "q1-test", "locked": True, "schema_version": 3,
                    "solution": False, "task": False, "points": 2}
    assert "points" not in nbgrader_metadata("q1-answer", solution=True)
    assert SCHEMA_VERSION == 3


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"grade_id": "has space"}, "grade_id"), ({"grade_id": ""}, "grade_id"), ({"grade_id": None}, "grade_id"),
    ({"grade_id": "q", "grade": True}, "points"), ({"grade_id": "q", "points": 1}, "points"),
    ({"grade_id": "q", "grade": True, "points": -1}, "points"),
])
def test_metadata_refuses_bad_input(kwargs, match) -> None:
    with pytest.raises(ValueError, match=f"^{match}"):
        nbgrader_metadata(**kwargs)


# --- graded questions -----------------------------------------------------------------------------------
@pytest.mark.parametrize("question", GRADED, ids=[q.name for q in GRADED])
def test_graded_value_is_what_the_helpers_compute(question: GradedQuestion) -> None:
    """The hidden expected value is the solution's result (so it cannot drift from the data)."""
    namespace: dict = {}
    exec(compile(question.solution, question.name, "exec"), namespace)
    assert math.isclose(namespace[question.answer_name], question.expected, rel_tol=question.rel_tol / 10)


@pytest.mark.parametrize("question", GRADED, ids=[q.name for q in GRADED])
def test_graded_question_is_a_variant_not_a_self_study_answer(question: GradedQuestion) -> None:
    """No self-study answer of the same notebook (installed with the course) is close to a graded value, and
    no prompt states it."""
    for key, answer in ANSWERS.items():
        if answer.kind == "number" and key.startswith(question.notebook[:2] + "."):
            assert not math.isclose(float(answer.value), question.expected, rel_tol=0.01), key
    assert not value_strings(question.expected) & words(question.prompt)


def test_every_lesson_has_a_graded_question_and_names_are_unique() -> None:
    assert {q.notebook[:2] for q in GRADED} >= {"01", "02", "03", "04", "05", "06", "07"}
    assert len({q.name for q in GRADED}) == len(GRADED)
    assert graded_for("04_side_effects") == [q for q in GRADED if q.notebook == "04_side_effects"]
    assert graded_for("99_nothing") == []
    with pytest.raises(ValueError, match=r"^notebook"):
        graded_for(4)  # type: ignore[arg-type]


@pytest.mark.parametrize(("field", "value"), [("notebook", "side_effects"), ("name", "Bad Name"),
                                               ("answer_name", "1x"), ("solution", "y = 1"),
                                               ("rel_tol", 0.0), ("points", 0)])
def test_graded_question_refuses_bad_input(field, value) -> None:
    good = {"notebook": "04_side_effects", "name": "q", "prompt": "Task.", "answer_name": "x",
            "solution": "x = 1", "expected": 1.0}
    with pytest.raises(ValueError, match=field.split("_")[0] if field != "rel_tol" else "rel_tol"):
        GradedQuestion(**{**good, field: value})


# --- preprocessors ---------------------------------------------------------------------------------------
def _lesson() -> nbformat.NotebookNode:
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                               "display_name": "Python 3"}})
    nb.cells = [
        new_markdown_cell("# Lesson", metadata=meta("slide")),
        new_markdown_cell("Notes for the instructor.", metadata=meta("notes")),
        new_code_cell('"""Task: the answer."""\nstep = 6 * 7\nanswer = step / 2',
                      metadata=meta("-", "solution")),
        new_code_cell('check("04.nnh_dissociation", answer)', metadata=meta("-", "check")),
        new_markdown_cell("**Reflect 04.A.** Why?", metadata=meta("-", "reflection")),
        new_markdown_cell("*Write your answer here.*", metadata=meta("skip", "your-answer")),
        new_markdown_cell("**Model answer.** Because of 147.", metadata=meta("-", "model-answer")),
        new_markdown_cell("## Key takeaways\n\n- done", metadata=meta("slide")),
        new_markdown_cell("## References", metadata=meta("slide")),
    ]
    return nb


def test_solution_region_keeps_the_task_and_blanks_before_the_delimiters() -> None:
    region = solution_region('"""Task:\n two lines."""\nstep = 6 * 7\nanswer = step / 2')
    assert region == ('"""Task:\n two lines."""\nstep = ...\nanswer = ...\n### BEGIN SOLUTION\nstep = 6 * 7\n'
                      "answer = step / 2\n### END SOLUTION")
    ast.parse(region)
    with pytest.raises(ValueError, match="docstring"):
        solution_region("answer = 1")


def test_autograded_answers() -> None:
    nb = _run(AutogradedAnswers(), _lesson())
    solution, check = nb.cells[2], nb.cells[3]
    assert solution.metadata.nbgrader["solution"] and not solution.metadata.nbgrader["grade"]
    assert solution.metadata.nbgrader["grade_id"] == "04-nnh_dissociation-answer"
    assert "### BEGIN SOLUTION" in solution.source
    assert check.metadata.nbgrader == nbgrader_metadata("04-nnh_dissociation-check", locked=True), \
        "self-study checks are locked and carry no points: their answer key ships with the course"


def test_graded_reflections_merge_the_model_answer_into_a_graded_answer() -> None:
    nb = _run(GradedReflections(), _lesson())
    assert not any(cells.is_model_answer(c) for c in nb.cells)
    [answer] = [c for c in nb.cells if cells.YOUR_ANSWER in cells.tags(c)]
    assert answer.source == "**Model answer.** Because of 147."
    assert answer.metadata.nbgrader == nbgrader_metadata("04-reflection-1", solution=True, grade=True,
                                                         points=1.0)
    broken = _lesson()
    del broken.cells[6]
    with pytest.raises(ValueError, match="without a model answer"):
        _run(GradedReflections(), broken)


def test_graded_questions_go_before_the_key_takeaways() -> None:
    nb = _run(GradedQuestions(), _lesson())
    [question] = graded_for("04_side_effects")
    at = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## Graded questions"))
    assert nb.cells[at + 4].source.startswith("## Key takeaways")
    task, answer, test = nb.cells[at + 1:at + 4]
    assert task.metadata.nbgrader["locked"] and task.source == question.prompt
    assert answer.metadata.nbgrader["solution"] and f"{question.answer_name} = ..." in answer.source
    assert test.metadata.nbgrader["grade"] and test.metadata.nbgrader["points"] == question.points
    hidden = test.source.split("### BEGIN HIDDEN TESTS")[1]
    visible = test.source.split("### BEGIN")[0]
    assert repr(question.expected) in hidden and repr(question.expected) not in visible
    untouched = _run(GradedQuestions(), _lesson(), name="99_synthetic")
    assert len(untouched.cells) == len(_lesson().cells)


def test_nbgrader_edition_has_unique_grade_ids() -> None:
    nb = _lesson()
    for step in NBGRADER:
        nb = _run(step(), nb)
    ids = [c.metadata.nbgrader["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids)) >= 5
    assert not any(cells.is_notes(c) for c in nb.cells)


def test_readme_lists_every_graded_question() -> None:
    from tests.support import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Grading with nbgrader"):]
    for question in GRADED:
        label = question.prompt.split("**")[1].removeprefix("Graded ").rstrip(".")  # "01.G1"
        assert f"**{label}**" in section, f"README's grading section does not list {label}"
