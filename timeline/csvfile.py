"""Reading the bytes of an editor's CSV into a table of strings, row numbers kept.

Only the shape of the file is checked here (encoding, header, delimiter,
quotes, number of fields); what the values mean is `load`'s job. Row numbers
are spreadsheet rows: the header is row 1, and a value with a line break in
quotes stays one row.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from . import dates, diagnosis, links, schema, workbook
from .problems import ERROR, WARNING, Finding, Message, Problem, ProblemCode, and_list, say, say_n, show
from .workers import THREADED_ROWS, Workers

BOM = b"\xef\xbb\xbf"  # UTF-8's byte order mark, as Excel writes it (and `add` does in a new file)
# The csv module refuses fields over 128 KiB by default; an editor's long text is not an error.
csv.field_size_limit(2**31 - 1)
HOW_TO_SAVE = say("save it from your spreadsheet as 'CSV UTF-8 (comma delimited)'")
# A byte that may begin or end whitespace: ASCII 9-13 and 28-32, and every byte of a character of
# more than one byte (>= 0x80), as a value may begin with U+00A0 and str.strip() removes it.
SPACE_BYTE = np.zeros(256, dtype=bool)
SPACE_BYTE[[*range(9, 14), *range(28, 33), *range(0x80, 0x100)]] = True


@dataclass
class Table:
    """The file's rows as strings. `frame` has one column per header name."""

    columns: list[str] = field(default_factory=list)
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    problems: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # causes behind many of the problems
    ascii: bool = False  # every byte of the file < 0x80 (then no text is garbled, for one)
    records: int = 0  # CSV records, the header and blank lines included (the last row's number)
    quotes: int = 0  # double quotes in the file
    by_arrow: bool = False  # read by Arrow's parser (UTF-8, every quote closed)
    # Rows left out as they were read (their shape, text that is not UTF-8...), each with an
    # error of its own: the value each holds under `id`, as written (of a row of too many or too
    # few values, only where `id` is the first column). One may be its event's first row in the
    # file (load._check_first_rows).
    left_out: dict[int, str] = field(default_factory=dict)


