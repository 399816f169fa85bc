"""Ketamine compared with other treatments (notebook 07): head-to-head differences, non-inferiority, the
evidence map beyond depression and dissociation by arm.

Tables in, tables out: the risk differences come from :func:`helpers.science.stats.risk_difference`
(Newcombe's interval) and :func:`~helpers.science.stats.number_needed`, and the evidence grades from
notebook 06's ``evidence_hierarchy`` table. A non-inferiority interval is read with
:func:`helpers.science.stats.noninferiority`.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers._validate import frame
from helpers._validate import level as check_level
from helpers.analysis.claims import markdown_table
from helpers.data.vocab import ARM_ROLES, OUTCOME_KINDS
from helpers.science.stats import RiskDifference, number_needed, risk_difference, wilson_ci

__all__ = [
    "EVIDENCE_WORDS",
    "HEAD_TO_HEAD_COLUMNS",
    "VALUE_COLUMNS",
    "dissociation_by_arm",
    "evidence_grades",
    "evidence_table",
    "harm_table",
    "head_to_head_differences",
    "rates_with_ci",
    "reported_differences",
    "value_list",
]

#: The columns :func:`head_to_head_differences` needs (``data.load("head_to_head_trials")``).
HEAD_TO_HEAD_COLUMNS = ("trial", "arm", "arm_role", "outcome", "outcome_kind", "outcome_definition",
                        "time_point", "n_analysed", "events")


def _pair(rows: pd.DataFrame, trial: str, outcome: str) -> tuple[pd.Series, pd.Series]:
    """The ketamine row and the comparator row of one trial and outcome."""
    found = []
    for role in ARM_ROLES:
        sub = rows[rows["arm_role"] == role]
        if len(sub) != 1:
            raise ValueError(f"trials: {trial!r}, outcome {outcome!r} needs one {role} arm, found {len(sub)}")
        found.append(sub.iloc[0])
    return found[0], found[1]


def head_to_head_differences(trials: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Ketamine arm minus comparator arm, for every trial and outcome with counts.

    Parameters
    ----------
    trials
        ``data.load("head_to_head_trials")``: one row per trial, arm and outcome, with ``arm_role``
        ``"ketamine"`` or ``"comparator"``, ``outcome_kind`` ``"benefit"`` (more is better: response,
        remission) or ``"harm"`` (an adverse event), and the counts ``events`` of ``n_analysed``. Rows
        without counts are left out.
    level
        Confidence level of the intervals, in (0, 1).

    Returns
    -------
    pandas.DataFrame
        One row per trial and outcome, in table order: ``trial``, ``outcome``, ``outcome_kind``,
        ``outcome_definition``, ``time_point``, ``ketamine_arm``, ``comparator_arm``, ``events_ketamine``,
        ``n_ketamine``, ``events_comparator``, ``n_comparator``, ``pct_ketamine``, ``pct_comparator``
        [percent], ``rd_pp``, ``rd_low_pp``, ``rd_high_pp`` [percentage points, Newcombe interval],
        ``number_needed`` (the :class:`~helpers.science.stats.NumberNeeded`, an NNT for a benefit, an NNH
        for a harm), ``nn_text`` (it in words, rounded up to whole patients) and ``differs`` (True when the
        interval excludes zero).

    Raises
    ------
    ValueError
        ``trials`` lacks a column, an outcome lacks one ketamine or one comparator arm, an
        ``outcome_kind`` is unknown, or ``level`` is outside (0, 1).
    """
    trials = frame("trials", trials, HEAD_TO_HEAD_COLUMNS)
    level = check_level(level)
    counted = trials.dropna(subset=["events", "n_analysed"])
    unknown = set(counted["outcome_kind"]) - set(OUTCOME_KINDS)
    if unknown:
        raise ValueError(f"trials: unknown outcome_kind {sorted(unknown)}; use 'benefit' or 'harm'")
    rows = []
    for (trial, outcome), sub in counted.groupby(["trial", "outcome"], sort=False):
        drug, other = _pair(sub, str(trial), str(outcome))
        rd = risk_difference(int(drug["events"]), int(drug["n_analysed"]), int(other["events"]),
                             int(other["n_analysed"]), level)
        needed = number_needed(rd, "benefit" if drug["outcome_kind"] == "benefit" else "harm")
        rows.append({
            "trial": str(trial), "outcome": str(outcome), "outcome_kind": str(drug["outcome_kind"]),
            "outcome_definition": str(drug["outcome_definition"]), "time_point": str(drug["time_point"]),
            "ketamine_arm": str(drug["arm"]), "comparator_arm": str(other["arm"]),
            "events_ketamine": int(drug["events"]), "n_ketamine": int(drug["n_analysed"]),
            "events_comparator": int(other["events"]), "n_comparator": int(other["n_analysed"]),
            "pct_ketamine": 100 * rd.risk_treated, "pct_comparator": 100 * rd.risk_control,
            "rd_pp": 100 * rd.difference, "rd_low_pp": 100 * rd.low, "rd_high_pp": 100 * rd.high,
            "number_needed": needed, "nn_text": str(needed.rounded()), "differs": not rd.includes_zero,
        })
    return pd.DataFrame(rows)


