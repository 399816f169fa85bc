"""nbconvert preprocessors of the course editions: one rule each, configurable through traitlets.

An edition is a list of them, run in order after nbconvert's ``TagRemovePreprocessor``:
:mod:`course_tools.build` registers :data:`STUDENT` with the student exporter, and the deck template
(``templates/course_reveal/conf.json``) registers :data:`SLIDES` ahead of nbconvert's reveal preprocessor.
Each rule's settings can be changed through a traitlets ``Config``, e.g.
``config.StubSolutions.answer_prompt``.
"""

from __future__ import annotations

from course_tools.preprocessors.autograded_answers import AutogradedAnswers
from course_tools.preprocessors.deck_title import DeckTitle
from course_tools.preprocessors.graded_questions import GradedQuestions
from course_tools.preprocessors.graded_reflections import GradedReflections
from course_tools.preprocessors.lecture_view import LectureView
from course_tools.preprocessors.mark_edition import MarkEdition
from course_tools.preprocessors.remove_notes import RemoveSpeakerNotes
from course_tools.preprocessors.reveal_answers import RevealAnswers
from course_tools.preprocessors.stub_solutions import StubSolutions

__all__ = ["NBGRADER", "SLIDES", "STUDENT", "AutogradedAnswers", "DeckTitle", "GradedQuestions",
           "GradedReflections", "LectureView", "MarkEdition", "RemoveSpeakerNotes", "RevealAnswers",
           "StubSolutions"]

#: The student edition: speaker notes out, solutions stubbed, the notebook marked as the student edition.
STUDENT = (RemoveSpeakerNotes, StubSolutions, MarkEdition)

#: The deck: the course title on the browser tab, answers revealed on the next key press, outputs without
#: their code (unless tagged show-code) and no interactive cells.
SLIDES = (DeckTitle, RevealAnswers, LectureView)

#: The nbgrader source: speaker notes out, self-study answers and checks marked for nbgrader, reflections
#: graded by hand, the graded questions added (``instructor`` cells are removed before, by nbconvert).
NBGRADER = (RemoveSpeakerNotes, AutogradedAnswers, GradedReflections, GradedQuestions)
