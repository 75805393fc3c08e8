"""The columns of events.csv and their rules, declared once.

The validator (`load`), the editor's guide in the README and the blank
template (`python -m timeline template`) all read this table. Each column
lists its rules: the check its values go through (a vectorised function of
`timeline.load`, named by `Rule.check`), whether a value that fails leaves its
row out (an error) or not (a warning), and what the editor is told, its fix
included (`Rule.says`, a message marked say(...) for the check catalogue). So a
new column with a simple check is one `Column(...)` here. What looks across rows
or columns (an event's first row, dates that disagree, duplicate spellings of a
lane...) is `load.ACROSS`, listed in one place there.

Why our own table and not a Frictionless Table Schema or a pandera schema
(issue 14): benchmarks/peers.py builds both from this table; run on one bad row
(id `Bad Id`, date `2022-13-45`, source empty, latitude 95, source_url
`www.example.org/x`), both name the row, column and value and the constraint
failed, but not how to mend it. Frictionless: `The cell "Bad Id" in row at
position "3" and field "id" at position "1" does not conform to a constraint:
constraint "pattern" is "[a-z0-9]+(?:-[a-z0-9]+)*"`; pandera: a failure case
`id str_matches(...) Bad Id index 1` (the frame's index, not the row); `check`:
`id 'Bad Id' may hold only lowercase letters, digits and hyphens; write it as
'bad-id'`. A constraint's message is fixed text (pandera's `error=`), not made
from the value (the slug to write, the link meant, the two readings of a date),
has no warning that keeps the row, and is not in the editor's language; neither
reads our dates (both passed month 13). And they are slower while checking less
(benchmarks/RESULTS.md, 1M ISO rows, 2026-11-29 20:10, best of 2, load average
8: `load` 2.6 s, pandera's read_csv and lazy validate 7.0 s, frictionless'
validate 46.7 s; at 100k rows 0.59, 0.66 and 3.1 s).
"""

from __future__ import annotations

import decimal
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from . import dates, diagnosis, links
from .problems import ERROR, WARNING, Message, say, say_n, show

DATE_FORMS = (
    "`2022`, `2022-01`, `2022-01-07`, `2022-01-07 14:30`, `2022-01-07T14:30+06:00`, "
    "a time to the second (`2022-01-07 14:30:15`, shown so), "
    "or unambiguous English such as `7 January 2022` or `2022 Jan 07`"
)


@dataclass(frozen=True)
class Rule:
    """One check of a column's values (timeline.load.CHECKS[check] runs it on the whole column)
    and what a value that fails it is told: says(column, value, ...) -> the message, its fix
    included (what else a check passes it: see its function in timeline.load)."""

    check: str
    level: str  # ERROR: the row is left out; WARNING: the row is kept
    says: Callable[..., Message] | None = None
    limit: int | None = None  # a number's bound ("range"), a text's length ("long")
    other: str = ""  # the column this one needs ("needs") or looks at ("picture_alt")

    def say(self, *args, **kwargs) -> Message:
        """The message of a value that fails the rule (a rule whose check reports has `says`)."""
        assert self.says is not None, f"the rule {self.check!r} has nothing to say"
        return self.says(*args, **kwargs)


@dataclass(frozen=True)
class Column:
    name: str
    required: str  # "yes", "no" or "first" (on an id's first row)
    meaning: str
    example: str = ""
    rules: tuple[Rule, ...] = ()  # in the order they run (and their problems are listed)


# --- what the rules say --------------------------------------------------------------------------


_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"  # (as Excel shows a month: d-mmm, mmm-yy)


def _misfit_id(column: str, value: str) -> Message:
    if re.fullmatch(diagnosis.SCIENTIFIC, value):
        return diagnosis.scientific_id_message(value)  # (no slug: '2-02201e-15' is no id)
    # (12/01/26: 12-1 typed, made a date; 2-Jan, Jan-22, 12-Jan-22: the same, as Excel shows it)
    if re.fullmatch(rf"\d{{1,2}}-(?:{_MONTHS})(?:-\d{{2}}(?:\d{{2}})?)?|(?:{_MONTHS})-\d{{2}}", value):
        return say(
            "id {value} looks like a date a spreadsheet made of an id typed into a cell that was not Text (1-2 "
            "is shown 2-Jan); write the id as it was, in a column formatted as Text, or, if you typed it so, "
            "write it as {slug!r}",
            value=show(value),
            slug=slug(value),
        )
    if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2}(?:\d{2})?", value):
        return say(
            "id {value} looks like a date a spreadsheet made of an id typed into a cell that was not Text (12-1 "
            "or 3-4 is read as a day of this year); write the id as it was, in a column formatted as Text",
            value=show(value),
        )
    if look_alikes(value) and fold(value).isascii():  # (a Cyrillic letter in a Latin id: the id meant is known)
        return say(
            "id {value} holds {unlike}; retype it: {slug!r}", value=show(value), unlike=unlike(value), slug=slug(value)
        )
    return say(
        "id {value} may hold only lowercase letters, digits and hyphens; write it as {slug!r}",
        value=show(value),
        slug=slug(value),
    )


def date_problem(column: str, value: str, problem) -> Message:
    """A date refused for a reason of its own, in a column that is not all dates (`retracted`)."""
    return _unreadable_date(column, value, problem)


def _unreadable_date(column: str, value: str, problem, consequence: Message | str = "") -> Message:
    # (a problem that is a sentence of its own, "24:00 is not a time of day", "February 2022 has 28
    # days", follows a colon; one that goes on from the value, "is not a date", does not)
    text = problem.english() if isinstance(problem, Message) else str(problem)
    if text[:1].isdigit() or text[:1].isupper():
        if consequence:
            return say(
                "{column} {value}: {problem}. {consequence}",
                column=column,
                value=show(value),
                problem=problem,
                consequence=consequence,
            )
        return say("{column} {value}: {problem}.", column=column, value=show(value), problem=problem)
    if consequence:
        return say(
            "{column} {value} {problem}. {consequence}",
            column=column,
            value=show(value),
            problem=problem,
            consequence=consequence,
        )
    return say("{column} {value} {problem}.", column=column, value=show(value), problem=problem)


def _date_caveat(column: str, value: str, problem) -> Message:
    return say("{column} {value}: {problem}", column=column, value=show(value), problem=problem)


