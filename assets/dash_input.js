// Dash 4's text boxes (dcc.Input: the search box, From, to, As of) scramble what is typed
// into them while the page is busy. After each key, the component queues a timer that puts
// the caret back where it was when that key was handled. The browser handles keys before
// timers, so when the page is busy (a chart being drawn, a slow phone) the next key lands
// first and the timer then moves the caret back over it: "8 January 2022" became
// "8 Janar 0222yu". In a text box the caret never needs putting back (React writes nothing
// into the box when the value it holds is the one typed), so the boxes viewers type into
// ignore the component's caret moves. The browser's own caret and selection are untouched.
(function () {
  "use strict";
  function keep() {}

  document.addEventListener("focusin", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || box.readOnly || box.setSelectionRange === keep) return;
    if (!box.closest(".dash-input-container")) return;
    box.setSelectionRange = keep;
  }, true);
})();
