"""The page: stable ids that callbacks, tests and embedders rely on."""

from __future__ import annotations

from dash import dcc, html

from .. import i18n
from ..i18n import _
from .components import EventList
from .render import EXPORT_HEARD, attrs

POLL_MS = 2000  # an open page notices a saved events.csv within this (plus one round trip)

GRAPH_CONFIG: dcc.Graph.Config = {
    "displaylogo": False,
    "scrollZoom": True,
    # No "Share chart": it would upload the newsroom's data to a third-party service.
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "sendChartToCloud"],
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    # No "Double-click to zoom back out" note: it lay over the As of box for seconds after each
    # zoom; "Show the whole span" says it (and a double-click still does it).
    "showTips": False,
    "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
}


def graph_config() -> dcc.Graph.Config:
    """The chart's config in the page's language: plotly.js's locale (assets/vendor/plotly-locale-*.js)
    for its axis, range slider and buttons, and the PNG's file name."""
    if i18n.current() == i18n.ENGLISH:
        return GRAPH_CONFIG
    return {
        **GRAPH_CONFIG,
        "locale": i18n.plotly_locale_name(),
        "toImageButtonOptions": {**GRAPH_CONFIG["toImageButtonOptions"], "filename": _("timeline")},
    }


# Dash's page around the layout, with the page's language (screen readers pronounce by it) and
# without Dash's <footer> around its scripts (the page has one footer: the reading help). The
# home screen's icon beside the tab's (timeline/app/guard.py serves it; the page is at the root
# its address is relative to, under a path prefix too).
INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        <link rel="apple-touch-icon" href="apple-touch-icon.png">
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


