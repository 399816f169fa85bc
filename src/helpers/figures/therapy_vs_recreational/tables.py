"""Notebook 05's tables in words: left-aligned Markdown a student reads.

Each ``*_table`` function turns one of the course's sourced tables (or an analysis result) into left-aligned
Markdown for ``display(Markdown(...))``, with column names in words, units in parentheses and sources as
author and year.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers._validate import frame
from helpers.data import citation, split_ids
from helpers.figures.therapy_vs_recreational.styles import BAND_EFFECTS

__all__ = [
    "abuse_table",
    "claims_table",
    "harms_table",
    "legal_table",
    "markdown_table",
    "position_table",
    "risk_table",
    "side_by_side_table",
]


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return "–"
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown_table(table: pd.DataFrame) -> str:
    """A DataFrame as a left-aligned Markdown table (no index), for ``display(Markdown(...))``.

    Pandas and JupyterLab right-align text columns; a Markdown table reads left to right like prose.

    Raises
    ------
    ValueError
        ``table`` is not a DataFrame or has no columns or rows.
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table: expected a DataFrame, got {type(table).__name__}")
    if table.empty or len(table.columns) == 0:
        raise ValueError("table: the table is empty")
    lines = ["| " + " | ".join(_cell(c) for c in table.columns) + " |",
             "|" + "|".join(":---" for _ in table.columns) + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join(lines)


def _authors(ids: object) -> str:
    """Source ids as author and year: "winstock2012; morgan2010" -> "Winstock AR et al. (2012); ..."."""
    return "; ".join(citation(i, short=True) for i in split_ids(str(ids)))


def side_by_side_table(table: pd.DataFrame) -> str:
    """The therapy-versus-non-medical-use table (``therapy_vs_nonmedical``) as left-aligned Markdown."""
    table = frame("table", table, ("aspect", "therapy", "non_medical_use", "source_id"))
    out = pd.DataFrame({"Aspect": table["aspect"], "Therapy (supervised)": table["therapy"],
                        "Non-medical use": table["non_medical_use"],
                        "Sources": [_authors(i) for i in table["source_id"]]})
    return markdown_table(out)



def position_table(position: pd.DataFrame, effects: Sequence[str] = BAND_EFFECTS) -> str:
    """Where a modelled peak sits against each band, in words (from
    :func:`helpers.analysis.bands.bands_position`).

    Columns: effect, concentration (ng/mL), where the peak is, and how many times the peak must rise to
    reach the band's lower limit ("already inside" or "already above" when it need not rise).
    """
    position = frame("position", position, ("effect", "label", "low_ng_per_ml", "high_ng_per_ml", "position",
                                            "fold_to_low"))
    rows = position[position["effect"].isin(list(effects))]
    if rows.empty:
        raise ValueError(f"effects: none of {list(effects)} is in the position table")
    out = []
    for _, row in rows.iterrows():
        low, high = float(row["low_ng_per_ml"]), float(row["high_ng_per_ml"])
        conc = f"{low:,.0f}–{high:,.0f}" if high > low else f"{low:,.0f}"
        rise = {"within": "already inside", "above": "already above"}.get(row["position"],
                                                                          f"{row['fold_to_low']:.1f}")
        out.append({"Effect": row["label"], "Concentration (ng/mL)": conc,
                    "The infusion's modelled peak is": row["position"],
                    "The peak must rise this many times to reach it": rise})
    return markdown_table(pd.DataFrame(out))


def risk_table(rd: pd.DataFrame) -> str:
    """Risk differences (:func:`helpers.analysis.adverse.risk_differences`) in words, one decimal."""
    rd = frame("rd", rd, ("event", "pct_esketamine", "pct_placebo", "rd_pp", "rd_low_pp", "rd_high_pp",
                           "nnh"))
    out = pd.DataFrame({
        "Event": rd["event"],
        "Esketamine (%)": rd["pct_esketamine"].map("{:.1f}".format),
        "Placebo (%)": rd["pct_placebo"].map("{:.1f}".format),
        "Excess over placebo (percentage points)": rd["rd_pp"].map("{:.1f}".format),
        "95 % interval (percentage points)": [
            f"{lo:.1f} to {hi:.1f}" for lo, hi in zip(rd["rd_low_pp"], rd["rd_high_pp"], strict=True)],
        "Number needed to harm (patients)": rd["nnh"].map(lambda v: "–" if pd.isna(v) else f"{v:.0f}"),
    })
    return markdown_table(out)


def abuse_table(abuse: pd.DataFrame) -> str:
    """The label's abuse-potential study (``abuse_potential``) in words."""
    abuse = frame("abuse", abuse, ("treatment", "route", "dose_mg", "dose_mg_per_kg", "infusion_min", "role",
                                   "drug_liking_vs_placebo", "n_participants"))
    doses = []
    for _, row in abuse.iterrows():
        if pd.notna(row["dose_mg"]):
            doses.append(f"{row['dose_mg']:g} mg {row['route']}")
        elif pd.notna(row["dose_mg_per_kg"]):
            doses.append(f"{row['dose_mg_per_kg']:g} mg/kg {row['route']} over {row['infusion_min']:g} min")
        else:
            doses.append(f"none ({row['route']} dummy)")
    out = pd.DataFrame({"Treatment": abuse["treatment"].str.capitalize(), "Dose": doses,
                        "Role in the study": abuse["role"],
                        "Drug liking compared with placebo": abuse["drug_liking_vs_placebo"],
                        "Participants": abuse["n_participants"]})
    return markdown_table(out)


def harms_table(harms: pd.DataFrame) -> str:
    """Harms of frequent non-medical use (``chronic_use_harms``) in words, with author and year."""
    harms = frame("harms", harms, ("harm", "population", "finding", "source_id"))
    names = {"urinary_improved_after_stopping": "Urinary symptoms improved after stopping",
             "urinary_worse_after_stopping": "Urinary symptoms worse after stopping"}
    out = pd.DataFrame({"Harm": [names.get(h, str(h).replace("_", " ").capitalize()) for h in harms["harm"]],
                        "Who was studied": harms["population"], "Finding": harms["finding"],
                        "Source": [_authors(i) for i in harms["source_id"]]})
    return markdown_table(out)


def legal_table(legal: pd.DataFrame) -> str:
    """The legal-status timeline (``legal_status``) in words."""
    legal = frame("legal", legal, ("year", "jurisdiction", "event", "status", "instrument"))
    out = pd.DataFrame({"Year": legal["year"], "Where": legal["jurisdiction"], "Event": legal["event"],
                        "Status": legal["status"], "Instrument": legal["instrument"]})
    return markdown_table(out)


def claims_table(claims: pd.DataFrame, ids: Sequence[str]) -> str:
    """Claims of ``data/claims.csv`` by id, with the verdict in the course's words ("partly supported")."""
    claims = frame("claims", claims, ("claim_id", "claim", "verdict", "explanation"))
    rows = claims.set_index("claim_id")
    unknown = [i for i in ids if i not in rows.index]
    if not ids or unknown:
        raise ValueError(f"ids: unknown claim id(s) {unknown or list(ids)}")
    rows = rows.loc[list(ids)]
    out = pd.DataFrame({"Claim": [f"({i}) {c}" for i, c in zip(ids, rows["claim"], strict=True)],
                        "Verdict": rows["verdict"].str.replace("_", " ").to_list(),
                        "Why": rows["explanation"].to_list()})
    return markdown_table(out)

