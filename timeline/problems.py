"""A problem: one validation finding, as the editor will read it."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

import numpy as np

from . import i18n

ERROR = "error"      # the row is left out
WARNING = "warning"  # the row is kept


class ProblemCode(StrEnum):
    """What kind of finding a problem is, for the program (the message is for the editor)."""

    OTHER = "other"                  # a finding about one row's values
    # About the file as a whole (row 0) or its header (row 1):
    NO_FILE = "no-file"
    CANNOT_OPEN = "cannot-open"
    NOT_CSV = "not-csv"              # a workbook, UTF-16, empty, separated by semicolons...
    HEADER = "header"                # a column missing, unnamed, unknown or named twice
    NO_ROWS = "no-rows"              # a header and no rows yet
    DIAGNOSIS = "diagnosis"          # the cause behind many problems (diagnosis.first)
    KEPT_BACK = "kept-back"          # the dashboard's notice: a new version is not published
    # About a row's shape, as a row cut short by a save in progress has it:
    FIELD_COUNT = "field-count"      # more or fewer values than the header has columns
    OPEN_QUOTE = "open-quote"        # a double quote opens and never closes
    NOT_UTF8 = "not-utf8"            # a value holds bytes that are not UTF-8
    # Findings across rows (an appended row may change them):
    FIRST_ROW_EMPTY = "first-row-empty"        # title or category empty on an event's first row
    REPEATED_TITLE = "repeated-title"          # accounts repeating their event's title, other date
    CATEGORY_ALIKE = "category-alike"          # two spellings of one lane
    TOO_MANY_CATEGORIES = "too-many-categories"
    PLACED_BY_NAME = "placed-by-name"          # a location placed (or not) by its name


CUT_SHORT = frozenset({ProblemCode.FIELD_COUNT, ProblemCode.OPEN_QUOTE})  # what a row cut mid-write gets


@dataclass(frozen=True, order=True)
class Problem:
    row: int          # spreadsheet row: the header is row 1; 0 for the file as a whole
    column: str       # column name, or "" when the problem is not in one column
    level: str        # ERROR or WARNING
    message: str      # what is wrong, the value, and how to fix it
    code: ProblemCode = ProblemCode.OTHER

    @property
    def is_file_level(self) -> bool:
        """About the file as a whole (row 0) or its header (row 1), not one of its rows."""
        return self.row <= 1

    def format(self, path: str) -> str:
        """path:row: column: level: message (the level in the language in force, timeline.i18n)."""
        where = f"{path}:{self.row}" if self.row else path
        column = self.column or "-"
        return f"{where}: {column}: {i18n.gettext(self.level)}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Finding:
    """One cause behind several problems (a spreadsheet rewrote the dates...), the rows it
    explains (spreadsheet row numbers), and the problem of row 0 that says it; see diagnosis.first."""

    rows: np.ndarray
    problem: Problem      # row 0: the diagnosis
    always: bool = False  # said even when it explains few of the problems (a file-level cause)


def show(value: str, limit: int = 60) -> str:
    """A cell value quoted for a message, cut short when long."""
    text = str(value)
    if len(text) > limit:
        text = f"{text[:limit]}... ({len(str(value)):,} characters)"
    return repr(text)
