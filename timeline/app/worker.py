"""gunicorn's worker for the app (gunicorn.conf.py's `worker_class`): gthread, but a request goes
to a thread only once it has arrived whole.

gunicorn's own gthread worker hands a connection to one of its threads when it opens, and the
thread waits for the request: up to 5 s for a first byte, then as long as the client takes to
send the rest. A client that sends its request a byte a second held a thread for as long as it
liked: with 2 workers of 4 threads, 4 such clients (one worker's threads) left every other reader
waiting, 8 every reader (a GET of /_dash-layout timed out after 5 s), and 8 connections opened
every 4 s that sent nothing did the same. Here the worker's main loop,
which waits on every connection at once, reads what each has sent without waiting for more, and
keeps it until the request's head (to its blank line) and its body (Content-Length bytes, or a
chunked body to its last chunk) are there; a thread then parses it from memory. A connection
whose request is not whole READ_WITHIN seconds after it was first looked at is closed. A slow
client costs a socket and what it sent, never a thread.

Answers go the other way with the same care. A thread writes an answer as fast as the system takes
it; what the client has not made room for yet is left to the main loop, which writes it as the
client reads (up to SPOOL_MOST bytes a worker; past that, the thread waits on the client as before).
Eight clients that read a large export 64 bytes a second held every thread of a server of 2 workers
for as long as they liked, and nobody else was answered. A client that has taken none of its answer
for WRITE_STALL seconds is cut off (the connection reset), where it held the thread writing it. And a
connection closed after its answer (`Connection: close`, HTTP/1.0) lingers, as RFC 9112 9.6 asks,
until the client closes its side, for up to LINGER seconds: gunicorn lingers in the worker's main
loop, so each client that kept its side open stopped the worker reading and answering anyone else
for 2 s (5 such requests: a reader waited 7.7 s); here it lingers in the poller.

A worker full of connections (worker_connections) took no new one until one closed: 2,000
connections that sent nothing, or 2,000 open pages kept alive between their polls, left a reader
waiting 10-19 s. Here a full worker closes the idlest tenth of its connections (_make_room). And a
worker the system lets open fewer files than worker_connections takes as many as it can open
(init_process), where it failed at its next accept.

A reverse proxy that buffers requests and responses (nginx's defaults) does the same in front;
this keeps a server reached directly, or through a proxy that does not buffer, answering. TLS and
HTTP/2 connections (which this app's deployment does not use: the proxy ends TLS) are handed over as
gunicorn would.
"""

from __future__ import annotations

import os
import re
import resource
import selectors
import socket
import struct
import threading
import time
from collections import deque
from functools import partial

from gunicorn import util
from gunicorn.http.body import CHUNK_EXT_RE
from gunicorn.http2 import negotiation
from gunicorn.workers.gthread import ThreadWorker

from .guard import MAX_BODY

READ_WITHIN = 10.0  # seconds for a request to arrive whole, from the first look at it
FILES_BESIDE = 64  # files a worker holds besides its connections (the listener, the poller, logs, the data)
MOST_HEAD = 64 * 1024  # bytes of a request's head (nginx's default allows 32 KB); beyond: 431
# What an answer the worker writes itself carries besides its status (the app's own answers carry
# these and more, timeline/app/security.py): gunicorn's error pages (400, 414, 431, 500...) went
# without them, an HTML page any site could frame, that a browser could take for another type.
ERROR_HEADERS = (
    b"X-Content-Type-Options: nosniff\r\n"
    b"Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
    b"Referrer-Policy: no-referrer\r\n"
    b"Cache-Control: no-store\r\n"
)
TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
    + ERROR_HEADERS
    + b"Content-Length: 0\r\n\r\n"
)
# A request whose body's framing gunicorn's parser refuses (a chunk size that is no hexadecimal
# number, an extension after it it does not take): refused here. Handed on, the parser took it for a
# body to read in the app, which answered 500 and logged gunicorn's error with its traceback.
BAD_REQUEST = b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n" + ERROR_HEADERS + b"Content-Length: 0\r\n\r\n"
# A body over the app's MAX_BODY (a Content-Length, a chunk, or chunks so far): refused here, and
# the connection closed, where a thread would have waited for the body to drain it (5 s a client).
BODY_TOO_LARGE = (
    b"HTTP/1.1 413 Content Too Large\r\nConnection: close\r\n" + ERROR_HEADERS + b"Content-Length: 0\r\n\r\n"
)

