"""Notebook 06's charts: verdicts by kind of evidence (and its explorer), the evidence pyramid and STAR*D
remission by level with intervals.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle

from helpers._validate import columns as check_columns
from helpers._validate import title as check_title
from helpers._validate import wrap as check_wrap
from helpers.analysis.claims import (
    DOCUMENT_KINDS,
    EVIDENCE_LABELS,
    VERDICT_LABELS,
    filter_claims,
    main_sources,
    markdown_table,
    remission_intervals,
    short_name,
    verdict_matrix,
)
from helpers.data import load, split_ids
from helpers.data.vocab import CLAIM_VERDICTS
from helpers.figures.rendering import show
from helpers.figures.style import GREY, MARKERS, OKABE_ITO, figure

__all__ = [
    "VERDICT_STYLE",
    "distinct_names",
    "evidence_choices",
    "matrix_title",
    "plot_hierarchy",
    "plot_stard",
    "plot_verdict_matrix",
    "show_claims",
    "verdict_choices",
]

#: Display name, colour and marker of each verdict; position on the chart follows CLAIM_VERDICTS.
VERDICT_STYLE: dict[str, dict[str, str]] = {
    "supported": {"label": VERDICT_LABELS["supported"], "color": OKABE_ITO["bluish_green"],
                  "marker": MARKERS[0]},
    "partly_supported": {"label": VERDICT_LABELS["partly_supported"], "color": OKABE_ITO["orange"],
                         "marker": MARKERS[3]},
    "not_supported": {"label": VERDICT_LABELS["not_supported"], "color": OKABE_ITO["reddish_purple"],
                      "marker": MARKERS[4]},
    "false": {"label": VERDICT_LABELS["false"], "color": OKABE_ITO["vermillion"], "marker": MARKERS[6]},
}


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def distinct_names(sources: pd.DataFrame) -> dict[str, str]:
    """Short names of source rows (:func:`helpers.analysis.claims.short_name`), keyed by id, made distinct:
    names that repeat get a letter in order of id ("US Food and Drug Administration 2019a", "... 2019b")."""
    check_columns("sources", sources, ("id", "authors", "year", "kind", "title"))
    ordered = sources.sort_values("id")
    names = {row["id"]: short_name(row) for _, row in ordered.iterrows()}
    seen: dict[str, int] = {}
    repeated = {n for n in names.values() if list(names.values()).count(n) > 1}
    for source_id, name in names.items():
        if name in repeated:
            seen[name] = seen.get(name, 0) + 1
            names[source_id] = f"{name}{'abcdefghij'[seen[name] - 1]}"
    return names


def verdict_choices() -> list[tuple[str, str]]:
    """(words, value) options of the explorer's verdict menu: "all verdicts", then each verdict in words
    ("partly supported"), as the chart and the text write it."""
    return [("all verdicts", "all"), *((VERDICT_LABELS[v].lower(), v) for v in CLAIM_VERDICTS)]


def evidence_choices(claims: pd.DataFrame) -> list[tuple[str, str]]:
    """(words, value) options of the explorer's evidence menu: "any kind", then only the kinds of main
    evidence that occur in ``claims``, in the chart's row order and words ("drug label")."""
    kinds = verdict_matrix(claims).index
    return [("any kind", "all"), *((EVIDENCE_LABELS[k], k) for k in kinds)]


def _scope(verdict: str | None, evidence_type: str | None) -> str:
    parts = []
    if verdict is not None:
        parts.append(f"graded {VERDICT_LABELS[verdict].lower()}")
    if evidence_type is not None:
        parts.append(f"resting mainly on {_article(EVIDENCE_LABELS[evidence_type])}")
    return " and ".join(parts)


def _article(words: str) -> str:
    """ "a drug label", "an animal study"."""
    return f"an {words}" if words[0] in "aeiou" else f"a {words}"


def matrix_title(claims: pd.DataFrame, verdict: str = "all", evidence_type: str = "all") -> str:
    """The verdict chart's title, in words: for the whole table, the finding (how many false claims a
    document refutes); for a choice of verdict and/or evidence, how many claims it holds.

    Raises
    ------
    ValueError
        ``claims`` is not a claims table, or ``verdict`` / ``evidence_type`` is unknown.
    """
    shown = filter_claims(claims, verdict, evidence_type)
    total = len(claims)
    if verdict in (None, "all") and evidence_type in (None, "all"):
        false = claims[claims["verdict"] == "false"]
        by_document = int(false["evidence_type"].isin(["label", "regulation"]).sum())
        return (f"{by_document} of the {len(false)} false claims are refuted by a drug label or a law, "
                "not by a study")
    chosen = _scope(None if verdict == "all" else verdict, None if evidence_type == "all" else evidence_type)
    return f"{len(shown)} of the {total} claims {'is' if len(shown) == 1 else 'are'} {chosen}"


