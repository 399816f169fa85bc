"""Every slide deck in a real browser: headless Debian Chromium, opened from file:// with every web
request refused. reveal.js must start, the deck must have at least 5 slides and speaker notes, and the
console must stay free of errors. The first slide of each deck is saved to build/screenshots/. The deck
PDFs (make slides-pdf) have one 16:9 page per slide, with every fragment shown."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell, new_notebook

from course_tools.build import BuildResult, build_slides
from course_tools.deck_pdf import build_slides_pdf
from tests.support import NOTEBOOKS, ROOT
from tests.support.browser import axe_source, axe_violations, overflowing_slides, wait_until_settled

PlaywrightTimeout = pytest.importorskip("playwright.sync_api").TimeoutError
pypdf = pytest.importorskip("pypdf")

pytestmark = [pytest.mark.browser, pytest.mark.slow]

IDS = [p.stem for p in NOTEBOOKS]
SLIDES_DIR = ROOT / "build" / "slides"
SHOTS_DIR = ROOT / "build" / "screenshots"
REVEAL = "vendor/node_modules/reveal.js/dist/reveal.js"  # the module id the deck's require() uses
MIN_SLIDES = 5
START_TIMEOUT_MS = 20_000


@dataclass
class DeckReport:
    """What a deck did in the browser."""

    started: bool = False
    slides: int = 0
    notes: int = 0
    notes_plugin: bool = False
    first_slide: str = ""
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_deck(context: object, deck: Path, screenshot: Path | None = None) -> tuple[object, DeckReport]:
    """Open ``deck`` from file:// in a new page, refusing (and counting) every non-file request."""
    report = DeckReport()
    page = context.new_page()  # type: ignore[attr-defined]

    def route(request_route: object) -> None:
        url = request_route.request.url  # type: ignore[attr-defined]
        if url.startswith("file://"):
            request_route.continue_()  # type: ignore[attr-defined]
        else:
            report.refused.append(url)
            request_route.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)
    page.on("console", lambda msg: report.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: report.errors.append(f"uncaught: {exc}"))
    page.goto(deck.resolve().as_uri())
    try:
        page.wait_for_selector(".reveal.ready", timeout=START_TIMEOUT_MS)
        report.started = True
    except PlaywrightTimeout:  # reported through report.started
        return page, report
    report.slides, report.notes_plugin = page.evaluate(
        "(id) => new Promise(done => require([id], R => done([R.getTotalSlides(), !!R.getPlugin('notes')])))",
        REVEAL)
    report.notes = page.locator(".slides aside.notes").count()
    report.first_slide = page.locator(".slides section.present").first.inner_text()
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        wait_until_settled(page)  # fonts, images and the slide transition
        page.screenshot(path=str(screenshot))
    return page, report


@pytest.fixture(scope="session")
def decks() -> dict[str, Path]:
    """Build (or reuse, when up to date) the deck of every course notebook, once per session."""
    results = build_slides(NOTEBOOKS, SLIDES_DIR) if NOTEBOOKS else []
    return {r.notebook.stem: r.output for r in results}


@pytest.fixture(scope="session")
def deck_pdfs(decks: dict[str, Path]) -> dict[str, Path]:
    """What ``make slides-pdf`` makes: a PDF beside each deck (printed again only when its deck changed)."""
    return {pdf.stem: pdf for pdf in build_slides_pdf(NOTEBOOKS, SLIDES_DIR)} if NOTEBOOKS else {}


def _letters(text: str) -> str:
    """Only the letters and digits of ``text``, lower case: PDF text has ligatures and its own spacing."""
    return re.sub(r"\W", "", unicodedata.normalize("NFKC", text)).lower()


def test_the_course_has_decks(decks: dict[str, Path]) -> None:
    assert decks, "no notebooks/NN_*.ipynb found"