def reported_differences(trials: pd.DataFrame, effects: pd.DataFrame) -> pd.DataFrame:
    """The benefit outcomes that have no counts per arm but a reported difference with its 95 % interval,
    in the columns of :func:`head_to_head_differences` (counts and Wilson intervals left empty).

    The number needed to treat and its interval are the reciprocals of the reported difference and limits
    (:func:`helpers.science.stats.number_needed`); a negative difference favours the comparator.

    Parameters
    ----------
    trials
        ``data.load("head_to_head_trials")``.
    effects
        ``data.load("head_to_head_effects")``: ``trial``, ``outcome`` (starting with the outcome's name in
        ``trials``), ``value``, ``ci_low``, ``ci_high`` [percentage points].

    Raises
    ------
    ValueError
        A table lacks a column.
    """
    trials = frame("trials", trials, (*HEAD_TO_HEAD_COLUMNS, "pct"))
    effects = frame("effects", effects, ("trial", "outcome", "value", "ci_low", "ci_high"))
    uncounted = trials[trials["events"].isna() & (trials["outcome_kind"] == "benefit")]
    rows = []
    for (trial, outcome), sub in uncounted.groupby(["trial", "outcome"], sort=False):
        match = effects[(effects["trial"] == trial) & effects["outcome"].str.startswith(str(outcome))
                        & effects[["value", "ci_low", "ci_high"]].notna().all(axis=1)]
        if match.empty:
            continue
        drug, other = _pair(sub, str(trial), str(outcome))
        effect = match.iloc[0]
        rd = RiskDifference(float(drug["pct"]) / 100, float(other["pct"]) / 100, float(effect["value"]) / 100,
                            float(effect["ci_low"]) / 100, float(effect["ci_high"]) / 100, 0.95)
        needed = number_needed(rd, "benefit")
        rows.append({
            "trial": str(trial), "outcome": str(outcome), "outcome_kind": "benefit",
            "outcome_definition": str(drug["outcome_definition"]), "time_point": str(drug["time_point"]),
            "ketamine_arm": str(drug["arm"]), "comparator_arm": str(other["arm"]),
            "events_ketamine": math.nan, "n_ketamine": math.nan, "events_comparator": math.nan,
            "n_comparator": math.nan, "pct_ketamine": float(drug["pct"]),
            "pct_comparator": float(other["pct"]),
            "rd_pp": float(effect["value"]), "rd_low_pp": float(effect["ci_low"]),
            "rd_high_pp": float(effect["ci_high"]), "number_needed": needed,
            "nn_text": (str(needed.rounded()) if rd.difference >= 0
                        else f"{needed.rounded()} for the comparator"),
            "differs": not rd.includes_zero,
        })
    return pd.DataFrame(rows)


