"""nbconvert preprocessors of the course editions: one rule each, configurable through traitlets.

An edition is a list of them, run in order after nbconvert's ``TagRemovePreprocessor``:
:mod:`course_tools.build` registers :data:`STUDENT` with the student exporter, :mod:`course_tools.site`
registers :data:`SITE` with the website's, and the deck template
(``templates/course_reveal/conf.json``) registers :data:`SLIDES` ahead of nbconvert's reveal preprocessor.
Each rule's settings can be changed through a traitlets ``Config``, e.g.
``config.StubSolutions.answer_prompt``.
"""

from __future__ import annotations

from course_tools.preprocessors.autograded_answers import AutogradedAnswers
from course_tools.preprocessors.deck_title import DeckTitle
from course_tools.preprocessors.figure_sources import FigureSources
from course_tools.preprocessors.graded_questions import GradedQuestions
from course_tools.preprocessors.graded_reflections import GradedReflections
from course_tools.preprocessors.lecture_view import LectureView
from course_tools.preprocessors.lesson_downloads import LessonDownloads
from course_tools.preprocessors.mark_edition import MarkEdition
from course_tools.preprocessors.remove_notes import RemoveSpeakerNotes
from course_tools.preprocessors.reveal_answers import RevealAnswers
from course_tools.preprocessors.site_answers import SiteAnswers
from course_tools.preprocessors.site_links import SiteLinks
from course_tools.preprocessors.static_interactive import StaticInteractive
from course_tools.preprocessors.stub_solutions import StubSolutions

__all__ = ["NBGRADER", "SITE", "SLIDES", "STUDENT", "AutogradedAnswers", "DeckTitle", "FigureSources",
           "GradedQuestions", "GradedReflections", "LectureView", "LessonDownloads", "MarkEdition",
           "RemoveSpeakerNotes", "RevealAnswers", "SiteAnswers", "SiteLinks", "StaticInteractive",
           "StubSolutions"]

#: The student edition: speaker notes out, solutions stubbed, the notebook marked as the student edition.
STUDENT = (RemoveSpeakerNotes, StubSolutions, MarkEdition)

#: The deck: the course title on the browser tab, answers revealed on the next key press, outputs without
#: their code (unless tagged show-code) and no interactive cells.
SLIDES = (DeckTitle, RevealAnswers, LectureView)

#: A website page (after nbconvert removes the ``instructor`` cells): speaker notes out, answers behind a
#: toggle, interactive cells replaced by a note, figures' source lines as links, links between pages, and
#: the lesson's downloads under its title.
SITE = (RemoveSpeakerNotes, SiteAnswers, StaticInteractive, FigureSources, SiteLinks, LessonDownloads)

#: The nbgrader source: speaker notes out, self-study answers and checks marked for nbgrader, reflections
#: graded by hand, the graded questions added (``instructor`` cells are removed before, by nbconvert).
NBGRADER = (RemoveSpeakerNotes, AutogradedAnswers, GradedReflections, GradedQuestions)
