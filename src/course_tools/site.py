"""The course website: ``build/site/`` (static HTML), built offline by Sphinx with myst-nb and the book theme.

Pages: the course map (notebook 00) is the home page ``index.html``; every other notebook is a page named
after it (``01_glutamate_nmda.html`` …) with its committed outputs (nothing is executed); and
``glossary.html`` (from ``data/glossary.csv``), ``references.html`` (every source in ``data/sources.csv``,
its DOI, PMID and PMCID linked), ``data.html`` (each table, its data-dictionary entry from ``data/README.md``
and a CSV download) and ``instructors.html`` (how to get the decks, handouts, student notebooks and the
nbgrader release). Each notebook goes through nbconvert first (:data:`course_tools.preprocessors.SITE`):
instructor cells and speaker notes out, answers behind a "Show solution" toggle, interactive cells replaced
by a note, every figure's source line as links, links between notebooks made links between pages, and a
downloads box under the title listing what was built (copied into ``downloads/``).

Nothing is loaded from the web: MathJax 3 comes from npm (:data:`course_tools.vendor.SITE`, installed once),
the theme's fonts and the search index are local. The build treats every Sphinx warning as an error
(``-W -n``) and then checks every internal link and anchor
(:func:`course_tools.link_check.broken_links`).

This module is also the Sphinx extension the site's ``conf.py`` loads (:func:`setup`): it writes each
figure's real alt text (the ``alt`` metadata of :func:`helpers.figures.show`) into its ``<img>``.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert import NotebookExporter
from traitlets.config import Config

from course_tools import cells, preprocessors
from course_tools.build import TEMPLATES_DIR, _out_dir, build_student, display, find_notebooks
from course_tools.link_check import broken_links
from course_tools.vendor import SITE, install_vendor
from helpers.data import citation, load, source_ids
from helpers.data.paths import data_dir

__all__ = ["HOME", "PAGES", "SiteResult", "build_site", "data_markdown",
           "dictionary_sections", "figure_alts", "glossary_markdown", "instructors_markdown",
           "lesson_downloads", "page_name", "references_markdown", "setup", "site_exporter"]

SITE_TEMPLATES = TEMPLATES_DIR / "site"
TITLE = "Does ketamine therapy get you high? An open course"
REPOSITORY = "https://github.com/ketamine-notebooks/ketamine-notebooks"
#: The notebook that is the home page (index.html).
HOME = "00_course_map"
#: The pages besides the notebooks, in the order of the navigation.
PAGES = ("glossary", "references", "data", "instructors")
#: A file in every site this builder writes: only such a folder is ever replaced.
MARKER = ".course-site"


def page_name(notebook: str | Path) -> str:
    """The page a notebook becomes: ``index`` for the course map, else the notebook's file name stem."""
    stem = Path(notebook).stem
    return "index" if stem == HOME else stem


# --- generated pages ---------------------------------------------------------------------------------------
def _md_escape(text: str) -> str:
    """Plain text for a Markdown paragraph: characters Markdown would read as markup are escaped."""
    return re.sub(r"([\\`*_\[\]<>{}|])", r"\\\1", " ".join(str(text).split()))


def glossary_markdown(glossary: Iterable[Mapping], titles: Mapping[str, str]) -> str:
    """The glossary page: every term of ``data/glossary.csv`` (rows with ``term``, ``definition``,
    ``introduced_in``, ``source_id``) as a Sphinx glossary, each with the lesson that teaches it (a link,
    ``titles`` maps notebook stems to titles) and its source.

    Raises
    ------
    ValueError
        A row names a notebook that is not in ``titles``.
    """
    entries = []
    for row in glossary:
        stem = str(row["introduced_in"])
        if stem not in titles:
            raise ValueError(f"glossary: the term {row['term']!r} is introduced in {stem!r}, which is not a "
                             "course notebook")
        where = f"First taught in [{_md_escape(titles[stem])}]({page_name(stem)}.ipynb)."
        source = row.get("source_id")
        if source is not None and str(source) not in ("", "nan", "None"):
            cited = "; ".join(citation(i, short=True) for i in source_ids(str(source)))
            where += f" Source: {_md_escape(cited)} (see [References](references.md))."
        entries.append(f"{row['term']}\n  {_md_escape(row['definition'])} {where}\n")
    return ("# Glossary\n\nThe terms the course uses, in plain words, each with the lesson that first "
            "teaches it. The lessons link a term here where they introduce it. Every definition is the "
            "course's own wording.\n\n```{glossary}\n:sorted:\n\n" + "\n".join(entries) + "```\n")


