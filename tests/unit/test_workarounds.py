"""helpers._workarounds: pandera without hypothesis."""

from __future__ import annotations

import subprocess
import sys


def _python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (the test process has hypothesis imported already)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_loading_tables_does_not_import_hypothesis_and_leaves_it_importable():
    out = _python(
        "import sys\n"
        "from helpers import data\n"
        "data.load('history')\n"
        "print('hypothesis' in sys.modules)\n"
        "import hypothesis.strategies\n"
        "print(hypothesis.strategies.integers().example() is not None)\n"
    )
    assert out.splitlines() == ["False", "True"]


def test_pandera_keeps_hypothesis_when_it_was_imported_first():
    out = _python(
        "import hypothesis\n"
        "from helpers import data\n"
        "data.load('history')\n"
        "import pandera.strategies.base_strategies as strategies\n"
        "print(strategies.HAS_HYPOTHESIS)\n"
    )
    assert out == "True"
