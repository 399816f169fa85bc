"""Accessibility of the course's figures: colour-vision deficiency, slide legibility, alt text.

Colour-vision deficiency is simulated with the physiologically based model of

    Machado GM, Oliveira MM, Fernandes LAF (2009). A physiologically-based model for simulation of color
    vision deficiency. IEEE Transactions on Visualization and Computer Graphics 15(6):1291-1298.
    doi:10.1109/TVCG.2009.113

using its published 3x3 matrices for protanopia and deuteranopia at severity 1.0 (complete dichromacy),
applied to linear-light sRGB. Colours are compared in CIELAB (D65 white) by the CIE 1976 colour difference
ΔE*ab. The threshold :data:`MIN_DELTA_E` is a design choice of this course: several times a
just-noticeable difference, so that two series stay apart at a glance on a projector.
"""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path
from typing import Any

import matplotlib
import nbformat
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D

from course_tools import cells
from helpers.figures import rendering
from helpers.figures import style as figure_style
from tests.support import NOTEBOOKS

matplotlib.use("Agg")

#: Machado et al. (2009), severity 1.0, linear RGB -> simulated linear RGB.
MACHADO_2009: dict[str, np.ndarray] = {
    "protanopia": np.array([
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]),
    "deuteranopia": np.array([
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]),
}
MIN_DELTA_E = 15.0  # [ΔE*ab, CIE 1976] smallest allowed difference between two series colours

#: sRGB (D65) linear RGB -> CIE XYZ (IEC 61966-2-1).
_RGB_TO_XYZ = np.array([
    [0.4124, 0.3576, 0.1805],
    [0.2126, 0.7152, 0.0722],
    [0.0193, 0.1192, 0.9505],
])
_WHITE_XYZ = _RGB_TO_XYZ @ np.ones(3)

MIN_TEXT_PT = 12.0  # [pt] smallest titles, labels, ticks and legends on a projected slide
MIN_SOURCE_PT = 9.0  # [pt] the small print (source line under a chart)
TEXT_SIZE_KEYS = (
    "font.size", "axes.titlesize", "axes.labelsize", "xtick.labelsize", "ytick.labelsize",
    "legend.fontsize", "figure.titlesize",
)


# --- colour science (small, so that the test has no extra dependency) -------------------------------------
def hex_to_rgb(colour: str) -> np.ndarray:
    """``"#RRGGBB"`` -> sRGB in [0, 1]."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"colour: expected #RRGGBB, got {colour!r}")
    return np.array([int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)])


def srgb_to_linear(rgb: np.ndarray) -> np.ndarray:
    """Undo the sRGB transfer function (IEC 61966-2-1)."""
    rgb = np.asarray(rgb, dtype=float)
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def linear_to_lab(linear: np.ndarray) -> np.ndarray:
    """Linear sRGB -> CIELAB (D65)."""
    xyz = _RGB_TO_XYZ @ np.clip(linear, 0.0, 1.0) / _WHITE_XYZ
    delta = 6 / 29
    f = np.where(xyz > delta**3, np.cbrt(xyz), xyz / (3 * delta**2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def simulated_lab(colour: str, deficiency: str | None) -> np.ndarray:
    """CIELAB of ``colour`` as seen with ``deficiency`` (``None``: typical colour vision)."""
    linear = srgb_to_linear(hex_to_rgb(colour))
    if deficiency is not None:
        linear = MACHADO_2009[deficiency] @ linear
    return linear_to_lab(linear)


def delta_e(a: str, b: str, deficiency: str | None) -> float:
    """CIE 1976 ΔE*ab between two colours under a simulated deficiency."""
    return float(np.linalg.norm(simulated_lab(a, deficiency) - simulated_lab(b, deficiency)))


# --- the simulation itself behaves ------------------------------------------------------------------------
@pytest.mark.parametrize("deficiency", sorted(MACHADO_2009))
def test_simulation_keeps_greys_grey(deficiency: str) -> None:
    """Machado's matrices map white to white (rows sum to 1), so greys are unchanged."""
    np.testing.assert_allclose(MACHADO_2009[deficiency].sum(axis=1), 1.0, atol=1e-3)
    assert delta_e("#808080", "#808080", deficiency) == 0.0
    grey = simulated_lab("#808080", deficiency)
    assert abs(grey[1]) < 0.5 and abs(grey[2]) < 0.5


@pytest.mark.parametrize(("deficiency", "red", "green"), [
    ("protanopia", "#FF0000", "#008000"),  # pure red and HTML "green"
    ("deuteranopia", "#D62728", "#2CA02C"),  # matplotlib's "tab:red" and "tab:green"
])
def test_check_catches_a_red_green_pair(deficiency: str, red: str, green: str) -> None:
    """The check is able to fail: a red/green pair collapses under red-green dichromacy."""
    assert delta_e(red, green, None) > MIN_DELTA_E
    assert delta_e(red, green, deficiency) < MIN_DELTA_E


