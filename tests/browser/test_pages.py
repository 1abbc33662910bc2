"""Every page of the example site in a phone-sized Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest


def _pages(site: Path) -> list[str]:
    pages = []
    for index in sorted(site.rglob("*.html")):
        relative = index.relative_to(site).as_posix()
        if relative.startswith(("search/", "assets/", "l/")):  # l/: short links redirect away
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


@pytest.mark.parametrize("width", [360, 320])
def test_every_page_stays_on_the_site_and_fits_the_screen(browser, example_site, example_url, width):
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    pages = _pages(example_site)
    assert len(pages) >= 10
    overflowing = []
    for path in pages:
        page.goto(example_url + path)
        page.wait_for_load_state("load")
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(path)
    context.close()
    elsewhere = [url for url in requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")]
    assert elsewhere == []
    assert overflowing == [], f"horizontal scrolling at {width} px"
