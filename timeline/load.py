"""events.csv -> accepted accounts, the events they describe, and every problem.

`load(path)` never raises for anything an editor can write: what is wrong
becomes a `Problem` naming the row, the column, the value and the fix, and the
other rows keep working. The file is only read, never written.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import dates, diagnosis, links, model, places, schema, workbook
from .csvfile import read_table
from .media import IMAGE, IMAGE_SUFFIXES, kind as media_kind
from .problems import ERROR, WARNING, Message, Problem, ProblemCode, and_list, say, say_n, show

_FORMULA_BYTE = np.zeros(256, dtype=bool)
_FORMULA_BYTE[[ord(start) for start in schema.FORMULA_START if not start.isspace()]] = True  # (values are stripped)
# A byte that may begin or end whitespace: ASCII 9-13 and 28-32, and every byte of a character of
# more than one byte (>= 0x80), as a value may begin with U+00A0 and str.strip() removes it.
_ID_OR_EMPTY = f"^(?:{schema.ID_PATTERN})?$"
# http:// or https://, any case (spelt out: a case-insensitive match would take 'ſ' for 's'),
# then a printable ASCII character other than '/'.
_PLAIN_LINK = "^[hH][tT][tT][pP][sS]?://[!-.0-~]"
_SPACE_BYTE = np.zeros(256, dtype=bool)
_SPACE_BYTE[[*range(9, 14), *range(28, 33), *range(0x80, 0x100)]] = True
LONG_TITLE = 300
LONG_NAME = 200      # a source, category, claimed_by or location longer than this is warned about
NAME_COLUMNS = ("source", "category", "claimed_by", "location")
# Unicode direction overrides and isolates (U+202A-U+202E, U+2066-U+2069): invisible, they
# reverse how the text after them is shown. In UTF-8 all begin e2 80 or e2 81.
_DIRECTION = "[\u202a-\u202e\u2066-\u2069]"
_DIRECTION_BYTES = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
MAX_CATEGORIES = 30  # lanes: more is almost always another column put in the category column
_HTML = r"<\s*[a-zA-Z!/][^>]*>"
_IMAGE_SUFFIX = "|".join(re.escape(suffix) for suffix in IMAGE_SUFFIXES)


@dataclass
class Dataset:
    """What one events.csv holds: the events, their accounts, and the problems found."""

    events: pd.DataFrame
    accounts: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    path: str = ""
    signature: tuple = ()
    resume: Resume | None = field(default=None, repr=False, compare=False)  # see timeline.appends
    growth: Growth | None = field(default=None, repr=False, compare=False)  # when read on from another
    room: "model.Room | None" = field(default=None, repr=False, compare=False)  # of `accounts`, if any
    # The position in `events` of each account's event, as `load` grouped them (the index
    # then need not look each account's id up); None when not known.
    account_event: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]

    @property
    def rows_left_out(self) -> int:
        return len({p.row for p in self.errors if p.row > 1})

    def summary(self) -> str:
        return (
            f"{len(self.events)} events, {len(self.accounts)} accounts, "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings"
        )


WINDOW = 1 << 16  # bytes hashed at the start of the file and before where it is read on from


@dataclass(frozen=True)
class Resume:
    """Where a longer version of the same file can be read on from (timeline.appends.load_more),
    and what the checks across rows need of the rows before it. A file whose problems an
    appended row could change in ways not kept here (a cause said on row 0, a date a
    spreadsheet may have made of a year) has none: it is read again whole."""

    end: int            # bytes [0, end) hold whole records: the file's end, or its cut last row's start
    records: int        # the number of the last record before `end` (the header is 1)
    header: bytes       # the file's first line, its line end (and byte order mark) included
    head: str           # hash of the first head_size bytes (WINDOW, or the file's end if before)
    head_size: int
    tail: str           # hash of the WINDOW bytes before `end`
    inode: int
    ascii: bool         # every byte before `end` < 0x80
    categories: dict    # category key -> (accepted accounts, first row)
    places: dict        # location placed (or not) by its name -> (rows, first row)


@dataclass(frozen=True)
class Growth:
    """How a dataset read on from a previous one (timeline.appends) relates to it, so that its
    index can be extended rather than built again (timeline.index.grow_index)."""

    after: tuple             # the previous dataset's signature
    accounts_from: int       # accounts[:accounts_from] are the previous dataset's, in place
    moved: np.ndarray        # where each previous event is now (positions in `events`)
    account_event: np.ndarray  # the event position of each account from accounts_from on


def signature(path: str | os.PathLike) -> tuple:
    """What changes when the file changes: used to cache a parsed file."""
    try:
        stat = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)


def load(path: str | os.PathLike = "events.csv", workbooks: bool = False) -> Dataset:
    """`workbooks`: read the first sheet of an .xlsx as `check` does; the dashboard does not
    (it serves CSV only, and says so)."""
    path = Path(path)
    stamp = signature(path)
    try:
        data = _read_file(path)
    except FileNotFoundError:
        return _empty([Problem(0, "", ERROR, say("there is no file at {path!r}", path=str(path)), ProblemCode.NO_FILE)],
                      path, stamp)
    except OSError as error:
        return _empty([Problem(0, "", ERROR, say("the file cannot be opened: {why}", why=error.strerror),
                               ProblemCode.CANNOT_OPEN)], path, stamp)
    sheet_note = []
    if workbooks and workbook.kind(data.slice(0, min(data.size, 1 << 16)).to_pybytes()) == workbook.XLSX:
        try:
            data, sheet = workbook.xlsx_to_csv(data.to_pybytes())
        except workbook.NotReadable as error:
            return _empty([Problem(0, "", ERROR, say("the file looks like an Excel workbook (.xlsx) but "
                                                     "cannot be opened ({why}); {save_as_csv}", why=str(error),
                                                     save_as_csv=workbook.SAVE_AS_CSV),
                                   ProblemCode.NOT_CSV)],
                          path, stamp)
        sheet_note = [Problem(0, "", WARNING, say(
            "this is an Excel workbook: check read its first sheet, {sheet!r}, and its row numbers "
            "are the sheet's; the dashboard serves only CSV, so to publish it save it as CSV: "
            "{save_as_csv}", sheet=sheet, save_as_csv=workbook.SAVE_AS_CSV), ProblemCode.NOT_CSV)]
    edges = None if sheet_note else _Edges.of(data)
    holder = [data]
    del data
    dataset = _load(holder, edges, stamp[3] if len(stamp) > 3 else None)
    dataset.problems[:0] = sheet_note
    dataset.path, dataset.signature = str(path), stamp
    return dataset


def _read_file(path: Path) -> pa.Buffer:
    """The file's bytes, as `path.read_bytes()` gives them (and the same errors), in memory
    from Arrow's pool: that is a few times faster to fill than a new bytes object."""
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        buffer = pa.allocate_buffer(size + 1)  # one byte more, to see that the file has grown
        got = 0
        with memoryview(buffer) as view:
            while got < len(view):
                count = file.readinto(view[got:])
                if not count:
                    break
                got += count
        if got <= size:
            return buffer.slice(0, got)
        # The file grew while it was read: the rest, the slow way.
        return pa.py_buffer(buffer.to_pybytes() + file.read())


