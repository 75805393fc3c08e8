"""One definition per column (issue 14): a column's rules (its checks, their level and what they
say) live beside its name and meaning in timeline/schema.py, and the validator runs them from
there; so a new column with a simple check is one `Column(...)`, and the guide, the template and
the validator read the same records."""

from __future__ import annotations

import importlib

import pytest

import timeline
from timeline import schema
from timeline.load import CHECKS
from timeline.problems import ERROR, WARNING, say

from .helpers import csv_bytes, row

load_module = importlib.import_module("timeline.load")  # (the module: `timeline.load` is the function)


def test_every_rule_names_a_check_the_validator_has_and_every_check_is_used():
    named = {rule.check for column in schema.COLUMNS for rule in column.rules}
    assert named <= set(CHECKS), f"rules name checks timeline.load does not have: {named - set(CHECKS)}"
    assert set(CHECKS) <= named, f"checks no column uses: {set(CHECKS) - named}"
    for column in schema.COLUMNS:
        for rule in column.rules:
            assert rule.level in (ERROR, WARNING), (column.name, rule)
            assert rule.says is not None or rule.check == "place", (column.name, rule.check)  # placed_warning


def test_a_required_column_has_a_required_rule_and_only_it():
    for column in schema.COLUMNS:
        has = any(rule.check == "required" for rule in column.rules)
        assert has == (column.required == "yes"), column.name


def test_the_meaning_in_the_guide_says_what_the_rules_check():
    """The README's columns table (schema.markdown_table) is written from the same records the
    validator runs: what a rule enforces is said in its column's meaning."""
    for column in schema.COLUMNS:
        for rule in column.rules:
            if rule.check == "range":
                assert f"-{rule.limit:g} to {rule.limit:g}" in column.meaning, column.name
            elif rule.check == "needs":
                assert f"with `{rule.other}` only" in column.meaning, column.name
            elif rule.check == "link":
                assert "`https://`" in column.meaning or "`https`" in column.meaning, column.name
            elif rule.check == "date":
                assert schema.DATE_FORMS in column.meaning or "same forms as `date`" in column.meaning, column.name
        assert f"| `{column.name}` |" in schema.markdown_table()


# A value that breaks each kind of rule (and what the row needs besides, for rules that look at
# another column of it).
BREAKS = {
    "required": ("", {}),
    "formula_error": ("#REF!", {}),
    "missing": ("NA", {}),
    "slug": ("Bad Id", {}),
    "digits": ("000417", {}),
    "date": ("2022-13-45", {}),
    "caveat": ("2022-01-07 14:30 ET", {}),
    "link": ("www.example.org/x", {}),
    "link_slip": ("https://example.org/x?a=1&amp;b=2", {}),
    "needs": ("something", {}),
    "picture_alt": ("", {"media": "https://example.org/photo.jpg"}),
    "number": ("about 5", {}),
    "thousands": ("1.000", {}),
    "range": ("999", {}),
    "retracted": ("maybe", {}),
    "place": ("Almaty", {}),
    "html": ("<b>bold</b>", {}),
    "formula": ("=SUM(A1)", {}),
    "direction": ("abc\u202edef", {}),
    "long": (None, {}),  # one character over the rule's limit
    "look_alike": ("\u0410FP", {}),  # a Cyrillic А
    "garbled": ("Tokayev\u00e2\u20ac\u2122s order", {}),
}

CASES = [(column.name, rule) for column in schema.COLUMNS for rule in column.rules]


@pytest.mark.parametrize(("name", "rule"), CASES, ids=[f"{name}-{rule.check}" for name, rule in CASES])
def test_every_rule_of_every_column_finds_a_value_that_breaks_it(name, rule):
    value, others = BREAKS[rule.check]
    if value is None:
        value = "x" * (int(rule.limit) + 1)
    given = {"id": "event", "date": "2022-01-07", **others}
    if name in ("latitude", "longitude") and rule.check == "number":
        given.update(latitude="1", longitude="1")
    given[name] = value
    if rule.check == "range":
        given.update({"latitude": "1", "longitude": "1", name: value})
    if name == "media_alt" and rule.check != "picture_alt":
        given.setdefault("media", "https://example.org/page")
    if rule.check == "needs":
        given[rule.other] = ""
    dataset = timeline.load_bytes(csv_bytes([row(**given)]))
    found = [p for p in dataset.problems if p.row == 2 and p.column == name and p.level == rule.level]
    assert found, [p.format("events.csv") for p in dataset.problems]


