// The map beside the timeline, drawn with Leaflet (assets/vendor/leaflet.js).
//
// The server sends what to draw (timeline/view/map.py's map_data, through the `map-data` store);
// this file draws it, and tells the server where the viewer has moved the map (`map-view`) and
// which event a click chose (`map-choice`). With no tile server set, the basemap is Natural
// Earth's countries (assets/vendor/countries-50m.json, TopoJSON), decoded here: land, coasts,
// borders. Every text from the data goes into the page as text, never as HTML.
(function () {
  "use strict";

  var map = null;          // the Leaflet map, made on the first draw
  var marks = null;        // the layer of event marks, replaced on each draw
  var towns = null;        // the layer of town names
  var basemap = null;      // "vector" or "tiles", once drawn
  var fitted = false;      // the first view is fitted to the events (or the address's view)
  var reported = "";       // the last view told to the server
  var automatic = false;   // the map is being moved by the page, not by the viewer
  var unwritten = false;   // ... where the address has it already (the first fit, a step back)
  var reopen = null;       // a place's list the map moved to show whole ({ids}), to open again
  var listPan = false;     // the map is moving to show a place's list whole (Leaflet's auto-pan)
  var moving = false;      // the map is moving (from its movestart to its moveend)
  var quiet = false;       // a list opened again takes no focus it did not have
  var firstBounds = null;  // the events' bounds as first fitted (a step back to no map= fits them)
  var fitNow = null;       // where the events the map keeps now are (map_data's fit): once not
                           // firstBounds, a link with no map= would open elsewhere (refitted)
  var baseRenderer = null; // one canvas, in a pane under the marks, for land, coasts and borders

  // The page's language (assets/opening.js: window.timelineWord).
  function word(text) { return window.timelineWord ? window.timelineWord(text) : text; }
  // Natural Earth's countries at 1:110m (38 KB compressed) for a view of a continent, and at
  // 1:50m (244 KB) from zoom DETAIL_ZOOM, fetched the first time the map is that close.
  var BASEMAP = "vendor/countries-110m.json";
  var DETAILED = "vendor/countries-50m.json";
  var DETAIL_ZOOM = 4;
  var coarse = null;       // the 1:110m layers, removed once the 1:50m ones are drawn
  var detailed = null;     // the 1:50m layers, once drawn
  var REGIONS = "vendor/regions.json";     // first-level regions' borders, from zoom REGION_ZOOM
  var REGION_ZOOM = 4;
  // A mark of one event: 24 px across (WCAG 2.2's least target size, 2.5.8); more events at a
  // place, a little larger, up to 34 px; the chosen event's, 28 px. A count of a cell's events
  // (over MAX_PLACES places in view: timeline/view/map.py) is at least as large.
  var MARK_RADIUS = 12;

  function assetsBase() {
    // Where Dash serves assets/ (any path prefix): beside the stylesheet it linked.
    var link = document.querySelector('link[href*="vendor/leaflet.css"]');
    return link ? link.href.replace(/vendor\/leaflet\.css.*$/, "") : "/assets/";
  }

  var leafletWaiting = null;   // what to do once Leaflet has loaded, while it loads

  function withLeaflet(then) {
    // Leaflet (assets/vendor/leaflet.js) is not among the page's scripts: loaded here, once.
    if (typeof L !== "undefined") return then();
    if (leafletWaiting) return leafletWaiting.push(then);
    leafletWaiting = [then];
    var script = document.createElement("script");
    script.src = assetsBase() + "vendor/leaflet.js";
    script.onload = function () {
      var waiting = leafletWaiting;
      leafletWaiting = null;
      waiting.forEach(function (f) { f(); });
    };
    script.onerror = function () { leafletWaiting = null; };
    document.head.appendChild(script);
  }

  function setProps(id, data) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props(id, {data: data});
    }
  }

  // --- TopoJSON: quantized, delta-encoded arcs shared by the countries -----------------------
  function decodeArcs(topology) {
    var scale = topology.transform.scale, translate = topology.transform.translate;
    return topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (point) {
        x += point[0]; y += point[1];
        return [y * scale[1] + translate[1], x * scale[0] + translate[0]];   // [lat, lon]
      });
    });
  }

  function polygonsOf(geometry) {
    if (geometry.type === "Polygon") return [geometry.arcs];
    if (geometry.type === "MultiPolygon") return geometry.arcs;
    return [];
  }

  function ring(arcs, indexes) {
    var points = [];
    indexes.forEach(function (i, n) {
      var part = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      points = points.concat(n === 0 ? part : part.slice(1));
    });
    return points;
  }

  // The atlas's shapes cross the antimeridian (Russia's east, Fiji): a point at 179.9 is followed
  // by one at -179.9. Drawn flat, that step was a line across the whole world. A land's outline is
  // drawn on past 180 instead (each longitude within 180 of the last), where it comes back to its
  // start so (Antarctica's, which goes round the pole, is left as it is); a coast or border is cut
  // there in two.
  var WORLD = 360;

  function unwrapped(points) {
    var out = [], shift = 0;
    points.forEach(function (p, n) {
      if (n) {
        var step = p[1] + shift - out[n - 1][1];
        if (step > WORLD / 2) shift -= WORLD; else if (step < -WORLD / 2) shift += WORLD;
      }
      out.push([p[0], p[1] + shift]);
    });
    return shift === 0 ? out : points;
  }

  function cutAtAntimeridian(lines) {
    var out = [];
    lines.forEach(function (points) {
      var piece = [points[0]];
      for (var n = 1; n < points.length; n++) {
        if (Math.abs(points[n][1] - points[n - 1][1]) > WORLD / 2) { out.push(piece); piece = []; }
        piece.push(points[n]);
      }
      out.push(piece);
    });
    return out.filter(function (piece) { return piece.length > 1; });
  }

  function drawBasemap(topology) {
    var arcs = decodeArcs(topology);
    var uses = {};
    var land = [];
    topology.objects.countries.geometries.forEach(function (geometry, g) {
      polygonsOf(geometry).forEach(function (polygon) {
        land.push(polygon.map(function (r) { return unwrapped(ring(arcs, r)); }));
        polygon.forEach(function (r) {
          r.forEach(function (i) {
            var a = i >= 0 ? i : ~i;
            uses[a] = uses[a] || {};
            uses[a][g] = true;
          });
        });
      });
    });
    var coast = [], borders = [];
    Object.keys(uses).forEach(function (a) {
      (Object.keys(uses[a]).length > 1 ? borders : coast).push(arcs[+a]);
    });
    coast = cutAtAntimeridian(coast);
    borders = cutAtAntimeridian(borders);
    var renderer = baseRenderer;
    var group = L.layerGroup([
      L.polygon(land, {renderer: renderer, stroke: false, fillColor: "#f2efe9", fillOpacity: 1,
                       interactive: false}),
      L.polyline(coast, {renderer: renderer, color: "#7a93a8", weight: 1, interactive: false}),
      L.polyline(borders, {renderer: renderer, color: "#8c8c8c", weight: 1, dashArray: "4 3",
                           interactive: false}),
    ]).addTo(map);
    // Under the regions' borders drawn already: borders, then coast, then land to the back.
    group.getLayers().slice().reverse().forEach(function (layer) { layer.bringToBack(); });
    return group;
  }

  function asset(file) {
    return fetch(assetsBase() + file, {credentials: "same-origin"}).then(function (r) { return r.json(); });
  }

  var asked = {};          // the files fetched once the map is close enough, by name

  function whenClose(file, zoom, name, draw) {
    // Fetched and drawn the first time the map is zoomed to `zoom` or closer; then the map
    // element says data-NAME="drawn" (the browser tests read it).
    if (asked[file] || basemap !== "vector" || map.getZoom() < zoom) return;
    asked[file] = true;
    asset(file)
      .then(function (data) { draw(data); document.getElementById("map").setAttribute("data-" + name, "drawn"); })
      .catch(function () { asked[file] = false; });
  }

  function drawDetail() {
    whenClose(DETAILED, DETAIL_ZOOM, "detail", function (topology) {
      detailed = drawBasemap(topology);
      if (coarse) map.removeLayer(coarse);
    });
  }

  function drawRegions() {
    // A region's shape reads from REGION_ZOOM: its borders, delta-encoded (timeline/basemap.py).
    whenClose(REGIONS, REGION_ZOOM, "regions", function (data) {
      var lines = data.lines.map(function (flat) {
        var x = flat[0], y = flat[1], points = [[y * data.scale, x * data.scale]];
        for (var i = 2; i < flat.length; i += 2) {
          x += flat[i]; y += flat[i + 1];
          points.push([y * data.scale, x * data.scale]);
        }
        return points;
      });
      L.polyline(lines, {renderer: baseRenderer, color: "#a8a8a8", weight: 0.8, dashArray: "2 3",
                         interactive: false}).addTo(map)
        .bringToFront();   // (over the land, in the basemap's own pane, under every mark)
    });
  }

  // A reader who asks for less motion gets none: the map's zooms and pans jump (Leaflet animated them).
  function still() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function makeMap(element, data) {
    map = L.map(element, {worldCopyJump: true, minZoom: 1, maxZoom: 18, zoomSnap: 0.5, fadeAnimation: false,
                          zoomAnimation: !still(), markerZoomAnimation: !still(), inertia: !still(),
                          attributionControl: true, keyboard: true, zoomControl: false});
    // Leaflet's zoom buttons, named in the page's language (Leaflet's own names are English).
    L.control.zoom({zoomInTitle: word("Zoom in"), zoomOutTitle: word("Zoom out")}).addTo(map);
    map.attributionControl.setPrefix("");
    if (still()) {  // (the arrow keys' pans and a list's pan into view go through panBy: no slide either)
      var panBy = map.panBy;
      map.panBy = function (offset, options) { return panBy.call(map, offset, L.extend({}, options, {animate: false})); };
    }
    map.createPane("basemap").style.zIndex = 350;     // over tiles (200), under marks (400)
    // Towns in panes of their own, under the marks and their labels: drawn anew as the map moves
    // without the marks, they are never drawn over them.
    map.createPane("towns").style.zIndex = 390;
    map.createPane("townNames").style.zIndex = 640;   // (under the tooltips' pane, 650)
    baseRenderer = L.canvas({padding: 0.5, pane: "basemap"});
    if (data.tiles && data.tiles.url) {
      L.tileLayer(data.tiles.url, {attribution: data.tiles.attribution || "", maxZoom: 19}).addTo(map);
      basemap = "tiles";
    } else {
      element.classList.add("vector-basemap");
      map.attributionControl.addAttribution("Natural Earth; GeoNames");
      asset(BASEMAP)
        .then(function (topology) {
          if (!detailed) coarse = drawBasemap(topology);
          element.setAttribute("data-basemap", "drawn");
        })
        .catch(function () { element.setAttribute("data-basemap", "failed"); });
      basemap = "vector";
    }
    map.on("movestart", function () { moving = true; });
    map.on("moveend", function () { moving = false; });
    map.on("moveend", report);
    map.on("autopanstart", function () {
      // A place's list opened near the edge moves the map to show it whole: a move of the page's.
      automatic = listPan = true;
      marks.eachLayer(function (layer) {
        if (layer.isPopupOpen && layer.isPopupOpen()) reopen = {ids: layer.options.eventIds.join(" ")};
      });
    });
    map.on("zoomend", drawRegions);
    map.on("zoomend", drawDetail);
    map.on("zoomend moveend", function () { spaceTownNames(); });
    window.timelineMap = map;   // the Leaflet map, for scripts of an embedding page and the browser tests
    marks = L.layerGroup().addTo(map);
    towns = L.layerGroup().addTo(map);
  }

  function decimal(value, places) {
    // As timeline/filters.py writes a number: at most `places` decimals, no trailing zeros.
    return String(+value.toFixed(places) + 0);
  }

  function wrapped(lon) {
    return lon > 180 || lon < -180 ? ((lon + 180) % 360 + 360) % 360 - 180 : lon;
  }

  function report() {
    // A map folded away (the phone's Map button) has no view to tell: its bounds are a point.
    var size = map.getSize();
    if (!map.getContainer().offsetParent || !size.x || !size.y) {
      automatic = unwritten = false;
      return;
    }
    var only = document.getElementById("map-only");
    var keeping = only && only.getAttribute("aria-pressed") === "true";
    if (listPan && keeping) {
      // A place's list shown whole moved the map: "Only what is on the map" keeps the area the
      // viewer chose (it followed the move, and the list of 19 events in view became 7), and the
      // list stays open as it is.
      listPan = automatic = unwritten = false;
      reopen = null;
      return;
    }
    listPan = false;
    var place = here(), bounds = place[0], view = place[1];
    var key = JSON.stringify(place);
    if (key === reported) return;
    reported = key;
    var byViewer = !automatic, kept = unwritten;
    automatic = unwritten = false;
    setProps("map-view", {bounds: bounds, view: view});
    // The page's first fit is not put in the address (a link with no map= fits the events to the
    // screen it is opened on), nor a step back's move (the address says it); its other moves
    // (bringing a chosen event into view, a place's list into view) are, once the viewer has
    // placed the map, or the events kept fit elsewhere than the map was fitted (refitted): the
    // address then says where the map is.
    if (kept || (!byViewer && !placed() && !refitted())) return;
    // (Once a viewer's action being answered is in the address: assets/address.js.)
    window.timelineAddress("map", function () { writePlace(bounds, view); });
  }

  function here() {
    // Where the map is: its bounds (south, west, north, east), and its zoom, latitude, longitude.
    var b = map.getBounds(), c = map.getCenter();
    var bounds = [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map(function (v) { return +v.toFixed(3); });
    return [bounds, [+map.getZoom().toFixed(1), +c.lat.toFixed(4), +wrapped(c.lng).toFixed(4)]];
  }

  function refitted() {
    return JSON.stringify(fitNow) !== JSON.stringify(firstBounds);
  }

  function placed() {
    return /(^|[?&])map=/.test(window.location.search);
  }

  function writeHere() {
    // The map is fitted once, to the events the page opened on; it stays put as the filters or
    // the chart's range change what it keeps. A link with no map= opens the map on the events it
    // keeps (`?category=security`: on Almaty, at zoom 8.5, where the sender's map was still over
    // Europe and Central Asia, at 3.5): so once they fit elsewhere, the address says where the
    // map is. (Not a map folded away: its bounds are a point; it says so when it is unfolded.)
    var size = map.getSize();
    if (placed() || !refitted() || !map.getContainer().offsetParent || !size.x || !size.y) return;
    var place = here();
    window.timelineAddress("map", function () { writePlace(place[0], place[1]); });
  }

  function writePlace(bounds, view) {
    // Where the map is goes into the address in place, as the chart's zoom does: a link opens
    // on the same place, and a pan is not a step in the browser's history. With "Only what is
    // on the map" on, the area it keeps goes too: on as the address has it when written (an
    // answer that turned it on or off may have come since the map moved).
    var keeping = /(^|[?&])area=/.test(window.location.search);
    var pairs = window.location.search.replace(/^[?]/, "").split("&").filter(function (p) {
      return p && !p.startsWith("map=") && !p.startsWith("area=");
    });
    if (keeping) pairs.push("area=" + bounds.map(function (v) { return decimal(v, 3); }).join(","));
    pairs.push("map=" + view.map(function (v) { return decimal(v, 4); }).join("/"));
    var search = "?" + pairs.join("&");
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, "", window.location.pathname + search + window.location.hash);
      if (window.dash_clientside && window.dash_clientside.set_props) {
        window.dash_clientside.set_props("url", {search: search, href: window.location.href});
      }
    }
  }

  function moveByPage(move, kept) {
    // A move the page makes (the first fit, bringing a chosen event into view): at once, so that
    // its moveend comes before anything else moves the map. `kept`: the address is not written.
    automatic = true;
    unwritten = !!kept;
    move();
    automatic = unwritten = false;
  }

  // A step back or forward in the browser's history: the map goes where that address has it
  // (map=), or back to the events' fit where it has none.
  window.addEventListener("popstate", function () {
    if (!map) return;
    var found = /(?:^|[?&])map=([^&]*)/.exec(window.location.search);
    var view = found ? decodeURIComponent(found[1]).split("/").map(Number) : [];
    var placed = view.length === 3 && view.every(isFinite);
    // (A place of the map waiting to be written, a move before this step, is not written.)
    if (window.timelineAddress) window.timelineAddress("map", null);
    if (!placed && !firstBounds) return;
    moveByPage(function () {
      if (placed) map.setView([view[1], view[2]], view[0], {animate: false});
      else map.fitBounds([[firstBounds[0], firstBounds[1]], [firstBounds[2], firstBounds[3]]], {animate: false});
    }, true);
  });

  function choose(id) {
    // (a list the map moved to show whole is not opened again once an event is chosen from it:
    // opened again, it moved the map again, whose new address could overtake the choice)
    reopen = null;
    map.closePopup();
    // A title chosen while the map still slides to show its list whole: the choice is sent when
    // the slide ends, after the address the slide writes (report). Sent before it, the choice was
    // overtaken by that address whenever the server answered slower than the slide (Dash keeps
    // the newest call's answer), and the event chosen was never selected.
    var send = function () { setProps("map-choice", {id: id, at: Date.now()}); };
    if (moving) map.once("moveend", send);
    else send();
  }

  function overlapping(layer) {
    // The place marks whose circles cross this one's (this one first): a tap on one of two
    // places a few pixels apart, as Zhanaozen and Aktau are when a phone shows all of
    // Kazakhstan, reached only the mark drawn on top.
    var here = map.latLngToLayerPoint(layer.getLatLng()), found = [layer];
    marks.eachLayer(function (other) {
      if (other === layer || !other.options.mark) return;
      var there = map.latLngToLayerPoint(other.getLatLng());
      if (here.distanceTo(there) < layer.getRadius() + other.getRadius()) found.push(other);
    });
    return found;
  }

  function choosers(layers) {
    // The lists of the marks `layers`, one after the other (a place's own list when alone), each
    // headed by its place's name, as the file writes it (alone too: "7 events here" named no
    // place where the mark's label is not drawn).
    var lists = layers.map(function (layer) {
      var list = chooser(layer.options.mark);
      if (layer.options.mark.place) {
        var place = document.createElement("p");
        place.className = "map-place";
        place.textContent = layer.options.mark.place;
        list.insertBefore(place, list.firstChild);
      }
      return list;
    });
    if (lists.length === 1) return lists[0];
    var box = document.createElement("div");
    box.className = "map-choices-shared";
    lists.forEach(function (list) { box.appendChild(list); });
    return box;
  }

  function chooser(mark) {
    // Several events at one place: a short list to choose from, each title a button.
    var box = document.createElement("div");
    box.className = "map-choices";
    var heading = document.createElement("p");
    heading.textContent = mark.heading;  // (the reader's language: timeline.view.map)
    box.appendChild(heading);
    var list = document.createElement("ul");
    mark.events.forEach(function (event) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = event.title;
      button.addEventListener("click", function () { choose(event.id); });
      item.appendChild(button);
      list.appendChild(item);
    });
    box.appendChild(list);
    if (mark.more) {
      var more = document.createElement("p");
      more.textContent = mark.more;
      box.appendChild(more);
    }
    return box;
  }

  var drawn = "";           // the marks drawn, as JSON: a move that changes none redraws none
  var drawnTowns = "";      // the towns drawn, as JSON
  var townNames = [];       // the towns' names drawn, largest town first

  function spaceTownNames() {
    // A town's name that would lie over a larger town's is left out at this zoom (Tianjin's over
    // Beijing's, Shenzhen's over Guangzhou's, each unreadable): names are drawn largest first. So
    // is a name the map's edge would cut ("Delh" for Delhi).
    var kept = [];
    var frame = map.getContainer().getBoundingClientRect();
    if (!frame.width || !frame.height) return;   // (folded away: spaced when shown)
    townNames.forEach(function (label) {
      var box = label.parentNode || label;   // (Leaflet's tooltip around the name: hidden or shown)
      box.style.visibility = "";
      var r = label.getBoundingClientRect();  // (the name's own extent, not the tooltip's padding)
      var over = r.right > frame.right || r.left < frame.left || r.top < frame.top || r.bottom > frame.bottom ||
        kept.some(function (k) {
        return r.left < k.right && k.left < r.right && r.top < k.bottom && k.top < r.bottom;
      });
      box.style.visibility = over ? "hidden" : "";
      if (!over) kept.push(r);
    });
  }

  function drawTowns(list) {
    // The largest towns in view, named: they change with each move of the map, and are drawn
    // apart from the marks, which a move mostly leaves as they were (drawMarks).
    var key = JSON.stringify(list || []);
    if (key === drawnTowns) return;
    drawnTowns = key;
    towns.clearLayers();
    townNames = [];
    (list || []).forEach(function (town) {
      var dot = L.circleMarker([town.lat, town.lon], {radius: 2, color: "#555", weight: 1, pane: "towns",
                                                       fillOpacity: 1, interactive: false});
      var label = document.createElement("span");
      label.textContent = town.name;
      dot.bindTooltip(label, {permanent: true, direction: "right", className: "town-label", pane: "townNames",
                              offset: [4, 0], interactive: false});
      towns.addLayer(dot);
      hideFromReaders(dot);  // (a town's name is the map's drawing, not something to read out)
      townNames.push(label);
    });
    spaceTownNames();
  }

  function drawMarks(data) {
    drawTowns(data.towns);
    var key = JSON.stringify([data.kind, data.marks]);
    // A place's list of events that the map moved to show whole: opened again on the place's new
    // mark when the marks for the new view come (the draw after that move only).
    var open = reopen;
    reopen = null;
    if (key === drawn) return;
    drawn = key;
    var active = document.activeElement;
    if (open) open.focused = !!(active && active.closest && active.closest(".leaflet-popup"));
    // A mark as it was is kept, its layer and its list: a move of the map changes the marks at
    // its edges, and a place's list open in the middle stays the very list (drawn anew with all
    // the marks, it was closed, or replaced under a finger pressing a title). A mark that changed
    // or left the view is removed; one with focus (a title just chosen from its list gives it
    // back focus) gives it to its new mark, not to the page's body.
    var wanted = {};
    data.marks.forEach(function (mark) { wanted[JSON.stringify([data.kind, mark])] = true; });
    var focused = null, kept = {};
    marks.eachLayer(function (layer) {
      if (wanted[layer.options.key]) { kept[layer.options.key] = true; return; }
      if (layer.getElement && layer.getElement() === active) focused = layer.options.eventIds || null;
      marks.removeLayer(layer);
    });
    // A place's list at most 280 px wide, and within the map on the narrowest phone: Leaflet
    // adds 45 px of margins to it, and its slide keeps 8 px from each edge.
    var listWidth = function () { return Math.max(120, Math.min(280, map.getSize().x - 45 - 16)); };
    data.marks.forEach(function (mark) {
      var key = JSON.stringify([data.kind, mark]);
      if (kept[key]) return;
      kept[key] = true;
      var layer;
      if (data.kind === "counts") {
        layer = L.circleMarker([mark.lat, mark.lon], {
          radius: Math.min(Math.max(MARK_RADIUS, 6 + 3 * Math.sqrt(mark.count)), 30), color: "#1f3b57", weight: 1,
          fillColor: "#4f7faa", fillOpacity: 0.55, className: "map-count"});
        var count = document.createElement("span");
        count.textContent = mark.shown;
        layer.bindTooltip(count, {permanent: true, direction: "center", className: "count-label"});
        layer.on("click", function () {
          map.setView([mark.lat, mark.lon], Math.min(map.getZoom() + 2, 18), {animate: !still()});
        });
      } else {
        layer = L.circleMarker([mark.lat, mark.lon], {
          radius: mark.selected ? 14 : MARK_RADIUS + Math.min(mark.count - 1, 5),
          color: mark.selected ? "#d00000" : mark.disputed ? "#111111" : "#333333",
          weight: mark.selected || mark.disputed ? 3 : 1.5,
          dashArray: mark.approximate ? "3 3" : null,
          fillColor: mark.colour, fillOpacity: 0.85,
          className: "map-mark" + (mark.selected ? " selected" : "")});
        var hover = document.createElement("span");
        hover.textContent = mark.hover;
        layer.bindTooltip(hover);
        layer.options.mark = mark;
        if (mark.count === 1) {
          layer.on("click", function () {
            if (layer.getPopup()) return;  // (its lists open: Leaflet's own click closes them)
            var near = overlapping(layer);
            if (near.length === 1) return choose(mark.events[0].id);
            // Over or under another place's mark: the lists of both, to choose from, bound to it
            // while open, as a place's list is (its focus, its Escape, its Close in the reader's
            // language: `name`), and unbound once closed, so that a later click chooses at once.
            layer.bindPopup(choosers(near), {maxWidth: listWidth(), autoPanPadding: [8, 8]});
            layer.once("popupclose", function () { setTimeout(function () { layer.unbindPopup(); }, 0); });
            layer.openPopup();
          });
          layer.on("add", function () {
            // A button to the keyboard too: Enter or Space chooses its event (Leaflet makes a
            // click of Enter only on a mark with a list; Space scrolled the page).
            var element = layer.getElement && layer.getElement();
            if (!element) return;
            element.addEventListener("keydown", function (key) {
              if (key.key !== "Enter" && key.key !== " ") return;
              key.preventDefault();
              key.stopPropagation();
              choose(mark.events[0].id);
            });
          });
        } else {
          // (its list, and those of the marks its circle crosses, as the list opens)
          layer.bindPopup(function () { return choosers(overlapping(layer)); },
                          {maxWidth: listWidth(), autoPanPadding: [8, 8]});
          layer.on("popupopen", function (opened) {
            // (as wide as the map lets it be when it opens: a phone turned, a window made narrower)
            if (opened.popup.options.maxWidth !== listWidth()) {
              opened.popup.options.maxWidth = listWidth();
              opened.popup.update();
            }
          });
        }
        layer.options.eventIds = mark.events.map(function (e) { return e.id; });
      }
      layer.options.key = key;
      marks.addLayer(layer);
      name(layer, data.kind === "counts" ? null : hover.textContent);
      if (focused && layer.options.eventIds && layer.options.eventIds.some(function (id) { return focused.indexOf(id) >= 0; })) {
        focused = null;
        var element = layer.getElement && layer.getElement();
        if (element) element.focus({preventScroll: true});
      }
      if (open && layer.getPopup() && layer.options.eventIds.join(" ") === open.ids) {
        quiet = !open.focused;
        open = null;
        layer.openPopup();
        quiet = false;
      }
    });
  }

  function hideFromReaders(layer) {
    var tip = layer.getTooltip && layer.getTooltip();
    var element = tip && tip.getElement && tip.getElement();
    if (element) element.setAttribute("aria-hidden", "true");
  }

  function name(layer, label) {
    // A mark a keyboard reaches is a button named by what it holds (its event's title, or "8
    // events"); its list of events takes focus when it opens, and gives it back when it closes.
    var element = layer.getElement && layer.getElement();
    if (!element || !label) return;
    // (A place's mark says which place: two marks read "7 events" alike. It opens a list, said
    // to be open or closed; the chosen event's mark is said to be the current one, as in the list.)
    var mark = layer.options.mark || {}, several = mark.count > 1;
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", several && mark.place ? mark.place + ": " + label : label);
    if (mark.selected) element.setAttribute("aria-current", "true");
    if (several) {
      element.setAttribute("aria-haspopup", "true");
      element.setAttribute("aria-expanded", "false");
      layer.on("popupopen", function () { element.setAttribute("aria-expanded", "true"); });
      layer.on("popupclose", function () { element.setAttribute("aria-expanded", "false"); });
    }
    layer.on("popupopen", function (event) {
      var popup = event.popup.getElement();
      var close = popup && popup.querySelector(".leaflet-popup-close-button");
      if (close) {  // (Leaflet names it "Close popup", in English)
        close.setAttribute("aria-label", word("Close the list"));
        close.title = word("Close the list");
      }
      var first = popup && popup.querySelector(".map-choices button");
      if (first && !quiet) first.focus({preventScroll: true});
      if (popup && !popup.dataset.escape) {
        popup.dataset.escape = "1";
        popup.addEventListener("keydown", function (key) {
          if (key.key === "Escape") { key.stopPropagation(); element.focus({preventScroll: true}); map.closePopup(); }
        });
      }
    });
    layer.on("popupclose", function (event) {
      var popup = event.popup.getElement();
      var lost = !document.activeElement || document.activeElement === document.body;
      if (lost || (popup && popup.contains(document.activeElement))) element.focus({preventScroll: true});
    });
  }

  var chosenPlace = "null";  // the chosen event's place when last drawn (JSON)

  function draw(data, element) {
    if (!map) makeMap(element, data);
    var chosen = JSON.stringify(data.selected || null), newlyChosen = chosen !== chosenPlace;
    chosenPlace = chosen;
    fitNow = data.fit;
    if (!fitted) {
      fitted = true;
      firstBounds = data.fit;
      moveByPage(function () {
        if (data.view) {
          map.setView([data.view[1], data.view[2]], data.view[0], {animate: false});
        } else {
          var b = data.bounds;
          map.fitBounds([[b[0], b[1]], [b[2], b[3]]], {animate: false});
        }
      }, true);
      // A link with "Only what is on the map" (area=) opened on a narrower screen than the
      // sender's: at the sender's zoom the map showed less than the area the list keeps (a
      // phone: "0 events on the map; 10 outside its view"); it shows all of it. (A hundredth
      // of the map and a thousandth of a degree either way: the area is written to three
      // decimals, a little beyond the map's own bounds on the sender's screen, by as much as a
      // tenth of a map at a street's zoom.)
      var a = data.area, b = map.getBounds().pad(0.01), slack = 0.001;
      var room = L.latLngBounds([b.getSouth() - slack, b.getWest() - slack], [b.getNorth() + slack, b.getEast() + slack]);
      if (data.view && a && !room.contains([[a[0], a[1]], [a[2], a[3]]])) {
        moveByPage(function () { map.fitBounds([[a[0], a[1]], [a[2], a[3]]], {animate: false}); }, true);
      }
    } else if (newlyChosen && data.selected && !map.getBounds().contains(data.selected)) {
      // An event chosen elsewhere: bring its place into view (once: the viewer, or a place's
      // list shown whole, may move the map away from it then).
      moveByPage(function () { map.panTo(data.selected, {animate: false}); });
    }
    writeHere();
    drawMarks(data);
    drawRegions();
    drawDetail();
    element.setAttribute("data-kind", data.kind);
    element.setAttribute("data-marks", String(data.marks.length));
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.timeline_map = {
    draw: function (data) {
      var element = document.getElementById("map");
      if (!data || !element) return window.dash_clientside.no_update;
      if (element.offsetParent === null && !map) {
        // Hidden (the phone's map tab is closed): drawn when it is shown.
        element.pendingData = data;
        return window.dash_clientside.no_update;
      }
      if (typeof L === "undefined") {
        // Leaflet comes after the chart, the first time the map is drawn (timeline/app/preload.py).
        element.pendingData = data;
        withLeaflet(function () {
          if (element.pendingData) {
            var waiting = element.pendingData;
            element.pendingData = null;
            draw(waiting, element);
            map.invalidateSize();
            setProps("map-drawn", waiting.marks.length);
          }
        });
        return window.dash_clientside.no_update;
      }
      draw(data, element);
      map.invalidateSize();
      return data.marks.length;
    },
    toggle: function (_clicks, className) {
      // The phone: the Map button unfolds the map (and folds it again); what waited is drawn.
      var open = !/(^| )open( |$)/.test(className || "");
      setTimeout(function () {
        var element = document.getElementById("map");
        if (open && element && element.pendingData) {
          withLeaflet(function () {
            if (!element.pendingData) return;
            var waiting = element.pendingData;
            element.pendingData = null;
            draw(waiting, element);
            map.invalidateSize();
            setProps("map-drawn", waiting.marks.length);
          });
        }
        if (map) map.invalidateSize();
      }, 0);
      return [open ? "map-section open" : "map-section", open ? "true" : "false",
              word(open ? "Hide the map" : "Show the map")];
    },
  };
})();
