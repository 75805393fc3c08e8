"""View data (timeline.view.panel) as Dash components. Strings become text nodes, never HTML."""

from __future__ import annotations

import itertools
import re
from typing import Any

from dash import dcc, html
from dash.development.base_component import Component

from .. import i18n
from ..i18n import N_, _, data_attributes, ngettext, number, sentence
from ..problems import Message, Problem
from ..state import State
from ..view import claims, labels
from ..view.controls import outlet_label
from ..view.listing import NOWHERE, Listing, Step
from ..view.notices import problems_summary
from ..view.panel import EventPanel, Media, Overview

SHOWN_PROBLEMS = 50
LEVELS = (N_("error"), N_("warning"))  # a problem's level, as the page shows it
OUTLETS_SHOWN = 40  # the busiest outlets as buttons; the Outlets filter lists them all
# What a download holds, under the list's buttons: shown where the viewer must know it (it holds
# fewer than the filters keep; none was made), else only said to a screen reader.
EXPORT_SHOWN = "export-said"
EXPORT_HEARD = "export-said visually-hidden"


def attrs(**names: str) -> dict[str, Any]:
    """aria-* and data-* attributes for a Dash component: `**attrs(aria_label="Close")` gives it
    aria-label="Close". (Dash takes them through its untyped **kwargs; a dict of str written out
    would be type-checked against every one of the component's own props.)"""
    return {name.replace("_", "-"): value for name, value in names.items()}


class Img(html.Img):
    """html.Img with `loading`, which dash.html does not declare (its <img> is given every prop
    that reaches it): a picture lower down the panel is fetched only when scrolled near."""

    def __init__(self, loading: str = "lazy", **props):
        super().__init__(**props)
        # (a later dash.html may declare it)
        if "loading" not in self._prop_names:
            self._prop_names = [*self._prop_names, "loading"]
        self.loading = loading


def new_tab_link(text: str, href: str, className: str) -> html.A:
    """A link that opens in a new tab and says so (to a screen reader; the arrow to the eye)."""
    return html.A(
        [
            text,
            html.Span(" ↗", **attrs(aria_hidden="true")),
            html.Span(_(" (opens in a new tab)"), className="visually-hidden"),
        ],
        href=href,
        target="_blank",
        rel="noopener noreferrer",
        className=className,
    )


def selection_link(children, href: str, event_id: str, className: str, **props) -> html.A:
    """A link that selects an event (or none): a plain link, which assets/select.js follows
    in place, without the jump to the top of the page that dcc.Link makes."""
    return html.A(children, href=href, className=className, **attrs(data_event=event_id), **props)


def event_panel(panel: EventPanel, state: State, file: str, kept: bool = True) -> list:
    """The panel of one event; `file` is the served file's name, which the row notes name;
    `kept`: whether the filters keep the event (a link may name one they leave out)."""
    close = selection_link(
        [html.Span("× ", **attrs(aria_hidden="true")), _("Close")],
        "/" + state.select("").to_search(),
        panel.id,
        "close",
        title=_("Back to the overview"),
    )
    head = [
        close,
        html.P(
            [html.Span(className="swatch", style={"background": panel.colour}), panel.category],
            className="category",
            **data_attributes(),
        ),
        html.H2(
            panel.title,
            id="event-title",
            tabIndex="-1",
            className="event-heading",
            **attrs(data_event=panel.id),
            **data_attributes(),
        ),
    ]
    if panel.date:  # (none as of a date before it was given: panel.event_panel)
        head.append(html.P(panel.date, className="when"))
    if panel.location or panel.coordinates:
        place = panel.location + (f" ({panel.coordinates})" if panel.coordinates else "")
        head.append(html.P(place, className="where", **data_attributes()))
    if not kept:
        head.append(
            html.P(
                _("The filters leave this event out of the chart and the list; clear them to see it there."),
                className="as-of-note",
                role="note",
            )
        )
    if panel.disputed:
        head.append(html.P([html.Strong(_("Disputed. ")), panel.dispute_note], className="dispute", role="note"))
    if panel.as_of:
        later = (
            " "
            + ngettext(
                "{n} later account of it is not shown.", "{n} later accounts of it are not shown.", panel.not_yet
            ).format(n=panel.not_yet)
            if panel.not_yet
            else ""
        )
        head.append(
            html.P(
                [html.Strong(_("As of {date}: ").format(date=panel.as_of)), _("what was published by then.") + later],
                className="as-of-note",
                role="note",
            )
        )
    for unit, points in panel.figures.items():
        if len(points) >= 2:
            head += step_chart(panel.id, unit, points)
    if panel.reported:
        head += [
            html.H3(_("As reported"), id="as-reported-heading"),
            html.Ol(
                [_reported(r) for r in panel.reported],
                className="as-reported",
                **attrs(aria_labelledby="as-reported-heading"),
            ),
        ]
    accounts = [_account(a, panel.disputed, file) for a in panel.accounts]
    heading = ngettext("{n} account", "{n} accounts", len(panel.accounts)).format(n=len(panel.accounts))
    if panel.reported:
        heading += _(", by source")
    return head + [html.H3(heading), html.Ol(accounts, className="accounts")]


