"""helpers.data.schemas: every CSV has a schema, every table validates, units live in column names."""

from __future__ import annotations

import pytest

from helpers import data
from helpers.data.schemas import SCHEMAS
from tests.support.data_files import DATA


def test_every_csv_has_a_schema_and_every_schema_a_csv():
    csvs = {p.stem for p in DATA.glob("*.csv")}
    assert csvs == set(SCHEMAS), "data/*.csv and helpers.data.schemas.SCHEMAS must list the same tables"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_table_loads_validated_with_sources(name):
    df = data.load(name)
    assert len(df) > 0
    assert df.attrs["name"] == name
    if name == "glossary":  # plain-language definitions written for the course have no source
        assert df["source_id"].notna().any()
    elif name != "sources":
        assert df["source_id"].notna().all()
        assert df.attrs["sources"], "a data table must cite at least one source"
        assert len(df.attrs["citations"]) == len(df.attrs["sources"])


@pytest.mark.parametrize("name", sorted(set(SCHEMAS) - {"sources"}))
def test_units_live_in_column_names_not_cells(name):
    df = data.load(name)
    for column in df.select_dtypes(include="number").columns:
        assert not column.endswith(("_percent", "_percentage")), f"{name}.{column}: use _pct"


