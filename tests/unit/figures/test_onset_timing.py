"""helpers.figures.onset_timing: notebook 03's charts."""

from __future__ import annotations

import math

import matplotlib
import pytest

from helpers.figures import onset_timing, style
from helpers.science import buildup, stats, units

matplotlib.use("Agg")

BAD_NUMBERS = [-1.0, math.nan, math.inf, "3", None]


# --- plots ------------------------------------------------------------------------------------------------
def test_plot_onset_timeline_has_one_row_per_label_fastest_first(studies):
    fig = onset_timing.plot_onset_timeline(studies, title="A finding")
    ax = fig.axes[0]
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert len(labels) == studies["label"].nunique()
    assert labels[0].startswith("Esketamine nasal spray")  # 2 h, the earliest separation
    assert ax.get_xscale() == "log"
    lo, hi = ax.get_xlim()
    assert lo < 1.0 and hi > units.hours(12, "week")
    assert ax.get_title(loc="left") == "A finding"


def test_onset_timeline_says_a_first_separation_is_the_first_time_point_reported(studies):
    """A trial that measures first at 24 h cannot show a 2-h effect: the legend must say so, or IV ketamine
    looks slower than the spray only because its trials measured later."""
    fig = onset_timing.plot_onset_timeline(studies, title="A finding")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any("first time point reported" in text and "not measured" in text for text in legend), legend


def test_plot_onset_timeline_bad_input(studies):
    with pytest.raises(ValueError, match="title"):
        onset_timing.plot_onset_timeline(studies, title=" ")
    with pytest.raises(ValueError, match="milestone"):
        onset_timing.plot_onset_timeline(studies.assign(milestone="peak"), title="t")
    with pytest.raises(ValueError, match="treatment"):
        onset_timing.plot_onset_timeline(studies.assign(treatment="lsd"), title="t")
    with pytest.raises(ValueError, match="time_h"):
        onset_timing.plot_onset_timeline(studies.assign(time_h=0.5), title="t")
    with pytest.raises(ValueError, match="studies"):
        onset_timing.plot_onset_timeline(studies.drop(columns="label"), title="t")


def test_plot_early_response_one_tick_per_arm(responses):
    fig = onset_timing.plot_early_response(responses, title="A finding")
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ticks) == len(responses)
    assert "Placebo spray  1/33" in ticks  # counts shown next to observed arms
    assert "Midazolam" in ticks  # model estimates without counts
    with pytest.raises(ValueError, match="role"):
        onset_timing.plot_early_response(responses.assign(role="other"), title="t")
    with pytest.raises(ValueError, match="title"):
        onset_timing.plot_early_response(responses, title=None)


def test_plot_ssri_build_up_model_without_markers_and_week6_by_definition(ssri):
    k = buildup.calibrate_rate(100 / 3)
    fig = onset_timing.plot_ssri_build_up(ssri, k, title="A finding")
    left, middle, right = fig.axes
    curve = left.get_lines()[0]
    assert max(curve.get_xdata()) == pytest.approx(6.0)  # no extrapolation beyond the data
    assert curve.get_ydata()[-1] == pytest.approx(100.0)
    assert curve.get_marker() in ("None", "", None) and "model" in curve.get_label()
    assert curve.get_color() == style.arm_style("ssri").color
    week6 = [line for line in left.get_lines() if list(line.get_xdata()) == [6]]
    assert len(week6) == 1 and "by definition" in week6[0].get_label()
    assert week6[0].get_markerfacecolor() == "white"  # open: a reference, not a measurement
    assert "reported" not in week6[0].get_label()
    assert len(middle.get_lines()) == 2 and len(right.get_lines()) == 2
    assert [t.get_text() for t in right.get_xticklabels()] == ["response\n(QIDS-SR)", "remission\n(HAM-D)"]


def test_plot_ssri_build_up_bad_input(ssri):
    k = buildup.calibrate_rate(100 / 3)
    with pytest.raises(ValueError, match="rate_per_week"):
        onset_timing.plot_ssri_build_up(ssri, -1, title="t")
    with pytest.raises(ValueError, match="ssri"):
        onset_timing.plot_ssri_build_up(ssri.iloc[0:0], k, title="t")
    with pytest.raises(ValueError, match="ssri"):
        onset_timing.plot_ssri_build_up(ssri[ssri["week"] != 6], k, title="t")
    with pytest.raises(ValueError, match="title"):
        onset_timing.plot_ssri_build_up(ssri, k, title="")


