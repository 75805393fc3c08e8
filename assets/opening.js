// The opening view comes with the page (timeline/app/opening.py): the page's HTML carries the
// figure and the stores for its address; Dash's layout_post hook calls this with the layout as
// it arrives, before the first render, so the chart's first draw is the real figure and no
// callback has to answer first. If the events file changed between the page and its layout
// (the versions differ), nothing is changed: the callbacks draw the newer file, as before.
// The words the page's scripts write, in the page's language (the opening block's `words`,
// by their English text; an English page has none, and a word missing stays English).
window.timelineWord = function (english) {
  if (window.timelineWords === undefined) {
    var element = document.getElementById("opening");
    try { window.timelineWords = (element && JSON.parse(element.textContent).words) || {}; }
    catch (error) { window.timelineWords = {}; }
  }
  return window.timelineWords[english] || english;
};

window.timelineOpening = function (layout) {
  var element = document.getElementById("opening");
  if (!element) return;
  var opening = JSON.parse(element.textContent);
  // A page whose address asks for another language than the browser's brings its layout in
  // that language (Dash asks for the layout without the address): it takes the place of Dash's.
  if (opening.layout && opening.layout.props && layout && layout.props) layout.props = opening.layout.props;
  var byId = {};
  (function walk(node) {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === "object" && node.props) {
      if (typeof node.props.id === "string") byId[node.props.id] = node.props;
      walk(node.props.children);
    }
  })(layout);
  var wanted = ["data-version", "timeline", "view", "zoom", "refused"];
  if (wanted.some(function (id) { return !byId[id]; })) return;
  if (byId["data-version"].data !== opening.version) return;
  byId.timeline.figure = opening.figure;
  byId.view.data = opening.view;
  byId.zoom.data = opening.zoom;
  byId.refused.data = opening.refused;
  // The address's outlets as the Outlets dropdown's choices until the callbacks give them all: a
  // value it has no choice for it drops, and the link's outlet was lost so as the page opened.
  if (byId["source-filter"] && opening.outlets) byId["source-filter"].options = opening.outlets;
};
