"""Show a course figure: one PNG drawn once, cropped, with its source line, alt text and a data digest.

:func:`show` is the only way a notebook displays a figure: the PNG carries the alt text, a visible
one-sentence description follows it, the source line is printed under the chart, and the ``text/plain``
output carries a digest of what the figure plots, so strict nbval notices when a chart's data change.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.spines import Spine
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from helpers.data import source_ids, source_line

__all__ = [
    "PAD_INCHES",
    "PNG_COMPRESS_LEVEL",
    "SOURCE_FONTSIZE",
    "RenderedFigure",
    "digest",
    "show",
]

SOURCE_FONTSIZE = 10  # [pt] smallest text in a course figure


_WRAP = 115  # [characters] per source line


PAD_INCHES = 0.1  # [in] margin around the cropped figure (matplotlib's savefig.pad_inches default)


#: zlib level for the figures' PNGs: for these flat-coloured charts level 3 is faster than zlib's default
#: (6) and the files are no larger.
PNG_COMPRESS_LEVEL = 3


def _check_alt(alt: str) -> str:
    if not isinstance(alt, str) or len(alt.strip()) < 20:
        raise ValueError("alt: give a one-sentence description of the figure (at least 20 characters)")
    alt = " ".join(alt.split())
    if not alt.endswith("."):
        raise ValueError("alt: the description must be a full sentence ending with a full stop")
    return alt


def _place_source(fig: Figure, ids: list[str]) -> tuple[Bbox, str]:
    """Put the source line under the content; the padded bounding box [inches] of everything drawn, and
    the line."""
    line = source_line(ids)
    wrapped = "\n".join(textwrap.wrap(line, _WRAP, break_on_hyphens=False))
    # Text is measured on a 1 x 1 pixel renderer: the canvas's own renderer would hold a second
    # figure-sized pixel buffer while savefig paints the cropped one.
    renderer = RendererAgg(1, 1, fig.dpi)
    content = fig.get_tightbbox(renderer)  # [inches] lays out the text, paints no pixels
    text = fig.text(0.0, content.y0 / fig.get_figheight() - 0.02, wrapped, ha="left", va="top",
                    fontsize=SOURCE_FONTSIZE, color="#333333", gid="source-line")
    below = text.get_window_extent(renderer).transformed(fig.dpi_scale_trans.inverted())
    return Bbox.union([content, below]).padded(PAD_INCHES), line


@dataclass(frozen=True, repr=False)
class RenderedFigure:
    """A figure drawn once as PNG, cropped to its content: what :func:`show` displays.

    The PNG carries no metadata chunk (matplotlib would name its version), so its bytes depend only on
    the pixels.

    In a notebook it shows as the image, with a ``text/plain`` summary (the number of axes and the
    :func:`digest` of the data) that nbval compares.
    """

    figure: Figure
    png: bytes

    @classmethod
    def render(cls, fig: Figure, bbox_inches: Bbox) -> RenderedFigure:
        """Draw ``fig`` cropped to ``bbox_inches`` [inches], the box :func:`show` measured: the same
        image as ``savefig(bbox_inches="tight")``, without that option's extra measuring pass."""
        if isinstance(fig.get_layout_engine(), PlaceHolderLayoutEngine):
            # What ``fig.tight_layout()`` leaves behind: it lays nothing out, but savefig would still
            # make a full-size renderer and a dry-run draw of the whole figure for it.
            fig.set_layout_engine(None)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=fig.dpi, bbox_inches=bbox_inches,
                    facecolor=fig.get_facecolor(), edgecolor=fig.get_edgecolor(),
                    metadata={"Software": None}, pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL})
        return cls(fig, buffer.getvalue())

    @property
    def size_px(self) -> tuple[int, int]:
        """(width, height) of the PNG [pixels], from its header."""
        return int.from_bytes(self.png[16:20], "big"), int.from_bytes(self.png[20:24], "big")

    def summary(self) -> str:
        """One line for ``text/plain``: the number of axes and the data digest.

        The PNG's pixel size is left out on purpose: it moves with font metrics and text layout, which
        differ between machines, while the digest changes only when the plotted data do.
        """
        axes = len(self.figure.axes)
        return f"<Figure with {axes} Axes; data digest {digest(self.figure)}>"

    def __repr__(self) -> str:  # what a plain Python prompt prints, rather than the PNG's bytes
        return self.summary()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": self.summary()}


def _round(values: Any) -> list[Any]:
    return np.round(np.asarray(values, dtype=float), 6).ravel().tolist()


def digest(fig: Figure) -> str:
    """A short fingerprint of what ``fig`` plots: every axes' limits, scales and texts, and the data of its
    lines, patches, collections and texts (rounded to 6 decimals), hashed.

    It goes into the figure's ``text/plain`` output, which nbval compares, so that a chart whose data
    changes fails validation although the PNG itself is not compared.
    """
    parts: list[Any] = [list(fig.get_size_inches()), [t.get_text() for t in fig.texts]]
    for ax in fig.axes:
        parts += [ax.get_title(loc="left"), ax.get_title(), ax.get_xlabel(), ax.get_ylabel(),
                  ax.get_xscale(), ax.get_yscale(), _round(ax.get_xlim()), _round(ax.get_ylim())]
        for artist in ax.get_children():
            if isinstance(artist, Spine):  # its path follows the last draw, not the data
                continue
            if isinstance(artist, Line2D):
                parts.append(_round(artist.get_xydata()))
            elif isinstance(artist, Patch):
                parts.append(_round(artist.get_patch_transform().transform(artist.get_path().vertices)))
            elif isinstance(artist, Collection):
                parts += [_round(artist.get_offsets())] + [_round(p.vertices) for p in artist.get_paths()]
            elif isinstance(artist, Text):
                parts += [artist.get_text(), _round(artist.get_position())]
            elif isinstance(artist, Legend):
                parts.append([t.get_text() for t in artist.get_texts()])
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:16]


def show(fig: Figure, *, alt: str, sources: str | Iterable[str]) -> None:
    """Display ``fig`` with its source line and a text description, then close it.

    The figure is drawn once, as a PNG cropped to its content like Jupyter's inline backend does, and
    displayed as a :class:`RenderedFigure` (whose ``text/plain`` names its axes and the
    :func:`digest` of its data) with ``alt`` as the image's alt metadata (which the course's deck and
    HTML templates write into ``<img alt>``), followed by the visible description.

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
    ids = source_ids(sources)
    box, _ = _place_source(fig, ids)
    rendered = RenderedFigure.render(fig, box)
    plt.close(fig)
    display(rendered, metadata={"image/png": {"alt": alt}})  # the <img alt> of the decks and HTML pages
    display(
        {
            "text/html": '<p class="figure-description" role="note">'
            f"<strong>Figure description:</strong> {html.escape(alt)}</p>",
            "text/plain": f"Figure description: {alt}",
        },
        raw=True,
        metadata={"course_figure": {"alt": alt, "sources": ids}},
    )
