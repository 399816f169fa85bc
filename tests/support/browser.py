"""Condition waits shared by the browser tests: a page is photographed or checked only once it has settled.

Every wait here polls a condition in the page; none sleeps for a fixed time.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path
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


#: Walks every slide of a reveal.js deck with all its fragments shown, once MathJax has typeset the maths,
#: and returns the slides taller than the deck: [h, v, height in px, the slide's first line].
_OVERFLOW_JS = """(id) => new Promise(done => require([id], R => {
  const measure = () => {
  const limit = R.getConfig().height, found = [];
  document.querySelectorAll('.slides > section').forEach((stack, h) => {
    const inner = stack.querySelectorAll(':scope > section');
    (inner.length ? [...inner.keys()] : [0]).forEach(v => {
      R.slide(h, v);
      const slide = document.querySelector('.slides section.present section.present')
                    || document.querySelector('.slides > section.present');
      slide.querySelectorAll('.fragment').forEach(f => f.classList.add('visible'));
      if (slide.scrollHeight > limit + 1)
        found.push([h, v, slide.scrollHeight, (slide.innerText.trim().split('\\n')[0] || '').slice(0, 60)]);
    });
  });
  R.slide(0, 0);
  done(found);
  };
  // typeset maths first: raw TeX is taller or shorter than its rendering
  if (window.MathJax && MathJax.Hub) MathJax.Hub.Queue(measure); else measure();
}))"""


def overflowing_slides(page: Any, reveal_module: str) -> list[list]:
    """The slides of the open deck (all fragments shown) that are taller than the deck's height."""
    return page.evaluate(_OVERFLOW_JS, reveal_module)


# --- accessibility: axe-core, pinned in tests/support/npm, injected into a page ---------------------------
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_NPM_DIR = Path(__file__).resolve().parent / "npm"


def axe_source(build_dir: Path) -> str:
    """axe-core's browser script, installed by ``npm ci`` from ``tests/support/npm`` (pinned lock) into
    ``build_dir/test-npm`` on first use and reused while the lock is unchanged."""
    lock = (_NPM_DIR / "package-lock.json").read_bytes()
    target = build_dir / "test-npm" / hashlib.sha256(lock).hexdigest()[:12]  # one folder per lock
    script = target / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".npm-", dir=target.parent))
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(_NPM_DIR / name, staging / name)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                       cwd=staging, check=True, capture_output=True, text=True)
        try:
            staging.rename(target)  # atomic; another test worker may have finished first
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    return script.read_text(encoding="utf-8")


def axe_violations(page: Any, axe: str) -> list[str]:
    """WCAG 2.1 A/AA violations on the page as it is now: "rule: first element (n elements)". Transitions
    and animations are switched off first, so a fragment still fading in is not read as low contrast."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(content=axe)
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; "
                                   "animation: none !important; }")
    return page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations.map("
        "v => `${v.id}: ${v.nodes[0].target.join(' ')} (${v.nodes.length} elements)`))", AXE_TAGS)
