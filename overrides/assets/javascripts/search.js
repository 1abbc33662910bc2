// Search with Pagefind. Nothing is fetched until the visitor types: then Pagefind loads
// its small engine and only the index chunks for the words typed.
(function () {
  "use strict";

  /* @include _words.js */
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      // import() resolves against this script, not the page: make the URL absolute first.
      engine = import(new URL(form.getAttribute("data-pagefind"), document.baseURI).href).then(function (pagefind) {
        return pagefind.init().then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function item(result) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = (result.meta && result.meta.title) || result.url;
    var excerpt = document.createElement("p");
    // Pagefind escapes the page text and adds only <mark> around the words found.
    excerpt.innerHTML = result.excerpt;
    li.appendChild(link);
    li.appendChild(excerpt);
    return li;
  }

  function search(query) {
    var ticket = ++latest;
    if (!query.trim()) { list.replaceChildren(); status.textContent = ""; return; }
    load().then(function (pagefind) { return pagefind.search(query); })
      .then(function (found) { return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); })); })
      .then(function (results) {
        if (ticket !== latest) return;
        list.replaceChildren.apply(list, results.map(item));
        status.textContent = results.length ? (results.length === 1 ? t("1 träff") : t("{count} träffar", { count: results.length })) : t("Inga träffar. Prova ett annat ord.");
      })
      .catch(function () { status.textContent = t("Sökningen fungerar inte just nu."); });
  }

  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); search(input.value); });
  var query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; search(query); }
})();
