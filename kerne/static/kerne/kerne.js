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
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.hasAttribute("data-swap-errors") && event.detail.xhr.status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("DOMContentLoaded", function () { initDkfds(); });
})();
