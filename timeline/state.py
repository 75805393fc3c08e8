"""What a viewer asked to see, read from and written to the page's address.

    /?event=shoot-to-kill-order&category=security&source=TASS&q=almaty&from=2022-01-05&to=2022-01-10
     &zoom=2022-01-06T12:00/2022-01-08
    /?event=shoot-to-kill-order&embed=1          (the compact view, for an <iframe> in an article)

`State` is the whole shareable view: the selected event, the `Filters`, the time range the
chart is zoomed to (wall-clock times, as the chart's axis shows them, or `zoom=all`: every event,
however many are appended after the link is shared) and whether the page is
the compact view made for embedding (`embed=1`, kept by every link and step inside it).
`apply` turns filters into a mask over an `EventIndex`, vectorised.

Every value has a bound (`LIMITS`), checked before anything parses it: a value over its bound,
or not of its shape, is refused (left out of the state, so no link carries it) and said why in
`State.refused`, shown on the page as a notice.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

import numpy as np

from . import dates, i18n, schema
from .i18n import _
from .index import EventIndex, seconds
from .search import events_from_sources, events_with_text


@dataclass(frozen=True)
class Filters:
    categories: tuple[str, ...] = ()  # lane names as shown; matched case-insensitively
    sources: tuple[str, ...] = ()  # outlets; an event matches if any account is from one
    text: str = ""  # every word must appear in the event's text
    date_from: str = ""  # as typed: any date form `check` accepts
    date_to: str = ""
    area: Area | None = None  # only the events placed inside (the map's view)
    as_of: str = ""  # as typed: only what was published by then (issue 15)

    @property
    def active(self) -> bool:
        return bool(
            self.categories or self.sources or self.text or self.date_from or self.date_to or self.area or self.as_of
        )


@dataclass(frozen=True)
class Limits:
    address: int = 8_000  # characters in the whole address's query
    text: int = 300  # characters in `q`
    words: int = 8  # distinct words in `q` (each a scan of the text of the events still kept)
    date: int = 40  # characters in `from`, `to` and `asof`
    event: int = 200  # characters in `event`
    chosen: int = 30  # categories, and outlets, chosen at once
    name: int = 300  # characters in one category's or outlet's name
    zoom: int = 60  # characters in `zoom`


LIMITS = Limits()


def outlet_key(name: str, longest: int = 60) -> str:
    """An outlet as the address and the Outlets dropdown hold it: its name, or for a name longer
    than `longest`, a short stand-in (its beginning and a digest of the whole name), which
    `apply` turns back into the name. A source of 20,000 characters can then be chosen, linked
    to and filtered on, within the address's bounds."""
    if len(name) <= longest:
        return name
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{name[: longest - 13].rstrip()}… #{digest}"


def outlet_names(keys, outlets) -> list[str]:
    """The outlets that keys stand for (`outlet_key`; a key that stands for none is kept)."""
    stand_ins = {outlet_key(name): name for name, _ in outlets if len(name) > 60}
    return [stand_ins.get(key, key) for key in keys]


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # (a byte that is no UTF-8, kept by surrogateescape)
_DATE_SHAPE = re.compile(r"[\w ,.:/+\-]+")  # 2022-01-07T14:30+06:00, 7 January 2022, AD 600, UTC
_ID_SHAPE = re.compile(schema.ID_PATTERN)


