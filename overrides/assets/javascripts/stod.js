/* Stödlänken support directory: "Öppet nu", open services first, and filters.
 *
 * Progressive enhancement: every page works without this file (plain lists in pages, the
 * hours table). Opening hours are wall-clock times in Europe/Stockholm, so "now" is read in
 * that time zone whatever the visitor's own clock says, across daylight saving changes.
 *
 * /stod/ shows its first services; when there are more pages, the filter fetches every
 * card (data-stod-all: the same cards, from the same template) only once someone filters.
 */
(function () {
  "use strict";

  /* @include _words.js */

  var DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  var DAY_NAMES = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];
  var DAY_MINUTES = 24 * 60;
  var WEEK = 7 * DAY_MINUTES;
  var stockholm = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Stockholm", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
  });

  /* Minutes since Monday 00:00, Stockholm time. */
  function stockholmMinute(date) {
    var parts = {};
    stockholm.formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    var day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday);
    return day * DAY_MINUTES + (Number(parts.hour) % 24) * 60 + Number(parts.minute);
  }

  function minutes(time) {
    var hm = time.split(":");
    return Number(hm[0]) * 60 + Number(hm[1]);
  }

  /* data-hours: "*" (always open) or "135/14:00-21:30 6/22:00-02:00" (days 1-7 from Monday). */
  function parseHours(text) {
    if (text === "*") return { always: true };
    return {
      periods: text.split(" ").filter(Boolean).map(function (part) {
        var slash = part.indexOf("/");
        var times = part.slice(slash + 1).split("-");
        return {
          days: part.slice(0, slash).split("").map(function (digit) { return DAYS[Number(digit) - 1]; }),
          opens: times[0],
          closes: times[1]
        };
      })
    };
  }

  /* The weekly opening intervals, [start, end) in minutes since Monday 00:00. */
  function intervals(hours) {
    var list = [];
    (hours.periods || []).forEach(function (period) {
      var opens = minutes(period.opens);
      var closes = minutes(period.closes);
      if (closes <= opens) closes += DAY_MINUTES; /* open past midnight */
      period.days.forEach(function (day) {
        var base = DAYS.indexOf(day) * DAY_MINUTES;
        list.push({ start: base + opens, end: base + closes, opens: period.opens, closes: period.closes });
      });
    });
    return list;
  }

  /* {open: bool, text: string} for a service's hours at `date`. */
  function openState(hours, date) {
    if (hours.always) return { open: true, text: t("Öppet nu – dygnet runt") };
    var now = stockholmMinute(date);
    var list = intervals(hours);
    var i, interval;
    for (i = 0; i < list.length; i++) {
      interval = list[i];
      if ((interval.start <= now && now < interval.end) || (interval.start <= now + WEEK && now + WEEK < interval.end)) {
        return { open: true, text: t("Öppet nu – stänger {time}", { time: interval.closes }) };
      }
    }
    var next = null, wait = Infinity;
    for (i = 0; i < list.length; i++) {
      var delta = (list[i].start - now + WEEK) % WEEK || WEEK;
      if (delta < wait) { wait = delta; next = list[i]; }
    }
    if (!next) return { open: false, text: t("Stängt") };
    var today = Math.floor(now / DAY_MINUTES);
    var day = Math.floor(next.start / DAY_MINUTES) % 7;
    var when = t(DAY_NAMES[day]);
    if (day === today && wait < DAY_MINUTES) when = t("i dag");
    else if (day === (today + 1) % 7 && wait < 2 * DAY_MINUTES) when = t("i morgon");
    return { open: false, text: t("Stängt – öppnar {day} {time}", { day: when, time: next.opens }) };
  }

  /* Fill in "Öppet nu" / "Stängt – öppnar …" on every element with data-hours (in `elements`, or the page). */
  function showOpenNow(date, elements) {
    (elements || document.querySelectorAll("[data-hours]")).forEach(function (element) {
      if (!element.hasAttribute("data-hours")) return;
      var state;
      if (element.hasAttribute("data-closed")) {
        state = { open: false, text: t("Tillfälligt stängt") };
      } else {
        try { state = openState(parseHours(element.getAttribute("data-hours")), date); } catch (error) { return; }
      }
      element.setAttribute("data-open", state.open ? "true" : "false");
      var label = element.querySelector("[data-open-now]");
      if (label) {
        label.textContent = state.text;
        label.className = "stod-open " + (state.open ? "stod-open--yes" : "stod-open--no");
        label.hidden = false;
      }
    });
  }

  /* Lists marked data-sort-open: open services first, otherwise the order of the page. */
  function sortOpenFirst() {
    document.querySelectorAll("[data-stod-list][data-sort-open]").forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      items
        .map(function (item, index) { return { item: item, index: index, rank: item.getAttribute("data-open") === "true" ? 0 : 1 }; })
        .sort(function (a, b) { return a.rank - b.rank || a.index - b.index; })
        .forEach(function (entry) { list.appendChild(entry.item); });
    });
  }

  function matches(item, form) {
    var situation = form.elements.situation.value;
    var kind = form.elements.kind.value;
    var way = form.elements.way.value;
    if (situation && (item.getAttribute("data-situations") || "").split(" ").indexOf(situation) < 0) return false;
    if (kind && item.getAttribute("data-kind") !== kind) return false;
    if (way && (item.getAttribute("data-ways") || "").split(" ").indexOf(way) < 0) return false;
    var lang = form.elements.lang ? form.elements.lang.value : "";
    if (lang && (item.getAttribute("data-languages") || "").split(" ").indexOf(lang) < 0) return false;
    if (form.elements.anonymous.checked && item.getAttribute("data-anonymous") !== "true") return false;
    if (form.elements.free.checked && item.getAttribute("data-free") !== "true") return false;
    if (form.elements.open.checked && item.getAttribute("data-open") !== "true") return false;
    return true;
  }

  /* Has the visitor chosen anything? */
  function filtering(form) {
    var e = form.elements;
    return Boolean(e.situation.value || e.kind.value || e.way.value || (e.lang && e.lang.value) || e.anonymous.checked || e.free.checked || e.open.checked);
  }

  function setUpFilters() {
    var form = document.querySelector("[data-stod-filters]");
    var list = document.querySelector("[data-stod-list]");
    if (!form || !list) return;
    var count = document.querySelector("[data-stod-count]");
    var empty = document.querySelector("[data-stod-empty]");
    var pages = document.querySelector("[data-stod-pages]");
    var source = list.getAttribute("data-stod-all"); /* set when this page has only the first cards */
    var own = Array.prototype.slice.call(list.children);
    var every = source ? null : own;
    var total = Number(list.getAttribute("data-stod-total")) || own.length;
    var pageText = count ? count.textContent : "";
    var loading = null;
    var ticket = 0;

    /* Every card, fetched once; null until then. Parsed as inert HTML (no script runs). */
    function loadEvery() {
      if (!loading) {
        loading = fetch(new URL(source, document.baseURI).href)
          .then(function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.json();
          })
          .then(function (data) {
            var parsed = new DOMParser().parseFromString("<ul>" + data.cards + "</ul>", "text/html");
            every = Array.prototype.slice.call(parsed.body.firstElementChild.children).map(function (card) {
              return document.adoptNode(card);
            });
            showOpenNow(new Date(), every);
            return every;
          });
        loading.catch(function () { loading = null; }); /* try again on the next change */
      }
      return loading;
    }

    var current = own; /* the cards in the list now */
    function show(items) {
      if (items !== current) {
        list.replaceChildren.apply(list, items);
        current = items;
      }
      var shown = 0;
      items.forEach(function (item) {
        var ok = matches(item, form);
        item.hidden = !ok;
        if (ok) shown++;
      });
      return shown;
    }

    function report(shown) {
      if (count) count.textContent = shown === total ? t("{count} tjänster.", { count: total }) : t("Visar {shown} av {count} tjänster.", { shown: shown, count: total });
      if (empty) empty.hidden = shown > 0;
    }

    /* Back to this page's own cards and the links to the other pages, as without JavaScript. */
    function showPage(text) {
      show(own);
      if (pages) pages.hidden = false;
      if (count) count.textContent = text;
      if (empty) empty.hidden = true;
    }

    function apply() {
      var mine = ++ticket;
      if (!source) {
        report(show(own));
      } else if (!filtering(form)) {
        showPage(pageText);
      } else {
        if (!every && count) count.textContent = t("Hämtar alla tjänster …");
        loadEvery().then(function (items) {
          if (mine !== ticket) return;
          if (pages) pages.hidden = true;
          report(show(items));
        }, function () {
          if (mine !== ticket) return;
          showPage(t("Det gick inte att hämta alla tjänster, så listan kan inte filtreras just nu. Bläddra bland sidorna nedanför."));
          own.forEach(function (item) { item.hidden = false; }); /* this page's services, unfiltered */
        });
      }
    }
    refreshHidden = function (date) { if (every && every !== own) showOpenNow(date, every); };

    /* /stod/?situation=hemma opens the list already filtered. */
    var params = new URLSearchParams(location.search);
    ["situation", "kind", "way"].forEach(function (name) {
      var value = params.get(name);
      if (value && form.elements[name].querySelector('option[value="' + CSS.escape(value) + '"]')) form.elements[name].value = value;
    });
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
    applyFilters = apply;
  }

  var applyFilters = null; /* set when the page has filters; re-run when the minute changes */
  var refreshHidden = null; /* "Öppet nu" on fetched cards that are not on the page now */

  function tick() {
    var now = new Date();
    showOpenNow(now);
    if (refreshHidden) refreshHidden(now);
    if (applyFilters) applyFilters();
  }

  showOpenNow(new Date());
  sortOpenFirst();
  setUpFilters();
  /* Keep "Öppet nu" right while the page stays open. */
  setInterval(tick, 60 * 1000);
})();
