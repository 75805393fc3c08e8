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

from .load import Dataset, load, load_bytes  # noqa: E402
from .problems import ERROR, WARNING, Problem  # noqa: E402

__all__ = ["Dataset", "load", "load_bytes", "Problem", "ERROR", "WARNING"]