def test_a_new_column_with_simple_checks_is_one_record(monkeypatch):
    """What adding Column(...) to schema.COLUMNS does: the guide's table and the template get
    it, and the validator runs its rules, the messages naming row, column, value and fix."""
    language = schema.Column(
        "language",
        "no",
        "The language the source is in, as its name in English.",
        "Russian",
        rules=(*schema.TEXT, schema.NAMED, schema.GARBLED),
    )
    quoted = schema.Column(
        "quoted",
        "yes",
        "Who is quoted.",
        "Tokayev",
        rules=(schema.Rule("required", ERROR, lambda column, value: say("quoted is empty; name who is quoted")),),
    )
    columns = (*schema.COLUMNS, language, quoted)
    # (What importing timeline.schema derives from COLUMNS.)
    monkeypatch.setattr(schema, "COLUMNS", columns)
    monkeypatch.setattr(schema, "NAMES", tuple(c.name for c in columns))

    assert "| `language` | no | The language the source is in, as its name in English. |" in schema.markdown_table()
    assert schema.template().splitlines()[0].endswith(",language,quoted")
    assert schema.template().splitlines()[1].endswith(",Russian,Tokayev")

    dataset = timeline.load_bytes(
        csv_bytes(
            [
                row("a", "2022-01-07", language="<b>Russian</b>", quoted="Tokayev"),
                row("b", "2022-01-08", language="R" * 201, quoted=""),
            ]
        )
    )
    said = [p.format("events.csv") for p in dataset.problems]
    assert said == [
        (
            "events.csv:2: language: warning: language '<b>Russian</b>' holds HTML; it is shown as plain text, "
            "tags and all. Write plain text"
        ),
        (
            "events.csv:3: language: warning: language is 201 characters long; a name reads best under 50 and the "
            "page shortens anything over 200. Move the rest to description"
        ),
        "events.csv:3: quoted: error: quoted is empty; name who is quoted",
    ]
    assert dataset.accounts["row"].tolist() == [2]  # the error leaves its row out
    assert dataset.accounts["language"].tolist() == ["<b>Russian</b>"]