def references_markdown(ids: Iterable[str]) -> str:
    """The references page: every source in ``ids`` as a full citation whose DOI, PMID and PMCID (or,
    without one, its address) are links, sorted by first author."""
    items = sorted((citation(i, link=True) for i in source_ids(list(ids))), key=str.casefold)
    return ("# References\n\nEvery source the course's numbers come from (the registry `data/sources.csv`), "
            "sorted by first author. Each DOI opens the article at doi.org, each PMID its PubMed record and "
            "each PMCID the free full text in PubMed Central.\n\n" + "\n".join(f"- {item}" for item in items)
            + "\n")


_SECTION = re.compile(r"^## `(?P<file>[\w.-]+\.csv)` — (?P<what>.+)$", re.MULTILINE)


def dictionary_sections(readme: str) -> dict[str, tuple[str, str]]:
    """The data dictionary (``data/README.md``) per table: ``{file: (what it is, the section's body)}``,
    and the conventions that open it under the key ``""``."""
    found = list(_SECTION.finditer(readme))
    intro = readme[:found[0].start()] if found else readme
    intro = re.sub(r"^# .*\n", "", intro).strip()
    sections = {"": ("", intro)}
    for match, following in zip(found, [*found[1:], None], strict=True):
        end = following.start() if following else len(readme)
        sections[match["file"]] = (match["what"].strip(), readme[match.end():end].strip())
    return sections


def data_markdown(readme: str, tables: Mapping[str, int]) -> str:
    """The data page: the dictionary's conventions, then each table (``tables`` maps a CSV file name to its
    number of rows) with its dictionary entry and a download link.

    Raises
    ------
    ValueError
        A table has no entry in the data dictionary.
    """
    sections = dictionary_sections(readme)
    missing = sorted(set(tables) - set(sections))
    if missing:
        raise ValueError(f"tables: no data-dictionary entry in data/README.md for {', '.join(missing)}")
    parts = ["# Data\n", "Every number in the course comes from one of these small tables. Each is a CSV "
             "file you can download and open in a spreadsheet or with pandas; its dictionary entry says what "
             "each column means. The same tables travel with the course (`data/`), and "
             "`helpers.data.load(name)` checks them against their schema.\n", sections[""][1] + "\n"]
    for name in sorted(tables, key=lambda n: (n != "sources.csv", n)):
        what, body = sections[name]
        rows = tables[name]
        parts.append(f"## `{name}` — {what}\n\n{body}\n\n"
                     f"{{download}}`Download {name} (CSV, {rows} rows) <data/{name}>`\n")
    return "\n".join(parts)


#: What a lesson page offers for download: (label, folder under build/, file name pattern, how to build it).
DOWNLOADS = (
    ("The notebook with solutions (.ipynb)", "notebooks", "{stem}.ipynb", None),
    ("Student edition, without solutions (.ipynb)", "student", "{stem}.ipynb", "run make student"),
    ("Slide deck (HTML, works offline)", "slides", "{stem}.slides.html", "run make slides"),
    ("Slide deck (PDF)", "slides", "{stem}.pdf", "run make slides-pdf"),
    ("Printable handout (A4 PDF)", "handouts", "{stem}.pdf", "run make handouts"),
)


def lesson_downloads(stem: str, available: set[str]) -> list[tuple[str, str | None, str]]:
    """The downloads box of one lesson: ``(label, href or None, how to build)`` per kind of file;
    ``available`` holds the paths (``student/NN_name.ipynb`` …) copied into the site's ``downloads/``."""
    items = []
    for label, folder, pattern, how in DOWNLOADS:
        path = f"{folder}/{pattern.format(stem=stem)}"
        href = f"downloads/{path}" if path in available else None
        items.append((label, href, f"{how}, then make site again" if how else ""))
    return items


def instructors_markdown(stems: list[str], titles: Mapping[str, str], available: set[str]) -> str:
    """The instructors' page: how to get each edition, and a table of what this build holds."""
    template = (SITE_TEMPLATES / "instructors.md").read_text(encoding="utf-8")
    header = "| Lesson | " + " | ".join(label for label, *_ in DOWNLOADS[1:]) + " |"
    rows = [header, "|" + "---|" * (len(DOWNLOADS))]
    for stem in stems:
        cells_ = []
        for _label, href, _how in lesson_downloads(stem, available)[1:]:
            cells_.append(f'<a href="{href}">download</a>' if href else "not built")
        rows.append(f"| [{_md_escape(titles[stem])}]({page_name(stem)}.ipynb) | " + " | ".join(cells_) + " |")
    return template.replace("{{ table }}", "\n".join(rows))


