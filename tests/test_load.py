"""timeline.load: accounts, events and problems, as the editor's guide promises."""

from __future__ import annotations

import csv
import importlib
import io
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import timeline
from timeline import dates, schema
from timeline.index import build_index
from timeline.links import is_web_link
from timeline.problems import ERROR, WARNING, ProblemCode, cut

ROOT = Path(__file__).resolve().parent.parent
HEADER = schema.header_line()
E, W = ERROR, WARNING
load_module = importlib.import_module("timeline.load")  # (the module: `timeline.load` is the function)


def line(
    id="a",
    date="2022-01-07",
    end_date="",
    title="Title",
    description="",
    category="protest",
    location="",
    latitude="",
    longitude="",
    source="Source",
    source_url="",
    published="",
    claimed_by="",
    **more,
) -> str:
    """One row of a file with every column of the schema, quoted as a spreadsheet would."""
    given = {
        "id": id,
        "date": date,
        "end_date": end_date,
        "title": title,
        "description": description,
        "category": category,
        "location": location,
        "latitude": latitude,
        "longitude": longitude,
        "source": source,
        "source_url": source_url,
        "published": published,
        "claimed_by": claimed_by,
        **more,
    }
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([given.get(name, "") for name in schema.NAMES])
    return out.getvalue()


def text(*rows: str) -> str:
    return HEADER + "\n" + "".join(rows)


def load_text(data: str | bytes) -> timeline.Dataset:
    return timeline.load_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def where(dataset) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.level) for p in dataset.problems]


# One file per kind of problem: (name, contents, (row, column, level), fragment of the message).
# Row 0 is the file as a whole; the header is row 1.
PROBLEMS = [
    # the shape of the file
    ("empty file", b"", (0, "", E), "the file is empty"),
    ("only blank lines", b"\n\r\n  \n", (0, "", E), "the file is empty"),
    ("header only", HEADER + "\n", (0, "", W), "no rows yet"),
    ("UTF-16", HEADER.encode("utf-16"), (0, "", E), "UTF-16"),
    ("header not UTF-8", b"id,date,title,category,source,caf\xe9\n", (1, "", E), "not UTF-8"),
    ("semicolons", HEADER.replace(",", ";") + "\na;2022;T;;p;;;;;S;;;\n", (1, "", E), "semicolons"),
    ("tabs", HEADER.replace(",", "\t") + "\n", (1, "", E), "tabs"),
    ("missing column", "id,date,title,category\na,2022,T,p\n", (1, "source", E), "no 'source' column"),
    ("missing columns", "id,title,category\na,T,p\n", (1, "date", E), "'date', 'source'"),
    (
        "duplicated column",
        "id,date,title,category,source,date\na,2022,T,p,S,2023\n",
        (1, "date", E),
        "names 'date' twice (columns 2 and 6)",
    ),
    ("unnamed column", "id,date,title,category,source,\na,2022,T,p,S,x\n", (1, "column 6", W), "no name in the header"),
    (
        "unnamed column with no value",  # (a spreadsheet's used cells: was told 'its values are ignored')
        "id,date,title,category,source,\na,2022,T,p,S,\n",
        (1, "column 6", W),
        "this column has no name in the header and no value in any row",
    ),
    # columns side by side with neither: said once (Excel's used range: 16,384 lines, 13 s)
    (
        "unnamed columns with no value",
        "id,date,title,category,source," + "," * 16_383 + "\na,2022,T,p,S," + "," * 16_383 + "\n",
        (1, "column 6", W),
        "this column and those after it to column 16389 (16,384 in all) have no name in the header and no value in any row",
    ),
    (
        "two unnamed columns with no value",
        "id,date,title,category,source,,\na,2022,T,p,S,,\n",
        (1, "column 6", W),
        "this column and those after it to column 7 (2 in all) have no name",
    ),
    (
        "unknown column",
        "id,date,title,category,source,notes\na,2022,T,p,S,x\n",
        (1, "notes", W),
        "'notes' is not a column timeline knows",
    ),
    (
        "too many values",
        text(line().rstrip("\n") + ",extra\n"),
        (2, "", E),
        "this row has 21 values but the header has 20 columns",
    ),
    ("too few values", text("a,2022,,T\n"), (2, "", E), "this row has 4 values"),
    (
        "open quote",
        text(line(), 'b,2022,,"Title,,p,,,,S,,,,,,,\n', line(id="c")),
        (3, "title", E),
        "a double quote opens here and is never closed",
    ),
    # ... closed rows later by a value that begins with a quoted phrase: was told as that phrase,
    # at the first row, and the row between was lost without a word
    (
        "open quote closed rows later",
        text(
            line(),
            'b,2022,,"Title,,p,,,,S,,,,,,,\n',
            line(id="c"),
            line(id="d", title="@").replace("@", '"Hello" world'),
        ),
        (3, "title", E),
        "a double quote opens here and is never closed, so this row and every row after it cannot be read",
    ),
    (
        "open quote in the last column",
        text(line(), line(id="b").rstrip("\n") + '"x\n'),
        (3, "retracted", E),
        "never closed",
    ),
    ("NUL byte", text(line(title="Ti\x00tle")), (2, "title", E), "NUL byte"),
    (
        "Latin-1 bytes",
        text(line()).encode() + line(id="b", title="Caf\xe9").encode("latin-1"),
        (3, "title", E),
        "not UTF-8 (the file was probably saved as Latin-1 or Windows-1252)",
    ),
    # (Windows-1251, as a spreadsheet set to Russian saves one, and the code pages of Greek, Hebrew
    # and Arabic: told to be opened as such, not as Latin-1, which would garble its words for good:
    # Токаев as Òîêàåâ)
    (
        "Windows-1253 bytes (Greek): told to be opened as Greek, not as Cyrillic",
        text(line()).encode() + line(id="b", title="Διαδήλωση στην Αθήνα για τις τιμές").encode("cp1253"),
        (3, "title", E),
        "not UTF-8 (the file was probably saved in Greek, Windows-1253, as a spreadsheet set to a language of "
        "that script saves one): open it as Greek (Windows-1253), not as Western text",
    ),
    (
        "Windows-1255 bytes (Hebrew)",
        text(line()).encode() + line(id="b", title="הפגנות בלב תל אביב נגד מחירי הגז והממשלה").encode("cp1255"),
        (3, "title", E),
        "open it as Hebrew (Windows-1255)",
    ),
    (
        "Windows-1256 bytes (Arabic)",
        text(line()).encode() + line(id="b", title="احتجاجات في ألماتي بسبب ارتفاع أسعار الغاز").encode("cp1256"),
        (3, "title", E),
        "open it as Arabic (Windows-1256)",
    ),
    (
        "Mac Cyrillic bytes: told to be opened as a Mac's, not as Windows-1251 (its capitals would read wrong)",
        text(line()).encode()
        + line(id="b", title="Токаев выступил с обращением. Протесты в Алматы продолжаются").encode("mac_cyrillic"),
        (3, "title", E),
        "open it as Cyrillic (Macintosh)",
    ),
    (
        "KOI8-R bytes: told to be opened as KOI8-R, not as Windows-1251",
        text(line()).encode()
        + line(id="b", title="Токаев выступил с обращением. Протесты в Алматы продолжаются").encode("koi8-r"),
        (3, "title", E),
        "open it as Cyrillic (KOI8-R)",
    ),
    # (the code pages a spreadsheet set to Japanese, Chinese, Korean or Thai saves CSV in)
    (
        "Shift-JIS bytes (Japanese Excel)",
        text(line()).encode() + line(id="b", title="アルマトイで燃料価格の値上げに抗議するデモ").encode("cp932"),
        (3, "title", E),
        "open it as Japanese (Shift-JIS), not as Western text",
    ),
    (
        "GBK bytes",
        text(line()).encode() + line(id="b", title="阿拉木图因燃料价格上涨爆发抗议，政府辞职").encode("gbk"),
        (3, "title", E),
        "open it as Chinese (GBK)",
    ),
    (
        "Big5 bytes",
        text(line()).encode() + line(id="b", title="阿拉木圖因燃料價格上漲爆發抗議，政府辭職").encode("big5"),
        (3, "title", E),
        "open it as Chinese (Big5)",
    ),
    (
        "Korean bytes",
        text(line()).encode() + line(id="b", title="알마티에서 연료 가격 인상에 항의하는 시위").encode("cp949"),
        (3, "title", E),
        "open it as Korean (Windows-949)",
    ),
    (
        "Thai bytes",
        text(line()).encode() + line(id="b", title="การประท้วงในอัลมาตีเรื่องราคาเชื้อเพลิง").encode("cp874"),
        (3, "title", E),
        "open it as Thai (Windows-874)",
    ),
    (
        # (as Western text, its ł ą ż would be ³ ¹ ¿ for good)
        "Windows-1250 bytes (Polish): Central European text",
        text(line()).encode() + line(id="b", title="Protesty w Ałmaty, rząd podał się do dymisji").encode("cp1250"),
        (3, "title", E),
        "(the file was probably saved in Central European, Windows-1250, as a spreadsheet set to a language of "
        "that script saves one): open it as Central European (Windows-1250), not as Western text",
    ),
    (
        "Windows-1251 bytes",
        text(line()).encode() + line(id="b", title="Токаев выступил", source="ТАСС").encode("cp1251"),
        (3, "title", E),
        "not UTF-8 (the file was probably saved in Cyrillic, Windows-1251, as a spreadsheet set to a language of "
        "that script saves one): open it as Cyrillic (Windows-1251), not as Western text",
    ),
    # id
    ("empty id", text(line(id="")), (2, "id", E), "id is empty"),
    ("id with spaces", text(line(id="airport seized")), (2, "id", E), "write it as 'airport-seized'"),
    ("id in capitals", text(line(id="Airport")), (2, "id", E), "lowercase letters"),
    ("id with underscore", text(line(id="a_b")), (2, "id", E), "'a-b'"),
    # dates
    ("empty date", text(line(date="")), (2, "date", E), "date is empty"),
    ("not a date", text(line(date="soon")), (2, "date", E), "'soon' is not a date"),
    ("30 February", text(line(date="2022-02-30")), (2, "date", E), "day 30 does not exist"),
    ("month 13", text(line(date="2022-13-01")), (2, "date", E), "month 13 does not exist"),
    ("25 o'clock", text(line(date="2022-01-07 25:00")), (2, "date", E), "25:00 is not a time of day"),
    (
        "ambiguous date",
        text(line(date="01/02/2022")),
        (2, "date", E),
        "1 February 2022 (day first) or 2 January 2022 (month first)",
    ),
    ("no year", text(line(date="7 January")), (2, "date", E), "has no year"),
    ("bad end_date", text(line(end_date="2022-02-30")), (2, "end_date", E), "day 30 does not exist"),
    ("end before start", text(line(end_date="2022-01-06")), (2, "end_date", E), "'2022-01-06' is before the date"),
    (
        "end month before start",
        text(line(date="2022-02-01", end_date="2022-01")),
        (2, "end_date", E),
        "before the date",
    ),
    ("bad published", text(line(published="2022-02-30")), (2, "published", W), "day 30 does not exist"),
    # source
    ("empty source", text(line(source="")), (2, "source", E), "source is empty"),
    # links: a warning, and the link is dropped (see test_a_bad_link_is_dropped_and_the_account_kept)
    (
        "javascript: URL",
        text(line(source_url="javascript:alert(1)")),
        (2, "source_url", W),
        "only http:// and https://",
    ),
    ("JavaScript: URL", text(line(source_url="JaVaScRiPt:alert(1)")), (2, "source_url", W), "not a web link"),
    (
        "data: URL",
        text(line(source_url="data:text/html,<script>alert(1)</script>")),
        (2, "source_url", W),
        "not a web link",
    ),
    ("vbscript: URL", text(line(source_url="vbscript:msgbox(1)")), (2, "source_url", W), "not a web link"),
    ("ftp: URL", text(line(source_url="ftp://example.org/a")), (2, "source_url", W), "not a web link"),
    ("URL without host", text(line(source_url="https://")), (2, "source_url", W), "not a whole web link"),
    (
        "URL with a space",
        text(line(source_url="https://example.org/a story")),
        (2, "source_url", W),
        "not a whole web link",
    ),
    ("relative URL", text(line(source_url="/story")), (2, "source_url", W), "not a web link"),
    (
        "URL without https://",
        text(line(source_url="www.example.org")),
        (2, "source_url", W),
        "write the whole address, as the browser's address bar shows it: 'https://www.example.org'",
    ),
    (
        "link pasted as HTML",
        text(line(source_url='<a href="https://example.org/a">Story</a>')),
        (2, "source_url", W),
        "pasted as HTML, so the link is dropped (the account is kept); write only its address: 'https://example.org/a'",
    ),
    (
        "URL with a slip where :// is meant",
        text(line(source_url="https//example.org/a")),
        (2, "source_url", W),
        "has '//' where :// is meant, so the link is dropped (the account is kept): write 'https://example.org/a'",
    ),
    ("URL with one slash", text(line(source_url="http:/example.org/a")), (2, "source_url", W), "write 'http://example"),
    (
        "URL with backslashes",
        text(line(source_url="https:\\\\example.org")),
        (2, "source_url", W),
        "write 'https://example.org'",
    ),
    (
        "URL with two colons",
        text(line(source_url="https:://example.org/a")),
        (2, "source_url", W),
        "write 'https://example.org/a'",
    ),
    (
        "URL whose host is a colon",
        text(line(source_url="https://://example.org/a")),
        (2, "source_url", W),
        "not a whole web link",
    ),
    (
        "URL in angle brackets",
        text(line(source_url="<https://example.org/a>")),
        (2, "source_url", W),
        "is a link in angle brackets, as e-mail and Markdown write one, so the link is dropped (the account is "
        "kept): write 'https://example.org/a'",
    ),
    (
        "two URLs in one cell",
        text(line(source_url="https://example.org/a; https://example.org/b")),
        (2, "source_url", W),
        "holds 2 links, so they are dropped (the account is kept); an account has one: give each its own row",
    ),
    (
        "a link formula saved as its text",
        text(line(source_url='=HYPERLINK("https://example.org/a","AP story")')),
        (2, "source_url", W),
        "is a spreadsheet's link formula saved as its text, so the link is dropped (the account is kept): write "
        "its address alone: 'https://example.org/a'",
    ),
    (
        "a link formula of a Russian spreadsheet",
        text(line(source_url='=ГИПЕРССЫЛКА("https://example.org/a";"ТАСС")')),
        (2, "source_url", W),
        "write its address alone: 'https://example.org/a'",
    ),
    (
        "a link formula with a slip at its end",
        text(line(source_url='=HYPERLINK("https://example.org/a."; "x")')),
        (2, "source_url", W),
        "write its address alone: 'https://example.org/a'",
    ),
    (
        "two link formulas joined",
        text(line(source_url='=HYPERLINK("https://a.example/","x") & HYPERLINK("https://b.example/")')),
        (2, "source_url", W),
        "is not a web link",
    ),
    (
        "a link with a space, then another in brackets (no attachment: no file's name)",
        text(line(source_url="https://a.example/x (https://b.example/y)")),
        (2, "source_url", W),
        "is not a whole web link",
    ),
    (
        "a link formula to no web page",
        text(line(source_url='=HYPERLINK("javascript:alert(1)","x")')),
        (2, "source_url", W),
        "is not a web link",
    ),
    # media
    (
        "an attachment as Airtable exports one",
        text(line(media="photo.jpg (https://dl.airtable.com/x/photo.jpg)")),
        (2, "media", W),
        "is a file's name with its link in brackets, as Airtable exports an attachment, so the link is dropped "
        "(the account is kept): write the link alone: 'https://dl.airtable.com/x/photo.jpg'",
    ),
    (
        "media not a link",
        text(line(media="javascript:alert(1)")),
        (2, "media", W),
        "media 'javascript:alert(1)' is not a web link; only http:// and https:// links are allowed, so the "
        "link is dropped",
    ),
    (
        "media without https://",
        text(line(media="www.example.org/crowd.jpg", media_alt="A crowd")),
        (2, "media", W),
        "write the whole address, as the browser's address bar shows it: 'https://www.example.org/crowd.jpg'",
    ),
    (
        "picture without media_alt",
        text(line(media="https://example.org/crowd.JPG?w=800")),
        (2, "media_alt", W),
        "media_alt is empty; describe what the picture shows for readers who cannot see it",
    ),
    (
        "media_alt without media",
        text(line(media_alt="A crowd")),
        (2, "media_alt", W),
        "media_alt 'A crowd' is given without media",
    ),
    (
        "media_caption without media",
        text(line(media_caption="Almaty, 5 January")),
        (2, "media_caption", W),
        "given without media, so it is not shown; put the link to the picture or video in media",
    ),
    (
        "media_credit without media",
        text(line(media_credit="AP")),
        (2, "media_credit", W),
        "or leave media_credit empty",
    ),
    (
        "HTML in media_caption",
        text(line(media="https://youtu.be/dQw4w9WgXcQ", media_caption="<i>Live</i>")),
        (2, "media_caption", W),
        "holds HTML",
    ),
    (
        "formula in media_credit",
        text(line(media="https://example.org/a", media_credit="=AP")),
        (2, "media_credit", W),
        "begins with '='",
    ),
    (
        "HTML in media_alt",
        text(line(media="https://example.org/a.png", media_alt="<b>A crowd</b>")),
        (2, "media_alt", W),
        "holds HTML",
    ),
    # coordinates
    (
        "latitude not a number",
        text(line(latitude="north", longitude="10")),
        (2, "latitude", E),
        "'north' is not a number",
    ),
    (
        "decimal comma",
        text(line(latitude="43,2", longitude="76.8")),
        (2, "latitude", E),
        "has a comma for its decimal point; write 43.2",
    ),
    (
        "latitude out of range",
        text(line(latitude="91", longitude="10")),
        (2, "latitude", E),
        "latitude 91 is out of range",
    ),
    ("latitude below range", text(line(latitude="-90.5", longitude="10")), (2, "latitude", E), "out of range"),
    (
        "longitude out of range",
        text(line(latitude="10", longitude="-181")),
        (2, "longitude", E),
        "longitude -181 is out of range",
    ),
    (
        "latitude without longitude",
        text(line(latitude="43.2")),
        (2, "longitude", E),
        "latitude is given without longitude",
    ),
    (
        "longitude without latitude",
        text(line(longitude="76.8")),
        (2, "latitude", E),
        "longitude is given without latitude",
    ),
    # text
    ("HTML in title", text(line(title="<b>Bold</b>")), (2, "title", W), "holds HTML"),
    ("script in description", text(line(description="<script>alert(1)</script>")), (2, "description", W), "holds HTML"),
    ("formula =", text(line(title='=HYPERLINK("x")')), (2, "title", W), "begins with '='"),
    ("formula +", text(line(location="+cmd")), (2, "location", W), "begins with '+'"),
    ("formula -", text(line(source="-cmd")), (2, "source", W), "begins with '-'"),
    ("formula @", text(line(claimed_by="@SUM(A1)")), (2, "claimed_by", W), "begins with '@'"),
    ("long title", text(line(title="x" * 301)), (2, "title", W), "title is 301 characters long"),
    ("HTML in category", text(line(category="<i>protest</i>")), (2, "category", W), "holds HTML"),
    ("formula in category", text(line(category="=cmd")), (2, "category", W), "begins with '='"),
    # first rows and categories
    ("no title on the first row", text(line(title="")), (2, "title", E), "first row of this event"),
    (
        "no category on the first row",
        text(line(category="")),
        (2, "category", E),
        "first row of an id names its category",
    ),
    (
        "category differs",
        text(line(), line(title="", category="security")),
        (3, "category", W),
        "differs from 'protest' on row 2",
    ),
    (
        "title repeated with another date",
        text(line(), line(date="2022-01-08", category="")),
        (3, "id", W),
        "row 3 repeats the title 'Title' of row 2 with another date: it looks like a different event",
    ),
    (
        "near-duplicate categories",
        text(line(category="protest"), line(id="b", category="protest"), line(id="c", category="Protests")),
        (4, "category", W),
        "'protests' looks like 'protest' (2 rows)",
    ),
]


# Issue 18: names long enough to hurt the page, and invisible direction overrides.
PROBLEMS += [
    ("long source", text(line(source="s" * 201)), (2, "source", W), "source is 201 characters long"),
    ("long category", text(line(category="c" * 250)), (2, "category", W), "category is 250 characters long"),
    (
        "long claimed_by",
        text(line(claimed_by="Ministry " * 30)),
        (2, "claimed_by", W),
        "claimed_by is 269 characters long",
    ),
    ("long location", text(line(location="é" * 201)), (2, "location", W), "location is 201 characters long"),
    ("override in title", text(line(title="Tokayev \u202esays")), (2, "title", W), "direction override (U+202E)"),
    ("isolate in description", text(line(description="a \u2066b\u2069 c")), (2, "description", W), "(U+2066, U+2069)"),
    ("override in source", text(line(source="TASS\u202a")), (2, "source", W), "(U+202A)"),
    ("override in category", text(line(category="protest\u202d")), (2, "category", W), "(U+202D)"),
    ("override in claimed_by", text(line(claimed_by="\u2067KNB")), (2, "claimed_by", W), "(U+2067)"),
]