@pytest.mark.parametrize(
    "column, value, said",
    [
        # a decimal comma, as spreadsheets with European settings write one
        ("latitude", "43,2389", "latitude '43,2389' has a comma for its decimal point; write 43.2389"),
        ("longitude", "-76,88", "write -76.88"),
        # degrees, minutes and seconds, and a hemisphere's letter: the decimal degrees to write
        ("latitude", "43°14′N", "is not in decimal degrees; as decimal degrees it is 43.2333 (south and west"),
        # (the hemisphere in Russian's or Kazakh's words: was "not a number", with none to write)
        ("latitude", "43°15′ с. ш.", "as decimal degrees it is 43.25 (south"),
        ("longitude", "76,88 в.д.", "as decimal degrees it is 76.88 (south"),
        ("latitude", "43°15′ ю. ш.", "as decimal degrees it is -43.25 (south"),
        ("longitude", "76°53′ з. д.", "as decimal degrees it is -76.8833 (south"),
        ("latitude", "43°15′ с. е.", "as decimal degrees it is 43.25 (south"),
        ("longitude", "76°53′ восточной долготы", "as decimal degrees it is 76.8833 (south"),
        ("latitude", "43°15′ в. д.", "is not a number"),  # (east in a latitude: the columns swapped?)
        ("latitude", "43°14'20\"N", "as decimal degrees it is 43.2389"),
        ("latitude", "43 14 20 N", "as decimal degrees it is 43.2389"),
        ("latitude", "43° 14.5′ N", "as decimal degrees it is 43.2417"),
        ("latitude", "S 33.8688", "as decimal degrees it is -33.8688"),
        ("longitude", "0°7′W", "as decimal degrees it is -0.1167"),
        ("longitude", "151°12′E", "as decimal degrees it is 151.2"),
        # not said to be degrees: no sign nor letter, the other column's letter, minutes of 60, too far
        ("latitude", "43 14 20", "is not a number; write decimal degrees such as 43.2389"),
        ("latitude", "76°53′E", "is not a number"),
        ("latitude", "43°60′N", "is not a number"),
        ("latitude", "95°N", "is not a number"),
        ("latitude", "43.2389N", "as decimal degrees it is 43.2389"),
        ("latitude", "43" + " " * 1000 + "N!", "is not a number"),  # (long, and no time spent on it)
        ("latitude", "Almaty", "is not a number"),
        # Arabic digits or decimal separator; a decimal separator a program wrote as a question mark
        (
            "latitude",
            "٤٣٫٢٣٨٩",
            "latitude '٤٣٫٢٣٨٩' is written in Arabic digits or with the Arabic decimal separator (٫); write 43.2389",
        ),
        ("longitude", "-٧٦.٨٨", "write -76.88"),
        ("latitude", "43٫2389", "write 43.2389"),
        ("latitude", "43?2389", "latitude '43?2389' has a question mark where its decimal point belongs"),
        ("longitude", "-76?8897", "write -76.8897, and save the file as CSV in UTF-8"),
        ("latitude", "43??", "is not a number"),
        # a minus that is not the hyphen-minus (Swedish number formats, a word processor's dash): its sign kept
        (
            "latitude",
            "\u221233.8688",
            "latitude '\u221233.8688' begins with U+2212 minus sign, not the minus sign a number is read with "
            "(the hyphen-minus key, -); write -33.8688",
        ),
        ("longitude", "\u221276,8897", "write -76.8897"),
        ("longitude", "\u2014 76.8897", "begins with U+2014 em dash"),
        ("longitude", "\u2212 76°53′W", "is not a number"),
        # a minus sign before degrees and minutes: south or west, as before decimal degrees
        ("latitude", "-43°15′", "as decimal degrees it is -43.25 (south and west are negative)"),
        ("longitude", "-76°53′30″", "as decimal degrees it is -76.8917"),
        ("latitude", "-43°15′S", "is not a number"),  # (south twice: not told which)
        # an exponent, as a spreadsheet shows a number in a narrow column: the number in full
        (
            "latitude",
            "4.3238E+01",
            "latitude '4.3238E+01' is written with an exponent, as a spreadsheet shows a number in a narrow column; "
            "it is 43.238: write that, and check its digits against the source, as the spreadsheet may have rounded them",
        ),
        ("longitude", "-7.69e1", "it is -76.9: write that"),
        ("latitude", "4.3E+03", "is not a number"),  # (4300: no latitude)
    ],
)
def test_a_coordinate_written_another_way_is_told_the_decimal_degrees_to_write(column, value, said):
    other = "longitude" if column == "latitude" else "latitude"
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-05", **{column: value, other: "10"})]))
    (problem,) = [p for p in dataset.problems if p.column == column]
    assert problem.level == ERROR and said in problem.message, problem.message


@pytest.mark.parametrize("latitude, longitude, warned", [("0", "0", True), ("0.0", "-0", True), ("0", "10", False)])
def test_latitude_and_longitude_both_0_are_warned_as_no_place_found(latitude, longitude, warned):
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-05", latitude=latitude, longitude=longitude)]))
    said = [p for p in dataset.problems if "point at sea off West Africa" in p.message]
    assert [(p.row, p.column, p.level) for p in said] == ([(2, "latitude", WARNING)] if warned else [])
    assert len(dataset.accounts) == 1


SWAPPED = "look swapped"