@given(st.sampled_from([None, *sorted(MACHADO_2009)]),
       st.integers(0, 0xFFFFFF), st.integers(0, 0xFFFFFF))
def test_delta_e_is_a_symmetric_distance(deficiency: str | None, a: int, b: int) -> None:
    ca, cb = f"#{a:06X}", f"#{b:06X}"
    assert delta_e(ca, cb, deficiency) == pytest.approx(delta_e(cb, ca, deficiency))
    assert delta_e(ca, ca, deficiency) == 0.0
    assert delta_e(ca, cb, deficiency) >= 0.0


@pytest.mark.parametrize("bad", ["#12345", "red", "", "#1234567"])
def test_hex_to_rgb_rejects_bad_colours(bad: str) -> None:
    with pytest.raises(ValueError, match="colour"):
        hex_to_rgb(bad)


# --- the course palette -----------------------------------------------------------------------------------
@pytest.mark.parametrize("deficiency", [None, *sorted(MACHADO_2009)])
def test_palette_distinguishable(deficiency: str | None) -> None:
    """Every pair of series colours stays at least MIN_DELTA_E apart, with and without CVD."""
    too_close = [
        (a, b, round(delta_e(a, b, deficiency), 1))
        for a, b in itertools.combinations(figure_style.PALETTE, 2)
        if delta_e(a, b, deficiency) < MIN_DELTA_E
    ]
    assert not too_close, f"colours too similar under {deficiency or 'typical vision'}: {too_close}"


def test_palette_is_okabe_ito_without_duplicates() -> None:
    assert len(set(figure_style.PALETTE)) == len(figure_style.PALETTE)
    assert set(figure_style.PALETTE) <= set(figure_style.OKABE_ITO.values())


def test_palette_has_no_pure_red_green_pair() -> None:
    """No red next to green: the hue pair red-green dichromats confuse most."""
    names = {v: k for k, v in figure_style.OKABE_ITO.items()}
    used = {names[c] for c in figure_style.PALETTE}
    assert not ({"red", "green"} <= used)


# --- slide legibility -------------------------------------------------------------------------------------
def _points(size: object) -> float:
    return FontProperties(size=size).get_size_in_points()


@pytest.mark.parametrize("key", TEXT_SIZE_KEYS)
def test_style_text_is_readable_on_a_slide(key: str) -> None:
    figure_style.use()
    size = matplotlib.rcParams[key]
    assert _points(size) >= MIN_TEXT_PT, f"{key} = {size!r} is smaller than {MIN_TEXT_PT} pt"


def test_style_file_sets_the_sizes_itself() -> None:
    """The sizes come from course.mplstyle, not from matplotlib's defaults that may change."""
    params = matplotlib.rc_params_from_file(figure_style.STYLE_FILE, use_default_template=False)
    for key in ("font.size", "axes.titlesize", "axes.labelsize", "xtick.labelsize", "ytick.labelsize",
                "legend.fontsize"):
        assert key in params, f"{key} missing from {figure_style.STYLE_FILE.name}"
        assert _points(params[key]) >= MIN_TEXT_PT


def test_source_line_is_readable() -> None:
    assert rendering.SOURCE_FONTSIZE >= MIN_SOURCE_PT


def test_lines_and_markers_are_visible() -> None:
    figure_style.use()
    assert matplotlib.rcParams["lines.linewidth"] >= 2.0  # [pt]
    assert matplotlib.rcParams["lines.markersize"] >= 6.0  # [pt]


# --- no information carried by colour alone ---------------------------------------------------------------
def _drawn_dash_patterns(fig: Any, lines: list[Line2D]) -> list[str]:
    """The dash pattern each of ``lines`` is drawn with, read from the figure rendered as SVG.

    Reading what the renderer writes (``stroke-dasharray``) avoids matplotlib's private dash attributes.
    """
    for i, line in enumerate(lines):
        line.set_gid(f"series-{i}")
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    styles = dict(re.findall(r'<g id="series-(\d+)">\s*<path[^>]*style="([^"]*)"', buffer.getvalue()))
    assert len(styles) == len(lines), "every line must appear in the rendered SVG"
    dashes = [re.search(r"stroke-dasharray: ([^;]+)", styles[str(i)]) for i in range(len(lines))]
    return [m.group(1) if m else "solid" for m in dashes]


def _dash_pattern(linestyle: object) -> str:
    """The dash pattern matplotlib draws for ``linestyle`` on a line 1 pt wide."""
    fig, ax = matplotlib.pyplot.subplots()
    try:
        line = ax.plot([0, 1], [0, 0], linestyle=linestyle, linewidth=1.0)[0]
        return _drawn_dash_patterns(fig, [line])[0]
    finally:
        matplotlib.pyplot.close(fig)


def test_dash_pattern_reader_tells_styles_apart() -> None:
    assert _dash_pattern("-") == "solid"
    assert _dash_pattern("--") != _dash_pattern(":") != _dash_pattern("solid")
    assert _dash_pattern("--") == _dash_pattern("dashed")


