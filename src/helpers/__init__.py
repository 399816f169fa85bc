"""Shared helpers for the ketamine-notebooks course.

Modules (one job each): :mod:`helpers.paths`, :mod:`helpers.data`, :mod:`helpers.schemas`,
:mod:`helpers.style`, :mod:`helpers.pharmacology`, :mod:`helpers.receptor`, :mod:`helpers.stats`,
:mod:`helpers.exercises`, :mod:`helpers.course`.
Import the module you need, e.g. ``from helpers import data, style``. The authoring tools (executing the
notebooks, building decks and student editions) are the separate ``course_tools`` package, which is not
installed with ``helpers``.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
