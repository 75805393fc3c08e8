"""Problem codes: what the program reads (the torn-write test, the append path), not the wording."""

from __future__ import annotations

import pytest

import timeline
from timeline.problems import CUT_SHORT, ProblemCode

from .helpers import csv_bytes, row

GOOD = csv_bytes([row("a", "2022-01-01"), row("b", "2022-01-02")])


@pytest.mark.parametrize(
    "data, code, file_level",
    [
        (GOOD + b"c,2022-01-03,,Cut", ProblemCode.FIELD_COUNT, False),  # a save in progress
        (GOOD + b"c,2022-01-03,,Not cut, but a comma,,p,,,,S,,,,,,,,,,", ProblemCode.EXTRA_VALUES, False),
        (GOOD + b'c,2022-01-03,,"Cut short', ProblemCode.OPEN_QUOTE, False),
        (b"", ProblemCode.NOT_CSV, True),  # empty
        (b"id;date;title\n", ProblemCode.NOT_CSV, True),  # semicolons
        (b"id,title\nx,y\n", ProblemCode.HEADER, True),  # no date column
        (csv_bytes([]), ProblemCode.NO_ROWS, True),
        (csv_bytes([row("a", "2022-01-01", latitude="north", longitude="1")]), ProblemCode.OTHER, False),
        (
            csv_bytes(
                [
                    row("a", "2022-01-01"),
                    row("a", "2022-01-01", title="A", category="riot"),
                    row("b", "2022-01-01", category="Protests"),
                ]
            ),
            ProblemCode.CATEGORY_ALIKE,
            False,
        ),
    ],
)
def test_the_first_problem_has_a_code(data, code, file_level):
    problems = timeline.load_bytes(data).problems
    assert code in {p.code for p in problems}, problems
    found = next(p for p in problems if p.code == code)
    assert found.is_file_level == file_level


def test_first_row_empty_and_cut_short_codes():
    problems = timeline.load_bytes(csv_bytes([{"id": "a", "date": "2022", "source": "x"}])).problems
    assert {p.code for p in problems} == {ProblemCode.FIRST_ROW_EMPTY}
    assert CUT_SHORT == {ProblemCode.FIELD_COUNT, ProblemCode.OPEN_QUOTE}
