"""make handouts: one A4 PDF per notebook, printed offline in Chromium from the student edition; it holds
the lesson's text, figure descriptions and exercise prompts, and no solution or model answer."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from tests.support import NOTEBOOKS, ROOT
from tests.support.browser import axe_source, axe_violations
from tests.unit.course_tools.test_build import _secret_lines

pytest.importorskip("playwright.sync_api")
pypdf = pytest.importorskip("pypdf")
pytestmark = [pytest.mark.browser, pytest.mark.slow]
IDS = [p.stem for p in NOTEBOOKS]


@pytest.fixture(scope="module")
def handouts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from course_tools.handouts import build_handouts

    out = tmp_path_factory.mktemp("handouts")
    return {pdf.stem: pdf for pdf in build_handouts(None, out)}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_handout_pdf(handouts: dict[str, Path], path: Path) -> None:
    reader = pypdf.PdfReader(str(handouts[path.stem]))
    pages = len(reader.pages)
    assert pages >= 3
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2), "A4"
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert f"1 / {pages}" in text and "Does ketamine therapy get you high" in text, "page numbers and title"
    assert "Figure description" in text and "References" in text
    assert re.search(r"Check \d\d\.\d", text), "an exercise prompt"
    assert "988" in text, "the help lines"
    assert "Model answer" not in text, "model answers are not in the handout"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_handout_has_no_solution_line_and_real_alt_text(handouts: dict[str, Path], path: Path) -> None:
    page = handouts[path.stem].with_suffix(".html").read_text(encoding="utf-8")
    text = html.unescape(page)
    leaks = sorted(line for line in _secret_lines(nbformat.read(path, as_version=4)) if line in text)
    assert not leaks, f"solution lines in the handout: {leaks}"
    alts = re.findall(r'<img[^>]*\balt="([^"]*)"', page)
    assert alts and all(len(alt) >= 20 for alt in alts)
    assert "No description has been provided" not in page
    assert "https://" not in "".join(re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)), \
        "nothing is loaded from the web"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_handout_passes_axe(handouts: dict[str, Path], path: Path, chromium_context: object) -> None:
    """axe-core (WCAG 2.1 A and AA) finds no violation in the handout's page."""
    axe = axe_source(ROOT / "build")
    page = chromium_context.new_page()  # type: ignore[attr-defined]
    try:
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto(handouts[path.stem].with_suffix(".html").resolve().as_uri())
        assert axe_violations(page, axe) == []
    finally:
        page.close()
