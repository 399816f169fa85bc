"""nbgrader's cell metadata (schema version 3) and the stubs the release shows in place of answers."""

from __future__ import annotations

import re

__all__ = ["CODE_STUB", "SCHEMA_VERSION", "TEXT_STUB", "nbgrader_metadata"]

#: What a student sees in place of a solution region (no ``raise``: Run All goes on) and of a text answer.
CODE_STUB = "# YOUR CODE HERE: replace each ... above with your answer (you may compute it here)."
TEXT_STUB = "*Write your answer here.*"
SCHEMA_VERSION = 3
_GRADE_ID = re.compile(r"[A-Za-z0-9_-]+")


def nbgrader_metadata(grade_id: str, *, solution: bool = False, grade: bool = False, locked: bool = False,
                      points: float | None = None) -> dict:
    """nbgrader's cell metadata (schema version 3).

    Parameters
    ----------
    grade_id
        Unique in the notebook: letters, digits, ``_`` and ``-``.
    solution, grade, locked
        nbgrader's cell roles: an answer, a graded cell (test or manually graded answer), a read-only cell.
    points
        Points of a graded cell (required when ``grade`` is true, forbidden otherwise).

    Raises
    ------
    ValueError
        ``grade_id`` is malformed, or ``points`` does not match ``grade``.
    """
    if not isinstance(grade_id, str) or not _GRADE_ID.fullmatch(grade_id):
        raise ValueError(f"grade_id: letters, digits, _ and - only, got {grade_id!r}")
    if grade != (points is not None) or (points is not None and points < 0):
        raise ValueError(f"points: a graded cell needs points >= 0 and only a graded cell has them, "
                         f"got {points!r}")
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": SCHEMA_VERSION,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    return meta
