"""Notebook hygiene: every committed notebook follows the course conventions (CONTRIBUTING.md).

These tests read the committed notebooks; nbval (``--nbval``) separately re-runs them and compares outputs.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from course_tools import cells
from course_tools.execute import execute
from course_tools.stubs import check_ids, solution_names
from helpers import course, data
from helpers.exercises import ANSWERS
from tests.support import NOTEBOOKS, ROOT

MACHINE_PATH = re.compile(r"(/root/|/home/|/tmp/|/work/|/Users/|[A-Z]:\\\\)")
SECTIONS = ("Learning objectives", "Estimated time", "Prerequisites")
ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")

pytestmark = pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks yet")


def load(nb: Path) -> dict:
    return json.loads(nb.read_text(encoding="utf-8"))


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def text(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def outputs_text(output: dict) -> str:
    if output["output_type"] == "stream":
        return "".join(output["text"])
    parts = []
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/") or mime.endswith("json"):
            parts.append(value if isinstance(value, str) else json.dumps(value))
    parts.append(json.dumps(output.get("traceback", "")))
    return "".join(parts)


ids = [nb.stem for nb in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_executed_in_order_from_a_fresh_kernel(path):
    counts = [c["execution_count"] for c in code_cells(load(path)) if text(c).strip()]
    assert counts == list(range(1, len(counts) + 1)), "run `make execute` (fresh kernel, top to bottom)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_errors_warnings_stderr_or_machine_paths(path):
    for n, cell in enumerate(code_cells(load(path))):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"code cell {n}: error output"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), f"code cell {n}: stderr"
            body = outputs_text(out)
            assert "Warning" not in body, f"code cell {n}: a warning in the output"
            assert not MACHINE_PATH.search(body), f"code cell {n}: a machine path in the output"
            assert not ADDRESS.search(body), f"code cell {n}: an object's memory address in the output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_metadata_kernel_and_slides(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    meta = course.course_metadata(path)
    assert meta["order"] == int(path.name[:2])
    types = []
    for n, cell in enumerate(nb["cells"]):
        slide = cells.slide_type(cell, default=None)
        assert slide in cells.SLIDE_TYPES, f"cell {n}: slideshow.slide_type missing or unknown ({slide!r})"
        unknown = cells.tags(cell) - cells.TAGS
        assert not unknown, f"cell {n}: unknown tag(s) {unknown}"
        types.append(slide)
    assert types[0] == "slide"
    assert sum(t in {"slide", "subslide"} for t in types) >= 5, "at least 5 slides"
    assert cells.NOTES in types, "speaker notes (a cell with slide_type 'notes')"


def frame(nb: dict) -> str:
    """The lesson's frame: the markdown cells before its first code cell (title, objectives, time,
    prerequisites, contents; the deck may show them on two slides), speaker notes left out."""
    lead = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            break
        if cell["cell_type"] == "markdown" and not cells.is_notes(cell):
            lead.append(text(cell))
    return "\n\n".join(lead)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_required_sections(path):
    nb = load(path)
    assert text(nb["cells"][0]).lstrip().startswith("# "), "the first cell is the title"
    first = frame(nb)
    for section in SECTIONS:
        assert section in first, f"the frame (cells before the first code cell) lacks {section!r}"
    minutes = course.course_metadata(path)["minutes"]
    assert re.search(rf"Estimated time:?\**:?\s*{minutes} minutes", first), "time must match the metadata"
    headings = [line for c in nb["cells"] if c["cell_type"] == "markdown"
                for line in text(c).splitlines() if line.startswith("#")]
    joined = "\n".join(headings)
    positions = []
    for heading in ("Key takeaways", "What's next", "References"):
        match = re.search(rf"^##\s+{heading}", joined, re.MULTILINE)
        assert match, f"missing section '## {heading}'"
        positions.append(match.start())
    assert positions == sorted(positions), "Key takeaways, What's next, References in this order"


# --- the frame of a lesson (Pythia, Neuromatch): prerequisites table, contents with minutes ---------------
PREREQ_ROW = re.compile(r"^\|(?P<concept>[^|]+)\|\s*(?P<importance>[^|]+?)\s*\|(?P<where>[^|]+)\|\s*$",
                        re.M)
CONTENTS_ROW = re.compile(
    r"^\s*\d+\.\s+\[?(?P<title>[^\]\n]+?)\]?(?:\([^)]*\))?\s*[—–-]\s*(?P<min>\d+)\s*min", re.M)


def prerequisites(first_cell: str) -> list[tuple[str, str, str]]:
    """The rows (concept, importance, where to learn it) of the title cell's prerequisites table."""
    block = first_cell[first_cell.index("Prerequisites"):]
    rows = [(m["concept"].strip(), m["importance"].strip(), m["where"].strip())
            for m in PREREQ_ROW.finditer(block)]
    return [r for r in rows if r[0].lower() != "concept" and not set(r[0]) <= set("-: ")]