# --- notebook pages ----------------------------------------------------------------------------------------
def site_exporter(terms: list[str], config: Config | None = None) -> NotebookExporter:
    """The exporter of a website page: ``instructor`` cells removed (nbconvert's ``TagRemovePreprocessor``),
    then :data:`course_tools.preprocessors.SITE`; ``terms`` are the glossary's terms (:class:`SiteLinks`)."""
    settings = Config()
    settings.TagRemovePreprocessor = Config(enabled=True, remove_cell_tags=[cells.INSTRUCTOR],
                                            remove_all_outputs_tags=[], remove_input_tags=[])
    settings.SiteLinks = Config(terms=list(terms), home=HOME)
    settings.merge(config or Config())
    exporter = NotebookExporter(config=settings)
    for step in preprocessors.SITE:
        exporter.register_preprocessor(step, enabled=True)
    return exporter


def _toctree(stems: list[str]) -> str:
    lessons = "\n".join(page_name(s) for s in stems if s != HOME)
    pages = "\n".join(PAGES)
    return (f"```{{toctree}}\n:hidden:\n:caption: Lessons\n:maxdepth: 1\n\n{lessons}\n```\n\n"
            f"```{{toctree}}\n:hidden:\n:caption: Reference\n:maxdepth: 1\n\n{pages}\n```\n")


def figure_alts(nb: nbformat.NotebookNode) -> dict[str, str]:
    """The alt text of every figure in ``nb``, by the SHA-256 of its PNG (the name myst-nb gives the
    image file)."""
    alts = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            alt = output.get("metadata", {}).get("image/png", {}).get("alt")
            png = output.get("data", {}).get("image/png")
            if alt and png:
                alts[hashlib.sha256(base64.b64decode(png)).hexdigest()] = alt
    return alts


# --- the build ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SiteResult:
    """A built website: its folder, its HTML pages and the build time [s]."""

    folder: Path
    pages: list[Path]
    seconds: float


def _copy_downloads(paths: list[Path], editions: Path, extra: Path) -> set[str]:
    """Copy the notebooks and what was built of their other editions into ``extra/downloads``; returns the
    paths copied, relative to ``downloads/``."""
    downloads = extra / "downloads"
    available = set()
    (downloads / "notebooks").mkdir(parents=True)
    for path in paths:
        shutil.copy2(path, downloads / "notebooks" / path.name)
        available.add(f"notebooks/{path.name}")
    for _label, folder, pattern, _how in DOWNLOADS[1:]:
        for path in paths:
            found = editions / folder / pattern.format(stem=path.stem)
            if found.is_file():
                (downloads / folder).mkdir(exist_ok=True)
                shutil.copy2(found, downloads / folder / found.name)
                available.add(f"{folder}/{found.name}")
    decks = editions / "slides" / "vendor"
    if any(a.startswith("slides/") and a.endswith(".html") for a in available) and decks.is_dir():
        shutil.copytree(decks, downloads / "slides" / "vendor", symlinks=True)
    return available


