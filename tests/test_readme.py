"""The editor's guide in the README cannot drift from the schema, and its template loads."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import timeline
from timeline import schema

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def columns_table() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- columns\b[^>]*-->\n(.*?)\n<!-- /columns -->", text, re.S)
    assert found, "README.md has no <!-- columns ... --> ... <!-- /columns --> block"
    return found.group(1)


def test_readme_columns_table_is_the_schema():
    assert columns_table() == schema.markdown_table(), (
        "README.md's columns table differs from timeline/schema.py; paste in timeline.schema.markdown_table()"
    )


def test_every_column_is_in_the_readme_once():
    table = columns_table()
    for name in schema.NAMES:
        assert table.count(f"| `{name}` |") == 1, name


def test_the_template_loads_without_errors():
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "template"], cwd=ROOT, capture_output=True, check=True, timeout=60
    )
    dataset = timeline.load_bytes(result.stdout)
    assert dataset.errors == []
    assert result.stdout.startswith(b"\xef\xbb\xbf")  # so `template > events.csv` opens right in Excel
    assert result.stdout.decode("utf-8-sig").splitlines()[0] == ",".join(schema.NAMES)
    assert len(dataset.events) == 1 and len(dataset.accounts) == 1


def test_every_column_has_its_add_option_in_the_readme():
    """The editor's guide lists one `add` option per column of the schema."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = readme[readme.index("There is one option per column") :]
    paragraph = paragraph[: paragraph.index("\n\n")]
    for name in schema.NAMES:
        assert f"`--{name.replace('_', '-')}`" in paragraph, name
