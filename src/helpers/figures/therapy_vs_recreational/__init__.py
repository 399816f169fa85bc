"""Notebook 05's charts and tables: therapy beside non-medical use.

The regimen curves use the course's one style per regimen (:data:`helpers.figures.style.ARM_STYLES`: model
curves as plain lines labelled "model", no markers), so notebooks 02 and 05 draw each regimen alike. Effect
bands are grey and hatched, never in a series colour. Tables a student reads are returned as left-aligned
Markdown with column names in words and units in parentheses.

The code is split by job; every name is re-exported here, so ``from helpers.figures import
therapy_vs_recreational`` works as before:

``styles``
    the bands shown (notebook 02's) and the event charts' sizes: :data:`BAND_EFFECTS`,
    :data:`MIN_ROW_HEIGHT_IN`;
``tables``
    the tables in words: :func:`markdown_table` and the ``*_table`` functions;
``charts``
    the static charts: :func:`plot_regimens_over_bands`, :func:`plot_excess_over_placebo`,
    :func:`plot_session_timeline`;
``explorer``
    the body-system explorer: :data:`SYSTEM_NAMES`, :data:`OTHER_SYSTEMS`, :func:`event_groups`,
    :func:`event_group_rows` and the ``plot_*``/``show_*`` functions behind the notebook's menu.
"""

# body_systems was reachable from the old single module (tests call it from here): keep it reachable
from helpers.analysis.adverse import body_systems as body_systems
from helpers.figures.therapy_vs_recreational.charts import (
    plot_excess_over_placebo,
    plot_regimens_over_bands,
    plot_session_timeline,
)
from helpers.figures.therapy_vs_recreational.explorer import (
    OTHER_SYSTEMS,
    SYSTEM_NAMES,
    event_group_rows,
    event_groups,
    plot_body_system,
    plot_event_group,
    show_body_system,
    show_event_group,
)
from helpers.figures.therapy_vs_recreational.styles import BAND_EFFECTS, MIN_ROW_HEIGHT_IN
from helpers.figures.therapy_vs_recreational.tables import (
    abuse_table,
    claims_table,
    harms_table,
    legal_table,
    markdown_table,
    position_table,
    risk_table,
    side_by_side_table,
)

__all__ = [
    "BAND_EFFECTS",
    "MIN_ROW_HEIGHT_IN",
    "OTHER_SYSTEMS",
    "SYSTEM_NAMES",
    "abuse_table",
    "claims_table",
    "event_group_rows",
    "event_groups",
    "harms_table",
    "legal_table",
    "markdown_table",
    "plot_body_system",
    "plot_event_group",
    "plot_excess_over_placebo",
    "plot_regimens_over_bands",
    "plot_session_timeline",
    "position_table",
    "risk_table",
    "show_body_system",
    "show_event_group",
    "side_by_side_table",
]
