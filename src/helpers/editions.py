"""Instructor slide decks and student editions, built from the course notebooks by nbconvert.

One source notebook, three editions:

* the notebook itself (what ``make execute`` keeps up to date);
* ``build/slides/NN_name.slides.html``: a reveal.js deck (nbconvert's ``SlidesExporter`` with the
  settings in ``templates/slides_config.json`` and the template ``templates/course_reveal``). It works
  with no network: reveal.js, its notes plugin, jQuery, require.js and MathJax are installed from npm
  (pinned in ``templates/vendor/package-lock.json``) into ``build/slides/vendor/``, images are embedded.
  Code tagged ``remove-input`` is hidden, ``notes`` cells become speaker notes (``s`` key);
* ``build/student/NN_name.ipynb``: every ``solution`` cell replaced by an exercise stub, speaker notes and
  ``instructor`` cells removed, outputs of ``exercise``/``check``/``solution`` cells cleared (nbconvert's
  ``TagRemovePreprocessor`` with ``templates/student_config.json``, then :class:`StudentEditionPreprocessor`).

Command line (what ``make slides`` and ``make student`` run)::

    python -m helpers.editions slides  [NOTEBOOK ...] [--out DIR] [--force]
    python -m helpers.editions student [NOTEBOOK ...] [--out DIR] [--force]

Only editions whose notebook (or the build recipe) changed are rebuilt, unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbconvert
import nbformat
from nbconvert import NotebookExporter, SlidesExporter
from nbconvert.exporters import Exporter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from helpers.data.paths import notebooks_dir, repo_dir

__all__ = [
    "TEMPLATES_DIR",
    "BuildResult",
    "DeckPreprocessor",
    "StudentEditionPreprocessor",
    "build_slides",
    "build_student",
    "check_ids",
    "install_vendor",
    "main",
    "solution_names",
    "student_stub",
]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
VENDOR_DIR = TEMPLATES_DIR / "vendor"
VENDOR_CHECK = Path("node_modules/reveal.js/dist/reveal.js")  # present once the vendor copy is complete
STUB_TAG = "solution"  # a stub keeps the tag: "your solution goes here"
NOTES = "notes"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"

# Parts of MathJax 2 the decks never load (about 55 of its 73 MB): other fonts, SVG/HTML-CSS output,
# the unminified sources. The decks use the config TeX-AMS_CHTML-full (CommonHTML output, TeX fonts).
MATHJAX_PRUNE = (
    "unpacked", "test", "jax/output/SVG", "jax/output/HTML-CSS",
    "fonts/HTML-CSS/Asana-Math", "fonts/HTML-CSS/Gyre-Pagella", "fonts/HTML-CSS/Gyre-Termes",
    "fonts/HTML-CSS/Latin-Modern", "fonts/HTML-CSS/Neo-Euler", "fonts/HTML-CSS/STIX-Web",
    "fonts/HTML-CSS/TeX/png", "fonts/HTML-CSS/TeX/svg", "fonts/HTML-CSS/TeX/eot",
)


# --------------------------------------------------------------------------------------------------
# Exercise stubs
# --------------------------------------------------------------------------------------------------

def _parse(source: str, what: str) -> ast.Module:
    if not isinstance(source, str):
        raise ValueError(f"{what}: expected the cell's source as a string, got {type(source).__name__}")
    try:
        return ast.parse(source)
    except SyntaxError as err:
        raise ValueError(f"{what}: not valid Python ({err.msg}, line {err.lineno})") from None


def _target_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [name for element in target.elts for name in _target_names(element)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []  # attribute or subscript: not a new name


def solution_names(source: str) -> list[str]:
    """The names a solution cell assigns at top level, in order of first assignment.

    Parameters
    ----------
    source
        The Python source of a ``solution`` cell.

    Returns
    -------
    list of str
        Names bound by top-level ``=``, annotated and augmented assignments (``_`` is ignored).

    Raises
    ------
    ValueError
        ``source`` is not a string or not valid Python.
    """
    tree = _parse(source, "source")
    names: list[str] = []
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            for name in _target_names(target):
                if name != "_" and name not in names:
                    names.append(name)
    return names


def check_ids(source: str) -> list[str]:
    """The exercise ids a ``check`` cell passes to ``check("NN.name", ...)``, in order.

    Raises
    ------
    ValueError
        ``source`` is not a string or not valid Python.
    """
    tree = _parse(source, "source")
    ids: list[str] = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
                and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) == "check"
                and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str) and node.args[0].value not in ids):
            ids.append(node.args[0].value)
    return ids


def student_stub(source: str, exercise: str) -> str:
    """The exercise stub that replaces a solution cell in the student edition.

    The stub keeps the solution's docstring (the task) exactly as written, sets every name the solution
    assigns to ``...`` (``helpers.exercises.check`` reads ``...`` as "not answered yet") and ends with
    ``raise NotImplementedError("Exercise …")``.

    Parameters
    ----------
    source
        The Python source of the ``solution`` cell. Its first statement must be a docstring stating the
        task and it must assign the answer to at least one name.
    exercise
        How the exercise is named in the error message, e.g. ``"01.peak_um"``.

    Raises
    ------
    ValueError
        ``source`` is not valid Python, has no docstring first or assigns no name; ``exercise`` is empty.
    """
    if not isinstance(exercise, str) or not exercise.strip() or "\n" in exercise:
        raise ValueError(f"exercise: expected a one-line name such as '01.peak_um', got {exercise!r}")
    tree = _parse(source, "source")
    first = tree.body[0] if tree.body else None
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)):
        raise ValueError("source: a solution cell must start with a docstring stating the task")
    docstring = ast.get_source_segment(source, first)
    names = solution_names(source)
    if not names:
        raise ValueError("source: a solution cell must assign its answer to a named variable")
    message = f"Exercise {exercise.strip()}: replace each ... with your answer, then delete this line."
    lines = [docstring or "", *(f"{name} = ..." for name in names),
             f"raise NotImplementedError({json.dumps(message, ensure_ascii=False)})"]
    return "\n".join(lines)


def _tags(cell: nbformat.NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _slide_type(cell: nbformat.NotebookNode) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


class StudentEditionPreprocessor(Preprocessor):
    """Turn an instructor notebook into the student edition (after ``TagRemovePreprocessor``).

    Speaker notes (``slide_type: notes``) are removed; each ``solution`` cell is replaced by
    :func:`student_stub`, named after the exercise ids of the ``check`` cells that follow it (up to the
    next solution). A markdown ``solution`` cell becomes an empty answer prompt.
    """

    def preprocess(self, nb: nbformat.NotebookNode, resources: dict) -> tuple[nbformat.NotebookNode, dict]:
        """Apply the student-edition rules to ``nb`` (in place; also returned)."""
        name = resources.get("metadata", {}).get("name", "notebook")
        nb.cells = [cell for cell in nb.cells if _slide_type(cell) != NOTES]
        solutions = [i for i, cell in enumerate(nb.cells) if STUB_TAG in _tags(cell)]
        for number, index in enumerate(solutions, start=1):
            cell = nb.cells[index]
            if cell.cell_type == "markdown":
                cell.source = "*Write your answer here.*"
                cell.pop("attachments", None)
                continue
            end = next((j for j in solutions if j > index), len(nb.cells))
            ids = [qid for c in nb.cells[index + 1:end] if c.cell_type == "code" and "check" in _tags(c)
                   for qid in check_ids(c.source)]
            label = ", ".join(ids) if ids else f"{number} of {name}"
            try:
                cell.source = student_stub(cell.source, label)
            except ValueError as err:
                raise ValueError(f"{name}: solution cell (id {cell.get('id', '?')}): {err}") from None
            cell.outputs = []
            cell.execution_count = None
        nb.metadata["edition"] = "student"
        return nb, resources


class DeckPreprocessor(Preprocessor):
    """Deck-only touches: the course title for the browser tab, and answers revealed on demand.

    A ``solution`` or ``check`` cell that continues the slide (``slide_type`` ``-``) becomes a
    ``fragment``, so the exercise slide first shows the task and the answer appears on the next key press.
    """

    def preprocess(self, nb: nbformat.NotebookNode, resources: dict) -> tuple[nbformat.NotebookNode, dict]:
        """Apply the deck rules to ``nb`` (in place; also returned)."""
        title = nb.metadata.get("course", {}).get("title")
        if isinstance(title, str) and title.strip():
            nb.metadata["title"] = title
        for cell in nb.cells:
            if {"solution", "check"} & set(_tags(cell)) and _slide_type(cell) == "-":
                cell.metadata.setdefault("slideshow", {})["slide_type"] = "fragment"
        return nb, resources


# --------------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BuildResult:
    """One edition: the source notebook, the file written and whether it was rebuilt."""

    notebook: Path
    output: Path
    rebuilt: bool


def _load_config(name: str) -> Config:
    config = Config(json.loads((TEMPLATES_DIR / name).read_text(encoding="utf-8")))
    config.TemplateExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    return config


def _recipe_hash(kind: str) -> str:
    """Hash of everything besides the notebook that shapes an edition (code, templates, versions)."""
    digest = hashlib.sha256(f"{kind}|nbconvert {nbconvert.__version__}".encode())
    files = [Path(__file__), *sorted(p for p in TEMPLATES_DIR.rglob("*") if p.is_file()
                                     and "node_modules" not in p.parts)]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _notebooks(notebooks: list[str | Path] | None) -> list[Path]:
    if notebooks is None or len(notebooks) == 0:
        paths = sorted(notebooks_dir().glob(NOTEBOOK_GLOB))
        if not paths:
            raise ValueError("notebooks: no NN_*.ipynb notebooks found in notebooks/")
        return paths
    paths = [Path(p) for p in notebooks]
    for path in paths:
        if path.suffix != ".ipynb" or not path.is_file():
            raise ValueError(f"notebooks: no notebook at {path}")
    return paths


def _out_dir(out_dir: str | Path | None, kind: str) -> Path:
    if out_dir is not None:
        return Path(out_dir)
    root = repo_dir()
    if root is None:
        raise ValueError("out_dir: not running from a checkout; give an output folder")
    return root / "build" / kind


def _display(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it (shorter progress lines)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _up_to_date(stamp: Path, output: Path, digest: str) -> bool:
    return output.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == digest


def install_vendor(out_dir: str | Path, *, npm: str = "npm") -> Path:
    """Install the decks' JavaScript (reveal.js, jQuery, require.js, MathJax) into ``out_dir/vendor``.

    Uses ``npm ci`` with the pinned ``templates/vendor/package-lock.json``; does nothing when the same
    lock file is already installed. The copy is made in a temporary folder and moved into place, so an
    interrupted install never leaves a half-filled ``vendor``.

    Parameters
    ----------
    out_dir
        The folder of the decks.
    npm
        The npm executable.

    Returns
    -------
    pathlib.Path
        The ``vendor`` folder.

    Raises
    ------
    ValueError
        ``npm`` cannot be found.
    RuntimeError
        ``npm ci`` failed (its output is included).
    """
    out_dir = Path(out_dir)
    vendor = out_dir / "vendor"
    lock = (VENDOR_DIR / "package-lock.json").read_bytes()
    if (vendor / VENDOR_CHECK).is_file() and (vendor / "package-lock.json").is_file() \
            and (vendor / "package-lock.json").read_bytes() == lock:
        return vendor
    executable = shutil.which(npm)
    if executable is None:
        raise ValueError(f"npm: {npm!r} not found; install Node.js and npm (Debian: apt-get install npm)")
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".vendor-", dir=out_dir))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(VENDOR_DIR / name, staging / name)
        run = subprocess.run(
            [executable, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--omit=dev",
             "--loglevel=error"],
            cwd=staging, capture_output=True, text=True, check=False,
        )
        if run.returncode != 0:
            raise RuntimeError(f"npm ci failed in {staging}:\n{run.stdout}\n{run.stderr}")
        mathjax = staging / "node_modules" / "mathjax"
        for part in MATHJAX_PRUNE:
            shutil.rmtree(mathjax / part, ignore_errors=True)
        if vendor.exists():
            shutil.rmtree(vendor)
        staging.rename(vendor)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return vendor


def _exporter(kind: type[Exporter], config_file: str, preprocessor: Preprocessor) -> Exporter:
    """An nbconvert exporter of ``kind`` with the edition's configuration and its preprocessor."""
    made = kind(config=_load_config(config_file))
    made.register_preprocessor(preprocessor, enabled=True)
    return made


