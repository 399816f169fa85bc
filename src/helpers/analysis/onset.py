"""Response rates with Wilson intervals and arm differences (NNT) from the onset tables of notebook 03.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from helpers._validate import frame, real
from helpers.analysis.claims import markdown_table
from helpers.data import citation
from helpers.science import stats

__all__ = [
    "MILESTONE_WORDS",
    "arm_differences",
    "as_markdown",
    "difference_table",
    "milestone_table",
    "response_with_ci",
    "time_in_words",
]

#: What each milestone of ``onset_studies`` means, in words a student reads. ``first_separation`` is the
#: first time point a source reports: nothing earlier was measured.
MILESTONE_WORDS: dict[str, str] = {
    "first_separation": "drug ahead at the first time point reported",
    "full_effect": "largest or end-of-course effect reported",
    "fading": "effect fading (relapse)",
    "no_separation": "no difference when fully masked",
}

def response_with_ci(responses: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Add a 95 % (or ``level``) confidence interval to every response rate, in percent.

    Rows with counts (``n`` and ``responders``) get a Wilson score interval computed from the counts
    (:func:`helpers.science.stats.wilson_ci`); rows without counts keep the interval reported in the source
    (``ci_low_pct``, ``ci_high_pct``), which is only valid at the 95 % level.

    Parameters
    ----------
    responses
        A table like ``helpers.data.load("early_response")``.
    level
        Confidence level in (0, 1).

    Returns
    -------
    pandas.DataFrame
        A copy with ``rate_pct``, ``low_pct``, ``high_pct`` and ``ci_method`` (``"Wilson (computed)"`` or
        ``"reported"``).
    """
    frame("responses", responses, ["n", "responders", "response_pct", "ci_low_pct", "ci_high_pct"])
    level = real("level", level, min_value=0.0, max_value=1.0, strict_min=True)
    rates, lows, highs, methods = [], [], [], []
    for row in responses.itertuples(index=False):
        if pd.notna(row.n) and pd.notna(row.responders):
            low, high = stats.wilson_ci(int(row.responders), int(row.n), level)
            rates.append(100 * int(row.responders) / int(row.n))
            lows.append(100 * low)
            highs.append(100 * high)
            methods.append("Wilson (computed)")
        elif pd.notna(row.ci_low_pct) and pd.notna(row.ci_high_pct):
            if not math.isclose(level, 0.95):
                raise ValueError("level: reported intervals are 95 %; use level=0.95 for rows without counts")
            rates.append(float(row.response_pct))
            lows.append(float(row.ci_low_pct))
            highs.append(float(row.ci_high_pct))
            methods.append("reported")
        else:
            raise ValueError("responses: each row needs counts (n, responders) or a reported CI")
    out = responses.copy()
    out["rate_pct"], out["low_pct"], out["high_pct"], out["ci_method"] = rates, lows, highs, methods
    return out


def arm_differences(responses: pd.DataFrame, study: str, level: float = 0.95) -> pd.DataFrame:
    """Risk difference (Newcombe interval) and NNT of every drug arm of one study against its control.

    Parameters
    ----------
    responses
        A table like ``helpers.data.load("early_response")``.
    study
        A value of the ``study`` column whose rows have counts and exactly one ``control`` arm.
    level
        Confidence level in (0, 1).

    Returns
    -------
    pandas.DataFrame
        One row per drug arm: ``arm``, ``drug`` and ``control`` (``"events/n"``), ``difference_pct``,
        ``low_pct``, ``high_pct`` (percentage points) and ``nnt`` (text with its interval).
    """
    frame("responses", responses, ["study", "arm", "role", "n", "responders"])
    rows = responses[responses["study"] == study] if isinstance(study, str) else None
    if rows is None or rows.empty:
        known = ", ".join(sorted(set(responses["study"])))
        raise ValueError(f"study: unknown study {study!r}; known: {known}")
    if rows["n"].isna().any() or rows["responders"].isna().any():
        raise ValueError(f"study: {study!r} has no counts (model estimates only)")
    control = rows[rows["role"] == "control"]
    if len(control) != 1:
        raise ValueError(f"study: {study!r} must have exactly one control arm, found {len(control)}")
    e0, n0 = int(control["responders"].iloc[0]), int(control["n"].iloc[0])
    out = []
    for row in rows[rows["role"] == "drug"].itertuples(index=False):
        rd = stats.risk_difference(int(row.responders), int(row.n), e0, n0, level)
        out.append({
            "arm": row.arm,
            "drug": f"{int(row.responders)}/{int(row.n)}",
            "control": f"{e0}/{n0}",
            "difference_pct": round(100 * rd.difference, 1),
            "low_pct": round(100 * rd.low, 1),
            "high_pct": round(100 * rd.high, 1),
            "nnt": str(stats.number_needed(rd)),
        })
    columns = ["arm", "drug", "control", "difference_pct", "low_pct", "high_pct", "nnt"]
    return pd.DataFrame(out, columns=columns)


