"""Execute the course notebooks deterministically, in a fresh kernel, top to bottom.

The kernel listens on Unix sockets in a private temporary folder (:mod:`course_tools.kernels`), so
ipykernel's warning about unencrypted TCP never appears. Outputs that would change from run to run or
machine to machine are not saved: cell timing metadata, widget state and widget model ids, and the Python
patch version; consecutive pieces of one stream (split wherever the kernel happened to flush) are joined.
The kernel runs with ``PYTHONHASHSEED=0`` unless the caller set it; the caller's own environment is left as
it is.
``python -m course_tools execute [NOTEBOOK ...]`` (``make execute``) runs :func:`execute` on each notebook.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

from course_tools.kernels import ipc_config
from course_tools.nbclient_workaround import poll_in_slices

__all__ = ["TIMEOUT_S", "execute", "kernel_env", "normalise"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TIMEOUT_S = 300  # [s] per cell
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove run-to-run noise from an executed notebook (in place; also returned)."""
    nb.metadata.pop("widgets", None)
    info = nb.metadata.get("language_info")
    if info:
        info.pop("version", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
    CoalesceStreamsPreprocessor().preprocess(nb, {})
    return nb


def kernel_env() -> dict[str, str]:
    """The kernel's environment: the caller's, with ``PYTHONHASHSEED=0`` unless the caller set one."""
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def execute(path: str | Path, *, cwd: str | Path | None = None, timeout: int = TIMEOUT_S,
            write: bool = True, allow_errors: bool = False) -> nbformat.NotebookNode:
    """Execute one notebook in a fresh ``python3`` kernel and (by default) save it in place.

    Parameters
    ----------
    path
        The notebook.
    cwd
        Working directory of the kernel (default: the notebook's folder).
    timeout
        Seconds allowed per cell.
    write
        Save the executed notebook over ``path``.
    allow_errors
        Record errors as outputs and go on (for student editions) instead of stopping at the first.

    Raises
    ------
    ValueError
        There is no notebook at ``path``.
    nbclient.exceptions.CellExecutionError
        A cell raised (unless ``allow_errors``).
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path: no notebook at {path}")
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="course-kernel-") as sockets:  # private: mode 0700
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            record_timing=False,
            allow_errors=allow_errors,
            resources={"metadata": {"path": str(cwd or path.parent)}},
            config=ipc_config(sockets),
        )
        poll_in_slices(client)
        client.execute(env=kernel_env())
    normalise(nb)
    if write:
        nbformat.validate(nb)
        nbformat.write(nb, path)
    return nb
