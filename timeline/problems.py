"""A problem: one validation finding, as the editor will read it.

Its message is kept as what was found, not as a sentence: an English template marked `say(...)`
(or `say_n(...)` where a count decides the sentence's form) and the values it names. It is written
out (`Problem.message`, `str(message)`) only when shown, in the language in force (timeline.i18n,
its "check" catalogue): so a file with 100,000 problems formats none of them to count them, and a
cached problem (timeline.store) is shown in any language. In English, a message is its template
with its values in it, as the code writes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from . import i18n

ERROR = "error"  # the row is left out
WARNING = "warning"  # the row is kept


class ProblemCode(StrEnum):
    """What kind of finding a problem is, for the program (the message is for the editor)."""

    OTHER = "other"  # a finding about one row's values
    DROPPED = "dropped"  # a value (or its offset) left out, its row kept: a published date or a link unread
    # About the file as a whole (row 0) or its header (row 1):
    NO_FILE = "no-file"
    CANNOT_OPEN = "cannot-open"
    REPLACED = "replaced"  # `add`: the file was replaced by another program's save as its rows were written
    NOT_CSV = "not-csv"  # a workbook, UTF-16, empty, separated by semicolons...
    HEADER = "header"  # a column missing, unnamed, unknown or named twice
    EMPTY_COLUMN = "empty-column"  # a column unnamed and empty in every row (a spreadsheet's used cells)
    NO_ROWS = "no-rows"  # a header and no rows yet
    DIAGNOSIS = "diagnosis"  # the cause behind many problems (diagnosis.first)
    KEPT_BACK = "kept-back"  # the dashboard's notice: a new version is not published
    # About a row's shape, as a row cut short by a save in progress has it:
    FIELD_COUNT = "field-count"  # fewer values than the header has columns
    EXTRA_VALUES = "extra-values"  # more values than the header has columns (no cut makes a row longer)
    OPEN_QUOTE = "open-quote"  # a double quote opens and never closes
    NOT_UTF8 = "not-utf8"  # a value holds bytes that are not UTF-8
    SPLIT_ROW = "split-row"  # a spreadsheet split a cell at a semicolon: the row's values moved right
    HEADER_ORDER = "header-order"  # the header line again, its columns in another order: the rows under it left out
    # Findings across rows (an appended row may change them):
    FIRST_ROW_EMPTY = "first-row-empty"  # title or category empty on an event's first row
    FIRST_ROW_REFUSED = "first-row-refused"  # a row below its event's first row, which is refused
    REPEATED_TITLE = "repeated-title"  # accounts repeating their event's title, other date
    REPEATED_ROW = "repeated-row"  # a row that repeats an earlier row of its event value for value
    OTHER_TITLE = "other-title"  # a later account with a title that is not its event's (never shown)
    CATEGORY_ALIKE = "category-alike"  # two spellings of one lane
    TOO_MANY_CATEGORIES = "too-many-categories"
    PLACED_BY_NAME = "placed-by-name"  # a location placed (or not) by its name
    YEAR_APART = "year-apart"  # a date's year far before the file's other dates (1022 among 2022's)
    LOST_LETTERS = "lost-letters"  # question marks where a save lost letters (diagnosis.lost_letters)


CUT_SHORT = frozenset({ProblemCode.FIELD_COUNT, ProblemCode.OPEN_QUOTE})  # what a row cut mid-write gets
# What makes rows appended after it be read with the whole file, not read on (load._resume,
# appends._checked_on): they are under a header line in another order, left out with the rows
# before them; or a quote misplaced may run on into them, which a full read tells as it is.
READ_AGAIN_WHOLE = frozenset({ProblemCode.HEADER_ORDER, ProblemCode.OPEN_QUOTE})


class Message:
    """What a problem says: an English template marked for the "check" catalogue and its values
    (str, int, float, or a Message: a piece of the app's own words, translated with it). The
    values an editor wrote (cell values shown by `show`, column names, paths) are never translated.

    Equal when their templates and values are; equal to a str that is its English text."""

    __slots__ = ("template", "plural", "values", "_english")
    kind = ""  # a subclass's name in a stored message (`stored`), e.g. dates.Day's
    _kinds: dict = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Message._kinds[cls.kind] = cls

    def __init__(self, template: str, values: dict, plural: str | None = None):
        self.template = template
        self.plural = plural  # the plural's template, if a count `n` decides the form
        self.values = values
        self._english: str | None = None

    def __str__(self) -> str:
        """In the language in force."""
        if i18n.current() == i18n.ENGLISH or not i18n.speaks(i18n.CHECK):
            return self.english()  # (English, or a language without a check catalogue: all of it English)
        values = self.values
        if self.plural is None:
            template = i18n.gettext(self.template, i18n.CHECK)
        else:
            template = i18n.ngettext(self.template, self.plural, values["n"], i18n.CHECK)
        return template.format(**{k: _Count(v) if type(v) is int else v for k, v in values.items()})

    def english(self) -> str:
        """The message in English, written once (a piece shared by many problems, such as a date's
        own problem, is written once for all)."""
        if self._english is None:
            template = self.template if self.plural is None or self.values["n"] == 1 else self.plural
            self._english = template.format(
                **{k: v.english() if isinstance(v, Message) else v for k, v in self.values.items()}
            )
        return self._english

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def __repr__(self) -> str:
        return f"Message({self.english()!r})"

    def __eq__(self, other) -> bool:
        if isinstance(other, Message):
            return (self.template, self.plural, self.values) == (other.template, other.plural, other.values)
        if isinstance(other, str):  # ("" is never a message: arrays of problems hold "" for none)
            return bool(other) and self.english() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.english())

    def __lt__(self, other) -> bool:
        return self.english() < (other.english() if isinstance(other, Message) else other)

    def __gt__(self, other) -> bool:
        return self.english() > (other.english() if isinstance(other, Message) else other)


class _Count(int):
    """A count in a translated message: `{n:,}` writes it as the language does (4 353 in French)."""

    def __format__(self, spec: str) -> str:
        return i18n.number(int(self)) if spec == "," else format(int(self), spec)


def say(template: str, **values) -> Message:
    """A message for the editor, in the "check" catalogue: `say("id {value} is empty", value=...)`.
    Mark each sentence once, where it is written (Babel extracts the calls: `make messages`)."""
    return Message(template, values)


def say_year(template: str, **values) -> Message:
    """say() for what is wrong or doubtful in a date's year (a year of two digits read in a
    century, a day programs write for none, a digit of the year left out): a date so told is not
    weighed again among the file's years (load.years_apart). Marked for the catalogue as say is."""
    return YearTold(template, values)