_END_OF_HEAD = b"\r\n\r\n"
_LENGTH = re.compile(rb"\r\ncontent-length[ \t]*:[ \t]*(\d+)[ \t]*\r\n", re.IGNORECASE)
_CHUNKED = re.compile(rb"\r\ntransfer-encoding[ \t]*:[^\r\n]*chunked", re.IGNORECASE)
_EXPECT = re.compile(rb"\r\nexpect[ \t]*:[ \t]*100-continue[ \t]*\r\n", re.IGNORECASE)
# A chunk's size line as gunicorn's parser takes it: hexadecimal digits, as many as are written (17
# or more were once taken for bytes it refuses, while it read them as a size: the request went to a
# thread, which waited for the body with no end), then perhaps an extension (`;name=value`, spaces
# before the `;`).
_CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]+)(?:[ \t]*(;[^\r\n]*))?")
# The most digits a Content-Length of a body the app takes has (leading zeros aside); more are
# refused as too large without being read as a number (int() refuses 4,300 digits or more: the
# ValueError, on the worker's main loop, ended the worker).
_LENGTH_DIGITS = len(str(MAX_BODY))
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
# A client that takes none of its answer for WRITE_STALL seconds is cut off: a send that moves no
# byte for STALL_LOOK seconds (the system's send timeout) looks whether the client took any of what
# the system holds for it meanwhile (its acknowledged bytes: the queue went down), and waits on if
# it did. A client that reads, however slowly, is never cut off (on loopback the client opens its
# window 64 KB at a time: a reader of 5 KB a second still shows progress within 15 s). An operator
# sets it with TIMELINE_WRITE_STALL (seconds, 1 to 3600; the tests' servers take a shorter one).


def _write_stall(text: str | None) -> float:
    """The seconds TIMELINE_WRITE_STALL says (15 unless set); anything else stops the server
    starting, with what to write instead."""
    if text is None or not text.strip():
        return 15.0
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 1 <= seconds <= 3600:
        raise SystemExit(
            f"TIMELINE_WRITE_STALL={text!r}: give the seconds, from 1 to 3600, a client may take none of its answer (15 if unset)"
        )
    return seconds


WRITE_STALL = _write_stall(os.environ.get("TIMELINE_WRITE_STALL"))
STALL_LOOK = WRITE_STALL / 3
_SEND_TIMEOUT = struct.pack("ll", int(STALL_LOOK), int(STALL_LOOK % 1 * 1_000_000))  # (SO_SNDTIMEO's timeval)
_RECEIVE_TIMEOUT = struct.pack("ll", int(READ_WITHIN), 0)  # (SO_RCVTIMEO's)
# Bytes of answers a worker keeps for clients that read them slower than they were made (an export
# of 200,000 rows is 9-23 MB uncompressed), written by the main loop as each client makes room.
SPOOL_MOST = 128 * 1024 * 1024
LINGER = 2.0  # seconds a closed connection waits for the client to close its side (as gunicorn's)
LINGER_READS = 64 * 1024  # bytes read meanwhile and dropped (as gunicorn's), after which it is closed

# What a connection's bytes so far are (_Arrival.of):
WAITING = "waiting"  # not a whole request yet
WHOLE = "whole"  # a whole request, or bytes gunicorn's parser refuses at once (400): to a thread
LARGE = "large"  # a body over what the app takes: refused (413) here
BAD = "bad"  # a body whose framing gunicorn's parser refuses: refused (400) here


def arrived(data: bytes | bytearray, most_body: int = MAX_BODY) -> bool:
    """Whether `data`, what a connection sent, is to be handed to gunicorn's parser: a whole
    request (its head and its body), what the parser refuses at once (a bare LF ending a line of
    the head), a malformed chunk or a body over `most_body` (which are refused)."""
    return _Arrival(most_body).of(data) != WAITING


