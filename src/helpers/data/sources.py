"""The source registry ``data/sources.csv``: source ids, citations, source lines and reference lists.

It also names the revised documents (drug labels and the like) whose cited version is due to be re-read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from helpers.data.files import registry, split_ids

__all__ = [
    "REVISED_KINDS",
    "citation",
    "references",
    "source_ids",
    "source_line",
    "source_links",
    "sources",
    "sources_due_for_recheck",
]

def source_ids(ids: str | Iterable[str]) -> list[str]:
    """Source ids as a list (``"a; b"`` is split), each checked against ``sources.csv``.

    Raises
    ------
    ValueError
        No id, or an id that is not registered.
    """
    if isinstance(ids, str):
        ids = split_ids(ids)
    ids = list(ids)
    if not ids:
        raise ValueError("ids: give at least one source id")
    rows = registry()
    for source_id in ids:
        if source_id not in rows:
            raise ValueError(f"ids: unknown source id {source_id!r} (not in sources.csv)")
    return ids


#: Where an identifier of a source is read on the web: DOI resolver, PubMed, PubMed Central.
DOI_URL = "https://doi.org/{}"
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{}/"
PMC_URL = "https://pmc.ncbi.nlm.nih.gov/articles/{}/"


def source_links(source_id: str) -> list[tuple[str, str]]:
    """The identifiers of one source as ``(text, address)`` pairs: the one place a citation's links are made.

    A DOI gives ``("doi:10.x/y", "https://doi.org/10.x/y")``, a PMID ``("PMID 123",
    "https://pubmed.ncbi.nlm.nih.gov/123/")``, a PMCID ``("PMC123",
    "https://pmc.ncbi.nlm.nih.gov/articles/PMC123/")``; a source with none of these gives its ``url``
    (text and address alike).

    Raises
    ------
    ValueError
        ``source_id`` is not registered in ``sources.csv``.
    """
    (source_id,) = source_ids([source_id])
    row = registry()[source_id]
    links = []
    if row["doi"] is not None:
        links.append((f"doi:{row['doi']}", DOI_URL.format(row["doi"])))
    if row["pmid"] is not None:
        links.append((f"PMID {row['pmid']}", PUBMED_URL.format(row["pmid"])))
    if row["pmcid"] is not None:
        links.append((str(row["pmcid"]), PMC_URL.format(row["pmcid"])))
    if not links and row["url"] is not None:
        links.append((str(row["url"]), str(row["url"])))
    return links


def _markdown_link(text: str, address: str) -> str:
    """A Markdown link; brackets in the text and parentheses in the address are escaped."""
    text = text.replace("[", r"\[").replace("]", r"\]")
    address = address.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{text}]({address})"


def citation(source_id: str, *, short: bool = False, link: bool = False) -> str:
    """Format one source as a citation.

    Parameters
    ----------
    source_id
        An id from ``sources.csv``.
    short
        ``True`` gives "First author et al. (year)"; ``False`` adds title, journal and identifier.
    link
        Write the identifiers (DOI, PMID, PMCID, else the address) as Markdown links to where they are
        read (:func:`source_links`); ``False`` gives plain text.
    """
    (source_id,) = source_ids([source_id])
    row = registry()[source_id]
    if row["authors"] is None:  # authors not known: name the journal instead
        authors = lead = str(row["journal"])
    else:
        authors = str(row["authors"])
        first = authors.split(",")[0].strip().removesuffix(" et al.")
        lead = f"{first} et al." if "," in authors or "et al." in authors else first
    if short:
        return f"{lead} ({row['year']})"
    parts = [f"{authors} ({row['year']}). {row['title']}."]
    if row["journal"] is not None:
        parts.append(f"{row['journal']}.")
    ident = [_markdown_link(text, address) if link else text for text, address in source_links(source_id)]
    if ident:
        parts.append("; ".join(ident) + ".")
    return " ".join(parts)


def sources(ids: str | Iterable[str], *, link: bool = False) -> list[str]:
    """Formatted full citations for ``ids`` (a list, or a ``source_id`` cell such as ``"a; b"``); ``link``
    as in :func:`citation`."""
    return [citation(i, link=link) for i in source_ids(ids)] if ids else []


def source_line(ids: str | Iterable[str], *, link: bool = False) -> str:
    """The one-line "Source: ..." text shown under a chart: short citation and first identifier per source.

    ``link=True`` writes each identifier as a Markdown link (:func:`source_links`), for the web pages;
    the plain line is what the figures print into their image.
    """
    ids = source_ids(ids)
    pieces = []
    for source_id in ids:
        found = source_links(source_id)
        order = {"doi:": 0, "PMC": 1, "PMID": 2}  # the line names one identifier: DOI, else PMCID, else PMID
        text, address = min(found, key=lambda pair: next(
            (rank for prefix, rank in order.items() if pair[0].startswith(prefix)), 3)) if found else ("", "")
        if text.startswith(("http://", "https://")):  # the full address is in the references
            text = urlsplit(text).netloc.removeprefix("www.")
        ident = _markdown_link(text, address) if link and text else text
        pieces.append(f"{citation(source_id, short=True)} {ident}".strip())
    return "Source: " + "; ".join(pieces)


def references(ids: Iterable[str], *, link: bool = True) -> str:
    """A numbered Markdown reference list for the end of a notebook; each DOI, PMID and PMCID (or, without
    one, the address) is a link (``link=False``: plain text)."""
    return "\n".join(f"{n}. {text}" for n, text in enumerate(sources(list(ids), link=link), start=1))


#: Kinds of source that are revised after publication, so the version cited must be re-read regularly.
REVISED_KINDS: tuple[str, ...] = ("label",)


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(day.day, last))


def sources_due_for_recheck(today: dt.date | None = None, *, max_age_months: int = 18) -> list[str]:
    """The revised documents in ``sources.csv`` whose cited version has not been re-read recently.

    A row counts as a revised document when its ``kind`` is in :data:`REVISED_KINDS` (drug labels) or it
    has a ``version`` (guidelines, REMS pages, summaries of product characteristics). Such a row needs a
    ``version`` (the revision date the document shows) and a ``checked_on`` date no older than
    ``max_age_months``.

    Parameters
    ----------
    today
        The reference date (default: today).
    max_age_months
        How old a ``checked_on`` date may be, in months (>= 1).

    Returns
    -------
    list of str
        One line per row that is due, naming the id and the reason; empty when every row is current.
    """
    if isinstance(max_age_months, bool) or not isinstance(max_age_months, int) or max_age_months < 1:
        raise ValueError(f"max_age_months: must be a whole number of months >= 1, got {max_age_months!r}")
    if today is None:
        today = dt.date.today()
    elif not isinstance(today, dt.date):
        raise ValueError(f"today: expected a datetime.date, got {type(today).__name__}")
    due = []
    for source_id, row in registry().items():
        version, checked_on = row.get("version"), row.get("checked_on")  # optional columns
        if row["kind"] not in REVISED_KINDS and version is None:
            continue
        if version is None:
            due.append(f"{source_id}: no version (the revision date shown in the document)")
        if checked_on is None:
            due.append(f"{source_id}: never checked (checked_on is empty)")
            continue
        checked = dt.date.fromisoformat(str(checked_on))
        if _add_months(checked, max_age_months) < today:
            due.append(f"{source_id}: last checked {checked.isoformat()}, more than {max_age_months} "
                       "months ago")
    return due
