/* zhifa's page behaviour. Every script is a static file: the Content-Security-Policy
   (settings/base.py) allows no inline script and no eval. */
(function () {
  "use strict";
  // 「返回」links: go back in the browser's history when there is one, else follow the link.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-history-back]");
    if (link && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