def tells_the_year(message) -> bool:
    """Whether a message (or a piece of it: two warnings said as one) is say_year's."""
    if not isinstance(message, Message):
        return False
    return isinstance(message, YearTold) or any(tells_the_year(value) for value in message.values.values())


def say_n(singular: str, plural: str, n: int, **values) -> Message:
    """A message whose form depends on the count `n` (named `{n}` in it), as `ngettext`'s."""
    values["n"] = n
    return Message(singular, values, plural)


class YearTold(Message):
    """A message of say_year."""

    kind = "year-told"


class _Cut(Message):
    """A message without its last full stop, to be joined into another's sentence (`cut`)."""

    kind = "cut"

    def english(self) -> str:
        text = self.values["text"]
        return (text.english() if isinstance(text, Message) else text).rstrip(".")

    def __str__(self) -> str:
        return str(self.values["text"]).rstrip(".")


def cut(text: Message | str) -> Message:
    """A problem's message (Problem.text) as a part of another: without its last full stop."""
    return _Cut("", {"text": text})


def and_list(words: list[str]) -> str | Message:
    """ "4", "4 and 9", "4, 7 and 9" (in the reader's language: its comma too, "4، 7 و9")."""
    if len(words) == 1:
        return words[0]
    return say("{listed} and {last}", listed=comma_list(words[:-1]), last=words[-1])


def comma_list(words: list[str]) -> str | Message:
    """ "4", "4, 7", in the reader's language ("4، 7"): each comma a message of its own, as schema's
    lists of characters are joined; nested half in half, so that a list of thousands of rows is
    a few levels deep (one message in another for each word went past Python's recursion limit
    at about 500 words)."""
    if len(words) == 1:
        return words[0]
    half = len(words) // 2
    return Message("{listed}, {value}", {"listed": comma_list(words[:half]), "value": comma_list(words[half:])})