class Unreadable(Exception):
    """The file cannot be read at all; carries the one problem that says why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def read_table(data, scan: Scan | None = None, file_size: int | None = None) -> Table:
    """Read a file's bytes: `bytes`, or a pyarrow Buffer (read without a copy). `scan`: what
    Scan.of finds in them, if the caller scanned them as it read them. `file_size`: the size of
    the whole file these bytes end (rows appended, read on: timeline.appends), if not all of it.

    They are let go of once parsed (unless the caller keeps them): the memory they took then
    holds the columns, each in one piece."""
    holder = [data]
    del data
    try:
        return _read(holder, scan, file_size)
    except Unreadable as unreadable:
        return Table(problems=[unreadable.problem])


def _read(holder: list, scan: Scan | None, file_size: int | None = None) -> Table:
    data = holder.pop()
    data = data if isinstance(data, pa.Buffer) else pa.py_buffer(data)
    if _head(data, len(BOM)) == BOM:
        data = data.slice(len(BOM))
        if scan is not None and not scan.after_bom:
            scan = None  # (it saw the mark's bytes)
    which = workbook.kind(_head(data, 1 << 16))
    if which:  # (before the UTF-16 test: a zip's bytes hold NULs too)
        raise Unreadable(Problem(0, "", ERROR, workbook.not_csv(which), ProblemCode.NOT_CSV))
    if _head(data, 2) in (b"\xff\xfe", b"\xfe\xff"):
        raise Unreadable(
            Problem(
                0,
                "",
                ERROR,
                say(
                    "the file is saved as UTF-16 text ('Unicode Text' in "
                    "Excel), not UTF-8; save it as CSV UTF-8: {save_as_csv}",
                    save_as_csv=workbook.SAVE_AS_CSV,
                ),
                ProblemCode.NOT_CSV,
            )
        )
    if not _head(data, 4096).strip() and not data.to_pybytes().strip():  # (the first 4 KiB usually settle it)
        raise Unreadable(
            Problem(
                0,
                "",
                ERROR,
                say("the file is empty; it needs at least the header line: {header}", header=schema.header_line()),
                ProblemCode.NOT_CSV,
            )
        )
    columns, problems = _read_header(data)
    scan = _scan(data) if scan is None else scan
    page = None  # (the code page of another script its bytes that are not UTF-8 are in)
    try:
        if scan.quotes % 2:
            # An odd number of quotes: one may open and never close, which the fast parser
            # accepts silently (the value runs on to the end of the file).
            raise pa.ArrowInvalid("a double quote may be left open")
        if not scan.ascii and not _is_utf8(data):
            # pyarrow prints a traceback when a row it skips is not UTF-8; check first.
            raise pa.ArrowInvalid("not UTF-8")
        frame, rows, shape_problems, records, left_out = _parse_with_arrow(data, columns, scan)
        replaced = False
    except pa.ArrowInvalid:
        # An open quote, or bytes that are not UTF-8: read again slowly, to say where.
        raw = data.to_pybytes()
        text = raw.decode("utf-8", errors="replace")
        page = code_page(raw) if "\ufffd" in text else None
        del raw
        frame, rows, shape_problems, records, left_out = _parse_with_csv_module(text, columns)
        del text
        replaced = True
    # Values are pieces of the file's text: look for a NUL or U+FFFD only if the text has one.
    absent = [needle for needle, found in (("\x00", scan.nul), ("\ufffd", replaced or scan.replacement)) if not found]
    # (A file typed by hand is small: its quotes are looked at closely. A larger one is written by
    # a program, and looking costs about 1 ms a MB: 0.3 s at a million rows.)
    looked_at = (data.size if file_size is None else file_size) <= QUOTES_LOOKED_AT  # (as a whole file's)
    quoted_phrases = _closing_quotes_in_values(data, scan) if scan.quotes and looked_at else None
    large = data.size >= 1 << 25
    del data
    frame = one_chunk(frame, threads=large)
    if large:
        # The file's bytes and the parser's blocks are free now: Arrow's pool would keep their
        # memory a while longer, beside all that the checks make next. Given back at once, the
        # peak at a million rows is lower and no longer varies (by 0.2 GB from run to run).
        pa.default_memory_pool().release_unused()
    problems += shape_problems
    frame, rows = _drop_blank_rows(frame, rows)
    _unnamed_and_empty(frame, problems)
    before = len(problems)
    bad_rows = _rows_with_bad_text(frame, rows, columns, problems, absent, code_page=page)
    bad_rows |= _header_again(frame, rows, columns, problems, bad_rows)
    line_ends = scan.newlines if scan.newlines else scan.returns  # (CR alone: an old Mac's files)
    # (more line feeds than records: some value holds a line break; most files have none)
    breaks = bool(scan.quotes) and line_ends > records - (not scan.edges[1].endswith((b"\n", b"\r")))
    if breaks:
        bad_rows |= _rows_swallowed(frame, rows, columns, problems, bad_rows)
    if scan.quotes and not replaced and quoted_phrases is not None:
        bad_rows |= _quotes_dropped(quoted_phrases, frame, rows, columns, problems, bad_rows, not breaks)
    not_utf8 = [p.row for p in problems[before:] if p.code == ProblemCode.NOT_UTF8]
    findings = []
    if not_utf8:
        findings.append(
            Finding(
                np.array(not_utf8, dtype=np.int64),
                Problem(
                    0,
                    "",
                    ERROR,
                    say_n(
                        "{n:,} row holds text that is not UTF-8: the file was saved in {script} ({encoding}), as a "
                        "spreadsheet set to a language of that script saves one, so its letters cannot be read and "
                        "those rows are left out; open it as {script} ({encoding}), not as Western text, then save it "
                        "as CSV UTF-8: {save_as_csv}",
                        "{n:,} rows hold text that is not UTF-8: the file was saved in {script} ({encoding}), as a "
                        "spreadsheet set to a language of that script saves one, so its letters cannot be read and "
                        "those rows are left out; open it as {script} ({encoding}), not as Western text, then save it "
                        "as CSV UTF-8: {save_as_csv}",
                        len(set(not_utf8)),
                        script=page.script,
                        encoding=page.name,
                        save_as_csv=workbook.SAVE_AS_CSV,
                    )
                    if page and not page.saved_by
                    else say_n(
                        "{n:,} row holds text that is not UTF-8: the file was saved in {encoding}, {saved_by}, so its "
                        "letters cannot be read and those rows are left out; open it as {encoding}, not as "
                        "Windows-1252, then save it as CSV UTF-8: {save_as_csv}",
                        "{n:,} rows hold text that is not UTF-8: the file was saved in {encoding}, {saved_by}, so its "
                        "letters cannot be read and those rows are left out; open it as {encoding}, not as "
                        "Windows-1252, then save it as CSV UTF-8: {save_as_csv}",
                        len(set(not_utf8)),
                        encoding=page.name,
                        saved_by=page.saved_by,
                        save_as_csv=workbook.SAVE_AS_CSV,
                    )
                    if page
                    else say_n(
                        "{n:,} row holds text that is not UTF-8: the file (or part of it) was saved as Windows-1252 or "
                        "Latin-1, as Excel's 'CSV (Comma delimited)' and older programs save it, so letters such as é "
                        "or ’ cannot be read and those rows are left out; save it as CSV UTF-8: {save_as_csv}",
                        "{n:,} rows hold text that is not UTF-8: the file (or part of it) was saved as Windows-1252 or "
                        "Latin-1, as Excel's 'CSV (Comma delimited)' and older programs save it, so letters such as é "
                        "or ’ cannot be read and those rows are left out; save it as CSV UTF-8: {save_as_csv}",
                        len(set(not_utf8)),
                        save_as_csv=workbook.SAVE_AS_CSV,
                    ),
                    ProblemCode.DIAGNOSIS,
                ),
            )
        )
    if bad_rows.any():
        if "id" in frame:
            left_out.update(zip(rows[bad_rows].tolist(), frame["id"][bad_rows].str.strip().tolist()))
        frame, rows = (
            filtered(frame, ~bad_rows, threads=len(frame) >= THREADED_ROWS).reset_index(drop=True),
            rows[~bad_rows],
        )
    if not len(frame) and not any(p.level == ERROR for p in problems):
        problems.append(Problem(0, "", WARNING, say("the file has a header but no rows yet"), ProblemCode.NO_ROWS))
    if left_out:  # (rows told an error of their own: not those under a header line in another order)
        refused = {p.row for p in problems if p.level == ERROR}
        left_out = {row: value for row, value in left_out.items() if row in refused}
    return Table(columns, frame, rows, problems, findings, scan.ascii, records, scan.quotes, not replaced, left_out)


def filtered(frame: pd.DataFrame, keep: np.ndarray, threads: bool = False) -> pd.DataFrame:
    """frame[keep], a copy; `threads`: its columns filtered on two threads (Arrow lets go of
    Python's lock while it copies; at a million rows and 13 columns of text, 0.18 s on one,
    0.08 s on two)."""
    mask = pa.array(keep)

    def column(name):
        values = frame[name]
        if isinstance(values.array, pd.arrays.ArrowStringArray):
            kept = pc.filter(values.array.__arrow_array__(), mask)
            return pd.Series(pd.arrays.ArrowStringArray(kept), dtype=values.dtype, copy=False)
        return values[keep].reset_index(drop=True)

    with Workers(threads) as workers:
        columns = workers.map(column, list(frame.columns))
    kept = pd.DataFrame(dict(zip(frame.columns, columns)), copy=False)
    kept.index = frame.index[keep]
    return kept


def one_chunk(frame: pd.DataFrame, threads: bool = False) -> pd.DataFrame:
    """Each column in one Arrow chunk (the parser makes one a block): then taking rows costs
    O(rows), and the dashboard's index need not join the chunks itself. Joined right after the
    file's bytes are let go of, the columns reuse their memory. `threads`: the columns are
    joined on two threads (Arrow lets go of Python's lock while it copies). A column of over 2 GB
    of text stays in pieces. (The index joins a dataset's columns so too: index.build_index.)"""
    chunked = {}
    for name in frame.columns:
        array = frame[name].array
        if hasattr(array, "__arrow_array__") and array.__arrow_array__().num_chunks > 1:
            chunked[name] = array.__arrow_array__()
    if not chunked:
        return frame

    def join(name):
        try:
            return chunked.pop(name).combine_chunks()
        except (pa.ArrowInvalid, pa.ArrowCapacityError):  # over 2 GB of text: stays in pieces
            return None

    def put(name, array):
        if array is not None:
            frame[name] = pd.Series(
                pd.arrays.ArrowStringArray(pa.chunked_array([array])), index=frame.index, dtype=frame[name].dtype
            )

    # The largest first, each put in the frame as soon as joined: its pieces are let go of while
    # the others are joined.
    names = sorted(chunked, key=lambda name: -chunked[name].nbytes)
    with Workers(threads and len(chunked) > 1) as workers:
        if workers.threaded:
            for name, joined in [(name, workers.submit(join, name)) for name in names]:
                put(name, joined.result())
        else:
            for name in names:
                put(name, join(name))
    return frame


_STEP = 1 << 20  # bytes scanned at a time: small enough to stay in the cache, and no big temporaries


def _bytes(data: pa.Buffer) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint8)


def _head(data: pa.Buffer, size: int) -> bytes:
    return data.slice(0, min(size, data.size)).to_pybytes()


@dataclass
class Scan:
    """What one pass over a file's bytes finds."""

    quotes: int  # how many double quotes
    ascii: bool  # every byte < 0x80
    nul: bool  # a NUL byte somewhere
    pieces: list[tuple[int, int]] = field(default_factory=list)  # (bytes, quotes) of each piece scanned
    replacement: bool = False  # U+FFFD (EF BF BD) somewhere: a character some program could not read
    edges: tuple[bytes, bytes] = (b"", b"")  # the first and the last two bytes (a U+FFFD across two pieces)
    after_bom: bool = False  # of the bytes after UTF-8's byte order mark (BOM), which the file begins with
    newlines: int = 0  # how many line feeds (more than the records: some value holds a line break)
    returns: int = 0  # how many carriage returns, in pieces with no line feed (a file of CR line ends)

    @staticmethod
    def of(piece: np.ndarray) -> Scan:
        """Of some bytes (numpy uint8)."""
        if not len(piece):
            return Scan(0, True, False, [(0, 0)])
        quotes = int(np.count_nonzero(piece == ord('"')))
        ascii = int(piece.max()) < 0x80
        return Scan(
            quotes,
            ascii,
            int(piece.min()) == 0,
            [(len(piece), quotes)],
            not ascii and _holds_replacement(piece),
            (piece[:2].tobytes(), piece[-2:].tobytes()),
            newlines=(newlines := int(np.count_nonzero(piece == ord("\n")))),
            returns=0 if newlines else int(np.count_nonzero(piece == ord("\r"))),
        )

    @staticmethod
    def joined(scans: list[Scan], after_bom: bool = False) -> Scan:
        """Of the bytes of every scan, one after the other."""
        replacement = any(s.replacement for s in scans)
        first = last = b""  # the first and the last two bytes so far
        for s in scans:
            head, tail = s.edges
            replacement = replacement or REPLACEMENT in last + head
            first, last = first if len(first) == 2 else (first + head)[:2], (last + tail)[-2:]
        return Scan(
            sum(s.quotes for s in scans),
            all(s.ascii for s in scans),
            any(s.nul for s in scans),
            [piece for s in scans for piece in s.pieces],
            replacement,
            (first, last),
            after_bom,
            sum(s.newlines for s in scans),
            sum(s.returns for s in scans),
        )

    def quotes_before(self, at: int) -> tuple[int, int]:
        """(the start of the piece that holds byte `at`, the quotes before that start)."""
        start = quotes = 0
        for size, count in self.pieces:
            if start + size > at:
                break
            start, quotes = start + size, quotes + count
        return start, quotes


def _scan(data: pa.Buffer) -> Scan:
    """One pass over the bytes, a piece at a time (numpy, no copy of the file)."""
    view = _bytes(data)
    return Scan.joined([Scan.of(view[start : start + _STEP]) for start in range(0, len(view), _STEP)])


def code_page(raw: bytes) -> diagnosis.CodePage | None:
    """The code page of another script than Latin a file that is not UTF-8 was saved in (Токаев
    saved by a spreadsheet set to Russian, احتجاجات by one set to Arabic), or None. Such a file's
    bytes of 0x80 or more are mostly in words of three or more of them; Latin-1 and Windows-1252
    text has an accented letter among ASCII ones (café), seldom three in a row. Which script those
    bytes read as: diagnosis.code_page_of."""
    high = np.frombuffer(raw, dtype=np.uint8) >= 0x80
    count = int(np.count_nonzero(high))
    if not count:
        return None
    # (the bytes of runs of three or more: a byte whose run, counted both ways, is 3 long at least)
    padded = np.concatenate([[False], high, [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = edges[::2], edges[1::2]
    in_words = int((ends - starts)[(ends - starts) >= 3].sum())
    if in_words * 2 < count:  # (Latin letters: Western text, or Central European's or Turkish)
        return diagnosis.latin_page(raw[: 1 << 20])
    at = np.flatnonzero(high)
    found = diagnosis.code_page_of(bytes(np.frombuffer(raw, dtype=np.uint8)[at[:4096]]))
    if found is not None and found.encoding == "cp1251" and _mac_capitals(raw[: 1 << 20]):
        return diagnosis.MAC_CYRILLIC
    return found or diagnosis.detected_code_page(_lines_at(raw, at[: 1 << 16]))


def _mac_capitals(raw: bytes) -> bool:
    """Whether Cyrillic text's words begin as a Mac's capitals do (0x80-0x9F, then small letters
    0xE0-0xFE), more often than as Windows-1251's (0xC0-0xDF, then small letters): Токаев is
    0x92 0xEE... on a Mac, 0xD2 0xEE... in Windows-1251, where 0x92 is a quote."""
    view = np.frombuffer(raw, dtype=np.uint8)
    small = (view[1:] >= 0xE0) & (view[1:] <= 0xFE)
    mac = int(np.count_nonzero(small & (view[:-1] >= 0x80) & (view[:-1] <= 0x9F)))
    windows = int(np.count_nonzero(small & (view[:-1] >= 0xC0) & (view[:-1] <= 0xDF)))
    return mac > windows


def _lines_at(raw: bytes, at: np.ndarray, most: int = 1 << 16) -> bytes:
    """The file's lines that hold the bytes at `at` (in order), about `most` bytes of them, and
    four times that at most: what an encoding is told from, wherever in a large file its text is.
    (Lines end with a line feed; an old Mac's, with a carriage return alone.)"""
    view = np.frombuffer(raw, dtype=np.uint8)
    ends = np.flatnonzero(view == ord("\n")) + 1
    if not len(ends):
        ends = np.flatnonzero(view == ord("\r")) + 1
    lines = np.unique(np.searchsorted(ends, at, side="right"))
    starts = np.concatenate([[0], ends])
    ends = np.append(ends, len(raw))
    sample, size = [], 0
    for line in lines.tolist():
        sample.append(raw[starts[line] : ends[line]])
        size += len(sample[-1])
        if size >= most:
            break
    # (A line longer than the rest together, the file one line: its first bytes; charset-normalizer
    # reads a character cut at the end as the text's last, not as a wrong code page.)
    return b"".join(sample)[: 4 * most]


def _is_utf8(data: pa.Buffer) -> bool:
    """Whether the bytes are UTF-8, as bytes.decode("utf-8") would say (Arrow's check, no copy)."""
    offsets = pa.array([0, data.size], type=pa.int64()).buffers()[1]
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, data]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


REPLACEMENT = "\ufffd".encode()


def _holds_replacement(piece: np.ndarray) -> bool:
    """Whether U+FFFD (EF BF BD) is in these bytes (numpy uint8)."""
    at = np.flatnonzero(piece[:-2] == 0xEF)
    return bool(len(at)) and bool(((piece[at + 1] == 0xBF) & (piece[at + 2] == 0xBD)).any())


def _line_end(data: pa.Buffer) -> int:
    """Where the first line ends (the first CR or LF), or -1: Arrow's regex engine over the
    bytes as one value, no copy (it stops at the first)."""
    offsets = pa.array([0, data.size], type=pa.int64()).buffers()[1]
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, data])
    return pc.find_substring_regex(whole, r"[\r\n]")[0].as_py()


def _read_header(data: pa.Buffer) -> tuple[list[str], list[Problem]]:
    end = _line_end(data)
    line = (data if end < 0 else data.slice(0, end)).to_pybytes()
    if b"\x00" in line:  # UTF-16 without its byte order mark: every other byte is NUL
        raise Unreadable(
            Problem(
                1,
                "",
                ERROR,
                say(
                    "the header line holds NUL bytes, so the file is "
                    "probably saved as UTF-16 text ('Unicode Text' in "
                    "Excel), not UTF-8; save it as CSV UTF-8: {save_as_csv}",
                    save_as_csv=workbook.SAVE_AS_CSV,
                ),
                ProblemCode.NOT_CSV,
            )
        )
    try:
        text = line.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError:
        raise Unreadable(
            Problem(
                1,
                "",
                ERROR,
                say("the header line is not UTF-8 text; {how_to_save}", how_to_save=HOW_TO_SAVE),
                ProblemCode.NOT_CSV,
            )
        ) from None
    names = next(csv.reader([text]))
    separated = other_separator(names, text)
    if separated is not None:
        # (its text not UTF-8 either, as a spreadsheet set to Russian saves it: both said at once; the
        # second was told only once the first was mended)
        if not _is_utf8(data):
            page = code_page(data.to_pybytes())
            separated = (
                say(
                    "{separated}. Its text is not UTF-8 either: it was saved in {script} ({encoding}); open it as "
                    "{script} ({encoding}), not as Western text, and save it with commas as CSV UTF-8",
                    separated=separated,
                    script=page.script,
                    encoding=page.name,
                )
                if page is not None
                else say(
                    "{separated}. Its text is not UTF-8 either: it was saved as Windows-1252 or Latin-1 (letters "
                    "such as é or ’ cannot be read); save it with commas as CSV UTF-8",
                    separated=separated,
                )
            )
        raise Unreadable(Problem(1, "", ERROR, separated, ProblemCode.NOT_CSV))
    problems: list[Problem] = []
    columns: list[str] = []
    seen: dict[str, int] = {}  # a name -> its column (a list's `in` took 1.4 s over 16,384 columns)
    for position, raw in enumerate(names, start=1):
        name = schema.column_named(raw)
        if not name:
            problems.append(
                Problem(
                    1,
                    f"column {position}",
                    WARNING,
                    say("this column has no name in the header; its values are ignored. Name it or delete it"),
                    ProblemCode.HEADER,
                )
            )
            name = f"column {position}"
        if name in seen:
            first = seen[name]
            problems.append(
                Problem(
                    1,
                    name,
                    ERROR,
                    say(
                        "the header names {name!r} twice (columns {first} and {position}); only column "
                        "{first} is read. Delete or rename the other one",
                        name=name,
                        first=first,
                        position=position,
                    ),
                    ProblemCode.HEADER,
                )
            )
            name = f"{name} (column {position})"
        seen.setdefault(name, position)
        columns.append(name)
    missing = [c.name for c in schema.COLUMNS if c.required != "no" and c.name not in columns]
    if missing and (below := _header_below(data)):
        raise Unreadable(
            Problem(
                1,
                "",
                ERROR,
                say(
                    "the first line, {found!r}, is not the header line, which is line {line}: delete every line "
                    "above it (Excel may write 'sep=,' there, Numbers the table's name)",
                    found=text[:60],
                    line=below,
                ),
                ProblemCode.HEADER,
            )
        )
    if missing and text.startswith(BOM.decode("utf-8")):
        # (A second byte order mark: one program added it to a file that had one already.)
        raise Unreadable(
            Problem(
                1,
                missing[0],
                ERROR,
                say(
                    "the file starts with a byte order mark more than once (an invisible character), so the "
                    "header's first name reads {name!r}: in a text editor, put the cursor just before the header's "
                    "first letter, press Backspace until it deletes nothing more (what it deletes is invisible), "
                    "then save",
                    name=columns[0] if columns else "",
                ),
                ProblemCode.HEADER,
            )
        )
    if missing:
        renames: dict[str, str] = {}  # a column missing -> the first name that may hold it, as written
        for raw, name in zip(names, columns):
            if (meant := _meant(name)) in missing:
                renames.setdefault(meant, raw.strip())  # ('Event Date', not as read, 'event date')
        if len(renames) > 1:  # ('Event ID' and 'Event Date': each said, where only the first was)
            raise Unreadable(
                Problem(
                    1,
                    missing[0],
                    ERROR,
                    say(
                        "the header has no {missing} column; if these hold them, rename them: {renames} (the header "
                        "line must name the columns: {header})",
                        missing=", ".join(map(repr, missing)),
                        renames=", ".join(f"{name!r} → {meant!r}" for meant, name in renames.items()),
                        header=schema.header_line(),
                    ),
                    ProblemCode.HEADER,
                )
            )
        raise Unreadable(
            Problem(
                1,
                missing[0],
                ERROR,
                say(
                    "the header has no {missing} column; the header line must name the columns: {header} "
                    "(found {found!r})",
                    missing=", ".join(map(repr, missing)),
                    header=schema.header_line(),
                    found=text[:200],
                )
                if not renames
                else say(
                    "the header has no {missing} column; if {name!r} holds it, rename it {meant!r} (the header "
                    "line must name the columns: {header})",
                    missing=", ".join(map(repr, missing)),
                    name=next(iter(renames.values())),
                    meant=next(iter(renames)),
                    header=schema.header_line(),
                ),
                ProblemCode.HEADER,
            )
        )
    for position, name in enumerate(columns, start=1):
        if name not in schema.NAMES and not name.startswith("column ") and " (column " not in name:
            if name in schema.WORKED_OUT:  # (a name load gives a column of its own: this one kept apart)
                columns[position - 1] = f"{name} (column {position})"
            meant, written = _meant(name), names[position - 1].strip()  # (said as written: 'Lng', not 'lng')
            if _spelt(name) in _TIME_COLUMNS:  # (a time or its zone in a column of its own)
                said = say(
                    "{name!r} is not a column timeline knows; its values are kept but not shown. A time, and its UTC "
                    "offset, go in date after the day: 2022-01-05 14:30, or 2022-01-05 14:30+06:00",
                    name=written,
                )
            elif meant is not None and meant not in columns:
                said = say(
                    "{name!r} is not a column timeline knows; its values are kept but not shown. If it holds "
                    "the {meant} column, rename it {meant!r}",
                    name=written,
                    meant=meant,
                )
            else:
                said = say(
                    "{name!r} is not a column timeline knows; its values are kept but not shown. "
                    "Known columns: {known}",
                    name=written,
                    known=", ".join(schema.NAMES),
                )
            problems.append(Problem(1, name, WARNING, said, ProblemCode.HEADER))
    return columns, problems


def _spelt(name: str) -> str:
    """A header's name with its spaces, dots and hyphens as underscores ('Event Date': event_date),
    as schema.ALIASES and _TIME_COLUMNS spell the names they know."""
    return re.sub(r"[\s.\-]+", "_", name)


# Columns of a time or of its zone apart from the date (a form's, a sheet's): said to go in date.
_TIME_COLUMNS = frozenset({"time", "hour", "timezone", "time_zone", "tz", "zone", "utc_offset", "offset"})


def _header_below(data: pa.Buffer, lines: int = 5) -> int | None:
    """The line (counted from 1) of a header line among the file's first few, after the first:
    one that names every column the file must have. None if none does."""
    head = _head(data, 1 << 16).decode("utf-8", errors="replace").lstrip("\ufeff")
    for number, line in enumerate(head.splitlines()[1:lines], start=2):
        try:
            names = {schema.column_named(name) for name in next(csv.reader([line]), [])}
        except csv.Error:
            continue
        if all(c.name in names for c in schema.COLUMNS if c.required != "no"):
            return number
    return None


def _meant(name: str) -> str | None:
    """The column a header's unknown name probably means: another name for it (schema.ALIASES:
    'lat', 'url', 'event date') or a near spelling ('sourse_url'); None if none."""
    meant = schema.ALIASES.get(_spelt(name))
    if meant is None:
        near = difflib.get_close_matches(name, schema.NAMES, n=1, cutoff=0.8)
        meant = near[0] if near else None
    return meant


THREADED = 1 << 24  # bytes: a file this large is parsed on every core first (see _parse_with_arrow)


def _parse_with_arrow(data: pa.Buffer, columns: list[str], scan: Scan):
    """The fast path: pyarrow's CSV parser. A large file is parsed on every core first: in
    halves, each on a thread of its own (_in_halves, which numbers the rows it refuses), or else
    by Arrow's threads; when those refuse a row (its number is then not known for sure) or either
    fails, it is parsed again on one thread, which numbers rows, as a small file always is: the
    same table either way."""
    invalid: list[tuple[int, int, str]] = []

    def on_invalid(row) -> str:
        invalid.append((row.number, row.actual_columns, row.text))
        return "skip"

    table = None
    if data.size >= THREADED:
        for parse in (_in_halves, _on_arrow_threads):
            try:
                table = parse(data, columns, on_invalid, scan)
            except pa.ArrowInvalid:
                table = None
            if invalid and (table is None or parse is not _in_halves):
                # (Arrow's threads do not number the rows they refuse; the halves do, see there.)
                table = None
                invalid.clear()
            if table is not None:
                break
    if table is None:
        try:
            # Blocks of 4 MB parse faster than larger ones (they stay in the cache)...
            table = _arrow_table(data, columns, 1 << 22, on_invalid)
        except pa.ArrowInvalid:
            # ...but a row longer than a block cannot be read that way: read as before.
            invalid.clear()
            table = _arrow_table(data, columns, 1 << 24, on_invalid)
    frame = table.to_pandas()
    del table
    total = len(frame) + len(invalid)
    rows = np.arange(2, total + 2, dtype=np.int64)
    problems, left_out = [], {}
    if invalid:
        numbers = np.array([number for number, _, _ in invalid], dtype=np.int64)
        rows = np.setdiff1d(rows, numbers, assume_unique=True)
        for number, count, text in invalid:
            found = _field_count_problem(number, count, len(columns), text, columns)
            if found is not None:
                problems.append(found)
                if columns[:1] == ["id"]:  # (a value further on may have moved with a comma before it)
                    left_out[number] = next(iter(_first_record(text)), "").strip()
    return frame, rows, problems, total + 1, left_out


def _first_record(text: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:
        return []


def _on_arrow_threads(data: pa.Buffer, columns: list[str], on_invalid, scan: Scan) -> pa.Table:
    return _arrow_table(data, columns, 1 << 22, on_invalid, threads=True)


def _in_halves(data: pa.Buffer, columns: list[str], on_invalid, scan: Scan) -> pa.Table | None:
    """The table of a large file parsed in two halves side by side, each by Arrow on one thread;
    None if the file cannot be cut so. Arrow's own threads do little for a file whose values may
    hold line breaks: finding where each block's records end is one pass, on one thread (at a
    million rows, 0.37 s in all, 0.41 s on one thread; in halves, 0.25 s).

    The halves are cut at a line end after the middle before which the file has an even number
    of quotes: the end of a record, unless a quote stands alone inside an unquoted value (5"
    screen). Then the first half would end inside a quoted value, which Arrow reads on to the
    end of the half: its last record would be refused (too few values) or end with the line
    break its last value swallowed. Either way the file is parsed whole instead."""
    cut = _cut(data, scan)
    if cut is None:
        return None
    refused: list[list] = [[], []]  # each half's refused rows: (record number in the half, ...)

    def parse(part, header, which):
        def refuse(row):
            refused[which].append((row.number, row.actual_columns, row.text))
            return "skip"

        return _arrow_table(part, columns, 1 << 22, refuse, header=header)

    with Workers(True) as workers:
        halves = workers.map(parse, [data.slice(0, cut), data.slice(cut)], [True, False], [0, 1])
    first = halves[0].column(len(columns) - 1)
    # The first half's records: the header, its rows, the rows it refused.
    records = 1 + len(first) + len(refused[0])
    if refused[0] and refused[0][-1][0] == records:
        return None  # its last record refused: the cut may be inside a quoted value
    if not len(first) or first[len(first) - 1].as_py().endswith(("\n", "\r")):
        return None
    if any(number < 1 for number, _, _ in refused[0] + refused[1]):
        return None  # (a refused row not numbered)
    # Each half is parsed on one thread, which numbers the records of its part from 1: the
    # second half's numbers follow the first half's records. (A row that is not one, as in a
    # blank line or a line of a few commas, then no longer makes the file be parsed three times.)
    for row in refused[0]:
        on_invalid(_Refused(*row))
    for number, count, text in refused[1]:
        on_invalid(_Refused(number + records, count, text))
    return pa.concat_tables(halves)


@dataclass
class _Refused:
    number: int
    actual_columns: int
    text: str


def _cut(data: pa.Buffer, scan: Scan) -> int | None:
    """Where the second half of a file's records may begin: just after the first line end past
    the middle before which the file has an even number of quotes (None if none is near)."""
    view = _bytes(data)
    middle = len(view) // 2
    start, quotes = scan.quotes_before(middle)
    quotes += int(np.count_nonzero(view[start:middle] == ord('"')))
    near = view[middle : middle + (1 << 16)]
    ends = np.flatnonzero(near == ord("\n"))
    ends = ends[(quotes + np.cumsum(near == ord('"'))[ends]) % 2 == 0]
    cut = middle + int(ends[0]) + 1 if len(ends) else len(view)
    return cut if cut < len(view) else None


def _arrow_table(
    data: pa.Buffer, columns: list[str], block_size: int, on_invalid, threads: bool = False, header: bool = True
) -> pa.Table:
    return pacsv.read_csv(
        pa.BufferReader(data),  # (no copy of the bytes)
        read_options=pacsv.ReadOptions(
            use_threads=threads, skip_rows=1 if header else 0, column_names=columns, block_size=block_size
        ),
        parse_options=pacsv.ParseOptions(
            newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=on_invalid
        ),
        convert_options=pacsv.ConvertOptions(
            # (large_string: as pandas keeps text, so that to_pandas need not convert each column)
            column_types={name: pa.large_string() for name in columns},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            # The whole file is UTF-8 (checked before): so is every piece of it cut at a comma,
            # quote or line break.
            check_utf8=False,
        ),
    )


def other_separator(names: list[str], text: str) -> Message | None:
    """What to say of a header line read as one column (`names`) whose text (`text`) holds a
    semicolon or a tab: its columns are separated by those, not by commas."""
    if len(names) != 1:
        return None
    if ";" in text:
        return say(
            "the columns are separated by semicolons, not commas (as Excel and LibreOffice save with most "
            "European settings); in LibreOffice, Save As 'Text CSV' with 'Edit filter settings' and field "
            "delimiter ','; Excel follows the computer's list separator (Windows: Region > Additional "
            "settings > List separator: a comma), then Save As 'CSV UTF-8'; Google Sheets' CSV always has "
            "commas"
        )
    if "\t" in text:
        return say("the columns are separated by tabs, not commas; {how_to_save}", how_to_save=HOW_TO_SAVE)
    return None


def _field_count_problem(row: int, count: int, expected: int, text: str, columns: list[str]) -> Problem | None:
    if text.strip(",\r\n \t\x1a") == "":
        return None  # a line of empty values, or DOS's end-of-file mark (Ctrl-Z) alone: nothing to say
    slug = columns.index("id") if "id" in columns else None
    date = columns.index("date") if "date" in columns else None
    lines = re.split(r"\r\n|\r|\n", text.rstrip("\r\n"))[1:]
    shaped = [line for line in lines if _row_shaped(line, len(columns), slug, date)]
    if shaped:
        # (A quote opened in this row and closed rows later, or never: the rows between, read as
        # a value of it, are lost with it. A lone quote elsewhere, 5" of snow, hides it from the
        # count of the file's quotes.) Told in _rows_swallowed's words, at the quote's column.
        first = text.splitlines()[0] if text.splitlines() else text
        position = len(next(csv.reader([first]), [""])) - 1 if first.count('"') % 2 else -1
        return Problem(
            row,
            columns[position] if 0 <= position < len(columns) else "",
            ERROR,
            _swallowed(text, shaped),
            ProblemCode.OPEN_QUOTE,
        )
    extra = count - expected
    if extra > 0 and '\\"' in text:
        advice = say(
            'its double quotes are escaped with a backslash (\\"), as MySQL and PHP write them, where CSV '
            'writes a quote inside a value twice (""): save the file with its quotes doubled'
        )
    elif extra > 0 and (lacking := _written_for_template(text, columns)):
        # (The README's examples, written for `template`'s 20 columns, pasted under the shipped
        # events.csv's 16: no comma inside a value is to blame.)
        advice = say_n(
            "it has a value for each column of the header `python -m timeline template` writes, and this "
            "file's header has no {names} column: delete the row's value for it (after {after})",
            "it has a value for each column of the header `python -m timeline template` writes, and this "
            "file's header has no {names} columns: delete the row's values for them (the {n} after {after})",
            len(lacking),
            names=and_list(lacking),
            after=schema.NAMES[schema.NAMES.index(lacking[0]) - 1],
        )
    elif extra > 0:
        advice = say("a value with a comma in it needs double quotes around it")
    else:
        advice = say("every row needs a value (or an empty place between commas) for each column")
    return Problem(
        row,
        "",
        ERROR,
        say(
            "this row has {count} values but the header has {expected} columns, so the row is left "
            "out; {advice}. The row begins {begins}",
            count=count,
            expected=expected,
            advice=advice,
            begins=show(text, 50),
        ),
        ProblemCode.EXTRA_VALUES if extra > 0 else ProblemCode.FIELD_COUNT,
    )


def _written_for_template(text: str, columns: list[str]) -> list[str]:
    """The columns of the full header (schema.NAMES, `template`'s) that `columns` lacks, when the
    row has a value for each of them and `columns` are the others in the same order: a row
    written for the full header under a shorter one. Else none. And only when the row reads so:
    its values in the lacking columns are empty (or `media` is a link, a picture's), and its source is given
    (a description with four commas unquoted has as many values, and its source, or a piece of
    its text, where `media` would be: it is told to quote the comma, not to delete four values)."""
    values = _first_record(text)
    lacking = [name for name in schema.NAMES if name not in columns]
    if len(values) != len(schema.NAMES) or not lacking or columns != [n for n in schema.NAMES if n in columns]:
        return []
    # (one run of them, so that "after" names where they are)
    first = schema.NAMES.index(lacking[0])
    if list(schema.NAMES[first : first + len(lacking)]) != lacking:
        return []
    given = dict(zip(schema.NAMES, values))
    media = given.get("media", "").strip()
    others = any(given[name].strip() for name in lacking if name != "media")
    if not (links.is_web_link(media) if media else not others):
        return []
    return lacking if given.get("source", "").strip() else []


def _parse_with_csv_module(text: str, columns: list[str]):
    """The careful path, for files the fast parser refuses: finds the row of an open quote."""
    expected = len(columns)
    records: list[list[str]] = []
    rows: list[int] = []
    problems: list[Problem] = []
    left_out: dict[int, str] = {}
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    row = read_to = 0  # (read_to: the lines read, up to the end of the last record)
    all_lines: list[str] | None = None  # (the text's lines, split when first needed)
    while True:
        row += 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if "expected after" in str(error):  # (a value that begins with a quoted phrase: read on)
                if all_lines is None:
                    all_lines = re.split(r"\r\n|\r|\n", text)
                lines = all_lines[read_to : reader.line_num]
                # (A record of several lines whose lines are rows of the file: a quote opened in
                # an earlier row closed here, in another row's value; the rows between would be
                # lost in it. Told as an open quote. Else a value of several lines that begins
                # with a quoted phrase.)
                if len(lines) == 1:
                    misplaced = misplaced_quote(lines[-1], row, columns)
                elif _rows_within(lines, columns):
                    misplaced = None
                else:
                    misplaced = misplaced_quote("\n".join(lines), row, columns)
                if misplaced is not None:
                    problems.append(misplaced)
                    read_to = reader.line_num
                    continue
            problems.append(open_quote_problem(text, reader, row, columns))
            break
        read_to = reader.line_num
        if row == 1:
            continue
        if len(record) != expected:
            if any(value.strip() for value in record):  # (else: a line of empty values)
                found = _field_count_problem(row, len(record), expected, ",".join(record), columns)
                if found is not None:
                    problems.append(found)
                    if columns[:1] == ["id"]:
                        left_out[row] = record[0].strip() if record else ""
            continue
        records.append((record + [""] * expected)[:expected])
        rows.append(row)
    frame = (
        pd.DataFrame(records, columns=columns, dtype="str")
        if records
        else pd.DataFrame({name: pd.Series([], dtype="str") for name in columns})
    )
    return frame, np.array(rows, dtype=np.int64), [p for p in problems if p], row - 1, left_out


def open_quote_problem(text: str, reader, row: int, columns: list[str]) -> Problem:
    lines = re.split(r"\r\n|\r|\n", text)  # as the csv module counts lines (not splitlines)
    # The record that failed began on the line after the previous record ended.
    start_line = _line_of_record(text, row)
    opening = lines[start_line] if 0 <= start_line < len(lines) else ""
    if opening.count('"') % 2:
        # The open quote is on this line: the value it opens is the last one read from it.
        fields = next(csv.reader([opening]), [""])
    else:
        fields = next(csv.reader([opening.split('"', 1)[0]]), [""])
    position = max(len(fields) - 1, 0)
    column = columns[position] if position < len(columns) else ""
    return Problem(
        row,
        column,
        ERROR,
        say(
            "a double quote opens here and is never closed, so this row and every row after it "
            'cannot be read. Close the quote, or write a quote inside a value as two quotes (""). '
            "The row begins {begins}",
            begins=show(opening, 50),
        ),
        ProblemCode.OPEN_QUOTE,
    )


def _line_of_record(text: str, row: int) -> int:
    """The physical line index where spreadsheet row `row` starts."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 0
    for _ in range(row - 1):
        try:
            next(reader)
        except (StopIteration, csv.Error):
            break
        line = reader.line_num
    return line


def _drop_blank_rows(frame: pd.DataFrame, rows: np.ndarray):
    if not len(frame):
        return frame, rows
    # Narrow the candidates column by column: the first column usually rules out every row,
    # most often by the first byte of each value alone (_may_be_blank).
    candidates = np.flatnonzero(_may_be_blank(frame[frame.columns[0]]))
    for name in frame.columns:
        values = frame[name] if len(candidates) == len(frame) else frame[name].iloc[candidates]
        candidates = candidates[(values.str.strip() == "").to_numpy()]
        if not len(candidates):
            return frame, rows
    blank = np.zeros(len(frame), dtype=bool)
    blank[candidates] = True
    if blank.any():
        frame, rows = filtered(frame, ~blank, threads=len(frame) >= THREADED_ROWS).reset_index(drop=True), rows[~blank]
    return frame, rows


def _unnamed_and_empty(frame: pd.DataFrame, problems: list[Problem]) -> None:
    """The header's warning on a column with no name says so when the column holds no value
    either (commas a spreadsheet writes for the cells it has used past the last column): nothing
    of it is ignored then. Columns side by side are said once, the run's last in the warning's
    `last` (Excel's used range may run to its 16,384th column: a line each was 16,384 lines).
    They stay in the frame: the file's lines are laid out by the whole header."""
    empty: dict[int, str] = {}  # a problem's place -> its column's name
    for at, problem in enumerate(problems):
        if problem.row == 1 and problem.code == ProblemCode.HEADER and problem.column in frame.columns:
            if UNNAMED.fullmatch(problem.column) and holds_nothing(frame[problem.column]):
                empty[at] = problem.column
    if not empty:
        return
    runs: list[list[int]] = []  # places of problems of columns side by side
    for at in empty:
        if runs and _column_number(empty[at]) == _column_number(empty[runs[-1][-1]]) + 1:
            runs[-1].append(at)
        else:
            runs.append([at])
    for run in runs:
        after = len(run) - 1
        problems[run[0]] = Problem(
            1,
            empty[run[0]],
            WARNING,
            say(
                "this column and those after it to {last} ({n:,} in all) have no name in the header and no value in "
                "any row (a spreadsheet writes such columns for cells it has used); nothing in them is lost. Delete "
                "them, or leave them",
                n=len(run),
                last=empty[run[-1]],
            )
            if after
            else say(
                "this column has no name in the header and no value in any row (a spreadsheet writes "
                "such columns for cells it has used); nothing in it is lost. Delete it, or leave it"
            ),
            ProblemCode.EMPTY_COLUMN,
        )
    said_with_another = {at for run in runs for at in run[1:]}
    problems[:] = [problem for at, problem in enumerate(problems) if at not in said_with_another]


UNNAMED = re.compile(r"column (\d+)")  # the name read_table gives a column with none in the header


def _column_number(name: str) -> int:
    return int(UNNAMED.fullmatch(name)[1])  # type: ignore[index]


def empty_columns(problem: Problem) -> list[str]:
    """The columns a warning of columns with no name and no value (EMPTY_COLUMN) is about: its
    own, and those after it to the run's last."""
    last = problem.text.values.get("last", problem.column) if isinstance(problem.text, Message) else problem.column
    return [f"column {n}" for n in range(_column_number(problem.column), _column_number(str(last)) + 1)]


def holds_nothing(values: pd.Series) -> bool:
    """Whether a column holds only empty values (or whitespace): at once from its Arrow buffers
    when they hold no byte."""
    parts = text_buffers(values)
    if parts is not None and not any(len(data) for _, data in parts):
        return True
    return not values.str.strip().astype(bool).any()


def _may_be_blank(values: pd.Series) -> np.ndarray:
    """Which values may be whitespace alone: those empty, or whose first byte may begin
    whitespace (SPACE_BYTE), from the column's Arrow buffers (all, if it has none)."""
    parts = text_buffers(values)
    if parts is None:
        return np.ones(len(values), dtype=bool)
    return concatenated(
        [
            (offsets[1:] == offsets[:-1])
            | (SPACE_BYTE[np.take(data, offsets[:-1], mode="clip")] if len(data) else False)
            for offsets, data in parts
        ],
        dtype=bool,
    )


def _rows_with_bad_text(
    frame, rows, columns, problems, absent=(), code_page: diagnosis.CodePage | None = None
) -> np.ndarray:
    """Rows holding NUL bytes or bytes that were not UTF-8: errors, left out.

    `absent`: needles known not to occur in the file, not looked for; `code_page`: the one of another
    script than Latin the bytes that are not UTF-8 are words of (code_page), to be opened as such.
    """
    bad = np.zeros(len(frame), dtype=bool)
    for name in columns:
        values = frame[name]
        for needle, code, message in (
            (
                "\x00",
                ProblemCode.OTHER,
                lambda value: say(
                    "{value} holds a NUL byte (a sign of a damaged file or one saved as UTF-16); retype the value "
                    "or {how_to_save}; the row is left out",
                    value=value,
                    how_to_save=HOW_TO_SAVE,
                ),
            ),
            (
                "\ufffd",
                ProblemCode.NOT_UTF8,
                lambda value: (
                    say(
                        "{value} holds bytes that are not UTF-8 (the file was probably saved in {script}, {encoding}, "
                        "as a spreadsheet set to a language of that script saves one): open it as {script} "
                        "({encoding}), not as Western text, then {how_to_save}; the row is left out",
                        value=value,
                        script=code_page.script,
                        encoding=code_page.name,
                        how_to_save=HOW_TO_SAVE,
                    )
                    if code_page and not code_page.saved_by
                    else say(
                        "{value} holds bytes that are not UTF-8 (the file was probably saved in {encoding}, "
                        "{saved_by}): open it as {encoding}, not as Windows-1252, then {how_to_save}; the row is "
                        "left out",
                        value=value,
                        encoding=code_page.name,
                        saved_by=code_page.saved_by,
                        how_to_save=HOW_TO_SAVE,
                    )
                    if code_page
                    else say(
                        "{value} holds bytes that are not UTF-8 (the file was probably saved as Latin-1 or "
                        "Windows-1252); {how_to_save}; the row is left out",
                        value=value,
                        how_to_save=HOW_TO_SAVE,
                    )
                ),
            ),
        ):
            if needle in absent:
                continue
            hits = values.str.contains(needle, regex=False).to_numpy(dtype=bool) & ~bad
            for i in np.flatnonzero(hits):
                problems.append(Problem(int(rows[i]), name, ERROR, message(show(values.iloc[i])), code))
            bad |= hits
    return bad


def _rows_swallowed(frame, rows, columns, problems, bad) -> np.ndarray:
    """Rows with a value that runs over lines shaped as rows of the file: a double quote opened
    in it and closed only in a later row (a quote inside a value not doubled: `5" of snow`)
    makes the rows between part of that value, silently, however many quotes the file has.
    Errors, left out: the row's later values are not its own either."""
    found = np.zeros(len(frame), dtype=bool)
    slug = columns.index("id") if "id" in columns else None
    date = columns.index("date") if "date" in columns else None
    for name in columns:
        values = frame[name]
        hits = _with_line_break(values) & ~bad & ~found
        for i in np.flatnonzero(hits):
            value = values.iloc[i]
            shaped = [line for line in value.splitlines()[1:] if _row_shaped(line, len(columns), slug, date)]
            if not shaped:
                continue
            found[i] = True
            problems.append(Problem(int(rows[i]), name, ERROR, _swallowed(value, shaped)))
    return found


def _swallowed(value: str, shaped: list[str]) -> Message:
    return say_n(
        "{value} runs over {n:,} line that looks like a row of its own ({line}): a double quote "
        "in this row or the next is probably never closed, or a quote inside a value is not "
        'written twice (""), so that row is read as part of this value; the row is left out',
        "{value} runs over {n:,} lines that look like rows of their own (the first: {line}): a "
        "double quote in this row or those is probably never closed, or a quote inside a value is "
        'not written twice (""), so those rows are read as part of this value; the row is left out',
        len(shaped),
        value=show(value),
        line=show(shaped[0]),
    )


@dataclass
class _Misplaced:
    """Where a file's double quotes may be misplaced (`_closing_quotes_in_values`): a quote in
    the middle of a value, or one that closes a value and has more after it; and where each
    line and each record ends."""

    text: bytes  # the file's bytes
    middle: np.ndarray  # the position of each such quote
    quotes: np.ndarray  # the position of each quote
    line_ends: np.ndarray  # the position of each line end
    record_ends: np.ndarray  # those outside quoted values: where records end


def _closing_quotes_in_values(data: pa.Buffer, scan: Scan) -> _Misplaced | None:
    """Quotes in the middle of a value (`"Terrorists" blamed`, `"Title \\"two\\""`), or None
    when there are none. Arrow reads a quote at the start of a value as opening it and the next
    as closing it, and keeps what follows: the value loses its quotes without a word. In a file
    written as CSV is, a quote stands after a comma or a line end (opening a value), before one
    (closing it), or beside another (a quote written twice): any other is in the middle of one."""
    view = _bytes(data)
    quotes = _quotes(view)
    if not len(quotes):
        return None
    within = np.flatnonzero((quotes > 0) & (quotes < len(view) - 1))
    inner = quotes[within]
    # (Or a quote that closes a value and has more after it: after a comma and before a space,
    # `"Never again," she said`, where few quotes that open a value stand; or, by the count of
    # quotes before it, at a line's start, in a value of several lines, or after quotes (see
    # below). A quote alone in a value, 5" of snow, puts that count out: each line told is read
    # again to see.)
    after = view[inner - 1]
    following = view[inner + 1]
    more = ~_EDGE[following]
    closing = (after == ord(",")) & (following == ord(" "))
    closing |= (within % 2 == 1) & more & ((after == ord("\n")) | (after == ord("\r")))
    # (The last of several quotes in a row closes a value if they begin it and are even in
    # number, `""Quoted"" said`, or stand inside it and are odd, a quote written twice before the
    # one that closes it, `"He said ""no""" loudly`; else they are quotes written twice.)
    run = np.flatnonzero(np.r_[True, np.diff(quotes) != 1])  # (where each run of quotes begins)
    first = run[np.searchsorted(run, within, side="right") - 1]
    length = within - first + 1
    begins = (quotes[first] == 0) | _BETWEEN[view[np.maximum(quotes[first] - 1, 0)]]
    closes = np.where(begins, length % 2 == 0, length % 2 == 1)
    closing |= (within % 2 == 1) & more & (length > 1) & closes
    # (Quotes inside a value, odd in number, three or more, then more: whatever the count of the
    # file's quotes, which a quote alone in a value before them puts out. No value CSV writes has
    # them: quotes inside a value go in twos.)
    closing |= more & (length > 2) & ~begins & (length % 2 == 1)
    middle = inner[(~_EDGE[after] & more) | closing]
    if not len(middle):
        return None
    line_end = ord("\n") if scan.newlines else ord("\r")
    ends = np.flatnonzero(view == line_end)
    return _Misplaced(bytes(view), middle, quotes, ends, ends[np.searchsorted(quotes, ends) % 2 == 0])


def _quotes(view: np.ndarray) -> np.ndarray:
    """The positions of the quotes in `view`, a megabyte at a time: one mask of the whole file
    would be as large as the file, and faulting its pages in costs more than the comparison."""
    step = 1 << 20
    mask = np.empty(min(step, len(view)), dtype=bool)
    found = []
    for start in range(0, len(view), step):
        part = view[start : start + step]
        np.equal(part, ord('"'), out=mask[: len(part)])
        found.append(np.flatnonzero(mask[: len(part)]) + start)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)


# bytes: a file up to this size has its quotes looked at (_closing_quotes_in_values): 0.04 s at
# 32 MB (about 110,000 rows), which a file edited by hand seldom passes; at a million rows, 281 MB,
# it would add 0.3 s to a load of 1.1 s.
QUOTES_LOOKED_AT = 1 << 25
_EDGE = np.zeros(256, dtype=bool)  # the bytes a quote stands beside in CSV: a comma, a quote, a line end
_EDGE[list(b',"\n\r')] = True
_BETWEEN = np.zeros(256, dtype=bool)  # the bytes between values: a comma, a line end
_BETWEEN[list(b",\n\r")] = True


def _quotes_dropped(found: _Misplaced, frame, rows, columns, problems, bad, lines_are_records: bool) -> np.ndarray:
    """Rows with a value that begins with a quoted phrase or escapes its quotes with a backslash
    (see _closing_quotes_in_values), as Python's csv module, strict, finds them: errors, left
    out, each naming the value as written, as read, and how to write it. `lines_are_records`:
    no value holds a line break, so each line is a record (else records are found by counting
    quotes, which a quote alone in a value, `5" screen`, puts out: each record told is read
    again to see that it is the row the parser read)."""
    dropped = np.zeros(len(frame), dtype=bool)
    taken: dict = {}  # (the columns _Row reads)
    view = np.frombuffer(found.text, dtype=np.uint8)
    ends = found.line_ends if lines_are_records else found.record_ends
    # The value each such quote is in, as far as its line tells: from the comma before it, or
    # the line's start. Only a value that begins with a quote can have lost its quotes (a quote
    # in another, 5" of snow, is kept as written), or one whose quote, by the count of quotes
    # before it, closes a value (`"Never again, she" said`): each record of one is read once.
    lines = np.searchsorted(found.line_ends, found.middle)
    starts = (
        np.where(lines > 0, found.line_ends[np.maximum(lines - 1, 0)] + 1, 0) if len(found.line_ends) else 0 * lines
    )
    commas = np.flatnonzero(view == ord(","))
    before = np.searchsorted(commas, found.middle) - 1
    begins = np.maximum(np.where(before >= 0, commas[np.maximum(before, 0)] + 1, 0), starts)
    closes = np.searchsorted(found.quotes, found.middle) % 2 == 1
    # (A quote that closes a value begun on an earlier line, `"two\nlines" more`: its record is
    # read whole, from the line where it begins.)
    carried = closes & (np.searchsorted(found.quotes, starts) % 2 == 1) & (not lines_are_records)
    begun = ((view[np.minimum(begins, len(view) - 1)] == ord('"')) | closes) & ~carried
    spans: dict[int, tuple[int, int]] = {}  # row -> where its record is in the text
    for line in np.unique(lines[begun]).tolist():
        start = int(found.line_ends[line - 1]) + 1 if line else 0
        if not lines_are_records and np.searchsorted(found.quotes, start) % 2:
            continue  # (the line begins inside a quoted value: read with its record's first line)
        end = int(found.line_ends[line]) if line < len(found.line_ends) else len(found.text)
        spans[int(np.searchsorted(ends, start)) + 1] = (start, end)  # (the header is row 1)
    for line in np.unique(lines[carried]).tolist():
        row = int(np.searchsorted(ends, int(found.line_ends[line - 1]) + 1)) + 1
        start = int(ends[row - 2]) + 1 if row >= 2 else 0
        end = int(ends[row - 1]) if row - 1 < len(ends) else len(found.text)
        if end - start <= LONGEST_RECORD_READ:  # (longer: quotes miscounted, most likely)
            spans[row] = (start, end)
    for row, (start, end) in sorted(spans.items()):
        i = int(np.searchsorted(rows, row))
        if i >= len(rows) or rows[i] != row or bad[i]:
            continue
        record = found.text[start:end].decode("utf-8", errors="replace").rstrip("\r").lstrip("\ufeff")
        read = _Row(frame, i, taken)
        problem = misplaced_quote(record, row, columns, read)
        if problem is None or not _read_so(record, columns.index(problem.column), read[problem.column]):
            continue  # (none, or the record is not the row the parser read: quotes miscounted)
        shaped = _rows_within(re.split(r"\r\n|\r|\n", record), columns)
        if shaped:  # (a quote opened in it, closed in a later row)
            problem = Problem(
                row, problem.column, ERROR, _swallowed(read[problem.column], shaped), ProblemCode.OPEN_QUOTE
            )
        dropped[i] = True
        problems.append(problem)
    return dropped


# characters: the longest record of several lines looked at for a value that begins with a
# quoted phrase (a value of several lines is seldom longer; a longer "record" is most likely
# quotes counted wrong, after a quote alone in a value, and reading it would take long)
LONGEST_RECORD_READ = 1 << 16


def _read_so(record: str, position: int, read) -> bool:
    """Whether the parser read the value at `position` of a record as Python's csv module reads
    it: the record is the one it read."""
    try:
        values = next(csv.reader([record]), [])
    except csv.Error:  # (a line break outside quotes: not one record)
        return False
    return position < len(values) and values[position] == read


class _Row:
    """A row of a frame as misplaced_quote reads it, one value at a time: `frame.iloc[i]` builds
    a Series of every column (0.27 ms, half the time of a row here; a MySQL export has one such
    row in each of its lines)."""

    def __init__(self, frame: pd.DataFrame, at: int, columns: dict):
        self.frame, self.at, self.columns = frame, at, columns  # (columns: taken from the frame once, by name)

    def __getitem__(self, name: str):
        if name not in self.columns:
            self.columns[name] = self.frame[name].array
        return self.columns[name][self.at]


def misplaced_quote(record: str, row: int, columns: list[str], read: pd.Series | _Row | None = None) -> Problem | None:
    """The error for a record (of one line or more) whose value begins with a quoted phrase or
    escapes its quotes with a backslash, which Python's csv module, strict, refuses; None if it
    reads it.
    `read`: the record as the parser read it (else the value is taken as the csv module reads it)."""
    try:
        next(csv.reader([record], strict=True))
        return None  # (a quote in a value that does not begin with one is kept, as written)
    except StopIteration:
        return None
    except csv.Error as error:
        if "expected after" not in str(error):
            return None  # (the line ends inside a quoted value, which the next line goes on with)
    # (the first value that begins with a quote and has more after the quote that closes it)
    values = _values_as_written(record)
    position = next((k for k, (_, early) in enumerate(values) if early), None)
    if position is None or position >= len(columns):
        return None
    written = values[position][0]
    name = columns[position]
    if read is None:
        parsed = next(csv.reader([record]), [])
        value = parsed[position] if position < len(parsed) else ""
    else:
        value = read[name]
    return Problem(row, name, ERROR, _quoted_phrase(written, value), ProblemCode.OPEN_QUOTE)


def _values_as_written(record: str) -> list[tuple[str, bool]]:
    """Each value of a record as the file writes it, from the comma before it to the comma after
    it (`"Terrorists" blamed`), and whether it begins with a quote and has more after the quote
    that closes it. A value is quoted when it begins with a quote, up to the quote that closes
    it (two quotes are one); a quote elsewhere is a character (5" of snow), as the parsers read
    them."""
    values: list[tuple[str, bool]] = []
    start, k, early = 0, 0, False
    while k <= len(record):
        if k < len(record) and record[k] == '"' and k == start:  # (a quoted value: to its closing quote)
            k = _closing_quote(record, k)
            early = k + 1 < len(record) and record[k + 1] not in ",\r\n"
        if k >= len(record) or record[k] == ",":
            values.append((record[start:k], early))
            start, early = k + 1, False
        k += 1
    return values


def _closing_quote(text: str, opening: int) -> int:
    """Where the quote that closes a value opened by the quote at `opening` is (two quotes are
    one, within it); len(text) if none does."""
    k = opening + 1
    while k < len(text) and not (text[k] == '"' and text[k + 1 : k + 2] != '"'):
        k += 2 if text[k] == '"' else 1
    return k


def _quoted_phrase(written: str, read: str) -> Message:
    if '\\"' in written:
        meant = written.strip()
        meant = meant[1:-1] if len(meant) > 1 and meant[0] == meant[-1] == '"' else meant
        return say(
            '{written} escapes its double quotes with a backslash (\\"), as MySQL and PHP write them, where '
            'CSV writes a quote inside a value twice (""), so it would read {read}; the row is left out. Save '
            "the file with its quotes doubled, or write the value as {fixed}",
            written=show(written),
            read=show(read),
            fixed=show('"' + meant.replace('\\"', '""') + '"'),
        )
    phrase = written.strip()
    if '""' in phrase[1 : _closing_quote(phrase, 0)]:
        # (its quotes inside written twice, as CSV writes them: the value as read is likely meant,
        # `"He said ""no""" loudly`, but which quotes are text cannot be known)
        return say(
            "{written} has more after the double quote that closes it, so it would read {read}; the row is "
            "left out. If that is the value, put all of it in double quotes, with each quote inside it "
            "written twice: {fixed}",
            written=show(written),
            read=show(read),
            fixed=show('"' + read.replace('"', '""') + '"'),
        )
    return say(
        "{written} begins with a quoted phrase: the quote at its start was read as opening the value and "
        "the one after the phrase as closing it, so both were dropped and it would read {read}; the row is "
        "left out. Put the whole value in double quotes, with each quote inside it written twice: {fixed}",
        written=show(written),
        read=show(read),
        fixed=show('"' + written.strip().replace('"', '""') + '"'),
    )


def _header_again(frame, rows, columns, problems, bad) -> np.ndarray:
    """Rows that repeat the header line (two files joined, each with its header): one error
    each, left out (its values, read as a row, would each be refused as not a date, not a
    number...). Such a row's first column holds its own name, as written in the header."""
    again = np.zeros(len(frame), dtype=bool)
    if not len(frame) or not columns:
        return again
    first = frame[columns[0]]
    parts = text_buffers(first)
    if parts is not None:  # (the values as long as the first column's name: most files have few)
        lengths = concatenated([np.diff(offsets) for offsets, _ in parts], dtype=np.int64)
        # (or with the second file's byte order mark before it, which `cat` keeps)
        named_length = len(columns[0].encode())  # (+ 2: its quotes, kept as text after the mark)
        maybe = np.flatnonzero(np.isin(lengths, [named_length, named_length + len(BOM), named_length + len(BOM) + 2]))
    else:
        maybe = np.arange(len(frame))
    if len(maybe):  # (of those, the ones that are that name, in any case: one pass, no row at a time)
        named = (
            first.iloc[maybe].str.lstrip("\ufeff").str.strip().str.strip('"').str.lower().map(schema.column_named)
            == columns[0]
        )
        maybe = maybe[named.to_numpy(dtype=bool)]
    names = [name for name in columns if not name.startswith("column ")]
    headers: list[tuple[int, list[str] | None]] = []  # (each header line: i, and its names if in another order)
    for i in maybe.tolist():
        values = [str(frame[name].iloc[i]).lstrip("\ufeff").strip().strip('"') for name in names]
        named = [schema.column_named(value) for value in values]
        if not bad[i] and named == names:
            headers.append((i, None))
        elif not bad[i] and sorted(map(str, named)) == sorted(names):
            headers.append((i, values))
    for k, (i, order) in enumerate(headers):
        again[i] = True
        end = headers[k + 1][0] if k + 1 < len(headers) else len(frame)
        if order is not None and end > i + 1:
            # (Two files joined whose headers name the columns in other orders: the rows under
            # the second would each be read in the first's columns, a title as a category.)
            again[i + 1 : end] = True
            first, last = int(rows[i + 1]), int(rows[end - 1])
            said = say(
                "this row repeats the header line with its columns in another order ({order}): the "
                "rows after it ({rows}) are written in that order and would be read in the wrong "
                "columns, so they are left out with it. Put their values in the order of the first "
                "header line, or move them to a file of their own",
                order=show(_from_first_difference(order, names), 80),
                rows=f"{first}" if first == last else f"{first}\u2013{last}",
                first=first,  # (not in its words: the rows it leaves out, Problem.leaves_out)
                last=last,
            )
        else:
            said = say(
                "this row repeats the header line (two files joined, each with its header?), so it is left "
                "out; delete it"
            )
        # (in another order, with no row under it yet: a row appended is read again whole)
        code = ProblemCode.HEADER if order is None else ProblemCode.HEADER_ORDER
        problems.append(Problem(int(rows[i]), "", ERROR, said, code))
    return again


def _from_first_difference(order: list[str], names: list[str]) -> str:
    """A header line's names from the first that is not where the file's header has it, after
    "...," for those before it (`...,title,end_date,description`)."""
    k = next((k for k, (a, b) in enumerate(zip(order, names)) if schema.column_named(a) != b), 0)
    return ("...," if k else "") + ",".join(order[k:])


def _with_line_break(values: pd.Series) -> np.ndarray:
    """Which values hold a line feed or a carriage return, from the column's Arrow bytes: one
    pass over them, where str.contains makes two over every value (at a million rows and 13
    columns, 0.06 s instead of 1 s)."""
    parts = text_buffers(values)
    if parts is None:
        return (values.str.contains("\n", regex=False) | values.str.contains("\r", regex=False)).to_numpy(dtype=bool)
    found = []
    for offsets, data in parts:
        begin = int(offsets[0])
        text = data[begin : int(offsets[-1])]
        at = np.flatnonzero((text == ord("\n")) | (text == ord("\r"))) + begin
        held = np.zeros(len(offsets) - 1, dtype=bool)
        held[np.searchsorted(offsets, at, side="right") - 1] = True
        found.append(held)
    return concatenated(found, dtype=bool)


def _row_shaped(line: str, columns: int, slug: int | None, date: int | None) -> bool:
    """Whether a line within a value reads as a row of the file: as many values as the header
    has columns (or one fewer: cut where the value ends), its id a slug and its date a date (a
    list of towns or of figures pasted into a description has the commas, not those)."""
    if line.count(",") < columns - 2:
        return False
    try:
        values = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return False
    if not columns - 1 <= len(values) <= columns:
        return False
    if slug is not None and not re.fullmatch(schema.ID_PATTERN, values[slug].strip()):
        return False
    if date is not None:
        try:
            dates.read(values[date].strip())
        except (dates.DateError, ValueError):
            return False
    return True


def _rows_within(lines: list[str], columns: list[str]) -> list[str]:
    """The lines of a record after its first that are rows of the file (see _row_shaped), the
    last cut at the quote that closes the value begun in the first (_row_begun). Asked only of a
    record whose quote is closed too soon (Python's csv module, strict, refuses it): a value of
    several lines whose last begins as a row does (a table pasted in), closed as CSV closes
    one, is a value."""
    slug = columns.index("id") if "id" in columns else None
    date = columns.index("date") if "date" in columns else None
    shaped = [line for line in lines[1:-1] if _row_shaped(line, len(columns), slug, date)]
    begun = lines[-1].split('"', 1)[0]
    return shaped + lines[-1:] if len(lines) > 1 and _row_begun(begun, begun.count(","), slug, date) else shaped


def _row_begun(line: str, position: int, slug: int | None, date: int | None) -> bool:
    """Whether the last line within a value is a row of the file begun and cut where the value
    ends: a quote opened in this row and closed in that one, at the same column (else the rows
    would not have the header's number of values). Its values before that column include an id
    that is a slug and a date (a line of a description seldom begins so)."""
    if slug is None or date is None or max(slug, date) >= position or line.count(",") < position:
        return False
    try:
        values = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return False
    return len(values) == position + 1 and _row_shaped(",".join(values[:position]), position, slug, date)


_OFFSETS = {pa.string(): np.int32, pa.large_string(): np.int64}  # a string type's offsets


def text_buffers(series: pd.Series):
    """A string column's Arrow buffers as numpy views, [(offsets, data)], or None if it has none."""
    try:
        array = pa.array(series.array)
    except (TypeError, ValueError, pa.ArrowException):
        return None
    parts = []
    for chunk in array.chunks if isinstance(array, pa.ChunkedArray) else [array]:
        width = _OFFSETS.get(chunk.type)
        if width is None or chunk.null_count:
            return None
        if not len(chunk):
            continue
        _, offsets, data = chunk.buffers()
        offsets = np.frombuffer(
            offsets, dtype=width, count=len(chunk) + 1, offset=chunk.offset * np.dtype(width).itemsize
        )
        parts.append((offsets, np.frombuffer(data, dtype=np.uint8) if data else np.zeros(0, np.uint8)))
    return parts


def concatenated(arrays: list, dtype=np.uint8) -> np.ndarray:
    """The arrays one after the other (the one itself when there is one: no copy)."""
    if len(arrays) == 1:
        return arrays[0]
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)


QUOTED = ',"\n;\t'  # what in a value makes `quote` put it in double quotes (view.export's too)


def quote(value: str) -> str:
    """One CSV value, quoted when it must be; line breaks inside a value become "\\n". A value
    with a semicolon or a tab in it is quoted too: LibreOffice's Text Import splits cells at
    them until its Semicolon and Tab are unticked, as Excel does at semicolons where they are the
    list separator, and neither splits a quoted value."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if any(c in value for c in QUOTED):
        return '"' + value.replace('"', '""') + '"'
    return value
