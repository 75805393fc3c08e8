"""Every test's: the order the suite runs in."""

from __future__ import annotations

# Tests that wait more than they compute (a slow client read for 20 s, a worker's timeouts): run
# first, beside the other test process's work. Last in the file order, they ran at the end, both
# processes waiting on them with the machine's cores idle (`make test` is kept under 15 minutes:
# benchmarks/RESULTS.md, session 61).
WAITING = ("tests/test_worker.py",)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: not str(item.path).endswith(WAITING))  # (a stable sort: the rest as they were)