def step_chart(event_id: str, unit: str, points: list) -> list:
    """The figure over publication dates: a small chart (a picture: its points are all in the
    table beneath it, which is what a screen reader reads)."""
    title = _("How the figure changed: {unit}").format(unit=unit) if unit else _("How the figure changed")
    rows = [
        html.Tr(
            [
                html.Td(p.when),
                html.Td(
                    [
                        html.Span(f"{claims.number(p.value)} {p.unit}".strip(), **data_attributes()),
                        *((" ", html.Strong(f"({p.retracted})", className="retracted-mark")) if p.retracted else ()),
                    ]
                ),
                html.Td([html.Span(p.source, **data_attributes()), *(_claimed(p.who) if p.who != p.source else [])]),
            ],
            className="retracted" if p.retracted else None,
        )
        for p in points
    ]
    caption = _("{title}, in the order the figures came out").format(title=set_apart(title))
    table = html.Table(
        [
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in (_("Came out"), _("Figure"), _("Source"))])),
            html.Tbody(rows),
        ],
        className="step-table",
    )
    figure = claims.step_figure(points, unit)
    graph = dcc.Graph(
        figure=figure,
        config={"staticPlot": True},
        className="step-graph",
        responsive=True,
        style={"height": f"{figure['layout']['height']}px"},
    )  # (its labels are placed for it)
    return [
        html.Section(
            [
                html.H3(title),
                html.Div(
                    graph,
                    role="img",
                    **attrs(
                        aria_label=_("{title}: a step chart; its values are in the table below").format(
                            title=set_apart(title)
                        )
                    ),
                ),
                # (a table wider than a phone's sheet of 320 px, its words whole, scrolls in its
                # box, which a keyboard scrolls too: the whole sheet scrolled sideways, Close too)
                html.Div(table, className="step-table-box", tabIndex="0", role="region", **attrs(aria_label=caption)),
            ],
            className="step-chart",
            **attrs(data_unit=unit),
        )
    ]


def _claimed(who: str) -> list:
    """ " (claim by Reuters)", the name set apart from the words around it (its own direction)."""
    before, _field, after = _(" (claim by {who})").partition("{who}")
    return [before, html.Span(who, **data_attributes()), after]


def _reported(item) -> html.Li:
    day, _sep, note = item.when.partition(" (")
    when = html.Span(
        [
            html.Span(day, className="reported-when"),
            *([html.Span(f" ({note}", className="reported-note")] if note else []),
        ],
        className="undated" if item.undated else None,
    )
    # (Who and the outlet each in its own direction: an Arabic claimant and an English outlet keep
    # their brackets in place.)
    outlet: list[str | Component] = [" (", html.Bdi(item.source), ")"] if item.who != item.source else []
    who = html.Span([html.Bdi(item.who), *outlet], className="reported-who")
    said = html.Span(item.said, className="reported-said", **data_attributes())
    # Who and what they said, the editor's words, set apart as one run in their own direction: on an
    # Arabic page an English quote wrapped over lines reads on, not interleaved with its speaker.
    parts: list[str | Component] = [when, _(": "), html.Span([who, " — ", said], dir="auto")]
    if item.retracted:
        parts += [" ", html.Strong(f"({item.retracted})", className="retracted-mark")]
    return html.Li(parts)