NOT_PROBLEMS = [
    ("a source of 200 characters", line(source="s" * 200)),
    ("200 two-byte characters", line(location="é" * 200)),
    ("a long description", line(description="word " * 1000)),
    ("curly quotes and dashes (e2 80 ..)", line(title="Tokayev\u2019s \u201corder\u201d \u2014 \u2026")),
    ("a left-to-right mark (not an override)", line(title="a\u200eb")),
    ("U+2065, U+206A (next to the isolates)", line(description="a\u2065b\u206ac")),
]


@pytest.mark.parametrize("name,row", NOT_PROBLEMS, ids=[n for n, _ in NOT_PROBLEMS])
def test_text_that_is_not_warned_about(name, row):
    assert load_text(text(row)).problems == []


@pytest.mark.parametrize("name,data,expected,fragment", PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_each_kind_of_problem(name, data, expected, fragment):
    dataset = load_text(data)
    assert where(dataset) == [expected], dataset.problems
    problem = dataset.problems[0]
    assert fragment in problem.message
    row, _, level = expected
    if level == ERROR and row > 1:
        assert row not in set(dataset.accounts["row"]), "an error leaves its row out"
    if level == WARNING and row > 1:
        assert row in set(dataset.accounts["row"]), "a warning keeps its row"


@pytest.mark.parametrize(
    "data, row, column",
    [
        # an open quote that takes in the rows after it, in a file with Excel's empty columns at its end
        (
            'id,date,title,category,source,,,\na,2022-01-01,"A big,protest,AP,,,\nb,2022-01-02,B,protest,AP,,,\n'
            'c,2022-01-03,C end",protest,AP,,,\nd,2022-01-04,D,protest,AP,,,\n',
            2,
            "title",
        ),
        # a quote in the middle of a value, after an empty column with no name
        ('id,,date,title,category,source\na,,2022-01-01,"Terrorists" blamed,protest,AP\n', 2, "title"),
    ],
)
def test_a_quote_s_problem_is_found_beside_columns_with_no_name(data, row, column):
    """(The columns with no name and no value were once left out of the frame: the lines, laid
    out by the whole header, were then measured against the rest, and these went unsaid.)"""
    dataset = load_text(data)
    assert (row, column) in [(p.row, p.column) for p in dataset.problems if p.level == E]


@pytest.mark.parametrize(
    "date, end, said",
    [
        (
            "2022-01-05",
            "7",
            "end_date '7' is a day's number alone: if the event ends on 7 January 2022, in its date's ",
        ),
        ("2022-01-05 14:00", "31", "write 2022-01-31"),
        # (no day of the date's month after it, or no day in the date: told of a year, as before)
        ("2022-01-05", "3", "not a year"),
        ("2022-02-05", "30", "not a year"),
        ("2022-01", "7", "not a year"),
    ],
)
def test_an_end_date_that_is_a_day_s_number_alone_is_told_its_day(date, end, said):
    dataset = load_text(f"id,date,end_date,title,category,source\na,{date},{end},T,protest,AP\n")
    (problem,) = dataset.problems
    assert (problem.row, problem.column, problem.level) == (2, "end_date", E) and said in problem.message


@pytest.mark.parametrize(
    "date, end, said",
    [
        # a time alone: was told to write a day with it "(e.g. 2022-01-07 16:00)", any row's example day,
        # which copied made a span of two days of one of an hour and a half
        (
            "2022-01-05 14:30",
            "16:00",
            "end_date '16:00' is a time of day with no date: if the event ends on 5 January ",
        ),
        ("2019-03-10 14:30", "16:00", "2019, write 2019-03-10 16:00"),
        ("2022-01-05 22:00", "01:00", "if the event ends on 6 January 2022, write 2022-01-06 01:00"),  # (the next day)
        ("2022-01-05", "01:00", "write 2022-01-05 01:00"),
        ("2022-01-05 14:30", "4:00 PM", "write 2022-01-05 16:00"),
        ("2022-01-05 14:30", "16:00:30 MSK", "write 2022-01-05 16:00:30 MSK"),
        # (on two clocks, or with an offset: its date's day, no next day guessed from wall clocks that
        # do not compare; 09:00Z after 14:30+06:00 is half an hour later)
        ("2019-03-10 14:30+06:00", "09:00Z", "if the event ends on 10 March 2019, write 2019-03-10 09:00Z"),
        ("2022-01-05 22:00", "01:00+06:00", "write 2022-01-05 01:00+06:00"),
        # (no day in the date, or a word with the time, or a zone of several offsets: told as before)
        ("2022-01", "16:00", "write the day with it, as YYYY-MM-DD HH:MM (e.g. 2022-01-07 16:00)"),
        ("2022-01-05 14:30", "about 16:00", "with 'about' added"),
        ("2022-01-05 14:30", "16:00 CST", "names more than one UTC offset"),
    ],
)
def test_an_end_date_that_is_a_time_alone_is_told_its_date_s_day(date, end, said):
    dataset = load_text(f"id,date,end_date,title,category,source\na,{date},{end},T,protest,AP\n")
    (problem,) = dataset.problems
    assert (problem.row, problem.column, problem.level) == (2, "end_date", E) and said in problem.message


def test_columns_with_no_name_are_said_in_their_order():
    """By their numbers: column 10 came before column 6, as text sorts."""
    dataset = load_text("id,date,title,category,source,,,,,\na,2022,T,p,S,x,x,x,x,x\n")
    assert [p.column for p in dataset.problems] == ["column 6", "column 7", "column 8", "column 9", "column 10"]


@pytest.mark.parametrize("name,data,expected,fragment", PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_messages_name_the_value(name, data, expected, fragment):
    """A message says what is wrong, with the value; one line, readable."""
    problem = load_text(data).problems[0]
    assert problem.message[0].islower() or problem.message[0] in "'\""
    assert "\n" not in problem.format("events.csv")
    assert len(problem.message) < 400


VALUES_NAMED = [
    (line(date="2022-02-30"), "'2022-02-30'"),
    (line(id="Bad Id"), "'Bad Id'"),
    (line(source_url="javascript:alert(1)"), "'javascript:alert(1)'"),
    (line(latitude="north", longitude="1"), "'north'"),
    (line(title="=1+2"), "'=1+2'"),
    (line(end_date="2022-01-06"), "'2022-01-06'"),
]


@pytest.mark.parametrize("row,value", VALUES_NAMED)
def test_message_quotes_the_value(row, value):
    assert value in load_text(text(row)).problems[0].message


BAD_LINKS = [
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/a",
    "https://",
    "https:// example.org",
    "/story",
    "../story.html",
    "www.example.org",
    "example.org/story",
    '<a href="https://example.org/a">Story</a>',
    "https://example.org/a https://example.org/b",
    "mailto:desk@example.org",
    "https://www.reuters.com@evil.example/world",
    "https://editor:secret@cms.example/story",
    # two links run together (was kept whole, a link that opens nothing)
    "https://example.org/a,https://example.org/b",
    "https://example.org/a;https://example.org/b",
    "https://example.org/a|https://example.org/b",
    "https://example.org/ahttps://example.org/b",
    # a host with a letter of another script that looks like a Latin one (was linked: another site)
    "https://\u0435xample.org/story",
]


@pytest.mark.parametrize(
    "url",
    [
        "https://web.archive.org/web/20220105/https://example.org/a",  # (a link holding a link)
        "https://t.co/?u=https://example.org/a",
        "https://twitter.com/intent/tweet?text=Protest%20in%20Almaty%20https://example.org/a",  # (%20: a space)
        "https://example.org:8080/a",
        "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/a",  # (a host in one script: пример.рф)
    ],
)
def test_a_link_with_another_colon_or_script_is_kept(url):
    dataset = load_text(text(line(source_url=url)))
    assert dataset.problems == [] and dataset.accounts["source_url"].tolist() == [url]


@pytest.mark.parametrize("url", BAD_LINKS)
def test_a_bad_link_is_dropped_and_the_account_kept(url):
    dataset = load_text(
        text(line(source_url=url), line(title="", category="", source="Other", source_url="https://example.org/b"))
    )
    assert where(dataset) == [(2, "source_url", W)]
    message = dataset.problems[0].message
    assert message.startswith(f"source_url {url.strip()!r} ")
    assert "so the link is dropped" in message or "links, so they are dropped" in message
    assert dataset.accounts["source_url"].tolist() == ["", "https://example.org/b"]
    assert dataset.summary() == "1 event, 2 accounts, 0 errors, 1 warning"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "HTTP://EXAMPLE.ORG",
        "https://пример.рф/статья",
        "https://example.org/a?b=1&c=2#d",
        "  https://example.org/a  ",
    ],
)
def test_a_web_link_is_kept(url):
    dataset = load_text(text(line(source_url=url)))
    assert dataset.problems == []
    assert dataset.accounts["source_url"].tolist() == [url.strip()]


def test_links_are_judged_as_links_says():
    """The loader reads bytes to be fast; its answer is links.is_web_link's for every value."""
    values = BAD_LINKS + [
        "https://example.org/a",
        "http://x.org",
        "hTTps://x.org/\u00e9",
        "https://x",
        "https://x.org/a\u00a0b",
        "https://x.org/a\u2028b",
        "https://x.org/\tb",
        "https://x.org/a\x1fb",
        "https://medium.com/@desk/a",
        "https://desk@x.org/a",
        "https://x.org?q=@a",
        "https://?q",
        "https://#a",
        "http:/x.org",
        "https:x.org",
        "https://x.org/a\u2026",
        "https://x.org/a\u200b",
        "\ufeffhttps://x.org/a",
        "https://x.org/\u200ea",
        "https://x.org/a?b=1&amp;c=2",
        "https://x.org/a.",
        "https://x.org/wiki/??????",
        "https://x.org/?q=1",
        "https://x.org/a?b=?",
        "https://x.org/a??",
        "",
    ]
    dataset = load_text(text(*[line(id=f"e{i}", source_url=v) for i, v in enumerate(values)]))
    warned = {p.row for p in dataset.problems if p.column == "source_url" and "the link is kept" not in p.message}
    assert warned == {i + 2 for i, v in enumerate(values) if v.strip() and not is_web_link(v)}
    assert 0 < len(warned) < len(values)


BROKEN_LINKS = [
    # (a link as written, kept or dropped, what the warning says)
    (
        "https://www.reuters.com/world/asia-pacific/kazakhstan-\u2026",
        "",
        "is cut short: its \u2026 stands for the rest of the address",
    ),
    (
        "https://reuters.com/x\u200b",
        "",
        "holds an invisible character (U+200B zero width space), which the browser sends with the address, so "
        "the page is not found; the link is dropped (the account is kept): write 'https://reuters.com/x'",
    ),
    ("\u200bhttps://reuters.com/x", "", "write 'https://reuters.com/x'"),
    (
        "\ufeffhttps://reuters.com/\u200ex",
        "",
        "holds invisible characters (U+FEFF zero width no-break space, U+200E left-to-right mark)",
    ),
    (
        "\u200bwww.reuters.com/x",
        "",
        "(U+200B zero width space), which the browser sends with the address, so the "
        "link is dropped (the account is kept); type the address again",
    ),
    (
        "https://reuters.com/q?x=1&amp;y=2",
        "https://reuters.com/q?x=1&amp;y=2",
        "holds &amp;, probably an & written as HTML writes it (copied from a page's source or an HTML export); "
        "the link is kept as written, but the page may not open: write 'https://reuters.com/q?x=1&y=2'",
    ),
    (
        "https://reuters.com/o.",
        "https://reuters.com/o.",
        "ends with '.', probably the sentence's punctuation copied with the link; the link is kept as written, "
        "but the page may not open: write 'https://reuters.com/o'",
    ),
    ("https://reuters.com/o,", "https://reuters.com/o,", "ends with ',', probably"),
    ("https://reuters.com/o;", "https://reuters.com/o;", "ends with ';', probably"),
    ("https://reuters.com/o)", "https://reuters.com/o)", "ends with ')', probably"),
    # (a quote or bracket closing the link, copied with it: a word processor's ”, a ], a »)
    ("https://reuters.com/o\u201d", "https://reuters.com/o\u201d", "ends with '\u201d', probably"),
    ("https://reuters.com/o'", "https://reuters.com/o'", "write 'https://reuters.com/o'"),
    ("https://reuters.com/o]", "https://reuters.com/o]", "ends with ']', probably"),
    ("https://reuters.com/o\u00bb", "https://reuters.com/o\u00bb", "ends with '\u00bb', probably"),
    ("https://example.org/wiki/A_[b]", "https://example.org/wiki/A_[b]", None),
    ("https://en.wikipedia.org/wiki/Almaty_(city)", "https://en.wikipedia.org/wiki/Almaty_(city)", None),
    ("https://reuters.com/q?x=1&y=2", "https://reuters.com/q?x=1&y=2", None),
]


@pytest.mark.parametrize("url, kept, says", BROKEN_LINKS)
def test_a_broken_link_is_dropped_and_a_probable_slip_kept_with_a_warning(url, kept, says):
    for column in ("source_url", "media"):
        dataset = load_text(text(line(**{column: url}), line(title="", category="", source="Other", **{column: url})))
        assert dataset.accounts[column].tolist() == [kept, kept]
        if says is None:
            assert dataset.problems == []
            continue
        assert where(dataset) == [(2, column, W), (3, column, W)]
        assert says in dataset.problems[0].message
        assert dataset.problems[0].message.startswith(f"{column} {url.strip()!r} ")


# Letters a spreadsheet made ? when it saved in a character set without them (LibreOffice's Text
# CSV set to Western Europe (ISO-8859-1) or Windows-1252): `Тоқаев` is `??????`, and the file is
# ASCII, so the question marks are all that shows it.
LOST_LETTERS = [
    # (a row, the columns warned about: the text kept, a link dropped)
    (line(description="Tokayev ?????? orders troops to fire"), ["description"]),
    (line(title="?????? ???????"), ["title"]),
    (line(source="????"), ["source"]),
    (line(location="Almaty - ??????"), ["location"]),
    (line(claimed_by="??"), ["claimed_by"]),  # (a word of two letters, alone in its cell)
    (line(category="?? ???"), ["category"]),
    (line(description="\u00ab????\u00bb said"), ["description"]),
    (line(description="x???y"), ["description"]),
    (line(description="??????'s order, 2022"), ["description"]),
    (line(description="5 ?????? 2022"), ["description"]),
    (
        line(
            media="https://example.org/a", media_credit="??? ????", media_caption="?????? ?? ???????", media_alt="???"
        ),
        ["media_credit", "media_caption", "media_alt"],
    ),
    (line(figure="5", figure_unit="???????"), ["figure_unit"]),
    (line(source_url="https://ru.wikipedia.org/wiki/??????"), ["source_url"]),
    (line(source_url="https://example.org/??????-??????"), ["source_url"]),
    (line(media="https://ru.wikipedia.org/wiki/??????"), ["media"]),
]


@pytest.mark.parametrize("row, columns", LOST_LETTERS)
def test_question_marks_where_letters_were_are_warned_about_and_a_link_with_them_dropped(row, columns):
    dataset = load_text(text(row))
    assert where(dataset) == [(2, column, W) for column in columns]
    account = dataset.accounts.iloc[0]
    for problem in dataset.problems:
        said = problem.message
        assert "question marks where letters were, as a spreadsheet writes them when it saves in a character" in said
        assert "(Latin-1 or Windows-1252)" in said and "save the file as CSV UTF-8 and type the" in said
        link = problem.column in ("source_url", "media")
        assert ("the link is dropped (the account is kept)" in said) is link
        assert (account[problem.column] == "") is link


