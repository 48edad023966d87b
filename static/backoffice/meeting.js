// Recording the meeting. htmx autosaves the decision 700 ms after typing
// stops; this sends whatever is still unsaved at once when the page is
// hidden or closed, so the last words typed are not lost either.
(function () {
  "use strict";

  function autosaveForm(element) {
    return element && element.closest ? element.closest("form[data-autosave]") : null;
  }

  document.addEventListener("input", function (event) {
    var form = autosaveForm(event.target);
    if (form) form.dataset.dirty = "1";
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = autosaveForm(event.detail.elt);
    if (form && event.detail.successful) form.dataset.dirty = "0";
  });

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState !== "hidden" || !navigator.sendBeacon) return;
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      if (form.dataset.dirty !== "1") return;
      navigator.sendBeacon(form.action, new FormData(form));
      form.dataset.dirty = "0";
    });
  });
})();
