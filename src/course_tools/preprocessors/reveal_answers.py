"""Deck: answers appear on demand, so an exercise slide first shows only the task."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Set, Unicode

from course_tools import cells

__all__ = ["RevealAnswers"]


class RevealAnswers(Preprocessor):
    """Make each cell tagged with one of :attr:`tags` that continues its slide (``-``) a ``fragment``.

    The answer then appears on the next key press. Cells that start a slide, are skipped or are speaker
    notes keep their slide type.
    """

    tags = Set(Unicode(), default_value={cells.SOLUTION, cells.CHECK, cells.MODEL_ANSWER},
               help="Tags of the cells revealed on demand.").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        """Make ``cell`` a fragment when it is an answer that continues its slide."""
        if self.tags & cells.tags(cell) and cells.slide_type(cell) == cells.CONTINUE:
            cell.metadata.setdefault("slideshow", {})["slide_type"] = cells.FRAGMENT
        return cell, resources