def _characters(found: list[str]) -> str:
    """Characters named for an editor who cannot see them: 'U+200B zero width space'."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '').lower()}".rstrip() for c in found)


def _not_a_link(column: str, value: str) -> Message:
    """The message for a value of a link column that is not a web link: what to write instead."""
    if links.letters_lost(value):  # (its letters are gone: the cause, and the link to type again)
        return say(
            "{column} {value} has question marks where letters were, as a spreadsheet writes them when it saves "
            "in a character set without those letters (Latin-1 or Windows-1252), so the page is not found and "
            "the link is dropped (the account is kept); save the file as CSV UTF-8 and type the link again",
            column=column,
            value=show(value),
        )
    if links.cut_short(value):
        return say(
            "{column} {value} is cut short: its … stands for the rest of the address, as a post or a chat "
            "shortens a long link, so the link is dropped (the account is kept); open the link and copy the "
            "whole address from the browser's address bar",
            column=column,
            value=show(value),
        )
    look_alike = links.look_alike_host(value)
    if look_alike:
        return say(
            "{column} {value} has in its address {unlike}: it is another site's address, as a phishing link's "
            "is, so the link is dropped (the account is kept); copy the address from the site itself",
            column=column,
            value=show(value),
            unlike=unlike(look_alike.replace(".", " ")),
        )
    hidden = links.invisible(value)
    if hidden:
        cleaned = links.without_invisible(value)
        if links.is_web_link(cleaned):
            return say_n(
                "{column} {value} holds an invisible character ({characters}), which the browser sends with "
                "the address, so the page is not found; the link is dropped (the account is kept): write {meant}",
                "{column} {value} holds invisible characters ({characters}), which the browser sends with "
                "the address, so the page is not found; the link is dropped (the account is kept): write {meant}",
                len(hidden),
                column=column,
                value=show(value),
                characters=_characters(hidden),
                meant=show(cleaned, 160),
            )
        return say_n(
            "{column} {value} holds an invisible character ({characters}), which the browser sends with "
            "the address, so the link is dropped (the account is kept); type the address again, as the "
            "browser's address bar shows it",
            "{column} {value} holds invisible characters ({characters}), which the browser sends with "
            "the address, so the link is dropped (the account is kept); type the address again, as the "
            "browser's address bar shows it",
            len(hidden),
            column=column,
            value=show(value),
            characters=_characters(hidden),
        )
    written, meant = links.scheme_slip(value)
    if meant:
        return say(
            "{column} {value} has {written} where :// is meant, so the link is dropped (the account is kept): "
            "write {meant}",
            column=column,
            value=show(value),
            written=show(written),
            meant=show(meant, 160),
        )
    meant = links.in_angle_brackets(value)
    if meant:
        return say(
            "{column} {value} is a link in angle brackets, as e-mail and Markdown write one, so the link is "
            "dropped (the account is kept): write {meant}",
            column=column,
            value=show(value),
            meant=show(meant, 160),
        )
    meant = links.in_formula(value)
    if meant:
        return say(
            "{column} {value} is a spreadsheet's link formula saved as its text, so the link is dropped (the "
            "account is kept): write its address alone: {meant}",
            column=column,
            value=show(value),
            meant=show(meant, 160),
        )
    meant = links.attachment(value)
    if meant:
        return say(
            "{column} {value} is a file's name with its link in brackets, as Airtable exports an attachment, so "
            "the link is dropped (the account is kept): write the link alone: {meant}",
            column=column,
            value=show(value),
            meant=show(meant, 160),
        )
    count = links.several(value)
    if count:
        return say(
            "{column} {value} holds {count} links, so they are dropped (the account is kept); an account has "
            "one: give each its own row",
            column=column,
            value=show(value),
            count=count,
        )
    meant = links.likely_link(value)
    if meant and value.startswith("<"):
        return say(
            "{column} {value} is a link pasted as HTML, so the link is dropped (the account is kept); "
            "write only its address: {meant}",
            column=column,
            value=show(value),
            meant=show(meant, 160),
        )
    if meant:
        return say(
            "{column} {value} has no https:// or http:// in front, so the link is dropped (the account "
            "is kept); write the whole address, as the browser's address bar shows it: {meant}",
            column=column,
            value=show(value),
            meant=show(meant, 160),
        )
    host = links.user_before_host(value)
    if host is not None:
        return say(
            "{column} {value} has a user name or password before its host (up to the @), so the link "
            "is dropped (the account is kept): a browser would open {host}, whatever is written before "
            "the @, and the page would publish it; write the page's own address, as the browser's "
            "address bar shows it",
            column=column,
            value=show(value),
            host=show(host, 160),
        )
    if value[:8].lower().startswith(("http://", "https://")):
        return say(
            "{column} {value} is not a whole web link (it has no host, or a space in it), so the link "
            "is dropped (the account is kept); write the address alone, as the browser's address bar "
            "shows it",
            column=column,
            value=show(value),
        )
    return say(
        "{column} {value} is not a web link; only http:// and https:// links are allowed, so the link "
        "is dropped (the account is kept). Use the page's https:// address, or leave it empty",
        column=column,
        value=show(value),
    )


def _link_slip(column: str, value: str) -> Message:
    """The message for a web link that probably holds a slip (links.slip): it is kept."""
    if links.slip(value) == "amp":
        return say(
            "{column} {value} holds &amp;, probably an & written as HTML writes it (copied from a page's "
            "source or an HTML export); the link is kept as written, but the page may not open: write {meant}",
            column=column,
            value=show(value),
            meant=show(links.without_slip(value), 160),
        )
    return say(
        "{column} {value} ends with {end!r}, probably the sentence's punctuation copied with the link; the "
        "link is kept as written, but the page may not open: write {meant}",
        column=column,
        value=show(value),
        end=value.strip()[-1:],
        meant=show(links.without_slip(value), 160),
    )


# Unicode direction overrides and isolates (U+202A-U+202E, U+2066-U+2069): invisible, they
# reverse how the text after them is shown.
DIRECTION = "[\u202a-\u202e\u2066-\u2069]"


def _overrides(value: str) -> str:
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in re.findall(DIRECTION, value)}))


def _without_media(column: str, value: str) -> Message:
    return say(
        "{name} {value} is given without media, so it is not shown; put the link to the picture or "
        "video in media, or leave {name} empty",
        name=column,
        value=show(value),
    )


def _decimal_comma(column: str, value: str, number: str) -> Message:
    """A number written with a comma for its decimal point (43,2389; a figure of 2,5)."""
    return say(
        "{name} {value} has a comma for its decimal point; write {degrees}",
        name=column,
        value=show(value),
        degrees=number,
    )


# Arabic-Indic and Eastern Arabic-Indic (Persian, Urdu) digits, the Arabic decimal separator and
# thousands separator: a number typed in them is one number, said in the digits to write.
_ARABIC_NUMERALS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)", re.ASCII)
# 43?2389: a decimal point a program could not write in the file's character set (the Arabic ٫,
# which LibreOffice writes for an Arabic locale, saved in a Western one) became a question mark.
_QUESTION_POINT = re.compile(r"[+-]?\d{1,3}\?\d+", re.ASCII)


def _in_western_digits(column: str, value: str) -> Message | None:
    """What a number typed in Arabic digits or with the Arabic decimal separator (٤٣٫٢٣٨٩, 2٫5) is
    told: the number to write. None for any other value."""
    text = value.strip()
    western = text.translate(_ARABIC_NUMERALS)
    if western == text or not _PLAIN_NUMBER.fullmatch(western):
        return None
    return say(
        "{name} {value} is written in Arabic digits or with the Arabic decimal separator (٫); write {number}",
        name=column,
        value=show(value),
        number=western.lstrip("+"),
    )


def _other_minus(column: str, value: str) -> Message | None:
    """What a number whose minus is another character than - is told (−33.8688, U+2212): the
    number to write, its sign kept (a sign dropped is a place in the other hemisphere). None for
    any other value."""
    text = value.strip()
    if not text or text[0] not in dates.DASHES:  # (the minus sign Swedish number formats write, a dash...)
        return None
    number = "-" + text[1:].strip()
    if _DECIMAL_COMMA.fullmatch(number) and column != "figure":
        number = number.replace(",", ".")
    if not _PLAIN_NUMBER.fullmatch(number):
        return None
    return say(
        "{name} {value} begins with {character}, not the minus sign a number is read with (the hyphen-minus "
        "key, -); write {number}",
        name=column,
        value=show(value),
        character=_named(text[0]),
        number=number,
    )


_EXPONENT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d{1,3}", re.ASCII)


def _exponent(column: str, value: str) -> Message | None:
    """What a number written with an exponent (4.3238E+01, as a spreadsheet shows a number in a
    narrow column, and may save it so) is told: the number it is, in full, where that is one its
    column takes (degrees within its range, a whole figure). None for any other value."""
    text = value.strip()
    if not _EXPONENT.fullmatch(text):
        return None
    number = decimal.Decimal(text)
    limit = {"latitude": 90, "longitude": 180}.get(column)
    if (abs(number) > limit) if limit else (number < 0 or number != number.to_integral_value()):
        return None
    if abs(float(number)) == float("inf"):  # (1e309: no number to write)
        return None
    written = format(number.normalize(), "f").lstrip("+") if number else "0"  # (-0E+00: 0)
    return say(
        "{name} {value} is written with an exponent, as a spreadsheet shows a number in a narrow column; it is "
        "{number}: write that, and check its digits against the source, as the spreadsheet may have rounded them",
        name=column,
        value=show(value),
        number=written,
    )


def _not_degrees(column: str, value: str) -> Message:
    """What a latitude or longitude that is no number is told: the decimal degrees to write, where
    it is one written another way (a decimal comma, degrees and minutes, a hemisphere's letter,
    Arabic digits, a decimal point a program wrote as a question mark, a minus sign that is not -,
    an exponent)."""
    arabic = _in_western_digits(column, value) or _other_minus(column, value) or _exponent(column, value)
    if arabic is not None:
        return arabic
    if _QUESTION_POINT.fullmatch(value.strip()):
        return say(
            "{name} {value} has a question mark where its decimal point belongs: the program that saved the "
            "file could not write the decimal separator it had (the Arabic ٫ in a Western character set); "
            "write {degrees}, and save the file as CSV in UTF-8",
            name=column,
            value=show(value),
            degrees=value.strip().replace("?", ".").lstrip("+"),
        )
    degrees, comma = _other_degrees(column, value)
    if degrees is not None and comma:
        return _decimal_comma(column, value, degrees)
    if degrees is not None:
        return say(
            "{name} {value} is not in decimal degrees; as decimal degrees it is {degrees} (south and west are "
            "negative): write that",
            name=column,
            value=show(value),
            degrees=degrees,
        )
    return say(
        "{name} {value} is not a number; write decimal degrees such as 43.2389, or leave it empty",
        name=column,
        value=show(value),
    )


_DECIMAL_COMMA = re.compile(r"[+-]?\d{1,3},\d+")
# 43°14′N, 43°14'20"N, N 43.2389, 43.2389 N, 43 14 20 N, 76°53,4′E, -43°14′: degrees, then minutes
# and seconds if any (each with its sign or a space), a hemisphere's letter before or after, or a
# minus sign before them (with a degree sign).
# (Run on a value with its spaces made single, and short: each separator takes one space at most.)
_SEXAGESIMAL = re.compile(
    r"(?:(?P<before>[NSEW]) ?)?(?P<minus>[-+])?(?P<degrees>\d{1,3}(?:[.,]\d+)?)(?P<sign> ?[°º˚] ?| )?"
    r"(?:(?P<minutes>\d{1,2}(?:[.,]\d+)?)(?: ?['′’] ?| )"
    r"(?:(?P<seconds>\d{1,2}(?:[.,]\d+)?)(?: ?(?:[\"″”]|''|′′))?)? ?)?(?P<after>[NSEW])?",
    re.IGNORECASE | re.ASCII,
)
_HEMISPHERES = {"latitude": "NS", "longitude": "EW"}
# A hemisphere in Russian's and Kazakh's words, abbreviated (с. ш., северной широты: north; ю. ш.
# south; в. д., восточной долготы: east; з. д. west; Kazakh's с. е., о. е., ш. б., б. б.), at the end.
_HEMISPHERE_WORDS = re.compile(
    r"\s?(?:(?P<north>с\.? ?ш|с\.? ?е|северной широты)|(?P<south>ю\.? ?ш|о\.? ?е|южной широты)"
    r"|(?P<east>в\.? ?д|ш\.? ?б|восточной долготы)|(?P<west>з\.? ?д|б\.? ?б|западной долготы))\.?$",
    re.IGNORECASE,
)
_HEMISPHERE_LETTERS = {"north": "N", "south": "S", "east": "E", "west": "W"}


def _other_degrees(column: str, value: str) -> tuple[str | None, bool]:
    """(`value` as decimal degrees, four places, or None; whether it is written with a decimal
    comma): a latitude or longitude written with a decimal comma, or in degrees (and minutes,
    seconds) with a degree sign or its hemisphere's letter (N or S for a latitude, E or W for a
    longitude)."""
    text = " ".join(value.split())
    if len(text) > 40:  # (longer is no coordinate; and the pattern below is not for long texts)
        return None, False
    words = _HEMISPHERE_WORDS.search(text)
    if words:  # 43°15′ с. ш.: Russian's and Kazakh's words for north... as their letters
        letter = next(letter for name, letter in _HEMISPHERE_LETTERS.items() if words[name])
        text = (text[: words.start()] + " " + letter + text[words.end() :]).strip()
    comma = bool(_DECIMAL_COMMA.fullmatch(text))
    if comma:
        number = float(text.replace(",", "."))
    else:
        match = _SEXAGESIMAL.fullmatch(text)
        if match is None:
            return None, False
        letters = [letter.upper() for letter in match.group("before", "after") if letter]
        sign = match.group("sign") or ""
        if len(letters) > 1 or (sign.strip() == "" and not letters):
            return None, False  # (two letters; or numbers with spaces and no letter: not said to be degrees)
        if letters and letters[0] not in _HEMISPHERES.get(column, "NSEW"):
            return None, False  # (an E in a latitude: the columns may be swapped, said as not a number)
        if match.group("minus") and (letters or sign.strip() == ""):
            return None, False  # (-43°15′S: south twice, or north; -43 15: numbers, not said to be degrees)
        parts = [float((match.group(name) or "0").replace(",", ".")) for name in ("degrees", "minutes", "seconds")]
        if parts[1] >= 60 or parts[2] >= 60:
            return None, False
        south = (letters and letters[0] in "SW") or match.group("minus") == "-"  # (-43°15′: south, as -43.25 is)
        number = (parts[0] + parts[1] / 60 + parts[2] / 3600) * (-1 if south else 1)
    if abs(number) > (90 if column == "latitude" else 180):
        return None, False
    return f"{number:.4f}".rstrip("0").rstrip("."), comma  # (four places: 11 m)


# A latitude and a longitude written together (43.2567, 76.9286, as a map copies a place; 43°15′N
# 76°55′E; 43.2567 N, 76.9286 E): two numbers, or two with their hemispheres' letters.
_TWO_NUMBERS = re.compile(r"\(?\s*([+-]?\d{1,3}\.\d+)\s*[,; ]\s*([+-]?\d{1,3}\.\d+)\s*\)?", re.ASCII)
_TWO_DEGREES = re.compile(r"(.+?[NS])[,;/ ]*\s*(.+?[EW])", re.IGNORECASE)


def coordinates_in(value: str) -> tuple[str, str] | None:
    """(latitude, longitude) as decimal degrees, where a text is a latitude and a longitude
    written together (see _TWO_NUMBERS); else None."""
    text = " ".join(value.split())
    if len(text) > 60:
        return None
    numbers = _TWO_NUMBERS.fullmatch(text)
    if numbers:
        latitude, longitude = numbers.groups()
        if abs(float(latitude)) > 90 >= abs(float(longitude)):  # (76.9286, 43.2567: GeoJSON's order)
            latitude, longitude = longitude, latitude
        if abs(float(latitude)) <= 90 and abs(float(longitude)) <= 180:
            return latitude, longitude
        return None
    degrees = _TWO_DEGREES.fullmatch(text)
    if degrees:
        latitude, _ = _other_degrees("latitude", degrees.group(1).strip())
        longitude, _ = _other_degrees("longitude", degrees.group(2).strip())
        if latitude is not None and longitude is not None:
            return latitude, longitude
    return None


def _too_many_digits(value: str, text: str) -> Message:
    return say(
        "figure {value} has {digits:,} digits, more than a number can hold; check it against the source",
        value=show(value),
        digits=sum(c.isdigit() for c in text),
    )


def _not_a_figure(value: str) -> Message:
    """What a `figure` that is no plain number is told: the number to write, where one can be read
    in it (1,000,000 or 1 000; ~200, 200+, 225 dead; 2.5k; a range), and where the rest goes; both
    readings of one comma before three digits (2,500: 2500, or 2.5 with a decimal comma)."""
    text = " ".join(value.split())  # (a no-break space, as French writes 1 000, is a space here)
    arabic = _in_western_digits("figure", value) or _other_minus("figure", value) or _exponent("figure", value)
    if arabic is not None:
        return arabic
    if re.fullmatch(NUMBER, text, re.ASCII) and abs(float(text)) == float("inf"):  # (beyond 1.8e308)
        return _too_many_digits(value, text)
    if _ONE_COMMA.fullmatch(text):
        return say(
            "figure {value} reads two ways: {whole} with a comma between its thousands, or {small} with a "
            "decimal comma; write {whole} or {small}",
            value=show(value),
            whole=text.replace(",", ""),
            small=f"{float(text.replace(',', '.')):g}",
        )
    decimal = _GROUPED_DECIMAL.fullmatch(text)
    if _GROUPED.fullmatch(text) or _DOTTED.fullmatch(text) or decimal:
        return say(
            "figure {value} has separators between its thousands; write {number}",
            value=show(value),
            # (1.500,5 or 1,500.5: 1500.5, the decimals after the other mark)
            number=re.sub(r"\D", "", decimal["whole"]) + "." + decimal["part"] if decimal else re.sub(r"\D", "", text),
        )
    if _COMMA_DECIMAL.fullmatch(text):  # 2,5 or 1,25: no thousands are grouped so (2,500 is above)
        return _decimal_comma("figure", value, re.sub(r"^([+-]?),", r"\g<1>0,", text).replace(",", "."))
    percent = _PERCENT.fullmatch(text)
    if percent:  # 5%, 5.00 % (as a spreadsheet shows a number formatted as a percent)
        number = percent.group(1)
        number = number.rstrip("0").rstrip(".") if "." in number else number
        number = number.replace(".", "0.", 1) if number.lstrip("+-").startswith(".") else number  # (.5%: 0.5)
        return say(
            "figure {value} is a percent; write {number}, and percent in figure_unit",
            value=show(value),
            number=number,
        )
    numbers = _A_NUMBER.findall(text)
    if len(numbers) == 2 and _RANGE.fullmatch(text):
        return say(
            "figure {value} is a range; write one number (such as {low} or {high}) and give the range in the "
            "description",
            value=show(value),
            low=numbers[0],
            high=numbers[1],
        )
    # (,500 or ,5%: a comma before digits with none before it, a decimal comma or a number cut short;
    # "write 500" or "write 5" would be ten or a thousand times the value)
    if len(numbers) == 1 and not _GROUPED_INSIDE.search(text) and not re.search(r"(?<!\d),\d", text):
        number = numbers[0]
        rest = " ".join(text.replace(number, " ", 1).split())
        number = "0" + number if number.startswith(".") else number  # (.75: write 0.75)
        scaled = _SCALED.search(text)
        if _COUNTED.search(text):  # (2 hundred, 2 dozen: not the number before the word)
            numbers = []
        elif scaled:  # 2.5k, about 1.5 million: the number it is, the word or letter not left in the rest
            scale = next(_SCALES[int(name[1:])] for name, word in scaled.groupdict().items() if word)
            times = float(scaled.group(1)) * scale
            if times == float("inf"):  # (400 digits and a k: no number to write)
                return _too_many_digits(value, text)
            number = f"{times:.6f}".rstrip("0").rstrip(".")
            rest = " ".join((text[: scaled.start()] + " " + text[scaled.end() :]).split())
            if not rest:
                return say(
                    "figure {value} has a word or a letter for thousands or millions; write {number}",
                    value=show(value),
                    number=number,
                )
        if numbers and rest and not set(rest) <= set(dates.DASHES):  # (−200: a minus that is not a hyphen-minus)
            return say(
                "figure {value} has more than the number; write {number}, and say the rest ({rest}) in the "
                "description, or a unit such as dead in figure_unit",
                value=show(value),
                number=number,
                rest=show(rest),
            )
    return say(
        "figure {value} is not a number; write the number alone, such as 238 (1000, not 1,000), say "
        '"over" or "about" in the description, or leave it empty',
        value=show(value),
    )


# Thousands separated (spaces made one space first): 1,000,000, 1 000, 1'000, 2.500.000. One comma
# group (2,500) reads two ways; one dot (2.500) is the "thousands" rule's. A first digit 0 is not
# a thousand (0,500 is a half).
_ONE_COMMA = re.compile(r"[1-9]\d{0,2},\d{3}", re.ASCII)
_GROUPED = re.compile(r"[1-9]\d{0,2}(?P<separator>[ ,'’])\d{3}(?:(?P=separator)\d{3})*", re.ASCII)
_DOTTED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3}){2,}", re.ASCII)
# Thousands grouped, then decimals after the other mark: 1.500,5 or 1 500,5 (as Europe writes
# them), 1,500.5 (as English does).
_GROUPED_DECIMAL = re.compile(
    r"(?P<whole>[1-9]\d{0,2}(?:(?P<s>[ .'’])\d{3}(?:(?P=s)\d{3})*(?=,)|(?P<t>[ ,'’])\d{3}(?:(?P=t)\d{3})*(?=\.)))"
    r"[.,](?P<part>\d+)",
    re.ASCII,
)
_GROUPED_INSIDE = re.compile(r"\d[ ,'’]\d{3}(?!\d)", re.ASCII)
_A_NUMBER = re.compile(r"\d*\.\d+|\d+(?:\.\d+)?", re.ASCII)  # (.75 too)
_COMMA_DECIMAL = re.compile(r"[+-]?\d*,(?:\d{1,2}|\d{4,})", re.ASCII)  # (,5: a half; ,500 may be 1,500 cut)
_PERCENT = re.compile(r"([+-]?(?:\d*\.\d+|\d+(?:\.\d+)?)) ?%", re.ASCII)
_RANGE = re.compile(r"(?:between )?\d+(?:\.\d+)? ?(?:[-–—]|to|and) ?\d+(?:\.\d+)?", re.ASCII | re.IGNORECASE)
# The words and letters for thousands, millions and billions an editor writes after a number, in
# English and in the languages of the newsrooms that write figures so (10 тыс., 12 мың, 1.5 млн,
# 2 Mio., 200 bin, 3 lakh, 1万, 2 مليون): each word's forms, and the number it stands for. (Not
# Spanish and Portuguese "mil", a thousand, which English finance writes for a million.)
_SCALE_WORDS = {
    1e3: r"k|thousands?|тыс|тысяч(?:а|и|у|ей|ами|ах)?|мың(?:нан|ға|да|ның)?|тис|тисяч(?:а|і|у|ею|ами|ах)?|mille|milliers?|tsd|tausend|bin|tys|tysięcy|tysiące|ألف|آلاف|千",
    1e4: r"万|萬",
    1e5: r"lakhs?|lacs?",
    1e6: r"m|mn|mln|millions?|млн|миллион(?:а|у|ов|ом|ами|ах|е)?|мільйон(?:а|у|ів|ом|ами|ах|і)?|mio|millionen|millón|millones|milhão|milhões|"
    r"milione|milioni|milyon|مليون|ملايين",
    1e7: r"crores?",
    1e8: r"億|亿",
    1e9: r"bn|billions?|млрд|миллиард(?:а|у|ов|ом|ами|ах|е)?|мільярд(?:а|у|ів|ом|ами|ах|і)?|milliards?|mrd|milliarden?|milyar|mld|مليار",
}
_SCALES = dict(enumerate(_SCALE_WORDS))  # (each scale by its number: _SCALED's group s0, s1...)
# (Tried only where a number begins: from each digit of a long run of them, the search went to the
# run's end, and 30,000 digits took 43 s. The word ends where a letter does not follow: 2 mils is none.)
_SCALED = re.compile(
    r"(?<![0-9.])([0-9]*\.[0-9]+|[0-9]+(?:\.[0-9]+)?) ?((?:"
    + "|".join(f"(?P<s{i}>{words})" for i, words in enumerate(_SCALE_WORDS.values()))
    + r")\.?)(?![^\W\d_])",
    re.IGNORECASE,
)


# Other words of how many, after a number: "write 2" would be a hundredth or a twelfth of it.
_COUNTED = re.compile(
    r"(?<![^\W\d_])(?:hundreds?|dozens?|scores?|сот(?:ня|ни|ен)|десят(?:ок|ка|ков)|дюжин\w*|centaines?|douzaines?|"
    r"dizaines?|hunderte?|dutzend)(?![^\W\d_])",
    re.IGNORECASE,
)


def _out_of_range(column: str, value: str, limit: int) -> Message:
    return say(
        "{name} {value} is out of range: it runs from -{limit} to {limit}", name=column, value=value, limit=limit
    )


def _long_name(column: str, value: str, limit: int) -> Message:
    return say(
        "{name} is {length:,} characters long; a name reads best under {best} and the page shortens "
        "anything over {limit}. Move the rest to description",
        name=column,
        length=len(value),
        best=limit // 4,
        limit=limit,
    )


# What a spreadsheet or another program writes in a cell in place of a value: the error value of a
# formula that broke (Excel, LibreOffice, Google Sheets; any case, as a spreadsheet reads them), and
# the markers that R, pandas and databases write for an empty cell (as they write them: `None` or
# `NA` in another case may be a word). Both are whole values; `load` finds them from the bytes.
FORMULA_ERRORS = (
    "#REF!",
    "#N/A",
    "#VALUE!",
    "#NAME?",
    "#DIV/0!",
    "#NUM!",
    "#NULL!",
    "#ERROR!",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#PYTHON!",
    "#GETTING_DATA",
    "LOADING...",  # Google Sheets, a formula still being worked out when the sheet was downloaded
)
LIBREOFFICE_ERROR = r"ERR:\d{3}"  # LibreOffice's other errors (Err:502), any case
MISSING_MARKERS = ("NA", "N/A", "NaN", "NULL", "\\N")  # (not None: a word, and pandas writes nothing for it)


def sheet_value(value: str) -> str:
    """ "error" for a formula's error value (FORMULA_ERRORS), "missing" for a missing-value marker
    (MISSING_MARKERS), else "". `value`: stripped."""
    if value in MISSING_MARKERS:
        return "missing"
    if value.isascii():
        upper = value.upper()
        if upper in FORMULA_ERRORS or re.fullmatch(LIBREOFFICE_ERROR, upper):
            return "error"
    return ""


# Why a formula gives each error, in a few words (_formula_error).
_FORMULA_WHY = {
    "#REF!": say("a column, row or sheet it used was deleted"),
    "#N/A": say("a value it looks up is not there"),
    "#VALUE!": say("a cell it uses holds text where it needs a number"),
    "#NAME?": say("it names a function or range that does not exist"),
    "#DIV/0!": say("it divides by zero or by an empty cell"),
}
_FORMULA_FAILED = say("it cannot be worked out")


def _formula_error(column: str, value: str) -> Message:
    if value.upper() == "LOADING...":
        return say(
            "{column} {value} is what Google Sheets shows while a formula is still being worked out, not a "
            "value: the file was downloaded before it finished; download it again once every cell shows its "
            "value, or paste the cells as values before saving",
            column=column,
            value=show(value),
        )
    return say(
        "{column} {value} is a spreadsheet's formula error, not a value: the formula behind this cell broke "
        "({why}); fix the formula, or paste the cells as values before saving",
        column=column,
        value=show(value),
        why=_FORMULA_WHY.get(value.upper(), _FORMULA_FAILED),
    )


def _missing_marker(column: str, value: str, empty: Message | None = None) -> Message:
    """`empty`: what the column's "required" rule says of an empty value, if it has one."""
    if empty is not None:
        return say(
            "{column} {value} looks like a missing-value marker (R, pandas and databases write NA, NULL, NaN or "
            "\\N for an empty cell), so the cell was empty when the file was written, and the row is left out: "
            "{empty}",
            column=column,
            value=show(value),
            empty=empty,
        )
    return say(
        "{column} {value} looks like a missing-value marker (R, pandas and databases write NA, NULL, NaN or "
        "\\N for an empty cell), so it is left out (the account is kept); leave the cell empty",
        column=column,
        value=show(value),
    )


