"""Notebook 03's charts: the onset timeline, early response rates, the SSRI build-up and time courses.

Every ``plot_*`` function returns a :class:`matplotlib.figure.Figure` in the course style and never shows it;
``show_*`` functions display one with its description and sources (they back the notebook's widgets). Every
arm is drawn in its course-wide style (:data:`helpers.figures.style.ARM_STYLES`, see :data:`ARM_KEYS`):
measured points with markers, model curves without; control arms have open markers, drug arms filled ones.

The code is split by job; every name is re-exported here, so ``from helpers.figures import onset_timing``
works as before:

``styles``
    the time axis ticks, milestone, family and arm styles, and the shared labels (``arm_key``,
    ``author_year``, ``fit_title``);
``charts``
    the static charts: ``plot_onset_timeline``, ``plot_early_response``, ``plot_ssri_build_up``;
``time_course``
    the time-course explorer: ``plot_time_course``, its menu options, alt text and ``show_time_course``.
"""

from helpers.figures.onset_timing.charts import plot_early_response, plot_onset_timeline, plot_ssri_build_up
from helpers.figures.onset_timing.styles import (
    ARM_KEYS,
    FAMILY_STYLE,
    MILESTONE_STYLE,
    TIME_TICKS_H,
    arm_key,
    author_year,
    fit_title,
)
from helpers.figures.onset_timing.time_course import (
    plot_time_course,
    show_time_course,
    time_course_alt,
    time_course_options,
    time_course_panels,
)

__all__ = [
    "ARM_KEYS",
    "FAMILY_STYLE",
    "MILESTONE_STYLE",
    "TIME_TICKS_H",
    "arm_key",
    "author_year",
    "fit_title",
    "plot_early_response",
    "plot_onset_timeline",
    "plot_ssri_build_up",
    "plot_time_course",
    "show_time_course",
    "time_course_alt",
    "time_course_options",
    "time_course_panels",
]
