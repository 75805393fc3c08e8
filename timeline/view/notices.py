"""The one line the page shows about the file's problems; the list is folded behind it."""
from __future__ import annotations


def plural(n: int, word: str, many: str = "") -> str:
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def problems_summary(errors: int, warnings: int, rows_left_out: int, file: str,
                     kept_back: bool = False) -> str:
    """What a viewer reads about the file's problems, in one line; "details" opens the list.

    Rows left out come first (they are what a viewer misses); warnings keep their rows, so
    they are only counted. While a newer save is kept back, the line says that the timeline
    shown is the published one."""
    if kept_back:
        return (f"This is the published timeline. A newer save of {file} is kept back until "
                f"it is fixed or accepted; for editors, what happened and what to do:")
    if rows_left_out:
        line = f"{plural(rows_left_out, 'row')} of {file} {'was' if rows_left_out == 1 else 'were'} left out"
        if warnings:
            line += f", and {plural(warnings, 'warning')}"
    elif errors:
        line = f"{file} has {plural(errors, 'error')}" + (f" and {plural(warnings, 'warning')}" if warnings else "")
    else:
        line = f"{file} has {plural(warnings, 'warning')}; every row is shown"
    return line + ": details"
