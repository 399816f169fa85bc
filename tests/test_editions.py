"""Student editions and deck building (helpers.editions): unit tests on a tiny synthetic notebook, then
the real student edition of every course notebook (built once per session into a temporary folder)."""

from __future__ import annotations

import ast
import json
import keyword
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import editions
from helpers.editions import (
    DeckPreprocessor,
    build_slides,
    build_student,
    check_ids,
    install_vendor,
    solution_names,
    student_stub,
)
from helpers.notebooks import execute

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]


# --------------------------------------------------------------------------------------------------
# A tiny synthetic course notebook
# --------------------------------------------------------------------------------------------------

def _meta(slide_type: str, *tags: str) -> dict:
    return {"slideshow": {"slide_type": slide_type}, "tags": list(tags)}


SECRET = "secret_step = 6 * 7 * 1001"


def synthetic_notebook(*, docstring: bool = True) -> nbformat.NotebookNode:
    """Title, notes, imports, a figure-like output, one exercise (task, solution, check), an instructor
    cell, takeaways and references; executed-looking outputs are written in by hand."""
    task = '"""Compute the answer in µM.\n\nUse the molar mass above."""\n' if docstring else ""
    nb = new_notebook()
    nb.metadata["course"] = {"order": 99, "title": "Synthetic deck", "minutes": 5, "prerequisites": []}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    kept = new_code_cell("x_mg = 3 * 2\nprint(x_mg)", metadata=_meta("-", "remove-input"),
                         execution_count=2,
                         outputs=[nbformat.v4.new_output("stream", name="stdout", text="6\n")])
    nb.cells = [
        new_markdown_cell("# Synthetic\n\n**Learning objectives**\n\n- one\n\n**Estimated time:** 5 minutes"
                          "\n\n**Prerequisites:** none", metadata=_meta("slide")),
        new_markdown_cell("Speaker note: greet the class.", metadata=_meta("notes")),
        new_code_cell("from helpers.exercises import check", metadata=_meta("skip", "remove-input"),
                      execution_count=1),
        new_markdown_cell("## Context\n\nOne idea: $E = mc^2$.", metadata=_meta("slide")),
        kept,
        new_markdown_cell("## Exercises\n\nCompute the answer.", metadata=_meta("slide", "exercise")),
        new_code_cell(f"{task}{SECRET}\nanswer_um: float = secret_step / 2\nlo, *rest = (1, 2, 3)\n"
                      "_ = print(answer_um)", metadata=_meta("-", "solution"), execution_count=3,
                      outputs=[nbformat.v4.new_output("stream", name="stdout", text="21021.0\n")]),
        new_code_cell('check("00.years_to_esketamine", answer_um)', metadata=_meta("-", "check"),
                      execution_count=4,
                      outputs=[nbformat.v4.new_output("execute_result", data={"text/plain": "Correct"},
                                                      execution_count=4)]),
        new_markdown_cell("A written answer: the trick is 147.", metadata=_meta("-", "solution")),
        new_markdown_cell("Instructor: mention Parke-Davis.", metadata=_meta("-", "instructor")),
        new_markdown_cell("## Key takeaways\n\n- done", metadata=_meta("slide")),
        new_markdown_cell("## References", metadata=_meta("slide")),
    ]
    nbformat.validate(nb)
    return nb


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    path = tmp_path / "99_synthetic.ipynb"
    nbformat.write(synthetic_notebook(), path)
    return path


# --------------------------------------------------------------------------------------------------
# solution_names, check_ids, student_stub
# --------------------------------------------------------------------------------------------------

def test_solution_names_collects_top_level_assignments_in_order() -> None:
    source = ('"""Task."""\na = 1\nb, (c, *d) = 1, (2, 3)\ne: int = 4\na += 1\nobj.attr = 5\n'
              "x[0] = 1\n_ = 3\nfor i in range(3):\n    inner = i\n")
    assert solution_names(source) == ["a", "b", "c", "d", "e"]


def test_solution_names_empty_and_bad_input() -> None:
    assert solution_names('"""Only a task."""') == []
    with pytest.raises(ValueError, match="source"):
        solution_names("x = (")
    with pytest.raises(ValueError, match="source"):
        solution_names(None)  # type: ignore[arg-type]


def test_check_ids_finds_every_check_call() -> None:
    source = 'check("01.a", a)\nexercises.check("01.b", b)\ncheck(name, c)\nprint(check("01.a", a))'
    assert check_ids(source) == ["01.a", "01.b"]
    assert check_ids("x = 1") == []
    with pytest.raises(ValueError, match="source"):
        check_ids("check(")
    with pytest.raises(ValueError, match="source"):
        check_ids(b"check()")  # type: ignore[arg-type]


