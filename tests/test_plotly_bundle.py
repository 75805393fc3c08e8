"""The page draws with plotly.js's cartesian bundle, vendored in assets/vendor/ (a third of the
full bundle that pip's plotly ships, which the page would otherwise load)."""

import re

from plotly.offline import get_plotlyjs_version

from timeline.app import ROOT

BUNDLE = ROOT / "assets" / "vendor" / "plotly-cartesian.min.js"


def header_version() -> str:
    head = BUNDLE.read_bytes()[:300].decode()
    match = re.search(r"plotly\.js \(cartesian - minified\) v(\S+)", head)
    assert match, head
    return match[1]


def test_the_vendored_bundle_is_the_plotly_js_that_plotly_py_was_built_for():
    # After an upgrade of plotly in requirements.txt, `make vendor` fetches the matching bundle.
    assert header_version() == get_plotlyjs_version(), "run `make vendor`"


def test_the_bundle_keeps_its_licence():
    licence = (BUNDLE.parent / "plotly.js-LICENSE.txt").read_text()
    assert "MIT" in licence or "Permission is hereby granted" in licence
