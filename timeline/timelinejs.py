"""TimelineJS in and out: a newsroom's TimelineJS sheet becomes rows of events.csv, and
events.csv becomes the JSON TimelineJS reads, so it can keep editing here and publish there.

Import reads the sheet exported as CSV (its columns matched by name, as TimelineJS
does), turns each row into one account, and appends them with `editing.append_rows`,
the same checked, locked append as `add`. A sheet row that cannot become a good
account is a problem naming its sheet row (the header is row 1) and is skipped.

Export writes `{"title": slide, "events": [slide...], "eras": [...]}`. TimelineJS
renders text as HTML, so every string of ours is escaped, and links are written
only for http(s) addresses.
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from . import dates, editing
from .load import Dataset, load
from .problems import ERROR, WARNING, Problem, show

SHEET_COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Alt Text", "Type", "Group", "Background",
)
OLD_NAMES = {"tag": "Group"}
NEEDED = ("Year", "Headline")
NOT_CARRIED = ("Display Date", "Media Caption", "Media Thumbnail", "Alt Text", "Background")
DEFAULT_GROUP = "Event"
ERA = "Era"
SLUG_LENGTH = 60

# Where each column of ours comes from in the sheet: a loader problem on an imported
# row names the sheet column the editor can fix.
SHEET_COLUMN_OF = {
    "id": "Headline", "date": "Year", "end_date": "End Year", "title": "Headline",
    "description": "Text", "category": "Group", "source": "Media Credit", "source_url": "Media",
}

_WEB = re.compile(r"https?://[^\s/]+\S*", re.IGNORECASE)
_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?)?"
    r"\s*(?:(?P<half>[ap])\.?\s*m\.?)?",
    re.IGNORECASE,
)


# --- HTML to plain text ------------------------------------------------------------------


class _PlainText(HTMLParser):
    BLOCKS = {
        "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "table", "tr", "section", "article", "header", "footer", "figure", "hr",
    }
    HIDDEN = {"script", "style", "template", "head", "title"}

    def __init__(self, addresses: bool = True):
        super().__init__(convert_charrefs=True)
        self.addresses = addresses  # keep a link's address after its words
        self.parts: list[str] = []
        self.hidden = 0
        self.links: list[tuple[int, str]] = []  # (where the link text starts, href)

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n\u2022 ")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        if tag == "a":
            self.links.append((len(self.parts), dict(attrs).get("href") or ""))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            start, href = self.links.pop()
            href = href.strip()
            words = "".join(self.parts[start:]).strip()
            if self.addresses and _WEB.fullmatch(href) and href not in words:
                self.parts.append(f" ({href})" if words else href)

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str, addresses: bool = True) -> str:
    """HTML reduced to plain text: paragraphs and line breaks kept, tags gone,
    entities decoded, a link's address kept after its words (unless not `addresses`)."""
    parser = _PlainText(addresses)
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def inline(markup: str) -> str:
    """HTML reduced to one line of plain text, without link addresses (for a headline,
    a source, a group)."""
    return " ".join(html_to_text(markup, addresses=False).split())


# --- ids -----------------------------------------------------------------------------------


def slug(headline: str) -> str:
    """An id made from a headline: ASCII letters and digits joined by hyphens, cut short."""
    folded = unicodedata.normalize("NFKD", headline).encode("ascii", "ignore").decode()
    folded = re.sub(r"['\u2019]", "", folded.lower())
    text = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "event"
    if len(text) > SLUG_LENGTH:
        cut = text[:SLUG_LENGTH + 1]  # one more: a hyphen there means a word ends at the limit
        text = cut.rsplit("-", 1)[0] if "-" in cut[:-1] else cut[:-1]
    return text


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... the first not in `taken` (which it joins)."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


# --- dates -----------------------------------------------------------------------------------


class CellError(ValueError):
    """A sheet cell that cannot be converted: (sheet column, message)."""

    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column


def clock(text: str, column: str = "Time") -> tuple[int, int]:
    """A sheet's Time as (hour, minute): `14:30`, `14:30:15`, `2:30 PM`, `2 pm`."""
    match = _TIME.fullmatch(text.strip())
    if not match or not (match["minute"] or match["half"]):
        raise CellError(column, f"{column} {show(text)} is not a time of day; write 14:30 or 2:30 PM")
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            raise CellError(column, f"{column} {show(text)} is not a time of day: with AM or PM "
                                    f"the hour runs 1-12")
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        raise CellError(column, f"{column} {show(text)} is not a time of day (00:00 to 23:59)")
    return hour, minute


