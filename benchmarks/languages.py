"""CPU time of the chart's figure and the list for 1,000 events, in a language (issue 16).

    .venv/bin/python benchmarks/generate.py --events 1000 --out /tmp/e1k.csv
    .venv/bin/python benchmarks/languages.py ROOT LANG [EVENTS]

ROOT: a checkout of the project (this one, or main's, to compare: a checkout without
timeline/i18n.py runs in its own English). Prints the median and best of 7 runs.
"""

import sys
import time

root, lang = sys.argv[1], sys.argv[2]
events = sys.argv[3] if len(sys.argv) > 3 else "/tmp/e1k.csv"
sys.path.insert(0, root)
from timeline.app import data
from timeline.view import figure as chart
from timeline.view import listing as event_list

try:
    from timeline import i18n

    ctx = i18n.using(lang)
except ImportError:
    import contextlib

    ctx = contextlib.nullcontext()
now = data.current(events)
from timeline.state import Filters

index, mask = now.index_at(Filters()), now.mask(Filters())
with ctx:
    best = []
    for _ in range(7):
        t = time.process_time()
        window, _p = chart.view_window(index, mask, None, None)
        chart.figure(index, mask, None, window, 1000)
        event_list.listing(index, mask, __import__("timeline.state", fromlist=["State"]).State(), None)
        best.append(time.process_time() - t)
print(root.split("/")[-1], lang, f"median {sorted(best)[3]:.3f} s, best {min(best):.3f} s")
