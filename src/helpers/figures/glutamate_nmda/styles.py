"""Styles and category orders shared by notebook 01's charts (glutamate, the NMDA receptor and ketamine).

:data:`TIME_SCALES` and :data:`STRENGTH_STYLE` describe the columns of ``mechanism_cascade.csv`` as
:func:`helpers.figures.glutamate_nmda.plot_cascade` draws them; ``_CURVE_COLOURS`` are the colours of the
model curves of :func:`helpers.figures.glutamate_nmda.plot_occupancy`.
"""

from __future__ import annotations

from helpers.figures.style import GREY, OKABE_ITO, PALETTE

__all__ = ["STRENGTH_STYLE", "TIME_SCALES"]

#: Order of the time-scale categories of ``mechanism_cascade.csv`` (x axis of :func:`plot_cascade`).
TIME_SCALES: tuple[str, ...] = ("minutes", "hours", "days", "weeks")
#: Marker, colour and legend label for each ``strength`` value of ``mechanism_cascade.csv``.
STRENGTH_STYLE: dict[str, dict[str, str]] = {
    "causal_test": {"marker": "D", "color": PALETTE[0],
                    "label": "causal test (blocking or mimicking the step)"},
    "observed": {"marker": "o", "color": PALETTE[1], "label": "observed change, no causal test"},
    "contested": {"marker": "X", "color": PALETTE[3], "label": "contested"},
}

#: Colours of the model curves of :func:`plot_occupancy` (compounds, not regimens: none of the colours a
#: regimen uses in the bands drawn beside them).
_CURVE_COLOURS: tuple[str, ...] = (OKABE_ITO["black"], OKABE_ITO["reddish_purple"], OKABE_ITO["bluish_green"],
                                   OKABE_ITO["orange"], OKABE_ITO["sky_blue"], GREY, OKABE_ITO["yellow"])