@pytest.mark.parametrize(
    "location, latitude, longitude, said",
    [
        # the other way round: in the Arctic Sea, where no town is; swapped, the town named
        ("Almaty", "76.9286", "43.2567", "write latitude 43.2567 and longitude 76.9286"),
        ("Almaty", "76.95", "43.2", "at Almaty (KZ), the town in the location column"),  # (a street of it)
        ("Astana, Kazakhstan", "71.43", "51.17", "write latitude 51.17 and longitude 71.43"),
        ("New York City", "-74.006", "40.7128", "write latitude 40.7128 and longitude -74.006"),
        # as written: nothing said
        ("Almaty", "43.2567", "76.9286", None),
        ("Oral", "51.4256", "51.2460", None),  # (either way near the town)
        # nothing to say they are swapped: no town named, another town, a name of several towns
        ("", "76.9286", "43.2567", None),
        ("Astana", "76.9286", "43.2567", None),
        ("Paris", "48.8566", "2.3522", None),
        # a name of several towns: the one the swap is at (Moscow, Russia; not Moscow, Idaho)
        ("Moscow", "37.6173", "55.7558", "at Moscow (RU), the town in the location column"),
        ("Paris", "2.3522", "48.8566", "at Paris (FR), the town in the location column"),
        # near a town whose latitude and longitude are alike, as written: not its swap (a point
        # off Batumi, at sea; one outside Malatya, Salekhard)
        ("Batumi", "41.79", "41.18", None),
        ("Malatya", "38.75", "38.02", None),
        ("Salekhard", "66.13", "66.26", None),
        # where they point is near other towns (Aktau's and Atyrau's, in Russia), far from the one named
        ("Aktau", "51.1739", "43.6610", "they point far from Aktau (KZ), the town in the location column, and"),
        ("Atyrau", "51.92", "47.10", "write latitude 47.10 and longitude 51.92"),
        # ...but not by another of its names: Blagodatnoye is also a name of Gekhi (RU), here as
        # written, whose swap is near Blagodarnyy (RU)
        ("Blagodatnoye", "43.1635", "45.4724", None),
        # a longitude that is no latitude swapped: beyond 90
        ("Los Angeles", "34.05", "-118.24", None),
    ],
)
def test_latitude_and_longitude_the_other_way_round_are_told(location, latitude, longitude, said):
    """A row whose coordinates, swapped, are at the town its location names, and as written far
    from it, is warned about (the map would draw it there); kept as written."""
    dataset = timeline.load_bytes(
        csv_bytes([row("a", "2022-01-05", location=location, latitude=latitude, longitude=longitude)])
    )
    swapped = [p for p in dataset.problems if SWAPPED in p.message]
    if said is None:
        assert swapped == []
    else:
        (problem,) = swapped
        assert (problem.row, problem.column, problem.level) == (2, "latitude", WARNING)
        assert said in problem.message, problem.message
        assert dataset.accounts["lat"].tolist() == [float(latitude)]  # (kept as written)


SIGN = "with a sign changed they are at it"


@pytest.mark.parametrize(
    "location, latitude, longitude, said",
    [
        # a minus sign left out (87.63° W typed as 87.63): drawn in China, Sydney in the Pacific
        ("Chicago, IL", "41.8781", "87.6298", "write latitude 41.8781 and longitude -87.6298"),
        ("Sydney", "33.8688", "151.2093", "write latitude -33.8688 and longitude 151.2093"),
        ("Buenos Aires", "34.6037", "58.3816", "write latitude -34.6037 and longitude -58.3816"),
        # ... or put in
        ("Almaty", "-43.2389", "76.8897", "point far from Almaty (KZ), the town in the location column"),
        # as written, or near the town: nothing said
        ("Chicago, IL", "41.8781", "-87.6298", None),
        ("London", "51.5074", "0.1278", None),  # (east of Greenwich for west: a few km, near)
        ("Paris, France", "48.8566", "2.3522", None),  # (flipped, near towns in Brittany, but so is Paris)
        ("", "41.8781", "87.6298", None),  # (no town named)
        ("Almaty", "0", "0", None),
        # near the equator or the prime meridian, a point off the town (at sea off Valencia): not said
        ("Valencia, Spain", "39.47", "0.75", None),
        ("Libreville", "-0.75", "9.0", None),
    ],
)
def test_a_minus_sign_left_out_of_coordinates_is_told(location, latitude, longitude, said):
    """A row whose coordinates are far from the town its location names, and with a sign changed
    are at it, is warned about (the map would draw it on another continent); kept as written."""
    dataset = timeline.load_bytes(
        csv_bytes([row("a", "2022-01-05", location=location, latitude=latitude, longitude=longitude)])
    )
    told = [p for p in dataset.problems if SIGN in p.message]
    if said is None:
        assert told == []
    else:
        (problem,) = told
        assert (problem.row, problem.column, problem.level) == (2, "latitude", WARNING)
        assert said in problem.message, problem.message
        assert dataset.accounts["lat"].tolist() == [float(latitude)]


