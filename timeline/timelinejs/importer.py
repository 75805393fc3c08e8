"""The sheet appended to events.csv: `python -m timeline import timelinejs`. The sheet
(CSV, an .xlsx workbook, or a timeline's JSON) is read by `sheet`, and its entries are appended with
`editing.append_rows`, the same checked, locked append as `add`; a row that cannot become a
good account is a problem naming its sheet row, and is skipped. The only module of the
package that writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import dates, editing, workbook
from ..csvfile import read_table
from ..load import load
from ..problems import ERROR, WARNING, Message, Problem, cut, say
from .sheet import SHEET_COLUMN_OF, Entry, Sheet, read_sheet, row_skipped, rows_text, with_ids


@dataclass
class Imported:
    sheet: Sheet
    into: str
    appended: editing.Appended | None = None
    problems: list[Problem] = field(default_factory=list)  # by sheet row, sheet's and check's
    summary: str = ""  # check's summary of the file after
    offered: list[Entry] = field(default_factory=list)  # the entries appended (those not in the file already)

    @property
    def rows(self) -> list[tuple[int, int, dict]]:
        """(sheet row, file row, account) for every row written."""
        if not self.appended:
            return []
        return [(self.offered[i].sheet_row, row, self.appended.rows[i]) for i, row in self.appended.written.items()]

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
        sheet = Sheet(
            Path(sheet_path).name,
            problems=[Problem(0, "", ERROR, say("the sheet cannot be opened: {why}", why=error.strerror))],
        )
        return Imported(sheet, into, problems=sheet.problems)
    which: str | Message | None = workbook.kind(data[: 1 << 16])  # or why an .xlsx cannot be read
    if which == workbook.XLSX:
        try:
            data, _ = workbook.xlsx_to_csv(data)
        except workbook.NotReadable as error:
            which = say("an .xlsx that cannot be opened ({why})", why=str(error))
    if which and which != workbook.XLSX:
        sheet = Sheet(
            Path(sheet_path).name,
            problems=[
                Problem(
                    0,
                    "",
                    ERROR,
                    (
                        workbook.not_csv(which)
                        if isinstance(which, str) and which in workbook.KINDS
                        else say("the sheet is {kind}; {save_as_csv}", kind=which, save_as_csv=workbook.SAVE_AS_CSV)
                    ),
                )
            ],
        )
        return Imported(sheet, into, problems=sheet.problems)
    sheet = read_sheet(data, Path(sheet_path).name)
    result = Imported(sheet, into, problems=list(sheet.problems))
    if not sheet.entries:
        return result
    folded: list[int] = []  # sheet rows whose media went into the description
    present: dict[int, int] = {}  # sheet row -> the file's row that holds its account already

    def build(current: bytes) -> list[dict]:
        table = read_table(current) if current else None
        columns = editing.shape_of(current).columns
        missing = [name for name in MEDIA_COLUMNS if columns and name not in columns]
        # (a sheet imported again, once its refused rows are mended: what the file holds already is
        # not appended twice under new ids; each of the file's rows stands for one sheet row)
        drafts = [dict(entry.account) for entry in sheet.entries]
        for draft in drafts:
            _fold_media(draft, missing)
        keys = [_account_key(draft, columns) for draft in drafts]
        held = _accounts_in(table, columns, set(keys))
        present.clear()
        for entry, key in zip(sheet.entries, keys):
            if held.get(key):
                present[entry.sheet_row] = held[key].pop(0)
        result.offered[:] = [entry for entry in sheet.entries if entry.sheet_row not in present]
        rows = with_ids(result.offered, editing.ids_of(table) if table is not None else set())
        folded.clear()
        for entry, row in zip(result.offered, rows):
            if _fold_media(row, missing):
                folded.append(entry.sheet_row)
        return rows

    result.appended = editing.append_rows(into, build, all_or_nothing=False)
    if present:
        result.problems.append(
            Problem(
                0,
                "",
                WARNING,
                say(
                    "{rows} of the sheet: their accounts are in {file} already, value for value ({file_rows} there), "
                    "so they are not imported again; the sheet's other rows are",
                    rows=rows_text(list(present)),
                    file=into,
                    file_rows=rows_text(list(present.values())),
                ),
            )
        )
    if folded:
        result.problems.append(
            Problem(
                1,
                "Media",
                WARNING,
                say(
                    "{file} has no {columns} columns (its header is older than them), so the media of {rows} is "
                    "kept as lines of the description instead ('Media: ...'); to show pictures in the side panel, "
                    "start from a file with every column (python -m timeline template) or add the columns with a "
                    "spreadsheet, which fills every row",
                    file=into,
                    columns=", ".join(n for n in MEDIA_COLUMNS),
                    rows=rows_text(folded),
                ),
            )
        )
    for entry, findings in zip(result.offered, result.appended.review.findings):
        for problem in findings:
            result.problems.append(
                Problem(
                    entry.sheet_row,
                    sheet_column(problem.column, entry.account),
                    problem.level,
                    row_skipped(cut(problem.text)) if problem.level == ERROR else cut(problem.text),
                )
            )
    result.problems.sort(key=lambda p: (p.row, p.column))
    if Path(into).exists():
        result.summary = load(into).summary()
    return result


def _account_key(account: dict, columns: tuple) -> tuple:
    """An account's values in the file's columns but its id, as a row of it would read."""
    return tuple(str(account.get(name, "") or "").strip() for name in columns if name and name != "id")


def _accounts_in(table, columns: tuple, wanted: set[tuple]) -> dict[tuple, list[int]]:
    """The file's accounts of `wanted` (their values, _account_key) -> the rows that hold each, in
    order. Only rows whose title is one of theirs are looked at: a sheet's rows among a million."""
    if table is None or "id" not in columns or len(table.frame.columns) != len(columns):
        return {}
    frame, rows = table.frame.set_axis([name or f"?{i}" for i, name in enumerate(columns)], axis=1), table.rows
    if columns.count("title") == 1:
        at = [name for name in columns if name and name != "id"].index("title")
        mask = frame["title"].str.strip().isin({key[at] for key in wanted}).to_numpy()
        frame, rows = frame[mask], rows[mask]
    held: dict[tuple, list[int]] = {}
    for row, values in zip(rows.tolist(), frame.itertuples(index=False)):
        key = _account_key(dict(zip(frame.columns, values)), columns)
        if key in wanted:
            held.setdefault(key, []).append(row)
    return held


