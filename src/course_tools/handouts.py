"""Printable handouts: ``build/handouts/NN_name.pdf`` (and the ``.html`` it is printed from) per notebook.

A handout is the student edition (no speaker notes, no solutions, no model answers) as a static page:
nbconvert's HTML exporter with the course template ``templates/course_handout`` (real alt text, print
styles, local MathJax; interactive cells left out, hidden code folded away), printed to A4 by Debian's
Chromium through Playwright, with the course title on top of every page and page numbers below. Nothing
leaves the machine: MathJax comes from the decks' npm copy (:mod:`course_tools.vendor`) and every web
request of the page is refused.
"""

from __future__ import annotations

import html
import importlib.util
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

from course_tools import cells
from course_tools.build import TEMPLATES_DIR, _out_dir, display, find_notebooks, student_exporter
from course_tools.system_deps import CHROMIUM
from course_tools.vendor import install_vendor

__all__ = ["build_handouts", "handout_html", "print_pdf"]

COURSE = "Does ketamine therapy get you high? An open course"
MATHJAX = "vendor/node_modules/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
REQUIRE = "vendor/node_modules/requirejs/require.js"
TIMEOUT_MS = 60_000


def _html_exporter() -> HTMLExporter:
    config = Config()
    config.HTMLExporter.template_name = "course_handout"
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES_DIR)]
    config.HTMLExporter.mathjax_url = MATHJAX
    config.HTMLExporter.require_js_url = REQUIRE
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    config.TagRemovePreprocessor = Config(enabled=True, remove_cell_tags=[cells.NBVAL_IGNORE_OUTPUT],
                                          remove_input_tags=[cells.REMOVE_INPUT], remove_all_outputs_tags=[])
    return HTMLExporter(config=config)


def handout_html(notebook: Path) -> str:
    """The handout of ``notebook`` as one HTML page (the student edition, static)."""
    body, _ = student_exporter().from_filename(str(notebook), resources={"metadata": {"name": notebook.stem}})
    student = nbformat.reads(body, as_version=4)
    page, _ = _html_exporter().from_notebook_node(student)
    return page


_PRINT = """
import sys
from playwright.sync_api import sync_playwright
page_uri, pdf, header, footer, timeout = sys.argv[1:6]
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=sys.argv[6], args=["--no-sandbox"])
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(page_uri, wait_until="load", timeout=int(timeout))
    page.evaluate("() => new Promise(done => (window.MathJax && MathJax.Hub) ? MathJax.Hub.Queue(done) "
                  ": done())")
    page.pdf(path=pdf, format="A4", print_background=True, display_header_footer=True,
             header_template=header, footer_template=footer,
             margin={"top": "18mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})
    browser.close()
"""


def print_pdf(page_html: Path, pdf: Path, title: str) -> int:
    """Print ``page_html`` to an A4 ``pdf`` in Chromium (title on top, page numbers below); returns the
    number of pages. Playwright runs in a child process, so a caller may already drive a browser.

    Raises
    ------
    ValueError
        Playwright or Chromium is missing.
    RuntimeError
        Printing failed (the child's last lines are included).
    """
    if importlib.util.find_spec("playwright") is None:
        raise ValueError("handouts: Playwright is not installed; run make handouts (it installs it)")
    if not CHROMIUM.is_file():
        raise ValueError(f"handouts: Chromium is not installed at {CHROMIUM} "
                         "(Debian: apt-get install chromium)")
    header = (f'<div style="font-size:8pt;width:100%;text-align:center;color:#444">{html.escape(COURSE)} · '
              f"{html.escape(title)}</div>")
    footer = ('<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
              '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
    command = [sys.executable, "-c", _PRINT, page_html.resolve().as_uri(), str(pdf), header, footer,
               str(TIMEOUT_MS), str(CHROMIUM)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"handouts: printing {page_html.name} failed:\n{last}")
    from pypdf import PdfReader  # a test tool too; imported here, where it is needed

    return len(PdfReader(str(pdf)).pages)


def build_handouts(notebooks: Iterable[str | Path] | None = None, out_dir: str | Path | None = None, *,
                   log: bool = False) -> list[Path]:
    """Write ``NN_name.html`` and ``NN_name.pdf`` for each notebook into ``out_dir`` (default
    ``build/handouts``); returns the PDFs.

    Raises
    ------
    ValueError
        A notebook is missing, npm, Playwright or Chromium is missing.
    RuntimeError
        ``npm ci`` failed.
    """
    paths = find_notebooks(notebooks)
    out = _out_dir(out_dir, "handouts")
    install_vendor(out)
    pdfs = []
    for path in paths:
        title = nbformat.read(path, as_version=4).metadata.get("course", {}).get("title", path.stem)
        page = out / f"{path.stem}.html"
        page.write_text(handout_html(path), encoding="utf-8")
        pdf = out / f"{path.stem}.pdf"
        pages = print_pdf(page, pdf, title)
        if log:
            print(f"handouts: {path.name} -> {display(pdf)} ({pages} pages)", flush=True)
        pdfs.append(pdf)
    return pdfs
