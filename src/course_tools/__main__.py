"""Course tools: execute the notebooks, build the slide decks and the student editions.

    python -m course_tools execute [NOTEBOOK ...]
    python -m course_tools slides  [NOTEBOOK ...] [--out DIR] [--force]
    python -m course_tools student [NOTEBOOK ...] [--out DIR] [--force]
    python -m course_tools workspace [--edition DIR] [--to DIR]
    python -m course_tools nbgrader [NOTEBOOK ...] [--out DIR]
    python -m course_tools lab [--instructor] [--to DIR] [--dry-run]
    python -m course_tools deps
    python -m course_tools handouts [NOTEBOOK ...] [--out DIR]
    python -m course_tools slides-pdf [NOTEBOOK ...] [--out DIR] [--force]
    python -m course_tools site [--out DIR]

With no notebook given, every ``notebooks/NN_*.ipynb`` is used. ``execute`` runs notebooks in place in a
fresh kernel; ``slides`` and ``student`` rebuild only the editions whose notebook (or build recipe)
changed, unless ``--force`` is given. ``workspace`` copies the student edition into the student's own
folder and never overwrites a notebook the student has changed. ``nbgrader`` writes the nbgrader source
notebooks (graded questions with hidden tests) and the student release (needs the ``grading`` extra).
``lab`` does what ``make lab`` does (``--instructor``: ``make lab-instructor``), for systems without make.
``deps`` installs (as root on Debian) or explains what ``make test`` needs beyond Python: Chromium and npm.
``handouts`` prints each notebook's student edition to an A4 PDF (Chromium, offline after the first npm
install).
``slides-pdf`` builds the decks and prints each to a PDF, one page per slide with its fragments shown
(decktape from npm driving Chromium; offline after the first install).
``site`` builds the course website (static HTML, offline; needs the ``site`` extra and, once, npm).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from jupyter_core.paths import jupyter_runtime_dir

from course_tools import system_deps
from course_tools.build import build_slides, build_student, default_out_dir, display, find_notebooks
from course_tools.execute import execute
from course_tools.kernels import private_folder, server_args
from course_tools.workspace import sync_workspace

__all__ = ["main"]


def _execute(notebooks: list[Path]) -> int:
    try:
        paths = find_notebooks(notebooks)
    except ValueError as err:
        print(f"execute: error: {err}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"executing {path.name} ...", flush=True)
        execute(path)
    print(f"executed {len(paths)} notebook(s)")
    return 0


def _edition(edition: str, notebooks: list[Path], out: Path | None, force: bool) -> int:
    build = build_slides if edition == "slides" else build_student
    try:
        results = build(notebooks or None, out, force=force, log=True)
    except (ValueError, RuntimeError) as err:
        print(f"{edition}: error: {err}", file=sys.stderr)
        return 1
    built = sum(r.rebuilt for r in results)
    print(f"{edition}: {built} built, {len(results) - built} up to date, in "
          f"{display(results[0].output.parent)}")
    if edition == "slides":
        print("open a deck in a browser (no network needed); press s for the speaker notes")
    return 0


def _workspace(edition: Path | None, workspace: Path) -> int:
    try:
        edition = edition if edition is not None else default_out_dir("student")
        report = sync_workspace(edition, workspace)
    except ValueError as err:
        print(f"workspace: error: {err}", file=sys.stderr)
        return 1
    for line in report.lines():
        print(f"workspace: {line}")
    print(f"workspace: your notebooks are in {display(workspace)}")
    return 0


def _failed(command: str, err: Exception) -> int:
    """Say why ``command`` failed, in one line on stderr; the exit code 1."""
    print(f"{command}: error: {err}", file=sys.stderr)
    return 1


def _extra_missing(command: str, err: ModuleNotFoundError, extra: str) -> int:
    """Say which package of an optional extra is missing and which make target installs it; exit code 1."""
    print(f"{command}: error: {err.name} is not installed; run make {command} (it installs the {extra} "
          "extra)", file=sys.stderr)
    return 1


def _nbgrader(notebooks: list[Path], out: Path | None) -> int:
    try:
        from course_tools import grading  # nbgrader is an extra: only this command needs it
        paths = find_notebooks(notebooks or None)
        out = out if out is not None else default_out_dir("nbgrader")
        reports = grading.build_source(paths, out)
        for assignment, report in reports.items():
            for line in report.lines():
                print(f"nbgrader: {assignment}: {line}")
        release = grading.generate_release(out, list(reports))
    except ModuleNotFoundError as err:
        return _extra_missing("nbgrader", err, "grading")
    except (ValueError, RuntimeError) as err:
        return _failed("nbgrader", err)
    print(f"nbgrader: source in {display(out / 'source')}, release in {display(release)}")
    return 0


def lab_command(folder: Path, notebook: str, sockets: Path) -> list[str]:
    """The ``jupyter lab`` command that opens ``notebook`` in ``folder``, kernels on IPC sockets in
    ``sockets`` (:mod:`course_tools.kernels`), with ``--allow-root`` when run as root (containers)."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}", *server_args(sockets)]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return [*command, notebook]


