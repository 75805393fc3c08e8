"""What a `media` link shows: a picture, a video (YouTube, Vimeo), or another web page.

    kind("https://example.org/crowd.JPG?w=800")        -> "image"
    kind("https://youtu.be/dQw4w9WgXcQ?t=42")           -> "video"
    kind("https://example.org/story")                   -> "link"
    kind("javascript:alert(1)"), kind("")               -> ""   (not a web link: never shown)
    watch_url("https://youtu.be/dQw4w9WgXcQ?t=42")      -> "https://www.youtube.com/watch?v=dQw4w9WgXcQ"

Pure functions of the link's text: nothing is fetched. The loader, the side panel and the
TimelineJS export all ask here, so a link is the same kind everywhere.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from .links import is_web_link

IMAGE = "image"
VIDEO = "video"
LINK = "link"

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")

_YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_PATHS = re.compile(r"/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?")
_VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
# vimeo.com/ID, vimeo.com/ID/HASH (unlisted), player.vimeo.com/video/ID,
# vimeo.com/channels/NAME/ID, vimeo.com/groups/NAME/videos/ID
_VIMEO_PATHS = re.compile(r"/(?:video/|channels/[^/]+/|groups/[^/]+/videos/)?(\d+)(?:/([0-9a-f]+))?/?")


def kind(url: str) -> str:
    """ "image", "video" (YouTube or Vimeo), "link" (any other web link), or "" (empty, or not
    an http(s) web link: see links.is_web_link)."""
    if not is_web_link(url):
        return ""
    if video(url):
        return VIDEO
    parts = _split(url)
    if parts is None:
        return ""  # (a malformed address: no link)
    path = parts.path.lower()  # (without ?query and #fragment)
    host = (parts.hostname or "").lower()
    if path.startswith("/wiki/") and host.endswith((".wikipedia.org", ".wikimedia.org")):
        return LINK  # (a wiki's page of a picture, wiki/File:Ape_skeletons.png: a page, not the picture)
    return IMAGE if path.endswith(IMAGE_SUFFIXES) else LINK


def video(url: str) -> tuple[str, str] | None:
    """("youtube", id) or ("vimeo", id or "id/hash"), or None when url is not a video page."""
    parts = _split(url) if is_web_link(url) else None
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    if host == "youtu.be":
        found = _YOUTUBE_ID.fullmatch(parts.path.strip("/"))
        return ("youtube", found.group()) if found else None
    if host in _YOUTUBE_HOSTS:
        if parts.path.rstrip("/") == "/watch":
            ids = parse_qs(parts.query).get("v", [])
            return ("youtube", ids[0]) if ids and _YOUTUBE_ID.fullmatch(ids[0]) else None
        found = _YOUTUBE_PATHS.fullmatch(parts.path)
        return ("youtube", found.group(1)) if found else None
    if host in _VIMEO_HOSTS:
        found = _VIMEO_PATHS.fullmatch(parts.path)
        if not found or (host == "player.vimeo.com") != parts.path.startswith("/video/"):
            return None
        number, secret = found.group(1), found.group(2) or parse_qs(parts.query).get("h", [""])[0]
        return ("vimeo", f"{number}/{secret}" if re.fullmatch(r"[0-9a-f]+", secret) else number)
    return None


def watch_url(url: str) -> str:
    """The canonical page of a YouTube or Vimeo video ("https://www.youtube.com/watch?v=ID",
    "https://vimeo.com/ID"), or "" when url is not one."""
    found = video(url)
    if found is None:
        return ""
    site, key = found
    return f"https://www.youtube.com/watch?v={key}" if site == "youtube" else f"https://vimeo.com/{key}"


def _split(url: str):
    """urlsplit(url), or None when it cannot be split (a malformed IPv6 address)."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def video_site(url: str) -> str:
    """ "YouTube" or "Vimeo" for a video page of theirs, else "" (the name a link's text gives)."""
    found = video(url)
    return {"youtube": "YouTube", "vimeo": "Vimeo"}[found[0]] if found else ""
