"""gunicorn's settings for the timeline: `gunicorn --config gunicorn.conf.py 'app:create_app()'`
(the README's production command, `make serve`; `create_app()`, gunicorn's factory syntax, makes
the app from the TIMELINE_ variables in each worker), and the tests and benchmarks that serve through
gunicorn. A flag on the command line (`--workers 4`, `--bind`) overrides a setting here.

`gthread`: each worker answers requests from a pool of threads, and a connection waits in the
worker's poller, not in a thread, until it sends something; a client that sends slowly holds
one thread, not the worker (issue 18). The reverse proxy in front must still buffer requests
(nginx's `proxy_request_buffering on`, its default), so that only whole requests reach us.

`timeout`: with gthread, the worker's main loop tells the arbiter it is alive about once a
second, whatever its threads are doing, so a long request does not trip it; it restarts a worker
that stopped answering altogether, and bounds a worker's start-up, which loads the events
(a 1M-row file takes several seconds). `keepalive`: how long an idle connection is kept.
"""
bind = "127.0.0.1:8050"
workers = 2
worker_class = "gthread"
threads = 4
timeout = 30
graceful_timeout = 30
keepalive = 5
