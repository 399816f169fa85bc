"""The course finds its data wherever a student starts it.

Three ways a student starts the course:

1. from the repository root (``make lab``, or ``jupyter lab`` in the clone);
2. from ``notebooks/`` (double-clicking a notebook, or nbval's kernels);
3. after ``pip install`` of the package, from an unrelated folder: the data then comes from the copy inside
   the package (``helpers/_data``, see ``[tool.hatch.build.targets.wheel.force-include]``).

Each start runs in a fresh interpreter (the caller's working directory, not the test's), loads every table
through :func:`helpers.data.load` and formats every citation. The working directory holds a decoy
``data/sources.csv`` where it can, to prove that the caller's folder is never read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from tests.support import NOTEBOOKS, ROOT

pytestmark = pytest.mark.slow

TIMEOUT_S = 600  # [s] wheel build and install

#: Run in a fresh interpreter: load every table, format every citation, report where things came from.
PROBE = """
import json, helpers, helpers.data as data, helpers.data.paths as paths
rows = {name: len(data.load(name)) for name in data.tables()}
ids = list(data.load("sources")["id"])
cited = data.sources(ids) if ids else []
print(json.dumps({"helpers": helpers.__file__, "data_dir": str(paths.data_dir()), "rows": rows,
                  "citations": len(cited)}))
"""


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that would point helpers at the data."""
    env = {k: v for k, v in os.environ.items() if k not in {"KETAMINE_DATA_DIR", "PYTHONPATH"}}
    env.update(PYTHONHASHSEED="0", **extra)
    return env


def probe(cwd: Path, **env: str) -> dict[str, object]:
    """Run :data:`PROBE` with ``cwd`` as working directory; returns its report."""
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=cwd, env=clean_env(**env),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_decoy(folder: Path) -> None:
    """A broken ``data/sources.csv`` that would fail loudly if anything read the working directory."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "data" / "sources.csv").write_text("not,a,source,table\n1\n", encoding="utf-8")


@pytest.fixture(scope="module")
def checkout_report() -> dict[str, object]:
    """What the probe finds from the repository root: the reference for the other starts."""
    return probe(ROOT)


def test_from_repository_root(checkout_report: dict[str, object]) -> None:
    assert Path(str(checkout_report["data_dir"])) == ROOT / "data"
    assert checkout_report["rows"], "no tables"
    assert "sources" in checkout_report["rows"]  # type: ignore[operator]


def test_from_notebooks_folder(checkout_report: dict[str, object]) -> None:
    report = probe(ROOT / "notebooks")
    assert report == checkout_report


def test_from_unrelated_folder_with_a_decoy(tmp_path: Path, checkout_report: dict[str, object]) -> None:
    write_decoy(tmp_path)
    assert probe(tmp_path) == checkout_report


# --- installed as a wheel, started elsewhere ---------------------------------------------------------------
@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The package built as a wheel and installed (``--target``) into a temporary folder."""
    base = tmp_path_factory.mktemp("wheel")
    dist, target = base / "dist", base / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(dist), str(ROOT)], check=True,
                   capture_output=True, timeout=TIMEOUT_S, cwd=base, env=clean_env())
    (wheel,) = dist.glob("ketamine_notebooks-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True,
                   capture_output=True, timeout=TIMEOUT_S, cwd=base, env=clean_env())
    yield target


def test_wheel_carries_every_table(installed: Path) -> None:
    packaged = sorted(p.name for p in (installed / "helpers" / "_data").glob("*.csv"))
    assert packaged == sorted(p.name for p in (ROOT / "data").glob("*.csv"))
    for name in packaged:
        assert (installed / "helpers" / "_data" / name).read_bytes() == (ROOT / "data" / name).read_bytes()


def wheel_problems(names: list[str]) -> list[str]:
    """What should not be in the wheel students install, given the names of its files.

    Only the ``helpers`` package (its modules, style sheet and ``_data`` tables) and the wheel's metadata
    belong there: no authoring tools (``course_tools``, nbconvert templates, npm files, the former
    ``helpers.editions`` and ``helpers.notebooks``), tests, notebooks or caches.
    """
    problems = []
    for name in names:
        top, _, rest = name.partition("/")
        if top.endswith(".dist-info"):
            continue
        if top != "helpers":
            problems.append(f"{name}: outside the helpers package")
        elif rest in {"editions.py", "notebooks.py"} or rest.startswith(("templates/", "vendor/")) \
                or "node_modules" in name or name.endswith((".j2", "package.json", "package-lock.json")):
            problems.append(f"{name}: build tooling")
        elif "__pycache__" in name or name.endswith(".pyc"):
            problems.append(f"{name}: cache")
        elif not (rest.endswith((".py", ".mplstyle")) or rest.startswith("_data/")):
            problems.append(f"{name}: not a module, style sheet or data file")
    return problems


