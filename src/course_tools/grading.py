"""The nbgrader release: source notebooks with nbgrader cell metadata, and the student release.

``build_source`` writes ``<out>/source/<assignment>/<notebook>.ipynb`` (one assignment per lesson, named
after its notebook) from the instructor notebooks through :data:`course_tools.preprocessors.NBGRADER`:

* speaker notes and ``instructor`` cells are removed, as in the student edition;
* each self-study ``solution`` cell becomes an autograded answer (nbgrader ``solution``): the stub lines
  ``name = ...`` stay, the computation sits between ``### BEGIN SOLUTION`` and ``### END SOLUTION``;
* each self-study ``check`` cell becomes a locked read-only cell: it keeps giving instant feedback, but
  carries no points, because its answer key ships with the course;
* each reflection's answer cell becomes a manually graded answer whose solution is the model answer;
* the lesson's graded questions (:mod:`course_tools.graded`) are added before "Key takeaways": a locked
  task, an autograded answer and a locked test cell with points, whose expected value is a hidden test.

``generate_release`` runs ``nbgrader generate_assignment`` offline (``--no-db``) into ``<out>/release/``:
solutions become stubs, hidden tests and outputs are removed, cells are locked and checksummed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import nbformat
from nbconvert import NotebookExporter
from traitlets.config import Config

from course_tools import cells, preprocessors
from course_tools.nbgrader_meta import CODE_STUB, TEXT_STUB
from course_tools.workspace import MANIFEST, SyncReport, sync_workspace

__all__ = ["assignment_name", "build_source", "generate_release"]

def assignment_name(notebook: Path) -> str:
    """The nbgrader assignment of a course notebook: its file stem, e.g. ``04_side_effects``."""
    return Path(notebook).stem


def _exporter() -> NotebookExporter:
    config = Config()
    config.TagRemovePreprocessor = Config(enabled=True, remove_cell_tags=[cells.INSTRUCTOR],
                                          remove_all_outputs_tags=[], remove_input_tags=[])
    exporter = NotebookExporter(config=config)
    for step in preprocessors.NBGRADER:
        exporter.register_preprocessor(step, enabled=True)
    return exporter


def build_source(notebooks: Iterable[Path], out: Path) -> dict[str, SyncReport]:
    """Write the nbgrader source notebook of each course notebook into ``out/source/<assignment>/``.

    The notebooks are built into ``out/.staging/`` and copied from there like a student's workspace
    (:func:`course_tools.workspace.sync_workspace`): a source notebook an instructor has edited since it
    was built (points, wording) is kept, never overwritten, and the report says so.

    Returns
    -------
    dict of str to SyncReport
        Per assignment, what was added, updated or kept.
    """
    exporter = _exporter()
    reports = {}
    for notebook in notebooks:
        notebook = Path(notebook)
        body, _ = exporter.from_filename(str(notebook), resources={"metadata": {"name": notebook.stem}})
        nb = nbformat.reads(body, as_version=4)
        nbformat.validate(nb)
        assignment = assignment_name(notebook)
        staged = Path(out) / ".staging" / assignment / notebook.name
        staged.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, staged)
        reports[assignment] = sync_workspace(staged.parent, Path(out) / "source" / assignment,
                                             command="make nbgrader")
    return reports


def _config_file(out: Path) -> Path:
    """``out/nbgrader_config.py``: the course folder and the stubs (rewritten on every build)."""
    path = Path(out) / "nbgrader_config.py"
    path.write_text(
        "# Written by `make nbgrader`: the course folder is this directory.\n"
        "c = get_config()  # noqa: F821\n"
        "c.CourseDirectory.root = __file__.rsplit('/', 1)[0] if '/' in __file__ else '.'\n"
        f"c.ClearSolutions.code_stub = {{'python': {json.dumps(CODE_STUB, ensure_ascii=False)}}}\n"
        f"c.ClearSolutions.text_stub = {json.dumps(TEXT_STUB, ensure_ascii=False)}\n"
        "# The build's own bookkeeping stays out of the release.\n"
        "c.CourseDirectory.ignore = ['.ipynb_checkpoints', '*.pyc', '__pycache__', 'feedback',\n"
        f"                            {MANIFEST!r}, '.*.partial']\n",
        encoding="utf-8",
    )
    return path


def generate_release(out: Path, assignments: Iterable[str]) -> Path:
    """Run ``nbgrader generate_assignment --no-db`` for each assignment; returns ``out/release``.

    Raises
    ------
    RuntimeError
        nbgrader failed; the message carries its output.
    """
    out = Path(out).resolve()
    _config_file(out)
    for assignment in assignments:
        result = subprocess.run(
            [sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force", "--no-db",
             "--log-level=WARN"],
            cwd=out, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"nbgrader generate_assignment {assignment} failed:\n"
                               f"{result.stdout}{result.stderr}")
    return out / "release"