@pytest.mark.parametrize("name", IDS)
def test_deck_in_browser(name: str, decks: dict[str, Path], chromium_context: object) -> None:
    page, report = open_deck(chromium_context, decks[name], SHOTS_DIR / f"{name}.png")
    try:
        assert report.refused == [], f"the deck tried to reach the web: {report.refused}"
        assert report.started, "reveal.js did not start (.reveal.ready never appeared)"
        assert report.errors == [], f"console errors: {report.errors}"
        assert report.slides >= MIN_SLIDES, f"only {report.slides} slides (need >= {MIN_SLIDES})"
        assert report.notes >= 1 and report.notes_plugin, "no speaker notes (cells with slide_type notes)"
        assert "learning objectives" in report.first_slide.lower(), "the title slide lacks the objectives"
        assert (SHOTS_DIR / f"{name}.png").stat().st_size > 5_000
    finally:
        page.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", IDS)
def test_every_slide_fits_the_projector(name: str, decks: dict[str, Path], chromium_context: object) -> None:
    """At 1280 x 720 (16:9), every slide with all its fragments shown fits without scrolling."""
    page, report = open_deck(chromium_context, decks[name])
    try:
        assert report.started
        wait_until_settled(page)
        over = overflowing_slides(page, REVEAL)
        assert over == [], "slides taller than 720 px ([h, v, px, first line]): " + "; ".join(map(str, over))
    finally:
        page.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", IDS)
def test_every_slide_passes_axe(name: str, decks: dict[str, Path], chromium_context: object) -> None:
    """axe-core (WCAG 2.1 A and AA) finds no violation on any slide, all fragments shown."""
    axe = axe_source(ROOT / "build")
    page, report = open_deck(chromium_context, decks[name])
    try:
        assert report.started
        slides = page.evaluate("(id) => new Promise(done => require([id], R => done(R.getSlides().map("
                               "s => { const i = R.getIndices(s); return [i.h, i.v || 0]; }))))", REVEAL)
        problems = []
        for h, v in slides:
            page.evaluate("([id, h, v]) => new Promise(done => require([id], R => { R.slide(h, v, 999); "
                          "done(); }))", [REVEAL, h, v])
            problems += [f"slide [{h}, {v}] {found}" for found in axe_violations(page, axe)]
        assert problems == [], "\n".join(problems)
    finally:
        page.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", IDS)
def test_deck_pdf_has_one_page_per_slide_with_fragments_shown(name: str, decks: dict[str, Path],
                                                             deck_pdfs: dict[str, Path],
                                                             chromium_context: object) -> None:
    """The deck's PDF: as many 16:9 pages as the deck has slides, holding every fragment's text."""
    page, report = open_deck(chromium_context, decks[name])
    try:
        assert report.started
        fragments = page.evaluate("() => [...document.querySelectorAll('.slides .fragment')]"
                                  ".map(f => f.textContent)")
    finally:
        page.close()  # type: ignore[attr-defined]
    reader = pypdf.PdfReader(str(deck_pdfs[name]))
    assert len(reader.pages) == report.slides, f"{len(reader.pages)} pages for {report.slides} slides"
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, abs=0.01)
    text = _letters("".join(pdf_page.extract_text() for pdf_page in reader.pages))
    starts = [_letters(f)[:40] for f in fragments if len(_letters(f)) >= 20]
    assert starts, "the deck has fragments (exercise answers)"
    missing = [start for start in starts if start not in text]
    assert missing == [], f"fragments not in the PDF: {missing}"


