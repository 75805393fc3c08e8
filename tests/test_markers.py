"""What a spreadsheet or another program writes in place of a value: a formula's error (`#REF!`,
`#N/A`, Google Sheets' `Loading...`) is an error in any column, said as such (not as a date or a
number that cannot be read); a missing-value marker (`NA`, `NULL`, `\\N`) is dropped with a
warning from a column that may be empty, and leaves the row out of a required one."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest

from timeline import schema
from timeline.problems import ERROR, WARNING, ProblemCode

from .test_load import line, load_text, text, where

load_module = importlib.import_module("timeline.load")
E, W = ERROR, WARNING
FORMULA = "is a spreadsheet's formula error, not a value"
MARKER = "looks like a missing-value marker"
KEPT = "so it is left out (the account is kept); leave the cell empty"

# (name, the row's values, [(column, level)] said of row 2, a fragment of the first message)
CASES = [
    ("#REF! in title", {"title": "#REF!"}, [("title", E)], "title '#REF!' " + FORMULA),
    ("#REF! in source", {"source": "#REF!"}, [("source", E)], "(a column, row or sheet it used was deleted)"),
    ("#N/A in location", {"location": "#N/A"}, [("location", E)], "(a value it looks up is not there)"),
    ("#VALUE! in claimed_by", {"claimed_by": "#VALUE!"}, [("claimed_by", E)], "claimed_by '#VALUE!' " + FORMULA),
    ("#NAME? in category", {"category": "#NAME?"}, [("category", E)], "does not exist"),
    ("#DIV/0! in figure", {"figure": "#DIV/0!"}, [("figure", E)], "divides by zero"),
    ("#NUM! in description", {"description": "#NUM!"}, [("description", E)], FORMULA),
    ("#NULL! in media_credit", {"media_credit": "#NULL!"}, [("media_credit", E)], FORMULA),
    ("#ERROR! (Google Sheets)", {"title": "#ERROR!"}, [("title", E)], "(it cannot be worked out)"),
    ("#SPILL!", {"title": "#SPILL!"}, [("title", E)], FORMULA),
    ("#CALC!", {"title": "#CALC!"}, [("title", E)], FORMULA),
    ("any case", {"title": "#ref!"}, [("title", E)], "title '#ref!' " + FORMULA),
    ("Err:502 (LibreOffice)", {"title": "Err:502"}, [("title", E)], FORMULA),
    ("Loading... (Google Sheets)", {"title": "Loading..."}, [("title", E)], "still being worked out"),
    # in a date or number column: the formula's error, not "not a date" or "not a number"
    ("#REF! in date", {"date": "#REF!"}, [("date", E)], "date '#REF!' " + FORMULA),
    ("#N/A in end_date", {"end_date": "#N/A"}, [("end_date", E)], FORMULA),
    ("#N/A in published", {"published": "#N/A"}, [("published", E)], FORMULA),
    (
        "#N/A in both coordinates",
        {"latitude": "#N/A", "longitude": "#N/A"},
        [("latitude", E), ("longitude", E)],
        FORMULA,
    ),
    ("#REF! in latitude alone", {"latitude": "#REF!", "longitude": "76.9"}, [("latitude", E)], FORMULA),
    ("#REF! in id", {"id": "#REF!"}, [("id", E)], "id '#REF!' " + FORMULA),
    ("#REF! in source_url", {"source_url": "#REF!"}, [("source_url", E)], FORMULA),
    ("#REF! in retracted", {"retracted": "#REF!"}, [("retracted", E)], FORMULA),
    # missing-value markers in a column that may be empty: dropped, the account kept
    ("NA in claimed_by", {"claimed_by": "NA"}, [("claimed_by", W)], "claimed_by 'NA' " + MARKER),
    ("N/A in location", {"location": "N/A"}, [("location", W)], KEPT),
    ("NULL in description", {"description": "NULL"}, [("description", W)], KEPT),
    ("NULL in figure_unit", {"figure": "164", "figure_unit": "NULL"}, [("figure_unit", W)], KEPT),
    ("NA in figure", {"figure": "NA"}, [("figure", W)], KEPT),
    ("NaN in both coordinates", {"latitude": "NaN", "longitude": "NaN"}, [("latitude", W), ("longitude", W)], KEPT),
    ("\\N in end_date", {"end_date": "\\N"}, [("end_date", W)], "end_date '\\\\N' " + MARKER),
    ("NA in published", {"published": "NA"}, [("published", W)], KEPT),
    ("NA in source_url", {"source_url": "NA"}, [("source_url", W)], KEPT),
    ("NA in retracted", {"retracted": "NA"}, [("retracted", W)], KEPT),
    # ... in a required column: the cell is empty, the row cannot be read
    ("NA in date", {"date": "NA"}, [("date", E)], "the row is left out: date is empty; write when it happened"),
    ("NULL in source", {"source": "NULL"}, [("source", E)], "the row is left out: source is empty; name who"),
    ("NA in id", {"id": "NA"}, [("id", E)], "the row is left out: id is empty"),
]


@pytest.mark.parametrize("name,values,expected,fragment", CASES, ids=[c[0] for c in CASES])
def test_what_a_spreadsheet_writes_in_place_of_a_value(name, values, expected, fragment):
    dataset = load_text(text(line(**values)))
    said = [(column, level) for row, column, level in where(dataset) if row == 2]
    assert said == expected, dataset.problems  # one message each: not also "not a date"
    first = next(p for p in dataset.problems if p.row == 2)
    assert fragment in first.message
    kept = all(level == W for _, level in expected)
    assert (2 in set(dataset.accounts["row"])) == kept
    if kept:  # the marker is dropped: nothing of it is published
        account = dataset.accounts.iloc[0]
        for column in values:
            if column in dict(expected):
                assert account[column] == "", column


NOT_MARKERS = [
    # other cases of the markers may be words (a nan, Nan province, none), and a marker is the
    # whole value
    {"claimed_by": "none"},
    {"category": "None"},  # (a word: a category, a title; pandas writes nothing for None)
    {"location": "Nan", "latitude": "18.7838", "longitude": "100.779"},  # (a town in Thailand)
    {"description": "nan"},
    {"location": "na"},
    {"description": "NA is not all"},
    {"title": "N/A for now"},
    {"title": "#REF! is an Excel error"},
    {"title": "#hashtag!"},
    {"title": "Loading the ship"},
    {"title": "Error: 502"},
    {"title": "Nation"},
    {"figure_unit": "dead", "figure": "164"},
    {"title": "NAN"},
]


@pytest.mark.parametrize("values", NOT_MARKERS, ids=[next(iter(v.values())) for v in NOT_MARKERS])
def test_a_value_that_only_looks_like_one_is_kept(values):
    dataset = load_text(text(line(**values)))
    assert dataset.problems == []
    for column, value in values.items():
        assert dataset.accounts[column].tolist() == [value]


def test_a_marker_in_a_later_rows_category_is_dropped_from_its_lane():
    dataset = load_text(text(line(), line(title="", category="NA")))
    assert where(dataset) == [(3, "category", W)]
    assert dataset.accounts["category"].tolist() == ["protest", ""]
    assert len(dataset.events) == 1 and dataset.events["category"].tolist() == ["protest"]
    assert "na" not in set(dataset.accounts["category_key"].astype(str))


def test_a_marker_on_an_events_first_row_leaves_the_title_empty():
    dataset = load_text(text(line(title="NA")))
    assert where(dataset) == [(2, "title", W), (2, "title", E)]
    assert "first row of this event" in dataset.problems[1].message


def test_many_rows_of_formula_errors_are_said_once_first():
    rows = [line(id=f"e{k}", title="#REF!" if k % 2 else f"Title {k}", location="#N/A") for k in range(6)]
    dataset = load_text(text(*rows))
    first = dataset.problems[0]
    assert (first.row, first.level, first.code) == (0, E, ProblemCode.DIAGNOSIS)
    assert first.message.startswith("6 rows hold spreadsheet formula errors such as '#N/A'")
    assert "Paste Special > Values" in first.message
    assert dataset.accounts.empty


def test_many_rows_of_missing_markers_are_said_once_first():
    rows = [line(id=f"e{k}", claimed_by="NA", figure_unit="NA" if k else "") for k in range(4)]
    dataset = load_text(text(*rows))
    first = dataset.problems[0]
    assert (first.row, first.level, first.code) == (0, W, ProblemCode.DIAGNOSIS)
    assert first.message.startswith("4 rows hold 'NA' where a cell is empty")
    assert len(dataset.accounts) == 4
    assert set(dataset.accounts["claimed_by"]) == {""} and set(dataset.accounts["figure_unit"]) == {""}


def test_one_row_is_not_diagnosed():
    dataset = load_text(text(line(title="#REF!"), line(id="b")))
    assert [p.row for p in dataset.problems] == [2]


def test_the_r_export_publishes_no_marker():
    """An R write.csv export (its NA for every empty cell): nothing of NA is published."""
    data = (
        '"id","date","end_date","title","description","category","location","latitude","longitude","source",'
        '"source_url","published","claimed_by","figure","figure_unit","retracted"\n'
        '"protest","2022-01-02",NA,"Protest in Zhanaozen",NA,"protest",NA,NA,NA,"RFE/RL",NA,"2022-01-03",NA,NA,NA,NA\n'
        '"protest","2022-01-02",NA,NA,"Second account",NA,NA,NA,NA,"Reuters","https://reuters.com/x",NA,NA,NA,NA,NA\n'
        '"toll","2022-01-10",NA,"Death toll",NA,"casualties","Almaty","43.2389","76.8897","Health ministry",NA,'
        '"2022-01-10","N/A","164",NA,NA\n'
    )
    dataset = load_text(data)
    assert dataset.errors == []
    assert len(dataset.accounts) == 3 and len(dataset.events) == 2
    texts = dataset.accounts[[c for c in schema.NAMES if c in dataset.accounts]].astype(str)
    assert not texts.isin(list(schema.MISSING_MARKERS)).any().any()
    assert dataset.accounts["figure_value"].tolist()[2] == 164
    assert all(MARKER in p.message for p in dataset.warnings if p.row > 1)


@pytest.mark.parametrize("value", [*schema.FORMULA_ERRORS, "Err:502", "err:511", "#n/a", "loading..."])
def test_every_formula_error_is_one(value):
    assert schema.sheet_value(value) == "error"


@pytest.mark.parametrize("value", schema.MISSING_MARKERS)
def test_every_marker_is_one(value):
    assert schema.sheet_value(value) == "missing"


def test_the_bytes_find_what_the_values_say():
    """_sheet_suspects (first and last bytes, length) leaves out no value schema.sheet_value
    names, with or without the first bytes given, in a column of several chunks."""
    import pyarrow as pa

    named = [*schema.FORMULA_ERRORS, "Err:502", "#ref!", "loading...", *schema.MISSING_MARKERS]
    others = ["", "Reuters", "N", "#", "2022-01-07", "Nation", "Loading the ship", "#REF!x", "é#REF!"]
    values = named + others + named[::-1]
    chunks = pa.chunked_array([values[:7], values[7:20], [], values[20:]], type=pa.large_string())
    series = pd.Series(pd.arrays.ArrowStringArray(chunks), dtype="str")
    truth = np.array([schema.sheet_value(v) != "" for v in values])
    for first in (None, load_module._rough_edges(series)[0]):
        errors, missing = load_module._sheet_values(series, first)
        assert ((errors | missing) == truth).all()
        assert (errors == np.array([schema.sheet_value(v) == "error" for v in values])).all()
    plain = pd.Series(values, dtype=object)
    errors, missing = load_module._sheet_values(plain)
    assert ((errors | missing) == truth).all()


def test_every_column_has_the_rules_first():
    """Every column says a formula's error and a marker before its other rules see the value."""
    for column in schema.COLUMNS:
        checks = [rule.check for rule in column.rules if rule.check != "required"]
        assert checks[:2] == ["formula_error", "missing"], column.name
        missing = next(rule for rule in column.rules if rule.check == "missing")
        assert missing.level == (ERROR if column.required == "yes" else WARNING), column.name


def test_what_they_say_is_in_french_too():
    from timeline import i18n

    dataset = load_text(text(line(claimed_by="NA", date="#REF!")))
    with i18n.using("fr"):
        said = [p.message for p in dataset.problems]
    assert said[0].startswith("date '#REF!' est une erreur de formule d'un tableur, pas une valeur")
    assert "(une colonne, une ligne ou une feuille qu'elle utilisait a été supprimée)" in said[0]
    assert said[1].startswith("claimed_by 'NA' ressemble à un marqueur de valeur manquante")
