"""`python -m timeline check [PATH] [--strict]`: what the editor sees, and the exit code."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import schema
from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
HEADER = schema.header_line()
GOOD = "a,2022-01-07,,Title,,protest,,,,Source,,,,,,,,,,\n"
WARNED = "b,2022-01-08,,<b>Title</b>,,protest,,,,Source,,,,,,,,,,\n"  # HTML: a warning on row 3
FAILED = "c,2022-02-30,,Title,,protest,,,,Source,,,,,,,,,,\n"  # no such day: an error on row 4

LINE = re.compile(r"^(?P<path>.+?):(?P<row>\d+): (?P<column>[^:]+): (?P<level>error|warning): (?P<message>.+)$")
FILE_LINE = re.compile(r"^(?P<path>.+?): -: (?P<level>error|warning): (?P<message>.+)$")
SUMMARY = re.compile(r"^(\d+) events?, (\d+) accounts?, (\d+) errors?, (\d+) warnings?$")


def write(tmp_path: Path, *rows: str, name: str = "events.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n" + "".join(rows), encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def parse(lines: list[str]):
    *problems, summary = lines
    match = SUMMARY.match(summary)
    assert match, summary
    return [LINE.match(p) or FILE_LINE.match(p) for p in problems], tuple(map(int, match.groups()))


def test_clean_file_prints_only_the_summary(tmp_path, capsys):
    path = write(tmp_path, GOOD, GOOD.replace("a,", "b,", 1))
    code, lines, err = run(capsys, str(path))
    assert (code, lines, err) == (0, ["2 events, 2 accounts, 0 errors, 0 warnings"], "")


def test_one_line_per_problem_then_the_summary(tmp_path, capsys):
    path = write(tmp_path, GOOD, WARNED, FAILED)
    code, lines, err = run(capsys, str(path))
    assert code == 1 and err == ""
    problems, summary = parse(lines)
    assert summary == (2, 2, 1, 1)
    assert [(m["path"], int(m["row"]), m["column"], m["level"]) for m in problems] == [
        (str(path), 3, "title", "warning"),
        (str(path), 4, "date", "error"),
    ]
    assert lines[1] == (
        f"{path}:4: date: error: date '2022-02-30': February 2022 has 28 days, so day 30 does not exist."
    )


def test_the_path_is_printed_as_given(tmp_path, capsys, monkeypatch):
    write(tmp_path, FAILED, name="my events.csv")
    monkeypatch.chdir(tmp_path)
    code, lines, _ = run(capsys, "my events.csv")
    assert lines[0].startswith("my events.csv:2: date: error: ")


@pytest.mark.parametrize(
    "rows,strict,expected",
    [
        ((GOOD,), False, 0),
        ((GOOD,), True, 0),
        ((GOOD, WARNED), False, 0),
        ((GOOD, WARNED), True, 1),
        ((GOOD, FAILED), False, 1),
        ((GOOD, FAILED), True, 1),
        ((FAILED,), False, 1),
        ((), False, 0),  # header only: a warning
        ((), True, 1),
    ],
)
def test_exit_codes(tmp_path, capsys, rows, strict, expected):
    path = write(tmp_path, *rows)
    code, lines, _ = run(capsys, str(path), *(["--strict"] if strict else []))
    assert code == expected
    assert SUMMARY.match(lines[-1])


def test_strict_may_come_first(tmp_path, capsys):
    path = write(tmp_path, GOOD, WARNED)
    assert main(["check", "--strict", str(path)]) == 1


def test_default_path_is_events_csv(tmp_path, capsys, monkeypatch):
    write(tmp_path, GOOD, FAILED)
    monkeypatch.chdir(tmp_path)
    code, lines, _ = run(capsys)
    assert code == 1
    assert lines[0].startswith("events.csv:3: date: error: ")
    assert lines[-1] == "1 event, 1 account, 1 error, 0 warnings"


def test_missing_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, lines, err = run(capsys)
    assert code == 1 and err == ""
    assert lines == [
        "events.csv: -: error: there is no file at 'events.csv'",
        "0 events, 0 accounts, 1 error, 0 warnings",
    ]


@pytest.mark.parametrize(
    "data,fragment",
    [
        (b"", "the file is empty"),
        (HEADER.replace(",", ";").encode() + b"\n", "semicolons"),
        (b"id,date,title\n", "the header has no 'category', 'source' column"),
        (HEADER.encode() + b'\na,2022,,"T,,p,,,,S,,,,,,,\n', "never closed"),
        (b"\xff\xfe" + HEADER.encode("utf-16-le"), "UTF-16"),
    ],
)
def test_unreadable_files_give_one_problem(tmp_path, capsys, data, fragment):
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    code, lines, err = run(capsys, str(path))
    assert code == 1 and err == ""
    problems, summary = parse(lines)
    assert len(problems) == 1 and problems[0], lines
    assert fragment in problems[0]["message"]
    assert summary[2] == 1


def test_check_never_writes_the_file(tmp_path, capsys):
    path = write(tmp_path, GOOD, WARNED, FAILED)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    run(capsys, str(path))
    run(capsys, str(path), "--strict")
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


def test_summary_counts_match_the_lines(tmp_path, capsys):
    rows = [
        GOOD,
        WARNED,
        FAILED,
        "d,2022,,T,,p,,91,1,S,,,,,,,,,,\n",
        "Bad Id,2022,,T,,p,,,,S,,,,,,,,,,\n",
        "e,2022,,=T,,p,,,,S,javascript:x,,\n",
    ]
    path = write(tmp_path, *rows)
    _, lines, _ = run(capsys, str(path))
    problems, (events, accounts, errors, warnings) = parse(lines)
    assert errors == sum(m["level"] == "error" for m in problems)
    assert warnings == sum(m["level"] == "warning" for m in problems)
    assert [int(m["row"]) for m in problems] == sorted(int(m["row"]) for m in problems)


def test_events_csv_checks_clean(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, lines, _ = run(capsys, "--strict")
    assert code == 0
    assert len(lines) == 1 and lines[0].endswith(" 0 errors, 0 warnings")


def test_template_loads_cleanly(tmp_path, capsys):
    assert main(["template"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "\ufeff" + HEADER  # a byte order mark: Windows Excel reads UTF-8
    path = tmp_path / "events.csv"
    path.write_text(out)
    code, lines, _ = run(capsys, str(path), "--strict")
    assert (code, lines) == (0, ["1 event, 1 account, 0 errors, 0 warnings"])


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2


# --- as the editor runs it ------------------------------------------------------------------


def subprocess_check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "timeline", "check", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_subprocess_reports_and_exits(tmp_path):
    write(tmp_path, GOOD, WARNED, FAILED)
    result = subprocess_check(cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "events.csv:3: title: warning: title '<b>Title</b>' holds HTML; it is shown as plain text, "
        "tags and all. Write plain text",
        "events.csv:4: date: error: date '2022-02-30': February 2022 has 28 days, so day 30 does not exist.",
        "2 events, 2 accounts, 1 error, 1 warning",
    ]


def test_a_reader_that_stops_reading_ends_check_quietly(tmp_path):
    """`check big.csv | head`: head stops reading after its lines; check stopped with a traceback
    (BrokenPipeError), now it ends as grep does, status 1 and nothing on stderr."""
    lines = ["id,date,title,category,source"] + [f"e{n},2022-01-0x,T,protest,AFP" for n in range(5000)]
    (tmp_path / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "check"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"events.csv:2: date: error:")
    process.stdout.close()  # (as head does once it has its lines: the rest, 500 KB, cannot be written)
    assert process.wait(timeout=60) == 1
    assert process.stderr.read() == b""


def test_subprocess_strict_and_default_events_csv():
    result = subprocess_check(cwd=ROOT)
    assert (result.returncode, result.stderr) == (0, "")
    assert SUMMARY.match(result.stdout.strip())
    assert subprocess_check("events.csv", "--strict", cwd=ROOT).returncode == 0


# --- the command as a process: `python -m timeline`, and the script pyproject.toml installs ------


@pytest.mark.parametrize(
    "launch",
    [
        ["-m", "timeline"],
        # what the installed `timeline` script runs (pyproject.toml's [project.scripts])
        ["-c", "import sys; sys.argv[0] = 'timeline'; from timeline.__main__ import run; run()"],
    ],
)
@pytest.mark.parametrize("rows, expected", [(GOOD, 0), (GOOD + FAILED, 1)])
def test_the_command_as_a_process_prints_everything_and_exits_with_check_s_code(tmp_path, launch, rows, expected):
    """The process ends without Python's teardown once the command is done (timeline.__main__):
    its output is all there, and its exit code is the command's."""
    path = tmp_path / "events.csv"
    path.write_text(HEADER + "\n" + rows, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, *launch, "check", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == expected, done.stderr
    lines = done.stdout.splitlines()
    assert SUMMARY.match(lines[-1]), done.stdout
    assert len(lines) == 1 + expected  # the error's line, then the summary


def test_the_installed_script_is_the_command_with_its_fast_ending():
    import tomllib

    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert settings["project"]["scripts"] == {"timeline": "timeline.__main__:run"}
    assert settings["tool"]["setuptools"]["dynamic"]["dependencies"] == {"file": ["requirements.txt"]}


@pytest.mark.parametrize(
    "check_languages, said",
    [
        (("fr", "ru"), "(fr, ru: every word; kk, ar: the levels and summary, the messages in English)"),
        (("fr",), "(fr: every word; ru, kk, ar: the levels and summary, the messages in English)"),
        (("fr", "ru", "kk", "ar"), "(fr, ru, kk, ar: every word)"),
    ],
)
def test_check_lang_s_help_says_which_languages_have_every_word(monkeypatch, check_languages, said):
    """`--lang`'s help follows i18n.CHECK_LANGUAGES (the languages with a check catalogue)."""
    from timeline import cli, i18n

    monkeypatch.setattr(i18n, "CHECK_LANGUAGES", check_languages)
    assert cli._lang_help() == f"the language of the messages {said} (default: en)"


@pytest.mark.parametrize(
    "lang, summary",
    [
        ("fr", "1 événement, 1 récit, 0 erreur, 0 avertissement"),
        ("ar", "1 حدث، 1 رواية، 0 أخطاء، 0 تحذيرات"),
    ],
)
def test_check_s_summary_is_written_as_the_language_writes_a_list(tmp_path, capsys, lang, summary):
    """`check --lang ar` separates its counts with the Arabic comma, as the page does."""
    path = tmp_path / "events.csv"
    path.write_text("id,date,title,category,source\na,2022-01-05,T,protest,AFP\n", encoding="utf-8")
    assert main(["check", "--lang", lang, str(path)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == summary


# A LibreOffice 7.4 save as Text CSV in Western Europe (ISO-8859-1): `Тоқаев`, `ТАСС`, `Алматы` and the
# link to ru.wikipedia.org/wiki/Токаев typed in Cyrillic, each letter made ?.
LOST = (
    "id,date,end_date,title,description,category,location,latitude,longitude,source,source_url,published,"
    "claimed_by,figure,figure_unit,retracted\n"
    "tass-claim,2022-01-07,,Tokayev order,?????? orders troops to fire,security,??????,43.2389,76.8897,????,"
    "https://ru.wikipedia.org/wiki/??????,2022-01-07,??????,,,\n"
    "plain,2022-01-08,,Plain,Plain text,security,Almaty,43.2389,76.8897,AFP,https://example.org/a,,,,,\n"
)
LETTERS_LOST = (
    "probably has question marks where letters were, as a spreadsheet writes them when it saves in a "
    "character set without those letters (Latin-1 or Windows-1252); save the file as CSV UTF-8 and type the "
    "text again"
)


def test_a_save_that_made_letters_question_marks_is_told_cell_by_cell(tmp_path, capsys):
    path = tmp_path / "events.csv"
    path.write_bytes(LOST.encode("ascii"))
    code, lines, err = run(capsys, str(path))
    assert (code, err) == (0, "")
    assert lines == [
        f"{path}:2: description: warning: description '?????? orders troops to fire' {LETTERS_LOST}",
        f"{path}:2: location: warning: location '??????' {LETTERS_LOST}",
        f"{path}:2: source: warning: source '????' {LETTERS_LOST}",
        f"{path}:2: source_url: warning: source_url 'https://ru.wikipedia.org/wiki/??????' has question marks "
        "where letters were, as a spreadsheet writes them when it saves in a character set without those letters "
        "(Latin-1 or Windows-1252), so the page is not found and the link is dropped (the account is kept); save "
        "the file as CSV UTF-8 and type the link again",
        f"{path}:2: claimed_by: warning: claimed_by '??????' {LETTERS_LOST}",
        "2 events, 2 accounts, 0 errors, 5 warnings",
    ]
    assert run(capsys, "--strict", str(path))[0] == 1


def test_a_save_that_made_letters_question_marks_in_several_rows_says_the_cause_first(tmp_path, capsys):
    path = tmp_path / "events.csv"
    path.write_bytes((LOST + LOST.splitlines()[1].replace("tass-claim", "tass-claim-2") + "\n").encode("ascii"))
    _, lines, _ = run(capsys, str(path))
    assert lines[0].startswith(
        f"{path}: -: warning: 2 rows hold question marks where letters were, such as '?????? orders troops to "
        "fire': the file was saved in a character set without those letters (Western Europe (ISO-8859-1) or "
        "Windows-1252"
    )
    assert lines[0].endswith(
        "in Excel, File > Save As 'CSV UTF-8 (Comma delimited)'; in LibreOffice, Save As 'Text "
        "CSV' with 'Edit filter settings': Unicode (UTF-8), comma; in Google Sheets, File > Download > CSV; in "
        "Numbers, File > Export To > CSV, Unicode (UTF-8)"
    )
    assert [line.split(": ")[1] for line in lines[1:-1]] == [
        "description",
        "location",
        "source",
        "source_url",
        "claimed_by",
    ] * 2
    assert lines[-1] == "3 events, 3 accounts, 0 errors, 11 warnings"  # (the cause: one more)


@pytest.mark.parametrize(
    "lang, cause, text, link",
    [
        (
            "fr",
            "2 lignes contiennent des points d'interrogation à la place de lettres, comme '?????? orders troops to "
            "fire' : le fichier a été enregistré dans un jeu de caractères qui n'a pas ces lettres",
            "description '?????? orders troops to fire' contient sans doute des points d'interrogation à la place "
            "de lettres",
            "source_url 'https://ru.wikipedia.org/wiki/??????' contient des points d'interrogation à la place de "
            "lettres, comme un tableur en écrit",
        ),
        (
            "ru",
            "в некоторых строках вместо букв стоят вопросительные знаки, например '?????? orders troops to fire' "
            "(таких строк: 2)",
            "description '?????? orders troops to fire': вероятно, вместо букв стоят вопросительные знаки",
            "source_url 'https://ru.wikipedia.org/wiki/??????': вместо букв стоят вопросительные знаки",
        ),
        (
            "kk",
            "2 жолда әріптердің орнында сұрақ белгілері тұр, мысалы, '?????? orders troops to fire'",
            "description '?????? orders troops to fire': әріптердің орнында сұрақ белгілері тұрған сияқты",
            "source_url 'https://ru.wikipedia.org/wiki/??????': әріптердің орнында сұрақ белгілері тұр",
        ),
        (
            "ar",
            "في 2 من الصفوف علامات استفهام مكان حروف، مثل '?????? orders troops to fire'",
            "القيمة '?????? orders troops to fire' في العمود description فيها على الأرجح علامات استفهام مكان حروف",
            "القيمة 'https://ru.wikipedia.org/wiki/??????' في العمود source_url فيها علامات استفهام مكان حروف",
        ),
    ],
)
def test_question_marks_where_letters_were_are_told_in_each_language(tmp_path, capsys, lang, cause, text, link):
    path = tmp_path / "events.csv"
    path.write_bytes((LOST + LOST.splitlines()[1].replace("tass-claim", "tass-claim-2") + "\n").encode("ascii"))
    assert main(["check", "--lang", lang, str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert cause in lines[0]
    assert text in lines[1]
    assert link in lines[4]


# --- a later account of an event whose first row is refused: that row is the cause -----------------

# Rows 2 to 7: three events, then an event's first row (row 5) and its second account (row 6, no
# title or category, as later rows are written), then another event.
ACCOUNTS = [
    "ablyazov-sentenced,2017-06-07,,Ablyazov sentenced,,courts,,,,RFE/RL,,,,,,,,,,\n",
    "cnda-refugee-status,2020-09-29,,Refugee status granted,,courts,,,,Le Monde,,,,,,,,,,\n",
    "conseil-detat-annulment,2021-12,,Refugee status annulled,,courts,,,,Le Monde,,,,,,,,,,\n",
    "lpg-price-rise,2022-01-01,,Gas price rises,,economy,Mangystau,,,Kursiv,,,,,,,,,,\n",
    "lpg-price-rise,2022-01-01,,,LPG sales move to exchange pricing.,,Mangystau,,,Energy Ministry,,,,,,,,,,\n",
    "zhanaozen-protest-begins,2022-01-02,,Protests begin in Zhanaozen,,protest,,,,RFE/RL,,,,,,,,,,\n",
]


def _edited(row: int, old: str, new: str) -> list[str]:
    rows = list(ACCOUNTS)
    assert old in rows[row - 2]
    rows[row - 2] = rows[row - 2].replace(old, new, 1)
    return rows


@pytest.mark.parametrize(
    "rows, expected",
    [
        # The first row's date refused: the second account is told to fix row 5, not to fill in
        # the title row 5 has (which would write the title twice).
        (
            _edited(5, "2022-01-01", "03/04/2022"),
            [
                "5: date: error: date '03/04/2022' can be read two ways: 3 April 2022 (day first) or 4 March 2022 "
                "(month first); write 2022-04-03 or 2022-03-04.",
                "6: id: error: row 5, this event's first row, is refused: date '03/04/2022' can be read two ways: "
                "3 April 2022 (day first) or 4 March 2022 (month first); write 2022-04-03 or 2022-03-04; fix it first",
                "4 events, 4 accounts, 2 errors, 0 warnings",
            ],
        ),
        # Two problems on the first row: the first named, the other counted.
        (
            _edited(
                5,
                "2022-01-01,,Gas price rises,,economy,Mangystau,,,Kursiv",
                "2022-02-30,,Gas price rises,,economy,Mangystau,,,",
            ),
            [
                "5: date: error: date '2022-02-30': February 2022 has 28 days, so day 30 does not exist.",
                "5: source: error: source is empty; name who published this account (an outlet, agency or document)",
                "6: id: error: row 5, this event's first row, is refused: date '2022-02-30': February 2022 has 28 "
                "days, so day 30 does not exist (and 1 more: `python -m timeline check` lists them); fix it first",
                "4 events, 4 accounts, 3 errors, 0 warnings",
            ],
        ),
        # The first row refused for its own empty title: the second account is told to fix row 5
        # (which then names the event for both), not to give itself a title.
        (
            _edited(5, "Gas price rises", ""),
            [
                "5: title: error: title is empty on the first row of this event; the first row of an id names its "
                "title: fill it in, or, if a later row of this id has it (a sort by date may have moved that row "
                "down), move that row up",
                "6: id: error: row 5, this event's first row, is refused: title is empty on the first row of this "
                "event; the first row of an id names its title: fill it in, or, if a later row of this id has it (a "
                "sort by date may have moved that row down), move that row up; fix it first",
                "4 events, 4 accounts, 2 errors, 0 warnings",
            ],
        ),
        # As before: an event's first row without a title, nothing refused before it.
        (
            _edited(6, "lpg-price-rise", "lpg-price-rse"),
            [
                "6: title: error: title is empty on the first row of this event; the first row of an id names its "
                "title: fill it in, or, if a later row of this id has it (a sort by date may have moved that row "
                "down), move that row up",
                "6: category: error: category is empty on the first row of this event; the first row of an id names "
                "its category: fill it in, or, if a later row of this id has it (a sort by date may have moved that "
                "row down), move that row up",
                "5 events, 5 accounts, 2 errors, 0 warnings",
            ],
        ),
    ],
    ids=["date refused", "two problems", "title empty", "a new event without a title"],
)
def test_an_account_of_an_event_whose_first_row_is_refused_is_told_to_fix_that_row(tmp_path, capsys, rows, expected):
    path = write(tmp_path, *rows)
    code, lines, err = run(capsys, str(path))
    assert (code, err) == (1, "")
    assert lines == [f"{path}:{line}" for line in expected[:-1]] + expected[-1:]
