"""How a callback is declared beside its function, and handed to Dash.

A callback is a module-level function whose arguments are its inputs and state, by name, and
which returns its outputs by name: Dash's flexible callback signatures. `@wired(...)` records
app.callback's keywords on it (`output=dict(name=Output(...))`, `inputs=dict(name=Input(...))`,
`state=dict(name=State(...))`, `prevent_initial_call=...`) and leaves the function as it is, so a
test calls it directly, with its inputs by name. What the function needs besides its inputs
(the events file's `path`, the page's `title`) is a keyword-only argument, bound by `register`.

A callback that runs in the browser is an `InBrowser`: a function in a file of assets/
(ClientsideFunction) and what it reads and writes. Dash serves it from the app ('self' in the
Content-Security-Policy), not as an inline script.

Dash still sends and declares the inputs as lists, in the order written (inputs, then state):
the page's requests, /_dash-dependencies and timeline/app/guard.py see the same lists as before.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import partial, update_wrapper

from dash import ClientsideFunction

from .. import i18n
from ..state import State


def wired(**dependencies):
    """Declares a function's outputs, inputs and state, as app.callback's keywords."""

    def mark(function):
        function.dependencies = dependencies
        return function

    return mark


@dataclass(frozen=True)
class InBrowser:
    """A callback that runs in the browser: `function` (defined in assets/) with
    app.clientside_callback's keywords, its inputs and state as lists, in the order the
    function takes them."""

    function: ClientsideFunction
    dependencies: dict


def register(app, callbacks, **given) -> None:
    """Hands `callbacks` to `app`, in order; each function gets the keywords it asks for among
    `given` bound."""
    for callback in callbacks:
        if isinstance(callback, InBrowser):
            app.clientside_callback(callback.function, **callback.dependencies)
            continue
        asks = inspect.signature(callback).parameters
        bound = {name: value for name, value in given.items() if name in asks}
        # (Dash merges `inputs` into `state` in place: each app gets its own copies.)
        dependencies = {
            key: dict(value) if isinstance(value, dict) else value for key, value in callback.dependencies.items()
        }
        app.callback(**dependencies)(speaking(partial(callback, **bound)))


def speaking(function):
    """The callback, answering in the page's language: the address's `lang=` (in its `view` or
    `search`), else the site's setting, else the browser's Accept-Language (timeline.i18n)."""

    def answer(*args, **kwargs):
        address = kwargs.get("view") if "view" in kwargs else kwargs.get("search")
        lang = State.from_search(address).lang if isinstance(address, str) else ""
        with i18n.using(i18n.for_request(lang)):
            return function(*args, **kwargs)

    update_wrapper(answer, function.func if isinstance(function, partial) else function)
    # (inspect reads a function's __signature__; mypy knows no such attribute of a function)
    answer.__signature__ = inspect.signature(function)  # type: ignore[attr-defined]
    return answer
