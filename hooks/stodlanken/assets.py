"""What a browser gets besides the pages: our stylesheets, minified, to inline; our
scripts, minified and named by their content; and nothing else from the theme.

Material stays the theme MkDocs builds with, but no page uses its CSS, JavaScript, fonts
or images (overrides/layout.html is our own), so none of its files is published: MkDocs
would otherwise copy 2.3 MiB of them into `site/`.

Minified with rcssmin and rjsmin (maintained, pure Python with a C speedup, no Node):
they only drop comments and white space, so what runs is what was written.
A script's name carries a hash of its content (`safety.3f9a0c1b2d.js`): a host may keep
it for a year (`_headers`), and a changed script gets a new name.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import rcssmin
import rjsmin
from markupsafe import Markup

STYLESHEETS = "assets/stylesheets/"  # inlined, never published
SCRIPTS = "assets/javascripts/"  # published minified, named by content
# Folders in which every file is named by its content, so a host may cache it for good.
VERSIONED_DIRS = (SCRIPTS,)
_HASH_LENGTH = 10


@dataclass(frozen=True)
class Script:
    src_uri: str  # where it would be without a version: "assets/javascripts/safety.js"
    path: str  # where it is published, relative to the site root
    text: str  # minified


@dataclass(frozen=True)
class Assets:
    """What the templates use: `assets.styles.stodlanken`, `assets.scripts.safety` …"""

    styles: dict[str, Markup] = field(default_factory=dict)  # stem -> minified CSS, to inline
    scripts: dict[str, str] = field(default_factory=dict)  # stem -> published path, relative to the site root
    published: tuple[Script, ...] = ()
    favicon: str | None = None  # relative to the site root; set by hooks/assets.py from theme.favicon


def minify_css(text: str) -> str:
    return rcssmin.cssmin(text)


def minify_js(text: str) -> str:
    return rjsmin.jsmin(text)


def versioned(path: str, content: str) -> str:
    """"assets/javascripts/safety.js" → "assets/javascripts/safety.<hash>.js"."""
    stem, ext = posixpath.splitext(path)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{stem}.{digest}{ext}"


def load(own_dir: Path) -> Assets:
    """Read and minify the stylesheets and scripts of the project's own theme folder
    (overrides/). Material's are not read: no page uses them."""
    styles = {path.stem: Markup(minify_css(path.read_text(encoding="utf-8")))
              for path in sorted((own_dir / STYLESHEETS).glob("*.css"))}
    published = []
    for path in sorted((own_dir / SCRIPTS).glob("*.js")):
        if path.name.startswith("_"):  # a part of the scripts (_words.js), included below, not a script
            continue
        text = minify_js(_included(path))
        src_uri = f"{SCRIPTS}{path.name}"
        published.append(Script(src_uri, versioned(src_uri, text), text))
    scripts = {posixpath.basename(script.src_uri).removesuffix(".js"): script.path for script in published}
    return Assets(styles, scripts, tuple(published))


# `/* @include _words.js */` in a script is replaced by that file of the same folder. Each
# script stays one small file that a page loads by itself, with no bundler (and no Node.js)
# in the build, and what every script needs is written once.
_INCLUDE = re.compile(r"/\* @include ([\w.-]+\.js) \*/")


def _included(path: Path) -> str:
    return _INCLUDE.sub(lambda match: (path.parent / match.group(1)).read_text(encoding="utf-8").strip(), path.read_text(encoding="utf-8"))


# --- Cache-Control in `_headers` ------------------------------------------------------

# Named by content: kept for a year, never asked for again. Everything else (pages, feeds,
# the open data, share cards): five minutes, so a withdrawn post is gone from browsers soon.
CACHE_FOR_GOOD = "public, max-age=31536000, immutable"
CACHE_BRIEFLY = "public, max-age=300"
_CONTENT_NAMED = re.compile(r"(?:^|[.-])[0-9a-f]{10,}(?:[.-]|$)")
_LISTED_PAGES = 12  # more one-level pages than this in a folder: one `:page` rule for them


def published(site_dir: Path) -> list[str]:
    """Every file a host serves from `site_dir`, relative to it (not `_headers` itself)."""
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*")
                  if path.is_file() and path.name != "_headers")


def cache_rules(paths: list[str], versioned_dirs: tuple[str, ...]) -> list[tuple[str, str]]:
    """(path pattern, Cache-Control) for `_headers`, for the published `paths` (relative to
    the site root).

    Netlify and Cloudflare Pages apply every rule whose pattern matches a request and join
    the values of a header set twice ("max-age=300, max-age=31536000"), so a catch-all `/*`
    cannot carry a Cache-Control: the rules here are laid out so that every published file
    matches exactly one of them (tests/test_headers_build.py checks it). A folder in
    `versioned_dirs` is cached for good only if every file in it is named by its content.
    """
    tree: dict = {}
    for path in paths:
        node = tree
        *folders, name = path.split("/")
        for folder in folders:
            node = node.setdefault(folder, {})
        node[name] = None
    versioned = {folder for folder in versioned_dirs if _all_content_named(_subtree(tree, folder))}
    rules: list[tuple[str, str]] = []
    _walk(tree, "", versioned, rules)
    return rules


def _walk(node: dict, prefix: str, versioned: set[str], rules: list[tuple[str, str]]) -> None:
    if prefix in versioned:
        rules.append((f"/{prefix}*", CACHE_FOR_GOOD))
        return
    if prefix and not any(folder.startswith(prefix) for folder in versioned):
        rules.append((f"/{prefix}*", CACHE_BRIEFLY))  # the folder's own page too: * matches nothing
        return
    folders = {name: child for name, child in node.items() if child is not None}
    for name in sorted(name for name, child in node.items() if child is None):
        rules.append((f"/{prefix}" if name == "index.html" else f"/{prefix}{name}", CACHE_BRIEFLY))
    pages = sorted(name for name, child in folders.items()
                   if child == {"index.html": None} and not any(v.startswith(f"{prefix}{name}/") for v in versioned))
    others = sorted(set(folders) - set(pages))
    # `/<prefix>:page/` matches one segment, so not the files in the other folders; but it
    # would match the other folders' own pages, so it is used only where they have none.
    if len(pages) > _LISTED_PAGES and not any("index.html" in folders[name] for name in others):
        rules.append((f"/{prefix}:page/", CACHE_BRIEFLY))
    else:
        rules += [(f"/{prefix}{name}/", CACHE_BRIEFLY) for name in pages]
    for name in others:
        _walk(folders[name], f"{prefix}{name}/", versioned, rules)


def _subtree(tree: dict, folder: str) -> dict | None:
    node = tree
    for part in folder.strip("/").split("/"):
        node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


def _all_content_named(node: dict | None) -> bool:
    if not node:
        return False
    return all(_all_content_named(child) if child is not None else bool(_CONTENT_NAMED.search(name))
               for name, child in node.items())
