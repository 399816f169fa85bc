"""The students' view: every notebook runs in a real JupyterLab in a real (headless Chromium) browser.

One JupyterLab serves temporary copies of ``notebooks/NN_*.ipynb`` (the committed notebooks are never
opened). For each notebook the test opens it, runs all cells, waits for the kernel to finish, saves the copy
and checks:

- the saved notebook has no error and no stderr output, and every code cell ran, in order;
- every figure is rendered in the page, and every figure outside a widget is followed by its
  ``figure-description`` paragraph (the alt text that :func:`helpers.style.show` prints);
- every interactive cell (tag ``nbval-ignore-output``) shows its widget with a hint instead of a second
  copy of the figure above it, and moving its control draws the figure for the chosen values.

A screenshot per notebook goes to ``build/browser/``. Two probe notebooks (a working widget and a cell that
raises) prove that the checks can fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest

from course_tools import cells
from helpers.figures.widgets import HINT
from tests.support import NOTEBOOKS, ROOT
from tests.support.browser import wait_for_idle_kernel, wait_until_settled
from tests.support.lab_server import WIDGET_TAG, LabRun, LabServer, run_in_lab, scroll_to

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = ROOT / "build" / "browser"
WIDGET_PROBE = "zz_widget_probe.ipynb"
ERROR_PROBE = "zz_error_probe.ipynb"
FROZEN_PROBE = "zz_frozen_probe.ipynb"
WIDGET_TIMEOUT_MS = 30_000


def _probe(cells: list[tuple[str, list[str]]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.cells = [nbformat.v4.new_code_cell(src, metadata={"tags": tags}) for src, tags in cells]
    return nb


def widget_probe(*, frozen: bool = False) -> nbformat.NotebookNode:
    """A minimal interactive cell: a slider that redraws a line (``frozen``: ignores the slider)."""
    return _probe([(
        "import ipywidgets as widgets\n"
        "import matplotlib.pyplot as plt\n"
        "\n"
        "def draw(slope=1.0):\n"
        "    fig, ax = plt.subplots(figsize=(4, 3))\n"
        f"    ax.plot([0, 1], [0, {'1.0' if frozen else 'slope'}], marker='o')\n"
        "    ax.set_ylim(0, 5)\n"
        "    plt.show()\n"
        "\n"
        "_ = widgets.interact(draw, slope=widgets.FloatSlider(value=1.0, min=0.5, max=5.0, step=0.5))",
        [WIDGET_TAG],
    )])


def error_probe() -> nbformat.NotebookNode:
    """A notebook whose second cell raises."""
    return _probe([("print('first')", []), ("1 / 0", []), ("print('never reached')", [])])


@pytest.fixture(scope="module")
def lab() -> Iterator[LabServer]:
    """One JupyterLab for the whole module."""
    probes = {WIDGET_PROBE: widget_probe(), FROZEN_PROBE: widget_probe(frozen=True),
              ERROR_PROBE: error_probe()}
    with LabServer(NOTEBOOKS, extra=probes) as server:
        yield server


@pytest.fixture
def page(chromium_context: Any, lab: LabServer) -> Iterator[Any]:
    """A fresh tab; the kernels it started are shut down afterwards."""
    tab = chromium_context.new_page()
    try:
        yield tab
    finally:
        tab.close()
        lab.shutdown_kernels()


# --- checks ---------------------------------------------------------------------------------------------
def saved_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Errors and stderr in a saved notebook, as readable strings."""
    problems = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(f"cell {index}: stderr: {str(output.get('text'))[:300]}")
    return problems


