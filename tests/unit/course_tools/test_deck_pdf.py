"""course_tools.deck_pdf: decktape from npm (a stand-in npm here) and which decks are printed again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from course_tools import deck_pdf
from course_tools.__main__ import main
from course_tools.deck_pdf import DECKTAPE_DIR, build_slides_pdf, deck_size, install_decktape, print_deck


def test_deck_size_is_the_decks_own() -> None:
    assert deck_size() == "1280x720"


def _fake_npm(tmp_path: Path) -> str:
    """A stand-in for npm that records its arguments and environment and lays out decktape."""
    script = tmp_path / "fake-npm"
    script.write_text(
        "#!/bin/sh\n"
        'echo "$@ PUPPETEER_SKIP_DOWNLOAD=$PUPPETEER_SKIP_DOWNLOAD" >> "$(dirname "$0")/npm-calls.txt"\n'
        "mkdir -p node_modules/decktape && touch node_modules/decktape/decktape.js\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_install_decktape_never_downloads_a_browser_and_installs_once(tmp_path: Path) -> None:
    script = install_decktape(tmp_path / "build", npm=_fake_npm(tmp_path))
    assert script == tmp_path / "build/tools/decktape/node_modules/decktape/decktape.js" and script.is_file()
    assert (script.parents[2] / "package-lock.json").read_bytes() == \
        (DECKTAPE_DIR / "package-lock.json").read_bytes()
    [call] = (tmp_path / "npm-calls.txt").read_text(encoding="utf-8").splitlines()
    assert call.startswith("ci ") and "--ignore-scripts" in call
    assert call.endswith("PUPPETEER_SKIP_DOWNLOAD=1")
    assert install_decktape(tmp_path / "build", npm="no-such-npm") == script  # up to date: offline


def test_decktape_is_pinned() -> None:
    assert '"decktape": "3.16.1"' in (DECKTAPE_DIR / "package.json").read_text(encoding="utf-8")


def test_print_deck_names_what_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match=r"^deck: .*make slides"):
        print_deck(tmp_path / "none.slides.html", tmp_path / "none.pdf", tmp_path / "decktape.js")
    deck = tmp_path / "01_x.slides.html"
    deck.write_text("<html></html>", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^chromium: "):
        print_deck(deck, tmp_path / "01_x.pdf", tmp_path / "decktape.js", chromium=tmp_path / "no-chromium")
    monkeypatch.setattr(deck_pdf.shutil, "which", lambda name: None)
    with pytest.raises(ValueError, match=r"^node: "):
        print_deck(deck, tmp_path / "01_x.pdf", tmp_path / "decktape.js")


def test_print_deck_reports_decktape_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deck = tmp_path / "01_x.slides.html"
    deck.write_text("<html></html>", encoding="utf-8")
    fake_node = tmp_path / "node"
    fake_node.write_text("#!/bin/sh\necho 'Unable to activate the reveal DeckTape plugin' >&2\nexit 1\n",
                         encoding="utf-8")
    fake_node.chmod(0o755)
    monkeypatch.setattr(deck_pdf.shutil, "which", lambda name: str(fake_node))
    with pytest.raises(RuntimeError, match=r"printing 01_x\.slides\.html failed:\nUnable to activate"):
        print_deck(deck, tmp_path / "01_x.pdf", tmp_path / "decktape.js", chromium=fake_node)


def test_only_pdfs_older_than_their_deck_are_printed_again(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    slides = tmp_path / "slides"
    slides.mkdir()
    notebooks = []
    for name in ("01_a", "02_b"):
        (tmp_path / f"{name}.ipynb").write_text("{}", encoding="utf-8")
        notebooks.append(tmp_path / f"{name}.ipynb")
        (slides / f"{name}.slides.html").write_text("<html></html>", encoding="utf-8")
    printed: list[str] = []

    def fake_print(deck: Path, pdf: Path, decktape: Path) -> int:
        printed.append(pdf.name)
        pdf.write_bytes(b"%PDF")
        return 1

    monkeypatch.setattr(deck_pdf, "build_slides", lambda paths, out, log: [])
    monkeypatch.setattr(deck_pdf, "install_decktape", lambda root: root / "tools" / "decktape.js")
    monkeypatch.setattr(deck_pdf, "print_deck", fake_print)
    assert [p.name for p in build_slides_pdf(notebooks, slides)] == ["01_a.pdf", "02_b.pdf"]
    assert printed == ["01_a.pdf", "02_b.pdf"]
    old = (slides / "01_a.pdf").stat().st_mtime
    os.utime(slides / "02_b.slides.html", (old + 10, old + 10))  # deck 02 rebuilt after its PDF
    build_slides_pdf(notebooks, slides)
    assert printed[2:] == ["02_b.pdf"]
    build_slides_pdf(notebooks, slides, force=True)
    assert printed[3:] == ["01_a.pdf", "02_b.pdf"]


def test_cli_slides_pdf_reports_a_missing_notebook(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["slides-pdf", "no_such_notebook.ipynb"]) == 1
    assert capsys.readouterr().err.startswith("slides-pdf: error: ")
