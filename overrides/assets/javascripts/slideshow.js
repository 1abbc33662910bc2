/* Slideshow: without JavaScript every slide is in an ordered list, readable in order.
   With it, one slide shows at a time, with "Föregående"/"Nästa" buttons, arrow keys
   (Home/End too), swipe, and "Bild 2 av 6" announced to screen readers.
   Pattern: WAI-ARIA APG carousel. No autoplay, no animation. */
(function () {
  "use strict";

  /* @include _words.js */

  function button(label, symbol, modifier) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "sl-slideshow__button sl-slideshow__button--" + modifier;
    element.setAttribute("aria-label", label);
    element.innerHTML = '<span aria-hidden="true">' + symbol + "</span>";
    return element;
  }

  function enhance(root, number) {
    var list = root.querySelector(".sl-slideshow__slides");
    var slides = root.querySelectorAll(".sl-slideshow__slide");
    var count = slides.length;
    if (!list || count < 2) return;
    var index = 0;

    list.id = list.id || "sl-slideshow-" + number;
    root.setAttribute("aria-roledescription", t("bildspel"));
    // Right to left, the next picture is to the left: the arrows point the way it moves.
    var rtl = getComputedStyle(root).direction === "rtl";
    var previous = button(t("Föregående bild"), rtl ? "›" : "‹", "previous");
    var next = button(t("Nästa bild"), rtl ? "‹" : "›", "next");
    var status = document.createElement("p");
    status.className = "sl-slideshow__status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    var controls = document.createElement("div");
    controls.className = "sl-slideshow__controls";
    controls.appendChild(previous);
    controls.appendChild(status);
    controls.appendChild(next);
    previous.setAttribute("aria-controls", list.id);
    next.setAttribute("aria-controls", list.id);

    function show(target) {
      index = (target + count) % count;
      for (var i = 0; i < count; i++) slides[i].hidden = i !== index;
      status.textContent = t("Bild {number} av {count}", { number: index + 1, count: count });
    }

    // Filled in before it joins the page, so screen readers hear only later changes.
    show(0);
    root.appendChild(controls);
    root.classList.add("sl-slideshow--enhanced");

    previous.addEventListener("click", function () { show(index - 1); });
    next.addEventListener("click", function () { show(index + 1); });
    root.addEventListener("keydown", function (event) {
      var keys = { ArrowLeft: index + (rtl ? 1 : -1), ArrowRight: index + (rtl ? -1 : 1), Home: 0, End: count - 1 };
      if (!(event.key in keys) || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      show(keys[event.key]);
    });

    var startX = null;
    list.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    list.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      var moved = event.clientX - startX;
      startX = null;
      if (Math.abs(moved) > 40) show(index + ((moved < 0) !== rtl ? 1 : -1));
    });

    // The list itself can take focus, so arrow keys work right after tabbing to it.
    list.tabIndex = 0;
    list.setAttribute("aria-label", t("Bilder, byt med vänster- och högerpil"));
  }

  var shows = document.querySelectorAll("[data-sl-slideshow]");
  for (var i = 0; i < shows.length; i++) enhance(shows[i], i + 1);
})();
