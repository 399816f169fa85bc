"""Deck PDFs: ``build/slides/NN_name.pdf``, one page per slide, for a learning-management system.

Each offline deck (:func:`course_tools.build.build_slides`) is printed by decktape, pinned in
``templates/decktape/package-lock.json`` and installed from npm into ``build/tools/decktape`` on first use
(``PUPPETEER_SKIP_DOWNLOAD``: it never downloads a browser). decktape drives Debian's Chromium at the decks'
own size, 1280 x 720, with fragments shown: a page holds its slide as the end of the lecture shows it.
The deck template exposes the require.js-loaded ``Reveal`` as ``window.Reveal``, which decktape needs.
Nothing leaves the machine: the decks load only their local copies of reveal.js and MathJax.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from course_tools.build import TEMPLATES_DIR, _out_dir, build_slides, display, find_notebooks
from course_tools.system_deps import CHROMIUM
from course_tools.vendor import Vendor, npm_install

__all__ = ["DECKTAPE", "DECKTAPE_DIR", "OFFLINE", "build_slides_pdf", "deck_size", "install_decktape",
           "print_deck"]

DECKTAPE_DIR = TEMPLATES_DIR / "decktape"
DECKTAPE_CHECK = Path("node_modules/decktape/decktape.js")  # present once the install is complete

#: What the first deck-PDF build needs, said when npm cannot reach its registry.
OFFLINE = ("the first `make slides-pdf` downloads about 30 MB of decktape and its libraries from npm; no "
           "network or npm registry was reachable")

# Chromium as the course starts it everywhere: no sandbox (containers run as root) and no background
# connections to Google's services, which a closed network refuses many times a second.
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync")
PAUSE_MS = 300        # per slide, after reveal.js has moved to it (MathJax re-renders the slide)
LOAD_PAUSE_MS = 1000  # once, after the deck has loaded (MathJax typesets the whole deck)


def deck_size() -> str:
    """The decks' size as decktape wants it, ``"1280x720"``, read from ``templates/slides_config.json``."""
    config = json.loads((TEMPLATES_DIR / "slides_config.json").read_text(encoding="utf-8"))["SlidesExporter"]
    return f"{config['reveal_width']}x{config['reveal_height']}"


#: decktape and its libraries; puppeteer is kept from downloading a browser.
DECKTAPE = Vendor(DECKTAPE_DIR, DECKTAPE_CHECK, (), OFFLINE, env=(("PUPPETEER_SKIP_DOWNLOAD", "1"),))


def install_decktape(build_root: str | Path, *, npm: str = "npm") -> Path:
    """Install decktape into ``build_root/tools/decktape`` (once per lock file); returns its script."""
    return npm_install(DECKTAPE, Path(build_root) / "tools" / "decktape", npm=npm) / DECKTAPE_CHECK


def print_deck(deck: Path, pdf: Path, decktape: Path, *, chromium: Path = CHROMIUM) -> int:
    """Print the reveal.js ``deck`` to ``pdf``, one page per slide; returns the number of pages.

    Raises
    ------
    ValueError
        ``deck`` is missing, or Node.js or Chromium is.
    RuntimeError
        decktape failed (its last lines are included).
    """
    if not deck.is_file():
        raise ValueError(f"deck: {deck} not found; build it with make slides")
    node = shutil.which("node")
    if node is None:
        raise ValueError("node: Node.js not found; install it with npm (Debian: apt-get install npm)")
    if not Path(chromium).is_file():
        raise ValueError(f"chromium: Chromium is not installed at {chromium} "
                         "(Debian: apt-get install chromium)")
    command = [node, str(decktape), "reveal", "--size", deck_size(), "--pause", str(PAUSE_MS),
               "--load-pause", str(LOAD_PAUSE_MS), "--chrome-path", str(chromium),
               *(f"--chrome-arg={arg}" for arg in CHROMIUM_ARGS), deck.resolve().as_uri(), str(pdf)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not pdf.is_file():
        said = f"{done.stdout}\n{done.stderr}".strip().splitlines()
        raise RuntimeError(f"slides-pdf: printing {deck.name} failed:\n" + "\n".join(said[-5:]))
    from pypdf import PdfReader  # installed with the test tools, which make slides-pdf installs

    return len(PdfReader(str(pdf)).pages)


def build_slides_pdf(notebooks: Iterable[str | Path] | None = None, out_dir: str | Path | None = None, *,
                     force: bool = False, log: bool = False) -> list[Path]:
    """Build the decks (only those that changed) and print each to ``NN_name.pdf`` beside it.

    A PDF newer than its deck is kept unless ``force``.

    Parameters
    ----------
    notebooks
        Notebooks whose decks to print (default: every ``notebooks/NN_*.ipynb``).
    out_dir
        The decks' folder (default: ``build/slides``); decktape goes into ``<out_dir>/../tools``.
    force
        Print again PDFs that are up to date.
    log
        Print one progress line per deck.

    Raises
    ------
    ValueError
        A notebook, npm, Node.js or Chromium is missing.
    RuntimeError
        ``npm ci`` or decktape failed.
    """
    paths = find_notebooks(notebooks)
    out = _out_dir(out_dir, "slides")
    build_slides(paths, out, log=log)
    decktape = install_decktape(out.parent)
    pdfs = []
    for path in paths:
        deck = out / f"{path.stem}.slides.html"
        pdf = out / f"{path.stem}.pdf"
        if force or not pdf.is_file() or pdf.stat().st_mtime < deck.stat().st_mtime:
            pages = print_deck(deck, pdf, decktape)
            if log:
                print(f"slides-pdf: {path.name} -> {display(pdf)} ({pages} pages)", flush=True)
        elif log:
            print(f"slides-pdf: {display(pdf)} is up to date", flush=True)
        pdfs.append(pdf)
    return pdfs
