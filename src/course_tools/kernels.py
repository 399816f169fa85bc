"""How the course's tools start Jupyter kernels: over IPC (Unix sockets) rather than TCP.

ipykernel warns on every start that a kernel "is running over TCP without encryption … susceptible to
eavesdropping". The warning is about TCP ports, which any local user can connect to; Unix-domain sockets in
a private folder are reachable by the owner only, so the course's tools use ``transport = "ipc"`` and the
warning (and its cause) goes away. On Windows, which has no Unix sockets, TCP stays.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from traitlets.config import Config

__all__ = ["IPC_SUPPORTED", "ipc_config", "private_folder", "server_args"]

#: Unix-domain sockets exist everywhere but on Windows.
IPC_SUPPORTED = sys.platform != "win32"


def ipc_config(folder: str | Path) -> Config:
    """A traitlets ``Config`` for kernels whose sockets live in ``folder`` (private to the user).

    Returns an empty ``Config`` where IPC is not supported.

    Raises
    ------
    ValueError
        ``folder`` is not an existing folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"folder: {folder} is not a folder")
    config = Config()
    if IPC_SUPPORTED:
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(folder / "kernel")
    return config


def server_args(folder: str | Path) -> list[str]:
    """The same settings as command-line options of ``jupyter lab`` (empty where IPC is not supported)."""
    config = ipc_config(folder)
    return [f"--KernelManager.{key}={value}" for key, value in config.KernelManager.items()]


def private_folder(base: str | Path, name: str) -> Path:
    """``base/name``, created with mode 0700 (the sockets' folder must not be readable by others)."""
    folder = Path(base) / name
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder
