"""What the side panel shows, as plain data: one event with every account, or an overview.

Text stays text: the app renders these strings as text nodes, never as HTML,
and a link is offered only for an http(s) address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from .. import dates, media, model
from ..i18n import _, listed, ngettext, number
from ..index import EventIndex, withdrawn
from ..links import is_web_link
from ..state import outlet_key
from . import claims, labels
from .figure import Window, colour, edges


@dataclass(frozen=True)
class Media:
    """A picture, video or other link that an account carries (its `media` columns)."""

    url: str  # http(s) only
    kind: str  # "image", "video" or "link" (timeline.media.kind)
    alt: str  # what an image shows, for who cannot see it ("" when not given)
    caption: str
    credit: str
    label: str  # a video's or a link's text: where it leads, then the caption


@dataclass(frozen=True)
class Account:
    source: str
    claimed_by: str
    date: str  # as a reader reads it, at its precision
    description: str
    url: str  # "" unless http(s)
    published: str  # its publication date, at its precision
    row: int
    date_differs: bool  # its date is not the event's date
    media: Media | None = None
    undated: str = ""  # a note when its day of publication is not known (issue 15)
    figure: str = ""  # its figure and unit: "238 dead"
    retracted: str = ""  # "retracted", or "retracted on 10 January 2022"
    published_in: bool = False  # published a month or a year, not a day ("Published in January 2022")

    @property
    def paragraphs(self) -> list[str]:
        return paragraphs(self.description)


@dataclass(frozen=True)
class EventPanel:
    id: str
    title: str
    category: str
    colour: str
    date: str
    location: str
    coordinates: str
    disputed: bool
    dispute_note: str
    accounts: list[Account] = field(default_factory=list)
    reported: list[claims.Reported] = field(default_factory=list)  # in the order they came out
    figures: dict[str, list[claims.Point]] = field(default_factory=dict)  # per unit
    as_of: str = ""  # the as-of date's label, when the panel shows the story as known then
    not_yet: int = 0  # accounts of the event published after the as-of date


@dataclass(frozen=True)
class Overview:
    span: str
    events: int
    total: int
    categories: list[tuple[str, int, str]]  # name, events, colour
    outlets: list[tuple[str, int]]  # outlet, accounts
    filtered: bool
    chosen: frozenset[str] = frozenset()  # the outlets the filters keep (their buttons are pressed)


_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n\s*")


def paragraphs(text: str) -> list[str]:
    """A description as its writer set it out: a blank line (or several) ends a paragraph; a
    single line break stays inside its paragraph (the page shows it as a line break)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return [part.strip() for part in _BLANK_LINE.split(text) if part.strip()]


def safe_url(url: str) -> str:
    """The link if it is a web link (links.is_web_link: http(s), a host, no space), else ""."""
    text = (url or "").strip()
    return text if is_web_link(text) else ""


def account_media(url: str, caption: str, credit: str, alt: str) -> Media | None:
    """The media of an account, or None when it has none or its link is not http(s)."""
    url = safe_url(url)
    what = media.kind(url)
    if not what:
        return None
    if what == "image":
        label = ""
    elif what == "video":
        label = _("Watch the video on {site}").format(site=media.video_site(url))
    else:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        label = _("Open the media on {host}").format(host=host)
    if label and caption:
        label += f": {caption}"
    return Media(url=url, kind=what, alt=alt, caption=caption, credit=credit, label=label)


def _written(start, precision, end, end_precision, shift: int = 0) -> tuple:
    """A date with its end, comparable: two accounts without an end compare equal. `shift`: the
    seconds that take it to the clock it is compared on (model.clock_shifts)."""
    moved = pd.Timedelta(seconds=shift)
    return (start - moved, precision) + ((end - moved, end_precision) if pd.notna(end) else (None, ""))