def test_markers_and_linestyles_pair_with_every_colour() -> None:
    assert len(figure_style.MARKERS) == len(figure_style.PALETTE)
    assert len(figure_style.LINESTYLES) == len(figure_style.PALETTE)
    assert len(set(figure_style.MARKERS)) == len(figure_style.MARKERS), "markers must all differ"
    patterns = [_dash_pattern(ls) for ls in figure_style.LINESTYLES]
    assert len(set(patterns)) == len(patterns), f"line styles must all differ: {figure_style.LINESTYLES}"


def test_style_cycle_pairs_colour_with_linestyle() -> None:
    """The style's property cycle changes line style together with colour, in PALETTE order."""
    figure_style.use()
    cycle = matplotlib.rcParams["axes.prop_cycle"].by_key()
    assert "linestyle" in cycle, "the colour cycle must also cycle line styles"
    colours = [matplotlib.colors.to_hex(c).upper() for c in cycle["color"]]
    assert colours == [c.upper() for c in figure_style.PALETTE]
    expected = [_dash_pattern(ls) for ls in figure_style.LINESTYLES]
    assert [_dash_pattern(ls) for ls in cycle["linestyle"]] == expected


def test_default_lines_differ_by_more_than_colour() -> None:
    """Two series drawn with the style's defaults differ in dash pattern, not only colour."""
    fig, ax = figure_style.figure()
    try:
        lines = [ax.plot([0, 1], [i, i])[0] for i in range(len(figure_style.PALETTE))]
        patterns = _drawn_dash_patterns(fig, lines)
        assert len(set(patterns)) == len(lines), patterns
    finally:
        matplotlib.pyplot.close(fig)


# --- alt text ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("alt", [None, "", "   ", "Too short.", "A chart without a final full stop"])
def test_figure_without_alt_text_fails(alt: object) -> None:
    fig, _ = figure_style.figure()
    try:
        with pytest.raises(ValueError, match="alt"):
            rendering.show(fig, alt=alt, sources=["any"])  # type: ignore[arg-type]
    finally:
        matplotlib.pyplot.close(fig)


def test_figure_without_alt_keyword_fails() -> None:
    fig, _ = figure_style.figure()
    try:
        with pytest.raises(TypeError, match="alt"):
            rendering.show(fig, sources=["any"])  # type: ignore[call-arg]
    finally:
        matplotlib.pyplot.close(fig)


def test_show_prints_the_description(tmp_path, monkeypatch, capsys) -> None:
    """A figure with alt text is displayed with a ``figure-description`` paragraph right after it."""
    (tmp_path / "sources.csv").write_text(
        "id,authors,year,title,journal,doi,pmid,pmcid,url,kind,notes\n"
        "machado2009,\"Machado GM, Oliveira MM, Fernandes LAF\",2009,"
        "A physiologically-based model for simulation of color vision deficiency,"
        "IEEE Trans Vis Comput Graph,10.1109/TVCG.2009.113,,,,reference_work,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KETAMINE_DATA_DIR", str(tmp_path))  # the cache is keyed by path: no clearing
    shown: list[object] = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **_kwargs: shown.append(obj))
    fig, ax = figure_style.figure()
    ax.plot([0, 1], [0, 1])
    rendering.show(fig, alt="A straight line rising from zero to one.", sources=["machado2009"])
    assert len(shown) == 2 and shown[0].figure is fig
    description = shown[1]
    assert isinstance(description, dict)
    assert '<p class="figure-description"' in description["text/html"]
    assert "A straight line rising from zero to one." in description["text/plain"]
    source_texts = [t.get_text() for t in fig.texts if t.get_gid() == "source-line"]
    assert source_texts == ["Source: Machado GM et al. (2009) doi:10.1109/TVCG.2009.113"]


# --- interactive cells: a figure for everyone, a kernel or not --------------------------------------------
LOOK_BACK = 2  # code cells before a widget cell that may hold its static figure


def _widget_cells(path: Path) -> list[tuple[int, list[Any]]]:
    """``(index, code cells before it)`` for every widget cell of a notebook."""
    nb = nbformat.read(path, as_version=4)
    found = []
    for index, cell in enumerate(nb.cells):
        if cells.is_widget(cell):
            before = [c for c in nb.cells[:index] if c.cell_type == "code"][-LOOK_BACK:]
            found.append((index, [*before, cell]))
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_widget_cells_have_a_static_figure(path: Path) -> None:
    """Decks, nbval and students without a running kernel see a figure next to every interactive cell."""
    missing = [
        index for index, cells in _widget_cells(path)
        if not any("image/png" in out.get("data", {}) for c in cells for out in c.get("outputs", []))
    ]
    assert not missing, (f"widget cells {missing} have no saved figure in the {LOOK_BACK} code cells "
                         "before them (or in the cell itself)")
