"""helpers.figures.therapy_vs_recreational: body systems and their chart."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import strategies as st

from helpers import data
from helpers.analysis.adverse import body_systems
from helpers.figures.therapy_vs_recreational import plot_body_system

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "185", None, True]
conc = st.floats(min_value=0.0, max_value=1e5, allow_nan=False, allow_infinity=False)


# --- body systems --------------------------------------------------------------------------------
AE = pd.DataFrame(
    {
        "event": ["Dissociation", "Euphoric mood", "Insomnia", "Nausea"],
        "body_system": ["psychiatric", "psychiatric", "psychiatric", "gastrointestinal"],
        "events_esketamine": [142, 15, 29, 98],
        "n_esketamine": [346, 346, 346, 346],
        "events_placebo": [21, 2, 16, 19],
        "n_placebo": [222, 222, 222, 222],
    }
)


def test_body_systems_sorted_unique():
    assert body_systems(AE) == ["gastrointestinal", "psychiatric"]


def test_plot_body_system_title_counts_clear_excesses():
    fig = plot_body_system(AE, "psychiatric")
    assert fig.get_suptitle() == "Psychiatric events: 2 of 3 clearly more common on esketamine"
    labels = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert labels == {"Dissociation", "Euphoric mood", "Insomnia"}
    plt.close(fig)


@pytest.mark.parametrize("bad", ["cardiac", "", None, 3])
def test_plot_body_system_rejects_unknown_system(bad):
    with pytest.raises(ValueError, match="body_system"):
        plot_body_system(AE, bad)


@pytest.mark.parametrize("bad", [AE.drop(columns="body_system"), AE.iloc[0:0], AE.to_dict(), None])
def test_body_system_helpers_reject_bad_table(bad):
    with pytest.raises(ValueError, match="table"):
        body_systems(bad)
    with pytest.raises(ValueError, match="table"):
        plot_body_system(bad)


def test_plot_body_system_on_the_label_table():
    label = data.load("adverse_events_label")
    for system in body_systems(label):
        fig = plot_body_system(label, system)
        assert fig.get_suptitle().startswith(system.replace("_", " ").capitalize())
        plt.close(fig)