class _Arrival:
    """How far a connection's request has arrived; each look goes on from where the last one
    stopped (a chunked body sent a byte at a time is not read again from its start)."""

    def __init__(self, most_body: int = MAX_BODY):
        self.most_body = most_body
        self.body = -1  # where the body starts in what was sent; -1 until the head has ended
        self.needed = 0  # the body's length (Content-Length)
        self.chunked = False
        self.chunk = 0  # where the next chunk's size line starts, from the body's start

    def of(self, data: bytes | bytearray) -> str:
        if self.body < 0:
            end = data.find(_END_OF_HEAD)
            if end < 0:
                return WHOLE if data.count(b"\n") != data.count(b"\r\n") else WAITING  # (a bare LF: 400)
            head = bytes(data[: end + 2])
            self.body = end + 4
            self.chunked = bool(_CHUNKED.search(head))
            length = _LENGTH.search(head)
            digits = length.group(1).lstrip(b"0") if length else b""
            self.needed = int(digits or b"0") if len(digits) <= _LENGTH_DIGITS else self.most_body + 1
        if self.chunked:
            return self._chunks(data)
        if self.needed > self.most_body:
            return LARGE
        return WHOLE if len(data) - self.body >= self.needed else WAITING

    def _chunks(self, data: bytes | bytearray) -> str:
        """A chunked body: whole once its last chunk (size 0) and the blank line after its
        trailers are there."""
        while True:
            at = self.body + self.chunk
            line_end = data.find(b"\r\n", at)
            if line_end < 0:
                return LARGE if len(data) - self.body > self.most_body else WAITING
            written = _CHUNK_SIZE.fullmatch(data, at, line_end)
            if written is None or (written.group(2) and not CHUNK_EXT_RE.fullmatch(written.group(2))):
                return BAD  # (not a chunk size, nor a negative one, nor an extension gunicorn takes)
            size = int(written.group(1), 16)  # (base 16: any number of digits)
            if size == 0:
                return WHOLE if data.find(_END_OF_HEAD, line_end) >= 0 else WAITING
            if self.chunk + size > self.most_body:
                return LARGE
            after = line_end + 2 + size + 2
            if after > len(data):
                return WAITING  # (the chunk not all here: its size line is read again next time)
            self.chunk = after - self.body  # (always forward: a size is never negative)


def awaits_continue(data: bytes | bytearray) -> bool:
    """Whether the client sent a whole head that asks to be told to go on before it sends its
    body (`Expect: 100-continue`: curl's, for a body over 1 KB), and no body yet."""
    end = data.find(_END_OF_HEAD)
    return 0 <= end and len(data) == end + 4 and bool(_EXPECT.search(data[: end + 2]))


