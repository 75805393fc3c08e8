"""What the tests of the message catalogues share (tests/test_i18n.py: the page's words;
tests/test_problem_messages.py: check's): the messages the code marks, as Babel's extractor finds
them, and a catalogue's entries."""

from __future__ import annotations

import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PAGE_KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}  # timeline.i18n's markers
CHECK_KEYWORDS = {"say": None, "say_n": (1, 2), "say_year": None}  # timeline.problems' markers (`make messages`)


def extracted(keywords: dict) -> dict:
    """The messages the code marks with `keywords`: singular -> the message (a str, or
    (singular, plural))."""
    found = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "timeline"), method_map=[("**.py", "python")], keywords=keywords
    ):
        found[message[0] if isinstance(message, (list, tuple)) else message] = message
    return found


def catalogue_ids(path: Path) -> dict:
    """A .po or .pot file's entries: singular -> the babel Message."""
    with open(path, "rb") as file:
        read = read_po(file, abort_invalid=True)  # (a merge that lost a msgstr line fails here)
    return {(m.id[0] if isinstance(m.id, (list, tuple)) else m.id): m for m in read if m.id}


def fields(text: str) -> set:
    """The {names} a message's text formats."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def forms(message) -> tuple:
    """A catalogue entry's translations: one, or one per plural form."""
    return tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)
