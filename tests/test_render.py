"""timeline.app.render: view data as Dash components; data stays text, links stay http(s)."""

from __future__ import annotations

import dataclasses
import json

import plotly
import pytest
from dash import html

from timeline import i18n
from timeline.app import render
from timeline.app.layout import layout
from timeline.state import State
from timeline.view.claims import Reported
from timeline.view.listing import Listing, ListItem
from timeline.view.panel import Account, EventPanel, Media, Overview

HTML = '<img src=x onerror="alert(1)"> <b>bold</b>'


def account(media: Media | None) -> Account:
    return Account(
        source="Reuters",
        claimed_by="",
        date="5 January 2022",
        description="",
        url="",
        published="",
        row=2,
        date_differs=False,
        media=media,
    )


def shown(media: Media | None) -> dict:
    """The panel of one event with one account, as the browser receives it (JSON)."""
    panel = EventPanel(
        id="a",
        title="A",
        category="protest",
        colour="#000",
        date="5 January 2022",
        location="",
        coordinates="",
        disputed=False,
        dispute_note="",
        accounts=[account(media)],
    )
    return json.loads(
        json.dumps(render.event_panel(panel, State("a"), "events.csv"), cls=plotly.utils.PlotlyJSONEncoder)
    )


def nodes(tree, kind: str) -> list[dict]:
    """Every component of a type in a JSON component tree, in document order."""
    found = []
    if isinstance(tree, list):
        for child in tree:
            found += nodes(child, kind)
    elif isinstance(tree, dict):
        if tree.get("type") == kind:
            found.append(tree)
        found += nodes(tree.get("props", {}).get("children"), kind)
    return found


def text(tree) -> str:
    if isinstance(tree, str):
        return tree
    if isinstance(tree, list):
        return "".join(text(child) for child in tree)
    if isinstance(tree, dict):
        return text(tree.get("props", {}).get("children"))
    return ""


IMAGE = Media(
    url="https://example.org/a.png",
    kind="image",
    alt="A square full of people",
    caption="Republic Square",
    credit="Example Agency",
    label="",
)


def test_an_image_with_its_caption_and_credit_beneath():
    [figure] = nodes(shown(IMAGE), "Figure")
    [img] = nodes(figure, "Img")
    assert img["props"] == {
        "children": None,
        "src": "https://example.org/a.png",
        "alt": "A square full of people",
        "loading": "lazy",
        "referrerPolicy": "no-referrer",
        "className": "media-image",
    }
    [caption] = nodes(figure, "Figcaption")
    assert text(caption) == "Republic SquareCredit: Example Agency"
    assert figure["props"]["className"] == "media image"


@pytest.mark.parametrize(
    "media, link_text, caption",
    [
        (
            Media(
                url="https://www.youtube.com/watch?v=x",
                kind="video",
                alt="",
                caption="Crowds",
                credit="AFP",
                label="Watch the video on YouTube: Crowds",
            ),
            "Watch the video on YouTube: Crowds ↗ (opens in a new tab)",
            "Credit: AFP",
        ),
        (
            Media(
                url="https://example.org/story",
                kind="link",
                alt="",
                caption="",
                credit="",
                label="Open the media on example.org",
            ),
            "Open the media on example.org ↗ (opens in a new tab)",
            None,
        ),
    ],
)
def test_a_video_or_other_page_is_a_link_that_opens_in_a_new_tab(media, link_text, caption):
    [figure] = nodes(shown(media), "Figure")
    assert nodes(figure, "Img") == [] and nodes(figure, "Iframe") == []
    [link] = nodes(figure, "A")
    assert link["props"]["href"] == media.url
    assert (link["props"]["target"], link["props"]["rel"]) == ("_blank", "noopener noreferrer")
    assert text(link) == link_text
    assert [text(c) for c in nodes(figure, "Figcaption")] == ([caption] if caption else [])


