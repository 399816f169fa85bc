"""The function behind notebook 01's interactive Mg²⁺-block explorer (sliders for potential and Mg²⁺).

:func:`show_mg_block` draws :func:`helpers.figures.glutamate_nmda.plot_mg_block` and displays it with
:func:`helpers.figures.show`.
"""

from __future__ import annotations

from helpers.figures.glutamate_nmda.model_curves import plot_mg_block
from helpers.figures.rendering import show
from helpers.science.receptor import mg_unblocked_fraction

__all__ = ["show_mg_block"]


def show_mg_block(v_mv: float = -70.0, mg_mm: float = 1.0) -> None:
    """Show the Mg²⁺-block curve at one Mg²⁺ level [mM], marking the unblocked share at ``v_mv`` [mV].

    The function behind the notebook's sliders: it draws :func:`plot_mg_block` and displays it with
    :func:`helpers.figures.show` (source line and a description that states the marked value).
    """

    pct = 100 * mg_unblocked_fraction(v_mv, mg_mm)
    fig = plot_mg_block(
        [mg_mm], highlight_v_mv=v_mv,
        title=f"Model: {pct:.0f}% unblocked at {v_mv:g} mV and {mg_mm:.2g} mM Mg²⁺",
    )
    show(fig, alt=f"S-shaped model curve of unblocked NMDA conductance against membrane potential at "
         f"{mg_mm:.2g} mM Mg²⁺, with a marker at {v_mv:g} mV showing {pct:.0f}% unblocked.",
         sources=["jahr1990"])
