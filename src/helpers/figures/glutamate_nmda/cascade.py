"""The mechanism-cascade timeline of notebook 01 and the title that states what it shows.

:func:`plot_cascade` draws the steps of ``mechanism_cascade.csv`` against time scale; :func:`cascade_title`
writes a title from the same table. Both check the table with ``_cascade``; the styles come from
:mod:`helpers.figures.glutamate_nmda.styles`.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers._validate import frame as check_frame
from helpers._validate import title as check_title
from helpers._validate import wrap as check_wrap
from helpers.figures.glutamate_nmda.styles import STRENGTH_STYLE, TIME_SCALES
from helpers.figures.style import figure

__all__ = ["cascade_title", "plot_cascade"]


_CASCADE_COLUMNS = ("step", "process", "time_scale", "time_basis", "species", "model", "strength")


def _cascade(cascade: pd.DataFrame) -> pd.DataFrame:
    frame = check_frame("cascade", cascade, _CASCADE_COLUMNS)
    for column, allowed in (("time_scale", TIME_SCALES), ("strength", tuple(STRENGTH_STYLE)),
                            ("time_basis", ("reported", "inferred")), ("species", ("animal", "human"))):
        unknown = sorted(set(frame[column]) - set(allowed))
        if unknown:
            raise ValueError(f"cascade: unknown {column} {unknown}")
    return frame


def cascade_title(cascade: pd.DataFrame) -> str:
    """A title for :func:`plot_cascade` that states what the table shows about the species.

    "Every step of the cascade rests on rat or mouse experiments" when every step is animal evidence from
    rats or mice (the ``model`` column names them), "… on animal experiments" when every step is animal
    evidence, else "k of n steps of the cascade rest on animal experiments".

    Parameters
    ----------
    cascade
        The cascade table, as for :func:`plot_cascade`.
    """
    frame = _cascade(cascade)
    animal = frame["species"] == "animal"
    n = len(frame)
    if not animal.all():
        return f"{int(animal.sum())} of {n} steps of the cascade rest on animal experiments"
    rodent = frame["model"].str.contains(r"\b(?:rat|mouse|mice)\b", case=False, regex=True).all()
    return "Every step of the cascade rests on " + ("rat or mouse" if rodent else "animal") + " experiments"


def plot_cascade(cascade: pd.DataFrame, *, title: str, wrap: int = 44) -> Figure:
    """The hypothesised cascade as a timeline: steps (rows) against time scale (columns).

    Parameters
    ----------
    cascade
        Columns ``step``, ``process``, ``time_scale`` (one of :data:`TIME_SCALES`), ``time_basis``
        (``reported`` or ``inferred``), ``species``, ``model`` and ``strength`` (a key of
        :data:`STRENGTH_STYLE`), such as ``helpers.data.load("mechanism_cascade")``.
    title
        The figure title (state the finding; :func:`cascade_title` gives one from the table).
    wrap
        Characters per row-label line (>= 15).

    Notes
    -----
    Marker shape and colour show the strength of evidence; a filled marker means the source reports
    the time, an open marker that the time is inferred. The species and animal model are written beside
    each marker (the row label keeps only the step).
    """
    frame = _cascade(cascade)
    check_title(title)
    check_wrap(wrap, min_value=15)
    ordered = frame.sort_values("step", kind="stable").reset_index(drop=True)
    n = len(ordered)
    fig, ax = figure(figsize=(11, 0.55 * n + 2.2))
    y = np.arange(n)[::-1]
    x = ordered["time_scale"].map({s: i for i, s in enumerate(TIME_SCALES)}).to_numpy(dtype=float)
    for xi, yi, (_, row) in zip(x, y, ordered.iterrows(), strict=True):
        style = STRENGTH_STYLE[row["strength"]]
        filled = row["time_basis"] == "reported"
        ax.plot(xi, yi, linestyle="none", marker=style["marker"], markersize=13, zorder=3,
                markerfacecolor=style["color"] if filled else "white", markeredgecolor=style["color"],
                markeredgewidth=2.2)
        who = str(row["model"]).replace("; ", " and ")
        who = who if row["species"] == "animal" else f"human: {who}"
        ax.annotate(who, (xi, yi), xytext=(13, 0), textcoords="offset points", va="center", fontsize=10.5,
                    color="#444444")
    labels = ["\n".join(textwrap.wrap(f"{int(r.step)}. {r.process}", wrap, break_on_hyphens=False))
              for r in ordered.itertuples()]
    ax.set_yticks(y, labels, fontsize=11)
    ax.set_xticks(range(len(TIME_SCALES)), list(TIME_SCALES))
    ax.set_xlim(-0.4, len(TIME_SCALES) - 0.25)
    ax.set_ylim(-0.8, n - 0.2)
    ax.set_xlabel("Time after a single dose (ordered categories, not to scale)")
    for style in STRENGTH_STYLE.values():
        ax.plot([], [], linestyle="none", marker=style["marker"], markersize=11, color=style["color"],
                label=style["label"])
    ax.plot([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="#555555",
            markeredgecolor="#555555", label="filled: time reported by the source")
    ax.plot([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="white",
            markeredgecolor="#555555", markeredgewidth=2, label="open: time inferred")
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.14), ncols=2, fontsize=11)
    ax.set_title(title, loc="left")
    return fig
