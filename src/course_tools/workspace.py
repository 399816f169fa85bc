"""The student's workspace: a folder of student-edition notebooks that a course update never overwrites.

``make lab`` builds the student edition and copies it into the workspace with :func:`sync_workspace`.
A manifest (``.course-versions.json`` in the workspace) records the SHA-256 of each notebook as it was
copied in, so a later sync can tell the student's work from an untouched copy:

* a notebook not yet in the workspace is added;
* a notebook the student has not changed (same bytes as copied in) is brought up to the new course version;
* a notebook the student has changed, or one whose origin is unknown, is kept as it is; when the course
  has a newer version of it, the sync says so and leaves both alone.

Nothing in the workspace is ever deleted, and no file other than course notebooks and the manifest is
written.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from course_tools.cells import NOTEBOOK_GLOB

__all__ = ["MANIFEST", "SyncReport", "sync_workspace"]

#: The manifest's file name inside the workspace.
MANIFEST = ".course-versions.json"


@dataclass
class SyncReport:
    """What :func:`sync_workspace` did, notebook by notebook (file names)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the student's work, left exactly as it was
    newer_version: list[str] = field(default_factory=list)  # kept notebooks the course has since changed
    command: str = "make lab"  # what brings a renamed copy's course version back

    def lines(self) -> list[str]:
        """Human-readable summary lines, the student's kept work and newer versions first."""
        out = []
        if self.newer_version:
            out.append("kept your work; the course has a newer version of: " + ", ".join(self.newer_version)
                       + f" (rename your copy and run {self.command} again to get it)")
        kept_same = [n for n in self.kept if n not in self.newer_version]
        if kept_same:
            out.append("kept your work in: " + ", ".join(kept_same))
        for label, names in (("added", self.added), ("updated (unchanged by you)", self.updated)):
            if names:
                out.append(f"{label}: " + ", ".join(names))
        if self.unchanged:
            out.append(f"up to date: {len(self.unchanged)} notebook(s)")
        return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_manifest(workspace: Path) -> dict[str, str]:
    path = workspace / MANIFEST
    if not path.exists():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"workspace: {path} is not valid JSON ({err.msg}, line {err.lineno}); "
                         "move it aside and run again: your notebooks will all be kept") from err
    if not isinstance(manifest, dict) or not all(isinstance(v, str) for v in manifest.values()):
        raise ValueError(f"workspace: {path} should map notebook names to SHA-256 digests")
    return manifest


def _copy(source: Path, target: Path) -> str:
    """Copy ``source`` to ``target`` through a temporary file, so an interrupted copy leaves no half file."""
    partial = target.with_name(f".{target.name}.partial")
    shutil.copyfile(source, partial)
    partial.replace(target)
    return _sha256(target)


def sync_workspace(edition: str | Path, workspace: str | Path, *, command: str = "make lab") -> SyncReport:
    """Bring the student edition in ``edition`` into ``workspace`` without touching the student's work.

    Parameters
    ----------
    edition : str or Path
        Folder of the built student edition (``NN_name.ipynb`` files).
    workspace : str or Path
        The student's folder; created when missing.
    command : str
        The command the report names for getting a newer version (``make nbgrader`` for graders' sources).

    Returns
    -------
    SyncReport
        Which notebooks were added, updated, left unchanged or kept as the student's work.

    Raises
    ------
    ValueError
        If ``edition`` holds no course notebooks, ``workspace`` is a file, or the manifest is malformed.
    """
    edition, workspace = Path(edition), Path(workspace)
    notebooks = sorted(edition.glob(NOTEBOOK_GLOB)) if edition.is_dir() else []
    if not notebooks:
        raise ValueError(f"edition: no {NOTEBOOK_GLOB} notebooks in {edition}; build it with make student")
    if workspace.exists() and not workspace.is_dir():
        raise ValueError(f"workspace: {workspace} exists and is not a folder")
    workspace.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(workspace)
    report = SyncReport(command=command)
    for source in notebooks:
        name, target = source.name, workspace / source.name
        course_version = _sha256(source)
        if not target.exists():
            manifest[name] = _copy(source, target)
            report.added.append(name)
            continue
        current = _sha256(target)
        if current == course_version:
            manifest[name] = current
            report.unchanged.append(name)
        elif current == manifest.get(name):  # the copy we made, untouched: safe to bring up to date
            manifest[name] = _copy(source, target)
            report.updated.append(name)
        else:  # changed by the student, or of unknown origin: never overwritten
            report.kept.append(name)
            if manifest.get(name) != course_version:
                report.newer_version.append(name)
    partial = workspace / f".{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    partial.replace(workspace / MANIFEST)
    return report
