"""Charts and student-facing tables of notebook 02: concentration curves over effect bands, the dose explorer.

Every function that draws returns a :class:`matplotlib.figure.Figure` (drawn in the course style) and never
shows it: display it with :func:`helpers.figures.show` so that it carries its sources and a text
description. Model curves take the course's one style per regimen (:func:`helpers.figures.style.model_style`:
colour and line style, no markers, since markers would read as measurements) and say "model" in the
legend; effect bands are neutral grey fills told apart by hatching and labelled in the plot, so neither a
band nor a series is carried by colour alone. :func:`student_table` shows a data table with column headers
in words, without the pandas index, and with a dash where a source reports nothing.

The package gathers one module per job; import any name from the package itself
(``from helpers.figures import dose_concentration_effect as plots``):

``curves``
    The effect bands (:data:`BAND_STYLE`), each regimen's curve style (:func:`regimen_style_key`), model
    curves over the bands (:func:`plot_curves_over_bands`) and beside timing milestones
    (:func:`plot_time_course`).
``explorer``
    The dose explorer: its clinical regimens (:data:`EXPLORER_REGIMENS`), its chart
    (:func:`plot_dose_explorer`), its sources and the widget's function (:func:`show_dose_explorer`).
``bioavailability``
    Routes in words (:data:`ROUTE_WORDS`) and the bioavailability dot plot (:func:`plot_bioavailability`).
``tables``
    Tables a student reads (:func:`student_table`, :class:`StudentTable`, :data:`MISSING`) and
    :func:`short_citations`.
"""

from __future__ import annotations

from helpers.figures.dose_concentration_effect.bioavailability import ROUTE_WORDS, plot_bioavailability
from helpers.figures.dose_concentration_effect.curves import (
    BAND_EFFECTS,
    BAND_STYLE,
    MODEL_LEGEND_TITLE,
    RACEMIC_BANDS_NOTE,
    plot_curves_over_bands,
    plot_time_course,
    regimen_style_key,
)
from helpers.figures.dose_concentration_effect.explorer import (
    EXPLORER_ARM_SOURCES,
    EXPLORER_REFERENCE,
    EXPLORER_REGIMENS,
    explorer_choices,
    explorer_regimen,
    explorer_sources,
    explorer_style_key,
    plot_dose_explorer,
    show_dose_explorer,
)
from helpers.figures.dose_concentration_effect.tables import (
    MISSING,
    StudentTable,
    short_citations,
    student_table,
)

__all__ = [
    "BAND_EFFECTS",
    "BAND_STYLE",
    "EXPLORER_ARM_SOURCES",
    "EXPLORER_REFERENCE",
    "EXPLORER_REGIMENS",
    "MISSING",
    "MODEL_LEGEND_TITLE",
    "RACEMIC_BANDS_NOTE",
    "ROUTE_WORDS",
    "StudentTable",
    "explorer_choices",
    "explorer_regimen",
    "explorer_sources",
    "explorer_style_key",
    "plot_bioavailability",
    "plot_curves_over_bands",
    "plot_dose_explorer",
    "plot_time_course",
    "regimen_style_key",
    "short_citations",
    "show_dose_explorer",
    "student_table",
]
