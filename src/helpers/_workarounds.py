"""Workarounds for upstream behaviour, each with its issue and the condition for removing it.

Nothing else in the package patches a library. Each workaround is a function called once, where it is
needed, and says how to check whether it is still worth its keep.
"""

from __future__ import annotations

import importlib
import sys

__all__ = ["import_pandera_strategies_without_hypothesis"]


def import_pandera_strategies_without_hypothesis() -> None:
    """Import pandera's data-synthesis module with ``hypothesis`` hidden from it.

    Registering pandera's built-in checks imports ``pandera.strategies``, which imports the whole of
    ``hypothesis`` whenever it is installed (as it is next to the test tools), only to offer
    ``schema.example()``. The course never synthesises data, and that import costs every notebook
    kernel about 0.05 s and 4 MB. ``None`` in :data:`sys.modules` makes that one import fail (pandera
    then records that hypothesis is unavailable); the entry is removed at once, so ``import hypothesis``
    works as usual afterwards. Nothing changes when hypothesis or pandera's strategies were imported
    first (as in the test suite).

    Upstream: unionai-oss/pandera#1644 (pandera imports hypothesis eagerly). Remove this when either
    ``python -X importtime -c "import pandera.pandas as pa; pa.Check.ge(0)"`` no longer lists
    ``hypothesis`` with hypothesis installed, or the environment notebooks run in no longer contains the
    test tools (hypothesis included); the tests in ``test_data.py`` about hypothesis then go too.
    """
    if "hypothesis" in sys.modules or "pandera.strategies.base_strategies" in sys.modules:
        return
    sys.modules["hypothesis"] = None  # type: ignore[assignment]  # an import of it now raises ImportError
    try:
        importlib.import_module("pandera.strategies.base_strategies")
    finally:
        del sys.modules["hypothesis"]
