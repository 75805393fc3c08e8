"""The reader's language: which one, and the app's words and dates in it (no Dash here).

The language of a page is, in order: the address's `lang=fr` (kept in permalinks: see
timeline.state.State), the site's setting (`--lang`, `TIMELINE_LANG`), the browser's
`Accept-Language` among the languages shipped, else English.

The words are gettext catalogues, timeline/locale/<lang>/LC_MESSAGES/timeline.po, read as they
are committed (Babel's .po reader: nothing to compile, so a fresh clone runs and tests as is).
English is the source: a message is its own English text, so English output is what the code
writes. `_("Search")` and `ngettext("{n} event", "{n} events", n)` look up the language in
force: `using(lang)` sets it for a request or a command (a context variable, so threads and
callbacks never see each other's).

What `check` finds in a file (a problem's message: timeline.problems.say) is a second domain,
timeline/locale/<lang>/LC_MESSAGES/check.po, complete in the languages of CHECK_LANGUAGES (the
editors' desk languages: French, Russian, Kazakh, Arabic). A language without it shows those
messages in English.

Dates are written by Babel from CLDR (timeline.dates.label calls `day`, `month`, `year`,
`minute` here for any language but English, whose forms the app always wrote itself).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import gettext as _gettext
import os
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

# Babel is imported where it is used (a command such as `timeline add` writes no date and reads no
# catalogue in English: it starts sooner without it).

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "timeline"
CHECK = "check"  # the editor's messages, what `check` finds (timeline.problems.say): check.po
ENGLISH = "en"
# The languages shipped, complete: a reader's browser may pick one; `lang=` may ask for any of
# them. SAMPLES would be shipped with a few words only (none is now: Arabic, the first, is complete).
COMPLETE = ("en", "fr", "ru", "kk", "ar")
SAMPLES: tuple[str, ...] = ()
LANGUAGES = COMPLETE + SAMPLES
# The languages with a complete catalogue of what `check` finds (check.po): `check --lang` writes
# every word in them, and so does the page's list of a file's problems. The others say those
# messages in English (tests/test_problem_messages.py holds this to the files).
CHECK_LANGUAGES = ("fr", "ru", "kk", "ar")
NAMES = {"en": "English", "fr": "Français", "ru": "Русский", "kk": "Қазақша", "ar": "العربية"}

_current: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=ENGLISH)


def current() -> str:
    """The language in force (English unless `using` set another)."""
    return _current.get()


@contextmanager
def using(lang: str | None):
    """The app's words and dates in `lang` within the block (English if it is not shipped)."""
    token = _current.set(lang if lang in LANGUAGES else ENGLISH)
    try:
        yield
    finally:
        _current.reset(token)


def direction(lang: str | None = None) -> str:
    """ "rtl" for a language written right to left, else "ltr" (CLDR's character order)."""
    return _direction(lang or current())


@functools.cache
def _direction(lang: str) -> str:
    # (Once a language: the chart's words ask for each of their lines, chart_line.)
    from babel import Locale

    return "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr"


RLM = "\u200f"  # RIGHT-TO-LEFT MARK


def chart_line(text: str, lang: str | None = None) -> str:
    """A line of the app's words for the chart, whose text plotly.js lays out left to right (its
    axis runs left to right in every language): in a right-to-left language, marked as such, so
    that "7 يناير 2022" keeps its order there (unmarked, the day stood at the left, the year
    beside it: "7 2022 يناير"). Other languages' lines are unchanged."""
    return f"{RLM}{text}" if text and direction(lang) == "rtl" else text


def shipped(lang: str) -> bool:
    return lang in LANGUAGES


_site = {"lang": None, "data": ""}


def configure(lang: str = "", data_lang: str = "") -> None:
    """The site's language (`--lang`); "" leaves it to $TIMELINE_LANG, else to each browser.
    `data_lang` (`--data-lang`): the language the data is written in, any BCP 47 tag, said to
    screen readers by a `lang` attribute on the data's text."""
    if lang and lang not in LANGUAGES:
        raise ValueError(f"--lang {lang!r} is not a language this app ships: {', '.join(LANGUAGES)}")
    if data_lang and not valid(data_lang):
        raise ValueError(f"--data-lang {data_lang!r} is not a language tag (e.g. ru, kk, en-GB)")
    _site["lang"] = lang or None
    _site["data"] = data_lang.replace("_", "-")


