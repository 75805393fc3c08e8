// The page's callback that reads and writes the address (navigate, timeline/app/callbacks.py)
// is called from the address as the browser has it, and Dash keeps only the newest call's
// answer. On a slow server two things were lost that way:
//
// - A viewer's second action before the first is answered (Next pressed three times, Next then
//   a category ticked): each call went from the address before the first, and only the last
//   one's answer was kept: one step, not three. A call made while another is being answered now
//   waits for that answer and goes on from the address it leaves.
// - A viewer's action answered after the map was moved (map.js writes the map's place into the
//   address, which calls navigate again from the address before the action). Such a write now
//   waits until no call of navigate is being answered and its answer is in the address, and is
//   then made on the address as that answer left it. (The chart's zoom needs no waiting: its
//   call and navigate each read what the other writes, and Dash sends neither while the other
//   is being answered.)
//
// A call not answered within HUNG_MS (a server that hangs) is waited for no longer: the calls
// after it go on from their own address, and the map's place is written.
//
// window.timelineAddress(key, write): `write()` now, or once navigate has answered; a later
// write with the same key takes the place of one still waiting (only the map's last place);
// `write` null: the one waiting is not made (the map moved by a step back, whose address has it).
(function () {
  "use strict";

  var answering = 0;     // calls of navigate sent and not yet answered
  var sent = 0;          // calls of navigate sent, counted: only the last one's answer is kept
  var left = null;       // a promise of the address the last call leaves (its answer's, or its own)
  var expected = null;   // the address the last answer asked for, until dcc.Location has it
  var answeredAt = 0;    // when the last answer came (performance.now())
  var waiting = [];      // [key, write], in the order asked
  var timer = null;
  var WAIT_MS = 1000;    // an answer's address not in the browser by then is not coming
  var HUNG_MS = 8000;    // a call not answered by then is not waited for (window.timelineHungMs)

  function navigateCall(resource, options) {
    // The call's body (parsed) if it is navigate's, the one callback that writes url.search.
    var address = typeof resource === "string" ? resource : (resource && resource.url) || "";
    var body = options && typeof options.body === "string" ? options.body : "";
    if (!/_dash-update-component(\?|$)/.test(address) || body.indexOf('"url"') < 0) return null;
    try {
      var call = JSON.parse(body);
      return (call.outputs || []).some(function (output) {
        return output && output.id === "url" && output.property === "search";
      }) ? call : null;
    } catch (_error) {
      return null;
    }
  }

  function addressOf(call) {
    // The call's input that holds the address's search.
    return (call.inputs || []).filter(function (input) {
      return input && input.id === "url" && input.property === "search";
    })[0] || null;
  }

  function withAddress(response, search) {
    // The answer, saying the address it went on from if it says none: the call before, whose
    // answer wrote it, is dropped by Dash (a newer call of navigate was made meanwhile). (An
    // answer that changes nothing comes as 204, with no body: it is given one.)
    if (response.status === 204) {
      return new Response(JSON.stringify({multi: true, response: {url: {search: search}}}), {
        status: 200, headers: {"Content-Type": "application/json"},
      });
    }
    return response.clone().json().then(function (body) {
      var outputs = body && body.multi && body.response;
      if (!outputs || (outputs.url && typeof outputs.url.search === "string")) return response;
      outputs.url = Object.assign({}, outputs.url, {search: search});
      return new Response(JSON.stringify(body), {
        status: response.status, statusText: response.statusText, headers: response.headers,
      });
    }, function () { return response; });
  }

  function searchIn(response) {
    // The address the answer leaves: the one it writes, or (a call the address made) the
    // address tidied, which assets/callbacks.js puts in place of the address as it was.
    return response.clone().json().then(function (body) {
      var outputs = (body && body.response) || {};
      var url = outputs.url, tidied = outputs["address-tidied"];
      if (url && typeof url.search === "string") return url.search;
      return tidied && typeof tidied.data === "string" ? tidied.data : null;
    }, function () { return null; });
  }

  function send(self, resource, options) {
    // The network's fetch, its throw (a bad argument) a rejected promise, as for any failure.
    try {
      return Promise.resolve(fetchFirst.call(self, resource, options));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  var fetchFirst = window.fetch;
  window.fetch = function (resource, options) {
    var call = navigateCall(resource, options);
    if (!call) return fetchFirst.apply(this, arguments);
    var self = this, mine = ++sent, input = addressOf(call);
    // (A call the address itself made, a step back or forward, goes from that address.)
    var fromAddress = (call.changedPropIds || []).indexOf("url.search") >= 0;
    var before = answering && input && !fromAddress ? left : null;
    var done = false;
    function from() {
      // The address the call goes from (rewritten, if it waited for the one before).
      return input ? input.value : null;
    }
    function over(search) {
      // This call answered (or given up on): counted once.
      if (done) return;
      done = true;
      answered(mine, search);
    }
    answering += 1;
    var asked = before === null ? send(self, resource, options) : before.then(function (search) {
      if (typeof search !== "string" || search === input.value) return send(self, resource, options);
      input.value = search;
      return send(self, resource, Object.assign({}, options, {body: JSON.stringify(call)}))
        .then(function (response) { return withAddress(response, search); });
    });
    var answer = asked.then(function (response) {
      return searchIn(response).then(function (search) {
        over(search);
        return search === null ? from() : search;
      });
    }, function () {
      over(null);
      return from();
    });
    // (Counted from when the call is sent: a call waiting for the one before is not hung.)
    var givenUp = (before || Promise.resolve()).then(function () {
      return new Promise(function (resolve) {
        window.setTimeout(function () {
          over(null);
          resolve(from());
        }, window.timelineHungMs || HUNG_MS);
      });
    });
    left = Promise.race([answer, givenUp]);
    return asked;
  };

  function answered(mine, search) {
    answering -= 1;   // (once a call: over)
    answeredAt = window.performance.now();
    if (mine === sent) expected = search;
    flush();
  }

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
    writes.forEach(function (pair) {
      try {
        pair[1]();
      } catch (error) {
        window.setTimeout(function () { throw error; });   // reported, the other writes made
      }
    });
  }

  window.timelineAddress = function (key, write) {
    waiting = waiting.filter(function (pair) { return pair[0] !== key; });
    if (typeof write !== "function") return;
    waiting.push([key, write]);
    flush();
  };
})();