@pytest.mark.parametrize("name", IDS[:1])
def test_speaker_view_shows_notes(name: str, decks: dict[str, Path], chromium_context: object) -> None:
    """Pressing s opens reveal.js's speaker view, offline, with the notes of the current slide."""
    page, report = open_deck(chromium_context, decks[name])
    try:
        assert report.started
        note = page.locator(".slides aside.notes").first
        expected = " ".join(note.text_content().split())[:60]
        page.evaluate(
            "([id, i]) => new Promise(done => require([id], R => {"
            " const aside = document.querySelectorAll('.slides aside.notes')[i];"
            " const s = R.getIndices(aside.closest('section')); R.slide(s.h, s.v); done(); }))",
            [REVEAL, 0])
        with page.expect_popup() as popup:  # type: ignore[attr-defined]
            page.keyboard.press("s")
        speaker = popup.value
        speaker.wait_for_function(
            "t => (document.querySelector('.speaker-controls-notes')?.innerText || '')"
            ".replace(/\\s+/g, ' ').includes(t)", arg=expected, timeout=START_TIMEOUT_MS)
        wait_until_settled(speaker)
        speaker.screenshot(path=str(SHOTS_DIR / f"{name}.notes.png"))
        speaker.close()
        assert report.refused == [] and report.errors == []
    finally:
        page.close()  # type: ignore[attr-defined]


def _deck_of(nb: nbformat.NotebookNode, path: Path, decks: dict[str, Path]) -> BuildResult:
    """Write ``nb`` to ``path`` and build its deck next to it, reusing the session's vendor files."""
    nbformat.write(nb, path)
    out = path.parent / "slides"
    out.mkdir()
    (out / "vendor").symlink_to(next(iter(decks.values())).parent / "vendor", target_is_directory=True)
    [result] = build_slides([path], out)
    return result


def test_browser_check_catches_a_bad_deck(tmp_path: Path, decks: dict[str, Path],
                                          chromium_context: object) -> None:
    """A deck with two slides, no notes and an image from the web fails every check it should."""
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# Bad deck", metadata={"slideshow": {"slide_type": "slide"}}),
                new_markdown_cell('<img src="https://example.org/x.png" alt="web image">',
                                  metadata={"slideshow": {"slide_type": "slide"}})]
    nb.cells.append(new_markdown_cell("## A wall of text\n\n" + "\n\n".join(f"Line {i}." for i in range(40)),
                                      metadata={"slideshow": {"slide_type": "slide"}}))
    result = _deck_of(nb, tmp_path / "97_bad.ipynb", decks)
    page, report = open_deck(chromium_context, result.output)
    over = overflowing_slides(page, REVEAL) if report.started else []
    page.close()  # type: ignore[attr-defined]
    assert report.started
    assert [(h, v) for h, v, _, _ in over] == [(2, 0)] and over[0][3].lower() == "a wall of text", over
    assert report.refused == ["https://example.org/x.png"]
    assert report.errors, "a refused request shows as a console error"
    assert report.slides == 3 and report.notes == 0
    assert "learning objectives" not in report.first_slide.lower()


def test_browser_check_passes_a_good_deck_with_maths(tmp_path: Path, decks: dict[str, Path],
                                                     chromium_context: object) -> None:
    """A minimal conforming deck passes, and MathJax (pruned, local) typesets its formula offline."""
    def md(text: str, slide_type: str = "slide") -> nbformat.NotebookNode:
        return new_markdown_cell(text, metadata={"slideshow": {"slide_type": slide_type}})

    nb = new_notebook()
    nb.cells = [md("# Good deck\n\n**Learning objectives**\n\n- read a deck offline"),
                md("Tell the class the deck works offline.", "notes"),
                md("## Maths\n\n$$C(t) = \\frac{D}{V} e^{-k t}$$"),
                md("## Three"), md("## Four"), md("## Five")]
    result = _deck_of(nb, tmp_path / "96_good.ipynb", decks)
    page, report = open_deck(chromium_context, result.output)
    try:
        page.keyboard.press("Space")  # type: ignore[attr-defined]
        page.wait_for_selector(".MathJax_CHTML", timeout=START_TIMEOUT_MS)  # type: ignore[attr-defined]
        assert report.started and report.slides == 5 and report.notes == 1
        assert report.refused == [] and report.errors == []
    finally:
        page.close()  # type: ignore[attr-defined]