def plot_verdict_matrix(claims: pd.DataFrame, *, title: str, verdict: str | None = None,
                        evidence_type: str | None = None) -> Figure:
    """Count the claims per kind of main evidence (rows) and verdict (columns), and highlight a choice.

    Each cell writes its number of claims (colour and the column's marker repeat the verdict); cells
    outside the chosen verdict and/or evidence kind are drawn faded. No claim text is drawn, so no claim
    appears without its verdict.

    Parameters
    ----------
    claims
        A claims table with columns ``verdict`` and ``evidence_type`` (``helpers.data.load("claims")``).
    title
        Figure title (state the finding).
    verdict, evidence_type
        The choice to highlight, as in :func:`helpers.analysis.claims.filter_claims` (``None`` or
        ``"all"``: no filter).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        A table, title or choice is invalid.
    """
    matrix = verdict_matrix(claims)
    check_title(title)
    filter_claims(claims, verdict, evidence_type)  # validates the choice
    wanted_verdict = None if verdict in (None, "all") else verdict
    wanted_kind = None if evidence_type in (None, "all") else evidence_type
    chosen = wanted_verdict is not None or wanted_kind is not None
    rows, cols = matrix.shape
    biggest = max(int(matrix.to_numpy().max()), 1)
    fig, ax = figure(figsize=(9.5, 1.9 + 0.42 * rows))
    for c, v in enumerate(matrix.columns):
        style = VERDICT_STYLE[v]
        total = int(matrix[v].sum())
        ax.text(c, -0.95, f"{style['label']}\n({total} claim{'s' if total != 1 else ''})", ha="center",
                va="bottom", fontweight="bold")
        ax.plot(c, -0.72, linestyle="none", marker=style["marker"], markersize=10, color=style["color"],
                markeredgecolor="black", clip_on=False)
        for r, kind in enumerate(matrix.index):
            n = int(matrix.loc[kind, v])
            inside = (wanted_verdict in (None, v)) and (wanted_kind in (None, kind))
            if n:
                face = style["color"] if inside else "#e6e6e6"
                alpha = 0.25 + 0.5 * n / biggest if inside else 1.0
                ax.add_patch(Rectangle((c - 0.42, r - 0.4), 0.84, 0.8, facecolor=face, alpha=alpha,
                                       edgecolor="none"))
                ax.text(c, r, str(n), ha="center", va="center", fontweight="bold",
                        color="black" if inside else GREY)
            if chosen and inside and n:
                ax.add_patch(Rectangle((c - 0.42, r - 0.4), 0.84, 0.8, fill=False, edgecolor="black",
                                       linewidth=2))
    documents = sum(k in DOCUMENT_KINDS for k in matrix.index)
    if 0 < documents < rows:
        ax.axhline(documents - 0.5, color="black", linewidth=1)
        ax.text(cols - 0.45, documents / 2 - 0.5, "documents,\nnot study\ndesigns", ha="left",
                va="center", style="italic")
        ax.text(cols - 0.45, (documents + rows) / 2 - 0.5, "studies and\nreviews", ha="left", va="center",
                style="italic")
    for r in range(rows + 1):
        ax.axhline(r - 0.5, color="#dddddd", linewidth=0.8, zorder=0)
    ax.set_yticks(range(rows), [EVIDENCE_LABELS[k] for k in matrix.index])
    ax.set_xticks([])
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_ylabel("Main evidence behind the verdict")
    ax.tick_params(axis="y", length=0)
    ax.grid(False)
    for side in ("left", "right", "bottom", "top"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, pad=62)
    return fig


