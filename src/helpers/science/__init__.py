"""The course's models, in NumPy only (no pandas, matplotlib, IPython or file access).

Modules: ``units`` (molar masses, ng/mL and µM, dose by weight, time units), ``receptor`` (Mg²⁺ block and
receptor occupancy), ``regimens`` (clinical routes, doses, regimens), ``pk`` (the illustrative
two-compartment pharmacokinetic model), ``calibration`` (a maintainer's tool for the model's absorption
rate), ``buildup`` (the SSRI build-up teaching model) and ``stats`` (Wilson and Newcombe intervals,
NNT/NNH). Import a module: ``from helpers.science import pk``.
"""

__all__ = ["buildup", "calibration", "pk", "receptor", "regimens", "stats", "units"]
