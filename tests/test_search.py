"""timeline.index's search: a word's accounts found through the hashed three-byte sequences
(TextGrams) are exactly those a scan of every account's text finds."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from timeline.search import GRAM_CHUNK, events_with_text, text_grams

from .helpers import ids, index_from_rows, row

TEXTS = [
    ("plain", "Protesters gather at the airport", ""),
    ("upper", "CURFEW DECLARED IN ALMATY", "Police say"),
    ("kelvin", "Troops in \u212aYIV", ""),  # the Kelvin sign matches k
    ("long-s", "A \u017ftreet rally", ""),  # the long s matches s
    ("cyrillic", "Митинг в Алматы", "Полиция задержала"),
    ("accents", "Crise économique à Paris", "Grève générale"),
    ("punctuation", "U.S.-Kazakh talks (draft)", "50% & more?#"),
    ("across", "ends with ky", "iv begins the description"),  # a word across two fields
    ("short", "Go", ""),
]


@pytest.fixture(scope="module")
def index():
    rows = [
        row(name, f"2022-01-{day + 1:02d}", title=title, description=description)
        for day, (name, title, description) in enumerate(TEXTS)
    ]
    return index_from_rows(rows)


def scanned(index, word):
    """The same search without the sequences: every account's text read."""
    return ids(index, events_with_text(dataclasses.replace(index, grams=None), word))


@pytest.mark.parametrize(
    "word, expected",
    [
        ("protesters", ["plain"]),
        ("PROTESTERS", ["plain"]),
        ("curfew", ["upper"]),
        ("kyiv", ["kelvin"]),  # written with the Kelvin sign: found all the same
        ("street", ["long-s"]),  # written with a long s
        ("алматы", ["cyrillic"]),  # no ASCII sequence: every account read
        ("митинг", ["cyrillic"]),
        ("économique", ["accents"]),  # ASCII sequences "miq", "iqu", "que" narrow it down
        ("grève", ["accents"]),
        ("u.s.-kazakh", ["punctuation"]),
        ("50%", ["punctuation"]),
        ("?#", ["punctuation"]),  # shorter than three bytes: every account read
        ("go", ["short"]),
        ("g", ["plain", "accents", "across", "short"]),  # one byte: every account read
        ("zzz", []),
        ("yiv", ["kelvin"]),
    ],
)
def test_a_word_is_found_as_a_scan_finds_it(index, word, expected):
    assert sorted(ids(index, events_with_text(index, word))) == sorted(expected)
    assert scanned(index, word) == ids(index, events_with_text(index, word))


WITHIN = {
    "none": [],
    "one": ["cyrillic"],
    "two": ["cyrillic", "accents"],
    "four": ["plain", "upper", "kelvin", "punctuation"],  # fewer than half: only theirs read
    "five": ["plain", "upper", "kelvin", "punctuation", "short"],  # more than half: all read
    "all": [name for name, _, _ in TEXTS],
}


@pytest.mark.parametrize("within", WITHIN)
@pytest.mark.parametrize("word", ["protesters", "алматы", "grève", "?#", "g", "yiv", "zzz"])
@pytest.mark.parametrize("grams", [True, False])
def test_a_word_among_some_events_is_found_as_among_all(index, word, within, grams):
    searched = index if grams else dataclasses.replace(index, grams=None)
    mask = np.isin(searched.events["id"].to_numpy(), WITHIN[within])
    assert ids(searched, events_with_text(searched, word, mask)) == ids(
        searched, events_with_text(searched, word) & mask
    )


def test_a_word_among_few_events_reads_only_their_text(index, monkeypatch):
    """The text read for a word (titles and descriptions: the columns of many values) is that of
    the events still kept: a search of eight random words read every account eight times."""
    from timeline import search

    read = []
    matches = search._matches
    monkeypatch.setattr(search, "_matches", lambda texts, word: read.append(len(texts)) or matches(texts, word))
    scan = dataclasses.replace(index, grams=None)
    mask = np.isin(scan.events["id"].to_numpy(), ["cyrillic", "accents"])
    assert ids(scan, events_with_text(scan, "алматы", mask)) == ["cyrillic"]
    assert read == [2, 2]  # (the two events' one account each, in the title and the description)
    read.clear()
    events_with_text(scan, "алматы")
    assert read == [len(TEXTS), len(TEXTS)]


def test_a_word_is_not_found_across_two_fields(index):
    assert ids(index, events_with_text(index, "kyiv")) == ["kelvin"]  # not "ky" + "iv"


