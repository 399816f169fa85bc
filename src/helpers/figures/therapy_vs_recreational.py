"""Notebook 05's chart: every adverse event of one body system, against placebo.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.adverse import body_systems, risk_differences
from helpers.figures.rendering import show
from helpers.figures.side_effects import plot_risk_differences

__all__ = [
    "plot_body_system",
    "show_body_system",
]

def plot_body_system(table: pd.DataFrame, body_system: str = "psychiatric") -> Figure:
    """Notebook 04's risk-difference chart for the events of one body system, titled with its finding.

    Parameters
    ----------
    table
        The label's adverse-event table, ``data.load("adverse_events_label")`` (columns of
        :func:`helpers.analysis.adverse.risk_differences` plus ``body_system``).
    body_system
        One of :func:`body_systems`.

    Returns
    -------
    matplotlib.figure.Figure
        The title counts the events whose 95 % interval of the risk difference excludes zero.
    """
    systems = body_systems(table)
    if body_system not in systems:
        raise ValueError(f"body_system: unknown {body_system!r}; choose one of {', '.join(systems)}")
    rows = risk_differences(table[table["body_system"] == body_system])
    clearer = int(rows["differs"].sum())
    name = body_system.replace("_", " ").capitalize()
    title = f"{name} events: {clearer} of {len(rows)} clearly more common on esketamine"
    return plot_risk_differences(rows, title=title)


def show_body_system(table: pd.DataFrame, body_system: str = "psychiatric") -> None:
    """Show :func:`plot_body_system` with its source line and description (the widget's function)."""

    fig = plot_body_system(table, body_system)
    name = str(body_system).replace("_", " ")
    show(fig, alt=f"Percentage of patients with each {name} event on esketamine and on placebo, and the "
         "excess over placebo with 95% intervals.", sources=table.attrs["sources"])