def test_student_stub_keeps_docstring_blanks_names_and_raises() -> None:
    source = "'''Compute the peak in µM.\n\n    Two lines.'''\nmw = 237.7\npeak_um = 1000 / mw\n"
    stub = student_stub(source, "01.peak_um")
    assert stub.startswith("'''Compute the peak in µM.\n\n    Two lines.'''\n")
    assert "mw = ...\npeak_um = ...\n" in stub
    assert "237.7" not in stub and "1000" not in stub
    namespace: dict = {}
    with pytest.raises(NotImplementedError, match=r"Exercise 01\.peak_um"):
        exec(compile(stub, "<stub>", "exec"), namespace)
    assert namespace["mw"] is Ellipsis and namespace["peak_um"] is Ellipsis


@pytest.mark.parametrize(
    ("source", "exercise", "match"),
    [
        ("peak_um = 1", "01.x", "docstring"),
        ("# comment\npeak_um = 1", "01.x", "docstring"),
        ("", "01.x", "docstring"),
        ('"""Task."""\nprint(1)', "01.x", "named variable"),
        ('"""Task."""\nx = (', "01.x", "source"),
        ('"""Task."""\nx = 1', "", "exercise"),
        ('"""Task."""\nx = 1', "   ", "exercise"),
        ('"""Task."""\nx = 1', "a\nb", "exercise"),
        ('"""Task."""\nx = 1', None, "exercise"),
        (None, "01.x", "source"),
    ],
)
def test_student_stub_rejects_bad_input(source: object, exercise: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        student_stub(source, exercise)  # type: ignore[arg-type]


identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(
    lambda s: not keyword.iskeyword(s) and s != "_")


@settings(max_examples=60, deadline=None)
@given(names=st.lists(identifiers, min_size=1, max_size=5, unique=True),
       values=st.lists(st.integers(min_value=10**6, max_value=10**9), min_size=5, max_size=5),
       task=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).filter(
           lambda s: '"' not in s and "\\" not in s))
def test_student_stub_property(names: list[str], values: list[int], task: str) -> None:
    """Any solution: the stub parses, binds every name to ..., raises, and leaks none of the values."""
    body = "\n".join(f"{n} = {v}" for n, v in zip(names, values, strict=False))
    source = f'"""{task}"""\n{body}\n'
    stub = student_stub(source, "00.q")
    tree = ast.parse(stub)
    assert ast.get_docstring(tree, clean=False) == task
    assert isinstance(tree.body[-1], ast.Raise)
    for value in values[: len(names)]:
        assert str(value) not in stub
    namespace: dict = {}
    with pytest.raises(NotImplementedError):
        exec(compile(stub, "<stub>", "exec"), namespace)
    assert all(namespace[n] is Ellipsis for n in names)


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
    [stub] = [c for c in student.cells if c.cell_type == "code" and "solution" in c.metadata["tags"]]
    assert stub.source.startswith('"""Compute the answer in µM.')
    assert "secret_step = ...\nanswer_um = ...\nlo = ...\nrest = ...\n" in stub.source
    assert "Exercise 00.years_to_esketamine" in stub.source
    assert stub.outputs == [] and stub.execution_count is None
    [chk] = [c for c in student.cells if "check" in c.metadata.get("tags", [])]
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
    path = tmp_path / "98_bad.ipynb"
    nbformat.write(synthetic_notebook(docstring=False), path)
    with pytest.raises(ValueError, match=r"98_bad: solution cell \(id [\w-]+\): source: .*docstring"):
        build_student([path], tmp_path / "student")


@pytest.mark.parametrize("bad", ["missing.ipynb", "notes.txt"])
def test_builders_reject_missing_notebooks(tmp_path: Path, bad: str) -> None:
    (tmp_path / "notes.txt").write_text("not a notebook", encoding="utf-8")
    for build in (build_student, build_slides):
        with pytest.raises(ValueError, match="notebooks"):
            build([tmp_path / bad], tmp_path / "out")


def test_install_vendor_without_npm_names_the_argument(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="npm"):
        install_vendor(tmp_path, npm="no-such-npm-executable")