NOT_LOST_LETTERS = [
    line(title="what??"),
    line(title="Really?!"),
    line(description="Shot (?) near the akimat"),
    line(title="Who gave the order???"),  # (after the word it ends: a writer's)
    line(description="Who? Why? When?"),
    line(description="a ? b ? c"),
    line(claimed_by="?"),
    line(source_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    line(source_url="https://example.org/a?b=1&c=?"),
    # (one ? between words or after one, as a writer puts it: not a letter lost inside a word)
    line(description="他说什么?我不知道"),  # (a question in a script written without spaces)
    line(description="See example.org/page?id=3 for the list"),
    line(description="Q&A?yes"),
    line(title="Who? Why?"),
    line(title="Shot at 5?6 people"),
    line(description='"Why?"'),
    # (a space left out after a question, or a ? of doubt before a name: a capital after it)
    line(description="What next?The minister said nothing"),
    line(description="Вы пришли?Да"),
    line(claimed_by="?Unknown"),
    line(source="Dr ?Smith"),
]


@pytest.mark.parametrize("row", NOT_LOST_LETTERS)
def test_question_marks_as_a_writer_puts_them_say_nothing(row):
    assert load_text(text(row)).problems == []


def test_question_marks_in_several_rows_say_their_cause_once_for_the_file_first():
    """Said even where other problems are more (diagnosis.first's half): the save lost every such
    letter, also where nothing shows it."""
    dataset = load_text(
        text(
            line(description="?????? orders troops to fire", source="????"),
            line(id="b", source_url="https://ru.wikipedia.org/wiki/??????"),
            *[line(id=f"c{i}", date="2022-02-30") for i in range(3)],
        )
    )
    cause = dataset.problems[0]
    assert (cause.row, cause.column, cause.level, cause.code) == (0, "", W, ProblemCode.DIAGNOSIS)
    assert cause.message == (
        "2 rows hold question marks where letters were, such as '?????? orders troops to fire': the file was "
        "saved in a character set without those letters (Western Europe (ISO-8859-1) or Windows-1252, as "
        "LibreOffice's Text CSV may be set to and Excel's plain CSV is), which writes ? for each, and saving "
        "again does not bring them back; take the text from the copy saved before, or type it again, and save "
        f"the file as CSV UTF-8: {timeline.workbook.SAVE_AS_CSV}"
    )
    assert where(dataset)[1:] == [(2, "description", W), (2, "source", W), (3, "source_url", W)] + [
        (row, "date", E) for row in (4, 5, 6)
    ]


def test_question_marks_in_a_file_that_kept_its_letters_have_no_cause_said_for_the_file():
    """A save that lost letters leaves a file of ASCII: one where Тоқаев is intact was not saved so,
    and its ??? are a writer's (placeholders), warned cell by cell but not blamed on the file."""
    dataset = load_text(
        text(line(title="Тоқаев orders troops to fire", claimed_by="???"), line(id="b", description="Casualties: ???"))
    )
    assert [p for p in dataset.problems if p.row == 0] == []
    assert where(dataset) == [(2, "claimed_by", W), (3, "description", W)]


# One letter lost inside a word, the others kept: Kazakh's ә, қ, ң, ө, ұ in Windows-1251 (Excel's
# plain CSV on a computer set to Russian or Kazakh), Polish ń in Windows-1252, ’ in Latin-1.
LOST_IN_A_WORD = [
    # (a row, the column, the word said, the character set said)
    (line(title="Жа?а?зендегі наразылық"), "title", "Жа?а?зендегі", "Windows-1251"),
    (line(source="?аза?парат"), "source", "?аза?парат", "Windows-1251"),
    (line(location="Н?р-С?лтан"), "location", "Н?р-С?лтан", "Windows-1251"),
    (line(description="То?аев ескертусіз о? ату?а р??сат берді."), "description", "То?аев", "Windows-1251"),
    (line(location="Gda?sk"), "location", "Gda?sk", "Latin-1 or Windows-1252"),
    (line(description="Tokayev?s order to fire"), "description", "Tokayev?s", "Latin-1 or Windows-1252"),
    (line(claimed_by="Interior Ministry (?ód?)"), "claimed_by", "(?ód?)", "Latin-1 or Windows-1252"),
]


@pytest.mark.parametrize("row, column, word, charset", LOST_IN_A_WORD)
def test_a_question_mark_inside_a_word_is_a_letter_a_save_lost_and_its_word_is_named(row, column, word, charset):
    dataset = load_text(text(row))
    assert where(dataset) == [(2, column, W)]
    said = dataset.problems[0].message
    assert f"has a question mark inside the word {word!r}: probably a letter" in said
    assert charset in said and "type the word again, and save the file as CSV UTF-8" in said
    assert dataset.accounts.iloc[0][column] == row.split(",")[schema.NAMES.index(column)].strip('"')  # (kept)


def test_question_marks_inside_cyrillic_words_in_rows_say_windows_1251_once_for_the_file():
    """The file is not ASCII (its other letters were kept, Cyrillic's in Windows-1251): the cause
    said is that character set's, for the rows with a ? inside a word."""
    dataset = load_text(
        text(
            line(title="Жа?а?зендегі наразылық", source="Азаттық"),
            line(id="b", source="?аза?парат"),
            line(id="c", title="Алматыдағы тәртіпсіздік", claimed_by="???"),
        )
    )
    cause = dataset.problems[0]
    assert (cause.row, cause.code) == (0, ProblemCode.DIAGNOSIS)
    assert cause.message.startswith(
        "2 rows hold question marks inside words, such as 'Жа?а?зендегі наразылық': they were saved in "
        "Windows-1251 (the Cyrillic character set of Excel's plain CSV), which has not Kazakh's ә, ғ, қ, ң, ө, "
        "ұ, ү and һ"
    )
    assert where(dataset)[1:] == [(2, "title", W), (3, "source", W), (4, "claimed_by", W)]


def test_question_marks_inside_latin_words_of_a_file_of_ascii_say_the_western_cause():
    dataset = load_text(text(line(location="Gda?sk"), line(id="b", description="Tokayev?s order")))
    assert dataset.problems[0].message.startswith(
        "2 rows hold question marks where letters were, such as 'Gda?sk': the file was saved in a character set "
        "without those letters (Western Europe (ISO-8859-1) or Windows-1252"
    )


QUESTION_MARK_VALUES = [
    "?",
    "??",
    "? ?",
    "a?b",
    "a? b",
    "?a",
    " ?a",
    "x (?) y",
    "Why?!",
    'Why?"',
    "Ж?",
    "?Ж",
    "ж?ж",
    "what??",
    "x???y",
    "«????»",
    "a?\u00a0b",
    "Tokayev\u2019s?",
    "什么?我",
    "a?,b",
    "a?.b",
]


@pytest.mark.parametrize("value", QUESTION_MARK_VALUES)
def test_the_byte_screen_for_question_marks_keeps_every_value_the_regular_expression_finds(value):
    """load._letter_question_marks leaves out only values diagnosis.lost_letters would not flag."""
    load_module = importlib.import_module("timeline.load")
    values = pd.Series(["plain", value, f"{value} end", f"begin {value}"], dtype="str")
    flagged = timeline.diagnosis.lost_letters(values)
    screened = load_module._letter_question_marks(values)
    assert not (flagged & ~screened).any()


def test_question_marks_in_one_row_are_said_on_that_row_alone():
    dataset = load_text(text(line(description="?????? orders", source="????", claimed_by="??????"), line(id="b")))
    assert where(dataset) == [(2, "description", W), (2, "source", W), (2, "claimed_by", W)]


MEDIA = [
    # (media, media_alt, media_caption, media_credit, the problems' columns, media as accepted)
    ("", "", "", "", [], ""),
    ("https://example.org/crowd.jpg", "A crowd on Republic Square", "", "", [], "https://example.org/crowd.jpg"),
    ("https://example.org/crowd.jpeg", "", "", "", ["media_alt"], "https://example.org/crowd.jpeg"),
    ("https://example.org/crowd.PNG#x", "", "Almaty", "AP", ["media_alt"], "https://example.org/crowd.PNG#x"),
    ("https://example.org/map.svg?v=2", "", "", "", ["media_alt"], "https://example.org/map.svg?v=2"),
    ("https://example.org/a.avif", "", "", "", ["media_alt"], "https://example.org/a.avif"),
    ("https://example.org/photo.jpg.html", "", "", "", [], "https://example.org/photo.jpg.html"),
    (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "",
        "Live",
        "RFE/RL",
        [],
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ),
    ("https://vimeo.com/76979871", "", "", "", [], "https://vimeo.com/76979871"),
    ("https://example.org/story", "", "", "", [], "https://example.org/story"),
    ("javascript:alert(1)", "", "", "", ["media"], ""),
    ("data:image/png;base64,iVBORw0KGgo=", "A dot", "", "", ["media"], ""),  # alt not warned twice
    ("/images/crowd.jpg", "", "A crowd", "AP", ["media"], ""),
    ("", "A crowd", "", "", ["media_alt"], ""),
    ("", "", "A crowd", "AP", ["media_credit", "media_caption"], ""),
]


@pytest.mark.parametrize("url, alt, caption, credit, columns, kept", MEDIA)
def test_media(url, alt, caption, credit, columns, kept):
    dataset = load_text(text(line(media=url, media_alt=alt, media_caption=caption, media_credit=credit)))
    assert where(dataset) == [(2, column, W) for column in columns]
    account = dataset.accounts.iloc[0]
    assert account["media"] == kept
    assert (account["media_alt"], account["media_caption"], account["media_credit"]) == (alt, caption, credit)


def test_media_is_judged_each_row():
    dataset = load_text(
        text(
            line(media="https://example.org/a.jpg"),
            line(id="b", media="https://example.org/a.jpg"),
            line(id="c", media="https://example.org/a.jpg", media_alt="A crowd"),
            line(id="d", media="ftp://example.org/a.jpg"),
        )
    )
    assert where(dataset) == [(2, "media_alt", W), (3, "media_alt", W), (5, "media", W)]
    assert "'https://example.org/a.jpg' is a picture" in dataset.problems[0].message


def test_long_values_are_cut_short_in_messages():
    dataset = load_text(text(line(title="<b>" + "x" * 5000)))
    assert len(dataset.problems[0].message) < 300
    assert "5,003 characters" in dataset.problems[0].message


def test_a_good_file_has_no_problems():
    dataset = load_text(
        text(
            line(),
            line(
                id="b", date="2022-01-08 14:30", latitude="43.2", longitude="76.9", source_url="https://example.org/a"
            ),
        )
    )
    assert dataset.problems == []
    assert dataset.summary() == "2 events, 2 accounts, 0 errors, 0 warnings"


def test_accounts_keep_every_column_and_the_row():
    dataset = load_text(
        text(
            line(
                description="What happened",
                location="Almaty",
                latitude="43.2389",
                longitude="76.8897",
                source_url="https://example.org/a",
                published="2022-01-08",
                claimed_by="Ministry",
            )
        )
    )
    account = dataset.accounts.iloc[0]
    assert account["row"] == 2
    for name in schema.NAMES:
        assert name in dataset.accounts.columns
    assert account["description"] == "What happened"
    assert account["latitude"] == "43.2389" and account["lat"] == pytest.approx(43.2389)
    assert account["lon"] == pytest.approx(76.8897)
    assert account["claimed_by"] == "Ministry"
    assert account["published_at"] == pd.Timestamp("2022-01-08")
    assert account["published_precision"] == "day"


def test_events_columns():
    events = load_text(text(line())).events
    for name in ("id", "start", "end", "precision", "title", "category", "disputed"):
        assert name in events.columns
    event = events.iloc[0]
    assert (event["id"], event["start"], event["precision"], event["title"], event["category"]) == (
        "a",
        pd.Timestamp("2022-01-07"),
        "day",
        "Title",
        "protest",
    )
    assert pd.isna(event["end"]) and not event["disputed"]


def test_values_are_trimmed():
    dataset = load_text(text(line(id=" a ", date=" 2022-01-07 ", title="  Title ")))
    assert dataset.problems == []
    assert dataset.accounts.iloc[0][["id", "date", "title"]].tolist() == ["a", "2022-01-07", "Title"]


# --- normal input: BOM, line ends, multi-line values, blank lines ---------------------------


def test_utf8_bom_is_normal():
    dataset = load_text(b"\xef\xbb\xbf" + text(line(), line(id="b")).encode())
    assert dataset.problems == []
    assert dataset.accounts["row"].tolist() == [2, 3]
    assert "id" in dataset.accounts.columns


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_other_line_ends_are_normal(newline):
    data = text(line(), line(id="b"), line(id="c", date="2022-13-01")).replace("\n", newline)
    dataset = load_text(data)
    assert dataset.accounts["row"].tolist() == [2, 3]
    assert dataset.accounts["id"].tolist() == ["a", "b"]
    assert where(dataset) == [(4, "date", E)]
    assert not any("\r" in v for v in dataset.accounts["source"])


def test_multi_line_values_keep_spreadsheet_row_numbers():
    data = text(
        line(description="first line\nsecond line\nthird line"),  # row 2: lines 2-4
        line(id="b", title="Two\r\nlines"),  # row 3: lines 5-6
        line(id="c", date="2022-02-30"),  # row 4: line 7
        line(id="d", description='He said "go"\n\nand left'),  # row 5: lines 8-10
        line(id="e", latitude="91", longitude="1"),  # row 6: line 11
    )
    dataset = load_text(data)
    assert dataset.accounts["row"].tolist() == [2, 3, 5]
    assert where(dataset) == [(4, "date", E), (6, "latitude", E)]
    assert dataset.accounts.iloc[0]["description"] == "first line\nsecond line\nthird line"
    assert dataset.accounts.iloc[2]["description"] == 'He said "go"\n\nand left'


def test_dos_end_of_file_mark_alone_on_the_last_line_says_nothing():
    """Ctrl-Z (0x1A), the end of a file as DOS and old Windows programs wrote it: no row, no error
    (was 'this row has 1 values but the header has 20 columns')."""
    dataset = load_text(text(line()).encode() + b"\x1a")
    assert dataset.problems == [] and len(dataset.accounts) == 1


def test_multi_line_values_before_a_bad_row_in_the_slow_reader():
    """Bytes that are not UTF-8 send the file to the careful reader: same row numbers."""
    data = (
        text(line(description="a\nb"), line(id="b", date="2022-02-30")).encode()
        + line(id="c", title="Caf\xe9").encode("latin-1")
        + line(id="d", latitude="91", longitude="1").encode()
    )
    dataset = load_text(data)
    assert dataset.accounts["row"].tolist() == [2]
    assert where(dataset) == [(3, "date", E), (4, "title", E), (5, "latitude", E)]


@pytest.mark.parametrize(
    "lines, row, column",
    [
        # a quote opened in a description and closed only by an inch mark two rows later: the rows
        # between are swallowed into the description (the file has an even number of quotes)
        (
            [
                'a,2022-01-05,,Airport seized,"The airport is seized,protest,Almaty,,,TASS,,,',
                "b,2022-01-06,,Curfew declared,Curfew in Almaty,government,Almaty,,,TASS,,,",
                'c,2022-01-07,,Shoot order,Tokayev says 5" of snow,security,Almaty,,,TASS,,,',
                "d,2022-01-08,,Calm returns,,security,Almaty,,,TASS,,,",
            ],
            2,
            "description",
        ),
        (
            [
                'a,2022-01-05,,"Airport seized,,protest,,,,TASS,,,',
                "b,2022-01-06,,Curfew,,government,,,,TASS,,,",
                "c-2,2022-01-07,,Shoot order,,security,,,,TASS,,,",
                'd,2022-01-08,,Calm 5" of snow,,security,,,,TASS,,,',
            ],
            2,
            "title",
        ),
    ],
)
def test_rows_swallowed_into_a_quoted_value_are_said_not_read_silently(lines, row, column):
    header = (
        "id,date,end_date,title,description,category,location,latitude,longitude,source,source_url,published,claimed_by"
    )
    dataset = load_text(header + "\n" + "\n".join(lines) + "\n")
    [problem] = [p for p in dataset.problems if p.level == E]
    assert (problem.row, problem.column) == (row, column)
    assert "looks like a row of its own" in problem.message or "look like rows of their own" in problem.message
    assert "never closed" in problem.message and "the row is left out" in problem.message
    assert "a" not in set(dataset.accounts["id"])


@pytest.mark.parametrize(
    "lines, said, kept, left_out",
    [
        # Two files joined whose headers name the columns in other orders: the rows under the
        # second were read in the first's columns (a title as a category) with one error, on its header.
        (
            ["a,2022,A,p,S", "id,date,category,title,source", "b,2022,p,B,S", "c,2022,p,C,S"],
            [
                (
                    3,
                    ProblemCode.HEADER_ORDER,
                    "another order ('...,category,title,source'): the rows after it (4\u20135)",
                )
            ],
            [("a", "A", "p")],
            3,
        ),
        # ... up to a header line in the first order, under which rows are read again.
        (
            [
                "a,2022,A,p,S",
                "id,category,date,title,source",
                "b,p,2022,B,S",
                "ID,Date,Title,Category,Source",
                "c,2022,C,p,S",
            ],
            [
                (3, ProblemCode.HEADER_ORDER, "the rows after it (4)"),
                (5, ProblemCode.HEADER, "repeats the header line"),
            ],
            [("a", "A", "p"), ("c", "C", "p")],
            3,
        ),
        # (in the same order: that row alone is left out)
        (
            ["a,2022,A,p,S", "id,date,title,category,source", "b,2022,B,p,S"],
            [(3, ProblemCode.HEADER, "repeats the header line (two files joined")],
            [("a", "A", "p"), ("b", "B", "p")],
            1,
        ),
        # (a row under it with an error of its own is left out once: the page counts 4, 5 and 6)
        (
            ["a,2022,A,p,S", "id,date,category,title,source", "b,2022,p,B,S", "c,soon,p,C,S", "d,2022,p,D,S"],
            [(3, ProblemCode.HEADER_ORDER, "the rows after it (4\u20136)")],
            [("a", "A", "p")],
            4,
        ),
    ],
)
def test_a_header_line_again_in_another_order_leaves_out_the_rows_under_it(lines, said, kept, left_out):
    dataset = load_text("id,date,title,category,source\n" + "\n".join(lines) + "\n")
    assert [(p.row, p.code) for p in dataset.problems] == [(row, code) for row, code, _ in said]
    for problem, (_, _, fragment) in zip(dataset.problems, said):
        assert fragment in problem.message
    assert [tuple(v) for v in dataset.accounts[["id", "title", "category"]].values.tolist()] == kept
    # (the page's "N rows were left out" counts the rows under it too)
    assert dataset.rows_left_out == left_out


@pytest.mark.parametrize(
    "lines, row, rows_left",
    [
        # A quote never closed where a lone inch mark later makes the file's quotes even: the rows
        # to the inch mark were one row of too many values, said as such, naming none of them.
        (
            ['a,2022,"Open title,p,S', "b,2022,B,p,S", "c,2022,C,p,S", 'd,2022,D,cat 5" x,S', "e,2022,E,p,S"],
            2,
            ["e"],
        ),
        # ... or the inch mark first: every row to the end of the file was one row of too few.
        (['a,2022,TV 5" set,p,S', 'b,2022,"Open,p,S', "c,2022,C,p,S", "d,2022,D,p,S"], 3, ["a"]),
    ],
)
def test_rows_swallowed_into_a_row_of_too_many_or_too_few_values_are_said(lines, row, rows_left):
    dataset = load_text("id,date,title,category,source\n" + "\n".join(lines) + "\n")
    [problem] = dataset.problems
    assert (problem.row, problem.column, problem.level) == (row, "title", E)
    assert "look like rows of their own" in problem.message and "never closed" in problem.message
    assert dataset.accounts["id"].tolist() == rows_left


def test_rows_swallowed_in_a_file_of_cr_line_ends_are_said_too():
    header = (
        "id,date,end_date,title,description,category,location,latitude,longitude,source,source_url,published,claimed_by"
    )
    lines = [
        'a,2022-01-05,,"Airport seized,,protest,,,,TASS,,,',
        "b,2022-01-06,,Curfew,,government,,,,TASS,,,",
        'c,2022-01-07,,Calm 5" of snow,,security,,,,TASS,,,',
    ]
    dataset = load_text(header + "\r" + "\r".join(lines) + "\r")
    assert [(p.row, p.column) for p in dataset.problems if p.level == E] == [(2, "title")]


@pytest.mark.parametrize(
    "description",
    [
        "First paragraph, with commas, a few.\n\nSecond: a list, of, some, words, here, and, more, too.",
        # a pasted list of towns, and figures by region: as many commas as a row, but no id and date
        "Protests in:\naktau,zhanaozen,almaty,shymkent,taraz,atyrau,uralsk,aktobe,kyzylorda,turkestan,kostanay,"
        "petropavl,pavlodar,semey,oskemen,karaganda",
        "Dead by region:\n120,45,33,12,9,8,7,6,5,4,3,2,1,1,1,1",
    ],
)
def test_a_value_of_several_lines_that_are_not_rows_is_read_as_written(description):
    dataset = load_text(text(line(description=description), line(id="b")))
    assert [p for p in dataset.problems if p.level == E] == []
    assert dataset.accounts["description"].iloc[0] == description


def test_open_quote_is_reported_where_it_opens():
    data = text(line(description="a\nb"), line(id="b"), 'c,2022,,"Title,,p,,,,S,,,,,,,\n', line(id="d"), line(id="e"))
    dataset = load_text(data)
    assert where(dataset) == [(4, "title", E)]
    assert "'c,2022,,\"Title" in dataset.problems[0].message
    assert dataset.accounts["row"].tolist() == [2, 3]


@pytest.mark.parametrize(
    "before",
    ["", 'a,2022,,T,"x\u2028y\x0cz",p,,,,S,,,,,,,,,,\n', 'a,2022,,T,"x\r\ny",p,,,,S,,,,,,,,,,\n'],
    ids=["plain", "line separators in a value", "CRLF in a value"],
)
def test_open_quote_column_after_a_quoted_value(before):
    """The quote that never closes, not the first quote of the row, names the column."""
    data = text(before, 'b,2022,,"Title, with a comma",,p,,,,"Source,,,,,,,\n', line(id="c"))
    dataset = load_text(data)
    row = 3 if before else 2
    assert where(dataset) == [(row, "source", E)]
    assert 'The row begins \'b,2022,,"Title, with a comma"' in dataset.problems[0].message


def test_a_quote_inside_an_unquoted_value_is_kept():
    dataset = load_text(text("a,2022,,He is 5'11\" tall,,p,,,,S,,,,,,,,,,\n", line(id="b")))
    assert dataset.problems == []
    assert dataset.accounts.iloc[0]["title"] == "He is 5'11\" tall"


def test_blank_lines_are_skipped_and_counted():
    data = text("\n", line(), "\n", ",,,,,,,,,,,,,,,,\n", "   \n", line(id="b", date="2022-13-01"), "\n")
    dataset = load_text(data)
    assert dataset.accounts["row"].tolist() == [3]
    assert where(dataset) == [(7, "date", E)]


def test_no_newline_at_end():
    dataset = load_text(text(line(), line(id="b")).rstrip("\n"))
    assert dataset.problems == [] and dataset.accounts["row"].tolist() == [2, 3]


def test_header_names_are_case_insensitive_and_any_order():
    data = "Source, TITLE ,Category,Date,ID\nS,T,protest,2022-01-07,a\n"
    dataset = load_text(data)
    assert dataset.problems == []
    assert dataset.events.iloc[0][["id", "title", "category"]].tolist() == ["a", "T", "protest"]


@pytest.mark.parametrize(
    "header_name, column",
    [
        ("End Date", "end_date"),  # (Airtable, Notion, a sheet made by hand)
        ("end-date", "end_date"),
        ("END_DATE", "end_date"),
        ("Source URL", "source_url"),
        ("Claimed  By", "claimed_by"),
        ("figure.unit", "figure_unit"),
        (" Media Alt ", "media_alt"),
    ],
)
def test_a_column_named_with_spaces_hyphens_or_capitals_is_read(header_name, column):
    names = ["id", "date", "title", "category", "source", header_name]
    value = {"end_date": "2022-01-09", "source_url": "https://example.org/a"}.get(column, "x")
    dataset = load_text(",".join(names) + f"\na,2022-01-07,T,protest,S,{value}\n")
    assert dataset.accounts.iloc[0][column] == value
    assert [p for p in dataset.problems if p.level == E] == []
    assert not any(p.code == ProblemCode.HEADER for p in dataset.problems)


@pytest.mark.parametrize(
    "header_name, meant",
    [
        ("lat", "latitude"),
        ("Lng", "longitude"),
        ("URL", "source_url"),
        ("Event Date", "date"),
        ("sourse_url", "source_url"),
        ("Event ID", "id"),  # (told no more than the header it should have)
        ("Дата", "date"),  # (a header in the newsroom's own language)
        ("Lieu", "location"),
    ],
)
def test_a_column_under_another_name_is_named_in_its_warning(header_name, meant):
    names = ["id" if meant != "id" else "end_date", "title", "category", "source"]
    names += ["date" if meant != "date" else "published", header_name]
    dataset = load_text(",".join(names) + "\na,T,protest,S,2022-01-07,x\n")
    (problem,) = [p for p in dataset.problems if p.row == 1]
    # (A column the file must have is an error: no row can be read without it.)
    assert problem.level == (E if meant in ("date", "id") else W) and problem.code == ProblemCode.HEADER
    assert f"rename it {meant!r}" in problem.message and repr(header_name) in problem.message


def test_columns_under_other_names_are_each_named():
    """'Event ID' and 'Event Date' both: the hint named neither (only a first missing column's)."""
    dataset = load_text("Event ID,Event Date,title,category,source\na,2022-01-07,T,protest,S\n")
    (problem,) = dataset.problems
    assert "rename them: 'Event ID' → 'id', 'Event Date' → 'date'" in problem.message


@pytest.mark.parametrize(
    "header, renames",
    [
        # ACLED's export: its names were not said (the first column missing, id, had none)
        (
            "event_id_cnty,event_date,event_type,location,latitude,longitude,source,notes,fatalities",
            "rename them: 'event_id_cnty' → 'id', 'event_date' → 'date', 'event_type' → 'category'",
        ),
        # Notion's and Airtable's first column, Name, and their Tags
        ("id,Name,Date,Tags,source", "rename them: 'Name' → 'title', 'Tags' → 'category'"),
        # one column under another name, not the first missing (date): was not said
        ("id,title,event_type,source", "if 'event_type' holds it, rename it 'category'"),
    ],
)
def test_a_tool_s_own_column_names_are_named_in_the_header_s_error(header, renames):
    dataset = load_text(header + "\n" + ",".join("x" for _ in header.split(",")) + "\n")
    (problem,) = dataset.errors
    assert problem.row == 1 and renames in problem.message


@pytest.mark.parametrize("name", ["Time", "Timezone", "time zone", "TZ", "UTC offset"])
def test_a_time_or_its_zone_in_a_column_of_its_own_is_told_to_go_in_date(name):
    # (a form's or a sheet's Time column: was told only the list of known columns, the date read to the day)
    dataset = load_text(f"id,date,{name},title,category,source\na,2022-01-05,14:30,T,p,S\n")
    (problem,) = dataset.problems
    assert problem.row == 1 and problem.level == W
    assert f"{name!r} is not a column timeline knows" in problem.message
    assert "go in date after the day: 2022-01-05 14:30, or 2022-01-05 14:30+06:00" in problem.message


def test_only_required_columns():
    dataset = load_text("id,date,title,category,source\na,2022,T,p,S\n")
    assert dataset.problems == []
    assert dataset.accounts.iloc[0]["end_date"] == "" and dataset.accounts.iloc[0]["source_url"] == ""


def test_unknown_extra_column_is_kept_and_warned_about():
    data = HEADER + ",notes,Reviewer\n" + line().rstrip("\n") + ",checked,Ann\n" + line(id="b").rstrip("\n") + ",,\n"
    dataset = load_text(data)
    assert where(dataset) == [(1, "notes", W), (1, "reviewer", W)]
    assert dataset.accounts["notes"].tolist() == ["checked", ""]
    assert dataset.accounts["reviewer"].tolist() == ["Ann", ""]
    assert len(dataset.events) == 2


def test_several_problems_on_one_row_and_sorted_output():
    data = text(
        line(id="b", title="<i>x</i>", source="=cmd"),
        line(id="Bad Id", date="2022-02-30"),
        line(id="c", date="2022-02-30", source=""),
    )
    dataset = load_text(data)
    # Every problem of a row, each error too, in the order of the columns.
    assert where(dataset) == [
        (2, "title", W),
        (2, "source", W),
        (3, "id", E),
        (3, "date", E),
        (4, "date", E),
        (4, "source", E),
    ]


@pytest.mark.parametrize(
    "values, expected",
    [
        ({"latitude": "43,2", "longitude": "76,8"}, [(2, "latitude", E), (2, "longitude", E)]),
        ({"title": "", "category": ""}, [(2, "title", E), (2, "category", E)]),
        (
            {"id": "Riot 1", "date": "07/01/2022", "end_date": "soon", "source": "", "source_url": "ftp://x"},
            [(2, "id", E), (2, "date", E), (2, "end_date", E), (2, "source", E), (2, "source_url", W)],
        ),
    ],
)
def test_every_error_of_a_row_is_reported_at_once(values, expected):
    dataset = load_text(text(line(**values), line(id="other")))
    assert where(dataset) == expected
    assert dataset.accounts["row"].tolist() == [3] and dataset.rows_left_out == 1


# --- events: first rows, categories, disputes, spans ----------------------------------------


def test_first_row_defines_title_category_and_date():
    data = text(
        line(title="First", category="Security", date="2022-01-07"),
        line(title="Second", date="2022-01-07", category=""),
        line(title="", category="", date="2022-01"),
    )
    dataset = load_text(data)
    event = dataset.events.iloc[0]
    assert (event["title"], event["category"], event["start"]) == ("First", "Security", pd.Timestamp("2022-01-07"))
    assert event["accounts"] == 3
    assert len(dataset.accounts) == 3
    assert [(p.row, p.column, p.level, p.code) for p in dataset.problems] == [(3, "title", W, ProblemCode.OTHER_TITLE)]


def test_a_later_title_that_is_not_the_event_s_is_said():
    """Another event given an id already taken is merged into it, and its title is never shown:
    each such row is warned about (the row is kept, an account of the event it names)."""
    dataset = load_text(
        text(
            line(id="curfew", title="Curfew in Almaty", date="2022-01-05"),
            line(id="curfew", title="Curfew lifted", date="2022-01-19", category=""),
            line(id="curfew", title=" curfew IN almaty ", date="2022-01-05", category=""),  # (the same: no)
            line(id="curfew", title="", date="2022-01-06", category=""),
        )
    )
    assert len(dataset.events) == 1 and len(dataset.accounts) == 4
    [problem] = dataset.problems
    assert (problem.row, problem.column, problem.level) == (3, "title", W)
    assert problem.message == (
        "title 'Curfew lifted' is not the title of row 2, 'Curfew in Almaty', the first row of 'curfew', which "
        "names the event, so it is never shown; if this row is another event, give it its own id (curfew-2); if "
        "it is an account of the same event, leave title empty"
    )


def test_later_rows_may_leave_title_and_category_empty():
    dataset = load_text(text(line(), line(title="", category="")))
    assert dataset.problems == [] and len(dataset.accounts) == 2


def test_a_refused_first_row_makes_the_next_one_first():
    dataset = load_text(
        text(line(date="2022-02-30", title="Bad"), line(title="Good", category="security", date="2022-01-08"))
    )
    assert where(dataset) == [(2, "date", E)]
    assert dataset.events.iloc[0][["title", "category"]].tolist() == ["Good", "security"]


EVENT_FACTS = ["id", "title", "category", "start", "end", "accounts", "sources", "disputed", "last", "order"]


@pytest.mark.parametrize(
    "refused, column",
    [
        # left out by a check across rows (after every column's own checks): an end before the start
        (line(id="b", date="2022-01-09", end_date="2022-01-02", title="Late", source="Other"), "end_date"),
        # ...and an event's first row without a title
        (line(id="c", date="2022-01-01", title="", source="Third"), "title"),
        # left out by a column's own check: a date that does not exist
        (line(id="a", date="2022-02-30", source="Other"), "date"),
    ],
    ids=["end before start", "first row without a title", "a date that does not exist"],
)
def test_a_row_left_out_counts_for_nothing_in_its_event(refused, column):
    # The grouping into events is begun before the checks across rows run, when no row is left
    # out yet: a row they leave out must leave no trace in the events either.
    kept = [
        line(id="a", date="2022-01-07", source="AFP"),
        line(id="b", date="2022-01-05", title="B", source="AFP"),
        line(id="a", date="2022-01-08", title="", category="", source="Reuters"),
        line(id="c", date="2022-01-06", title="C", source="AFP"),
        line(id="c", date="2022-01-06", title="", category="", source="Reuters"),
    ]
    with_refused = load_text(text(*kept[:2], refused, *kept[2:]))
    without = load_text(text(*kept))
    assert [(p.row, p.column) for p in with_refused.problems if p.level == E] == [(4, column)]
    pd.testing.assert_frame_equal(with_refused.events[EVENT_FACTS], without.events[EVENT_FACTS])
    assert with_refused.account_event.tolist() == without.account_event.tolist()


def test_category_is_case_insensitive():
    data = text(line(category="Protest"), line(title="", category="PROTEST"), line(id="b", category="protest"))
    dataset = load_text(data)
    assert dataset.problems == []
    assert set(dataset.events["category_key"]) == {"protest"}


def test_category_conflict_on_a_later_row_is_a_warning():
    dataset = load_text(text(line(category="protest"), line(title="", category="security")))
    assert where(dataset) == [(3, "category", W)]
    assert dataset.events.iloc[0]["category"] == "protest"
    assert len(dataset.accounts) == 2


@pytest.mark.parametrize(
    "a,b", [("protest", "protests"), ("Protest", "protests"), ("government", "goverment"), ("detention", "detentions")]
)
def test_near_duplicate_categories_warn(a, b):
    dataset = load_text(text(line(category=a), line(id="x", category=a), line(id="b", category=b)))
    assert where(dataset) == [(4, "category", W)]
    assert f"looks like {a.lower()!r}" in dataset.problems[0].message


def test_near_duplicate_tie_warns_about_the_later_spelling():
    dataset = load_text(text(line(category="government"), line(id="b", category="goverment")))
    assert where(dataset) == [(3, "category", W)]
    assert "'goverment' looks like 'government'" in dataset.problems[0].message


def test_bad_published_date_is_ignored_not_fatal():
    dataset = load_text(text(line(published="someday")))
    assert where(dataset) == [(2, "published", W)]
    assert dataset.problems[0].message.endswith("It is ignored")
    assert pd.isna(dataset.accounts.iloc[0]["published_at"])
    assert dataset.accounts.iloc[0]["published"] == "someday"


PLACES = [
    "Almaty",
    "Nur-Sultan",
    "Aktau",
    "Zhanaozen",
    "Taraz",
    "Shymkent",
    "Kyzylorda",
    "Atyrau",
    "Aktobe",
    "Oral",
    "Semey",
    "Pavlodar",
    "Kostanay",
    "Petropavl",
    "Kokshetau",
    "Karaganda",
    "Temirtau",
    "Ekibastuz",
    "Turkistan",
    "Baikonur",
    "Zhezkazgan",
    "Balkhash",
    "Rudny",
    "Stepnogorsk",
    "Kentau",
    "Ridder",
    "Satbayev",
    "Kapchagay",
    "Talgar",
    "Esik",
    "Kaskelen",
    "Saryagash",
    "Arys",
]


@pytest.mark.parametrize(
    "categories, expected",
    [
        (PLACES[:30], []),  # 30 lanes: many, but fine
        (PLACES[:31], [(1, "category", W)]),
        (PLACES, [(1, "category", W)]),
        ([p.upper() for p in PLACES[:30]] + PLACES[:30], []),  # case-insensitive: 30
        (PLACES[:30] + ["Almatys"], [(1, "category", W)]),  # no near-duplicates then
    ],
)
def test_more_than_30_categories_is_one_warning_for_the_file(categories, expected):
    dataset = load_text(text(*[line(id=f"e{i}", category=c) for i, c in enumerate(categories)]))
    assert where(dataset) == expected
    assert len(dataset.accounts) == len(categories)
    if expected:
        message = dataset.problems[0].message
        assert message.startswith(
            f"category holds {len(set(c.lower() for c in categories))} different "
            f"values ('almaty', 'nur-sultan', 'aktau', 'zhanaozen', ...), a lane each; "
            f"it should hold a handful of lanes (protest, government, security, ...)"
        )
        assert "more than 30 almost always means that another column" in message


def test_categories_are_counted_on_accepted_rows():
    rows = [line(id=f"e{i}", category=c) for i, c in enumerate(PLACES[:30])]
    dataset = load_text(text(*rows, line(id="bad", date="2022-02-30", category="Extra")))
    assert where(dataset) == [(32, "date", E)]


@pytest.mark.parametrize("a,b", [("protest", "security"), ("legal", "government"), ("economy", "casualties")])
def test_different_categories_do_not_warn(a, b):
    assert load_text(text(line(category=a), line(id="b", category=b))).problems == []


DISPUTES = [
    (["2022-01-07", "2022-01-08"], True),
    (["2022-01-07", "2022-01-07"], False),
    (["2022-01", "2022-01-07"], False),
    (["2022-01-07", "2022-01"], False),
    (["2022", "2022-03", "2022-03-14"], False),
    (["2022-01", "2022-02"], True),
    (["2022", "2023"], True),
    (["2022-01-07", "2022-01-07 14:30"], False),
    (["2022-01-07 14:30", "2022-01-07 15:00"], True),
    (["2022-01-07T14:30+06:00", "2022-01-07 14:30"], False),
    (["7 January 2022", "2022-01-07"], False),
    (["2022-01-05", "2022-01", "2022-01-07"], True),
    # Times at different UTC offsets are compared as the moments they are: a time or a day with no
    # offset may be on any clock its event's accounts give, whatever their order.
    (["2022-01-07 23:30+06:00", "2022-01-07 17:30Z"], False),
    (["2022-01-07 14:30+06:00", "2022-01-07 14:30Z"], True),
    (["2022-01-07 09:30 EST", "2022-01-07 14:30Z", "2022-01-07 20:30+0600"], False),
    (["2022-01-07 14:30+06:00", "2022-01-07 14:30 ALMT"], False),
    (["2022-01-08 01:00+06:00", "2022-01-08", "2022-01-07 19:00 UTC"], False),
    (["2022-01-07 19:00 UTC", "2022-01-08", "2022-01-08 01:00+06:00"], False),
    (["2022-01-08", "2022-01-07 19:00Z", "2022-01-08 01:00+06:00"], False),
    (["2022-01-07 19:00 UTC", "2022-01-08", "2022-01-07 14:00 EST"], True),  # (on no clock)
    (["2022-01-08 10:00+06:00", "2022-01-08 10:00"], False),
    (["2022-01-08 10:00+06:00", "2022-01-08 10:00Z", "2022-01-08 10:00"], True),
    (["2022-01-08 01:00+06:00", "2022-01-08 01:00", "2022-01-07 19:00Z"], False),
]


@pytest.mark.parametrize("written,disputed", DISPUTES)
def test_disputed(written, disputed):
    rows = [line(date=d, title="T" if i == 0 else "", category="p" if i == 0 else "") for i, d in enumerate(written)]
    dataset = load_text(text(*rows))
    assert dataset.problems == []
    assert bool(dataset.events.iloc[0]["disputed"]) is disputed


# Rows of one id as (date, title): later rows that repeat the first row's title with a date that
# cannot be its date look like other events given the same id; one warning per id.
REPEATED_TITLES = [
    (
        [("2022-01-07", "Distributions continue"), ("2022-01-08", "Distributions continue")],
        [(3, "id", W)],
        "row 3 repeats the title 'Distributions continue' of row 2 with another date: it "
        "looks like a different event sharing the id 'a'; give it its own id (a-2) or leave "
        "title empty on a later account of the same event",
    ),
    (
        [
            ("2022-01-05", "Distributions continue"),
            ("2022-01-06", "Distributions continue"),
            ("2022-01-05", "Distributions continue"),
            ("2022-01-07", " distributions   CONTINUE "),
            ("2022-01-08", ""),
            ("2022-01-09", "Distributions resume"),
            ("2022-01-10", "Distributions continue"),
        ],
        [(3, "id", W), (7, "title", W)],  # (row 7: another title, never shown)
        "rows 3, 5 and 8 repeat the title 'Distributions continue' of row 2 with other dates: "
        "they look like different events sharing the id 'a'; give each its own id (a-2, ...) "
        "or leave title empty on a later account of the same event",
    ),
    (
        [(f"2022-01-{day:02d}", "Curfew") for day in range(1, 13)],
        [(3, "id", W)],
        "rows 3, 4, 5, 6, 7, 8, 9, 10 and 3 more repeat the title 'Curfew'",
    ),
    # not warned so: the same date; a date that can be the first's; no title; another title (which
    # is warned about as a title never shown: test_a_later_title_that_is_not_the_event_s_is_said)
    ([("2022-01-07", "Curfew"), ("2022-01-07", "Curfew")], [], ""),
    ([("2022-01-07", "Curfew"), ("7 January 2022", "curfew")], [], ""),
    ([("2022-01", "Curfew"), ("2022-01-07", "Curfew")], [], ""),
    ([("2022-01-07", "Curfew"), ("2022-01-07 23:00", "Curfew")], [], ""),
    ([("2022-01-07", "Curfew"), ("2022-01-08", "")], [], ""),
    ([("2022-01-07", "Curfew"), ("2022-01-08", "Curfew lifted")], [(3, "title", W)], ""),
    # one moment on two clocks is the same date; the same clock time at two offsets is not
    ([("2022-01-07 23:30+06:00", "Curfew"), ("2022-01-07 17:30Z", "Curfew")], [], ""),
    ([("2022-01-07 14:30+06:00", "Curfew"), ("2022-01-07 14:30Z", "Curfew")], [(3, "id", W)], "row 3 repeats"),
    ([("2022-01-07", "Curfew"), ("2022-01-08", "Curfews")], [(3, "title", W)], ""),
]


@pytest.mark.parametrize("rows, expected, fragment", REPEATED_TITLES)
def test_a_repeated_title_with_another_date_warns(rows, expected, fragment):
    dataset = load_text(
        text(
            *[
                line(date=date, title=title, category="protest" if i == 0 else "")
                for i, (date, title) in enumerate(rows)
            ]
        )
    )
    assert where(dataset) == expected
    assert fragment in (dataset.problems[0].message if dataset.problems else "")
    assert len(dataset.accounts) == len(rows) and len(dataset.events) == 1  # a warning: rows kept


def test_manila_s_pst_is_no_dispute_with_manila_s_offset():
    # (PST was read as US Pacific, -08:00: 16 hours from the other account's +08:00, disputed unsaid)
    rows = [line(date="2022-01-05 14:30 PST"), line(date="2022-01-05 14:30+08:00", title="", category="")]
    dataset = load_text(text(*rows))
    assert [(p.row, p.column, p.level) for p in dataset.problems] == [(2, "date", W)]
    assert "'PST' names more than one UTC offset" in dataset.problems[0].message
    assert dataset.accounts["offset"].tolist() == ["", "+08:00"]
    assert not dataset.events.iloc[0]["disputed"]


def test_a_repeated_title_is_judged_on_the_clock_of_the_rows_kept_as_the_dispute_is():
    """A refused row's offset is not the event's clock: the day and 01:00 in Almaty agree."""
    dataset = load_text(
        text(
            line(date="2022-01-06", title="Tee"),
            line(date="2022-01-05 19:00Z", end_date="2022-01-04", title="", category=""),  # refused
            line(date="2022-01-06 01:00+06:00", title="Tee", category=""),
        )
    )
    assert where(dataset) == [(3, "end_date", E)]
    assert not dataset.events["disputed"].any()


def test_times_at_two_offsets_only_in_rows_left_out_dispute_nothing():
    """Rows left out are the only ones with a time at an offset (19:00Z, 09:30 EST): no account
    kept gives one, so the dates compare as written. (Every event was told disputed, and every
    title repeated "with another date": no clock was tried, and none agreed.)"""
    dataset = load_text(
        text(
            line(date="2022-01-06", title="Tee"),
            line(date="2022", title="", category=""),
            line(id="b", date="2022-01-05 19:00Z", end_date="2022-01-04", title="B"),  # refused
            line(id="b", date="2022-01-05 09:30 EST", source=""),  # refused
            line(id="c", date="2022-01-07", title="Tee"),
            line(id="c", date="2022-01", title="Tee", category="", source="AP"),
        )
    )
    assert [(p.row, p.column, p.level) for p in dataset.problems] == [(4, "end_date", E), (5, "source", E)]
    assert dataset.events["id"].tolist() == ["a", "c"] and not dataset.events["disputed"].any()


def test_a_repeated_title_is_judged_per_id_and_against_the_first_accepted_row():
    dataset = load_text(
        text(
            line(id="b", date="2022-01-01", title="Curfew"),  # another id
            line(date="2022-02-30", title="Curfew"),  # refused
            line(date="2022-01-07", title="Curfew"),  # a's first accepted row
            line(id="b", date="2022-01-02", title="Curfew"),
            line(date="2022-01-07", title="Curfew", source="AP"),  # (another account: not a row pasted twice)
            line(date="2022-01-09", title="Curfew"),
        )
    )
    assert where(dataset) == [(3, "date", E), (5, "id", W), (7, "id", W)]
    assert dataset.problems[1].message.startswith("row 5 repeats the title 'Curfew' of row 2 ")
    assert "sharing the id 'b'" in dataset.problems[1].message
    assert dataset.problems[2].message.startswith("row 7 repeats the title 'Curfew' of row 4 ")


REPEATED = (
    "row {row} repeats row {first} value for value, as a row pasted twice does: delete one of them (another "
    "account of the event differs at least in its source, its link or its date of publication)"
)


@pytest.mark.parametrize(
    "rows, expected",
    [
        # a row pasted twice, or three times: each copy names the first
        ([line(), line(id="b"), line()], [(4, 2)]),
        ([line(), line(), line()], [(3, 2), (4, 2)]),
        (
            [
                line(description="Said so."),
                line(title="", category="", source="AP"),
                line(title="", category="", source="AP"),
            ],
            [(4, 3)],
        ),
        ([line(), line(description=" ", title=" Title ")], [(3, 2)]),  # (values as read: spaces at the ends go)
        # not a copy: another source, link, date or event; a refused copy has its own error
        ([line(), line(source="AP")], []),
        ([line(), line(source_url="https://example.org/a")], []),
        ([line(), line(published="2022-01-08")], []),
        ([line(), line(id="b")], []),
        ([line(date="2022-13-01"), line(date="2022-13-01")], []),
        # copies among other accounts, two values each twice: each copy names its own first, rows
        # that repeat rows one after another (a block pasted twice) in one warning
        ([line(), line(source="AP"), line(), line(source="AP"), line(source="AFP"), line()], [(4, 5, 2), (7, 2)]),
        # a file pasted whole below itself, then its first row once more
        (
            [line(), line(id="b"), line(id="c"), line(), line(id="b"), line(id="c"), line()],
            [(5, 7, 2), (8, 2)],
        ),
        # two blocks: the second does not go on from the first (rows 4-5 repeat 2-3, 6-7 repeat 2-3 too)
        ([line(), line(id="b"), line(), line(id="b"), line(), line(id="b")], [(4, 5, 2), (6, 7, 2)]),
    ],
)
def test_a_row_that_repeats_another_of_its_event_value_for_value_is_warned(rows, expected):
    dataset = load_text(text(*rows))
    said = [p for p in dataset.problems if p.code == ProblemCode.REPEATED_ROW]
    assert [(p.row, p.column, p.level) for p in said] == [(row, "id", W) for row, *_ in expected]
    assert [p.message for p in said] == [repeated(*told) for told in expected]
    assert len(dataset.accounts) == len(rows) - sum(p.level == E for p in dataset.problems)  # (kept: a warning)


def repeated(row: int, *rest: int) -> str:
    """The warning on row `row` repeating row `first`, or on rows `row` to `last` repeating the
    as many rows from `first` on."""
    if len(rest) == 1:
        return REPEATED.format(row=row, first=rest[0])
    last, first = rest
    return (
        f"rows {row} to {last} repeat rows {first} to {first + last - row} value for value, as rows pasted twice "
        "do: delete one copy of them (another account of an event differs at least in its source, its link or "
        "its date of publication)"
    )


def test_disputed_ends():
    dataset = load_text(text(line(end_date="2022-01-19"), line(title="", category="", end_date="2022-01-23")))
    assert bool(dataset.events.iloc[0]["disputed"])


def test_ends_at_different_utc_offsets_are_compared_as_moments():
    dataset = load_text(
        text(
            line(date="2022-01-07 10:00+06:00", end_date="2022-01-07 06:00Z"),  # 12:00+06:00
            line(title="", category="", date="2022-01-07 04:00Z", end_date="2022-01-07 12:00+06:00"),
            line(id="b", title="B", date="2022-01-07 10:00+06:00", end_date="2022-01-07 06:00Z"),
            line(id="b", title="", category="", date="2022-01-07 10:00+06:00", end_date="2022-01-07 12:00Z"),
        )
    )
    assert dataset.problems == []
    disputed = dict(zip(dataset.events["id"], dataset.events["disputed"]))
    assert disputed == {"a": False, "b": True}


def test_one_account_is_never_disputed():
    assert not load_text(text(line())).events["disputed"].any()


SPANS = [
    ("2022-01-04", "2022-01-10", "2022-01-10", "2022-01-10 23:59:59"),
    ("2022-01-05 01:30", "2022-01-19", "2022-01-19", "2022-01-19 23:59:59"),
    ("2022-01", "2022-03", "2022-03-01", "2022-03-31 23:59:59"),
    ("2022-01-07", "2022-01-07", "2022-01-07", "2022-01-07 23:59:59"),
    ("2022-01-07 14:30", "2022-01-07", "2022-01-07", "2022-01-07 23:59:59"),
    ("2022-01-07", "2022-01", "2022-01-01", "2022-01-31 23:59:59"),
]


@pytest.mark.parametrize(
    "start, end, said",
    [
        # a curfew from 23:00 to 07:00, both written on its first day: the next day's 07:00, not a swap
        ("2022-01-05 23:00", "2022-01-05 07:00", "if it ends the next day, write 2022-01-06 07:00"),
        ("2022-01-05 20:00", "2022-01-05 00:00", "if it ends the next day, write 2022-01-06 00:00"),
        ("2022-01-05 23:00+06:00", "2022-01-05 07:00+06:00", "if it ends the next day, write 2022-01-06 07:00+06:00"),
        ("5 January 2022 11 PM", "5 January 2022 7:30 AM", "if it ends the next day, write 2022-01-06 07:30"),
        # a zone's name kept, to be read at the next day's offset (across a change of the clocks: a review's)
        (
            "2022-03-26 23:00 Europe/Paris",
            "2022-03-26 07:00 Europe/Paris",
            "if it ends the next day, write 2022-03-27 07:00 Europe/Paris",
        ),
        # ... with the offset where the clocks skip that time that night (02:30 on 27 March in Paris)
        (
            "2022-03-26 23:00 Europe/Paris",
            "2022-03-26 02:30 Europe/Paris",
            "if it ends the next day, write 2022-03-27 02:30+01:00",
        ),
        # an end on an earlier day, or a day alone, or at another offset: as before
        ("2022-01-05 23:00", "2022-01-04 07:00", "(swap the two dates, or fix the one that is wrong)"),
        ("2022-01-05", "2022-01-04 07:00", "(swap the two dates, or fix the one that is wrong)"),
        ("2022-01-05 23:00+06:00", "2022-01-05 16:00Z", "(swap the two dates, or fix the one that is wrong)"),
    ],
)
def test_an_end_earlier_the_same_day_is_told_to_write_the_next_day(start, end, said):
    """Swapping 23:00 and 07:00 makes a night's curfew the day between them (a probe's finding):
    an end at an earlier time of the start's own day is told the next day's time, refused."""
    dataset = load_text(text(line(date=start, end_date=end)))
    assert where(dataset) == [(2, "end_date", E)]
    assert said in dataset.problems[0].message


@pytest.mark.parametrize(
    "end, said",
    [
        ("9999-12-31 07:00", "(swap the two dates, or fix the one that is wrong)"),
        ("07:00", "is a time of day with no date"),  # (not "write 10000-01-01 07:00")
    ],
)
def test_an_end_earlier_on_the_last_day_read_is_not_told_a_next_day(end, said):
    """(The year 10000 was advised: no date is read after 9999-12-31.)"""
    dataset = load_text(text(line(date="9999-12-31 23:00", end_date=end)))
    [problem] = [p for p in dataset.problems if p.column == "end_date" and p.level == E]
    assert said in problem.message and "10000" not in problem.message


# An end at another UTC offset than its start's is read on the start's clock (the same moment):
# (start, end, the end as the event has it, its offset, whether the end is before the start).
SPANS_ACROSS_CLOCKS = [
    ("2022-01-05 23:00+06:00", "2022-01-05 18:00Z", "2022-01-06 00:00", "+06:00", False),
    ("2022-01-05 10:00+06:00", "2022-01-05 12:00Z", "2022-01-05 18:00", "+06:00", False),
    ("2022-01-05 10:00 EST", "2022-01-05 16:00 UTC", "2022-01-05 11:00", "-05:00", False),
    ("2022-01-05 23:00+06:00", "2022-01-05 16:00Z", None, "", True),  # 22:00+06:00
    ("2022-01-05 10:00Z", "2022-01-05 12:00+06:00", None, "", True),  # 06:00Z
    ("2022-01-05 10:00+06:00", "2022-01-05 12:00", "2022-01-05 12:00", "+06:00", False),  # (the start's clock)
    ("2022-01-05 10:00+06:00", "2022-01-05 12:00+0600", "2022-01-05 12:00", "+06:00", False),
]


@pytest.mark.parametrize("start,end,end_value,offset,before", SPANS_ACROSS_CLOCKS)
def test_an_end_at_another_utc_offset_is_read_on_the_start_s_clock(start, end, end_value, offset, before):
    dataset = load_text(text(line(date=start, end_date=end)))
    if before:
        assert where(dataset) == [(2, "end_date", E)]
        assert dataset.problems[0].message.startswith(f"end_date '{end}' is before the date")
        return
    assert dataset.problems == []
    event = dataset.events.iloc[0]
    assert (event["end"], event["offset"]) == (pd.Timestamp(end_value), offset)
    assert build_index(dataset).date_label(0).endswith(dates.label(pd.Timestamp(end_value), "minute"))


def test_an_end_with_an_offset_after_a_time_with_none_is_read_as_written_with_a_warning():
    dataset = load_text(text(line(date="2022-01-05 10:00", end_date="2022-01-05 12:00Z")))
    assert where(dataset) == [(2, "end_date", W)]
    assert dataset.problems[0].message == (
        "end_date '2022-01-05 12:00Z' gives a UTC offset and the date '2022-01-05 10:00' gives none: the page "
        "shows both on one clock without saying which; give the date its offset too (e.g. 2022-01-05 10:00Z), "
        "or leave it off both"
    )
    assert dataset.events.iloc[0]["end"] == pd.Timestamp("2022-01-05 12:00")
    # After a day with no time (or a month): read as written too, and warned (it was not: the page
    # showed "6 January 2022, 12:00" with no word of UTC, which a reader in Almaty takes for 12:00 there)
    for start in ("2022-01-05", "2022-01"):
        dataset = load_text(text(line(date=start, end_date="2022-01-06 12:00Z")))
        assert where(dataset) == [(2, "end_date", W)]
        assert dataset.problems[0].message == (
            f"end_date '2022-01-06 12:00Z' gives a UTC offset and the date '{start}' gives no time: the page shows "
            "the end's time without the offset, which a reader takes for the clocks where the event was; write it "
            "as those clocks showed it, without the offset"
        )
        assert dataset.events.iloc[0]["end"] == pd.Timestamp("2022-01-06 12:00")
    assert load_text(text(line(date="2022-01-05", end_date="2022-01-06 12:00"))).problems == []
    # (after a date refused, or none: the date's problem alone, not a date that "gives no time")
    for start in ("garbage", ""):
        assert [p.column for p in load_text(text(line(date=start, end_date="2022-01-06 12:00Z"))).problems] == ["date"]


# Publication times at different UTC offsets were compared and shown as written, with no offset:
# Khabar's 02:00+06:00 on 9 January (20:00 UTC on the 8th) put after Reuters' 22:00Z on the 8th.
# Read on one clock, the offset most of them give (the first row's where as many give another).
@pytest.mark.parametrize(
    "published, read, warned",
    [
        (
            ["2022-01-09 02:00+06:00", "2022-01-08 22:00Z"],
            ["2022-01-09 02:00", "2022-01-09 04:00"],
            {
                3: "published '2022-01-08 22:00Z' is at another UTC offset than its event's other publication "
                "times, most at UTC+06:00: they are compared and shown on one clock, with no offset, so it is read "
                "as 2022-01-09 04:00+06:00, the same moment on theirs; write it so"
            },
        ),
        (  # (most of them at UTC: that clock)
            ["2022-01-09 02:00+06:00", "2022-01-08 22:00Z", "2022-01-08 23:00Z"],
            ["2022-01-08 20:00", "2022-01-08 22:00", "2022-01-08 23:00"],
            {2: "so it is read as 2022-01-08 20:00Z, the same moment on theirs"},
        ),
        (  # (Kiribati's +14:00, the last offset, beside UTC: one event's two clocks, not two events')
            ["2022-01-09 02:00+14:00", "2022-01-08 10:00Z", "2022-01-08 11:00Z"],
            ["2022-01-08 12:00", "2022-01-08 10:00", "2022-01-08 11:00"],
            {2: "so it is read as 2022-01-08 12:00Z, the same moment on theirs"},
        ),
        (  # (one offset, written two ways; a time with none, and a day: as written)
            ["2022-01-09 02:00+06:00", "2022-01-09 03:00+0600", "2022-01-09 01:00", "2022-01-10"],
            ["2022-01-09 02:00", "2022-01-09 03:00", "2022-01-09 01:00", "2022-01-10"],
            {},
        ),
    ],
)
def test_publication_times_at_different_offsets_are_read_on_one_clock(published, read, warned):
    rows = [line(id="toll", source=f"S{n}", published=value) for n, value in enumerate(published)]
    dataset = load_text(text(*rows))
    assert dataset.accounts["published_at"].tolist() == [pd.Timestamp(value) for value in read]
    assert {p.row: p.column for p in dataset.problems} == dict.fromkeys(warned, "published")
    for p in dataset.problems:
        assert warned[p.row] in p.message


def test_publication_times_are_put_on_one_clock_within_an_event_only():
    """Events of their own at London's two clocks (+00:00 in winter, +01:00 in summer) are read as
    written; an event that mixes clocks is put on its own most common one, whatever other
    events give (a tie: its first row's)."""
    rows = [
        line(id="winter", source="BBC", published="2022-01-09 10:00 Europe/London"),
        line(id="summer", source="BBC", published="2022-07-09 10:00 Europe/London"),
        line(id="toll", source="Khabar", published="2022-01-09 02:00+06:00"),
        line(id="toll", source="Reuters", published="2022-01-08 22:00Z"),
        *[line(id=f"other-{n}", source="AP", published="2022-01-08 12:00Z") for n in range(3)],
    ]
    dataset = load_text(text(*rows))
    assert [(p.row, p.column) for p in dataset.problems] == [(5, "published")]
    assert dataset.accounts["published_at"].tolist()[:4] == [
        pd.Timestamp("2022-01-09 10:00"),
        pd.Timestamp("2022-07-09 10:00"),
        pd.Timestamp("2022-01-09 02:00"),
        pd.Timestamp("2022-01-09 04:00"),  # (on Khabar's clock, its event's first row's)
    ]


@pytest.mark.parametrize("start,end,end_value,last", SPANS)
def test_spans(start, end, end_value, last):
    dataset = load_text(text(line(date=start, end_date=end)))
    assert dataset.problems == []
    event = dataset.events.iloc[0]
    assert event["end"] == pd.Timestamp(end_value)
    assert event["last"] == pd.Timestamp(last)


def test_without_end_the_last_moment_is_the_start_at_its_precision():
    dataset = load_text(text(line(date="2022-01"), line(id="b", date="2022-01-07 14:30")))
    last = dict(zip(dataset.events["id"], dataset.events["last"]))
    assert last == {"a": pd.Timestamp("2022-01-31 23:59:59"), "b": pd.Timestamp("2022-01-07 14:30")}


@pytest.mark.parametrize(
    "written,precision",
    [
        ("2022", "year"),
        ("2022-01", "month"),
        ("2022-01-07", "day"),
        ("2022-01-07 14:30", "minute"),
        ("January 2022", "month"),
        ("7 Jan 2022", "day"),
    ],
)
def test_precision_written_is_kept(written, precision):
    assert load_text(text(line(date=written))).events.iloc[0]["precision"] == precision


def test_offsets_are_kept_not_converted():
    dataset = load_text(text(line(date="2022-01-07T14:30+06:00"), line(id="b", date="2022-01-07T14:30Z")))
    events = dataset.events.set_index("id")
    assert events.loc["a", "start"] == pd.Timestamp("2022-01-07 14:30")
    assert events.loc["b", "start"] == pd.Timestamp("2022-01-07 14:30")
    assert events.loc["a", "offset"] == "+06:00" and events.loc["b", "offset"] == "Z"


@pytest.mark.parametrize(
    "written, offset, shown",
    [
        ("2022-01-07 00:45 EST", "-05:00", "7 January 2022, 00:45 (UTC-05:00)"),
        ("2022-01-07 14:30 ALMT", "+06:00", "7 January 2022, 14:30 (UTC+06:00)"),
        ("2022-01-07 14:30 UTC", "Z", "7 January 2022, 14:30 (UTC)"),
    ],
)
def test_a_zone_that_names_one_offset_is_kept_and_shown(written, offset, shown):
    dataset = load_text(text(line(date=written)))
    assert dataset.problems == []
    event = dataset.events.iloc[0]
    assert event["offset"] == offset
    assert timeline.dates.label(event["start"], event["precision"], event["offset"]) == shown


@pytest.mark.parametrize(
    "column, written, fragment",
    [
        ("date", "2022-01-07 14:30 CST", "'CST' names more than one UTC offset"),
        ("date", "2022-01-07 14:30 XYZT", "'XYZT' is not a time zone this program knows"),
        ("end_date", "2022-01-08 14:30 IST", "'IST' names more than one UTC offset"),
        ("published", "2022-01-07 9:00 Mars/Olympus", "'Mars/Olympus' is not a time zone"),
    ],
)
def test_an_unknown_zone_is_a_warning_and_the_time_is_kept_as_written(column, written, fragment):
    values = {"date": "2022-01-07", column: written}
    dataset = load_text(text(line(**values)))
    [problem] = dataset.problems
    assert (problem.row, problem.column, problem.level) == (2, column, W)
    assert fragment in problem.message and repr(written) in problem.message
    assert "the time is kept as written" in problem.message
    assert len(dataset.accounts) == 1
    name = {"date": "start", "end_date": "end", "published": "published_at"}[column]
    assert dataset.accounts[name].iloc[0] == pd.Timestamp(written[:10] + " " + written[11:16].strip())


def test_no_library_warning_is_raised_while_loading(recwarn):
    """dateutil's UnknownTimezoneWarning (and any other) never reaches check or the server's log."""
    load_text(
        text(
            line(date="2022-01-07 14:30 ALMT"),
            line(id="b", date="7 Jan 2022 2pm XYZT"),
            line(id="c", date="Friday 7 January 2022 14:30 CST"),
        )
    )
    assert [str(w.message) for w in recwarn] == []


# Rows as (id, date); the events in order: by start, then as the file first gives them.
EVENT_ORDER = [
    ([("c", "2022-01-09"), ("b", "2022-01-08"), ("a", "2022-01-09")], ["b", "c", "a"]),
    ([("zeta", "2022-01-05"), ("alpha", "2022-01-05"), ("mid", "2022-01-05")], ["zeta", "alpha", "mid"]),
    # an event's place among its day is its first account's, not a later one's
    ([("b", "2022-01-05"), ("a", "2022-01-05"), ("b", "2022-01-05")], ["b", "a"]),
    ([("b", "2022-01-05 10:00"), ("a", "2022-01-05 09:00"), ("c", "2022-01-05")], ["c", "a", "b"]),
    ([("b", "2022-01"), ("a", "2022-01-01"), ("c", "2022")], ["b", "a", "c"]),  # one moment: 1 January
    # a refused first row: the event's first account is its next row
    ([("b", "2022-02-30"), ("a", "2022-01-05"), ("b", "2022-01-05")], ["a", "b"]),
]


@pytest.mark.parametrize("rows, expected", EVENT_ORDER)
def test_events_sorted_by_start_then_file_order(rows, expected):
    dataset = load_text(text(*[line(id=i, date=d, title="T") for i, d in rows]))
    assert dataset.events["id"].tolist() == expected
    assert dataset.events["order"].tolist() == list(range(len(expected)))


def test_sources_counted():
    dataset = load_text(
        text(line(source="A"), line(title="", category="", source="B"), line(title="", category="", source="A"))
    )
    event = dataset.events.iloc[0]
    assert (event["accounts"], event["sources"]) == (3, 2)


@pytest.mark.parametrize("accounts", [2, 16, 17, 40])  # (up to model.FEW_ACCOUNTS, and beyond)
def test_sources_counted_however_many_accounts_an_event_has(accounts):
    # Two events, their accounts interleaved; each names three outlets, in turn.
    rows = []
    for k in range(accounts):
        for event in ("a", "b"):
            first = k == 0
            rows.append(
                line(
                    id=event,
                    title="T" if first else "",
                    category="protest" if first else "",
                    source="ABC"[k % 3] + event,
                )
            )
    events = load_text(text(*rows)).events.set_index("id")
    assert events["accounts"].tolist() == [accounts, accounts]
    assert events["sources"].tolist() == [min(accounts, 3)] * 2


# --- files ----------------------------------------------------------------------------------


def test_no_file(tmp_path):
    dataset = timeline.load(tmp_path / "missing.csv")
    assert where(dataset) == [(0, "", E)]
    assert "there is no file" in dataset.problems[0].message
    assert len(dataset.events) == 0 and "id" in dataset.events.columns


def test_a_directory_is_not_a_file(tmp_path):
    dataset = timeline.load(tmp_path)
    assert where(dataset) == [(0, "", E)]
    assert "cannot be opened" in dataset.problems[0].message


def test_load_records_path_and_signature(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(text(line()))
    dataset = timeline.load(path)
    assert dataset.path == str(path) and dataset.signature[0] == str(path)
    path.write_text(text(line(), line(id="b")))
    assert timeline.load(path).signature != dataset.signature


def test_empty_dataset_has_the_usual_columns():
    dataset = load_text(b"")
    for name in ("id", "start", "end", "precision", "title", "category", "disputed"):
        assert name in dataset.events.columns
    assert "row" in dataset.accounts.columns
    assert dataset.summary() == "0 events, 0 accounts, 1 error, 0 warnings"


# --- the real events.csv --------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return timeline.load(ROOT / "events.csv")


def test_events_csv_has_no_errors(real):
    assert real.errors == [], [p.format("events.csv") for p in real.errors]


def test_events_csv_size(real):
    assert len(real.events) >= 30
    assert len(real.accounts) >= 45
    raw_rows = len(list(csv.reader(io.StringIO((ROOT / "events.csv").read_text("utf-8"))))) - 1
    assert len(real.accounts) == raw_rows


def test_events_csv_shoot_to_kill_order_is_disputed(real):
    events = real.events.set_index("id")
    assert bool(events.loc["shoot-to-kill-order", "disputed"])
    assert events.loc["shoot-to-kill-order", "start"] == pd.Timestamp("2022-01-07")


def test_events_csv_has_spans(real):
    spans = real.events[real.events["end"].notna()]
    assert len(spans) >= 3
    assert (spans["end"] >= spans["start"]).all()
    assert "internet-shutdown" in set(spans["id"])


def test_events_csv_row_numbers_match_the_file(real):
    rows = list(csv.reader(io.StringIO((ROOT / "events.csv").read_text("utf-8"))))
    for account in real.accounts.sample(10, random_state=1).itertuples():
        assert rows[account.row - 1][0] == account.id


def test_errors_warnings_and_rows_left_out():
    dataset = load_text(
        text(
            line(),
            line(id="b", date="2022-02-30", source=""),
            line(id="c", title="<b>x</b>"),
            line(id="d", latitude="99", longitude="1"),
        )
    )
    assert len(dataset.errors) == 3 and len(dataset.warnings) == 1
    assert dataset.rows_left_out == 2
    assert dataset.accounts["row"].tolist() == [2, 4]
    assert dataset.summary() == "2 events, 2 accounts, 3 errors, 1 warning"


@pytest.mark.parametrize(
    "extra",
    [
        b"",
        b"x,y\n",
        b'a,2022,"Quoted, with a comma\nand a line",,protest,,,,,Reuters\n\n',
        b"a,2022,,too,many,fields,,,,,,,,,,,,,,,,,,,,,\n",
    ],
)
def test_a_large_file_parsed_on_every_core_reads_as_on_one(extra, monkeypatch):
    """Files from csvfile.THREADED bytes on are parsed by Arrow's threads first (read again on one
    thread when a row is refused): the same accounts, events and problems, row numbers included."""
    from timeline import csvfile

    data = (ROOT / "events.csv").read_bytes()
    data = data + extra + data.split(b"\n", 1)[1].replace(b"2022-", b"2021-")
    one = timeline.load_bytes(data)
    monkeypatch.setattr(csvfile, "THREADED", 0)
    threads = timeline.load_bytes(data)
    pd.testing.assert_frame_equal(threads.accounts, one.accounts)
    pd.testing.assert_frame_equal(threads.events, one.events)
    assert threads.problems == one.problems


def test_a_large_frame_checked_on_two_threads_says_what_one_thread_does(monkeypatch):
    """From workers.THREADED_ROWS rows on, the columns are checked side by side on two threads: the
    same problems in the same order, accounts and events as when checked one after the other,
    a dropped media link included (its alt text is then not asked for)."""
    from timeline import workers

    rows = [
        line(id="a", title="<b>Bold</b>", category="Protest", location="Paris", media="https://x.org/a.jpg"),
        line(id="a", date="2022-02-30", title="", category="protests", latitude="91", longitude="1"),
        line(id="Bad Id", date="03/04/2022", source="", source_url="www.example.org", figure="1,000"),
        line(id="b", date="2022-01-08", end_date="2022-01-01", title="=SUM(A1)", category="", retracted="maybe"),
        line(id="c", date="1905-07-14", title="Tokayevâ€™s order", category="security", latitude="43.2"),
        line(id="c", date="2022-01-09", title="tokayevâ€™s  ORDER", media="www.pic.jpg", media_credit="AP"),
        line(id="00123", published="not a date", location="Almaty", figure_unit="dead", media_alt="a picture"),
        line(id="d", title="x" * 300, category="=cmd", description="<script>x</script>", claimed_by="a\u202eb"),
    ]
    data = text(*rows * 3)
    one = load_text(data)
    monkeypatch.setattr(workers, "THREADED_ROWS", 0)
    two = load_text(data)
    assert len(one.problems) > 40 and {p.column for p in one.problems} >= {"id", "date", "media_alt", "figure"}
    assert two.problems == one.problems
    pd.testing.assert_frame_equal(two.accounts, one.accounts)
    pd.testing.assert_frame_equal(two.events, one.events)


@pytest.mark.parametrize(
    "lone, extra",
    [
        # values with line breaks, in the last column too: the halves cut at the end of a record
        ("", {"description": "Line one\nline two, with a comma", "claimed_by": "Interior\nMinistry"}),
        # a quote alone inside an unquoted value (5" screen) on the first row: counted, the quotes
        # put the cut inside a quoted value; the first half's last record then ends with the line
        # break its last value swallowed, or has too few values: the file is read whole instead
        ('A 5" screen', {"claimed_by": "Interior\nMinistry"}),
        ('A 5" screen', {"retracted": "yes\n"}),  # (the last column)
    ],
)
def test_a_large_file_parsed_in_halves_reads_as_on_one_thread(lone, extra, monkeypatch):
    """Files from csvfile.THREADED bytes on are parsed in two halves side by side first: the same
    accounts, events and problems as one thread reads, wherever the cut falls."""
    from timeline import csvfile

    rows = [line(id=f"e{i // 3}", date=f"2022-01-{1 + i % 28:02d}", **extra) for i in range(3000)]
    if lone:  # (written as is, unquoted; on the last row too: an odd number of quotes is read by the csv module)
        rows = [line(id="first", title="LONE").replace("LONE", lone), *rows, line(id="last").replace("Title", lone)]
    data = text(*rows)
    one = load_text(data)
    monkeypatch.setattr(csvfile, "THREADED", 0)
    halves = load_text(data)
    assert len(one.accounts) == len(rows) and not one.errors
    pd.testing.assert_frame_equal(halves.accounts, one.accounts)
    pd.testing.assert_frame_equal(halves.events, one.events)
    assert halves.problems == one.problems


@pytest.mark.parametrize(
    "odd",
    [
        "\n",  # a blank line
        ",,,\n",  # a line of a few commas
        "only-an-id\n",  # too few values
        "a,2022,,too,many,fields,,,,,,,,,,,,,,,,,,,,,\n",  # too many
    ],
)
def test_a_large_file_with_rows_that_are_not_rows_is_parsed_in_halves_once(odd, monkeypatch):
    """Refused rows (blank lines, rows of too few or too many values) in both halves, and as the
    last record of the first: each half numbers its own from 1, the second's follow the first's.
    The file is parsed once, in its two halves (it was parsed three times: the halves, Arrow's
    threads, one thread), with the accounts, events and problems one thread finds."""
    from timeline import csvfile

    parses = []
    arrow_table = csvfile._arrow_table
    monkeypatch.setattr(csvfile, "_arrow_table", lambda *a, **k: parses.append(1) or arrow_table(*a, **k))
    # (Around the middle too: the first half's last record refused may be a cut inside a quoted
    # value, and the file is then parsed again, whole.)
    for odd_rows, parsed in (((10, 700, 2200, 2999), 2), ((10, 1497, 1498, 1499, 1500, 1501, 1502, 2999), None)):
        rows = [line(id=f"e{i // 3}", date=f"2022-01-{1 + i % 28:02d}") for i in range(3000)]
        for at in odd_rows:
            rows[at] = odd
        data = text(*rows).encode()
        monkeypatch.setattr(csvfile, "THREADED", 1 << 30)
        one = load_text(data)
        monkeypatch.setattr(csvfile, "THREADED", 0)
        parses.clear()
        halves = load_text(data)
        assert parsed is None or len(parses) == parsed
        assert len(one.accounts) == 3000 - len(odd_rows)
        pd.testing.assert_frame_equal(halves.accounts, one.accounts)
        pd.testing.assert_frame_equal(halves.events, one.events)
        assert halves.problems == one.problems


def test_rows_left_out_before_an_event_s_first_whole_row_are_told_to_fix_its_first_row():
    """An event's first row refused (a bad date) makes the next its first, refused in turn if it
    lacks a title or a category, and so on to the first row that has both. Each such row is told
    that the event's first row in the file is refused, and to fix that first; an event's own first
    row lacking one is told so, as before."""
    data = text(
        line(id="a", date="2022-02-30"),
        line(id="b"),
        line(id="a", title=""),
        line(id="a", title="", category=""),
        line(id="a", category=""),
        line(id="a", title="The first whole row"),
        line(id="a", title=""),
        line(id="c", title=""),
        line(id="c", category=""),
    )
    dataset = load_text(data)
    refused = "row 2, this event's first row, is refused: date '2022-02-30': February 2022 has 28 days, so day 30 does not exist; fix it first"
    first = (
        "title is empty on the first row of this event; the first row of an id names its title: fill it in, or, if "
        "a later row of this id has it (a sort by date may have moved that row down), move that row up"
    )
    assert [(p.row, p.column, p.code, p.message) for p in dataset.problems if p.row > 2] == [
        (4, "id", ProblemCode.FIRST_ROW_REFUSED, refused),
        (5, "id", ProblemCode.FIRST_ROW_REFUSED, refused),
        (6, "id", ProblemCode.FIRST_ROW_REFUSED, refused),
        (9, "title", ProblemCode.FIRST_ROW_EMPTY, first),
        (10, "id", ProblemCode.FIRST_ROW_REFUSED, f"row 9, this event's first row, is refused: {first}; fix it first"),
    ]
    assert dataset.accounts["row"].tolist() == [3, 7, 8]
    assert dataset.events.set_index("id").loc["a", "title"] == "The first whole row"


UNQUOTED = line(id="a", date="2022-01-05", title="Akimat stormed, set on fire").replace('"', "").encode()
SHAPE = (
    "this row has 21 values but the header has 20 columns, so the row is left out; a value with a comma in it "
    "needs double quotes around it. The row begins 'a,2022-01-05,,Akimat stormed, set on fire,,protest... (70 "
    "characters)'"
)


@pytest.mark.parametrize(
    "first_row, last_row, cause",
    [
        pytest.param(UNQUOTED, "", SHAPE, id="a comma unquoted in its title"),
        pytest.param(
            b"a,2022-01-05,,Akimat stormed\n",
            "",
            "this row has 4 values but the header has 20 columns, so the row is left out; every row needs a value "
            "(or an empty place between commas) for each column. The row begins 'a,2022-01-05,,Akimat stormed'",
            id="too few values",
        ),
        pytest.param(
            UNQUOTED,
            line(id="z", title="Never closed").replace("Never", '"Never'),
            SHAPE,
            id="read by the csv module (a quote open in the last row)",
        ),
        pytest.param(line(id="a", title="Akimat stérmed").encode("latin-1"), "", None, id="text that is not UTF-8"),
    ],
)
def test_rows_after_an_event_s_first_row_left_out_as_it_is_read_are_told_to_fix_it(first_row, last_row, cause):
    """An event's first row left out before any check (its shape, its text): the event's rows
    after it, read as its first rows till one has a title and a category, are told that row is
    refused and to fix it first, as for a row refused by a check; not to fill in a title."""
    after = line(id="a", title="", category="") + line(id="a", title="") + last_row
    dataset = load_text(text(line(id="b")).encode() + first_row + after.encode())
    head = next(p for p in dataset.problems if p.row == 3)
    if cause is not None:
        assert head.message == cause
    assert [(p.row, p.column, p.code, p.message) for p in dataset.problems if p.row in (4, 5)] == [
        (
            row,
            "id",
            ProblemCode.FIRST_ROW_REFUSED,
            f"row 3, this event's first row, is refused: {cut(head.message)}; fix it first",
        )
        for row in (4, 5)
    ]
    assert dataset.accounts["row"].tolist() == [2]


def test_a_row_left_out_whose_id_may_have_moved_is_not_taken_for_an_event_s_first_row():
    """Where `id` is not the first column, a comma unquoted before it moves it: the value under
    `id` of a row of too many values may be a piece of its title, and is not taken for its id."""
    data = "title,id,date,category,source\nCurfew,c,a,2022-01-05,protest,AP\nBig march,a,2022-01-06,protest,AP\n,c,2022-01-07,,AP\n"
    dataset = load_text(data)
    assert [(p.row, p.code) for p in dataset.problems if p.level == E] == [
        (2, ProblemCode.EXTRA_VALUES),
        (4, ProblemCode.FIRST_ROW_EMPTY),
        (4, ProblemCode.FIRST_ROW_EMPTY),
    ]
    assert dataset.accounts["row"].tolist() == [3]


def _keep(n: int, out: list[int]) -> np.ndarray:
    keep = np.ones(n, dtype=bool)
    keep[out] = False
    return keep


@pytest.mark.parametrize(
    "out",
    [[0], [299], [150], [150, 151], [3, 77, 200], list(range(1, 300)), list(range(0, 300, 2)), list(range(300))],
    ids=["first", "last", "middle", "two together", "three apart", "all but one", "every other", "all"],
)
@pytest.mark.parametrize("threads", [False, True])
def test_the_rows_kept_are_the_rows_kept(out, threads, monkeypatch):
    # (kept_rows: a few rows left out are taken as runs of the rest; many, by a filter, its
    # columns side by side on two threads from workers.THREADED_ROWS rows on)
    from timeline.load import kept_rows

    monkeypatch.setitem(kept_rows.__globals__, "THREADED_ROWS", 0 if threads else 1 << 40)
    n = 300
    texts = [("x" * (i % 7)) + str(i) for i in range(n)]
    frame = pd.DataFrame(
        {
            "id": pd.Series([f"e-{i}" for i in range(n)], dtype="str"),
            "text": pd.Series(
                pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(texts[:100], pa.large_string()), texts[100:]])),
                dtype="str",
            ),
            "empty": pd.Series([""] * n, dtype="str"),
            "number": np.arange(n, dtype=np.float64),
            "kind": pd.Categorical(["a", "b", "c"] * 100),
        },
        index=pd.RangeIndex(5, n + 5),
    )
    keep = _keep(n, out)
    kept = kept_rows(frame, keep)
    pd.testing.assert_frame_equal(kept, frame[keep].copy())
    for name in ("id", "text", "empty"):
        assert kept[name].array.__arrow_array__().num_chunks <= 1


