"""Labels that fit the page: a long name or title is shortened with an ellipsis, so that no
control, button or lane can widen the page or make the browser lay out 20,000 characters. The
value behind a label (what a filter matches) is never shortened."""

from __future__ import annotations

NAME = 60  # an outlet or category in a control, a button or a lane of the chart
TITLE = 120  # an event's title in the list
HOVER = 90  # an event's title in the chart's hover
STEP = 48  # an event's title on the Previous and Next buttons


def shorten(text: str, limit: int) -> str:
    """`text` if it has at most `limit` characters, else its first characters and "…", `limit`
    in all (trailing spaces before the "…" dropped)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def full_text(text: str, limit: int) -> str:
    """What a `title` attribute (the tooltip) should hold: the text when its label is shortened,
    else nothing."""
    return text if len(text) > limit else ""
