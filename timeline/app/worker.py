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

A reverse proxy that buffers requests (nginx's default) does the same in front; this keeps a
server reached directly, or through a proxy that does not buffer, answering. TLS and HTTP/2
connections (which this app's deployment does not use: the proxy ends TLS) are handed over as
gunicorn would.
"""

from __future__ import annotations

import re
import selectors
import time
from functools import partial

from gunicorn.http2 import negotiation
from gunicorn.workers.gthread import ThreadWorker

from .guard import MAX_BODY

READ_WITHIN = 10.0  # seconds for a request to arrive whole, from the first look at it
MOST_HEAD = 64 * 1024  # bytes of a request's head (nginx's default allows 32 KB); beyond: 431
# Bytes kept of a request: with more (a chunked body over the app's 256 KB), it goes to a thread
# as it is, and the app refuses it (413) as it reads on.
MOST_HELD = MOST_HEAD + MAX_BODY
TOO_LARGE = b"HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"

_END_OF_HEAD = b"\r\n\r\n"
_LENGTH = re.compile(rb"\r\ncontent-length[ \t]*:[ \t]*(\d+)[ \t]*\r\n", re.IGNORECASE)
_CHUNKED = re.compile(rb"\r\ntransfer-encoding[ \t]*:[^\r\n]*chunked", re.IGNORECASE)
_EXPECT = re.compile(rb"\r\nexpect[ \t]*:[ \t]*100-continue[ \t]*\r\n", re.IGNORECASE)
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


def arrived(data: bytes, most_body: int = MAX_BODY) -> bool:
    """Whether `data`, what a connection sent, holds a whole request to hand to gunicorn's
    parser: its head and its body; or what the parser refuses at once (a bare LF ending a line
    of the head, a malformed chunk), or a body over `most_body` (which the app refuses, 413,
    without reading it)."""
    end = data.find(_END_OF_HEAD)
    if end < 0:
        return data.count(b"\n") != data.count(b"\r\n")  # (a bare LF: gunicorn answers 400)
    head, body = data[: end + 2], data[end + 4 :]
    if _CHUNKED.search(head):
        return _last_chunk(body)
    length = _LENGTH.search(head)
    needed = int(length.group(1)) if length else 0
    return needed > most_body or len(body) >= needed


def awaits_continue(data: bytes) -> bool:
    """Whether the client sent a whole head that asks to be told to go on before it sends its
    body (`Expect: 100-continue`: curl's, for a body over 1 KB), and no body yet."""
    end = data.find(_END_OF_HEAD)
    return 0 <= end and len(data) == end + 4 and bool(_EXPECT.search(data[: end + 2]))


def _last_chunk(body: bytes) -> bool:
    """Whether a chunked body holds its last chunk (size 0) and the blank line after its
    trailers; True too for a body gunicorn's parser refuses (a chunk size that is no number)."""
    at = 0
    while True:
        line_end = body.find(b"\r\n", at)
        if line_end < 0:
            return False
        try:
            size = int(body[at:line_end].split(b";")[0], 16)
        except ValueError:
            return True
        if size == 0:
            return body.find(_END_OF_HEAD, line_end) >= 0
        at = line_end + 2 + size + 2


class WholeRequests(ThreadWorker):
    """gthread, with each request read whole by the main loop before a thread parses it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.arriving: dict = {}  # connection -> when its request must have arrived (in order)

    def enqueue_req(self, conn):
        """A connection opened, or with more to read: to a thread once its request is whole."""
        if not self._plain(conn):
            return super().enqueue_req(conn)
        sent, ended = self._read(conn)
        if ended and not (sent and arrived(bytes(sent))):  # closed, or failed, before a whole request
            self._close(conn)
        elif len(sent) > MOST_HEAD and _END_OF_HEAD not in sent[: MOST_HEAD + 4]:
            try:
                conn.sock.send(TOO_LARGE)
            except OSError:
                pass
            self._close(conn)
        elif len(sent) > MOST_HELD or arrived(bytes(sent)):
            self.arriving.pop(conn, None)
            conn.data_ready = True  # (gunicorn's thread then waits for nothing)
            super().enqueue_req(conn)
        else:
            if awaits_continue(bytes(sent)):  # (gunicorn tells it again when it reads the head:
                try:  # a client takes any number of 100s before the answer, RFC 9110 15.2)
                    conn.sock.send(CONTINUE)
                except OSError:
                    pass
            self.arriving.setdefault(conn, time.monotonic() + READ_WITHIN)
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._more, conn))

    def handle(self, conn):
        """In a thread: the request read so far goes back in front of the socket, for the parser."""
        sent = conn.__dict__.pop("sent", None)
        if sent:
            conn.sock.setblocking(True)
            conn.init()  # (the parser, for a new connection)
            conn.parser.unreader.unread(bytes(sent))
        return super().handle(conn)

    def murder_pending(self):
        """gunicorn's, and the connections whose request did not arrive whole in time closed."""
        super().murder_pending()
        now = time.monotonic()
        for conn, deadline in list(self.arriving.items()):
            if deadline > now:
                break
            try:
                self.poller.unregister(conn.sock)
            except (KeyError, ValueError, OSError):
                pass
            self._close(conn)

    def _plain(self, conn) -> bool:
        """HTTP/1 without TLS, and nothing read ahead by the parser (a pipelined request)."""
        return not (
            self.cfg.is_ssl
            or conn.is_http2
            or negotiation.prior_knowledge_allowed(self.cfg, conn.client)
            or (conn.parser is not None and conn.parser.unreader.buf.getvalue())
        )

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
            while len(sent) <= MOST_HELD:
                more = conn.sock.recv(64 * 1024)
                if not more:
                    return sent, True
                sent += more
        except BlockingIOError:
            pass
        except OSError:
            return sent, True
        return sent, False

    def _close(self, conn) -> None:
        self.arriving.pop(conn, None)
        self.nr_conns -= 1
        conn.close()
