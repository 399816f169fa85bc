"""Give the deck the course title of its notebook (the browser tab shows it)."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

__all__ = ["DeckTitle"]


class DeckTitle(Preprocessor):
    """Copy ``metadata.course.title`` to ``metadata.title``, which nbconvert's HTML templates use.

    A notebook without a (non-blank) course title is left as it is.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Set the title of ``nb`` (in place; also returned)."""
        title = nb.metadata.get("course", {}).get("title")
        if isinstance(title, str) and title.strip():
            nb.metadata["title"] = title
        return nb, resources
