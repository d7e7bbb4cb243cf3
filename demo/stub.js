// The README's snippet, as an external file so the demo also runs under a strict CSP.
/* global CobrowseWidget */
window.CobrowseWidget =
  window.CobrowseWidget ||
  function () {
    (CobrowseWidget.q = CobrowseWidget.q || []).push(arguments);
  };
