// The page on a phone: the filters fold behind one button, a swipe up or down over the chart
// scrolls and a swipe sideways moves it in time; the range slider's window moved however narrow
// it is.
(function () {
  "use strict";

  // "Filters" (shown on narrow screens only, style.css) opens and closes the filters; its
  // aria-expanded is the one state, which style.css reads.
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("#filters-toggle") : null;
    if (!button) return;
    button.setAttribute("aria-expanded", button.getAttribute("aria-expanded") === "true" ? "false" : "true");
  });
  // Escape within the filters unfolded there folds them again, focus back on their button, as
  // Escape closes the share box and the outlets' list (not a list open in them, which takes its own
  // Escape first; nor a search box with text in it, which Escape empties).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.altKey || event.ctrlKey || event.metaKey) return;
    var button = document.getElementById("filters-toggle");
    var filters = document.getElementById("filters");
    var target = event.target;
    if (!button || !filters || button.getAttribute("aria-expanded") !== "true" || !button.offsetParent) return;
    if (!(target === button || filters.contains(target))) return;
    if (target.closest && target.closest(".dash-dropdown-wrapper, .dash-dropdown-content, [role=listbox], [role=menu]")) return;
    if (target.type === "search" && target.value) return;
    event.preventDefault();  // (keys.js, after this one, leaves an Escape so taken: the event stays open)
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }, true);

  // A language's link (the masthead's): the same view, in that language. The address keeps
  // the view; only its lang= changes (the link's own href, without a script, is the overview).
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest(".languages a[hreflang]") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    var params = new URLSearchParams(window.location.search);
    params.set("lang", link.getAttribute("hreflang"));
    event.preventDefault();
    window.location.assign(window.location.pathname + "?" + params.toString() + window.location.hash);
  });

  // And the link itself names that view by the time it is used otherwise: opened in a new tab
  // (a middle or Ctrl-click), copied from its menu, dragged. (Its href was the overview: ?lang=fr.)
  function languageLinkFollows(event) {
    var link = event.target && event.target.closest ? event.target.closest(".languages a[hreflang]") : null;
    if (!link) return;
    var params = new URLSearchParams(window.location.search);
    params.set("lang", link.getAttribute("hreflang"));
    link.setAttribute("href", window.location.pathname + "?" + params.toString() + window.location.hash);
  }
  ["pointerdown", "focusin", "contextmenu", "dragstart"].forEach(function (name) {
    document.addEventListener(name, languageLinkFollows, true);
  });

  // A finger shows no hover boxes on the chart (style.css): a tap's box was never taken away, and
  // stayed over the chart and a lane's name once the event's panel had opened, which says the
  // same. The page knows a finger from a mouse by the last press (a laptop may have both).
  document.addEventListener("pointerdown", function (event) {
    document.documentElement.classList.toggle("touch-input", event.pointerType === "touch");
  }, true);

  // On a touch screen the chart does not take drags for zooms (plotly.js then prevents the
  // page's scrolling): a vertical swipe scrolls the page, a tap still selects; a swipe sideways
  // moves the chart in time (gestures, below), as does the range slider under it.
  // plotly.js calls preventDefault on a touch only when dragmode is not false.
  var touch = window.matchMedia("(hover: none) and (pointer: coarse)");
  function calm(chart) {
    if (touch.matches && chart._fullLayout && chart._fullLayout.dragmode !== false && window.Plotly) {
      window.Plotly.relayout(chart, {dragmode: false});
    }
  }
  // The range slider's window, over a view that is a small part of the whole span (a week of six
  // years: 7 px), was all under plotly.js's two grab areas (10 px each, over its edges), so a
  // drag of it always took an edge and widened the view instead of moving it. Narrower than
  // NARROW px, the window is moved by a drag anywhere on it (style.css lets the edges' grab
  // areas take no pointer); a drag on the slider beside it still draws a new window.
  var NARROW = 40;
  function slideable(chart) {
    var box = chart.querySelector(".rangeslider-slidebox");
    var width = box ? box.getBoundingClientRect().width : NARROW;
    chart.classList.toggle("slider-window-narrow", width < NARROW);
  }
  // A finger that moves sideways over the chart takes the time under it along (a swipe pans).
  // Two fingers are the browser's: they zoom the page, as anywhere on it (a reader who needs the
  // page larger must be able to zoom it over the chart too; the chart's + and − zoom it in time).
  // style.css gives the browser the chart's vertical moves and pinches, this script the sideways
  // moves. The chart follows the finger in the browser; the new view is asked of the server once,
  // when it lifts (callbacks.js's zoomAsked lets no relayout through while the chart is
  // "swiping"). A finger that moved (any way) is no tap: plotly.js, whose dragmode is false here,
  // took its lift for a click, so a scroll begun on a mark chose its event, and two swipes in
  // quick succession were a double click (which shows the whole span).
  var SLOP = 10;            // px a finger moves before it is a swipe, up or down or sideways
  function gestures(chart) {
    var start = null;       // the finger's first place and the view's range when it touched
    var pending = null;     // the range to draw next, [low, high] in ms
    var frame = 0;
    function axis() { return chart._fullLayout && chart._fullLayout.xaxis; }
    function draw() {
      frame = 0;
      var ax = axis();
      if (pending && ax) window.Plotly.relayout(chart, {"xaxis.range": [ax.l2r(pending[0]), ax.l2r(pending[1])]});
    }
    function finish() {
      start = null;
      if (!pending) return;
      if (frame) window.cancelAnimationFrame(frame);
      chart.classList.remove("swiping");
      draw();
      // The view asked of the server, once. (Dash passes on only a relayout that differs from
      // the last, and the last range drawn may have been drawn already, while "swiping".)
      var ax = axis();
      if (ax) {
        window.dash_clientside.set_props("zoom-request", {data: {"xaxis.range": [ax.l2r(pending[0]), ax.l2r(pending[1])]}});
      }
      pending = null;
    }
    chart.addEventListener("touchstart", function (event) {
      if (event.touches.length > 1) {   // a second finger: the browser's pinch
        chart._dragged = true;            // (plotly.js counted two touches as a double click: the whole span)
        finish();
        return;
      }
      // (Only where plotly.js takes no drags: a laptop's touch screen beside its mouse keeps
      // plotly's own, a zoom box.)
      if (!chart._fullLayout || chart._fullLayout.dragmode !== false) return;
      var on = event.target && event.target.closest && event.target.closest(".nsewdrag");
      var ax = axis(), plot = chart.querySelector(".nsewdrag");
      if (!on || !ax || !plot || !ax._length) return;
      start = {x: event.touches[0].clientX, y: event.touches[0].clientY, length: ax._length,
               low: ax.r2l(ax.range[0]), high: ax.r2l(ax.range[1]), sideways: null};
    }, {passive: true});
    chart.addEventListener("touchmove", function (event) {
      if (!start || event.touches.length > 1) return;
      var dx = event.touches[0].clientX - start.x, dy = event.touches[0].clientY - start.y;
      if (start.sideways === null) {
        if (Math.abs(dx) < SLOP && Math.abs(dy) < SLOP) return;
        chart._dragged = true;    // (plotly.js's: no click when the finger lifts)
        start.sideways = Math.abs(dx) > Math.abs(dy) && event.cancelable;
      }
      if (!start.sideways) return;
      if (event.cancelable) event.preventDefault();
      var shift = dx * (start.high - start.low) / start.length;     // ms the finger moved the time
      pending = [start.low - shift, start.high - shift];
      chart.classList.add("swiping");
      if (!frame) frame = window.requestAnimationFrame(draw);
    }, {passive: false});
    chart.addEventListener("touchend", function (event) { if (!event.touches.length) finish(); }, {passive: true});
    chart.addEventListener("touchcancel", finish, {passive: true});
  }
  // "← 3 earlier" and "2 later →" hide themselves once nothing is left beyond their edge: the
  // one pressed, focused, would leave focus on the page's body (nowhere, to a screen reader).
  // Focus goes to the other edge's button, or else to the count of events in view.
  var lastFocused = null;
  document.addEventListener("focusin", function (event) { lastFocused = event.target; });
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      var button = change.target;
      if (!button.hidden || (button.id !== "edge-before" && button.id !== "edge-after")) return;
      var active = document.activeElement;
      if (active !== button && !(lastFocused === button && (!active || active === document.body))) return;
      var other = document.getElementById(button.id === "edge-before" ? "edge-after" : "edge-before");
      var count = document.getElementById("in-view");
      if (other && !other.hidden) other.focus();
      else if (count) { count.setAttribute("tabindex", "-1"); count.focus(); }
    });
  }).observe(document.documentElement, {attributes: true, attributeFilter: ["hidden"], subtree: true});
  new MutationObserver(function () {
    var chart = document.querySelector("#timeline .js-plotly-plot");
    if (!chart || chart._timelineTouch || !chart.on) return;
    chart._timelineTouch = true;
    gestures(chart);
    chart.on("plotly_afterplot", function () { calm(chart); slideable(chart); });
    calm(chart);
    slideable(chart);
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