@dataclass(frozen=True)
class State:
    event: str = ""
    filters: Filters = field(default_factory=Filters)
    # (first, last) second shown, when the viewer zoomed; WHOLE: every event, however many come
    zoom: tuple[int, int] | str | None = None
    embed: bool = False  # the compact view for an <iframe> (`embed=1`)
    map: MapView | None = None  # where the map is, when the viewer moved it
    lang: str = ""  # the reader's language, when the address names it (`lang=fr`)
    refused: tuple[str, ...] = field(default=(), compare=False)  # why values were left out

    @classmethod
    def from_search(cls, search: str | None) -> State:
        search = search if isinstance(search, str) else ""
        if len(search) > LIMITS.address:
            return cls(
                refused=(
                    _("The address is {n} characters long, over {limit}: it is not read").format(
                        n=i18n.number(len(search)), limit=i18n.number(LIMITS.address)
                    ),
                )
            )
        # (a %-escape that is no UTF-8, as a link cut in the middle of one has: `q=%E0%A4%A` was
        # searched for as "\ufffd%A", and no event found, with nothing said)
        args: dict[str, list[str]] = {}
        broken: list[str] = []
        for key, value in parse_qsl(search.lstrip("?"), keep_blank_values=False, errors="surrogateescape"):
            if _ESCAPED_BYTE.search(key + value):
                broken.append(key.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            else:
                args.setdefault(key, []).append(value)

        def one(name: str) -> str:
            return (args.get(name) or [""])[-1].strip()

        def many(name: str) -> tuple[str, ...]:
            values = [v.strip() for v in args.get(name, []) if v.strip()]
            return tuple(dict.fromkeys(values))

        event, zoom, embed, refused = one("event"), one("zoom"), one("embed"), []
        if broken:
            refused.append(
                _("{names}: a %-escape in the address that is no text (a link cut or changed): ignored").format(
                    names=", ".join(dict.fromkeys(quoted(name) for name in broken))
                )
            )
        lang = one("lang")
        # (a language's tag, in any case, its region or script after it: fr-FR, AR, zh_Hant is zh)
        named = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
        lang = named if named in i18n.LANGUAGES else lang
        if lang and lang not in i18n.LANGUAGES:
            refused.append(
                _("'lang' {value} is not a language of this site ({languages}): it is ignored").format(
                    value=quoted(lang), languages=", ".join(i18n.LANGUAGES)
                )
            )
            lang = ""
        map_view, area = MapView.from_text(one("map")), Area.from_text(one("area"))
        for name, value, read in (("map", one("map"), map_view), ("area", one("area"), area)):
            if value and read is None:
                refused.append(
                    _("'{name}' {value} is not a place on the map ({form} in degrees): it is ignored").format(
                        name=name,
                        value=quoted(value),
                        form=(_("zoom/latitude/longitude") if name == "map" else _("south,west,north,east")),
                    )
                )
        if event and (len(event) > LIMITS.event or not _ID_SHAPE.fullmatch(event)):
            refused.append(
                _(
                    "'event' {value} is not an event id (lowercase letters, digits "
                    "and hyphens, at most {limit} characters): it is ignored"
                ).format(value=quoted(event), limit=LIMITS.event)
            )
            event = ""
        if len(zoom) > LIMITS.zoom:
            refused.append(
                _("'zoom' is {n} characters long, over {limit}: it is ignored").format(
                    n=i18n.number(len(zoom)), limit=LIMITS.zoom
                )
            )
            zoom = ""
        read_zoom = zoom_from_text(zoom) if zoom else None
        if zoom and read_zoom is None:  # (it was dropped with nothing said, as a bad map= was not)
            refused.append(
                _(
                    "'zoom' {value} is not a span of time on the chart (two moments, the earlier first, such as "
                    "2022-01-06T12:00/2022-01-08, or all): it is ignored"
                ).format(value=quoted(zoom))
            )
        if embed not in ("", "0", "1"):
            refused.append(
                _("'embed' {value} is not 1 (the view for embedding) or 0: it is ignored").format(value=quoted(embed))
            )
        filters, more = checked(
            Filters(many("category"), many("source"), one("q"), one("from"), one("to"), area, one("asof"))
        )
        return cls(
            event=event,
            filters=filters,
            zoom=read_zoom,
            embed=embed == "1",
            map=map_view,
            lang=lang,
            refused=(*refused, *more),
        )

    def to_search(self) -> str:
        f = self.filters
        pairs = [("event", self.event)] if self.event else []
        pairs += [("category", c) for c in f.categories]
        pairs += [("source", s) for s in f.sources]
        pairs += [(k, v) for k, v in (("q", f.text), ("from", f.date_from), ("to", f.date_to), ("asof", f.as_of)) if v]
        pairs += [("embed", "1")] if self.embed else []
        pairs += [("lang", self.lang)] if self.lang else []
        query = urlencode(pairs)
        # (digits, "-", ".", ",", "T", ":" and "/": nothing to escape, and easier to read)
        for name, text in (
            ("area", f.area.to_text() if f.area else ""),
            ("zoom", zoom_text(self.zoom) if self.zoom else ""),  # (WHOLE as itself: zoom=all)
            ("map", self.map.to_text() if self.map else ""),
        ):
            if text:
                query += ("&" if query else "") + f"{name}={text}"
        return "?" + query if query else ""

    def view(self) -> str:
        """The view's address without where the chart and the map are (the zoom, the map's
        place): the page's `view` store, which neither a zoom nor a pan of the map changes, so
        that neither redraws anything. (The page a link with map= opened stored it with the map's
        place, which `navigate` then left out: a changed view, on which the chart followed the
        chosen event out of the link's zoom.)"""
        return self.zoomed(None).mapped(None).to_search()

    def mapped(self, view: MapView | None) -> State:
        """With the map at `view` (as the page reports it)."""
        return replace(self, map=view)

    def speaking(self, lang: str) -> State:
        """The same view in another language ("" : the reader's own)."""
        return replace(self, lang=lang if lang in i18n.LANGUAGES else "")

    def select(self, event: str) -> State:
        return replace(self, event=event or "")

    def embedded(self, embed: bool = True) -> State:
        """The same view, compact for embedding (or, with embed=False, the full page)."""
        return replace(self, embed=embed)

    @property
    def window(self) -> tuple[int, int] | None:
        """The (first, last) second the chart is zoomed to; None when it is not, or is zoomed to
        every event (WHOLE)."""
        return self.zoom if isinstance(self.zoom, tuple) else None

    def zoomed(self, zoom) -> State:
        """With the chart zoomed to (first, last) seconds, or to WHOLE; None or empty: not zoomed."""
        return replace(self, zoom=WHOLE if zoom == WHOLE else (int(zoom[0]), int(zoom[1])) if zoom else None)

    def with_filters(self, **changes) -> State:
        """With some filters changed; a changed value over its bound is refused (see `checked`)."""
        filters, refused = checked(replace(self.filters, **changes))
        return replace(self, filters=filters, refused=refused)


def checked(filters: Filters) -> tuple[Filters, tuple[str, ...]]:
    """The filters with every value over its bound, or not of its shape, left out; and why.

    Only lengths, counts and a character class are looked at: nothing is parsed."""
    kept: dict = {}
    refused: list[str] = []
    for name, label in (("categories", "categories"), ("sources", "outlets")):
        values = getattr(filters, name)
        if len(values) > LIMITS.chosen:
            refused.append(
                (
                    _("{n} categories chosen, over {limit}: none is applied")
                    if label == "categories"
                    else _("{n} outlets chosen, over {limit}: none is applied")
                ).format(n=i18n.number(len(values)), limit=LIMITS.chosen)
            )
            kept[name] = ()
        elif any(len(v) > LIMITS.name for v in values):
            refused.append(
                (
                    _("a name among the categories is over {limit} characters: it is not applied")
                    if label == "categories"
                    else _("a name among the outlets is over {limit} characters: it is not applied")
                ).format(limit=LIMITS.name)
            )
            kept[name] = tuple(v for v in values if len(v) <= LIMITS.name)
    text = filters.text
    if len(text) > LIMITS.text:
        refused.append(
            _("the search is {n} characters long, over {limit}: it is ignored").format(
                n=i18n.number(len(text)), limit=LIMITS.text
            )
        )
        kept["text"] = ""
    elif len(search_words(text)) > LIMITS.words:
        refused.append(
            _("the search has {n} different words, over {limit}: it is ignored").format(
                n=len(search_words(text)), limit=LIMITS.words
            )
        )
        kept["text"] = ""
    for name, field_name in (("from", "date_from"), ("to", "date_to"), ("asof", "as_of")):
        value = getattr(filters, field_name)
        if len(value) > LIMITS.date:
            refused.append(
                _("'{name}' date is {n} characters long, over {limit}: this date filter is ignored").format(
                    name=date_box(name), n=i18n.number(len(value)), limit=LIMITS.date
                )
            )
            kept[field_name] = ""
        elif value and not _DATE_SHAPE.fullmatch(value):
            refused.append(
                _(
                    "'{name}' date {value} is not a date (letters, digits, spaces and "
                    ", . : / + - only): this date filter is ignored"
                ).format(name=date_box(name), value=repr(value))
            )
            kept[field_name] = ""
    return (replace(filters, **kept) if kept else filters), tuple(refused)


def search_words(text: str) -> list[str]:
    """The distinct words of a search, as it looks them up (any case), without the quotes and
    the punctuation at their edges: "shoot to kill" (each word, the quotes typed for a phrase),
    Almaty, and zhanaozen. find what the words alone find (they found nothing, or less)."""
    words = (word.strip(_WORD_EDGES).lower() for word in text.split())
    return list(dict.fromkeys(word for word in words if word))


# Quotes and the punctuation that ends a word or a sentence, in the scripts of the page's languages
# (not a hyphen, an apostrophe inside a word, # or @, which a word may begin with).
_WORD_EDGES = "\"'“”‘’„«»‹›.,;:!?()[]{}…¡¿،؛؟"


def quoted(value: str) -> str:
    """A refused value as a notice quotes it: whole when short, else its length."""
    return repr(value) if len(value) <= 60 else _("of {n} characters").format(n=i18n.number(len(value)))


# The zoom "Show the whole span" asks for: every event kept, from the first to the last, however
# many are appended after the link was shared (a fixed range would leave them out of it).
WHOLE = "all"


def zoom_text(zoom: tuple[int, int] | str) -> str:
    """(first, last) seconds as the address shows them: 2022-01-06T12:00/2022-01-08, each end
    as short as it can be without losing a second (the page writes the same: see
    timeline/app/callbacks.py); WHOLE as itself, `all`."""
    if isinstance(zoom, str):
        return WHOLE
    return "/".join(_moment(second) for second in zoom)


def _moment(second: int) -> str:
    text = str(dates.iso_text(np.array([second], dtype=np.int64).astype("datetime64[s]"))[0])
    for tail in (":00", "T00:00"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text


_MOMENT = re.compile(r"-?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?")


def zoom_from_text(text: str) -> tuple[int, int] | str | None:
    """`zoom_text` read back; None for anything else (a link cut short, a hand-edited one)."""
    if text.lower() == WHOLE:
        return WHOLE
    first, _, last = text.partition("/")
    first, last = first.strip(), last.strip()
    if not (_MOMENT.fullmatch(first) and _MOMENT.fullmatch(last)):
        return None
    try:
        low, high = (int(np.datetime64(part, "s").astype(np.int64)) for part in (first, last))
    except (ValueError, TypeError, OverflowError):
        return None
    return (low, high) if low < high else None


def date_bound(text: str, last: bool = False) -> int | None:
    """A typed date as seconds: its first moment, or with last=True its last one."""
    if not text:
        return None
    try:
        when, precision, _ = dates.parse_one(text)
    except dates.DateError:
        return None
    value = dates.span_end(when, precision) if last else when
    return int(value.as_unit("s").to_datetime64().astype(np.int64))


def date_range(filters: Filters) -> tuple[int | None, int | None]:
    """The date filter's first and last seconds (None: no bound). A "from" after "to", typed the
    wrong way round, is read as the range between the two (said by `swapped_dates`)."""
    if _swapped(filters):
        return date_bound(filters.date_to), date_bound(filters.date_from, last=True)
    return date_bound(filters.date_from), date_bound(filters.date_to, last=True)


def _swapped(filters: Filters) -> bool:
    """Whether "from" is after "to" (both read)."""
    low, high = date_bound(filters.date_from), date_bound(filters.date_to, last=True)
    return low is not None and high is not None and low > high


def swapped_dates(filters: Filters) -> list[str]:
    """What to say of a "from" after "to": the notice that the range between them is shown."""
    if not _swapped(filters):
        return []
    return [
        _("'{from_}' date {first} is after '{to}' date {last}: the events between the two are shown").format(
            from_=date_box("from"), first=repr(filters.date_from), to=date_box("to"), last=repr(filters.date_to)
        )
    ]


def as_of_bound(filters: Filters) -> int | None:
    """The as-of date's last second (an account published that day counts), or None."""
    return date_bound(filters.as_of, last=True)


def date_box(name: str) -> str:
    """A date filter's box ("from", "to", "asof", as the address names it) as the page labels it,
    in the reader's language: a notice names the box the reader typed in."""
    return {"from": _("From"), "to": _("to"), "asof": _("As of")}[name]


def bad_dates(filters: Filters) -> list[str]:
    """The typed filter dates that cannot be read, with why."""
    return list(unreadable_dates(filters).values())


def in_force(filters: Filters) -> bool:
    """Whether a filter applies: one that is set, but a date that cannot be read (it stays in its
    box, marked, and applies nothing: the panel said "Overview of the filtered events" of all)."""
    if not filters.active:
        return False
    if filters.categories or filters.sources or filters.text or filters.area:
        return True
    unreadable = unreadable_dates(filters)
    return any(getattr(filters, name) and name not in unreadable for name in ("date_from", "date_to", "as_of"))


def unreadable_dates(filters: Filters) -> dict[str, str]:
    """Each typed filter date that cannot be read, by its field ("date_from"), with why."""
    problems = {}
    for name, field_name in (("from", "date_from"), ("to", "date_to"), ("asof", "as_of")):
        text = getattr(filters, field_name)
        if text:
            try:
                dates.parse_one(text)
            except dates.DateError as error:
                said = error.args[0] if error.args else ""
                english = said.english() if hasattr(said, "english") else str(said)
                # (a reason that is a sentence of its own, "February 2022 has 28 days", after a colon)
                template = (
                    _("'{name}' date {value}: {why}")
                    if english[:1].isdigit() or english[:1].isupper()
                    else _("'{name}' date {value} {why}")
                )
                problems[field_name] = template.format(name=date_box(name), value=repr(text), why=error)
    return problems


def apply(index: EventIndex, filters: Filters, words=None) -> np.ndarray:
    """A boolean mask over the index's events: those the filters keep.

    `words(word, within)` gives the events whose text holds a word, among the events `within`
    (the app passes a cached one). The search, the slowest filter, comes last, and each word is
    looked for only among the events the filters and the words before it keep (a word matched
    by few events leaves little text to read for the others)."""
    mask = np.ones(len(index), dtype=bool)
    if not len(index) or not filters.active:
        return mask
    if filters.categories:
        wanted = {c.lower() for c in filters.categories}
        lane_ok = np.array([name.lower() in wanted for name in index.lanes], dtype=bool)
        mask &= lane_ok[index.lane]
    if filters.sources:
        mask &= events_from_sources(index, outlet_names(filters.sources, index.outlets))
    if filters.area:
        mask &= filters.area.contains(index.lat, index.lon)
    as_of = as_of_bound(filters)
    if as_of is not None and index.known is not None:  # events with an account known by then
        mask &= index.known.event <= as_of
    low, high = date_range(filters)
    if low is not None:
        mask &= index.last >= low
    if high is not None:
        mask &= index.start <= high
    for word in search_words(filters.text):
        mask &= words(word, mask) if words else events_with_text(index, word, mask)
    return mask


def step(
    index: EventIndex, mask: np.ndarray, current: str, direction: int, window: tuple[int, int] | None = None
) -> str:
    """The id of the previous (-1) or next (+1) kept event in date order. From no event: in a
    chart zoomed to `window` (its first and last second), Next is the first event whose mark is
    in it and Previous the last (or, when none is, the nearest beyond its edge that way), not the
    first and last of the whole file, which took the viewer away from the part they were reading."""
    kept = np.flatnonzero(mask)
    if not len(kept):
        return current
    position = index.position(current)
    if position is None:
        if window is not None:
            kept = _from_window(index, kept, window, direction)
            if not len(kept):
                return current
        return str(index.events["id"].iat[kept[0] if direction > 0 else kept[-1]])
    beyond = kept[kept > position] if direction > 0 else kept[kept < position][::-1]
    return str(index.events["id"].iat[beyond[0]]) if len(beyond) else current


def _from_window(index: EventIndex, kept: np.ndarray, window: tuple[int, int], direction: int) -> np.ndarray:
    """The kept events a step from no event chooses among in a chart showing `window`: those whose
    mark is in it (a span's start, a point's middle: where the chart keeps a chosen event in
    view, timeline.view.figure.spot), else the one whose mark is nearest beyond its edge in
    `direction` (a year's event is drawn at mid-year, later than its place in date order)."""
    low, high = window
    at = index.x[kept]
    inside = (at >= low) & (at <= high)
    if inside.any():
        return kept[inside]
    beyond = np.flatnonzero(at > high if direction > 0 else at < low)
    if not len(beyond):
        return beyond
    nearest = beyond[np.argmin(at[beyond])] if direction > 0 else beyond[::-1][np.argmax(at[beyond][::-1])]
    return kept[nearest][None]


__all__ = [
    "Filters",
    "State",
    "LIMITS",
    "checked",
    "search_words",
    "apply",
    "step",
    "date_bound",
    "as_of_bound",
    "bad_dates",
    "date_range",
    "swapped_dates",
    "unreadable_dates",
    "seconds",
    "WHOLE",
    "zoom_text",
    "zoom_from_text",
]


# --- The map: where it is (map=zoom/lat/lon, as OpenStreetMap's links write it), and the area
# "only what is on the map" keeps (area=south,west,north,east) --------------------------------

MAX_MAP_ZOOM = 18


def _decimal(value: float) -> str:
    """A number as short as it can be written at 4 decimals: 46.2, 76.8897, 5."""
    return f"{round(value, 4) + 0.0:.4f}".rstrip("0").rstrip(".")  # (+ 0.0: -0.0 is written 0)


@dataclass(frozen=True)
class MapView:
    zoom: float
    lat: float
    lon: float

    def to_text(self) -> str:
        return "/".join(_decimal(v) for v in (self.zoom, self.lat, self.lon))

    @classmethod
    def of(cls, values, wrap: bool = True) -> MapView | None:
        """From the page's [zoom, lat, lon]; None unless three numbers in range. With `wrap`,
        a longitude beyond ±180 (a map dragged round the world) is brought back."""
        try:
            zoom, lat, lon = (float(v) for v in values)
        except (TypeError, ValueError):
            return None
        if wrap and np.isfinite(lon) and abs(lon) > 180:
            lon = (lon + 180) % 360 - 180
        if not (0 <= zoom <= MAX_MAP_ZOOM and -90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        return cls(round(zoom, 1), round(lat, 4), round(lon, 4))

    @classmethod
    def from_text(cls, text: str | None) -> MapView | None:
        """`to_text` read back; None for anything else."""
        if not text or len(text) > 40 or text.count("/") != 2:
            return None
        return cls.of(text.split("/"), wrap=False)


@dataclass(frozen=True)
class Area:
    """Part of the map: south, west, north and east edges in degrees (west > 180 or east
    < -180 when a view crosses the antimeridian)."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def of(cls, values) -> Area | None:
        """From [south, west, north, east]; None unless four numbers that make an area."""
        try:
            south, west, north, east = (float(v) for v in values)
        except (TypeError, ValueError):
            return None
        if not all(np.isfinite(v) for v in (south, west, north, east)):
            return None
        south, north = max(south, -90.0), min(north, 90.0)
        if south > north or west > east or abs(west) > 540 or abs(east) > 540:
            return None
        if east - west >= 360:  # the whole world, maybe more than once around
            west, east = -180.0, 180.0
        return cls(round(south, 3), round(west, 3), round(north, 3), round(east, 3))

    @classmethod
    def from_text(cls, text: str | None) -> Area | None:
        if not text or len(text) > 60 or text.count(",") != 3:
            return None
        return cls.of(text.split(","))

    def to_text(self) -> str:
        return ",".join(_decimal(v) for v in (self.south, self.west, self.north, self.east))

    def contains(self, lat, lon) -> np.ndarray:
        """Which points are inside (NaN: no place, never inside); a view across the
        antimeridian holds the points on both sides of it."""
        lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
        inside_lon = np.zeros(lon.shape, dtype=bool)
        for turn in (-360.0, 0.0, 360.0):
            inside_lon |= (lon + turn >= self.west) & (lon + turn <= self.east)
        return (lat >= self.south) & (lat <= self.north) & inside_lon

    def as_list(self) -> list[float]:
        return [self.south, self.west, self.north, self.east]
