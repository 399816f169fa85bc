"""Fact-checking popular health claims: filter claims, flag warning signs, tabulate verdicts (notebook 06).

>>> from helpers.analysis import claims
>>> claims.red_flags("Ketamine is completely safe and has no side effects!")
['absolute safety claim', 'no source cited']
"""

from __future__ import annotations

import re

import pandas as pd

from helpers._validate import choice, columns
from helpers._validate import level as check_level
from helpers.data import split_ids
from helpers.data.vocab import CLAIM_VERDICTS, EVIDENCE_KINDS
from helpers.science.stats import counts_from_percent, wilson_ci

__all__ = [
    "DOCUMENT_KINDS",
    "EVIDENCE_LABELS",
    "VERDICT_LABELS",
    "filter_claims",
    "main_sources",
    "markdown_table",
    "red_flags",
    "remission_intervals",
    "remitters_by_level",
    "short_name",
    "verdict_counts",
    "verdict_matrix",
    "verdict_table",
]

#: Display name of each verdict, in the order of :data:`helpers.data.vocab.CLAIM_VERDICTS`.
VERDICT_LABELS: dict[str, str] = {
    "supported": "Supported",
    "partly_supported": "Partly supported",
    "not_supported": "Not supported",
    "false": "False",
}


#: Plain-language names of the evidence kinds (``sources.kind`` and ``claims.evidence_type``).
EVIDENCE_LABELS: dict[str, str] = {
    "label": "drug label",
    "regulation": "law or regulation",
    "meta_analysis": "meta-analysis",
    "systematic_review": "systematic review",
    "pooled_analysis": "pooled analysis",
    "rct": "randomised trial",
    "open_label_trial": "open-label trial",
    "observational": "observational study",
    "survey": "survey",
    "human_experimental": "small human experiment",
    "animal": "animal study",
    "in_vitro": "cell or tissue study",
    "review": "review or expert opinion",
    "reference_work": "reference work",
}


#: Evidence kinds that are documents, not study designs: they sit beside the evidence pyramid.
DOCUMENT_KINDS: tuple[str, ...] = ("label", "regulation", "reference_work")


# Warning signs of an unreliable health text: (name, regular expression), checked case-insensitively.
_FLAGS: tuple[tuple[str, str], ...] = (
    ("absolute safety claim",
     r"\bno (serious )?(side[- ]effects?|risks?)\b|\bcompletely safe\b|\b100 ?% safe\b"),
    ("promise of a cure", r"\bcure[sd]?\b|\bmiracle\b|\bfor good\b|\bguarantee[sd]?\b"),
    ("absolute word", r"\balways\b|\bnever\b|\beveryone\b|\bevery patient\b|\binstant(ly)?\b"),
)


_CITATION = re.compile(r"\bdoi\b|10\.\d{4,9}/|\bPMID\b|\bPMC\d+|https?://", re.IGNORECASE)


def filter_claims(claims: pd.DataFrame, verdict: str | None = None,
                  evidence_type: str | None = None) -> pd.DataFrame:
    """The claims with a given verdict and/or evidence type.

    Parameters
    ----------
    claims
        A claims table with columns ``verdict`` and ``evidence_type`` (``helpers.data.load("claims")``).
    verdict
        One of :data:`helpers.schemas.CLAIM_VERDICTS`, or ``None`` / ``"all"`` for every verdict.
    evidence_type
        One of :data:`helpers.schemas.EVIDENCE_KINDS`, or ``None`` / ``"all"``.

    Returns
    -------
    pandas.DataFrame
        The matching rows, in their original order (index reset).

    Raises
    ------
    ValueError
        ``claims`` is not a claims table, or ``verdict`` / ``evidence_type`` is unknown.
    """
    table = columns("claims", claims, ("verdict", "evidence_type"))
    wanted_verdict = choice("verdict", verdict, CLAIM_VERDICTS, allow_all=True)
    wanted_type = choice("evidence_type", evidence_type, EVIDENCE_KINDS, allow_all=True)
    mask = pd.Series(True, index=table.index)
    if wanted_verdict is not None:
        mask &= table["verdict"] == wanted_verdict
    if wanted_type is not None:
        mask &= table["evidence_type"] == wanted_type
    return table[mask].reset_index(drop=True)


def verdict_counts(claims: pd.DataFrame) -> pd.Series:
    """Number of claims per verdict, in the order of :data:`CLAIM_VERDICTS` (zeros included)."""
    table = columns("claims", claims, ("verdict",))
    unknown = set(table["verdict"]) - set(CLAIM_VERDICTS)
    if unknown:
        raise ValueError(f"claims: unknown verdict(s) {sorted(unknown)}")
    counts = table["verdict"].value_counts().reindex(list(CLAIM_VERDICTS), fill_value=0)
    counts.name = "claims"
    return counts.astype(int)


