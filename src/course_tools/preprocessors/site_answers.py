"""Website: an exercise's answer waits behind a "Show solution" toggle, so the page reads well without a
kernel (the task first, then the reference solution and what its check printed, on demand)."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell
from traitlets import Unicode

from course_tools import cells

__all__ = ["SiteAnswers"]


class SiteAnswers(Preprocessor):
    """Put each run of ``solution`` and ``check`` cells inside a closed ``<details>`` element whose
    summary is :attr:`solution_summary`, and each ``model-answer`` cell inside one whose summary is
    :attr:`model_answer_summary`; drop the ``your-answer`` cells (the page has nowhere to write).

    The toggle is plain HTML (``<details>``/``<summary>``): it needs no JavaScript and a keyboard or
    screen-reader user opens it like a button.
    """

    solution_summary = Unicode("Show solution",
                               help="Label of the toggle over a solution and its check.").tag(config=True)
    model_answer_summary = Unicode("Show model answer",
                                   help="Label of the toggle over a model answer.").tag(config=True)

    def _open(self, kind: str, summary: str) -> NotebookNode:
        return new_markdown_cell(f'<details class="{kind}">\n<summary>{summary}</summary>\n',
                                 metadata={"tags": [f"site-{kind}"]})

    @staticmethod
    def _close() -> NotebookNode:
        return new_markdown_cell("</details>\n")

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Wrap the answers of ``nb`` (in place; also returned)."""
        out: list[NotebookNode] = []
        open_kind = None
        for cell in nb.cells:
            if cells.has_tag(cell, cells.YOUR_ANSWER):
                continue
            kind = ("solution" if cells.is_solution(cell) or cells.is_check(cell)
                    else "model-answer" if cells.is_model_answer(cell) else None)
            if kind != open_kind and open_kind is not None:
                out.append(self._close())
                open_kind = None
            if kind is not None and open_kind is None:
                summary = self.solution_summary if kind == "solution" else self.model_answer_summary
                out.append(self._open(kind, summary))
                open_kind = kind
            out.append(cell)
        if open_kind is not None:
            out.append(self._close())
        nb.cells = out
        return nb, resources
