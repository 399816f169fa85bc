"""The course's data folder, and a way to break one of its files on purpose in a private copy."""

from __future__ import annotations

from pathlib import Path

from helpers.data import paths

DATA = Path(paths.data_dir())


def rewrite(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the file at ``path`` by ``new`` (``old`` must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
