"""Dosing of the illustrative PK model: the clinical routes, doses, regimens and the course's regimens.

Only the two clinical routes exist: intravenous racemic ketamine and the esketamine nasal spray. Routes
used outside medicine are deliberately not modelled (the course compares their bioavailability only as a
static, sourced table).
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers._validate import real
from helpers.science.units import dose_mg

__all__ = ["ABSORBED_ROUTES", "DRUGS", "REGIMENS", "ROUTES", "AbsorptionRoute", "Dose", "Regimen"]


#: The model's routes: intravenous racemic ketamine and the esketamine nasal spray, the two clinical routes.
#: Routes used outside medicine are deliberately not modelled (the course compares their bioavailability
#: only as a static, sourced table).
ROUTES: tuple[str, ...] = ("iv", "esketamine_nasal")


ABSORBED_ROUTES: tuple[str, ...] = ROUTES[1:]


DRUGS: tuple[str, ...] = ("racemic", "esketamine")


@dataclass(frozen=True)
class AbsorptionRoute:
    """A non-intravenous route: bioavailable fraction and first-order absorption rate.

    Parameters
    ----------
    bioavailability
        Fraction of the dose that reaches the circulation, 0 < F <= 1.
    ka_per_h
        First-order absorption rate constant [1/h].
    """

    bioavailability: float
    ka_per_h: float

    def __post_init__(self) -> None:
        real("bioavailability", self.bioavailability, min_value=0.0, max_value=1.0, strict_min=True)
        real("ka_per_h", self.ka_per_h, min_value=0.0, max_value=1000.0, strict_min=True)


@dataclass(frozen=True)
class Dose:
    """One administration.

    Parameters
    ----------
    amount
        Dose, in ``unit``.
    unit
        ``"mg"`` (fixed dose) or ``"mg/kg"`` (by body weight).
    route
        One of :data:`ROUTES`: ``"iv"`` or an absorbed route.
    start_min
        Start time [min] after the first dose.
    duration_min
        Intravenous infusion duration [min], at least 1; 0 means a bolus (given over one minute). Must
        be 0 for absorbed routes.
    """

    amount: float
    unit: str = "mg/kg"
    route: str = "iv"
    start_min: float = 0.0
    duration_min: float = 0.0

    def __post_init__(self) -> None:
        real("amount", self.amount, min_value=0.0, max_value=10_000.0)
        if self.unit not in ("mg", "mg/kg"):
            raise ValueError(f"unit: must be 'mg' or 'mg/kg', got {self.unit!r}")
        if self.route not in ROUTES:
            raise ValueError(f"route: must be one of {ROUTES}, got {self.route!r}")
        real("start_min", self.start_min, min_value=0.0, max_value=100_000.0)
        real("duration_min", self.duration_min, min_value=0.0, max_value=10_000.0)
        if 0.0 < self.duration_min < 1.0:
            raise ValueError(
                f"duration_min: an infusion lasts at least 1 min (0 = bolus), got {self.duration_min!r}")
        if self.route != "iv" and self.duration_min != 0.0:
            raise ValueError(f"duration_min: only intravenous doses have a duration (route {self.route!r})")

    def mg(self, weight_kg: float) -> float:
        """The dose in mg for a body weight [kg]."""
        return dose_mg(self.amount, weight_kg) if self.unit == "mg/kg" else float(self.amount)


@dataclass(frozen=True)
class Regimen:
    """A named sequence of doses of one drug (``"racemic"`` ketamine or ``"esketamine"``)."""

    label: str
    drug: str
    doses: tuple[Dose, ...]
    description: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.label, str) or not self.label.strip():
            raise ValueError("label: give a short name")
        if self.drug not in DRUGS:
            raise ValueError(f"drug: must be one of {DRUGS}, got {self.drug!r}")
        if not self.doses or not all(isinstance(d, Dose) for d in self.doses):
            raise ValueError("doses: give at least one Dose")


#: The four regimens of notebook 02 (doses from the labels and the antidepressant protocol; see the
#: notebook for sources). Esketamine 56 mg = two 28-mg devices and 84 mg = three, 5 min apart.
REGIMENS: dict[str, Regimen] = {
    "antidepressant_infusion": Regimen(
        "Ketamine 0.5 mg/kg IV over 40 min", "racemic",
        (Dose(0.5, "mg/kg", "iv", 0.0, 40.0),),
        "The antidepressant protocol of the ketamine trials."),
    "anaesthetic_induction": Regimen(
        "Ketamine 2 mg/kg IV bolus", "racemic",
        (Dose(2.0, "mg/kg", "iv", 0.0, 0.0),),
        "An average anaesthetic induction dose (label range 1-4.5 mg/kg), given over 60 s."),
    "esketamine_56": Regimen(
        "Esketamine 56 mg nasal", "esketamine",
        (Dose(28.0, "mg", "esketamine_nasal", 0.0), Dose(28.0, "mg", "esketamine_nasal", 5.0)),
        "Two 28-mg devices, 5 min apart."),
    "esketamine_84": Regimen(
        "Esketamine 84 mg nasal", "esketamine",
        (Dose(28.0, "mg", "esketamine_nasal", 0.0), Dose(28.0, "mg", "esketamine_nasal", 5.0),
         Dose(28.0, "mg", "esketamine_nasal", 10.0)),
        "Three 28-mg devices, 5 min apart."),
}