def layout(title: str, version: str, chart: dict) -> html.Div:
    """The page. `version` is the data's version when the page is served: the page's first
    callbacks then run once, and the poll (assets/callbacks.js: a GET of /_timeline/version
    every POLL_MS) changes it only when the file changes. `chart` is what
    the chart shows until its first figure comes (timeline.view.figure.placeholder); the page
    brings that figure with it (timeline/app/opening.py), put in before anything is drawn.

    The browser-side behaviour is in assets/: keys.js (arrow keys), select.js (choosing an
    event keeps the reader's place and moves focus), page.js (the phone's filters button and
    swipes over the chart), dash_a11y.js (roles and focus of Dash's own components), dash_input.js
    (what is typed into Dash's text boxes stays in order), share.js (Copy), opening.js (the
    opening figure), address.js (the map's place written into the address after a viewer's action)."""
    keys_said = _(
        "The left and right arrow keys step through the events; with Shift they move "
        "the chart's view, + and − zoom it, and Escape closes an event"
    )
    return html.Div(
        className="page",
        children=[
            html.A(_("Skip to the events"), href="#event-list-caption", className="skip-link", id="skip-link"),
            dcc.Location(id="url", refresh="callback-nav"),
            dcc.Store(id="data-version", data=version),
            dcc.Store(id="address-tidied"),  # the address, tidied by navigate, to put in place (TIDY_ADDRESS)
            dcc.Store(id="view"),  # the address without its zoom: what the panel and chart show
            dcc.Store(id="zoom"),
            dcc.Store(id="zoom-request"),
            dcc.Store(id="chart-width"),  # the graph's width in pixels, measured by the browser
            dcc.Store(id="refused"),  # why values of the address or the controls were refused
            dcc.Store(id="outlet-choice"),  # the outlet pressed in the panel (callbacks.OUTLET_CHOSEN)
            dcc.Interval(id="poll", interval=POLL_MS),
            dcc.Download(id="download"),
            html.Header(
                className="masthead",
                children=[
                    html.H1(i18n.title(title), dir="auto"),  # (the editor's words: their own direction)
                    # Shown only in the embedded view (/?embed=1): the same view, whole, in a new tab.
                    html.A(
                        _("Open the full timeline ↗"),
                        id="full-view",
                        className="full-view",
                        href="/",
                        target="_blank",
                        rel="noopener",
                        **attrs(aria_label=_("Open the full timeline (opens in a new tab)")),
                    ),
                    html.Div(
                        className="masthead-end",
                        children=[
                            _languages(),
                            html.P(id="counter", className="counter", role="status", **attrs(aria_live="polite")),
                            # On a narrow screen the filters fold behind this button (page.js, style.css).
                            html.Button(
                                [
                                    html.Span(_("Filters")),
                                    html.Span("▾", className="fold-mark", **attrs(aria_hidden="true")),
                                ],
                                id="filters-toggle",
                                className="filters-toggle secondary",
                                type="button",
                                **attrs(aria_expanded="false", aria_controls="filters"),
                            ),
                        ],
                    ),
                ],
            ),
            # The selected event's title, said by a screen reader when it changes (select.js).
            html.P(id="announcer", className="visually-hidden", role="status", **attrs(aria_live="polite")),
            # Said politely when it changes: the editors' notices are long, and a reader's own
            # refused filter is no emergency (role=alert interrupted whatever was being read).
            html.Div(id="problems", className="problems", role="status"),
            html.Section(
                id="filters",
                className="controls",
                **attrs(aria_label=_("Filters")),
                children=[
                    html.Div(
                        className="control search",
                        children=[
                            html.Label(_("Search"), htmlFor="search"),
                            dcc.Input(
                                id="search",
                                type="search",
                                debounce=0.5,
                                autoComplete="off",
                                placeholder=_("Titles, descriptions, places, sources"),
                            ),
                        ],
                    ),
                    html.Div(
                        className="control dates",
                        children=[
                            html.Div(
                                className="date-field",
                                children=[
                                    html.Label(_("From"), htmlFor="date-from"),
                                    dcc.Input(
                                        id="date-from", type="text", debounce=True, placeholder=_("e.g. 2022-01-05")
                                    ),
                                ],
                            ),
                            html.Div(
                                className="date-field",
                                children=[
                                    html.Label(_("to"), htmlFor="date-to"),
                                    dcc.Input(id="date-to", type="text", debounce=True, placeholder=_("e.g. 2022-01")),
                                ],
                            ),
                        ],
                    ),
                    html.Div(
                        className="control outlets",
                        children=[
                            html.Label(_("Outlets"), htmlFor="source-filter", id="source-filter-label"),
                            dcc.Dropdown(
                                id="source-filter",
                                multi=True,
                                placeholder=_("All outlets"),
                                # (the address's outlets come with the page, timeline/app/opening.py: Dash's
                                # dropdown drops a value it has no choice for, and they were lost so)
                                options=[],
                                labels=_outlet_labels(),
                            ),
                        ],
                    ),
                    # Only what was published by this date (issue 15): the story as it was known then.
                    html.Div(
                        className="control as-of",
                        children=[
                            html.Label(_("As of"), htmlFor="as-of"),
                            dcc.Input(id="as-of", type="text", debounce=True, placeholder=_("e.g. 2022-01-08")),
                        ],
                    ),
                    html.Fieldset(
                        className="control categories",
                        children=[
                            html.Legend(_("Categories")),
                            dcc.Checklist(
                                id="category-filter", options=[], value=[], inline=True, className="category-checklist"
                            ),
                        ],
                    ),
                    html.Button(_("Clear filters"), id="clear-filters", className="secondary"),
                ],
            ),
            html.Main(
                className="main",
                children=[
                    html.Div(
                        className="chart-column",
                        children=[
                            html.Div(
                                className="toolbar",
                                children=[
                                    html.Button(_("Previous"), id="prev-event", className="step"),
                                    html.Button(_("Next"), id="next-event", className="step"),
                                    html.Span(_("Keys ← →"), className="keys-hint", title=keys_said),
                                    html.Div(
                                        className="tools",
                                        children=[
                                            html.Button(
                                                _("Show the whole span"), id="reset-zoom", className="secondary"
                                            ),
                                            share_control(),
                                        ],
                                    ),
                                ],
                            ),
                            html.Div(
                                className="in-view",
                                children=[
                                    html.Button(
                                        id="edge-before",
                                        className="edge secondary",
                                        hidden=True,
                                        title=_("Widen the view to show the events before it"),
                                    ),
                                    html.Span(id="in-view", className="in-view-count"),
                                    html.Button(
                                        id="edge-after",
                                        className="edge secondary",
                                        hidden=True,
                                        title=_("Widen the view to show the events after it"),
                                    ),
                                ],
                            ),
                            html.Figure(
                                className="chart",
                                **attrs(aria_labelledby="chart-summary"),
                                children=[
                                    dcc.Graph(
                                        id="timeline", config=graph_config(), className="timeline-graph", figure=chart
                                    ),
                                    html.Figcaption(
                                        className="chart-alternative",
                                        children=[
                                            html.Span(
                                                id="chart-summary",
                                                className="visually-hidden",
                                                # (the figure's name already: not read a second time after it)
                                                **attrs(aria_hidden="true"),
                                            ),
                                            " ",
                                            html.A(
                                                _("Read the events as a list"),
                                                href="#event-list-caption",
                                                className="to-list skip-link",
                                            ),
                                            # (the keys, said where a screen reader meets the chart: the
                                            # hint above says them only in its tooltip, to a mouse)
                                            html.Span(" " + keys_said + ".", className="visually-hidden"),
                                        ],
                                    ),
                                ],
                            ),
                            map_section(),
                            html.Nav(
                                className="event-list",
                                **attrs(aria_label=_("Events in date order")),
                                children=[
                                    html.Div(
                                        className="list-head",
                                        children=[
                                            html.H2(id="event-list-caption", tabIndex="-1"),
                                            # The exports save the events listed (all of them, not the page shown).
                                            html.Div(
                                                className="tools",
                                                children=[
                                                    html.Button(
                                                        _("Download CSV"),
                                                        id="export-csv",
                                                        className="secondary",
                                                        title=_("The filtered events' accounts, as CSV"),
                                                    ),
                                                    html.Button(
                                                        _("TimelineJS JSON"),
                                                        id="export-timelinejs",
                                                        className="secondary",
                                                        title=_("The filtered events as a TimelineJS document"),
                                                    ),
                                                ],
                                            ),
                                            html.P(id="export-said", className=EXPORT_HEARD, role="status"),
                                        ],
                                    ),
                                    EventList(id="event-list", first=""),
                                ],
                            ),
                        ],
                    ),
                    html.Aside(
                        id="sources-panel", className="sources-panel", tabIndex="-1", **attrs(aria_label=_("Sources"))
                    ),
                ],
            ),
            html.Footer(
                className="legend-help",
                children=[
                    html.P(
                        [
                            html.Strong(_("Reading the timeline. ")),
                            _(
                                "Each row is a category. A dot is an event on a day or at a time; a bar is an "
                                "event that lasts; a diamond with a dark outline (◆) means the sources disagree "
                                "on the date: open it to compare their accounts. With many events, shaded bands "
                                "show how many fall in each period: zoom in (drag across the chart or use the "
                                "slider below it) to see single events."
                            ),
                        ]
                    ),
                    html.P(
                        [
                            html.Strong(_("Sharing. ")),
                            _(
                                "The address always holds the view: the selected event and the filters. Copy it, "
                                "or use Share for the link and the code to embed the view in a page; the "
                                "browser's back and forward buttons walk through your selections."
                            ),
                        ]
                    ),
                ],
            ),
        ],
    )


