// Choosing an event keeps the reader's place, and focus goes where the reader's attention goes.
//
// - A link that selects an event (in the list, or the panel's Close) is followed in place:
//   the address changes as dcc.Link changes it (history.pushState, then dcc.Location is told),
//   but the page is not scrolled to the top as dcc.Link scrolls it.
// - Chosen from the list, focus moves to the panel's heading once it shows the event; Close
//   returns focus to the event in the list (scrolled to only when closed from the keyboard).
// - A new event in the panel starts at its top, and its title is said by the live region
//   (#announcer), not every account.
// - The skip links move focus to the list without changing the address.
// - An outlet's button pressed in the overview: the panel is drawn again for the outlet, and
//   focus goes to that outlet's new button (else to the overview's heading), not the page's body.
// - Where the panel is a sheet over the bottom of the screen (a phone, a narrow window), a mark
//   tapped or clicked on the chart or the map, or a row of the list, is scrolled to above the
//   sheet it opens, not left under it.
// Without this file every link still works: as a plain link, which reloads the page.
(function () {
  "use strict";
  var siteTitle = document.title;  // the page's title as it came: the site's
  var pending = null;        // {focus: "heading" | "list", event: id}, until the panel shows it
  var shownEvent = null;     // the event the panel shows
  var focusWas = null;       // where focus last was: "panel" (the heading or a link in the panel)
                             // or "list"; null once the reader presses a pointer elsewhere
  var pressed = null;        // an outlet's button pressed in the overview, until it is drawn again
                             // (or the reader clicks or moves focus elsewhere first)
  var onMark = null;        // {y: page y, at: ms}: where a pointer last pressed a mark (chart, map)

  function plainClick(event) {
    return !(event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
             event.shiftKey || event.altKey);
  }

  function follow(href) {
    // The map's place (map=, where the viewer put it: assets/map.js) goes along: the links are
    // made by the server, which knows the view but not where the map is.
    var place = /(?:^|[?&])(map=[^&]*)/.exec(window.location.search);
    if (place && !/[?&]map=/.test(href)) href = href.replace(/(#|$)/, (href.indexOf("?") < 0 ? "?" : "&") + place[1] + "$1");
    window.history.pushState({}, "", href);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));   // dcc.Location listens
  }

  function listLink(id) {
    var links = document.querySelectorAll("#event-list a.event-link");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-event") === id) return links[i];
    }
    return null;
  }

  function focusInSight(element) {
    // Focus that moves the page no more than it must: none where the element is in the window,
    // else just enough to show it.
    element.focus({preventScroll: true});
    var shown = element.getBoundingClientRect();
    if (shown.top < 0 || shown.bottom > window.innerHeight) element.scrollIntoView({block: "nearest"});
  }

  function settle() {
    if (pressed && !pressed.isConnected) {
      // (Its id is its outlet's: Dash writes a pattern's id as JSON.)
      var again = document.getElementById(pressed.id) || document.getElementById("overview-title");
      pressed = null;
      if (again && (!document.activeElement || document.activeElement === document.body)) {
        again.focus({preventScroll: true});
      }
    }
    var heading = document.getElementById("event-title");
    var now = heading ? heading.getAttribute("data-event") : null;
    var movesFocus = false;
    if (pending && pending.focus === "heading" && now === pending.event) {
      pending = null;
      movesFocus = true;
      // (the reader keeps their place, the panel beside it; unless the panel, held by its
      // column's end at the page's end, has its heading above the window)
      focusInSight(heading);
    } else if (pending && pending.focus === "list" && !heading) {
      var link = listLink(pending.event);
      var keyed = pending.keyed;
      pending = null;
      // (Closed from the keyboard, the list scrolls to the event; closed with a click or a tap,
      // the page stays where the reader is: the chart they clicked on, not the list below.)
      // (An event the filters hide has no link in the list: focus goes to the overview's heading.)
      var back = link || document.getElementById("overview-title");
      if (back) back.focus(keyed ? undefined : {preventScroll: true});
    }
    var lost = !document.activeElement || document.activeElement === document.body;
    if (now !== shownEvent && heading && !movesFocus && lost && focusWas) {
      // Stepped (← →, Previous, Next) from the panel or the list, which were drawn again: focus
      // goes to the new event's heading, or, from the list, to its link there.
      // (The new event's link may be below the window: 35 steps down the list went out of sight.)
      var inList = focusWas === "list" ? listLink(now) : null;
      movesFocus = !inList;
      focusInSight(inList || heading);
    }
    if (now !== shownEvent) {
      shownEvent = now;
      // The window's title names the event shown (a tab, the history, a screen reader's window
      // list): it was the site's on every event.
      document.title = now && heading ? heading.textContent + " – " + siteTitle : siteTitle;
      var panel = document.getElementById("sources-panel");
      if (panel && now) panel.scrollTop = 0;
      if (panel && now) aboveTheSheet(panel);
      var announcer = document.getElementById("announcer");
      // Focus on the heading has it read already; else the live region says which event it is.
      if (announcer) announcer.textContent = now && !movesFocus ? (window.timelineWord ? window.timelineWord("Selected: ") : "Selected: ") + heading.textContent : "";
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target : null;
    pressed = null;
    if (!target || !plainClick(event)) return;
    var skip = target.closest("a.skip-link");
    if (skip) {
      var to = document.getElementById(skip.getAttribute("href").slice(1));
      if (to) {
        event.preventDefault();
        to.focus();
      }
      return;
    }
    var outlet = target.closest("#sources-panel .outlet-button");
    if (outlet) {
      pressed = outlet;
      return;
    }
    var link = target.closest("a.event-link, #sources-panel a.close");
    if (!link) return;
    event.preventDefault();
    var id = link.getAttribute("data-event");
    // (A click's detail counts the presses of a pointer: 0 for Enter on the link, or Escape.)
    pending = link.classList.contains("close") ? {focus: "list", event: id, keyed: event.detail === 0}
                                               : {focus: "heading", event: id};
    follow(link.getAttribute("href"));
    settle();
  });

  document.addEventListener("focusin", function (event) {
    var where = event.target && event.target.closest ? event.target : null;
    focusWas = where && where.closest("#sources-panel") ? "panel" : where && where.closest("#event-list") ? "list" : null;
    if (pressed && event.target !== pressed) pressed = null;
  });

  // (A pointer pressed elsewhere, on the chart or the map: where focus was no longer counts.)
  document.addEventListener("pointerdown", function (event) {
    focusWas = null;
    // (the chart's marks lie under plotly's drag layer, which takes the press: not the toolbar's or
    // the slider's; the map's are its marks and a place's list of events)
    var mark = event.target && event.target.closest
      ? event.target.closest("#timeline .draglayer, #map .map-mark, #map .leaflet-popup, #event-list a.event-link") : null;
    onMark = mark ? {x: event.clientX, y: event.clientY + window.scrollY, at: Date.now(),
                     row: mark.matches("#event-list a.event-link")} : null;
  }, true);
  // (a press that moved, a drag of the chart or the map, chose nothing: not scrolled to after)
  document.addEventListener("pointerup", function (event) {
    if (onMark && Math.abs(event.clientX - onMark.x) + Math.abs(event.clientY + window.scrollY - onMark.y) > 10) {
      onMark = null;
    }
  }, true);

  function aboveTheSheet(panel) {
    // The mark just tapped (a press on a mark in the last few seconds, which chose this
    // event), under the sheet it opened: the page scrolls it to just above the sheet's top, as
    // far as the page can scroll (the sheet leaves room for that below the page's end).
    var press = onMark;
    onMark = null;
    if (!press || Date.now() - press.at > 5000 || getComputedStyle(panel).position !== "fixed") return;
    // (a row of the list: where it is now, the list drawn again around the event chosen)
    var row = press.row ? listLink(shownEvent) : null, box = row && row.getBoundingClientRect();
    var top = panel.getBoundingClientRect().top, y = box ? box.top + box.height / 2 : press.y - window.scrollY;
    if (y > top - 32) window.scrollBy(0, y - (top - 56));
  }

  new MutationObserver(settle).observe(document.documentElement, {childList: true, subtree: true});
})();
