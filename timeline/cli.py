"""python -m timeline COMMAND: the editor's commands. Uses schema/load/model, never the app."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from . import editing, i18n, lastgood, schema
from .load import load
from .problems import CUT_SHORT, counted


def check(args: argparse.Namespace) -> int:
    dataset = load(args.path, workbooks=True)
    with i18n.using(args.lang):  # check's words from the catalogues (`--lang ru`): levels and summary
        # from the page's, each problem's message from the check catalogue (timeline.problems)
        for problem in dataset.problems:
            print(problem.format(args.path))
        print(dataset.summary() if i18n.current() == i18n.ENGLISH else summary(dataset))
    failing = dataset.errors or (args.strict and dataset.warnings)
    return 1 if failing else 0


def summary(dataset) -> str:
    """check's last line in the language in force (in English: Dataset.summary's own)."""
    events, accounts = len(dataset.events), len(dataset.accounts)
    errors, warnings = len(dataset.errors), len(dataset.warnings)
    return i18n.listed(
        (
            i18n.ngettext("{n} event", "{n} events", events).format(n=events),
            i18n.ngettext("{n} account", "{n} accounts", accounts).format(n=accounts),
            i18n.ngettext("{n} error", "{n} errors", errors).format(n=errors),
            i18n.ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        )
    )


def template(args: argparse.Namespace) -> int:
    # As bytes, a UTF-8 byte order mark first (as in a file `add` creates): `template > events.csv`
    # gives a file that Windows Excel opens as UTF-8, whatever the terminal's encoding.
    sys.stdout.flush()
    sys.stdout.buffer.write(editing.BOM + schema.template().encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


def add(args: argparse.Namespace) -> int:
    outcome = editing.add(args.file, {name: getattr(args, name) for name in schema.NAMES})
    for line in editing.add_report(outcome):
        print(line)
    return 0 if outcome.written else 1


def import_(args: argparse.Namespace) -> int:
    from .timelinejs import importer  # (imported by the command that uses it: the others start sooner)

    result = importer.import_sheet(args.sheet, args.into)
    for line in importer.import_report(result, args.sheet):
        print(line)
    return 1 if result.failed else 0


def export(args: argparse.Namespace) -> int:
    from .timelinejs import export as timelinejs_export

    refused = None if args.output in (None, "-") else _not_an_export(args.output, args.path)
    if refused:
        print(refused, file=sys.stderr)
        return 1
    dataset = load(args.path)
    for problem in dataset.errors:
        print(problem.format(args.path), file=sys.stderr)
    if timelinejs_export.file_errors(dataset):
        return 1
    doc = timelinejs_export.document(dataset, args.title)
    if args.output in (None, "-"):
        sys.stdout.write(timelinejs_export.to_json(doc))
    else:
        failed = _write_whole(Path(args.output), timelinejs_export.to_json(doc))
        if failed:
            print(failed, file=sys.stderr)
            return 1
        print(f"wrote {len(doc['events'])} events and {len(doc['eras'])} eras to {args.output}", file=sys.stderr)
    return 0


# What a sheet or an events file is named: an export (JSON) written there would take its place.
SHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods", ".numbers")


def _not_an_export(output: str, events: str) -> str | None:
    """Why `export --output` refuses this file (None: it does not). Never the events file itself
    (the program never rewrites an editor's file), nor a file named as a sheet is, nor another
    file that is there and is not JSON (`--output README.md`): the export is JSON, and replaces
    only an earlier one. Nor a folder, or a file in a folder that is not there."""
    target, source = Path(output), Path(events)
    if not output.strip():
        return "nothing is written: --output names no file; name one, e.g. --output timeline.json"
    if target.is_dir() or output.endswith(("/", os.sep)):
        return f"nothing is written: {output} is a folder, not a file; name the file, e.g. --output timeline.json"
    if target.exists() and source.exists() and os.path.samefile(target, source):
        return f"nothing is written: {output} is the events file itself; name another file, e.g. --output timeline.json"
    if target.is_symlink():  # (what is written is the file it names: README.md through link.json)
        named = target.resolve()
        if named.suffix.lower() != ".json" or named.is_dir():
            return f"nothing is written: {output} is a link to {named}, which is not a .json file; name another file"
        target = named
    if not target.parent.is_dir():
        return f"nothing is written: the folder of {output} is not there; make it, or name a file in another"
    if target.suffix.lower() in SHEET_SUFFIXES:
        return (
            f"nothing is written: {output} is named as a sheet ({target.suffix}), but export writes TimelineJS's "
            f"JSON; name the file .json, e.g. --output {target.with_suffix('.json').name}"
        )
    if target.exists() and target.suffix.lower() != ".json":
        return (
            f"nothing is written: {output} is a file that is there already and is not JSON (an export replaces "
            "only an earlier export, named .json); name another file, e.g. --output timeline.json"
        )
    return None


def _write_whole(target: Path, text: str) -> str | None:
    """Write text to target (through a link, to the file it names) through a file beside it,
    renamed over it once complete, with the mode it had: an export that fails halfway (a full
    disk) leaves the last one whole. Why it could not be written, or None."""
    target = target.resolve() if target.is_symlink() else target
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(part, "w", encoding="utf-8") as out:
            out.write(text)
        if target.exists():
            os.chmod(part, stat.S_IMODE(target.stat().st_mode))
        os.replace(part, target)
    except OSError as error:
        return f"nothing is written: {target} cannot be written ({error.strerror or error})"
    finally:
        part.unlink(missing_ok=True)
    return None


# The errors `accept` lists before it publishes (check lists them all).
ACCEPT_SHOWS = 5


def accept(args: argparse.Namespace) -> int:
    dataset = load(args.path)
    print(dataset.summary())
    if lastgood.unreadable(dataset):
        print(dataset.problems[0].format(args.path))
        print("nothing is published: the file cannot be read; fix it and save it again")
        return 1
    if lastgood.half_saved(dataset, False, lastgood.ends_a_line(args.path)):
        # (what the site keeps back as a save in progress is no deliberate deletion either)
        print(next(p for p in reversed(dataset.errors) if p.code in CUT_SHORT).format(args.path))
        print(
            "nothing is published: its last row is cut off, as a save still in progress leaves it; wait for the "
            "save to end, or mend that row, and run accept again"
        )
        return 1
    errors, left_out = dataset.errors, dataset.rows_left_out
    for problem in errors[:ACCEPT_SHOWS]:
        print(problem.format(args.path))
    if len(errors) > ACCEPT_SHOWS:
        more = len(errors) - ACCEPT_SHOWS
        print(f"... and {more:,} more errors: `python -m timeline check {args.path}` lists them all")
    rows = f"{counted(left_out, 'row', thousands=True)} {'is' if left_out == 1 else 'are'} left out by errors"
    if left_out and not args.with_errors:
        # (most often a spreadsheet's save that rewrote the dates: no deletion, a file to mend)
        print(
            f"nothing is published: {rows}, and readers would lose {'it' if left_out == 1 else 'them'}. Mend the "
            "file and save it again (it is then published as usual); or, to publish it without those rows, run "
            "accept --with-errors"
        )
        return 1
    before = lastgood.read(args.path)
    try:
        published = lastgood.remember(args.path, dataset, accepted=True)
    except OSError as error:
        print(f"cannot record it in {lastgood.state_paths(args.path)[0].parent}: {error.strerror or error}")
        return 1
    if published is None:
        print("the file changed while it was read: nothing is published; run accept again")
        return 1
    was = f"was {before.events:,}" if before is not None else "no version was recorded before"
    events = counted(published.events, "event", thousands=True)
    print(f"published {args.path}: {events} ({was}); open pages show it within a few seconds")
    if left_out:
        them, are = ("it", "it is") if left_out == 1 else ("them", "they are")
        print(f"{rows}: readers see {them} again once {are} mended")
    return 0


def _lang_help() -> str:
    """`check --lang`'s help: which languages say every word (i18n.CHECK_LANGUAGES), which only
    the levels and summary."""
    every = [lang for lang in i18n.COMPLETE if lang in i18n.CHECK_LANGUAGES]
    framed = [lang for lang in i18n.COMPLETE if lang not in i18n.CHECK_LANGUAGES and lang != i18n.ENGLISH]
    said = [f"{', '.join(every)}: every word"] if every else []
    if framed:
        said.append(f"{', '.join(framed)}: the levels and summary, the messages in English")
    return f"the language of the messages ({'; '.join(said)}) (default: en)"


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m timeline", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub = commands.add_parser("check", help="list every problem in an events file")
    sub.add_argument("path", nargs="?", default="events.csv", help="the file (default: events.csv)")
    sub.add_argument("--strict", action="store_true", help="fail on warnings too")
    sub.add_argument("--lang", default="en", choices=i18n.COMPLETE, help=_lang_help())
    sub.set_defaults(run=check)

    sub = commands.add_parser("template", help="print a blank events.csv with one example row")
    sub.set_defaults(run=template)

    sub = commands.add_parser(
        "add",
        help="append one account, checked like `check` (refused with its messages)",
        description="Append one account (one row) to the file; nothing is written if `check` "
        "would find an error in it, or a value it would leave out (a published date or a link "
        "that cannot be read, an offset no place uses). An existing --id adds another account of that "
        "event, and may leave --title and --category out.",
    )
    sub.add_argument(
        "--file",
        default="events.csv",
        metavar="PATH",
        help="the file (default: events.csv; created with its header if absent)",
    )
    for column in schema.COLUMNS:
        sub.add_argument(
            f"--{column.name.replace('_', '-')}",
            dest=column.name,
            metavar="TEXT",
            help=column.meaning.replace("%", "%%"),
        )
    sub.set_defaults(run=add)

    sub = commands.add_parser("import", help="append the rows of a TimelineJS sheet (CSV) or the slides of its JSON")
    sub.add_argument("format", choices=["timelinejs"], help="the sheet's format")
    sub.add_argument("sheet", help="the sheet, exported as CSV (or an .xlsx), or a TimelineJS timeline's JSON")
    sub.add_argument(
        "--into", default="events.csv", metavar="PATH", help="the events file (default: events.csv; created if absent)"
    )
    sub.set_defaults(run=import_)

    sub = commands.add_parser(
        "accept",
        help="publish the file as it is now, even if it lost most of its events",
        description="Record the file as it is now as the last good version, so that the site "
        "publishes it: for a deliberate large deletion, which the site otherwise "
        "keeps back (showing the last good version). Run it where the site runs, "
        f"with the same ${lastgood.STATE_DIR} if one is set. The file is only read.",
    )
    sub.add_argument("path", nargs="?", default="events.csv", help="the file (default: events.csv)")
    sub.add_argument(
        "--with-errors",
        action="store_true",
        help="publish it even if errors leave rows out (they are listed; without this, nothing is published)",
    )
    sub.set_defaults(run=accept)

    sub = commands.add_parser("export", help="write the events as TimelineJS JSON")
    sub.add_argument("format", choices=["timelinejs"], help="the output format")
    sub.add_argument("path", nargs="?", default="events.csv", help="the file (default: events.csv)")
    sub.add_argument("--output", metavar="FILE", help="write here instead of to stdout")
    sub.add_argument("--title", default="Timeline", help="the title slide's headline")
    sub.set_defaults(run=export)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
