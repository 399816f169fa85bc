"""The course's cell vocabulary: cell tags, slide types, and the name pattern of course notebooks.

Every tool that reads or writes notebooks (the editions, the executor, the tests) takes these names and
predicates from here. A cell is a notebook cell as ``nbformat`` reads it or as plain JSON (a ``dict``);
CONTRIBUTING.md ("Cell metadata") explains what each tag and slide type means to authors.
"""

from __future__ import annotations

from collections.abc import Mapping

from helpers.course import SAFETY_TAG
from helpers.data.paths import NOTEBOOK_GLOB  # the one place the notebook file names are spelled

__all__ = [
    "CALLOUTS",
    "CHECK",
    "CONTINUE",
    "EXERCISE",
    "FRAGMENT",
    "INSTRUCTOR",
    "MODEL_ANSWER",
    "NBVAL_IGNORE_OUTPUT",
    "NOTEBOOK_GLOB",
    "NOTES",
    "PITFALL",
    "REFLECTION",
    "REMOVE_INPUT",
    "SAFETY_NOTE",
    "SHOW_CODE",
    "SKIP",
    "SLIDE",
    "SLIDE_TYPES",
    "SOLUTION",
    "SUBSLIDE",
    "TAGS",
    "THINK",
    "YOUR_ANSWER",
    "has_tag",
    "is_callout",
    "is_check",
    "is_exercise",
    "is_instructor",
    "is_model_answer",
    "is_notes",
    "is_reflection",
    "is_solution",
    "is_widget",
    "slide_type",
    "tags",
]


# --- cell tags (metadata.tags) -----------------------------------------------------------------------------
SOLUTION = "solution"  # the reference answer of an exercise; a stub in the student edition
CHECK = "check"  # the cell calling check("NN.name", answer) after a solution
EXERCISE = "exercise"  # the markdown task of an exercise
INSTRUCTOR = "instructor"  # removed from the student edition
REMOVE_INPUT = "remove-input"  # code hidden in the deck, output kept
NBVAL_IGNORE_OUTPUT = "nbval-ignore-output"  # interactive (widget) cells only
SAFETY_NOTE = SAFETY_TAG  # the medical-education note with help lines (helpers.course.SAFETY_NOTE)
REFLECTION = "reflection"  # a question the student answers in words (markdown)
YOUR_ANSWER = "your-answer"  # the student's answer cell after a reflection (skipped in the deck)
MODEL_ANSWER = "model-answer"  # the model answer of a reflection: removed from the student edition
THINK = "think"  # a visible callout: a question to pause on
PITFALL = "pitfall"  # a visible callout: a common misreading
SHOW_CODE = "show-code"  # a code cell whose code the deck shows (decks hide all other code)

#: The visible callouts of a lesson.
CALLOUTS = frozenset({THINK, PITFALL})

#: Every tag a course notebook may use.
TAGS = frozenset({SOLUTION, CHECK, EXERCISE, INSTRUCTOR, REMOVE_INPUT, NBVAL_IGNORE_OUTPUT, SAFETY_NOTE,
                  REFLECTION, YOUR_ANSWER, MODEL_ANSWER, THINK, PITFALL, SHOW_CODE})

# --- slide types (metadata.slideshow.slide_type) ------------------------------------------------------
SLIDE = "slide"
SUBSLIDE = "subslide"
FRAGMENT = "fragment"
CONTINUE = "-"  # continues the current slide
SKIP = "skip"
NOTES = "notes"  # speaker notes: the s key in the deck; removed from the student edition

#: Every slide type a course notebook may use.
SLIDE_TYPES = frozenset({SLIDE, SUBSLIDE, FRAGMENT, CONTINUE, SKIP, NOTES})


def tags(cell: Mapping) -> frozenset[str]:
    """The tags of ``cell`` (empty when it has none)."""
    return frozenset(cell.get("metadata", {}).get("tags", []))


def has_tag(cell: Mapping, tag: str) -> bool:
    """Whether ``cell`` carries ``tag``."""
    return tag in tags(cell)


def slide_type(cell: Mapping, default: str | None = CONTINUE) -> str | None:
    """The slide type of ``cell``; ``default`` when it has none (nbconvert reads a missing one as ``-``)."""
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", default)


def is_solution(cell: Mapping) -> bool:
    """A reference solution (code or markdown)."""
    return has_tag(cell, SOLUTION)


def is_check(cell: Mapping) -> bool:
    """A ``check(...)`` cell."""
    return has_tag(cell, CHECK)


def is_exercise(cell: Mapping) -> bool:
    """The task of an exercise."""
    return has_tag(cell, EXERCISE)


def is_instructor(cell: Mapping) -> bool:
    """A cell for instructors only."""
    return has_tag(cell, INSTRUCTOR)


def is_widget(cell: Mapping) -> bool:
    """An interactive cell (its output is not compared by nbval)."""
    return has_tag(cell, NBVAL_IGNORE_OUTPUT)


def is_notes(cell: Mapping) -> bool:
    """Speaker notes."""
    return slide_type(cell) == NOTES


def is_reflection(cell: Mapping) -> bool:
    """A question the student answers in words."""
    return has_tag(cell, REFLECTION)


def is_model_answer(cell: Mapping) -> bool:
    """The model answer of a reflection (instructor edition and decks only)."""
    return has_tag(cell, MODEL_ANSWER)


def is_callout(cell: Mapping) -> bool:
    """A visible ``think`` or ``pitfall`` callout."""
    return bool(tags(cell) & CALLOUTS)