def time_in_words(hours: float) -> str:
    """A time after the dose in words: "2 hours", "1 day", "2 weeks" (hours below a day, days below a week).

    Raises
    ------
    ValueError
        ``hours`` is not a finite number > 0.
    """
    h = real("hours", hours, min_value=0.0, strict_min=True)
    for size, unit in ((168.0, "week"), (24.0, "day")):
        if h >= size and math.isclose(h / size, round(h / size)):
            n = round(h / size)
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{h:g} hour{'s' if h != 1 else ''}"


def _author_year(source_ids: str) -> str:
    names = []
    for source_id in (s.strip() for s in str(source_ids).split(";")):
        match = re.match(r"^(\S+).*\((\d{4}[a-z]?)\)$", citation(source_id, short=True))
        names.append(f"{match.group(1)} {match.group(2)}" if match else citation(source_id, short=True))
    return "; ".join(names)


def _result(row) -> str:
    measure = "" if pd.isna(row.effect_measure) else str(row.effect_measure)
    if pd.isna(row.effect_value):
        return "no single number reported"
    value = f"{float(row.effect_value):g}"
    interval = ""
    if pd.notna(row.ci_low) and pd.notna(row.ci_high):
        interval = f" (95 % CI {float(row.ci_low):g} to {float(row.ci_high):g})"
    unit = re.search(r"\[([^\]]+)\]", measure)
    if unit:
        name = measure[:unit.start()].strip()
        return f"{value} {unit.group(1)}{interval}: {name}"
    return f"{measure} {value}{interval}".strip()


def milestone_table(studies: pd.DataFrame) -> pd.DataFrame:
    """The rows of the onset timeline as a table in words: what each point measured, and what was found.

    Parameters
    ----------
    studies
        A table like ``helpers.data.load("onset_studies")``.

    Returns
    -------
    pandas.DataFrame
        Columns "Treatment", "Point on the chart", "When", "Outcome", "Result", "Source" (author and year),
        one row per milestone, in table order.
    """
    frame("studies", studies, ["label", "milestone", "time_h", "outcome", "effect_measure", "effect_value",
                               "ci_low", "ci_high", "source_id"])
    unknown = set(studies["milestone"]) - set(MILESTONE_WORDS)
    if unknown:
        raise ValueError(f"studies: unknown milestone {sorted(unknown)}")
    rows = [{
        "Treatment": row.label,
        "Point on the chart": MILESTONE_WORDS[row.milestone],
        "When": time_in_words(float(row.time_h)),
        "Outcome": str(row.outcome).replace(">=", "≥ ").replace("<=", "≤ "),
        "Result": _result(row),
        "Source": _author_year(row.source_id),
    } for row in studies.itertuples(index=False)]
    return pd.DataFrame(rows)


def difference_table(responses: pd.DataFrame, studies: list[str], level: float = 0.95, *,
                     arms: list[str] | None = None) -> pd.DataFrame:
    """:func:`arm_differences` of several studies, with column names in words (for display).

    Parameters
    ----------
    responses
        A table like ``helpers.data.load("early_response")``.
    studies
        Values of its ``study`` column (each with counts and one control arm), at least one.
    level
        Confidence level in (0, 1).
    arms
        Drug arms to keep (``None``: all); each must be a drug arm of one of ``studies``.

    Returns
    -------
    pandas.DataFrame
        Columns "Study", "Drug arm", "Responders on the drug", "Responders on the control",
        "Difference (percentage points, 95 % CI)" and "NNT (95 % CI)".
    """
    if isinstance(studies, str) or not isinstance(studies, list | tuple) or not studies:
        raise ValueError("studies: give a non-empty list of study names")
    tables = {study: arm_differences(responses, study, level) for study in studies}
    known = {arm for table in tables.values() for arm in table["arm"]}
    if arms is not None:
        if isinstance(arms, str) or not isinstance(arms, list | tuple) or not set(arms) <= known:
            raise ValueError(f"arms: give a list of drug arms of these studies: {sorted(known)}")
    parts = []
    for study, table in tables.items():
        for row in table.itertuples(index=False):
            if arms is not None and row.arm not in arms:
                continue
            parts.append({
                "Study": study,
                "Drug arm": row.arm,
                "Responders on the drug": row.drug,
                "Responders on the control": row.control,
                "Difference (percentage points, 95 % CI)":
                    f"{row.difference_pct:+.1f} ({row.low_pct:+.1f} to {row.high_pct:+.1f})",
                "NNT (95 % CI)": row.nnt.removeprefix("NNT ").replace("(CI ", "("),
            })
    return pd.DataFrame(parts)


def as_markdown(table: pd.DataFrame) -> str:
    """``table`` as a Markdown table (no index), for ``display(Markdown(...))`` in the notebook."""
    return markdown_table(table)
