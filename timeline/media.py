"""What a `media` link points at, judged from the link alone (nothing is fetched)."""
from __future__ import annotations

from urllib.parse import urlsplit

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")
VIDEO_HOSTS = ("youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com")


def kind(url) -> str:
    """"image" (the path ends .jpg, .png...), "video" (a YouTube or Vimeo page), "link"
    (any other http(s) address), or "" (not an http(s) address)."""
    text = str(url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in text):
        return ""
    if parts.path.lower().endswith(IMAGE_EXTENSIONS):
        return "image"
    host = parts.hostname.lower()
    if any(host == name or host.endswith("." + name) for name in VIDEO_HOSTS):
        return "video"
    return "link"
