"""Instructor slide decks and student editions, built from the course notebooks by nbconvert.

One source notebook, three editions:

* the notebook itself (what ``python -m course_tools execute`` keeps up to date);
* ``build/slides/NN_name.slides.html``: a reveal.js deck (nbconvert's ``SlidesExporter`` with the
  settings in ``templates/slides_config.json`` and the template ``templates/course_reveal``). It works
  with no network: reveal.js, its notes plugin, jQuery, require.js and MathJax are installed from npm
  (:mod:`course_tools.vendor`) into ``build/slides/vendor/``, images are embedded. Code tagged
  ``remove-input`` is hidden, ``notes`` cells become speaker notes (``s`` key), answers appear on the next
  key press (:data:`course_tools.preprocessors.SLIDES`);
* ``build/student/NN_name.ipynb``: ``instructor`` and ``model-answer`` cells removed and outputs of
  ``exercise``, ``check`` and ``solution`` cells cleared (nbconvert's ``TagRemovePreprocessor``), then
  speaker notes removed and every ``solution`` cell replaced by an exercise stub
  (:data:`course_tools.preprocessors.STUDENT`).

Only editions whose notebook or build recipe (this package's code, templates and the nbconvert version)
changed are rebuilt, unless ``force`` is given: a stamp per notebook records what it was built from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import nbconvert
import nbformat
from nbconvert import NotebookExporter, SlidesExporter
from nbconvert.exporters import Exporter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from course_tools import cells, preprocessors
from course_tools.vendor import install_vendor
from helpers.data.paths import notebooks_dir, repo_dir

__all__ = ["TEMPLATES_DIR", "BuildResult", "build_slides", "build_student", "default_out_dir", "display",
           "find_notebooks", "slides_exporter", "student_exporter"]

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"

#: nbconvert's TagRemovePreprocessor per edition: which tags hide inputs, clear outputs, remove cells.
TAG_RULES = {
    "slides": {"remove_input_tags": [cells.REMOVE_INPUT],
               "remove_all_outputs_tags": [cells.NBVAL_IGNORE_OUTPUT],
               "remove_cell_tags": []},
    "student": {"remove_cell_tags": [cells.INSTRUCTOR, cells.MODEL_ANSWER],
                "remove_all_outputs_tags": [cells.EXERCISE, cells.CHECK, cells.SOLUTION],
                "remove_input_tags": []},
}


@dataclass(frozen=True)
class BuildResult:
    """One edition: the source notebook, the file written and whether it was rebuilt."""

    notebook: Path
    output: Path
    rebuilt: bool


def _config(edition: str, config_file: str) -> Config:
    """The edition's exporter settings (``templates/<config_file>``) and its tag rules."""
    config = Config(json.loads((TEMPLATES_DIR / config_file).read_text(encoding="utf-8")))
    config.TemplateExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    config.TagRemovePreprocessor = Config(enabled=True, **TAG_RULES[edition])
    return config


def _exporter(kind: type[Exporter], config: Config, steps: Iterable[type[Preprocessor]]) -> Exporter:
    """An exporter of ``kind`` that runs ``steps`` in order after its default preprocessors."""
    made = kind(config=config)
    for step in steps:
        made.register_preprocessor(step, enabled=True)  # a class: configured from ``config``
    return made


def slides_exporter(config: Config | None = None) -> Exporter:
    """The deck exporter: ``SlidesExporter`` with the course template, tag rules and deck preprocessors.

    ``config`` is merged over the course settings (e.g. ``Config(RevealAnswers={"tags": {"check"}})``).
    """
    settings = _config("slides", "slides_config.json")
    settings.merge(config or Config())
    # The deck rules (preprocessors.SLIDES) are registered by the template, templates/course_reveal/conf.json,
    # so that they run before nbconvert's reveal preprocessor turns slide types into slide and fragment
    # boundaries; registered here they would come after it and change nothing in the deck.
    return _exporter(SlidesExporter, settings, ())


def student_exporter(config: Config | None = None) -> Exporter:
    """The student-edition exporter: ``NotebookExporter`` with the tag rules and student preprocessors.

    ``config`` is merged over the course settings (e.g. ``Config(StubSolutions={"answer_prompt": "…"})``).
    """
    settings = _config("student", "student_config.json")
    settings.merge(config or Config())
    return _exporter(NotebookExporter, settings, preprocessors.STUDENT)


