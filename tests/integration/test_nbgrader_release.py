"""``make nbgrader`` (``python -m course_tools nbgrader``): the nbgrader source notebooks validate, the
release validates inverted (nothing answered, no test passes), and no solution line, hidden test or graded
value reaches the release. Run offline: nbgrader with ``--no-db``, no exchange, no network."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("nbgrader", reason="the grading extra (nbgrader) is not installed")

from course_tools.graded import GRADED
from tests.support import NOTEBOOKS, ROOT
from tests.support.grading import value_strings, words

pytestmark = pytest.mark.slow
TIMEOUT_S = 600


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S,
                          check=False)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The nbgrader course folder, built by the command ``make nbgrader`` runs."""
    out = tmp_path_factory.mktemp("nbgrader")
    result = run("-m", "course_tools", "nbgrader", "--out", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    yield out


def notebooks(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.ipynb"))


def cell_sources(path: Path) -> list[tuple[dict, str]]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [(c.get("metadata", {}), "".join(c["source"])) for c in nb["cells"]]


def test_one_assignment_per_notebook(course: Path) -> None:
    assert [p.parent.name for p in notebooks(course / "source")] == [p.stem for p in NOTEBOOKS]
    assert [p.parent.name for p in notebooks(course / "release")] == [p.stem for p in NOTEBOOKS]
    assert not list((course / "release").rglob(".course-versions.json")), "bookkeeping stays out"


def test_source_metadata_schema_3_with_unique_grade_ids(course: Path) -> None:
    points = 0.0
    for path in notebooks(course / "source"):
        metas = [m["nbgrader"] for m, _ in cell_sources(path) if "nbgrader" in m]
        ids = [m["grade_id"] for m in metas]
        assert len(ids) == len(set(ids)), f"{path.name}: duplicate grade_id"
        assert {m["schema_version"] for m in metas} == {3}
        points += sum(m.get("points", 0) for m in metas)
    assert points >= 2 * len(GRADED)


def test_nbgrader_validate_passes_on_the_source(course: Path) -> None:
    paths = [str(p) for p in notebooks(course / "source")]
    result = run("-m", "nbgrader", "validate", *paths, cwd=course)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Success! Your notebook passes all the tests.") == len(paths), result.stdout


def test_nbgrader_validate_inverted_passes_on_the_release(course: Path) -> None:
    """An unanswered release notebook passes no test: no answer is given away."""
    paths = [str(p) for p in notebooks(course / "release")]
    result = run("-m", "nbgrader", "validate", "--invert", *paths, cwd=course)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Success! The notebook does not pass any tests.") == len(paths), result.stdout


REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.S)


def secret_lines(source: Path) -> set[str]:
    """Lines inside solution regions and hidden tests (and text answers) that appear nowhere else in the
    source notebook, not even inside another line (a task may quote a line of its solution as a hint)."""
    secret, public = set(), []
    for meta, text in cell_sources(source):
        grading = meta.get("nbgrader", {})
        if grading.get("solution") and "### BEGIN SOLUTION" not in text:  # a text answer: all of it
            secret |= {line.strip() for line in text.splitlines() if re.search(r"\w", line)}
            continue
        for _, region in REGION.findall(text):
            secret |= {line.strip() for line in region.splitlines() if re.search(r"\w", line)}
        public.append(REGION.sub("", text))
    everywhere = "\n".join(public)
    return {line for line in secret if line not in everywhere}


def test_release_has_no_solution_line_or_hidden_test(course: Path) -> None:
    for source in notebooks(course / "source"):
        release = course / "release" / source.parent.name / source.name
        text = "\n".join(t for _, t in cell_sources(release))
        assert "BEGIN HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text
        leaks = sorted(line for line in secret_lines(source) if line in text)
        assert not leaks, f"{release.name}: solution lines in the release: {leaks}"


def test_secret_lines_can_find_a_leak(course: Path) -> None:
    source = notebooks(course / "source")[-1]
    secrets = secret_lines(source)
    assert any("math.isclose" in line for line in secrets), "hidden tests count as secret"
    assert not any(line.startswith("assert") and "is not ..." in line for line in secrets), \
        "visible tests are not secret"


def test_no_graded_value_in_the_release(course: Path) -> None:
    for question in GRADED:
        release = course / "release" / question.notebook / f"{question.notebook}.ipynb"
        found = value_strings(question.expected) & words(release.read_text(encoding="utf-8"))
        assert not found, f"{question.name}: graded value {found} in the release"


def test_an_instructors_edit_of_a_source_notebook_survives_a_rebuild(course: Path) -> None:
    source = notebooks(course / "source")[0]
    edited = source.read_text(encoding="utf-8").replace('"points": 1.0', '"points": 3.0')
    source.write_text(edited + "\n", encoding="utf-8")
    result = run("-m", "course_tools", "nbgrader", str(NOTEBOOKS[0]), "--out", str(course), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert source.read_text(encoding="utf-8") == edited + "\n"
    assert "kept your work" in result.stdout


def test_make_clean_keeps_the_nbgrader_sources(tmp_path: Path) -> None:
    """``make clean`` removes what was built but never an instructor's nbgrader sources (nor a workspace)."""
    import shutil

    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for folder in ("build/slides", "build/student", "build/nbgrader/release/01_x",
                   "build/nbgrader/source/01_x", "workspace"):
        (tmp_path / folder).mkdir(parents=True)
    kept = [tmp_path / "build/nbgrader/source/01_x/01_x.ipynb", tmp_path / "workspace/01_x.ipynb"]
    for path in kept:
        path.write_text("{}", encoding="utf-8")
    result = subprocess.run(["make", "-s", "clean"], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert all(path.read_text(encoding="utf-8") == "{}" for path in kept)
    assert not (tmp_path / "build/slides").exists() and not (tmp_path / "build/nbgrader/release").exists()