# A formula's error value is an error in any column; a missing-value marker is dropped, with a
# warning, from a column that may be empty, and leaves the row out of a required one. They run
# first (after "required"), and drop the value: the column's other rules do not see it.
FORMULA_ERROR = Rule("formula_error", ERROR, _formula_error)
MISSING = Rule("missing", WARNING, _missing_marker)
MISSING_REQUIRED = Rule("missing", ERROR, _missing_marker)
SHEET = (FORMULA_ERROR, MISSING)
SHEET_REQUIRED = (FORMULA_ERROR, MISSING_REQUIRED)

# The rules of text an editor types: HTML, a spreadsheet formula, a direction override, a wrong
# encoding or letters a save in one without them made ? (timeline.diagnosis: its cause is said
# once for the file).
HTML = Rule(
    "html",
    WARNING,
    lambda column, value: say(
        "{name} {value} holds HTML; it is shown as plain text, tags and all. Write plain text",
        name=column,
        value=show(value),
    ),
)


def _formula_said(column: str, value: str) -> Message:
    if value[:1] == "'":  # ('=Title: as the page's download and other exports keep a formula from running)
        return say(
            "{name} {value} begins with an apostrophe before {first!r}, as the page's download and other exports "
            "write one so that a spreadsheet does not run the value as a formula; if it came from such an export, "
            "delete the apostrophe",
            name=column,
            value=show(value),
            first=value[1],
        )
    return say(
        "{name} {value} begins with {first!r}, which a spreadsheet may run as a formula; exports neutralise "
        "it, but consider rewording",
        name=column,
        value=show(value),
        first=value[0],
    )


