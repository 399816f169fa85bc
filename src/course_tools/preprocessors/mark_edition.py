"""Record which edition a notebook is in its metadata (``metadata.edition``)."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Unicode

__all__ = ["MarkEdition"]


class MarkEdition(Preprocessor):
    """Set ``nb.metadata["edition"]`` to :attr:`edition`."""

    edition = Unicode("student", help="The edition's name, stored in the notebook metadata.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Mark ``nb`` (in place; also returned)."""
        nb.metadata["edition"] = self.edition
        return nb, resources