@pytest.mark.parametrize(
    "differs, said",
    [(True, "Date given: 5 January 2022 (its date differs from the others')"), (False, "Date given: 5 January 2022")],
)
def test_an_account_s_date_that_differs_is_said_as_well_as_marked(differs, said):
    """(The mark is a colour: a screen reader heard nothing of it.)"""
    panel = EventPanel(
        id="a", title="A", category="protest", colour="#000", date="5 January 2022", location="",
        coordinates="", disputed=True, dispute_note="", accounts=[dataclasses.replace(account(None), date_differs=differs)],
    )  # fmt: skip
    tree = json.loads(
        json.dumps(render.event_panel(panel, State("a"), "events.csv"), cls=plotly.utils.PlotlyJSONEncoder)
    )
    given = next(p for p in nodes(tree, "P") if text(p).startswith("Date given: "))
    assert text(given) == said


def test_no_media_no_figure():
    assert nodes(shown(None), "Figure") == []


def test_markup_in_the_media_text_is_text():
    media = Media(url="https://example.org/a.png", kind="image", alt=HTML, caption=HTML, credit=HTML, label="")
    [figure] = nodes(shown(media), "Figure")
    [img] = nodes(figure, "Img")
    assert img["props"]["alt"] == HTML
    [caption] = nodes(figure, "Figcaption")
    # the text arrives as plain strings: no component would render it as markup
    assert [c["props"]["children"] for c in caption["props"]["children"]] == [HTML, "Credit: " + HTML]
    assert "dangerously_allow_html" not in json.dumps(figure)


def test_img_is_dash_img_with_loading():
    img = render.Img(src="https://example.org/a.png", alt="")
    assert isinstance(img, html.Img)
    assert img.to_plotly_json()["props"]["loading"] == "lazy"
    assert img.to_plotly_json()["namespace"] == "dash_html_components"


@pytest.mark.parametrize(
    "kept_back, summary, opened",
    [
        (False, "events.csv has 1 error: details", False),
        (
            True,
            "This is the published timeline. A newer save of events.csv is kept back until it is "
            "fixed or accepted; for editors, what happened and what to do:",
            True,
        ),
    ],
)
def test_the_problems_summary_is_calm_while_a_save_is_kept_back(kept_back, summary, opened):
    from timeline.problems import Problem

    notice = Problem(0, "", "error", "events.csv, saved at 10:00:00, is not published: ...")
    box = json.loads(
        json.dumps(render.problems([notice], 0, "events.csv", kept_back), cls=plotly.utils.PlotlyJSONEncoder)
    )
    details = box[0]["props"]
    assert details["children"][0]["props"]["children"] == summary
    assert details["open"] is opened, "the kept-back notice is shown; other problems are folded"


def test_hundreds_of_problems_are_one_line_with_the_list_folded_behind_it():
    from timeline.problems import Problem

    found = [Problem(row, "date", "error", "no such date") for row in range(2, 402)]
    [box] = json.loads(json.dumps(render.problems(found, 400, "chronology.csv"), cls=plotly.utils.PlotlyJSONEncoder))
    assert box["type"] == "Details" and box["props"]["open"] is False
    assert text(box["props"]["children"][0]) == "400 rows of chronology.csv were left out: details"
    listed = box["props"]["children"][1]["props"]["children"]
    assert len(listed) == render.SHOWN_PROBLEMS + 1 and text(listed[-1]) == "... and 350 more"


def test_the_errors_are_listed_before_the_warnings():
    """60 warnings, then the error that left a row out (row 62): the list showed the first 50
    warnings and "... and 11 more", never the row left out."""
    from timeline.problems import Problem

    found = [Problem(row, "source_url", "warning", f"link {row}") for row in range(2, 62)]
    found.append(Problem(62, "date", "error", "reads two ways"))
    [box] = json.loads(json.dumps(render.problems(found, 1, "events.csv"), cls=plotly.utils.PlotlyJSONEncoder))
    listed = [text(item) for item in box["props"]["children"][1]["props"]["children"]]
    assert listed[0].startswith("error") and "reads two ways" in listed[0]
    assert "link 2" in listed[1] and listed[-1] == "... and 11 more"


