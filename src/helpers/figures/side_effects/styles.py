"""The arm styles of notebook 04's charts: which course style draws which arm, filled and open markers.

Every arm is drawn in the course's style (:data:`helpers.figures.style.ARM_STYLES`): esketamine 56 mg,
esketamine 84 mg, esketamine at a flexible or pooled dose (56 or 84 mg) and placebo each keep one colour and
marker in every chart of :mod:`helpers.figures.side_effects`. Measured esketamine rates have filled markers,
placebo rates open ones, so that shape and fill, not colour alone, tell the arms apart.
"""

from __future__ import annotations

import pandas as pd

from helpers._validate import frame
from helpers.figures.style import data_style

__all__ = ["ARM_KEYS", "DRUG_STYLE", "PLACEBO_STYLE", "arm_key"]

#: Which :data:`~helpers.figures.style.ARM_STYLES` key draws which kind of arm in notebook 04: a fixed
#: 56 mg or 84 mg dose, a flexible or pooled esketamine dose (56 or 84 mg: SUSTAIN-1, the label's pooled
#: arm), placebo.
ARM_KEYS: dict[str, str] = {"56": "esketamine_56", "84": "esketamine_84", "flexible": "ketamine_other_dose",
                            "placebo": "placebo"}

_MARKERSIZE = 8  # [pt]


def _filled(key: str) -> dict[str, object]:
    style = data_style(key)
    return {**style, "markerfacecolor": style["color"], "markeredgecolor": "#222222", "markeredgewidth": 0.8,
            "linestyle": "none", "markersize": _MARKERSIZE}


def _open(key: str) -> dict[str, object]:
    style = data_style(key)
    return {**style, "markerfacecolor": "white", "markeredgewidth": 1.8, "linestyle": "none",
            "markersize": _MARKERSIZE}


#: Measured esketamine rates of the label's pooled arm (any dose, 56 or 84 mg): filled markers.
DRUG_STYLE: dict[str, object] = _filled(ARM_KEYS["flexible"])

#: Measured placebo rates: open markers, so that shape and fill, not colour alone, tell the arms apart.
PLACEBO_STYLE: dict[str, object] = _open(ARM_KEYS["placebo"])


def arm_key(rows: pd.DataFrame) -> str:
    """The :data:`ARM_KEYS` value that draws an arm (rows of one arm of ``adverse_events_trials``).

    Placebo arms are "placebo"; esketamine arms by their fixed dose (56 or 84 mg), and arms without a
    fixed dose (flexible 56 or 84 mg) "ketamine_other_dose".

    Raises
    ------
    ValueError
        ``rows`` lacks ``arm_type`` or is empty, or a fixed dose other than 56 or 84 mg.
    """
    rows = frame("rows", rows, ("arm_type",))
    if (rows["arm_type"] == "placebo").all():
        return ARM_KEYS["placebo"]
    dose = rows["dose_mg"].iloc[0] if "dose_mg" in rows.columns else None
    if dose is None or pd.isna(dose):
        return ARM_KEYS["flexible"]
    key = f"{float(dose):g}"
    if key not in ARM_KEYS:
        raise ValueError(f"rows: no style for a fixed dose of {key} mg")
    return ARM_KEYS[key]
