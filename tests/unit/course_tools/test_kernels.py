"""course_tools.kernels: kernels on private IPC sockets, so ipykernel's TCP warning never appears."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course_tools.kernels import IPC_SUPPORTED, ipc_config, private_folder, server_args
from tests.support import ROOT

pytestmark = pytest.mark.skipif(not IPC_SUPPORTED, reason="no Unix sockets on this system")


def test_ipc_config_and_server_args(tmp_path: Path) -> None:
    config = ipc_config(tmp_path)
    assert config.KernelManager.transport == "ipc"
    assert config.KernelManager.ip == str(tmp_path / "kernel")
    assert server_args(tmp_path) == ["--KernelManager.transport=ipc",
                                     f"--KernelManager.ip={tmp_path / 'kernel'}"]
    with pytest.raises(ValueError, match=r"^folder"):
        ipc_config(tmp_path / "missing")


def test_private_folder_is_private(tmp_path: Path) -> None:
    folder = private_folder(tmp_path, "sockets")
    assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700


def test_make_execute_prints_no_warning(tmp_path: Path) -> None:
    """The course's executor starts its kernel without ipykernel's TCP warning (or any other)."""
    notebook = tmp_path / "00_tiny.ipynb"
    notebook.write_text('{"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {},'
                        ' "outputs": [], "source": "print(6 * 7)"}], "metadata": {}, "nbformat": 4,'
                        ' "nbformat_minor": 5}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "course_tools", "execute", str(notebook)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    assert "WARNING" not in said and "warning" not in said.lower(), said
    assert '"42\\n"' in notebook.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("kernel*")), "no socket files left next to the notebook"
