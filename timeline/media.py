"""What a `media` link points at, told from the link alone (nothing is fetched)."""
from __future__ import annotations

from urllib.parse import urlsplit

IMAGE_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")
VIDEO_SITES = {"youtube.com": "YouTube", "youtu.be": "YouTube", "youtube-nocookie.com": "YouTube",
               "vimeo.com": "Vimeo"}


def video_site(url: str) -> str:
    """"YouTube" or "Vimeo" for a page of theirs (any subdomain: www., m., player.), else ""."""
    try:
        host = (urlsplit((url or "").strip()).hostname or "").rstrip(".")
    except ValueError:   # a malformed address, such as an unclosed [ in the host
        return ""
    for domain, name in VIDEO_SITES.items():
        if host == domain or host.endswith("." + domain):
            return name
    return ""


def kind(url: str) -> str:
    """"image" (the path ends .jpg, .png, ... before any ?query or #fragment), "video" (a YouTube
    or Vimeo page), "link" (any other http(s) address) or "" (empty, or not http(s))."""
    text = str(url or "").strip()
    if not text.lower().startswith(("http://", "https://")) or any(c.isspace() for c in text):
        return ""
    try:
        parts = urlsplit(text)
        path, host = parts.path, parts.hostname
    except ValueError:
        return ""
    if not host:
        return ""
    if video_site(text):
        return "video"
    if path.lower().endswith(IMAGE_ENDINGS):
        return "image"
    return "link"