@pytest.mark.parametrize(
    "dates",
    [
        ["2022-13-45", "2022-13-46", "2022-13-45", "2022-13-45"],  # one bad date on three rows
        ["31/31/2022", "31/31/2022", "yesterday", "31/31/2022"],
        ["2022-01-05", "13/13/2022", "2022-01-06", "13/13/2022"],  # good rows between
    ],
    ids=["a date repeated", "words and numbers", "good rows between"],
)
def test_a_bad_value_on_many_rows_is_said_on_each_with_its_own_value(dates):
    # (A broken save repeats its bad values: each distinct value's message is made once, and
    # each row still gets its own problem, naming its row and its value.)
    header = "id,date,title,category,source\n"
    rows = "".join(f"e-{n},{date},Title {n},protest,AFP\n" for n, date in enumerate(dates))
    data = timeline.load_bytes((header + rows).encode())
    said = [(p.row, p.message) for p in data.errors if p.column == "date" and p.row > 1]  # (not the cause, row 0)
    bad = [(n + 2, date) for n, date in enumerate(dates) if not date.startswith("2022-01")]
    assert [row for row, _ in said] == [row for row, _ in bad]
    for (_, message), (_, date) in zip(said, bad):
        assert repr(date) in message or date in message
    for date in {date for _, date in bad}:
        messages = {message for (_, message), (_, value) in zip(said, bad) if value == date}
        assert len(messages) == 1  # the same value, the same words
    assert len(data.accounts) == len(dates) - len(bad)