def test_the_accounts_read_for_a_word_are_few():
    """Among many accounts, a word's candidates are its own accounts and few others."""
    words = ["airport", "curfew", "protesters", "checkpoint", "witnesses", "detained"]
    rows = [
        row(
            f"e{n}",
            "2022-01-05",
            title=f"{words[n % 6]} number {n}",
            description=f"seen by {words[(n * 7) % 6]} and others",
        )
        for n in range(3 * GRAM_CHUNK // 2)
    ]  # more than one chunk of accounts
    index = index_from_rows(rows)
    for word in words:
        candidates = index.grams.candidates(word)
        found = events_with_text(index, word)
        assert ids(index, found) == scanned(index, word)
        assert found.sum() <= len(candidates) <= 1.1 * found.sum()


def test_sequences_of_an_older_version_of_the_accounts_are_not_used(index):
    """An index whose accounts changed after the sequences were built scans instead."""
    stale = dataclasses.replace(index, grams=text_grams(index.dataset.accounts.iloc[:2]))
    assert ids(stale, events_with_text(stale, "grève")) == ["accents"]


def test_no_accounts():
    grams = text_grams(index_from_rows([row("a", "2022-01-01")]).dataset.accounts.iloc[:0])
    assert grams.accounts == 0 and not len(grams.candidates("anything"))


def test_a_big_file_is_served_at_once_and_gets_its_sequences_after(tmp_path, monkeypatch):
    """The app (timeline.app.data) makes a big file's sequences in a thread, started by the first
    search, and keeps them in the state folder for the other workers: searches before and after
    find the same events."""
    import threading

    from timeline import lastgood, store
    from timeline.app import data

    from .helpers import csv_bytes

    monkeypatch.delenv(lastgood.STATE_DIR, raising=False)
    path = tmp_path / "events.csv"
    path.write_bytes(
        csv_bytes(
            [
                row(name, f"2022-01-{day + 1:02d}", title=title, description=description)
                for day, (name, title, description) in enumerate(TEXTS)
            ]
        )
    )
    started, release = threading.Event(), threading.Event()
    build = store.text_grams

    def slow_grams(accounts):
        started.set()
        release.wait(10)
        return build(accounts)

    monkeypatch.setattr(data, "GRAMS_AT_ONCE", 0)
    monkeypatch.setattr(store, "text_grams", slow_grams)
    served = data.current(str(path))
    assert served.index.grams is None
    before = ids(served.index, served.word_mask("protesters"))
    started.wait(10)
    assert served.index.grams is None
    release.set()
    for thread in threading.enumerate():
        if thread.name == "search-grams":
            thread.join(10)
    grams = served.index.grams
    assert grams is not None and grams.accounts == len(TEXTS)
    assert not grams.bits.flags.writeable  # mapped from the state folder, shared by the workers
    assert store.grams_path(path).exists()
    assert ids(served.index, events_with_text(served.index, "protesters")) == before == ["plain"]


@pytest.mark.parametrize("before", [0, 1, 7, 8, 9, 17])
def test_appended_accounts_extend_the_sequences(before):
    """An append extends the sequences (timeline.index.grow_index) to what making them again gives."""
    from timeline.search import _more_grams

    accounts = index_from_rows(
        [
            row(name, f"2022-01-{day + 1:02d}", title=title, description=description)
            for day, (name, title, description) in enumerate(TEXTS * 2)
        ]
    ).dataset.accounts
    grown = _more_grams(text_grams(accounts.iloc[:before]), accounts)
    whole = text_grams(accounts)
    assert grown.accounts == whole.accounts
    np.testing.assert_array_equal(grown.bits, whole.bits)
    np.testing.assert_array_equal(grown.always, whole.always)


@pytest.mark.parametrize(
    "written",
    [
        "Kursiv Me\u0301dia",  # (é as e and a combining accent, as macOS and PDFs write it)
        "Kursiv\u00a0Média",  # (a no-break space pasted from a web page)
        "Kursiv  Média",  # (two spaces)
        "KURSIV MÉDIA",
    ],
)
def test_an_outlet_written_so_that_it_looks_the_same_is_one_outlet(written):
    """Filtering by an outlet finds its accounts however the name's accents and spaces were typed."""
    from timeline.search import events_from_sources

    index = index_from_rows([row("a", "2022-01-05", source="Kursiv Média"), row("b", "2022-01-06", source=written)])
    assert len(index.source_keys) == 1
    assert ids(index, events_from_sources(index, ["Kursiv Média"])) == ["a", "b"]
    assert ids(index, events_from_sources(index, [written])) == ["a", "b"]
