"""Notebook 05's chart styles and constants: the grey concentration bands and the event charts' sizes.

:data:`BAND_EFFECTS` (notebook 02's, so both notebooks show the same bands in the same style) says which
concentration–effect bands the regimen chart and the position table show;
:data:`MIN_ROW_HEIGHT_IN` and the private constants size and colour the excess-over-placebo and
session-timeline charts (the label's pooled esketamine arm keeps the esketamine spray's course style).
"""

from __future__ import annotations

# The regimens over the concentration bands: notebook 02's effects and band style, one definition.
from helpers.figures.dose_concentration_effect.curves import BAND_EFFECTS

__all__ = ["BAND_EFFECTS", "MIN_ROW_HEIGHT_IN"]

# --- altered-state events and every event of the label: drug beside placebo, excess with its interval ------
MIN_ROW_HEIGHT_IN = 0.45  # [in] height of one event's row, so that rows and markers never touch
_INK = "#222222"  # markers that are not a regimen or arm (no series colour)
_LEGEND_IN = 0.75  # [in] space under the panels for the two-row legend
_DRUG = "esketamine_84"  # the label's pooled arm (56 or 84 mg) is drawn in the esketamine spray's colour
_ARM_LABELS = ("Esketamine 56 or 84 mg + oral antidepressant", "Placebo spray + oral antidepressant")