FORMULA = Rule("formula", WARNING, _formula_said)
TURNED = Rule(
    "direction",
    WARNING,
    lambda column, value: say(
        "{name} {value} holds an invisible Unicode direction override ({overrides}), which reverses how the "
        "text after it is shown; delete it",
        name=column,
        value=show(value),
        overrides=_overrides(value),
    ),
)
GARBLED = Rule("garbled", WARNING, diagnosis.garbled_message)
TEXT = (HTML, FORMULA, TURNED)
LONG_NAME = 200  # a source, category, claimed_by or location longer than this is warned about
LONG_TITLE = 300
NAMED = Rule("long", WARNING, _long_name, limit=LONG_NAME)
# A source that looks like another and is not: another outlet to the filter and the counts.
OUTLET_ALIKE = Rule(
    "look_alike",
    WARNING,
    lambda column, value, unlike, folded: say(
        "{name} {value} holds {unlike}: it is another outlet than {folded}, listed and counted apart; if "
        "they are one, retype it",
        name=column,
        value=show(value),
        unlike=unlike,
        folded=show(folded),
    ),
)
LINK = Rule("link", WARNING, _not_a_link)  # a value that is not a web link is dropped, the row kept
LINK_SLIP = Rule("link_slip", WARNING, _link_slip)  # a web link with a probable slip (&amp;...), kept
WITH_MEDIA = Rule("needs", WARNING, _without_media, other="media")
DATE_CAVEAT = Rule("caveat", WARNING, _date_caveat)  # a date read, with something to say of it
_IGNORED = say("It is ignored")


