// The event list (timeline/app/components.py): an <ol> of the events listed, drawn from the items
// the server sends (timeline/app/render.py's event_list), as dash.html drew it: each item a link
// (select.js follows it in place) with its date, its category's swatch and words, and its title.
// Text is given to React as text, attributes as attributes: nothing in the data is read as HTML.
(function () {
  "use strict";
  var React = window.React;
  var h = React.createElement;

  function item(event) {
    if (event.empty) return h("li", {key: "empty", className: "empty"}, event.empty);
    var what = [
      // (its category in words too, for a screen reader and on hover: a colour alone says nothing)
      h("span", {key: "swatch", className: "swatch", style: {background: event.colour},
                 title: event.category, "aria-hidden": "true"}),
      h("span", {key: "category", className: "visually-hidden"}, event.category + ": "),
      h("span", {key: "title", className: "title", title: event.full_title || undefined, dir: "auto",
                 lang: event.lang || undefined}, event.title)
    ];
    if (event.disputed) what.push(h("span", {key: "disputed", className: "disputed-tag"}, event.disputed));
    return h("li", {key: event.id, className: event.selected ? "selected" : undefined,
                    "aria-current": event.selected ? "true" : undefined},
      h("a", {href: event.href, className: "event-link", "data-event": event.id},
        // (the date in a column of its own: a span's two dates wrap within it, the titles stay aligned)
        h("span", {className: "when"}, event.date), " ", h("span", {className: "what"}, what)));
  }

  function EventList(props) {
    // Drawn anew for each list the server sends (as Dash drew a callback's components): a link
    // that had focus is gone, and select.js puts focus where the reader was going.
    var drawn = React.useRef(0);
    var version = React.useMemo(function () { return ++drawn.current; }, [props.items]);
    return h(React.Fragment, null,
      h("ol", {key: version, id: props.id, className: props.className}, (props.items || []).map(item)));
  }

  window.timeline_components = Object.assign(window.timeline_components || {}, {EventList: EventList});
})();