class WholeRequests(ThreadWorker):
    """gthread, with each request read whole by the main loop before a thread parses it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.arriving: dict = {}  # connection -> when its request must have arrived (in order)
        self.lingering: dict = {}  # a closed connection's socket -> when it is closed anyway (in order)
        self.worker_connections: int = self.cfg.worker_connections  # (gunicorn's, typed; fewer where files are few)
        self.room = _Room(SPOOL_MOST)  # what the answers being written by the main loop may still hold
        self.writing: dict = {}  # connection -> _Watch, while the main loop writes the rest of its answer

    def enqueue_req(self, conn):
        """A connection opened, or with more to read: to a thread once its request is whole. (On
        the main loop: a fault in looking at one request is that connection's, closed with a 400,
        and never the worker's, which it would end with every request on it.)"""
        try:
            self._enqueue(conn)
        except Exception:
            self.log.exception("%s: a request the worker could not look at; connection closed", _peer(conn))
            self._unwatch(conn.sock)
            self._refuse(conn, BAD_REQUEST)

    def _enqueue(self, conn):
        if not self._plain(conn):
            return super().enqueue_req(conn)
        if conn.parser is not None:  # (a request sent behind the last one, which the parser read ahead)
            conn.__dict__.setdefault("sent", bytearray()).extend(conn.parser.unreader.take_buffered())
        sent, ended = self._read(conn)
        arrival = conn.__dict__.setdefault("arrival", _Arrival())
        state = arrival.of(sent) if sent else WAITING
        if ended and state == WAITING:  # closed, or failed, before a whole request
            self._close(conn)
        elif arrival.body < 0 and len(sent) > MOST_HEAD:
            self._refuse(conn, TOO_LARGE)
        elif state == LARGE:
            self._refuse(conn, BODY_TOO_LARGE)
        elif state == BAD:
            self._refuse(conn, BAD_REQUEST)
        elif state == WHOLE:
            self.arriving.pop(conn, None)
            conn.__dict__.pop("arrival", None)
            conn.data_ready = True  # (gunicorn's thread then waits for nothing)
            super().enqueue_req(conn)
        else:
            if awaits_continue(sent):  # (gunicorn tells it again when it reads the head:
                try:  # a client takes any number of 100s before the answer, RFC 9110 15.2)
                    conn.sock.send(CONTINUE)
                except OSError:
                    pass
            self.arriving.setdefault(conn, time.monotonic() + READ_WITHIN)
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._more, conn))

    def handle(self, conn):
        """In a thread: the request read so far goes back in front of the socket, for the parser;
        a send to it that moves no byte in STALL_LOOK seconds returns (the system's send timeout),
        for _Answering to look whether the client is reading."""
        sent = conn.__dict__.pop("sent", None)
        if sent:
            conn.sock.setblocking(True)
            conn.init()  # (the parser, for a new connection)
            conn.parser.unreader.unread(bytes(sent))
        if self._plain(conn) and not conn.__dict__.get("write_stall"):
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, _SEND_TIMEOUT)
            # (and a read waits READ_WITHIN seconds at most: the request is here whole, so a thread
            # that waits to read more is one _Arrival and the parser disagree on, never one for good)
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, _RECEIVE_TIMEOUT)
            conn.write_stall = True
        return super().handle(conn)

    def handle_request(self, req, conn):
        """gunicorn's, its answer written through _Answering; a client that stopped taking its
        answer is said so, and its connection reset (gunicorn would log the send's error with its
        traceback)."""
        plain = self._plain(conn)
        if plain:
            conn.sock = _Answering(conn.sock, self.room)
        try:
            return super().handle_request(req, conn)
        except BlockingIOError:
            self.log.info("%s took none of its answer for %g s: connection cut", _peer(conn), WRITE_STALL)
            conn.stalled = True
            return False
        finally:
            if plain:
                answering = conn.sock
                conn.sock = answering.sock  # (the socket itself again, for the poller)
                if answering.spool:  # (the rest of the answer, for the main loop to write: finish_request)
                    conn.spool = answering.spool

    def handle_error(self, req, client, addr, exc):
        """gunicorn's (its log line and its page for a request it could not parse, or an error
        outside the app), the page sent with ERROR_HEADERS."""
        page = _Kept()
        super().handle_error(req, page, addr, exc)
        try:
            util.write_nonblock(client, with_error_headers(bytes(page.data)))
        except Exception:
            self.log.debug("Failed to send error message.")

    def finish_request(self, conn, fs):
        """gunicorn's (on the main loop, once a thread is done with a connection), but a
        connection it closes gracefully lingers in the poller, not here (see _close_softly)."""
        if not self._plain(conn):
            return super().finish_request(conn, fs)
        spool = conn.__dict__.pop("spool", None)
        if spool and not conn.__dict__.get("stalled"):
            try:  # (not on a socket the thread closed: an answer it gave up, gunicorn's close_graceful)
                self.poller.register(conn.sock, selectors.EVENT_WRITE, partial(self._write_on, conn))
            except (OSError, ValueError, KeyError):
                pass
            else:
                conn.spool, self.writing[conn] = spool, _Watch(fs)
                return
        self.room.give_back(spool or ())
        conn.close = partial(self._close_softly, conn)  # (what gunicorn's finish_request calls)
        try:
            super().finish_request(conn, fs)
        finally:
            conn.__dict__.pop("close", None)

    def _write_on(self, conn, _sock=None) -> None:
        """On the main loop, as the client makes room: the rest of its answer, without waiting; once
        it is all sent, the connection goes on as gunicorn's finish_request has it (kept alive, or
        closed)."""
        spool, watch = conn.spool, self.writing[conn]
        try:
            while spool:
                sent = conn.sock.send(spool[0], socket.MSG_DONTWAIT)
                self.room.give(sent)
                spool[0] = spool[0][sent:]
                if not len(spool[0]):
                    spool.popleft()
                watch.moved = time.monotonic()
        except BlockingIOError:
            return
        except OSError:  # (the client went away)
            self._cut(conn, said=False)
            return
        self._unwatch(conn.sock)
        del self.writing[conn], conn.spool
        self.finish_request(conn, watch.done)

    def _look_at_writing(self, now: float) -> None:
        """The answers the main loop writes: a client that has taken none of its answer for
        WRITE_STALL seconds is cut off. What the system takes of it at each look counts as the
        client taking some (the poller says a socket takes more only once a third of what it holds
        for the client is free: a reader of 16 KB a second, on a busy machine, was cut off before
        it did), and so does that held going down."""
        for conn, watch in list(self.writing.items()):
            self._write_on(conn)
            if conn not in self.writing:  # (all sent, or the client gone)
                continue
            if now - watch.looked < STALL_LOOK:
                continue
            left = _unacknowledged(conn.sock)
            if _taken(left, watch.held):
                watch.moved = now
            watch.held, watch.looked = left, now
            if now - watch.moved >= WRITE_STALL:
                self._cut(conn)

    def _cut(self, conn, said: bool = True) -> None:
        """A connection whose answer the main loop was writing, closed: reset (what the system
        holds for it is freed), and its rest given back."""
        if said:
            self.log.info("%s took none of its answer for %g s: connection cut", _peer(conn), WRITE_STALL)
        self._unwatch(conn.sock)
        self.writing.pop(conn, None)
        self.room.give_back(conn.__dict__.pop("spool", ()))
        self.nr_conns -= 1
        _reset(conn.sock)

    def _close_softly(self, conn, graceful: bool = False) -> None:
        """gunicorn's util.close_graceful without waiting: the answer's end is told (a FIN), and the
        socket waits in the poller for the client to close its side (what it sends meanwhile is read
        and dropped, so that the system does not reset the connection and cut the answer's end),
        up to LINGER seconds or LINGER_READS bytes. A client that stopped reading is closed at once."""
        sock = conn.sock
        if conn.__dict__.get("stalled"):  # (its answer is cut anyway: a reset frees what the system holds for it)
            _reset(sock)
            return
        if not graceful:
            util.close(sock)
            return
        try:
            sock.shutdown(socket.SHUT_WR)
            sock.setblocking(False)
        except OSError:
            util.close(sock)
            return
        self.lingering[sock] = time.monotonic() + LINGER
        self.nr_conns += 1  # (a lingering socket is a connection still: worker_connections counts it)
        self._drain(sock, [0])

    def _drain(self, sock, read: list, *_):
        """What a lingering socket has sent, read and dropped; closed at its end, or after LINGER_READS."""
        try:
            while read[0] < LINGER_READS:
                more = sock.recv(4096)
                if not more:
                    break
                read[0] += len(more)
            else:
                raise OSError("read enough")
        except BlockingIOError:  # (nothing more yet: the poller says when there is)
            if not self._watched(sock):
                self.poller.register(sock, selectors.EVENT_READ, partial(self._drain, sock, read))
            return
        except OSError:
            pass
        self._let_go(sock)

    def _watched(self, sock) -> bool:
        try:
            self.poller.get_key(sock)
        except (KeyError, ValueError):
            return False
        return True

    def _let_go(self, sock) -> None:
        if self.lingering.pop(sock, None) is not None:
            self.nr_conns -= 1
        if self._watched(sock):
            self.poller.unregister(sock)
        util.close(sock)

    def init_process(self):
        """gunicorn's, with as many connections as worker_connections says where the system's
        limit on open files (its soft limit, raised to the hard one where it is lower) allows: a
        worker that could take no more files would fail at its next accept."""
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = self.worker_connections + FILES_BESIDE
        if soft != resource.RLIM_INFINITY and soft < wanted:
            soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
            except (OSError, ValueError):
                soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
            if soft < wanted:
                self.worker_connections = max(soft - FILES_BESIDE, self.cfg.threads + 1)
                self.max_keepalived = self.worker_connections - self.cfg.threads
                self.log.warning(
                    "this system lets a worker open %s files: it takes %s connections at once",
                    soft,
                    self.worker_connections,
                )
        super().init_process()

    def murder_pending(self):
        """gunicorn's, and the connections whose request did not arrive whole in time closed;
        then, if the worker is full, room made (_make_room)."""
        super().murder_pending()
        now = time.monotonic()
        self._look_at_writing(now)
        for conn, deadline in list(self.arriving.items()):
            if deadline > now:
                break
            try:
                self.poller.unregister(conn.sock)
            except (KeyError, ValueError, OSError):
                pass
            self._close(conn)
        for sock, deadline in list(self.lingering.items()):
            if deadline > now:
                break
            self._let_go(sock)
        self._make_room()

    def _make_room(self) -> None:
        """A worker that holds as many connections as it takes (worker_connections) takes no new
        one until one closes: a reader who opens the page waits behind every idle connection (an
        open page's, kept alive between its polls every 2 s; a client that sent nothing yet, kept
        READ_WITHIN seconds). So when it is full, a tenth of them are closed, the idlest first:
        connections kept alive between requests (an open page opens another at its next poll),
        the oldest first, then those whose request has not arrived, the oldest first. A request
        being answered, one that has arrived, and a kept-alive connection with a request waiting
        on it (the poller hands it over next), are never closed; nor is any while there is room."""
        if self.nr_conns < self.worker_connections:
            return
        room = max(self.worker_connections // 10, 1)

        def over() -> bool:
            return self.nr_conns > self.worker_connections - room

        # (pending: gunicorn's own, those a thread found nothing on yet)
        for idle in (self.keepalived_conns, self.pending_conns):
            for conn in list(idle):
                if not over():
                    return
                if _has_sent(conn.sock):
                    continue
                idle.remove(conn)
                self._unwatch(conn.sock)
                self.nr_conns -= 1
                conn.close()
        while over() and self.arriving:
            conn = next(iter(self.arriving))
            self._unwatch(conn.sock)
            self._close(conn)

    def _unwatch(self, sock) -> None:
        try:
            self.poller.unregister(sock)
        except (KeyError, ValueError, OSError):
            pass

    def _plain(self, conn) -> bool:
        """HTTP/1 without TLS."""
        return not (self.cfg.is_ssl or conn.is_http2 or negotiation.prior_knowledge_allowed(self.cfg, conn.client))

    def _more(self, conn, _sock):
        self.poller.unregister(conn.sock)
        self.enqueue_req(conn)

    @staticmethod
    def _read(conn) -> tuple[bytearray, bool]:
        """What the connection has sent for this request so far (kept on it), read without
        waiting, and whether it has ended: the client sent all it will (it may still read the
        answer: `printf 'GET / ...' | nc`), or the connection failed."""
        sent = conn.__dict__.setdefault("sent", bytearray())
        conn.sock.setblocking(False)
        try:
            while len(sent) <= MOST_HEAD + MAX_BODY:
                more = conn.sock.recv(64 * 1024)
                if not more:
                    return sent, True
                sent += more
        except BlockingIOError:
            pass
        except OSError:
            return sent, True
        return sent, False

    def _refuse(self, conn, answer: bytes) -> None:
        try:
            conn.sock.send(answer)
        except OSError:
            pass
        self._close(conn)

    def _close(self, conn) -> None:
        self.arriving.pop(conn, None)
        self.nr_conns -= 1
        conn.close()


def _has_sent(sock) -> bool:
    """Whether a connection has bytes waiting to be read (a request on a kept-alive one), looked
    at without taking them; not one the client closed (nothing to answer)."""
    try:
        return bool(sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT))
    except OSError:  # (nothing yet: BlockingIOError; or a connection that failed)
        return False


