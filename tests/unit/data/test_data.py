"""The data layer: every table validates, cites known sources, and bad files are reported precisely."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers import data
from helpers.data import paths
from helpers.data.schemas import SCHEMAS

DATA = Path(paths.data_dir())


def test_every_csv_has_a_schema_and_every_schema_a_csv():
    csvs = {p.stem for p in DATA.glob("*.csv")}
    assert csvs == set(SCHEMAS), "data/*.csv and helpers.data.schemas.SCHEMAS must list the same tables"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_table_loads_validated_with_sources(name):
    df = data.load(name)
    assert len(df) > 0
    assert df.attrs["name"] == name
    if name != "sources":
        assert df["source_id"].notna().all()
        assert df.attrs["sources"], "a data table must cite at least one source"
        assert len(df.attrs["citations"]) == len(df.attrs["sources"])


@pytest.mark.parametrize("name", sorted(set(SCHEMAS) - {"sources"}))
def test_units_live_in_column_names_not_cells(name):
    df = data.load(name)
    for column in df.select_dtypes(include="number").columns:
        assert not column.endswith(("_percent", "_percentage")), f"{name}.{column}: use _pct"


def test_source_registry_rows_have_an_identifier():
    sources = data.load("sources")
    ident = sources[["doi", "pmid", "pmcid", "url"]].notna().any(axis=1)
    assert ident.all(), f"sources without DOI/PMID/PMCID/URL: {list(sources.loc[~ident, 'id'])}"


def test_every_registered_source_is_cited_somewhere():
    cited: set[str] = set()
    for name in set(SCHEMAS) - {"sources"}:
        cited.update(data.load(name).attrs["sources"])
    nb_text = " ".join(p.read_text(encoding="utf-8") for p in (DATA.parent / "notebooks").glob("*.ipynb")) \
        if (DATA.parent / "notebooks").is_dir() else ""
    unused = [i for i in data.load("sources")["id"] if i not in cited and f'"{i}"' not in nb_text
              and f"'{i}'" not in nb_text and f"\\\"{i}\\\"" not in nb_text]
    assert not unused, f"registered but never cited: {unused}"


def test_revised_documents_were_rechecked_within_18_months():
    """Labels and other revised documents must be re-read regularly (CONTRIBUTING: re-checking a source)."""
    due = data.sources_due_for_recheck()
    assert not due, "re-read these sources, then update checked_on and version:\n" + "\n".join(due)


def test_recheck_names_stale_unchecked_and_unversioned_rows(data_copy):
    sources = data_copy / "sources.csv"
    rows = {line.split(",", 1)[0]: line for line in sources.read_text(encoding="utf-8").splitlines()}
    label = rows["spravato_pi"]
    checked = next(d for d in data.load("sources").query("id == 'spravato_pi'")["checked_on"])
    _rewrite(sources, label, label.replace(f",{checked},", ",2020-01-31,", 1))
    due = data.sources_due_for_recheck(dt.date(2026, 12, 1))
    assert any(line.startswith("spravato_pi: last checked 2020-01-31") for line in due), due
    assert data.sources_due_for_recheck(dt.date(2021, 7, 31), max_age_months=18) == [] or all(
        not line.startswith("spravato_pi") for line in data.sources_due_for_recheck(dt.date(2021, 7, 31)))
    assert any(line.startswith("spravato_pi") for line in data.sources_due_for_recheck(dt.date(2021, 8, 1)))
    _rewrite(sources, ",2020-01-31,", ",,")
    assert any(line == "spravato_pi: never checked (checked_on is empty)"
               for line in data.sources_due_for_recheck(dt.date(2026, 12, 1)))


@pytest.mark.parametrize("bad", [0, -3, 1.5, True])
def test_recheck_refuses_a_bad_age(bad):
    with pytest.raises(ValueError, match="max_age_months"):
        data.sources_due_for_recheck(max_age_months=bad)


def test_checked_on_must_be_a_real_date(data_copy):
    sources = data_copy / "sources.csv"
    checked = next(d for d in data.load("sources").query("id == 'spravato_pi'")["checked_on"])
    _rewrite(sources, f",{checked},", ",2026-13-01,")
    with pytest.raises(data.DataFileError) as err:
        data.load("sources")
    assert err.value.column == "checked_on"


def test_load_returns_a_copy():
    a = data.load("history")
    a.loc[0, "event"] = "changed"
    assert data.load("history").loc[0, "event"] != "changed"


def test_source_line_and_citations():
    line = data.source_line(["berman2000"])
    assert line.startswith("Source: Berman RM et al. (2000)")
    assert "doi:10.1016/S0006-3223(99)00230-9" in line
    assert data.source_line("berman2000; fda2019").count(";") == 1
    full = data.sources(["berman2000"])[0]
    assert "Antidepressant effects of ketamine in depressed patients" in full
    assert data.references(["berman2000", "fda2019"]).startswith("1. Berman RM")


def test_source_ids_split_a_cell_and_keep_a_list():
    assert data.source_ids("berman2000; fda2019") == ["berman2000", "fda2019"]
    assert data.source_ids(("fda2019", "berman2000")) == ["fda2019", "berman2000"]


@pytest.mark.parametrize("bad", ["", "nosuchsource", ["berman2000", "nosuchsource"], []])
def test_unknown_or_empty_source_ids_are_refused(bad):
    with pytest.raises(ValueError, match=r"^ids:"):
        data.source_ids(bad)
    with pytest.raises(ValueError, match=r"^ids:"):
        data.source_line(bad)


@pytest.mark.parametrize("bad", ["nosuchtable", "", None, 3])
def test_unknown_table_is_refused_naming_the_argument(bad):
    with pytest.raises(ValueError, match=r"name"):
        data.load(bad)


# --- malformed files: reported with file, row and column, and nothing is lost --------------------------


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that KETAMINE_DATA_DIR points to."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setenv(paths.ENV_VAR, str(target))
    return target


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


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
    _rewrite(data_copy / "history.csv", "year,date,event,category", "yr,date,event,category")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert err.value.file == "history.csv"
    assert err.value.column in {"year", "yr"}
    assert "history.csv" in str(err.value)


def test_bad_value_is_reported_with_row_and_column(data_copy):
    _rewrite(data_copy / "history.csv", "1970,,First US approval", "nineteen-seventy,,First US approval")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.file, err.value.row, err.value.column) == ("history.csv", 3, "year")
    assert "row 3 (line 4)" in str(err.value) and "'year'" in str(err.value)


def test_value_out_of_range_is_reported(data_copy):
    _rewrite(data_copy / "history.csv", "2014,2014-06-10", "2214,2014-06-10")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.row, err.value.column) == (6, "year")


def test_unknown_source_id_is_reported(data_copy):
    _rewrite(data_copy / "history.csv", ",regulation,dea1999,", ",regulation,dea1998,")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.row, err.value.column) == (4, "source_id")
    assert "dea1998" in str(err.value)


def test_empty_required_value_is_reported(data_copy):
    _rewrite(data_copy / "history.csv", ",science,gao2016,", ",,gao2016,")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert (err.value.row, err.value.column) == (1, "category")


def test_ragged_row_is_reported(data_copy):
    _rewrite(data_copy / "history.csv", "2014,2014-06-10,", "2014,2014-06-10,extra,")
    with pytest.raises(data.DataFileError) as err:
        data.load("history")
    assert err.value.row == 6 and err.value.column is None


def test_missing_file_is_reported(data_copy):
    (data_copy / "history.csv").unlink()
    with pytest.raises(data.DataFileError, match=r"history.csv: file not found"):
        data.load("history")


def test_malformed_file_changes_nothing_on_disk(data_copy):
    path = data_copy / "history.csv"
    _rewrite(path, "1970,,First US approval", "x,,First US approval")
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


def test_data_dir_override_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match=paths.ENV_VAR):
        paths.data_dir()


def test_data_found_from_any_working_directory(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    assert isinstance(data.load("history"), pd.DataFrame)


# --- pandera without hypothesis -------------------------------------------------------------------------
def _python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (the test process has hypothesis imported already)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_loading_tables_does_not_import_hypothesis_and_leaves_it_importable():
    out = _python(
        "import sys\n"
        "from helpers import data\n"
        "data.load('history')\n"
        "print('hypothesis' in sys.modules)\n"
        "import hypothesis.strategies\n"
        "print(hypothesis.strategies.integers().example() is not None)\n"
    )
    assert out.splitlines() == ["False", "True"]


def test_pandera_keeps_hypothesis_when_it_was_imported_first():
    out = _python(
        "import hypothesis\n"
        "from helpers import data\n"
        "data.load('history')\n"
        "import pandera.strategies.base_strategies as strategies\n"
        "print(strategies.HAS_HYPOTHESIS)\n"
    )
    assert out == "True"
