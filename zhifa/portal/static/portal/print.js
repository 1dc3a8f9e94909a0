// A button marked data-print prints the page (no inline handler: the Content-Security-Policy forbids it).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
