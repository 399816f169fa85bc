"""Fact-checking popular health claims: filter claims, flag warning signs, chart verdicts and evidence.

The tables are ``data/claims.csv`` (one paraphrased claim per row, with its verdict, evidence type and
sources), ``data/evidence_hierarchy.csv`` (where each kind of source sits on the evidence pyramid) and
``data/stard_levels.csv`` (STAR*D remission by treatment level).

>>> from helpers import claims, data
>>> table = data.load("claims")                                  # doctest: +SKIP
>>> claims.filter_claims(table, verdict="false")["claim_id"].tolist()   # doctest: +SKIP
['c', 'e', 'j', 'k', 'l']
>>> claims.red_flags("Ketamine is completely safe and has no side effects!")
['absolute safety claim', 'no source cited']
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from functools import reduce

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle
from matplotlib.transforms import blended_transform_factory

from helpers._validate import array
from helpers.schemas import CLAIM_VERDICTS, EVIDENCE_KINDS
from helpers.stats import counts_from_percent
from helpers.style import MARKERS, OKABE_ITO, figure

__all__ = [
    "EVIDENCE_LABELS",
    "VERDICT_STYLE",
    "cumulative_remission_pct",
    "filter_claims",
    "markdown_table",
    "plot_claims",
    "plot_hierarchy",
    "plot_stard",
    "red_flags",
    "remitters_by_level",
    "short_name",
    "show_claims",
    "verdict_counts",
    "verdict_table",
]

#: Display name, colour and marker of each verdict; position on the chart follows CLAIM_VERDICTS.
VERDICT_STYLE: dict[str, dict[str, str]] = {
    "supported": {"label": "Supported", "color": OKABE_ITO["bluish_green"], "marker": MARKERS[0]},
    "partly_supported": {"label": "Partly supported", "color": OKABE_ITO["orange"], "marker": MARKERS[3]},
    "not_supported": {"label": "Not supported", "color": OKABE_ITO["reddish_purple"], "marker": MARKERS[4]},
    "false": {"label": "False", "color": OKABE_ITO["vermillion"], "marker": MARKERS[6]},
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

# Warning signs of an unreliable health text: (name, regular expression), checked case-insensitively.
_FLAGS: tuple[tuple[str, str], ...] = (
    ("absolute safety claim",
     r"\bno (serious )?(side[- ]effects?|risks?)\b|\bcompletely safe\b|\b100 ?% safe\b"),
    ("promise of a cure", r"\bcure[sd]?\b|\bmiracle\b|\bfor good\b|\bguarantee[sd]?\b"),
    ("absolute word", r"\balways\b|\bnever\b|\beveryone\b|\bevery patient\b|\binstant(ly)?\b"),
)
_CITATION = re.compile(r"\bdoi\b|10\.\d{4,9}/|\bPMID\b|\bPMC\d+|https?://", re.IGNORECASE)


def _check_table(table: object, columns: Iterable[str], name: str = "claims") -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"{name}: expected a pandas DataFrame, got {type(table).__name__}")
    missing = sorted(set(columns) - set(table.columns))
    if missing:
        raise ValueError(f"{name}: missing column(s) {missing}")
    return table


def _choice(name: str, value: object, allowed: Sequence[str]) -> str | None:
    if value is None or value == "all":
        return None
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name}: must be 'all' or one of {list(allowed)}, got {value!r}")
    return value


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
    table = _check_table(claims, ("verdict", "evidence_type"))
    wanted_verdict = _choice("verdict", verdict, CLAIM_VERDICTS)
    wanted_type = _choice("evidence_type", evidence_type, EVIDENCE_KINDS)
    mask = pd.Series(True, index=table.index)
    if wanted_verdict is not None:
        mask &= table["verdict"] == wanted_verdict
    if wanted_type is not None:
        mask &= table["evidence_type"] == wanted_type
    return table[mask].reset_index(drop=True)


def verdict_counts(claims: pd.DataFrame) -> pd.Series:
    """Number of claims per verdict, in the order of :data:`CLAIM_VERDICTS` (zeros included)."""
    table = _check_table(claims, ("verdict",))
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


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def plot_claims(claims: pd.DataFrame, *, title: str, verdict: str | None = None,
                evidence_type: str | None = None, wrap: int = 48) -> Figure:
    """Chart each claim with its verdict (column, colour and marker) and its evidence type.

    Every claim label sits on the same row as its verdict, so no claim is shown without it.

    Parameters
    ----------
    claims
        A claims table with columns ``claim_id``, ``label``, ``verdict`` and ``evidence_type``.
    title
        Figure title (state the finding).
    verdict, evidence_type
        Optional filters, as in :func:`filter_claims`.
    wrap
        Characters per line of a claim label (>= 20).

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_table(claims, ("claim_id", "label", "verdict", "evidence_type"))
    if not isinstance(title, str) or not title.strip():
        raise ValueError("title: give a non-empty title that states the finding")
    if isinstance(wrap, bool) or not isinstance(wrap, int) or wrap < 20:
        raise ValueError(f"wrap: must be an integer >= 20, got {wrap!r}")
    shown = filter_claims(claims, verdict, evidence_type)
    unknown = set(shown["evidence_type"]) - set(EVIDENCE_LABELS)
    if unknown:
        raise ValueError(f"claims: unknown evidence type(s) {sorted(unknown)}")
    rows = max(len(shown), 1)
    fig, ax = figure(figsize=(12, 1.9 + 0.62 * rows))
    columns = list(CLAIM_VERDICTS)
    for x in range(len(columns)):
        ax.axvline(x, color="#dddddd", linewidth=1, zorder=0)
    for y, row in enumerate(shown.itertuples(index=False)):
        style = VERDICT_STYLE[row.verdict]
        x = columns.index(row.verdict)
        ax.plot(x, y, linestyle="none", marker=style["marker"], markersize=13, color=style["color"],
                markeredgecolor="black", zorder=3)
        ax.text(-0.45, y, _wrap(f"({row.claim_id}) {row.label}", wrap), ha="right", va="center")
        ax.text(len(columns) - 0.55, y, EVIDENCE_LABELS[row.evidence_type], ha="left", va="center")
    if shown.empty:
        ax.text(1.5, 0, "No claim matches this filter.", ha="center", va="center")
    ax.set_xlim(-0.45, len(columns) - 0.55)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_xticks(range(len(columns)), [VERDICT_STYLE[v]["label"] for v in columns])
    ax.xaxis.set_ticks_position("top")
    ax.tick_params(axis="x", length=0)
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "right", "bottom", "top"):
        ax.spines[side].set_visible(False)
    header = blended_transform_factory(ax.transData, ax.transAxes)
    ax.text(len(columns) - 0.55, 1.0, "Main evidence", transform=header, ha="left", va="bottom",
            fontweight="bold")
    ax.set_title(title, pad=30)
    return fig