def load_bytes(data: bytes) -> Dataset:
    return _load([data])


def _load(holder: list, edges: _Edges | None = None, inode: int | None = None) -> Dataset:
    """Read the bytes in holder[0]; they are let go of as soon as they are parsed, which
    lowers the peak memory of a large file by its size. `edges` and `inode`: to say where a
    longer version of the file can be read on from (Dataset.resume)."""
    table = read_table(holder.pop())
    problems = list(table.problems)
    if not table.columns:
        return _empty(problems)
    findings = list(table.findings)
    notes = _Notes()
    accounts, ids = _validate(table.frame, table.rows, problems, findings, ascii=table.ascii, notes=notes)
    events, account_event = model.events_and_positions(accounts, ids)
    problems.sort(key=_reading_order)
    problems[:0] = diagnosis.first(findings, problems)  # the cause of most of them, said first
    dataset = Dataset(events, accounts, problems, account_event=account_event)
    if edges is not None and inode is not None:
        dataset.resume = _resume(table, edges, inode, findings, notes, accounts)
    return dataset


@dataclass
class _Edges:
    """What `Resume` needs of the file's bytes, taken before they are parsed and let go of."""
    header: bytes         # the first line, with its line end
    last_line: int        # where the last line begins: the end, if the file ends with a line end
    quotes_after: int     # double quotes in the last line (none if it is ended)
    cut: bool             # the last line has no line end (a row cut by a save in progress?)
    head: str             # hash of the first WINDOW bytes (or up to last_line)
    head_size: int
    tail: str             # hash of the WINDOW bytes before last_line

    @staticmethod
    def of(data: pa.Buffer) -> _Edges | None:
        view = np.frombuffer(data, dtype=np.uint8)
        newline = np.flatnonzero(view[:WINDOW] == ord("\n"))
        if not len(newline) or not len(view):
            return None
        header = view[:newline[0] + 1].tobytes()
        back = view[-WINDOW:]
        ends = np.flatnonzero(back == ord("\n"))
        if not len(ends):
            return None   # (a last line longer than the window: read again whole)
        last_line = len(view) - len(back) + int(ends[-1]) + 1
        rest = view[last_line:]
        if (rest == ord("\r")).any():
            return None   # (lines ended by CR alone: read again whole)
        return _Edges(header, last_line, int(np.count_nonzero(rest == ord('"'))), bool(len(rest)),
                      window_hash(view[:min(WINDOW, last_line)]), min(WINDOW, last_line), window_hash(view[max(0, last_line - WINDOW):last_line]))


def edge_spans(size: int) -> list[tuple[int, int]]:
    """(start, length) of the first and last WINDOW bytes of `size` bytes, not overlapping: what
    is compared (timeline.lastgood) or hashed (timeline.store) to tell a file's version cheaply."""
    head = min(size, WINDOW)
    tail = max(head, size - WINDOW)
    return [(0, head)] + ([(tail, size - tail)] if size > tail else [])


def window_hash(view) -> str:
    return hashlib.blake2b(np.ascontiguousarray(view).data, digest_size=16).hexdigest()


@dataclass
class _Notes:
    """What the checks across rows found, for `Resume` (see _validate)."""
    year_window: bool = False   # a date that may be a year made a day (diagnosis.years_as_days)
    places: dict = field(default_factory=dict)      # see Resume.places
    categories: dict = field(default_factory=dict)  # see Resume.categories


def _resume(table, edges: _Edges, inode: int, findings: list, notes: _Notes, accounts) -> Resume | None:
    if not table.by_arrow or findings or notes.year_window or (table.quotes - edges.quotes_after) % 2:
        return None
    if not len(table.frame):   # (a file of no rows yet is quick to read again, and says so)
        return None
    if any(p.level == ERROR and p.is_file_level for p in table.problems):
        return None
    records = table.records - (1 if edges.cut else 0)
    categories, placed = uncounted(notes, table.frame, table.rows, accounts, records)
    return Resume(edges.last_line, records, edges.header, edges.head, edges.head_size, edges.tail, inode,
                  table.ascii, categories, placed)


def uncounted(notes: _Notes, frame: pd.DataFrame, rows: np.ndarray, accounts: pd.DataFrame,
              records: int) -> tuple[dict, dict]:
    """The counts of `notes` (categories, places) without a cut last row after row `records`
    (it is read again with the rest of it). `frame` and `rows`: as checked."""
    if not len(rows) or rows[-1] <= records:
        return notes.categories, notes.places
    last = frame.iloc[-1]
    accepted = bool(len(accounts)) and accounts["row"].iat[-1] == rows[-1]
    key = str(accounts["category_key"].iat[-1]) if accepted else ""
    categories, placed = dict(notes.categories), dict(notes.places)
    for counts, key, counted in ((categories, key, accepted and last["category"] != ""),
                                 (placed, last["location"], last["location"] != "" and last["latitude"] == ""
                                  and last["longitude"] == "")):
        if counted and key in counts:
            count, first = counts[key]
            if count > 1:
                counts[key] = (count - 1, first)
            else:
                del counts[key]
    return categories, placed


_COLUMN_ORDER = {name: i for i, name in enumerate(schema.NAMES)}


def _reading_order(problem: Problem) -> tuple:
    """Row by row; in a row, the problems of the row as a whole first, then column by column
    as the file lays them out (unknown columns last)."""
    return (problem.row, problem.column != "", _COLUMN_ORDER.get(problem.column, len(_COLUMN_ORDER)),
            problem.column)


def _empty(problems, path="", stamp=()) -> Dataset:
    accounts, ids = _validate(pd.DataFrame({n: pd.Series([], dtype="str") for n in schema.NAMES}),
                              np.zeros(0, dtype=np.int64), [])
    return Dataset(model.build_events(accounts, ids), accounts, problems, str(path), stamp)


