"""Exercise stubs: what replaces a ``solution`` cell in the student edition, worked out from its AST.

A solution cell opens with a docstring stating the task and assigns its answer to named variables; the
stub keeps the docstring and sets each of those names to ``...``. It does not raise: JupyterLab's "Run All"
goes past an unanswered exercise, ``check`` answers "not answered yet", and no later cell depends on the
student's answer. The ``check`` cells after it name the exercise (:func:`check_ids`).
"""

from __future__ import annotations

import ast

__all__ = ["check_ids", "solution_names", "student_stub"]


def _parse(source: str, what: str) -> ast.Module:
    if not isinstance(source, str):
        raise ValueError(f"{what}: expected the cell's source as a string, got {type(source).__name__}")
    try:
        return ast.parse(source)
    except SyntaxError as err:
        raise ValueError(f"{what}: not valid Python ({err.msg}, line {err.lineno})") from None


def _target_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [name for element in target.elts for name in _target_names(element)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []  # attribute or subscript: not a new name


def solution_names(source: str) -> list[str]:
    """The names a solution cell assigns at top level, in order of first assignment.

    Parameters
    ----------
    source
        The Python source of a ``solution`` cell.

    Returns
    -------
    list of str
        Names bound by top-level ``=``, annotated and augmented assignments (``_`` is ignored).

    Raises
    ------
    ValueError
        ``source`` is not a string or not valid Python.
    """
    tree = _parse(source, "source")
    names: list[str] = []
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            for name in _target_names(target):
                if name != "_" and name not in names:
                    names.append(name)
    return names


def check_ids(source: str) -> list[str]:
    """The exercise ids a ``check`` cell passes to ``check("NN.name", ...)``, in order.

    Raises
    ------
    ValueError
        ``source`` is not a string or not valid Python.
    """
    tree = _parse(source, "source")
    ids: list[str] = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
                and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) == "check"
                and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str) and node.args[0].value not in ids):
            ids.append(node.args[0].value)
    return ids


def student_stub(source: str, exercise: str) -> str:
    """The exercise stub that replaces a solution cell in the student edition.

    The stub keeps the solution's docstring (the task) exactly as written, then a comment naming the
    exercise, then sets every name the solution assigns to ``...`` (``helpers.exercises.check`` reads
    ``...`` as "not answered yet"). It never raises, so "Run All" runs the whole notebook.

    Parameters
    ----------
    source
        The Python source of the ``solution`` cell. Its first statement must be a docstring stating the
        task and it must assign the answer to at least one name.
    exercise
        How the exercise is named in the stub's comment, e.g. ``"01.peak_um"``.

    Raises
    ------
    ValueError
        ``source`` is not valid Python, has no docstring first or assigns no name; ``exercise`` is empty.
    """
    if not isinstance(exercise, str) or not exercise.strip() or "\n" in exercise:
        raise ValueError(f"exercise: expected a one-line name such as '01.peak_um', got {exercise!r}")
    tree = _parse(source, "source")
    first = tree.body[0] if tree.body else None
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)):
        raise ValueError("source: a solution cell must start with a docstring stating the task")
    docstring = ast.get_source_segment(source, first)
    names = solution_names(source)
    if not names:
        raise ValueError("source: a solution cell must assign its answer to a named variable")
    comment = (f"# Exercise {exercise.strip()}: replace each ... with your answer, "
               "then run this cell and the next.")
    return "\n".join([docstring or "", comment, *(f"{name} = ..." for name in names)])