@pytest.mark.parametrize(
    "lang, said, hint",
    [
        ("en", "date '03/04/2022' can be read two ways: 3 April 2022 (day first)", "check events.csv"),
        ("fr", "date '03/04/2022' peut se lire de deux façons : 3 avril 2022 (le jour d'abord)", "check --lang fr"),
        (
            "ru",
            "date '03/04/2022': дату можно прочитать двумя способами: 3 апреля 2022\u202fг. (сначала день)",
            "check --lang ru",
        ),
        (
            "ar",
            "القيمة '03/04/2022' في العمود date: يمكن قراءة التاريخ بطريقتين: 3 أبريل 2022 (اليوم أولًا)",
            "check --lang ar",
        ),
        (
            "kk",
            "date '03/04/2022': күнді екі түрлі оқуға болады: 2022\u202fж. 3 сәуір (алдымен күн)",
            "check --lang kk",
        ),
    ],
)
def test_the_file_s_problems_are_listed_in_the_page_s_language(tmp_path, lang, said, hint):
    from timeline import i18n
    from timeline.load import load

    path = tmp_path / "events.csv"
    path.write_text("id,date,title,category,source\na,03/04/2022,A,protest,AP\n", encoding="utf-8")
    with i18n.using(lang):
        [box] = json.loads(
            json.dumps(render.problems(load(path).problems, 1, "events.csv"), cls=plotly.utils.PlotlyJSONEncoder)
        )
    listed, whole_list = text(box["props"]["children"][1]), text(box["props"]["children"][2])
    assert said in listed
    assert f"python -m timeline {hint}" in whole_list


def nodes_of(tree, kind: str) -> list:
    """The components of a type in a rendered tree (its JSON)."""
    if isinstance(tree, list):
        return [found for child in tree for found in nodes_of(child, kind)]
    if isinstance(tree, dict):
        return ([tree] if tree.get("type") == kind else []) + nodes_of(tree.get("props", {}).get("children"), kind)
    return []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_problem_s_quoted_values_are_set_apart_in_their_own_direction(tmp_path, lang):
    """Among Arabic words the Unicode bidirectional algorithm puts a value's last slash, full stop
    or quote at its start ('netblocks.org/x/' read '/netblocks.org/x'): each quoted value of a
    problem is a <bdi>, which takes its own direction, and the message's text is as before."""
    from timeline import i18n
    from timeline.load import load

    path = tmp_path / "events.csv"
    path.write_text(
        "id,date,title,category,source,source_url\na,2022-01-05,A,protest,AP,netblocks.org/x/\n", encoding="utf-8"
    )
    [problem] = load(path).problems
    with i18n.using(lang):
        [box] = json.loads(json.dumps(render.problems([problem], 0, "events.csv"), cls=plotly.utils.PlotlyJSONEncoder))
        message = problem.message
    [item] = nodes_of(box, "Li")
    [said] = [span for span in nodes_of(item, "Span") if span["props"].get("dir") == "auto"]
    assert text(said) == message
    assert [text(value) for value in nodes_of(said, "Bdi")] == ["'netblocks.org/x/'", "'https://netblocks.org/x/'"]


def test_a_value_is_set_apart_wherever_the_message_quotes_it():
    """A value quoted twice is set apart twice; a message without values is left whole."""
    from timeline.problems import say, show

    message = say(
        "id {value} may hold only lowercase letters, digits and hyphens; write it as {slug!r}",
        value=show("a/"),
        slug="a/",
    )
    parts = render.isolated(str(message), render.quoted(message))
    assert [p if isinstance(p, str) else ("bdi", p.children) for p in parts] == [
        "id ",
        ("bdi", "'a/'"),
        " may hold only lowercase letters, digits and hyphens; write it as ",
        ("bdi", "'a/'"),
    ]
    assert render.isolated("no such date", render.quoted("no such date")) == ["no such date"]


