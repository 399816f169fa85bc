"""Tables in, tables out: where the models of :mod:`helpers.science` meet the data of :mod:`helpers.data`.

Modules: ``pk_parameters`` (the PK model's parameters from the data, exposure tables), ``onset`` (response
rates with intervals, NNT), ``adverse`` (risk differences against placebo), ``bands`` (where a concentration
sits among the effect bands), ``claims`` (fact-checking tables) and ``comparisons`` (ketamine against other
treatments: head-to-head differences, the evidence map, dissociation by arm). Import a module:
``from helpers.analysis import claims``.
"""

__all__ = ["adverse", "bands", "claims", "comparisons", "onset", "pk_parameters"]