class _Checker:
    """Collects problems for one frame. An error leaves its row out; every error of a row is
    reported, so that an editor can mend it in one go."""

    def __init__(self, frame: pd.DataFrame, rows: np.ndarray, problems: list[Problem]):
        self.frame, self.rows, self.problems = frame, rows, problems
        self.refused = np.zeros(len(frame), dtype=bool)

    def report(self, mask, column: str, level: str, message, code: ProblemCode = ProblemCode.OTHER) -> None:
        """Add a problem for each row in mask; message is a string or value -> string."""
        mask = np.asarray(mask, dtype=bool)
        index = np.flatnonzero(mask)
        if not len(index):
            return
        values = self.frame[column].iloc[index].to_numpy() if column in self.frame else [""] * len(index)
        for i, value in zip(index, values):
            text = message(value) if callable(message) else message
            self.problems.append(Problem(int(self.rows[i]), column, level, text, code))
        if level == ERROR:
            self.refused[index] = True


def _validate(frame: pd.DataFrame, rows: np.ndarray, problems: list[Problem], findings: list | None = None,
              ascii: bool = False, notes: _Notes | None = None):
    """The accepted accounts, and their events' ids as pd.factorize gives them (codes, ids).

    `findings`: where the causes found behind many problems go (diagnosis.Finding); `ascii`:
    the file's bytes are all ASCII (no text in it can be garbled); `notes`: where what the
    checks across rows found goes."""
    findings = [] if findings is None else findings
    notes = _Notes() if notes is None else notes
    for name in schema.NAMES:
        if name not in frame:
            frame[name] = _blank(frame.index)
    edges = {}  # name -> the first byte of each value (see _rough_edges), where known
    for name in schema.NAMES:
        frame[name], edges[name] = _strip(frame[name])
    check = _Checker(frame, rows, problems)

    ids = frame["id"]
    check.report(ids == "", "id", ERROR,
                 say("id is empty; every row needs the id of its event, a slug such as 'airport-seized'"))
    misfit = _no(ids) if _ids_fit(ids) else ~ids.str.fullmatch(schema.ID_PATTERN)
    check.report(misfit & (ids != ""), "id", ERROR, _misfit_id)
    _check_numeric_ids(check, misfit, findings)

    check.report(frame["date"] == "", "date", ERROR,
                 say("date is empty; write when it happened, e.g. 2022-01-07 ({how_to_write})",
                     how_to_write=dates.HOW_TO_WRITE))
    start = _dates(check, "date", ERROR, findings=findings)
    end = _dates(check, "end_date", ERROR, findings=findings)
    published = _dates(check, "published", WARNING, say("It is ignored"))
    for column, parsed, others in (("date", start, [end, published]), ("end_date", end, [start, published])):
        _check_years_as_days(check, column, parsed, others, findings)
    notes.year_window = diagnosis.in_year_window(start, end, published)
    start_last, end_last = start.last(), end.last()
    check.report((end_last < start.value).to_numpy(), "end_date", ERROR,
                 lambda v: say("end_date {value} is before the date; a span ends on or after it starts "
                               "(swap the two dates, or fix the one that is wrong)", value=show(v)))

    check.report(frame["source"] == "", "source", ERROR,
                 say("source is empty; name who published this account (an outlet, agency or document)"))
    _check_link(check, "source_url")
    has_media = _given(frame["media"])  # (before a bad link is dropped: its warning says enough)
    _check_link(check, "media")
    _check_media(check, has_media)

    latitude, longitude = _coordinates(check)
    latitude, longitude, approximate = _place_by_name(check, latitude, longitude, notes.places)
    figure, retracted, retracted_on = _figures(check)
    _check_text(check, edges, ascii)
    if not ascii:
        _check_garbled(check, findings)
    codes, ids = _check_first_rows(check)
    _check_repeated_titles(check, codes, ids, start.value, start_last)

    keep: np.ndarray | slice
    keep = ~check.refused
    if keep.all():
        keep = slice(None)  # nothing left out: no column needs filtering
    else:
        # The events of the accounts kept, numbered again in order of first appearance.
        codes, which = pd.factorize(codes[keep])
        ids = ids.take(which)
    accounts = frame[keep].copy()
    accounts.insert(0, "row", rows[keep])
    accounts["start"] = start.value[keep]
    # Columns of a few distinct values as categories: a tenth of the memory at a million rows.
    # (Each made from the few distinct values and a code per row, as astype("category") makes it.)
    index = accounts.index
    accounts["precision"] = _category(start.distinct_precision, start.take, keep, index)
    accounts["offset"] = _category(start.distinct_offset, start.take, keep, index)
    accounts["start_last"] = start_last[keep]
    accounts["end"] = end.value[keep]
    accounts["end_precision"] = _category(end.distinct_precision, end.take, keep, index)
    accounts["end_last"] = end_last[keep]
    accounts["published_at"] = published.value[keep]
    accounts["published_precision"] = _category(published.distinct_precision, published.take, keep, index)
    accounts["lat"] = latitude[keep]
    accounts["lon"] = longitude[keep]
    accounts["approximate"] = approximate[keep]
    accounts["figure_value"] = figure[keep]
    accounts["is_retracted"] = retracted[keep]
    accounts["retracted_on"] = retracted_on[keep]
    category_codes, categories = pd.factorize(accounts["category"])
    accounts["category_key"] = _category(
        pd.Series(categories, dtype="str").str.lower().to_numpy(dtype=object), category_codes, slice(None), index)
    accounts = accounts.reset_index(drop=True)
    notes.categories = category_counts(accounts)
    problems += category_problems(notes.categories)
    return accounts, (codes, ids)


def _blank(index: pd.Index) -> pd.Series:
    """A column of empty strings (a column the file does not have), without a string per row."""
    n = len(index)
    empty = pa.LargeStringArray.from_buffers(n, pa.py_buffer(np.zeros(n + 1, np.int64)), pa.py_buffer(b""))
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([empty])), index=index, dtype="str")


def _category(distinct: np.ndarray, take: np.ndarray, keep, index: pd.Index) -> pd.Series:
    """pd.Series(distinct[take][keep], dtype="str").astype("category"), without a pass over
    strings per row: distinct holds a few strings (object array), take a position in it per row."""
    take = take[keep]
    codes, names = pd.factorize(distinct)
    used = np.zeros(len(names), dtype=bool)
    used[codes[np.bincount(take, minlength=len(distinct)) > 0]] = True
    # The categories as astype("category") makes them: of the values used, in its order.
    dtype = pd.Series(names[used], dtype="str").astype("category").dtype
    position = np.full(len(names), -1, dtype=np.int64)
    position[used] = dtype.categories.get_indexer(pd.Index(names[used], dtype="str"))
    width = np.int8 if len(dtype.categories) < 127 else np.int32
    return pd.Series(pd.Categorical.from_codes(position.astype(width)[codes][take], dtype=dtype), index=index)


