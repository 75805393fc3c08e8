"""The columns of events.csv and their rules, declared once.

The validator (`load`), the editor's guide in the README and the blank
template (`python -m timeline template`) all read this table.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DATE_FORMS = (
    "`2022`, `2022-01`, `2022-01-07`, `2022-01-07 14:30`, `2022-01-07T14:30+06:00`, "
    "or unambiguous English such as `7 January 2022`"
)


@dataclass(frozen=True)
class Column:
    name: str
    required: str  # "yes", "no" or "first" (on an id's first row)
    meaning: str
    example: str = ""


COLUMNS: tuple[Column, ...] = (
    Column(
        "id", "yes",
        "Stable slug: lowercase letters, digits, hyphens. Rows that share an id are accounts "
        "of one event; the first row defines its title, category and date; later rows add "
        "sources or competing claims.",
        "shoot-to-kill-order",
    ),
    Column(
        "date", "yes",
        f"When it happened, as the source says: {DATE_FORMS}. The precision written is the "
        "precision kept and shown. Years BC: `500 BC` or `-500` (back to 9999 BC); early years: "
        "`600`, `0600` or `AD 600`. Times are wall-clock times as written, never converted; a time "
        "may end with its UTC offset (`+06:00`) or a zone that names one offset (`UTC`, `EST`, "
        "`MSK`, `ALMT`, `Asia/Almaty`), shown beside it. Numeric forms such as `03/04/2022` are "
        "refused when they could be read two ways, with or without a time.",
        "2022-01-07",
    ),
    Column(
        "end_date", "no",
        "For events that last (a span): same forms as `date`, not before it.",
        "2022-01-19",
    ),
    Column("title", "first", "Short headline.", "Tokayev orders troops to shoot to kill"),
    Column("description", "no", "What this source says happened, as plain text.", ""),
    Column(
        "category", "first",
        "The lane on the timeline (protest, government, security, ...); case-insensitive. A "
        "handful of lanes reads best; more than 30 is warned about.",
        "security",
    ),
    Column("location", "no", "Place name. Without coordinates, a name that is one town's "
                              "(Almaty, Nur-Sultan, Paris, France) places the event on the map "
                              "approximately, and `check` gives the coordinates to add; a name "
                              "of several towns (Paris) is never guessed.", "Almaty"),
    Column("latitude", "no", "Decimal degrees, -90 to 90; give both or neither.", "43.2389"),
    Column("longitude", "no", "Decimal degrees, -180 to 180; give both or neither.", "76.8897"),
    Column("source", "yes", "Who published it (outlet, agency, document).", "Los Angeles Times"),
    Column(
        "source_url", "no",
        "Link to the source: its whole `http://` or `https://` address. Anything else "
        "(`www.example.org`, `javascript:`, a pasted `<a href=...>`) is warned about and dropped: "
        "the account is kept, without the link.",
        "https://example.org/story",
    ),
    Column("published", "no", "When the source was published; same forms as `date`.", "2022-01-07"),
    Column(
        "claimed_by", "no",
        "Who makes the claim when not the outlet (Interior Ministry; Mukhtar Ablyazov).",
        "",
    ),
    Column(
        "media", "no",
        "A picture or video shown with this account in the side panel: an `http` or `https` "
        "link to an image (`.jpg`, `.jpeg`, `.png`, `.gif`, `.webp`, `.svg`, `.avif`), shown "
        "as a picture, or to a video page (YouTube, Vimeo) or any other page, shown as a link. "
        "Nothing is fetched by the server. A link that is not `http(s)` is warned about and "
        "dropped, as for `source_url`.",
        "",
    ),
    Column("media_credit", "no",
           "Who made the picture or video (photographer, agency); with `media` only.", ""),
    Column("media_caption", "no", "A caption shown under the picture or video; with `media` only.", ""),
    Column(
        "media_alt", "no",
        "What the picture shows, for readers who cannot see it (screen readers); "
        "needed when `media` is an image (warned about when empty); with `media` only.",
        "",
    ),
    Column(
        "figure", "no",
        "A number this account gives (a death toll, people detained), written as a plain number: "
        "`238`, `4353`, `2.5` (no thousands separators, no words: say \"over\" or \"about\" in "
        "`description`). The side panel draws how it changed, account by account, over the "
        "publication dates.",
        "",
    ),
    Column("figure_unit", "no", "What the figure counts, in a word or two: `dead`, `detained`; "
                                "with `figure` only (warned about without it).", ""),
    Column(
        "retracted", "no",
        "This account's figure or claim was later withdrawn: `yes`, or the date it was "
        "withdrawn (same forms as `date`). Drawn and labelled as retracted, never dropped.",
        "",
    ),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required == "yes")
FIRST_ROW_REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required == "first")
DATE_COLUMNS: tuple[str, ...] = ("date", "end_date", "published")
TEXT_COLUMNS: tuple[str, ...] = ("title", "description", "location", "source", "claimed_by")
MEDIA_TEXT_COLUMNS: tuple[str, ...] = ("media_credit", "media_caption", "media_alt")
FIGURE_COLUMNS: tuple[str, ...] = ("figure", "figure_unit", "retracted")
RETRACTED_WORDS: tuple[str, ...] = ("yes", "true", "1", "retracted")

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_LENGTH = 60   # characters of an id made from a title


def slug(text: str) -> str:
    """An id made from a title or a value (ID_PATTERN): ASCII letters and digits joined by
    hyphens, accents dropped ("Café" -> "cafe"), apostrophes too ("Tokayev's" -> "tokayevs"),
    cut short at a word. `import` names its events so; `check` suggests it for an id that is not one."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"['\u2019]", "", folded.lower())
    out = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "event"
    if len(out) > SLUG_LENGTH:
        cut = out[:SLUG_LENGTH + 1]  # one more: a hyphen there means a word ends at the limit
        out = cut.rsplit("-", 1)[0] if "-" in cut[:-1] else cut[:-1]
    return out
URL_SCHEMES = ("http://", "https://")
NUMBER = r"[+-]?\d+(?:\.\d*)?"   # a plain number: a `figure`, and a value no spreadsheet runs as a formula
# A value beginning so may be run by a spreadsheet as a formula (OWASP's CSV injection list):
# `check` warns of it (a value it reads is stripped, so the first four are what it meets) and the
# exports neutralise it, unless the value is a plain NUMBER ("-5").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

REQUIRED_WORDS = {"yes": "yes", "no": "no", "first": "on an id's first row"}


def header_line() -> str:
    return ",".join(NAMES)


def template() -> str:
    """A blank events.csv: the header and one example row."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(NAMES)
    writer.writerow([c.example for c in COLUMNS])
    return out.getvalue()


def markdown_table() -> str:
    """The columns as the Markdown table that the README's editor's guide shows."""
    lines = ["| column | required | meaning |", "|---|---|---|"]
    for c in COLUMNS:
        lines.append(f"| `{c.name}` | {REQUIRED_WORDS[c.required]} | {c.meaning} |")
    return "\n".join(lines)