def test_wheel_problems_finds_stray_files() -> None:
    good = ["helpers/__init__.py", "helpers/figures/course.mplstyle", "helpers/_data/sources.csv",
            "helpers/_data/README.md", "ketamine_notebooks-0.1.0.dist-info/RECORD"]
    assert wheel_problems(good) == []
    bad = ["course_tools/__init__.py", "course_tools/templates/vendor/package.json", "helpers/editions.py",
           "helpers/notebooks.py", "helpers/templates/slides_config.json",
           "helpers/templates/course_reveal/index.html.j2", "helpers/__pycache__/data.cpython-311.pyc",
           "tests/test_data.py", "notebooks/00_course_map.ipynb", "helpers/notes.txt"]
    assert [p.split(":")[0] for p in wheel_problems(good + bad)] == bad


def test_wheel_holds_the_helpers_package_only(installed: Path) -> None:
    """The wheel students install: the helpers package, its data and metadata; no authoring tools."""
    (wheel,) = (installed.parent / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert wheel_problems(names) == []
    modules = {n for n in names if n.startswith("helpers/") and n.endswith(".py")}
    source = ROOT / "src"
    assert modules == {p.relative_to(source).as_posix() for p in (source / "helpers").rglob("*.py")}, \
        "every module of helpers and its subpackages, no other"
    assert not (installed / "course_tools").exists()


def test_from_installed_package(tmp_path: Path, installed: Path, checkout_report: dict[str, object]) -> None:
    write_decoy(tmp_path)
    report = probe(tmp_path, PYTHONPATH=str(installed))
    assert Path(str(report["helpers"])).is_relative_to(installed), "the installed copy was not used"
    assert Path(str(report["data_dir"])) == installed / "helpers" / "_data"
    assert report["rows"] == checkout_report["rows"]
    assert report["citations"] == checkout_report["citations"]


#: The first and the last notebook: the course map (reads the notebooks' metadata from its own folder)
#: and a notebook that only reads data.
INSTALLED_CASES = [pytest.param(nb, id=nb.stem) for nb in dict.fromkeys(NOTEBOOKS[:1] + NOTEBOOKS[-1:])]


@pytest.mark.parametrize("notebook", INSTALLED_CASES)
def test_notebook_runs_from_installed_package(tmp_path: Path, installed: Path, notebook: Path) -> None:
    """A student copies a notebook into their own folder and runs it against the installed package."""
    work = tmp_path / "my-course"
    work.mkdir()
    write_decoy(work)
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import helpers, helpers.data.paths\nprint(helpers.__file__)\nprint(helpers.data.paths.data_dir())"
    ))
    copy = work / notebook.name
    nbformat.write(nb, copy)
    # The runner takes course_tools (not in the wheel) from the checkout, after the installed package;
    # the kernel it starts sees only the installed package.
    runner = (
        "import sys\n"
        "sys.path.append(sys.argv[2])\n"
        "from course_tools.execute import execute\n"
        "nb = execute(sys.argv[1], write=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", runner, str(copy), str(ROOT / "src")], cwd=work,
                          env=clean_env(PYTHONPATH=str(installed)), capture_output=True, text=True,
                          timeout=TIMEOUT_S, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    executed = nbformat.read(copy, as_version=4)
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    last = "".join(o.get("text", "") for o in executed.cells[-1].outputs)
    helpers_file, data_dir = last.split()
    assert Path(helpers_file).is_relative_to(installed)
    assert Path(data_dir) == installed / "helpers" / "_data"


def test_no_graded_value_in_the_installed_package(installed: Path) -> None:
    """Questions graded with nbgrader must not be answerable by reading the installed course: their
    expected values (3 and 4 significant digits, 2 decimals) appear in no installed file."""
    from course_tools.graded import GRADED
    from tests.support.grading import value_strings, words

    tokens: set[str] = set()
    for path in installed.rglob("*"):
        if path.is_file() and path.suffix in {".py", ".csv", ".md", ".mplstyle", ".json", ".txt"}:
            tokens |= words(path.read_text(encoding="utf-8"))
    assert "spravato_pi" in tokens and "3.166" in tokens, "the reader sees the installed files and answers"
    for question in GRADED:
        found = value_strings(question.expected) & tokens
        assert not found, f"{question.name}: {found} appears in the installed package"