def _dates(check: _Checker, column: str, level: str, consequence: Message | str = "", findings=None) -> dates.ParsedDates:
    parsed = dates.parse_series(check.frame[column])
    if parsed.errors:
        bad = check.frame[column].str.strip().isin(list(parsed.errors)).to_numpy()
        if findings is not None:
            findings += diagnosis.spreadsheet_dates(column, check.frame[column], parsed.errors, check.rows)
        check.report(bad, column, level,
                     lambda v: say("{column} {value} {problem}. {consequence}", column=column, value=show(v),
                                   problem=parsed.errors[v.strip()], consequence=consequence) if consequence else
                     say("{column} {value} {problem}.", column=column, value=show(v), problem=parsed.errors[v.strip()]))
        if level == WARNING:
            parsed.leave_out(bad)
    if parsed.warnings:
        caveat = check.frame[column].str.strip().isin(list(parsed.warnings)).to_numpy()
        check.report(caveat, column, WARNING,
                     lambda v: say("{column} {value}: {problem}", column=column, value=show(v),
                                   problem=parsed.warnings[v.strip()]))
    return parsed


def _misfit_id(value: str) -> Message:
    if re.fullmatch(diagnosis.SCIENTIFIC, value):
        return diagnosis.scientific_id_message(value)  # (no slug: '2-02201e-15' is no id)
    return say("id {value} may hold only lowercase letters, digits and hyphens; write it as {slug!r}",
               value=show(value), slug=schema.slug(value))


def _check_numeric_ids(check: _Checker, misfit: pd.Series, findings: list) -> None:
    """Ids made only of digits (a warning: a spreadsheet drops their zeros in front), and ids in
    scientific notation (an error, from the pattern): together, one cause."""
    ids = check.frame["id"]
    edges = _rough_edges(ids)
    if edges is not None:
        # Only digits means a digit at both ends: the pattern runs on those values alone.
        digit_ends = (edges[0] >= ord("0")) & (edges[0] <= ord("9")) & (edges[1] >= ord("0")) & (edges[1] <= ord("9"))
        digits = np.zeros(len(ids), dtype=bool)
        if digit_ends.any():
            at = np.flatnonzero(digit_ends & _full(ids))
            digits[at] = ids.iloc[at].str.fullmatch(r"[0-9]+").to_numpy(dtype=bool)
    else:
        digits = ids.str.fullmatch(r"[0-9]+").to_numpy(dtype=bool)
    check.report(digits, "id", WARNING, diagnosis.digits_id_message)
    misfit = np.asarray(misfit, dtype=bool)
    scientific = np.zeros(len(ids), dtype=bool)
    if misfit.any():
        at = np.flatnonzero(misfit)
        scientific[at] = ids.iloc[at].str.fullmatch(diagnosis.SCIENTIFIC).to_numpy(dtype=bool)
    finding = diagnosis.numeric_ids(ids, check.rows, digits, scientific)
    if finding:
        findings.append(finding)


def _check_years_as_days(check: _Checker, column: str, parsed: dates.ParsedDates, others: list,
                         findings: list) -> None:
    """A date that is probably a year a spreadsheet turned into a day (1905-07-14 is day 2022)."""
    flagged, year, finding = diagnosis.years_as_days(column, parsed, others, check.rows, ~check.refused)
    if finding is None:
        return
    values = check.frame[column]
    year_of = dict(zip(values[flagged].tolist(), year[flagged].tolist()))
    check.report(flagged, column, WARNING,
                 lambda v: diagnosis.year_as_day_message(column, v, year_of[v]))
    findings.append(finding)


def _check_garbled(check: _Checker, findings: list) -> None:
    """Text garbled by a wrong encoding (`Tokayevâ€™s`): a warning on each value, ftfy's reading
    of it in the message. Every such text holds a character from U+00C2 to U+00EF, which UTF-8
    writes with the byte C3: columns without it are not looked at."""
    rows, examples = [], {}
    for name in (*schema.TEXT_COLUMNS, *schema.MEDIA_TEXT_COLUMNS, "category"):
        values = check.frame[name]
        if not _may_hold(values, b"\xc3"):
            continue
        found = diagnosis.garbled(values)
        if not found:
            continue
        at = values.isin(list(found)).to_numpy()
        check.report(at, name, WARNING, lambda v, name=name: diagnosis.garbled_message(name, v, found[v]))
        rows.append(check.rows[at])
        examples.update(found)
    if examples:
        findings.append(diagnosis.garbled_finding(examples, np.concatenate(rows)))


def _check_link(check: _Checker, column: str) -> None:
    """A value that is not a web link (links.is_web_link) is a warning and is dropped: the
    account is kept, with the column empty, so the value is never rendered or exported."""
    values = check.frame[column]
    bad = _given(values) & ~_web_links(values)
    if bad.any():
        check.report(bad, column, WARNING, lambda v: _not_a_link(column, v))
        check.frame[column] = values.mask(bad, "")


def _check_media(check: _Checker, has_media: np.ndarray) -> None:
    """A picture needs media_alt; media_alt, media_caption and media_credit need media."""
    frame = check.frame
    for name in schema.MEDIA_TEXT_COLUMNS:
        check.report(_given(frame[name]) & ~has_media, name, WARNING,
                     lambda v, name=name: say("{name} {value} is given without media, so it is not shown; "
                                              "put the link to the picture or video in media, or leave {name} "
                                              "empty", name=name, value=show(v)))
    at = np.flatnonzero(_given(frame["media"]) & ~_given(frame["media_alt"]))
    if not len(at):
        return
    # media.kind decides, for each distinct link that names an image suffix anywhere (one pass).
    named = pc.match_substring_regex(pa.array(frame["media"].iloc[at].array), _IMAGE_SUFFIX, ignore_case=True)
    at = at[named.to_numpy(zero_copy_only=False)]
    urls = frame["media"].iloc[at]
    which, distinct = pd.factorize(urls)
    picture = np.array([media_kind(url) == IMAGE for url in distinct], dtype=bool)[which]
    for i, url in zip(at[picture], urls.to_numpy(dtype=object)[picture]):
        check.problems.append(Problem(
            int(check.rows[i]), "media_alt", WARNING,
            say("media_alt is empty; describe what the picture shows for readers who cannot see it "
                "(media {value} is a picture)", value=show(url)),
        ))


