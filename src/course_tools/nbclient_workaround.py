"""A workaround for an nbclient bug: kernel replies that arrive but are waited for until the cell timeout.

Upstream: nbclient issue #312 (https://github.com/jupyter/nbclient/issues/312). With ipywidgets cells,
nbclient's asyncio zmq channel occasionally misses a wake-up and then waits the whole cell timeout
(minutes) although the kernel has replied. :func:`poll_in_slices` makes the kernel client's shell and
iopub channels wait for a message in slices of :data:`SLICE_S`, which bounds such a stall to about a
second without changing what is received.

Remove this module (and its one use in :func:`course_tools.execute.execute`) once nbclient releases a fix
for #312 and ``python -m course_tools execute notebooks/02_dose_concentration_effect.ipynb`` (the
notebook that stalled) no longer stalls without it, several runs in a row.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from queue import Empty
from time import monotonic

from nbclient import NotebookClient

__all__ = ["SLICE_S", "in_slices", "poll_in_slices"]

SLICE_S = 1.0  # [s] longest single wait for one kernel message


def in_slices(get_msg: Callable[..., Awaitable[dict]],
              slice_s: float = SLICE_S) -> Callable[..., Awaitable[dict]]:
    """Wrap a kernel channel's ``get_msg`` so that it waits at most ``slice_s`` at a time.

    The wrapper keeps ``get_msg``'s contract: it returns the first message, and raises ``queue.Empty``
    once ``timeout`` seconds have passed without one (``timeout=None`` waits for ever).
    """

    async def sliced(timeout: float | None = None) -> dict:
        deadline = None if timeout is None else monotonic() + timeout
        while True:
            remaining = slice_s if deadline is None else max(0.0, deadline - monotonic())
            try:
                return await get_msg(timeout=min(slice_s, remaining))
            except Empty:
                if deadline is not None and remaining <= slice_s:
                    raise

    return sliced


def poll_in_slices(client: NotebookClient) -> None:
    """Make ``client`` poll its kernel in slices, from the moment its kernel client exists.

    Installs itself as ``client.on_notebook_start`` (nbclient calls it once the kernel is up).
    """

    def install(**_: object) -> None:
        for channel in (client.kc.shell_channel, client.kc.iopub_channel):
            channel.get_msg = in_slices(channel.get_msg)

    client.on_notebook_start = install
