"""The corpus of malformed files in tests/data/bad/: each gives its problem, never a traceback.

tests/data/bad/expected.json holds, for each file, the problems `check` must report (row,
column, level; row 0 is the file as a whole), a fragment of the first problem's message and how
many rows are kept. The two giant files (a 10 MB field, a 1-million-character title) are written
to a temporary directory by the tests rather than committed.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline import schema
from timeline.cli import main
from timeline.problems import counted

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "data" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(EXPECTED)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prefix(path, row: int, column: str, level: str) -> str:
    where = f"{path}:{row}" if row else f"{path}"
    return f"{where}: {column or '-'}: {level}: "


def check_in_process(capsys, path) -> tuple[int, list[str]]:
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out.splitlines()


def assert_reported(path, lines: list[str], code: int, expected: dict) -> None:
    *problems, summary = lines
    wanted = [prefix(path, *p) for p in expected["problems"]]
    assert len(problems) == len(wanted), lines
    for line, start in zip(problems, wanted):
        assert line.startswith(start), (line, start)
    if expected["message"]:
        assert expected["message"] in problems[0], problems[0]
    errors = sum(level == "error" for _, _, level in expected["problems"])
    warnings = len(expected["problems"]) - errors
    assert summary.endswith(f", {counted(errors, 'error')}, {counted(warnings, 'warning')}"), summary
    if expected["accounts"] is not None:
        assert f", {counted(expected['accounts'], 'account')}, " in summary, summary
    assert code == (1 if errors else 0)


def test_the_corpus_is_complete():
    on_disk = {p.name for p in BAD.iterdir() if p.suffix == ".csv"}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 40


@pytest.mark.parametrize("name", NAMES)
def test_check_reports_each_file(name, capsys):
    path = BAD / name
    before = digest(path)
    code, lines = check_in_process(capsys, path)
    assert_reported(path, lines, code, EXPECTED[name])
    assert digest(path) == before, "check never writes the file"


@pytest.mark.parametrize(
    "name", ["utf8-bom.csv", "crlf.csv", "html-in-title.csv", "header-only.csv", "date-ambiguous.csv"]
)
def test_strict_fails_on_any_problem(name, capsys):
    code = main(["check", "--strict", str(BAD / name)])
    capsys.readouterr()
    assert code == (1 if EXPECTED[name]["problems"] else 0)


@pytest.mark.parametrize("name", NAMES)
def test_load_never_raises_and_keeps_row_numbers(name):
    path = BAD / name
    dataset = timeline.load(path)
    assert [(p.row, p.column, p.level) for p in dataset.problems] == [tuple(p) for p in EXPECTED[name]["problems"]]
    if EXPECTED[name]["accounts"] is not None:
        assert len(dataset.accounts) == EXPECTED[name]["accounts"]
    refused = {p.row for p in dataset.errors}
    assert not refused & set(dataset.accounts["row"])
    assert len(dataset.events) == dataset.accounts["id"].nunique()


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("url-")])
def test_a_bad_link_is_dropped_and_its_account_kept(name):
    accounts = timeline.load(BAD / name).accounts.set_index("id")
    assert accounts.loc["csto-request", "source_url"] == ""
    assert accounts.loc["airport-seized", "source_url"] == "https://example.org/a"


def test_unknown_column_values_are_kept():
    dataset = timeline.load(BAD / "unknown-column.csv")
    assert dataset.accounts["notes"].tolist() == ["checked by Ann"]


@pytest.mark.parametrize("name", schema.WORKED_OUT)
def test_a_column_named_as_one_load_works_out_is_kept_apart(name, tmp_path):
    """An editor's own column named like one load works out for each account ("row", "start",
    "lat"...): warned about as any unknown column, its values kept under its column number, and
    what load works out (the row number, the dates, the coordinates) is what it is without it."""
    header = "id,date,end_date,title,category,latitude,longitude,source,published,figure,retracted"
    rows = [
        "a,2022-01-05,2022-01-07,Curfew,security,43.2,76.9,AP,2022-01-06,12,",
        "b,7 January 2022,,Internet cut,communications,,,Reuters,,,2022-02-01",
    ]
    plain, extra = tmp_path / "plain.csv", tmp_path / "extra.csv"
    plain.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    extra.write_text("\n".join([f"{header},{name.upper()}", *[f"{r},mine {i}" for i, r in enumerate(rows)]]) + "\n")
    without, kept = timeline.load(plain), timeline.load(extra)
    assert [(p.row, p.column, p.level) for p in kept.problems] == [(1, name, "warning")]
    assert kept.accounts[f"{name} (column 12)"].tolist() == ["mine 0", "mine 1"]
    pd.testing.assert_frame_equal(kept.accounts.drop(columns=[f"{name} (column 12)"]), without.accounts)
    pd.testing.assert_frame_equal(kept.events, without.events)


def test_load_works_out_these_columns_and_no_others():
    """schema.WORKED_OUT names every column load adds to the file's (so none can overwrite one of
    the editor's without a test saying so)."""
    accounts = timeline.load(ROOT / "events.csv").accounts
    assert sorted(set(accounts.columns) - set(schema.NAMES)) == sorted(schema.WORKED_OUT)