def _not_a_link(column: str, value: str) -> Message:
    """The message for a value of a link column that is not a web link: what to write instead."""
    meant = links.likely_link(value)
    if meant and value.startswith("<"):
        return say("{column} {value} is a link pasted as HTML, so the link is dropped (the account is kept); "
                   "write only its address: {meant}", column=column, value=show(value), meant=show(meant, 160))
    if meant:
        return say("{column} {value} has no https:// or http:// in front, so the link is dropped (the account "
                   "is kept); write the whole address, as the browser's address bar shows it: {meant}",
                   column=column, value=show(value), meant=show(meant, 160))
    if value[:8].lower().startswith(("http://", "https://")):
        return say("{column} {value} is not a whole web link (it has no host, or a space in it), so the link "
                   "is dropped (the account is kept); write the address alone, as the browser's address bar "
                   "shows it", column=column, value=show(value))
    return say("{column} {value} is not a web link; only http:// and https:// links are allowed, so the link "
               "is dropped (the account is kept). Use the page's https:// address, or leave it empty",
               column=column, value=show(value))


def _coordinates(check: _Checker):
    frame = check.frame
    values = {}
    for name, limit in (("latitude", 90), ("longitude", 180)):
        text = frame[name]
        # Each distinct value once: coordinates repeat (one place, many rows).
        codes, distinct = pd.factorize(text)
        distinct = pd.Series(distinct, dtype=text.dtype)
        parsed = pd.to_numeric(distinct.where(distinct.str.fullmatch(schema.NUMBER), None), errors="coerce")
        number = pd.Series(parsed.to_numpy(dtype=float)[codes], index=text.index)
        check.report((text != "") & number.isna(), name, ERROR,
                     lambda v, name=name: say("{name} {value} is not a number; write decimal degrees such "
                                              "as 43.2389, or leave it empty", name=name, value=show(v)))
        check.report((number.abs() > limit).to_numpy(), name, ERROR,
                     lambda v, name=name, limit=limit: say("{name} {value} is out of range: it runs from "
                                                           "-{limit} to {limit}", name=name, value=v,
                                                           limit=limit))
        values[name] = number.to_numpy(dtype=float)
    has_lat, has_lon = frame["latitude"] != "", frame["longitude"] != ""
    check.report(has_lat & ~has_lon, "longitude", ERROR,
                 say("latitude is given without longitude; give both, or neither"))
    check.report(has_lon & ~has_lat, "latitude", ERROR,
                 say("longitude is given without latitude; give both, or neither"))
    return values["latitude"], values["longitude"]


def _figures(check: _Checker):
    """The `figure` as a number (NaN where empty), whether the account is `retracted`, and the
    date it was withdrawn (NaT unless one is given). A figure that is not a number, or a
    `retracted` that is neither a yes nor a date, is an error; a unit without a figure, a warning."""
    frame = check.frame
    text = frame["figure"]
    codes, distinct = pd.factorize(text)
    distinct = pd.Series(distinct, dtype=text.dtype)
    parsed = pd.to_numeric(distinct.where(distinct.str.fullmatch(schema.NUMBER), None), errors="coerce")
    figure = parsed.to_numpy(dtype=float)[codes] if len(distinct) else np.full(len(text), np.nan)
    figure = np.where(codes < 0, np.nan, figure)
    check.report(((text != "").to_numpy() & np.isnan(figure)), "figure", ERROR,
                 lambda v: say("figure {value} is not a number; write the number alone, such as 238 "
                               "(1000, not 1,000), say \"over\" or \"about\" in the description, or "
                               "leave it empty", value=show(v)))
    check.report((frame["figure_unit"] != "").to_numpy() & (text == "").to_numpy(), "figure_unit", WARNING,
                 lambda v: say("figure_unit {value} is given without a figure; write the number in "
                               "figure, or leave figure_unit empty", value=show(v)))
    word = frame["retracted"].str.lower()
    flagged = word.isin(list(schema.RETRACTED_WORDS)).to_numpy()
    dated_text = frame["retracted"].where(~flagged, "")
    parsed_on = dates.parse_series(dated_text)
    on = parsed_on.value.to_numpy()
    unreadable = (dated_text != "").to_numpy() & np.isnat(on)
    check.report(unreadable, "retracted", ERROR,
                 lambda v: say("retracted {value} is neither yes nor a date; write yes, or the date it "
                               "was withdrawn (e.g. 2022-01-10), or leave it empty", value=show(v)))
    retracted = flagged | ~np.isnat(on)
    return figure, retracted, on


def _place_by_name(check: _Checker, latitude: np.ndarray, longitude: np.ndarray, placed: dict):
    """Rows with a location and no coordinates, placed where the gazetteer's one town of that
    name is: (latitude, longitude, approximate), approximate True where a row was placed so.
    Each such location is a warning on its first row, with the coordinates to write; `placed`
    gets each such location's (rows, first row)."""
    approximate = np.zeros(len(latitude), dtype=bool)
    location = check.frame["location"]
    unplaced = ((location != "") & (check.frame["latitude"] == "") & (check.frame["longitude"] == "")).to_numpy()
    if not unplaced.any():
        return latitude, longitude, approximate
    latitude, longitude = latitude.copy(), longitude.copy()
    codes, names = pd.factorize(location[unplaced].str.strip())
    rows = np.flatnonzero(unplaced)
    for code, name in enumerate(names):
        match = places.lookup(name)
        if match.place is None and not match.ambiguous:
            continue
        which = rows[codes == code]
        if match.place is not None:
            place = match.place
            latitude[which], longitude[which], approximate[which] = place.latitude, place.longitude, True
        placed[name] = (len(which), int(check.rows[which[0]]))
        check.problems.append(placed_warning(name, *placed[name]))
    return latitude, longitude, approximate


