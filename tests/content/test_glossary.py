"""The course glossary (data/glossary.csv): enough terms, the ones every lesson needs, each taught in a
notebook that exists and links it to the glossary in notebook 00."""

from __future__ import annotations

import json
import re

import pytest

from helpers import data
from tests.support import NOTEBOOKS

GLOSSARY_LINK = "00_course_map.ipynb#Glossary"
REQUIRED = ("NMDA receptor", "antagonist", "occupancy", "Ki", "bioavailability", "Cmax", "dissociation",
            "number needed to treat", "number needed to harm", "risk difference", "confidence interval",
            "remission", "response", "REMS", "Schedule III")


@pytest.fixture(scope="module")
def glossary():
    return data.load("glossary")


def test_glossary_has_the_terms_students_need(glossary):
    assert len(glossary) >= 40
    missing = set(REQUIRED) - set(glossary["term"])
    assert not missing, f"glossary lacks {sorted(missing)}"
    assert not glossary["term"].str.lower().duplicated().any(), "one row per term, whatever the case"


def test_every_term_is_introduced_in_a_notebook_that_exists(glossary):
    stems = {p.stem for p in NOTEBOOKS}
    unknown = sorted(set(glossary["introduced_in"]) - stems)
    assert not unknown, f"introduced_in names notebooks that do not exist: {unknown}"


def linked_terms(markdown: str) -> set[str]:
    """Link texts of the markdown links to the glossary, lower case."""
    return {m.group(1).lower() for m in re.finditer(r"\[([^\]]+)\]\(" + re.escape(GLOSSARY_LINK) + r"\)",
                                                    markdown)}


def test_linked_terms_reads_only_glossary_links():
    text = f"An [NMDA receptor]({GLOSSARY_LINK}) and a [Ki](https://example.org) and [occupancy](#Glossary)"
    assert linked_terms(text) == {"nmda receptor"}


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if not p.name.startswith("00")], ids=lambda p: p.stem)
def test_each_notebook_links_the_terms_it_introduces(path, glossary):
    nb = json.loads(path.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    links = linked_terms(markdown)
    terms = glossary.loc[glossary["introduced_in"] == path.stem, "term"]
    unlinked = [t for t in terms if not any(t.lower() in link for link in links)]
    assert not unlinked, f"link these terms to the glossary ([term]({GLOSSARY_LINK})): {unlinked}"
