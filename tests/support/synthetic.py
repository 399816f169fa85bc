"""Small synthetic fixtures: a course notebook with every kind of cell the editions treat, a claims table
and a line chart in the course style."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers.figures import style


def meta(slide_type: str, *tags: str) -> dict:
    return {"slideshow": {"slide_type": slide_type}, "tags": list(tags)}


SECRET = "secret_step = 6 * 7 * 1001"


def synthetic_notebook(*, docstring: bool = True) -> nbformat.NotebookNode:
    """Title, notes, imports, a figure-like output, one exercise (task, solution, check), an instructor
    cell, takeaways and references; executed-looking outputs are written in by hand."""
    task = '"""Compute the answer in µM.\n\nUse the molar mass above."""\n' if docstring else ""
    nb = new_notebook()
    nb.metadata["course"] = {"order": 99, "title": "Synthetic deck", "minutes": 5, "prerequisites": []}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    kept = new_code_cell("x_mg = 3 * 2\nprint(x_mg)", metadata=meta("-", "remove-input"),
                         execution_count=2,
                         outputs=[nbformat.v4.new_output("stream", name="stdout", text="6\n")])
    nb.cells = [
        new_markdown_cell("# Synthetic\n\n**Learning objectives**\n\n- one\n\n**Estimated time:** 5 minutes"
                          "\n\n**Prerequisites:** none", metadata=meta("slide")),
        new_markdown_cell("Speaker note: greet the class.", metadata=meta("notes")),
        new_code_cell("from helpers.exercises import check", metadata=meta("skip", "remove-input"),
                      execution_count=1),
        new_markdown_cell("## Context\n\nOne idea: $E = mc^2$.", metadata=meta("slide")),
        kept,
        new_markdown_cell("## Exercises\n\nCompute the answer.", metadata=meta("slide", "exercise")),
        new_code_cell(f"{task}{SECRET}\nanswer_um: float = secret_step / 2\nlo, *rest = (1, 2, 3)\n"
                      "_ = print(answer_um)", metadata=meta("-", "solution"), execution_count=3,
                      outputs=[nbformat.v4.new_output("stream", name="stdout", text="21021.0\n")]),
        new_code_cell('check("00.last_possession_change", answer_um)', metadata=meta("-", "check"),
                      execution_count=4,
                      outputs=[nbformat.v4.new_output("execute_result", data={"text/plain": "Correct"},
                                                      execution_count=4)]),
        new_markdown_cell("A written answer: the trick is 147.", metadata=meta("-", "solution")),
        new_markdown_cell("Instructor: mention Parke-Davis.", metadata=meta("-", "instructor")),
        new_markdown_cell("## Key takeaways\n\n- done", metadata=meta("slide")),
        new_markdown_cell("## References", metadata=meta("slide")),
    ]
    nbformat.validate(nb)
    return nb


def write_synthetic(folder: Path, name: str = "99_synthetic.ipynb", *, docstring: bool = True) -> Path:
    """Write :func:`synthetic_notebook` to ``folder/name``; returns the path."""
    path = folder / name
    nbformat.write(synthetic_notebook(docstring=docstring), path)
    return path


def claims_frame(verdicts: tuple[str, ...] = ("supported", "false"),
                 kinds: tuple[str, ...] = ("rct", "animal")) -> pd.DataFrame:
    """A small claims table, one row per verdict, with the columns the claim helpers need."""
    return pd.DataFrame({
        "claim_id": [f"x{i}" for i in range(len(verdicts))],
        "label": [f"claim {i}" for i in range(len(verdicts))],
        "verdict": list(verdicts),
        "evidence_type": list(kinds),
        "source_id": ["daly2018"] * len(verdicts),
    })


def line_figure(y: list[float], title: str = "A rising line") -> plt.Figure:
    """A three-point line chart in the course style, with a title, an x label and a legend."""
    fig, ax = style.figure(figsize=(6, 4))
    ax.plot([0, 1, 2], y, label="series")
    ax.set_title(title)
    ax.set_xlabel("Time (h)")
    ax.legend()
    return fig
