"""Reading a file that only grew: the new rows alone, checked with the rows they join.

Editors append rows as a story moves. `load_more(previous, path)` gives what `load(path)` would
give, parsing only the bytes after `previous` ended (its `Resume`): the same events, accounts
and problems. It is a full `load` whenever that cannot be vouched for:

- the file is not the one read (another inode), is not longer, or its old bytes changed: the
  first 64 KB and the 64 KB before where it is read on from are hashed (most edits show there,
  at once), then every byte before where it is read on from is read again and its digest
  compared with that of the bytes first read (timeline.digest: an edit of the same length in
  the middle, saved in place with a row appended, shows only there);
- the previous version has no `Resume` (see load.Resume: a cause said on row 0, a date that
  may be a year a spreadsheet made a day, a file Arrow could not parse...);
- the new bytes are not UTF-8, leave a quote open, or hold a NUL;
- the new rows give a cause said on row 0, a date in diagnosis's years-as-days window, or a
  repeated title of an event that already has that warning.

A cut last row (a save in progress, no line end) is read again from its start next time.
The checks of one row run on the new rows, with the first row of each event they join put
before them (so that "the first row of an event" and "differs from the first row" mean what
they mean in the whole file); the checks that count across the file (categories that look
alike, locations placed by name) are recomputed from counts kept in `Resume`.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import dates, digest, lastgood, model, schema
from .csvfile import empty_columns, holds_nothing, read_table
from .load import (
    WINDOW,
    Dataset,
    Growth,
    Resume,
    _Notes,
    _reading_order,
    _validate,
    category_counts,
    category_problems,
    date_warned,
    last_of_year,
    load,
    placed_warning,
    refused_first_rows,
    repeat_candidates,
    repeated_rows,
    repeated_span,
    signature,
    uncounted,
    window_hash,
    year_counts,
    year_problems,
)
from .problems import ERROR, READ_AGAIN_WHOLE, Problem, ProblemCode

RECOUNTED = frozenset(
    {ProblemCode.CATEGORY_ALIKE, ProblemCode.TOO_MANY_CATEGORIES, ProblemCode.PLACED_BY_NAME, ProblemCode.YEAR_APART}
)


def load_more(previous: Dataset | None, path: str | os.PathLike) -> Dataset:
    """`load(path)`, reading only what was appended since `previous` (a load of the same path)."""
    stamp = signature(path)
    grown = _appended(previous, path, stamp, whole=True)
    if grown is None or previous is None:
        return load(path)
    settled = signature(path) == stamp  # (not written to while read: see Dataset.settled)
    dataset = _read_on(previous, *grown, stamp)
    if dataset is None:
        return load(path)
    before, after, _ = grown
    dataset.settled, dataset.ends_line = settled, (after or before)[-1:] in (b"\n", b"\r", b"")
    return dataset


def only_grew(previous: Dataset | None, path: str | os.PathLike, stamp: tuple) -> bool:
    """Whether the file at `path` (its signature `stamp`) looks, from its first bytes and those
    about `previous`'s end, like `previous` with whole rows appended, the last ended by a line
    break: what `timeline add` writes. (load_more checks every byte before reading on.) A row
    with no line break after it may be one a save is still writing (`2023-04-24` as far as
    `2023-04-2`, every column there)."""
    grown = _appended(previous, path, stamp, whole=False)
    return grown is not None and grown[1][-1:] in (b"\n", b"\r")


def load_with(previous: Dataset | None, path: str | os.PathLike, extra: bytes) -> Dataset | None:
    """What `load` would give of the file at `path` with the bytes `extra` after its end, read on
    from `previous` (a load of the file as it is, or as it was before it grew) without writing
    them. None when that cannot be vouched for (as load_more reads the file again whole): then
    only a full load can say."""
    checked = check_with(previous, path, extra)
    return checked.dataset if checked is not None else None


def check_with(previous: Dataset | None, path: str | os.PathLike, extra: bytes) -> Checked | None:
    """`load_with`, its frames built only if asked for: `timeline add` checks a row so before it
    appends it, and needs only the problems, the new rows' accounts and how many there are (the
    events and accounts of a million rows joined with the new ones would cost it a third of a
    second). None when that cannot be vouched for."""
    if previous is None or b"\x00" in extra:
        return None
    stamp = signature(path)
    # (The file may be the very version `previous` is, which load_more would read again whole:
    # no size to compare it with, its bytes are checked as those of a file that grew. Its edges
    # only: `timeline add` reads on only from a version whose key it recorded itself, which any
    # other save changes: timeline.context.)
    grown = _appended(dataclasses.replace(previous, signature=()), path, stamp, whole=False)
    if grown is None:
        return None
    before, after, _ = grown
    after += extra
    if after.count(b'"') % 2:
        return None
    try:
        extra.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return _checked_on(previous, before, after, stamp)


def _appended(
    previous: Dataset | None, path, stamp: tuple, whole: bool
) -> tuple[bytes, bytes, digest.Digest | None] | None:
    """(the WINDOW bytes before where `previous` can be read on from, the bytes after, the
    digest of the bytes before), or None if it cannot be. `whole`: every byte before is read
    again and checked (its digest), else only the first ones and the WINDOW before (digest None)."""
    resume = previous.resume if previous is not None else None
    if previous is None or resume is None or len(stamp) < 4 or stamp[3] != resume.inode or stamp[2] < resume.end:
        return None
    if len(previous.signature) > 2 and stamp[2] == previous.signature[2]:
        return None  # (the same size, touched or rewritten: read again whole)
    try:
        with open(path, "rb") as file:
            if os.fstat(file.fileno()).st_ino != resume.inode:
                return None
            head = file.read(resume.head_size)
            start = max(0, resume.end - WINDOW)
            file.seek(start)
            before = file.read(resume.end - start)
            after = file.read(stamp[2] - resume.end)
            if not _only_appended(resume, head, before, after, stamp[2] - resume.end):
                return None
            if not whole:
                return before, after, None
            if resume.digest is None:
                return None
            with _checking(path):  # (workers reading on together: one checks, the others take its word)
                prefix = _checked_by_another(path, stamp, resume, file)
                if prefix is None:
                    prefix = digest.of_file(file, resume.end)
                    if prefix is not None and prefix.value == resume.digest:
                        _say_checked(path, stamp, resume, prefix)
    except OSError:
        return None
    if prefix is None or prefix.value != resume.digest:
        return None  # (edited in place: read whole)
    return before, after, prefix


def _only_appended(resume: Resume, head: bytes, before: bytes, after: bytes, grown: int) -> bool:
    """Whether the first bytes and the WINDOW before the old end are as read, and the new bytes,
    all `grown` of them, UTF-8 with their quotes paired and no NUL."""
    if window_hash(np.frombuffer(head, np.uint8)) != resume.head or not head.startswith(resume.header):
        return False
    if window_hash(np.frombuffer(before, np.uint8)) != resume.tail or len(after) != grown:
        return False
    if after.count(b'"') % 2 or b"\x00" in after:
        return False
    try:
        after.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Checking every byte before the new ones costs a worker about 0.05 s at a million rows
# (reading 281 MB again, 0.04 s, and their digest, 0.012 s). Workers reading on together take
# turns (a lock in the state folder, timeline.lastgood's): the first to check a version of the
# file says so there, and the others reading on from the same previous version take its word
# for that very version (the file's signature unchanged since: any write changes its time),
# reading only the last block before where they read on.


def _said_path(path) -> Path:
    record, _ = lastgood.state_paths(path)
    return record.with_name(record.name.removesuffix(".last-good.json") + ".checked.json")


def _checking(path):
    """Hold the lock beside the record of the bytes checked (lastgood.locked; none where the
    folder cannot be written: each worker then checks for itself)."""
    return lastgood.locked(_said_path(path))


def _say_checked(path, stamp: tuple, resume: Resume, prefix: digest.Digest) -> None:
    text = json.dumps({"signature": list(stamp[1:]), "end": resume.end, "digest": resume.digest, "chain": prefix.chain})
    try:
        lastgood.replace_text(_said_path(path), text)
    except OSError:
        pass  # (a folder that cannot be written: each worker checks for itself)


def _checked_by_another(path, stamp: tuple, resume: Resume, file) -> digest.Digest | None:
    """The digest of the bytes before `resume.end`, as another process checked them in the file
    as it is (`stamp`); None if none did."""
    try:
        said = json.loads(_said_path(path).read_text(encoding="utf-8"))
        if said["signature"] != list(stamp[1:]) or said["end"] != resume.end or said["digest"] != resume.digest:
            return None
        start = resume.end // digest.BLOCK * digest.BLOCK
        file.seek(start)
        prefix = digest.Digest(int(said["chain"]), file.read(resume.end - start), resume.end)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return prefix if prefix.value == resume.digest else None


def _read_on(
    previous: Dataset, before: bytes, after: bytes, prefix: digest.Digest | None, stamp: tuple
) -> Dataset | None:
    """The dataset of the previous rows and the rows in `after`; None when a full load must say."""
    checked = _checked_on(previous, before, after, stamp, prefix)
    return checked.dataset if checked is not None else None


@dataclass
class Checked:
    """The rows in `after` read on from `previous` and checked (`_checked_on`): the problems of
    the whole file with them, and the new rows' accounts. The dataset, its events and accounts
    joined with the previous ones, is built when first asked for (`dataset`); what `timeline add`
    prints (`summary`, `accounts_of`) is counted without it where it can be."""

    previous: Dataset
    problems: list[Problem]  # every problem of the file, as a full load orders them
    new_accounts: pd.DataFrame  # the accounts of the rows read on (not those of the heads)
    before_cut: pd.DataFrame  # previous.accounts up to where the rows were read on from
    joined: np.ndarray  # positions in before_cut of the accounts of the events joined
    stamp: tuple
    before: bytes
    after: bytes
    records: int  # the last whole record's number
    ascii: bool
    counts: tuple  # (categories, placed, years) without a cut last row
    resumable: bool  # no cause of one new row left unsaid
    prefix: digest.Digest | None = None  # of the bytes before `after`, checked (None: not read)
    _dataset: Dataset | None = field(default=None, init=False, repr=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = _built(self)
        return self._dataset

    def _light(self) -> bool:
        """The previous rows are all kept (no cut last row read again): what the new rows add can
        be counted without building the frames."""
        return self._dataset is None and self.before_cut is self.previous.accounts

    def accounts_of(self, event_id: str) -> int:
        """How many accounts the event `event_id` has in the file with the new rows."""
        return len(self.accounts_of_event(event_id))

    def accounts_of_event(self, event_id: str) -> pd.DataFrame:
        """The accounts of the event `event_id` in the file with the new rows, in file order."""
        if not self._light():
            return self.dataset.accounts[self.dataset.accounts["id"] == event_id]
        new = self.new_accounts[self.new_accounts["id"] == event_id]
        if not len(new):
            return self.before_cut[model.holding(self.before_cut["id"], [event_id])]
        before = self.before_cut.iloc[self.joined]  # (its previous accounts are among those of the events joined)
        return pd.concat([before[before["id"] == event_id], new])

    def summary(self) -> str:
        """Dataset.summary of the file with the new rows."""
        if not self._light():
            return self.dataset.summary()
        # The events the new rows add: the ids of their accounts that no previous event has (the
        # previous accounts of an id that a new account has are among `joined`: _heads).
        added = len(set(self.new_accounts["id"].tolist()) - set(self._joined_ids().tolist()))
        # (Dataset.summary's own words; it reads only the lengths of the frames.)
        return Dataset(
            range(len(self.previous.events) + added),
            range(len(self.before_cut) + len(self.new_accounts)),
            self.problems,
        ).summary()

    def _joined_ids(self) -> pd.Series:
        """The ids of the previous accounts of the events that the new rows join."""
        return self.before_cut["id"].iloc[self.joined]


# What a new row is told when it comes before its event's first whole row: a full load tells it
# (the rows read on join only the events' accepted rows, and the first row may be one refused).
FIRST_ROW = frozenset({ProblemCode.FIRST_ROW_EMPTY, ProblemCode.FIRST_ROW_REFUSED})


def _checked_on(
    previous: Dataset, before: bytes, after: bytes, stamp: tuple, prefix: digest.Digest | None = None
) -> Checked | None:
    """The rows in `after` checked with those they join in `previous`; None when a full load
    must say."""
    resume = previous.resume
    assert resume is not None, "read on only from a dataset that says where (_appended)"
    table = read_table(resume.header + after, file_size=stamp[2] if len(stamp) > 2 else None)
    if not table.by_arrow or table.findings or any(p.level == ERROR and p.is_file_level for p in table.problems):
        return None
    if any(p.code in READ_AGAIN_WHOLE for p in table.problems):
        return None
    shift = resume.records - 1  # the new rows' numbers: the header is row 1 in both
    rows = table.rows + shift
    frame = table.frame
    empty = [
        name
        for p in previous.problems
        if p.code == ProblemCode.EMPTY_COLUMN
        for name in empty_columns(p)  # (a run of them is one warning)
        if name in frame.columns
    ]
    if not all(holds_nothing(frame[name]) for name in empty):
        return None  # (a column unnamed and empty till now holds a value: the header's warning is another)
    before_cut = _before_cut(previous.accounts, resume.records)
    heads, joined = _heads(before_cut, frame)
    context = len(heads)
    if context:
        frame = pd.concat([heads[list(frame.columns)], frame], ignore_index=True)
        rows = np.concatenate([heads["row"].to_numpy(), rows])
    problems = [dataclasses.replace(p, row=p.row + shift) for p in table.problems if p.row > 1]
    findings: list = []
    notes = _Notes()
    left_out = {row + shift: value for row, value in table.left_out.items()}
    accounts, _ = _validate(frame, rows, problems, findings, ascii=table.ascii, notes=notes, left_out=left_out)
    if (
        notes.year_window
        or notes.two_years
        or notes.midnight
        or notes.days_in_utc
        or (notes.published_offset and _clocks_joined(frame.iloc[context:], before_cut, joined))
        or notes.day_number
        or any(finding.always or len(np.unique(finding.rows)) > 1 for finding in findings)
    ):
        return None  # (a cause a full load may say first, of the whole file: see diagnosis.first)
    head_rows = set(rows[:context].tolist())
    new = [p for p in problems if p.row not in head_rows and p.code not in RECOUNTED | {ProblemCode.REPEATED_ROW}]
    accounts = accounts[~accounts["row"].isin(head_rows)]
    new += _repeats(before_cut, joined, accounts)
    if any(p.code in FIRST_ROW for p in new) and any(
        p.level == ERROR and 1 < p.row <= resume.records for p in previous.problems
    ):
        told = _first_rows_read_before(previous, stamp, new, frame, rows)
        if told is None:
            return None
        new = told
    if _repeated_again(previous, new, accounts) or _repeats_go_on(previous, new):
        return None
    categories = _added(resume.categories, category_counts(accounts) if len(accounts) else {})
    placed = _added(resume.places, _placed_counts(notes.places, head_rows, rows, frame))
    warned = date_warned(new, accounts)
    start = accounts["start"].to_numpy()
    years = _summed(resume.years, year_counts(start if warned is None else start[~warned]))
    kept = [p for p in previous.problems if p.code not in RECOUNTED and p.row <= resume.records]
    recounted = _placed_warnings(previous, placed)
    recounted += category_problems(categories)
    told_before = functools.cache(lambda: date_warned(kept, before_cut))  # (read once, only if asked)
    recounted += year_problems(years, lambda year: _last_of_year(year, before_cut, told_before, accounts, warned))
    merged = sorted(kept + new + recounted, key=_merged_order)
    records = table.records + shift - (1 if not after.endswith(b"\n") else 0)
    # (Counted without a cut last row: it is read again with the rest of it.)
    notes.categories, notes.places, notes.years = categories, placed, years
    counts = uncounted(notes, frame, rows, accounts, records)
    # (A cause of one new row is not said, but more rows may come: the next version is read whole.)
    return Checked(
        previous,
        merged,
        accounts,
        before_cut,
        joined,
        stamp,
        before,
        after,
        records,
        table.ascii,
        counts,
        not findings,
        prefix,
    )


def _first_rows_read_before(
    previous: Dataset, stamp: tuple, new: list[Problem], frame: pd.DataFrame, rows: np.ndarray
) -> list[Problem] | None:
    """`new` with what a full load tells a new row that comes before its event's first whole row
    (FIRST_ROW) where the event has rows read before: those are all refused (else its first
    accepted row is among the heads, and the new row comes after it), and the first of them is
    named as the cause (load.refused_first_rows), as a full load names it. The rows read before
    are read again from the file for their ids (only here: new rows of events without a row
    accepted, in a file with rows refused). None if they cannot be."""
    resume = previous.resume
    assert resume is not None
    told = sorted({p.row for p in new if p.code in FIRST_ROW})
    id_of = dict(zip(rows.tolist(), frame["id"].str.strip().tolist()))
    ids = [id_of.get(row, "") for row in told]
    try:
        with open(stamp[0], "rb") as file:
            data = file.read(resume.end)
    except OSError:
        return None
    if len(data) != resume.end or not data.startswith(resume.header):
        return None
    wanted = {name for name in ids if name and name.encode("utf-8") in data}
    if not wanted:
        return new  # (new events: no row read before has their ids)
    table = read_table(data, file_size=stamp[2] if len(stamp) > 2 else None)
    if "id" not in table.frame:
        return None
    earlier = table.frame["id"].str.strip()
    at = np.flatnonzero(earlier.isin(wanted).to_numpy())
    first_row: dict = {}  # id -> the row of its event's first row read before
    for name, row in zip(earlier.iloc[at].tolist(), table.rows[at].tolist()):
        first_row.setdefault(name, row)
    for row, name in table.left_out.items():  # (left out as read: its shape, its text)
        if name in wanted:
            first_row[name] = min(first_row.get(name, row), row)
    heads = set(first_row.values())
    said = refused_first_rows(previous.problems, heads)
    if not heads <= set(said):
        return None  # (a first row read before that is not refused: not as this reads the file)
    cause = {row: first_row[name] for row, name in zip(told, ids) if name in first_row}
    kept = [p for p in new if not (p.code in FIRST_ROW and p.row in cause)]
    return kept + [Problem(row, "id", ERROR, said[head], ProblemCode.FIRST_ROW_REFUSED) for row, head in cause.items()]


def _last_of_year(
    year: int,
    before: pd.DataFrame,
    told_before: Callable[[], np.ndarray | None],
    accounts: pd.DataFrame,
    warned: np.ndarray | None,
) -> tuple[int, str] | None:
    """load.last_of_year in the new accounts (`warned`: those whose year is told already), else in
    the previous ones (`before`; `told_before()`: theirs)."""
    found = last_of_year(accounts, year, None if warned is None else ~warned)
    if found is None:
        old = told_before()
        found = last_of_year(before, year, None if old is None else ~old)
    return found


def _built(checked: Checked) -> Dataset:
    """The dataset of `checked`: the previous frames and the new rows' joined, and where the next
    version can be read on from."""
    previous, before_cut = checked.previous, checked.before_cut
    accounts, room = model.grown_frames(
        before_cut, checked.new_accounts, previous.room if before_cut is previous.accounts else None
    )
    growth = None
    if before_cut is previous.accounts and len(previous.events):
        events, moved, account_event = model.grow_events(previous.events, accounts, len(before_cut), checked.joined)
        growth = Growth(previous.signature, len(before_cut), moved, account_event, checked.prefix is not None)
    else:  # (a cut last row left out: built again)
        events = model.build_events(accounts)
    dataset = Dataset(events, accounts, checked.problems, previous.path, checked.stamp, growth=growth, room=room)
    assert previous.resume is not None
    dataset.resume = (
        _resumed(
            previous.resume,
            checked.before,
            checked.after,
            checked.prefix,
            checked.records,
            checked.ascii,
            *checked.counts,
        )
        if checked.resumable
        else None
    )
    return dataset


def _placed_warnings(previous: Dataset, placed: dict) -> list[Problem]:
    """The warning of each location placed by name: the previous version's where its count and
    first row are unchanged (the same words; no gazetteer to read, which takes seconds in a new
    process such as `timeline add`'s), else made again."""
    resume = previous.resume
    assert resume is not None
    had = {}
    if len(previous.signature) > 2 and previous.signature[2] == resume.end:  # (no cut last row)
        had = {p.row: p for p in previous.problems if p.code == ProblemCode.PLACED_BY_NAME}
    return [
        had[counted[1]] if resume.places.get(name) == counted and counted[1] in had else placed_warning(name, *counted)
        for name, counted in placed.items()
    ]


def _before_cut(accounts: pd.DataFrame, records: int) -> pd.DataFrame:
    """The accounts of rows up to `records` (not a cut last row, which is read again)."""
    if len(accounts) and accounts["row"].iat[-1] > records:
        return accounts[accounts["row"].to_numpy() <= records]
    return accounts


def _resumed(
    resume: Resume,
    before: bytes,
    after: bytes,
    prefix: digest.Digest | None,
    records: int,
    ascii: bool,
    categories: dict,
    placed: dict,
    years: dict,
) -> Resume | None:
    """Where the new version can be read on from: its end, or the start of its cut last row
    (`records`: the last row before it). Its digest: of the bytes before it, the previous ones
    (`prefix`, read again) then the new ones; unknown when the previous ones were not read."""
    cut = after.rfind(b"\n") + 1  # (0: no line end in the new bytes)
    rest = after[cut:]
    if rest.count(b'"') % 2 or b"\r" in rest:
        return None
    if not cut:
        return (
            Resume(
                resume.end,
                records,
                resume.header,
                resume.head,
                resume.head_size,
                resume.tail,
                resume.inode,
                resume.ascii,
                categories,
                placed,
                years,
                resume.digest,
            )
            if rest
            else None
        )
    window = (before + after[:cut])[-WINDOW:]
    return Resume(
        resume.end + cut,
        records,
        resume.header,
        resume.head,
        resume.head_size,
        window_hash(np.frombuffer(window, np.uint8)),
        resume.inode,
        resume.ascii and ascii,
        categories,
        placed,
        years,
        prefix.then(after[:cut]).value if prefix is not None else None,
    )


def _repeats(before_cut: pd.DataFrame, joined: np.ndarray, accounts: pd.DataFrame) -> list[Problem]:
    """load.repeated_rows of the new accounts: each against every earlier account of its event
    (`joined`: the positions of those in `before_cut`) and the new ones before it."""
    if len(accounts) + len(joined) < 2:  # (a new event's one account: nothing it could repeat)
        return []
    columns = [*(name for name in schema.NAMES if name in accounts), "row"]
    both = pd.concat([model.take_rows(before_cut, joined)[columns], accounts[columns]], ignore_index=True)
    codes, _ids = pd.factorize(both["id"])
    candidates = repeat_candidates(both, codes)
    if not len(candidates):
        return []
    return repeated_rows(both, both["row"].to_numpy(), codes, candidates, said=candidates >= len(joined))


def _clocks_joined(new: pd.DataFrame, before_cut: pd.DataFrame, joined: np.ndarray) -> bool:
    """Whether an event the new rows join has publication times at more than one UTC offset,
    its earlier accounts' and the new rows' together: which clock they are read on depends on
    all of them (load._published_on_one_clock), and the file is read again whole. (An event of
    new rows alone is read with all its rows here.)"""
    earlier = model.take_rows(before_cut, joined)[["id", "published"]] if len(joined) else before_cut.iloc[:0]
    ids = set(earlier["id"].tolist())
    rows = pd.concat([earlier, new.loc[new["id"].str.strip().isin(ids), ["id", "published"]]], ignore_index=True)
    if not len(rows):
        return False
    parsed = dates.parse_series(rows["published"].str.strip())
    east, given = dates.offset_seconds(parsed.distinct_offset)
    at = given[parsed.take]
    clocks = pd.DataFrame({"id": rows["id"].str.strip().to_numpy()[at], "east": east[parsed.take][at]})
    return bool(len(clocks)) and bool((clocks.groupby("id")["east"].nunique() > 1).any())


def _heads(accounts: pd.DataFrame, frame: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The first accepted row of each event that new rows join, in file order; and the
    positions of all their accounts."""
    none = np.zeros(0, dtype=np.int64)
    if not len(accounts) or not len(frame):
        return accounts.iloc[:0], none
    wanted = pd.unique(frame["id"].str.strip())
    at = np.flatnonzero(model.holding(accounts["id"], wanted))
    if not len(at):
        return accounts.iloc[:0], none
    found = model.take_rows(accounts, at)  # (runs of rows: no copy of every value of a text column of chunks)
    return found[~found["id"].duplicated(keep="first").to_numpy()], at


def _placed_counts(placed: dict, head_rows: set, rows: np.ndarray, frame: pd.DataFrame) -> dict:
    """`placed` (location -> (rows, first row)) without the events' first rows put before the
    new rows (those are counted in the previous version already)."""
    if not head_rows:
        return placed
    counted = {}
    heads = frame.iloc[: len(head_rows)]
    unplaced = heads[(heads["location"] != "") & (heads["latitude"] == "") & (heads["longitude"] == "")]
    again = unplaced["location"].str.strip().value_counts().to_dict()
    new_rows = rows[len(head_rows) :]
    for name, (count, first) in placed.items():
        count -= again.get(name, 0)
        if count <= 0:
            continue
        if first in head_rows:  # the first new row with that location
            location = frame["location"].iloc[len(head_rows) :].str.strip()
            unset = ((frame["latitude"] == "") & (frame["longitude"] == "")).iloc[len(head_rows) :]
            first = int(new_rows[np.flatnonzero(((location == name) & unset).to_numpy())[0]])
        counted[name] = (count, first)
    return counted


def _added(before: dict, now: dict) -> dict:
    """Counts of (how many, first row) joined: the rows of `now` come after those of `before`."""
    joined = dict(before)
    for key, (count, first) in now.items():
        if key in joined:
            old_count, old_first = joined[key]
            joined[key] = (old_count + count, old_first)
        else:
            joined[key] = (count, first)
    return joined


def _summed(before: dict, now: dict) -> dict:
    """Counts joined: {key: how many} of both."""
    joined = dict(before)
    for key, count in now.items():
        joined[key] = joined.get(key, 0) + count
    return joined


def _repeats_go_on(previous: Dataset, new: list[Problem]) -> bool:
    """New rows go on repeating rows where rows at the end of the previous version did (a block
    pasted twice, then appended to), or the previous version's block took in its cut last row:
    a full load tells them in one warning."""
    starts = {(p.row, repeated_span(p)[1]) for p in new if p.code == ProblemCode.REPEATED_ROW}
    resume = previous.resume
    assert resume is not None
    for problem in previous.problems:
        if problem.code == ProblemCode.REPEATED_ROW and problem.row <= resume.records:
            last, _first, first_last = repeated_span(problem)
            if last > resume.records or (last + 1, first_last + 1) in starts:
                return True  # (or a block that ran into the cut last row, which is read again)
    return False


def _repeated_again(previous: Dataset, new: list[Problem], accounts: pd.DataFrame) -> bool:
    """A new row repeats the title of an event that already has that warning (one warning per
    event names all its rows): a full load says it."""
    repeated = [p.row for p in new if p.code == ProblemCode.REPEATED_TITLE]
    if not repeated:
        return False
    events = set(accounts.loc[accounts["row"].isin(repeated), "id"])
    resume = previous.resume
    assert resume is not None
    before = [p.row for p in previous.problems if p.code == ProblemCode.REPEATED_TITLE and p.row <= resume.records]
    old = previous.accounts
    return bool(before) and bool(events & set(old.loc[old["row"].isin(before), "id"]))


def _merged_order(problem: Problem) -> tuple:
    """The order a full load gives: row by row, column by column; within a row's column, a
    location placed by name first, categories that look alike and a year apart last (as the checks run)."""
    within = (
        -1
        if problem.code == ProblemCode.PLACED_BY_NAME
        else 1
        if problem.code in (ProblemCode.CATEGORY_ALIKE, ProblemCode.TOO_MANY_CATEGORIES, ProblemCode.YEAR_APART)
        else 0
    )
    return (*_reading_order(problem), within)
