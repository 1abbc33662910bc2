"""What the example site publishes, walked as a browser, a feed reader and a crawler would:
every file in `site/` is reached from the home page, the 404 page, the sitemap or the
host's `_headers`, through the references pages, stylesheets, feeds and data files make.
A file that nothing reaches is weight nobody asked for (issue 14: Material's 2.3 MiB of
scripts, fonts and maps were published for no page)."""

from __future__ import annotations

import gzip
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SITE_URL = "https://stodlanken.example.org/"
# What is reached without a link: the start page, the host's 404 page and headers, the sitemap.
ENTRY_POINTS = ("index.html", "404.html", "_headers", "sitemap.xml")
PAGEFIND_LOADER = "pagefind/pagefind.js"  # it fetches the rest of pagefind/ itself, as needed
_URL_ATTRIBUTES = {"href", "src", "poster"}
_OWN_ABSOLUTE = re.compile(re.escape(SITE_URL) + r"""[^\s"'<>)]*""")
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
_REFRESH = re.compile(r"url=(\S+)", re.I)


class _References(HTMLParser):
    """Every address an HTML page points at: links, sources, srcsets, posters, the URLs in
    data-* attributes (the search page's Pagefind loader, the directory's list of cards),
    a meta refresh, and the stylesheets' url()s."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name in _URL_ATTRIBUTES or (name.startswith("data-") and _looks_like_a_path(value)):
                self.found.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.found += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
            elif name == "content" and (refresh := _REFRESH.search(value)) and dict(attrs).get("http-equiv", "").lower() == "refresh":
                self.found.append(refresh.group(1))
            elif name == "content":
                self.found += _OWN_ABSOLUTE.findall(value)

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += _CSS_URL.findall(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def _looks_like_a_path(value: str) -> bool:
    return bool(re.fullmatch(r"[\w./-]+\.(json|js|html|css)|[\w./-]*/", value))


def _url_of(relative: str) -> str:
    """The URL path a file is served at (directory URLs: x/index.html at /x/)."""
    return "/" + relative.removesuffix("index.html")


def references(site: Path, relative: str) -> set[str]:
    """The site files `relative` refers to (relative to the site root)."""
    path = site / relative
    data = path.read_bytes()
    if relative.endswith(".gz"):
        data = gzip.decompress(data)
    text = data.decode("utf-8", "replace")
    if relative.endswith(".html"):
        parser = _References()
        parser.feed(text)
        found = parser.found
    elif relative.endswith(".css"):
        found = _CSS_URL.findall(text)
    else:  # feeds, sitemap, open data (JSON, CSV), _headers: the absolute addresses of this site
        found = [html.unescape(url) for url in _OWN_ABSOLUTE.findall(text)]
    base = urljoin(SITE_URL, _url_of(relative).lstrip("/"))
    targets = set()
    for reference in found:
        url = urljoin(base, html.unescape(reference.strip()))
        if not url.startswith(SITE_URL):
            continue  # another site, tel:, mailto:, data:
        target = unquote(urlsplit(url).path).lstrip("/")
        if target == "" or target.endswith("/"):
            target += "index.html"
        if (site / target).is_file():
            targets.add(target)
            if target == PAGEFIND_LOADER:
                targets |= {p.relative_to(site).as_posix() for p in (site / "pagefind").rglob("*") if p.is_file()}
    return targets


def reached(site: Path) -> set[str]:
    seen: set[str] = set()
    queue = [entry for entry in ENTRY_POINTS if (site / entry).is_file()]
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        if current.endswith((".html", ".css", ".xml", ".json", ".csv", ".gz")) or current == "_headers":
            queue += sorted(references(site, current) - seen)
    return seen


def test_every_published_file_is_reached_from_a_page_feed_or_data_file(example_site):
    published = {path.relative_to(example_site).as_posix() for path in example_site.rglob("*") if path.is_file()}
    unreached = sorted(published - reached(example_site))
    assert unreached == [], f"{len(unreached)} files nothing refers to, e.g. {unreached[:10]}"


def test_none_of_materials_own_files_is_published(example_site):
    names = {path.relative_to(example_site).as_posix() for path in example_site.rglob("*") if path.is_file()}
    assert not [name for name in names if re.search(r"bundle\.|lunr|workers/|palette\.|main\.[0-9a-f]+|\.map$|assets/images/", name)]
    assert not (example_site / "assets" / "stylesheets").exists(), "the stylesheet is inlined, never fetched"