def test_coordinates_swapped_in_many_rows_are_told_on_each_and_rows_refused_are_not():
    rows = [row(f"e{n}", "2022-01-05", location="Almaty", latitude="76.9286", longitude="43.2567") for n in range(3)]
    rows.append(row("bad", "2022-13-45", location="Almaty", latitude="76.9286", longitude="43.2567"))
    rows.append(row("fine", "2022-01-05", location="Almaty", latitude="43.2567", longitude="76.9286"))
    dataset = timeline.load_bytes(csv_bytes(rows))
    assert [p.row for p in dataset.problems if SWAPPED in p.message] == [2, 3, 4]
    # most of the file's problems: their cause said first, of the rows kept
    first = dataset.problems[0]
    assert (first.row, first.column, first.level) == (0, "latitude", WARNING)
    assert first.message.startswith(
        "at least 3 of the 4 rows with coordinates have latitude and longitude the other way round"
    )


def test_a_row_swapped_where_no_town_is_is_told_after_more_places_near_towns_than_are_looked_up(monkeypatch):
    """Names are looked up at most SWAPPED_LOOKUPS times (10-40 us each); the correct rows of a file
    of many places, whose swaps land near some town, leave the rows that point where no town is
    their own lookups."""
    monkeypatch.setattr(load_module, "SWAPPED_LOOKUPS", 2)
    rows = [
        row("a", "2022-01-05", location="Aktau", latitude="43.6500", longitude="51.1700"),
        row("b", "2022-01-05", location="Atyrau", latitude="47.1000", longitude="51.9200"),
        row("c", "2022-01-05", location="Oral", latitude="51.2300", longitude="51.3700"),
        row("d", "2022-01-05", location="Almaty", latitude="76.9286", longitude="43.2567"),
    ]
    dataset = timeline.load_bytes(csv_bytes(rows))
    assert [p.row for p in dataset.problems if SWAPPED in p.message] == [5]


def test_one_row_swapped_among_others_is_told_on_its_row_alone():
    rows = [row(f"e{n}", "2022-01-05", location="Almaty", latitude="43.2567", longitude="76.9286") for n in range(3)]
    rows.append(row("swapped", "2022-01-05", location="Almaty", latitude="76.9286", longitude="43.2567"))
    dataset = timeline.load_bytes(csv_bytes(rows))
    assert [(p.row, p.column) for p in dataset.problems] == [(5, "latitude")]


