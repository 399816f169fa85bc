"""nbgrader: each reflection's answer cell becomes a manually graded answer holding the model answer."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Float

from course_tools import cells
from course_tools.nbgrader_meta import nbgrader_metadata

__all__ = ["GradedReflections"]


class GradedReflections(Preprocessor):
    """Merge ``your-answer`` + ``model-answer`` into one manually graded markdown answer.

    The answer cell's text becomes the model answer (nbgrader's solution, replaced by a prompt in the
    release) and the separate model-answer cell is removed.
    """

    points = Float(1.0, help="Points of each reflection.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Grade the reflections of ``nb`` (in place; also returned)."""
        name = resources.get("metadata", {}).get("name", "notebook")
        kept = []
        number = 0
        for index, cell in enumerate(nb.cells):
            if cells.is_model_answer(cell):
                continue
            if cells.YOUR_ANSWER in cells.tags(cell):
                after = nb.cells[index + 1] if index + 1 < len(nb.cells) else None
                if after is None or not cells.is_model_answer(after):
                    raise ValueError(f"{name}: answer cell (id {cell.get('id', '?')}) without a model answer")
                number += 1
                cell.source = after.source
                grade_id = f"{name[:2]}-reflection-{number}"
                cell.metadata["nbgrader"] = nbgrader_metadata(grade_id, solution=True, grade=True,
                                                              points=self.points)
            kept.append(cell)
        nb.cells = kept
        return nb, resources
