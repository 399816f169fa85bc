"""Figures for notebook 01 (glutamate, the NMDA receptor and ketamine).

Each ``plot_*`` function draws one chart and returns the :class:`matplotlib.figure.Figure`; the notebook
shows it with :func:`helpers.figures.show` (source line and description). The maths lives in
:mod:`helpers.science.receptor`; nothing here computes a value that is not drawn. Series differ by line
style or marker as well as colour. Model curves are plain lines labelled "model" (markers would read as
measurements); a regimen keeps its course-wide colour (:data:`helpers.figures.style.ARM_STYLES`).

The charts are split by job; import them from here (``from helpers.figures import glutamate_nmda``):

``styles``
    :data:`TIME_SCALES`, :data:`STRENGTH_STYLE` and the colours of the model curves.
``model_curves``
    :func:`plot_mg_block` and :func:`plot_occupancy` (illustrative receptor-model curves).
``affinity``
    :func:`author_year` (a source as a reader names it) and :func:`plot_affinity` (Ki dot plot).
``cascade``
    :func:`cascade_title` and :func:`plot_cascade` (the hypothesised cascade as a timeline).
``explorer``
    :func:`show_mg_block`, the function behind the notebook's sliders.
"""

from helpers.figures.glutamate_nmda.affinity import author_year, plot_affinity
from helpers.figures.glutamate_nmda.cascade import cascade_title, plot_cascade
from helpers.figures.glutamate_nmda.explorer import show_mg_block
from helpers.figures.glutamate_nmda.model_curves import plot_mg_block, plot_occupancy
from helpers.figures.glutamate_nmda.styles import STRENGTH_STYLE, TIME_SCALES

__all__ = [
    "STRENGTH_STYLE",
    "TIME_SCALES",
    "author_year",
    "cascade_title",
    "plot_affinity",
    "plot_cascade",
    "plot_mg_block",
    "plot_occupancy",
    "show_mg_block",
]
