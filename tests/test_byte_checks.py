"""The checks that read a column's bytes instead of running a regex over every value say what
the regex says: which links begin plainly (_PLAIN_LINK), whether every id is a slug
(schema.ID_PATTERN). Table-driven, with values at the edges of each pattern."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from timeline import schema
from timeline.load import _PLAIN_LINK, _ids_fit, _plain_links

LINKS = [
    "",
    "h",
    "http:",
    "http:/",
    "http://",
    "https://",
    "http://a",
    "https://x",
    "HTTP://A",
    "HtTpS://b/c",
    "hTTps://-",
    "http:///x",
    "https:///",
    "http:/x",
    "https:/x",
    "httpx://a",
    "https//a",
    "ftp://x",
    "http:// x",
    "https:// ",
    "http://\x7f",
    "https://\x00",
    "http://!",
    "http://.",
    "http://0",
    "http://~",
    "http://ä",
    "https://é",
    "ħttp://x",
    "httpſ://x",
    " http://a",
    "http://a b",
    "javascript:alert(1)",
]


def _regex_links(values):
    return np.array([re.match(_PLAIN_LINK, value) is not None for value in values], dtype=bool)


@pytest.mark.parametrize("last", ["", "http://a", "https://a", "http://", "x"])
def test_plain_links_are_what_the_pattern_says(last):
    # (The last value sits at the end of the column's bytes, where a value's first eight or
    # nine bytes run past the data.)
    values = LINKS + [last]
    column = pd.Series(values, dtype="str")
    assert _plain_links(column).tolist() == _regex_links(values).tolist()
    assert _plain_links(column.iloc[3:].reset_index(drop=True)).tolist() == _regex_links(values[3:]).tolist()


def test_a_column_of_short_or_empty_values_has_no_plain_links():
    for values in ([""] * 3, ["a", "bc"], ["http://"]):
        assert not _plain_links(pd.Series(values, dtype="str")).any()


@pytest.mark.parametrize(
    "ids, fit",
    [
        (["a", "b-2", "0042", ""], True),
        (["kazakhstan-unrest-2022-01-05"], True),
        ([""], True),
        (["a--b"], False),
        (["-a"], False),
        (["a-"], False),
        (["a", "-"], False),
        (["a-", "-b"], False),
        (["Upper"], False),
        (["under_score"], False),
        (["spa ce"], False),
        (["ünï"], False),
        (["1.2E+05"], False),
    ],
)
def test_ids_fit_as_the_pattern_says(ids, fit):
    assert all(i == "" or re.fullmatch(schema.ID_PATTERN, i) for i in ids) == fit
    assert _ids_fit(pd.Index(pd.Series(ids, dtype="str"))) == fit
