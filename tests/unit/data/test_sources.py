"""helpers.data.sources: the source registry, citations, source lines and re-check dates."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import data
from helpers.data.schemas import SCHEMAS
from tests.support.data_files import DATA, rewrite


def test_source_registry_rows_have_an_identifier():
    sources = data.load("sources")
    ident = sources[["doi", "pmid", "pmcid", "url"]].notna().any(axis=1)
    assert ident.all(), f"sources without DOI/PMID/PMCID/URL: {list(sources.loc[~ident, 'id'])}"


def test_every_registered_source_is_cited_somewhere():
    cited: set[str] = set()
    for name in set(SCHEMAS) - {"sources"}:
        cited.update(data.load(name).attrs["sources"])
    nb_text = " ".join(p.read_text(encoding="utf-8") for p in (DATA.parent / "notebooks").glob("*.ipynb")) \
        if (DATA.parent / "notebooks").is_dir() else ""
    unused = [i for i in data.load("sources")["id"] if i not in cited and f'"{i}"' not in nb_text
              and f"'{i}'" not in nb_text and f"\\\"{i}\\\"" not in nb_text]
    assert not unused, f"registered but never cited: {unused}"


def test_revised_documents_were_rechecked_within_18_months():
    """Labels and other revised documents must be re-read regularly (CONTRIBUTING: re-checking a source)."""
    due = data.sources_due_for_recheck()
    assert not due, "re-read these sources, then update checked_on and version:\n" + "\n".join(due)


def test_recheck_names_stale_unchecked_and_unversioned_rows(data_copy):
    sources = data_copy / "sources.csv"
    rows = {line.split(",", 1)[0]: line for line in sources.read_text(encoding="utf-8").splitlines()}
    label = rows["spravato_pi"]
    checked = next(d for d in data.load("sources").query("id == 'spravato_pi'")["checked_on"])
    rewrite(sources, label, label.replace(f",{checked},", ",2020-01-31,", 1))
    due = data.sources_due_for_recheck(dt.date(2026, 12, 1))
    assert any(line.startswith("spravato_pi: last checked 2020-01-31") for line in due), due
    assert data.sources_due_for_recheck(dt.date(2021, 7, 31), max_age_months=18) == [] or all(
        not line.startswith("spravato_pi") for line in data.sources_due_for_recheck(dt.date(2021, 7, 31)))
    assert any(line.startswith("spravato_pi") for line in data.sources_due_for_recheck(dt.date(2021, 8, 1)))
    rewrite(sources, ",2020-01-31,", ",,")
    assert any(line == "spravato_pi: never checked (checked_on is empty)"
               for line in data.sources_due_for_recheck(dt.date(2026, 12, 1)))


@pytest.mark.parametrize("bad", [0, -3, 1.5, True])
def test_recheck_refuses_a_bad_age(bad):
    with pytest.raises(ValueError, match="max_age_months"):
        data.sources_due_for_recheck(max_age_months=bad)


def test_checked_on_must_be_a_real_date(data_copy):
    sources = data_copy / "sources.csv"
    checked = next(d for d in data.load("sources").query("id == 'spravato_pi'")["checked_on"])
    rewrite(sources, f",{checked},", ",2026-13-01,")
    with pytest.raises(data.DataFileError) as err:
        data.load("sources")
    assert err.value.column == "checked_on"


def test_source_line_and_citations():
    line = data.source_line(["berman2000"])
    assert line.startswith("Source: Berman RM et al. (2000)")
    assert "doi:10.1016/S0006-3223(99)00230-9" in line
    assert data.source_line("berman2000; fda2019").count(";") == 1
    full = data.sources(["berman2000"])[0]
    assert "Antidepressant effects of ketamine in depressed patients" in full
    assert data.references(["berman2000", "fda2019"]).startswith("1. Berman RM")


def test_source_ids_split_a_cell_and_keep_a_list():
    assert data.source_ids("berman2000; fda2019") == ["berman2000", "fda2019"]
    assert data.source_ids(("fda2019", "berman2000")) == ["fda2019", "berman2000"]


@pytest.mark.parametrize("bad", ["", "nosuchsource", ["berman2000", "nosuchsource"], []])
def test_unknown_or_empty_source_ids_are_refused(bad):
    with pytest.raises(ValueError, match=r"^ids:"):
        data.source_ids(bad)
    with pytest.raises(ValueError, match=r"^ids:"):
        data.source_line(bad)




# --- citations as links: one formatting function (source_links) behind every reference list ---------------
def test_source_links_point_to_doi_pubmed_and_pubmed_central():
    assert data.source_links("gao2016") == [
        ("doi:10.1038/aps.2016.5", "https://doi.org/10.1038/aps.2016.5"),
        ("PMC4933765", "https://pmc.ncbi.nlm.nih.gov/articles/PMC4933765/"),
    ]
    assert data.source_links("ebert1997") == [("PMID 9311667", "https://pubmed.ncbi.nlm.nih.gov/9311667/")]
    [(text, address)] = data.source_links("domino2010")  # no identifier: the registered address
    assert text == address and address.startswith("https://asa2.silverchair.com/")


def test_every_source_has_a_web_address():
    for source_id in data.load("sources")["id"]:
        links = data.source_links(source_id)
        assert links and all(address.startswith("https://") for _, address in links), source_id


def test_source_links_refuse_an_unknown_id():
    with pytest.raises(ValueError, match="ids: unknown source id 'nobody1900'"):
        data.source_links("nobody1900")


def test_reference_lists_link_every_identifier():
    text = data.references(["gao2016", "ebert1997"])
    assert text.splitlines() == [
        "1. Gao M, Rejaei D, Liu H (2016). Ketamine use in current clinical practice. Acta Pharmacologica "
        "Sinica. [doi:10.1038/aps.2016.5](https://doi.org/10.1038/aps.2016.5); "
        "[PMC4933765](https://pmc.ncbi.nlm.nih.gov/articles/PMC4933765/).",
        "2. Ebert B, et al. (1997). Norketamine, the main metabolite of ketamine, is a non-competitive NMDA "
        "receptor antagonist in the rat cortex and spinal cord. European Journal of Pharmacology. "
        "[PMID 9311667](https://pubmed.ncbi.nlm.nih.gov/9311667/).",
    ]
    plain = data.references(["gao2016"], link=False)
    assert "](" not in plain and plain.endswith("doi:10.1038/aps.2016.5; PMC4933765.")


def test_source_line_links_one_identifier_per_source():
    assert data.source_line(["gao2016", "domino2010"]) == \
        "Source: Gao M et al. (2016) doi:10.1038/aps.2016.5; Domino EF (2010) asa2.silverchair.com"
    linked = data.source_line(["gao2016", "domino2010"], link=True)
    assert linked.startswith("Source: Gao M et al. (2016) [doi:10.1038/aps.2016.5](https://doi.org/10.1038/")
    assert "Domino EF (2010) [asa2.silverchair.com](https://asa2.silverchair.com/anesthesiology/" in linked


def test_markdown_links_escape_brackets_and_parentheses():
    from helpers.data.sources import _markdown_link

    assert _markdown_link("[11C] raclopride", "https://x.org/a(b) c") == \
        r"[\[11C\] raclopride](https://x.org/a%28b%29%20c)"