def test_refused_values_of_the_address_are_shown_not_folded():
    from timeline.problems import Problem

    shown = json.loads(
        json.dumps(
            render.problems([Problem(0, "filter", "warning", "'event' 'X' is not an event id")], 0, "events.csv"),
            cls=plotly.utils.PlotlyJSONEncoder,
        )
    )
    assert [part["type"] for part in shown] == ["Ul"]
    assert text(shown) == "warning: 'event' 'X' is not an event id"


def account_with(description: str) -> Account:
    return Account(
        source="Reuters",
        claimed_by="",
        date="5 January 2022",
        description=description,
        url="https://example.org/a",
        published="",
        row=7,
        date_differs=False,
    )


def test_each_paragraph_of_a_description_is_a_paragraph_and_the_row_note_names_the_served_file():
    panel = EventPanel(
        id="a",
        title="A",
        category="protest",
        colour="#000",
        date="5 January 2022",
        location="",
        coordinates="",
        disputed=False,
        dispute_note="",
        accounts=[account_with("First.\n\nSecond,\non two lines.")],
    )
    tree = json.loads(
        json.dumps(render.event_panel(panel, State("a"), "chronology.csv"), cls=plotly.utils.PlotlyJSONEncoder)
    )
    assert [text(p) for p in nodes(tree, "P") if p["props"].get("className") == "description"] == [
        "First.",
        "Second,\non two lines.",
    ]
    assert "(chronology.csv row 7)" in text(tree)
    [source] = [a for a in nodes(tree, "A") if a["props"].get("className") == "source-link"]
    assert text(source) == "Read the source ↗ (opens in a new tab)"


def test_the_heading_takes_focus_and_close_names_its_event():
    panel = EventPanel(
        id="a",
        title="A",
        category="protest",
        colour="#000",
        date="5 January 2022",
        location="",
        coordinates="",
        disputed=False,
        dispute_note="",
        accounts=[],
    )
    tree = json.loads(
        json.dumps(render.event_panel(panel, State("a"), "events.csv"), cls=plotly.utils.PlotlyJSONEncoder)
    )
    [heading] = nodes(tree, "H2")
    assert (heading["props"]["id"], heading["props"]["tabIndex"], heading["props"]["data-event"]) == (
        "event-title",
        "-1",
        "a",
    )
    [close] = [a for a in nodes(tree, "A") if a["props"].get("className") == "close"]
    assert (close["props"]["href"], close["props"]["data-event"]) == ("/", "a")


@pytest.mark.parametrize(
    "component, attributes",
    [
        # (render.attrs writes aria_label as aria-label: what screen readers and select.js read)
        (render.new_tab_link("Read", "https://example.org/", "source-link").children[1], {"aria-hidden": "true"}),
        (render.selection_link("A", "/?event=a", "a", "event-link"), {"data-event": "a"}),
        (layout("T", "v1", {})["filters-toggle"], {"aria-expanded": "false", "aria-controls": "filters"}),
    ],
)
def test_aria_and_data_attributes_reach_the_page_by_their_html_names(component, attributes):
    props = json.loads(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder))["props"]
    assert {name: props.get(name) for name in attributes} == attributes


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "Read the source ↗ (opens in a new tab)"),
        ("fr", "Lire la source ↗ (s’ouvre dans un nouvel onglet)"),
        ("ru", " (откроется в новой вкладке)"),
        ("kk", " (жаңа қойындыда ашылады)"),
        ("ar", " (يُفتح في علامة تبويب جديدة)"),
    ],
)
def test_a_screen_reader_hears_that_a_link_opens_a_new_tab_in_the_reader_s_language(lang, said):
    from timeline import i18n

    with i18n.using(lang):
        link = render.new_tab_link(i18n._("Read the source"), "https://example.org/a", "source-link")
    tree = json.loads(json.dumps(link, cls=plotly.utils.PlotlyJSONEncoder))
    assert text(tree).endswith(said)


def tree_of(components) -> list:
    return json.loads(json.dumps(components, cls=plotly.utils.PlotlyJSONEncoder))


