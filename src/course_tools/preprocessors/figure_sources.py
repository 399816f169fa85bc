"""Website: under each figure its source line as text, each identifier a link (the PNG has it as pixels)."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_output

from helpers.data import source_line

__all__ = ["FigureSources"]


class FigureSources(Preprocessor):
    """After each figure description written by :func:`helpers.figures.show` (an output whose metadata
    ``course_figure`` names the figure's ``sources``), add the figure's source line as a Markdown output
    whose DOI, PMID and PMCID are links (:func:`helpers.data.source_line` with ``link=True``)."""

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        """Add the linked source line after each figure description of ``cell``."""
        if cell.cell_type != "code":
            return cell, resources
        outputs = []
        for output in cell.get("outputs", []):
            outputs.append(output)
            figure = output.get("metadata", {}).get("course_figure")
            if figure and figure.get("sources"):
                line = source_line(figure["sources"], link=True)
                outputs.append(new_output("display_data", data={"text/markdown": line, "text/plain": line},
                                          metadata={"course_figure_source": True}))
        cell.outputs = outputs
        return cell, resources
