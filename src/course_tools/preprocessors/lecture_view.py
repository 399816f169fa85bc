"""Deck: show what a lecture shows — outputs, not code, and no dead interactive cells."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Unicode

from course_tools import cells

__all__ = ["LectureView"]


class LectureView(Preprocessor):
    """Hide the code of every code cell not tagged :attr:`show_tag` (its outputs stay), and skip the
    interactive cells (their controls only work in JupyterLab; the static figure before them stays).

    A skipped interactive cell that opened a slide hands its slide type to the next cell that continues
    the slide, so the slide structure is kept.
    """

    show_tag = Unicode(cells.SHOW_CODE,
                       help="Tag of the code cells whose code is the lesson.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Apply the lecture view to ``nb`` (in place; also returned)."""
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if cells.is_widget(cell):
                opened = cells.slide_type(cell)
                cell.metadata.setdefault("slideshow", {})["slide_type"] = cells.SKIP
                following = nb.cells[index + 1] if index + 1 < len(nb.cells) else None
                if opened in (cells.SLIDE, cells.SUBSLIDE) and following is not None \
                        and cells.slide_type(following) == cells.CONTINUE:
                    following.metadata.setdefault("slideshow", {})["slide_type"] = opened
            elif not cells.has_tag(cell, self.show_tag):
                cell.metadata.setdefault("transient", {})["remove_source"] = True  # as TagRemovePreprocessor
        return nb, resources
