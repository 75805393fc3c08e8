// The callbacks that run in the page, not on the server: timeline/app/callbacks.py registers
// each with ClientsideFunction("timeline", name) and says what it reads and writes. Each reads
// its inputs in the order declared there, and returns window.dash_clientside.no_update when
// nothing changes.
(function () {
  "use strict";
  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.timeline = {
    // The page's poll, every 2 s (dcc.Interval "poll"): a plain GET of the events file's
    // version (timeline/app/version.py), which a proxy or a CDN in front may answer (ETag,
    // max-age of one poll). The browser asks each time ("no-cache": with If-None-Match, mostly
    // answered 304), so its own cache never makes the page a poll late. Only a version other
    // than the page's goes into data-version, and so fires the callbacks that read it; a failed
    // request changes nothing (the next tick asks again).
    // Inputs: poll.n_intervals; known: data-version.data. Returns data-version.data.
    poll: function (_tick, known) {
      const noUpdate = window.dash_clientside.no_update;
      const asked = {cache: "no-cache"};
      if (window.AbortSignal && AbortSignal.timeout) asked.signal = AbortSignal.timeout(10000);
      return fetch(versionAddress(), asked)
        .then((response) => (response.ok ? response.json() : null))
        .then((answer) => {
          const version = answer && answer.version;
          return typeof version === "string" && version && version !== known ? version : noUpdate;
        })
        .catch(() => noUpdate);
    },

    // An outlet's button in the panel pressed: {name, at} for navigate (timeline/app/callbacks.py,
    // OUTLET_CHOSEN). Dash calls this for every set of buttons the panel draws, with no count:
    // then nothing is sent (no call to the server that would change nothing).
    // Inputs: the n_clicks of every {"type": "outlet"} button. Returns outlet-choice.data.
    outletChosen: function (_clicks) {
      const pressed = window.dash_clientside.callback_context.triggered.filter((t) => t.value);
      if (!pressed.length) return window.dash_clientside.no_update;   // (two at once: the first, as before)
      const propId = pressed[0].prop_id;
      let id = null;
      try {
        id = JSON.parse(propId.slice(0, propId.lastIndexOf(".")));
      } catch (_error) { /* not a pattern's id */ }
      return id && typeof id.name === "string" ? {name: id.name, at: Date.now()} : window.dash_clientside.no_update;
    },

    // The graph's width in pixels, so that titles are packed for the room they have (on a resize
    // too: see zoomAsked). On load too: the opening figure was packed for a width the server
    // guessed. Inputs: view.data (the view changed); known: chart-width.data.
    chartWidth: function (_view, known) {
      const width = graphWidth();
      return width && width !== known ? width : window.dash_clientside.no_update;
    },

    // Plotly reports every relayout (autosize too); only those that change the time range go on,
    // filtered here, so that a later autosize never cancels a zoom's pending update. A resize
    // (autosize, with the width changed by more than 20 px) re-packs the titles.
    // Inputs: timeline.relayoutData; known: chart-width.data. Returns zoom-request.data.
    zoomAsked: function (relayout, known) {
      const r = relayout || {};
      // (A finger moving the chart: its view is asked for when it lifts. page.js's gestures.)
      if (document.querySelector("#timeline .js-plotly-plot.swiping")) return window.dash_clientside.no_update;
      const width = graphWidth();
      if (r.autosize && width && known && Math.abs(width - known) > 20) {   // resized: re-pack
        window.dash_clientside.set_props("chart-width", {data: width});
      }
      const asks = ("xaxis.range[0]" in r) || ("xaxis.range" in r) || r["xaxis.autorange"];
      // (a key's view, asked for already by keys.js)
      const asked = window.timelineKeyedRanges || [];
      const at = Array.isArray(r["xaxis.range"]) ? asked.indexOf(r["xaxis.range"].join("/")) : -1;
      const keyed = at >= 0;
      if (keyed) window.timelineKeyedRanges = asked.slice(at + 1);
      return asks && !keyed ? r : window.dash_clientside.no_update;
    },

    // The address as the page tidied it (refused values left out, in its own order) takes the
    // place of the one opened: a link followed, a step back or forward. Pushed, it was a step of
    // its own, and Back went to the untidy address, which was tidied and pushed again: the
    // viewer could never leave. Input: address-tidied.data (the search, "" for none). No output.
    tidyAddress: function (search) {
      if (typeof search !== "string") return;
      const where = window.location;
      if (search !== where.search) {
        window.history.replaceState(window.history.state, "", where.pathname + search + where.hash);
        window.dash_clientside.set_props("url", {search: search, href: window.location.href});
      }
    },

    // The zoom goes into the address, so that a link shares the view as it is. In place
    // (replaceState): a zoom is not a step in the history; `view` stays the same, so nothing
    // is drawn again. The format is timeline.filters.zoom_text's. Called on load too: the
    // opening zoom (a link to one event among a million opens on its neighbours) comes with
    // the page (timeline/app/opening.py). Input: zoom.data ([first, last] second, or null).
    // No output: it writes the address, and tells dcc.Location.
    zoomIntoAddress: function (zoom) {
      // On load, only a zoom that came with the page is written (not none: the page's
      // opening view may not have been applied, and the address's zoom is still to read).
      if (!zoom && !window.dash_clientside.callback_context.triggered.length) return;
      const where = window.location;
      const search = withZoom(where.search, zoom);
      if (search !== where.search) {
        window.history.replaceState(window.history.state, "", where.pathname + search + where.hash);
        // dcc.Location learns of it too (else its next push would bring back the old one).
        window.dash_clientside.set_props("url", {search: search, href: window.location.href});
      }
    },

    // What the last download held (#export-said) is of the view it was made in: another view
    // (filters, an as-of date, a language) takes it away, as its file's name no longer says what
    // the list shows. Input: view.data. Output: export-said.children.
    exportSaidGone: function (_view) {
      return "";
    },
  };

  // The version's address, under the prefix Dash serves the app at (its _dash-config).
  function versionAddress() {
    let prefix = "/";
    try {
      const config = document.getElementById("_dash-config");
      prefix = (config && JSON.parse(config.textContent).requests_pathname_prefix) || "/";
    } catch (_error) { /* the default prefix */ }
    return prefix + "_timeline/version";
  }

  function graphWidth() {
    const graph = document.getElementById("timeline");
    return graph ? Math.round(graph.getBoundingClientRect().width) : null;
  }

  // An address's query ("?event=x&zoom=...") with `zoom` in it instead of the one it had (none
  // for null): "zoom=2022-01-04/2022-01-08T12".
  function withZoom(search, zoom) {
    // (A year BC comes as -000499 from toISOString: written -0499, as plotly.js writes it.)
    const moment = (second) => new Date(second * 1000).toISOString().replace(/^([+-])00/, "$1")
      .replace(/^[+]/, "").replace(/Z$/, "").slice(0, -4)
      .replace(/:00$/, "").replace(/T00:00$/, "");
    const pairs = search.replace(/^[?]/, "").split("&").filter((p) => p && !p.startsWith("zoom="));
    if (zoom === "all") {  // every event, however many come (timeline/state.py: WHOLE)
      pairs.push("zoom=all");
    } else if (zoom && zoom.length === 2) {
      pairs.push("zoom=" + moment(zoom[0]) + "/" + moment(zoom[1]));
    }
    return pairs.length ? "?" + pairs.join("&") : "";
  }
})();