COLUMNS: tuple[Column, ...] = (
    Column(
        "id",
        "yes",
        "Stable slug: lowercase letters, digits, hyphens. Rows that share an id are accounts "
        "of one event; the first row defines its title, category and date; later rows add "
        "sources or competing claims.",
        "shoot-to-kill-order",
        rules=(
            Rule(
                "required",
                ERROR,
                lambda column, value: say(
                    "id is empty; every row needs the id of its event, a slug such as 'airport-seized'"
                ),
            ),
            *SHEET_REQUIRED,
            Rule("slug", ERROR, _misfit_id),
            Rule("digits", WARNING, lambda column, value: diagnosis.digits_id_message(value)),
        ),
    ),
    Column(
        "date",
        "yes",
        f"When it happened, as the source says: {DATE_FORMS}. The precision written is the "
        "precision kept and shown. Years BC: `500 BC` or `-500` (back to 9999 BC); early years: "
        "`600`, `0600` or `AD 600`. Times are wall-clock times as written, never converted; a time "
        "may end with its UTC offset (`+06:00`) or a zone that names one offset (`UTC`, `EST`, "
        "`MSK`, `ALMT`, `Asia/Almaty`; an abbreviation named after one place's clocks at the offset they had "
        "on that day: `MSK` was +04:00 from 2011 to 2014, `ALMT` +05:00 from March 2024, `TRT` written for a time before 2016 the offset Turkey's clocks showed then; `KST` from August 2015 to May 2018, when North Korea's +08:30 was named so too, is read at South Korea's +09:00 with a warning naming both), shown beside it (an offset no place uses, such as `+15:00` or `-13:00`, is dropped, with a "
        "warning; an abbreviation that names several zones, `CST`, `IST`, `BST`, `AST`, `PST` (US Pacific, the Philippines or Pakistan) or `MST` (US Mountain or Malaysia), is never read as one: the "
        "time is kept with no offset, with a warning naming the zones, their offsets and the value to write with one). "
        "A time a zone's clocks show twice or never (`2022-10-30 01:30 Europe/London`, as the clocks are put back; "
        "`2022-03-27 01:30 Europe/London`, as they are put forward over it; `2024-02-29 23:30 ALMT`, an abbreviation "
        "named after one place's clocks, as their standard time moved) is read at the offset before the change, "
        "with a warning naming both offsets and the time to write. "
        "A standard time's abbreviation written for a time its clocks were on summer time, or a summer time's for a "
        "time they were not (`2022-07-05 14:30 EST`, `2022-01-05 14:30 CEST`, `2008-08-08 14:00 MSK`, when Moscow's "
        "clocks showed MSD, +04:00), is read at its own offset, with a "
        "warning naming the clocks' and the time to write with it (not `AEST`, `CET` or `EET` in summer, which "
        "some places keep all year; Europe's from 1981, when its summer time began together); so is an abbreviation "
        "named after one place's clocks written for a time they were on summer time (`2008-08-08 14:00 YEKT`). "
        "`est` not in capitals (`14:30 (est)`, `14:30 Est`: an estimate as often as US Eastern time) is kept with no offset, with a "
        "warning naming both. AM or PM written against the zone after it, as a page's text loses a space "
        "(`11:04PMEST`, `3:48pmUTC`), is read as both (23:04 at -05:00; 15:48 at UTC). "
        "A zone's name is read in any case, as the time zone database spells it "
        "(`Africa/Dar_es_Salaam`, `America/Port-au-Prince`). "
        "Accounts of one event that give times at different offsets are compared as the moments they are "
        "(`23:30+06:00` and `17:30Z` agree; `14:30+06:00` and `14:30Z` are disputed), a day or a time with no "
        "offset on any clock the event's accounts give (disputed only if it agrees on none). "
        "A time with a hyphen and a later time after it (`5 January 2022, 09:00-10:00`, or `09:00 -10:00` with a space "
        "before the hyphen: 09:00 at UTC-10:00, or from "
        "09:00 to 10:00; `9:00 PM-10:00`, 21:00 to 22:00; `10:00 AM-02:00`, 10:00 to 14:00; `09:00-10`; an evening's time and a morning's, `23:00-07:00`, 23:00 to 07:00 the next day, as a curfew is written; in any script's digits) is refused, naming both readings, unless a program wrote it so (a `T` before the time, or "
        "seconds: `2022-01-05T09:00-10:00`, `2022-01-05 09:00:00 -1000`); after a date written as ISO 8601 writes one (`2022-01-05 09:00-10:00`) "
        "it is read at the offset, with a warning naming the span; one no place's offset could be (`14:30-16:00`) "
        "is told as a range. With a minus sign for the hyphen (`2022-01-05 09:00−10:00`, as ISO 8601 lets an "
        "offset be written) it is refused, naming the minus sign and both readings, after an ISO 8601 date too "
        "(with a `T` or seconds, the minus sign is named with the date to write). "
        "Numeric forms such as `03/04/2022` are "
        "refused when they could be read two ways, with or without a time (the two ways to write it keep the "
        "time), and so is `22-01-07` (7 January 2022 year first, or 22 January 2007). A month with a year of two "
        "digits (`Jan-22`, as a spreadsheet shows a month) is refused, naming both its readings (January 2022, or "
        "the 22nd with no year); `Jan '22` is January 2022. A year of two digits (`1/13/22`, `7 Jan '22`) is read as Excel reads one typed into a "
        "cell, 00-29 as 2000-2029 and 30-99 as 1930-1999, whatever the day the file is read, and each such date "
        "gets a warning that names the year read; one read as a year still to come (`7/23/28` in 2026: 2028, or "
        "1928?) is refused, naming both, and so is one that also reads two ways (`12/8/06`), naming both "
        "centuries: write years in full. One that is a date year first too (`22/01/05`, as Japan and Korea write "
        "5 January 2022) is read day first with a warning that names both readings; one that is a date only "
        "year first (`99/12/31`) is refused, with it written in full. A month's name with a year of four digits "
        "that begins with 0 (`7 January 0930`) is read as that year, with a warning that 09:30 may be a time "
        "whose year is missing. A weekday written with the date "
        "(`Monday, 5 January 2022`) that is not that date's gets a warning naming both days; the date is read as "
        "written (where it is the weekday of that date in the Julian calendar, before 1924, `Sunday, 9 January "
        "1905`, the warning names the Gregorian day to write, `1905-01-22`). A time of exactly `00:00:00`, seconds written (`2022-01-05 00:00:00`, as "
        "pandas' `to_csv` and spreadsheets write a date that has no time; `12:00:00 AM` as .NET and US "
        "spreadsheets write it; `0:00` as a spreadsheet's h:mm format shows it; `12:00AM` as SQL Server writes it), "
        "gets a warning: it is read and shown as "
        "00:00, and a date known only to the day is written `2022-01-05`; midnight typed as `00:00` says nothing. "
        "Times at UTC with their seconds written that are most of a date column's different times, at one time of "
        "day that is midnight at another offset (`2022-01-04T18:00:00.000Z`: a program that keeps a day as the "
        "moment it began in Almaty writes 5 January so; a place's summer and winter times, an hour apart, both), "
        "are read as written with a warning naming the day to write (else every event would be a day early); not "
        "noon in UTC, nor a column with times at other offsets, nor spans whose ends are another time of day. "
        "A time with `a` or `p` after it (`7:30p`), or with another language's word for AM or PM (`2:30 CH`, `2:30 nm`, "
        "`2:30 em`, `2022-01-05 오후 2:30:00` as Korean Excel writes one, `下午 2:30`, `2:30 م`), is refused, with "
        "the time to write if it is AM or PM. A footnote's mark after a date (`2022-01-05¹`, `2021²`, `†`: "
        "superscript and circled digits are no digits of a date) is told, with the date to write without it. "
        "A date refused says why as nearly as it can: a range in one cell (`5–7 January 2022`, "
        "`7/8 January 2022`, `7 and 8 January 2022`, `2022-01-05/2022-01-07`, `January 5, 2022 → January 7, 2022`) names its two ends for `date` and "
        "`end_date` (an era written once, `500–470 BC` or `AD 47–50`, is both ends'; two numbers of one or two "
        "digits, `between 47 and 50` or `47-50`, are told as the years they would be; one whose ends are one date, `7-7 January 2022`, as that date; days in numbers that read two ways, `05.01.2022-07.01.2022`, both ranges; noon, a word of doubt or a time of four digits beside such a date, each reading), a quarter or a half of a year (`Q1 2022`, `H1 2022`) its first and last months "
        "(a quarter or a half with a year of two digits, `1Q22`, `Q1 22`, `H1 22` or `2H22`, in both centuries the year may be in), a fiscal year (`FY2022`, "
        "`FY 2021/22`) that its months depend on the organisation, its first and last days to be written, an ISO week "
        "(`2022-W01`) its first and last days, a decade (`1990s`, `1990-е годы`) its first and last years (`the '90s` in both centuries a year of two digits may be in; two decades, `1850s-60s` or `1850s-1860s`, the first year of the one and the last of the other, `1850` and `1869`), a century (`12th century`, `twelfth century`, `XII век`, `12th century BC`) its first and last years as centuries are counted (`1101` and `1200`; `-1200` and `-1101`), "
        "a millennium (`5th millennium BC`, `the 2nd millennium`, `III тысячелетие до н. э.`) its first and last years (`-5000` and "
        "`-4001`), a decade BC (`1990s BC`) its years counted down (`-1999` and `-1990`) and hundreds BC (`1100s BC`) both the "
        "decade's and the century's (`-1109` or `-1199`, to `-1100`), a season (`summer 2022`) is told that its "
        "months depend on the hemisphere; two years "
        "(`2021-22`, `2021/2022`) are said as such, and so with a word (`1920-21 session`, `the 1920-21 season`; `winter 1834-35` with "
        "the season's caveat) (`2021-12` is a month, warned with both readings where the "
        "column also holds two years so, `1826-31`; `1984-5`, a month of one digit "
        "that a later year of its decade could end, is May 1984 or 1984 to 1985: refused, naming both); "
        "in `end_date` each of these is told as the end of the span, and in "
        "`published`, which is one day, as the day of publication to write. A date with a word of doubt or "
        "nearness (`2022-01-05?`, `c. 2022`, `early January 2022`, `early 1990s`, `early '90s`, `early 12th century`, `c. 47`, `начало 1990-х`) is told with the date to write, the doubt "
        "going in the description; a time before its date (`14:30, 5 January 2022`) with the two in order, and a time with no date "
        "(`14:30`, `12:56 AM EST`, `About 1:30 AM EST`) with an example of the day written with it. A year of five digits "
        "(`12500`, `12500 BC`) is told that years run from 9999 BC to AD 9999. An invisible "
        "character (a left-to-right mark, a zero-width space, a soft hyphen), a Unicode dash or minus sign "
        "(`2022‐01‐05`, `−500`), a Cyrillic or Greek letter that looks like a Latin one (`5 Jаnuary 2022`), a "
        "letter typed for a digit (`2o22-01-05`, `2022-01-05 lO:30`), a month and its year in numbers "
        "(`1/2022`, `2015M02` as statistics offices write one), ISO's basic form (`20220105`) and a year and month so (`201502`), its week day and ordinal date (`2022-W01-3`, `2022-005`), a year "
        "with its era in Russian, French, Kazakh, German, Italian, Spanish or Portuguese (`44 v. Chr.`, `44 a.C.`, `500 до н. э.`, `500 г. до н. э.`, `500 av. J.-C.`, `500 apr. J.-C.`, "
        "`б.з.д. 500 ж.`: `-0500`, `0500`) or a date or a range with it (`15 mars 44 av. J.-C.`: `-0044-03-15`; `500–470 до н. э.`: `-0500` "
        "and `-0470`), a zone after a date with no time (`Jan 11 2012 CST`), an era after a time or a date in numbers (`0500-03-15 14:30 BC`, as PostgreSQL writes one; it is never read as AD), an offset of one digit (`14:30 +6`), a year with the word for year (`2022 г.`, `2022 ж.`) or a date with it (`25.01.2022 г.`), words in brackets after a date (`2022-01-05 (local)`, "
        "JavaScript's zone name, a footnote's mark `[3]`, a zone's name after its offset `+06:00[Asia/Almaty]`, and where the two disagree, `+03:00[Asia/Almaty]` or `10:00 +06:00 MSK`, both as they read (an offset an hour ahead of the zone's is taken for its summer time, as `+02:00 CET` in July); a weekday there that is not the date's, `2022-01-05 (Fri)`, is said to be another day's, a day of the Julian calendar, `25 October 1917 (O.S.)` or `(Old Style)`, with its Gregorian day to write, `1917-11-07` (in any year: `25 December 2021 (O.S.)`, as the Orthodox churches date Christmas, is `2022-01-07`, and `29 February 1700 (O.S.)`, a day the Gregorian calendar has not, `1700-03-11`; from 1155 to 1751, from 1 January to 24 March, also the next year's, where the year began on 25 March), the same date again, `5 January 2022 (2022-01-05)` as a table copied from Wikipedia writes it, with the date to write, and an offset among the words, `(local time, UTC+6)`, is kept), a place's time (`14:30 Almaty time`, `2:30 p.m. New York time`, `(time in Moscow)`, `14:30 мск`, `14:30 по времени Астаны`: the date to write has the offset that place's clocks showed then), a time with the same moment in UTC in brackets, as news agencies write it (`14:30 local time (08:30 GMT)`, `10:55 a.m. ET (1555 GMT)`: the date to write has the offset the two give, `2022-01-05 14:30+06:00`), a time of four digits (`2022-01-05 1430`, `5 January 2022, 1430 hrs`) or with a dot for its colon (`2022-01-05 14.30`, `13.01.2022 14.30 Uhr`), a US zone in words or with dots (`11:04 p.m. Eastern Time`, `Central Standard Time`, `E.D.T.`: the offset it names that day, where it names one), a weekday before a date in numbers (`Thu 13.01.2022`; `Sun 1/9/2022`, whose weekday says which of its two readings is meant), a dotted date with spaces or a dot after its year (`13. 1. 2022`, `13.01.2022.`), `a. m.` and `p. m.` for AM and PM, a Unix time "
        "(`1641371400`), a clock's year after its time (`Wed Jan  5 14:30:00 2022`), noon or midnight for the time "
        "(`Jan. 5, 2022, noon`; midnight as the day's start or its end), a month name in Russian, Kazakh, "
        "Ukrainian, Arabic, French, German, Spanish, Italian, Portuguese, Dutch, Polish, Turkish or Romanian (`5 января 2022`, `5 يناير 2022`, `5 كانون الثاني 2022`, "
        "`5. Januar 2022`; with its weekday or the words for local time in that language, `среда, 5 января 2022, "
        "14:30 по местному времени`, what its English would be told where that says more) and the characters for "
        "year, month and day (`2022年1月5日`, `2022년 1월 5일`) "
        "are named, with the date as it is to be written (a time with the "
        "seconds and the UTC offset written, as in each end of a range); a second 60 is blamed on the seconds, "
        "and `24:00` (or `2400`) gets the next day at 00:00. A date said from the day it was written, as a post "
        "or a page shows it (`2 days ago`, `yesterday at 14:30`, `вчера`, `il y a 3 jours`), is told to be counted "
        "from the post's date; years counted back from the present (`65 million years ago`, `10,000 BP`) are "
        "told to be written as a year, which runs from 9999 BC to AD 9999. A day that programs write for a date "
        "they do not have (`0001-01-01`, `1899-12-30`, `1900-01-01`, `1970-01-01`, `9999-12-31`) is read with a "
        "warning that names the program; MySQL's `0000-00-00` is refused as such. "
        "A date that may be of another calendar is read as written, with a warning: in Arabic-Indic or Persian digits "
        "in a year before 1700 (`۱۴۰۰/۱۰/۱۵`), in the years 1300 to 1499 year first with slashes or dots "
        "(`1400/10/15`, `1400.10.15`, as Solar Hijri and Hijri dates are written; in `published`, with hyphens too, "
        "`1400-10-16`, as Python's jdatetime writes one) or day first with slashes or hyphens "
        "in a Hijri year up to this one (`15/06/1443`, as Excel set to Saudi Arabia's Arabic writes one; not `29.05.1453` "
        "or `29/05/1453`, as Europe writes a date; the "
        "warning names the Gregorian years its year is in, in either; one so written that is refused, `15/06/1443 02:30 م`, "
        "is told with the same caveat beside the date to write), or more than 50 years ahead (`13/1/2565`, a Thai Buddhist "
        "Era year). A date in a year at least 50 "
        "years before the rest of the file's dates, or after them and in the future, and more than ten times as "
        "far as those span, where those are four in five of the file's at least (`1022-01-07` or `2072-01-07` "
        "among dates of 2022, or `7 January 1430` for 14:30), or in a year still to come at least 10 years after "
        "the year before it, however far those span (`2072-01-07` or `2032-01-07` among dates of 2017 to 2022; "
        "where such years are one row in five at most), is read as written, with a warning on the last row of "
        "that year that names how many rows share it (a date whose year is told already, a year of two digits "
        "or a day programs write for none, is not weighed).",
        "2022-01-07",
        rules=(
            Rule(
                "required",
                ERROR,
                lambda column, value: say(
                    "date is empty; write when it happened, e.g. 2022-01-07 ({how_to_write})",
                    how_to_write=dates.HOW_TO_WRITE,
                ),
            ),
            *SHEET_REQUIRED,
            Rule("date", ERROR, _unreadable_date),
            DATE_CAVEAT,
        ),
    ),
    Column(
        "end_date",
        "no",
        "For events that last (a span): same forms as `date`, not before it (an end at an earlier time of the "
        "date's own day, `2022-01-05 23:00` to `2022-01-05 07:00`, is told to write the next day's time, "
        "`2022-01-06 07:00`, as a curfew overnight ends). An end at another UTC offset "
        "than its date's is read and shown on the date's clock (`2022-01-05 23:00+06:00` to "
        "`2022-01-05 18:00Z` ends at 00:00 on 6 January, UTC+06:00); an end with an offset after a time with "
        "none gets a warning, as the two may be hours apart, and after a day with no time, as the page shows "
        "its time without the offset. A mark for no date (`n/a`, `—`, `?`, `TBD`) is "
        "refused, with how to say none: leave the cell empty.",
        "2022-01-19",
        rules=(*SHEET, Rule("date", ERROR, _unreadable_date), DATE_CAVEAT),
    ),
    Column(
        "title",
        "first",
        "Short headline.",
        "Tokayev orders troops to shoot to kill",
        rules=(
            *SHEET,
            *TEXT,
            Rule(
                "long",
                WARNING,
                lambda column, value, limit: say(
                    "title is {length:,} characters long; a headline reads best under {best} (the timeline shortens "
                    "it). Move the rest to description",
                    length=len(value),
                    best=limit // 3,
                ),
                limit=LONG_TITLE,
            ),
            GARBLED,
        ),
    ),
    Column("description", "no", "What this source says happened, as plain text.", "", rules=(*SHEET, *TEXT, GARBLED)),
    Column(
        "category",
        "first",
        "The lane on the timeline (protest, government, security, ...); case-insensitive. A "
        "handful of lanes reads best; more than 30 is warned about.",
        "security",
        rules=(*SHEET, *TEXT, NAMED, GARBLED),
    ),
    Column(
        "location",
        "no",
        "Place name. Without coordinates, a name that is one town's "
        "(Almaty, Nur-Sultan, Paris, France; Chicago, IL; London, Ontario: a US state or a Canadian "
        "province after the town, by name or postal code) places the event on the map "
        "approximately, and `check` gives the coordinates to add; a name "
        "of several towns (Paris; Odessa, a town in Texas and another name of Odesa, a city far larger), a country's or a US state's or Canadian province's (Wyoming) is never "
        "taken for a town. A latitude and a longitude written here (`43.2567, 76.9286`, as a map copies a place; "
        "`43°15′N 76°55′E`) are not read as the place: a warning gives the numbers to write in `latitude` and "
        "`longitude`.",
        "Almaty",
        rules=(*SHEET, Rule("place", WARNING), *TEXT, NAMED, GARBLED),
    ),  # (placed_warning, timeline.load)
    Column(
        "latitude",
        "no",
        "Decimal degrees, -90 to 90; give both or neither. Written with a decimal comma (`43,2389`) or in "
        "degrees and minutes (`43°14′N`, `43 14 20 N`), in Arabic digits (`٤٣٫٢٣٨٩`), or with a `?` a program "
        "wrote for the Arabic decimal separator (`43?2389`), or with a minus sign that is not the hyphen-minus "
        "(`−33.8688`, as Swedish number formats write one), it is refused with the decimal degrees to write. "
        "Latitude and longitude the other way round (far from the town `location` names, and swapped at "
        "it) are warned about, and so are coordinates with a minus sign left out or put in (far from it, "
        "and at it with the sign changed: Chicago as `41.8781`, `87.6298`, in China), and so are latitude `0` "
        "with longitude `0` (a geocoder's place not found).",
        "43.2389",
        rules=(*SHEET, Rule("number", ERROR, _not_degrees), Rule("range", ERROR, _out_of_range, limit=90)),
    ),
    Column(
        "longitude",
        "no",
        "Decimal degrees, -180 to 180; give both or neither.",
        "76.8897",
        rules=(*SHEET, Rule("number", ERROR, _not_degrees), Rule("range", ERROR, _out_of_range, limit=180)),
    ),
    Column(
        "source",
        "yes",
        "Who published it (outlet, agency, document). A name that looks like another and is not, with a "
        "Cyrillic or Greek letter among Latin ones (`АFP`) or a Latin one among Cyrillic ones (`TАСС`), a "
        "zero-width space or a non-breaking hyphen, is warned about: it would be listed and counted as another "
        "outlet.",
        "Los Angeles Times",
        rules=(
            Rule(
                "required",
                ERROR,
                lambda column, value: say(
                    "source is empty; name who published this account (an outlet, agency or document)"
                ),
            ),
            *SHEET_REQUIRED,
            *TEXT,
            NAMED,
            OUTLET_ALIKE,
            GARBLED,
        ),
    ),
    Column(
        "source_url",
        "no",
        "Link to the source: its whole `http://` or `https://` address. Anything else "
        "(`www.example.org`, `javascript:`, a pasted `<a href=...>`, a user name or password before "
        "the host, as in `https://www.reuters.com@other.example/`, a link cut short with `…` or holding an "
        "invisible character such as a zero-width space, a slip where `://` is meant as in `https//`, a link in "
        "angle brackets, two links in one cell (run together too, `https://a.org,https://b.org`; a link "
        "holding a link, as the Wayback Machine's do, is kept), a host with a letter of another script that looks "
        'like a Latin one (`https://еxample.org`, a Cyrillic е: another site), a spreadsheet\'s `=HYPERLINK("...")` saved as its text, an '
        "attachment as Airtable exports one, `photo.jpg (https://...)`) is warned about and dropped, with the link to write where it can "
        "be told: the account is kept, without the link. A link holding `&amp;` (an HTML-escaped `&`) or ending with `.`, `,`, `;`, a quote "
        "(`'`, `\"`, `”`, `’`, `»`) or an unmatched `)` or `]` is kept, with a warning.",
        "https://example.org/story",
        rules=(*SHEET, LINK, LINK_SLIP),
    ),
    Column(
        "published",
        "no",
        "When the source was published; same forms as `date`. One more than half a year before "
        "`date` is warned about (a January date written with last year's year), as is one after today "
        "(`2032` for `2022`), a `retracted` date before it, and a `date` in a year of three digits that is the year published with its last digit left "
        "out (`5 January 202`, published 2022; a year meant so is written `0202` or `AD 202`). Times at "
        "different UTC offsets (`2022-01-09 02:00+06:00`, `2022-01-08 22:00Z`) are compared and shown on one clock, "
        "the offset most of them give: each at another is read on it, with a warning and the time to write.",
        "2022-01-07",
        rules=(
            *SHEET,
            Rule("date", WARNING, lambda column, value, problem: _unreadable_date(column, value, problem, _IGNORED)),
            DATE_CAVEAT,
        ),
    ),
    Column(
        "claimed_by",
        "no",
        "Who makes the claim when not the outlet (Interior Ministry; Mukhtar Ablyazov).",
        "",
        rules=(*SHEET, *TEXT, NAMED, GARBLED),
    ),
    Column(
        "media",
        "no",
        "A picture or video shown with this account in the side panel: an `http` or `https` "
        "link to an image (`.jpg`, `.jpeg`, `.png`, `.gif`, `.webp`, `.svg`, `.avif`), shown "
        "as a picture, or to a video page (YouTube, Vimeo) or any other page, shown as a link. "
        "Nothing is fetched by the server. A link that is not `http(s)` is warned about and "
        "dropped, as for `source_url`.",
        "",
        rules=(*SHEET, LINK, LINK_SLIP),
    ),
    Column(
        "media_credit",
        "no",
        "Who made the picture or video (photographer, agency); with `media` only.",
        "",
        rules=(*SHEET, WITH_MEDIA, *TEXT, GARBLED),
    ),
    Column(
        "media_caption",
        "no",
        "A caption shown under the picture or video; with `media` only.",
        "",
        rules=(*SHEET, WITH_MEDIA, *TEXT, GARBLED),
    ),
    Column(
        "media_alt",
        "no",
        "What the picture shows, for readers who cannot see it (screen readers); "
        "needed when `media` is an image (warned about when empty); with `media` only.",
        "",
        rules=(
            *SHEET,
            WITH_MEDIA,
            Rule(
                "picture_alt",
                WARNING,
                lambda column, value: say(
                    "media_alt is empty; describe what the picture shows for readers who cannot see it "
                    "(media {value} is a picture)",
                    value=show(value),
                ),
                other="media",
            ),
            *TEXT,
            GARBLED,
        ),
    ),
    Column(
        "figure",
        "no",
        "A number this account gives (a death toll, people detained), written as a plain number: "
        '`238`, `4353`, `2.5` (no thousands separators, no words: say "over" or "about" in '
        "`description`). The side panel draws how it changed, account by account, over the "
        "publication dates. A figure written with thousands separators (`1,000,000`, `1 000`; `2,500` is said "
        "to read two ways, 2500 or 2.5), as a range "
        "(`200-300`), with a word or letter for thousands or millions (`2.5k`, `1.5 million`; `10 тыс.`, `12 мың`, "
        "`2 Mio.`, `3 lakh`, `1万`, `2 مليون` in other languages) or with words around it (`~200`, "
        "`225 dead`) is refused with the number to write (`2 hundred`, `2 dozen`: with none). A decimal with no digit before its point (`.75`, "
        "`-.5`) is read as written (0.75, -0.5).",
        "",
        rules=(
            *SHEET,
            Rule("number", ERROR, lambda column, value: _not_a_figure(value)),
            Rule(
                "thousands",
                ERROR,
                lambda column, value, whole, small: say(
                    "figure {value} reads two ways: {whole} with a dot between its thousands (as German, Spanish "
                    "or Turkish write numbers) or {small}; write {whole} or {small}",
                    value=show(value),
                    whole=whole,
                    small=small,
                ),
            ),
        ),
    ),
    Column(
        "figure_unit",
        "no",
        "What the figure counts, in a word or two: `dead`, `detained`; with `figure` only (warned about without it).",
        "",
        rules=(
            *SHEET,
            Rule(
                "needs",
                WARNING,
                lambda column, value: say(
                    "figure_unit {value} is given without a figure; write the number in figure, or leave "
                    "figure_unit empty",
                    value=show(value),
                ),
                other="figure",
            ),
            *TEXT,
            GARBLED,
        ),
    ),
    Column(
        "retracted",
        "no",
        "This account's figure or claim was later withdrawn: `yes`, or the date it was withdrawn "
        "(same forms as `date`, and a date that may be misread is warned as in `published`); `no` or empty if not. `true`, `y`, `1`, `-1` (Access's yes), `checked`, "
        "`retracted` also mean yes, and `false`, `n`, `0`, `unchecked` no (capitals or not: a checkbox column "
        "exports `TRUE` and `FALSE`). A date withdrawn before the account was `published`, or, with no `published`, "
        "more than half a year before its `date` (an announcement may come a little before what it tells of), "
        "or after today, is warned about (a year mistyped). Drawn and labelled as retracted, never dropped. A month "
        'or a year (`January 2022`, `2022`) is said so ("retracted in January 2022"), and as of a date the '
        "account stands until it ends.",
        "",
        rules=(
            *SHEET,
            Rule(
                "retracted",
                ERROR,
                lambda column, value: say(
                    "retracted {value} is not yes, no or a date; write yes or the date it was withdrawn "
                    "(e.g. 2022-01-10), or no (or leave it empty) if it was not",
                    value=show(value),
                ),
            ),
        ),
    ),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
# The columns load works out beside the file's in each account (its row number, its dates as
# moments...): a column of the file of one of these names is kept apart (csvfile), never overwritten.
WORKED_OUT: tuple[str, ...] = (
    "row",
    "start",
    "precision",
    "offset",
    "start_last",
    "end",
    "end_precision",
    "end_last",
    "published_at",
    "published_precision",
    "lat",
    "lon",
    "approximate",
    "figure_value",
    "is_retracted",
    "retracted_on",
    "retracted_precision",
    "category_key",
)
REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required == "yes")
FIRST_ROW_REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required == "first")
DATE_COLUMNS: tuple[str, ...] = ("date", "end_date", "published")
TEXT_COLUMNS: tuple[str, ...] = ("title", "description", "location", "source", "claimed_by")
MEDIA_TEXT_COLUMNS: tuple[str, ...] = ("media_credit", "media_caption", "media_alt")
FIGURE_COLUMNS: tuple[str, ...] = ("figure", "figure_unit", "retracted")
# `retracted` in words (any case): withdrawn, or not, as spreadsheets, Notion, pandas and R
# write a yes/no (a Google Sheets checkbox column exports TRUE or FALSE on every row).
# (-1: Access's and VBA's True, which an export writes as a number; as a date, 1 BC.)
RETRACTED_WORDS: tuple[str, ...] = ("yes", "true", "y", "1", "-1", "checked", "retracted")
NOT_RETRACTED_WORDS: tuple[str, ...] = ("no", "false", "n", "0", "unchecked")
# Other names that headers give a column (a TimelineJS sheet's, ACLED's, a map tool's): not read
# as the column, whose name the header must give, but named in the warning on such a column.
ALIASES: dict[str, str] = {
    "lat": "latitude",
    "lng": "longitude",
    "lon": "longitude",
    "long": "longitude",
    "url": "source_url",
    "link": "source_url",
    "source_link": "source_url",
    "start": "date",
    "start_date": "date",
    "event_date": "date",
    "end": "end_date",
    "headline": "title",
    "text": "description",
    "notes": "description",
    "place": "location",
    "outlet": "source",
    "group": "category",
    "unit": "figure_unit",
    "image": "media",
    "event_id": "id",
    "event_id_cnty": "id",  # (ACLED's)
    "event_type": "category",
    "fatalities": "figure",
    "name": "title",  # (Notion's, Airtable's first column)
    "tags": "category",
    "identifier": "id",
    "event_title": "title",
    "event_name": "title",
    # the editors' other languages (a header typed in the newsroom's own)
    "дата": "date",
    "заголовок": "title",
    "название": "title",
    "описание": "description",
    "категория": "category",
    "источник": "source",
    "место": "location",
    "ссылка": "source_url",
    "titre": "title",
    "catégorie": "category",
    "lieu": "location",
    "lien": "source_url",
    "күні": "date",
    "тақырып": "title",
    "санат": "category",
    "дереккөз": "source",
    "التاريخ": "date",
    "العنوان": "title",
    "الفئة": "category",
    "المصدر": "source",
}


