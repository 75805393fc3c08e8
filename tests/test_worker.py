"""gunicorn's worker (timeline/app/worker.py): a request goes to a thread only once it has arrived
whole, so clients that send slowly, or open a connection and send nothing, hold no thread.

`arrived` is tested on its own, table-driven; the worker through gunicorn as deployed
(gunicorn.conf.py, one worker of 4 threads), with more slow clients than it has threads.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import serve
from timeline.app.worker import BAD, LARGE, LINGER, MOST_HEAD, WHOLE, _Arrival, _write_stall, arrived, awaits_continue

ROOT = Path(__file__).resolve().parent.parent
GET = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
POST = b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n"
CHUNKED = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"


@pytest.mark.parametrize(
    "sent, whole",
    [
        (b"", False),
        (b"GET / HTTP/1.1\r\n", False),
        (b"GET / HTTP/1.1\r\nHost: x\r\n", False),
        (b"GET / HTTP/1.1\r\nHost: x\r\n\r", False),
        (GET, True),
        (b"GET / HTTP/1.0\r\n\r\n", True),
        (b"GET / HTTP/1.1\nHost: x\n", True),  # a bare LF: gunicorn refuses it at once (400)
        (POST, False),
        (POST + b"{}", False),
        (POST + b'{"a"}', True),
        (POST.replace(b"Content-Length", b"content-length"), False),
        (POST.replace(b"5", b"300000"), True),  # over the app's 256 KB: refused (413), not read
        (CHUNKED, False),
        (CHUNKED + b"5\r\nhello\r\n", False),
        (CHUNKED + b"5\r\nhe\r\n\r\n\r\n", False),  # a blank line inside a chunk ends nothing
        (CHUNKED + b"5\r\nhello\r\n0\r\n", False),
        (CHUNKED + b"5\r\nhello\r\n0\r\n\r\n", True),
        (CHUNKED + b"5;x=y\r\nhello\r\n0\r\nTrailer: 1\r\n\r\n", True),
        (CHUNKED + b"zz\r\n", True),  # not a chunk size: refused (400)
        (CHUNKED + b"-6\r\n", True),  # (nor a negative one, which once sent the look back forever)
        (CHUNKED + b"+5\r\nhello\r\n", True),
        (CHUNKED + b"ffffffff\r\n", True),  # a chunk over the app's 256 KB: refused (413)
        # a size of 17 digits is a size (taken for bytes gunicorn refuses, it held a thread for good)
        (CHUNKED + b"00000000000000005\r\nhello\r\n", False),
        (CHUNKED + b"00000000000000005\r\nhello\r\n0\r\n\r\n", True),
        (POST.replace(b"5", b"0" * 5000 + b"5") + b"{}", False),  # (5,001 digits: int() alone refuses them)
    ],
)
def test_a_request_has_arrived_once_its_head_and_body_are_there(sent, whole):
    assert arrived(sent) is whole


@pytest.mark.parametrize(
    "sent, state",
    [
        (CHUNKED + b"5\r\nhello\r\n0\r\n\r\n", WHOLE),
        (CHUNKED + b"5 ;x=y\r\nhello\r\n0\r\n\r\n", WHOLE),  # (spaces before an extension: gunicorn's too)
        (CHUNKED + b"zz\r\n", BAD),
        (CHUNKED + b"0x5\r\nhello\r\n", BAD),
        (CHUNKED + b"5 \r\nhello\r\n", BAD),  # (a space after the size, with no extension: gunicorn refuses it)
        (CHUNKED + b" 5\r\nhello\r\n", BAD),
        (CHUNKED + b"5;\r\nhello\r\n", BAD),  # (an extension with no name)
        (CHUNKED + b"1" + b"0" * 40 + b"\r\n", LARGE),
        (POST.replace(b"5", b"9" * 5000), LARGE),  # (int() refused it on the main loop: the worker ended)
        (POST.replace(b"5", b"0" * 5000), WHOLE),  # (a body of none, which gunicorn's parser refuses)
    ],
)
def test_a_body_framed_as_gunicorn_refuses_or_too_large_is_refused_by_the_worker(sent, state):
    """What the worker answers itself (400, 413) and what it hands to a thread: a framing gunicorn's
    parser refuses, handed on, was read as a body in the app, which answered 500 and logged a traceback."""
    assert _Arrival().of(sent) == state


def test_bad_framings_neither_hold_a_thread_nor_end_the_worker(tmp_path):
    """Sixteen connections whose chunk size is written with 17 digits, a body never sent whole:
    each was handed to a thread that waited for its body with no end (8 of them stopped a server
    of 2 workers of 4 threads). A Content-Length of 5,000 digits ended the worker; a chunk size of
    `0x1` was answered 500, gunicorn's traceback in the log."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    head, log = CHUNKED.replace(b"POST /", b"POST /_dash-update-component"), tmp_path / "server.log"
    with serve(copy, gunicorn_workers=1, log=log) as url:
        port = int(url.rsplit(":", 1)[1])
        held = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(16)]
        try:
            for connection in held:
                connection.sendall(head + b"00000000000000001\r\n{\r\n")
            time.sleep(0.5)
            assert answered_within(url) < 1
            for sent, status in [
                (GET.replace(b"\r\n\r\n", b"\r\nContent-Length: " + b"9" * 5000 + b"\r\n\r\n"), b"413"),
                (head + b"0x1\r\n{\r\n0\r\n\r\n", b"400"),
            ]:
                with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                    connection.sendall(sent)
                    assert connection.recv(100).startswith(b"HTTP/1.1 " + status + b" "), sent[-40:]
            assert answered_within(url) < 1
            said = log.read_text()
            assert "Traceback" not in said and said.count("Booting worker") == 1, said  # (the one worker, never ended)
        finally:
            for connection in held:
                connection.close()


