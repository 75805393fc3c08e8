// The address written in place by the page's own scripts: where the map is (map.js). Such a
// write tells dcc.Location, which calls the page's callback (navigate) again, and Dash keeps
// only the newest call's answer. So a write made while a viewer's action (Next, a category
// ticked, a click on the chart) was being answered threw the action away on a slow server: the
// address's call, sent later from the address as it was before the action, was answered last.
// A write now waits until no call of navigate is being answered and its answer is in the
// address, and is then made on the address as that answer left it. (The chart's zoom needs no
// waiting: its call and navigate's each read what the other writes, and Dash sends neither
// while the other is being answered.)
//
// window.timelineAddress(key, write): `write()` now, or once navigate has answered; a later
// write with the same key takes the place of one still waiting (only the map's last place).
(function () {
  "use strict";

  var answering = 0;     // calls of navigate sent and not yet answered
  var sent = 0;          // calls of navigate sent, counted: only the last one's answer is kept
  var expected = null;   // the address the last answer asked for, until dcc.Location has it
  var answeredAt = 0;    // when the last answer came (performance.now())
  var waiting = [];      // [key, write], in the order asked
  var timer = null;
  var WAIT_MS = 1000;    // an answer's address not in the browser by then is not coming

  function callsNavigate(resource, options) {
    // navigate is the one callback that writes url.search (timeline/app/callbacks.py).
    var address = typeof resource === "string" ? resource : (resource && resource.url) || "";
    var body = options && typeof options.body === "string" ? options.body : "";
    if (!/_dash-update-component(\?|$)/.test(address) || body.indexOf('"url"') < 0) return false;
    try {
      return (JSON.parse(body).outputs || []).some(function (output) {
        return output && output.id === "url" && output.property === "search";
      });
    } catch (_error) {
      return false;
    }
  }

  var fetchFirst = window.fetch;
  window.fetch = function (resource, options) {
    var asked = fetchFirst.apply(this, arguments);
    if (!callsNavigate(resource, options)) return asked;
    var mine = ++sent;
    answering += 1;
    function answered(search) {
      answering -= 1;
      answeredAt = window.performance.now();
      if (mine === sent) expected = typeof search === "string" ? search : null;
      flush();
    }
    return asked.then(function (response) {
      response.clone().json().then(function (body) {
        var url = body && body.response && body.response.url;
        return url && url.search;
      }, function () { return null; }).then(answered);
      return response;
    }, function (error) {
      answered(null);
      throw error;
    });
  };

  function flush() {
    if (timer !== null || !waiting.length || answering) return;
    var landed = expected === null || window.location.search === expected;
    if (!landed && window.performance.now() - answeredAt < WAIT_MS) {
      timer = window.setTimeout(function () { timer = null; flush(); }, 20);
      return;
    }
    expected = null;
    var writes = waiting;
    waiting = [];
    writes.forEach(function (pair) { pair[1](); });
  }

  window.timelineAddress = function (key, write) {
    waiting = waiting.filter(function (pair) { return pair[0] !== key; });
    waiting.push([key, write]);
    flush();
  };
})();