def sheet_column(column: str, account: dict) -> str:
    """The sheet's column a problem of `column` (events.csv's) comes from: a date's is Year (or
    End Year), but Time (or End Time) where the day alone reads cleanly and the day with its
    time does not (`16:30:75`, `10:00 MSK` in a summer: the Time cell's)."""
    named = SHEET_COLUMN_OF.get(column, column)
    if column not in ("date", "end_date"):
        return named
    day, _, time = str(account.get(column, "")).partition(" ")
    if time and _reads_cleanly(day) and not _reads_cleanly(f"{day} {time}"):
        return "Time" if column == "date" else "End Time"
    return named


def _reads_cleanly(text: str) -> bool:
    try:
        return not dates.read(text).warning
    except dates.DateError:
        return False


MEDIA_COLUMNS = ("media", "media_caption", "media_credit", "media_alt")
_MEDIA_WORDS = {"media": "Media", "media_caption": "Caption", "media_credit": "Credit", "media_alt": "Alt text"}


def _fold_media(row: dict, missing: list[str]) -> bool:
    """Move the values of media columns the file lacks into the description, as lines."""
    lines = [f"{_MEDIA_WORDS[name]}: {row[name]}" for name in missing if str(row.get(name, "")).strip()]
    for name in missing:
        row.pop(name, None)
    if not lines:
        return False
    row["description"] = "\n\n".join(part for part in (row.get("description", ""), "\n".join(lines)) if part)
    return True


def import_report(result: Imported, sheet_path: str) -> list[str]:
    """What `python -m timeline import` prints: problems, the rows imported, the summary."""
    slides = result.sheet.slides  # (TimelineJS's JSON: read as the sheet of its slides)
    lines = [_json_rows(slides, sheet_path)] if slides else []
    lines += [p.format(sheet_path) for p in result.problems]
    lines += [p.format(result.into) for p in result.file_problems]
    rows = result.rows
    read = len(result.sheet.entries) + _skipped(result)
    refused = any(p.level == ERROR and p.row <= 1 for p in result.sheet.problems)
    lines.append(
        f"nothing imported from {sheet_path} into {result.into}"  # (not "0 of 0 rows": the sheet was refused)
        if refused and not rows
        else f"imported {len(rows)} of {read} {'slides' if slides else 'rows'} from {sheet_path} into {result.into}"
    )
    for sheet_row, file_row, account in rows:
        lines.append(
            f"  {result.into}:{file_row}: {account['id']} ({account['date']}"
            f"{' to ' + account['end_date'] if account['end_date'] else ''}) "
            f"from {slides[sheet_row] if slides else f'sheet row {sheet_row}'}"
        )
    if result.summary:
        lines.append(result.summary)
    return lines


def _json_rows(slides: dict[int, str], path: str) -> str:
    """How the rows the lines below name are a JSON file's slides (row 2 its title)."""
    lists: dict[str, list[int]] = {}  # "events" -> its rows, in order
    for row, name in slides.items():
        if row > 2:
            lists.setdefault(name.partition("[")[0], []).append(row)
    parts = ["row 2 is its title" if slides.get(2) else "row 2 would be its title (it has none)"]
    for name, rows in lists.items():
        if len(rows) == 1:
            parts.append(f"row {rows[0]} is {name}[0]")
        else:
            parts.append(f"rows {rows[0]} to {rows[-1]} are {name}[0] to {name}[{len(rows) - 1}]")
    return f"{path} is TimelineJS's JSON, read as the sheet of its slides: {', '.join(parts)}"


def _skipped(result: Imported) -> int:
    return len({p.row for p in result.sheet.problems if p.level == ERROR and p.row > 1})
