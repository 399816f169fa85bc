"""Remove speaker notes (cells whose slide type is ``notes``)."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Set, Unicode

from course_tools import cells

__all__ = ["RemoveSpeakerNotes"]


class RemoveSpeakerNotes(Preprocessor):
    """Drop every cell whose slide type is one of :attr:`slide_types`."""

    slide_types = Set(Unicode(), default_value={cells.NOTES},
                      help="Slide types of the cells to remove.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Remove the cells from ``nb`` (in place; also returned)."""
        nb.cells = [cell for cell in nb.cells if cells.slide_type(cell) not in self.slide_types]
        return nb, resources
