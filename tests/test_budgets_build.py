"""The page-weight budgets (issue 14), asserted on real builds by size, never by time:

- critical path: the HTML and whatever it makes the browser fetch before it can draw
  (stylesheets in <head>, scripts in <head> without defer/async), each gzip -9: at most
  14 KB, one round trip on a slow phone connection;
- total without images and media: the HTML with every stylesheet and script it loads,
  each gzip -9: at most 50 KB.

On every page type of the example site, and on the directory at many services, whose
pages must not grow with the number of services.
"""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

CRITICAL_PATH = 14 * 1024
TOTAL = 50 * 1024
PAGE_TYPES = {
    "home": "",
    "post: film": "inlagg/vart-vander-jag-mig/",
    "post: slideshow": "inlagg/fem-stallen/",
    "post: podcast": "inlagg/att-vaga-prata/",
    "post: text": "inlagg/brak-hemma/",
    "post list": "inlagg/",
    "situation": "stod/hemma/",
    "service": "stod/tjanst/bris/",
    "directory": "stod/",
    "akut": "akut/",
    "about": "om/",
    "privacy": "integritet/",
    "safe browsing": "surfa-sakert/",
    "accessibility statement": "tillganglighet/",
    "search": "sok/",
    "poster": "affisch/inlagg/fem-stallen/",
    "not found": "404.html",
}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


class _Loads(HTMLParser):
    """Stylesheets and scripts a page loads, and which of them block its first draw."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = True
        self.blocking: list[str] = []
        self.later: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "body":
            self.in_head = False
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            blocks = self.in_head and (attributes.get("media") or "all") != "print"
            (self.blocking if blocks else self.later).append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            deferred = "defer" in attributes or "async" in attributes or attributes.get("type") == "module"
            (self.blocking if self.in_head and not deferred else self.later).append(attributes["src"])


def file_of(site: Path, page: str) -> Path:
    path = site / page
    return path / "index.html" if page == "" or page.endswith("/") else path


def weight(site: Path, page: str) -> tuple[int, int]:
    """(critical path, total without media) of `page`, in gzip bytes."""
    html = file_of(site, page).read_bytes()
    loads = _Loads()
    loads.feed(html.decode("utf-8"))

    def size(reference: str) -> int:
        url = urlsplit(urljoin(f"http://site/{page}", reference))
        assert url.netloc == "site", reference  # nothing from another origin
        target = file_of(site, url.path.lstrip("/"))
        assert target.is_file(), reference
        return gz(target.read_bytes())

    critical = gz(html) + sum(size(reference) for reference in loads.blocking)
    return critical, critical + sum(size(reference) for reference in set(loads.later))


def test_every_page_type_draws_from_one_round_trip_and_stays_small(example_site):
    weights = {name: weight(example_site, page) for name, page in PAGE_TYPES.items()}
    over = {name: f"critical {critical / 1024:.1f} KB, total {total / 1024:.1f} KB"
            for name, (critical, total) in weights.items() if critical > CRITICAL_PATH or total > TOTAL}
    assert over == {}
