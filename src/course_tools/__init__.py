"""Authoring and CI tools of the course: not part of the ``helpers`` package students install.

Modules (one job each): :mod:`course_tools.cells` (cell tags, slide types, notebook names),
:mod:`course_tools.execute` (deterministic execution), :mod:`course_tools.stubs` (exercise stubs),
:mod:`course_tools.preprocessors` (one nbconvert preprocessor per edition rule),
:mod:`course_tools.build` (decks and student editions, rebuilt only when changed) and
:mod:`course_tools.vendor` (the decks' offline JavaScript). The command line is ``python -m course_tools``.
"""
