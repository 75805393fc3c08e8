// Dash 4's Checklist and Dropdown, as they render, break rules that screen readers and
// keyboards rely on (axe-core: nested-interactive, aria-input-field-name, aria-hidden-focus).
// The attributes are set right here, whenever Dash draws them; what the components do is kept.
//
// - Checklist: its checkboxes are native inputs in labels, grouped by the fieldset's legend;
//   Dash also calls the list a listbox and each label an option, which a reader announces as
//   options that hold checkboxes. The roles go: a group of checkboxes is read as one.
// - Dropdown: Dash puts a hidden input (aria-hidden, tabbable) before the button, which hands
//   focus on to the button, and takes the button out of the tab order; Shift+Tab stopped on the
//   hidden input. The button is tabbable, the hidden input is not; the button is named by its
//   label too ("Outlets: All outlets"), not by its value alone. Open, its options are checkboxes
//   in labels that Dash also calls options of a listbox, in a dialog with no name, under a search
//   box named only by its placeholder: the roles go (a named group of checkboxes, as for the
//   checklist), the dialog and the search box are named after the dropdown's label.
// - Previous and Next at either end ("nowhere" to go) stay enabled, so that focus is not lost
//   from them: they say aria-disabled.
// - The chart's drawing (plotly's SVG layers) is hidden from screen readers: a reader would hear
//   every title, tick and legend word on it as one image's name. The figure is named by its
//   summary (how many events, from when to when, the categories) and links to the list of the
//   same events, which says each one's date, title and whether it is disputed.
// - Dropdown, open: Dash's Tab went round its search box and options and never left them, and
//   never reached Select all and Deselect all. Tab now goes search box, Select all, Deselect all,
//   the options (the arrow keys go from one to the next, as Dash has them), and on out of the
//   dropdown, closing it, to the control after it; Shift+Tab goes back the same way, out to the
//   dropdown's button.
// - A date filter whose date cannot be read (the server gives its box the class "invalid") says
//   aria-invalid, and is described by the notice that says why (#problems).
(function () {
  "use strict";
  var queued = false;

  function set(element, name, value) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }

  function fix() {
    queued = false;
    document.querySelectorAll(
      ".dash-checklist[role], .dash-checklist [role=option], .dash-checklist [aria-selected], " +
      ".dash-dropdown-options [role=option], .dash-dropdown-options [aria-selected]"
    ).forEach(function (el) {
      el.removeAttribute("role");
      el.removeAttribute("aria-selected");
    });
    document.querySelectorAll(".dash-dropdown-content").forEach(function (content) {
      var trigger = content.id && document.querySelector('button.dash-dropdown[aria-controls="' + content.id + '"]');
      var label = trigger && trigger.id && document.querySelector('label[for="' + trigger.id + '"]');
      var name = label ? label.textContent.trim() : "";
      if (!name) return;
      set(content, "aria-label", name);
      var list = content.querySelector(".dash-dropdown-options");
      if (list) {
        set(list, "role", "group");
        set(list, "aria-label", name);
      }
      var search = content.querySelector("input.dash-dropdown-search");
      if (search) set(search, "aria-label", name + ": " + (search.getAttribute("placeholder") || ""));
    });
    document.querySelectorAll(".control.dates input, .control.as-of input").forEach(function (input) {
      if (input.parentElement.classList.contains("invalid")) {  // (Dash puts the class on the box's wrapper)
        set(input, "aria-invalid", "true");
        set(input, "aria-describedby", "problems");
      } else {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
    });
    document.querySelectorAll(".timeline-graph svg.main-svg").forEach(function (svg) {
      set(svg, "aria-hidden", "true");
    });
    document.querySelectorAll("button.step").forEach(function (button) {
      set(button, "aria-disabled", button.classList.contains("nowhere") ? "true" : "false");
    });
    document.querySelectorAll(".dash-dropdown-wrapper").forEach(function (wrapper) {
      var hidden = wrapper.querySelector(".dash-dropdown-focus-target");
      var button = wrapper.querySelector("button.dash-dropdown");
      if (!button) return;
      if (hidden) set(hidden, "tabindex", "-1");
      if (!button.disabled) set(button, "tabindex", "0");
      var label = button.id && document.querySelector('label[for="' + button.id + '"][id]');
      var names = (button.getAttribute("aria-labelledby") || "").split(" ");
      if (label && names[0] !== label.id) set(button, "aria-labelledby", [label.id].concat(names).join(" ").trim());
    });
  }

  var TABBABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), " +
    "textarea:not([disabled]), [tabindex]";

  function tabbable(element) {
    return element.tabIndex >= 0 && element.getClientRects().length > 0 && !element.closest("[aria-hidden=true], [inert]");
  }

  // Closes an open dropdown as Escape does (Radix's popover, under Dash's, listens for it); once
  // it has given focus back to its button, `after` with that button.
  function close(content, after) {
    var trigger = content.id && document.querySelector('button.dash-dropdown[aria-controls="' + content.id + '"]');
    (document.activeElement || content).dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true, cancelable: true}));
    var frames = 0;
    (function wait() {
      var closed = !content.isConnected && document.activeElement === trigger;
      if (!closed && frames++ < 30) {
        requestAnimationFrame(wait);
      } else if (trigger) {
        after(trigger);
      }
    })();
  }

  // Dash's own keys (its options move with the arrow keys from where its last key left them).
  function dashKey(element, key) {
    element.dispatchEvent(new KeyboardEvent("keydown", {key: key, bubbles: true, cancelable: true}));
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
    var content = event.target && event.target.closest ? event.target.closest(".dash-dropdown-content") : null;
    if (!content) return;
    var search = content.querySelector("input.dash-dropdown-search");
    var stops = (search ? [search] : []).concat(
      Array.prototype.slice.call(content.querySelectorAll(".dash-dropdown-action-button")));
    var inOptions = !!event.target.closest(".dash-dropdown-options");
    var here = inOptions ? stops.length : stops.indexOf(event.target);
    if (here < 0) return;
    event.preventDefault();
    event.stopPropagation();  // (before Dash's own, which would go round the options)
    var to = here + (event.shiftKey ? -1 : 1);
    var options = content.querySelector(".dash-options-list-option-checkbox");
    if (to < 0) {
      close(content, function (trigger) { trigger.focus(); });
    } else if (to < stops.length) {
      // (Back from the options: Dash's Home first, which goes to the search box and starts its
      // arrow keys from there again, as they start when it opens.)
      if (inOptions) dashKey(event.target, "Home");
      stops[to].focus();
    } else if (to === stops.length && !inOptions && options) {
      dashKey(event.target, "ArrowDown");  // (Dash's: its first option, its arrow keys going on from there)
    } else {
      close(content, function (trigger) {
        var all = Array.prototype.filter.call(document.querySelectorAll(TABBABLE), tabbable);
        var next = all.slice(all.indexOf(trigger) + 1).filter(function (element) { return !trigger.contains(element); })[0];
        (next || trigger).focus();
      });
    }
  }, true);

  new MutationObserver(function () {
    if (!queued) {
      queued = true;
      Promise.resolve().then(fix);
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true,
    attributeFilter: ["role", "tabindex", "aria-labelledby", "aria-selected", "class"],
  });
})();
