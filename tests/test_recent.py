"""timeline.view.recent.Recent: the last views made, kept for the next reader (a small LRU
cache, bounded, shared by a worker's threads); and the callbacks that use it."""

from __future__ import annotations

import os
import threading

import pytest

from tests.helpers import csv_bytes, row
from timeline.app import callbacks, data
from timeline.view.recent import Recent


def made(log: list, value):
    def make():
        log.append(value)
        return value

    return make


@pytest.mark.parametrize(
    "size, asked, kept, made_for",
    [
        # asked in this order; what is kept afterwards (oldest first); which asks made a value
        (2, ["a", "a", "a"], ["a"], ["a"]),
        (2, ["a", "b", "c"], ["b", "c"], ["a", "b", "c"]),
        (2, ["a", "b", "a", "c"], ["a", "c"], ["a", "b", "c"]),  # a used again: b goes first
        (2, ["a", "b", "c", "a"], ["c", "a"], ["a", "b", "c", "a"]),  # a went, so it is made again
        (1, ["a", "b", "b", "a"], ["a"], ["a", "b", "a"]),
        (
            3,
            [("v1", "?q=x"), ("v2", "?q=x"), ("v1", "?q=x")],
            [("v2", "?q=x"), ("v1", "?q=x")],
            [("v1", "?q=x"), ("v2", "?q=x")],
        ),  # a new version: its own entry
    ],
)
def test_least_recently_used_goes_first(size, asked, kept, made_for):
    recent, log = Recent(size), []
    for key in asked:
        assert recent.get(key, made(log, key)) == key
    assert list(recent._kept) == kept and log == made_for
    assert len(recent) == len(kept) <= size
    assert (recent.hits, recent.misses) == (len(asked) - len(made_for), len(made_for))


def test_a_cache_of_no_entries_is_refused():
    with pytest.raises(ValueError):
        Recent(0)


def test_threads_share_it_and_it_stays_within_its_bound():
    recent, errors = Recent(8), []

    def ask(n):
        for i in range(2000):
            key = (i * 7 + n) % 20
            if recent.get(key, lambda key=key: [key]) != [key]:
                errors.append(key)
            if len(recent) > 8:
                errors.append("too many")

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(recent) == 8


# --- the callbacks: one view, made once per version ----------------------------------------------


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "events.csv"
    file.write_bytes(csv_bytes([row("first", "2022-01-01"), row("second", "2022-01-02")]))
    yield str(file)
    data._cache.pop(str(file), None)


def test_the_same_view_reuses_its_panel_and_figure_until_the_file_changes(path):
    show = lambda view: callbacks.show(view, "v", None, path=path)  # noqa: E731
    figure = lambda view: callbacks.figure(data.current(path), path, *view_of(path, view))  # noqa: E731
    first, again, other = show("?event=first"), show("?event=first"), show("?event=second")
    assert again["panel"] is first["panel"] and again["counter"] is first["counter"]
    assert other["panel"] is not first["panel"]
    assert figure("?event=first") is figure("?event=first")
    before = figure("?event=first")
    with open(path, "ab") as file:  # a new version: made again, with the new row
        file.write(csv_bytes([row("third", "2022-01-03")]).split(b"\n", 1)[1])
    os.utime(path, ns=(1, 1))  # a different signature even within the clock's resolution
    data.current(path, wait=True)  # (a request would be answered from the last version meanwhile)
    after = show("?event=first")
    assert after["panel"] is not first["panel"] and after["counter"] == "3 of 3 events"
    assert figure("?event=first") is not before


def test_each_reader_gets_the_problems_of_their_own_view(path):
    """The problems depend on what the reader's address asked for (a refused value): they are
    never taken from another reader's answer."""
    plain = callbacks.show("?from=2022-01-01", "v", None, path=path)
    refused = callbacks.show("?from=2022-01-01", "v", ["The event 'x' is not in the file"], path=path)
    assert plain["panel"] is refused["panel"]
    assert "not in the file" in str(refused["problems"]) and "not in the file" not in str(plain["problems"])


def view_of(path, view):
    from timeline.state import State
    from timeline.view import figure as chart

    now, state = data.current(path), State.from_search(view)
    mask = now.mask(state.filters)
    selected = now.index.position(state.event)
    window, _ = chart.view_window(now.index, mask, selected, None)
    return state.filters, mask, selected, window