def _number(text: str, column: str, low: int, high: int) -> int:
    value = text.strip()
    if re.fullmatch(r"-?\d+(?:\.0+)?", value):
        number = int(float(value))
        if low <= number <= high:
            return number
    raise CellError(column, f"{column} {show(text)} is not a whole number from {low} to {high}")


def sheet_date(year: str, month: str = "", day: str = "", time: str = "", prefix: str = "") -> str:
    """A sheet's Year, Month, Day, Time as one of our dates, at the precision given.

    `prefix` is "" for the start columns and "End " for the end columns (it names
    the column in a message). Raises CellError.
    """
    names = [f"{prefix}{part}" for part in ("Year", "Month", "Day", "Time")]
    year, month, day, time = (value.strip() for value in (year, month, day, time))
    if not year:
        given = [name for name, value in zip(names[1:], (month, day, time)) if value]
        raise CellError(names[0], f"{names[0]} is empty" + (
            f" but {', '.join(given)} {'is' if len(given) == 1 else 'are'} given" if given else ""
        ))
    if re.fullmatch(r"-\d+(?:\.0+)?|0+", year):
        raise CellError(names[0], f"{names[0]} {show(year)} is before year 1, which events.csv "
                                  f"cannot hold")
    text = f"{_number(year, names[0], 1, 9999):04d}"
    if month:
        text += f"-{_number(month, names[1], 1, 12):02d}"
    elif day or time:
        raise CellError(names[2] if day else names[3],
                        f"{names[2] if day else names[3]} is given without {names[1]}")
    if day:
        text += f"-{_number(day, names[2], 1, 31):02d}"
    elif time:
        raise CellError(names[3], f"{names[3]} is given without {names[2]}")
    if time:
        hour, minute = clock(time, names[3])
        text += f" {hour:02d}:{minute:02d}"
    try:
        dates.parse_one(text)
    except dates.DateError as error:
        raise CellError(names[2], f"{names[2]} {show(day)}: {error}") from None
    return text


# --- reading a sheet ---------------------------------------------------------------------------


@dataclass
class Entry:
    """One sheet row, converted: the account it becomes (its id still to be chosen)."""

    sheet_row: int
    account: dict
    era: bool = False


@dataclass
class Sheet:
    name: str                                    # the file name, for messages
    title: str = ""                              # the title row's headline
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def header_map(names: list[str]) -> tuple[dict[str, int], list[Problem]]:
    """The position of each TimelineJS column in a header, matched by name, and what is odd."""
    known = {name.lower(): name for name in SHEET_COLUMNS}
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for position, raw in enumerate(names):
        key = " ".join(raw.split()).lower()
        name = known.get(key) or OLD_NAMES.get(key)
        if name is None:
            if key:
                problems.append(Problem(1, raw.strip(), WARNING,
                                        f"{raw.strip()!r} is not a TimelineJS column; it is ignored"))
            continue
        if name in positions:
            problems.append(Problem(1, raw.strip(), WARNING,
                                    f"{name} appears twice in the header; the first is read"))
            continue
        positions[name] = position
    missing = [name for name in NEEDED if name not in positions]
    if missing:
        problems.append(Problem(
            1, missing[0], ERROR,
            f"the header has no {' or '.join(missing)} column, so this is not a TimelineJS sheet; "
            f"its header should name: {','.join(SHEET_COLUMNS)}",
        ))
    return positions, problems


