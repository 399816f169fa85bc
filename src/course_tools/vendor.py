"""JavaScript installed from npm so that a deck or the course website works with no network.

A :class:`Vendor` is a pinned set of npm packages: :data:`DECKS` (reveal.js, jQuery, require.js and
MathJax 2, pinned in ``templates/vendor/package-lock.json``, installed into ``<decks>/vendor/``) and
:data:`SITE` (MathJax 3 for the website, ``templates/site/vendor/package-lock.json``). Each is installed by
``npm ci`` from its lock file, once, and the parts its pages never load are pruned.
:func:`npm_install` is the one way the course installs pinned npm packages (decktape for the deck PDFs too,
:mod:`course_tools.deck_pdf`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DECKS", "MATHJAX_PRUNE", "OFFLINE", "SITE", "VENDOR_CHECK", "VENDOR_DIR", "Vendor",
           "install_vendor", "make_shareable", "npm_install"]

VENDOR_DIR = Path(__file__).resolve().parent / "templates" / "vendor"
VENDOR_CHECK = Path("node_modules/reveal.js/dist/reveal.js")  # present once the vendor copy is complete

# Parts of MathJax 2 the decks never load (about 55 of its 73 MB): other fonts, SVG/HTML-CSS output,
# the unminified sources. The decks use the config TeX-AMS_CHTML-full (CommonHTML output, TeX fonts).
MATHJAX_PRUNE = (
    "unpacked", "test", "jax/output/SVG", "jax/output/HTML-CSS",
    "fonts/HTML-CSS/Asana-Math", "fonts/HTML-CSS/Gyre-Pagella", "fonts/HTML-CSS/Gyre-Termes",
    "fonts/HTML-CSS/Latin-Modern", "fonts/HTML-CSS/Neo-Euler", "fonts/HTML-CSS/STIX-Web",
    "fonts/HTML-CSS/TeX/png", "fonts/HTML-CSS/TeX/svg", "fonts/HTML-CSS/TeX/eot",
)


#: What the first deck build needs, said when npm cannot reach its registry.
OFFLINE = ("the first `make slides` downloads about 25 MB of reveal.js and MathJax from npm; no network or "
           "npm registry was reachable")


@dataclass(frozen=True)
class Vendor:
    """A pinned set of npm packages: its ``package.json`` and ``package-lock.json`` in ``folder``, a file
    that exists once the copy is complete (``check``, relative to the install), the folders and files
    removed after install (``prune``, relative to ``node_modules``), what to say when npm is offline, and
    environment variables npm needs (``env``, e.g. to keep a package from downloading a browser)."""

    folder: Path
    check: Path
    prune: tuple[str, ...]
    offline: str
    env: tuple[tuple[str, str], ...] = ()


#: The decks' JavaScript (also the handouts' MathJax).
DECKS = Vendor(VENDOR_DIR, VENDOR_CHECK, tuple(f"mathjax/{part}" for part in MATHJAX_PRUNE), OFFLINE)

# MathJax 3 for the website: Sphinx loads es5/tex-mml-chtml.js, which reads its fonts from es5/output/chtml
# and, on demand, TeX extensions (es5/input), the accessibility explorer (es5/a11y, es5/sre) and its menu
# (es5/ui). The other combined builds, the SVG output and the Node.js entry points are never loaded.
_SITE_MATHJAX_UNUSED = ("mml-chtml.js", "mml-svg.js", "tex-chtml-full-speech.js", "tex-chtml-full.js",
                        "tex-chtml.js", "tex-mml-svg.js", "tex-svg-full.js", "tex-svg.js", "node-main.js",
                        "output/svg", "output/svg.js")

#: The website's MathJax 3.
SITE = Vendor(VENDOR_DIR.parent / "site" / "vendor", Path("node_modules/mathjax/es5/tex-mml-chtml.js"),
              tuple(f"mathjax/es5/{part}" for part in _SITE_MATHJAX_UNUSED),
              "the first `make site` downloads about 25 MB of MathJax from npm; no network or npm registry "
              "was reachable")

# npm's words for a registry it cannot reach.
_NETWORK_ERRORS = ("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENETUNREACH",
                   "EHOSTUNREACH", "network request", "network connectivity")


def make_shareable(folder: Path) -> None:
    """Give ``folder`` and everything in it the modes of an ordinary shared folder: directories 0755,
    files 0644 (symbolic links are left alone). A staging folder from :func:`tempfile.mkdtemp` is 0700,
    which would hide the decks' JavaScript from every other user of a web server or shared drive."""
    folder.chmod(0o755)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            path = Path(root) / name
            if not path.is_symlink():
                path.chmod(0o755)
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                path.chmod(0o644)


def npm_install(packages: Vendor, target: Path, *, npm: str = "npm") -> Path:
    """Install a pinned set of npm ``packages`` into ``target`` (``target/node_modules``).

    Uses ``npm ci`` with the set's pinned ``package-lock.json`` and never runs install scripts; does nothing
    when the same lock file is already installed. The copy is made in a temporary folder beside ``target``
    and moved into place, so an interrupted install never leaves a half-filled folder.

    Returns
    -------
    pathlib.Path
        ``target``.

    Raises
    ------
    ValueError
        ``npm`` cannot be found.
    RuntimeError
        ``npm ci`` failed: the set's ``offline`` sentence when the registry was unreachable, else npm's
        last lines.
    """
    lock = (packages.folder / "package-lock.json").read_bytes()
    if (target / packages.check).is_file() and (target / "package-lock.json").is_file() \
            and (target / "package-lock.json").read_bytes() == lock:
        return target
    executable = shutil.which(npm)
    if executable is None:
        raise ValueError(f"npm: {npm!r} not found; install Node.js and npm (Debian: apt-get install npm)")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(packages.folder / name, staging / name)
        run = subprocess.run(
            [executable, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--omit=dev",
             "--loglevel=error"],
            cwd=staging, capture_output=True, text=True, check=False,
            env={**os.environ, **dict(packages.env)},
        )
        if run.returncode != 0:
            said = f"{run.stdout}\n{run.stderr}"
            if any(word in said for word in _NETWORK_ERRORS):
                raise RuntimeError(packages.offline)
            last = "\n".join(said.strip().splitlines()[-5:])
            raise RuntimeError(f"npm ci failed (exit code {run.returncode}):\n{last}")
        for part in packages.prune:
            path = staging / "node_modules" / part
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        make_shareable(staging)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def install_vendor(out_dir: str | Path, *, npm: str = "npm", packages: Vendor = DECKS) -> Path:
    """Install a pinned set of npm ``packages`` (:data:`DECKS`, the decks' reveal.js, jQuery, require.js and
    MathJax, or :data:`SITE`) into ``out_dir/vendor`` with :func:`npm_install`; returns that folder."""
    return npm_install(packages, Path(out_dir) / "vendor", npm=npm)