def test_the_unterminated_quote_is_reported_where_it_opens():
    dataset = timeline.load(BAD / "unterminated-quote-after-multiline.csv")
    # Row 2 spans three lines; the open quote is on the fourth spreadsheet row, line 6.
    assert dataset.accounts["row"].tolist() == [2, 3]
    assert "The row begins 'csto-request,2022-01-05," in dataset.problems[0].message


@pytest.mark.parametrize(
    "name",
    [
        "unterminated-quote.csv",
        "empty.csv",
        "latin1-bytes.csv",
        "formula-equals.csv",
        "latin1-bytes-in-too-long-row.csv",
    ],
)
def test_as_a_subprocess(name, tmp_path):
    """As the editor runs it: the same lines, the exit code, and no traceback on stderr."""
    path = BAD / name
    before = digest(path)
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "check", str(path)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr == ""
    assert_reported(path, result.stdout.splitlines(), result.returncode, EXPECTED[name])
    assert digest(path) == before


# --- giant values, written at test time -----------------------------------------------------

HEADER = schema.header_line()
OK = "airport-seized,2022-01-05,,Almaty airport seized,,protest,,,,Interfax,,,,,,,,,,"


@pytest.fixture(scope="module")
def giants(tmp_path_factory):
    folder = tmp_path_factory.mktemp("giants")
    ten_mb = "x" * (10 * 1024 * 1024)
    files = {
        # A 10 MB description: nothing wrong with that; it is kept whole.
        "ten-mb-field.csv": (
            f'{HEADER}\n{OK}\ncsto-request,2022-01-05,,Title,"{ten_mb}",international,,,,EFE,,,,,,,,,,\n'
            f"b,2022-02-30,,Title,,protest,,,,EFE,,,,,,,,,,\n",
            [(4, "date", "error")],
            "day 30 does not exist",
            2,
        ),
        # A 10 MB unquoted title: a warning, the row is kept.
        "ten-mb-title.csv": (
            f"{HEADER}\n{OK}\ncsto-request,2022-01-05,,{ten_mb},,international,,,,EFE,,,,,,,,,,\n",
            [(3, "title", "warning")],
            "title is 10,485,760 characters long",
            2,
        ),
        # A 10 MB field in a file the careful reader must read (bytes that are not UTF-8).
        "ten-mb-field-latin1.csv": (
            f"{HEADER}\n{OK}\ncsto-request,2022-01-05,,Title,{ten_mb},international,,,,EFE,,,,,,,,,,\n"
            f"b,2022-01-05,,Caf\xe9,,protest,,,,EFE,,,,,,,,,,\n",
            [(4, "title", "error")],
            "not UTF-8",
            2,
        ),
        "million-character-title.csv": (
            f'{HEADER}\n{OK}\ncsto-request,2022-01-05,,"{"T" * 1_000_000}",,international,,,,EFE,,,,,,,,,,\n',
            [(3, "title", "warning")],
            "title is 1,000,000 characters long",
            2,
        ),
    }
    out = {}
    for name, (text, problems, fragment, accounts) in files.items():
        path = folder / name
        path.write_bytes(text.encode("latin-1" if "latin1" in name else "utf-8"))
        out[name] = (path, {"problems": problems, "message": fragment, "accounts": accounts})
    return out


@pytest.mark.parametrize(
    "name", ["ten-mb-field.csv", "ten-mb-title.csv", "ten-mb-field-latin1.csv", "million-character-title.csv"]
)
def test_giant_values(giants, name, capsys):
    path, expected = giants[name]
    before = digest(path)
    code, lines = check_in_process(capsys, path)
    assert_reported(path, lines, code, expected)
    assert all(len(line) < 1000 for line in lines), "long values are cut short in messages"
    assert digest(path) == before


def test_the_ten_mb_value_is_kept_whole(giants):
    dataset = timeline.load(giants["ten-mb-field.csv"][0])
    assert len(dataset.accounts.set_index("id").loc["csto-request", "description"]) == 10 * 1024 * 1024