QUOTED = "id,date,title,category,source,description\n"


@pytest.mark.parametrize(
    "rows, problems, kept",
    [
        # A value that begins with a quoted phrase: Arrow would read it without its quotes.
        (['a,2022,"Terrorists" blamed,p,S,d'], [(2, "title", E, "would read 'Terrorists blamed'")], []),
        (['a,2022,T,p,"AFP" (France),d'], [(2, "source", E, '\'"""AFP"" (France)"\'')], []),
        # Quotes escaped with a backslash, as MySQL and PHP write them.
        (['a,2022,"Title \\"two\\"",p,S,d'], [(2, "title", E, "escapes its double quotes with a backslash")], []),
        # Quotes where CSV has them, or inside a value that does not begin with one: read as written.
        (['a,2022,Tokayev: "shoot to kill",p,S,d'], [], ['Tokayev: "shoot to kill"']),
        (['a,2022,"He said ""no"" today",p,S,d'], [], ['He said "no" today']),
        (['a,2022,"""Terrorists"" blamed",p,S,d'], [], ['"Terrorists" blamed']),
        (['a,2022,T,p,S,5" of snow', 'b,2022,U,p,S,3" of rain'], [], ["T", "U"]),
        # Row numbers count records, after a value that holds a line break.
        (
            ['a,2022,T,p,S,"two\nlines"', 'b,2022,"Shoot" here,p,S,d', "c,2022,V,p,S,d"],
            [(3, "title", E, "begins with a quoted phrase")],
            ["T", "V"],
        ),
        # An odd number of quotes (read by Python's csv module): the rows after it are read.
        (
            ['a,2022,"Shoot" here,p,S,d', 'b,2022,x "y,p,S,d', "c,2022,V,p,S,d"],
            [(2, "title", E, "begins with a quoted phrase")],
            ['x "y', "V"],
        ),
        # A quote that closes a value after a comma, at a line's start, or after a quote that
        # begins it, with more after it: were read without their quotes, without a word.
        (['a,2022,"Never again," she said,p,S,d'], [(2, "title", E, "would read 'Never again, she said'")], []),
        (['a,2022,T,p,S,"Resigned.\n"We failed" he said."'], [(2, "description", E, "begins with a quoted")], []),
        (['a,2022,""Quoted"" said,p,S,d', "c,2022,V,p,S,d"], [(2, "title", E, "begins with a quoted phrase")], ["V"]),
        (['a,2022,"Never again, she" said,p,S,d'], [(2, "title", E, "would read 'Never again, she said'")], []),
        # Two quotes alone in values (inch marks) put the count of quotes out between them: the
        # row told is still the row the phrase is on (it was a traceback, or the row before it
        # left out), and a file of many quoted values between them is read in no longer time.
        (
            ['a,2022,TV 5" screen,p,S,"Never again," she said', 'b,2022,12" single,p,S,d'],
            [(2, "description", E, "would read 'Never again, she said'")],
            ['12" single'],
        ),
        (
            ['a,2022,TV 5" screen,p,S,d', 'b,2022,12" single,p,S,d', 'c,2022,"Never again," she said,p,S,d'],
            [(4, "title", E, "would read 'Never again, she said'")],
            ['TV 5" screen', '12" single'],
        ),
        # A value of several lines whose last line begins as a row does (a table pasted in): a value.
        (['a,2022,"By city:\nalmaty,2022-01-05,103 dead",p,S,d'], [], ["By city:\nalmaty,2022-01-05,103 dead"]),
        # A quote written twice before the one that closes the value, then more: was read as
        # 'He said "no" loudly' without a word, where the careful reader refused it.
        (['a,2022,"He said ""no""" loudly,p,S,d'], [(2, "title", E, '\'"He said ""no"" loudly"\'')], []),
        (
            ['a,2022,"He said ""no""" loudly,p,S,d', 'b,2022,x "y,p,S,d'],
            [(2, "title", E, "would read 'He said \"no\" loudly'")],
            ['x "y'],
        ),
        # ... and between two quotes alone in values (inch marks), which put the count of quotes out
        (
            ['s,2022,TV 5" set,p,S,d', 'a,2022,"He said ""no""" loudly,p,S,d', 't,2022,A 7" screen,p,S,d'],
            [(3, "title", E, "would read 'He said \"no\" loudly'")],
            ['TV 5" set', 'A 7" screen'],
        ),
        (
            ['a,2022,TV 5" set,p,S,d', 'b,2022,"Never again," she said,p,S,d'],
            [(3, "title", E, "begins with")],
            ['TV 5" set'],
        ),
        # A quoted phrase of two lines, then more: was read as 'two\nlines more' without a word.
        (
            ['a,2022,"two\nlines" more,p,S,d', "c,2022,V,p,S,d"],
            [(2, "title", E, "would read 'two\\nlines more'")],
            ["V"],
        ),
        (['a,2022,T,p,S,"x\ny\nz" w', "c,2022,V,p,S,d"], [(2, "description", E, "begins with a quoted phrase")], ["V"]),
        # ... and so when the careful reader reads the file (an odd number of quotes): not told as
        # a quote never closed, with every row after it lost.
        (
            ['a,2022,"two\nlines" more,p,S,d', 'b,2022,x "y,p,S,d', "c,2022,V,p,S,d"],
            [(2, "title", E, "begins with a quoted phrase")],
            ['x "y', "V"],
        ),
        # A quote opened in one row and closed in the next one's title: that row is not a value's line.
        (
            ['a,2022,"Title,p,S,d', 'b,2022,Shoot" here,p,S,d', "c,2022,V,p,S,d"],
            [(2, "title", E, "looks like a row of its own ('b,2022,Shoot\" here,p,S,d')")],
            ["V"],
        ),
    ],
)
def test_a_quote_in_the_middle_of_a_value_is_said_not_dropped(rows, problems, kept):
    dataset = load_text(QUOTED + "\n".join(rows) + "\n")
    said = [(p.row, p.column, p.level) for p in dataset.problems]
    assert said == [(row, column, level) for row, column, level, _ in problems]
    for problem, (_, _, _, fragment) in zip(dataset.problems, problems):
        assert fragment in problem.message
    assert dataset.accounts["title"].tolist() == kept