def _stage(src: Path, paths: list[Path], editions: Path, mathjax: Path) -> None:
    """Write the Sphinx source folder ``src``: settings, static files, pages, notebooks and downloads."""
    import json

    shutil.copy2(SITE_TEMPLATES / "conf.py", src / "conf.py")
    shutil.copytree(SITE_TEMPLATES / "_static", src / "_static")
    (src / "site.json").write_text(json.dumps({"title": TITLE, "repository_url": REPOSITORY,
                                               "mathjax_dir": str(mathjax)}), encoding="utf-8")
    available = _copy_downloads(paths, editions, src / "_extra")
    glossary = load("glossary")
    titles = {p.stem: nbformat.read(p, as_version=4).metadata.get("course", {}).get("title", p.stem)
              for p in paths}
    stems = [p.stem for p in paths]
    exporter = site_exporter(list(glossary["term"]))
    for path in paths:
        resources = {"metadata": {"name": path.stem}, "downloads": lesson_downloads(path.stem, available)}
        body, _ = exporter.from_filename(str(path), resources=resources)
        nb = nbformat.reads(body, as_version=4)
        if path.stem == HOME:
            nb.cells.append(nbformat.v4.new_markdown_cell(_toctree(stems)))
        nbformat.write(nb, src / f"{page_name(path)}.ipynb")
    (src / "glossary.md").write_text(glossary_markdown(glossary.to_dict("records"), titles), encoding="utf-8")
    (src / "references.md").write_text(references_markdown(load("sources")["id"]), encoding="utf-8")
    folder = data_dir()
    (src / "data").mkdir()
    tables = {}
    for csv in sorted(folder.glob("*.csv")):
        shutil.copy2(csv, src / "data" / csv.name)
        tables[csv.name] = max(len(csv.read_text(encoding="utf-8").splitlines()) - 1, 0)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    (src / "data.md").write_text(data_markdown(readme, tables), encoding="utf-8")
    (src / "instructors.md").write_text(instructors_markdown(stems, titles, available), encoding="utf-8")


def _sphinx(src: Path, out: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "--keep-going", "-q", "-j", "auto",
               "-d", str(src / "_doctrees"), str(src), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError("site: sphinx-build failed (warnings are errors):\n" + "\n".join(said[-20:]))


def build_site(notebooks: Iterable[str | Path] | None = None, out_dir: str | Path | None = None, *,
               editions: str | Path | None = None, log: bool = False) -> SiteResult:
    """Build the course website into ``out_dir`` (default ``build/site``).

    Parameters
    ----------
    notebooks
        The notebooks to publish (default: every ``notebooks/NN_*.ipynb``); the course map must be one.
    out_dir
        The site's folder. It is replaced when it holds a site built here before; any other non-empty
        folder is refused.
    editions
        The folder that holds the other editions (``student/``, ``slides/``, ``handouts/``; default
        ``build/``). The student edition is (re)built there first; decks and handouts found there are
        copied into the site's ``downloads/``.
    log
        Print progress lines.

    Raises
    ------
    ValueError
        A notebook is missing, the course map is not among them, ``out_dir`` is a folder this builder did
        not make, or npm is missing.
    RuntimeError
        ``npm ci`` failed, Sphinx reported a warning, or a link or anchor of the site is broken.
    """
    started = time.perf_counter()
    paths = find_notebooks(notebooks)
    if HOME not in {p.stem for p in paths}:
        raise ValueError(f"notebooks: the site's home page is {HOME}.ipynb; include it")
    out = _out_dir(out_dir, "site")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise ValueError(f"out_dir: {out} exists and is not a course website built here; choose a new or "
                         "empty folder")
    editions = Path(editions) if editions is not None else out.parent
    build_student(paths, editions / "student", log=log)
    mathjax = install_vendor(out.parent / ".site-vendor", packages=SITE) / "node_modules"
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        src, html_dir = staging / "src", staging / "html"
        src.mkdir()
        _stage(src, paths, editions, mathjax)
        if log:
            print(f"site: {len(paths)} notebooks and {len(PAGES)} pages staged; running Sphinx", flush=True)
        _sphinx(src, html_dir)
        (html_dir / MARKER).write_text("built by python -m course_tools site\n", encoding="utf-8")
        broken = broken_links(html_dir)
        if broken:
            raise RuntimeError("site: broken links:\n" + "\n".join(broken[:20]))
        if out.exists():
            shutil.rmtree(out)
        html_dir.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pages = sorted(p for p in out.glob("*.html") if p.name not in ("genindex.html", "search.html"))
    seconds = time.perf_counter() - started
    if log:
        print(f"site: {len(pages)} pages in {display(out)} ({seconds:.0f} s)", flush=True)
    return SiteResult(out, pages, seconds)


# --- the Sphinx extension (conf.py: extensions = [..., "course_tools.site"]) -------------------------------
def _figure_alt_text(app, doctree) -> None:
    from docutils import nodes

    source = Path(app.env.doc2path(app.env.docname))
    if source.suffix != ".ipynb":
        return
    alts = figure_alts(nbformat.read(source, as_version=4))
    for image in doctree.findall(nodes.image):
        alt = alts.get(Path(str(image["uri"])).stem)
        if alt:
            image["alt"] = alt


def setup(app) -> dict:
    """Sphinx extension: figures get their real alt text."""
    app.connect("doctree-read", _figure_alt_text)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