def _recipe_hash(edition: str) -> str:
    """Hash of everything besides the notebook that shapes an edition (code, templates, versions)."""
    digest = hashlib.sha256(f"{edition}|nbconvert {nbconvert.__version__}".encode())
    files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "node_modules" not in p.parts
                   and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def find_notebooks(notebooks: Iterable[str | Path] | None = None) -> list[Path]:
    """The notebooks given, checked to exist; by default every ``notebooks/NN_*.ipynb``.

    Raises
    ------
    ValueError
        A notebook is missing or not an ``.ipynb`` file, or the course has none.
    """
    given = [] if notebooks is None else [Path(p) for p in notebooks]
    if not given:
        paths = sorted(notebooks_dir().glob(cells.NOTEBOOK_GLOB))
        if not paths:
            raise ValueError("notebooks: no NN_*.ipynb notebooks found in notebooks/")
        return paths
    for path in given:
        if path.suffix != ".ipynb" or not path.is_file():
            course = sorted(notebooks_dir().glob(cells.NOTEBOOK_GLOB))
            known = ", ".join(f"notebooks/{p.name}" for p in course)
            raise ValueError(f"notebooks: no notebook at {path}; the course's notebooks are: {known}")
    return given


def default_out_dir(edition: str) -> Path:
    """``build/<edition>`` in the checkout, where ``make slides`` and ``make student`` write."""
    return _out_dir(None, edition)


def _out_dir(out_dir: str | Path | None, edition: str) -> Path:
    if out_dir is not None:
        return Path(out_dir)
    root = repo_dir()
    if root is None:
        raise ValueError("out_dir: not running from a checkout; give an output folder")
    return root / "build" / edition


def display(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it (shorter progress lines)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _up_to_date(stamp: Path, output: Path, digest: str) -> bool:
    return output.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == digest


def _build_each(edition: str, paths: list[Path], out: Path, suffix: str, exporter: Callable[[], Exporter],
                write: Callable[[str, Path], None], *, force: bool, log: bool) -> list[BuildResult]:
    """Export each notebook whose output is missing or out of date and ``write(body, output)`` it.

    ``exporter()`` makes the nbconvert exporter, only once something needs building. A stamp per
    notebook records the hash of the notebook and of the edition's recipe, so only what changed is rebuilt.
    """
    recipe = _recipe_hash(edition)
    out.mkdir(parents=True, exist_ok=True)
    made: Exporter | None = None
    results = []
    for path in paths:
        output = out / f"{path.stem}{suffix}"
        stamp = out / ".stamps" / f"{path.stem}.sha256"
        digest = hashlib.sha256(recipe.encode() + path.read_bytes()).hexdigest()
        rebuilt = force or not _up_to_date(stamp, output, digest)
        if rebuilt:
            made = made or exporter()
            body, _ = made.from_filename(str(path))
            write(body, output)
            stamp.parent.mkdir(exist_ok=True)
            stamp.write_text(digest, encoding="utf-8")
        if log:
            state = "built" if rebuilt else "up to date"
            print(f"{edition}: {path.name} -> {display(output)} ({state})", flush=True)
        results.append(BuildResult(path, output, rebuilt))
    return results


def build_slides(notebooks: Iterable[str | Path] | None = None, out_dir: str | Path | None = None, *,
                 force: bool = False, log: bool = False) -> list[BuildResult]:
    """Build an offline reveal.js deck ``NN_name.slides.html`` for each notebook.

    Parameters
    ----------
    notebooks
        Notebooks to convert (default: every ``notebooks/NN_*.ipynb``).
    out_dir
        Where the decks go (default: ``build/slides`` in the checkout); ``vendor/`` is installed there.
    force
        Rebuild decks that are up to date.
    log
        Print one progress line per deck.

    Raises
    ------
    ValueError
        A notebook is missing, npm is missing or no output folder can be chosen.
    RuntimeError
        ``npm ci`` failed.
    """
    paths = find_notebooks(notebooks)
    out = _out_dir(out_dir, "slides")
    install_vendor(out)

    def write(body: str, output: Path) -> None:
        output.write_text(body, encoding="utf-8")

    return _build_each("slides", paths, out, ".slides.html", slides_exporter, write,
                       force=force, log=log)


def build_student(notebooks: Iterable[str | Path] | None = None, out_dir: str | Path | None = None, *,
                  force: bool = False, log: bool = False) -> list[BuildResult]:
    """Build the student edition ``NN_name.ipynb`` of each notebook (no solutions, no speaker notes).

    Parameters
    ----------
    notebooks
        Notebooks to convert (default: every ``notebooks/NN_*.ipynb``).
    out_dir
        Where the student notebooks go (default: ``build/student`` in the checkout).
    force
        Rebuild editions that are up to date.
    log
        Print one progress line per notebook.

    Raises
    ------
    ValueError
        A notebook is missing, a solution cell breaks the conventions (no docstring, no assigned name),
        or no output folder can be chosen.
    """
    out = _out_dir(out_dir, "student")

    def write(body: str, output: Path) -> None:
        nb = nbformat.reads(body, as_version=4)
        nbformat.validate(nb)
        nbformat.write(nb, output)

    return _build_each("student", find_notebooks(notebooks), out, ".ipynb", student_exporter, write,
                       force=force, log=log)
