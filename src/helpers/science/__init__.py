"""The course's models, in NumPy only (no pandas, matplotlib, IPython or file access).

Modules: ``units`` (molar masses, ng/mL and µM, dose by weight, time units), ``receptor`` (Mg²⁺ block and
receptor occupancy), ``pk`` (the illustrative two-compartment pharmacokinetic model), ``buildup`` (the SSRI
build-up teaching model) and ``stats`` (Wilson and Newcombe intervals, NNT/NNH). Import a module:
``from helpers.science import pk``.
"""

__all__ = ["buildup", "pk", "receptor", "stats", "units"]
