"""How a graded value could be written, to search for it where it must not be."""

from __future__ import annotations

import re

__all__ = ["value_strings", "words"]


def value_strings(x: float) -> set[str]:
    """``x`` at 3 and 4 significant digits and with 2 decimals; whole-number forms such as ``53`` (which
    any count may show) are left out."""
    return {s for s in (f"{x:.3g}", f"{x:.4g}", f"{x:.2f}") if "." in s}


def words(text: str) -> set[str]:
    """The tokens of ``text`` between spaces, punctuation and markup."""
    return set(re.split(r"[\s,;:()\[\]\"'=*/<>|]+", text))