def _build_each(edition: str, paths: list[Path], out: Path, suffix: str, exporter: Callable[[], Exporter],
                write: Callable[[str, Path], None], *, force: bool, log: bool) -> list[BuildResult]:
    """Export each notebook whose output is missing or out of date and ``write(body, output)`` it.

    ``exporter()`` makes the nbconvert exporter, only once something needs building. A stamp per
    notebook records the hash of the notebook and of the edition's recipe (configuration and templates),
    so only what changed is rebuilt.
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
            print(f"{edition}: {path.name} -> {_display(output)} ({state})", flush=True)
        results.append(BuildResult(path, output, rebuilt))
    return results


def build_slides(notebooks: list[str | Path] | None = None, out_dir: str | Path | None = None, *,
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
        A notebook is missing or no output folder can be chosen.
    """
    out = _out_dir(out_dir, "slides")
    install_vendor(out)

    def exporter() -> Exporter:
        return _exporter(SlidesExporter, "slides_config.json", DeckPreprocessor())

    def write(body: str, output: Path) -> None:
        output.write_text(body, encoding="utf-8")

    return _build_each("slides", _notebooks(notebooks), out, ".slides.html", exporter, write,
                       force=force, log=log)


def build_student(notebooks: list[str | Path] | None = None, out_dir: str | Path | None = None, *,
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

    def exporter() -> Exporter:
        return _exporter(NotebookExporter, "student_config.json", StudentEditionPreprocessor())

    def write(body: str, output: Path) -> None:
        nb = nbformat.reads(body, as_version=4)
        nbformat.validate(nb)
        nbformat.write(nb, output)

    return _build_each("student", _notebooks(notebooks), out, ".ipynb", exporter, write,
                       force=force, log=log)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m helpers.editions slides|student``)."""
    parser = argparse.ArgumentParser(prog="python -m helpers.editions", description=__doc__.split("\n")[0])
    parser.add_argument("edition", choices=["slides", "student"])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/NN_*.ipynb")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: build/<edition>)")
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    args = parser.parse_args(argv)
    build = build_slides if args.edition == "slides" else build_student
    try:
        results = build(args.notebooks or None, args.out, force=args.force, log=True)
    except (ValueError, RuntimeError) as err:
        print(f"{args.edition}: error: {err}", file=sys.stderr)
        return 1
    built = sum(r.rebuilt for r in results)
    print(f"{args.edition}: {built} built, {len(results) - built} up to date, in "
          f"{_display(results[0].output.parent)}")
    if args.edition == "slides":
        print("open a deck in a browser (no network needed); press s for the speaker notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