def test_a_row_typed_into_a_file_of_tens_of_thousands_of_rows_keeps_its_quotes_or_is_told():
    # (A file of 15,000 rows and more, 5 MB, had its quotes looked at no more: a row typed by hand
    # at its end lost its title's quotes without a word.)
    rows = "".join(f"e-{n},2022-01-05,Title number {n:06d} of many,protest,AFP,{'d' * 300}\n" for n in range(20_000))
    dataset = load_text(QUOTED + rows + 'typed,2022-01-06,"Terrorists" blamed,protest,AFP,d\n')
    assert len(QUOTED + rows) > 5_000_000
    assert [(p.row, p.column, p.level) for p in dataset.problems] == [(20_002, "title", E)]
    assert "would read 'Terrorists blamed'" in dataset.problems[0].message
    assert len(dataset.accounts) == 20_000


def test_a_row_written_for_the_template_s_header_under_a_shorter_one_is_told_which_values_to_delete():
    """The README's examples have a value for each of `template`'s 20 columns; the shipped
    events.csv has 16 (no media): a pasted example was told to quote a value with a comma."""
    shipped = [name for name in schema.NAMES if not name.startswith("media")]
    example = "government-resigns,2022-01-05,,Mamin government resigns,Tokayev accepts.,government,Nur-Sultan,51.1694,71.4491,Sputnik,,2022-01-05,,,,,,,,"
    dataset = load_text(",".join(shipped) + "\n" + example + "\n")
    (problem,) = dataset.problems
    assert problem.message.endswith(
        "so the row is left out; it has a value for each column of the header `python -m timeline template` "
        "writes, and this file's header has no media, media_credit, media_caption and media_alt columns: delete "
        "the row's values for them (the 4 after claimed_by). The row begins 'government-resigns,2022-01-05,,Mamin "
        "government re... (138 characters)'"
    )
    mended = example.split(",")
    del mended[13:17]
    assert load_text(",".join(shipped) + "\n" + ",".join(mended) + "\n").problems == []  # as told, it is read
    # The README's picture: its media values are told to be deleted too (the file has no place for them).
    values = example.split(",")
    values[13:17] = ["https://example.org/a.jpg", "Credit", "Caption", "Alt text"]
    picture = ",".join(values)
    assert (
        "delete the row's values for them" in load_text(",".join(shipped) + "\n" + picture + "\n").problems[0].message
    )
    # A description with four commas unquoted has as many values: it is told to quote it (a
    # review found it told to delete its source, link, date published and claimant).
    for commas in (
        "rally,2022-01-05,,Rally,Police, protesters, journalists, medics, and bystanders were hurt,protest,,,,AP,,,,,,",
        "rally,2022-01-05,,Rally,Police, protesters, journalists, medics, and bystanders,protest,,,,AP,https://a.example/x,2022-01-05,Ministry,,,",
    ):
        (problem,) = load_text(",".join(shipped) + "\n" + commas + "\n").problems
        assert "a value with a comma in it needs double quotes around it" in problem.message, commas


