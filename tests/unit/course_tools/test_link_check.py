"""course_tools.link_check: missing files and anchors in a small fixture site."""

from __future__ import annotations

from pathlib import Path

import pytest

from course_tools.link_check import broken_links


def test_broken_links_finds_missing_files_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<h1 id="top">A</h1><a href="b.html#here">b</a><a href="#top">up</a>'
                                     '<a href="https://doi.org/x">out</a><img src="_images/x.png" alt="x">'
                                     '<a href="b.html#gone">b</a><a href="c.html">c</a>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="here">b</p>', encoding="utf-8")
    assert broken_links(tmp_path) == ["a.html: _images/x.png (no such file)",
                                      "a.html: b.html#gone (no such anchor)",
                                      "a.html: c.html (no such file)"]
    with pytest.raises(ValueError, match="site: "):
        broken_links(tmp_path / "missing")
