// Left and right arrow keys step through events, like slides, unless the viewer is typing;
// with Shift they move the chart's view, and + and − zoom it; Escape closes the event's panel.
document.addEventListener("keydown", function (event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  var pan = event.shiftKey && (event.key === "ArrowLeft" || event.key === "ArrowRight");
  var zoom = event.key === "+" || event.key === "=" || event.key === "-" || event.key === "\u2212";  // (+ is a shifted key)
  if (event.shiftKey && !pan && !zoom) return;
  var target = event.target;
  var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
  if (tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable)) return;
  // Nor in a widget whose own keys do something: a dropdown, a menu and the share box (Escape
  // closes them); the map (its arrow keys pan it; its open list of a place's events takes its
  // own Escape: assets/map.js), a slider and the chart's toolbar (their arrow keys).
  var within = function (selector) { return target && target.closest && target.closest(selector); };
  if (within(".dash-dropdown-wrapper, .dash-dropdown-content, [role=listbox], [role=menu], .share")) return;
  if (event.key !== "Escape" && within(".leaflet-container, [role=slider], .modebar")) return;
  // (On the map with a place's list open, Escape closes the list: Leaflet's, not the panel too.)
  if (within(".leaflet-container") && document.querySelector("#map .leaflet-popup")) return;
  if (event.key === "Escape") {
    // Escape closes the event's panel (on a phone, the sheet over the page), as its Close does:
    // focus goes back to the event in the list. From the keyboard's place (the panel, the list,
    // the map), the list scrolls to it; where no element has focus or the chart has it (an event
    // chosen with a pointer), the page stays where the reader is, as a click on Close leaves it
    // (it jumped to the list, far below the chart clicked on).
    var close = document.querySelector("#sources-panel a.close");
    if (close) {
      event.preventDefault();
      var at = document.activeElement;
      var pointed = !at || at === document.body || at === document.documentElement || within("#timeline");
      if (pointed) {
        close.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, view: window, detail: 1}));
      } else {
        close.click();
      }
    }
    return;
  }
  // Shift with ← or → moves the chart's view by half its width, earlier or later; + and − zoom
  // it in and out about its middle (a pointer drags and wheels it; a keyboard had only the edge
  // buttons, which widen it to every event beyond). The chart is moved, and the server asked for
  // the view, as after a drag.
  if (pan || zoom) {
    var chart = document.querySelector("#timeline .js-plotly-plot");
    var ax = chart && chart._fullLayout && chart._fullLayout.xaxis;
    if (!ax || !ax.range) return;
    var low = ax.r2l(ax.range[0]), high = ax.r2l(ax.range[1]), width = high - low;
    if (!(width > 0)) return;
    var view;
    if (pan) {
      var by = (event.key === "ArrowLeft" ? -1 : 1) * width / 2;
      view = [low + by, high + by];
    } else {
      var middle = (low + high) / 2, half = (event.key === "-" || event.key === "\u2212" ? width : width / 4);
      view = [middle - half, middle + half];
    }
    event.preventDefault();
    sayView();
    var range = [ax.l2r(view[0]), ax.l2r(view[1])];
    window.Plotly.relayout(chart, {"xaxis.range": range});
    // The view asked of the server from here, as a drag's is (callbacks.js's zoomAsked passes the
    // graph's report of it over): a relayout made while the chart is drawn again, as the answer to
    // the key before comes, is not reported, and the view the chart ended on was never asked for
    // (the address and the count kept the one before).
    // (each key's: a graph's report of one may come after the next key's)
    window.timelineKeyedRanges = (window.timelineKeyedRanges || []).concat([range.join("/")]).slice(-8);
    window.dash_clientside.set_props("zoom-request", {data: {"xaxis.range": range}});
    return;
  }
  var id = event.key === "ArrowLeft" ? "prev-event" : event.key === "ArrowRight" ? "next-event" : null;
  if (!id) return;
  // With no event chosen, from an event's link in the list: its neighbour there is chosen, as
  // Enter on it would (Next led to the first event in the chart's view, wherever the list had
  // focus: from the list's last event, to its first); at the list's end, the event itself (the
  // next ← or → steps on from it, onto the list's next page too).
  var link = within("#event-list a.event-link");
  if (link && !document.getElementById("event-title")) {
    var links = Array.prototype.slice.call(document.querySelectorAll("#event-list a.event-link"));
    var neighbour = links[links.indexOf(link) + (id === "next-event" ? 1 : -1)];
    event.preventDefault();
    (neighbour || link).click();
    return;
  }
  var button = document.getElementById(id);
  if (button && !button.disabled) {
    event.preventDefault();
    button.click();
  }
});

// What the view shows once the server has said it (#chart-summary's .view-said: "The view shows
// 5 to 8 January 2022: 12 of 35 events in view"), or the chart's summary where it shows every
// event, is said by the live region after a key moved or zoomed it, or a button widened it (the
// map's line under its heading, a live region of its own, was all a screen reader said). Keys
// pressed one after another are answered one after another: what is said is the last answer,
// once none has come for a moment (the first was said alone, and the view it named was gone),
// and again if a later one comes (a busy server's answers can be more than a moment apart: the
// first was said, and the later ones, the view the chart ended on, were not).
var viewAskedAt = 0;
var summaryWatched = null;
var sayLater = null;
function sayView() {
  viewAskedAt = Date.now();
  var summary = document.getElementById("chart-summary");
  if (!summary || summary === summaryWatched) return;
  summaryWatched = summary;
  new MutationObserver(function () {
    if (Date.now() - viewAskedAt > 10000) return;
    clearTimeout(sayLater);
    sayLater = setTimeout(function () {
      var announcer = document.getElementById("announcer");
      if (!announcer || Date.now() - viewAskedAt > 10000) return;
      var said = (summary.querySelector(".view-said") || summary).textContent.trim();
      if (announcer.textContent !== said) announcer.textContent = said;
    }, 400);
  }).observe(summary, {childList: true, subtree: true, characterData: true});
}
document.addEventListener("click", function (event) {
  var button = event.target && event.target.closest ? event.target.closest("#reset-zoom, #edge-before, #edge-after") : null;
  if (button) sayView();
}, true);