def data_attributes() -> dict:
    """The attributes of an element holding the data's own text: its direction taken from the text
    (`dir="auto"`: an English title on an Arabic page keeps its full stop and quotes at its end,
    an Arabic one on an English page reads right to left, and neither moves the words around it),
    and {"lang": ...} when the data's language is known."""
    return {"dir": "auto", **({"lang": _site["data"]} if _site["data"] else {})}


def setting() -> str:
    """The site's language setting (`--lang`, else $TIMELINE_LANG), or "" if none or not shipped."""
    lang = _site["lang"] or os.environ.get("TIMELINE_LANG", "").strip()
    return lang if lang in LANGUAGES else ""


def from_header(accept_language: str | None) -> str:
    """The language a browser's Accept-Language asks for among the complete ones, or ""."""
    if not accept_language:
        return ""
    asked = []
    for part in accept_language.split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            asked.append((quality, tag.strip()))
    asked.sort(key=lambda pair: -pair[0])  # stable: equal qualities keep their order
    from babel.core import negotiate_locale

    chosen = negotiate_locale([tag.replace("-", "_") for _, tag in asked], list(COMPLETE), sep="_")
    if chosen:
        return chosen
    for _, tag in asked:  # fr-CA, ru-KZ: the language without its region
        base = tag.split("-")[0].lower()
        if base in COMPLETE:
            return base
    return ""


def choose(address: str = "", setting_lang: str | None = None, accept_language: str | None = None) -> str:
    """The page's language: the address's, the site's setting, the browser's, else English."""
    if address in LANGUAGES:
        return address
    setting_lang = setting() if setting_lang is None else setting_lang
    return setting_lang or from_header(accept_language) or ENGLISH


def for_request(address: str = "") -> str:
    """`choose` for the Flask request being served (its Accept-Language), if any."""
    try:
        from flask import has_request_context, request
    except ImportError:  # pragma: no cover - flask comes with Dash
        return choose(address)
    header = request.headers.get("Accept-Language") if has_request_context() else None
    return choose(address, accept_language=header)


# --- Messages -------------------------------------------------------------------------------


def catalogue_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


@cache
def catalogue(lang: str, domain: str = DOMAIN):
    """The language's catalogue (a babel Catalog), or None for English and unknown languages."""
    path = catalogue_path(lang, domain)
    if lang == ENGLISH or not path.exists():
        return None
    from babel.messages.pofile import read_po

    with open(path, "rb") as file:
        return read_po(file, locale=lang, domain=domain)


@cache
def _table(lang: str, domain: str = DOMAIN) -> dict:
    found = catalogue(lang, domain)
    if found is None:
        return {}
    table = {}
    for message in found:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, (list, tuple)):
            forms = tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)
            if all(forms):
                table[message.id[0]] = forms
        elif message.string:
            table[message.id] = message.string
    return table


@cache
def _plural(lang: str, domain: str = DOMAIN):
    """The catalogue's Plural-Forms expression as a function of n (gettext's own reading)."""
    return _gettext.c2py(catalogue(lang, domain).plural_expr)


def speaks(domain: str = DOMAIN) -> bool:
    """Whether the language in force has the domain's catalogue (English always has: its source)."""
    lang = current()
    return lang == ENGLISH or bool(_table(lang, domain))


def gettext(message: str, domain: str = DOMAIN) -> str:
    """The message in the language in force (itself in English or when not translated)."""
    lang = current()
    if lang == ENGLISH:
        return message
    found = _table(lang, domain).get(message)
    return found if isinstance(found, str) else message


_ = gettext