EXPECTS = POST.replace(b"\r\n\r\n", b"\r\nExpect: 100-continue\r\n\r\n")


@pytest.mark.parametrize(
    "sent, waits",
    [
        (EXPECTS, True),
        (EXPECTS.replace(b"Expect: 100-continue", b"expect:100-Continue"), True),
        (EXPECTS + b"{", False),  # the body is coming: told to go on or not, it did
        (EXPECTS[:-2], False),  # the head is not whole yet
        (POST, False),
        (GET, False),
    ],
)
def test_a_client_that_waits_to_be_told_to_send_its_body_is_told(sent, waits):
    assert awaits_continue(sent) is waits


def slow_client(port: int, stop: threading.Event, send: bool) -> None:
    """A request's first line, then a byte a second (or, with send=False, nothing at all)."""
    with socket.create_connection(("127.0.0.1", port)) as connection:
        if send:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        while not stop.wait(1):
            if send:
                try:
                    connection.sendall(b"X")
                except OSError:
                    return


def test_slow_clients_hold_no_thread(tmp_path):
    """Twelve clients, more than the worker's 4 threads: 8 send their request a byte a second,
    4 send nothing. Before, the first 4 to reach the worker held all its threads, and a reader's
    request waited until they gave up."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1) as url:
        port, stop = int(url.rsplit(":", 1)[1]), threading.Event()
        clients = [
            threading.Thread(target=slow_client, args=(port, stop, send), daemon=True)
            for send in [True] * 8 + [False] * 4
        ]
        for client in clients:
            client.start()
        try:
            time.sleep(2)  # (every slow client connected, and sent a byte or two)
            for path in ("/_timeline/version", "/_dash-layout", "/"):
                started = time.perf_counter()
                with urllib.request.urlopen(url + path, timeout=3) as answer:
                    assert answer.status == 200, path
                assert time.perf_counter() - started < 1, path
        finally:
            stop.set()
            for client in clients:
                client.join()


def answered_within(url: str, path: str = "/") -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url + path, timeout=30) as answer:
        assert answer.status == 200, path
    return time.perf_counter() - started


def forty_connections(tmp_path):
    """The shipped events served by one worker that takes 40 connections (1,000 as deployed)."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    return serve(copy, gunicorn_workers=1, env={"GUNICORN_CMD_ARGS": "--worker-connections 40"})


@pytest.mark.parametrize("sends", [False, True], ids=["sending nothing", "kept alive between requests"])
def test_a_full_worker_makes_room_for_a_reader(tmp_path, sends):
    """Three times as many idle connections as the worker takes (worker_connections 40 here, 1,000
    as deployed): clients that sent nothing, or open pages kept alive between their polls. Before,
    a full worker took no new connection until one closed, and a reader waited 10-19 s behind
    2,000 such sockets; now the idlest are closed to make room."""
    with forty_connections(tmp_path) as url:
        port, held = int(url.rsplit(":", 1)[1]), []
        try:
            for _ in range(120):
                connection = socket.create_connection(("127.0.0.1", port))
                if sends:
                    connection.sendall(b"GET /_timeline/version HTTP/1.1\r\nHost: x\r\n\r\n")
                held.append(connection)
            time.sleep(1)
            assert answered_within(url) < 3
            assert answered_within(url, "/_timeline/version") < 3
        finally:
            for connection in held:
                connection.close()


