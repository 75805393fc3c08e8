"""Browser tests: the app served in a real process, Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..helpers import csv_bytes

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
# Chromium as root in a closed network: no sandbox, no background connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Each test's page is a new tab, and a new tab costs more than a page opened again in a tab
    # (the app's page, this machine: 3.6 CPU s against 2.1). One process per site, a tab left on
    # the apps' site between tests (_keep_a_renderer) and no spare renderer started ahead of the
    # next tab: 2.9 CPU s a new tab; test_languages.py with test_asof.py, 322 CPU s against 348.
    "--process-per-site",
    "--disable-features=SpareRendererForSitePerProcess",
]

# What a test expects of the page is waited for up to 10 s, not Playwright's 5: the test processes
# share the machine's cores with their Chromiums and served apps, and on a slow machine a callback
# answered in well under a second when quiet has taken over 5 s (the panel after an arrow key, with
# three processes on two cores). A test still fails when what it expects does not come.
expect.set_options(timeout=10_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


# A phone as the tests hold one: an iPhone's screen, touch, and twice the pixels.
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


@contextmanager
def _profile(playwright, launch_args: dict, folder: Path, **context_args):
    context = playwright.chromium.launch_persistent_context(folder, **launch_args, **context_args)
    try:
        _keep_a_renderer(context)
        yield context
    finally:
        context.close()


# The site every served app is on (a site has no port): the profile's first tab stays on it, a
# page the browser itself is given (nothing is served at port 9). Measured, not seen: a new tab's
# page cost 3.8 CPU s with one process per site and no such tab, 3.1-3.5 with both, 2.9 with both
# and no spare renderer (a new tab still shows a new renderer process id: which of Chromium's
# processes is spared was not traced).
KEEPER = "http://127.0.0.1:9/"


def _keep_a_renderer(profile) -> None:
    keeper = profile.pages[0] if profile.pages else profile.new_page()
    keeper.route(KEEPER, lambda route: route.fulfill(content_type="text/html", body="<!doctype html><title>-</title>"))
    keeper.goto(KEEPER)
    keeper.unroute(KEEPER)


def _new_tab(profile):
    """A new tab of `profile`; what a test leaves in the profile (its tabs, cookies and the
    permissions it granted) is gone before the next test."""
    tabs = set(profile.pages)
    yield profile.new_page()
    for tab in profile.pages:
        if tab not in tabs:
            tab.close()
    profile.clear_cookies()
    profile.clear_permissions()


@pytest.fixture(scope="session")
def returning_browser(playwright, browser_type_launch_args, browser_context_args, tmp_path_factory):
    """One Chromium profile on disk for a test process's pages, as a returning viewer's browser
    has: the scripts it has seen are cached, compiled (V8's code cache lives only in a profile on
    disk) and not asked for again. A page then costs this machine about 3.5 CPU s instead of 6
    (Dash's, React's and plotly's scripts compiled again on each), which is most of the browser
    tests' time. A viewer's first visit, cache empty, is `first_visit_page`'s."""
    folder = tmp_path_factory.mktemp("chromium-profile")
    with _profile(playwright, browser_type_launch_args, folder, **browser_context_args) as profile:
        yield profile


@pytest.fixture(scope="session")
def returning_phone(playwright, browser_type_launch_args, tmp_path_factory):
    """`returning_browser`, on a PHONE."""
    with _profile(playwright, browser_type_launch_args, tmp_path_factory.mktemp("phone-profile"), **PHONE) as profile:
        yield profile


@pytest.fixture
def page(returning_browser):
    """A new tab of `returning_browser` (pytest-playwright's `page` would be a fresh browser)."""
    yield from _new_tab(returning_browser)


@pytest.fixture
def phone_page(returning_phone):
    """A new tab of `returning_phone`."""
    yield from _new_tab(returning_phone)


def in_time_zone(page, zone: str):
    """`page` (a tab of the returning browser) with its clock in `zone`, as a browser context's
    timezone_id sets it, without a fresh browser (whose empty cache makes each page twice the
    work); the override holds while the returned session is open."""
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setTimezoneOverride", {"timezoneId": zone})
    return session


@pytest.fixture
def first_visit_page(context):
    """A tab in a browser that has never seen the app (an empty cache): pytest-playwright's own
    fresh context."""
    return context.new_page()


_USED_PORTS: set[int] = set()


def free_port() -> int:
    """A loopback port free now and not served on before by this test process: a tab of the
    returning browser may hold an earlier server's answer to a port's address (the version open
    pages poll is cacheable for 2 s)."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _USED_PORTS:
            _USED_PORTS.add(port)
            return port


class Served(str):
    """The base URL of a served app; `.log` is the file its output goes to."""

    log: Path


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {seconds} s")


@contextmanager
def serve(
    events: Path,
    *,
    gunicorn_workers: int = 0,
    env: dict | None = None,
    title: str = "Kazakhstan, January 2022: a timeline",
    log: Path | None = None,
    files: int | None = None,
):
    """Serve `events` on a free loopback port; yields the base URL. The server's output goes to
    `log` (the caller's, kept) or else to a temporary file, removed when the block ends cleanly.
    `files`: the most files the server may open (its soft and hard limits), as a system sets it."""
    port = free_port()
    environment = {**os.environ, "TIMELINE_EVENTS": str(events), "TIMELINE_TITLE": title, **(env or {})}
    if gunicorn_workers:
        # gunicorn.conf.py, as in production (gthread workers), with these workers and port.
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "--config",
            "gunicorn.conf.py",
            "--workers",
            str(gunicorn_workers),
            "--bind",
            f"127.0.0.1:{port}",
            "app:create_app()",
        ]
    else:
        command = [sys.executable, "app.py", "--events", str(events), "--title", title, "--port", str(port)]
    # Output to a file, never a pipe nobody reads: a full pipe would stall the server.
    temporary = log is None
    if log is None:
        log = Path(tempfile.mkstemp(prefix="timeline-server-", suffix=".log")[1])
    with open(log, "w") as output:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=(lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (files, files))) if files else None,
        )
    try:
        url = Served(f"http://127.0.0.1:{port}")
        url.log = log
        wait_for(url + "/", process, log)
        yield url
    except BaseException:
        print(f"the server's output is kept in {log}")
        raise
    else:
        if temporary:
            log.unlink(missing_ok=True)  # a clean run leaves nothing behind in the temporary folder
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def serve_rows(rows: list[dict], folder: Path, **served):
    """Serve a file of these rows (tests.helpers.row), written as events.csv in `folder`;
    yields the base URL (`served`: as `serve` takes them)."""
    path = folder / "events.csv"
    path.write_bytes(csv_bytes(rows))
    with serve(path, **served) as url:
        yield url


@pytest.fixture(scope="session")
def kazakhstan_url(tmp_path_factory):
    """The default dataset, served from a copy so that no test can touch the real file."""
    copy = tmp_path_factory.mktemp("data") / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy) as url:
        yield url


@pytest.fixture
def timeline(page, kazakhstan_url):
    from .pages import TimelinePage

    return TimelinePage(page, kazakhstan_url)