def show_claims(claims: pd.DataFrame, verdict: str = "all", evidence_type: str = "all") -> None:
    """Display the verdict chart for a choice (for :func:`helpers.figures.explore`), then list the chosen
    claims, each with its verdict, main evidence and sources.

    With no choice ("all", "all") the chart alone is shown. A choice that holds no claim draws no chart:
    a sentence says so and points back to the chart above.
    """
    from IPython.display import Markdown, display

    shown = filter_claims(claims, verdict, evidence_type)
    wanted_verdict = None if verdict in (None, "all") else verdict
    wanted_kind = None if evidence_type in (None, "all") else evidence_type
    if shown.empty:
        display(Markdown(f"No claim in the table is {_scope(wanted_verdict, wanted_kind)}. Choose another "
                         "pair: the chart above shows which pairs hold claims."))
        return
    registry = load("sources")
    fig = plot_verdict_matrix(claims, title=matrix_title(claims, verdict, evidence_type), verdict=verdict,
                              evidence_type=evidence_type)
    matrix = verdict_matrix(claims)
    false = ", ".join(f"{int(n)} on {_article(EVIDENCE_LABELS[k])}" for k, n in matrix["false"].items() if n)
    chosen = _scope(wanted_verdict, wanted_kind)
    n = len(shown)
    focus = ""
    if chosen:
        focus = f"; the {n} claim{'s' if n != 1 else ''} {chosen} {'are' if n != 1 else 'is'} highlighted"
    show(fig, alt=f"Table chart of the {len(claims)} claims counted by verdict and by the kind of their main "
                  f"evidence; of the {int(matrix['false'].sum())} false claims, {false}{focus}.",
         sources=main_sources(claims, registry))
    if chosen:
        names = distinct_names(registry)
        listed = pd.DataFrame({
            "Claim": [f"({i}) \u201c{c}\u201d"
                      for i, c in zip(shown["claim_id"], shown["claim"], strict=True)],
            "Verdict": [VERDICT_LABELS[v] for v in shown["verdict"]],
            "Main evidence": [EVIDENCE_LABELS[k] for k in shown["evidence_type"]],
            "Sources": ["; ".join(names[i] for i in split_ids(cell)) for cell in shown["source_id"]],
        })
        display(Markdown(markdown_table(listed)))


