"""Student editions and decks (course_tools.build): a tiny synthetic notebook, the exporters' settings,
then the real student edition of every course notebook (built once per session into a temporary folder).
The decks of the course notebooks are opened in a real browser by test_slides_browser.py."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

from course_tools import build, cells, preprocessors
from course_tools.build import build_slides, build_student, slides_exporter, student_exporter
from course_tools.execute import execute
from course_tools.stubs import solution_names
from tests.support import NOTEBOOKS
from tests.support.synthetic import SECRET, synthetic_notebook, write_synthetic

IDS = [p.stem for p in NOTEBOOKS]


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    return write_synthetic(tmp_path)


# --------------------------------------------------------------------------------------------------
# Building a student edition of the synthetic notebook
# --------------------------------------------------------------------------------------------------

def test_student_edition_of_synthetic_notebook(synthetic: Path, tmp_path: Path) -> None:
    [result] = build_student([synthetic], tmp_path / "student")
    assert result.rebuilt and result.output == tmp_path / "student" / synthetic.name
    student = nbformat.read(result.output, as_version=4)
    nbformat.validate(student)
    text = result.output.read_text(encoding="utf-8")
    assert "greet the class" not in text            # speaker notes removed
    assert "Parke-Davis" not in text                # instructor cell removed
    assert "the trick is" not in text               # markdown solution replaced (cell ids are random hex)
    assert SECRET not in text and "6 * 7" not in text and "21021" not in text
    [stub] = [c for c in student.cells if c.cell_type == "code" and cells.is_solution(c)]
    assert stub.source.startswith('"""Compute the answer in µM.')
    assert "secret_step = ...\nanswer_um = ...\nlo = ...\nrest = ...\n" in stub.source + "\n"
    assert "Exercise 00.last_possession_change" in stub.source
    assert stub.outputs == [] and stub.execution_count is None
    [chk] = [c for c in student.cells if cells.is_check(c)]
    assert chk.outputs == [] and chk.execution_count is None
    kept = [c for c in student.cells if c.source.startswith("x_mg")]
    assert kept[0].outputs[0]["text"] == "6\n"      # other outputs kept
    assert student.metadata["course"]["title"] == "Synthetic deck"