def test_a_worker_with_room_closes_no_kept_alive_connection(tmp_path):
    """38 open pages kept alive on a worker that takes 40: each asks again on its connection and
    is answered (room was made whenever the worker was 90% full, cutting requests sent on them)."""
    with forty_connections(tmp_path) as url:
        port, pages = int(url.rsplit(":", 1)[1]), []
        try:
            for _ in range(38):
                page = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                page.request("GET", "/_timeline/version")
                page.getresponse().read()
                pages.append(page)
            time.sleep(1.5)  # (the worker's loop looks at its connections about once a second; kept 5 s)
            for page in pages:
                page.request("GET", "/_timeline/version")  # (on the same connection: none opens anew)
                answer = page.getresponse()
                answer.read()
                assert answer.status == 200
        finally:
            for page in pages:
                page.close()


def test_a_worker_allowed_few_files_takes_as_many_connections_as_it_can_open(tmp_path):
    """A system that lets a process open 300 files (many allow 1,024), under 1,000 connections:
    the worker failed at its next accept (Too many open files), again at each restart, while
    idle connections held the rest; now it takes as many as it can open, says so, and stays up."""
    copy, log = tmp_path / "events.csv", tmp_path / "server.log"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1, files=300, log=log) as url:
        port, held = int(url.rsplit(":", 1)[1]), []
        try:
            for _ in range(400):
                held.append(socket.create_connection(("127.0.0.1", port)))
            time.sleep(1)
            assert answered_within(url) < 3
        finally:
            for connection in held:
                connection.close()
    said = log.read_text()
    assert "this system lets a worker open 300 files: it takes 236 connections at once" in said
    assert "Too many open files" not in said and "Exception in worker process" not in said


def test_a_head_over_64_kb_is_refused_and_a_whole_request_still_answered(tmp_path):
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1) as url:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Long: " + b"a" * (MOST_HEAD + 10))
            assert connection.recv(100).startswith(b"HTTP/1.1 431 ")
        # two requests sent at once on one connection (pipelined), the second closing it
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            version = b"GET /_timeline/version HTTP/1.1\r\nHost: x\r\n"
            connection.sendall(version + b"\r\n" + version + b"Connection: close\r\n\r\n")
            answers = b""
            while more := connection.recv(65536):
                answers += more
        assert answers.count(b"HTTP/1.1 200 OK") == 2


def test_the_worker_s_own_refusals_carry_the_headers_the_app_s_answers_do(tmp_path):
    """gunicorn's error pages (a request line it cannot read, an address too long for it) and the
    worker's own refusals (a head over 64 KB, a body over 256 KB) were sent with no security
    headers: an HTML page any site could frame, a browser could take for another type."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    refused = {
        b"GET /<b> x HTTP/1.1\r\nHost: x\r\n\r\n": b"400",  # (gunicorn's page: "Invalid HTTP Version")
        b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n": b"414",
        b"GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * (MOST_HEAD + 10): b"431",
        POST.replace(b"5", b"300000"): b"413",
    }
    with serve(copy, gunicorn_workers=1) as url:
        port = int(url.rsplit(":", 1)[1])
        for sent, status in refused.items():
            with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                connection.sendall(sent)
                answer = b""
                while b"\r\n\r\n" not in answer and (more := connection.recv(65536)):
                    answer += more
            head = answer.split(b"\r\n\r\n")[0].split(b"\r\n")
            assert head[0].startswith(b"HTTP/1.1 " + status + b" "), head
            assert b"X-Content-Type-Options: nosniff" in head
            assert b"Content-Security-Policy: default-src 'none'; frame-ancestors 'none'" in head
            assert b"Cache-Control: no-store" in head


def test_a_chunked_body_over_what_the_app_takes_is_refused_at_once(tmp_path):
    """A chunked body of 400 KB, its last chunk not sent: kept whole, it would fill the worker's
    buffer and wait (the main loop, woken again and again by the bytes it had stopped reading,
    spun meanwhile); refused (413) as soon as it is over 256 KB."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1) as url:
        port = int(url.rsplit(":", 1)[1])
        chunk = b"a" * 50_000
        with socket.create_connection(("127.0.0.1", port), timeout=3) as connection:
            head = CHUNKED.replace(b"POST /", b"POST /_dash-update-component").replace(
                b"\r\n\r\n", b"\r\nContent-Type: application/json\r\n\r\n"
            )
            connection.sendall(head + b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(8)))
            assert connection.recv(100).startswith(b"HTTP/1.1 4")  # (400 or 413)


