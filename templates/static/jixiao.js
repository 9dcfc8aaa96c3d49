// Reading settings for older and low-vision readers (适老化): text size and high contrast, kept in this
// browser (localStorage) and applied before the page is drawn. Without script the page is as designed.
(function () {
  var root = document.documentElement;
  var sizes = ["normal", "large", "xlarge"];
  function stored(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) {} }
  function apply() {
    var size = stored("jixiao-text-size");
    sizes.forEach(function (name) { root.classList.toggle("text-" + name, name === size && name !== "normal"); });
    root.classList.toggle("high-contrast", stored("jixiao-contrast") === "high");
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    var controls = document.querySelector(".reader-controls");
    if (!controls) return;
    controls.hidden = false;
    function mark() {
      var size = stored("jixiao-text-size") || "normal";
      controls.querySelectorAll("[data-text-size]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === size));
      });
      var contrast = controls.querySelector("[data-contrast]");
      if (contrast) contrast.setAttribute("aria-pressed", String(stored("jixiao-contrast") === "high"));
    }
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-text-size")) store("jixiao-text-size", button.getAttribute("data-text-size"));
      if (button.hasAttribute("data-contrast")) store("jixiao-contrast", stored("jixiao-contrast") === "high" ? "normal" : "high");
      apply();
      mark();
    });
    mark();
  });
})();