def show_claims(claims: pd.DataFrame, verdict: str = "all", evidence_type: str = "all") -> None:
    """Display :func:`plot_claims` for a filter, with alt text and sources (for ``ipywidgets.interact``)."""
    from helpers.data import split_ids
    from helpers.style import show

    shown = filter_claims(claims, verdict, evidence_type)
    counts = verdict_counts(shown)
    summary = ", ".join(f"{counts[v]} {VERDICT_STYLE[v]['label'].lower()}" for v in CLAIM_VERDICTS
                        if counts[v])
    chosen = [f"verdict {VERDICT_STYLE[verdict]['label'].lower()}" if verdict not in (None, "all") else "",
              f"{EVIDENCE_LABELS[evidence_type]}" if evidence_type not in (None, "all") else ""]
    scope = "; ".join(c for c in chosen if c) or "all"
    n = len(shown)
    title = f"{n} claim{'s' if n != 1 else ''} ({scope}): {summary or 'none'}"
    fig = plot_claims(claims, title=title, verdict=verdict, evidence_type=evidence_type)
    if shown.empty:
        ids = list(dict.fromkeys(i for cell in claims["source_id"] for i in split_ids(cell)))
    else:
        ids = list(dict.fromkeys(i for cell in shown["source_id"] for i in split_ids(cell)))
    summary = ", ".join(f"{counts[v]} {VERDICT_STYLE[v]['label'].lower()}" for v in CLAIM_VERDICTS)
    show(fig, alt=f"Chart of {n} claims placed in verdict columns ({summary}), each with its evidence type.",
         sources=ids)


