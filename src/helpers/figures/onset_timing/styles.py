"""Notebook 03's chart styles and shared labelling: the time axis, milestone and family styles, arm keys.

The constants say how each thing is drawn (:data:`TIME_TICKS_H`, :data:`MILESTONE_STYLE`,
:data:`FAMILY_STYLE`, :data:`ARM_KEYS`); the small helpers turn them into labels every chart of the notebook
uses: :func:`arm_key` (an arm's course style), :func:`author_year` (a source as "Daly 2018") and
:func:`fit_title` (a title wrapped to the width of its axes).
"""

from __future__ import annotations

import re
import textwrap

from matplotlib.axes import Axes

from helpers._validate import real
from helpers._validate import title as check_title
from helpers.data import citation

__all__ = [
    "ARM_KEYS",
    "FAMILY_STYLE",
    "MILESTONE_STYLE",
    "TIME_TICKS_H",
    "arm_key",
    "author_year",
    "fit_title",
]

#: Ticks of the common logarithmic time axis: (hours, label), from 1 hour to 12 weeks.
TIME_TICKS_H: tuple[tuple[float, str], ...] = (
    (1.0, "1 h"), (2.0, "2 h"), (6.0, "6 h"), (24.0, "1 d"), (72.0, "3 d"), (168.0, "1 wk"),
    (336.0, "2 wk"), (672.0, "4 wk"), (1344.0, "8 wk"), (2016.0, "12 wk"),
)


#: Marker and fill of each milestone in the timeline (shape, not colour, tells milestones apart). The data
#: call the first milestone ``first_separation``, but it is the first time point a source *reports*: nothing
#: earlier was measured, so it is a ceiling on the onset, not the onset itself.
MILESTONE_STYLE: dict[str, dict[str, object]] = {
    "first_separation": {
        "marker": "o", "filled": True,
        "label": "drug already ahead at the first time point reported (not measured earlier)",
    },
    "full_effect": {"marker": "s", "filled": True, "label": "largest or end-of-course effect reported"},
    "fading": {"marker": "X", "filled": True, "label": "effect fading (relapse)"},
    "no_separation": {"marker": "D", "filled": False, "label": "no difference when fully masked"},
}


#: Drug family of each treatment in the timeline: (words for the legend, the course style that gives the
#: family its colour).
FAMILY_STYLE: dict[str, tuple[str, str]] = {
    "esketamine_nasal": ("esketamine nasal spray", "esketamine_84"),
    "esketamine_plus_oral_ad": ("esketamine nasal spray", "esketamine_84"),
    "ketamine_iv": ("ketamine infusion (IV)", "antidepressant_infusion"),
    "ketamine_iv_masked": ("ketamine infusion (IV)", "antidepressant_infusion"),
    "ssri": ("SSRIs and other conventional antidepressants", "ssri"),
    "antidepressant_any": ("SSRIs and other conventional antidepressants", "ssri"),
    "citalopram": ("SSRIs and other conventional antidepressants", "ssri"),
}


#: The course style (a key of ``ARM_STYLES``) of every arm named in ``early_response`` and
#: ``onset_time_course``. The pooled TRANSFORM esketamine arm (56 or 84 mg) takes the 84-mg style.
ARM_KEYS: dict[str, str] = {
    "Saline": "placebo",
    "Placebo spray": "placebo",
    "Saline during anaesthesia": "placebo",
    "New oral antidepressant + placebo spray": "placebo",
    "Midazolam": "midazolam",
    "Ketamine (saline-controlled trials)": "antidepressant_infusion",
    "Ketamine (midazolam-controlled trials)": "antidepressant_infusion",
    "Ketamine 0.5 mg/kg during anaesthesia": "antidepressant_infusion",
    "Esketamine 28 mg": "ketamine_other_dose",
    "Esketamine 56 mg": "esketamine_56",
    "Esketamine 84 mg": "esketamine_84",
    "Esketamine spray + new oral antidepressant": "esketamine_84",
}


def arm_key(arm: str) -> str:
    """The course style key (``ARM_STYLES``) of an arm named in notebook 03's tables.

    Raises
    ------
    ValueError
        ``arm`` is not one of :data:`ARM_KEYS`.
    """
    if not isinstance(arm, str) or arm not in ARM_KEYS:
        raise ValueError(f"arm: no course style for {arm!r}; known arms: {', '.join(ARM_KEYS)}")
    return ARM_KEYS[arm]


def author_year(source_id: str) -> str:
    """A source as "Daly 2018" (first author's surname and year), for labels a student reads."""
    short = citation(source_id, short=True)
    match = re.match(r"^(\S+).*\((\d{4}[a-z]?)\)$", short)
    return f"{match.group(1)} {match.group(2)}" if match else short


def fit_title(ax: Axes, title: str, *, fontsize: float = 15.0) -> str:
    """Set ``title`` on ``ax``, wrapped so that it stays within the axes' width; returns the wrapped text.

    Parameters
    ----------
    ax
        The axes the title belongs to.
    title
        A non-empty title that states the finding.
    fontsize
        Font size [points], > 0; a bold character is about 0.62 of it wide.
    """
    title = check_title(title)
    size_pt = real("fontsize", fontsize, min_value=0.0, strict_min=True)
    fig = ax.get_figure()
    width_in = fig.get_figwidth() * ax.get_position().width
    chars = max(20, int(width_in * 72 / (0.62 * size_pt)))
    wrapped = "\n".join(textwrap.wrap(title, chars, break_on_hyphens=False))
    ax.set_title(wrapped, fontsize=size_pt, loc="left")
    return wrapped