def column_named(header_name: str) -> str:
    """The column a header's name names: as written, in any case, with spaces, hyphens or dots
    for underscores ('End Date', 'end-date', 'Source URL'); else the name lowercased."""
    name = header_name.strip().lower()
    spelt = re.sub(r"[\s.\-_]+", "_", name).strip("_")
    return spelt if spelt in NAMES else name


# Letters of other scripts that look like Latin ones (the common ones of Unicode's confusables):
# a word typed with one of them among Latin letters (`рrotest`, a Cyrillic р) looks the same and
# is another value (another lane, another outlet, an id no link finds).
LOOK_ALIKES: dict[str, str] = {
    # Cyrillic
    **dict(zip("аеіјосрѕухԁһԛԝӏ", "aeijocpsyxdhqwl")),
    **dict(zip("АВЕІЈКМНОРСТХУЅҮ", "ABEIJKMHOPCTXYSY")),
    # Greek
    **dict(zip("αικνορυχ", "aikvopux")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX")),
}
_LOOK_ALIKE = str.maketrans(LOOK_ALIKES)
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})  # (hyphen, non-breaking hyphen: as -)
_LATIN = re.compile("[A-Za-z]")
_WORD = re.compile(r"\w+")


def _script(c: str) -> str:
    """CYRILLIC or GREEK for a letter of either script, else ""."""
    name = unicodedata.name(c, "")
    return name.split(" ", 1)[0] if name.startswith(("CYRILLIC", "GREEK")) else ""