def _account(account, disputed: bool, file: str) -> html.Li:
    who: list[str | Component] = [html.Strong(account.source, className="outlet", **data_attributes())]
    if account.claimed_by:
        who += [_(" · claim by "), html.Span(account.claimed_by, className="claimed-by", **data_attributes())]
    parts: list[Component] = [html.P(who, className="who")]
    given: list[str | Component] = [_("Date given: ")]
    if disputed and account.date_differs:  # (marked, and said: a screen reader hears no mark)
        given += [
            html.Span(account.date, className="account-date differs"),
            html.Span(_(" (its date differs from the others')"), className="visually-hidden"),
        ]
    else:
        given.append(html.Span(account.date, className="account-date"))
    parts.append(html.P(given))
    parts += [html.P(text, className="description", **data_attributes()) for text in account.paragraphs]
    if account.figure:
        figure: list[str | Component] = [
            _("Figure: "),
            html.Span(account.figure, className="figure-value", **data_attributes()),
        ]
        if account.retracted:
            figure += [" ", html.Strong(f"({account.retracted})", className="retracted-mark")]
        parts.append(html.P(figure, className="figure"))
    elif account.retracted:
        parts.append(html.P(html.Strong(account.retracted.capitalize(), className="retracted-mark")))
    if account.undated:
        parts.append(html.P(account.undated, className="undated-note"))
    if account.media:
        parts.append(_media(account.media))
    meta: list[str | Component] = []
    if account.published:
        said = (_("Published in {date}. ") if account.published_in else _("Published {date}. ")).format(
            date=account.published
        )
        meta.append(sentence(said.rstrip()) + " ")  # ("... 2022 г." takes no second full stop)
    if account.url:
        meta.append(new_tab_link(_("Read the source"), account.url, "source-link"))
    meta.append(html.Span(_(" ({file} row {row})").format(file=file, row=account.row), className="row-ref"))
    parts.append(html.P(meta, className="meta"))
    return html.Li(parts, className="account")


def _media(media: Media) -> html.Figure:
    """A picture with its caption and credit beneath; a video or other page as a link (nothing
    is embedded: the reader's browser fetches the picture, the server never does)."""
    if media.kind == "image":
        shown: Component = Img(src=media.url, alt=media.alt, referrerPolicy="no-referrer", className="media-image")
        notes = [html.Span(media.caption, className="media-caption", **data_attributes())] if media.caption else []
    else:
        shown = new_tab_link(media.label, media.url, "media-link")
        notes = []
    if media.credit:
        notes.append(html.Span(_("Credit: {credit}").format(credit=media.credit), className="media-credit"))
    return html.Figure([shown, *([html.Figcaption(notes)] if notes else [])], className=f"media {media.kind}")


def overview(view: Overview, embedded: bool = False) -> list:
    """The panel with nothing selected. `embedded`: the compact view (`embed=1`), which has no
    list and no filters: its outlets are listed, not buttons that would filter."""
    heading = _("Overview of the filtered events") if view.filtered else _("Overview")
    categories = html.Ul(
        [
            html.Li(
                [
                    html.Span(className="swatch", style={"background": c}),
                    html.Span(labels.shorten(name, labels.NAME), **data_attributes()),
                    f": {number(n)}",
                ],
                title=labels.full_text(name, labels.NAME) or None,
            )
            for name, n, c in view.categories
        ],
        className="category-counts",
    )
    buttons = html.Ul(
        [
            html.Li(
                html.Button(
                    html.Span(outlet_label(name, n), **data_attributes()),
                    id={"type": "outlet", "name": name},
                    className="outlet-button",
                    # (pressed: the filters keep its events; pressed again, they no longer do)
                    title=(
                        _("Show the events of every outlet again")
                        if name in view.chosen
                        else _("Show only events reported by {outlet}").format(outlet=set_apart(name))
                    ),
                    **attrs(aria_pressed="true" if name in view.chosen else "false"),
                )
            )
            for name, n in view.outlets[:OUTLETS_SHOWN]
        ],
        className="outlets",
    )
    if embedded:
        buttons = html.Ul(
            [
                html.Li(html.Span(outlet_label(name, n), **data_attributes()))
                for name, n in view.outlets[:OUTLETS_SHOWN]
            ],
            className="outlets listed",
        )
    more = len(view.outlets) - OUTLETS_SHOWN
    rest = (
        [
            html.P(
                ngettext(
                    "... and {n} more outlets: choose them in the Outlets filter above.",
                    "... and {n} more outlets: choose them in the Outlets filter above.",
                    more,
                ).format(n=number(more)),
                className="hint",
            )
        ]
        if more > 0 and not embedded
        else []
    )
    if not view.events:  # (nothing to count: what the filters leave, or the file has, said once)
        return [
            html.H2(heading, id="overview-title", tabIndex=-1),
            html.P(
                _("No event matches the filters: change them, or clear them")
                if view.total
                else _("The events file has no event to show."),
                className="span",
            ),
        ]
    return [
        # (focusable from a script: focus goes to it when the outlet's button pressed is gone)
        html.H2(heading, id="overview-title", tabIndex=-1),
        html.P(
            sentence(
                ngettext("{n} event, {span}.", "{n} events, {span}.", view.events).format(
                    n=number(view.events), span=view.span
                )
            ),
            className="span",
        ),
        html.P(
            _("Select an event on the timeline to read every account of it.")
            if embedded
            else _("Select an event on the timeline or in the list to read every account of it."),
            className="hint",
        ),
        html.H3(_("Events per category")),
        categories,
        html.H3(_("Outlets (accounts)") if embedded else _("Outlets (accounts); choose one to filter")),
        buttons,
        *rest,
    ]


