"""The functions behind the notebooks' sliders and menus: each draws with a tested plot function and
displays the figure with its source line and a description that follows the chosen values."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from helpers import data
from helpers.figures import dose_concentration_effect as pk_plots
from helpers.figures import glutamate_nmda as receptor_plots
from helpers.figures import side_effects as adverse
from helpers.figures import therapy_vs_recreational as synthesis


@pytest.fixture
def published(monkeypatch):
    """Capture what helpers.style.show displays: (figure, description, metadata) per call."""
    shown: list = []
    monkeypatch.setattr("IPython.display.display",
                        lambda obj, raw=False, metadata=None: shown.append((obj, metadata)))
    return shown


def _description(published) -> tuple[str, list[str]]:
    (rendered, _), (description, meta) = published[-2:]
    fig = rendered.figure
    assert not plt.fignum_exists(fig.number), "the figure is closed after display"
    assert any(t.get_gid() == "source-line" for t in fig.texts)
    return description["text/plain"], meta["course_figure"]["sources"]


def test_mg_block_description_follows_the_sliders(published):
    receptor_plots.show_mg_block(-70.0, 1.0)
    text, ids = _description(published)
    assert "at 1 mM" in text and "-70 mV showing 4% unblocked" in text and ids == ["jahr1990"]
    receptor_plots.show_mg_block(0.0, 1.0)
    assert "0 mV showing 78% unblocked" in _description(published)[0]


def test_mg_block_refuses_bad_values():
    with pytest.raises(ValueError, match="mg"):
        receptor_plots.show_mg_block(-70.0, -1.0)


def test_dose_explorer_describes_the_regimen(published):
    bands = data.load("concentration_bands")
    pk_plots.show_dose_explorer("ketamine_iv_1", 80, bands=bands)
    text, ids = _description(published)
    assert "ketamine 1 mg/kg IV over 40 min in a 80 kg adult, drawn with the 0.5 mg/kg" in text
    assert set(ids) <= set(data.load("sources")["id"]) and {"kamp2020", "fava2018"} <= set(ids)
    with pytest.raises(ValueError, match="regimen"):
        pk_plots.show_dose_explorer("sublingual", 70, bands=bands)


def test_trial_events_cite_the_chosen_trial(published):
    trials = data.load("adverse_events_trials")
    for trial in adverse.trial_names(trials):
        adverse.show_trial_events(trials, trial, 10.0)
        text, ids = _description(published)
        assert trial in text
        assert ids == list(dict.fromkeys(trials.loc[trials["trial"] == trial, "source_id"]))
    adverse.show_trial_events(trials, alt="A description written for the default figure only.")
    assert _description(published)[0].endswith("written for the default figure only.")
    with pytest.raises(ValueError, match="trial"):
        adverse.show_trial_events(trials, "NO-SUCH-TRIAL", 10.0)


def test_body_system_chart_names_the_system(published):
    label = data.load("adverse_events_label")
    for system in synthesis.body_systems(label)[:3]:
        synthesis.show_body_system(label, system)
        text, ids = _description(published)
        assert system.replace("_", " ") in text and ids == label.attrs["sources"]
    with pytest.raises(ValueError):
        synthesis.show_body_system(label, "no_such_system")
