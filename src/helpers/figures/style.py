"""The course's figure style: colour-blind-safe palette, markers and line styles, ``figure()`` and log axes.

Every chart of the course uses :func:`figure` (which applies ``course.mplstyle``) and tells series apart by
colour *and* marker or line style, so no information is carried by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import NullFormatter, StrMethodFormatter

__all__ = [
    "ARM_STYLES",
    "GREY",
    "LINESTYLES",
    "MARKERS",
    "OKABE_ITO",
    "PALETTE",
    "STYLE_FILE",
    "ArmStyle",
    "arm_style",
    "data_style",
    "figure",
    "log_scale",
    "model_style",
    "use",
]

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


#: A mid grey for control arms that are not the drug (contrast 4.5:1 on white).
GREY = "#767676"


#: Series colours in the order of the style's colour cycle.
PALETTE: list[str] = [OKABE_ITO[k] for k in
                      ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black")]


#: Markers paired with :data:`PALETTE`, so that series differ by shape as well as colour.
MARKERS: list[str] = ["o", "s", "^", "D", "v", "P", "X"]


#: Line styles paired with :data:`PALETTE` (the same as the style's cycle).
LINESTYLES: list[Any] = ["-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 1)), (0, (3, 1, 1, 1, 1, 1))]


@dataclass(frozen=True)
class ArmStyle:
    """How one regimen or trial arm looks in every chart of the course.

    Parameters
    ----------
    label
        The words a legend shows.
    color
        One of :data:`OKABE_ITO`, or :data:`GREY` for an active placebo.
    marker
        The marker of measured data (never drawn on model curves).
    linestyle
        The line style of a model curve or of lines joining measured points.
    """

    label: str
    color: str
    marker: str
    linestyle: Any


#: One style per regimen and per control arm, across the whole course: notebooks 02–05 and 07 draw the same
#: regimen in the same colour, marker and line style. Keys of the modelled regimens are those of
#: :data:`helpers.science.regimens.REGIMENS`.
ARM_STYLES: dict[str, ArmStyle] = {
    "antidepressant_infusion": ArmStyle("Ketamine 0.5 mg/kg IV over 40 min", OKABE_ITO["blue"], "o", "-"),
    "anaesthetic_induction": ArmStyle("Ketamine 2 mg/kg IV bolus", OKABE_ITO["vermillion"], "D", "-."),
    "esketamine_56": ArmStyle("Esketamine 56 mg nasal", OKABE_ITO["sky_blue"], "^", ":"),
    "esketamine_84": ArmStyle("Esketamine 84 mg nasal", OKABE_ITO["bluish_green"], "s", "--"),
    "ketamine_other_dose": ArmStyle("Ketamine, another dose", OKABE_ITO["reddish_purple"], "v",
                                    (0, (5, 1, 1, 1))),
    "ssri": ArmStyle("SSRI", OKABE_ITO["orange"], "P", (0, (3, 1, 1, 1, 1, 1))),
    "midazolam": ArmStyle("Midazolam (active placebo)", GREY, "X", (0, (5, 2))),
    "placebo": ArmStyle("Placebo", OKABE_ITO["black"], "o", (0, (1, 1))),
    # notebook 07's comparators: a conventional drug (orange, as the SSRI) and a non-drug treatment
    "quetiapine_xr": ArmStyle("Quetiapine extended release", OKABE_ITO["orange"], "s", "--"),
    "ect": ArmStyle("Electroconvulsive therapy (ECT)", OKABE_ITO["black"], "D", "-."),
}


def arm_style(key: str) -> ArmStyle:
    """The course's style of a regimen or arm (a key of :data:`ARM_STYLES`).

    Raises
    ------
    ValueError
        ``key`` is not a known regimen or arm.
    """
    if key not in ARM_STYLES:
        raise ValueError(f"key: unknown regimen or arm {key!r}; known: {', '.join(ARM_STYLES)}")
    return ARM_STYLES[key]


def model_style(key: str) -> dict[str, Any]:
    """``plot`` keyword arguments for a *model* curve of ``key``: colour and line style, no markers
    (markers would read as measurements)."""
    style = arm_style(key)
    return {"color": style.color, "linestyle": style.linestyle, "marker": "None"}


def data_style(key: str) -> dict[str, Any]:
    """``plot``/``errorbar`` keyword arguments for *measured* points of ``key``: colour and marker."""
    style = arm_style(key)
    return {"color": style.color, "marker": style.marker}


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


def log_scale(ax: Any, axis: str = "x") -> None:
    """Give ``ax`` a logarithmic ``axis`` ("x" or "y") labelled with plain numbers.

    Decades read "0.1, 1, 10, 100, 1,000" rather than matplotlib's default powers of ten (10⁻¹, 10⁰ …),
    which are harder to read next to units such as ng/mL; minor ticks stay unlabelled.
    """
    if axis not in ("x", "y"):
        raise ValueError(f"axis: 'x' or 'y', got {axis!r}")
    getattr(ax, f"set_{axis}scale")("log")
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(StrMethodFormatter("{x:,g}"))
    target.set_minor_formatter(NullFormatter())