def event_panel(index: EventIndex, position: int) -> EventPanel:
    event = index.events.iloc[position]
    accounts = index.accounts_of(position)
    items, reported, points, seconds, moments = [], [], [], [], []
    known = index.known
    assert known is not None, "build_index and grow_index give every index its accounts' known dates"
    # Each date on one clock, where they are written at different UTC offsets: the event's first.
    offsets = [event["offset"], *accounts["offset"].tolist()]
    shifted = model.clock_shifts(offsets, np.zeros(len(offsets), dtype=np.int64), 1)
    shifts = [0] * len(offsets) if shifted is None else shifted.tolist()
    event_date = _written(event["start"], event["precision"], event["end"], event["end_precision"], shifts[0])
    # (as of a date, a retraction made later is not known yet)
    gone = withdrawn(accounts["is_retracted"].to_numpy(), accounts["retracted_on"].to_numpy(), index.as_of)
    for where, account, shift, gone_then in zip(
        accounts.index.tolist(), accounts.itertuples(index=False), shifts[1:], gone.tolist()
    ):
        label = dates.span(account.start, account.precision, account.offset, account.end, account.end_precision)
        published = dates.label(account.published_at, account.published_precision)
        second, undated = int(known.account[where]), bool(known.undated[where])
        when = claims.when_known(second, undated, published, account.precision)
        figure, unit = float(account.figure_value), str(account.figure_unit)
        retracted = claims.retraction(
            gone_then, account.retracted_on, index.as_of is not None, account.retracted_precision
        )
        who = account.claimed_by or account.source
        seconds.append(second)
        reported.append(
            claims.Reported(
                when,
                undated,
                who,
                account.source,
                claims.said(account.description, figure, unit),
                retracted,
                int(account.row),
            )
        )
        if figure == figure:
            points.append(
                claims.Point(
                    second,
                    when,
                    figure,
                    unit,
                    account.source,
                    who,
                    undated,
                    retracted,
                    int(account.row),
                    # (its month's first day, as published 2022-11 places it, or an undated account of
                    # a month, 2022-07, known from its first day: that month on the axis, not "1 Jul";
                    # a year's likewise: "2022", not "1 Jan")
                    precision=_placed_as(
                        second,
                        [(account.published_at, account.published_precision)]
                        + ([(account.start, account.precision)] if undated else []),
                    ),
                )
            )
        moments.append(_written(account.start, account.precision, account.end, account.end_precision, shift))
        items.append(
            Account(
                source=account.source,
                claimed_by=account.claimed_by,
                date=label,
                description=account.description,
                url=safe_url(account.source_url),
                published=dates.label(account.published_at, account.published_precision),
                published_in=account.published_precision in ("month", "year"),
                row=int(account.row),
                date_differs=moments[-1] != event_date,
                media=account_media(account.media, account.media_caption, account.media_credit, account.media_alt),
                undated=("" if not undated else when[0].upper() + when[1:]),
                figure=f"{claims.number(figure)} {unit}".strip() if figure == figure else "",
                retracted=retracted,
            )
        )
    note = ""
    if bool(index.disputed[position]):
        # (one moment written on two clocks is one date: the first account's way of writing it)
        firsts: dict = {}
        for moment, item in zip(moments, items):
            firsts.setdefault(moment, item.date)
        distinct = list(firsts.values())
        note = _(
            "Sources disagree on the date: {n} different dates are given ({dates}). Each account below shows its own."
        ).format(n=len(distinct), dates=listed(distinct, ";"))
    has_place = pd.notna(event["lat"]) and pd.notna(event["lon"])
    # (an event chosen as of a date before any account giving its date was out, by a link: neither
    # its date nor its place is said, one nobody had given yet)
    unknown = not index.dated(position)
    return EventPanel(
        id=str(event["id"]),
        title=str(event["title"]),
        category=str(index.lanes[index.lane[position]]),
        colour=colour(int(index.lane[position])),
        date="" if unknown else index.date_label(position),
        location="" if unknown else str(event["location"]),
        coordinates=f"{event['lat']:.4f}, {event['lon']:.4f}" if has_place and not unknown else "",
        disputed=bool(index.disputed[position]),
        dispute_note=note,
        accounts=items,
        reported=claims.sequence(reported, seconds),
        figures=claims.series(points),
        as_of=dates.label(np.datetime64(index.as_of, "s"), "day") if index.as_of is not None else "",
        not_yet=int(index.account_bounds[position + 1] - index.account_bounds[position]) - len(items),
    )


def _span(index: EventIndex, kept: np.ndarray) -> str:
    """When the events of `kept` happened, from the first's start to the end of the one that ends
    last, each as written to the day at most ("December 2021", not its last day); one day (or
    month, or year) alone where the two are the same ("5 January 2022", not "... to 5 January 2022")."""
    if not len(kept):
        return _("no events")
    events = index.events
    first, last = kept[0], kept[int(np.argmax(index.last[kept]))]
    if events["start"].iat[last] <= events["start"].iat[first]:
        first = last  # (one event holds every other: 2022, and 1 January 2022 in it, is "2022", in any order)
    ended = not pd.isna(events["end"].iat[last])
    start = _as_day(events["start"].iat[first], events["precision"].iat[first])
    end = _as_day(
        events["end" if ended else "start"].iat[last], events["end_precision" if ended else "precision"].iat[last]
    )
    return start if start == end else _("{start} to {end}").format(start=start, end=end)


def _as_day(value, precision: str) -> str:
    """A date as dates.label writes it, a time left out (its day said)."""
    return dates.label(value, "day" if precision in ("minute", "second") else precision)


def _categories(index: EventIndex, kept: np.ndarray) -> list[tuple[str, int, str]]:
    per_lane = np.bincount(index.lane[kept], minlength=len(index.lanes))
    return [(name, int(n), colour(i)) for i, (name, n) in enumerate(zip(index.lanes, per_lane)) if n]


