"""The decks show what a lecture shows: every figure has its real alt text, no code but the cells tagged
show-code, and no dead interactive cell. (Exported with the course's deck exporter; no browser needed.)"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from course_tools import cells
from course_tools.build import slides_exporter
from tests.support import NOTEBOOKS

IDS = [p.stem for p in NOTEBOOKS]
PLACEHOLDER = "No description has been provided for this image"


@pytest.fixture(scope="module")
def exporter():
    return slides_exporter()


def deck(exporter, path: Path) -> str:
    body, _ = exporter.from_filename(str(path), resources={"metadata": {"name": path.stem}})
    return body


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_deck_image_has_its_real_alt_text(exporter, path: Path) -> None:
    html = deck(exporter, path)
    alts = re.findall(r'<img[^>]*\balt="([^"]*)"', html)
    assert len(alts) == len(re.findall(r"<img\b", html)) >= 1, "every image has an alt attribute"
    assert PLACEHOLDER not in html and all(len(alt) >= 20 for alt in alts), alts
    notebook = nbformat.read(path, as_version=4)
    described = [o.metadata["course_figure"]["alt"] for c in notebook.cells for o in c.get("outputs", [])
                 if "course_figure" in o.get("metadata", {})]
    assert [a.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&") for a in alts] == described


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_decks_hide_code_and_interactive_cells(exporter, path: Path) -> None:
    html = deck(exporter, path)
    assert "explore(" not in html, "interactive cells are skipped in the deck"
    shown = sum(cells.SHOW_CODE in cells.tags(c) for c in nbformat.read(path, as_version=4).cells)
    assert html.count('class="jp-CodeMirrorEditor') == shown, "only show-code cells show code"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_figure_output_carries_its_alt_as_image_metadata(path: Path) -> None:
    for n, cell in enumerate(nbformat.read(path, as_version=4).cells):
        outputs = cell.get("outputs", [])
        for i, out in enumerate(outputs):
            if "image/png" in out.get("data", {}):
                alt = out.get("metadata", {}).get("image/png", {}).get("alt")
                after = outputs[i + 1] if i + 1 < len(outputs) else {}
                following = after.get("metadata", {}).get("course_figure", {})
                assert alt and alt == following.get("alt"), f"cell {n}: image alt metadata = its description"
