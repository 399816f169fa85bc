"""README.md and CONTRIBUTING.md match the code: every make target, module, function and path they name
exists."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from tests.support import ROOT

DOCS = ["README.md", "CONTRIBUTING.md", "data/README.md"]
TARGET = re.compile(r"^([a-z][a-z-]*):", re.MULTILINE)
DOTTED = re.compile(r"(?:helpers|course_tools)(?:\.[A-Za-z_]\w*)+")
PATH = re.compile(r"(?<![\w/.:-])(?:src|data|tests|notebooks|docs|benchmarks)/[\w./-]*\w")


def ticks(text: str) -> list[str]:
    return re.findall(r"`([^`\n]+)`", text)


def make_targets(text: str) -> set[str]:
    return {m for t in ticks(text) for m in re.findall(r"\bmake ([a-z][a-z-]*)", t)}


def names(text: str) -> set[str]:
    return {m.rstrip(".") for t in ticks(text) for m in DOTTED.findall(t)}


def paths(text: str) -> set[str]:
    found = {p for t in ticks(text) for p in PATH.findall(t)}
    return {p for p in found if "NN" not in p and "*" not in p and "<" not in p}


def resolves(name: str) -> bool:
    """Whether ``name`` is a module, or an attribute reached from the longest importable prefix."""
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        try:
            for attr in parts[i:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def test_the_parsers_find_what_a_document_names() -> None:
    text = "Run `make lab`, then `make nope`; see `helpers.figures.style.log_scale` and `src/helpers/x.py`."
    assert make_targets(text) == {"lab", "nope"}
    assert names(text) == {"helpers.figures.style.log_scale"}
    assert paths(text) == {"src/helpers/x.py"}
    assert resolves("helpers.figures.style.log_scale") and not resolves("helpers.style.log_scale")


@pytest.mark.parametrize("doc", DOCS)
def test_named_make_targets_exist(doc: str) -> None:
    targets = set(TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8")))
    missing = sorted(make_targets((ROOT / doc).read_text(encoding="utf-8")) - targets)
    assert not missing, f"{doc} names make targets the Makefile lacks: {missing}"


@pytest.mark.parametrize("doc", DOCS)
def test_named_modules_and_functions_exist(doc: str) -> None:
    missing = sorted(n for n in names((ROOT / doc).read_text(encoding="utf-8")) if not resolves(n))
    assert not missing, f"{doc} names modules or functions that do not exist: {missing}"


@pytest.mark.parametrize("doc", DOCS)
def test_named_paths_exist(doc: str) -> None:
    named = paths((ROOT / doc).read_text(encoding="utf-8"))
    missing = sorted(p for p in named if Path(p).suffix and not (ROOT / p).exists())
    assert not missing, f"{doc} names files that do not exist: {missing}"
