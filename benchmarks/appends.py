"""Issue 13, items 1-2: what an appended row costs on a large file.

    .venv/bin/python benchmarks/generate.py --rows 1000000
    .venv/bin/python benchmarks/appends.py --events benchmarks/data/events-1000000rows-iso-seed0.csv [--appends 4] [--port 8100]

1. In one process: a full load and index of the file, then rows appended one at a time, each
   read on with `timeline.appends.load_more` (and indexed), beside a full `load` of the same bytes.
2. gunicorn as deployed (`--config gunicorn.conf.py`, 2 workers) serving a copy of the file: a
   row is appended, then the version open pages poll is asked (every 50 ms, as a reader's page
   asks every 2 s) until it answers with the new version (the file's signature, whose events
   include the row) four times in a row; the seconds from the write, and the workers' CPU
   seconds for the append (from /proc, after both have built it).

The copies go in --scratch (default /tmp/appends); the file given is never written.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from hostile import cpu, memory, workers  # noqa: E402

ROW = "appended-{n},{date},,Row appended by the benchmark {n},,protest,Almaty,43.2389,76.8897,Reuters,,,\n"


def append(path: Path, n: int) -> str:
    """Append one row: a new event, after every other (as a live story's) for even n, in the
    middle of the chronology for odd n. Which, in words."""
    date = f"2024-12-31 23:{n % 60:02d}" if n % 2 == 0 else "2021-06-01"
    with open(path, "a", encoding="utf-8") as f:
        f.write(ROW.format(n=n, date=date))
        f.flush()
        os.fsync(f.fileno())
    return "the latest event" if n % 2 == 0 else "an event in the middle"


def in_process(path: Path, count: int, scratch: Path) -> None:
    os.environ["TIMELINE_STATE_DIR"] = str(scratch / "state-in-process")
    from timeline import lastgood
    from timeline.appends import load_more
    from timeline.index import build_index, grow_index
    from timeline.load import load

    started = time.perf_counter()
    dataset = load(path)
    loaded = time.perf_counter()
    index = build_index(dataset, grams=False)  # (as a worker builds it)
    indexed = time.perf_counter()
    print(f"full load {loaded - started:.2f} s, index {indexed - loaded:.2f} s ({dataset.summary()})")
    lastgood.remember(path, dataset)
    for n in range(count):
        what = append(path, n)
        t0, c0 = time.perf_counter(), time.process_time()
        grown = load_more(dataset, path)
        t1, c1 = time.perf_counter(), time.process_time()
        grown_index = grow_index(index, grown)
        t2, c2 = time.perf_counter(), time.process_time()
        lastgood.remember(path, grown)  # (one worker does it, appending the new bytes to its copy)
        t3, c3 = time.perf_counter(), time.process_time()
        assert grown.growth is not None and grown_index.position(f"appended-{n}") is not None
        print(
            f"append {n + 1} ({what}): load_more {t1 - t0:.3f} s + grow_index {t2 - t1:.3f} s "
            f"+ lastgood.remember {t3 - t2:.3f} s = {t3 - t0:.3f} s; CPU {c1 - c0:.3f} + {c2 - c1:.3f} + "
            f"{c3 - c2:.3f} = {c3 - c0:.3f} s (load average {os.getloadavg()[0]:.1f})"
        )
        dataset, index = grown, grown_index
    t0 = time.perf_counter()
    full = load(path)
    print(
        f"(a full load of the same bytes: {time.perf_counter() - t0:.2f} s; equal problems: "
        f"{full.problems == dataset.problems}, accounts {len(full.accounts):,} = {len(dataset.accounts):,})"
    )


def poll(base: str, known: str) -> str:
    """What an open page's poll learns: the version a worker serves (GET /_timeline/version, as
    assets/callbacks.js asks it; a checkout from before it: the poll's Dash callback)."""
    try:
        with urllib.request.urlopen(base + "/_timeline/version", timeout=30) as response:
            return json.loads(response.read())["version"]
    except urllib.error.HTTPError as error:
        if error.code != 404:
            raise
    body = json.dumps(
        {
            "output": "data-version.data",
            "outputs": {"id": "data-version", "property": "data"},
            "inputs": [{"id": "poll", "property": "n_intervals", "value": 1}],
            "state": [{"id": "data-version", "property": "data", "value": known}],
            "changedPropIds": ["poll.n_intervals"],
        }
    ).encode()
    request = urllib.request.Request(base + "/_dash-update-component", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.loads(response.read() or b"{}")
    return answer.get("response", {}).get("data-version", {}).get("data", known)


def version(path: Path) -> str:
    stat = os.stat(path)
    return f"{stat.st_mtime_ns}-{stat.st_size}-{stat.st_ino}"


def served(path: Path, count: int, port: int, scratch: Path) -> None:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    env = {
        **os.environ,
        "TIMELINE_EVENTS": str(path),
        "TIMELINE_STATE_DIR": str(scratch / "state"),
        "TIMELINE_TIMINGS": "1",
    }  # (each worker prints its builds' CPU seconds, part by part)
    base = f"http://127.0.0.1:{port}"
    log = open(scratch / "gunicorn.log", "w")
    started = time.monotonic()
    process = subprocess.Popen(
        [
            str(gunicorn),
            "--config",
            "gunicorn.conf.py",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "app:create_app()",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=60):
                    break
            except OSError as error:
                if process.poll() is not None or time.monotonic() - started > 300:
                    raise RuntimeError((scratch / "gunicorn.log").read_text()) from error
                time.sleep(0.5)
        pids = workers(process.pid)
        while len(pids) < 2 and time.monotonic() - started < 300:  # (the second may not be forked yet)
            time.sleep(0.2)
            pids = workers(process.pid)
        print(f"gunicorn (gunicorn.conf.py, 2 workers {pids}) answering after {time.monotonic() - started:.1f} s")
        time.sleep(5)
        # What the polls (every 50 ms) and idle workers cost with no change, subtracted below so
        # that what is left is the build of the new version.
        before, started_polls, polls = cpu(pids), time.monotonic(), 0
        while time.monotonic() - started_polls < 3:
            poll(base, version(path))
            polls += 1
            time.sleep(0.05)
        polling = (cpu(pids) - before) / (time.monotonic() - started_polls)
        before, started_idle = cpu(pids), time.monotonic()
        time.sleep(4)
        idle = (cpu(pids) - before) / (time.monotonic() - started_idle)
        print(
            f"with no change: polls (every 50 ms) {polling:.3f} CPU s a second (both workers, "
            f"{polls} polls), idle {idle:.3f} CPU s a second"
        )
        print(f"memory with no change: {pss(process.pid, pids)}")
        for n in range(count):
            before, known = cpu(pids), version(path)
            what = append(path, 1000 + n)
            written, wanted, agreed = time.monotonic(), version(path), 0
            while agreed < 4:
                agreed = agreed + 1 if poll(base, known) == wanted else 0
                if time.monotonic() - written > 120:
                    raise TimeoutError("the new version never showed")
                time.sleep(0.05)
            seen = time.monotonic() - written
            time.sleep(4)  # (both workers have built it by now)
            spent = cpu(pids) - before
            built = spent - polling * seen - idle * 4
            print(
                f"append {n + 1} ({what}): the new version answered by the poll {seen:.2f} s after the write; "
                f"workers' CPU for it {spent:.2f} s (both), {spent / 2:.2f} s per worker; less the polls' "
                f"and idle workers' CPU: {built:.2f} s (both), {built / 2:.2f} s per worker "
                f"(load average {os.getloadavg()[0]:.1f}); {pss(process.pid, pids)}"
            )
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        print("each worker's builds, as it timed them (its thread's CPU seconds):")
        for line in (scratch / "gunicorn.log").read_text().splitlines():
            if line.startswith("timeline: pid"):
                print("   ", line)


def pss(master: int, pids: list[int]) -> str:
    """The processes' memory, each shared page counted once (PSS, /proc/PID/smaps_rollup), in words."""
    sizes = [memory(pid)["Pss"] / 1024 for pid in pids]
    every = sum(sizes) + memory(master)["Pss"] / 1024
    return f"PSS {' + '.join(f'{size:.0f}' for size in sizes)} MB (workers), {every:.0f} MB with the master"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=Path, required=True)
    parser.add_argument("--appends", type=int, default=3)
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/appends"))
    parser.add_argument("--skip-served", action="store_true")
    parser.add_argument("--skip-in-process", action="store_true")
    args = parser.parse_args(argv)
    args.scratch.mkdir(parents=True, exist_ok=True)
    print(f"{args.events} ({args.events.stat().st_size / 1e6:.0f} MB); load average {os.getloadavg()}")
    copy = args.scratch / "appends-in-process.csv"
    shutil.copyfile(args.events, copy)
    if not args.skip_in_process:
        in_process(copy, args.appends, args.scratch)
    if not args.skip_served:
        copy = args.scratch / "appends-served.csv"
        shutil.copyfile(args.events, copy)
        shutil.rmtree(args.scratch / "state", ignore_errors=True)
        served(copy, args.appends, args.port, args.scratch)
    print(f"load average {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
