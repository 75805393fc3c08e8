// The Share control's Copy buttons (timeline/app/share.py): the text of the box beside the
// button goes to the clipboard; the box's text is selected either way, so that a browser that
// refuses the clipboard (a page served over plain http) still lets the viewer copy it by hand.
window.dash_clientside = window.dash_clientside || {};
window.dash_clientside.timeline_share = {
    copy: function () {
        const button = window.dash_clientside.callback_context.triggered_id;
        const box = document.getElementById(button === "copy-share-embed" ? "share-embed" : "share-link");
        const what = button === "copy-share-embed" ? "The embed code" : "The link";
        const word = window.timelineWord || ((text) => text);   // (assets/opening.js)
        if (!box || !box.value) {
            return "";
        }
        box.focus();
        box.select();
        const byHand = word(what + " is selected: copy it with Ctrl+C (⌘C on a Mac).");
        if (navigator.clipboard && window.isSecureContext) {
            return navigator.clipboard.writeText(box.value).then(
                () => word(what + " is copied."), () => byHand);
        }
        try {
            return document.execCommand("copy") ? word(what + " is copied.") : byHand;
        } catch (error) {
            return byHand;
        }
    }
};

// Escape closes the open Share box, from anywhere in it, and gives focus back to its button
// (before keys.js, whose Escape would also close the event's panel).
document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) {
        return;
    }
    const share = event.target && event.target.closest ? event.target.closest("details.share[open]") : null;
    if (!share) {
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    share.open = false;
    share.querySelector("summary").focus();
}, true);

// Tab out of the open Share box closes it: left open, it would cover the controls the keyboard
// goes on to (the filters below it), which could then not be seen. (A pointer leaves it open: the
// link in it follows the event a click chooses, and its button closes it.)
let shareTabbing = false;
document.addEventListener("keydown", function (event) {
    shareTabbing = event.key === "Tab";
}, true);
document.addEventListener("pointerdown", function () {
    shareTabbing = false;
}, true);
document.addEventListener("focusout", function (event) {
    const share = event.target && event.target.closest ? event.target.closest("details.share[open]") : null;
    if (!share || !shareTabbing || (event.relatedTarget && share.contains(event.relatedTarget))) {
        return;
    }
    share.open = false;
});
