# Sphinx settings of the course website, copied into the staging folder by `make site`
# (src/course_tools/site.py writes the paths and names below into site.json next to this file).
import json
from pathlib import Path

_site = json.loads((Path(__file__).parent / "site.json").read_text(encoding="utf-8"))

project = _site["title"]
author = "ketamine-notebooks contributors"
copyright = "ketamine-notebooks contributors; text and figures CC BY 4.0, code MIT"
language = "en"

extensions = ["myst_nb", "course_tools.site"]
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints", "_extra"]

# Notebooks are shown with their committed outputs; nothing is executed.
nb_execution_mode = "off"
nb_merge_streams = True
# Code cells print Markdown tables and reference lists: render that output with MyST (tables, links), not
# myst-nb's default plain CommonMark, which has no tables.
nb_render_markdown_format = "myst"
myst_enable_extensions = ["dollarmath", "colon_fence"]
myst_heading_anchors = 4

html_theme = "sphinx_book_theme"
html_title = _site["title"]
html_static_path = ["_static", _site["mathjax_dir"]]  # the second holds mathjax/ (npm, offline)
html_extra_path = ["_extra"]                           # downloads: decks, handouts, student notebooks
html_css_files = ["course-site.css"]
mathjax_path = "mathjax/es5/tex-mml-chtml.js"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": _site["repository_url"],
    "use_repository_button": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
# Light or dark as the reader's system prefers (unset, the theme logs an error in the console).
html_context = {"default_mode": "auto"}