def red_flags(text: str, *, require_citation: bool = True) -> list[str]:
    """Warning signs of an unreliable health text found in ``text``.

    Checks for absolute safety claims ("no side effects", "completely safe"), promises of a cure,
    absolute words ("always", "never", "everyone", "instantly") and the lack of any citation (DOI, PMID,
    PMCID or web address). A text without flags can still be wrong: this is a first screen, not a verdict.

    Parameters
    ----------
    text
        The sentence or article to screen (non-empty).
    require_citation
        Flag a text that cites no source (``True``); ``False`` checks the wording only.

    Returns
    -------
    list of str
        The flags found, in a fixed order; empty when none.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text: give a non-empty string")
    if not isinstance(require_citation, bool):
        raise ValueError(f"require_citation: expected True or False, got {require_citation!r}")
    found = [name for name, pattern in _FLAGS if re.search(pattern, text, re.IGNORECASE)]
    if require_citation and not _CITATION.search(text):
        found.append("no source cited")
    return found


def verdict_table(claims: pd.DataFrame) -> pd.DataFrame:
    """One readable row per claim: the claim, its verdict beside it, the main evidence and why.

    Columns: ``Claim`` ("(a) ..."), ``Verdict``, ``Main evidence``, ``Why``, ``Red flags in the wording``:
    the flags the course judged from the source text (the table's optional ``red_flags`` column: a wrong
    drug or molecule name, off-topic text, an inverted fact ...) followed by those :func:`red_flags` finds
    in the wording (without the citation check, since the claims are paraphrased).
    """
    table = columns("claims", claims, ("claim_id", "claim", "verdict", "evidence_type", "explanation"))
    unknown = ((set(table["verdict"]) - set(VERDICT_LABELS))
               | (set(table["evidence_type"]) - set(EVIDENCE_LABELS)))
    if unknown:
        raise ValueError(f"claims: unknown verdict or evidence type {sorted(unknown)}")
    judged = table["red_flags"] if "red_flags" in table else pd.Series([None] * len(table), index=table.index)
    flags = []
    for claim, cell in zip(table["claim"], judged, strict=True):
        found = [] if pd.isna(cell) else [f.strip() for f in str(cell).split(";") if f.strip()]
        found += [f for f in red_flags(claim, require_citation=False) if f not in found]
        flags.append(", ".join(found) or "none")
    return pd.DataFrame({
        "Claim": [f"({i}) {c}" for i, c in zip(table["claim_id"], table["claim"], strict=True)],
        "Verdict": [VERDICT_LABELS[v] for v in table["verdict"]],
        "Main evidence": [EVIDENCE_LABELS[k] for k in table["evidence_type"]],
        "Why": list(table["explanation"]),
        "Red flags in the wording": flags,
    })


def markdown_table(frame: pd.DataFrame) -> str:
    """A Markdown table of ``frame`` (header row, then one line per row; ``|`` escaped; no index)."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame: expected a pandas DataFrame, got {type(frame).__name__}")
    if frame.columns.empty:
        raise ValueError("frame: the table has no columns")

    def cell(value: object) -> str:
        return " ".join(str(value).split()).replace("|", "\\|")

    lines = ["| " + " | ".join(cell(c) for c in frame.columns) + " |",
             "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def short_name(row: pd.Series | dict) -> str:
    """A short reference name for a source row: "Autry 2011", "Spravato label 2019", "UK Government 2014"."""
    try:
        authors, year, kind, title = (str(row[k]) for k in ("authors", "year", "kind", "title"))
    except (KeyError, TypeError):
        raise ValueError("row: needs authors, year, kind and title") from None
    if kind == "label":
        return f"{title.split()[0].strip(',').capitalize()} label {year}"
    if pd.isna(row["authors"]) or not authors.strip():  # authors not shown on the pages read
        journal = row["journal"] if "journal" in row and not pd.isna(row["journal"]) else title
        return f"{journal} {year}"
    first = authors.split(",")[0].strip()
    parts = first.split()
    personal = len(parts) == 2 and parts[1].isupper() and len(parts[1]) <= 3  # "Domino EF"
    if "," in authors or "et al" in authors or personal:
        return f"{parts[0]} {year}"
    return f"{first} {year}"


def remitters_by_level(levels: pd.DataFrame) -> pd.Series:
    """Approximate number of remitters per level: ``round(remission_pct / 100 * n_entered)``.

    Approximate because the published percentages are rounded (see
    :func:`helpers.science.stats.counts_from_percent`). Index: ``level``.
    """
    table = columns("levels", levels, ("level", "n_entered", "remission_pct"))
    if table.empty:
        raise ValueError("levels: the table is empty")
    counts = [counts_from_percent(float(p), int(n)) for p, n in zip(table["remission_pct"],
                                                                     table["n_entered"], strict=True)]
    return pd.Series(counts, index=pd.Index(table["level"].astype(int), name="level"), name="remitters")


def remission_intervals(levels: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Remission per STAR*D level with its Wilson interval [%], from counts reconstructed from the
    reported (rounded) percentages.

    Parameters
    ----------
    levels
        ``helpers.data.load("stard_levels")``: columns ``level``, ``n_entered``, ``remission_pct``.
    level
        Confidence level of the interval, strictly between 0 and 1 (0.95 for 95 %).

    Returns
    -------
    pandas.DataFrame
        Columns ``level``, ``n_entered``, ``remission_pct``, ``remitters`` (approximate, see
        :func:`remitters_by_level`), ``low_pct`` and ``high_pct`` (the interval [%]), ordered by level.

    Raises
    ------
    ValueError
        ``levels`` is empty or lacks a column, a rate is outside [0, 100], or ``level`` is not in (0, 1).
    """
    confidence = check_level(level)
    table = columns("levels", levels, ("level", "n_entered", "remission_pct"))
    ordered = table.sort_values("level").reset_index(drop=True)
    remitters = remitters_by_level(ordered)
    bounds = [wilson_ci(int(e), int(n), confidence) for e, n in zip(remitters, ordered["n_entered"],
                                                                    strict=True)]
    return pd.DataFrame({
        "level": ordered["level"].astype(int),
        "n_entered": ordered["n_entered"].astype(int),
        "remission_pct": ordered["remission_pct"].astype(float),
        "remitters": remitters.to_numpy(),
        "low_pct": [100 * low for low, _ in bounds],
        "high_pct": [100 * high for _, high in bounds],
    })


def verdict_matrix(claims: pd.DataFrame) -> pd.DataFrame:
    """Number of claims per kind of main evidence (rows) and verdict (columns).

    Rows are the evidence kinds that occur: the documents of :data:`DOCUMENT_KINDS` first, then the
    others in the order of :data:`helpers.data.vocab.EVIDENCE_KINDS` (study designs from the top of the
    evidence pyramid down, then reviews); columns are all the verdicts of
    :data:`helpers.data.vocab.CLAIM_VERDICTS`, zeros included.

    Raises
    ------
    ValueError
        ``claims`` lacks a column, or holds an unknown verdict or evidence kind.
    """
    table = columns("claims", claims, ("verdict", "evidence_type"))
    unknown = ((set(table["verdict"]) - set(CLAIM_VERDICTS))
               | (set(table["evidence_type"]) - set(EVIDENCE_KINDS)))
    if unknown:
        raise ValueError(f"claims: unknown verdict or evidence kind {sorted(unknown)}")
    order = [*DOCUMENT_KINDS, *(k for k in EVIDENCE_KINDS if k not in DOCUMENT_KINDS)]
    kinds = [k for k in order if k in set(table["evidence_type"])]
    counts = pd.crosstab(table["evidence_type"], table["verdict"])
    matrix = counts.reindex(index=kinds, columns=list(CLAIM_VERDICTS), fill_value=0).astype(int)
    matrix.index.name, matrix.columns.name = "evidence_type", "verdict"
    return matrix


def main_sources(claims: pd.DataFrame, registry: pd.DataFrame) -> list[str]:
    """The source of each claim's main evidence: its first source whose ``kind`` is the claim's
    ``evidence_type`` (its first source if none is), without repeats, in the order of the claims.

    Parameters
    ----------
    claims
        A claims table with columns ``source_id`` ("id1; id2") and ``evidence_type``.
    registry
        ``helpers.data.load("sources")`` (columns ``id`` and ``kind``).

    Raises
    ------
    ValueError
        A table lacks a column, or a claim cites a source that ``registry`` does not hold.
    """
    table = columns("claims", claims, ("source_id", "evidence_type"))
    kind_of = dict(zip(columns("registry", registry, ("id", "kind"))["id"], registry["kind"], strict=True))
    chosen = []
    for cell, kind in zip(table["source_id"], table["evidence_type"], strict=True):
        ids = split_ids(cell)
        if not ids:
            raise ValueError("claims: every claim needs at least one source_id")
        unknown = [i for i in ids if i not in kind_of]
        if unknown:
            raise ValueError(f"registry: no source {unknown}")
        chosen.append(next((i for i in ids if kind_of[i] == kind), ids[0]))
    return list(dict.fromkeys(chosen))
