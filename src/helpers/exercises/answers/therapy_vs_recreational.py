"""Answer key of notebook 05 (therapy versus non-medical use), in the order of its questions."""

from __future__ import annotations

from helpers.data.vocab import CLAIM_VERDICTS
from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
    "05.peak_vs_hallucinations": Answer(
        value="below", kind="choice", options=("below", "within", "above"),
        hint="Recall notebook 02: the modelled infusion peaks inside the dissociation band, which ends at "
             "250 ng/mL. Is that peak lower or higher than 293 ng/mL?",
        explanation="The modelled peak (about 185 ng/mL) is about 1.6-fold below that one study's mean. A "
                    "mean from one small study is not a threshold, and 61-84% of patients on therapeutic "
                    "doses still report perceptual changes.",
    ),
    "05.margin_ratio": Answer(
        value=4.1, kind="number", rel_tol=0.02, unit="times",
        hint="Divide the anaesthesia row's 'must rise' number by the hallucination row's (6.5 / 1.6), or "
             "divide the two concentrations: 1,200 / 293. A number below 1 means the division is upside "
             "down.",
        explanation="The peak cancels out: 1,200 / 293 = 4.1, whatever the model says. A rise of about 1.6x "
                    "reaches the level at which volunteers hallucinated in one study, but about 6.5x is "
                    "needed to reach anaesthesia, so the risk to watch in a therapy session is altered "
                    "perception and sedation, not an anaesthetic.",
    ),
    "05.relative_excess_dissociation": Answer(
        value=333.9, kind="number", rel_tol=0.02, unit="%",
        slips=(("percentage_points", 31.58),),
        hint="Use the exact counts: 142 of 346 on esketamine and 21 of 222 on placebo. A relative difference "
             "is (esketamine % - placebo %) / placebo % x 100. (4.3 would be the ratio, 'times as common'; "
             "the label's rounded 41 % and 9 % give a slightly different number.)",
        explanation="Three ways to say one result: 31.6 percentage points more, 4.3 times as common, or 334% "
                    "more common. The relative number sounds largest; the percentage points give the number "
                    "needed to harm (100 / 31.6, about 3 patients).",
    ),
    "05.after_two_hours": Answer(
        value="blood pressure rise", kind="choice",
        options=("dissociation", "blood pressure rise", "both", "neither"),
        hint="Compare each effect's end with 120 minutes: dissociation has generally resolved by about "
             "1.5 h; how long does the blood-pressure rise last?",
        explanation="Dissociation has generally resolved by 90 minutes, but the blood-pressure rise lasts "
                    "about 4 hours. The label's rules fit: blood pressure is checked about 40 minutes after "
                    "the dose, patients are assessed before they leave, and they do not drive until the "
                    "next day.",
    ),
    "05.drug_liking": Answer(
        value="abuse potential at the highest approved dose", kind="choice",
        options=("abuse potential at the highest approved dose", "addiction in patients with depression",
                 "more liked than racemic ketamine", "no liking below 112 mg"),
        hint="Who took part (patients or experienced recreational users?), how many doses did each get, and "
             "what was each treatment compared with?",
        explanation="Experienced users liked 84 mg more than placebo: a signal of abuse potential at a dose "
                    "patients receive. The study gave single doses to recreational users, so it says nothing "
                    "about addiction in patients treated under supervision; and each treatment was compared "
                    "with placebo, not ranked against racemic ketamine.",
    ),
    "05.medical_use_only": Answer(
        value="2019 Spravato REMS", kind="choice",
        options=("1970 Ketalar approval", "1999 Schedule III", "2014 Class B", "2019 Spravato REMS"),
        hint="Scheduling (US) and classification (UK) are drug-control laws that cover the substance "
             "everywhere. Which entry sets conditions on how one medicine is given in a clinic?",
        explanation="The REMS is a condition of esketamine's approval: certified settings, monitoring for at "
                    "least 2 hours, never dispensed for home use. Schedule III (1999) and Class B (2014) "
                    "control ketamine itself, inside and outside medicine.",
    ),
    "05.verdict_claim_d": Answer(
        value="partly supported", kind="choice", options=tuple(v.replace("_", " ") for v in CLAIM_VERDICTS),
        hint="Split the claim in two: what does the trial show at 2 and 24 hours, and what was measured "
             "within minutes? A compound claim that is half shown is neither fully supported nor false.",
        explanation="Partly supported: 'hours' holds for part of the patients (esketamine beat placebo at "
                    "2 h for two of three doses, at 24 h for all three), while 'minutes' was never measured: "
                    "the first time point was 2 h.",
    ),
}