def test_a_request_sent_behind_another_holds_no_thread_until_it_is_whole(tmp_path):
    """A whole request and the start of a second on one connection (pipelined): the parser reads
    the second's first bytes with the first; they wait in the worker's poller for the rest, as a
    new connection's do, where a thread once waited on them. Eight such connections and a body
    said to be over 256 KB (answered 413 at once, the connection closed: a thread once waited 5 s
    to drain it) leave a reader answered."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1) as url:
        port = int(url.rsplit(":", 1)[1])
        connections = []
        try:
            for _ in range(8):
                connection = socket.create_connection(("127.0.0.1", port), timeout=5)
                connection.sendall(b"GET /_timeline/version HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHo")
                assert connection.recv(100).startswith(b"HTTP/1.1 200 OK")
                connections.append(connection)
            for _ in range(8):
                connection = socket.create_connection(("127.0.0.1", port), timeout=5)
                connection.sendall(POST.replace(b"5", b"300000"))
                answer = b""
                while more := connection.recv(65536):  # (to its end: closed, nothing waits for its body)
                    answer += more
                assert answer.startswith(b"HTTP/1.1 413 ")
                connection.close()
            started = time.perf_counter()
            with urllib.request.urlopen(url + "/_dash-layout", timeout=3) as answer:
                assert answer.status == 200
            assert time.perf_counter() - started < 1
            # ...and the second request, once whole, is answered
            connections[0].sendall(b"st: x\r\nConnection: close\r\n\r\n")
            answer = b""
            while more := connections[0].recv(65536):
                answer += more
            assert b"HTTP/1.1 200 OK" in answer
        finally:
            for connection in connections:
                connection.close()


def test_a_client_that_asks_to_be_told_to_send_its_body_is_told_at_once(tmp_path):
    """curl sends `Expect: 100-continue` with a body over 1 KB, and waits a second for gunicorn's
    "100 Continue" before it sends the body; a worker that waited for the body before a thread
    read the head made every such request a second slower."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1) as url:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            connection.sendall(EXPECTS)
            assert connection.recv(100).startswith(b"HTTP/1.1 100 Continue")
            connection.sendall(b'{"a"}')
            answer = b""
            while b"HTTP/1.1 4" not in answer:
                answer += connection.recv(1000)


