"""Tables in, tables out: where the models of :mod:`helpers.science` meet the data of :mod:`helpers.data`.

Modules: ``pk_parameters`` (the PK model's parameters from the data, exposure tables), ``onset`` (response
rates with intervals, NNT), ``adverse`` (risk differences against placebo), ``bands`` (where a concentration
sits among the effect bands) and ``claims`` (fact-checking tables). Import a module:
``from helpers.analysis import claims``.
"""

__all__ = ["adverse", "bands", "claims", "onset", "pk_parameters"]
