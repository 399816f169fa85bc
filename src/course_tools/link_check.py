"""Link check of a built website: every internal link and asset, and every anchor, must exist."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["broken_links"]


# --- link check --------------------------------------------------------------------------------------------
class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if found.get(key):
                self.ids.add(str(found[key]))
        for key in ("href", "src"):
            if found.get(key) and not (tag == "link" and found.get("rel") in ("preconnect", "dns-prefetch")):
                self.links.append(str(found[key]))


def broken_links(site: str | Path) -> list[str]:
    """Every internal link or asset of the HTML pages in ``site`` whose file or anchor does not exist:
    ``"page.html: target (why)"``. Links with a scheme (``https:``, ``mailto:``, ``data:``) are not followed.

    Raises
    ------
    ValueError
        ``site`` is not a folder.
    """
    site = Path(site)
    if not site.is_dir():
        raise ValueError(f"site: {site} is not a folder")
    parsed: dict[Path, _Links] = {}

    def read(page: Path) -> _Links:
        if page not in parsed:
            parser = _Links()
            parser.feed(page.read_text(encoding="utf-8", errors="replace"))
            parsed[page] = parser
        return parsed[page]

    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] in ("downloads", "_static"):  # decks and theme templates
            continue
        for link in read(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
            name = f"{page.relative_to(site).as_posix()}: {link}"
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{name} (no such file)")
            elif parts.fragment and target.suffix == ".html" \
                    and unquote(parts.fragment) not in read(target).ids:
                broken.append(f"{name} (no such anchor)")
    return broken