@pytest.mark.parametrize(
    "value, said",
    [
        # thousands separators of any kind, one throughout: the number to write
        ("1 000", "figure '1 000' has separators between its thousands; write 1000"),
        # (and decimals after the other mark: was "not a number", with no number to write)
        ("1.500,5", "figure '1.500,5' has separators between its thousands; write 1500.5"),
        ("1 234 567,89", "figure '1 234 567,89' has separators between its thousands; write 1234567.89"),
        ("1,234.5", "figure '1,234.5' has separators between its thousands; write 1234.5"),
        ("1.500.5", "figure '1.500.5' is not a number"),
        ("1,000,000", "write 1000000"),
        ("1 000 000", "write 1000000"),
        ("12\u202f345", "write 12345"),  # (a narrow no-break space, as French typography writes it)
        # a range: one number here, the range in the description
        ("200-300", "is a range; write one number (such as 200 or 300) and give the range in the description"),
        ("between 200 and 300", "is a range"),
        # thousands or millions in a word or a letter
        ("2.5k", "has a word or a letter for thousands or millions; write 2500"),
        ("1.2 million", "write 1200000"),
        # ... in the words of other languages (they were told "write 10": a thousandth of the figure)
        ("10 тыс.", "has a word or a letter for thousands or millions; write 10000"),
        ("12 мың", "write 12000"),
        ("10 мыңнан астам", "write 10000, and say the rest ('астам')"),
        ("5 тысячами", "write 5000"),
        ("2 тис.", "write 2000"),
        ("1.5 млн", "write 1500000"),
        ("1.5 mln", "write 1500000"),
        ("2 millions", "write 2000000"),
        ("200 mille", "write 200000"),
        ("2 Mio.", "write 2000000"),
        ("3 Mrd.", "write 3000000000"),
        ("200 bin", "write 200000"),
        ("3 lakh", "write 300000"),
        ("2 crore", "write 20000000"),
        ("1万", "write 10000"),
        ("3千", "write 3000"),
        ("2 ألف", "write 2000"),
        ("2 مليون", "write 2000000"),
        ("~10 тыс. человек", "write 10000, and say the rest ('~ человек')"),
        ("2,5 Mio.", "is not a number"),  # (a decimal comma before the word: not told as a number)
        # other words of how many: no number to write (2 hundred was told "write 2")
        ("2 hundred", "is not a number"),
        ("2 dozen", "is not a number"),
        ("3 сотни", "is not a number"),
        # (a word that begins as one does: millionaires, a millennium; their forms only are read)
        ("5 миллионеров", "write 5, and say the rest ('миллионеров')"),
        ("2 тысячелетия", "write 2, and say the rest ('тысячелетия')"),
        # a number with words or signs: the number here, the rest where it goes
        ("~200", "has more than the number; write 200, and say the rest ('~') in the description"),
        ("at least 200", "write 200, and say the rest ('at least')"),
        ("225 dead", "write 225, and say the rest ('dead') in the description, or a unit such as dead in figure_unit"),
        ("about 1.5 million", "write 1500000, and say the rest ('about')"),
        ("2.5k dead", "write 2500, and say the rest ('dead')"),
        # no digit before the point: the number as it is (they were told 5, 75, 5000)
        (".5%", "is a percent; write 0.5, and percent in figure_unit"),
        (".75 dead", "write 0.75, and say the rest ('dead')"),
        (".5k", "write 500"),
        ("~.5", "write 0.5, and say the rest ('~')"),
        # a decimal comma, where no thousands are grouped so (2,500 reads two ways: below)
        ("2,5", "figure '2,5' has a comma for its decimal point; write 2.5"),
        # (no digit before the comma: was "write 5, and say the rest (',')", ten times the value)
        (",5", "figure ',5' has a comma for its decimal point; write 0.5"),
        ("-,5", "figure '-,5' has a comma for its decimal point; write -0.5"),
        (",500", "figure ',500' is not a number; write the number alone"),  # (0.5, or 1,500 cut short?)
        (",5%", "figure ',5%' is not a number; write the number alone"),
        ("-1,25", "has a comma for its decimal point; write -1.25"),
        ("3,14159", "write 3.14159"),
        # a percent, as a spreadsheet shows a number formatted so: the number, and the unit
        ("5%", "figure '5%' is a percent; write 5, and percent in figure_unit"),
        ("5.00 %", "is a percent; write 5, and percent in figure_unit"),
        ("12.5%", "is a percent; write 12.5, and percent"),
        # one comma before three digits: a thousands separator, or a decimal comma
        ("2,500", "reads two ways: 2500 with a comma between its thousands, or 2.5 with a decimal comma"),
        # nothing to tell: as before
        ("over 1,000", "is not a number; write the number alone"),
        ("0,500", "is not a number"),  # (a half, not 500)
        # Arabic digits, the Arabic decimal separator: the number in the digits to write
        ("٢٠٠", "figure '٢٠٠' is written in Arabic digits or with the Arabic decimal separator (٫); write 200"),
        ("٢٫٥", "write 2.5"),
        ("2٫5", "write 2.5"),
        ("۱۲۵", "write 125"),  # (Persian digits)
        ("٢٬٥٠٠", "is not a number"),  # (2,500 reads two ways: not told one)
        # a minus that is not the hyphen-minus: told, its sign kept
        ("\u2212200", "figure '\u2212200' begins with U+2212 minus sign, not the minus sign a number is read with"),
        ("\u2212200", "write -200"),
        (
            "\u2013 2.5",
            "begins with U+2013 en dash, not the minus sign a number is read with (the hyphen-minus key, -); "
            "write -2.5",
        ),
        ("\u22121,000", "is not a number"),  # (1,000 reads two ways: not told one)
        ("2022-01-05", "is not a number; write the number alone"),
        ("many", "is not a number; write the number alone"),
        # an exponent: the whole number it is
        (
            "2.5E+04",
            "figure '2.5E+04' is written with an exponent, as a spreadsheet shows a number in a narrow column; ",
        ),
        ("1.23457E+11", "it is 123457000000: write that, and check its digits against the source"),
        ("2.5E-1", "is not a number"),  # (a quarter: no count)
        # too many digits for a number: it was read as infinite, with nothing said ("inf dead" on the page)
        ("9" * 400, "has 400 digits, more than a number can hold; check it against the source"),
        ("-" + "9" * 309 + ".5", "has 310 digits"),
        ("1e309", "is not a number"),  # (was told to write a number of 310 digits)
        ("1" * 400 + "k", "has 400 digits"),  # (was told to write inf)
        # (30,000 digits: one pattern, tried from each of them to the end, took 43 s)
        ("1" * 30_000, "has 30,000 digits"),
    ],
)
def test_a_figure_that_is_no_plain_number_is_told_the_number_to_write(value, said):
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-05", figure=value, figure_unit="dead")]))
    (problem,) = [p for p in dataset.problems if p.column == "figure"]
    assert problem.level == ERROR and said in problem.message, problem.message


