"""The editor's guide in README.md says what the program does: its examples pass `check`,
its table of mistakes shows what `check` really prints, and its pre-commit hook works."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline import cli, media, schema
from timeline.index import build_index
from timeline.view.panel import event_panel

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
HOOK = ROOT / "hooks" / "pre-commit"


def section(title: str) -> str:
    start = README.index(f"\n### {title}\n")
    end = README.find("\n### ", start + 1)
    return README[start : end if end >= 0 else len(README)]


def csv_blocks(text: str) -> list[str]:
    return re.findall(r"```csv\n(.*?)```", text, flags=re.S)


EXAMPLES = {
    label: block
    for label, _, block in re.findall(r"\*\*(.+?)\*\*(.*?)```csv\n(.*?)```", section("Examples"), flags=re.S)
}


def test_every_case_has_an_example():
    assert list(EXAMPLES) == [
        "A simple event.",
        "A span.",
        "A second account of an event.",
        "A disputed date.",
        "Only the year is known.",
        "Only the month is known.",
        "A time, with the source's UTC offset.",
        "A picture.",
        "A figure that changed.",
    ]


@pytest.mark.parametrize(
    "label, events, accounts, expect",
    [
        ("A simple event.", 1, 1, {"precision": "day", "disputed": False}),
        ("A span.", 1, 1, {"precision": "day", "end_precision": "day"}),
        ("A second account of an event.", 1, 2, {"disputed": False, "sources": 1}),
        ("A disputed date.", 1, 2, {"disputed": True}),
        ("Only the year is known.", 1, 1, {"precision": "year"}),
        ("Only the month is known.", 1, 1, {"precision": "month"}),
        ("A time, with the source's UTC offset.", 1, 1, {"precision": "minute", "offset": "+06:00"}),
        ("A picture.", 1, 1, {"precision": "day", "disputed": False}),
    ],
)
def test_an_example_passes_check_and_means_what_it_says(label, events, accounts, expect):
    dataset = timeline.load_bytes((schema.header_line() + "\n" + EXAMPLES[label]).encode())
    assert dataset.problems == []
    assert (len(dataset.events), len(dataset.accounts)) == (events, accounts)
    event = dataset.events.iloc[0]
    for name, value in expect.items():
        assert event[name] == value, name


def test_every_example_has_every_column():
    for label, block in EXAMPLES.items():
        for line in block.splitlines():
            assert len(next(csv.reader([line]))) == len(schema.NAMES), (label, line)


def test_the_picture_example_is_an_image_with_alt_caption_and_credit_at_an_example_address():
    dataset = timeline.load_bytes((schema.header_line() + "\n" + EXAMPLES["A picture."]).encode())
    [account] = event_panel(build_index(dataset), 0).accounts
    shown = account.media
    assert shown.kind == "image" == media.kind(shown.url)
    assert shown.url.startswith("https://example.org/")
    assert shown.alt and shown.caption and shown.credit


def test_the_mistakes_table_shows_what_check_prints(tmp_path, monkeypatch, capsys):
    text = section("The ten most common mistakes")
    [mistakes] = csv_blocks(text)
    (tmp_path / "mistakes.csv").write_text(mistakes, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "mistakes.csv"]) == 1
    printed = capsys.readouterr().out.splitlines()
    rows = [line for line in text.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) == 10
    # A row of the table shows every line check prints for its row of the file.
    shown = [line for row in rows for line in re.findall(r"`(mistakes\.csv:[^`]*)`", row)]
    assert shown == printed[:-1]
    assert f"then `{printed[-1]}`" in text


# --- the pre-commit hook ---------------------------------------------------------------------------

GOOD = schema.header_line() + "\na,2022-01-05,,A,,protest,,,,AP,,,,,,,,,,\n"
WARNS = schema.header_line() + "\na,2022-01-05,,A <b>bold</b>,,protest,,,,AP,,,,,,,,,,\n"
BAD = schema.header_line() + "\na,03/04/2022,,A,,protest,,,,AP,,,,,,,,,,\n"


@pytest.mark.skipif(shutil.which("git") is None or os.name != "posix", reason="needs git and sh")
@pytest.mark.parametrize(
    "staged, working, path, status, printed",
    [
        (WARNS, BAD, "events.csv", 0, "events.csv:2: title: warning:"),  # staged, warnings only
        (
            BAD,
            GOOD,
            "data/events.csv",
            1,  # staged, with an error
            "data/events.csv:2: date: error: date '03/04/2022' can be read two ways",
        ),
        (BAD, BAD, "notes.csv", 0, ""),  # not an events file
    ],
)
def test_the_pre_commit_hook_checks_the_staged_events_file(tmp_path, staged, working, path, status, printed):
    repo, git, env = clone_with_hook(tmp_path)
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(staged)
    subprocess.run(git + ["add", path], cwd=repo, check=True, env=env)
    target.write_text(working)
    done = subprocess.run(["sh", str(HOOK)], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == status, done.stdout + done.stderr
    assert printed in done.stdout


TIDY = "import os\n\n\ndef home() -> str:\n    return os.getcwd()\n"
UNUSED = "import os\nimport sys\n\n\ndef home() -> str:\n    return os.getcwd()\n"
LAID_OUT = "def home( ):\n    return 'x'\n"


@pytest.mark.skipif(shutil.which("git") is None or os.name != "posix", reason="needs git and sh")
@pytest.mark.parametrize(
    "staged, working, status, printed",
    [
        (TIDY, UNUSED, 0, ""),  # the staged file is what counts
        (UNUSED, TIDY, 1, "F401 [*] `sys` imported but unused"),
        (LAID_OUT, TIDY, 1, "File would be reformatted\n --> my folder/tool.py"),
    ],
)
def test_the_pre_commit_hook_runs_ruff_on_staged_python_files(tmp_path, staged, working, status, printed):
    repo, git, env = clone_with_hook(tmp_path)
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")  # the project's ruff settings
    target = repo / "my folder" / "tool.py"
    target.parent.mkdir()
    target.write_text(staged)
    subprocess.run(git + ["add", "my folder/tool.py"], cwd=repo, check=True, env=env)
    target.write_text(working)
    done = subprocess.run(["sh", str(HOOK)], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == status, done.stdout + done.stderr
    assert printed in done.stdout + done.stderr
    if status:
        assert "ruff found the problems above in staged Python files" in done.stderr


def clone_with_hook(tmp_path: Path) -> tuple[Path, list[str], dict]:
    """A new git repository whose .venv runs this Python and this ruff, as a clone's `make setup-dev` makes."""
    repo = tmp_path / "repo"
    (repo / ".venv" / "bin").mkdir(parents=True)
    tools = {"python": sys.executable, "ruff": str(Path(sys.executable).parent / "ruff")}
    for name, real in tools.items():
        wrapper = repo / ".venv" / "bin" / name
        wrapper.write_text(f'#!/bin/sh\nexec "{real}" "$@"\n')
        wrapper.chmod(0o755)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GIT_CONFIG_GLOBAL": os.devnull}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q"], cwd=repo, check=True, env=env)
    return repo, git, env
