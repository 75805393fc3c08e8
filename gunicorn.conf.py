"""gunicorn's settings for the timeline: `gunicorn --config gunicorn.conf.py 'app:create_app()'`
(the README's production command, `make serve`; `create_app()`, gunicorn's factory syntax, makes
the app from the TIMELINE_ variables, once, in the master: see preload_app below), and the tests and benchmarks that serve through
gunicorn. A flag on the command line (`--workers 4`, `--bind`) overrides a setting here.

`worker_class`: gunicorn's `gthread` (each worker answers requests from a pool of threads), in
which a request goes to a thread only once it has arrived whole (timeline/app/worker.py): until
then it waits in the worker's poller, so a client that sends slowly holds no thread (with plain
gthread, 4 such clients held one worker's threads, 8 every thread). The reverse proxy in front
should still buffer requests (nginx's `proxy_request_buffering on`, its default).

`timeout`: with gthread, the worker's main loop tells the arbiter it is alive about once a
second, whatever its threads are doing, so a long request does not trip it; it restarts a worker
that stopped answering altogether, and bounds a worker's start-up, which loads the events
(a 1M-row file takes several seconds). `keepalive`: how long an idle connection is kept.
"""

import os

# numpy asks the kernel for huge pages (2 MB) for every array of 4 MB or more; here it does not
# (numpy's own setting, read when numpy is imported: an operator's value is kept). An append
# makes tens of such arrays at a million rows (the columns with the new events among them), and
# each huge page is cleared whole by the kernel when first written: on a virtual machine that
# gives its free memory back to the host in 2 MB blocks (virtio-balloon's free page reporting,
# as this project's benchmark machine does), each is new memory from the host, and those faults
# were most of the kernel's time in an append: 0.1-0.3 s of a worker's CPU, appends that cost
# 0.1 s on one run and 0.3 s on the next (benchmarks/RESULTS.md, "What an append costs a served
# worker, fourth round"). In 4 KB pages the same arrays cost a steady few hundredths of a second.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
# Arrow's memory pool keeps freed memory a second before giving it back, so that loading a large
# file uses it again instead of new pages from the host (timeline/__init__.py sets it too, for
# every process that imports timeline before pyarrow; here for a master that would not).
os.environ.setdefault("MIMALLOC_PURGE_DELAY", "1000")

bind = "127.0.0.1:8050"
workers = 2
worker_class = "timeline.app.worker.WholeRequests"  # gthread, reading each request whole first
threads = 4
timeout = 30
graceful_timeout = 30
keepalive = 5
# Files (the assets) are written as any answer is, not with the system's sendfile: a client that
# reads nothing of an answer is cut off once a send moves no byte for a while (timeline/app/
# worker.py, WRITE_STALL), and Python's sendfile waits for such a client for ever.
sendfile = False
# The longest request line gunicorn reads (its default, 4094 bytes, answers a longer one with its
# own "414 URI Too Long" page): an address of up to 8,000 characters is the app's to refuse or
# read, with its own notice (timeline.state.LIMITS; the README's "Links").
limit_request_line = 8190
# No control socket (gunicorn 25+ opens one at $XDG_RUNTIME_DIR or ~/.gunicorn/gunicorn.ctl, from
# which `gunicornc` changes the workers or stops the server): nothing here uses it, and two servers
# on one machine, a newsroom's two timelines, would share its path.
control_socket_disable = True

# `preload_app`: the master imports the app (and maps the events' checked data, timeline.store)
# once, before it forks the workers, so they share the imported code and that mapping instead of
# each making its own: 4 workers serving a 1M-row file hold about 200 MB less (benchmarks/
# starts.py, RESULTS.md "Fast starts and shared memory"). A worker still re-reads the file when it
# changes; code changes need a restart of the master (a HUP reloads workers from its copy).
preload_app = True


def pre_fork(server, worker):
    """Before a worker is forked: the master's objects (the app, the mapped version's frames)
    are moved out of the garbage collector's reach (`gc.freeze`), so a worker's collections
    never walk them: each walk wrote to every object it visited, so the worker got its own copy
    of those pages (less memory shared), and an append's build in a worker paid for it."""
    import gc

    from timeline.app import data

    data.prepare_appends()  # (once: the numeric columns an append grows, copied before the fork)
    gc.freeze()


def post_fork(server, worker):
    """In a worker just forked, before it answers anything: the versions the master read from a
    cache file written to in place since (a backup copied over `.timeline/`) are let go of, so
    that no request reads bytes cut from under them (the system would stop the worker, and each
    worker forked to replace it, which the master's copy of those versions would stop too)."""
    from timeline.app import data

    data.let_go_of_changed_files()


def post_request(worker, req, environ, resp):
    """After a request, now and then, give freed memory back to the system: a worker's threads
    each keep freed blocks (glibc's arenas, Arrow's pool) that no other process can use; the
    arrays kept for the next append's (timeline.model.Spares) once no append came for a while."""
    _memory.give_back()


class _Memory:
    EVERY = 1.0  # seconds: at most so often (a trim costs a few milliseconds)

    def __init__(self):
        import ctypes
        import ctypes.util
        import threading

        try:
            self.libc = ctypes.CDLL(ctypes.util.find_library("c"))
            self.libc.malloc_trim  # noqa: B018  (looked up: AttributeError where there is none)
        except (OSError, AttributeError, TypeError):  # (not glibc: nothing to trim)
            self.libc = None
        self.lock, self.last = threading.Lock(), 0.0

    def give_back(self):
        import time

        now = time.monotonic()
        if now - self.last < self.EVERY or not self.lock.acquire(blocking=False):
            return
        try:
            self.last = now
            import pyarrow

            pyarrow.default_memory_pool().release_unused()
            from timeline import model

            model.SPARES.let_go()  # (the arrays kept for the next append's, once appends stop)
            if self.libc is not None:
                self.libc.malloc_trim(0)
        finally:
            self.lock.release()


_memory = _Memory()
