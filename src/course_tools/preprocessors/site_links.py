"""Website: links between notebooks become links between pages; glossary links go to the glossary page."""

from __future__ import annotations

import re

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import List, Unicode

__all__ = ["SiteLinks", "heading_slug"]

_GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\((?P<nb>[0-9][0-9]_\w+)\.ipynb#Glossary\)")
# A local link with an anchor: [text](#Key-takeaways) or [text](01_x.ipynb#Step-1-—-Why) (no scheme).
_ANCHOR_LINK = re.compile(r"\]\((?P<target>[^()\s#:]*)#(?P<anchor>[^()\s]+)(?P<rest>(?:\s[^()]*)?)\)")



def heading_slug(anchor: str) -> str:
    """The page anchor of a heading, from JupyterLab's anchor for it: JupyterLab keeps the heading's case
    and punctuation (``Ethics:-consent,-supervision``); the website's anchors are lower case without
    punctuation (``ethics-consent-supervision``), as GitHub makes them."""
    return re.sub(r"[^\w\-]", "", anchor.replace(" ", "-").casefold())


class SiteLinks(Preprocessor):
    """In markdown cells: a link to the glossary of notebook 00 (``[text](00_course_map.ipynb#Glossary)``)
    becomes the glossary role of the term its text names (``{term}`NMDA receptors <NMDA receptor>```),
    or a link to the glossary page when the text names no term of :attr:`terms`; a link to the
    :attr:`home` notebook becomes a link to the home page (``index``); a heading anchor written the way
    JupyterLab writes it becomes the website's (:func:`heading_slug`)."""

    terms = List(Unicode(), help="The glossary's terms.").tag(config=True)
    home = Unicode("00_course_map", help="The notebook that is the site's home page.").tag(config=True)
    glossary_page = Unicode("glossary.md", help="The glossary page.").tag(config=True)

    def term_for(self, text: str) -> str | None:
        """The longest glossary term that ``text`` contains (case-insensitive), else ``None``."""
        folded = text.casefold()
        found = [t for t in self.terms if re.search(rf"(?<!\w){re.escape(t.casefold())}", folded)]
        return max(found, key=len) if found else None

    def _glossary(self, match: re.Match) -> str:
        text = match.group(1)
        term = self.term_for(text)
        if term is None:
            return f"[{text}]({self.glossary_page})"
        return f"{{term}}`{text} <{term}>`"

    def rewrite(self, markdown: str) -> str:
        """The links of one piece of Markdown, rewritten for the website (see the class)."""
        source = _GLOSSARY_LINK.sub(self._glossary, markdown)
        source = _ANCHOR_LINK.sub(lambda m: f"]({m['target']}#{heading_slug(m['anchor'])}{m['rest']})",
                                  source)
        return re.sub(rf"\]\({re.escape(self.home)}\.ipynb(?=[)#\s])", "](index.ipynb", source)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        """Rewrite the links of a markdown ``cell`` and of the Markdown a code cell printed (the website
        renders both with MyST, so both link to notebooks the same way)."""
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                data["text/markdown"] = self.rewrite(data["text/markdown"])
        if cell.cell_type == "markdown":
            cell.source = self.rewrite(cell.source)
        return cell, resources