def contents_minutes(first_cell: str) -> list[tuple[str, int]]:
    """The title cell's contents: (section, minutes) per numbered line under "Contents"."""
    if "Contents" not in first_cell:
        return []
    block = first_cell[first_cell.index("Contents"):]
    return [(m["title"].strip(), int(m["min"])) for m in CONTENTS_ROW.finditer(block)]


def test_frame_parsers_read_the_documented_format():
    cell = ("# T\n\n**Prerequisites.**\n\n| Concept | Importance | Where to learn it |\n|---|---|---|\n"
            "| Percentages | Necessary | school maths |\n| Receptors | Helpful | [01](01_x.ipynb) |\n\n"
            "**Contents** (45 minutes)\n\n1. [Two clocks](#Two-clocks) — 10 min\n2. Caveats — 35 min\n")
    assert prerequisites(cell) == [("Percentages", "Necessary", "school maths"),
                                   ("Receptors", "Helpful", "[01](01_x.ipynb)")]
    assert contents_minutes(cell) == [("Two clocks", 10), ("Caveats", 35)]
    assert contents_minutes("# T\nno contents") == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_lesson_frame_prerequisites_and_contents(path):
    """A prerequisites table (concept, Necessary/Helpful, where to learn it) and a contents list whose
    minutes add up to the notebook's estimated time, in the lesson's frame (before its first code cell)."""
    first = frame(load(path))
    rows = prerequisites(first)
    assert rows, "title cell: a prerequisites table | Concept | Importance | Where to learn it |"
    assert {importance for _, importance, _ in rows} <= {"Necessary", "Helpful"}, rows
    sections = contents_minutes(first)
    assert len(sections) >= 3, "title cell: **Contents** with a numbered line per section and its minutes"
    minutes = course.course_metadata(path)["minutes"]
    assert sum(m for _, m in sections) == minutes, f"contents minutes {sections} must add up to {minutes}"