def test_student_edition_rebuilds_only_what_changed(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "student"
    assert build_student([synthetic], out)[0].rebuilt
    assert not build_student([synthetic], out)[0].rebuilt
    assert build_student([synthetic], out, force=True)[0].rebuilt
    nb = nbformat.read(synthetic, as_version=4)
    nb.cells[3].source += "\n\nA second sentence."
    nbformat.write(nb, synthetic)
    assert build_student([synthetic], out)[0].rebuilt
    (out / synthetic.name).unlink()
    assert build_student([synthetic], out)[0].rebuilt


def test_student_edition_names_a_solution_without_docstring(tmp_path: Path) -> None:
    path = write_synthetic(tmp_path, "98_bad.ipynb", docstring=False)
    with pytest.raises(ValueError, match=r"98_bad: solution cell \(id [\w-]+\): source: .*docstring"):
        build_student([path], tmp_path / "student")


@pytest.mark.parametrize("bad", ["missing.ipynb", "notes.txt"])
def test_builders_reject_missing_notebooks(tmp_path: Path, bad: str) -> None:
    (tmp_path / "notes.txt").write_text("not a notebook", encoding="utf-8")
    for builder in (build_student, build_slides):
        with pytest.raises(ValueError, match="notebooks"):
            builder([tmp_path / bad], tmp_path / "out")
    assert not (tmp_path / "out").exists(), "nothing is installed or written for a bad notebook"


def test_find_notebooks_defaults_to_the_course() -> None:
    assert build.find_notebooks() == NOTEBOOKS
    assert build.find_notebooks([]) == NOTEBOOKS
    assert build.find_notebooks([str(NOTEBOOKS[0])]) == [NOTEBOOKS[0]]


def test_recipe_hash_follows_code_templates_and_edition(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Editions are rebuilt when the tools change: every file of the package is in the recipe."""
    import shutil

    copy = tmp_path / "course_tools"
    shutil.copytree(build.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build, "PACKAGE_DIR", copy)
    before = build._recipe_hash("student")
    assert before != build._recipe_hash("slides")
    (copy / "__pycache__").mkdir(exist_ok=True)
    (copy / "__pycache__" / "x.pyc").write_bytes(b"cache")
    assert build._recipe_hash("student") == before, "caches are not part of the recipe"
    for changed in ("templates/student_config.json", "preprocessors/stub_solutions.py", "cells.py"):
        path = copy / changed
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert build._recipe_hash("student") != before, changed
        path.write_bytes(original)
    assert build._recipe_hash("student") == before


def _preprocessor_names(exporter: object) -> list[str]:
    return [type(p).__name__ for p in exporter._preprocessors if p.enabled]  # type: ignore[attr-defined]


def test_exporters_run_the_tag_rules_then_the_edition_rules() -> None:
    student = student_exporter()
    assert _preprocessor_names(student)[-4:] == ["TagRemovePreprocessor", "RemoveSpeakerNotes",
                                                 "StubSolutions", "MarkEdition"]
    [tag_rules] = [p for p in student._preprocessors if type(p).__name__ == "TagRemovePreprocessor"]
    assert tag_rules.remove_cell_tags == {cells.INSTRUCTOR, cells.MODEL_ANSWER}
    assert tag_rules.remove_all_outputs_tags == {cells.EXERCISE, cells.CHECK, cells.SOLUTION}
    assert tag_rules.remove_input_tags == set()
    slides = slides_exporter()
    names = _preprocessor_names(slides)
    assert [n for n in names if n in {"TagRemovePreprocessor", "DeckTitle", "RevealAnswers", "LectureView",
                                      "_RevealMetadataPreprocessor"}] == \
        ["TagRemovePreprocessor", "DeckTitle", "RevealAnswers", "LectureView",
         "_RevealMetadataPreprocessor"], \
        "the deck rules run before nbconvert's reveal preprocessor reads the slide types"
    assert [n for n in names if n in {p.__name__ for p in preprocessors.SLIDES}] == \
        [p.__name__ for p in preprocessors.SLIDES]
    [tag_rules] = [p for p in slides._preprocessors if type(p).__name__ == "TagRemovePreprocessor"]
    assert tag_rules.remove_input_tags == {cells.REMOVE_INPUT}
    assert tag_rules.remove_all_outputs_tags == {cells.NBVAL_IGNORE_OUTPUT}
    assert tag_rules.remove_cell_tags == set()


def test_exporter_settings_can_be_overridden() -> None:
    deck, _ = slides_exporter(Config(RevealAnswers={"tags": set()})).from_notebook_node(synthetic_notebook())
    assert 'class="fragment"' not in deck
    config = Config(StubSolutions={"answer_prompt": "Answer below."}, MarkEdition={"edition": "exam"})
    nb, _ = student_exporter(config).from_notebook_node(synthetic_notebook())
    student = nbformat.reads(nb, as_version=4)
    assert student.metadata["edition"] == "exam"
    assert "Answer below." in [c.source for c in student.cells]


def test_deck_of_synthetic_notebook() -> None:
    """The deck hides remove-input code, keeps its output, turns notes into speaker notes and answers
    into fragments (shown on the next key press), carries the course title and loads its JavaScript
    from the local vendor copy."""
    html, _ = slides_exporter().from_notebook_node(synthetic_notebook(),
                                                   resources={"metadata": {"name": "99_synthetic"}})
    assert "<title>Synthetic deck slides</title>" in html
    assert "x_mg = 3" not in html and "6\n" in html
    assert re.search(r'<aside class="notes">.*greet the class', html, re.DOTALL)
    assert "vendor/node_modules/reveal.js" in html and "cdnjs" not in html
    fragments = re.findall(r'<div class="fragment">(.*?)</div>\s*</div>\s*</div>\s*</div>', html, re.DOTALL)
    assert "secret_step" not in html and "00.last_possession_change" not in html, "decks show no code"
    assert any("the trick is 147" in f for f in fragments), "a written answer appears on a key press"
    assert not any("Exercises" in f or "x_mg" in f for f in fragments)


# --------------------------------------------------------------------------------------------------
# The student edition of every course notebook
# --------------------------------------------------------------------------------------------------

def test_the_course_has_notebooks() -> None:
    assert NOTEBOOKS, "no notebooks/NN_*.ipynb found"


@pytest.fixture(scope="session")
def student_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Student editions of every course notebook, built once per session."""
    out = tmp_path_factory.mktemp("student")
    if NOTEBOOKS:
        build_student(NOTEBOOKS, out)
    return out


def _docstring_lines(source: str) -> set[str]:
    tree = ast.parse(source)
    first = tree.body[0]
    return {line.strip() for line in source.splitlines()[first.lineno - 1: first.end_lineno]}


def _secret_lines(nb: nbformat.NotebookNode) -> set[str]:
    """Lines of solution cells that must not reach students: all but the task docstring, blank lines,
    lines without a letter or digit, and lines that also appear in a non-solution cell."""
    public = {line.strip() for c in nb.cells if not cells.is_solution(c) for line in c.source.splitlines()}
    secret: set[str] = set()
    for cell in nb.cells:
        if not cells.is_solution(cell):
            continue
        task = _docstring_lines(cell.source) if cell.cell_type == "code" else set()
        secret |= {line.strip() for line in cell.source.splitlines()
                   if re.search(r"\w", line) and line.strip() not in task | public}
    return secret


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_student_edition_structure(path: Path, student_dir: Path) -> None:
    source = nbformat.read(path, as_version=4)
    student_path = student_dir / path.name
    student = nbformat.read(student_path, as_version=4)
    nbformat.validate(student)

    solutions = [c for c in source.cells if cells.is_solution(c) and not cells.is_instructor(c)]
    stubs = [c for c in student.cells if cells.is_solution(c)]
    assert len(stubs) == len(solutions), "every solution cell becomes one stub"
    for original, stub in zip(solutions, stubs, strict=True):
        if original.cell_type == "code":
            assert "raise" not in stub.source and "# Exercise " in stub.source
            assert ast.get_docstring(ast.parse(stub.source), clean=False) == \
                ast.get_docstring(ast.parse(original.source), clean=False)
            for name in solution_names(original.source):
                assert f"\n{name} = ..." in stub.source + "\n"
        assert stub.get("outputs", []) == []

    for cell in student.cells:
        assert not cells.is_notes(cell), "speaker notes removed"
        assert not cells.is_model_answer(cell), "model answers removed"
        assert not cells.is_instructor(cell), "instructor cells removed"
        if cell.cell_type == "code" and {cells.EXERCISE, cells.CHECK, cells.SOLUTION} & cells.tags(cell):
            assert cell.outputs == [] and cell.execution_count is None

    kept = [c for c in source.cells if not cells.is_notes(c)
            and not {cells.INSTRUCTOR, cells.SOLUTION, cells.MODEL_ANSWER} & cells.tags(c)]
    assert [c.source for c in kept] == [c.source for c in student.cells if not cells.is_solution(c)]
    for original, copy in zip(kept, [c for c in student.cells if not cells.is_solution(c)], strict=True):
        if original.cell_type == "code" and not {cells.EXERCISE, cells.CHECK} & cells.tags(original):
            assert copy.outputs == original.outputs, "figures and other outputs are kept"


def _strings(node: object) -> list[str]:
    """Every string in a notebook's JSON: sources, outputs, metadata."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _leaks(source: nbformat.NotebookNode, student_json: str) -> list[str]:
    everything = "\n".join(_strings(json.loads(student_json)))
    return sorted(line for line in _secret_lines(source) if line in everything)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_solution_line_leaks(path: Path, student_dir: Path) -> None:
    leaks = _leaks(nbformat.read(path, as_version=4), (student_dir / path.name).read_text(encoding="utf-8"))
    assert not leaks, f"solution lines visible in the student edition: {leaks}"


def test_leak_check_can_fail(synthetic: Path, tmp_path: Path) -> None:
    """The leak detector ignores the task and shared lines, and finds a solution line that leaked."""
    nb = nbformat.read(synthetic, as_version=4)
    secret = _secret_lines(nb)
    assert SECRET in secret and "the trick is 147." in " ".join(secret)
    assert "from helpers.exercises import check" not in secret
    assert not any("Compute the answer" in line for line in secret)
    [result] = build_student([synthetic], tmp_path / "student")
    clean = result.output.read_text(encoding="utf-8")
    assert _leaks(nb, clean) == []
    student = nbformat.reads(clean, as_version=4)
    student.cells[-1].source += f"\n\n    {SECRET}"
    assert _leaks(nb, nbformat.writes(student)) == [SECRET]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_student_edition_runs_all_without_error(path: Path, student_dir: Path) -> None:
    """JupyterLab's Run All on an untouched student notebook: every cell runs, no cell errors, and every
    check says "not answered yet" (no later cell depends on a student's answer)."""
    nb = execute(student_dir / path.name, write=False, allow_errors=True, timeout=120)
    problems = []
    for index, cell in enumerate(nb.cells):
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        if errors:
            problems.append(f"cell {index + 1}: {errors[0].ename}: {errors[0].evalue}")
        if cells.is_check(cell):
            shown = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", []))
            if "Not answered yet" not in shown:
                problems.append(f"cell {index + 1}: check does not say 'Not answered yet': {shown[:80]!r}")
    assert not problems, "\n".join(problems)