def _arm_lines(ax):
    """(label, data line) of every arm: plain lines, and the data lines of errorbar containers."""
    from_bars = [(c.get_label(), c.lines[0]) for c in ax.containers]
    plain = [(line.get_label(), line) for line in ax.get_lines() if not line.get_label().startswith("_")]
    return plain + from_bars


def test_time_course_panels_and_plots(course):
    panels = onset_timing.time_course_panels(course)
    assert len(panels) == course["panel"].nunique() >= 4
    for panel in panels:
        fig = onset_timing.plot_time_course(course, panel)
        ax = fig.axes[0]
        arms = list(dict.fromkeys(course.loc[course["panel"] == panel, "arm"]))
        assert sorted(label for label, _ in _arm_lines(ax)) == sorted(arms)
        assert ax.get_title(loc="left").replace("\n", " ") == panel
        assert "[" not in ax.get_xlabel() + ax.get_ylabel()  # units in parentheses
        assert "(hours)" in ax.get_xlabel() or "(days)" in ax.get_xlabel()
        alt = onset_timing.time_course_alt(course, panel)
        assert alt.endswith(".") and len(alt) >= 20
    lii = onset_timing.plot_time_course(course, "Lii 2023: MADRS response").axes[0]
    assert lii.get_xlabel() == "Time after the first dose (days)"
    daly = onset_timing.plot_time_course(course, "Daly 2018: MADRS response").axes[0]
    assert daly.get_xlabel() == "Time after the first dose (hours)"
    titled = onset_timing.plot_time_course(course, "Daly 2018: MADRS response", title="A finding").axes[0]
    assert titled.get_title(loc="left") == "A finding"


def test_time_course_arms_in_course_style_with_wilson_intervals(course):
    """n = 20 per arm: every response rate carries its 95 % Wilson interval, each arm its course style."""
    ax = onset_timing.plot_time_course(course, "Lii 2023: MADRS response").axes[0]
    assert len(ax.containers) == 2  # one errorbar container per arm
    for container in ax.containers:
        data_line, _, (bars,) = container.lines
        arm = container.get_label()
        assert data_line.get_color() == style.arm_style(onset_timing.arm_key(arm)).color
        rows = course[(course["panel"] == "Lii 2023: MADRS response") & (course["arm"] == arm)]
        segments = bars.get_segments()
        assert len(segments) == len(rows)
        low, high = stats.wilson_ci(int(rows["events"].iloc[0]), int(rows["n"].iloc[0]))
        ys = sorted(segments[0][:, 1])
        assert ys == pytest.approx([100 * low, 100 * high])
    saline = next(line for label, line in _arm_lines(ax) if label.startswith("Saline"))
    assert saline.get_markerfacecolor() == "white"  # control arms open


def test_time_course_two_time_points_are_not_joined(course):
    """A straight line between 2 h and 24 h would invent a course nobody measured."""
    cases = (("Daly 2018: MADRS response", False), ("Daly 2018: MADRS change from baseline", False),
             ("Lii 2023: MADRS response", True))
    for panel, joined in cases:
        ax = onset_timing.plot_time_course(course, panel).axes[0]
        styles = {line.get_linestyle() for _, line in _arm_lines(ax)}
        assert ("None" not in styles) == joined, (panel, styles)
        notes = " ".join(t.get_text() for t in ax.texts)
        assert ("not joined" in notes) == (not joined)


def test_time_course_options_are_words_with_units(course):
    options = onset_timing.time_course_options(course)
    assert [value for _, value in options] == onset_timing.time_course_panels(course)
    labels = {value: label for label, value in options}
    assert labels["Lii 2023: MADRS response"] == "Lii 2023: responders (%), day 1 to day 14"
    assert (labels["Daly 2018: MADRS change from baseline"]
            == "Daly 2018: mean MADRS change (points), 2 to 24 hours")
    with pytest.raises(ValueError, match="outcome"):
        onset_timing.time_course_options(course.assign(outcome="ham_d"))
    with pytest.raises(ValueError, match="course"):
        onset_timing.time_course_options(course.drop(columns="time_h"))


