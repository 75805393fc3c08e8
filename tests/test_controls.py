"""timeline.view.controls: what each control does to the view's State, without a browser."""
from __future__ import annotations

import pytest

from timeline.filters import Filters, State
from timeline.view.controls import clicked_event, control_values, next_state

from .helpers import index_from_rows, row


@pytest.fixture(scope="module")
def index():
    return index_from_rows([
        row("rally", "2022-01-02", category="protest", source="RFE/RL"),
        row("emergency", "2022-01-05", category="government", source="Akorda"),
        row("airport-seized", "2022-01-05 14:30", category="security", source="Reuters"),
        row("airport-seized", "2022-01-06", source="TASS"),
        row("csto", "2022-01-06", end_date="2022-01-19", category="security", source="Reuters"),
    ])


START = State("emergency", Filters(categories=("government",), text="old words"))


@pytest.mark.parametrize("trigger, value, expected", [
    ("category-filter", ["security", "protest"],
     State("emergency", Filters(categories=("security", "protest"), text="old words"))),
    ("category-filter", [], State("emergency", Filters(text="old words"))),
    ("category-filter", None, State("emergency", Filters(text="old words"))),
    ("source-filter", ["TASS", "Reuters"],
     State("emergency", Filters(categories=("government",), sources=("TASS", "Reuters"), text="old words"))),
    ("search", "  almaty  airport ",
     State("emergency", Filters(categories=("government",), text="almaty  airport"))),
    ("search", "", State("emergency", Filters(categories=("government",)))),
    ("search", None, State("emergency", Filters(categories=("government",)))),
    ("date-from", " 2022-01-05 ",
     State("emergency", Filters(categories=("government",), text="old words", date_from="2022-01-05"))),
    ("date-to", "January 2022",
     State("emergency", Filters(categories=("government",), text="old words", date_to="January 2022"))),
])
def test_filter_controls_change_only_their_filter(index, trigger, value, expected):
    assert next_state(START, trigger, value, index) == expected


# What the five filter controls show: the address (START) knows only some of it yet.
SHOWN = (["government"], [], "old words", "2022-01-05", "")


@pytest.mark.parametrize("trigger, value, expected", [
    # "from" was set and its answer has not come back; now "to" is set: both are kept.
    ("date-to", "2022-01-11", State("emergency", Filters(categories=("government",), text="old words",
                                                          date_from="2022-01-05", date_to="2022-01-11"))),
    # The changed control's own value wins over what was shown before the change.
    ("date-from", "", State("emergency", Filters(categories=("government",), text="old words"))),
    ("category-filter", [], State("emergency", Filters(text="old words", date_from="2022-01-05"))),
    ("search", " a  b ", State("emergency", Filters(categories=("government",), text="a  b",
                                                     date_from="2022-01-05"))),
])
def test_a_filter_change_keeps_what_the_other_controls_show(index, trigger, value, expected):
    assert next_state(START, trigger, value, index, shown=SHOWN) == expected


@pytest.mark.parametrize("state, trigger, expected", [
    (State("emergency"), "next-event", "airport-seized"),
    (State("emergency"), "prev-event", "rally"),
    (State(), "next-event", "rally"),
    (State(), "prev-event", "csto"),
    (State("csto"), "next-event", "csto"),
    (State("rally"), "prev-event", "rally"),
    # within the filtered events
    (State("airport-seized", Filters(categories=("security",))), "next-event", "csto"),
    (State("rally", Filters(categories=("security",))), "next-event", "airport-seized"),
    (State("", Filters(sources=("TASS",))), "next-event", "airport-seized"),
])
def test_previous_and_next(index, state, trigger, expected):
    after = next_state(state, trigger, 1, index)
    assert after == state.select(expected)


DENSITY_CLICK = {"points": [{"curveNumber": 0, "x": "2022-01-05 12:00", "y": 1, "z": 14}]}


@pytest.mark.parametrize("click, expected", [
    ({"points": [{"curveNumber": 1, "x": "2022-01-06", "y": 2.08, "customdata": "csto"}]}, "csto"),
    ({"points": [{"x": "2022-01-02", "y": 0.08, "customdata": "rally", "pointIndex": 0}]}, "rally"),
    # a density band, the selection ring, nothing: the selection stays
    (DENSITY_CLICK, "emergency"),
    ({"points": [{"x": "2022-01-05", "y": 1.08}]}, "emergency"),
    ({"points": []}, "emergency"),
    (None, "emergency"),
])
def test_a_chart_click_selects_the_event_under_it(index, click, expected):
    after = next_state(START, "timeline", click, index)
    assert after == START.select(expected)


@pytest.mark.parametrize("click, event_id", [
    ({"points": [{"customdata": "rally"}]}, "rally"),
    ({"points": [{"z": 3}, {"customdata": "csto"}]}, "csto"),
    ({"points": [{"customdata": ""}]}, ""),
    ({"points": [{"customdata": 7}]}, ""),
    (DENSITY_CLICK, ""),
    ({}, ""),
    (None, ""),
])
def test_clicked_event(click, event_id):
    assert clicked_event(click) == event_id


def test_an_outlet_button_filters_to_that_outlet(index):
    state = State("emergency", Filters(categories=("government",), sources=("Akorda", "TASS"), text="x"))
    after = next_state(state, {"type": "outlet", "name": "RFE/RL"}, 1, index)
    assert after == State("emergency", Filters(categories=("government",), sources=("RFE/RL",), text="x"))


def test_other_pattern_ids_change_nothing(index):
    assert next_state(START, {"type": "list-item", "id": "rally"}, 1, index) == START


def test_clear_filters_keeps_the_selection(index):
    state = State("airport-seized", Filters(("security",), ("TASS",), "almaty", "2022-01", "2022-02"))
    assert next_state(state, "clear-filters", 1, index) == State("airport-seized")
    assert next_state(State(filters=Filters(text="x")), "clear-filters", 1, index) == State()


@pytest.mark.parametrize("trigger", [None, "url", "reset-zoom", "no-such-control"])
def test_other_triggers_change_nothing(index, trigger):
    assert next_state(START, trigger, "anything", index) == START


def test_control_values_show_the_state():
    state = State("a", Filters(("security", "protest"), ("TASS",), "almaty", "2022-01", "2022-02"))
    assert control_values(state) == (["security", "protest"], ["TASS"], "almaty", "2022-01", "2022-02")
    assert control_values(State()) == ([], [], "", "", "")


@pytest.mark.parametrize("trigger, value", [
    ("category-filter", ["security"]),
    ("source-filter", ["TASS", "RFE/RL"]),
    ("search", "almaty"),
    ("date-from", "2022-01-05"),
    ("date-to", "2022-01"),
])
def test_a_control_change_survives_the_address(index, trigger, value):
    """The callback writes the state to the address and reads it back: nothing may be lost."""
    after = next_state(START, trigger, value, index)
    assert State.from_search(after.to_search()) == after