def overview(index: EventIndex, mask: np.ndarray, filtered: bool, sources: tuple[str, ...] = ()) -> Overview:
    """What the panel shows with no event chosen; `sources`: the outlets the filters keep (as
    the address and the Outlets dropdown hold them: state.outlet_key), whose buttons are pressed."""
    kept = np.flatnonzero(mask)
    span, categories = _span(index, kept), _categories(index, kept)
    codes = index.source_code  # (one code for the names one outlet goes by: Le Monde, le monde)
    if filtered and len(codes):
        accounts = mask[index.account_event]
        codes = codes[accounts & index.shown if index.shown is not None else accounts]  # (as of a date)
    counts = np.bincount(codes[codes >= 0], minlength=len(index.source_keys))
    outlets = [(name, int(n)) for name, n in zip(index.source_names, counts.tolist()) if n]
    outlets.sort(key=lambda item: (-item[1], item[0].lower()))
    chosen = (
        frozenset(name for name, _n in outlets if outlet_key(name, labels.NAME) in sources) if sources else frozenset()
    )
    return Overview(span, len(kept), len(index), categories, outlets, filtered, chosen)


def counter_text(index: EventIndex, mask: np.ndarray) -> str:
    """ "28 of 35 events", and as of a date, "as known on 8 January 2022"."""
    text = ngettext("{shown} of {total} event", "{shown} of {total} events", len(index)).format(
        shown=number(int(mask.sum())), total=number(len(index))
    )
    if index.as_of is not None:
        text += _(", as known on {date}").format(date=dates.label(np.datetime64(index.as_of, "s"), "day"))
    return text


CATEGORIES_NAMED = 12  # in the chart's summary; the rest are counted


def chart_summary(index: EventIndex, mask: np.ndarray, filtered: bool, window: Window | None = None) -> str:
    """The chart said in words, for readers who cannot see it (the events themselves are in
    the list): how many events, over what span, in which categories; and, where the view
    (`window`) leaves some of them out, what it shows, as a zoom changes it."""
    kept = np.flatnonzero(mask)
    if not len(index):  # (a file of no rows, or none that can be read, or none there)
        return _("The chart is empty: the events file has no event to show.")
    if not len(kept):
        return _("The chart is empty: no events match the filters.")
    categories = _categories(index, kept)
    named = [f"{labels.shorten(name, labels.NAME)} {number(n)}" for name, n, _c in categories[:CATEGORIES_NAMED]]
    more = len(categories) - CATEGORIES_NAMED
    if more > 0:
        named.append(_("{n} more").format(n=number(more)))
    lanes = len(categories)
    counted = (
        ngettext("{shown} of {total} event", "{shown} of {total} events", len(index)).format(
            shown=number(len(kept)), total=number(len(index))
        )
        if filtered
        else ngettext("{n} event", "{n} events", len(kept)).format(n=number(len(kept)))
    )
    categories_text = ngettext("{n} category", "{n} categories", lanes).format(n=number(lanes))
    said = _("Timeline chart: {counted}, {span}, one row per category ({categories}: {named}).").format(
        counted=counted, span=_span(index, kept), categories=categories_text, named=listed(named)
    )
    view = view_said(index, mask, window)
    return f"{said} {view}" if view else said


def view_said(index: EventIndex, mask: np.ndarray, window: Window | None) -> str:
    """What the chart's view (`window`) shows where it leaves some of the events out, as a zoom
    changes it ("The view shows 5 to 8 January 2022: ..."); "" where it shows them all."""
    if window is None or not mask.any():
        return ""
    in_view = edges(index, mask, window)
    if not (in_view.before or in_view.after):
        return ""
    precision = "minute" if window.high - window.low < ZOOMED_TO_HOURS else "day"
    # (to the minute: a zoom's edges fall on any second, which said aloud says no more than the minute)
    return _("The view shows {start} to {end}: {in_view}.").format(
        start=dates.label(np.datetime64(int(window.low) // 60 * 60, "s"), precision),
        end=dates.label(np.datetime64(int(window.high) // 60 * 60, "s"), precision),
        in_view=in_view.text(),
    )


ZOOMED_TO_HOURS = 3 * 86400  # seconds: a view narrower than this is said to the minute


def _placed_as(second: int, dates_placing: list) -> str:
    """What the axis writes of an account's figure placed at `second` (claims.Point.precision):
    the precision of the date that places it there, of those that may ((moment, precision): its
    publication date, and its own where that gives no day), the finer where both do: "month"
    for published 2022-11 placed at 1 November, "year" for an undated account of 2022; "day"
    for any other."""
    at = {
        precision
        for moment, precision in dates_placing
        if pd.notna(moment) and int(pd.Timestamp(moment).as_unit("s").asm8.astype(np.int64)) == second
    }
    return "day" if not at or not at <= {"month", "year"} else "month" if "month" in at else "year"
