"""course_tools.execute (deterministic execution) and its isolated nbclient workaround."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
from pathlib import Path
from queue import Empty

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook, new_output

from course_tools import nbclient_workaround
from course_tools.execute import execute, kernel_env, normalise

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def run_in_own_loop(coroutine):
    """Run ``coroutine`` to completion in a fresh event loop on its own thread, so that a loop another test
    left running in this worker's thread cannot interfere."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()

def _tiny(tmp_path: Path, *sources: str) -> Path:
    path = tmp_path / "tiny.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(s) for s in sources]), path)
    return path


def test_normalise_removes_run_to_run_noise() -> None:
    nb = new_notebook(metadata={"widgets": {"state": {}}, "language_info": {"name": "python",
                                                                             "version": "3.11.7"},
                                "kernelspec": {"name": "python3", "display_name": "Python 3"}})
    widget = new_output("display_data", data={WIDGET_VIEW: {"model_id": "abc"}, "text/plain": "x"})
    nb.cells = [new_code_cell("x", metadata={"execution": {"iopub.status.idle": "2024"}, "tags": ["a"]},
                              outputs=[widget])]
    normalise(nb)
    assert "widgets" not in nb.metadata
    assert nb.metadata["language_info"] == {"name": "python"}
    assert nb.metadata["kernelspec"]["display_name"] == "Python 3 (ipykernel)"
    assert nb.cells[0].metadata == {"tags": ["a"]}
    assert nb.cells[0].outputs[0]["data"] == {"text/plain": "x"}


def test_normalise_joins_one_stream_split_by_a_flush() -> None:
    """``print`` writes its text and its newline separately; where the kernel flushed between them must not
    change the saved notebook."""
    split = [new_output("stream", name="stdout", text="peak 79.3 ng/mL"), new_output("stream", name="stdout",
                                                                                      text="\n")]
    nb = new_notebook(cells=[new_code_cell("print(x)", outputs=split),
                             new_code_cell("print(y)", outputs=[new_output("stream", name="stdout",
                                                                           text="peak 79.3 ng/mL\n")])])
    normalise(nb)
    assert nb.cells[0].outputs == nb.cells[1].outputs


def test_kernel_env_sets_the_hash_seed_only_for_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    assert kernel_env()["PYTHONHASHSEED"] == "0"
    assert "PYTHONHASHSEED" not in os.environ
    monkeypatch.setenv("PYTHONHASHSEED", "7")
    assert kernel_env()["PYTHONHASHSEED"] == "7"


@pytest.mark.slow
def test_execute_is_deterministic_and_leaves_the_callers_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    before = dict(os.environ)
    path = _tiny(tmp_path, "import os\nprint(os.environ['PYTHONHASHSEED'])",
                 "print(hash('ketamine'))", "import os\nprint(os.getcwd())")
    nb = execute(path, cwd=tmp_path)
    assert dict(os.environ) == before, "the caller's environment changed"
    assert [c.outputs[0]["text"] for c in nb.cells[:2]] == ["0\n", f"{_hash_with_seed_0('ketamine')}\n"]
    assert Path(nb.cells[2].outputs[0]["text"].strip()) == tmp_path
    first = path.read_bytes()
    execute(path)
    assert path.read_bytes() == first, "a second run changed the notebook"
    saved = nbformat.reads(first.decode(), as_version=4)
    assert "version" not in saved.metadata["language_info"]
    assert not any("execution" in c.metadata for c in saved.cells)


def _hash_with_seed_0(text: str) -> int:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"print(hash({text!r}))"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"}, check=True)
    return int(done.stdout)


@pytest.mark.slow
def test_execute_without_writing_and_with_errors(tmp_path: Path) -> None:
    path = _tiny(tmp_path, "1 / 0", "print('after')")
    original = path.read_bytes()
    nb = execute(path, write=False, allow_errors=True)
    assert path.read_bytes() == original
    assert nb.cells[0].outputs[0]["ename"] == "ZeroDivisionError"
    assert nb.cells[1].outputs[0]["text"] == "after\n"
    with pytest.raises(Exception, match="ZeroDivisionError"):
        execute(path, write=False)


def test_execute_rejects_a_missing_notebook(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="path: no notebook"):
        execute(tmp_path / "missing.ipynb")


# --- the nbclient #312 workaround ----------------------------------------------------------------------
class FakeChannel:
    """``get_msg`` that times out ``empty`` times before returning a message; records each timeout."""

    def __init__(self, empty: int) -> None:
        self.empty = empty
        self.timeouts: list[float | None] = []

    async def get_msg(self, timeout: float | None = None) -> dict:
        self.timeouts.append(timeout)
        if len(self.timeouts) <= self.empty:
            await asyncio.sleep(timeout or 0)
            raise Empty
        return {"msg": len(self.timeouts)}


def test_in_slices_keeps_waiting_until_a_message_arrives() -> None:
    channel = FakeChannel(empty=3)
    sliced = nbclient_workaround.in_slices(channel.get_msg, slice_s=0.01)
    assert run_in_own_loop(sliced(timeout=None)) == {"msg": 4}
    assert channel.timeouts == [0.01] * 4
    channel = FakeChannel(empty=2)
    sliced = nbclient_workaround.in_slices(channel.get_msg, slice_s=0.01)
    assert run_in_own_loop(sliced(timeout=10)) == {"msg": 3}
    assert all(t is not None and t <= 0.01 for t in channel.timeouts)


def test_in_slices_still_times_out() -> None:
    channel = FakeChannel(empty=10**6)  # never answers
    sliced = nbclient_workaround.in_slices(channel.get_msg, slice_s=0.01)
    with pytest.raises(Empty):
        run_in_own_loop(sliced(timeout=0.05))
    assert 3 <= len(channel.timeouts) <= 7
    assert all(t is not None and t <= 0.01 for t in channel.timeouts)


def test_poll_in_slices_wraps_both_channels_once_the_kernel_is_up() -> None:
    client = NotebookClient(new_notebook())
    nbclient_workaround.poll_in_slices(client)

    class KernelClient:
        shell_channel, iopub_channel = FakeChannel(0), FakeChannel(0)

    originals = (KernelClient.shell_channel.get_msg, KernelClient.iopub_channel.get_msg)
    client.kc = KernelClient()
    client.on_notebook_start(notebook=client.nb)
    for channel, original in zip((KernelClient.shell_channel, KernelClient.iopub_channel), originals,
                                 strict=True):
        assert channel.get_msg != original
        assert run_in_own_loop(channel.get_msg(timeout=1)) == {"msg": 1}
