"""A loaded events file as the JSON TimelineJS reads: `{"title": slide, "events":
[slide...], "eras": [...]}`. TimelineJS renders text as HTML, so every string of ours is
escaped, and links are written only for http(s) addresses; a slide's media is only a link
TimelineJS can show. Pure: the web page's download and `python -m timeline export
timelinejs` both use it.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

import pandas as pd

from .. import dates
from ..links import is_web_link
from ..load import Dataset
from ..media import kind as media_kind
from ..problems import Problem
from .sheet import ERA


def date_object(value, precision: str, offset: str = "") -> dict:
    """A TimelineJS date at our precision: fields finer than the precision are left out. The
    year is the historians' (-500 for 500 BC), as TimelineJS reads a negative year."""
    when = pd.Timestamp(value)
    out: dict = {"year": dates.year_as_written(value)}
    if precision in ("month", "day", "minute"):
        out["month"] = int(when.month)
    if precision in ("day", "minute"):
        out["day"] = int(when.day)
    if precision == "minute":
        out["hour"], out["minute"] = int(when.hour), int(when.minute)
        if when.second:
            out["second"] = int(when.second)
    out["display_date"] = html.escape(dates.label(value, precision, offset))
    return out


def web_link(url: str) -> str:
    """The url if it is an http(s) link (with characters that could break out of markup
    percent-encoded), else ""."""
    url = url.strip()
    if not is_web_link(url):
        return ""
    for char, code in (('"', "%22"), ("'", "%27"), ("<", "%3C"), (">", "%3E"), ("`", "%60")):
        url = url.replace(char, code)
    return url


# Links TimelineJS shows as media of their own, besides pictures (its media types, in
# src/js/media/MediaType.js): the hosts it knows, and the path it needs where it needs one.
# Any other link it draws as an image, broken; those go in the slide's text as links.
_EMBEDDED_HOSTS = (
    (
        {
            "youtube.com",
            "www.youtube.com",
            "m.youtube.com",
            "youtu.be",
            "youtube-nocookie.com",
            "www.youtube-nocookie.com",
        },
        "",
    ),
    ({"vimeo.com", "player.vimeo.com"}, ""),
    ({"dailymotion.com", "www.dailymotion.com", "dai.ly"}, ""),
    ({"soundcloud.com", "player.soundcloud.com"}, ""),
    ({"twitter.com", "www.twitter.com", "x.com", "www.x.com"}, ""),
    ({"tiktok.com", "www.tiktok.com"}, r"/@[^/]+/video/\d+"),
    ({"bsky.app", "www.bsky.app"}, r"/profile/[^/]+/post/[^/?]+"),
    ({"flickr.com", "www.flickr.com"}, r"/photos"),
    ({"flic.kr"}, r"/."),
    ({"instagram.com", "www.instagram.com", "instagr.am", "www.instagr.am"}, r"/p/"),
    ({"open.spotify.com"}, r"/."),
)
_EMBEDDED_DOMAINS = ("wikipedia.org", "documentcloud.org", "imgur.com", "wistia.com", "wi.st")
_GOOGLE_MAP = re.compile(r"/maps/(?:(?:place|search)/[^/]+/|dir/[^/]+/[^/]+/)?@-?[\d.]+,-?[\d.]+,")
_FILE = re.compile(r"\.(?:pdf|mp4|webm|mp3|wav|m4a)$", re.IGNORECASE)


def shown_as_media(url: str) -> bool:
    """TimelineJS shows this link as a slide's media: a picture, a video or audio page or
    file, a tweet, a map, a Wikipedia article... (not an arbitrary page)."""
    if media_kind(url) == "image":
        return True  # its Image type, or its fallback, which is an image too
    if not media_kind(url):
        return False
    parts = urlsplit(url.strip())
    host, path = (parts.hostname or "").lower(), parts.path
    if any(host in hosts and (not needs or re.match(needs, path)) for hosts, needs in _EMBEDDED_HOSTS):
        return True
    if any(host == domain or host.endswith("." + domain) for domain in _EMBEDDED_DOMAINS):
        return True
    if "google." in host and _GOOGLE_MAP.match(path):
        return True
    return bool(_FILE.search(path)) and not parts.fragment


def _media_word(url: str) -> str:
    return {"image": "picture", "video": "video"}.get(media_kind(url), "media")


