"""Unit tests for stodlanken.assets: minified, content-named scripts and the Cache-Control rules."""

from __future__ import annotations

import shutil
from pathlib import Path

from stodlanken import assets

from test_headers_build import matches

ROOT = Path(__file__).resolve().parents[1]


def test_scripts_are_minified_and_named_by_their_content():
    loaded = assets.load(ROOT / "overrides")
    assert set(loaded.scripts) == {"safety", "search", "share", "slideshow", "stod"}
    for script in loaded.published:
        source = assets._included(ROOT / "overrides" / script.src_uri)
        assert len(script.text) < 0.8 * len(source), script.src_uri
        assert "/*" not in script.text and "\n  " not in script.text
        assert script.path == assets.versioned(script.src_uri, script.text)
    assert assets.versioned("a/b.js", "x") != assets.versioned("a/b.js", "y")
    assert assets.versioned("a/b.js", "x").startswith("a/b.") and assets.versioned("a/b.js", "x").endswith(".js")


def test_what_every_script_needs_is_written_once_and_included_in_each(tmp_path):
    scripts = ROOT / "overrides" / "assets" / "javascripts"
    own = [path for path in scripts.glob("*.js") if not path.name.startswith("_")]
    assert all("function t(" not in path.read_text(encoding="utf-8") for path in own)
    assert all("/* @include _words.js */" in path.read_text(encoding="utf-8") for path in own)
    loaded = assets.load(ROOT / "overrides")
    assert "_words" not in loaded.scripts
    for script in loaded.published:
        assert script.text.count("function t(text,values)") == 1 and "@include" not in script.text, script.src_uri
    # A change in the shared part changes every script's name, so no browser keeps an old copy.
    copy = tmp_path / "overrides" / "assets" / "javascripts"
    shutil.copytree(scripts, copy)
    before = assets.load(tmp_path / "overrides").scripts
    with open(copy / "_words.js", "a", encoding="utf-8") as file:
        file.write("  var changed = 1;\n")
    after = assets.load(tmp_path / "overrides").scripts
    assert before.keys() == after.keys() and all(before[name] != after[name] for name in before)


def test_stylesheets_are_minified_for_inlining():
    loaded = assets.load(ROOT / "overrides")
    assert set(loaded.styles) == {"stodlanken", "poster"}
    css = loaded.styles["stodlanken"]
    assert "/*" not in css and "\n" not in css and "</style" not in css
    assert ".sl-exit{" in css


def _exactly_one(rules, paths):
    for path in paths:
        found = [value for pattern, value in rules if matches(pattern, path)]
        assert len(found) == 1, (path, found)


def test_cache_rules_give_each_file_one_rule_also_with_many_pages_beside_a_versioned_folder():
    posts = [f"inlagg/post-{n}/index.html" for n in range(40)]
    paths = ["index.html", "404.html", "feed.xml", "assets/favicon.svg", "assets/javascripts/safety.0123456789.js",
             "inlagg/index.html", "inlagg/sida/2/index.html", "inlagg/media/0123456789abcdef0123456789abcdef-480w.jpg",
             "stod/index.html", "stod/tjanst/bris/index.html", "om/index.html", *posts]
    rules = assets.cache_rules(paths, ("assets/javascripts/", "inlagg/media/"))
    assert ("/inlagg/:page/", assets.CACHE_BRIEFLY) in rules  # not one rule a post
    assert len(rules) < 20
    _exactly_one(rules, ["/" + path.removesuffix("index.html") for path in paths])
    values = dict(rules)
    assert values["/assets/javascripts/*"] == values["/inlagg/media/*"] == assets.CACHE_FOR_GOOD
    assert values["/stod/*"] == values["/"] == assets.CACHE_BRIEFLY


def test_a_folder_with_a_file_not_named_by_its_content_is_not_cached_for_good():
    paths = ["index.html", "inlagg/media/0123456789abcdef-480w.jpg", "inlagg/media/guide.pdf"]
    rules = assets.cache_rules(paths, ("inlagg/media/",))
    assert assets.CACHE_FOR_GOOD not in dict(rules).values()
    _exactly_one(rules, ["/", "/inlagg/media/0123456789abcdef-480w.jpg", "/inlagg/media/guide.pdf"])
