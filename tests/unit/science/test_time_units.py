"""helpers.science.units.hours and the time axis of notebook 03."""

from __future__ import annotations

import math

import matplotlib
import pytest

from helpers.figures import onset_timing
from helpers.science import units

matplotlib.use("Agg")

BAD_NUMBERS = [-1.0, math.nan, math.inf, "3", None]


# --- hours ------------------------------------------------------------------------------------------
def test_hours_converts_by_hand_values():
    assert units.hours(2, "week") == 336.0
    assert units.hours(90, "min") == pytest.approx(1.5)
    assert units.hours(3, "day") == 72.0
    assert list(units.hours([1, 2], "h")) == [1.0, 2.0]


@pytest.mark.parametrize("unit", ["hours", "d", "", None, "Week"])
def test_hours_rejects_unknown_units(unit):
    with pytest.raises(ValueError, match="unit"):
        units.hours(1, unit)


@pytest.mark.parametrize("value", [-1.0, math.nan, math.inf, [1, -2], "x"])
def test_hours_rejects_bad_values(value):
    with pytest.raises(ValueError, match="value"):
        units.hours(value, "h")


def test_time_ticks_span_one_hour_to_twelve_weeks():
    ticks = [h for h, _ in onset_timing.TIME_TICKS_H]
    assert ticks[0] == 1.0 and ticks[-1] == units.hours(12, "week")
    assert ticks == sorted(ticks)
