"""`python -m timeline COMMAND`, and the `timeline` command pyproject.toml installs: the editor's
commands (timeline.cli)."""

import os
import sys

from .cli import main


def run() -> None:
    """Run the command, then end the process at once.

    The command has done all it does (an append is written, flushed to disk and its lock let go
    before main returns; every file it wrote is closed): the process ends without Python's
    teardown of its modules and objects, which takes `timeline add` 0.05-0.1 s (the data it
    mapped, pandas' and Arrow's objects). Output is flushed first; if it cannot be (a closed
    pipe), Python ends as it would have. A reader that stopped reading (`check big.csv | head`)
    ends the command quietly, as `grep` and `sort` end: the rest is not written, and the status
    says so (1), with no traceback."""
    try:
        code = main()
    except BrokenPipeError:
        # (Python would also fail flushing stdout at exit: it is pointed at nothing first.)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        os._exit(1)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        sys.exit(code)
    os._exit(code)


if __name__ == "__main__":
    run()
