"""A throwaway JupyterLab for browser tests and benchmarks, and a driver that runs one notebook in it.

:class:`LabServer` starts ``jupyter lab`` from the project's Python on a free local port with a random
token, in a temporary folder that holds *copies* of the notebooks (the committed files are never opened),
with its own settings (``windowingMode`` "none" so that every cell is in the page, no news or update
checks) and workspace folders. :func:`run_in_lab` opens one notebook in a Playwright page, runs all cells,
waits for the kernel to finish, saves, and reports what the page shows.

Used by ``tests/test_lab_browser.py`` and ``benchmarks/run.py``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from course_tools import cells
from course_tools.kernels import private_folder, server_args
from tests.support import CHROMIUM, CHROMIUM_ARGS
from tests.support.browser import wait_until_settled

START_TIMEOUT_S = 60.0  # [s] server start-up
RUN_TIMEOUT_S = 300.0  # [s] one notebook, open to idle
WIDGET_TAG = cells.NBVAL_IGNORE_OUTPUT

#: Settings written to the temporary JUPYTERLAB_SETTINGS_DIR.
LAB_SETTINGS: dict[str, dict[str, Any]] = {
    # JupyterLab >= 4.2 attaches only visible cells by default; the tests need every cell in the page.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # No requests to the internet, no pop-up asking about news.
    "@jupyterlab/apputils-extension/notification": {"checkForUpdates": False, "fetchNews": "false"},
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LabServer:
    """JupyterLab serving a temporary copy of the notebooks; use as a context manager.

    Parameters
    ----------
    notebooks
        Notebooks to copy into ``<workdir>/notebooks/`` (the server's root is ``<workdir>``).
    extra
        Extra notebooks to write there, as ``{file name: NotebookNode}`` (probes, empty baseline).
    """

    def __init__(self, notebooks: list[Path], extra: dict[str, nbformat.NotebookNode] | None = None):
        self.notebooks = [Path(p) for p in notebooks]
        self.extra = dict(extra or {})
        self.port = 0
        self.token = secrets.token_hex(16)
        self.proc: subprocess.Popen[bytes] | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.workdir = Path()
        self.log_path = Path()

    # -- life cycle --------------------------------------------------------------------------------------
    def __enter__(self) -> LabServer:
        self._tmp = tempfile.TemporaryDirectory(prefix="lab-test-")
        base = Path(self._tmp.name)
        self.workdir = base / "work"
        (self.workdir / "notebooks").mkdir(parents=True)
        for path in self.notebooks:
            shutil.copy2(path, self.workdir / "notebooks" / path.name)
        for name, nb in self.extra.items():
            nbformat.write(nb, self.workdir / "notebooks" / name)
        settings = base / "settings"
        for plugin, values in LAB_SETTINGS.items():
            package, name = plugin.rsplit("/", 1)
            target = settings / package / f"{name}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values), encoding="utf-8")
        env = {
            **os.environ,
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
            "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
            "PYTHONHASHSEED": "0",
        }
        env.pop("JUPYTER_CONFIG_DIR", None)
        self.port = free_port()
        args = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.workdir}",
            "--ServerApp.terminals_enabled=False",
            "--LabApp.expose_app_in_browser=True",
            *server_args(private_folder(base, "kernel-sockets")),  # as make lab: kernels on IPC sockets
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--allow-root")
        self.log_path = base / "server.log"
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(args, cwd=self.workdir, env=env, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_ready()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the server (and its kernels) and remove the temporary folder."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                self.api("POST", "/api/shutdown")  # stops the kernels too
                self.proc.wait(timeout=10)
            except (subprocess.TimeoutExpired, OSError):
                self._signal_group(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._signal_group(signal.SIGKILL)
                    self.proc.wait()
        self.proc = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def _signal_group(self, signum: int) -> None:
        """Signal the server's own process group (it was started in a new session)."""
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signum)
            except ProcessLookupError:
                pass

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.proc.returncode}:\n{self.log()}")
            try:
                self.api("GET", "/api/status")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"JupyterLab did not start within {START_TIMEOUT_S} s:\n{self.log()}")

    # -- helpers -----------------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, notebook: str) -> str:
        """The address that opens ``notebooks/<notebook>`` in a fresh workspace."""
        return f"{self.base_url}/lab/tree/notebooks/{notebook}?reset&token={self.token}"

    def path(self, notebook: str) -> Path:
        """The temporary copy of ``notebook`` on disk."""
        return self.workdir / "notebooks" / notebook

    def log(self) -> str:
        """The server's log so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.is_file() else ""

    def api(self, method: str, endpoint: str) -> Any:
        """Call the server's REST API; returns the decoded JSON (or ``None``)."""
        request = urllib.request.Request(
            self.base_url + endpoint, method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernel_pids(self) -> dict[str, int]:
        """``{kernel id: pid}`` of the server's running kernels (from their connection-file argument)."""
        import psutil

        found: dict[str, int] = {}
        if self.proc is None:
            return found
        for child in psutil.Process(self.proc.pid).children(recursive=True):
            try:
                cmdline = child.cmdline()
            except psutil.Error:
                continue
            for arg in cmdline:
                name = Path(arg).name
                if name.startswith("kernel-") and name.endswith(".json") and "ipykernel" in " ".join(cmdline):
                    found[name[len("kernel-"):-len(".json")]] = child.pid
        return found

    def shutdown_kernels(self) -> None:
        """Shut down every session and kernel (between notebooks)."""
        for session in self.api("GET", "/api/sessions") or []:
            self.api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self.api("GET", "/api/kernels") or []:
            self.api("DELETE", f"/api/kernels/{kernel['id']}")


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a running process [MB], from Linux's ``VmHWM``."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB -> MB
    raise ValueError(f"pid: no VmHWM for process {pid}")


# -- the page side ---------------------------------------------------------------------------------------
_PANEL_JS = """
(path) => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return null;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.content.widgets) return w;
  }
  return null;
}
"""

_READY_JS = f"""
(path) => {{
  const panel = ({_PANEL_JS})(path);
  if (!panel || !panel.context.isReady) return false;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}}
"""

_STATE_JS = f"""
(path) => {{
  const panel = ({_PANEL_JS})(path);
  if (!panel) return null;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  const running = cells.filter(c => (c.promptNode && c.promptNode.textContent || '').includes('*')).length;
  const counts = cells.filter(c => c.model.sharedModel.getSource().trim() !== '')
                      .map(c => c.model.executionCount);
  const errors = panel.node.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type*="stderr"], .jp-OutputArea-output.jp-mod-error,'
      + ' .jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]').length;
  return {{status: kernel ? kernel.status : 'none', running, counts, errors,
           dirty: panel.context.model.dirty, kernelId: kernel ? kernel.id : null}};
}}
"""

_PAGE_JS = f"""
(path) => {{
  const panel = ({_PANEL_JS})(path);
  const images = [...panel.node.querySelectorAll('.jp-OutputArea-output img')];
  const inWidget = el => !!el.closest('.jupyter-widgets, .widget-output');
  const descriptions = [...panel.node.querySelectorAll('p.figure-description')].filter(p => !inWidget(p));
  return {{
    images: images.map(img => ({{ok: img.complete && img.naturalWidth > 0,
                                 width: img.naturalWidth, height: img.naturalHeight,
                                 inWidget: inWidget(img)}})),
    descriptions: descriptions.map(p => p.textContent.replace(/\\s+/g, ' ').trim()),
    imageThenDescription: images.map(img => {{
      const out = img.closest('.jp-OutputArea-child');
      const next = out && out.nextElementSibling;
      return !!(next && next.querySelector('p.figure-description'));
    }}),
  }};
}}
"""


@dataclass
class LabRun:
    """What happened when one notebook ran in JupyterLab."""

    notebook: str
    open_s: float = 0.0  # [s] page load until the kernel is idle
    run_s: float = 0.0  # [s] Run All until every cell has finished
    total_s: float = 0.0  # [s] open + run: "open to all outputs"
    kernel_peak_mb: float = float("nan")  # [MB] peak resident memory of the kernel
    counts: list[int | None] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)  # outside widgets, in page order
    image_then_description: list[bool] = field(default_factory=list)
    saved: nbformat.NotebookNode | None = None


