"""helpers.data.load and files: copies, unknown tables, the cache, and malformed files reported precisely
(file, row and column) with nothing lost."""

from __future__ import annotations

import os
import shutil

import pytest

from helpers import data
from helpers.data import paths
from tests.support.data_files import DATA, rewrite


def test_load_returns_a_copy():
    a = data.load("history")
    a.loc[0, "event"] = "changed"
    assert data.load("history").loc[0, "event"] != "changed"


@pytest.mark.parametrize("bad", ["nosuchtable", "", None, 3])
def test_unknown_table_is_refused_naming_the_argument(bad):
    with pytest.raises(ValueError, match=r"name"):
        data.load(bad)


def test_a_table_in_another_folder_is_not_taken_from_the_cache(tmp_path, monkeypatch):
    """Same file name and modification time in another folder: the cache must not return the old table."""
    assert data.load("history")["event"].iloc[0] != "Edited elsewhere"  # cached from data/
    target = tmp_path / "data"
    shutil.copytree(DATA, target)  # copies modification times too
    path = target / "history.csv"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[1].split(",")[2]
    path.write_text(text.replace(first, "Edited elsewhere", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    monkeypatch.setenv(paths.ENV_VAR, str(target))
    assert data.load("history")["event"].iloc[0] == "Edited elsewhere"


def test_missing_column_is_named(data_copy):
    rewrite(data_copy / "history.csv", "year,date,event,category", "yr,date,event,category")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert err.value.file == "history.csv"
    assert err.value.column in {"year", "yr"}
    assert "history.csv" in str(err.value)


def test_bad_value_is_reported_with_row_and_column(data_copy):
    rewrite(data_copy / "history.csv", "1970,,First US approval", "nineteen-seventy,,First US approval")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.file, err.value.row, err.value.column) == ("history.csv", 3, "year")
    assert "row 3 (line 4)" in str(err.value) and "'year'" in str(err.value)


def test_value_out_of_range_is_reported(data_copy):
    rewrite(data_copy / "history.csv", "2014,2014-06-10", "2214,2014-06-10")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.row, err.value.column) == (6, "year")


def test_unknown_source_id_is_reported(data_copy):
    rewrite(data_copy / "history.csv", ",regulation,dea1999,", ",regulation,dea1998,")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.row, err.value.column) == (4, "source_id")
    assert "dea1998" in str(err.value)


def test_empty_required_value_is_reported(data_copy):
    rewrite(data_copy / "history.csv", ",science,gao2016,", ",,gao2016,")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.row, err.value.column) == (1, "category")


def test_ragged_row_is_reported(data_copy):
    rewrite(data_copy / "history.csv", "2014,2014-06-10,", "2014,2014-06-10,extra,")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert err.value.row == 6 and err.value.column is None


def test_missing_file_is_reported(data_copy):
    (data_copy / "history.csv").unlink()
    with pytest.raises(data.DataFileError, match=r"history.csv: file not found"):
        data.load("history")


def test_malformed_file_changes_nothing_on_disk(data_copy):
    path = data_copy / "history.csv"
    rewrite(path, "1970,,First US approval", "x,,First US approval")
    before = path.read_bytes()
    with pytest.raises(data.DataFileError):
        data.load("history")
    assert path.read_bytes() == before


def test_duplicate_source_id_is_refused(data_copy):
    with (data_copy / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("berman2000,Someone,2001,Duplicate,,,,,https://example.org,review,,,\n")
    with pytest.raises(data.DataFileError) as err:
        data.load("sources")
    assert err.value.column == "id"




# --- data errors in plain words --------------------------------------------------------------------------
@pytest.mark.parametrize(("old", "new", "words"), [
    ("1970,,First US approval", "1970.5,,First US approval", "'1970.5' must be a whole number"),
    ("2014,2014-06-10", "1814,2014-06-10", "must be at least 1900"),
    ("2014,2014-06-10", "2214,2014-06-10", "must be at most 2100"),
    ("2014,2014-06-10", "2014,10 June 2014", "must be a year, a year-month or a date like 1999-08-12"),
    (",science,gao2016,", ",sciense,gao2016,", "'sciense' must be one of: science, clinical, regulation"),
    (",science,gao2016,", ",,gao2016,", "must not be empty"),
])
def test_data_errors_say_what_the_value_must_be(data_copy, old, new, words):
    rewrite(data_copy / "history.csv", old, new)
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert words in str(err.value)
    assert "fails" not in str(err.value) and "coerce_dtype" not in str(err.value)


def test_data_errors_count_the_other_problems(data_copy):
    path = data_copy / "history.csv"
    rewrite(path, ",science,gao2016,", ",sciense,gao2016,")
    rewrite(path, "2014,2014-06-10", "2214,2014-06-10")
    rewrite(path, ",regulation,dea1999,", ",regulations,dea1999,")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.row, err.value.column) == (1, "category"), "the first problem, in file order"
    assert str(err.value).endswith("(and 2 more problems in this file)")


def test_a_unique_column_names_the_repeated_value(data_copy):
    with (data_copy / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("berman2000,Someone,2001,Duplicate,,,,,https://example.org,review,,,\n")
    with pytest.raises(data.DataFileError, match="'berman2000' appears more than once"):
        data.load("sources")
