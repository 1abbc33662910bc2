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
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import PAGE_TYPES, TODAY, run_build
from stodlanken.directory_pages import SERVICES_PER_PAGE

CRITICAL_PATH = 14 * 1024
TOTAL = 50 * 1024


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


# --- The directory at many services ---------------------------------------------------

MANY = 500
SITUATIONS = ("ma-daligt", "hemma", "vald", "sjalvmordstankar", "kropp-sex")
PROVIDERS = ("bris", "umo", "helsingborgs-stad", "reko")


def add_services(project: Path, count: int) -> Path:
    """`count` made-up services ("Testtjänst 17"), each for one to three situations, with
    the phone numbers PTS keeps for fiction (070-174 06 05 – 99) and example.org addresses."""
    for number in range(1, count + 1):
        situations = ", ".join(SITUATIONS[(number + step) % len(SITUATIONS)] for step in range(1 + number % 3))
        hours = "hours: {always: true}\n" if number % 3 == 0 else ""
        (project / "support_directory" / "services" / f"testtjanst-{number}.yml").write_text(
            f"name: Testtjänst {number}\n"
            f"provider: {PROVIDERS[number % len(PROVIDERS)]}\n"
            f"situations: [{situations}]\n"
            f"summary: Syntetisk tjänst nummer {number}, för att se att sidorna inte växer med antalet tjänster.\n"
            f"anonymous: {'true' if number % 2 else 'false'}\n"
            "free: true\n"
            "contact:\n"
            f"  phone: \"070-174 06 {5 + number % 95:02d}\"\n"
            f"  web: https://example.org/testtjanst-{number}/\n"
            f"{hours}"
            f"verified: {TODAY.isoformat()}\n"
            f"source: https://example.org/testtjanst-{number}/\n",
            encoding="utf-8",
        )
    return project


@pytest.fixture(scope="module")
def many_services_site(new_project) -> Path:
    project = new_project()
    result = run_build(add_services(project, MANY), site_dir=project.parent / "site")
    assert result.ok, result.output
    return result.site_dir


def links(site: Path, page: str) -> list[str]:
    """Every href on `page`, as a path from the site root."""
    found = re.findall(r'<a [^>]*href="([^"#]+)"', file_of(site, page).read_text(encoding="utf-8"))
    return [urlsplit(urljoin(f"http://site/{page}", href)).path.lstrip("/") for href in found]


def test_directory_situation_and_service_pages_stay_within_budget_at_many_services(many_services_site):
    pages = ["stod/", "stod/sida/2/", "stod/tjanst/testtjanst-1/", "akut/", ""]
    for situation in SITUATIONS:
        pages += [f"stod/{situation}/", f"stod/{situation}/sida/2/"]
    over = {page: f"critical {critical / 1024:.1f} KB, total {total / 1024:.1f} KB"
            for page in pages for critical, total in [weight(many_services_site, page)]
            if critical > CRITICAL_PATH or total > TOTAL}
    assert over == {}
    first = file_of(many_services_site, "stod/").read_text(encoding="utf-8")
    assert first.count('<li class="stod-card') == SERVICES_PER_PAGE


def test_every_service_is_reached_from_the_directory_without_javascript(many_services_site):
    services = {path.parent.name for path in (many_services_site / "stod" / "tjanst").glob("*/index.html")}
    assert len(services) > MANY
    seen, queue, found = set(), ["stod/"], set()
    while queue:  # follow the pages' own links, as a browser without JavaScript would
        page = queue.pop()
        if page in seen:
            continue
        seen.add(page)
        for target in links(many_services_site, page):
            if re.fullmatch(r"stod/sida/\d+/", target):
                queue.append(target)
            elif match := re.fullmatch(r"stod/tjanst/([^/]+)/", target):
                found.add(match.group(1))
    assert found == services
    assert len(seen) == -(-len(services) // SERVICES_PER_PAGE)


def test_the_filter_fetches_every_card_from_one_file_the_first_page_names(many_services_site):
    first = file_of(many_services_site, "stod/").read_text(encoding="utf-8")
    source = re.search(r'data-stod-all="([^"]+)"', first).group(1)
    data = json.loads((many_services_site / "stod" / source).read_text(encoding="utf-8"))
    cards = re.findall(r'<li class="stod-card[^"]*" data-service="([^"]+)"', data["cards"])
    assert len(cards) == data["services"] == len(set(cards)) > MANY
    assert "<script" not in data["cards"]
    # Page 2 and on have no filter, so no such file named.
    assert "data-stod-all" not in file_of(many_services_site, "stod/sida/2/").read_text(encoding="utf-8")