def saved_descriptions(nb: nbformat.NotebookNode) -> list[str]:
    """The figure descriptions in a saved notebook (outside widgets)."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = str(output.get("data", {}).get("text/html", ""))
            if 'class="figure-description"' in html:
                found.append(" ".join(str(output["data"]["text/plain"]).split()))
    return found


_WIDGET_OUTPUT_JS = """
([index]) => {
  const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[index];
  const out = cell && cell.querySelector('.widget-output');
  if (!out) return null;
  const images = [...out.querySelectorAll('img')];
  // What a student sees: the pictures and the text (not the DOM's bookkeeping).
  const seen = images.map(i => i.getAttribute('src')).join('|') + '||' + out.textContent;
  return {seen, images: images.length,
          loaded: images.every(i => i.complete && i.naturalWidth > 0),
          errors: out.querySelectorAll('[data-mime-type*="stderr"], [data-mime-type*="error"]').length,
          text: out.textContent.trim().length};
}
"""


def check_widget(page: Any, cell_index: int, timeout_ms: float = WIDGET_TIMEOUT_MS, *,
                 starts_with_hint: bool = False) -> None:
    """The widget in cell ``cell_index`` is rendered, and moving a control changes its output.

    A dropdown is preferred (a different choice must redraw); otherwise the first slider moves three steps.
    ``starts_with_hint``: the output first holds ``helpers.widgets.HINT`` and no figure (the course's
    ``explore`` cells, whose starting figure is the static one above them), and a figure after the move.
    """
    cell = page.locator(".jp-Notebook .jp-Cell").nth(cell_index)
    view = cell.locator(".jp-OutputArea-output .jupyter-widgets").first
    view.wait_for(state="visible", timeout=WIDGET_TIMEOUT_MS)
    text = cell.locator(".jp-Cell-outputArea").inner_text()
    assert "Error displaying widget" not in text and "Loading widget" not in text, text
    page.wait_for_function(
        f"([index]) => {{ const s = ({_WIDGET_OUTPUT_JS})([index]); return !!s && (s.images + s.text) > 0"
        " && s.loaded; }",
        arg=[cell_index], timeout=WIDGET_TIMEOUT_MS, polling=100,
    )
    before = page.evaluate(_WIDGET_OUTPUT_JS, [cell_index])
    assert before["errors"] == 0, "the widget's first output is an error"
    if starts_with_hint:
        shown = cell.locator(".widget-output").inner_text()
        assert before["images"] == 0 and " ".join(HINT.split()) in " ".join(shown.split()), (
            f"cell {cell_index}: the controls should start with the hint, not a second copy of the figure")
    dropdown = cell.locator(".widget-dropdown select").first
    slider = cell.locator(".widget-slider .noUi-handle, .widget-slider input[type=range]").first
    if dropdown.count():
        options = dropdown.locator("option").all_inner_texts()
        assert len(options) > 1, "the dropdown offers a single choice"
        current = dropdown.evaluate("el => el.selectedIndex")
        dropdown.select_option(index=1 if current == 0 else 0)
    elif slider.count():
        slider.focus()
        for _ in range(3):
            slider.press("ArrowRight")
    else:
        pytest.fail(f"cell {cell_index}: no dropdown or slider to move")
    page.wait_for_function(
        f"""([index, before]) => {{
          const s = ({_WIDGET_OUTPUT_JS})([index]);
          return !!s && s.seen !== before && (s.images + s.text) > 0 && s.loaded;
        }}""",
        arg=[cell_index, before["seen"]], timeout=timeout_ms, polling=100,
    )
    wait_for_idle_kernel(page, timeout_ms)  # the redraw has finished; now look for errors
    wait_until_settled(page)
    after = page.evaluate(_WIDGET_OUTPUT_JS, [cell_index])
    assert after["errors"] == 0, f"cell {cell_index}: the widget's output shows an error after the change"
    if starts_with_hint:
        assert after["images"] == 1, f"cell {cell_index}: one figure for the chosen values after the move"


def screenshot(page: Any, notebook: str, run: LabRun) -> Path:
    """Save a screenshot of the notebook (scrolled to its first figure) under build/browser/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
    if run.images:
        scroll_to(page, notebook, ".jp-Cell:has(.jp-OutputArea-output img)")
    wait_until_settled(page)
    path = SCREENSHOTS / f"{Path(notebook).stem}.png"
    page.screenshot(path=path)
    return path


def widget_cells(nb: nbformat.NotebookNode) -> list[int]:
    return [i for i, cell in enumerate(nb.cells) if cells.is_widget(cell)]


# --- tests ----------------------------------------------------------------------------------------------
def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "no notebooks/NN_*.ipynb found"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(page: Any, lab: LabServer, notebook: Path) -> None:
    run = run_in_lab(page, lab, notebook.name)
    shot = screenshot(page, notebook.name, run)
    assert shot.stat().st_size > 10_000
    saved = run.saved
    assert saved is not None

    assert not saved_problems(saved), "\n".join(saved_problems(saved))
    code = [c for c in saved.cells if c.cell_type == "code" and c.source.strip()]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), "not every cell ran in order"

    expected_images = sum("image/png" in o.get("data", {}) for c in saved.cells for o in c.get("outputs", []))
    outside = [img for img in run.images if not img["inWidget"]]
    assert len(outside) == expected_images, f"{expected_images} figures saved, {len(outside)} in the page"
    assert all(img["ok"] for img in run.images), f"a figure did not render: {run.images}"
    described = [ok for img, ok in zip(run.images, run.image_then_description, strict=True)
                 if not img["inWidget"]]
    assert all(described), f"figures without a description right after them: {described}"
    assert run.descriptions == saved_descriptions(saved), "page and saved figure descriptions differ"

    for index in widget_cells(saved):
        check_widget(page, index, starts_with_hint=True)


def test_widget_check_sees_a_slider_move(page: Any, lab: LabServer) -> None:
    """Probe: the widget check works on a minimal ``interact`` cell (and so can fail on a broken one)."""
    run = run_in_lab(page, lab, WIDGET_PROBE)
    assert run.saved is not None and not saved_problems(run.saved)
    assert [img["inWidget"] for img in run.images] == [True]
    check_widget(page, 0)


def test_widget_check_fails_when_the_figure_does_not_change(page: Any, lab: LabServer) -> None:
    """Probe: a widget whose figure ignores the slider is reported as unresponsive."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    run_in_lab(page, lab, FROZEN_PROBE)
    with pytest.raises(PlaywrightTimeoutError):
        check_widget(page, 0, timeout_ms=3_000)


def test_error_is_caught_from_the_saved_notebook(page: Any, lab: LabServer) -> None:
    """Probe: a cell that raises stops Run All and shows up in the saved notebook."""
    run = run_in_lab(page, lab, ERROR_PROBE)
    assert run.saved is not None
    problems = saved_problems(run.saved)
    assert len(problems) == 1 and "ZeroDivisionError" in problems[0]
    assert run.saved.cells[2].get("outputs") == []
