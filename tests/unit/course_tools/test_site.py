"""course_tools.site and the website's preprocessors: generated pages, link rules and the link check, on
small fixtures (the real build is checked in tests/browser/test_site.py)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output

from course_tools import cells
from course_tools.preprocessors import (
    SITE,
    FigureSources,
    LessonDownloads,
    SiteAnswers,
    SiteLinks,
    StaticInteractive,
)
from course_tools.preprocessors.site_links import heading_slug
from course_tools.site import (
    HOME,
    build_site,
    data_markdown,
    dictionary_sections,
    figure_alts,
    glossary_markdown,
    instructors_markdown,
    lesson_downloads,
    page_name,
    references_markdown,
    site_exporter,
)
from tests.support.synthetic import SECRET, meta, synthetic_notebook
from tests.unit.course_tools.test_preprocessors import RESOURCES, _run


# --- preprocessors -------------------------------------------------------------------------------------
def test_site_answers_hide_solution_and_check_behind_one_toggle() -> None:
    nb = synthetic_notebook()
    nb.cells.insert(9, new_markdown_cell("*Write your answer here.*", metadata=meta("skip", "your-answer")))
    nb.cells.insert(10, new_markdown_cell("**Model answer.** It depends.",
                                          metadata=meta("-", "model-answer")))
    nb = _run(SiteAnswers(), nb)
    sources = [c.source for c in nb.cells]
    opened = [i for i, s in enumerate(sources) if s.startswith("<details")]
    closed = [i for i, s in enumerate(sources) if s.startswith("</details>")]
    assert len(opened) == len(closed) == 2
    solution = nb.cells[opened[0] + 1:closed[0]]
    assert '<summary>Show solution</summary>' in sources[opened[0]]
    assert [cells.is_solution(c) or cells.is_check(c) for c in solution] == [True, True, True]
    assert SECRET in solution[0].source and cells.is_check(solution[1])
    assert '<summary>Show model answer</summary>' in sources[opened[1]]
    assert "Write your answer here" not in "".join(sources)
    assert cells.is_exercise(nb.cells[opened[0] - 1]), "the task stays visible, before the toggle"


def test_static_interactive_says_where_the_controls_work() -> None:
    nb = synthetic_notebook()
    widget = new_code_cell("explore(...)", metadata=meta("-", cells.NBVAL_IGNORE_OUTPUT), execution_count=9,
                           outputs=[new_output("display_data", data={"text/plain": "interactive(...)"})])
    nb.cells.insert(5, widget)
    nb = _run(StaticInteractive(), nb)
    assert "explore(...)" not in nbformat.writes(nb)
    note = nb.cells[5]
    assert note.cell_type == "markdown" and "JupyterLab" in note.source
    assert "99_synthetic.ipynb" in note.source


def test_static_interactive_keeps_a_saved_figure() -> None:
    nb = synthetic_notebook()
    nb.cells.insert(5, new_code_cell("explore(...)", metadata=meta("-", cells.NBVAL_IGNORE_OUTPUT), outputs=[
        new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure>"}),
        new_output("display_data", data={"text/plain": "interactive(...)"})]))
    nb = _run(StaticInteractive(), nb)
    kept = nb.cells[5]
    assert cells.has_tag(kept, cells.REMOVE_INPUT) and len(kept.outputs) == 1
    assert nb.cells[6].cell_type == "markdown"


def test_figure_sources_add_a_linked_source_line() -> None:
    nb = synthetic_notebook()
    nb.cells[4].outputs.append(new_output("display_data", data={"text/html": "<p>Figure description</p>"},
                                          metadata={"course_figure": {"alt": "A.", "sources": ["gao2016"]}}))
    nb = _run(FigureSources(), nb)
    added = nb.cells[4].outputs[-1]
    assert added.data["text/markdown"] == \
        "Source: Gao M et al. (2016) [doi:10.1038/aps.2016.5](https://doi.org/10.1038/aps.2016.5)"


def test_site_links_send_glossary_links_to_the_term() -> None:
    nb = synthetic_notebook()
    nb.cells[3].source = ("[NMDA receptors](00_course_map.ipynb#Glossary), [the course glossary]"
                          "(00_course_map.ipynb#Glossary), [map](00_course_map.ipynb), "
                          "[takeaways](#Key-takeaways), [next](01_x.ipynb#Step-1-—-Why?-Yes \"Title\")")
    nb = _run(SiteLinks(terms=["NMDA receptor", "receptor"]), nb)
    assert nb.cells[3].source == ("{term}`NMDA receptors <NMDA receptor>`, "
                                  "[the course glossary](glossary.md), [map](index.ipynb), "
                                  "[takeaways](#key-takeaways), [next](01_x.ipynb#step-1--why-yes \"Title\")")


def test_site_links_in_printed_markdown_are_rewritten_like_markdown_cells() -> None:
    """The website renders a code cell's Markdown with MyST, as it renders markdown cells."""
    nb = synthetic_notebook()
    nb.cells[4].outputs = [new_output("display_data", data={
        "text/markdown": "| [one](01_x.ipynb#Step-1) | [map](00_course_map.ipynb) | "
                         "[term](00_course_map.ipynb#Glossary) |"})]
    nb = _run(SiteLinks(), nb)
    assert nb.cells[4].outputs[0].data["text/markdown"] == \
        "| [one](01_x.ipynb#step-1) | [map](index.ipynb) | [term](glossary.md) |"


