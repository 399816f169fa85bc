"""The reference-answer type of an exercise (no imports from the rest of the package)."""

from __future__ import annotations

from dataclasses import dataclass, field
from numbers import Real

__all__ = ["KINDS", "Answer"]

KINDS = ("number", "choice", "bool")


@dataclass(frozen=True)
class Answer:
    """A reference answer.

    Parameters
    ----------
    value
        The expected value: a number (``kind="number"``), one of ``options`` (``"choice"``), or a bool.
    kind
        ``"number"``, ``"choice"`` or ``"bool"``.
    rel_tol, abs_tol
        Tolerances for numbers: accepted when within either (relative to ``value``, or absolute).
    unit
        Unit of a numeric answer, shown in feedback.
    options
        Allowed answers of a ``"choice"`` question (compared case-insensitively).
    hint
        Shown when the answer is wrong.
    explanation
        Shown with a correct answer (optional).
    """

    value: object
    kind: str = "number"
    rel_tol: float = 0.02
    abs_tol: float = 0.0
    unit: str = ""
    options: tuple[str, ...] = field(default_factory=tuple)
    hint: str = ""
    explanation: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind: must be one of {KINDS}, got {self.kind!r}")
        if self.kind == "number" and (isinstance(self.value, bool) or not isinstance(self.value, Real)):
            raise ValueError(f"value: a number question needs a numeric value, got {self.value!r}")
        if self.kind == "choice" and str(self.value).lower() not in {o.lower() for o in self.options}:
            raise ValueError(f"options: the value {self.value!r} must be one of the options")
        if self.kind == "bool" and not isinstance(self.value, bool):
            raise ValueError(f"value: a bool question needs True or False, got {self.value!r}")
        if self.rel_tol < 0 or self.abs_tol < 0:
            raise ValueError("rel_tol/abs_tol: tolerances must be >= 0")
