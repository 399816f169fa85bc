"""course_tools.workspace: the student's folder gets what is new and never loses the student's work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course_tools.workspace import MANIFEST, sync_workspace


def _edition(folder: Path, **notebooks: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in notebooks.items():
        (folder / f"{name}.ipynb").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    return _edition(tmp_path / "edition", **{"00_map": "map v1", "01_nmda": "nmda v1"})


def test_first_sync_adds_every_notebook(edition: Path, tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    report = sync_workspace(edition, space)
    assert report.added == ["00_map.ipynb", "01_nmda.ipynb"]
    assert (space / "01_nmda.ipynb").read_text(encoding="utf-8") == "nmda v1"
    manifest = json.loads((space / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest) == {"00_map.ipynb", "01_nmda.ipynb"}


def test_a_second_sync_changes_nothing(edition: Path, tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    sync_workspace(edition, space)
    report = sync_workspace(edition, space)
    assert report.unchanged == ["00_map.ipynb", "01_nmda.ipynb"] and not report.added + report.updated
    assert report.lines() == ["up to date: 2 notebook(s)"]


def test_the_students_edit_is_kept_when_the_course_changes(edition: Path, tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    sync_workspace(edition, space)
    (space / "01_nmda.ipynb").write_text("nmda v1 + my answers", encoding="utf-8")
    _edition(edition, **{"01_nmda": "nmda v2", "02_dose": "dose v1"})
    report = sync_workspace(edition, space)
    assert (space / "01_nmda.ipynb").read_text(encoding="utf-8") == "nmda v1 + my answers"
    assert report.kept == report.newer_version == ["01_nmda.ipynb"]
    assert report.added == ["02_dose.ipynb"]
    assert any("newer version of: 01_nmda.ipynb" in line for line in report.lines())
    # and again: still kept, still reported
    assert sync_workspace(edition, space).newer_version == ["01_nmda.ipynb"]
    assert (space / "01_nmda.ipynb").read_text(encoding="utf-8") == "nmda v1 + my answers"


def test_an_untouched_copy_is_brought_up_to_date(edition: Path, tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    sync_workspace(edition, space)
    _edition(edition, **{"00_map": "map v2"})
    report = sync_workspace(edition, space)
    assert report.updated == ["00_map.ipynb"]
    assert (space / "00_map.ipynb").read_text(encoding="utf-8") == "map v2"


def test_a_notebook_of_unknown_origin_is_kept(edition: Path, tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    space.mkdir()
    (space / "00_map.ipynb").write_text("written before the manifest existed", encoding="utf-8")
    report = sync_workspace(edition, space)
    assert report.kept == ["00_map.ipynb"]
    assert (space / "00_map.ipynb").read_text(encoding="utf-8") == "written before the manifest existed"


def test_nothing_else_in_the_workspace_is_touched(edition: Path, tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    sync_workspace(edition, space)
    (space / "my_notes.ipynb").write_text("mine", encoding="utf-8")
    (space / "99_old.ipynb").write_text("a notebook the course no longer has", encoding="utf-8")
    sync_workspace(edition, space)
    assert (space / "my_notes.ipynb").read_text(encoding="utf-8") == "mine"
    assert (space / "99_old.ipynb").exists()
    assert not list(space.glob(".*.partial"))


def test_a_malformed_manifest_is_reported_and_nothing_is_written(edition: Path, tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    sync_workspace(edition, space)
    (space / MANIFEST).write_text("{not json", encoding="utf-8")
    _edition(edition, **{"00_map": "map v2"})
    with pytest.raises(ValueError, match=r"workspace: .*course-versions\.json is not valid JSON"):
        sync_workspace(edition, space)
    assert (space / "00_map.ipynb").read_text(encoding="utf-8") == "map v1"
    assert (space / MANIFEST).read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize("contents", [{}, {"readme": "not a course notebook"}])
def test_an_empty_edition_is_refused(tmp_path: Path, contents: dict[str, str]) -> None:
    folder = tmp_path / "edition"
    folder.mkdir()
    for name, text in contents.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"^edition: "):
        sync_workspace(folder, tmp_path / "workspace")
    assert not (tmp_path / "workspace").exists()


def test_a_workspace_that_is_a_file_is_refused(edition: Path, tmp_path: Path) -> None:
    space = tmp_path / "workspace"
    space.write_text("a file", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^workspace: "):
        sync_workspace(edition, space)
    assert space.read_text(encoding="utf-8") == "a file"
