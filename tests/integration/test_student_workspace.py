"""``make lab`` for students: runtime dependencies only, and a workspace that keeps the student's work.

The target is run for real (``make workspace``, everything ``make lab`` does before it opens JupyterLab),
twice, with a student's edit in between.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.support import NOTEBOOKS, ROOT

pytestmark = pytest.mark.slow

MAKE = shutil.which("make")


def _make(*args: str) -> subprocess.CompletedProcess[str]:
    if MAKE is None:
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run([MAKE, "--no-print-directory", "-C", str(ROOT), *args], capture_output=True,
                          text=True, env=env, timeout=600)


def test_lab_installs_the_runtime_only(tmp_path: Path) -> None:
    """On a machine without a venv, make lab installs with ``pip install -e .``: no test extra."""
    plan = _make("-n", "lab", f"VENV={tmp_path / 'venv'}", f"WORKSPACE={tmp_path / 'ws'}")
    assert plan.returncode == 0, plan.stderr
    installs = [line for line in plan.stdout.splitlines() if "pip install" in line and "-e" in line]
    assert installs and all("[test]" not in line for line in installs), installs
    assert "course_tools lab" in plan.stdout
    opened = subprocess.run([sys.executable, "-m", "course_tools", "lab", "--to", str(tmp_path / "ws"),
                             "--dry-run"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert opened.returncode == 0, opened.stderr
    command = opened.stdout.splitlines()[-1]
    assert "-m jupyterlab" in command and command.endswith("00_course_map.ipynb")
    assert f"--ServerApp.root_dir={(tmp_path / 'ws').resolve()}" in command


def test_a_second_make_lab_keeps_the_students_edit(tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    first = _make("workspace", f"WORKSPACE={space}")
    assert first.returncode == 0, first.stdout + first.stderr
    notebooks = sorted(space.glob("[0-9][0-9]_*.ipynb"))
    assert [p.name for p in notebooks] == [p.name for p in NOTEBOOKS]

    edited = notebooks[1]
    nb = nbformat.read(edited, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("My answer: depolarisation relieves the Mg2+ block."))
    nbformat.write(nb, edited)
    before = edited.read_bytes()
    (space / notebooks[0].name).unlink()  # a notebook the student deleted comes back

    second = _make("workspace", f"WORKSPACE={space}")
    assert second.returncode == 0, second.stdout + second.stderr
    assert edited.read_bytes() == before, "make lab overwrote the student's notebook"
    assert f"kept your work in: {edited.name}" in second.stdout
    assert (space / notebooks[0].name).exists()
    restored = nbformat.read(space / notebooks[0].name, as_version=4)
    assert restored.metadata.get("edition") == "student", "the workspace holds the student edition"
