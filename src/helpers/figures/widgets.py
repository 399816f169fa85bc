"""Interactive controls for the figure helpers: ``explore(show_function, **controls)``.

Every interactive cell in the course comes right after a static figure of the starting values, drawn by
the same ``show_...`` helper (so that decks, nbval and readers without a kernel see it too). ``explore``
builds the controls with :class:`ipywidgets.interactive` but does not draw that figure a second time:
until a control moves, the space under the controls holds a one-line hint; each move then draws the
figure for the chosen values there, with its source line and description, and the static figure above
stays as the reference to compare with.

>>> _ = explore(receptor_plots.show_mg_block, v_mv=(-100.0, 40.0, 5.0))   # doctest: +SKIP
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

__all__ = ["HINT", "explore"]

HINT = ("Move a control: the figure for the values you choose appears here "
        "(the figure above shows the starting values).")


def explore(show: Callable[..., Any], /, **controls: Any) -> Any:
    """Controls for ``show`` that redraw its figure under them once a control moves.

    Parameters
    ----------
    show
        A helper that displays one figure with :func:`helpers.figures.show` (such as
        :func:`helpers.figures.dose_concentration_effect.show_dose_explorer`). Its default arguments are the
        controls' starting
        values unless a control says otherwise, as with :func:`ipywidgets.interact`.
    **controls
        The controls, written as for :func:`ipywidgets.interact`: ``(min, max, step)`` for a slider, a
        list for a menu, a widget, or ``ipywidgets.fixed(value)`` for an argument without a control.

    Returns
    -------
    ipywidgets.interactive
        The displayed widget (assign it, ``_ = explore(...)``, so that the cell prints nothing else).

    Raises
    ------
    ValueError
        ``show`` is not callable, a control names no argument of ``show``, or no argument gets a
        control.
    """
    from IPython.display import display
    from ipywidgets import fixed, interactive

    if not callable(show):
        raise ValueError(f"show: expected a function that displays a figure, got {type(show).__name__}")
    parameters = inspect.signature(show).parameters
    unknown = sorted(set(controls) - set(parameters))
    if unknown:
        raise ValueError(f"controls: {', '.join(unknown)} is not an argument of "
                         f"{getattr(show, '__name__', show)}")
    if all(isinstance(value, fixed) for value in controls.values()):
        raise ValueError("controls: give at least one argument a control (a range, a list or a widget)")
    moved = False

    @functools.wraps(show)  # interactive reads show's signature: its defaults start the controls
    def redraw(**values: Any) -> None:
        nonlocal moved
        if not moved:  # the call interactive makes while building the controls
            moved = True
            print(HINT)
            return
        show(**values)

    widget = interactive(redraw, **controls)
    display(widget)
    return widget
