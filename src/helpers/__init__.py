"""What the course notebooks import: the student runtime of ketamine-notebooks.

Subpackages, each by job (a subpackage may import only those listed before it):

- :mod:`helpers.data` — find, load and validate the tables in ``data/``; sources and citations;
- :mod:`helpers.science` — the models, in NumPy only (units, receptor, PK, build-up, statistics);
- :mod:`helpers.analysis` — tables in, tables out: where models meet data;
- :mod:`helpers.figures` — the figure style, ``show``, ``explore`` and one chart module per notebook;
- :mod:`helpers.exercises` — ``check(question_id, answer)`` and the answer key;

and :mod:`helpers.course` (the learning path and the safety note). Each subpackage exports a few names in
its ``__init__``; nothing else reaches inside its private modules.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
