"""The function behind notebook 04's trial menu: one trial's events shown with its sources."""

from __future__ import annotations

import pandas as pd

from helpers._validate import frame
from helpers.figures.rendering import show
from helpers.figures.side_effects.event_rates import _check_trial, plot_trial_events

__all__ = ["show_trial_events"]


def show_trial_events(trials: pd.DataFrame, trial: str = "TRANSFORM-1", min_pct: float = 10.0,
                      alt: str | None = None) -> None:
    """Show :func:`plot_trial_events` with the trial's source and a description (the widget's function).

    ``alt`` replaces the generic description, for a static figure whose result can be described.
    """

    name = _check_trial(frame("trials", trials, ("trial", "source_id")), trial)
    fig = plot_trial_events(trials, name, min_pct)
    ids = list(dict.fromkeys(trials.loc[trials["trial"] == name, "source_id"]))
    show(fig, alt=alt or f"Events reported in at least {min_pct:g} percent of an esketamine arm of {name}, "
         "each arm with its 95 percent interval, placebo beside esketamine.", sources=ids)

