"""Condition waits shared by the browser tests: a page is photographed or checked only once it has settled.

Every wait here polls a condition in the page; none sleeps for a fixed time.
"""

from __future__ import annotations

from typing import Any

#: True once web fonts are loaded, every image has decoded and no reveal.js slide is mid-transition.
_SETTLED_JS = """() => document.fonts.status === 'loaded'
  && Array.from(document.images).every(img => img.complete)
  && !document.querySelector('.reveal.slides-transitioning, .reveal .slides section.present.animating')"""

#: True once the kernel behind JupyterLab's current notebook is idle (no cell or widget callback running).
_KERNEL_IDLE_JS = """() => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = widget && widget.sessionContext && widget.sessionContext.session
    && widget.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle';
}"""

#: Resolves after two animation frames, i.e. after the browser has painted the current layout.
_PAINTED_JS = ("() => new Promise(done => "
               "requestAnimationFrame(() => requestAnimationFrame(() => done(true))))")


def wait_until_settled(page: Any, timeout_ms: float = 20_000) -> None:
    """Wait until fonts and images have loaded and the page has painted; raise on ``timeout_ms``."""
    page.wait_for_function(_SETTLED_JS, timeout=timeout_ms, polling=100)
    page.evaluate(_PAINTED_JS)


def wait_for_idle_kernel(page: Any, timeout_ms: float = 60_000) -> None:
    """Wait until the current notebook's kernel reports ``idle``; raise on ``timeout_ms``."""
    page.wait_for_function(_KERNEL_IDLE_JS, timeout=timeout_ms, polling=100)
