"""The course's figures: one style, one way to show a figure, one module of charts per notebook.

``show`` (from ``rendering``) displays a figure with its alt text, description and source line;
``explore`` wraps a ``show_*`` function in widgets. The charts of each notebook live in a module named
after the notebook:
``course_map`` (00), ``glutamate_nmda`` (01), ``dose_concentration_effect`` (02), ``onset_timing`` (03),
``side_effects`` (04), ``therapy_vs_recreational`` (05), ``reading_health_claims`` (06) and
``compared_with_what`` (07); ``style`` holds the palette, markers and ``figure()``.
"""

from helpers.figures.rendering import show
from helpers.figures.widgets import explore

__all__ = [
    "compared_with_what",
    "course_map",
    "dose_concentration_effect",
    "explore",
    "glutamate_nmda",
    "onset_timing",
    "reading_health_claims",
    "rendering",
    "show",
    "side_effects",
    "style",
    "therapy_vs_recreational",
]