def verdict_table(claims: pd.DataFrame) -> pd.DataFrame:
    """One readable row per claim: the claim, its verdict beside it, the main evidence and why.

    Columns: ``Claim`` ("(a) ..."), ``Verdict``, ``Main evidence``, ``Why``, ``Red flags in the wording``:
    the flags the course judged from the source text (the table's optional ``red_flags`` column: a wrong
    drug or molecule name, off-topic text, an inverted fact ...) followed by those :func:`red_flags` finds
    in the wording (without the citation check, since the claims are paraphrased).
    """
    table = _check_table(claims, ("claim_id", "claim", "verdict", "evidence_type", "explanation"))
    unknown = ((set(table["verdict"]) - set(VERDICT_STYLE))
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
        "Verdict": [VERDICT_STYLE[v]["label"] for v in table["verdict"]],
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
    """A short reference name for a source row: "Autry 2011", "Spravato label", "UK Government 2014"."""
    try:
        authors, year, kind, title = (str(row[k]) for k in ("authors", "year", "kind", "title"))
    except (KeyError, TypeError):
        raise ValueError("row: needs authors, year, kind and title") from None
    if kind == "label":
        return f"{title.split()[0].strip(',').capitalize()} label"
    if pd.isna(row["authors"]) or not authors.strip():  # authors not shown on the pages read
        journal = row["journal"] if "journal" in row and not pd.isna(row["journal"]) else title
        return f"{journal} {year}"
    first = authors.split(",")[0].strip()
    parts = first.split()
    personal = len(parts) == 2 and parts[1].isupper() and len(parts[1]) <= 3  # "Domino EF"
    if "," in authors or "et al" in authors or personal:
        return f"{parts[0]} {year}"
    return f"{first} {year}"


def plot_hierarchy(hierarchy: pd.DataFrame, sources: pd.DataFrame, *, title: str, wrap: int = 58) -> Figure:
    """Draw the evidence pyramid and place sources on it by their ``kind``.

    Parameters
    ----------
    hierarchy
        ``helpers.data.load("evidence_hierarchy")``: columns ``kind``, ``tier`` (1 bottom to 5 top;
        0 = beside the pyramid) and ``tier_label``.
    sources
        Rows of ``sources.csv`` to place (columns ``id``, ``authors``, ``year``, ``kind``, ``title``).
    title
        Figure title (state the finding).
    wrap
        Characters per line of the source lists (>= 20).

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_table(hierarchy, ("kind", "tier", "tier_label"), "hierarchy")
    _check_table(sources, ("id", "authors", "year", "kind", "title"), "sources")
    if not isinstance(title, str) or not title.strip():
        raise ValueError("title: give a non-empty title that states the finding")
    if isinstance(wrap, bool) or not isinstance(wrap, int) or wrap < 20:
        raise ValueError(f"wrap: must be an integer >= 20, got {wrap!r}")
    tier_of = dict(zip(hierarchy["kind"], hierarchy["tier"].astype(int), strict=True))
    missing = sorted(set(sources["kind"]) - set(tier_of))
    if missing:
        raise ValueError(f"hierarchy: no tier for kind(s) {missing}")
    labels = hierarchy.drop_duplicates("tier").set_index("tier")["tier_label"]
    names: dict[int, list[str]] = {t: [] for t in labels.index}
    for _, row in sources.sort_values(["year", "id"]).iterrows():
        names[tier_of[row["kind"]]].append(short_name(row))
    tiers = sorted(t for t in labels.index if t > 0)
    hatches = ["", "//", "..", "\\\\", "xx"]
    fills = ["#f2f2f2", "#dbe9f6", "#c6dbef", "#9ecae1", "#6baed6"]
    fig, ax = figure(figsize=(12, 9))
    top = len(tiers)
    base = 1.4  # [row units] the official documents' box sits below the pyramid
    for i, tier in enumerate(tiers):
        y0, y1 = base + i, base + i + 1
        half0, half1 = 1 - i / top, max(1 - (i + 1) / top, 0.08)
        ax.add_patch(Polygon([(-half0, y0), (half0, y0), (half1, y1), (-half1, y1)], closed=True,
                             facecolor=fills[i % 5], edgecolor="black", hatch=hatches[i % 5]))
        ax.plot([half1 + 0.05, 1.12], [y0 + 0.82, y0 + 0.82], color="#777777", linewidth=1, linestyle="-")
        ax.text(1.15, y0 + 0.82, f"{tier}. {labels[tier]}", fontweight="bold", va="center")
        listed = ", ".join(names[tier]) or "(none of these sources)"
        ax.text(1.15, y0 + 0.64, _wrap(listed, wrap), va="top")
    if 0 in labels.index:
        ax.add_patch(Rectangle((-1, 0.1), 2, 1.0, facecolor="white", edgecolor="black", linestyle="--"))
        ax.text(0, 0.6, "beside the pyramid", ha="center", va="center", style="italic")
        ax.text(1.15, 1.0, f"{labels[0]}", fontweight="bold", va="center")
        ax.text(1.15, 0.82, _wrap(", ".join(names[0]) or "(none)", wrap), va="top")
    ax.annotate("", xy=(-1.25, base + top), xytext=(-1.25, base), arrowprops={"arrowstyle": "->", "lw": 2})
    ax.text(-1.33, base + top / 2, "Lower risk of bias (usually)", rotation=90, ha="right", va="center")
    ax.set_xlim(-1.5, 4.6)
    ax.set_ylim(0, base + top + 0.05)
    ax.axis("off")
    ax.set_title(title)
    return fig


def cumulative_remission_pct(remission_pct: Sequence[float]) -> float:
    """Illustrative cumulative remission [%] if every non-remitter went on to the next level.

    ``100 * (1 - prod(1 - p_i / 100))``: it assumes nobody left the study between levels, which is the
    key assumption to question when reading a cumulative figure.

    Parameters
    ----------
    remission_pct
        Remission rate of each level [%], each in [0, 100]; at least one value.
    """
    rates = array("remission_pct", remission_pct, min_value=0.0)
    if rates.ndim != 1 or rates.size == 0:
        raise ValueError("remission_pct: give a non-empty sequence of percentages")
    if np.any(rates > 100):
        raise ValueError("remission_pct: each value must be <= 100")
    still_ill = reduce(lambda acc, p: acc * (1 - p / 100), rates.tolist(), 1.0)
    return 100 * (1 - still_ill)


def remitters_by_level(levels: pd.DataFrame) -> pd.Series:
    """Approximate number of remitters per level: ``round(remission_pct / 100 * n_entered)``.

    Approximate because the published percentages are rounded (see
    :func:`helpers.stats.counts_from_percent`). Index: ``level``.
    """
    table = _check_table(levels, ("level", "n_entered", "remission_pct"), "levels")
    if table.empty:
        raise ValueError("levels: the table is empty")
    counts = [counts_from_percent(float(p), int(n)) for p, n in zip(table["remission_pct"],
                                                                     table["n_entered"], strict=True)]
    return pd.Series(counts, index=pd.Index(table["level"].astype(int), name="level"), name="remitters")


def plot_stard(levels: pd.DataFrame, *, title: str) -> Figure:
    """Bar chart of STAR*D remission [%] by treatment level, with the number entering each level.

    Parameters
    ----------
    levels
        ``helpers.data.load("stard_levels")``: columns ``level``, ``n_entered``, ``remission_pct``.
    title
        Figure title (state the finding).
    """
    table = _check_table(levels, ("level", "n_entered", "remission_pct"), "levels")
    if table.empty:
        raise ValueError("levels: the table is empty")
    if not isinstance(title, str) or not title.strip():
        raise ValueError("title: give a non-empty title that states the finding")
    ordered = table.sort_values("level")
    fig, ax = figure(figsize=(9, 5))
    x = np.arange(len(ordered))
    hatches = ["", "//", "..", "xx"]
    bars = ax.bar(x, ordered["remission_pct"].astype(float), color=OKABE_ITO["blue"], edgecolor="black",
                  width=0.6)
    for bar, hatch in zip(bars, hatches * len(bars), strict=False):
        bar.set_hatch(hatch)
        bar.set_facecolor("#9ecae1")
    for xi, pct_value in zip(x, ordered["remission_pct"].astype(float), strict=True):
        ax.text(xi, pct_value + 1, f"{pct_value:.1f}%", ha="center", va="bottom", fontweight="bold")
    ticks = [f"Level {int(lv)}\nn = {int(n):,} entered" for lv, n in zip(ordered["level"],
                                                                          ordered["n_entered"], strict=True)]
    ax.set_xticks(x, ticks)
    ax.set_ylim(0, 45)
    ax.set_ylabel("Remission (% of patients in the level)")
    ax.set_title(title)
    return fig