# ...and the other way: a Latin letter that looks like one of the script (the first, where two do:
# У before Kazakh's Ү), for a word mostly of that script (`прoтест`, a Latin o).
_LATIN_LOOK_ALIKES: dict[str, dict[str, str]] = {}
for _other, _latin in LOOK_ALIKES.items():
    _LATIN_LOOK_ALIKES.setdefault(_script(_other), {}).setdefault(_latin, _other)
_INTO = {script: str.maketrans(letters) for script, letters in _LATIN_LOOK_ALIKES.items()}


def _odd(word: str) -> tuple[list[str], str]:
    """The letters of a word that look like letters of the script most of its letters are in,
    and are not (`рrotest`: the Cyrillic р; `прoтест`: the Latin o), and that script (LATIN,
    CYRILLIC or GREEK). None in a word of one script."""
    if not _LATIN.search(word) or word.isascii():
        return [], ""
    scripts = [_script(c) for c in word]
    other = max(("CYRILLIC", "GREEK"), key=scripts.count)
    latin = sum(1 for c in word if "a" <= c.lower() <= "z")
    if latin >= scripts.count(other):  # (mostly Latin: as many or more)
        return [c for c in word if c in LOOK_ALIKES], "LATIN"
    return [c for c in word if c in _LATIN_LOOK_ALIKES[other]], other


