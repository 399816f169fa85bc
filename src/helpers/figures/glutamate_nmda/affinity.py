"""The binding-affinity chart of notebook 01 and how a source is named to a reader.

:func:`author_year` turns an id of ``data/sources.csv`` into "Ebert et al. 1997" (legends and tables in
words, not code names); :func:`plot_affinity` draws the Ki dot plot whose legend uses those names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers import data
from helpers._validate import frame as check_frame
from helpers._validate import title as check_title
from helpers.figures.style import GREY, MARKERS, PALETTE, figure, log_scale

__all__ = ["author_year", "plot_affinity"]


def author_year(source_id: str) -> str:
    """A source as a reader names it: "Ebert et al. 1997", "Kapur & Seeman 2002".

    Parameters
    ----------
    source_id
        An id of ``data/sources.csv``.

    Returns
    -------
    str
        First author's surname and the year; "A & B" for two authors, "A et al." for more; the journal or
        publisher when no author is registered.

    Raises
    ------
    ValueError
        ``source_id`` is not a string or not a registered source.
    """
    if not isinstance(source_id, str) or not source_id.strip():
        raise ValueError(f"source_id: give a source id of sources.csv, got {source_id!r}")
    (source_id,) = data.source_ids([source_id])
    row = data.load("sources").set_index("id").loc[source_id]
    year = int(row["year"])
    if pd.isna(row["authors"]):
        return f"{row['journal']} {year}"
    names = [name.strip() for name in str(row["authors"]).split(",") if name.strip()]
    # "Ebert B" -> "Ebert"; an organisation ("Janssen Pharmaceuticals") keeps its whole name
    surnames = [re.sub(r"\s+[A-Z]{1,3}$", "", name) for name in names if name != "et al."]
    if len(names) == 2 and "et al." not in names:
        return f"{surnames[0]} & {surnames[1]} {year}"
    if len(names) == 1:
        return f"{surnames[0]} {year}"
    return f"{surnames[0]} et al. {year}"


def plot_affinity(table: pd.DataFrame, *, title: str, main_target: str = "NMDA receptor",
                  contested_targets: Sequence[str] = ()) -> Figure:
    """Binding affinities (Ki, log scale) as a dot plot: the main target in the upper panel, the other
    targets in the lower one.

    Parameters
    ----------
    table
        Columns ``compound``, ``target``, ``ki_um`` [µM] and ``source_id``, such as
        ``helpers.data.load("nmda_affinity")``. Every ``ki_um`` must be > 0 and every ``source_id`` a
        registered source.
    title
        The figure title (state the finding).
    main_target
        The target of the upper panel; it must occur in ``table``. Rows of other targets go to the lower
        panel (which is left out when there are none).
    contested_targets
        Targets whose in-vitro binding is contested: their markers are open and grey and the row is
        annotated "contested", so a skimming reader does not take them as the drug's tightest action.

    Returns
    -------
    matplotlib.figure.Figure

    Notes
    -----
    Marker shape and colour tell the sources (assays) apart and the legend names them by author and year
    (:func:`author_year`); the value is written beside each marker. Smaller Ki means tighter binding, so
    the shared axis runs from strong (left) to weak (right) binding.
    """
    frame = check_frame("table", table, ["compound", "target", "ki_um", "source_id"])
    check_title(title)
    ki = pd.to_numeric(frame["ki_um"], errors="coerce").to_numpy(dtype=float)
    if not np.all(np.isfinite(ki)) or np.any(ki <= 0):
        raise ValueError("table: ki_um must be finite and > 0")
    if not isinstance(main_target, str) or main_target not in set(frame["target"]):
        raise ValueError(f"main_target: must be a target of the table, got {main_target!r}")
    if isinstance(contested_targets, str):
        raise ValueError("contested_targets: give a list of targets, not one string")
    contested = list(contested_targets)
    unknown = sorted(set(contested) - set(frame["target"]))
    if unknown or main_target in contested:
        raise ValueError(f"contested_targets: not other targets of the table: {unknown or [main_target]}")
    ordered = frame.assign(_ki=ki, _main=frame["target"] != main_target)
    ordered = ordered.sort_values(["_main", "target", "_ki"], kind="stable").reset_index(drop=True)
    sources = list(dict.fromkeys(ordered["source_id"]))
    if len(sources) > len(PALETTE):
        raise ValueError(f"table: at most {len(PALETTE)} different sources can be drawn")
    try:
        names = {source: author_year(source) for source in sources}
    except ValueError:
        raise ValueError("table: every source_id must be a source of sources.csv") from None
    panels = [ordered[~ordered["_main"]], ordered[ordered["_main"]]]
    panels = [p for p in panels if len(p)]
    heights = [len(p) + 0.6 for p in panels]
    fig, axes = figure(len(panels), 1, figsize=(10, 0.5 * sum(heights) + 2.4), sharex=True,
                       gridspec_kw={"height_ratios": heights}, squeeze=False)
    axes = axes[:, 0]
    for ax, rows in zip(axes, panels, strict=True):
        y = np.arange(len(rows))[::-1]
        is_contested = rows["target"].isin(contested).to_numpy()
        for j, source in enumerate(sources):
            own = (rows["source_id"] == source).to_numpy()
            for grey in (False, True):
                pick = own & (is_contested == grey)
                if not pick.any():
                    continue
                ax.plot(rows.loc[pick, "_ki"], y[pick], linestyle="none", marker=MARKERS[j], markersize=10,
                        markerfacecolor="white" if grey else PALETTE[j],
                        markeredgecolor=GREY if grey else "black", markeredgewidth=1.6 if grey else 1.0)
        for yi, grey, (_, row) in zip(y, is_contested, rows.iterrows(), strict=True):
            note = "  contested: see claim (b)" if grey else ""
            ax.annotate(f"{row['_ki']:g} µM{note}", (row["_ki"], yi), xytext=(9, -4),
                        textcoords="offset points", fontsize=11, color=GREY if grey else "black")
        main = not rows["_main"].iloc[0]
        one_compound = rows["compound"].nunique() == 1
        labels = [r.compound if main else (r.target if one_compound else f"{r.compound} · {r.target}")
                  for r in rows.itertuples()]
        ax.set_yticks(y, labels)
        for tick, grey in zip(ax.get_yticklabels(), is_contested, strict=True):
            if grey:
                tick.set_color(GREY)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        panel = main_target if main else "Other targets"
        if one_compound and not main:
            panel += f" ({rows['compound'].iloc[0]})"
        ax.set_title(panel, loc="left", fontsize=13)
    log_scale(axes[-1], "x")
    axes[-1].set_xlim(ordered["_ki"].min() / 3, ordered["_ki"].max() * 12)
    axes[-1].set_xlabel("Ki (µM, log scale) — left = binds more tightly")
    for j, source in enumerate(sources):
        axes[0].plot([], [], linestyle="none", marker=MARKERS[j], markersize=10, color=PALETTE[j],
                     markeredgecolor="black", label=names[source])
    axes[0].legend(title="Source (assay)", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.suptitle(title, x=axes[0].get_position().x0, ha="left", fontweight="bold")
    return fig
