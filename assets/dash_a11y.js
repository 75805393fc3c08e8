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
//   label too ("Outlets: All outlets"), not by its value alone.
(function () {
  "use strict";
  var queued = false;

  function set(element, name, value) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }

  function fix() {
    queued = false;
    document.querySelectorAll(".dash-checklist[role], .dash-checklist [role=option]").forEach(function (el) {
      el.removeAttribute("role");
      el.removeAttribute("aria-selected");
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

  new MutationObserver(function () {
    if (!queued) {
      queued = true;
      Promise.resolve().then(fix);
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true,
    attributeFilter: ["role", "tabindex", "aria-labelledby", "aria-selected"],
  });
})();