@pytest.mark.parametrize(("jupyter", "site"), [("Key-takeaways", "key-takeaways"),
                                               ("Ethics:-consent,-access", "ethics-consent-access"),
                                               ("Step-1-—-How-much?", "step-1--how-much")])
def test_heading_slug(jupyter: str, site: str) -> None:
    assert heading_slug(jupyter) == site


def test_lesson_downloads_box_links_what_exists_and_says_how_to_build_the_rest() -> None:
    items = lesson_downloads("01_x", {"notebooks/01_x.ipynb", "handouts/01_x.pdf"})
    nb = _run(LessonDownloads(), synthetic_notebook(), {**RESOURCES, "downloads": items})
    box = nb.cells[1].source
    assert '<a href="downloads/handouts/01_x.pdf">Printable handout (A4 PDF)</a>' in box
    assert "Slide deck (HTML, works offline): not built yet (run make slides, then make site again)" in box
    assert "Slide deck (PDF): not built yet (run make slides-pdf" in box
    assert _run(LessonDownloads(), synthetic_notebook()).cells[1].source.startswith("Speaker note")


def test_site_exporter_removes_instructor_cells_and_notes() -> None:
    nb = synthetic_notebook()
    body, _ = site_exporter(["receptor"]).from_notebook_node(nb, resources=dict(RESOURCES))
    assert "Parke-Davis" not in body and "greet the class" not in body
    assert SECRET in body, "the site shows the solution (behind its toggle)"
    assert len(SITE) == 6


# --- pages ----------------------------------------------------------------------------------------------
def test_page_names() -> None:
    assert page_name(f"notebooks/{HOME}.ipynb") == "index"
    assert page_name("notebooks/07_new_lesson.ipynb") == "07_new_lesson"


def test_glossary_page() -> None:
    rows = [{"term": "affinity", "definition": "How *strongly* a drug binds.", "introduced_in": "01_x",
             "source_id": None},
            {"term": "REMS", "definition": "A safety programme.", "introduced_in": "00_course_map",
             "source_id": "spravato_rems"}]
    text = glossary_markdown(rows, {"01_x": "One", "00_course_map": "Map"})
    assert text.startswith("# Glossary\n") and "```{glossary}\n:sorted:\n" in text
    assert "affinity\n  How \\*strongly\\* a drug binds. First taught in [One](01_x.ipynb).\n" in text
    assert "[Map](index.ipynb)" in text and "Source: " in text
    with pytest.raises(ValueError, match="glossary: the term 'affinity' is introduced in '01_x'"):
        glossary_markdown(rows, {"00_course_map": "Map"})


def test_references_page_lists_every_source_with_links() -> None:
    text = references_markdown(["ebert1997", "gao2016"])
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert [i[:6] for i in items] == ["- Eber", "- Gao "]
    assert "[PMID 9311667](https://pubmed.ncbi.nlm.nih.gov/9311667/)" in items[0]
    with pytest.raises(ValueError, match="unknown source id"):
        references_markdown(["nobody1900"])


README = """# Data dictionary

Intro: units in names.

## `a.csv` — table A (notebook 01)

| column | meaning |
|---|---|
| `x` | a value |

## `b.csv` — table B
B's text.
"""


def test_data_page_has_each_table_its_dictionary_entry_and_a_download() -> None:
    assert dictionary_sections(README)["b.csv"] == ("table B", "B's text.")
    text = data_markdown(README, {"b.csv": 3, "a.csv": 2})
    assert text.startswith("# Data\n") and "Intro: units in names." in text
    assert text.index("## `a.csv` — table A (notebook 01)") < text.index("## `b.csv`")
    assert "{download}`Download a.csv (CSV, 2 rows) <data/a.csv>`" in text
    with pytest.raises(ValueError, match=r"tables: no data-dictionary entry .* c\.csv"):
        data_markdown(README, {"c.csv": 1})


def test_instructors_page_tables_what_was_built() -> None:
    text = instructors_markdown(["00_course_map", "01_x"], {"00_course_map": "Map", "01_x": "One"},
                                {"slides/01_x.slides.html"})
    assert "make slides-pdf" in text and "make nbgrader" in text and "make handouts" in text
    row = next(line for line in text.splitlines() if line.startswith("| [One](01_x.ipynb)"))
    assert '<a href="downloads/slides/01_x.slides.html">download</a>' in row and "not built" in row


def test_figure_alts_key_the_alt_text_by_the_png_hash() -> None:
    png = base64.b64encode(b"\x89PNG fake").decode()
    nb = synthetic_notebook()
    nb.cells[4].outputs.append(new_output("display_data", data={"image/png": png},
                                          metadata={"image/png": {"alt": "A chart of x."}}))
    assert figure_alts(nb) == {hashlib.sha256(b"\x89PNG fake").hexdigest(): "A chart of x."}


def test_build_site_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("my work", encoding="utf-8")
    with pytest.raises(ValueError, match=r"out_dir: .* is not a course website built here"):
        build_site(None, tmp_path)
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "my work"


def test_build_site_needs_the_home_page(tmp_path: Path) -> None:
    from tests.support import NOTEBOOKS

    with pytest.raises(ValueError, match=rf"notebooks: the site's home page is {HOME}\.ipynb"):
        build_site([p for p in NOTEBOOKS if p.stem != HOME][:1], tmp_path / "site")