def _handouts(notebooks: list[Path], out: Path | None) -> int:
    try:
        from course_tools.handouts import build_handouts
        pdfs = build_handouts(notebooks or None, out, log=True)
    except (ValueError, RuntimeError) as err:
        print(f"handouts: error: {err}", file=sys.stderr)
        return 1
    print(f"handouts: {len(pdfs)} PDF(s) in {display(pdfs[0].parent)}")
    return 0


def _slides_pdf(notebooks: list[Path], out: Path | None, force: bool) -> int:
    try:
        from course_tools.deck_pdf import build_slides_pdf
        pdfs = build_slides_pdf(notebooks or None, out, force=force, log=True)
    except (ValueError, RuntimeError) as err:
        print(f"slides-pdf: error: {err}", file=sys.stderr)
        return 1
    print(f"slides-pdf: {len(pdfs)} PDF(s) in {display(pdfs[0].parent)}")
    return 0


def _site(out: Path | None) -> int:
    try:
        from course_tools.site import build_site  # Sphinx is an extra: only this command needs it
        result = build_site(None, out, log=True)
    except ModuleNotFoundError as err:
        return _extra_missing("site", err, "site")
    except (ValueError, RuntimeError) as err:
        return _failed("site", err)
    print(f"site: open {display(result.folder / 'index.html')} in a browser (no network needed)")
    return 0


def _lab(instructor: bool, workspace: Path, dry_run: bool) -> int:
    try:
        if instructor:
            folder = find_notebooks(None)[0].parent
        else:
            build_student(None, None, log=True)
            if _workspace(None, workspace):
                return 1
            folder = workspace
    except (ValueError, RuntimeError) as err:
        print(f"lab: error: {err}", file=sys.stderr)
        return 1
    sockets = private_folder(jupyter_runtime_dir(), "course-kernels")
    command = lab_command(folder.resolve(), "00_course_map.ipynb", sockets)
    print(f"lab: opening JupyterLab in {display(folder)} (stop it with Ctrl+C)", flush=True)
    if dry_run:
        print(" ".join(command))
        return 0
    return subprocess.call(command, cwd=folder)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``python -m course_tools COMMAND`` (see the module's docstring)."""
    parser = argparse.ArgumentParser(prog="python -m course_tools", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("execute", help="execute notebooks in place")
    run.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/NN_*.ipynb")
    for edition, what in (("slides", "offline reveal.js decks"), ("student", "student editions")):
        build = sub.add_parser(edition, help=f"build {what} (only what changed)")
        build.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/NN_*.ipynb")
        build.add_argument("--out", type=Path, default=None, help=f"output folder (default: build/{edition})")
        build.add_argument("--force", action="store_true", help="rebuild even when up to date")
    space = sub.add_parser("workspace", help="copy the student edition into the student's folder, keeping "
                           "every notebook the student has changed")
    space.add_argument("--edition", type=Path, default=None, help="student edition (default: build/student)")
    space.add_argument("--to", type=Path, default=Path("workspace"), help="the student's folder")
    grade = sub.add_parser("nbgrader", help="nbgrader source notebooks (graded questions, hidden tests) and "
                           "the release")
    grade.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/NN_*.ipynb")
    grade.add_argument("--out", type=Path, default=None, help="course folder (default: build/nbgrader)")
    lab = sub.add_parser("lab", help="JupyterLab on your own workspace (the student edition), or on the "
                         "instructor notebooks")
    lab.add_argument("--instructor", action="store_true", help="open the instructor notebooks instead")
    lab.add_argument("--to", type=Path, default=Path("workspace"), help="your workspace folder")
    lab.add_argument("--dry-run", action="store_true", help="print the jupyter command instead of running it")
    hand = sub.add_parser("handouts", help="printable A4 PDF handouts of the student edition")
    hand.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/NN_*.ipynb")
    hand.add_argument("--out", type=Path, default=None, help="output folder (default: build/handouts)")
    deck_pdf = sub.add_parser("slides-pdf", help="PDF of each deck, one page per slide (decktape, offline)")
    deck_pdf.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/NN_*.ipynb")
    deck_pdf.add_argument("--out", type=Path, default=None, help="the decks' folder (default: build/slides)")
    deck_pdf.add_argument("--force", action="store_true", help="print again PDFs that are up to date")
    site = sub.add_parser("site", help="the course website (static HTML) in build/site")
    site.add_argument("--out", type=Path, default=None, help="output folder (default: build/site)")
    sub.add_parser("deps", help="install (as root on Debian) or explain what make test needs beyond Python")
    args = parser.parse_args(argv)
    if args.command == "execute":
        return _execute(args.notebooks)
    if args.command == "workspace":
        return _workspace(args.edition, args.to)
    if args.command == "handouts":
        return _handouts(args.notebooks, args.out)
    if args.command == "slides-pdf":
        return _slides_pdf(args.notebooks, args.out, args.force)
    if args.command == "site":
        return _site(args.out)
    if args.command == "deps":
        return system_deps.ensure()
    if args.command == "lab":
        return _lab(args.instructor, args.to, args.dry_run)
    if args.command == "nbgrader":
        return _nbgrader(args.notebooks, args.out)
    return _edition(args.command, args.notebooks, args.out, args.force)


if __name__ == "__main__":
    sys.exit(main())
