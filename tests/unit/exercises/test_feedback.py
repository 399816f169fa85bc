"""Instant feedback: correct, how far off, units, hints; every registered answer is well formed."""

from __future__ import annotations

import pytest

from helpers.exercises import ANSWERS, Answer, Feedback, check


def test_correct_number_within_tolerance():
    fb = check("00.years_to_esketamine", 49)
    assert fb.correct is True and bool(fb)
    assert fb.message.startswith("Correct")


def test_wrong_number_says_how_far_off_and_gives_the_hint():
    fb = check("00.years_to_esketamine", 59)
    assert fb.correct is False
    assert "20% too high" in fb.message
    assert ANSWERS["00.years_to_esketamine"].hint in fb.message


def test_unit_slip_by_a_thousand_is_named():
    ANSWERS["test.conc"] = Answer(value=0.78, unit="µM", rel_tol=0.02)
    try:
        assert "factor of about 1,000" in check("test.conc", 780).message
        assert "factor of about 1,000" in check("test.conc", 0.00078).message
        assert check("test.conc", 0.79).correct
    finally:
        del ANSWERS["test.conc"]


def test_blank_stub_answer_is_not_an_error():
    fb = check("00.years_to_esketamine", ...)
    assert fb.correct is None and "Not answered yet" in fb.message
    assert "…" in fb._repr_html_()


def test_choice_is_case_insensitive_and_lists_options():
    assert check("00.first_antidepressant_trial", " 2000 ").correct
    wrong = check("00.first_antidepressant_trial", "banana")
    assert wrong.correct is False and "Choose one of" in wrong.message


def test_wrong_types_get_feedback_not_a_crash():
    assert check("00.years_to_esketamine", "forty-nine").correct is False
    assert check("00.years_to_esketamine", float("nan")).correct is False
    assert check("00.years_to_esketamine", True).correct is False


def test_feedback_renders_as_html_and_text():
    fb = check("00.years_to_esketamine", 49)
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
