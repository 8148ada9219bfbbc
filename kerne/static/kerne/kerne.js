// Kerne's small behaviours. Loaded as a file so the Content-Security-Policy can forbid inline script.
(function () {
  "use strict";

  function initDkfds(root) {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
      window.DKFDS.init(root ? { scope: root } : undefined);
    }
  }

  // "Copy link" buttons: <button data-copy-target="id-of-element">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) return;
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) return;
    var text = target.value || target.textContent.trim();
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    navigator.clipboard.writeText(text).then(function () {
      if (status) status.textContent = button.getAttribute("data-copied-text") || "";
    });
  });

  // "Print" buttons: <button data-print>.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });

  // Confirm dangerous forms: <form data-confirm="Er du sikker?">.
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
  });

  // htmx leaves 4xx responses unswapped; a target marked data-swap-errors shows them
  // (the autosave status next to a field says why an answer was not saved).
  // A 503 (the database is away for a moment) is shown too: "not saved, trying again".
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var status = event.detail.xhr.status;
    if (target && target.hasAttribute("data-swap-errors") && (status < 500 || status === 503)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // An autosave that did not reach the database (503, or no connection at all) is sent
  // again, a little later each time, until it is saved; the status says so meanwhile.
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt;
    var target = event.detail.target;
    if (!elt || !target || !target.hasAttribute("data-retry-text")) return;
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status === 503 || status === 0) {
      if (status === 0) target.textContent = target.getAttribute("data-retry-text");
      var delay = Math.min(60000, (elt.kerneRetryDelay || 1000) * 2);
      elt.kerneRetryDelay = delay;
      window.setTimeout(function () { window.htmx.trigger(elt, "change"); }, delay);
    } else {
      elt.kerneRetryDelay = 0;
    }
  });

  document.addEventListener("DOMContentLoaded", function () { initDkfds(); });
})();
