"""helpers.figures.rendering: one PNG per figure, cropped, with its source line and a data digest."""

from __future__ import annotations

import base64
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from helpers.figures import rendering
from tests.support.synthetic import line_figure


def _rendered(fig: plt.Figure) -> rendering.RenderedFigure:
    box, _ = rendering._place_source(fig, ["berman2000"])
    return rendering.RenderedFigure.render(fig, box)


# --- digest -------------------------------------------------------------------------------------------------
def test_digest_is_stable_for_the_same_chart():
    first, second = line_figure([0.0, 1.0, 2.0]), line_figure([0.0, 1.0, 2.0])
    assert rendering.digest(first) == rendering.digest(second)
    assert len(rendering.digest(first)) == 16


@pytest.mark.parametrize("change", ["data", "title", "limits", "scale", "legend", "bar", "text"])
def test_digest_changes_when_what_the_chart_shows_changes(change):
    base = line_figure([0.0, 1.0, 2.0])
    fig = line_figure([0.0, 1.0, 2.0])
    ax = fig.axes[0]
    if change == "data":
        ax.lines[0].set_ydata([0.0, 1.0, 2.5])
    elif change == "title":
        ax.set_title("A falling line")
    elif change == "limits":
        ax.set_ylim(0, 10)
    elif change == "scale":
        ax.set_yscale("log")
    elif change == "legend":
        ax.legend(["another series"])
    elif change == "bar":
        ax.bar([1.0], [0.5])
    else:
        ax.text(1.0, 1.0, "note")
    assert rendering.digest(fig) != rendering.digest(base)


def test_digest_ignores_differences_below_its_rounding():
    fig = line_figure([0.0, 1.0, 2.0])
    nudged = line_figure([0.0, 1.0 + 1e-9, 2.0])
    assert rendering.digest(fig) == rendering.digest(nudged)


# --- rendering ----------------------------------------------------------------------------------------------
def test_rendered_figure_matches_savefig_tight():
    """One draw cropped to the measured box gives the same pixels as matplotlib's own tight crop."""
    fig = line_figure([0.0, 1.0, 2.0])
    rendered = _rendered(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=fig.dpi)
    ours = np.asarray(Image.open(io.BytesIO(rendered.png)).convert("RGB"))
    theirs = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    assert ours.shape == theirs.shape
    assert np.array_equal(ours, theirs)
    plt.close(fig)


def test_a_tight_laid_out_figure_is_drawn_once(monkeypatch):
    """``fig.tight_layout()`` leaves a placeholder layout engine; savefig would make a dry-run draw for it."""
    fig = line_figure([0.0, 1.0, 2.0])
    fig.tight_layout()
    box, _ = rendering._place_source(fig, ["berman2000"])
    expected = io.BytesIO()
    fig.savefig(expected, format="png", bbox_inches=box, dpi=fig.dpi)  # still with the placeholder
    draws = []
    draw = plt.Figure.draw

    def counted(self, renderer):
        draws.append(renderer)
        return draw(self, renderer)

    monkeypatch.setattr(plt.Figure, "draw", counted)
    rendered = rendering.RenderedFigure.render(fig, box)
    assert len(draws) == 1
    ours = np.asarray(Image.open(io.BytesIO(rendered.png)))
    assert np.array_equal(ours, np.asarray(Image.open(expected)))  # the placeholder changed nothing drawn
    plt.close(fig)


def test_the_png_carries_no_metadata():
    """Its bytes depend on the pixels only, not on matplotlib's version string."""
    rendered = _rendered(line_figure([0.0, 1.0, 2.0]))
    assert rendered.png.startswith(b"\x89PNG")
    assert not {b"tEXt", b"iTXt", b"zTXt"} & set(_chunk_types(rendered.png))
    plt.close("all")


def _chunk_types(png: bytes) -> list[bytes]:
    types, at = [], 8
    while at < len(png):
        length = int.from_bytes(png[at:at + 4], "big")
        types.append(png[at + 4:at + 8])
        at += 12 + length
    return types


def test_rendered_figure_shows_as_png_with_a_summary():
    fig = line_figure([0.0, 1.0, 2.0])
    rendered = _rendered(fig)
    bundle = rendered._repr_mimebundle_()
    png = base64.b64decode(bundle["image/png"])
    assert png == rendered.png and png.startswith(b"\x89PNG")
    width, height = Image.open(io.BytesIO(png)).size
    assert rendered.size_px == (width, height)
    assert bundle["text/plain"] == f"<Figure with 1 Axes; data digest {rendering.digest(fig)}>"
    assert "px" not in bundle["text/plain"], "nbval compares text/plain: no machine-dependent pixel size"
    assert repr(rendered) == bundle["text/plain"]  # outside a notebook: the summary, not the PNG bytes
    plt.close(fig)


def test_source_line_sits_under_everything_else():
    fig = line_figure([0.0, 1.0, 2.0])
    fig.axes[0].legend(loc="upper left", bbox_to_anchor=(0.0, -0.15))  # a legend below the axes
    box, line = rendering._place_source(fig, ["berman2000"])
    renderer = fig.canvas.get_renderer()
    source = next(t for t in fig.texts if t.get_gid() == "source-line")
    legend = fig.axes[0].get_legend().get_window_extent(renderer)
    assert source.get_window_extent(renderer).y1 <= legend.y0
    assert line.startswith("Source: Berman")
    assert box.y0 * fig.dpi <= source.get_window_extent(renderer).y0
    plt.close(fig)