def test_the_embedded_overview_lists_its_outlets_and_offers_no_filter_it_has_not():
    """The compact view (embed=1) has no list and no filters: its overview names no list and its
    outlets are not buttons that would filter the view with nothing on the page to undo it."""
    view = Overview("7 June 2017 to 24 April 2023", 35, 35, [("legal", 6, "#000")], [("AFP", 7), ("RFE/RL", 9)], False)
    full, embedded = tree_of(render.overview(view)), tree_of(render.overview(view, embedded=True))
    assert len(nodes(full, "Button")) == 2 and nodes(embedded, "Button") == []
    assert "AFP (7)" in text(embedded) and "RFE/RL (9)" in text(embedded)
    assert "in the list" in text(full) and "in the list" not in text(embedded)
    assert "choose one to filter" not in text(embedded)


def test_an_outlet_s_button_is_pressed_while_the_filters_keep_only_its_events():
    """The overview's outlet buttons filter to an outlet: the one in force says it is pressed (a
    screen reader hears "pressed"), and what pressing it again does."""
    view = Overview("7 June 2017 to 24 April 2023", 9, 35, [], [("AFP", 7), ("RFE/RL", 9)], True, frozenset({"RFE/RL"}))
    buttons = nodes(tree_of(render.overview(view)), "Button")
    assert [(b["props"]["aria-pressed"], b["props"]["title"]) for b in buttons] == [
        ("false", "Show only events reported by \u2068AFP\u2069"),  # (set apart: an outlet in any script)
        ("true", "Show the events of every outlet again"),
    ]


def test_a_claimant_and_the_outlet_are_each_set_apart_in_their_own_direction():
    item = Reported("8 January 2022", False, "وزارة الداخلية", "Reuters", "164 dead", "", 7)
    [who] = [n for n in nodes(tree_of(render._reported(item)), "Span") if n["props"].get("className") == "reported-who"]
    assert [text(n) for n in nodes(who["props"]["children"], "Bdi")] == ["وزارة الداخلية", "Reuters"]
    assert text(who) == "وزارة الداخلية (Reuters)"


def test_an_overview_of_a_file_with_no_events_yet_blames_no_filter():
    nothing = Overview("", 0, 0, [], [], False)
    assert (
        text(tree_of(render.overview(nothing))) == "OverviewThe events file has no event to show."
    )  # (not "0 events, no events.")
    assert "filters" not in text(tree_of(render.overview(nothing)))
    assert render.event_list(Listing([], 1, 0, 0)) == [{"empty": "The events file has no event to show."}]
    assert render.event_list(Listing([], 1, 0, 35)) == [{"empty": "No events match the filters."}]
    filtered = Overview("", 0, 35, [], [], True)
    assert "No event matches the filters" in text(tree_of(render.overview(filtered)))


def test_a_listed_event_is_sent_as_the_list_draws_it():
    """The list's items (assets/event_list.js draws each: its link, date, swatch, category's words
    and title; the category in words for a screen reader and on hover, not only by its colour)."""
    item = ListItem("a", "5 January 2022", "Gas price capped", "government", "#56b4e9", True, 1, "/?event=a", True, "")
    [sent] = json.loads(json.dumps(render.event_list(Listing([item], 1, 1))))
    assert sent == {
        "id": "a",
        "href": "/?event=a",
        "date": "5 January 2022",
        "category": "government",
        "colour": "#56b4e9",
        "title": "Gas price capped",
        "full_title": "",
        "disputed": " ◆ disputed",
        "selected": True,
        "lang": "",
    }
    with i18n.using("fr"):
        assert render.event_list(Listing([item], 1, 1))[0]["disputed"] == " ◆ date contestée"


@pytest.mark.parametrize(
    "lang, total, caption",
    [("en", 1, "1 event in date order"), ("en", 2, "2 events in date order"), ("fr", 1, "1 événement par date")],
)
def test_the_list_s_caption_counts_its_events_in_the_right_number(lang, total, caption):
    # (one event was "1 events in date order": the English singular was the plural)
    with i18n.using(lang):
        assert render.list_caption(Listing(items=[None] * total, first=1, total=total)) == caption  # type: ignore[list-item]
