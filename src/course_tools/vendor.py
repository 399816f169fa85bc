"""The decks' JavaScript, installed from npm so that a deck works with no network.

reveal.js, jQuery, require.js and MathJax are pinned in ``templates/vendor/package-lock.json`` and
installed by ``npm ci`` into ``<decks>/vendor/``; the parts of MathJax the decks never load are pruned.
:func:`npm_install` is the one way the course installs pinned npm packages (decktape for the deck PDFs too).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["MATHJAX_PRUNE", "OFFLINE", "VENDOR_CHECK", "VENDOR_DIR", "install_vendor", "make_shareable",
           "npm_install"]

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


def npm_install(package_dir: Path, target: Path, check: Path, *, offline: str, prune: Iterable[str] = (),
                env: Mapping[str, str] | None = None, npm: str = "npm") -> Path:
    """Install the npm packages pinned in ``package_dir`` (``package.json`` and ``package-lock.json``) into
    ``target`` with ``npm ci``; does nothing when the same lock file is already installed there.

    The copy is made in a temporary folder beside ``target`` and moved into place, so an interrupted
    install never leaves a half-filled folder; install scripts never run (nothing is downloaded but the
    pinned packages).

    Parameters
    ----------
    package_dir
        Folder with the pinned ``package.json`` and ``package-lock.json``.
    target
        Where the packages go (``target/node_modules``).
    check
        A file, relative to ``target``, present once the install is complete.
    offline
        The sentence to raise when npm cannot reach its registry.
    prune
        Paths, relative to ``target``, removed after the install (parts never loaded).
    env
        Extra environment variables for npm.
    npm
        The npm executable.

    Raises
    ------
    ValueError
        ``npm`` cannot be found.
    RuntimeError
        ``npm ci`` failed: ``offline`` when the registry was unreachable, else npm's last lines.
    """
    lock = (package_dir / "package-lock.json").read_bytes()
    if (target / check).is_file() and (target / "package-lock.json").is_file() \
            and (target / "package-lock.json").read_bytes() == lock:
        return target
    executable = shutil.which(npm)
    if executable is None:
        raise ValueError(f"npm: {npm!r} not found; install Node.js and npm (Debian: apt-get install npm)")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(package_dir / name, staging / name)
        run = subprocess.run(
            [executable, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--omit=dev",
             "--loglevel=error"],
            cwd=staging, capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
        )
        if run.returncode != 0:
            said = f"{run.stdout}\n{run.stderr}"
            if any(word in said for word in _NETWORK_ERRORS):
                raise RuntimeError(offline)
            last = "\n".join(said.strip().splitlines()[-5:])
            raise RuntimeError(f"npm ci failed (exit code {run.returncode}):\n{last}")
        for part in prune:
            shutil.rmtree(staging / part, ignore_errors=True)
        make_shareable(staging)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def install_vendor(out_dir: str | Path, *, npm: str = "npm") -> Path:
    """Install the decks' JavaScript (reveal.js, jQuery, require.js, MathJax) into ``out_dir/vendor``
    (:func:`npm_install` with the pinned ``templates/vendor/package-lock.json``; unused MathJax pruned)."""
    return npm_install(VENDOR_DIR, Path(out_dir) / "vendor", VENDOR_CHECK, offline=OFFLINE,
                       prune=[f"node_modules/mathjax/{part}" for part in MATHJAX_PRUNE], npm=npm)
