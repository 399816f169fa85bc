"""Notebook 05's body-system explorer: the label's adverse events one body system (or pooled group) at a time.

:func:`event_groups` lists the menu's choices, :func:`event_group_rows` computes one choice's risk
differences and row labels; the ``plot_*`` functions draw them with
:func:`~helpers.figures.therapy_vs_recreational.charts.plot_excess_over_placebo` and the ``show_*`` functions
display the chart with its source line and description (the functions behind the notebook's widgets).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.adverse import body_systems, risk_differences
from helpers.figures.rendering import show
from helpers.figures.therapy_vs_recreational.charts import plot_excess_over_placebo

__all__ = [
    "OTHER_SYSTEMS",
    "SYSTEM_NAMES",
    "event_group_rows",
    "event_groups",
    "plot_body_system",
    "plot_event_group",
    "show_body_system",
    "show_event_group",
]


# --- the body-system explorer ----------------------------------------------------------------------------
#: Body systems of the label's table in words (the label's MedDRA groups).
SYSTEM_NAMES: dict[str, str] = {
    "cardiac": "Heart",
    "ear_labyrinth": "Ear and balance",
    "gastrointestinal": "Stomach and gut",
    "general": "General (whole body)",
    "investigations": "Test results",
    "nervous_system": "Nervous system",
    "psychiatric": "Psychiatric",
    "renal_urinary": "Kidney and bladder",
    "respiratory": "Nose, throat and airways",
    "skin": "Skin",
}
#: The explorer's choice that pools the body systems with too few events for a chart of their own.
OTHER_SYSTEMS = "other"


def _system_name(key: str) -> str:
    return SYSTEM_NAMES.get(key, key.replace("_", " ").capitalize())


def _counts(table: pd.DataFrame) -> pd.Series:
    body_systems(table)  # validates the table
    return table.groupby("body_system").size()


def event_groups(table: pd.DataFrame, min_events: int = 2) -> list[tuple[str, str]]:
    """The explorer's choices: ``(label in words, key)`` for every body system with at least
    ``min_events`` events, most events first, then one choice pooling the others.

    A body system with a single event would draw a one-row chart; pooled, those events make a chart of
    several rows (each labelled with its body system).
    """
    if isinstance(min_events, bool) or not isinstance(min_events, int) or min_events < 1:
        raise ValueError(f"min_events: a whole number >= 1, got {min_events!r}")
    counts = _counts(table)
    big = counts[counts >= min_events].sort_values(ascending=False, kind="stable")
    choices = [(f"{_system_name(k)} ({n} events)", str(k)) for k, n in big.items()]
    small = counts[counts < min_events]
    if small.sum() >= 2 or (small.sum() == 1 and not choices):
        choices.append((f"Other body systems ({int(small.sum())} events, one or few each)", OTHER_SYSTEMS))
    return choices


def event_group_rows(table: pd.DataFrame, group: str, min_events: int = 2) -> tuple[pd.DataFrame, list[str],
                                                                                   str]:
    """Risk differences of one explorer choice, its row labels and its name in words.

    ``group`` is a body system of the table or :data:`OTHER_SYSTEMS` (the systems with fewer than
    ``min_events`` events, each row then labelled with its body system).
    """
    counts = _counts(table)
    keys = [k for _, k in event_groups(table, min_events)]
    if group in counts.index and group not in keys:
        members = [group]  # a single-event system, asked for directly: still drawable
    elif group not in keys:
        raise ValueError(f"group: unknown {group!r}; choose one of {', '.join(keys)}")
    else:
        members = (list(counts[counts < min_events].index) if group == OTHER_SYSTEMS else [group])
    sub = table[table["body_system"].isin(members)]
    rd = risk_differences(sub)
    system_of = dict(zip(sub["event"], sub["body_system"], strict=True))
    if group == OTHER_SYSTEMS:
        labels = [f"{e} ({_system_name(system_of[e]).lower()})" for e in rd["event"]]
        name = "Other body systems"
    else:
        labels, name = list(rd["event"]), _system_name(group)
    return rd, labels, name


def plot_event_group(table: pd.DataFrame, group: str = "psychiatric") -> Figure:
    """:func:`plot_excess_over_placebo` for one explorer choice (:func:`event_groups`), titled with the
    number of events whose 95 % interval excludes zero."""
    rd, labels, name = event_group_rows(table, group)
    clearer = int(rd["differs"].sum())
    title = f"{name}: {clearer} of {len(rd)} events clearly more common on esketamine"
    return plot_excess_over_placebo(rd, title=title, row_labels=labels)


def show_event_group(table: pd.DataFrame, group: str = "psychiatric") -> None:
    """Show :func:`plot_event_group` with its source line and description (the explorer's function)."""
    rd, _, name = event_group_rows(table, group)
    fig = plot_event_group(table, group)
    show(fig, alt=f"{name}: percentage of patients with each of {len(rd)} events on esketamine and on "
         f"placebo, and the excess over placebo with 95% intervals; {int(rd['differs'].sum())} of the "
         "intervals exclude zero.", sources=table.attrs["sources"])


def plot_body_system(table: pd.DataFrame, body_system: str = "psychiatric") -> Figure:
    """The chart of one body system of the label's table (any system, a single event included).

    Parameters
    ----------
    table
        The label's adverse-event table, ``data.load("adverse_events_label")``.
    body_system
        One of :func:`helpers.analysis.adverse.body_systems`.

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
    return plot_excess_over_placebo(rows, title=title)


def show_body_system(table: pd.DataFrame, body_system: str = "psychiatric") -> None:
    """Show :func:`plot_body_system` with its source line and description."""

    fig = plot_body_system(table, body_system)
    name = str(body_system).replace("_", " ")
    show(fig, alt=f"Percentage of patients with each {name} event on esketamine and on placebo, and the "
         "excess over placebo with 95% intervals.", sources=table.attrs["sources"])
