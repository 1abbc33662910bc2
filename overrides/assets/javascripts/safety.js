/* Stödlänken safety: quick exit, its first-visit hint, the in-app browser notice and
 * click-to-load video. Progressive enhancement: every part works as plain HTML first.
 *
 * Storage: sessionStorage only (one tab, gone when the tab is closed), never cookies or
 * localStorage: a flag that outlives the visit would itself be a trace on a shared phone.
 */
(function () {
  "use strict";

  /* @include _words.js */

  var EXIT_FLAG = "sl-left"; // set when the visitor used quick exit in this tab
  var HINT_FLAG = "sl-hint"; // the hint was shown in this tab
  var NOTICE_FLAG = "sl-inapp"; // the in-app notice was closed in this tab

  function remember(key, value) {
    try {
      if (value) sessionStorage.setItem(key, "1");
      else sessionStorage.removeItem(key);
    } catch (error) { /* storage blocked: the features still work, only forget sooner */ }
  }
  function remembered(key) {
    try { return sessionStorage.getItem(key) === "1"; } catch (error) { return false; }
  }

  // --- Quick exit -------------------------------------------------------------------

  var exit = document.querySelector("[data-quick-exit]");
  var destination = exit ? exit.href : "https://www.smhi.se/";
  var leaving = false;

  function blank() {
    document.title = "\u200b"; // the tab switcher shows neither the site's name nor its page
    document.documentElement.style.background = "#fff";
    if (document.body) document.body.hidden = true;
  }

  function leave(event) {
    if (event) event.preventDefault();
    leaving = true;
    blank();
    remember(EXIT_FLAG, true);
    // replace: this page leaves the tab's history, so Back does not come here.
    window.location.replace(destination);
  }

  if (exit) {
    exit.addEventListener("click", leave);
    var said = exit.querySelector(".sl-visually-hidden");
    if (said) said.textContent = " – " + t("byter direkt till en annan webbplats. Du kan också trycka på Esc tre gånger.");
  }

  // Esc three times within two seconds. (Not Shift: typing capitals would trigger it.)
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave(event);
  });

  // Back to a page of this site after quick exit (from the back-forward cache, or a
  // fresh load through the history): leave again at once. Coming back on purpose (a link,
  // typing the address) is a normal navigation and shows the site as usual.
  function cameBack(event) {
    if (event.persisted) return true;
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return entries.length > 0 && entries[0].type === "back_forward";
  }
  window.addEventListener("pageshow", function (event) {
    if (leaving || (remembered(EXIT_FLAG) && cameBack(event))) {
      leave();
    } else {
      remember(EXIT_FLAG, false);
    }
  });

  // The hint and the in-app notice lie over the bottom of the screen (CSS: .sl-notices), last
  // on the page, also in the tab order: shown after the page is drawn, they move nothing on
  // it. (Screen readers hear what the hint says with the button itself, above.)
  var box = null;
  function notices() {
    if (!box) {
      box = document.createElement("aside"); // a landmark: all content is in one
      box.className = "sl-notices";
      box.setAttribute("aria-label", t("Meddelanden"));
      document.body.appendChild(box);
    }
    return box;
  }

  // First-visit hint: once per tab.
  if (exit && !remembered(EXIT_FLAG) && !remembered(HINT_FLAG)) {
    remember(HINT_FLAG, true);
    // A paragraph in the notices box (the box is the landmark; no landmark inside a landmark).
    var hint = document.createElement("p");
    hint.className = "sl-exit-hint";
    hint.id = "sl-exit-hint";
    hint.textContent = t("Knappen Lämna sidan snabbt byter direkt till en annan webbplats. Du kan också trycka på Esc tre gånger.") + " ";
    var ok = document.createElement("button");
    ok.type = "button";
    ok.className = "sl-exit-hint__close";
    ok.textContent = t("Okej");
    ok.addEventListener("click", function () { hint.remove(); });
    hint.appendChild(ok);
    notices().appendChild(hint);
  }

  // --- In-app browser notice ----------------------------------------------------------

  var APPS = [
    [/Instagram/, "Instagram"],
    [/FBAN|FBAV|FB_IAB|FBIOS/, "Facebook"],
    [/musical_ly|BytedanceWebview|TikTok|trill/i, "TikTok"]
  ];
  var notice = document.querySelector("[data-inapp-notice]");
  var app = null;
  for (var i = 0; i < APPS.length && !app; i++) {
    if (APPS[i][0].test(navigator.userAgent)) app = APPS[i][1];
  }
  if (notice && app && !remembered(NOTICE_FLAG)) {
    notice.querySelector("[data-inapp-app]").textContent = app;
    // Written at the end of the page (no cost when unused).
    notices().appendChild(notice);
    notice.hidden = false;
    notice.querySelector("[data-inapp-close]").addEventListener("click", function () {
      notice.hidden = true;
      remember(NOTICE_FLAG, true);
    });
  }

  // --- Video from YouTube: load the player only when asked ---------------------------------

  Array.prototype.forEach.call(document.querySelectorAll(".sl-facade[data-embed]"), function (facade) {
    var play = facade.querySelector(".sl-facade__play");
    if (!play) return;
    play.hidden = false;
    play.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "sl-facade__player";
      frame.src = facade.getAttribute("data-embed");
      frame.title = facade.getAttribute("data-title") || t("Film");
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      // YouTube's player refuses to start without knowing the embedding site.
      frame.referrerPolicy = "strict-origin";
      var poster = facade.querySelector(".sl-facade__poster");
      if (poster) poster.replaceWith(frame);
      else facade.insertBefore(frame, facade.firstChild);
      play.remove();
      frame.focus();
    });
  });
})();
