/* Collapse the side menu on phones before the page is painted.
   Loaded synchronously right after the menu (no inline script: see the Content-Security-Policy in settings). */
(function () {
  "use strict";
  var nav = document.getElementById("nav-details");
  if (nav && window.matchMedia("(max-width: 900px)").matches) {
    nav.removeAttribute("open");
  }
})();