def read_sheet(data: bytes, name: str) -> Sheet:
    """A TimelineJS sheet (CSV bytes) as entries to append, and problems by sheet row."""
    sheet = Sheet(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        sheet.problems.append(Problem(0, "", ERROR, "the sheet is not UTF-8 text; export it from "
                                                    "Google Sheets as CSV, or save it as CSV UTF-8"))
        return sheet
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        sheet.problems.append(Problem(0, "", ERROR, f"the sheet cannot be read as CSV: {error}"))
        return sheet
    if not records:
        sheet.problems.append(Problem(0, "", ERROR, "the sheet is empty"))
        return sheet
    positions, problems = header_map(records[0])
    sheet.problems += problems
    if any(p.level == ERROR for p in problems):
        return sheet
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(value.strip() for value in record):
            continue
        rows.append((number, {name: record[i] if i < len(record) else ""
                              for name, i in positions.items()}))
    titles = [(number, cells) for number, cells in rows if _type(cells) == "title"]
    if titles:
        sheet.title = inline(titles[0][1].get("Headline", ""))
        for number, _ in titles[1:]:
            sheet.problems.append(Problem(number, "Type", WARNING,
                                          f"a second title row (the first is row {titles[0][0]}); "
                                          f"it is skipped"))
    credit = sheet.title or name
    unused: dict[str, int] = {}
    for number, cells in rows:
        if _type(cells) == "title":
            continue
        if _type(cells) not in ("", "era"):
            sheet.problems.append(Problem(
                number, "Type", WARNING,
                f"Type {show(cells['Type'].strip())} is neither title nor era; the row is "
                f"imported as an event",
            ))
        for column in NOT_CARRIED:
            if cells.get(column, "").strip():
                unused[column] = unused.get(column, 0) + 1
        media = cells.get("Media", "").strip()
        if media and not _WEB.fullmatch(media):
            unused["Media"] = unused.get("Media", 0) + 1
        try:
            sheet.entries.append(convert(number, cells, credit))
        except CellError as error:
            sheet.problems.append(Problem(number, error.column, ERROR,
                                          f"{error}; the row is skipped"))
    for column, count in unused.items():
        rows_with = f"{count} row{'s' if count != 1 else ''}"
        sheet.problems.append(Problem(1, column, WARNING, (
            f"Media is not imported where it is not a web link ({rows_with}): events.csv keeps "
            f"only http(s) links, as source_url" if column == "Media" else
            f"{column} is not imported ({rows_with}): events.csv has no column for it"
        )))
    return sheet


def _type(cells: dict) -> str:
    return cells.get("Type", "").strip().lower()


def convert(number: int, cells: dict, credit: str) -> Entry:
    """One sheet row as an account (without its id). Raises CellError."""
    kind = _type(cells)
    headline = inline(cells.get("Headline", ""))
    if not headline:
        raise CellError("Headline", "Headline is empty; every event needs one")
    start = sheet_date(cells.get("Year", ""), cells.get("Month", ""), cells.get("Day", ""),
                       cells.get("Time", ""))
    end_cells = [cells.get(f"End {part}", "") for part in ("Year", "Month", "Day", "Time")]
    end = sheet_date(*end_cells, prefix="End ") if any(v.strip() for v in end_cells) else ""
    media = cells.get("Media", "").strip()
    era = kind == "era"
    return Entry(number, {
        "date": start,
        "end_date": end,
        "title": headline,
        "description": html_to_text(cells.get("Text", "")),
        "category": ERA if era else (inline(cells.get("Group", "")) or DEFAULT_GROUP),
        "source": inline(cells.get("Media Credit", "")) or credit,
        "source_url": media if _WEB.fullmatch(media) else "",
    }, era)


def with_ids(entries: list[Entry], taken: set[str]) -> list[dict]:
    """The entries' accounts, each with an id made from its headline, unique in `taken`."""
    taken = set(taken)
    return [{"id": unique(slug(entry.account["title"]), taken), **entry.account}
            for entry in entries]


# --- import: the sheet appended to events.csv ---------------------------------------------------


@dataclass
class Imported:
    sheet: Sheet
    into: str
    appended: editing.Appended | None = None
    problems: list[Problem] = field(default_factory=list)  # by sheet row, sheet's and check's
    summary: str = ""                                       # check's summary of the file after

    @property
    def rows(self) -> list[tuple[int, int, dict]]:
        """(sheet row, file row, account) for every row written."""
        if not self.appended:
            return []
        return [(self.sheet.entries[i].sheet_row, row, self.appended.rows[i])
                for i, row in self.appended.written.items()]

    @property
    def failed(self) -> bool:
        """A row was skipped or nothing could be imported: the command exits 1."""
        return any(p.level == ERROR for p in self.problems + self.file_problems)

    @property
    def file_problems(self) -> list[Problem]:
        """Why nothing could be appended to the file, if that was the file's fault."""
        return self.appended.review.blocking if self.appended else []


def import_sheet(sheet_path: str, into: str = "events.csv") -> Imported:
    try:
        data = Path(sheet_path).read_bytes()
    except OSError as error:
        sheet = Sheet(Path(sheet_path).name,
                      problems=[Problem(0, "", ERROR, f"the sheet cannot be opened: {error.strerror}")])
        return Imported(sheet, into, problems=sheet.problems)
    sheet = read_sheet(data, Path(sheet_path).name)
    result = Imported(sheet, into, problems=list(sheet.problems))
    if not sheet.entries:
        return result
    result.appended = editing.append_rows(
        into, lambda current: with_ids(sheet.entries, editing.existing_ids(current)),
        all_or_nothing=False,
    )
    for entry, findings in zip(sheet.entries, result.appended.review.findings):
        for problem in findings:
            skipped = "; the row is skipped" if problem.level == ERROR else ""
            result.problems.append(Problem(
                entry.sheet_row, SHEET_COLUMN_OF.get(problem.column, problem.column),
                problem.level, problem.message.rstrip(".") + skipped,
            ))
    result.problems.sort(key=lambda p: (p.row, p.column))
    if Path(into).exists():
        result.summary = load(into).summary()
    return result


def import_report(result: Imported, sheet_path: str) -> list[str]:
    """What `python -m timeline import` prints: problems, the rows imported, the summary."""
    lines = [p.format(sheet_path) for p in result.problems]
    lines += [p.format(result.into) for p in result.file_problems]
    rows = result.rows
    lines.append(f"imported {len(rows)} of {len(result.sheet.entries) + _skipped(result)} rows "
                 f"from {sheet_path} into {result.into}")
    for sheet_row, file_row, account in rows:
        lines.append(f"  {result.into}:{file_row}: {account['id']} ({account['date']}"
                     f"{' to ' + account['end_date'] if account['end_date'] else ''}) "
                     f"from sheet row {sheet_row}")
    if result.summary:
        lines.append(result.summary)
    return lines


def _skipped(result: Imported) -> int:
    return len({p.row for p in result.sheet.problems if p.level == ERROR and p.row > 1})


# --- export: events.csv as TimelineJS JSON ------------------------------------------------------


def date_object(value, precision: str, offset: str = "") -> dict:
    """A TimelineJS date at our precision: fields finer than the precision are left out."""
    when = pd.Timestamp(value)
    out: dict = {"year": int(when.year)}
    if precision in ("month", "day", "minute"):
        out["month"] = int(when.month)
    if precision in ("day", "minute"):
        out["day"] = int(when.day)
    if precision == "minute":
        out["hour"], out["minute"] = int(when.hour), int(when.minute)
    out["display_date"] = html.escape(dates.label(value, precision, offset))
    return out


def web_link(url: str) -> str:
    """The url if it is an http(s) link (with characters that could break out of markup
    percent-encoded), else ""."""
    url = url.strip()
    if not _WEB.fullmatch(url):
        return ""
    for char, code in (('"', "%22"), ("'", "%27"), ("<", "%3C"), (">", "%3E"), ("`", "%60")):
        url = url.replace(char, code)
    return url


def accounts_html(accounts: list, disputed: bool = False) -> str:
    """Every account of one event (rows of `Dataset.accounts`) as escaped HTML: source,
    who claims it, the date as written, what it says, and a link when it has an http(s) one."""
    items = []
    for row in accounts:
        said = [f"<strong>{html.escape(row.source)}</strong>"]
        if row.claimed_by:
            said.append(f"claimed by {html.escape(row.claimed_by)}")
        when = row.date + (f" to {row.end_date}" if row.end_date else "")
        said.append(f"dated {html.escape(when)}")
        item = ", ".join(said)
        if row.description:
            item += ": " + html.escape(row.description).replace("\n", "<br>")
        link = web_link(row.source_url)
        if link:
            item += (f' <a href="{html.escape(link)}" target="_blank" rel="noopener noreferrer">'
                     f"source</a>")
        items.append(f"<li>{item}</li>")
    note = "<p><strong>The sources disagree on the date.</strong></p>" if disputed else ""
    return f"{note}<ul>{''.join(items)}</ul>"


def document(dataset: Dataset, title: str = "Timeline") -> dict:
    """The TimelineJS JSON for a loaded events file."""
    slides, eras = [], []
    by_id: dict[str, list] = {}
    for account in dataset.accounts.itertuples(index=False):
        by_id.setdefault(account.id, []).append(account)
    for event in dataset.events.itertuples(index=False):
        mine = by_id[event.id]
        text = {"headline": html.escape(event.title),
                "text": accounts_html(mine, bool(event.disputed))}
        has_end = not pd.isna(event.end)
        start = date_object(event.start, event.precision, event.offset)
        if event.category_key == ERA.lower() and has_end:
            eras.append({"start_date": start,
                         "end_date": date_object(event.end, event.end_precision),
                         "text": text})
            continue
        slide: dict = {"start_date": start}
        if has_end:
            slide["end_date"] = date_object(event.end, event.end_precision)
        slide["text"] = text
        linked = next((a for a in mine if web_link(a.source_url)), None)
        if linked:
            slide["media"] = {"url": web_link(linked.source_url),
                              "caption": html.escape(linked.claimed_by),
                              "credit": html.escape(linked.source)}
        slide["group"] = html.escape(event.category)
        slide["unique_id"] = event.id
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}},
            "events": slides, "eras": eras}


def file_errors(dataset: Dataset) -> list[Problem]:
    """Errors in the file as a whole (no file, or a header that cannot be read): nothing
    to export."""
    return [p for p in dataset.errors if p.row <= 1]


def to_json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