def with_error_headers(answer: bytes) -> bytes:
    """An answer gunicorn wrote (its status line, then its headers), with ERROR_HEADERS after
    its status line."""
    line_end = answer.find(b"\r\n") + 2
    return answer[:line_end] + ERROR_HEADERS + answer[line_end:] if line_end > 1 else answer


class _Kept:
    """What gunicorn's handle_error writes to its client, kept (util.write_nonblock's calls)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def gettimeout(self) -> float:
        return 0.0

    def sendall(self, data: bytes) -> None:
        self.data += data


class _Room:
    """The bytes a worker's answers may still keep for the main loop to write (taken by the
    threads, given back by the main loop)."""

    def __init__(self, most: int):
        self.left, self.lock = most, threading.Lock()

    def take(self, size: int) -> bool:
        with self.lock:
            if size > self.left:
                return False
            self.left -= size
            return True

    def give(self, size: int) -> None:
        with self.lock:
            self.left += size

    def give_back(self, spool) -> None:
        """What an answer kept and will not write now (sent, cut, or its socket closed)."""
        self.give(sum(len(view) for view in spool))


class _Watch:
    """An answer the main loop writes: the thread's outcome (for finish_request, once all is sent),
    when the client last took some of it, and what the system held for it at the last look."""

    def __init__(self, done):
        self.done = done
        self.moved = self.looked = time.monotonic()
        self.held: int | None = None


class _Answering:
    """A connection's socket while a thread writes its answer: the socket itself, but for sendall,
    which sends what the system takes at once and keeps the rest (`spool`) for the main loop to
    write as the client reads, while the worker's `room` allows; past that, it waits on a client
    that is taking the answer however slowly and gives up on one that has taken none of it for
    WRITE_STALL seconds (BlockingIOError, as the send timeout's)."""

    def __init__(self, sock, room: _Room):
        self.sock, self.room = sock, room
        self.spool: deque[memoryview] = deque()

    def __getattr__(self, name):
        return getattr(self.sock, name)

    def sendall(self, data) -> None:
        view = memoryview(data).cast("B")
        try:
            while len(view) and not self.spool:
                view = view[self.sock.send(view, socket.MSG_DONTWAIT) :]
        except BlockingIOError:
            pass
        if not len(view):
            return None
        if self.room.take(len(view)):  # (bytes are kept as they are; anything else, copied)
            self.spool.append(view if isinstance(data, bytes) else memoryview(bytes(view)))
            return None
        while self.spool:  # (no room: what is kept goes first, then this, the thread waiting)
            kept = self.spool.popleft()
            self.room.give(len(kept))
            self._wait_on(kept)
        return self._wait_on(view)

    def _wait_on(self, view: memoryview) -> None:
        moved, held = time.monotonic(), None  # when the client last took something; what it had not
        while len(view):
            try:
                sent = self.sock.send(view)
            except BlockingIOError:  # (no byte moved for STALL_LOOK seconds)
                now, left = time.monotonic(), _unacknowledged(self.sock)
                if _taken(left, held):
                    moved = now  # (it took some of what was sent: reading, if slowly)
                held = left
                if now - moved >= WRITE_STALL:
                    raise
                continue
            view = view[sent:]
            moved = time.monotonic()


def _taken(left: int | None, held: int | None) -> bool:
    """Whether a client took some of what the system held for it: less held now (`left`) than at
    the last look (`held`); never where the system cannot say."""
    return left is not None and held is not None and left < held


def _reset(sock) -> None:
    """Closed with a reset: what the system holds for the client is freed at once."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    util.close(sock)


def _unacknowledged(sock) -> int | None:
    """The bytes the system holds for a socket's client, sent and not acknowledged or not sent yet
    (Linux's SIOCOUTQ); None where it cannot say."""
    try:
        import fcntl
        import termios

        return struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0"))[0]
    except (ImportError, OSError, AttributeError):
        return None


def _peer(conn) -> str:
    """The client's address, as a log line says it."""
    client = conn.client
    return f"{client[0]}:{client[1]}" if isinstance(client, tuple) and len(client) >= 2 else str(client)
