"""The package's architecture: layers, no import cycle, NumPy-only science, small modules, a public surface.

CONTRIBUTING.md's map of the code states these rules; this file keeps them true.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import ROOT

SRC = ROOT / "src"
HELPERS = SRC / "helpers"

#: What each part of helpers may import from helpers (itself always allowed).
ALLOWED: dict[str, set[str]] = {
    "_validate": set(),
    "_workarounds": set(),
    "data": {"_validate", "_workarounds"},
    "science": {"_validate"},
    "analysis": {"_validate", "data", "science"},
    "figures": {"_validate", "data", "science", "analysis"},
    "exercises": {"data"},
    "course": {"_validate", "data"},
    "__init__": set(),
}
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part(module: str) -> str:
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def imports(path: Path) -> set[str]:
    """The helpers/course_tools modules that ``path`` imports (``from a import b`` counts as a.b if a.b is a
    module, else a)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
    return {m for m in found if m.split(".")[0] in {"helpers", "course_tools"}}


FILES = sorted(SRC.rglob("*.py"))
assert FILES, f"no modules found under {SRC}"
MODULES = {module_name(p) for p in FILES}
GRAPH = {module_name(p): imports(p) for p in FILES}


def test_helpers_never_imports_course_tools():
    offenders = [m for m, deps in GRAPH.items() if m.startswith("helpers")
                 and any(d.startswith("course_tools") for d in deps)]
    assert not offenders, f"the student package must not need the authoring tools: {offenders}"


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m.startswith("helpers")))
def test_layers(module):
    own = part(module)
    for dep in GRAPH[module]:
        if dep == "helpers" or part(dep) == own:
            continue
        allowed = sorted(ALLOWED[own])
        assert part(dep) in ALLOWED[own], f"{module} imports {dep}: {own} may import only {allowed}"


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle in ``graph`` (module -> imported modules), or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if dep not in graph or dep == node:
                continue
            if state.get(dep) == 1:
                return [*stack[stack.index(dep):], dep]
            if dep not in state and (cycle := visit(dep)):
                return cycle
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_no_import_cycle():
    # a package importing its own submodules in __init__ is not a cycle of modules: drop package -> child
    graph = {m: {d for d in deps if not d.startswith(m + ".")} for m, deps in GRAPH.items()}
    assert find_cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("path", sorted((HELPERS / "science").glob("*.py")), ids=lambda p: p.name)
def test_science_is_numpy_only(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names}
    names |= {node.module.split(".")[0] for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module}
    assert not names & {"pandas", "pandera", "matplotlib", "IPython", "ipywidgets", "os", "pathlib", "csv"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name}: {lines} lines; split it by job (at most {MAX_LINES})"


def test_private_names_stay_inside_their_subpackage():
    for path in FILES:
        module = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("helpers."):
                if part(node.module) == part(module):
                    continue
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{module} imports private {private} from {node.module}"


# --- browser tests wait on conditions ---------------------------------------------------------------------
def fixed_waits(source: str) -> list[int]:
    """Line numbers of Playwright fixed sleeps (``page.wait_for_timeout(...)``) in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "wait_for_timeout":
                found.append(node.lineno)
    return found


BROWSER_CODE = sorted((ROOT / "tests" / "browser").glob("*.py")) + sorted(
    (ROOT / "tests" / "support").glob("*.py"))


@pytest.mark.parametrize("path", BROWSER_CODE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_browser_tests_never_sleep_for_a_fixed_time(path):
    assert fixed_waits(path.read_text(encoding="utf-8")) == [], "wait for a condition (wait_for_function)"


def test_the_fixed_wait_finder_finds_one():
    assert fixed_waits("page.goto(url)\npage.wait_for_timeout(500)\n") == [2]
