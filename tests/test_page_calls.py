"""What an opened page asks the server for, and a press of an outlet's button in the panel, as
dash-renderer sends them (tests/dash_client.py's Tab: the page's own clientside JavaScript runs
in Node.js). Each call a page makes that changes nothing is a request every open page costs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dash_client import FIGURE, NAVIGATE, Tab
from timeline.app import create_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def app():
    return create_app(ROOT / "events.csv", "Timeline")


def test_the_outlet_buttons_drawn_on_a_page_opened_send_nothing_to_the_server(app):
    """The overview's outlet buttons fire a callback on ALL of them when the panel draws them,
    with no count: it runs in the page and sends nothing (it was navigate, a call to the server
    that changed nothing, on every page opened)."""
    result = Tab(app).load()
    assert result.status == 200
    chosen = [c for c in result.calls if c.output == "outlet-choice.data"]
    assert chosen and all(c.clientside for c in chosen)
    assert all(c.response == {"clientside": {"__no_update__": True}} for c in chosen)
    navigate = [c for c in result.calls if not c.clientside and NAVIGATE in c.output]
    assert len(navigate) == 1, [c.output[:40] for c in result.calls]


@pytest.mark.parametrize("outlet", ["AP", "RFE/RL"])
def test_an_outlet_s_button_pressed_filters_to_that_outlet(app, outlet):
    tab = Tab(app)
    tab.load()
    result = tab.click({"type": "outlet", "name": outlet})
    assert result.status == 200 and result.call(FIGURE) is not None
    assert tab.search.lstrip("?").split("&") == [f"source={outlet.replace('/', '%2F')}"]
