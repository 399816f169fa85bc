"""course_tools.system_deps: make test installs Chromium and npm as root on Debian, else says in one
sentence what is missing, how to install it and what runs without it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from course_tools import system_deps
from course_tools.system_deps import NEEDS, ensure, how_to_install, missing


def test_missing_sees_chromium_and_npm(tmp_path: Path) -> None:
    fake = tmp_path / "chromium"
    assert missing(chromium=fake, which=lambda name: None) == list(NEEDS)
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    assert missing(chromium=fake, which=lambda name: f"/usr/bin/{name}") == []


def test_the_explanation_is_one_sentence_with_the_fixes() -> None:
    said = how_to_install(list(NEEDS))
    assert said.count(". ") == 0 and said.endswith(".") and "\n" not in said
    for words in ("chromium (the real-browser tests)", "npm", "sudo apt-get install chromium npm", "brew",
                  "Windows", "make unit"):
        assert words in said


def test_without_root_nothing_is_installed_and_the_sentence_is_printed(monkeypatch, capsys) -> None:
    monkeypatch.setattr(system_deps, "missing", lambda: [NEEDS[0]])
    ran = []
    assert ensure(root=False, apt="/usr/bin/apt-get", run=lambda *a, **k: ran.append(a)) == 1
    assert ran == [] and capsys.readouterr().err.strip() == how_to_install([NEEDS[0]])
    assert ensure(root=True, apt="", run=lambda *a, **k: ran.append(a)) == 1, "no apt-get: explain too"
    assert ran == []


def test_as_root_it_says_what_it_installs_then_installs(monkeypatch, capsys) -> None:
    monkeypatch.setattr(system_deps, "missing", lambda: list(NEEDS))
    calls = []

    def run(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0)

    assert ensure(root=True, apt="apt-get", run=run) == 0
    assert "installing chromium and npm from Debian (about 290 MB" in capsys.readouterr().out
    assert calls[0][:2] == ["apt-get", "update"] and calls[1][-2:] == ["chromium", "npm"]


def test_a_failed_install_is_reported(monkeypatch, capsys) -> None:
    monkeypatch.setattr(system_deps, "missing", lambda: [NEEDS[1]])
    assert ensure(root=True, apt="apt-get", run=lambda c, **k: subprocess.CompletedProcess(c, 100)) == 1
    assert "failed" in capsys.readouterr().err


def test_nothing_to_do_when_everything_is_there(monkeypatch, capsys) -> None:
    monkeypatch.setattr(system_deps, "missing", lambda: [])
    assert ensure(root=False, apt="", run=None) == 0  # run=None: calling it would raise
    assert capsys.readouterr() == ("", "")