def _mixed(word: str) -> bool:
    """A word with letters of two scripts, some of which look like letters of the other (_odd)."""
    return bool(_odd(word)[0])


def _as_it_looks(word: str) -> str:
    """The word in the one script most of its letters are in (_odd)."""
    letters, script = _odd(word)
    if not letters:
        return word
    return word.translate(_LOOK_ALIKE if script == "LATIN" else _INTO[script])


def fold(text: str) -> str:
    """The text as it looks: NFKC, invisible (format) characters dropped, the hyphens U+2010 and
    U+2011 as -, and in a word of two scripts, a letter that looks like one of the script most of
    the word is in as that letter (`рrotest` -> `protest`, `прoтест` -> `протест`; a word of one
    script is left as it is)."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_HYPHENS)
    if text.isascii():
        return text
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return _WORD.sub(lambda word: _as_it_looks(word[0]), text)


def look_alikes(text: str) -> list[str]:
    """The letters that look like letters of the script the rest of their word is in, and are
    not (see fold: the Cyrillic р of `рrotest`, the Latin o of `прoтест`), each once, in the
    order they come."""
    return list(dict.fromkeys(c for c, _ in _odd_letters(text)))


def _odd_letters(text: str) -> list[tuple[str, str]]:
    """(letter, the script of its word) for each letter look_alikes finds."""
    text = unicodedata.normalize("NFKC", str(text))
    if text.isascii():
        return []
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return [(c, script) for word in _WORD.findall(text) for letters, script in [_odd(word)] for c in letters]


# Invisible characters that no script needs inside a name (the joiners U+200C and U+200D are
# letters' of Persian and Indic words, and the direction marks are a right-to-left text's).
STRAY_INVISIBLE = frozenset("\u00ad\u200b\u2060\ufeff")


def looks_like_another(text: str) -> bool:
    """Whether a name looks like another value and is not: a letter of another script among
    Latin ones (look_alikes), an invisible character no script needs (STRAY_INVISIBLE), or a
    hyphen U+2010 or U+2011 (a word processor's, for -)."""
    return not text.isascii() and (
        bool(look_alikes(text)) or any(c in STRAY_INVISIBLE or c in "\u2010\u2011" for c in text)
    )


def _named(c: str) -> str:
    return f"U+{ord(c):04X} {unicodedata.name(c, '').lower()}".rstrip()


def unlike(text: str) -> Message | str:
    """What makes a text another value than the one it looks like (see fold): 'the Cyrillic letter
    р (U+0440), which looks like the Latin p', 'the invisible character U+200B zero width space'."""
    said: list = []
    for c, script in dict.fromkeys(_odd_letters(text)):
        if script != "LATIN":  # (a Latin letter in a word of another script)
            values = {"letter": c, "code": f"U+{ord(c):04X}", "other": _LATIN_LOOK_ALIKES[script][c]}
            if script == "CYRILLIC":
                said.append(say("the Latin letter {letter} ({code}), which looks like the Cyrillic {other}", **values))
            else:
                said.append(say("the Latin letter {letter} ({code}), which looks like the Greek {other}", **values))
            continue
        values = {"letter": c, "code": f"U+{ord(c):04X}", "latin": LOOK_ALIKES[c]}
        if unicodedata.name(c, "").startswith("CYRILLIC"):
            said.append(say("the Cyrillic letter {letter} ({code}), which looks like the Latin {latin}", **values))
        else:
            said.append(say("the Greek letter {letter} ({code}), which looks like the Latin {latin}", **values))
    hidden = list(dict.fromkeys(c for c in str(text) if unicodedata.category(c) == "Cf"))
    if hidden:
        said.append(
            say_n(
                "the invisible character {characters}",
                "the invisible characters {characters}",
                len(hidden),
                characters=", ".join(map(_named, hidden)),
            )
        )
    for c in dict.fromkeys(c for c in str(text) if c in "\u2010\u2011"):
        said.append(say("the character {character}, which looks like a hyphen (-)", character=_named(c)))
    for c in dict.fromkeys(c for c in str(text) if c != " " and unicodedata.category(c) == "Zs"):
        said.append(say("the character {character}, which looks like a space", character=_named(c)))
    marks = list(dict.fromkeys(c for c in str(text) if unicodedata.category(c) == "Mn"))
    decomposed = unicodedata.normalize("NFC", str(text)) != str(text)
    if decomposed and not marks:  # (시위 as its letters' parts, as macOS writes Korean)
        said.append(say("letters typed as their parts, as macOS writes them (one letter as two or three)"))
    if marks and decomposed:  # (é as e and U+0301: macOS's, PDFs')
        said.append(
            say_n(
                "the accent typed as a mark of its own, {characters}",
                "the accents typed as marks of their own, {characters}",
                len(marks),
                characters=", ".join(map(_named, marks)),
            )
        )
    forms = list(
        dict.fromkeys(
            c
            for c in str(text)
            if unicodedata.category(c) not in ("Zs", "Cf", "Mn")
            and c not in "\u2010\u2011"
            and unicodedata.normalize("NFKC", c) != c
        )
    )  # (ﬁ for fi, a full-width Ｐ for P)
    if len(forms) == 1:
        said.append(
            say(
                "the character {character}, another form of {plain}",
                character=_named(forms[0]),
                plain=repr(unicodedata.normalize("NFKC", forms[0])),
            )
        )
    elif forms:
        said.append(
            say_n(
                "{count} character of another form ({characters}), which as usually typed reads {plain}",
                "{count} characters of other forms ({characters}), which as usually typed read {plain}",
                len(forms),
                count=len(forms),
                characters=", ".join(map(_named, forms[:2])) + (", ..." if len(forms) > 2 else ""),
                plain=repr(unicodedata.normalize("NFKC", str(text))),
            )
        )
    if not said:
        return ""
    listed = said[0]
    for part in said[1:-1]:  # (as problems.and_list lists words, and load._listed values)
        listed = Message("{listed}, {value}", {"listed": listed, "value": part})
    return listed if len(said) == 1 else Message("{listed} and {last}", {"listed": listed, "last": said[-1]})


ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_LENGTH = 60  # characters of an id made from a title


# Cyrillic (Russian, Kazakh, Ukrainian, Serbian) and Greek letters in Latin ones, for ids: as addresses
# and news sites write them (Алматы -> almaty, Қазақстан -> qazaqstan, захват -> zakhvat).
_TRANSLITERATION = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye")),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": ""},
        **{"ю": "yu", "я": "ya", "є": "ye", "ї": "yi", "ґ": "g", "ў": "u"},
        **{"ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѕ": "dz"},  # (Serbian, Macedonian)
        **dict(zip("әғқңөұүһі", "agqnouuhi")),
        **dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdeziiklmnxoprstyfo")),
        **{"ς": "s", "θ": "th", "χ": "ch", "ψ": "ps"},
    }
)


# Ukrainian in Latin letters as Ukraine's official table (2010) and its news sites write it (Київ ->
# kyiv, Харків -> kharkiv, Запоріжжя -> zaporizhzhia): и is y and г is h, and є, ї, й, ю, я are
# ye, yi, y, yu, ya at a word's start, ie, i, i, iu, ia within it. A text is taken as Ukrainian
# when it holds a letter only Ukrainian has (є, ї, ґ), as written (before look-alikes are folded):
# і alone is Kazakh's and Belarusian's too (Бейбіт шеру stays beybit-sheru).
_UKRAINIAN = str.maketrans(
    {
        **dict(zip("абвгґдезиіїйклмнопрстуфь", "abvhgdezyiiiklmnoprstuf")),
        **{"ь": "", "є": "ie", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ю": "iu", "я": "ia"},
    }
)
_UKRAINIAN_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UKRAINIAN_ONLY = re.compile("[єїґЄЇҐ]")
# A word's start: after no letter, or after an apostrophe that itself begins the word ('Їжак'); an
# apostrophe within a word is not one (Об'єднання -> obiednannia).
_WORD_START = re.compile(r"(?:(?<![\w'\u2019\u02bc])|(?<=(?<!\w)['\u2019\u02bc]))[єїйюя]")


def _ukrainian_in_latin(text: str, written: str) -> str | None:
    """Lower-case text in Ukrainian, in Latin letters (see _UKRAINIAN); None if the text as
    `written` is not Ukrainian."""
    if not _UKRAINIAN_ONLY.search(written):
        return None
    text = text.replace("зг", "zgh")  # (Згурівка -> zghurivka: not the zh of ж)
    text = _WORD_START.sub(lambda m: _UKRAINIAN_START[m.group(0)], text)
    return text.translate(_UKRAINIAN)


def slug(text: str) -> str:
    """An id made from a title or a value (ID_PATTERN): ASCII letters and digits joined by
    hyphens, accents dropped ("Café" -> "cafe"), apostrophes too ("Tokayev's" -> "tokayevs"),
    Cyrillic and Greek letters written in Latin ones ("Протесты в Алматы" -> "protesty-v-almaty",
    "Обстріл Києва" -> "obstril-kyieva"),
    cut short at a word, a letter that looks like one of the script the rest of its word is in as
    that letter ("рrotest", a Cyrillic р, -> "protest": see fold). `import` names its events so;
    `check` suggests it for an id that is not one."""
    # (Written in Latin letters whole first, as й and ё are letters of their own; then with their
    # marks taken off, as Greek's accented vowels are a vowel and an accent.)
    folded = unicodedata.normalize("NFC", fold(text).lower())
    folded = (_ukrainian_in_latin(folded, text) or folded).translate(_TRANSLITERATION)
    folded = unicodedata.normalize("NFKD", folded).translate(_TRANSLITERATION)
    # (a dash of Unicode's a hyphen, a digit of another script its ASCII one: ev–1 and ev-١ are ev-1)
    folded = "".join(
        "-"
        if unicodedata.category(c) == "Pd" or c == "\u2212"  # (a dash, or the minus sign: ev−1)
        else str(unicodedata.digit(c))
        if c.isdigit() and not c.isascii()
        else c
        for c in folded
    )
    folded = folded.encode("ascii", "ignore").decode()
    folded = re.sub(r"['\u2019]", "", folded)
    out = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "event"
    if len(out) > SLUG_LENGTH:
        cut = out[: SLUG_LENGTH + 1]  # one more: a hyphen there means a word ends at the limit
        out = cut.rsplit("-", 1)[0] if "-" in cut[:-1] else cut[:-1]
    return out


URL_SCHEMES = ("http://", "https://")
NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"  # a plain number (5, 5., .5): a `figure`, and a value no spreadsheet runs as a formula
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
