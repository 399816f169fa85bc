"""Notebook 05's chart styles and constants: the grey concentration bands and the event charts' sizes.

:data:`BAND_EFFECTS` and :data:`BAND_LOOK` say which concentration–effect bands the regimen chart and the
position table show and how each band is drawn (grey and hatched, never in a series colour);
:data:`MIN_ROW_HEIGHT_IN` and the private constants size and colour the excess-over-placebo and
session-timeline charts (the label's pooled esketamine arm keeps the esketamine spray's course style).
"""

from __future__ import annotations

__all__ = ["BAND_EFFECTS", "BAND_LOOK", "MIN_ROW_HEIGHT_IN"]

# --- the regimens over the concentration bands -----------------------------------------------------------
#: The effects the concentration chart and the position table show, lowest first.
BAND_EFFECTS: tuple[str, ...] = ("dissociation", "hallucinations", "anaesthesia")
#: Grey fill and hatching of each band (never a series colour), and its label. A single value is a line.
BAND_LOOK: dict[str, dict[str, str]] = {
    "dissociation": {"color": "#ededed", "hatch": "//", "label": "Dissociation"},
    "hallucinations": {"color": "#555555", "hatch": "", "label": "Hallucination study\n(one study's mean)"},
    "anaesthesia": {"color": "#dedede", "hatch": "\\\\", "label": "General anaesthesia"},
}

# --- altered-state events and every event of the label: drug beside placebo, excess with its interval ------
MIN_ROW_HEIGHT_IN = 0.45  # [in] height of one event's row, so that rows and markers never touch
_INK = "#222222"  # markers that are not a regimen or arm (no series colour)
_LEGEND_IN = 0.75  # [in] space under the panels for the two-row legend
_DRUG = "esketamine_84"  # the label's pooled arm (56 or 84 mg) is drawn in the esketamine spray's colour
_ARM_LABELS = ("Esketamine 56 or 84 mg + oral antidepressant", "Placebo spray + oral antidepressant")
