"""Shared helpers for the ketamine-notebooks course.

Modules (one job each): :mod:`helpers.paths`, :mod:`helpers.data`, :mod:`helpers.schemas`,
:mod:`helpers.style`, :mod:`helpers.pharmacology`, :mod:`helpers.receptor`, :mod:`helpers.stats`,
:mod:`helpers.exercises`, :mod:`helpers.course`, :mod:`helpers.notebooks`, :mod:`helpers.editions`.
Import the module you need, e.g. ``from helpers import data, style``.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
