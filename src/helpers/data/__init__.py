"""The course's data layer: validated tables from ``data/`` with their sources attached.

>>> from helpers import data
>>> history = data.load("history")          # doctest: +SKIP
>>> history.attrs["sources"]                # doctest: +SKIP
['gao2016', ...]
>>> print(data.source_line(["daly2018"]))   # doctest: +SKIP
Source: Daly EJ et al. (2018) doi:10.1001/jamapsychiatry.2017.3739

Modules: ``paths`` (where data and notebooks are), ``vocab`` (controlled vocabularies), ``schemas`` (the
pandera schema of every table), ``files`` (reading and validation, cached per
file version), ``load`` (:func:`load`) and ``sources`` (the source registry and
citations). Code outside this package uses the names below, and ``vocab``/``schemas`` for vocabularies.
"""

from helpers.data.files import DataFileError, split_ids, tables
from helpers.data.load import load
from helpers.data.sources import (
    citation,
    references,
    source_ids,
    source_line,
    source_links,
    sources,
    sources_due_for_recheck,
)

__all__ = [
    "DataFileError",
    "citation",
    "load",
    "references",
    "source_ids",
    "source_line",
    "source_links",
    "sources",
    "sources_due_for_recheck",
    "split_ids",
    "tables",
]
