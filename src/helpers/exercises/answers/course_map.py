"""Answer key of notebook 00 (course map), in the order of its questions."""

from __future__ import annotations

from helpers.data.vocab import CLAIM_VERDICTS
from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

#: The verdict scale of notebook 06 in words, as the feedback shows it ("partly supported").
_VERDICTS = tuple(verdict.replace("_", " ") for verdict in CLAIM_VERDICTS)

#: The years of the regulation events in ``data/history.csv`` (the choices of a year question).
_REGULATION_YEARS = ("1970", "1999", "2014", "2019", "2020", "2025")

ANSWERS: dict[str, Answer] = {
    "00.came_first": Answer(
        value="drug control", kind="choice", options=("drug control", "depression trial"),
        hint="Not this time, and many people guess the same way. The US placed ketamine in Schedule III in "
             "August 1999, after reports of its diversion and abuse; the first placebo-controlled trial in "
             "depression was published in 2000. Find both events on the timeline below.",
        explanation="The US placed ketamine in Schedule III in August 1999, after reports of diversion and "
                    "abuse (DEA 1999); the first placebo-controlled trial in depression was published in "
                    "February 2000 (Berman 2000). Drug control answered non-medical use, and it came before "
                    "that publication.",
    ),
    "00.last_possession_change": Answer(
        value="2014", kind="choice", options=_REGULATION_YEARS,
        hint="Sort the regulation events into two groups. Drug-control laws (a schedule or a class) decide "
             "who may possess ketamine; approvals of a medicine and of its uses decide how doctors may use "
             "it. The most recent regulation event is an approval, so it belongs to the second group.",
        explanation="Who may possess it: US Schedule III (1999) and UK Class B (2014). How doctors may use "
                    "it: the anaesthetic approval (1970) and the esketamine nasal spray approvals (2019, "
                    "2020, 2025). The esketamine approvals did not change ketamine's controlled status.",
    ),
    "00.grade_approval_claim": Answer(
        value="partly supported", kind="choice", options=_VERDICTS,
        hint="Ask which product the FDA approved for depression, in what form and under what conditions, and "
             "whether that covers ketamine as clinics give it for depression. Part of the claim holds and "
             "part does not.",
        explanation="Only esketamine, one of ketamine's two mirror-image forms, is approved for depression: "
                    "as a nasal spray under a REMS (2019, extended in 2020 and 2025). Racemic ketamine given "
                    "for depression is off-label. Notebook 06 gives this claim the same verdict.",
    ),
}