def placed_warning(name: str, count: int, row: int) -> Problem:
    """The warning on the first row of a location with no coordinates that names one town (it is
    placed there) or several (it is not placed); `count`: the rows with that location."""
    match = places.lookup(name)
    # (English says "rows" even of one: "and 1 more rows", as before)
    more = say_n(" (and {n:,} more rows)", " (and {n:,} more rows)", count - 1) if count > 1 else ""
    if match.place is None:
        towns = "; ".join(p.label() for p in match.candidates[:3]) + ("..." if len(match.candidates) > 3 else "")
        return Problem(row, "location", WARNING,
                         say("location {name} has no latitude and longitude{more}, and {count} towns have that "
                             "name ({towns}): to place it on the map, add its coordinates, or name the country "
                             "(e.g. {example})", name=show(name), more=more, count=len(match.candidates),
                             towns=towns,
                             example=show(match.candidates[0].name + ', ' + match.candidates[0].country)),
                         ProblemCode.PLACED_BY_NAME)
    place = match.place
    return Problem(row, "location", WARNING,
                         say("location {name} has no latitude and longitude{more}; the map places it "
                             "approximately, at the one town of that name, {place}. To place it exactly, add "
                             "latitude {latitude:.4f} and longitude {longitude:.4f}, or the place's own "
                             "coordinates", name=show(name), more=more, place=place.label(),
                             latitude=place.latitude, longitude=place.longitude), ProblemCode.PLACED_BY_NAME)


