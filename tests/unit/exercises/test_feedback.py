"""Instant feedback: correct, how far off, units, hints; every registered answer is well formed."""

from __future__ import annotations

import pytest

from helpers.exercises import ANSWERS, Answer, Feedback, check


@pytest.fixture
def key():
    """Register answers for one test only: ``key("test.x", Answer(...))``; the course's key is unchanged."""
    added: list[str] = []

    def register(question_id: str, answer: Answer) -> str:
        ANSWERS[question_id] = answer
        added.append(question_id)
        return question_id

    yield register
    for question_id in added:
        del ANSWERS[question_id]


YEARS = Answer(value=49, kind="number", abs_tol=0, rel_tol=0, unit="years", hint="Subtract 1970 from 2019.")
TRIAL = Answer(value="2000", kind="choice", options=("1962", "1970", "2000"), hint="Read the timeline.")


def test_correct_number_within_tolerance(key):
    fb = check(key("test.years", YEARS), 49)
    assert fb.correct is True and bool(fb)
    assert fb.message.startswith("Correct")


def test_wrong_number_says_how_far_off_and_gives_the_hint(key):
    fb = check(key("test.years", YEARS), 59)
    assert fb.correct is False
    assert "20% too high" in fb.message
    assert YEARS.hint in fb.message


def test_unit_slip_by_a_thousand_is_named():
    ANSWERS["test.conc"] = Answer(value=0.78, unit="µM", rel_tol=0.02)
    try:
        assert "factor of about 1,000" in check("test.conc", 780).message
        assert "factor of about 1,000" in check("test.conc", 0.00078).message
        assert check("test.conc", 0.79).correct
    finally:
        del ANSWERS["test.conc"]


def test_blank_stub_answer_is_not_an_error(key):
    fb = check(key("test.years", YEARS), ...)
    assert fb.correct is None and "Not answered yet" in fb.message
    assert "…" in fb._repr_html_()


def test_choice_is_case_insensitive_and_lists_options(key):
    assert check(key("test.trial", TRIAL), " 2000 ").correct
    wrong = check("test.trial", "banana")
    assert wrong.correct is False and "Choose one of" in wrong.message


def test_wrong_types_get_feedback_not_a_crash(key):
    key("test.years", YEARS)
    assert check("test.years", "forty-nine").correct is False
    assert check("test.years", float("nan")).correct is False
    assert check("test.years", True).correct is False


def test_feedback_renders_as_html_and_text(key):
    fb = check(key("test.years", YEARS), 49)
    assert isinstance(fb, Feedback)
    assert repr(fb) == fb.message
    assert 'class="exercise-feedback"' in fb._repr_html_()


@pytest.mark.parametrize("bad", ["99.nothing", "", None, 3])
def test_unknown_question_is_refused_naming_the_argument(bad):
    with pytest.raises(ValueError, match=r"^question_id:"):
        check(bad, 1)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"value": 1, "kind": "essay"}, "kind"),
        ({"value": "x", "kind": "number"}, "value"),
        ({"value": "c", "kind": "choice", "options": ("a", "b")}, "options"),
        ({"value": 1, "kind": "bool"}, "value"),
        ({"value": 1, "rel_tol": -1}, "rel_tol"),
    ],
)
def test_malformed_answers_are_refused(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        Answer(**kwargs)


@pytest.mark.parametrize("key", sorted(ANSWERS))
def test_every_registered_answer_accepts_its_own_value(key):
    ref = ANSWERS[key]
    assert check(key, ref.value).correct, f"{key}: the reference value is not accepted"
    assert ref.hint, f"{key}: give a hint for wrong answers"
    assert key.split(".")[0].isdigit() and len(key.split(".")[0]) == 2, f"{key}: use 'NN.name'"


# --- common slips, said kindly --------------------------------------------------------------------------
def test_fraction_given_for_a_percentage(key):
    qid = key("test.pct", Answer(value=41.0, unit="%", hint="Multiply by 100."))
    fb = check(qid, 0.41)
    assert fb.correct is False
    assert fb.message.startswith("Almost") and "fraction" in fb.message and "41 %" in fb.message
    assert check(qid, 41.2).correct
    assert "fraction" not in check(qid, 0.2).message, "an unrelated wrong answer is not called a slip"


def test_risk_difference_given_for_an_nnt(key):
    qid = key("test.nnt", Answer(value=3.17, unit="patients", hint="NNT = 1 / RD."))
    assert "risk difference" in check(qid, 0.3155).message and "reciprocal" in check(qid, 0.3155).message
    in_points = check(qid, 31.55)
    assert in_points.correct is False and "percentage points" in in_points.message
    assert check(qid, 3.2).correct
    years = key("test.years", YEARS)
    assert "risk difference" not in check(years, 1 / 49).message, "only numbers needed to treat or harm"


@pytest.mark.parametrize(("kind", "words"), [("percentage_points", "relative difference"),
                                             ("relative", "percentage points")])
def test_named_slips(key, kind, words):
    qid = key("test.diff", Answer(value=75.0, unit="%", slips=((kind, 18.0),), hint="Divide."))
    fb = check(qid, 18.0)
    assert fb.correct is False and fb.message.startswith("Almost") and words in fb.message
    assert "Almost" not in check(qid, 30.0).message


@pytest.mark.parametrize("given", ["Partly supported", "partly_supported", "PARTLY-SUPPORTED",
                                   "  partly   supported "])
def test_option_spelling_does_not_matter(key, given):
    qid = key("test.verdict", Answer(value="partly supported", kind="choice",
                                     options=("supported", "partly supported", "not supported")))
    assert check(qid, given).correct
    assert check(qid, "not_supported").correct is False


@pytest.mark.parametrize("slips", [(("typo", 1.0),), (("relative", "1"),), (("relative",),), ("relative",)])
def test_malformed_slips_are_refused(slips):
    with pytest.raises(ValueError, match=r"^slips"):
        Answer(value=1.0, slips=slips)
    with pytest.raises(ValueError, match=r"^slips"):
        Answer(value=True, kind="bool", slips=(("relative", 1.0),))
