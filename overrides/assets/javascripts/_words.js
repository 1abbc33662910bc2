  /* The page's words for what a script writes (`<script id="sl-words">`, made from the
     language's catalogue, stodlanken/messages.py); Swedish, the source, when there are none.
     Not published itself: stodlanken/assets.py puts it where a script has the comment
     "@include _words.js", inside the script's own function. */
  var WORDS = (function () {
    var element = document.getElementById("sl-words");
    try { return element ? JSON.parse(element.textContent) : {}; } catch (error) { return {}; }
  })();
  function t(text, values) {
    var out = WORDS[text] || text;
    for (var key in values || {}) out = out.split("{" + key + "}").join(values[key]);
    return out;
  }