def test_a_client_that_sends_its_request_and_closes_its_side_is_answered(tmp_path):
    """`printf 'GET / ...' | nc host port`: the request, then the end of what the client sends;
    it still reads the answer."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1) as url:
        port = int(url.rsplit(":", 1)[1])
        for _ in range(10):  # (the end may arrive with the request, or after the worker read it)
            with socket.create_connection(("127.0.0.1", port), timeout=3) as connection:
                connection.sendall(b"GET /_timeline/version HTTP/1.1\r\nHost: x\r\n\r\n")
                connection.shutdown(socket.SHUT_WR)
                assert connection.recv(100).startswith(b"HTTP/1.1 200 OK")


def test_clients_that_keep_their_side_open_after_their_answer_hold_nobody_up(tmp_path):
    """A connection closed after its answer (`Connection: close`) waits for the client to close
    its side, up to LINGER seconds. gunicorn waited in the worker's main loop: 5 clients that kept
    their side open made a reader wait 7.7 s. It waits in the poller now, and still closes each."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1) as url:
        port = int(url.rsplit(":", 1)[1])
        held = []
        try:
            for _ in range(6):
                connection = socket.create_connection(("127.0.0.1", port), timeout=LINGER + 5)
                connection.sendall(b"GET /_timeline/version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                held.append(connection)
            started = time.perf_counter()
            with urllib.request.urlopen(url + "/_dash-layout", timeout=5) as answer:
                assert answer.status == 200
            assert time.perf_counter() - started < 1
            for connection in held:  # each got its whole answer, then the server's end
                answer = b""
                while more := connection.recv(65536):
                    answer += more
                assert answer.startswith(b"HTTP/1.1 200 OK") and answer.endswith(b"}")
        finally:
            for connection in held:
                connection.close()


STALL = 8  # seconds the export's server lets a client take none of its answer (15 unless set)


@pytest.mark.parametrize(
    "text, seconds",
    [
        (None, 15),
        ("", 15),
        ("8", 8),
        (" 2.5 ", 2.5),
        ("3600", 3600),
        ("0", None),
        ("-5", None),
        ("4000", None),
        ("fifteen", None),
        ("15s", None),
        ("nan", None),
        ("inf", None),
    ],
)
def test_an_operator_sets_how_long_a_client_may_take_nothing(text, seconds):
    """TIMELINE_WRITE_STALL, in seconds from 1 to 3600; a value that is not one stops the server
    starting and says what to write, where a stall of 0 s would cut every reader off."""
    if seconds is None:
        with pytest.raises(SystemExit, match="TIMELINE_WRITE_STALL=.*from 1 to 3600"):
            _write_stall(text)
    else:
        assert _write_stall(text) == seconds


def test_a_server_given_a_bad_stall_does_not_start():
    """gunicorn stops at once and says why, rather than serving with a stall nobody asked for."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    env = {**os.environ, "TIMELINE_WRITE_STALL": "0", "TIMELINE_EVENTS": str(ROOT / "events.csv")}
    ran = subprocess.run(
        [str(gunicorn), "--config", "gunicorn.conf.py", "--bind", "127.0.0.1:0", "app:create_app()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode != 0
    assert "TIMELINE_WRITE_STALL='0': give the seconds, from 1 to 3600" in ran.stdout + ran.stderr


@pytest.fixture
def export_served(tmp_path):
    """A file whose CSV export is 14 MB, more than the system's buffers hold, served by one worker
    of 4 threads; yields (url, port, ask), where ask() opens a connection, asks for the export and
    returns the connection once the answer has begun (with a receive buffer of 4 KB, unless
    small_buffer is False: the system's default, which grows; one export at a time in a worker: one asked
    while another is made gets no answer, and is asked again)."""
    from tests.test_bad_requests import server_callbacks, valid_body
    from timeline.app import create_app

    events = tmp_path / "events.csv"
    lines = ["id,date,title,description,category,source"]
    words = "The interior ministry says the protest in the square grew through the night. " * 8
    lines += [f"event-{n},2022-01-{1 + n % 28:02d},Event {n},{words},protest,AFP" for n in range(20_000)]
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output, spec = next((o, s) for o, s in server_callbacks(create_app(events)) if "download.data" in o)
    body = json.dumps(valid_body(output, spec, {"export-csv.n_clicks": 1, "view.data": ""})).encode()
    request = b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    request += b"Content-Length: %d\r\n\r\n" % len(body) + body
    with serve(events, gunicorn_workers=1, env={"TIMELINE_WRITE_STALL": str(STALL)}) as url:
        port = int(url.rsplit(":", 1)[1])

        def ask(small_buffer: bool = True) -> socket.socket:
            while True:
                connection = socket.socket()
                if small_buffer:  # (the system's buffers then hold little of the answer)
                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                connection.connect(("127.0.0.1", port))
                connection.sendall(request)
                connection.settimeout(60)
                head = connection.recv(4096, socket.MSG_PEEK)  # (seen, not read)
                length = re.search(rb"Content-Length: (\d+)", head)
                if head.startswith(b"HTTP/1.1 200") and length and int(length.group(1)) > 10_000_000:
                    return connection
                connection.close()

        yield url, ask


def test_clients_that_read_nothing_of_a_large_answer_are_cut_off(export_served):
    """Four clients ask for the export and read none of it, which held the worker's 4 threads for
    as long as the clients liked: a reader waited forever. A client that has taken none of its
    answer for TIMELINE_WRITE_STALL seconds (STALL here) is now cut off, and its thread free."""
    url, ask = export_served
    stalled = []
    try:
        stalled += [ask() for _ in range(4)]
        started = time.perf_counter()
        with urllib.request.urlopen(url + "/_dash-layout", timeout=4 * STALL + 10) as answer:
            assert answer.status == 200
        assert time.perf_counter() - started < 4 * STALL
        while "took none of its answer" not in Path(url.log).read_text():
            assert time.perf_counter() - started < 4 * STALL + 10
            time.sleep(0.2)
        connection = stalled[0]  # (the first cut off): what it got was cut short, and reset
        answer = b""
        try:
            while more := connection.recv(1 << 20):
                answer += more
        except ConnectionResetError:
            pass
        assert answer.startswith(b"HTTP/1.1 200 OK")
        assert len(answer) < 14_000_000
    finally:
        for connection in stalled:
            connection.close()


def test_a_client_that_reads_slowly_is_not_cut_off(export_served):
    """A client that reads 16 KB a second (a slow phone behind a proxy that does not buffer): it
    takes some of its answer within each STALL seconds, so it is never cut off. (A send timeout
    alone cut such a reader: the system moves nothing until a third of its buffer is free, and on
    loopback the client opens its window 64 KB at a time.)"""
    url, ask = export_served
    connection = ask(small_buffer=False)
    try:
        got, started = 0, time.perf_counter()
        while time.perf_counter() - started < 2 * STALL + 4:
            more = connection.recv(8192)
            assert more, f"cut off after {time.perf_counter() - started:.0f} s, {got:,} bytes read"
            got += len(more)
            time.sleep(0.5)
        assert "of its answer for" not in Path(url.log).read_text()  # (no word of a cut)
    finally:
        connection.close()


def test_clients_that_read_large_answers_slowly_hold_no_thread(export_served):
    """Four clients read the export 16 KB a second each, as many as the worker has threads: each
    thread waited on its client until all 14 MB were read (15 minutes), and nobody else was
    answered. The threads now hand what the clients have not taken to the worker's main loop."""
    url, ask = export_served
    readers = [ask(small_buffer=False) for _ in range(4)]
    stop, read = threading.Event(), [0] * 4

    def read_slowly() -> None:
        while not stop.wait(0.5):
            for n, connection in enumerate(readers):
                read[n] += len(connection.recv(8192))

    reading = threading.Thread(target=read_slowly, daemon=True)
    reading.start()
    try:
        for _ in range(2):
            assert answered_within(url, "/_dash-layout") < 3
            time.sleep(1)
        assert all(read), read  # (each reading its answer meanwhile)
        assert "of its answer for" not in Path(url.log).read_text()  # (none cut off)
    finally:
        stop.set()
        reading.join()
        for connection in readers:
            connection.close()


def test_a_reload_finishes_the_answers_being_written_to_slow_readers(export_served):
    """A deploy (`kill -HUP`, gunicorn's graceful reload) while a reader downloads the export
    slowly: the old worker stops taking requests, but its main loop goes on writing what the reader
    has not taken, within gunicorn's graceful_timeout, and the reader gets all of it."""
    url, ask = export_served
    connection = ask(small_buffer=False)
    try:
        head = connection.recv(4096, socket.MSG_PEEK)
        whole = head.index(b"\r\n\r\n") + 4 + int(re.search(rb"Content-Length: (\d+)", head).group(1))
        got = len(connection.recv(8192))
        master = int(subprocess.check_output(["pgrep", "-o", "-f", f"127.0.0.1:{url.rsplit(':', 1)[1]} "]).split()[0])
        os.kill(master, signal.SIGHUP)
        log = Path(url.log)
        started = time.perf_counter()
        while "Booting worker" not in log.read_text().split("Handling signal: hup", 1)[-1]:
            got += len(connection.recv(8192))  # (slowly: the old worker is told to stop meanwhile)
            assert time.perf_counter() - started < 20
            time.sleep(0.3)
        for _ in range(5):
            got += len(connection.recv(8192))
            time.sleep(0.3)
        assert got < whole  # (the rest still to write as the old worker stops)
        while more := connection.recv(1 << 20):
            got += len(more)
        assert got == whole
    finally:
        connection.close()


def test_gunicorn_opens_no_control_socket():
    """gunicorn.conf.py turns off gunicorn's control socket (`gunicornc`: it changes the workers
    or stops the server), which two servers on one machine would share the path of."""
    from gunicorn.config import Config

    config = Config()
    settings: dict = {}
    exec(
        compile(
            (Path(__file__).parent.parent / "gunicorn.conf.py").read_text(encoding="utf-8"), "gunicorn.conf.py", "exec"
        ),
        settings,
    )
    for name in ("control_socket_disable", "worker_class", "bind"):
        config.set(name, settings[name])
    assert config.control_socket_disable is True
    assert config.bind == ["127.0.0.1:8050"]