def title(given: str) -> str:
    """The page's title: the one the site gives (TIMELINE_TITLE, `--title`), as written, in every
    language; without one, "Timeline" in the language in force."""
    return given or _("Timeline")


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is written; translated later, by `_`."""
    return message


def ngettext(singular: str, plural: str, n: int, domain: str = DOMAIN) -> str:
    """The message's form for `n` in the language in force (CLDR's plural rules)."""
    lang = current()
    english = singular if n == 1 else plural
    if lang == ENGLISH:
        return english
    forms = _table(lang, domain).get(singular)
    if not isinstance(forms, tuple):
        return english
    index = _plural(lang, domain)(abs(int(n)))  # the catalogue's own rule (Babel's, from CLDR)
    return forms[min(index, len(forms) - 1)]


# --- Dates (CLDR, through Babel) -----------------------------------------------------------------


def _babel_date(year: int, month: int = 1, day: int = 1) -> dt.date | None:
    return dt.date(year, month, day) if 1 <= year <= 9999 else None


# (Each is kept once written: a chart's hover texts and list write the same dates again and again.)
def day(year: int, month: int, day_: int, lang: str | None = None) -> str | None:
    """ "7 janvier 2022", "7 января 2022 г.", "2022 ж. 7 қаңтар"; None outside years 1-9999."""
    return _day(int(year), int(month), int(day_), lang or current())


@lru_cache(maxsize=65536)
def _day(year: int, month: int, day_: int, lang: str) -> str | None:
    from babel.dates import format_date

    when = _babel_date(year, month, day_)
    if when is None:
        return None
    written = format_date(when, "long", locale=lang)
    if lang == "fr" and day_ == 1 and written.startswith("1 "):  # (French writes the first "1er")
        written = "1er" + written[1:]
    return written


def month(year: int, month_: int, lang: str | None = None) -> str | None:
    """ "janvier 2022", "январь 2022 г.", "2022 ж. қаңтар"."""
    return _month(int(year), int(month_), lang or current())


@lru_cache(maxsize=4096)
def _month(year: int, month_: int, lang: str) -> str | None:
    from babel.dates import format_skeleton

    when = _babel_date(year, month_)
    return None if when is None else format_skeleton("yMMMM", when, locale=lang)


def era_date(year: int, month_: int | None = None, day_: int | None = None, lang: str | None = None) -> str | None:
    """A year before AD 1000 (astronomical: 0 is 1 BC, -499 is 500 BC), or a month or a day of
    it, with its era, as the language writes it (CLDR's patterns with an era): "500 av. J.-C.",
    "janvier 600 ap. J.-C.", "5 января 500 г. до н. э.", "б.з.д. 500 ж."; None in English, whose
    "500 BC" and "AD 600" (timeline.dates.year_label) stand."""
    lang = lang or current()
    if lang == ENGLISH:
        return None
    return _era_date(int(year), None if month_ is None else int(month_), None if day_ is None else int(day_), lang)


@lru_cache(maxsize=4096)
def _era_date(year: int, month_: int | None, day_: int | None, lang: str) -> str:
    from babel import Locale
    from babel.dates import get_era_names, get_month_names, parse_pattern

    locale = Locale.parse(lang)
    skeleton = "Gy" if month_ is None else "GyMMM" if day_ is None else "GyMMMd"
    fields = {"y": str(year if year > 0 else 1 - year), "G": get_era_names("abbreviated", locale=locale)[int(year > 0)]}
    if month_ is not None:  # (the month's whole name: "janvier", where the skeleton has "janv.")
        fields["MMM"] = get_month_names("wide", "format", locale=locale)[month_]
        fields["LLL"] = get_month_names("wide", "stand-alone", locale=locale)[month_]
    if day_ is not None:
        fields["d"] = "1er" if lang == "fr" and day_ == 1 else str(day_)  # (as _day writes it)
    return str(parse_pattern(locale.datetime_skeletons[skeleton]).format) % fields  # ("%(y)s %(G)s")


def short_day(year: int, month_: int, day_: int, lang: str | None = None, year_too: bool = True) -> str | None:
    """A day with its month abbreviated, for an axis: "8 Jan 2022", "8 janv. 2022", "8 янв. 2022 г.";
    without `year_too`, "8 Jan", "8 janv.", "8 янв."."""
    return _short_day(int(year), int(month_), int(day_), lang or current(), year_too)


@lru_cache(maxsize=4096)
def _short_day(year: int, month_: int, day_: int, lang: str, year_too: bool) -> str | None:
    when = _babel_date(year, month_, day_)
    if when is None:
        return None
    if lang == ENGLISH:
        return f"{when.day} {when:%b}" + (f" {when.year}" if year_too else "")
    from babel.dates import format_skeleton

    return format_skeleton("yMMMd" if year_too else "MMMd", when, locale=lang)


def short_month(year: int, month_: int, lang: str | None = None, year_too: bool = True) -> str | None:
    """A month abbreviated, for an axis: "Nov 2022", "nov. 2022", "нояб. 2022 г."; without
    `year_too`, "Nov", "nov.", "нояб."."""
    return _short_month(int(year), int(month_), lang or current(), year_too)


@lru_cache(maxsize=1024)
def _short_month(year: int, month_: int, lang: str, year_too: bool) -> str | None:
    when = _babel_date(year, month_, 1)
    if when is None:
        return None
    if lang == ENGLISH:
        return f"{when:%b}" + (f" {when.year}" if year_too else "")
    from babel.dates import format_skeleton

    return format_skeleton("yMMM" if year_too else "MMM", when, locale=lang)


def minute(
    year: int, month_: int, day_: int, hour: int, minute_: int, lang: str | None = None, second: int = 0
) -> str | None:
    """A day and a time of day as the language joins them: "7 janvier 2022, 14:30" (with its
    seconds where it has any: "14:30:15")."""
    return _minute(int(year), int(month_), int(day_), int(hour), int(minute_), lang or current(), int(second))


@lru_cache(maxsize=65536)
def _minute(year: int, month_: int, day_: int, hour: int, minute_: int, lang: str, second: int = 0) -> str | None:
    written = _day(year, month_, day_, lang)
    return None if written is None else with_time(written, hour, minute_, lang, second)


def with_time(day_text: str, hour: int, minute_: int, lang: str | None = None, second: int = 0) -> str:
    """A day already written, and a time of day, joined as the language joins them ("{1}, {0}")."""
    from babel.dates import get_datetime_format

    joined = str(get_datetime_format("medium", locale=lang or current()))
    return joined.replace("{1}", day_text).replace("{0}", time_of_day(hour, minute_, lang, second))


def time_of_day(hour: int, minute_: int, lang: str | None = None, second: int = 0) -> str:
    """ "14:30" (or "2:30 PM") as the language writes a time; "14:30:15" (CLDR's medium time)
    when it has seconds."""
    from babel.dates import format_datetime, get_time_format

    return format_datetime(
        dt.datetime(2000, 1, 1, hour, minute_, second),
        get_time_format("medium" if second else "short", locale=lang or current()).pattern,
        locale=lang or current(),
    )


def plotly_locale_name(lang: str | None = None) -> str:
    """The plotly.js locale the chart uses (its axis and range slider): the language's own."""
    lang = lang or current()
    return "en" if lang == ENGLISH else lang


def valid(lang: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def number(value) -> str:
    """A count as the language writes it: 4,353 (English), 4 353 (French), 4 353 (Russian)."""
    lang = current()
    if lang == ENGLISH:
        return f"{value:,}"  # (a float keeps its decimals: 2.5)
    from babel.numbers import format_decimal

    return format_decimal(value, locale=lang)


# The comma and semicolon of the Arabic script (، ؛), which the app writes between the items it lists.
_MARKS = {"ar": {",": "،", ";": "؛"}}


def listed(items, mark: str = ",") -> str:
    """Items joined by ", " or "; " as the language writes them: "، " and "؛ " in Arabic."""
    return f"{_MARKS.get(current(), {}).get(mark, mark)} ".join(items)


def sentence(text: str) -> str:
    """A sentence ending in a date that ends in its own full stop ("... 19 января 2022 г.") takes
    no second one."""
    return text[:-1] if text.endswith("..") and not text.endswith("...") else text


# --- The chart's own words: plotly.js locales -------------------------------------------------------

# plotly.js ships locales for French, Russian and Arabic (assets/vendor/plotly-locale-fr/ru/ar.js,
# from npm's plotly.js: `make vendor`): their buttons' words. Its date forms are not all a
# reader's (Russian ticks read "Янв. 6"), and it has no Kazakh; so `make vendor` also writes
# assets/vendor/plotly-locales-cldr.js: each language's month and day names and its tick forms
# ("6 янв.", "2022 ж. қаң.") from CLDR (Babel), and Kazakh's buttons from our catalogue.
# plotly.js merges locales registered under one name, the later's forms over the earlier's: Dash
# loads assets in name order, so "plotly-locales-cldr.js" comes after plotly.js's own locale files.
PLOTLY_WORDS = (
    N_("Zoom"),
    N_("Pan"),
    N_("Zoom in"),
    N_("Zoom out"),
    N_("Reset axes"),
    N_("Download plot as a PNG"),
    N_("Double-click to zoom back out"),
    N_("Produced with Plotly.js"),
)
PLOTLY_OWN = ("fr", "ru", "ar")  # the languages plotly.js itself has a locale file for
PLOTLY_WORDED = ("fr", "ru")  # ...with its buttons' words (Arabic's file has none: ours are added)


def d3_format(pattern: str) -> str:
    """A CLDR date pattern ("d MMM y 'г'.") as plotly.js's d3 time format ("%-d %b %Y г."): MMM is
    %b, LLL %B (plotly_locale's two lists of abbreviated months)."""
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":
            end = pattern.find("'", i + 1)
            end = len(pattern) if end < 0 else end
            out.append(pattern[i + 1 : end].replace("%", "%%") or "'")
            i = end + 1
            continue
        run = len(pattern[i:]) - len(pattern[i:].lstrip(char))
        if char == "d":
            out.append("%d" if run == 2 else "%-d")
        elif char in "ML" and run >= 4:
            raise ValueError(f"{pattern!r}: wide month names have no list in plotly_locale")
        elif char in "ML":
            # MMM is a month beside a day ("6 янв.", "7 мая"), LLL one on its own ("май 2022 г."):
            # Russian writes them apart, so they are d3's two lists (see plotly_locale).
            out.append(("%b" if char == "M" else "%B") if run == 3 else "%m" if run == 2 else "%-m")
        elif char == "y":
            out.append("%Y")
        else:
            out.append(pattern[i : i + run].replace("%", "%%"))
        i += run
    return "".join(out)


def plotly_locale(lang: str) -> dict:
    """A plotly.js locale object for `lang` from CLDR: names of months and days, tick forms, number
    signs; with the chart's buttons from our catalogue where plotly.js has no words for them."""
    from babel import Locale
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = Locale.parse(lang)
    skeleton = locale.datetime_skeletons
    # d3 has two month lists, %B and %b, and the app asks plotly.js for no wide month name (plotly.js
    # itself never writes %B): so %B holds the abbreviated names that stand alone ("май 2022 г.")
    # and %b those written with a day ("7 мая"); CLDR's LLL and MMM (d3_format).
    # (Arabic's forms begin with a right-to-left mark: the chart lays its words out left to right.)
    line = chart_line if direction(lang) == "rtl" else (lambda form, _lang: form)
    format_ = {
        "months": [locale.months["stand-alone"]["abbreviated"][m] for m in range(1, 13)],
        "shortMonths": [locale.months["format"]["abbreviated"][m] for m in range(1, 13)],
        # CLDR counts days from Monday (0); plotly.js from Sunday.
        "days": [locale.days["format"]["wide"][(d + 6) % 7] for d in range(7)],
        "shortDays": [locale.days["format"]["abbreviated"][(d + 6) % 7] for d in range(7)],
        "date": line(d3_format(locale.date_formats["short"].pattern), lang),
        "year": line(d3_format(skeleton["y"].pattern), lang),
        "month": line(d3_format(skeleton["yMMM"].pattern), lang),
        "dayMonth": line(d3_format(skeleton["MMMd"].pattern), lang),
        "dayMonthYear": line(d3_format(skeleton["yMMMd"].pattern), lang),
        "decimal": get_decimal_symbol(lang),
        "thousands": get_group_symbol(lang),
    }
    found = {"moduleType": "locale", "name": lang, "format": format_}
    if lang not in PLOTLY_WORDED:
        with using(lang):
            found["dictionary"] = {word: gettext(word) for word in PLOTLY_WORDS}
    return found


def plotly_locales_script(languages=None) -> str:
    """assets/vendor/plotly-locales-cldr.js: `plotly_locale` for every language shipped but English,
    registered as plotly.js's own locale files register theirs."""
    import json

    languages = languages or [lang for lang in LANGUAGES if lang != ENGLISH]
    objects = json.dumps([plotly_locale(lang) for lang in languages], ensure_ascii=True, sort_keys=True)
    return (
        "// plotly.js locales from CLDR (Babel) and timeline/locale, written by `make vendor`\n"
        "// (timeline.i18n.plotly_locales_script): do not edit.\n"
        f"[].concat({objects}).forEach(function (locale) {{\n"
        '  "undefined" == typeof Plotly ? (window.PlotlyLocales = window.PlotlyLocales || [], '
        "window.PlotlyLocales.push(locale)) : Plotly.register(locale);\n"
        "});\n"
    )