@pytest.mark.parametrize(
    "row, advice",
    [
        ("a,2022,T,p,S,d,x", "a value with a comma in it needs double quotes"),
        ('a,2022,"He said \\"we want fair prices\\", then",p,S,d', "escaped with a backslash"),
        # a comma in a value, and the last values empty (as they often are): no advice to delete one
        ("a,2022,T,p,S,d,", "a value with a comma in it needs double quotes"),
    ],
)
def test_a_row_with_values_too_many_is_told_why(row, advice):
    dataset = load_text(QUOTED + row + "\n")
    (problem,) = dataset.problems
    assert (problem.row, problem.level, problem.code) == (2, E, ProblemCode.EXTRA_VALUES)
    assert advice in problem.message


NEXT_YEAR, TODAY = datetime.now().year + 1, datetime.now().date().isoformat()


@pytest.mark.parametrize(
    "date, published, retracted, said",
    [
        ("2022-01-05", "2021-01-03", "", [(2, "published", W)]),  # (a January date with last year's year)
        ("2022-01-05", "2022-01-07", "", []),
        ("2022-01-05", "2021-12-20", "", []),  # (an announcement of what is planned)
        ("2022-01", "2021-06", "", [(2, "published", W)]),
        ("2022-01-05", "2022-01-07", "2022-01-01", [(2, "retracted", W)]),  # (withdrawn before published)
        ("2022-01-05", "2022-01-07", "2022-01-09", []),
        ("2022-01-05", "2022-01-15", "2022-01", []),  # (a month: it may be the 20th)
        ("2022-01-05", "2022-01-07T10:00+05:00", "2022-01-07T06:00Z", []),  # (the same day, as zones say it)
        ("2022-01-05", "", "2022-01-01", []),
        ("2022-01-05", "2022-01-07", "yes", []),
        # published or withdrawn after today (2032 for 2022): was read without a word, and the account
        # left out of every view as of a date until then
        ("2022-01-05", f"{NEXT_YEAR}-01-07", "", [(2, "published", W)]),
        ("2022-01-05", f"{NEXT_YEAR}", "", [(2, "published", W)]),
        ("2022-01-05", "2022-01-07", f"{NEXT_YEAR}-01-09", [(2, "retracted", W)]),
        (TODAY, TODAY, TODAY, []),  # (today is no day ahead)
    ],
)
def test_an_account_published_before_its_event_or_withdrawn_before_published_is_warned_about(
    date, published, retracted, said
):
    dataset = load_text(f"id,date,title,category,source,published,retracted\na,{date},T,p,S,{published},{retracted}\n")
    assert where(dataset) == said
    assert len(dataset.accounts) == 1


@pytest.mark.parametrize(
    "date, published, meant",
    [
        ("5 January 202", "2022-01-06", "5 January 2022"),  # (the last digit left out)
        ("January 222", "2022-01-06", None),  # (another digit left out: as often AD 220 beside a 2020 source)
        ("220", "2020-05-01", None),
        ("202", "2022-03-01", "2022"),
        ("January 5, 201", "2015-01-06", "January 5, 2015"),
        # a year before 1000 meant so: written with four digits or with AD, or published at the time
        ("0202-01-05", "2022-01-06", None),
        ("5 January 202 AD", "2022-01-06", None),
        ("AD 202", "2022-01-06", None),
        ("5 January 202", "", None),
        ("28 October 312", "2021-05-01", None),  # (no digit of 2021 left out gives 312)
        ("5 January 2022", "2022-01-06", None),
    ],
)
def test_a_year_with_a_digit_left_out_is_warned_about(date, published, meant):
    """`5 January 202` in a row published in 2022: read as written (AD 202), with a warning that
    says the date meant; a history file says a year before 1000 is meant by writing 0202 or AD."""
    dataset = load_text(f'id,date,title,category,source,published\na,"{date}",T,p,S,{published}\n')
    assert len(dataset.accounts) == 1
    if meant is None:
        assert dataset.problems == []
        return
    (problem,) = dataset.problems
    assert (problem.row, problem.column, problem.level) == (2, "date", W)
    assert f"write it in full ({meant})" in problem.message


MIDNIGHT_SAVE = (  # (a day and a span saved in a date and time format beside the one time written)
    "blackout,2022-01-05 16:30,,National internet blackout,communications,NetBlocks\n"
    "blackout,2022-01-05 00:00,,,,Reuters\n"
    "shutdown,2022-01-04 00:00,2022-01-10 00:00,Internet shutdown,communications,NetBlocks\n"
)


@pytest.mark.parametrize(
    "body, told",
    [
        (MIDNIGHT_SAVE, [(0, ""), (3, "date"), (4, "date"), (4, "end_date")]),
        (
            'a,"Jan 5, 2022 4:30 PM",,A,c,S\nb,"Jan 5, 2022 12:00 AM",,B,c,S\nc,"Jan 4, 2022 12:00 AM",,C,c,S\n',
            [(0, ""), (3, "date"), (4, "date")],
        ),
        # two days at 00:00 and nothing else timed (a curfew at midnight, twice: said, as a program's are)
        ("a,2022-01-05 00:00,,A,c,S\nb,2022-01-06 00:00,,B,c,S\n", [(0, ""), (2, "date"), (3, "date")]),
        # not where they are few among the times, nor at an offset, nor one alone
        ("a,2022-01-05 00:00,,A,c,S\nb,2022-01-06 16:30,,B,c,S\n", []),
        (
            "a,2022-01-05 00:00,,A,c,S\nb,2022-01-06 00:00,,B,c,S\n"
            + "".join(f"t{i},2022-01-0{i} 1{i}:30,,T,c,S\n" for i in range(1, 4)),
            [],
        ),
        ("a,2022-01-05 00:00+06:00,,A,c,S\nb,2022-01-06 00:00+06:00,,B,c,S\n", []),
        # (a review's: curfews from 00:00 beside days written without a time are meant)
        (
            "a,2022-01-05 00:00,2022-01-05 07:00,A,c,S\nb,2022-01-06 00:00,2022-01-06 07:00,B,c,S\n"
            "c,2022-01-07 10:00,,C,c,S\nd,2022-01-06,,D,c,S\n",
            [],
        ),
        ("a,2022-01-05,2022-01-10 00:00,A,c,S\n", []),
    ],
)
def test_days_a_program_wrote_at_midnight_are_told_where_they_are_most_of_the_times(body, told):
    """A column formatted yyyy-mm-dd hh:mm (LibreOffice's ISO date and time, an Excel custom format,
    pandas' date_format) writes each day at 00:00: read as midnight, an account of the day
    disagrees with another's 16:30 and a span ends as its last day begins. Read as written, told."""
    dataset = load_text("id,date,end_date,title,category,source\n" + body)
    assert [(p.row, p.column) for p in dataset.problems] == told
    assert all(p.level == W for p in dataset.problems) and len(dataset.accounts) == body.count("\n")
    if told:
        assert "yyyy-mm-dd hh:mm" in dataset.problems[1].message and "if only the day is known, write 2022-01-0" in (
            dataset.problems[1].message
        )


@pytest.mark.parametrize(
    "body, told",
    [
        # a CMS's export from Almaty (JavaScript's toISOString): 5 January began at 18:00 UTC on the 4th
        (
            "a,2022-01-01T18:00:00.000Z,2022-01-06T18:00:00.000Z,A,c,S\nb,2022-01-04T18:00:00.000Z,,B,c,S\n"
            "c,2022-01-05T18:00:00Z,,C,c,S\n",
            {
                (2, "date"): "2 January 2022",
                (2, "end_date"): "7 January 2022",
                (3, "date"): "5 January 2022",
                (4, "date"): "6 January 2022",
            },
        ),
        # ... from New York (midnight at -05:00 is 05:00 UTC: the same day), or written at +00:00
        (
            "a,2022-01-05T05:00:00Z,,A,c,S\nb,2022-01-06T05:00:00Z,,B,c,S\n",
            {(2, "date"): "5 January 2022", (3, "date"): "6 January 2022"},
        ),
        (
            "a,2022-01-05 18:00:00+00:00,,A,c,S\nb,2022-01-06 18:00:00+00:00,,B,c,S\n",
            {(2, "date"): "6 January 2022", (3, "date"): "7 January 2022"},
        ),
        # a place's clocks in winter and in summer (Paris: 23:00 and 22:00 UTC), each its own day
        (
            "a,2022-01-04T23:00:00.000Z,,A,c,S\nb,2022-07-04T22:00:00.000Z,,B,c,S\nc,2022-07-05T22:00:00.000Z,,C,c,S\n"
            "d,2022-01-05T23:00:00.000Z,,D,c,S\n",
            {
                (2, "date"): "5 January 2022",
                (3, "date"): "5 July 2022",
                (4, "date"): "6 July 2022",
                (5, "date"): "6 January 2022",
            },
        ),
        # not an hourly feed: one time twice and the hours either side of it once (a probe's)
        (
            "a,2022-01-04T14:00:00Z,,A,c,S\nb,2022-01-04T15:00:00Z,,B,c,S\nc,2022-01-05T15:00:00Z,,C,c,S\n"
            "d,2022-01-04T16:00:00Z,,D,c,S\ne,2022-01-04T17:00:00Z,,E,c,S\n",
            {},
        ),
        # not spans of times each day (10:00 to 18:00 UTC), told as two places' days (a probe's)
        (
            "a,2022-01-04T10:00:00Z,2022-01-04T18:00:00Z,A,c,S\nb,2022-01-05T10:00:00Z,2022-01-05T18:00:00Z,B,c,S\n"
            "c,2022-01-06T10:00:00Z,2022-01-06T18:00:00Z,C,c,S\n",
            {},
        ),
        # not where the column has times at another offset too (a program keeping days in UTC writes all so)
        (
            "a,2022-01-04T18:00:00+00:00,,A,c,S\nb,2022-01-05T18:00:00+00:00,,B,c,S\nc,2022-01-06T12:13:00+06:00,,C,c,S\n"
            "d,2022-01-06T10:13:00-05:00,,D,c,S\n",
            {},
        ),
        # Hawaii's midnight (10:00 UTC), not Kiribati's: the same day (a review's)
        (
            "a,2022-01-05T10:00:00Z,,A,c,S\nb,2022-01-06T10:00:00Z,,B,c,S\n",
            {(2, "date"): "5 January 2022", (3, "date"): "6 January 2022"},
        ),
        # St John's in summer (-02:30) and in winter (-03:30); a pair on one side of the date line, as the
        # most's (10:00 UTC is Hawaii's, so 11:00 beside it is -11:00's, not New Zealand's: a review's)
        (
            "a,2022-07-05T02:30:00Z,,A,c,S\nb,2022-07-06T02:30:00Z,,B,c,S\nc,2022-01-05T03:30:00Z,,C,c,S\n"
            "d,2022-01-06T03:30:00Z,,D,c,S\n",
            {
                (2, "date"): "5 July 2022",
                (3, "date"): "6 July 2022",
                (4, "date"): "5 January 2022",
                (5, "date"): "6 January 2022",
            },
        ),
        (
            "a,2022-01-05T10:00:00Z,,A,c,S\nb,2022-01-06T10:00:00Z,,B,c,S\nc,2022-07-05T11:00:00Z,,C,c,S\n"
            "d,2022-07-06T11:00:00Z,,D,c,S\n",
            {
                (2, "date"): "5 January 2022",
                (3, "date"): "6 January 2022",
                (4, "date"): "5 July 2022",
                (5, "date"): "6 July 2022",
            },
        ),
        # not a time with its seconds' fraction written (18:00:00.500), which no program writes for a day
        ("a,2022-01-05T18:00:00.500Z,,A,c,S\nb,2022-01-06T18:00:00.500Z,,B,c,S\n", {}),
        # not at another offset than UTC (a daily briefing at 09:00 in Almaty), nor at an offset no place keeps
        ("a,2022-01-05T19:00:00+01:00,,A,c,S\nb,2022-01-06T19:00:00+01:00,,B,c,S\n", {}),
        ("a,2022-01-05T14:15:00Z,,A,c,S\nb,2022-01-06T14:15:00Z,,B,c,S\n", {}),
        # not: times as the editor writes them (no seconds), noon in UTC (a day kept the same everywhere),
        # times at no offset, few among the times, one alone, days among them, midnight (_days_at_midnight's)
        ("a,2022-01-05 18:00Z,,A,c,S\nb,2022-01-06 18:00Z,,B,c,S\n", {}),
        ("a,2022-01-05T12:00:00Z,,A,c,S\nb,2022-01-06T12:00:00Z,,B,c,S\n", {}),
        ("a,2022-01-05T18:00:00,,A,c,S\nb,2022-01-06T18:00:00,,B,c,S\n", {}),
        (
            "a,2022-01-05T18:00:00Z,,A,c,S\nb,2022-01-06T18:00:00Z,,B,c,S\n"
            + "".join(f"t{i},2022-01-0{i}T1{i}:31:00Z,,T,c,S\n" for i in range(1, 4)),
            {},
        ),
        ("a,2022-01-05T18:00:00Z,,A,c,S\n", {}),
        ("a,2022-01-05T18:00:00Z,,A,c,S\nb,2022-01-06T18:00:00Z,,B,c,S\nc,2022-01-07,,C,c,S\n", {}),
        (
            "a,2022-01-05T00:00:00+06:00,,A,c,S\nb,2022-01-06T00:00:00+06:00,,B,c,S\n",
            {(2, "date"): None, (3, "date"): None},
        ),
    ],
)
def test_days_a_program_wrote_as_another_place_s_midnight_in_utc_are_told(body, told):
    """A date picker or a CMS east of UTC keeps 5 January as the moment it began there, and its
    export writes that in UTC: `2022-01-04T18:00:00.000Z`. Read as written, every event was a
    day early and a span ended a day early, with 0 warnings (a probe's finding). Where most of a
    column's times are one such time of day, each is told with the day to write; read as written."""
    dataset = load_text("id,date,end_date,title,category,source\n" + body)
    assert len(dataset.accounts) == body.count("\n")
    found = {(p.row, p.column): p.message for p in dataset.problems}
    assert set(found) == set(told), found
    for (row, column), day in told.items():
        if day is None:  # (midnight at its own offset: told as a program's midnight, not as another place's)
            assert "00:00" in found[row, column]
            continue
        assert f"if the {'span ends on' if column == 'end_date' else 'day'} {day}" in found[row, column]
        assert "midnight at UTC" in found[row, column]


@pytest.mark.parametrize(
    "body, row, meant",
    [
        # two dates are too few to call either apart: a year of three digits that the other's begins is told
        ("a,6 January 202\nb,2022-01-05\n", 2, "6 January 2022"),
        ("a,2022-01-05\nb,202\n", 3, "2022"),
        ("a,Jan 7 202\nb,2021-12-30\nc,2021-12-31\nd,2022-01-05\n", 2, "Jan 7 2021"),  # (the most of them)
        # ... and where years_apart would say it is far before them, the digit left out is said
        ("a,6 January 202\n" + "".join(f"e{i},2022-01-0{i}\n" for i in range(1, 10)), 2, "6 January 2022"),
        # a year before 1000 meant so, or no year of the file that it begins
        ("a,0202-01-06\nb,2022-01-05\n", None, None),
        ("a,6 January 202 AD\nb,2022-01-05\n", None, None),
        ("a,6 January 202\nb,2019-01-05\n", None, None),
        ("a,6 January 202\nb,6 January 203\n", None, None),
        # a history of centuries: its years before 1000 are as likely meant (a review's: 117 told as 1176)
        ("a,117\nb,145\nc,476\nd,1176\ne,1453\nf,1945\n", None, None),
    ],
)
def test_a_year_of_three_digits_that_the_file_s_years_begin_is_told(body, row, meant):
    """`6 January 202` beside dates of 2022, with no date of publication to compare it with
    (test_a_year_with_a_digit_left_out_is_warned_about): told on the year's last row, as a year
    apart is, with the date meant; read as written."""
    dataset = load_text("id,date,title,category,source\n" + body.replace("\n", ",T,p,S\n"))
    assert len(dataset.accounts) == body.count("\n")
    if row is None:
        assert dataset.problems == []
        return
    (problem,) = dataset.problems
    assert (problem.row, problem.column, problem.level, problem.code) == (row, "date", W, ProblemCode.YEAR_APART)
    assert (
        f"where the file's other dates are in {meant[-4:]}: if a digit of the year was left out, write it in full ({meant})"
        in problem.message
    )


FAR_AHEAD = datetime.now().year + timeline.dates.FAR_AHEAD + 1  # (a year told as far ahead, whatever the year now)


@pytest.mark.parametrize(
    "counted, apart, others",
    [
        ({2022: 80, 1022: 1}, [1022], (2022, 2022)),
        ({2017: 1, 2020: 1, 2021: 2, 2022: 80, 1430: 1}, [1430], (2017, 2022)),  # (7 January 1430: 14:30)
        ({2022: 5, 1922: 1}, [1922], (2022, 2022)),
        ({2022: 50, 1022: 1, 202: 1}, [202, 1022], (2022, 2022)),
        ({2022: 5, 2202: 1, 1022: 1}, [1022], (2022, 2022)),  # (2202 is told as a year ahead)
        ({2022: 80, 1991: 1}, [], (1991, 2022)),  # (background: under YEARS_APART before)
        ({2022: 5, 1980: 1}, [], (1980, 2022)),
        ({2022: 80, 1986: 1, 1916: 1}, [], (1916, 2022)),  # (70 years, but the others span 36)
        ({1465: 1, 1731: 1, 1847: 1, 1917: 2, 1991: 3, 2022: 5}, [], (1465, 2022)),  # (a history)
        ({1022: 3, 2022: 1}, [], (1022, 2022)),  # (most of the file is in 1022: 2022 is after it)
        ({1066: 1, 1492: 1, 1789: 1}, [], (1066, 1789)),  # (a history: from the middle year to the last)
        ({1066: 1, 1215: 1, 1492: 1, 1789: 1, 1914: 1}, [], (1066, 1914)),
        (
            {-499: 2, -43: 1, 79: 1, 476: 1, 1066: 1, 1492: 1, 1789: 1, 1914: 1, 1945: 1, 1991: 1, 2022: 1},
            [],
            (-499, 2022),
        ),
        ({1389: 1, 1914: 3, 1915: 2, 1916: 2, 1917: 1, 1918: 4}, [1389], (1914, 1918)),
        ({2022: 9, 2072: 1, 1622: 1}, [1622, 2072], (2022, 2022)),  # (a typo ahead does not widen the others)
        ({2022: 80, 2072: 1}, [2072], (2022, 2022)),  # (after the others as before them)
        # a year still to come, FUTURE_APART or more after the others: told, however far they spread
        ({2022: 80, 2060: 1}, [2060], (2022, 2022)),
        ({2017: 1, 2020: 1, 2021: 2, 2022: 80, 2072: 1}, [2072], (2017, 2022)),  # (Kazakhstan's, a digit off)
        ({2022: 80, 2040: 1, 2072: 1}, [2040, 2072], (2022, 2022)),
        ({1986: 80, 2022: 1, 2036: 1}, [2036], (1986, 2022)),  # (what came after: under YEARS_APART)
        ({2015: 5, 2020: 5, 2024: 5, 2050: 1}, [2050], (2015, 2024)),  # (a target: told, and kept)
        # ... not nearer, nor where those years hold more than 1 - MOST of the accounts, nor when past
        ({2022: 80, 2030: 1}, [], (2022, 2030)),
        ({2022: 10, 2040: 5}, [], (2022, 2040)),  # (a roadmap's years)
        ({2022: 60, 2024: 10, 2025: 5, 2030: 2, 2035: 2}, [], (2022, 2035)),  # (each under 10 after the last)
        ({2000: 80, 2012: 1}, [], (2000, 2012)),
        ({1900: 30, 1905: 30, 1910: 30, 2022: 1}, [], (1900, 1910)),
        ({2022: 80, FAR_AHEAD: 1}, [], (2022, 2022)),  # (more than FAR_AHEAD ahead of today: told as such)
        ({1945: 40, 2016: 1}, [], (1945, 1945)),  # (after them, but come already: a history's later row)
        ({1914: 4, 1916: 4, 1918: 4, 2014: 1, 2018: 1}, [], (1914, 1918)),
        ({2022: 60, 2023: 8, 2024: 4, 2025: 2}, [], (2022, 2025)),  # (a story that runs on)
        ({1915: 9, 2022: 1, 1015: 1}, [1015], (1915, 1915)),  # (a row of recent years after a history)
        ({2022: 3, 1022: 1}, [], (1022, 2022)),  # (three rows of four: too few to call the fourth apart)
        ({2022: 1}, [], (2022, 2022)),
    ],
)
def test_a_year_far_from_the_file_s_other_dates_is_told_where_they_span_little(counted, apart, others):
    assert load_module.years_apart(counted) == (apart, *others)


