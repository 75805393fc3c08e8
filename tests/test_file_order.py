"""Events of the same date keep the file's order everywhere: the events frame, the list, stepping,
the chart, and both exports. Never the ids' alphabetical order."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pytest

from timeline.state import State, step
from timeline.view.export import accounts_csv, timelinejs_json
from timeline.view.figure import events_traces
from timeline.view.listing import listing

from .helpers import everything, index_from_rows, row

# On 5 January the file gives zhanaozen first, then almaty, then a later account of zhanaozen;
# on 6 January, b-curfew then a-airport. Alphabetical order would put each day the other way.
ROWS = [
    row("zhanaozen", "2022-01-05", category="protest", source="RFE/RL"),
    row("almaty", "2022-01-05", category="protest", source="TASS"),
    row("b-curfew", "2022-01-06", category="security", source="AFP"),
    row("a-airport", "2022-01-06", category="security", source="Interfax"),
    row("early", "2022-01-04", category="protest", source="AP"),
    row("zhanaozen", "2022-01-05", title="", category="", source="Reuters"),
]
ORDER = ["early", "zhanaozen", "almaty", "b-curfew", "a-airport"]


@pytest.fixture(scope="module")
def index():
    return index_from_rows(ROWS)


def test_the_events_frame(index):
    assert index.events["id"].tolist() == ORDER
    assert [index.position(i) for i in ORDER] == list(range(len(ORDER)))


def test_the_list(index):
    view = listing(index, everything(index), State(), None)
    assert [item.id for item in view.items] == ORDER


def test_stepping(index):
    mask = everything(index)
    forward = [ORDER[0]]
    while (following := step(index, mask, forward[-1], 1)) != forward[-1]:
        forward.append(following)
    assert forward == ORDER
    assert step(index, mask, "almaty", -1) == "zhanaozen"


def test_the_chart_stacks_a_day_in_file_order(index):
    [points] = [t for t in events_traces(index, np.arange(len(index))) if t["type"] == "scatter"]
    assert points["customdata"] == ORDER
    y = dict(zip(points["customdata"], points["y"]))
    # The lanes' axis runs downward: the smaller y is drawn higher, so the file's first is on top.
    assert y["zhanaozen"] < y["almaty"] and y["b-curfew"] < y["a-airport"]


def test_the_csv_export(index):
    rows = list(csv.DictReader(io.StringIO(accounts_csv(index, everything(index)), newline="")))
    assert [(r["id"], r["source"]) for r in rows] == [
        ("early", "AP"),
        ("zhanaozen", "RFE/RL"),
        ("zhanaozen", "Reuters"),
        ("almaty", "TASS"),
        ("b-curfew", "AFP"),
        ("a-airport", "Interfax"),
    ]


def test_the_timelinejs_export(index):
    document = json.loads(timelinejs_json(index, everything(index), "Title"))
    assert [slide["unique_id"] for slide in document["events"]] == ORDER
