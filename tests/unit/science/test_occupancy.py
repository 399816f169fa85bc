"""helpers.science.receptor.occupancy_competing: a racemate's enantiomers at one site."""

from __future__ import annotations

import math

import pytest

from helpers.science import pk
from helpers.science.pk import (
    AbsorptionRoute,
    PKParameters,
)
from helpers.science.receptor import occupancy, occupancy_competing

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "1", None, True]
PARAMS = PKParameters(cl_l_per_h_per_kg=1.0, v1_l_per_kg=1.0, q_l_per_h_per_kg=2.0, v2_l_per_kg=2.0)
ROUTES = {r: AbsorptionRoute(0.5, 2.0) for r in pk.ABSORBED_ROUTES}


# --- competing ligands (a racemate's two enantiomers at one site) -----------------------------------
def test_competing_occupancy_reduces_to_single_site_for_one_ligand():
    assert occupancy_competing([0.778], [0.3])[0] == pytest.approx(occupancy(0.778, 0.3))


def test_competing_enantiomers_share_the_site():
    """Half of 0.778 µM racemic ketamine is (S)-ketamine: it occupies less than it would alone, and both
    enantiomers together occupy more than (S) alone at its share but less than the whole dose as (S)."""
    each_um = 0.778 / 2
    s_share, r_share = occupancy_competing([each_um, each_um], [0.3, 1.4])
    assert s_share < occupancy(each_um, 0.3) < s_share + r_share < occupancy(0.778, 0.3)
    assert s_share == pytest.approx(0.504, abs=0.001) and s_share + r_share == pytest.approx(0.612, abs=0.001)


@pytest.mark.parametrize(("conc", "ki", "name"), [([0.1, 0.2], [0.3], "ki_um"), ([], [], "ki_um"),
                                                  ([0.1], [0.0], "ki_um"), ([-1.0], [0.3], "conc_um")])
def test_competing_occupancy_refuses_bad_input(conc, ki, name):
    with pytest.raises(ValueError, match=name):
        occupancy_competing(conc, ki)