def run_in_lab(page: Any, server: LabServer, notebook: str, *, timeout_s: float = RUN_TIMEOUT_S) -> LabRun:
    """Open ``notebooks/<notebook>`` in ``page``, Run All, wait until done, save, and describe the page.

    Parameters
    ----------
    page
        A Playwright ``Page``.
    server
        The running :class:`LabServer`.
    notebook
        File name inside the server's ``notebooks/`` folder.
    timeout_s
        Seconds allowed for opening plus running.
    """
    path = f"notebooks/{notebook}"
    result = LabRun(notebook)
    timeout_ms = timeout_s * 1000
    start = time.perf_counter()
    page.goto(server.url(notebook))
    page.wait_for_function(_READY_JS, arg=path, timeout=timeout_ms, polling=100)
    opened = time.perf_counter()
    result.open_s = opened - start
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        f"""(path) => {{
          const s = ({_STATE_JS})(path);
          if (!s || s.status !== 'idle' || s.running > 0) return false;
          return s.errors > 0 || s.counts.every(c => c !== null);
        }}""",
        arg=path, timeout=timeout_ms, polling=100,
    )
    done = time.perf_counter()
    result.run_s = done - opened
    result.total_s = done - start
    state = page.evaluate(_STATE_JS, path)
    result.counts = state["counts"]
    pid = server.kernel_pids().get(state["kernelId"])
    if pid is not None:
        result.kernel_peak_mb = peak_rss_mb(pid)
    shown = page.evaluate(_PAGE_JS, path)
    result.images = shown["images"]
    result.descriptions = shown["descriptions"]
    result.image_then_description = shown["imageThenDescription"]
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function(f"(path) => ({_STATE_JS})(path).dirty === false", arg=path, timeout=30_000)
    result.saved = nbformat.read(server.path(notebook), as_version=4)
    return result