def accounts_html(accounts: list, disputed: bool = False, shown=None) -> str:
    """Every account of one event (rows of `Dataset.accounts`) as escaped HTML: source,
    who claims it, the date as written, when it was published, its figure, whether (and when)
    it was retracted, what it says, a link to the source when it has an http(s) one, and one
    to its media unless it is `shown` (the slide's media)."""
    items = []
    for row in accounts:
        said = [f"<strong>{html.escape(row.source)}</strong>"]
        if row.claimed_by:
            said.append(f"claimed by {html.escape(row.claimed_by)}")
        when = row.date + (f" to {row.end_date}" if row.end_date else "")
        said.append(f"dated {html.escape(when)}")
        if row.published and not pd.isna(row.published_at):  # (one check ignores, unread, is not said)
            said.append(f"published {html.escape(row.published)}")
        if row.figure:
            said.append(f"figure {html.escape(' '.join(filter(None, (row.figure, row.figure_unit))))}")
        if row.is_retracted:  # (a withdrawn claim never reads as a standing one)
            # (a month or a year given, January 2022: said so, not as the day it is kept at)
            coarse = row.retracted_precision in ("month", "year")
            on = (
                ""
                if pd.isna(row.retracted_on)
                else (" in " if coarse else " on ")
                + dates.label(row.retracted_on, row.retracted_precision if coarse else "day")
            )
            said.append(f"<strong>retracted{html.escape(on)}</strong>")
        item = ", ".join(said)
        if row.description:
            item += ": " + html.escape(row.description).replace("\n", "<br>")
        link = web_link(row.source_url)
        if link:
            item += f' <a href="{html.escape(link)}" target="_blank" rel="noopener noreferrer">source</a>'
        picture = web_link(row.media)
        if picture and row is not shown:
            about = ", ".join(html.escape(value) for value in (row.media_caption, row.media_credit) if value)
            item += (
                f' <a href="{html.escape(picture)}" target="_blank" rel="noopener noreferrer">'
                f"{_media_word(picture)}</a>" + (f" ({about})" if about else "")
            )
        items.append(f"<li>{item}</li>")
    note = "<p><strong>The sources disagree on the date.</strong></p>" if disputed else ""
    return f"{note}<ul>{''.join(items)}</ul>"


def media_object(account) -> dict:
    """An account's picture or video as a slide's media. Caption and credit are HTML to
    TimelineJS (escaped); alt is set as text (Image.js), so it is not."""
    return {
        "url": web_link(account.media),
        "caption": html.escape(account.media_caption),
        "credit": html.escape(account.media_credit),
        "alt": account.media_alt,
    }


def group_label(category: str) -> str:
    """A category as a TimelineJS group: TimelineJS takes the markup out of a group (the
    text of it as HTML: one level of escaping undone) and then writes it as HTML, so it is
    escaped twice to be shown as written."""
    return html.escape(html.escape(category))


def document(dataset: Dataset, title: str = "Timeline") -> dict:
    """The TimelineJS JSON for a loaded events file."""
    slides, eras = [], []
    by_id: dict[str, list] = {}
    for account in dataset.accounts.itertuples(index=False):
        by_id.setdefault(account.id, []).append(account)
    era_key = ERA.lower()
    events = dataset.events
    is_slide = ~((events["category_key"] == era_key).to_numpy(dtype=bool) & events["end"].notna().to_numpy())
    # One lane is no grouping: a group is written only when the slides have two or more.
    grouped = events["category_key"][is_slide].nunique() > 1
    for event in events.itertuples(index=False):
        mine = by_id[event.id]
        has_end = not pd.isna(event.end)
        start = date_object(event.start, event.precision, event.offset)
        if event.category_key == era_key and has_end:
            eras.append(
                {
                    "start_date": start,
                    "end_date": date_object(event.end, event.end_precision, event.offset),
                    "text": {"headline": html.escape(event.title), "text": accounts_html(mine, bool(event.disputed))},
                    "unique_id": event.id,  # (TimelineJS keeps an era's as a slide's: TimelineConfig.addEra)
                }
            )
            continue
        shown = next((a for a in mine if shown_as_media(a.media)), None)
        slide: dict = {"start_date": start}
        if has_end:
            # (an end is on its start's clock, load's "end_on_start_clock": said at its offset too)
            slide["end_date"] = date_object(event.end, event.end_precision, event.offset)
        slide["text"] = {"headline": html.escape(event.title), "text": accounts_html(mine, bool(event.disputed), shown)}
        if shown is not None:
            slide["media"] = media_object(shown)
        if grouped:
            slide["group"] = group_label(event.category)
        slide["unique_id"] = event.id
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": slides, "eras": eras}


def file_errors(dataset: Dataset) -> list[Problem]:
    """Errors in the file as a whole (no file, or a header that cannot be read): nothing
    to export."""
    return [p for p in dataset.errors if p.row <= 1]


def to_json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