def _check_text(check: _Checker, edges: dict, ascii: bool = False) -> None:
    """`edges`: the first byte of each value of a column (as `_rough_edges` gives it), if known;
    `ascii`: every byte of the file is ASCII (then it holds no direction override)."""
    frame = check.frame
    # (the category is text an editor types too)
    for name in (*schema.TEXT_COLUMNS, *schema.MEDIA_TEXT_COLUMNS, "category"):
        text = frame[name]
        # A tag needs a "<": the full pattern (Python's regex, for \s) runs on those values only.
        html = text.str.contains("<", regex=False) if _may_hold(text, b"<") else _no(text)
        if html.any():
            html[html] = text[html].str.contains(_HTML, regex=True)
        check.report(html, name, WARNING,
                     lambda v, name=name: say("{name} {value} holds HTML; it is shown as plain text, tags "
                                              "and all. Write plain text", name=name, value=show(v)))
        first = edges.get(name)
        if first is not None:
            formula = np.take(_FORMULA_BYTE, first)
            if formula.any():
                formula &= _full(text)
            formula = pd.Series(formula, index=text.index)
        else:
            exact = _edge_bytes(text)
            formula = (pd.Series(_FORMULA_BYTE[exact[0]], index=text.index) if exact is not None
                       else text.str.startswith(schema.FORMULA_START))
        if formula.any():
            formula[formula] = ~text[formula].str.fullmatch(schema.NUMBER)
        check.report(formula, name, WARNING,
                     lambda v, name=name: say("{name} {value} begins with {first!r}, which a spreadsheet may "
                                              "run as a formula; exports neutralise it, but consider "
                                              "rewording", name=name, value=show(v), first=v[0]))
        # Only a column whose bytes hold one of the overrides is searched value by value.
        turned = (text.str.contains(_DIRECTION, regex=True) if not ascii and _may_match(text, _DIRECTION_BYTES)
                  else _no(text))
        check.report(turned, name, WARNING,
                     lambda v, name=name: say("{name} {value} holds an invisible Unicode direction override "
                                              "({overrides}), which reverses how the text after it is shown; "
                                              "delete it", name=name, value=show(v), overrides=_overrides(v)))
    check.report(_longer(frame["title"], LONG_TITLE), "title", WARNING,
                 lambda v: say("title is {length:,} characters long; a headline reads best under {best} (the "
                               "timeline shortens it). Move the rest to description", length=len(v),
                               best=LONG_TITLE // 3))
    for name in NAME_COLUMNS:
        check.report(_longer(frame[name], LONG_NAME), name, WARNING,
                     lambda v, name=name: say("{name} is {length:,} characters long; a name reads best under "
                                              "{best} and the page shortens anything over {limit}. Move the "
                                              "rest to description", name=name, length=len(v),
                                              best=LONG_NAME // 4, limit=LONG_NAME))


def _longer(text: pd.Series, limit: int) -> pd.Series:
    """Which values have more than `limit` characters. A value of at most `limit` bytes has at
    most as many characters: only the columns with a longer value are counted."""
    parts = _chunks(text)
    if parts is not None and all(not len(offsets) or np.diff(offsets).max() <= limit
                                 for offsets, _ in parts):
        return _no(text)
    return text.str.len() > limit


def _overrides(value: str) -> str:
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in re.findall(_DIRECTION, value)}))


def _check_first_rows(check: _Checker) -> tuple[np.ndarray, pd.Index]:
    """Title and category are required on an event's first accepted row.

    Returns pd.factorize(ids): the events, numbered in order of first appearance."""
    frame = check.frame
    codes, ids = pd.factorize(frame["id"])
    while True:
        # A row left out is not an event's first row: look again among the rest.
        if check.refused.any():
            first = ~pd.Index(np.where(check.refused, -1, codes)).duplicated(keep="first") & ~check.refused
        else:
            first = np.zeros(len(codes), dtype=bool)
            first[model.first_positions(codes)] = True
        first = pd.Series(first, index=frame.index)
        missing = first & ((frame["title"] == "") | (frame["category"] == ""))
        if not missing.any():
            break
        for name in ("title", "category"):
            check.report(missing & (frame[name] == ""), name, ERROR,
                         lambda v, name=name: say("{name} is empty on the first row of this event; the first "
                                                  "row of an id names its {name}", name=name),
                         ProblemCode.FIRST_ROW_EMPTY)
    first = first.to_numpy()
    later = ~first & ~check.refused & (frame["category"] != "").to_numpy()
    if not later.any():
        return codes, ids
    # Each later row with a category against its event's first row (lowercased as before: the
    # first row's by Arrow, the later row's by Python, each distinct value once).
    at = np.flatnonzero(later)
    first_of = np.full(len(ids), -1, dtype=np.int64)
    first_of[codes[first]] = np.flatnonzero(first)
    heads = first_of[codes[at]]
    at, heads = at[heads >= 0], heads[heads >= 0]
    categories = frame["category"]
    expected = categories.iloc[heads].str.lower().to_numpy(dtype=object)
    written = categories.iloc[at].to_numpy(dtype=object)
    which, distinct = pd.factorize(written)
    lowered = np.array([value.lower() for value in distinct], dtype=object)[which]
    differ = lowered != expected
    for i, category, head, head_row in zip(at[differ], written[differ], expected[differ], check.rows[heads[differ]]):
        check.problems.append(Problem(
            int(check.rows[i]), "category", WARNING,
            say("category {value} differs from {head!r} on row {head_row}, this event's first row, which "
                "decides its lane; leave it empty on later rows", value=show(category), head=head,
                head_row=int(head_row)),
        ))
    return codes, ids


def _check_repeated_titles(check: _Checker, codes: np.ndarray, ids: pd.Index, start: pd.Series,
                           start_last: pd.Series) -> None:
    """Later accounts that repeat their event's title (any case and spacing) with a date that
    cannot be the first account's are probably other events given the same id by mistake
    ("Distributions continue" on five days): one warning per event, naming every such row."""
    kept = ~check.refused
    titled = _given(check.frame["title"]) & kept
    # Every event's first accepted row has a title: are there titled rows beyond those?
    kept_events = len(ids) if kept.all() else np.count_nonzero(np.bincount(codes[kept], minlength=len(ids)))
    if np.count_nonzero(titled) == kept_events:
        return  # (the usual case: only first rows have a title)
    at = np.flatnonzero(titled)
    events = codes[at]
    later = pd.Index(events).duplicated(keep="first")
    if not later.any():
        return
    first_of = np.full(len(ids), -1, dtype=np.int64)
    first_of[events[~later]] = at[~later]
    at, events = at[later], events[later]
    heads = first_of[events]
    # A date that cannot be the first account's (as for a disputed date); then the same title.
    value, last = start.to_numpy(), start_last.to_numpy()
    other_date = (value[at] > last[heads]) | (last[at] < value[heads])
    at, events, heads = at[other_date], events[other_date], heads[other_date]
    if not len(at):
        return
    written = check.frame["title"].take(np.concatenate([at, heads])).to_numpy(dtype=object)
    which, distinct = pd.factorize(written)
    normal = np.array([" ".join(t.split()).casefold() for t in distinct], dtype=object)[which]
    flagged = np.flatnonzero(normal[:len(at)] == normal[len(at):])
    found: dict[int, tuple[int, list[int]]] = {}  # event -> (its first flagged, its rows in file order)
    for k, event, row in zip(flagged.tolist(), events[flagged].tolist(), check.rows[at[flagged]].tolist()):
        found.setdefault(event, (k, []))[1].append(row)
    names = ids.take(list(found)).tolist()
    for (k, repeated), name in zip(found.values(), names):
        check.problems.append(Problem(repeated[0], "id", WARNING, _repeated_title(
            repeated, int(check.rows[heads[k]]), written[len(at) + k], str(name)), ProblemCode.REPEATED_TITLE))


def _listed(values: list) -> str | Message:
    """Values (each a cell value as `show` quotes it: a long one is a message) joined by commas."""
    listed = values[0]
    for value in values[1:]:
        listed = listed + ", " + value if isinstance(listed, str) and isinstance(value, str) else \
            say("{listed}, {value}", listed=listed, value=value)
    return listed


def _repeated_title(rows: list[int], head_row: int, title: str, event_id: str, named: int = 8) -> Message:
    if len(rows) == 1:
        return say("row {row} repeats the title {title} of row {head_row} with another date: it looks like a "
                   "different event sharing the id {id}; give it its own id ({plain_id}-2) or leave title empty "
                   "on a later account of the same event", row=rows[0], title=show(title), head_row=head_row,
                   id=show(event_id), plain_id=event_id)
    first = ", ".join(map(str, rows[:min(named, len(rows) - 1)]))
    rest = len(rows) - min(named, len(rows) - 1)
    listed = (and_list([str(row) for row in rows]) if rest == 1
              else say_n("{listed} and {n:,} more", "{listed} and {n:,} more", rest, listed=first))
    return say("rows {listed} repeat the title {title} of row {head_row} with other dates: they look like "
               "different events sharing the id {id}; give each its own id ({plain_id}-2, ...) or leave title "
               "empty on a later account of the same event", listed=listed, title=show(title), head_row=head_row,
               id=show(event_id), plain_id=event_id)


def category_counts(accounts: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Each category (lowercased) that accounts name: (how many, the first row naming it)."""
    named = (accounts["category"] != "").to_numpy()
    if not named.any():
        return {}
    keys = accounts["category_key"].array  # a Categorical: a code per row
    codes, rows = keys.codes[named], accounts["row"].to_numpy()[named]
    counts = np.bincount(codes, minlength=len(keys.categories))
    firsts = np.full(len(keys.categories), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(firsts, codes, rows)
    used = np.flatnonzero(counts)
    return {str(keys.categories[k]): (int(counts[k]), int(firsts[k])) for k in used}


def category_problems(counted: dict[str, tuple[int, int]]) -> list[Problem]:
    """Near-duplicate categories (`Protest` / `protests`) are probably one lane; more than
    MAX_CATEGORIES are probably a column mapped by mistake. `counted`: see category_counts."""
    problems = []
    if len(counted) > MAX_CATEGORIES:
        # Probably another column, not lanes: near-duplicates among them would be noise.
        examples = sorted(counted, key=lambda k: counted[k][1])[:4]
        problems.append(Problem(1, "category", WARNING, say(
            "category holds {count:,} different values ({examples}, ...), a lane each; it should hold a "
            "handful of lanes (protest, government, security, ...), and more than {most} almost always means "
            "that another column (a place, an outlet, a title) was put in the category column: check which "
            "column holds the categories", count=len(counted), examples=_listed([show(k, 30) for k in examples]),
            most=MAX_CATEGORIES), ProblemCode.TOO_MANY_CATEGORIES))
        return problems
    count = {key: counts for key, (counts, _) in counted.items()}
    first = {key: row for key, (_, row) in counted.items()}
    # The most used spelling is the lane; on a tie, the one the file uses first.
    ordered = sorted(count, key=lambda k: (-count[k], first[k], k))
    for i, key in enumerate(ordered):
        for other in ordered[:i]:
            if _alike(key, other):
                problems.append(Problem(
                    first[key], "category", WARNING,
                    say_n("category {key!r} looks like {other!r} ({n} rows); if they are one lane, spell them "
                          "the same", "category {key!r} looks like {other!r} ({n} rows); if they are one lane, "
                          "spell them the same", count[other], key=key, other=other),
                    ProblemCode.CATEGORY_ALIKE,
                ))
                break
    return problems


def _chunks(series: pd.Series):
    """A string column's Arrow buffers as numpy views, [(offsets, data)], or None if it has none."""
    try:
        array = pa.array(series.array)
    except (TypeError, ValueError, pa.ArrowException):
        return None
    parts = []
    for chunk in array.chunks if isinstance(array, pa.ChunkedArray) else [array]:
        width = {pa.string(): np.int32, pa.large_string(): np.int64}.get(chunk.type)
        if width is None or chunk.null_count:
            return None
        if not len(chunk):
            continue
        _, offsets, data = chunk.buffers()
        offsets = np.frombuffer(offsets, dtype=width, count=len(chunk) + 1,
                                offset=chunk.offset * np.dtype(width).itemsize)
        parts.append((offsets, np.frombuffer(data, dtype=np.uint8) if data else np.zeros(0, np.uint8)))
    return parts


def _may_hold(series: pd.Series, needle: bytes) -> bool:
    """False when no value can hold needle: its bytes are nowhere in the column's text."""
    parts = _chunks(series)
    if parts is None:
        return True
    step, overlap = 1 << 20, len(needle) - 1  # a piece at a time: no copy of the whole column
    for offsets, data in parts:
        begin, end = int(offsets[0]), int(offsets[-1])
        for start in range(begin, end, step):
            if data[start:min(start + step + overlap, end)].tobytes().find(needle) >= 0:
                return True
    return False


def _may_match(series: pd.Series, pattern: re.Pattern) -> bool:
    """False when no value can hold a match of the bytes pattern: it is nowhere in the column's
    text (searched where it lies, no copy)."""
    parts = _chunks(series)
    if parts is None:
        return True
    for offsets, data in parts:
        with memoryview(data) as view:
            if pattern.search(view, int(offsets[0]), int(offsets[-1])):
                return True
    return False


def _edge_bytes(series: pd.Series):
    """(first byte, last byte) of each value's UTF-8, 0 for an empty value; None if unknown."""
    parts = _chunks(series)
    if parts is None:
        return None
    firsts, lasts = [np.zeros(0, np.uint8)], [np.zeros(0, np.uint8)]
    for offsets, data in parts:
        starts, ends = offsets[:-1], offsets[1:]
        if not len(data):
            firsts.append(np.zeros(len(starts), np.uint8))
            lasts.append(np.zeros(len(starts), np.uint8))
            continue
        empty = ends == starts
        # (An empty value's position may be the end of the data, or -1: clipped, then zeroed.)
        first = data[np.minimum(starts, len(data) - 1)]
        last = data[ends - 1]
        first[empty] = 0
        last[empty] = 0
        firsts.append(first)
        lasts.append(last)
    return np.concatenate(firsts), np.concatenate(lasts)


def _strip(series: pd.Series):
    """(series.str.strip(), None), or (series, the first byte of each value as `_rough_edges`
    gives it) when no value begins or ends with a byte of whitespace (see _SPACE_BYTE)."""
    edges = _rough_edges(series)
    if edges is not None and not (np.take(_SPACE_BYTE, edges[0]).any() or np.take(_SPACE_BYTE, edges[1]).any()):
        return series, edges[0]
    return series.str.strip(), None


def _rough_edges(series: pd.Series):
    """(first bytes, last bytes) of the values' UTF-8, or None if unknown. An empty value gets
    a byte of some other value (or of the column's buffer): enough to ask whether any value
    begins with something, not which (for that, mask with `_full`)."""
    parts = _chunks(series)
    if parts is None:
        return None
    firsts, lasts = [], []
    for offsets, data in parts:
        if not len(data):
            firsts.append(np.zeros(len(offsets) - 1, np.uint8))
            lasts.append(np.zeros(len(offsets) - 1, np.uint8))
            continue
        firsts.append(np.take(data, offsets[:-1], mode="clip"))
        lasts.append(np.take(data, offsets[1:] - 1, mode="clip"))
    return _joined(firsts), _joined(lasts)


def _full(series: pd.Series) -> np.ndarray:
    """Which values are not empty, from their offsets (the column has Arrow buffers)."""
    return _joined([np.diff(offsets) > 0 for offsets, _ in _chunks(series)], dtype=bool)


def _joined(arrays: list, dtype=np.uint8) -> np.ndarray:
    if len(arrays) == 1:
        return arrays[0]
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)


def _ids_fit(ids: pd.Series) -> bool:
    """True when every id that is not empty fits schema.ID_PATTERN ([a-z0-9]+(-[a-z0-9]+)*), as
    one pass of Arrow's regex engine over the column says; False when the column has no Arrow
    text: then pandas' regex decides."""
    if _chunks(ids) is None:
        return False
    return pc.all(pc.match_substring_regex(pa.array(ids.array), _ID_OR_EMPTY), min_count=0).as_py()


def _web_links(values: pd.Series) -> np.ndarray:
    """Which values are web links, as links.is_web_link says. Most links begin plainly (an ASCII
    scheme, then a printable ASCII character) and hold no whitespace: those are, as their bytes
    show; the others go through links.is_web_link, each distinct value once."""
    plain, spaced = _plain_links(values), _spaced(values)
    if plain is None or spaced is None:
        plain, spaced = np.zeros(len(values), dtype=bool), np.ones(len(values), dtype=bool)
    web = plain & ~spaced
    unsure = ~web & _given(values)
    if unsure.any():
        which, distinct = pd.factorize(values[unsure])
        web[unsure] = np.array([links.is_web_link(v) for v in distinct], dtype=bool)[which]
    return web


def _spaced(values: pd.Series) -> np.ndarray | None:
    """Which values hold a byte of whitespace (see _SPACE_BYTE), from the column's bytes; None
    if unknown. Most columns of links hold only printable ASCII: one min and max tell."""
    parts = _chunks(values)
    if parts is None:
        return None
    found = []
    for offsets, data in parts:
        spaced = np.zeros(len(offsets) - 1, dtype=bool)
        text = data[offsets[0]:offsets[-1]]
        if len(text) and (text.min() <= ord(" ") or text.max() >= 0x80):
            at = np.flatnonzero(np.take(_SPACE_BYTE, text)) + offsets[0]
            spaced[np.searchsorted(offsets, at, side="right") - 1] = True
        found.append(spaced)
    return _joined(found, dtype=bool)


def _given(values: pd.Series) -> np.ndarray:
    """Which values are not empty."""
    return _full(values) if _chunks(values) is not None else (values != "").to_numpy(dtype=bool)


def _plain_links(urls: pd.Series) -> np.ndarray | None:
    """Which values begin with http:// or https:// (any case) and then a printable ASCII
    character other than '/' (Arrow's regex engine, anchored: it reads a few bytes a value);
    None if the column has no Arrow text."""
    if _chunks(urls) is None:
        return None
    return pc.match_substring_regex(pa.array(urls.array), _PLAIN_LINK).to_numpy(zero_copy_only=False)


def _no(series: pd.Series) -> pd.Series:
    return pd.Series(np.zeros(len(series), dtype=bool), index=series.index)


def _alike(a: str, b: str) -> bool:
    if a.rstrip("s") == b.rstrip("s"):
        return True
    return len(a) > 4 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.9