def _fake_npm(tmp_path: Path, exit_code: int) -> str:
    """A stand-in for npm that records its arguments and lays out a minimal node_modules."""
    script = tmp_path / f"fake-npm-{exit_code}"
    script.write_text(
        "#!/bin/sh\n"
        'echo "$@" >> "$(dirname "$0")/npm-calls.txt"\n'
        "mkdir -p node_modules/reveal.js/dist node_modules/mathjax/unpacked node_modules/mathjax/config\n"
        "touch node_modules/reveal.js/dist/reveal.js node_modules/mathjax/MathJax.js\n"
        f"echo 'npm says {exit_code}' >&2\nexit {exit_code}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_install_vendor_installs_once_prunes_and_is_atomic(tmp_path: Path) -> None:
    out = tmp_path / "slides"
    vendor = install_vendor(out, npm=_fake_npm(tmp_path, 0))
    assert vendor == out / "vendor"
    assert (vendor / "node_modules/reveal.js/dist/reveal.js").is_file()
    assert (vendor / "node_modules/mathjax/MathJax.js").is_file()
    assert not (vendor / "node_modules/mathjax/unpacked").exists()      # pruned
    assert (vendor / "package-lock.json").read_bytes() == \
        (editions.VENDOR_DIR / "package-lock.json").read_bytes()
    calls = (tmp_path / "npm-calls.txt").read_text(encoding="utf-8").splitlines()
    assert len(calls) == 1 and calls[0].startswith("ci ") and "--ignore-scripts" in calls[0]
    install_vendor(out, npm="no-such-npm-executable")                   # up to date: npm not needed
    assert [p.name for p in out.iterdir()] == ["vendor"]                 # no staging folder left


def test_install_vendor_failure_leaves_no_partial_copy(tmp_path: Path) -> None:
    out = tmp_path / "slides"
    with pytest.raises(RuntimeError, match="npm says 1"):
        install_vendor(out, npm=_fake_npm(tmp_path, 1))
    assert list(out.iterdir()) == []


def test_deck_preprocessor_sets_title_and_reveals_answers_on_demand() -> None:
    nb = synthetic_notebook()
    nb, _ = DeckPreprocessor().preprocess(nb, {})
    assert nb.metadata["title"] == "Synthetic deck"
    types = {c.source[:12]: c.metadata["slideshow"]["slide_type"] for c in nb.cells}
    assert types['"""Compute t'] == "fragment" and types['check("00.ye'] == "fragment"
    assert types["## Exercises"] == "slide" and types["x_mg = 3 * 2"] == "-"
    bare = new_notebook()
    bare, _ = DeckPreprocessor().preprocess(bare, {})
    assert "title" not in bare.metadata


def test_command_line_reports_progress_and_errors(synthetic: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli"
    assert editions.main(["student", str(synthetic), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"student: {synthetic.name} -> " in printed and "(built)" in printed
    assert "1 built, 0 up to date" in printed
    assert editions.main(["student", str(synthetic), "--out", str(out)]) == 0
    assert "(up to date)" in capsys.readouterr().out
    assert editions.main(["student", str(tmp_path / "nope.ipynb"), "--out", str(out)]) == 1
    assert "error: notebooks" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        editions.main(["handouts"])


def test_module_runs_as_a_command(synthetic: Path, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "helpers.editions", "student", str(synthetic), "--out",
                          str(tmp_path / "m")], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "m" / synthetic.name).is_file()


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


def _tags(cell: nbformat.NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _docstring_lines(source: str) -> set[str]:
    tree = ast.parse(source)
    first = tree.body[0]
    return {line.strip() for line in source.splitlines()[first.lineno - 1: first.end_lineno]}


def _secret_lines(nb: nbformat.NotebookNode) -> set[str]:
    """Lines of solution cells that must not reach students: all but the task docstring, blank lines,
    lines without a letter or digit, and lines that also appear in a non-solution cell."""
    public = {line.strip() for c in nb.cells if "solution" not in _tags(c) for line in c.source.splitlines()}
    secret: set[str] = set()
    for cell in nb.cells:
        if "solution" not in _tags(cell):
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

    solutions = [c for c in source.cells if "solution" in _tags(c) and "instructor" not in _tags(c)]
    stubs = [c for c in student.cells if "solution" in _tags(c)]
    assert len(stubs) == len(solutions), "every solution cell becomes one stub"
    for original, stub in zip(solutions, stubs, strict=True):
        if original.cell_type == "code":
            last = stub.source.splitlines()[-1]
            assert last.startswith("raise NotImplementedError(") and "Exercise " in last
            assert ast.get_docstring(ast.parse(stub.source), clean=False) == \
                ast.get_docstring(ast.parse(original.source), clean=False)
            for name in solution_names(original.source):
                assert f"\n{name} = ...\n" in stub.source
        assert stub.get("outputs", []) == []

    for cell in student.cells:
        assert cell.metadata.get("slideshow", {}).get("slide_type") != "notes", "speaker notes removed"
        assert "instructor" not in _tags(cell), "instructor cells removed"
        if cell.cell_type == "code" and {"exercise", "check", "solution"} & set(_tags(cell)):
            assert cell.outputs == [] and cell.execution_count is None

    kept = [c for c in source.cells if c.metadata.get("slideshow", {}).get("slide_type") != "notes"
            and not {"instructor", "solution"} & set(_tags(c))]
    assert [c.source for c in kept] == [c.source for c in student.cells if "solution" not in _tags(c)]
    for original, copy in zip(kept, [c for c in student.cells if "solution" not in _tags(c)], strict=True):
        if original.cell_type == "code" and not {"exercise", "check"} & set(_tags(original)):
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
def test_student_edition_runs_and_errors_only_at_stubs(path: Path, student_dir: Path) -> None:
    nb = execute(student_dir / path.name, write=False, allow_errors=True, timeout=120)
    problems = []
    for index, cell in enumerate(nb.cells):
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        is_stub = "solution" in _tags(cell) and cell.cell_type == "code"
        if is_stub and [e.ename for e in errors] != ["NotImplementedError"]:
            problems.append(f"cell {index + 1}: the stub did not raise NotImplementedError")
        if not is_stub and errors:
            problems.append(f"cell {index + 1}: {errors[0].ename}: {errors[0].evalue}")
    assert not problems, "\n".join(problems)