# --- active lessons: interleaved checks, reflection, callouts, demos with questions ------------------------
LESSONS = [p for p in NOTEBOOKS if not p.name.startswith("00")]
CALLOUT_MARK = {cells.THINK: "> **Think", cells.PITFALL: "> **Pitfall"}


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_interleaved_checks(path):
    """At least four checked exercises, the first before the middle of the notebook."""
    nb_cells = load(path)["cells"]
    checks = [i for i, c in enumerate(nb_cells) if c["cell_type"] == "code" and cells.is_check(c)]
    assert len(checks) >= 4, f"{len(checks)} check cells; a lesson needs at least 4"
    assert checks[0] < len(nb_cells) / 2, f"first check at cell {checks[0]} of {len(nb_cells)}: too late"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_reflection_with_answer_cell_and_model_answer(path):
    """A reflection question, then the student's answer cell (skipped in the deck), then a model answer."""
    nb_cells = load(path)["cells"]
    reflections = [i for i, c in enumerate(nb_cells) if cells.is_reflection(c)]
    assert reflections, "at least one markdown cell tagged 'reflection'"
    for i in reflections:
        assert nb_cells[i]["cell_type"] == "markdown", f"cell {i}: a reflection is markdown"
        answer, model = nb_cells[i + 1], nb_cells[i + 2]
        assert cells.YOUR_ANSWER in cells.tags(answer) and answer["cell_type"] == "markdown", \
            f"cell {i + 1}: the student's answer cell (markdown, tag 'your-answer') follows a reflection"
        assert cells.slide_type(answer) == cells.SKIP, f"cell {i + 1}: the answer cell is skipped in the deck"
        assert cells.is_model_answer(model) and model["cell_type"] == "markdown", \
            f"cell {i + 2}: a model answer (markdown, tag 'model-answer') follows the answer cell"
        assert cells.slide_type(model) == cells.CONTINUE, f"cell {i + 2}: the deck reveals it as a fragment"
    orphans = [i for i, c in enumerate(nb_cells) if cells.is_model_answer(c) and i - 2 not in reflections]
    assert not orphans, f"model answers without a reflection two cells before: {orphans}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_visible_callouts(path):
    """At least two think/pitfall callouts, visible to students (not speaker notes), marked as such."""
    nb_cells = load(path)["cells"]
    callouts = [(i, c) for i, c in enumerate(nb_cells) if cells.is_callout(c)]
    assert len(callouts) >= 2, f"{len(callouts)} think/pitfall callouts; a lesson needs at least 2"
    for i, cell in callouts:
        assert cell["cell_type"] == "markdown" and not cells.is_notes(cell), f"cell {i}: visible markdown"
        [kind] = cells.tags(cell) & cells.CALLOUTS
        mark = CALLOUT_MARK[kind]
        assert text(cell).lstrip().startswith(mark), f"cell {i}: starts with {mark!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_interactive_demo_asks_questions(path):
    """Each explorer is preceded (within three cells) by an "Interactive demo" with numbered questions and
    a collapsible explanation."""
    nb_cells = load(path)["cells"]
    for i, cell in enumerate(nb_cells):
        if cell["cell_type"] == "code" and cells.is_widget(cell):
            before = "\n".join(text(c) for c in nb_cells[max(0, i - 3):i] if c["cell_type"] == "markdown")
            assert "Interactive demo" in before, f"cell {i}: an 'Interactive demo' prompt comes before it"
            assert re.search(r"^\s*2\.\s", before, re.M), f"cell {i}: 2-3 numbered questions"
            assert "<details>" in before, f"cell {i}: a collapsible explanation (<details>)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_cell_depends_on_a_students_answer(path):
    """Run All in the student edition: names that only solution cells assign are not read by later cells
    (other than their check cells), so a blank exercise never breaks the rest of the notebook."""
    code = code_cells(load(path))
    defined_elsewhere: set[str] = set()
    for cell in code:
        if not cells.is_solution(cell):
            for node in ast.walk(ast.parse(text(cell))):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    defined_elsewhere.add(node.id)
    answers: set[str] = set()
    for n, cell in enumerate(code):
        if cells.is_solution(cell):
            answers |= set(solution_names(text(cell))) - defined_elsewhere
            continue
        if cells.is_check(cell):
            continue
        used = {node.id for node in ast.walk(ast.parse(text(cell)))
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
        assert not used & answers, f"code cell {n} reads {sorted(used & answers)}, set only by an exercise"


def _runtime_imports() -> set[str]:
    """Top-level modules a notebook may import: the standard library, ``helpers``, and the runtime
    dependencies in pyproject.toml (IPython comes with ipykernel)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=!~; \[]", dep, maxsplit=1)[0].lower() for dep in project["dependencies"]}
    return set(sys.stdlib_module_names) | names | {"helpers", "IPython"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebooks_import_only_runtime_dependencies(path):
    """Binder and conda users get the runtime dependencies only: a notebook that imported a test tool
    (pytest, hypothesis …) would pass nbval here and fail there."""
    allowed = _runtime_imports()
    for n, cell in enumerate(code_cells(load(path))):
        for node in ast.walk(ast.parse(text(cell))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                assert module.split(".")[0] in allowed, f"code cell {n}: {module} is not a runtime dependency"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_one_import_cell(path):
    importing = []
    for n, cell in enumerate(code_cells(load(path))):
        tree = ast.parse(text(cell))
        if any(isinstance(node, ast.Import | ast.ImportFrom) for node in tree.body):
            importing.append(n)
    assert len(importing) == 1, f"imports belong in one cell; found in code cells {importing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_figure_has_description_and_known_sources(path):
    known = set(data.load("sources")["id"])
    figures = 0
    for n, cell in enumerate(code_cells(load(path))):
        outs = cell.get("outputs", [])
        for i, out in enumerate(outs):
            if "image/png" not in out.get("data", {}):
                continue
            figures += 1
            follow = outs[i + 1] if i + 1 < len(outs) else {}
            meta = follow.get("metadata", {}).get("course_figure")
            assert meta, f"code cell {n}: figure without description; use helpers.style.show"
            assert len(meta["alt"]) >= 20 and meta["sources"], f"code cell {n}: alt text and sources"
            assert set(meta["sources"]) <= known, f"code cell {n}: unknown source ids"
    assert figures >= 1, "every notebook has at least one figure"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_exercises_have_solution_then_check(path):
    code = code_cells(load(path))
    solutions = [i for i, c in enumerate(code) if cells.is_solution(c)]
    assert solutions, "at least one exercise"
    prefix = path.name[:2] + "."
    for i in solutions:
        docstring = ast.get_docstring(ast.parse(text(code[i])))
        assert docstring, f"code cell {i}: a solution opens with a docstring stating the task"
        assert i + 1 < len(code) and cells.is_check(code[i + 1]), f"code cell {i}: a check cell follows"
        keys = check_ids(text(code[i + 1]))
        assert keys, f"code cell {i + 1}: call check('NN.name', answer)"
        for key in keys:
            assert key in ANSWERS and key.startswith(prefix), f"unknown or misplaced answer key {key!r}"
        shown = " ".join(outputs_text(o) for o in code[i + 1].get("outputs", []))
        assert "Correct" in shown, f"code cell {i + 1}: the reference solution must pass its check"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_hidden_code_is_folded_in_jupyterlab(path):
    """Code the deck hides (``remove-input``) is folded in JupyterLab too (``jupyter.source_hidden``), in
    every edition: students see the output, and the code one click away."""
    for n, cell in enumerate(code_cells(load(path))):
        if cells.REMOVE_INPUT in cells.tags(cell):
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, f"code cell {n}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_nbval_ignore_only_on_widget_cells(path):
    """Interactive cells, and only they, are tagged ``nbval-ignore-output``; they use
    ``helpers.widgets.explore`` (the figure of the starting values is the static one before them)."""
    for n, cell in enumerate(code_cells(load(path))):
        widget = re.match(r"_ = explore\(", text(cell)) is not None
        ignored = cells.is_widget(cell)
        assert widget == ignored, f"code cell {n}: widget cells (_ = explore(...)) and only they are ignored"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_safety_note_with_help_lines_at_the_start(path):
    """Every notebook shows students the medical-education note with concrete help lines right after its
    title; it is a plain markdown cell, so every edition keeps it."""
    nb_cells = load(path)["cells"]
    notes = [n for n, c in enumerate(nb_cells) if cells.has_tag(c, cells.SAFETY_NOTE)]
    assert notes and notes[0] == 1, f"cell 1 is the cell tagged {cells.SAFETY_NOTE!r}"
    for n in notes:
        assert nb_cells[n]["cell_type"] == "markdown", f"cell {n}: the safety note is a markdown cell"
        assert course.SAFETY_NOTE in text(nb_cells[n]), f"cell {n}: the note differs from course.SAFETY_NOTE"
        assert not cells.is_notes(nb_cells[n]), f"cell {n}: not a speaker note"


@pytest.mark.parametrize("name", ["03_onset_timing", "04_side_effects"])
def test_safety_note_repeated_where_suicidal_ideation_trials_appear(name):
    nb_cells = load(ROOT / "notebooks" / f"{name}.ipynb")["cells"]
    mentions = [n for n, c in enumerate(nb_cells) if re.search(r"suicidal (ideation|thoughts)", text(c))
                and not cells.has_tag(c, cells.SAFETY_NOTE) and n > 1]
    notes = [n for n, c in enumerate(nb_cells) if cells.has_tag(c, cells.SAFETY_NOTE)]
    assert mentions, "the notebook discusses people with suicidal thoughts"
    assert len(notes) >= 2 and any(abs(m - n) <= 2 for m in mentions for n in notes[1:]), \
        f"repeat the safety note next to the first mention (cell {mentions[0]})"


VERDICT_WORDS = {"supported": "supported", "partly supported": "partly_supported",
                 "not supported": "not_supported", "false": "false"}
_VERDICT = r"(?:\*\*\s*|Verdict:\s*\**\s*)(partly supported|not supported|supported|false)\b"


def verdicts_in(markdown: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Every word after "Verdict:" in ``markdown``, and each (claim id, verdict) pair where a claim such as
    "claim (d)" is followed by a bold or "Verdict:" verdict before the next claim is named."""
    body = " ".join(markdown.split())
    words = [w.strip().lower() for w in re.findall(r"Verdict:\s*\**\s*([^.*;]+?)\s*[.*;]", body)]
    pairs = []
    for match in re.finditer(r"claim \(([a-z]+)\)", body, re.IGNORECASE):
        window = body[match.end():match.end() + 220]
        window = re.split(r"claim \([a-z]+\)", window, flags=re.IGNORECASE)[0]
        found = re.search(_VERDICT, window, re.IGNORECASE)
        if found:
            pairs.append((match.group(1), found.group(1).lower()))
    return words, pairs


def test_verdict_finder_sees_both_spellings():
    words, pairs = verdicts_in("Claim (g): \"it ends\". **Verdict: partly supported.** and claim (e): "
                               "**false**; claim (k) has none. Verdict: imprecise.")
    assert words == ["partly supported", "imprecise"]
    assert pairs == [("g", "partly supported"), ("e", "false")]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_one_claim_one_verdict(path):
    """Prose that names a claim of the claims table with a verdict uses that claim's verdict, and only the
    words of the course's verdict scale."""
    claims = data.load("claims").set_index("claim_id")["verdict"]
    for n, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        words, pairs = verdicts_in(text(cell))
        for word in words:
            assert word in VERDICT_WORDS, f"cell {n}: verdict {word!r} is not on the course's scale"
        for claim_id, word in pairs:
            assert VERDICT_WORDS[word] == claims[claim_id], \
                f"cell {n}: claim ({claim_id}) is {claims[claim_id]!r} in data/claims.csv, not {word!r}"


def test_readme_contents_match_the_notebooks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| \[`(\d\d_\w+\.ipynb)`\].*\| (\d+) \|$", readme, re.MULTILINE))
    assert sorted(rows) == [nb.name for nb in NOTEBOOKS], "README contents table lists other notebooks"
    for nb in NOTEBOOKS:
        assert int(rows[nb.name]) == course.course_metadata(nb)["minutes"], f"README minutes of {nb.name}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_runs_from_another_working_directory(path, tmp_path):
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    nb = execute(copy, cwd=elsewhere, write=False)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
