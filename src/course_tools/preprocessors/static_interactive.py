"""Website: an interactive cell cannot run in a static page; it says so, and how to run it."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell
from traitlets import Unicode

from course_tools import cells

__all__ = ["StaticInteractive"]

_IMAGES = ("image/png", "image/jpeg", "image/svg+xml")


class StaticInteractive(Preprocessor):
    """Replace each interactive cell (tagged ``nbval-ignore-output``) by :attr:`note`, formatted with the
    notebook's file name (``{notebook}``).

    The static figure the lesson shows before the explorer stays; an image the interactive cell itself
    saved is kept (without its code) before the note.
    """

    note = Unicode(
        ":::{note}\n**Interactive in JupyterLab.** The figure above is this explorer's starting view. Its "
        "sliders and menus need a running Python kernel, which a web page does not have: open "
        "`{notebook}` in JupyterLab to use them (in the course folder, run `make lab`; see the README's "
        "Quick start).\n:::\n",
        help="Markdown shown instead of an interactive cell; {notebook} is the notebook's file name.",
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Replace the interactive cells of ``nb`` (in place; also returned)."""
        name = resources.get("metadata", {}).get("name", "this notebook")
        out: list[NotebookNode] = []
        for cell in nb.cells:
            if cell.cell_type != "code" or not cells.is_widget(cell):
                out.append(cell)
                continue
            images = [o for o in cell.get("outputs", []) if set(o.get("data", {})) & set(_IMAGES)]
            if images:
                cell.outputs = images
                cell.metadata.setdefault("tags", []).append(cells.REMOVE_INPUT)
                out.append(cell)
            out.append(new_markdown_cell(self.note.replace("{notebook}", f"{name}.ipynb")))
        nb.cells = out
        return nb, resources