BODY_2022 = "".join(f"e{i},2022-01-0{i},T{i},p,S\n" for i in range(1, 6))  # (five events of 2022)


@pytest.mark.parametrize(
    "typo, said",
    [
        (
            "1022-01-07",
            "date '1022-01-07' is in 1022, 1,000 years before the file's other dates (all in 2022): if its year is "
            "mistyped, write the right one; if it is meant, nothing is wrong, but the timeline reaches back to 1022 "
            "to show it",
        ),
        (
            "2072-01-07",  # (after them and in the future)
            "date '2072-01-07' is in 2072, 50 years after the file's other dates (all in 2022): if its year is "
            "mistyped, write the right one; if it is meant, nothing is wrong, but the timeline reaches forward to "
            "2072 to show it",
        ),
    ],
)
def test_a_date_in_a_year_far_from_the_others_is_read_as_written_with_a_warning(typo, said):
    dataset = load_text("id,date,title,category,source\n" + BODY_2022 + f"typo,{typo},T,p,S\n")
    (problem,) = dataset.problems
    assert (problem.row, problem.column, problem.level, problem.code) == (7, "date", W, ProblemCode.YEAR_APART)
    assert problem.message == said
    assert len(dataset.accounts) == 6 and pd.Timestamp(typo) in set(dataset.accounts["start"])


def test_years_far_before_the_others_are_told_on_each_year_s_last_row():
    many = "".join(f"f{i},2022-01-{i:02d},U{i},p,S\n" for i in range(10, 25))
    several = load_text(
        "id,date,title,category,source\n2022-a,2021-12-30,T,p,S\n"
        + BODY_2022
        + many
        + "t1,7 January 1430,T,p,S\nt2,1430-02-01,T,p,S\nt3,1430,T,p,S\nt4,0202-01-05,T,p,S\n"
    )
    assert [(p.row, p.column) for p in several.problems] == [(25, "date"), (26, "date")]  # (each year's last row)
    assert several.problems[0].message.startswith(
        "date '1430' is in 1430, as are 2 more rows, 591 years before the file's other dates (2021 to 2022): if "
        "their year is mistyped"
    )
    assert "is in AD 202, 1,819 years before" in several.problems[1].message


def test_a_year_far_after_the_others_is_told_beside_one_before_them():
    several = load_text(
        "id,date,title,category,source\n"
        + "".join(BODY_2022.replace(",S\n", f",S{k}\n") for k in range(3))  # (15 rows of 2022, each its own)
        + "t1,2072-01-07,T,p,S\nt2,1022-03-01,T,p,S\nt3,2072,T,p,S\n"
    )
    assert [(p.row, p.column) for p in several.problems] == [(18, "date"), (19, "date")]  # (each year's last row)
    assert several.problems[0].message.startswith("date '1022-03-01' is in 1022, 1,000 years before")
    assert several.problems[1].message.startswith("date '2072' is in 2072, as is 1 more row, 50 years after")


@pytest.mark.parametrize(
    "row, said",
    [
        ("a,0001-01-01,T,p,S,", "the first day .NET and Go can hold"),  # (a stand-in day is told as that alone)
        ("a,1905-07-14,T,p,S,", "a spreadsheet"),  # (a year made a day)
        ('a,"5 January 202",T,p,S,2022-01-06', "write it in full (5 January 2022)"),  # (a digit left out)
        ("a,7 Jan '45,T,p,S,", "1945"),  # (a year of two digits, its century named)
    ],
)
def test_a_date_told_already_is_not_told_again_as_a_year_apart(row, said):
    body = "".join(f"e{i},2022-01-0{i},T{i},p,S,\n" for i in range(1, 6))
    dataset = load_text("id,date,title,category,source,published\n" + body + row + "\n")
    assert [p.code for p in dataset.problems if p.row == 7 and p.column == "date"] == [ProblemCode.OTHER]
    assert said in dataset.problems[-1].message
    assert ProblemCode.YEAR_APART not in {p.code for p in dataset.problems}


def test_a_date_told_of_something_else_than_its_year_is_still_weighed_among_the_years():
    """Every date of a file that pandas wrote ends in 00:00:00, told so: 1022 among them is told too."""
    body = "".join(f"e{i},2022-01-0{i} 00:00:00,T{i},p,S\n" for i in range(1, 6))
    dataset = load_text("id,date,title,category,source\n" + body + "typo,1022-01-07 00:00:00,T,p,S\n")
    assert [p.code for p in dataset.problems if p.row == 7] == [ProblemCode.OTHER, ProblemCode.YEAR_APART]


def test_a_row_left_out_by_an_error_is_not_counted_among_the_years():
    body = "".join(f"e{i},2022-01-0{i},T{i},p,S\n" for i in range(1, 6))
    dataset = load_text("id,date,title,category,source\n" + body + "Bad Id,1022-01-07,T,p,S\n")
    assert [(p.row, p.column, p.level) for p in dataset.problems] == [(7, "id", E)]


@pytest.mark.parametrize(
    "first_lines, line",
    [
        ("sep=,\n", 2),  # (Excel's separator hint)
        ("\n", 2),
        ("Table 1\n", 2),  # (Apple Numbers' table name)
        ("Kazakhstan chronology\n\n", 3),
    ],
)
def test_a_line_above_the_header_is_named_once(first_lines, line):
    dataset = load_text(first_lines + "id,date,title,category,source\na,2022,T,p,S\n")
    (problem,) = dataset.problems
    assert (problem.row, problem.level, problem.code) == (1, E, ProblemCode.HEADER)
    assert f"is not the header line, which is line {line}: delete every line" in problem.message


def test_a_row_repeating_the_header_is_one_error():
    data = "id,date,title,category,source\na,2022,T,p,S\nid,date,title,category,source\nb,2022,U,p,S\n"
    data += "ID,Date,Title,Category,Source\nid,2022,V,p,S\n"  # (an event whose id is "id" is an event)
    dataset = load_text(data)
    assert where(dataset) == [(3, "", E), (5, "", E)]
    assert all("repeats the header line" in p.message for p in dataset.problems)
    assert dataset.accounts["title"].tolist() == ["T", "U", "V"]


def test_two_files_joined_with_cat_each_with_its_byte_order_mark_repeat_the_header_once():
    """`cat one.csv two.csv`, both saved by Excel (CSV UTF-8): the second's byte order mark is
    mid-file, before its header; that line is the header again, not an id '\ufeffid'."""
    one = "\ufeffid,date,title,category,source\na,2022-01-05,A,p,S\n"
    for two in (
        "\ufeffid,date,title,category,source\r\nb,2022-01-06,B,p,S\r\n",
        '\ufeff"id","date","title","category","source"\nb,2022-01-06,B,p,S\n',  # (its names quoted)
    ):
        dataset = timeline.load_bytes((one + two).encode("utf-8"))
        assert where(dataset) == [(3, "", E)]
        assert "repeats the header line" in dataset.problems[0].message
        assert dataset.accounts["id"].tolist() == ["a", "b"]


def test_a_quote_in_a_value_beside_a_value_of_several_lines_is_read_as_written():
    """An inch mark in a value that does not begin with a quote, on a row whose next value runs
    over two lines: the line alone ends inside a quoted value, which is no misplaced quote."""
    dataset = load_text(QUOTED + 'a,2022,New 5" or 6" phone,p,S,"two\nlines"\nb,2022,U,p,S,d\n')
    assert dataset.problems == []
    assert dataset.accounts["title"].tolist() == ['New 5" or 6" phone', "U"]


def test_the_value_that_lost_its_quotes_is_named_not_an_inch_mark_before_it():
    dataset = load_text(QUOTED + 'a,2022,New 5" phone,p,"AFP" (France),d\n')
    assert where(dataset) == [(2, "source", E)]
    assert "'\"AFP\" (France)'" in dataset.problems[0].message


@pytest.mark.parametrize(
    "written, warned",
    [
        # where the column writes two years with a hyphen (1826-31, refused as two years), a month
        # that two years could be written the same as is said with both readings
        (["1826-31", "1911-12"], {"1911-12": ("December 1911", 1911, 1912)}),
        (
            ["1911-12", "1984-85", "1905-07", "2005-12"],
            {
                "1911-12": ("December 1911", 1911, 1912),
                "1905-07": ("July 1905", 1905, 1907),
                "2005-12": ("December 2005", 2005, 2012),
            },
        ),
        # a month two years cannot be (2022-05 would end before it starts), or written otherwise
        (["1826-31", "2022-05", "December 1911", "1911-12-01"], {}),
        # no two years in the column: a month is a month, as ISO writes it
        (["1911-12", "1905-07", "2022-01-07"], {}),
    ],
)
def test_a_month_that_may_be_two_years_is_said_where_the_column_writes_two_years_so(written, warned):
    dataset = load_text(text(*(line(id=f"e{n}", date=value) for n, value in enumerate(written))))
    said = {p.message.split("'")[1]: p for p in dataset.problems if p.level == WARNING and p.column == "date"}
    assert set(said) == set(warned)
    for value, (month, first, last) in warned.items():
        assert said[value].row == written.index(value) + 2
        assert said[value].message == (
            f"date {value!r}: is read as the month {month}, but date also holds two years written so "
            f"({min(v for v in written if v not in warned and v[5:].isdigit() and int(v[5:]) > 12)!r}): "
            f"if it is the years {first} to {last}, write {first} in date and {last} in end_date; if it is the "
            f"month, write {month} to say so"
        )
    # read as the month all the same: the warning keeps the row and its date
    kept = dataset.accounts.set_index("id")["date"].astype(str).to_dict()
    assert all(kept[f"e{written.index(value)}"].startswith(value) for value in warned)


@pytest.mark.parametrize("marks", [2, 3])
def test_a_byte_order_mark_written_more_than_once_is_said_as_what_it_is(marks):
    """A program that adds a byte order mark to a file that has one: the header's first name then
    starts with an invisible character, and "rename '\\ufeffid' to 'id'" could not be acted on."""
    data = b"\xef\xbb\xbf" * marks + b"id,date,title,category,source\nx,2022-01-01,T,c,S\n"
    [problem] = timeline.load_bytes(data).problems
    assert (problem.row, problem.column, problem.level) == (1, "id", "error")
    assert str(problem.message).startswith("the file starts with a byte order mark more than once")
    assert "press Backspace until it deletes nothing more" in str(problem.message)


@pytest.mark.parametrize(
    "encoding, title, said",
    [
        ("cp1251", "Токаев выступил с обращением к народу", "Cyrillic (Windows-1251)"),
        ("cp1253", "Διαδηλώσεις στην Αθήνα για τις τιμές του φυσικού αερίου", "Greek (Windows-1253)"),
        ("cp1255", "הפגנות בלב תל אביב נגד מחירי הגז והממשלה", "Hebrew (Windows-1255)"),
        # (Persian, its ی written as Arabic's ي, as Windows-1256 has it)
        ("cp1256", "اعتراضات در آلماتي به دليل افزايش قيمت گاز ادامه دارد", "Arabic (Windows-1256)"),
        ("koi8-r", "Токаев выступил с обращением к народу", "Cyrillic (KOI8-R)"),
        # (DOS-866, which charset-normalizer takes for Ukrainian CP1125: was told as Western text)
        ("cp866", "Токаев выступил с обращением к народу", "Cyrillic (DOS-866)"),
        ("cp866", "Протестующие захватили здание акимата в Алматы", "Cyrillic (DOS-866)"),
        ("cp1125", "Протестувальники захопили будівлю акімату в Алмати", "Cyrillic (CP1125)"),
        ("cp932", "アルマトイで燃料価格の値上げに抗議するデモ", "Japanese (Shift-JIS)"),
        # (Latin letters beside Western's, which Windows-1252 reads as others for good: ł ą ż as
        # ³ ¹ ¿, ğ ş ı as ð þ ý, ř ě as ø ì; all were told as Western text)
        ("cp1250", "Władze ogłosiły stan wyjątkowy w całym kraju", "Central European (Windows-1250)"),
        ("iso8859_2", "Władze ogłosiły stan wyjątkowy w całym kraju", "Central European (ISO-8859-2)"),
        ("cp1250", "Úřady vyhlásily výjimečný stav a vojáci střílejí ve městě", "Central European (Windows-1250)"),
        # (Czech as ISO-8859-2 has it, without its letters Windows-1250 reads as signs: š ž are
        # Windows-1250's ą ľ, and were told so)
        ("iso8859_2", "Úřady vyhlásily výjimečný stav, šest mužů zraněno ve městě", "Central European (ISO-8859-2)"),
        ("cp1250", "Úřady vyhlásily výjimečný stav, šest mužů zraněno ve městě", "Central European (Windows-1250)"),
        # (Slovak with a Czech name: was told ISO-8859-2, whose ž is its ľ)
        ("cp1250", "Veľká pocta pre Dvořáka; veľmi pekný deň", "Central European (Windows-1250)"),
        # (Slovak: in Windows-1250, its ľ alone reads as a sign in Western text, ¾, and was told
        # so; in ISO-8859-2, its š ž (Windows-1250's ą ľ) were told Windows-1250, and its ľ is µ)
        (
            "cp1250",
            "Veľké protesty v Bratislave: ľudia žiadajú zmenu, polícia zasiahla veľmi tvrdo",
            "Central European (Windows-1250)",
        ),
        (
            "iso8859_2",
            "Veľké protesty v Bratislave: ľudia žiadajú zmenu, polícia zasiahla veľmi tvrdo",
            "Central European (ISO-8859-2)",
        ),
        ("iso8859_2", "Polícia zatkla šesť mužov v Košiciach, ťažké zranenia", "Central European (ISO-8859-2)"),
        ("cp1250", "A tüntetők szerint a hatóságok a szűkös üzemanyag miatt léptek", "Central European (Windows-1250)"),
        ("cp1254", "Yetkililer olağanüstü hal ilan etti ve askerler ateş açtı", "Turkish (Windows-1254)"),
        # (Latvian and Lithuanian; Western Europe's letters as a Mac and DOS save them: each was told as
        # Western text, Windows-1252, which reads them as others for good, atkâpðanos, cafŽ, caf‚)
        ("cp1257", "Cilvēki pulcējās; žurnālisti ziņo par atkāpšanos", "Baltic (Windows-1257)"),
        ("cp1257", "Žmonės užėmė aikštę, Sąjūdis reikalavo vyriausybės atsistatydinimo", "Baltic (Windows-1257)"),
        ("cp1257", "Saeima pieņēma likumu ceturtdien; Rīga, Jūrmala, Liepāja", "Baltic (Windows-1257)"),
        ("mac_roman", "Le café de Señor García est fermé; déclaration à 14h", "Mac Roman"),
        ("mac_roman", "Die Behörden verhängten den Ausnahmezustand; Tokajew äußerte sich", "Mac Roman"),
        ("cp850", "Las autoridades declararon el estado de emergencia en todo el país", "DOS-850"),
        ("cp850", "Die Behörden verhängten den Ausnahmezustand; Tokajew äußerte sich", "DOS-850"),
    ],
)
def test_a_file_saved_in_another_script_s_code_page_is_told_so_first_not_as_latin_1(encoding, title, said):
    """Its cause, said first of the whole file, agrees with its rows: open it as that script (opened
    as Western text and saved, its words would be garbled for good)."""
    rows = [line(id=f"r{n}", title=title) for n in range(3)]
    dataset = load_text(text(line()).encode() + "".join(rows).encode(encoding))
    first = dataset.problems[0]
    assert (first.row, first.level) == (0, E)
    assert f"the file was saved in {said}" in first.message and f"open it as {said}" in first.message
    assert all(f"open it as {said}" in p.message for p in dataset.problems if p.row)


@pytest.mark.parametrize(
    "encoding, title",
    [
        ("cp1252", "Die Behörden verhängten den Ausnahmezustand; Tokajew äußerte sich"),
        ("cp1252", "Les autorités ont décrété l'état d'urgence; un sœur à l'aéroport, sûr"),
        ("cp1252", "Las autoridades declararon el estado de emergencia en todo el país. ¿Quién?"),
        ("cp1252", "As autoridades declararam emergência: eleições, põe, informações"),
        ("cp1252", "Yfirvöld lýstu yfir neyðarástandi og þeir hófu skothríð; æfing"),
        ("cp1252", "Støre og Søren på møtet i Tromsø, così più città"),
        ("latin-1", "Ðakovo, Þórshöfn and Ýsa: place names in a gazetteer"),
        # (a review's: opening marks before ¿, Icelandic without æ, names from several languages,
        # signs between letters; each was told Central European or Turkish, and add's iconv
        # from that code page garbled the file: «żQué pasó?», Alşingi)
        ("cp1252", "«¿Qué pasó?» pregunta España, “¿Por qué?” ¡¿Cómo?!"),
        ("cp1252", "Alþingi samþykkir ný fjárlög"),
        ("cp1252", "5 août 2022: Simões and Jüri Tõnisson"),
        ("cp1252", "Meloni: “Lunedì” incontro con Støre"),
        ("cp1252", "Sìne Nìc Dhòmhnaill meets Støre"),
        ("cp1252", "GBP£bn and £¥swap, Smith¹²"),
        ("cp1252", "Die Lösung enthält 5 µg Blei; µTorrent, ¾ Stunde"),
        # (a review's: dashes and ellipses with no space, told Mac Roman or DOS-850; Icelandic with names
        # from elsewhere, told Baltic; each with an iconv that garbled it)
        ("cp1252", "Attack at dawn—witnesses say officials didn’t comment—yet; he was…unsure"),
        ("cp1252", "Alþingi samþykkti frumvarpið; fundur með Françoise Hardy og Jørgen"),
    ],
)
def test_western_text_is_told_as_western_text(encoding, title):
    """Text of Western Europe's languages (and Iceland's, whose ð þ ý are Turkish's ğ ş ı in
    Windows-1254) is not taken for Central European or Turkish text: told to be saved as UTF-8."""
    rows = [line(id=f"r{n}", title=title) for n in range(3)]
    first = load_text(text(line()).encode() + "".join(rows).encode(encoding)).problems[0]
    assert "was saved as Windows-1252 or Latin-1" in first.message


@pytest.mark.parametrize("utf8, other", [("Bürgermeister in Zürich", "Köln"), ("Córdoba y León", "Cádiz")])
def test_a_utf8_file_with_a_row_of_another_encoding_is_not_told_to_be_opened_as_one(utf8, other):
    """Opened as Windows-1250, its UTF-8 rows would be garbled (Córdoba: CĂłrdoba): the bytes
    of UTF-8's letters are not looked at for a code page (ü's 0xBC is Windows-1250's ľ)."""
    rows = [line(id=f"r{n}", title=f"{utf8} {n}").encode() for n in range(4)]
    rows.append(line(id="x", title=other).encode("cp1252"))
    problems = load_text(text(line()).encode() + b"".join(rows)).problems
    assert "the file was probably saved as Latin-1 or Windows-1252" in problems[0].message
    assert not any("Central European" in p.message or "Windows-1250" in p.message for p in problems)


@pytest.mark.parametrize("end", ["\n", "\r", "\r\n"])
def test_the_code_page_of_a_file_is_told_from_its_lines_however_they_end(end):
    """An old Mac's lines end with a carriage return alone: its sample is its lines too, not the file."""
    from timeline.csvfile import code_page

    rows = "".join(
        f"e{n},2022-01-05,アルマトイで燃料価格の値上げに抗議するデモ {n},protest,AP{end}" for n in range(2000)
    )
    assert code_page(rows.encode("cp932")).name == "Shift-JIS"


@pytest.mark.parametrize(
    "distinct, take, keep",
    [
        (["day", "minute", "day"], [0, 1, 2, 1, 0], slice(None)),
        (["day", None, "month", ""], [0, 1, 2, 3, 1], slice(None)),  # (no date: NA; "" a category)
        (["year", "day", "minute"], [1, 1, 2], slice(None)),  # ("year" unused: no category)
        (["day", "minute", None], [0, 1, 2, 1], [True, False, True, False]),  # (rows left out)
        (["+06:00", "", "-05:00"], [2, 0, 1], [False, False, False]),  # (every row left out)
        ([f"kind {n}" for n in range(200)], list(range(199, -1, -1)), slice(None)),  # (past int8)
    ],
)
def test_a_column_of_few_kinds_is_the_category_astype_makes(distinct, take, keep):
    """load's precision and offset columns, made from each distinct date's and a position per
    row, are what pandas' astype("category") makes of the strings row by row."""
    distinct, take = np.array(distinct, dtype=object), np.array(take, dtype=np.int64)
    keep = np.array(keep) if isinstance(keep, list) else keep
    index = pd.RangeIndex(len(take))[keep]
    made = load_module._category(distinct, take, keep, index)
    expected = pd.Series(distinct[take][keep], dtype="str", index=index).astype("category")
    pd.testing.assert_series_equal(made, expected, check_categorical=True)