def share_control() -> html.Details:
    """ "Share": the link to this view and an <iframe> to embed it, each as text in a read-only
    box with a Copy button (timeline/app/share.py fills them from the address)."""
    return html.Details(
        className="share",
        children=[
            html.Summary(_("Share"), className="share-summary"),
            html.Div(
                className="share-box",
                children=[
                    html.Label(_("Link to this view"), htmlFor="share-link"),
                    html.Div(
                        className="share-row",
                        children=[
                            dcc.Input(id="share-link", type="text", readOnly=True, value="", autoComplete="off"),
                            html.Button(_("Copy link"), id="copy-share-link", className="secondary"),
                        ],
                    ),
                    html.Label(_("Embed in an article (HTML)"), htmlFor="share-embed"),
                    html.Div(
                        className="share-row",
                        children=[
                            dcc.Textarea(id="share-embed", readOnly=True, value="", rows=4),
                            html.Button(_("Copy code"), id="copy-share-embed", className="secondary"),
                        ],
                    ),
                    html.P(id="share-copied", className="share-copied", role="status"),
                ],
            ),
        ],
    )


def map_section() -> html.Section:
    """The map (assets/map.js draws it in #map; timeline/app/map.py sends what it shows), with
    "Only what is on the map" and a line that says what it shows and cannot show. On a phone it
    is folded behind the Map button."""
    return html.Section(
        id="map-section",
        className="map-section",
        **attrs(aria_labelledby="map-heading"),
        children=[
            html.Div(
                className="map-head",
                children=[
                    html.H2(_("Map"), id="map-heading"),
                    html.Button(
                        _("Show the map"),
                        id="map-toggle",
                        className="secondary map-toggle",
                        **attrs(aria_expanded="false", aria_controls="map-body"),
                    ),
                    html.Button(
                        _("Only what is on the map"),
                        id="map-only",
                        className="secondary map-only",
                        title=_(
                            "Show only the events placed inside the map's view, in the list, the chart and the counter"
                        ),
                        **attrs(aria_pressed="false"),
                    ),
                    html.P(id="map-status", className="map-status", role="status"),
                ],
            ),
            html.Div(
                id="map-body",
                className="map-body",
                children=[
                    html.Div(
                        id="map",
                        className="map",
                        role="region",
                        **attrs(
                            aria_label=_("Map of the events in view (the list of events holds the same events as text)")
                        ),
                    ),
                ],
            ),
            dcc.Store(id="map-data"),  # what the map shows (timeline.view.map.map_data)
            dcc.Store(id="map-view"),  # where the viewer moved it: its bounds and zoom/lat/lon
            dcc.Store(id="map-choice"),  # an event chosen on it
            dcc.Store(id="map-drawn"),  # (how many marks it drew: for the browser tests)
        ],
    )