def test_time_course_bad_input(course):
    with pytest.raises(ValueError, match="panel"):
        onset_timing.plot_time_course(course, "Zarate 2006")
    with pytest.raises(ValueError, match="panel"):
        onset_timing.time_course_alt(course, "Zarate 2006")
    with pytest.raises(ValueError, match="course"):
        onset_timing.plot_time_course(course.drop(columns="value"), "Lii 2023: MADRS response")
    with pytest.raises(ValueError, match="course"):
        onset_timing.time_course_panels([])
    with pytest.raises(ValueError, match="title"):
        onset_timing.plot_time_course(course, "Lii 2023: MADRS response", title="")
    with pytest.raises(ValueError, match="arm"):
        onset_timing.plot_time_course(course.assign(arm="Psilocybin"), "Lii 2023: MADRS response")


# --- styles, titles, labels ---------------------------------------------------------------------------------
def test_every_arm_of_the_tables_has_a_course_style(responses, course):
    for arm in {*responses["arm"], *course["arm"]}:
        assert onset_timing.arm_key(arm) in style.ARM_STYLES
    assert onset_timing.arm_key("Midazolam") == "midazolam"
    assert onset_timing.arm_key("Esketamine 84 mg") == "esketamine_84"


@pytest.mark.parametrize("arm", ["Psilocybin", "", None, 84, "esketamine 84 mg"])
def test_arm_key_rejects_unknown_arms(arm):
    with pytest.raises(ValueError, match="arm"):
        onset_timing.arm_key(arm)


def test_author_year():
    assert onset_timing.author_year("daly2018") == "Daly 2018"
    with pytest.raises(ValueError):
        onset_timing.author_year("nosuchsource1999")


def test_fit_title_keeps_a_long_title_within_the_axes():
    fig, ax = style.figure(figsize=(6, 4))
    long = "A finding stated in many words, far too long to fit on one line above a six-inch chart " * 2
    onset_timing.fit_title(ax, long)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    title = ax.title.get_window_extent(renderer)
    axes = ax.get_window_extent(renderer)
    assert title.x1 <= axes.x1 + 1 and "\n" in ax.get_title(loc="left")
    assert ax.get_title(loc="left").replace("\n", " ") == long.strip()


@pytest.mark.parametrize("bad", [0, -3, math.nan, "15", None])
def test_fit_title_rejects_bad_font_sizes(bad):
    _, ax = style.figure()
    with pytest.raises(ValueError, match="fontsize"):
        onset_timing.fit_title(ax, "A finding", fontsize=bad)
    with pytest.raises(ValueError, match="title"):
        onset_timing.fit_title(ax, " ")


def test_titles_of_all_charts_stay_within_their_axes(studies, responses, course):
    long = "Control-arm response ranges from 1 % to 50 %: the comparison sets the apparent effect"
    figures = [onset_timing.plot_onset_timeline(studies, title=long + long),
               onset_timing.plot_early_response(responses, title=long),
               onset_timing.plot_time_course(course, "Lii 2023: MADRS response", title=long)]
    for fig in figures:
        ax = fig.axes[0]
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        assert ax.title.get_window_extent(renderer).x1 <= ax.get_window_extent(renderer).x1 + 1


def test_early_response_is_not_called_a_forest_plot_and_uses_course_styles(responses):
    fig = onset_timing.plot_early_response(responses, title="A finding")
    ax = fig.axes[0]
    assert (onset_timing.plot_early_response.__doc__ or "").startswith("Dot-and-interval chart")
    assert "(%" in ax.get_xlabel() and "[" not in ax.get_xlabel()
    legend = " ".join(t.get_text() for t in ax.get_legend().get_texts())
    assert "open" in legend and "filled" in legend and "95 %" in legend
    for container in ax.containers:
        line = container.lines[0]
        assert line.get_markerfacecolor() in ("white", line.get_color())
    headers = " ".join(t.get_text() for t in ax.texts)
    assert "Wilson" in headers


def test_onset_timeline_explains_drug_family_colours_in_the_legend(studies):
    fig = onset_timing.plot_onset_timeline(studies, title="A finding")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    families = {family for family, _ in onset_timing.FAMILY_STYLE.values()}
    for family in families:
        assert any(family in text for text in legend), family
    ticks = " ".join(t.get_text() for t in fig.axes[0].get_yticklabels())
    assert "(Daly 2018)" in ticks and "daly2018" not in ticks  # sources in words, not ids