def plot_hierarchy(hierarchy: pd.DataFrame, sources: pd.DataFrame, *, title: str, wrap: int = 58,
                   notes: Mapping[str, str] | None = None) -> Figure:
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
    notes
        Caveats shown under the pyramid, keyed by source id: the source's name gets a mark (*, †, ‡ …)
        and the note is printed with the same mark, so a reader sees why a source sits where it does.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        A table lacks a column, a kind has no tier, or a note names a source that is not placed.
    """
    check_columns("hierarchy", hierarchy, ("kind", "tier", "tier_label"))
    check_columns("sources", sources, ("id", "authors", "year", "kind", "title"))
    check_title(title)
    check_wrap(wrap, min_value=20)
    tier_of = dict(zip(hierarchy["kind"], hierarchy["tier"].astype(int), strict=True))
    missing = sorted(set(sources["kind"]) - set(tier_of))
    if missing:
        raise ValueError(f"hierarchy: no tier for kind(s) {missing}")
    notes = dict(notes or {})
    if not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in notes.items()):
        raise ValueError("notes: give {source id: non-empty text}")
    unplaced = sorted(set(notes) - set(sources["id"]))
    if unplaced:
        raise ValueError(f"notes: {unplaced} are not among the sources placed")
    marks = dict(zip(notes, ("*", "\u2020", "\u2021", "\u00a7", "\u00b6"), strict=False))
    if len(marks) < len(notes):
        raise ValueError("notes: at most 5 notes")
    labels = hierarchy.drop_duplicates("tier").set_index("tier")["tier_label"]
    short = distinct_names(sources)
    names: dict[int, list[str]] = {t: [] for t in labels.index}
    for _, row in sources.sort_values(["year", "id"]).iterrows():
        names[tier_of[row["kind"]]].append(short[row["id"]] + marks.get(row["id"], ""))
    tiers = sorted(t for t in labels.index if t > 0)
    # Darker fill for a higher tier (the order is the meaning); no hatching, which would mean nothing.
    fills = ["#f2f2f2", "#dbe9f6", "#c6dbef", "#9ecae1", "#6baed6"]
    fig, ax = figure(figsize=(12, 9))
    top = len(tiers)
    base = 1.4  # [row units] the official documents' box sits below the pyramid
    for i, tier in enumerate(tiers):
        y0, y1 = base + i, base + i + 1
        half0, half1 = 1 - i / top, max(1 - (i + 1) / top, 0.08)
        ax.add_patch(Polygon([(-half0, y0), (half0, y0), (half1, y1), (-half1, y1)], closed=True,
                             facecolor=fills[i % 5], edgecolor="black"))
        ax.plot([half1 + 0.05, 1.12], [y0 + 0.82, y0 + 0.82], color="#777777", linewidth=1, linestyle="-")
        ax.text(1.15, y0 + 0.82, f"{tier}. {labels[tier]}", fontweight="bold", va="center")
        listed = ", ".join(names[tier]) or "(none of these sources)"
        ax.text(1.15, y0 + 0.64, _wrap(listed, wrap), va="top")
    lowest = None  # the text that reaches lowest: the notes go under it
    if 0 in labels.index:
        ax.add_patch(Rectangle((-1, 0.1), 2, 1.0, facecolor="white", edgecolor="black", linestyle="--"))
        ax.text(0, 0.6, "beside the pyramid", ha="center", va="center", style="italic")
        ax.text(1.15, 1.0, f"{labels[0]}", fontweight="bold", va="center")
        lowest = ax.text(1.15, 0.82, _wrap(", ".join(names[0]) or "(none)", wrap), va="top")
    ax.annotate("", xy=(-1.25, base + top), xytext=(-1.25, base), arrowprops={"arrowstyle": "->", "lw": 2})
    ax.text(-1.33, base + top / 2, "Lower risk of bias (usually)", rotation=90, ha="right", va="center")
    if notes:  # under everything else, outside the axes: the cropped figure grows to hold them
        lines = [f"{marks[k]} {short[k]}: {v}" for k, v in notes.items()]
        text = "\n".join(_wrap(line, 120).replace("\n", "\n    ") for line in lines)
        if lowest is None:
            ax.text(-1.5, -0.1, text, va="top", ha="left", gid="pyramid-notes")
        else:
            ax.annotate(text, xy=(-1.5, 0.0), xycoords=("data", lowest), xytext=(0, -12),
                        textcoords="offset points", va="top", ha="left", gid="pyramid-notes")
    ax.set_xlim(-1.5, 4.6)
    ax.set_ylim(0, base + top + 0.05)
    ax.axis("off")
    ax.set_title(title)
    return fig


def plot_stard(levels: pd.DataFrame, *, title: str) -> Figure:
    """Bar chart of STAR*D remission (%) by treatment level, with 95 % Wilson intervals and the number of
    patients entering each level.

    Remission is the self-rated QIDS-SR definition of Rush et al. (2006), named on the axis. One fill for
    every bar (the level is on the axis); the intervals use counts reconstructed from the rounded
    percentages (:func:`helpers.analysis.claims.remission_intervals`).

    Parameters
    ----------
    levels
        ``helpers.data.load("stard_levels")``: columns ``level``, ``n_entered``, ``remission_pct``.
    title
        Figure title (state the finding).

    Raises
    ------
    ValueError
        The table is empty or lacks a column, or the title is empty.
    """
    table = check_columns("levels", levels, ("level", "n_entered", "remission_pct"))
    if table.empty:
        raise ValueError("levels: the table is empty")
    check_title(title)
    ordered = remission_intervals(table)
    fig, ax = figure(figsize=(9, 5.2))
    x = np.arange(len(ordered))
    pct = ordered["remission_pct"].to_numpy()
    ax.bar(x, pct, color="#9ecae1", edgecolor="black", width=0.6, label="Reported remission")
    errors = np.vstack([pct - ordered["low_pct"].to_numpy(), ordered["high_pct"].to_numpy() - pct])
    ax.errorbar(x, pct, yerr=errors, fmt="none", ecolor="black", elinewidth=1.5, capsize=6,
                label="95% Wilson interval")
    for xi, value, high in zip(x, pct, ordered["high_pct"], strict=True):
        ax.text(xi + 0.08, high + 0.8, f"{value:.1f}%", ha="left", va="bottom", fontweight="bold")
    ticks = [f"Level {int(lv)}\n{int(n):,} entered" for lv, n in zip(ordered["level"], ordered["n_entered"],
                                                                   strict=True)]
    ax.set_xticks(x, ticks)
    ax.set_ylim(0, 50)
    ax.set_ylabel("Remission (%) on the QIDS-SR,\nof the patients entering the level")
    ax.legend(loc="upper right", frameon=False)
    ax.set_title(title)
    return fig
