"""Website: each lesson page lists its downloads (notebook, student edition, deck, deck PDF, handout)."""

from __future__ import annotations

import html

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell

__all__ = ["LessonDownloads"]


class LessonDownloads(Preprocessor):
    """Insert a "Downloads" box after the title cell, from ``resources["downloads"]``: a list of
    ``(what, href, how_to_build)``, where ``href`` is the file's address relative to the page, or
    ``None`` when it was not built (then ``how_to_build`` says how to make it)."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Insert the box into ``nb`` (in place; also returned)."""
        downloads = resources.get("downloads")
        if not downloads:
            return nb, resources
        items = []
        for what, href, how in downloads:
            if href is None:
                items.append(f"<li>{html.escape(what)}: not built yet ({how})</li>")
            else:
                items.append(f'<li><a href="{html.escape(href)}">{html.escape(what)}</a></li>')
        box = ('<aside class="lesson-downloads" aria-label="Downloads for this lesson">\n'
               "<p><strong>Downloads for this lesson</strong></p>\n<ul>\n" + "\n".join(items)
               + "\n</ul>\n</aside>\n")
        nb.cells.insert(1 if nb.cells else 0, new_markdown_cell(box, metadata={"tags": ["site-downloads"]}))
        return nb, resources
