"""timeline: an event-timeline dashboard for news and conflict chronologies.

>>> import timeline
>>> data = timeline.load("events.csv")
>>> data.events, data.accounts, data.problems
"""

import os as _os
import sys as _sys

_first = _sys.argv[0] if _sys.argv else ""
if (_first == "-m" or _os.path.basename(_first) in ("timeline", "timeline.exe")) and "numpy" not in _sys.modules:
    # This process is the `timeline` command (`python -m timeline ...`: while Python imports the
    # package of the module it runs, sys.argv[0] is "-m"; or the script pyproject.toml installs).
    # Its commands do no linear algebra, and numpy's BLAS starting a thread per core when numpy is
    # imported costs a command about 0.05 s of CPU (`timeline add` has 0.5 s in all): one thread,
    # unless the environment says otherwise. (Imported as a library, the host's settings stand.)
    _os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

if "pyarrow" not in _sys.modules:
    # Arrow's memory pool (mimalloc) gives memory back to the system 10 ms after it is freed, and
    # loading a large file frees and takes hundreds of MB at each step: the next step's memory is
    # then faulted in again and zeroed by the kernel (at a million rows, 0.1-0.4 s of system time
    # per load, more on a virtual machine). Kept a second, it is used again; the peak memory of a
    # load is the same (benchmarks/RESULTS.md, "Load beside read_csv, fifth round"). mimalloc
    # reads the setting once, when pyarrow is loaded: so it applies where timeline is imported
    # first, as in app.py, gunicorn's `app:create_app()`, the `timeline` command and the
    # benchmarks, unless the environment sets it. (A host that loaded pyarrow first keeps its own.)
    _os.environ.setdefault("MIMALLOC_PURGE_DELAY", "1000")

from .load import Dataset, load, load_bytes  # noqa: E402
from .problems import ERROR, WARNING, Problem  # noqa: E402

__all__ = ["Dataset", "load", "load_bytes", "Problem", "ERROR", "WARNING"]
