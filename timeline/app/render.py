"""View data (timeline.view.panel) as Dash components. Strings become text nodes, never HTML."""
from __future__ import annotations

from dash import dcc, html

from ..filters import State
from ..problems import Problem
from ..view import labels
from ..view.controls import outlet_label
from ..view.panel import EventPanel, Listing, Media, Overview

SHOWN_PROBLEMS = 50
OUTLETS_SHOWN = 40   # the busiest outlets as buttons; the Outlets filter lists them all


class Img(html.Img):
    """html.Img with `loading`, which dash.html does not declare (its <img> is given every prop
    that reaches it): a picture lower down the panel is fetched only when scrolled near."""

    def __init__(self, loading: str = "lazy", **props):
        super().__init__(**props)
        if "loading" not in self._prop_names:   # a later dash.html may declare it
            self._prop_names = [*self._prop_names, "loading"]
        self.loading = loading


def event_panel(panel: EventPanel, state: State) -> list:
    close = dcc.Link("× Close", href="/" + state.select("").to_search(), className="close",
                     title="Back to the overview")
    head = [
        close,
        html.P([html.Span(className="swatch", style={"background": panel.colour}), panel.category],
               className="category"),
        html.H2(panel.title, id="event-title"),
        html.P(panel.date, className="when"),
    ]
    if panel.location or panel.coordinates:
        place = panel.location + (f" ({panel.coordinates})" if panel.coordinates else "")
        head.append(html.P(place, className="where"))
    if panel.disputed:
        head.append(html.P([html.Strong("Disputed. "), panel.dispute_note], className="dispute",
                           role="note"))
    accounts = [_account(a, panel.disputed) for a in panel.accounts]
    heading = f"{len(panel.accounts)} account{'s' if len(panel.accounts) != 1 else ''}"
    return head + [html.H3(heading), html.Ol(accounts, className="accounts")]


def _account(account, disputed: bool) -> html.Li:
    who = [html.Strong(account.source, className="outlet")]
    if account.claimed_by:
        who += [" · claim by ", html.Span(account.claimed_by, className="claimed-by")]
    parts = [html.P(who, className="who")]
    date_class = "account-date differs" if disputed and account.date_differs else "account-date"
    parts.append(html.P(["Date given: ", html.Span(account.date, className=date_class)]))
    if account.description:
        parts.append(html.P(account.description, className="description"))
    if account.media:
        parts.append(_media(account.media))
    meta = []
    if account.published:
        meta.append(f"Published {account.published}. ")
    if account.url:
        meta.append(html.A("Read the source ↗", href=account.url, target="_blank",
                           rel="noopener noreferrer", className="source-link"))
    meta.append(html.Span(f" (events.csv row {account.row})", className="row-ref"))
    parts.append(html.P(meta, className="meta"))
    return html.Li(parts, className="account")


def _media(media: Media) -> html.Figure:
    """A picture with its caption and credit beneath; a video or other page as a link (nothing
    is embedded: the reader's browser fetches the picture, the server never does)."""
    if media.kind == "image":
        shown = Img(src=media.url, alt=media.alt, referrerPolicy="no-referrer", className="media-image")
        notes = [html.Span(media.caption, className="media-caption")] if media.caption else []
    else:
        shown = html.A(media.label + " ↗", href=media.url, target="_blank", rel="noopener noreferrer",
                       className="media-link")
        notes = []
    if media.credit:
        notes.append(html.Span(f"Credit: {media.credit}", className="media-credit"))
    return html.Figure([shown, *([html.Figcaption(notes)] if notes else [])],
                       className=f"media {media.kind}")


def overview(view: Overview) -> list:
    heading = "Overview" + (" of the filtered events" if view.filtered else "")
    categories = html.Ul([
        html.Li([html.Span(className="swatch", style={"background": c}),
                 f"{labels.shorten(name, labels.NAME)}: {n:,}"], title=labels.full_text(name, labels.NAME) or None)
        for name, n, c in view.categories
    ], className="category-counts")
    buttons = html.Ul([
        html.Li(html.Button(outlet_label(name, n), id={"type": "outlet", "name": name},
                            className="outlet-button", title=f"Show only events reported by {name}"))
        for name, n in view.outlets[:OUTLETS_SHOWN]
    ], className="outlets")
    more = len(view.outlets) - OUTLETS_SHOWN
    rest = [html.P(f"... and {more:,} more outlets: choose them in the Outlets filter above.",
                   className="hint")] if more > 0 else []
    return [
        html.H2(heading),
        html.P(f"{view.events:,} events, {view.span}.", className="span"),
        html.P("Select an event on the timeline or in the list to read every account of it.",
               className="hint"),
        html.H3("Events per category"), categories,
        html.H3("Outlets (accounts); choose one to filter"), buttons, *rest,
    ]


def event_list(view: Listing) -> list:
    items = []
    for item in view.items:
        label = [
            html.Span(item.date, className="when"), " ",
            html.Span(className="swatch", style={"background": item.colour}),
            html.Span(item.title, className="title", title=item.full_title or None),
        ]
        if item.disputed:
            label.append(html.Span(" ◆ disputed", className="disputed-tag"))
        items.append(html.Li(
            dcc.Link(label, href=item.href, className="event-link"),
            className="selected" if item.selected else None, id={"type": "list-item", "id": item.id},
            **({"aria-current": "true"} if item.selected else {}),
        ))
    if not items:
        items = [html.Li("No events match the filters.", className="empty")]
    return items


def list_caption(view: Listing) -> str:
    if view.total <= len(view.items):
        return f"{view.total:,} events in date order"
    last = view.first + len(view.items) - 1
    return (f"Events {view.first:,} to {last:,} of {view.total:,} in date order "
            f"(the page follows the selection; use the filters to narrow)")


def problems(items: list[Problem], rows_left_out: int, path: str, kept_back: bool = False) -> list:
    """The problems box at the top of the page. While a new save is kept back (its notice comes
    first), its summary tells a reader that the timeline shown is the published one, calmly,
    and the notice below tells the editors what happened and what to do."""
    if not items:
        return []
    errors = sum(p.level == "error" for p in items)
    warnings = len(items) - errors
    summary = (f"{path} has {errors} error{'s' if errors != 1 else ''} and {warnings} "
               f"warning{'s' if warnings != 1 else ''}: {rows_left_out} row"
               f"{'s' if rows_left_out != 1 else ''} left out. Run `python -m timeline check` for the list.")
    if kept_back:
        summary = (f"This is the published timeline. A newer save of {path} is kept back until "
                   f"it is fixed or accepted; for editors, what happened and what to do:")
    rows = [
        html.Li([html.Span(p.level, className=f"level {p.level}"),
                 f" row {p.row}" if p.row else " file", f", {p.column}" if p.column else "",
                 ": ", p.message])
        for p in items[:SHOWN_PROBLEMS]
    ]
    if len(items) > SHOWN_PROBLEMS:
        rows.append(html.Li(f"... and {len(items) - SHOWN_PROBLEMS} more"))
    return [html.Details([html.Summary(summary), html.Ul(rows)], open=errors > 0)]


def missing_event(event_id: str):
    return html.P(f"There is no event with the id {event_id!r} in this file (it may have been "
                  f"renamed or filtered out of the data).", className="notice")


def filter_notices(messages: list[str]) -> list[Problem]:
    return [Problem(0, "filter", "warning", f"{m}; this date filter is ignored") for m in messages]


def refused_notices(messages) -> list[Problem]:
    """Values of the address or the controls over their bounds (timeline.filters.LIMITS)."""
    return [Problem(0, "filter", "warning", m) for m in messages or ()]
