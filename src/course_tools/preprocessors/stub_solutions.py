"""Replace each solution by an exercise stub (code) or an answer prompt (markdown)."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Unicode

from course_tools import cells
from course_tools.stubs import check_ids, student_stub

__all__ = ["StubSolutions"]


class StubSolutions(Preprocessor):
    """Turn every cell tagged :attr:`solution_tag` into what students fill in.

    A code cell becomes :func:`course_tools.stubs.student_stub`, named after the exercise ids of the
    :attr:`check_tag` cells that follow it (up to the next solution), or "N of <notebook>" when there are
    none; its outputs and execution count are cleared. A markdown cell becomes :attr:`answer_prompt`.
    The cells keep their tag (the stub is where the student's solution goes).

    Raises
    ------
    ValueError
        A code solution breaks the conventions (no docstring first, no assigned name); the message names
        the notebook and the cell id.
    """

    solution_tag = Unicode(cells.SOLUTION, help="Tag of the solution cells.").tag(config=True)
    check_tag = Unicode(cells.CHECK, help="Tag of the cells that check an answer.").tag(config=True)
    answer_prompt = Unicode("*Write your answer here.*",
                            help="What replaces a markdown solution.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Stub the solutions of ``nb`` (in place; also returned)."""
        name = resources.get("metadata", {}).get("name", "notebook")
        solutions = [i for i, cell in enumerate(nb.cells) if cells.has_tag(cell, self.solution_tag)]
        for number, index in enumerate(solutions, start=1):
            cell = nb.cells[index]
            if cell.cell_type == "markdown":
                cell.source = self.answer_prompt
                cell.pop("attachments", None)
                continue
            end = next((j for j in solutions if j > index), len(nb.cells))
            ids = [qid for c in nb.cells[index + 1:end] if c.cell_type == "code"
                   and cells.has_tag(c, self.check_tag) for qid in check_ids(c.source)]
            label = ", ".join(ids) if ids else f"{number} of {name}"
            try:
                cell.source = student_stub(cell.source, label)
            except ValueError as err:
                raise ValueError(f"{name}: solution cell (id {cell.get('id', '?')}): {err}") from None
            cell.outputs = []
            cell.execution_count = None
        return nb, resources