def rates_with_ci(rows: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Each row's proportion ``events / n`` in percent with its Wilson interval.

    Parameters
    ----------
    rows
        A table with columns ``events`` and ``n`` (whole numbers, ``events <= n``).
    level
        Confidence level of the interval, in (0, 1).

    Returns
    -------
    pandas.DataFrame
        A copy with ``pct``, ``low_pct`` and ``high_pct`` [percent].
    """
    rows = frame("rows", rows, ("events", "n"))
    level = check_level(level)
    bounds = [wilson_ci(int(e), int(n), level) for e, n in zip(rows["events"], rows["n"], strict=True)]
    out = rows.copy()
    out["pct"] = [100 * int(e) / int(n) for e, n in zip(rows["events"], rows["n"], strict=True)]
    out["low_pct"] = [100 * low for low, _ in bounds]
    out["high_pct"] = [100 * high for _, high in bounds]
    return out


def dissociation_by_arm(trials: pd.DataFrame, label: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """How often dissociation was reported in each arm of the esketamine trials the course has read, with
    Wilson intervals: the label's pooled short-term trials first, then each trial of ``trials``.

    Parameters
    ----------
    trials
        ``data.load("adverse_events_trials")`` (rows of the event ``"Dissociation"`` are used).
    label
        ``data.load("adverse_events_label")`` (its ``"Dissociation"`` row).
    level
        Confidence level of the intervals, in (0, 1).

    Returns
    -------
    pandas.DataFrame
        ``study``, ``arm``, ``role`` (``"drug"`` or ``"control"``), ``arm_type`` and ``dose_mg`` (as in
        ``adverse_events_trials``), ``events``, ``n``, ``pct``, ``low_pct``, ``high_pct`` and
        ``source_id``, drug arms before the control arm of each study.

    Raises
    ------
    ValueError
        A table lacks a column or has no dissociation row.
    """
    trials = frame("trials", trials, ("trial", "arm", "arm_type", "n", "event", "events", "source_id"))
    label = frame("label", label, ("event", "events_esketamine", "n_esketamine", "events_placebo",
                                   "n_placebo"))
    pooled = label[label["event"] == "Dissociation"]
    chosen = trials[trials["event"] == "Dissociation"]
    if pooled.empty or chosen.empty:
        raise ValueError("trials/label: no 'Dissociation' rows")
    row = pooled.iloc[0]
    source = label.attrs.get("sources", ["spravato_pi"])[0]
    study = "Label, pooled short-term trials"
    out = [
        {"study": study, "arm": "esketamine 56 or 84 mg + oral antidepressant", "role": "drug",
         "arm_type": "esketamine", "dose_mg": math.nan, "events": int(row["events_esketamine"]),
         "n": int(row["n_esketamine"]), "source_id": source},
        {"study": study, "arm": "placebo spray + oral antidepressant", "role": "control",
         "arm_type": "placebo", "dose_mg": math.nan, "events": int(row["events_placebo"]),
         "n": int(row["n_placebo"]), "source_id": source},
    ]
    for trial, sub in chosen.groupby("trial", sort=False):
        ordered = sub.assign(_control=sub["arm_type"] == "placebo").sort_values("_control", kind="stable")
        for arm in ordered.itertuples(index=False):
            out.append({"study": str(trial), "arm": str(arm.arm).replace("oral AD", "oral antidepressant"),
                        "role": "control" if arm.arm_type == "placebo" else "drug", "arm_type": arm.arm_type,
                        "dose_mg": getattr(arm, "dose_mg", math.nan), "events": int(arm.events),
                        "n": int(arm.n), "source_id": str(arm.source_id)})
    return rates_with_ci(pd.DataFrame(out), level)


def evidence_grades(evidence: pd.DataFrame, hierarchy: pd.DataFrame) -> pd.DataFrame:
    """The evidence map with notebook 06's grade of each row's best evidence.

    Parameters
    ----------
    evidence
        ``data.load("evidence_map")``: a ``kind`` per row (a kind of ``sources.kind``), empty where no
        randomised evidence was found.
    hierarchy
        ``data.load("evidence_hierarchy")``: ``kind`` → ``tier`` and ``tier_label``.

    Returns
    -------
    pandas.DataFrame
        A copy with ``tier`` (NaN where ``kind`` is empty) and ``grade`` (the tier's words, or "no
        randomised evidence found").

    Raises
    ------
    ValueError
        A table lacks a column, or a ``kind`` is not in the hierarchy.
    """
    evidence = frame("evidence", evidence, ("kind",))
    hierarchy = frame("hierarchy", hierarchy, ("kind", "tier", "tier_label"))
    by_kind = hierarchy.set_index("kind")
    kinds = evidence["kind"]
    unknown = sorted(set(kinds.dropna()) - set(by_kind.index))
    if unknown:
        raise ValueError(f"evidence: kind(s) {unknown} are not in the evidence hierarchy")
    out = evidence.copy()
    out["tier"] = [math.nan if pd.isna(k) else float(by_kind.loc[k, "tier"]) for k in kinds]
    out["grade"] = ["no randomised evidence found" if pd.isna(k)
                    else f"tier {int(by_kind.loc[k, 'tier'])}: {by_kind.loc[k, 'tier_label']}" for k in kinds]
    return out


#: Column names in words of :func:`evidence_table`, keyed by the evidence map's columns (and ``grade``).
EVIDENCE_WORDS: dict[str, str] = {
    "condition": "Use",
    "product": "Product",
    "best_evidence": "Best evidence found",
    "design": "Design",
    "n_total": "Patients",
    "comparator": "Compared with",
    "result": "Result",
    "primary_outcome_met": "Primary outcome met?",
    "grade": "Evidence grade (notebook 06)",
    "regulatory_category": "Status",
}


def evidence_table(graded: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Rows of the evidence map (with grades, :func:`evidence_grades`) as a table a student reads: the chosen
    ``columns`` under names in words (:data:`EVIDENCE_WORDS`), counts as whole numbers and empty cells as
    "not read".

    Raises
    ------
    ValueError
        ``graded`` lacks a column, or a column has no words.
    """
    unknown = [c for c in columns if c not in EVIDENCE_WORDS]
    if unknown:
        raise ValueError(f"columns: no words for {unknown}; choose from {list(EVIDENCE_WORDS)}")
    graded = frame("graded", graded, columns)
    shown = graded[columns].copy()
    if "n_total" in shown:
        shown["n_total"] = [f"{int(n):,}" if pd.notna(n) else "not read" for n in shown["n_total"]]
    return shown.fillna("—").rename(columns=EVIDENCE_WORDS)


def harm_table(diffs: pd.DataFrame) -> pd.DataFrame:
    """The adverse events of :func:`head_to_head_differences` as a table a student reads: each arm's count
    (columns named after the ketamine arm and the comparator, e.g. "Ketamine" and "ECT"), the difference
    with its 95 % interval, which arm had the event more often, and how many patients are treated with that
    arm's treatment for one extra patient with the event (the NNH of that arm, rounded up to whole
    patients).

    Raises
    ------
    ValueError
        ``diffs`` lacks a column.
    """
    diffs = frame("diffs", diffs, ("trial", "outcome", "outcome_kind", "ketamine_arm", "comparator_arm",
                                   "events_ketamine", "n_ketamine", "events_comparator", "n_comparator",
                                   "pct_ketamine", "pct_comparator", "rd_pp", "rd_low_pp", "rd_high_pp",
                                   "number_needed"))
    harms = diffs[diffs["outcome_kind"] == "harm"]
    rows = []
    for row in harms.itertuples(index=False):
        more = row.ketamine_arm if row.rd_pp > 0 else row.comparator_arm
        needed = row.number_needed.rounded()
        per = f"{needed.value:.0f} (95 % CI {needed.low:.0f} to {needed.high:.0f})" if needed.bounded else \
            f"{needed.value:.0f} (interval includes no difference)"
        rows.append({
            "Trial": row.trial,
            "Adverse event": str(row.outcome).removeprefix("adverse event: "),
            _arm_word(row.ketamine_arm): f"{row.events_ketamine}/{row.n_ketamine} ({row.pct_ketamine:.0f} %)",
            _arm_word(row.comparator_arm): f"{row.events_comparator}/{row.n_comparator} "
                                           f"({row.pct_comparator:.0f} %)",
            f"Difference, {_arm_word(row.ketamine_arm).lower()} minus {_arm_word(row.comparator_arm)} "
            "(percentage points, 95 % CI)":
                f"{row.rd_pp:+.0f} ({row.rd_low_pp:+.0f} to {row.rd_high_pp:+.0f})",
            "More often with": more,
            "Number needed to harm: patients given the treatment in the previous column per extra patient "
            "with the event (95 % CI)": per,
        })
    return pd.DataFrame(rows)


def _arm_word(arm: str) -> str:
    """A column name for an arm: "ECT" for electroconvulsive therapy, "Ketamine" for a ketamine arm, else the
    arm's own words."""
    words = str(arm)
    if words.upper().startswith("ECT") or "electroconvulsive" in words.lower():
        return "ECT"
    if "ketamine" in words.lower():
        return "Esketamine" if "esketamine" in words.lower() else "Ketamine"
    return words[:1].upper() + words[1:]


#: For the closing note of notebook 07: per table, the columns that name a row and the columns that hold
#: the values entered (numbers, or a result sentence that states them).
VALUE_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "head_to_head_trials": (("trial", "arm", "outcome", "time_point"),
                            ("n_randomised", "n_analysed", "events", "pct")),
    "head_to_head_effects": (("trial", "outcome"), ("value", "ci_low", "ci_high", "p_value")),
    "noninferiority_margins": (("trial",), ("margin_pct_points",)),
    "blinding_guesses": (("trial", "arm", "who_guessed"), ("n_asked", "n_correct", "pct_correct")),
    "evidence_map": (("condition", "best_evidence"), ("n_total", "result")),
    "ethics_points": (("topic", "point"), ("value", "value_high", "unit")),
}


def value_list(tables: dict[str, pd.DataFrame]) -> str:
    """A Markdown table of every value in ``tables`` (name → table, names of :data:`VALUE_COLUMNS`): what the
    row is, the values, the source and where in the source they were read.

    Raises
    ------
    ValueError
        A name has no entry in :data:`VALUE_COLUMNS`, or a table lacks a column.
    """
    rows = []
    for name, table in tables.items():
        if name not in VALUE_COLUMNS:
            raise ValueError(f"tables: no value columns for {name!r}; known: {list(VALUE_COLUMNS)}")
        keys, values = VALUE_COLUMNS[name]
        table = frame(name, table, (*keys, *values, "source_id", "where_in_source"))
        for _, row in table.iterrows():
            entered = [f"{column} = {_plain(row[column])}" for column in values if pd.notna(row[column])]
            rows.append({"Table": name, "Row": " · ".join(str(row[k]) for k in keys if pd.notna(row[k])),
                         "Values": "; ".join(entered) or "none (text only)", "Source": row["source_id"],
                         "Where in the source": row["where_in_source"]})
    return markdown_table(pd.DataFrame(rows))


def _plain(value: object) -> str:
    """A value as read: whole numbers without a decimal point."""
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return str(value)
