"""Work done side by side on two threads, for a large file: reading and scanning its bytes,
parsing its halves (csvfile), checking its columns (load), grouping its accounts into events
(model).

Most of the time `load` spends on a large file is in Arrow's and numpy's loops over whole
columns, which let go of Python's lock: two of them run at once on two cores. What the tasks
return is taken in the order they were given (never as they finish), so nothing `load` says
depends on which thread ran first. Measured at a million rows (benchmarks/RESULTS.md, "Load
beside read_csv, fourth round"): the column checks take 0.23 s instead of 0.46 s, the grouping
0.12 s instead of 0.22 s, the parse 0.21 s instead of 0.37 s."""

from __future__ import annotations

import contextvars
import os
from concurrent.futures import Future, ThreadPoolExecutor

# Rows from which the work is shared between two threads. Below, the threads cost more than
# they save: at 60,000 rows load takes 0.155 s with them, 0.182 s without; at 20,000, 1 ms more.
THREADED_ROWS = 50_000


class Workers:
    """ThreadPoolExecutor's submit and map: on two threads if `threaded` (a large frame: rows >=
    THREADED_ROWS) and there is more than one core, else run at once in the caller's thread.
    Each task runs in a copy of the caller's context (the language in force, timeline.i18n)."""

    def __init__(self, threaded: bool):
        threaded = threaded and _cores() > 1
        self.pool = ThreadPoolExecutor(max_workers=2) if threaded else None

    @property
    def threaded(self) -> bool:
        """Whether tasks run on other threads (else each at once, in the caller's)."""
        return self.pool is not None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exception) -> None:
        self.shutdown()

    def shutdown(self, wait: bool = True) -> None:
        """No more tasks; `wait=False`: those given still run, and their futures say when done."""
        if self.pool is not None:
            self.pool.shutdown(wait=wait)

    def submit(self, function, *args) -> Future:
        if self.pool is not None:
            return self.pool.submit(contextvars.copy_context().run, function, *args)
        future: Future = Future()
        future.set_result(function(*args))
        return future

    def map(self, function, *iterables) -> list:
        """[function(*args) for args in zip(*iterables)], the calls side by side."""
        return [future.result() for future in [self.submit(function, *args) for args in zip(*iterables)]]


def _cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (macOS, Windows)
        return os.cpu_count() or 1