def _languages() -> html.Nav:
    """The page's languages, each named in itself: a link to the same view in that language
    (page.js keeps the address's view and changes its lang=; without scripts, the link opens the
    overview in it). The page's own language is said, not linked."""
    current = i18n.current()
    return html.Nav(
        className="languages",
        **attrs(aria_label=_("Languages")),
        children=html.Ul(
            [
                html.Li(
                    html.Span(_named(code, name), lang=code, className="language", **attrs(aria_current="true"))
                    if code == current
                    else html.A(
                        _named(code, name), href=f"?lang={code}", lang=code, hrefLang=code, className="language"
                    )
                )
                for code, name in i18n.NAMES.items()
                if code in i18n.LANGUAGES
            ]
        ),
    )


def _named(code: str, name: str) -> list:
    """A language's name, and its code, which a screen of middle width shows instead (style.css:
    the name is then read, not shown, and the code read after it: a voice saying "FR", what the
    link shows, names it, WCAG 2.5.3)."""
    return [
        html.Span(name, className="language-name"),
        html.Span(code.upper(), className="language-code"),
    ]


def _outlet_labels() -> dcc.Dropdown.Labels:
    """The outlet filter's own words (Dash's dropdown writes them in English unless given), in
    the page's language. (The count is said without agreeing with it: Dash puts the number in.)"""
    return dcc.Dropdown.Labels(
        select_all=_("Select all"),
        deselect_all=_("Deselect all"),
        selected_count=_("Selected: {num_selected}"),
        search=_("Search outlets"),
        clear_search=_("Clear search"),
        clear_selection=_("Clear selection"),
        no_options_found=_("No outlet found"),
    )
