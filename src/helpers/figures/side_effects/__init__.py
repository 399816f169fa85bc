"""Notebook 04's charts: risk differences against placebo, adverse events across trials, the time course.

Every arm is drawn in the course's style (:data:`helpers.figures.style.ARM_STYLES`): esketamine 56 mg,
esketamine 84 mg, esketamine at a flexible or pooled dose (56 or 84 mg) and placebo each keep one colour and
marker in every chart of this package, and the IV racemic infusion of the time course keeps its own.

The code is split by job; every name is re-exported here, so ``from helpers.figures import side_effects``
works as before:

``styles``
    which course style draws which arm: :data:`ARM_KEYS`, :func:`arm_key`, :data:`DRUG_STYLE` and
    :data:`PLACEBO_STYLE` (filled markers for esketamine, open ones for placebo);
``event_rates``
    the charts of how often events occur: :func:`plot_risk_differences` (the label's pooled table),
    :func:`plot_trials` (one panel per trial) and :func:`plot_trial_events` (one trial, 95% intervals);
``time_course``
    :func:`plot_time_course`, the schematic timeline of acute effects;
``explorer``
    :func:`show_trial_events`, the function behind the notebook's trial menu.

:func:`trial_names` (from :mod:`helpers.analysis.adverse`) is re-exported too: the single module offered it,
and callers list the trials of :func:`show_trial_events` with it.
"""

from helpers.analysis.adverse import trial_names
from helpers.figures.side_effects.event_rates import plot_risk_differences, plot_trial_events, plot_trials
from helpers.figures.side_effects.explorer import show_trial_events
from helpers.figures.side_effects.styles import ARM_KEYS, DRUG_STYLE, PLACEBO_STYLE, arm_key
from helpers.figures.side_effects.time_course import plot_time_course

__all__ = [
    "ARM_KEYS",
    "DRUG_STYLE",
    "PLACEBO_STYLE",
    "arm_key",
    "plot_risk_differences",
    "plot_time_course",
    "plot_trial_events",
    "plot_trials",
    "show_trial_events",
    "trial_names",
]
