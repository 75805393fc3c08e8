"""Embedding (issue 10, item 10), without a browser: `embed` in the address (read, bounded, kept),
the Share control's texts (escaped for an HTML attribute), the page marked as embedded when
served, and the frame-ancestors setting on the embedded view."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from timeline.app import create_app
from timeline.state import LIMITS, Filters, State
from timeline.view import controls, share

ROOT = Path(__file__).resolve().parent.parent
HOST = "https://news.example/timeline/"


@pytest.mark.parametrize(
    "search, embed, refused",
    [
        ("", False, 0),
        ("?embed=1", True, 0),
        ("?embed=0", False, 0),
        ("?event=death-toll&embed=1", True, 0),
        ("?embed=%201%20", True, 0),  # spaces around, as elsewhere, are trimmed
        ("?embed=", False, 0),  # blank: as if absent
        ("?embed=yes", False, 1),
        ("?embed=true", False, 1),
        ("?embed=2", False, 1),
        ("?embed=1&embed=x", False, 1),  # the last value counts, as for every value
        ("?embed=" + "1" * 5000, False, 1),
        ("?embed=%3Cscript%3E", False, 1),
        ("?embed=1&q=" + "a" * (LIMITS.address), False, 1),  # an address over its bound is not read
    ],
)
def test_embed_is_read_from_the_address_with_its_bounds(search, embed, refused):
    state = State.from_search(search)
    assert state.embed is embed
    assert len(state.refused) == refused
    if refused and len(search) < LIMITS.address:
        assert "'embed'" in state.refused[0] and "ignored" in state.refused[0]
        assert "1" * 100 not in state.refused[0]  # a long value is not quoted whole
        assert "embed" not in state.to_search()  # no link carries it


@pytest.mark.parametrize(
    "state, search",
    [
        (State(embed=True), "?embed=1"),
        (State(event="death-toll", embed=True), "?event=death-toll&embed=1"),
        (
            State(filters=Filters(categories=("protest",), text="almaty"), embed=True, zoom=(0, 86400)),
            "?category=protest&q=almaty&embed=1&zoom=1970-01-01/1970-01-02",
        ),
        (State(event="death-toll"), "?event=death-toll"),
    ],
)
def test_embed_goes_round_the_address(state, search):
    assert state.to_search() == search
    assert State.from_search(search) == state


def test_every_step_inside_the_embedded_view_keeps_it():
    state = State.from_search("?event=death-toll&category=casualties&embed=1")
    assert state.select("shoot-to-kill-order").embed
    assert state.select("").to_search() == "?category=casualties&embed=1"  # the panel's Close
    assert state.with_filters(text="almaty").embed
    assert state.zoomed((0, 86400)).embed
    for trigger, value in (
        ("clear-filters", 1),
        ("search", "almaty"),
        ("outlet-choice", {"name": "TASS", "at": 1}),
        ("timeline", {"points": [{"customdata": "death-toll"}]}),
    ):
        assert controls.next_state(state, trigger, value, index=None).embed, trigger
    assert not state.embedded(False).embed and state.embedded(False).event == "death-toll"


@pytest.mark.parametrize(
    "href, search, link",
    [
        (HOST, "", HOST),
        (HOST + "?event=death-toll", "?event=death-toll", HOST + "?event=death-toll"),
        # From the embedded view, the link out is the same view, whole.
        (HOST + "?event=death-toll&embed=1", "?event=death-toll&embed=1", HOST + "?event=death-toll"),
        (
            "http://127.0.0.1:8050/?q=a",
            "?q=a&zoom=2022-01-05/2022-01-07",
            "http://127.0.0.1:8050/?q=a&zoom=2022-01-05/2022-01-07",
        ),
        # A refused value is not carried on.
        (HOST, "?event=Not%20An%20Id&q=almaty", HOST + "?q=almaty"),
        # The address's fragment is not part of the view.
        (HOST + "#top", "", HOST),
        # Not an http(s) page: nothing to share.
        ("javascript:alert(1)//", "", ""),
        ("", "?q=a", ""),
        (None, None, ""),
    ],
)
def test_the_permalink_is_the_view_s_address(href, search, link):
    assert share.permalink(href, search) == link


def test_the_embed_code_is_an_iframe_of_the_embedded_view():
    code = share.embed_code(HOST + "?event=death-toll", "?event=death-toll&category=casualties", "Kazakhstan")
    assert code == (
        f'<iframe src="{HOST}?event=death-toll&amp;category=casualties&amp;embed=1" '
        f'title="Kazakhstan" width="100%" height="600" style="border: 0" loading="lazy">'
        "</iframe>"
    )
    assert share.embed_code("", "?q=a", "Kazakhstan") == ""


@pytest.mark.parametrize(
    "title, search",
    [
        ("Quotes \" and ' and <b>tags</b> & ampersands", "?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ('"><script>alert(1)</script>', "?category=%27onload%3D%27alert(1)"),
    ],
)
def test_the_embed_code_keeps_every_value_inside_its_attribute(title, search):
    code = share.embed_code(HOST, search, title)
    attributes = dict(re.findall(r'(\w+)="([^"]*)"', code))
    assert code.startswith("<iframe ") and code.endswith("></iframe>") and code.count("<") == 2
    assert set(attributes) == {"src", "title", "width", "height", "style", "loading"}
    assert html.unescape(attributes["title"]) == title
    assert html.unescape(attributes["src"]) == share.embed_address(HOST, search)
    assert State.from_search(html.unescape(attributes["src"]).split("?", 1)[1]).embed


@pytest.fixture(scope="module")
def client():
    return create_app(ROOT / "events.csv", "Timeline").server.test_client()


def test_the_page_is_served_embedded_only_when_the_address_says_so(client):
    def embedded(address: str) -> bool:
        page = client.get(address).get_data(as_text=True)
        return re.search(r'<div class="embedded">\s*<div id="react-entry-point">', page) is not None

    assert embedded("/?embed=1") and embedded("/?event=death-toll&embed=1&q=almaty")
    assert not embedded("/") and not embedded("/?embed=0") and not embedded("/?embed=yes")
    assert not embedded("/?event=death-toll")


@pytest.mark.parametrize(
    "setting, expected",
    [
        ("*", "frame-ancestors *"),
        ("'self' https://news.example", "frame-ancestors 'self' https://news.example"),
        ("'none'", "frame-ancestors 'none'"),
    ],
)
def test_the_embedded_view_follows_the_frame_ancestors_setting(setting, expected):
    served = create_app(ROOT / "events.csv", frame_ancestors=setting).server.test_client()
    for address in ("/?embed=1", "/?event=death-toll&embed=1"):
        headers = served.get(address).headers
        assert expected in headers["Content-Security-Policy"].split("; ")
