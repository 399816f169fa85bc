"""``python -m course_tools``: execute, slides, student and workspace, their progress lines and errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_tools import __main__ as cli
from course_tools import build
from tests.support.synthetic import write_synthetic


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    return write_synthetic(tmp_path)


def test_student_reports_progress_and_errors(synthetic: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli"
    assert cli.main(["student", str(synthetic), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"student: {synthetic.name} -> " in printed and "(built)" in printed
    assert "1 built, 0 up to date" in printed
    assert cli.main(["student", str(synthetic), "--out", str(out)]) == 0
    assert "(up to date)" in capsys.readouterr().out
    assert cli.main(["student", str(synthetic), "--out", str(out), "--force"]) == 0
    assert "1 built, 0 up to date" in capsys.readouterr().out
    assert cli.main(["student", str(tmp_path / "nope.ipynb"), "--out", str(out)]) == 1
    assert "student: error: notebooks" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["pamphlets"])  # not a command
    with pytest.raises(SystemExit):
        cli.main([])


def test_workspace_reports_what_it_kept_and_errors(synthetic: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    edition, space = tmp_path / "edition", tmp_path / "workspace"
    assert cli.main(["student", str(synthetic), "--out", str(edition)]) == 0
    capsys.readouterr()
    assert cli.main(["workspace", "--edition", str(edition), "--to", str(space)]) == 0
    assert f"workspace: added: {synthetic.name}" in capsys.readouterr().out
    (space / synthetic.name).write_text((space / synthetic.name).read_text() + " ", encoding="utf-8")
    assert cli.main(["workspace", "--edition", str(edition), "--to", str(space)]) == 0
    assert f"workspace: kept your work in: {synthetic.name}" in capsys.readouterr().out
    assert cli.main(["workspace", "--edition", str(tmp_path / "none"), "--to", str(space)]) == 1
    assert "workspace: error: edition: " in capsys.readouterr().err


def test_slides_reports_progress(synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    installed = []
    monkeypatch.setattr(build, "install_vendor", installed.append)  # no npm here
    out = tmp_path / "decks"
    assert cli.main(["slides", str(synthetic), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert installed == [out]
    assert f"slides: {synthetic.name} -> " in printed and "1 built, 0 up to date" in printed
    assert "press s for the speaker notes" in printed
    assert (out / "99_synthetic.slides.html").is_file()


def test_execute_runs_notebooks_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "01_tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")]), path)
    assert cli.main(["execute", str(path)]) == 0
    assert capsys.readouterr().out == "executing 01_tiny.ipynb ...\nexecuted 1 notebook(s)\n"
    [cell] = nbformat.read(path, as_version=4).cells
    assert cell.outputs[0]["text"] == "42\n" and cell.execution_count == 1
    assert cli.main(["execute", str(tmp_path / "nope.ipynb")]) == 1
    said = capsys.readouterr().err
    assert "execute: error: notebooks: no notebook at" in said and said.count("\n") == 1, said
    assert "the course's notebooks are: notebooks/00_course_map.ipynb" in said, "the choices are named"


def test_module_runs_as_a_command(synthetic: Path, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "course_tools", "student", str(synthetic), "--out",
                          str(tmp_path / "m")], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "m" / synthetic.name).is_file()
    usage = subprocess.run([sys.executable, "-m", "course_tools", "--help"], capture_output=True, text=True,
                           check=False)
    commands = "{execute,slides,student,workspace,nbgrader,lab,handouts,slides-pdf,site,deps}"
    assert usage.returncode == 0 and commands in usage.stdout