def event_list(view: Listing) -> list[dict]:
    """The list's items, as timeline.app.components.EventList draws them (its words in the
    reader's language, its data's language on its titles)."""
    if not view.items:
        return [
            {"empty": _("No events match the filters.") if view.in_file else _("The events file has no event to show.")}
        ]
    lang = data_attributes().get("lang", "")
    disputed = _(" ◆ disputed")
    return [
        {
            "id": item.id,
            "href": item.href,
            "date": item.date,
            "category": item.category,
            "colour": item.colour,
            "title": item.title,
            "full_title": item.full_title,
            "disputed": disputed if item.disputed else "",
            "selected": item.selected,
            "lang": lang,
        }
        for item in view.items
    ]


def list_caption(view: Listing) -> str:
    if view.total <= len(view.items):
        return ngettext("{n} event in date order", "{n} events in date order", view.total).format(n=number(view.total))
    last = view.first + len(view.items) - 1
    return _(
        "Events {first} to {last} of {total} in date order (the page follows the selection, or with none the "
        "chart's view; use the filters to narrow)"
    ).format(first=number(view.first), last=number(last), total=number(view.total))


def problems(items: list[Problem], rows_left_out: int, file: str, kept_back: bool = False) -> list:
    """The problems box at the top of the page: one line about the file, its problems folded
    behind it (they are for the editors; a viewer opens them on demand); then, shown, what was
    refused of the address or the filters (the viewer's own doing). While a new save is kept
    back, its notice is open: the line tells a reader that the timeline shown is the published
    one, calmly, and the notice tells the editors what happened and what to do."""
    # Errors first (each level in row order): they say which rows were left out, and came after
    # the first SHOWN_PROBLEMS warnings, out of the list, where `check` shows every one.
    about_file = [p for p in items if p.column != "filter"]
    listed = list(
        itertools.islice(
            itertools.chain(
                (p for p in about_file if p.level == "error"), (p for p in about_file if p.level != "error")
            ),
            SHOWN_PROBLEMS,
        )
    )
    asked = [p for p in items if p.column == "filter"]
    shown: list[Component] = []
    if about_file:
        errors = sum(p.level == "error" for p in about_file)
        summary = problems_summary(errors, len(about_file) - errors, rows_left_out, file, kept_back)
        rows = [_problem(p) for p in listed]
        if len(about_file) > SHOWN_PROBLEMS:
            rows.append(html.Li(_("... and {n} more").format(n=number(len(about_file) - SHOWN_PROBLEMS))))
        shown.append(
            html.Details(
                [
                    # Focusable: a keyboard scrolls the list in its box.
                    html.Summary(summary),
                    html.Ul(rows, tabIndex="0", **attrs(aria_label=_("Problems in {file}").format(file=file))),
                    html.P(
                        [_("For the whole list: "), html.Code(f"python -m timeline check{_check_lang()} {file}")],
                        className="hint",
                    ),
                ],
                open=kept_back,
                className="file-problems",
            )
        )
    if asked:
        shown.append(html.Ul([_problem(p) for p in asked], className="refused"))
    return shown


def _check_lang() -> str:
    """` --lang ru` where `check` speaks the page's language (it has the check catalogue)."""
    lang = i18n.current()
    return f" --lang {lang}" if lang in i18n.CHECK_LANGUAGES else ""


def _problem(p: Problem) -> html.Li:
    return html.Li(
        [
            html.Span(_(p.level), className=f"level {p.level}"),
            _(" row {row}").format(row=p.row) if p.row else (_(" file") if p.column != "filter" else ""),
            f", {p.column}" if p.column and p.column != "filter" else "",
            _(": "),
            html.Span(isolated(p.message, quoted(p.text)), dir="auto"),  # (English where check's catalogue lacks it)
        ]
    )


