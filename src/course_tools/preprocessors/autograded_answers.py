"""nbgrader: self-study solutions become autograded answers, check cells locked read-only cells."""

from __future__ import annotations

import ast

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

from course_tools import cells
from course_tools.nbgrader_meta import nbgrader_metadata
from course_tools.stubs import check_ids, solution_names

__all__ = ["AutogradedAnswers"]


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "_-" else "-" for ch in text)


def solution_region(source: str) -> str:
    """A solution cell with its computation between nbgrader's solution delimiters.

    The docstring (the task) and ``name = ...`` for every assigned name come first, so the release, where
    nbgrader replaces the region by a stub, reads like the student edition's stub.
    """
    tree = ast.parse(source)
    first = tree.body[0] if tree.body else None
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)):
        raise ValueError("source: a solution cell must start with a docstring stating the task")
    lines = source.splitlines()
    docstring, body = lines[:first.end_lineno], lines[first.end_lineno:]
    blanks = [f"{name} = ..." for name in solution_names(source)]
    return "\n".join([*docstring, *blanks, "### BEGIN SOLUTION", *body, "### END SOLUTION"])


class AutogradedAnswers(Preprocessor):
    """Mark code ``solution`` cells as nbgrader answers and ``check`` cells as locked read-only cells.

    ``grade_id`` values are named after the exercise ids of the check cells (``01-peak_um-answer``).
    Self-study checks carry no points: their answer key is installed with the course.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Mark the cells of ``nb`` (in place; also returned)."""
        used: set[str] = set()

        def unique(grade_id: str) -> str:
            candidate, n = grade_id, 2
            while candidate in used:
                candidate, n = f"{grade_id}-{n}", n + 1
            used.add(candidate)
            return candidate

        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if cells.is_solution(cell):
                following = nb.cells[index + 1] if index + 1 < len(nb.cells) else None
                checked = following is not None and cells.is_check(following)
                ids = check_ids(following.source) if checked else []
                name = _slug("_".join(ids)) if ids else f"exercise-{index}"
                cell.source = solution_region(cell.source)
                cell.metadata["nbgrader"] = nbgrader_metadata(unique(f"{name}-answer"), solution=True)
            elif cells.is_check(cell):
                name = _slug("_".join(check_ids(cell.source))) or f"check-{index}"
                cell.metadata["nbgrader"] = nbgrader_metadata(unique(f"{name}-check"), locked=True)
        return nb, resources
