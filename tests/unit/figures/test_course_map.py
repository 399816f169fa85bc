"""The history timeline plot and the figure helpers it relies on."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import data
from helpers.figures import course_map as timeline
from helpers.figures import rendering
from helpers.figures import style as figure_style


def test_timeline_draws_every_event_with_its_category_marker():
    history = data.load("history")
    fig = timeline.plot_timeline(history, title="A title that states the finding")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == len(history)
    assert all(any(str(y) in t for t in texts) for y in history["year"])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [s["label"] for s in timeline.CATEGORY_STYLE.values()]
    markers = {line.get_marker() for line in ax.lines if line.get_marker() not in ("None", "")}
    assert markers == {s["marker"] for s in timeline.CATEGORY_STYLE.values()}
    plt.close(fig)


@pytest.mark.parametrize(
    ("events", "kwargs", "message"),
    [
        (pd.DataFrame({"year": [2000]}), {}, "events: missing"),
        (pd.DataFrame({"year": [], "event": [], "category": []}), {}, "events: the table is empty"),
        (pd.DataFrame({"year": [2000], "event": ["x"], "category": ["gossip"]}), {}, "events: unknown"),
        (pd.DataFrame({"year": [2000], "event": ["x"], "category": ["science"]}), {"wrap": 3}, "wrap:"),
    ],
)
def test_timeline_bad_input(events, kwargs, message):
    with pytest.raises(ValueError, match=message):
        timeline.plot_timeline(events, title="t", **kwargs)


@pytest.mark.parametrize(("args", "name"), [((0, 1), "nrows"), ((1, -2), "ncols"), ((1.5, 1), "nrows")])
def test_figure_bad_grid(args, name):
    with pytest.raises(ValueError, match=rf"^{name}:"):
        figure_style.figure(*args)


def test_show_refuses_unknown_sources_and_non_figures():
    fig, _ = figure_style.figure()
    with pytest.raises(ValueError, match=r"ids: unknown source id"):
        rendering.show(fig, alt="A figure that cites a source that does not exist.", sources=["nosuch"])
    with pytest.raises(ValueError, match=r"^fig:"):
        rendering.show("not a figure", alt="A figure description that is long enough.", sources=["gao2016"])
    plt.close(fig)


def test_show_publishes_description_with_its_sources(monkeypatch):
    published = []
    monkeypatch.setattr("IPython.display.display",
                        lambda obj, raw=False, metadata=None: published.append((obj, metadata)))
    fig, ax = figure_style.figure()
    ax.plot([0, 1], [0, 1])
    rendering.show(fig, alt="A straight line from zero to one.", sources="gao2016; berman2000")
    (first, _), (description, meta) = published
    assert first.figure is fig and not plt.fignum_exists(fig.number)
    assert description["text/plain"] == "Figure description: A straight line from zero to one."
    assert meta == {"course_figure": {"alt": "A straight line from zero to one.",
                                      "sources": ["gao2016", "berman2000"]}}
    source = [t.get_text() for t in fig.texts if t.get_gid() == "source-line"]
    assert source and source[0].replace("\n", " ").startswith("Source: Gao M et al. (2016)")


def test_labels_on_one_tier_are_far_enough_apart_to_not_overlap():
    years = [1962, 1965, 1970, 1999, 2000, 2014, 2019, 2020, 2025]
    levels = timeline._label_levels(years)
    for tier in set(levels):
        on_tier = [y for y, lv in zip(years, levels, strict=True) if lv == tier]
        gaps = [b - a for a, b in itertools.pairwise(on_tier)]
        assert all(gap >= timeline._LABEL_WIDTH_YEARS for gap in gaps), (tier, on_tier)
    assert {lv > 0 for lv in levels} == {True, False}, "labels go above and below the axis"


def test_markers_of_events_a_year_apart_move_apart_towards_their_labels():
    years = [1962, 1965, 1970, 1999, 2000, 2014, 2019, 2020, 2025]
    levels = timeline._label_levels(years)
    offsets = timeline._marker_offsets(years, levels)
    for i, j in itertools.combinations(range(len(years)), 2):
        if abs(years[i] - years[j]) < timeline._CLOSE_YEARS:
            assert offsets[i] != offsets[j], (years[i], years[j])
            assert offsets[i] * levels[i] > 0, "a moved marker moves towards its own label"
    assert offsets[0] == offsets[2] == 0.0, "markers far from others stay on the axis line"


def test_every_label_fits_inside_the_plot():
    """No label is clipped by the plot's edges (the y limits are fitted to the labels)."""
    history = data.load("history")
    fig = timeline.plot_timeline(history, title="A title that states the finding")
    ax = fig.axes[0]
    fig.canvas.draw()
    plot_box = ax.get_window_extent()
    for text in ax.texts:
        box = text.get_window_extent()
        assert plot_box.y0 <= box.y0 and box.y1 <= plot_box.y1, text.get_text()
    plt.close(fig)


def test_no_stem_passes_through_another_label():
    """Each label sits clear of the stems that lead past it to labels further out."""
    history = data.load("history")
    fig = timeline.plot_timeline(history, title="A title that states the finding")
    ax = fig.axes[0]
    fig.canvas.draw()
    stems = [segment for collection in ax.collections for segment in collection.get_segments()]
    assert len(stems) == len(ax.texts) == len(history)
    for text in ax.texts:
        box = text.get_window_extent()
        for (x, y0), (_, y1) in stems:
            (sx, sy0), (_, sy1) = ax.transData.transform([(x, y0), (x, y1)])
            low, high = sorted((sy0, sy1))
            passes = low < box.y0 and box.y1 < high  # the stem runs past the whole label
            assert not (passes and box.x0 <= sx <= box.x1), (text.get_text(), x)
    plt.close(fig)
