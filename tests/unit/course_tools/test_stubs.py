"""course_tools.stubs: the names a solution assigns, the exercise ids a check names, the student stub."""

from __future__ import annotations

import ast
import keyword

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_tools.stubs import check_ids, solution_names, student_stub


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


def test_student_stub_keeps_docstring_blanks_names_and_does_not_raise() -> None:
    source = "'''Compute the peak in µM.\n\n    Two lines.'''\nmw = 237.7\npeak_um = 1000 / mw\n"
    stub = student_stub(source, "01.peak_um")
    assert stub.startswith("'''Compute the peak in µM.\n\n    Two lines.'''\n")
    assert stub.endswith("mw = ...\npeak_um = ...")
    assert "237.7" not in stub and "1000" not in stub
    assert "# Exercise 01.peak_um: replace each ..." in stub
    assert "raise" not in stub, "Run All must go past an unanswered exercise"
    namespace: dict = {}
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
    """Any solution: the stub parses, binds every name to ..., runs without error and leaks no value."""
    body = "\n".join(f"{n} = {v}" for n, v in zip(names, values, strict=False))
    source = f'"""{task}"""\n{body}\n'
    stub = student_stub(source, "00.q")
    tree = ast.parse(stub)
    assert ast.get_docstring(tree, clean=False) == task
    assert not any(isinstance(node, ast.Raise) for node in ast.walk(tree))
    for value in values[: len(names)]:
        assert str(value) not in stub
    namespace: dict = {}
    exec(compile(stub, "<stub>", "exec"), namespace)
    assert all(namespace[n] is Ellipsis for n in names)
