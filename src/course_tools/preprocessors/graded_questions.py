"""nbgrader: add the lesson's graded questions (hidden expected values) before its key takeaways."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell

from course_tools import cells
from course_tools.graded import GradedQuestion, graded_for
from course_tools.nbgrader_meta import nbgrader_metadata

__all__ = ["GradedQuestions", "graded_cells"]

INTRO = ("## Graded questions\n\nThese questions count for points. They vary the exercises above (another "
         "event, dose, arm or level), so `check()` cannot answer them: compute each one, then run the test "
         "cell under it, which tells you whether your answer has the right form.")


def _meta(grade_id: str, **roles) -> dict:
    return {"slideshow": {"slide_type": cells.SKIP}, "nbgrader": nbgrader_metadata(grade_id, **roles)}


def graded_cells(question: GradedQuestion) -> list[NotebookNode]:
    """The task, answer and test cells of one graded question."""
    a = question.answer_name
    answer = "\n".join([f'"""{question.name}: see the task above."""', f"{a} = ...", "### BEGIN SOLUTION",
                        question.solution, "### END SOLUTION"])
    test = "\n".join([
        "import math",
        "import numbers",
        "",
        f'assert {a} is not ..., "Answer the question above first: replace the ... with your value."',
        f'assert isinstance({a}, numbers.Real) and not isinstance({a}, bool), "Give a number."',
        f'assert math.isfinite({a}), "Give a finite number."',
        "### BEGIN HIDDEN TESTS",
        f"assert math.isclose({a}, {question.expected!r}, rel_tol={question.rel_tol!r})",
        "### END HIDDEN TESTS",
    ])
    return [
        new_markdown_cell(question.prompt, metadata=_meta(f"{question.name}-task", locked=True)),
        new_code_cell(answer, metadata=_meta(f"{question.name}-answer", solution=True)),
        new_code_cell(test, metadata=_meta(f"{question.name}-test", grade=True, locked=True,
                                           points=question.points)),
    ]


class GradedQuestions(Preprocessor):
    """Insert the graded questions of the notebook (``resources["metadata"]["name"]``) before the cell
    that opens "## Key takeaways" (at the end when there is none). A notebook without graded questions is
    left as it is."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Add the questions to ``nb`` (in place; also returned)."""
        questions = graded_for(resources.get("metadata", {}).get("name", ""))
        if not questions:
            return nb, resources
        new = [new_markdown_cell(INTRO, metadata={"slideshow": {"slide_type": cells.SKIP}})]
        for question in questions:
            new.extend(graded_cells(question))
        at = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                   and c.source.lstrip().startswith("## Key takeaways")), len(nb.cells))
        nb.cells[at:at] = new
        return nb, resources
