"""Set-up that explains itself and recovers: a venv made by a broken or too old Python is made again, with a
one-line reason; a too old Python is refused in one line; make distclean keeps the student's workspace."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def make(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MAKE, "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, check=False)


def test_a_broken_venv_is_made_again_with_a_reason(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    broken = venv / "bin" / "python"
    broken.write_text("#!/bin/sh\necho 'Python 3.10.12'\nexit 1\n", encoding="utf-8")
    broken.chmod(0o755)
    result = make("venv-python", f"VENV={venv}", f"PYTHON={sys.executable}")
    assert result.returncode == 0, result.stderr
    assert "was made by an older or a broken Python; making it again" in result.stdout
    check = subprocess.run([venv / "bin" / "python", "-c", "import sys; print(sys.version_info >= (3, 11))"],
                           capture_output=True, text=True, check=False)
    assert check.stdout.strip() == "True"


def test_a_too_old_python_is_refused_in_one_line(tmp_path: Path) -> None:
    old = tmp_path / "python3.10"
    old.write_text("#!/bin/sh\ncase \"$1\" in -V) echo 'Python 3.10.12';; *) exit 1;; esac\n",
                   encoding="utf-8")
    old.chmod(0o755)
    result = make("venv-python", f"VENV={tmp_path / 'venv'}", f"PYTHON={old}")
    assert result.returncode != 0
    said = [line for line in result.stderr.splitlines() if line.startswith("setup:")]
    assert said == [f"setup: the course needs Python 3.11 or newer, and {old} is Python 3.10.12; install "
                    "Python 3.11 and run again with PYTHON=python3.11"]
    assert not (tmp_path / "venv").exists()


def test_distclean_removes_venv_and_build_but_never_the_workspace(tmp_path: Path) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for folder in ("venv/bin", "build/nbgrader/source/01_x", "workspace"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "workspace" / "01_x.ipynb").write_text("{}", encoding="utf-8")
    result = make("-s", "distclean", f"VENV={tmp_path / 'venv'}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "venv").exists() and not (tmp_path / "build").exists()
    assert (tmp_path / "workspace" / "01_x.ipynb").read_text(encoding="utf-8") == "{}"


@pytest.mark.browser  # builds the decks' vendor folder with npm, like the browser tests
def test_make_slides_prints_no_warning(tmp_path: Path) -> None:
    """The lecturer's command says what it built and nothing alarming (no warning of any kind)."""
    out = tmp_path / "slides"
    result = subprocess.run([sys.executable, "-m", "course_tools", "slides", "notebooks/00_course_map.ipynb",
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=900,
                            check=False)
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    assert "warn" not in said.lower() and "Traceback" not in said, said
    assert said.splitlines()[0].startswith("slides: 00_course_map.ipynb -> ")
