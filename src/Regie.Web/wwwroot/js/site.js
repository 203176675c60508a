// Progressive enhancement only: every form works without this file.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-show-with-js]").forEach((el) => { el.hidden = false; });
});
document.addEventListener("htmx:afterSwap", () => {
  document.querySelectorAll("[data-show-with-js]").forEach((el) => { el.hidden = false; });
});
