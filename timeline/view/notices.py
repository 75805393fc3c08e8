"""The one line the page shows about the file's problems; the list is folded behind it."""

from __future__ import annotations

from ..i18n import _, ngettext, number


def plural(n: int, word: str, many: str = "") -> str:
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def problems_summary(errors: int, warnings: int, rows_left_out: int, file: str, kept_back: bool = False) -> str:
    """What a viewer reads about the file's problems, in one line; "details" opens the list.

    Rows left out come first (they are what a viewer misses); warnings keep their rows, so
    they are only counted. While a newer save is kept back, the line says that the timeline
    shown is the published one."""
    if kept_back:
        return _(
            "This is the published timeline. A newer save of {file} is kept back until "
            "it is fixed or accepted; for editors, what happened and what to do:"
        ).format(file=file)
    counted = {
        "rows": ngettext("{n} row", "{n} rows", rows_left_out).format(n=number(rows_left_out)),
        "errors": ngettext("{n} error", "{n} errors", errors).format(n=number(errors)),
        "warnings": ngettext("{n} warning", "{n} warnings", warnings).format(n=number(warnings)),
        "file": file,
    }
    if rows_left_out:
        line = ngettext("{rows} of {file} was left out", "{rows} of {file} were left out", rows_left_out).format(
            **counted
        )
        if warnings:
            line += _(", and {warnings}").format(**counted)
    elif errors:
        line = (_("{file} has {errors} and {warnings}") if warnings else _("{file} has {errors}")).format(**counted)
    else:
        line = _("{file} has {warnings}; every row is shown").format(**counted)
    return line + _(": details")