def to_json(texts: list) -> str:
    """Problems' messages (Problem.text) as JSON, as timeline.store keeps them: a message as its
    template and values, so that it is shown in any language when read back (`from_json`). Each
    template is written once and named by its number, and so is a piece many messages share (a
    date's own problem, a hint); the encoder runs in C over the rest. Lines: the templates, each
    piece, then the messages (a plain string as itself)."""
    templates: dict = {}
    pieces: list = []
    numbers: dict = {}

    def collect(message) -> None:  # the nested pieces, each after the pieces it holds
        for value in message.values.values():
            if isinstance(value, Message) and id(value) not in numbers:
                collect(value)
                numbers[id(value)] = len(pieces)
                pieces.append(value)

    def whole(message) -> list:  # [template, values] or [template, values, plural, kind]
        template = templates.setdefault(message.template, len(templates))
        if message.plural is None and not message.kind:
            return [template, message.values]
        return [template, message.values, message.plural, message.kind]

    for text in texts:
        if isinstance(text, Message):
            collect(text)

    def encoded(value):
        if isinstance(value, Message):
            return {"$": numbers[id(value)]}
        return value.item()  # a numpy number

    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=encoded).encode
    written = [dump(whole(piece)) for piece in pieces]  # (a line each: read one by one)
    written.append(dump([whole(text) if isinstance(text, Message) else text for text in texts]))
    return "\n".join([dump(list(templates))] + written)


def from_json(text: str) -> list:
    lines = text.split("\n")
    templates = json.loads(lines[0])
    pieces: list = []

    def made(whole):
        if len(whole) == 2:
            return Message(templates[whole[0]], whole[1])
        return Message._kinds.get(whole[3], Message)(templates[whole[0]], whole[1], whole[2])

    def piece(found: dict):
        return pieces[found["$"]] if "$" in found else found

    for line in lines[1:-1]:  # (a piece names only pieces before it)
        pieces.append(made(json.loads(line, object_hook=piece)))
    return [made(whole) if type(whole) is list else whole for whole in json.loads(lines[-1], object_hook=piece)]


@dataclass(frozen=True, order=True)
class Problem:
    row: int  # spreadsheet row: the header is row 1; 0 for the file as a whole
    column: str  # column name, or "" when the problem is not in one column
    level: str  # ERROR or WARNING
    text: Message | str  # what is wrong, the value, and how to fix it (say(...)): see `message`
    code: ProblemCode = ProblemCode.OTHER

    @property
    def message(self) -> str:
        """What is wrong, the value, and how to fix it, in the language in force."""
        text = self.text
        if isinstance(text, str):
            return text
        return text.english() if i18n.current() == i18n.ENGLISH else str(text)

    @property
    def is_file_level(self) -> bool:
        """About the file as a whole (row 0) or its header (row 1), not one of its rows."""
        return self.row <= 1

    @property
    def leaves_out(self) -> range:
        """The rows this problem leaves out besides its own: those under a header line in another
        order (HEADER_ORDER), whose message names them; else none."""
        if self.code != ProblemCode.HEADER_ORDER or not isinstance(self.text, Message):
            return range(0)
        values = self.text.values
        return range(values.get("first", 0), values.get("last", -1) + 1)

    def format(self, path: str) -> str:
        """path:row: column: level: message (the level in the language in force, timeline.i18n)."""
        where = f"{path}:{self.row}" if self.row else path
        column = self.column or "-"
        return f"{where}: {column}: {i18n.gettext(self.level)}: {self.message}"

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "level": self.level, "message": self.message, "code": self.code}


@dataclass
class Finding:
    """One cause behind several problems (a spreadsheet rewrote the dates...), the rows it
    explains (spreadsheet row numbers), and the problem of row 0 that says it; see diagnosis.first."""

    rows: np.ndarray
    problem: Problem  # row 0: the diagnosis
    always: bool = False  # said even when it explains few of the problems (a file-level cause)


def counted(n: int, noun: str, thousands: bool = False) -> str:
    """`1 event`, `2 events`: a count and an English noun that takes an s (the command line's
    summaries; the page's and other languages' go through the catalogues)."""
    number = f"{n:,}" if thousands else str(n)
    return f"{number} {noun}" if n == 1 else f"{number} {noun}s"


def show(value: str, limit: int = 60) -> str | Message:
    """A cell value quoted for a message, cut short when long."""
    text = str(value)
    if len(text) > limit:
        return _Shown("", {"text": text[:limit], "length": len(text)})
    return repr(text)


class _Shown(Message):
    """A long cell value cut short, quoted, its length said in the reader's language (`show`)."""

    kind = "shown"

    def _said(self) -> Message:
        return say("{text}... ({length:,} characters)", **self.values)

    def english(self) -> str:
        return repr(self._said().english())

    def __str__(self) -> str:
        return repr(str(self._said()))
