"""Graded questions of the nbgrader release: variants of the self-study exercises, one or more per lesson.

The answer key behind ``check()`` (:mod:`helpers.exercises.answers`) is installed with the course, so a
question graded for points must not be answerable by reading it. Each graded question therefore asks for
another event, dose, arm or level than the self-study exercise it varies, and its expected value exists
only here (authoring tools, not in the wheel) and, once built, in the nbgrader *source* notebooks' hidden
tests (``### BEGIN HIDDEN TESTS``), which ``nbgrader generate_assignment`` strips from the release. The
values are recomputed from the course's helpers by a unit test, so they cannot drift from the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from course_tools.stubs import solution_names

__all__ = ["GRADED", "GradedQuestion", "graded_for"]

_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class GradedQuestion:
    """One graded question, appended to its notebook in the nbgrader source.

    Parameters
    ----------
    notebook
        The notebook's file stem, e.g. ``"04_side_effects"``.
    name
        A short name, unique in the course (``[a-z][a-z0-9_]*``); the cells' ``grade_id`` start with it.
    prompt
        The task in markdown, without the answer.
    answer_name
        The variable the student assigns (``[a-z][a-z0-9_]*``).
    solution
        Python lines that compute ``answer_name`` (imports included: the release strips them).
    expected
        The expected value (hidden test only).
    rel_tol
        Relative tolerance of the hidden test.
    points
        Points of the autograded test cell.
    """

    notebook: str
    name: str
    prompt: str
    answer_name: str
    solution: str
    expected: float
    rel_tol: float = 0.02
    points: int = 2

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{2}_[a-z0-9_]+", self.notebook):
            raise ValueError(f"notebook: a notebook stem such as '04_side_effects', got {self.notebook!r}")
        for field in ("name", "answer_name"):
            if not _NAME.fullmatch(getattr(self, field)):
                raise ValueError(f"{field}: lower-case letters, digits and _, got {getattr(self, field)!r}")
        if self.answer_name not in solution_names(self.solution):
            raise ValueError(f"solution: must assign {self.answer_name}")
        if not 0 < self.rel_tol < 0.5 or not isinstance(self.points, int) or self.points < 1:
            raise ValueError("rel_tol/points: 0 < rel_tol < 0.5 and a whole number of points >= 1")


GRADED: tuple[GradedQuestion, ...] = (
    GradedQuestion(
        "01_glutamate_nmda", "graded_unblocked_minus30",
        "**Graded 01.G1.** With 1.2 mM Mg²⁺ outside the cell, what percentage of NMDA receptor conductance "
        "is free of the magnesium block at −30 mV? Use `helpers.science.receptor.mg_unblocked_fraction` and "
        "give a percentage (0–100).",
        "unblocked_pct_minus30",
        "from helpers.science import receptor\n"
        "unblocked_pct_minus30 = float(receptor.mg_unblocked_fraction(-30, 1.2)) * 100",
        31.653,
    ),
    GradedQuestion(
        "02_dose_concentration_effect", "graded_peak_esketamine_56",
        "**Graded 02.G1.** In the course's illustrative model, what is the peak plasma concentration (ng/mL) "
        "of esketamine 56 mg nasal spray (two 28-mg devices, 5 min apart; `REGIMENS['esketamine_56']`)? "
        "Use `helpers.analysis.pk.simulate` and `helpers.science.pk.peak`.",
        "peak_esketamine_56_ng_per_ml",
        "from helpers.analysis import pk\n"
        "from helpers.science.pk import peak\n"
        "from helpers.science.regimens import REGIMENS\n"
        "peak_esketamine_56_ng_per_ml, _ = peak(pk.simulate(REGIMENS['esketamine_56']))",
        53.03,
    ),
    GradedQuestion(
        "03_onset_timing", "graded_nnt_esketamine_56",
        "**Graded 03.G1.** In Daly et al. 2018, 3 of 11 patients on esketamine **56 mg** and 1 of 33 on "
        "placebo spray responded at 24 h. What is the number needed to treat? Use "
        "`helpers.science.stats.risk_difference` and `number_needed`.",
        "nnt_esketamine_56",
        "from helpers.science import stats\n"
        "nnt_esketamine_56 = stats.number_needed(stats.risk_difference(3, 11, 1, 33)).value",
        4.125,
    ),
    GradedQuestion(
        "04_side_effects", "graded_nnh_sedation",
        "**Graded 04.G1.** In the Spravato label's short-term trials, 79 of 346 patients on esketamine and "
        "21 of 222 on placebo spray had **sedation**. What is the number needed to harm?",
        "nnh_sedation",
        "from helpers.science import stats\n"
        "nnh_sedation = stats.number_needed(stats.risk_difference(79, 346, 21, 222), 'harm').value",
        7.478,
    ),
    GradedQuestion(
        "05_therapy_vs_recreational", "graded_minutes_above_half_peak",
        "**Graded 05.G1.** In the illustrative model, for how many minutes does the concentration of "
        "ketamine 0.5 mg/kg IV over 40 min (`REGIMENS['antidepressant_infusion']`) stay above **half** its "
        "own peak? Use `helpers.science.pk.peak` and `time_above`.",
        "minutes_above_half_peak",
        "from helpers.analysis import pk\n"
        "from helpers.science.pk import peak, time_above\n"
        "from helpers.science.regimens import REGIMENS\n"
        "sim = pk.simulate(REGIMENS['antidepressant_infusion'])\n"
        "minutes_above_half_peak = time_above(sim.time_min, sim.conc_ng_per_ml, peak(sim)[0] / 2)",
        59.78,
    ),
    GradedQuestion(
        "06_reading_health_claims", "graded_cumulative_two_levels",
        "**Graded 06.G1.** If STAR*D had stopped after level 2 (remission 36.8 % at level 1 and 30.6 % at "
        "level 2, QIDS-SR), what cumulative remission (%) would the same calculation give, assuming nobody "
        "left the study? Use `helpers.science.stats.cumulative_remission_pct`.",
        "cumulative_pct_two_levels",
        "from helpers.science import stats\n"
        "cumulative_pct_two_levels = stats.cumulative_remission_pct([36.8, 30.6])",
        56.14,
    ),
    GradedQuestion(
        "07_compared_with_what", "graded_relative_risk_escape",
        "**Graded 07.G1.** In ESCAPE-TRD, 91 of 336 patients on esketamine and 60 of 340 on quetiapine were "
        "in remission at week 8. What is the **relative risk** of remission, esketamine against quetiapine "
        "(a ratio, not a difference)?",
        "relative_risk_escape",
        "relative_risk_escape = (91 / 336) / (60 / 340)",
        1.5347,
    ),
)


def graded_for(notebook: str) -> list[GradedQuestion]:
    """The graded questions of one notebook (its file stem), in course order."""
    if not isinstance(notebook, str):
        raise ValueError(f"notebook: expected a notebook stem, got {type(notebook).__name__}")
    return [q for q in GRADED if q.notebook == notebook]
