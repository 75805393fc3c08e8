"""Run every benchmark in turn (`make bench`): loading (issue 2), a million events (issue 4) and
the load test (issue 5). Each prints its table; add --write to a script's own command line to
record its results in RESULTS.md. Takes about 15 minutes on 2 cores."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (["load.py"], ["scale.py"], ["load_test.py"])


def main() -> int:
    failed = 0
    for script in SCRIPTS:
        print(f"\n### benchmarks/{' '.join(script)}", flush=True)
        failed |= subprocess.call([sys.executable, str(HERE / script[0]), *script[1:]], cwd=HERE.parent)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
