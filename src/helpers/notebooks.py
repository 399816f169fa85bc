"""Execute the course notebooks deterministically, in a fresh kernel, top to bottom.

Command line (what ``make execute`` runs)::

    python -m helpers.notebooks execute [NOTEBOOK ...]

With no notebook given, every ``notebooks/NN_*.ipynb`` is executed in place. Outputs that would change
from run to run or machine to machine are not saved: cell timing metadata, widget state and widget
model ids, and the Python patch version.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from queue import Empty
from time import monotonic

import nbformat
from nbclient import NotebookClient

from helpers.data.paths import notebooks_dir

__all__ = ["execute", "main", "normalise"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TIMEOUT_S = 300  # [s] per cell
SLICE_S = 1.0  # [s] longest single wait for one kernel message (see _in_slices)


def _in_slices(get_msg: Callable[..., Awaitable[dict]]) -> Callable[..., Awaitable[dict]]:
    """Wrap a kernel channel's ``get_msg`` so that it waits in slices of :data:`SLICE_S`.

    With ipywidgets cells, nbclient's asyncio zmq channel occasionally misses a wake-up and then waits
    the whole cell timeout although the kernel has replied (nbclient issue #312). Polling in short
    slices bounds such a stall to about a second without changing what is received.
    """

    async def sliced(timeout: float | None = None) -> dict:
        deadline = None if timeout is None else monotonic() + timeout
        while True:
            remaining = SLICE_S if deadline is None else max(0.0, deadline - monotonic())
            try:
                return await get_msg(timeout=min(SLICE_S, remaining))
            except Empty:
                if deadline is not None and remaining <= SLICE_S:
                    raise

    return sliced


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove run-to-run noise from an executed notebook (in place; also returned)."""
    nb.metadata.pop("widgets", None)
    info = nb.metadata.get("language_info")
    if info:
        info.pop("version", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
    return nb


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
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path: no notebook at {path}")
    nb = nbformat.read(path, as_version=4)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(cwd or path.parent)}},
    )

    def poll_in_slices(**_: object) -> None:
        for channel in (client.kc.shell_channel, client.kc.iopub_channel):
            channel.get_msg = _in_slices(channel.get_msg)

    client.on_notebook_start = poll_in_slices
    client.execute()
    normalise(nb)
    if write:
        nbformat.validate(nb)
        nbformat.write(nb, path)
    return nb


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m helpers.notebooks", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("execute", help="execute notebooks in place")
    run.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"executing {path.name} ...", flush=True)
        execute(path)
    print(f"executed {len(paths)} notebook(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