def quoted(text: Message | str) -> set[str]:
    """The values a problem's message quotes (a cell's value, the value to write: as Python quotes
    them, 'netblocks.org/x/'), as the language in force writes them."""
    found: set[str] = set()
    if isinstance(text, Message):
        if text.kind == "shown":  # a long value cut short (problems.show)
            return {str(text)}
        for value in text.values.values():
            if isinstance(value, Message):
                found |= quoted(value)
            elif isinstance(value, str):
                found |= {repr(value)} | ({value} if value[:1] in ("'", '"') else set())
    return found


def isolated(message: str, values: set[str], direction: str | None = None) -> list[str | Component]:
    """The message with each quoted value set apart in its own direction (<bdi>): among Arabic
    words a value ending in punctuation keeps it at its end ('netblocks.org/x/', not
    '/netblocks.org/x'), and an Arabic value in an English message reads right to left.
    `direction`: the values' own, where their first letter would not say it (a file's name, ltr:
    `أحداث-الخط-الزمني-99998-of-108323.csv` ends with its `.csv`, not with its number)."""
    values = {value for value in values if value in message}
    if not values:
        return [message]
    parts: list[str | Component] = []
    at = 0
    for found in re.finditer("|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)), message):
        parts += [
            message[at : found.start()],
            html.Bdi(found.group(), dir=direction) if direction else html.Bdi(found.group()),
        ]
        at = found.end()
    return [part for part in [*parts, message[at:]] if part != ""]


def set_apart(value: str) -> str:
    """A value of the data in its own direction inside a text that cannot hold a <bdi> (an
    attribute, a caption made of one string): between U+2068 FIRST STRONG ISOLATE and U+2069 POP
    DIRECTIONAL ISOLATE. An English title in an Arabic tooltip, or an Arabic one in an English
    tooltip, then leaves the words and brackets around it in their places."""
    return f"\u2068{value}\u2069"


def chart_summary(said: str, view: str) -> list:
    """The chart in words (panel.chart_summary), with what its view shows (panel.view_said) apart:
    the keys that zoom and move the view have a screen reader say that part (assets/keys.js)."""
    return [said, html.Span(" " + view, className="view-said")] if view else [said]


def steps(previous: Step, following: Step) -> tuple:
    """The Previous and Next buttons' text, tooltips and class ("nowhere" at either end: the
    button stays enabled, so that focus is never lost from it).

    They step along the chart's time axis, which runs left to right in every language, as the
    left and right arrow keys do (assets/keys.js): Previous is the left button, its arrow ← at its
    left edge, Next the right one, → at its right, on a right-to-left page too (style.css puts
    Next first there; here each arrow is written at the end of its button that faces outwards)."""
    rtl = i18n.direction() == "rtl"

    def button(step: Step, word: str, arrow: str, key: str, after: bool):
        mark = html.Span(arrow, className="arrow", **attrs(aria_hidden="true"))
        colon = _(": ")  # (" : " in French)
        words = [html.Span(word + (colon.rstrip() if step is not NOWHERE else ""), className="step-word")]
        if step is not NOWHERE:
            words.append(html.Span(step.title, className="step-title", **data_attributes()))
        tip = (
            f"{word}{colon}{set_apart(labels.shorten(step.full_title, 280))} ({key})"
            if step is not NOWHERE
            else _("No previous event")
            if not after
            else _("No next event")
        )
        where = "step" + (" nowhere" if step is NOWHERE else "")
        return [*words, mark] if after != rtl else [mark, *words], tip, where

    return (
        *button(previous, _("Previous"), "←", _("left arrow key"), False),
        *button(following, _("Next"), "→", _("right arrow key"), True),
    )


def missing_event(event_id: str):
    return html.P(
        _(
            "There is no event with the id {id} in this file (it may have been renamed or filtered out of the data)."
        ).format(id=repr(event_id)),
        className="notice",
    )


def filter_notices(messages: list[str]) -> list[Problem]:
    return [
        Problem(0, "filter", "warning", _("{problem}; this date filter is ignored").format(problem=m)) for m in messages
    ]


def refused_notices(messages) -> list[Problem]:
    """Values of the address or the controls over their bounds (timeline.state.LIMITS), or
    read otherwise than typed (a "from" after "to": timeline.state.swapped_dates)."""
    return [Problem(0, "filter", "warning", m) for m in messages or ()]