@pytest.mark.parametrize(
    "column, value, number",
    [
        # no digit before the decimal point, as Stata, SPSS and Oracle write a decimal: the number it
        # is (it was told "write 75", a hundred times the figure, and "write 5" for -.5)
        ("figure", ".75", 0.75),
        ("figure", "-.5", -0.5),
        ("figure", "+.5", 0.5),
        ("figure", "5.", 5.0),
        ("latitude", ".5", 0.5),
        ("longitude", "-.25", -0.25),
    ],
)
def test_a_number_with_no_digit_before_its_point_is_read_as_written(column, value, number):
    fields = {"figure_unit": "dead"} if column == "figure" else {"latitude": "43.2", "longitude": "76.9"}
    fields[column] = value
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-05", **fields)]))
    assert dataset.problems == []
    read = dataset.accounts[{"figure": "figure_value", "latitude": "lat", "longitude": "lon"}[column]]
    assert read.dtype == "float64" and read.iloc[0] == number


def test_a_file_swapped_whole_looks_up_its_first_places_only_and_says_the_cause(monkeypatch):
    """Each location is a lookup in the gazetteer (10-40 us): a file of 200,000 places swapped
    whole looks up the first SWAPPED_LOOKUPS, whose rows say the cause ("at least")."""
    monkeypatch.setattr(importlib.import_module("timeline.load"), "SWAPPED_LOOKUPS", 2)
    towns = [("Almaty", "76.9286", "43.2567"), ("Astana", "71.4491", "51.1694"), ("Taraz", "71.3667", "42.9")]
    rows = [row(f"e{n}", "2022-01-05", location=town, latitude=a, longitude=b) for n, (town, a, b) in enumerate(towns)]
    dataset = timeline.load_bytes(csv_bytes(rows))
    assert [p.row for p in dataset.problems if SWAPPED in p.message] == [2, 3]
    assert dataset.problems[0].message.startswith("at least 2 of the 3 rows with coordinates")


def test_a_day_programs_write_for_no_date_in_published_is_told_once():
    """published 1970-01-01 is told as the Unix epoch's stand-in for no date, not also as an account
    published half a century before what it reports; a real year typed wrong still is."""
    dataset = timeline.load_bytes(
        csv_bytes(
            [
                row("a", "2022-01-05", published="1970-01-01"),
                row("b", "2022-01-05", published="2021-01-05"),
            ]
        )
    )
    said = [(p.row, p.column, str(p.message)[:40]) for p in dataset.problems]
    assert said == [
        (2, "published", "published '1970-01-01': is 1 January 197"),
        (3, "published", "published '2021-01-05' is more than half"),
    ]