def scroll_to(page: Any, notebook: str, selector: str, index: int = 0) -> bool:
    """Scroll the notebook so that the ``index``-th element matching ``selector`` is at the top."""
    return bool(page.evaluate(
        f"""([path, selector, index]) => {{
          const panel = ({_PANEL_JS})(path);
          const found = panel ? panel.node.querySelectorAll(selector) : [];
          if (found.length <= index) return false;
          found[index].scrollIntoView({{block: 'start'}});
          return true;
        }}""",
        [f"notebooks/{notebook}", selector, index],
    ))


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.support.lab_server NOTEBOOK OUT.png [--widget]``: a README screenshot."""
    import argparse

    from playwright.sync_api import sync_playwright


    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("notebook", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--widget", action="store_true", help="scroll to the first interactive cell")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=860)
    args = parser.parse_args(argv)
    if not args.notebook.is_file():
        parser.error(f"notebook: no file at {args.notebook}")
    with (LabServer([args.notebook]) as server, tempfile.TemporaryDirectory() as profile,
          sync_playwright() as pw):
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": args.width, "height": args.height},
        )
        try:
            page = context.new_page()
            run = run_in_lab(page, server, args.notebook.name)
            page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
            selector = (".jp-Cell:has(.widget-output img)" if args.widget
                        else ".jp-Cell:has(.jp-OutputArea-output img)")
            if run.images and not scroll_to(page, args.notebook.name, selector):
                parser.error("notebook: nothing to scroll to")
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
            wait_until_settled(page)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=args.out)
        finally:
            context.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
