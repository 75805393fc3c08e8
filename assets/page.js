// The page on a phone: the filters fold behind one button, and a swipe over the chart scrolls;
// the range slider's window moved however narrow it is.
(function () {
  "use strict";

  // "Filters" (shown on narrow screens only, style.css) opens and closes the filters; its
  // aria-expanded is the one state, which style.css reads.
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("#filters-toggle") : null;
    if (!button) return;
    button.setAttribute("aria-expanded", button.getAttribute("aria-expanded") === "true" ? "false" : "true");
  });

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

  // A finger shows no hover boxes on the chart (style.css): a tap's box was never taken away, and
  // stayed over the chart and a lane's name once the event's panel had opened, which says the
  // same. The page knows a finger from a mouse by the last press (a laptop may have both).
  document.addEventListener("pointerdown", function (event) {
    document.documentElement.classList.toggle("touch-input", event.pointerType === "touch");
  }, true);

  // On a touch screen the chart does not take drags for zooms (plotly.js then prevents the
  // page's scrolling): a vertical swipe scrolls the page, a tap still selects; the range
  // slider under the chart moves in time. plotly.js calls preventDefault on a touch only when
  // dragmode is not false.
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
    chart.on("plotly_afterplot", function () { calm(chart); slideable(chart); });
    calm(chart);
    slideable(chart);
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
