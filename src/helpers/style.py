"""One figure style for the whole course, and figures that carry their source and description.

Use :func:`figure` to make a figure in the course style and :func:`show` to display it: ``show`` writes
the "Source: ..." line under the chart from source ids and prints a one-sentence description for
screen-reader users (alt text) right below the image.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from helpers.data import source_line, split_ids

__all__ = ["LINESTYLES", "MARKERS", "OKABE_ITO", "PALETTE", "STYLE_FILE", "figure", "show", "use"]

STYLE_FILE = Path(__file__).with_name("course.mplstyle")

#: The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design").
OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "sky_blue": "#56B4E9",
    "black": "#000000",
    "yellow": "#F0E442",
}
#: Series colours in the order of the style's colour cycle.
PALETTE: list[str] = [OKABE_ITO[k] for k in
                      ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black")]
#: Markers paired with :data:`PALETTE`, so that series differ by shape as well as colour.
MARKERS: list[str] = ["o", "s", "^", "D", "v", "P", "X"]
#: Line styles paired with :data:`PALETTE` (the same as the style's cycle).
LINESTYLES: list[Any] = ["-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 1)), (0, (3, 1, 1, 1, 1, 1))]

SOURCE_FONTSIZE = 10  # [pt] smallest text in a course figure
_WRAP = 115  # [characters] per source line


def use() -> None:
    """Apply the course's matplotlib style to all later figures."""
    plt.style.use(STYLE_FILE)


def figure(nrows: int = 1, ncols: int = 1, **kwargs: Any) -> tuple[Figure, Any]:
    """Create a figure in the course style (``plt.subplots`` with the style applied).

    Parameters
    ----------
    nrows, ncols
        Grid of axes, each at least 1.
    **kwargs
        Passed to :func:`matplotlib.pyplot.subplots` (``figsize``, ``sharex`` …).
    """
    for arg, value in (("nrows", nrows), ("ncols", ncols)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{arg}: must be a whole number >= 1, got {value!r}")
    use()
    return plt.subplots(nrows, ncols, **kwargs)


def _check_alt(alt: str) -> str:
    if not isinstance(alt, str) or len(alt.strip()) < 20:
        raise ValueError("alt: give a one-sentence description of the figure (at least 20 characters)")
    alt = " ".join(alt.split())
    if not alt.endswith("."):
        raise ValueError("alt: the description must be a full sentence ending with a full stop")
    return alt


def add_source(fig: Figure, sources: str | Iterable[str]) -> str:
    """Write the "Source: ..." line under ``fig``'s content; returns the text written."""
    line = source_line(sources)
    wrapped = "\n".join(textwrap.wrap(line, _WRAP, break_on_hyphens=False))
    fig.draw_without_rendering()  # lays out text so that its extent is known, without painting pixels
    bbox = fig.get_tightbbox()
    bottom = bbox.y0 / fig.get_figheight()  # [figure fraction] lowest drawn content
    fig.text(0.0, bottom - 0.02, wrapped, ha="left", va="top", fontsize=SOURCE_FONTSIZE,
             color="#333333", gid="source-line")
    return line


def show(fig: Figure, *, alt: str, sources: str | Iterable[str]) -> None:
    """Display ``fig`` with its source line and a text description, then close it.

    Parameters
    ----------
    fig
        The figure to show.
    alt
        One sentence that says what the figure shows (the alt text for screen-reader users).
    sources
        Source ids from ``data/sources.csv`` behind the numbers in the figure.

    Raises
    ------
    ValueError
        ``fig`` is not a figure, ``alt`` is not a sentence, or a source id is unknown.
    """
    from IPython.display import display

    if not isinstance(fig, Figure):
        raise ValueError(f"fig: expected a matplotlib Figure, got {type(fig).__name__}")
    alt = _check_alt(alt)
    ids = split_ids(sources) if isinstance(sources, str) else list(sources)
    add_source(fig, ids)
    display(fig)
    plt.close(fig)
    display(
        {
            "text/html": '<p class="figure-description" role="note">'
            f"<strong>Figure description:</strong> {html.escape(alt)}</p>",
            "text/plain": f"Figure description: {alt}",
        },
        raw=True,
        metadata={"course_figure": {"alt": alt, "sources": ids}},
    )
