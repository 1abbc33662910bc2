/* "Dela" on posts and "Skriv ut" on posters. Progressive enhancement: without JavaScript
   the short link and the browser's own print command are there; this only adds buttons.
   Web Share API where the phone has it (the share sheet: Instagram, Messages …); else the
   button copies the link. Nothing is sent anywhere by this script. */
(function () {
  "use strict";

  /* @include _words.js */

  function say(button, text) {
    var status = button.closest(".sl-share").querySelector(".sl-share__status");
    if (status) status.textContent = text;
  }

  function copy(url) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(url);
    // Older in-app browsers: copy from a selected, off-screen text field.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = url;
      field.setAttribute("readonly", "");
      field.className = "sl-visually-hidden";
      document.body.appendChild(field);
      field.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      document.body.removeChild(field);
      (copied ? resolve : reject)();
    });
  }

  document.querySelectorAll("[data-sl-share]").forEach(function (button) {
    var data = { title: button.dataset.title, text: button.dataset.text, url: button.dataset.url };
    var native = typeof navigator.share === "function" && (!navigator.canShare || navigator.canShare(data));
    button.textContent = native ? t("Dela") : t("Kopiera länken");
    button.parentElement.hidden = false;
    button.addEventListener("click", function () {
      if (native) {
        navigator.share(data).catch(function () { /* closed by the visitor: nothing to say */ });
        return;
      }
      copy(data.url).then(
        function () { say(button, t("Länken är kopierad. Klistra in den där du vill dela den.")); },
        function () { say(button, t("Kunde inte kopiera. Håll fingret på den korta länken ovan och välj Kopiera.")); }
      );
    });
  });

  document.querySelectorAll("[data-sl-print]").forEach(function (button) {
    button.parentElement.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
