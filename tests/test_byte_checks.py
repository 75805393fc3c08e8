"""The checks that read a column's bytes instead of running a regex over every value say what
the regex says: which links begin plainly (_PLAIN_LINK), whether every id is a slug
(schema.ID_PATTERN), each value's first and last byte (_rough_edges), which values hold a line
break (csvfile._with_line_break). Table-driven, with values at the edges of each pattern."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from timeline import schema
from timeline.csvfile import _with_line_break
from timeline.load import _PLAIN_LINK, _ids_fit, _plain_links, _rough_edges, _strip

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
    "http://#a",
    "https://?a",
    "https://@a",
    "https://$a",
    "http://>a",
    "http://Aa",
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


EDGES = [
    ["a"],
    ["ab"],
    ["", "a"],
    ["", "", "ab", "c"],
    ["abc", "", ""],
    ["x", "", "y", "", "z"],
    [" a", "b ", "\tc", "d\n"],
    ["é", "aé", "éa", "€"],
    ["", ""],
    [""],
    ["ab", "cd", "", "ef", "g"],
]


def _exact_edges(values):
    encoded = [value.encode() for value in values]
    return [(b[0], b[-1]) for b in encoded if b]


def _edges_of_given(column, values):
    first, last = _rough_edges(column)
    given = [i for i, value in enumerate(values) if value]
    return [(int(first[i]), int(last[i])) for i in given]


@pytest.mark.parametrize("values", EDGES)
def test_rough_edges_are_each_given_values_first_and_last_byte(values):
    # (An empty value's bytes are any: only given values are compared.)
    column = pd.Series(values, dtype="str")
    assert len(_rough_edges(column)[0]) == len(values) == len(_rough_edges(column)[1])
    assert _edges_of_given(column, values) == _exact_edges(values)
    # Rows taken from the middle of a column (their offsets do not start at 0), and a column in
    # several Arrow chunks.
    for start in range(1, len(values)):
        rest = column.iloc[start:].reset_index(drop=True)
        assert _edges_of_given(rest, values[start:]) == _exact_edges(values[start:])
        chunked = pd.Series(
            pd.arrays.ArrowStringArray(
                pa.chunked_array(
                    [pa.array(values[:start], pa.large_string()), pa.array(values[start:], pa.large_string())]
                )
            ),
            dtype="str",
        )
        assert _edges_of_given(chunked, values) == _exact_edges(values)


BREAKS = [
    ["", "a", "b\nc"],
    ["\n", "", "x"],
    ["a\r", "\r\n", "é\nü", ""],
    ["", "", ""],
    ["no", "breaks", "here", "at all"],
    ["x" * 300 + "\n", "y", "\n" + "z" * 10, "w\rv"],
    ["\u2028 is no line break to a CSV file", "\x0b nor a vertical tab", "a\n"],
]


def _exact_breaks(values):
    return [("\n" in value) or ("\r" in value) for value in values]


@pytest.mark.parametrize("values", BREAKS)
def test_values_with_line_breaks_are_those_that_hold_a_cr_or_lf(values):
    column = pd.Series(values, dtype="str")
    assert _with_line_break(column).tolist() == _exact_breaks(values)
    # Rows from the middle of a column, a column in several Arrow chunks, and one of Python
    # strings (no Arrow bytes: pandas says).
    for start in range(1, len(values)):
        rest = column.iloc[start:].reset_index(drop=True)
        assert _with_line_break(rest).tolist() == _exact_breaks(values[start:])
        chunked = pd.Series(
            pd.arrays.ArrowStringArray(
                pa.chunked_array(
                    [pa.array(values[:start], pa.large_string()), pa.array(values[start:], pa.large_string())]
                )
            ),
            dtype="str",
        )
        assert _with_line_break(chunked).tolist() == _exact_breaks(values)
    assert _with_line_break(pd.Series(values, dtype=object)).tolist() == _exact_breaks(values)


# Every character str.strip() and Arrow strip (the same 29), at either end, beside values whose
# bytes look like theirs: Cyrillic letters ending in 0x80-0x8A ("р", "с", "ъ"), CJK characters
# whose last two bytes are those of a space, a lone byte, empty values.
SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
PLAIN = ["Almaty", "Алматы", "протест", "р", "ъ", "\u4e00", "a", "Жанаозен", "x\u3000y"] * 8 + ["䀀", "", "€"]
STRIPPED = [
    PLAIN,
    [space + "Алматыр" for space in SPACES],  # (many to strip: the column is stripped whole)
    ["", "   ", "\u3000", "a\u00a0", "\u00a0", "\u2028Заголовок\u2029"],
    # (a few: only they are)
    *[PLAIN + [space + "Алматы"] for space in SPACES],
    *[PLAIN + ["Алматыр" + space] for space in SPACES],
]


@pytest.mark.parametrize("values", STRIPPED)
def test_strip_strips_as_str_strip_does(values):
    column = pd.Series(values, dtype="str")
    expected = [value.strip() for value in values]
    for series in (
        column,
        column.iloc[1:].reset_index(drop=True),  # (offsets that do not start at 0)
        pd.Series(
            pd.arrays.ArrowStringArray(
                pa.chunked_array([pa.array(values[:2], pa.large_string()), pa.array(values[2:], pa.large_string())])
            ),
            dtype="str",
        ),
    ):
        stripped, first = _strip(series)
        assert stripped.tolist() == expected[len(values) - len(series) :]
        assert str(stripped.dtype) == "str"
        if first is not None:  # (the values as they were: their first bytes may be kept)
            assert stripped.tolist() == series.tolist()
