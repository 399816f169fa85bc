"""helpers.widgets.explore: controls built by ipywidgets.interact that draw nothing until a control moves
(the static figure above them already shows the starting values), then draw with the chosen values."""

from __future__ import annotations

import ipywidgets
import pytest

from helpers.figures.widgets import HINT, explore


@pytest.fixture
def calls():
    return []


def _show(calls):
    def show(dose_mg_per_kg: float = 0.5, route: str = "iv", *, table: str = "bands") -> None:
        calls.append((dose_mg_per_kg, route, table))
    return show


def test_no_figure_until_a_control_moves(calls, capsys):
    widget = explore(_show(calls), dose_mg_per_kg=(0.1, 2.0, 0.1), route=["iv", "im"],
                     table=ipywidgets.fixed("bands"))
    assert calls == []
    assert HINT in capsys.readouterr().out
    slider, menu = widget.children[:2]
    slider.value = 1.0
    assert calls == [(1.0, "iv", "bands")]
    menu.value = "im"
    assert calls[-1] == (1.0, "im", "bands")


def test_controls_start_at_the_functions_defaults(calls):
    widget = explore(_show(calls), dose_mg_per_kg=(0.1, 2.0, 0.1), route=["iv", "im"],
                     table=ipywidgets.fixed("bands"))
    slider, menu = widget.children[:2]
    assert slider.value == pytest.approx(0.5) and menu.value == "iv"
    assert slider.description == "dose_mg_per_kg"


def test_an_explicit_widget_keeps_its_value(calls):
    widget = explore(_show(calls), dose_mg_per_kg=ipywidgets.FloatSlider(value=1.5, min=0.1, max=2.0),
                     route=ipywidgets.fixed("im"), table=ipywidgets.fixed("bands"))
    assert widget.children[0].value == 1.5 and calls == []


def test_refuses_what_is_not_a_function():
    with pytest.raises(ValueError, match=r"^show:"):
        explore("show_dose_explorer", dose_mg_per_kg=(0.1, 2.0, 0.1))


def test_refuses_controls_that_are_all_fixed(calls):
    with pytest.raises(ValueError, match=r"^controls:"):
        explore(_show(calls), table=ipywidgets.fixed("bands"))
    with pytest.raises(ValueError, match=r"^controls:"):
        explore(_show(calls))


def test_refuses_a_control_for_an_unknown_argument(calls):
    with pytest.raises(ValueError, match=r"^controls: weight_kg is not an argument of show"):
        explore(_show(calls), dose_mg_per_kg=(0.1, 2.0, 0.1), weight_kg=(40, 120, 5))
