"""A problem: one validation finding, as the editor will read it."""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

ERROR = "error"      # the row is left out
WARNING = "warning"  # the row is kept


@dataclass(frozen=True, order=True)
class Problem:
    row: int          # spreadsheet row: the header is row 1; 0 for the file as a whole
    column: str       # column name, or "" when the problem is not in one column
    level: str        # ERROR or WARNING
    message: str      # what is wrong, the value, and how to fix it

    def format(self, path: str) -> str:
        where = f"{path}:{self.row}" if self.row else path
        column = self.column or "-"
        return f"{where}: {column}: {self.level}: {self.message}"

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
