"""timeline.view.notices: the one line the page shows about the file's problems."""

from __future__ import annotations

import pytest

from timeline.view.notices import problems_summary


@pytest.mark.parametrize(
    "errors, warnings, left_out, kept_back, line",
    [
        (3, 0, 3, False, "3 rows of events.csv were left out: details"),
        (1, 0, 1, False, "1 row of events.csv was left out: details"),
        (400, 12, 400, False, "400 rows of events.csv were left out, and 12 warnings: details"),
        (2, 1, 1, False, "1 row of events.csv was left out, and 1 warning: details"),  # 2 errors in one row
        (0, 4, 0, False, "events.csv has 4 warnings; every row is shown: details"),
        (0, 1, 0, False, "events.csv has 1 warning; every row is shown: details"),
        (1, 0, 0, False, "events.csv has 1 error: details"),  # about the file as a whole (it cannot be read now)
        (1, 2, 0, False, "events.csv has 1 error and 2 warnings: details"),
        (
            1,
            300,
            0,
            True,
            "This is the published timeline. A newer save of events.csv is kept back until "
            "it is fixed or accepted; for editors, what happened and what to do:",
        ),
        (1200, 0, 1200, False, "1,200 rows of events.csv were left out: details"),
    ],
)
def test_one_line_about_the_problems(errors, warnings, left_out, kept_back, line):
    assert problems_summary(errors, warnings, left_out, "events.csv", kept_back) == line
