"""Where a concentration sits among the concentration-effect bands, and the therapy/non-medical comparison.
"""

from __future__ import annotations

import pandas as pd

from helpers._validate import frame, real
from helpers.data import citation, split_ids

__all__ = [
    "RELATIONS",
    "bands_position",
    "fold_below",
    "relation_to_band",
    "side_by_side",
]

#: Possible positions of a concentration relative to a band.
RELATIONS: tuple[str, ...] = ("below", "within", "above")


def relation_to_band(conc_ng_per_ml: float, low_ng_per_ml: float, high_ng_per_ml: float) -> str:
    """Where a concentration lies relative to a band ``[low, high]`` (all in ng/mL).

    Parameters
    ----------
    conc_ng_per_ml
        The concentration [ng/mL], >= 0.
    low_ng_per_ml, high_ng_per_ml
        The band's limits [ng/mL], ``0 <= low <= high`` (``low == high`` for a point value).

    Returns
    -------
    str
        ``"below"``, ``"within"`` (limits included) or ``"above"``.
    """
    conc = real("conc_ng_per_ml", conc_ng_per_ml, min_value=0.0)
    low = real("low_ng_per_ml", low_ng_per_ml, min_value=0.0)
    high = real("high_ng_per_ml", high_ng_per_ml, min_value=0.0)
    if high < low:
        raise ValueError(f"high_ng_per_ml: must be >= low_ng_per_ml ({low}), got {high}")
    if conc < low:
        return "below"
    if conc > high:
        return "above"
    return "within"


def fold_below(conc_ng_per_ml: float, threshold_ng_per_ml: float) -> float:
    """How many times a threshold exceeds a concentration: ``threshold / conc`` (dimensionless).

    A value of 2 means the concentration would have to double to reach the threshold; values below 1
    mean the concentration is already above it.

    >>> fold_below(185.0, 1200.0) > 6
    True
    """
    conc = real("conc_ng_per_ml", conc_ng_per_ml, min_value=0.0, strict_min=True)
    threshold = real("threshold_ng_per_ml", threshold_ng_per_ml, min_value=0.0, strict_min=True)
    return threshold / conc


_BAND_COLUMNS = ("effect", "label", "low_ng_per_ml", "high_ng_per_ml")


def bands_position(conc_ng_per_ml: float, bands: pd.DataFrame) -> pd.DataFrame:
    """Place one concentration against every band of ``concentration_bands``.

    Parameters
    ----------
    conc_ng_per_ml
        The concentration [ng/mL], > 0 (for example a modelled peak).
    bands
        A table with columns ``effect``, ``label``, ``low_ng_per_ml`` and ``high_ng_per_ml``, such as
        ``helpers.data.load("concentration_bands")``.

    Returns
    -------
    pandas.DataFrame
        One row per band, sorted by ``low_ng_per_ml``: ``label``, ``low_ng_per_ml``, ``high_ng_per_ml``,
        ``position`` (below / within / above) and ``fold_to_low`` (band's lower limit / concentration).
    """
    conc = real("conc_ng_per_ml", conc_ng_per_ml, min_value=0.0, strict_min=True)
    frame("bands", bands, _BAND_COLUMNS)
    rows = []
    for _, band in bands.sort_values("low_ng_per_ml", kind="stable").iterrows():
        low, high = float(band["low_ng_per_ml"]), float(band["high_ng_per_ml"])
        rows.append(
            {
                "effect": band["effect"],
                "label": band["label"],
                "low_ng_per_ml": low,
                "high_ng_per_ml": high,
                "position": relation_to_band(conc, low, high),
                "fold_to_low": low / conc,
            }
        )
    return pd.DataFrame(rows)


_COMPARE_COLUMNS = ("aspect", "therapy", "non_medical_use", "source_id")


def side_by_side(table: pd.DataFrame) -> pd.DataFrame:
    """The therapy-versus-non-medical-use table, ready to display.

    Parameters
    ----------
    table
        ``helpers.data.load("therapy_vs_nonmedical")`` (columns ``aspect``, ``therapy``,
        ``non_medical_use`` and ``source_id``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``Aspect``, with columns ``Therapy (supervised)``, ``Non-medical use`` and ``Sources``
        (short citations such as "Janssen Pharmaceuticals (2019)").
    """
    frame("table", table, _COMPARE_COLUMNS)
    sources = ["; ".join(citation(i, short=True) for i in split_ids(cell)) for cell in table["source_id"]]
    out = pd.DataFrame(
        {
            "Aspect": table["aspect"].astype(str).to_list(),
            "Therapy (supervised)": table["therapy"].astype(str).to_list(),
            "Non-medical use": table["non_medical_use"].astype(str).to_list(),
            "Sources": sources,
        }
    )
    return out.set_index("Aspect")
