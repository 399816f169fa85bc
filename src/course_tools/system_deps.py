"""What ``make test`` needs beyond Python: Chromium (the real-browser tests) and npm (the decks' offline
JavaScript). On Debian or Ubuntu as root (CI, containers) they are installed with apt-get, saying so first;
anywhere else one sentence names what is missing, how to install it, and what runs without it.

``python -m course_tools deps`` is what ``make browser-deps`` (and so ``make test``) runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CHROMIUM", "Need", "ensure", "how_to_install", "missing"]

CHROMIUM = Path("/usr/bin/chromium")  # Debian's Chromium, which Playwright drives (it never downloads one)


@dataclass(frozen=True)
class Need:
    """A program ``make test`` needs: its Debian package and what it is for."""

    package: str
    what_for: str
    size_mb: int  # roughly, with dependencies, on a fresh Debian


NEEDS = (Need("chromium", "the real-browser tests", 250), Need("npm", "the decks' offline reveal.js", 40))


def missing(*, chromium: Path = CHROMIUM, which=shutil.which) -> list[Need]:
    """The programs that are not installed."""
    absent = []
    if not (chromium.is_file() and os.access(chromium, os.X_OK)):
        absent.append(NEEDS[0])
    if which("npm") is None:
        absent.append(NEEDS[1])
    return absent


def how_to_install(absent: list[Need]) -> str:
    """One sentence: what is missing, how to install it per system, and what runs without it."""
    names = " and ".join(f"{n.package} ({n.what_for})" for n in absent)
    packages = " ".join(n.package for n in absent)
    return (f"make test needs {names}, which are not installed and cannot be installed here (that needs "
            f"root on Debian or Ubuntu): install them with 'sudo apt-get install {packages}' "
            "(Debian/Ubuntu), "
            "'brew install --cask chromium && brew install node' (macOS) or from chromium.org and nodejs.org "
            "(Windows), then run make test again; meanwhile 'make unit' runs every test that needs neither.")


def ensure(*, root: bool | None = None, apt: str | None = None, run=subprocess.run) -> int:
    """Install what is missing when possible (root with apt-get), else explain; returns an exit code."""
    absent = missing()
    if not absent:
        return 0
    root = (hasattr(os, "geteuid") and os.geteuid() == 0) if root is None else root
    apt = shutil.which("apt-get") if apt is None else apt
    if not (root and apt):
        print(how_to_install(absent), file=sys.stderr)
        return 1
    packages = [n.package for n in absent]
    size = sum(n.size_mb for n in absent)
    print(f"deps: installing {' and '.join(packages)} from Debian (about {size} MB with dependencies; a few "
          "minutes) ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [apt, "install", "-y", "-q", "--no-install-recommends", *packages]
    for command in ([apt, "update", "-q"], install):
        if run(command, env=env, check=False).returncode != 0:
            print(f"deps: error: {' '.join(command)} failed; see its messages above", file=sys.stderr)
            return 1
    return 0
