"""Realistic events CSVs for benchmarks: a conflict chronology in timeline's format.

    .venv/bin/python benchmarks/generate.py --rows 1000000 [--dates iso|free] [--seed 0] [--out PATH]
    .venv/bin/python benchmarks/generate.py --events 500000 ...

From Python (the repository root on sys.path):

    from benchmarks.generate import generate
    path = generate(100_000, dates="free")          # 100,000 rows (accounts)
    path = generate(events=50_000)                  # 50,000 events, about 90,000 rows

What a file holds, ACLED-like: 20 categories and 200 outlets (both Zipf-skewed),
dates over 2018-2024 with a few crisis bursts, 30% of them with a time of day;
10% of events are spans (end_date); each event has 1-3 accounts (rows sharing
its id; on average ACCOUNTS_PER_EVENT = 1.8, so rows ~= 1.8 x events). The first
account has the title and category, later ones leave them empty; 8% of later
accounts give a different date (the event is disputed) and some are appended
further down the file. Titles have 5-10 words, descriptions 1-2 sentences with
commas (so they are quoted); most rows have a place with coordinates, a
https source_url, a published date; some have claimed_by. The file is valid:
`python -m timeline check` reports no problems.

Date variants: `iso` writes 2022-01-07, 2022-01-07 14:30, 2022-01 and 2022;
`free` writes a mix of those and English forms (7 January 2022, Jan 7, 2022,
January 7, 2022, 7 Jan 2022 14:30, January 2022, Jan 2022).

Everything is vectorised (numpy indices into small tables of strings, joined by
pyarrow), so a million rows take a few seconds. The output is deterministic:
the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

COLUMNS = (
    "id",
    "date",
    "end_date",
    "title",
    "description",
    "category",
    "location",
    "latitude",
    "longitude",
    "source",
    "source_url",
    "published",
    "claimed_by",
)
VARIANTS = ("iso", "free")
ACCOUNTS_PER_EVENT = 1.8  # mean of the 1-3 accounts each event has
FIRST_DAY = dt.date(2018, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)

CATEGORIES = (
    "protest",
    "security",
    "government",
    "detentions",
    "military",
    "casualties",
    "legal",
    "economy",
    "diplomacy",
    "humanitarian",
    "communications",
    "riot",
    "strike",
    "airstrike",
    "explosion",
    "displacement",
    "elections",
    "media",
    "negotiations",
    "infrastructure",
)

# (place, latitude, longitude); None when the place has no single point.
PLACES = (
    ("Almaty", 43.2389, 76.8897),
    ("Astana", 51.1694, 71.4491),
    ("Zhanaozen", 43.3378, 52.8533),
    ("Aktau", 43.6532, 51.1975),
    ("Atyrau", 47.0945, 51.9238),
    ("Shymkent", 42.3417, 69.5901),
    ("Taraz", 42.9000, 71.3667),
    ("Karaganda", 49.8047, 73.1094),
    ("Aktobe", 50.2839, 57.1670),
    ("Kyzylorda", 44.8488, 65.4823),
    ("Taldykorgan", 45.0156, 78.3739),
    ("Oral", 51.2333, 51.3667),
    ("Semey", 50.4111, 80.2275),
    ("Pavlodar", 52.2873, 76.9674),
    ("Kostanay", 53.2144, 63.6246),
    ("Bishkek", 42.8746, 74.5698),
    ("Osh", 40.5283, 72.7985),
    ("Jalal-Abad", 40.9333, 73.0000),
    ("Batken", 40.0625, 70.8194),
    ("Tashkent", 41.2995, 69.2401),
    ("Nukus", 42.4531, 59.6103),
    ("Andijan", 40.7821, 72.3442),
    ("Samarkand", 39.6270, 66.9750),
    ("Dushanbe", 38.5598, 68.7870),
    ("Khorog", 37.4897, 71.5531),
    ("Ashgabat", 37.9601, 58.3261),
    ("Tbilisi", 41.7151, 44.8271),
    ("Yerevan", 40.1792, 44.4991),
    ("Baku", 40.4093, 49.8671),
    ("Stepanakert", 39.8153, 46.7519),
    ("Minsk", 53.9006, 27.5590),
    ("Chisinau", 47.0105, 28.8638),
    ("Kyiv", 50.4501, 30.5234),
    ("Kharkiv", 49.9935, 36.2304),
    ("Odesa", 46.4825, 30.7233),
    ("Mariupol", 47.0971, 37.5434),
    ("Donetsk", 48.0159, 37.8029),
    ("Luhansk", 48.5740, 39.3078),
    ("Kherson", 46.6354, 32.6169),
    ("Zaporizhzhia", 47.8388, 35.1396),
    ("Dnipro", 48.4647, 35.0462),
    ("Mykolaiv", 46.9750, 31.9946),
    ("Moscow", 55.7558, 37.6173),
    ("Belgorod", 50.5997, 36.5983),
    ("Grozny", 43.3178, 45.6949),
    ("Makhachkala", 42.9849, 47.5047),
    ("Ankara", 39.9334, 32.8597),
    ("Istanbul", 41.0082, 28.9784),
    ("Diyarbakir", 37.9144, 40.2306),
    ("Aleppo", 36.2021, 37.1343),
    ("Idlib", 35.9306, 36.6339),
    ("Damascus", 33.5138, 36.2765),
    ("Deir ez-Zor", 35.3359, 40.1408),
    ("Raqqa", 35.9594, 39.0079),
    ("Mosul", 36.3489, 43.1577),
    ("Baghdad", 33.3152, 44.3661),
    ("Basra", 30.5085, 47.7804),
    ("Erbil", 36.1911, 44.0092),
    ("Beirut", 33.8938, 35.5018),
    ("Tripoli", 32.8872, 13.1913),
    ("Benghazi", 32.1194, 20.0868),
    ("Khartoum", 15.5007, 32.5599),
    ("El Fasher", 13.6279, 25.3494),
    ("Omdurman", 15.6445, 32.4777),
    ("Juba", 4.8594, 31.5713),
    ("Addis Ababa", 9.0300, 38.7400),
    ("Mekelle", 13.4967, 39.4753),
    ("Mogadishu", 2.0469, 45.3182),
    ("Kismayo", -0.3582, 42.5454),
    ("Goma", -1.6585, 29.2203),
    ("Bamako", 12.6392, -8.0029),
    ("Gao", 16.2717, -0.0447),
    ("Ouagadougou", 12.3714, -1.5197),
    ("Niamey", 13.5116, 2.1254),
    ("Maiduguri", 11.8311, 13.1510),
    ("Abuja", 9.0765, 7.3986),
    ("Sanaa", 15.3694, 44.1910),
    ("Aden", 12.7855, 45.0187),
    ("Hodeidah", 14.7978, 42.9545),
    ("Kabul", 34.5553, 69.2075),
    ("Kandahar", 31.6289, 65.7372),
    ("Yangon", 16.8409, 96.1735),
    ("Mandalay", 21.9588, 96.0891),
    ("Caracas", 10.4806, -66.9036),
    ("Port-au-Prince", 18.5944, -72.3074),
    ("Bogota", 4.7110, -74.0721),
    ("Quito", -0.1807, -78.4678),
    ("Almaty, Republic Square", 43.2389, 76.8897),
    ("Almaty, airport", 43.3521, 77.0405),
    ("Kyiv, Maidan Nezalezhnosti", 50.4501, 30.5234),
    ("Khartoum, army headquarters", 15.6000, 32.5330),
    ("Mangystau region", None, None),
    ("Kazakhstan (nationwide)", None, None),
    ("Fergana Valley", None, None),
    ("Donbas", None, None),
    ("Northern Syria", None, None),
    ("Darfur", None, None),
    ("Sahel", None, None),
    ("Tigray region", None, None),
)

REAL_OUTLETS = (
    "Reuters",
    "AFP",
    "AP",
    "BBC News",
    "RFE/RL",
    "Al Jazeera",
    "The Guardian",
    "The New York Times",
    "The Washington Post",
    "Le Monde",
    "Der Spiegel",
    "TASS",
    "Interfax",
    "RIA Novosti",
    "Kommersant",
    "Meduza",
    "Novaya Gazeta",
    "Eurasianet",
    "Crisis24",
    "NetBlocks",
    "Cloudflare",
    "ACLED",
    "Human Rights Watch",
    "Amnesty International",
    "OHCHR",
    "UNHCR",
    "OCHA",
    "ICRC",
    "Bloomberg",
    "Financial Times",
    "The Economist",
    "Deutsche Welle",
    "France 24",
    "franceinfo",
    "Euronews",
    "CNN",
    "NBC News",
    "Los Angeles Times",
    "Wall Street Journal",
    "Novastan",
    "Vlast.kz",
    "Tengrinews",
    "Kursiv",
    "Orda.kz",
    "24.kg",
    "Kloop",
    "Gazeta.uz",
    "Asia-Plus",
    "OC Media",
    "Civil.ge",
    "Kyiv Independent",
    "Ukrainska Pravda",
    "Hromadske",
    "Sudan Tribune",
    "Radio Dabanga",
    "Addis Standard",
    "Garowe Online",
    "Premium Times",
    "The Kyiv Post",
    "Anadolu Agency",
    "Interior Ministry",
    "Defence Ministry",
    "Prosecutor General's Office",
    "Government of Kazakhstan",
    "Akorda press service",
    "Energy Ministry",
)
_PAPER_WORDS = (
    "Herald",
    "Times",
    "Daily",
    "Gazette",
    "Observer",
    "Tribune",
    "Post",
    "Monitor",
    "Express",
    "Courier",
    "Chronicle",
    "Echo",
)

SUBJECTS = (
    "Protesters",
    "Security forces",
    "Police",
    "Government troops",
    "Opposition supporters",
    "Residents",
    "Striking oil workers",
    "Unidentified gunmen",
    "Border guards",
    "Local authorities",
    "Peacekeeping forces",
    "Armed militia",
    "Student activists",
    "Riot police",
    "Rebel fighters",
    "Plainclothes officers",
    "Pensioners",
    "Truck drivers",
    "Market traders",
    "Army units",
)
VERBS = (
    "block",
    "storm",
    "clash with",
    "detain",
    "disperse",
    "seize",
    "surround",
    "attack",
    "rally outside",
    "march towards",
    "set fire to",
    "withdraw from",
    "occupy",
    "shell",
    "evacuate",
    "cordon off",
    "raid",
    "blockade",
    "regain control of",
    "picket",
)
OBJECTS = (
    "the regional administration",
    "the main square",
    "the airport",
    "a police station",
    "the central market",
    "the railway station",
    "dozens of activists",
    "journalists",
    "city hall",
    "a military convoy",
    "the main highway",
    "an army checkpoint",
    "the prosecutor's office",
    "the state broadcaster",
    "a fuel depot",
    "the border crossing",
    "the presidential residence",
    "several government buildings",
    "the university campus",
    "the old town",
)
DETAILS = (
    "according to witnesses",
    "local media report",
    "despite a curfew",
    "after a night of unrest",
    "as shops stay closed",
    "while internet access is cut",
    "in the early morning",
    "amid heavy gunfire",
    "before dawn",
    "as crowds grow",
    "in defiance of a ban",
    "after talks break down",
    "as fuel prices rise",
    "during a state of emergency",
)
CLAIMANTS = (
    "The interior ministry",
    "A hospital official",
    "The local governor",
    "An opposition leader",
    "A rights group",
    "The defence ministry",
    "A police spokesman",
    "A UN official",
    "A witness",
    "The city administration",
)
CLAIMS = (
    "{n} people were detained",
    "{n} people were injured",
    "{n} officers were hurt",
    "at least {n} people died",
    "{n} vehicles were burned",
    "{n} buildings were damaged",
    "about {n} people took part",
    "{n} people were evacuated",
)
CITING = (
    "citing preliminary figures",
    "citing hospital records",
    "though the figure cannot be verified",
    "adding that the situation is under control",
    "and calls for calm",
    "citing its own sources",
    "but gives no details",
    "and promises an investigation",
)
CLAIMED_BY = (
    "Interior Ministry",
    "Ministry of Defence",
    "Prosecutor General's Office",
    "local officials",
    "opposition activists",
    "witnesses",
    "hospital staff",
    "the rebels",
    "the president's office",
    "a rights group",
    "Mukhtar Ablyazov",
    "the army",
    "the governor",
    "protest organisers",
)
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Date forms. A minute is a day form followed by " HH:MM". Weights per variant.
DAY_FORMS = {
    "iso": lambda d: d.isoformat(),
    "d month y": lambda d: f"{d.day} {calendar.month_name[d.month]} {d.year}",
    "mon d, y": lambda d: f"{SHORT_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "month d, y": lambda d: f"{calendar.month_name[d.month]} {d.day}, {d.year}",
    "d mon y": lambda d: f"{d.day} {SHORT_MONTHS[d.month - 1]} {d.year}",
}
MONTH_FORMS = {
    "iso": lambda y, m: f"{y:04d}-{m:02d}",
    "month y": lambda y, m: f"{calendar.month_name[m]} {y}",
    "mon y": lambda y, m: f"{SHORT_MONTHS[m - 1]} {y}",
}
FORM_WEIGHTS = {
    "iso": {"day": {"iso": 1.0}, "minute": {"iso": 1.0}, "month": {"iso": 1.0}},
    "free": {
        "day": {"iso": 0.40, "d month y": 0.25, "mon d, y": 0.15, "month d, y": 0.10, "d mon y": 0.10},
        "minute": {"iso": 0.40, "d mon y": 0.25, "d month y": 0.20, "mon d, y": 0.15},
        "month": {"iso": 0.40, "month y": 0.45, "mon y": 0.15},
    },
}
YEAR, MONTH, DAY, MINUTE, NONE = 0, 1, 2, 3, 4


def _zipf(rng: np.random.Generator, n: int, size: int, s: float = 1.1) -> np.ndarray:
    """Indices 0..n-1, the first far more often than the last (a few outlets write most)."""
    weights = 1.0 / np.arange(1, n + 1) ** s
    return rng.choice(n, size=size, p=weights / weights.sum())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _outlets() -> list[str]:
    names = list(REAL_OUTLETS)
    cities = [p for p, lat, _ in PLACES if lat is not None and "," not in p]
    for word in _PAPER_WORDS:
        for city in cities:
            if len(names) == 200:
                return names
            names.append(f"{city} {word}")
    return names


OUTLETS = tuple(_outlets())
assert len(OUTLETS) == 200 and len(set(OUTLETS)) == 200


def _table(strings) -> pa.Array:
    return pa.array(list(strings), type=pa.string())


def _take(strings: pa.Array, index: np.ndarray) -> pa.Array:
    return pc.take(strings, pa.array(index, type=pa.int32()))


def _join(*parts) -> pa.Array:
    """Element-wise concatenation of arrays and plain strings (broadcast)."""
    kind = next(p.type for p in parts if isinstance(p, pa.Array))
    parts = [pa.scalar(p, kind) if isinstance(p, str) else p for p in parts]
    return pc.binary_join_element_wise(*parts, pa.scalar("", kind))


class _Dates:
    """Lookup tables of date strings, one block per (precision, form); index -> string."""

    def __init__(self, variant: str):
        days = [FIRST_DAY + dt.timedelta(days=i) for i in range(_n_days() + 800)]  # spans run on
        months = [(y, m) for y in range(FIRST_DAY.year, LAST_DAY.year + 3) for m in range(1, 13)]
        self.n_days, self.n_months = len(days), len(months)
        self.forms = {}
        strings = [""]  # index 0: empty
        self.years0 = len(strings)
        strings += [str(y) for y in range(FIRST_DAY.year, LAST_DAY.year + 3)]
        self.month0, self.day0 = {}, {}
        for form in FORM_WEIGHTS[variant]["month"]:
            self.month0[form] = len(strings)
            strings += [MONTH_FORMS[form](y, m) for y, m in months]
        day_forms = set(FORM_WEIGHTS[variant]["day"]) | set(FORM_WEIGHTS[variant]["minute"])
        for form in sorted(day_forms):
            self.day0[form] = len(strings)
            strings += [DAY_FORMS[form](d) for d in days]
        self.strings = _table(strings)
        self.times = _table([""] + [f" {h:02d}:{m:02d}" for h in range(24) for m in range(60)])
        self.variant = variant

    def write(self, rng, precision, day, minute) -> pa.Array:
        """Date strings for rows: precision codes, day numbers (from FIRST_DAY), minute of day."""
        n = len(precision)
        index = np.zeros(n, dtype=np.int64)
        dates = np.datetime64(FIRST_DAY.isoformat(), "D") + day
        years = dates.astype("datetime64[Y]").astype(np.int64) + 1970 - FIRST_DAY.year
        months = dates.astype("datetime64[M]").astype(np.int64) - (FIRST_DAY.year - 1970) * 12
        is_year = precision == YEAR
        index[is_year] = self.years0 + years[is_year]
        for level, code, starts, number in (
            ("month", MONTH, self.month0, months),
            ("day", DAY, self.day0, day),
            ("minute", MINUTE, self.day0, day),
        ):
            rows = np.flatnonzero(precision == code)
            weights = FORM_WEIGHTS[self.variant][level]
            names = list(weights)
            form = rng.choice(len(names), size=len(rows), p=list(weights.values()))
            offset = np.array([starts[name] for name in names], dtype=np.int64)[form]
            index[rows] = offset + number[rows]
        time_index = np.where(precision == MINUTE, minute + 1, 0)
        return _join(_take(self.strings, index), _take(self.times, time_index))


def _n_days() -> int:
    return (LAST_DAY - FIRST_DAY).days + 1


def table(rows: int | None = None, dates: str = "iso", seed: int = 0, *, events: int | None = None) -> pa.Table:
    """The generated file as a pyarrow Table of strings ("" for empty), columns in COLUMNS order.

    Give `rows` (accounts; the last event may lose some of its accounts to make the
    count exact) or `events` (the number of distinct ids; rows ~= 1.8 x events).
    """
    if dates not in VARIANTS:
        raise ValueError(f"dates must be one of {VARIANTS}, not {dates!r}")
    if (rows is None) == (events is None):
        raise ValueError("give rows or events (one of them)")
    rng = np.random.default_rng(seed)
    n_events = events if events is not None else int(rows / ACCOUNTS_PER_EVENT * 1.05) + 10

    # Events: when, what, where.
    n_days = _n_days()
    crises = rng.integers(0, n_days - 60, size=12)
    in_crisis = rng.random(n_events) < 0.4
    day = np.where(
        in_crisis,
        crises[rng.integers(0, len(crises), n_events)] + rng.integers(0, 60, n_events),
        rng.integers(0, n_days, n_events),
    )
    precision = rng.choice(4, size=n_events, p=[0.03, 0.06, 0.61, 0.30])
    hour = rng.choice(24, size=n_events, p=_hour_weights())
    minute_of_hour = np.where(
        rng.random(n_events) < 0.5, 0, np.where(rng.random(n_events) < 0.5, 30, rng.integers(0, 12, n_events) * 5)
    )
    minute = hour * 60 + minute_of_hour
    category = _zipf(rng, len(CATEGORIES), n_events, s=0.9)
    place = _zipf(rng, len(PLACES), n_events, s=0.8)
    span = rng.random(n_events) < 0.10
    # A span ends 1-60 days later (a month or a year later for vaguer starts).
    end_precision = np.where(
        span, np.where(precision == MINUTE, np.where(rng.random(n_events) < 0.3, MINUTE, DAY), precision), NONE
    )
    duration = np.minimum(rng.geometric(0.08, n_events), 60)
    end_day = day + np.select(
        [precision == YEAR, precision == MONTH],
        [365 * rng.integers(1, 3, n_events), 31 * rng.integers(1, 4, n_events)],
        duration,
    )
    end_minute = rng.integers(0, 24 * 60 // 5, n_events) * 5
    # Files are kept roughly in date order, as the story moves.
    order = np.argsort(day + rng.normal(0, 4, n_events), kind="stable")
    position = np.empty(n_events, dtype=np.int64)
    position[order] = np.arange(n_events)

    # Accounts: 1-3 per event; rows repeat their event's fields.
    count = rng.choice([1, 2, 3], size=n_events, p=[0.4, 0.4, 0.2])
    event = np.repeat(np.arange(n_events), count)
    nth = np.arange(len(event)) - np.repeat(np.cumsum(count) - count, count)
    later = nth > 0
    n = len(event)
    # Some later accounts arrive later, appended further down the file.
    key = position[event] * 4 + nth
    late = later & (rng.random(n) < 0.15)
    key[late] += rng.integers(1, 300, int(late.sum())) * 4
    row_order = np.argsort(key, kind="stable")
    if rows is not None:
        row_order = row_order[:rows]
    event, nth, later = event[row_order], nth[row_order], later[row_order]
    n = len(event)

    # Each account's date: mostly the event's; some vaguer (agreeing), some different (disputed).
    a_precision, a_day, a_minute = precision[event].copy(), day[event].copy(), minute[event].copy()
    roll = rng.random(n)
    vaguer = later & (roll < 0.08) & (a_precision >= DAY)
    a_precision[vaguer] = MONTH
    to_day = later & (roll >= 0.08) & (roll < 0.12) & (a_precision == MINUTE)
    a_precision[to_day] = DAY
    disputed = later & (roll >= 0.12) & (roll < 0.20) & (a_precision >= DAY)
    shift = rng.integers(1, 4, n) * np.where(rng.random(n) < 0.5, -1, 1)
    shift = np.where(span[event], -np.abs(shift), shift)  # a span's account never starts after its end
    a_day[disputed & (a_precision == DAY)] += shift[disputed & (a_precision == DAY)]
    moved = disputed & (a_precision == MINUTE)
    a_minute[moved] = (a_minute[moved] + 60 * shift[moved]) % (24 * 60)
    a_day = np.clip(a_day, 0, None)
    e_precision = end_precision[event].copy()
    e_precision[later & (rng.random(n) < 0.1)] = NONE  # some later accounts omit the end

    writer = _Dates(dates)
    date_text = writer.write(rng, a_precision, a_day, a_minute)
    end_text = writer.write(rng, e_precision, end_day[event], end_minute[event])
    has_published = rng.random(n) < 0.7
    published_day = np.maximum(day[event], a_day) + rng.choice(6, size=n, p=[0.45, 0.3, 0.1, 0.07, 0.05, 0.03])
    published_text = writer.write(rng, np.where(has_published, DAY, NONE), published_day, minute[event])

    first = ~later
    words = _text_columns(rng, n, event, first, place, category)

    # Where: the event's place on the first row, usually on later ones too.
    with_place = first | (rng.random(n) < 0.7)
    place_names = _table([""] + [p for p, _, _ in PLACES])
    lats = _table([""] + [f"{lat:.4f}" if lat is not None else "" for _, lat, _ in PLACES])
    lons = _table([""] + [f"{lon:.4f}" if lon is not None else "" for _, _, lon in PLACES])
    place_index = np.where(with_place, place[event] + 1, 0)
    coordinate_index = np.where(rng.random(n) < 0.9, place_index, 0)

    # Who says so.
    outlet = _zipf(rng, len(OUTLETS), n, s=1.0)
    outlet_names = _table(OUTLETS)
    domains = _table([f"https://www.{_slug(o).replace('-', '')}.{_tld(i)}/" for i, o in enumerate(OUTLETS)])
    url_roll = rng.random(n)
    slash_days = _table([(FIRST_DAY + dt.timedelta(days=i)).strftime("%Y/%m/%d/") for i in range(writer.n_days)])
    url = _join(_take(domains, outlet), _take(slash_days, np.minimum(published_day, writer.n_days - 1)), words["id"])
    url = pc.if_else(pa.array(url_roll < 0.85), url, "")
    url = pc.if_else(pa.array(url_roll < 0.02), pc.replace_substring(url, "https://", "http://"), url)
    claimed = _take(
        _table([""] + list(CLAIMED_BY)), np.where(rng.random(n) < 0.12, rng.integers(0, len(CLAIMED_BY), n) + 1, 0)
    )

    columns = {
        "id": words["id"],
        "date": date_text,
        "end_date": end_text,
        "title": words["title"],
        "description": words["description"],
        "category": _take(_table([""] + list(CATEGORIES)), np.where(first, category[event] + 1, 0)),
        "location": _take(place_names, place_index),
        "latitude": _take(lats, coordinate_index),
        "longitude": _take(lons, coordinate_index),
        "source": _take(outlet_names, outlet),
        "source_url": url,
        "published": published_text,
        "claimed_by": claimed,
    }
    return pa.table([columns[name] for name in COLUMNS], names=list(COLUMNS))


def _hour_weights() -> np.ndarray:
    weights = np.array([1, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 10, 10, 10, 10, 10, 10, 9, 8, 6, 4, 2, 1.0])
    return weights / weights.sum()


def _tld(i: int) -> str:
    return ("com", "org", "net", "kz", "ru", "co.uk", "fr", "de")[i % 8]


def _text_columns(rng, n, event, first, place, category) -> dict[str, pa.Array]:
    """id, title (first rows only) and description, composed from small tables of phrases."""
    n_events = len(place)
    subject = rng.integers(0, len(SUBJECTS), n_events)
    verb = rng.integers(0, len(VERBS), n_events)
    thing = rng.integers(0, len(OBJECTS), n_events)
    short_places = _table([p.split(",")[0].split(" (")[0] for p, _, _ in PLACES])
    numbers = _table(str(i) for i in range(1, 1001))

    # id: a slug of place and verb, then the event's number: "almaty-storm-7", unique per event.
    place_slugs = _table(_slug(p.split(",")[0].split(" (")[0]) + "-" for p, _, _ in PLACES)
    verb_slugs = _table(_slug(v.split()[0]) + "-" for v in VERBS)
    event_numbers = pc.cast(pa.array(event), pa.string())
    ids = _join(_take(place_slugs, place[event]), _take(verb_slugs, verb[event]), event_numbers)

    # Title, 5-10 words: "Riot police clash with dozens of activists in Almaty".
    ev_place = _take(short_places, place[event])
    title = _join(
        _take(_table(SUBJECTS), subject[event]),
        " ",
        _take(_table(VERBS), verb[event]),
        " ",
        _take(_table(OBJECTS), thing[event]),
        " in ",
        ev_place,
    )
    title = pc.if_else(pa.array(first), title, "")

    # Description: a sentence with a comma, sometimes a second with a claim and a figure.
    account_subject = np.where(rng.random(n) < 0.7, subject[event], rng.integers(0, len(SUBJECTS), n))
    sentence = _join(
        _take(_table(SUBJECTS), account_subject),
        " ",
        _take(_table(VERBS), verb[event]),
        " ",
        _take(_table(OBJECTS), thing[event]),
        " in ",
        ev_place,
        ", ",
        _take(_table(DETAILS), rng.integers(0, len(DETAILS), n)),
        ".",
    )
    claim_templates = [c.split("{n}") for c in CLAIMS]
    claim = rng.integers(0, len(CLAIMS), n)
    second = _join(
        " ",
        _take(_table(CLAIMANTS), rng.integers(0, len(CLAIMANTS), n)),
        " says ",
        _take(_table(c[0] for c in claim_templates), claim),
        _take(numbers, np.minimum(rng.geometric(0.03, n) + 1, 1000) - 1),
        _take(_table(c[1] for c in claim_templates), claim),
        ", ",
        _take(_table(CITING), rng.integers(0, len(CITING), n)),
        ".",
    )
    description = pc.if_else(pa.array(rng.random(n) < 0.5), _join(sentence, second), sentence)
    return {"id": ids, "title": title, "description": description}


def to_csv(columns: pa.Table) -> bytes:
    """The table as CSV bytes the way a spreadsheet writes them: quotes only where needed."""
    header = (",".join(columns.column_names) + "\n").encode()
    if not columns.num_rows:
        return header
    fields = []
    for name in columns.column_names:
        values = columns[name].combine_chunks().cast(pa.large_string())  # 64-bit offsets: > 2 GB is fine
        needs = pc.match_substring_regex(values, r'[,"\r\n]')
        quoted = _join('"', pc.replace_substring(values, '"', '""'), '"')
        fields.append(pc.if_else(needs, quoted, values))
    # One string per line, ending in a newline; the lines' bytes lie end to end in one buffer.
    lines = _join(pc.binary_join_element_wise(*fields, pa.scalar(",", pa.large_string())), "\n")
    _, offsets, data = lines.buffers()
    ends = np.frombuffer(offsets, dtype=np.int64, count=len(lines) + 1, offset=lines.offset * 8)
    return header + memoryview(data)[ends[0] : ends[-1]].tobytes()


def default_path(rows: int | None = None, dates: str = "iso", seed: int = 0, *, events: int | None = None) -> Path:
    size = f"{rows}rows" if rows is not None else f"{events}events"
    return DATA / f"events-{size}-{dates}-seed{seed}.csv"


def generate(
    rows: int | None = None,
    dates: str = "iso",
    seed: int = 0,
    *,
    events: int | None = None,
    out: str | Path | None = None,
) -> Path:
    """Write a generated events CSV and return its path (default: benchmarks/data/...)."""
    path = Path(out) if out is not None else default_path(rows, dates, seed, events=events)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = to_csv(table(rows, dates, seed, events=events))
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return path


def ensure(rows: int | None = None, dates: str = "iso", seed: int = 0, *, events: int | None = None) -> Path:
    """The default path, generated unless it exists and is newer than this script."""
    path = default_path(rows, dates, seed, events=events)
    if not path.exists() or path.stat().st_mtime < Path(__file__).stat().st_mtime:
        generate(rows, dates, seed, events=events, out=path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--rows", type=int, help="number of rows (accounts)")
    size.add_argument("--events", type=int, help="number of events (ids); rows ~= 1.8 x events")
    parser.add_argument(
        "--dates",
        choices=VARIANTS,
        default="iso",
        help="iso: ISO dates only; free: ISO and English forms mixed (default: iso)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", help="where to write (default: benchmarks/data/events-...csv)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = generate(args.rows, args.dates, args.seed, events=args.events, out=args.out)
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
