"""Reach in Chromium: posters print on one page, their QR codes scan, "Dela" shares or copies."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from conftest import copy_project, run_build
from PIL import Image
from pypdf import PdfReader

from test_reach_build import SITE_URL, with_reach_hook

SHARE_INCLUDE = '{% include "partials/share-button.html" %}\n'


def with_share_button(project: Path) -> Path:
    """Put "Dela" on post pages the way the site does, if the copied templates do not yet."""
    overrides = project / "overrides"
    if not any("partials/share-button.html" in path.read_text(encoding="utf-8") for path in overrides.rglob("*.html") if path.name != "share-button.html"):
        # Material includes partials/comments.html at the end of every page's content.
        (overrides / "partials" / "comments.html").write_text(SHARE_INCLUDE, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def reach_site(tmp_path_factory) -> Path:
    project = with_share_button(with_reach_hook(copy_project(tmp_path_factory.mktemp("reach-browser") / "project")))
    result = run_build(project)
    assert result.ok, result.output
    return result.site_dir


@pytest.fixture(scope="module")
def reach_url(serve, reach_site) -> str:
    return serve(reach_site)


def posters(site: Path) -> list[str]:
    return sorted(path.parent.relative_to(site).as_posix() + "/" for path in (site / "affisch").rglob("index.html"))


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_every_poster_prints_on_exactly_one_page(browser, reach_site, reach_url, paper):
    page = browser.new_page()
    found = posters(reach_site)
    assert "affisch/inlagg/fem-stallen/" in found and "affisch/stod/hemma/" in found
    pages = {}
    for path in found:
        page.goto(reach_url + path)
        page.wait_for_load_state("load")
        pages[path] = len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)
    page.close()
    assert pages == {path: 1 for path in found}


def test_printed_poster_has_title_qr_code_and_help_row_but_no_quick_exit(browser, reach_url):
    page = browser.new_page()
    page.goto(reach_url + "affisch/stod/hemma/")
    page.emulate_media(media="print")
    assert page.locator(".sl-exit").is_hidden()
    assert page.locator(".sl-poster-tools").is_hidden()
    for visible in ("h1", ".sl-poster__qr img", ".sl-help", ".sl-poster__address"):
        assert page.locator(visible).first.is_visible(), visible
    text = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text()
    page.close()
    assert "Det är jobbigt hemma" in text and "stodlanken.example.org/l/hemma" in text and "112" in text


@pytest.mark.parametrize("path", ["affisch/inlagg/fem-stallen/", "affisch/stod/hemma/"])
def test_qr_code_on_the_poster_scans_to_the_page_url(browser, reach_url, path):
    page = browser.new_page(viewport={"width": 800, "height": 1200})
    page.goto(reach_url + path)
    page.wait_for_load_state("load")
    image = Image.open(io.BytesIO(page.locator(".sl-poster__qr img").screenshot()))
    page.close()
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [SITE_URL + path.removeprefix("affisch/")]


def test_dela_opens_the_share_sheet_with_the_page_url(browser, reach_url):
    context = browser.new_context()
    context.add_init_script("navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };")
    page = context.new_page()
    page.goto(reach_url + "inlagg/fem-stallen/")
    button = page.get_by_role("button", name="Dela", exact=True)
    button.click()
    shared = page.evaluate("window.__shared")
    context.close()
    assert shared["url"] == SITE_URL + "inlagg/fem-stallen/"
    assert shared["title"] == "Fem ställen att få stöd i Helsingborg"


def test_without_web_share_the_button_copies_the_link(browser, reach_url):
    context = browser.new_context()
    context.add_init_script("delete Navigator.prototype.share; delete Navigator.prototype.canShare;")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=reach_url.rstrip("/"))
    page = context.new_page()
    page.goto(reach_url + "inlagg/fem-stallen/")
    page.get_by_role("button", name="Kopiera länken").click()
    page.get_by_role("status").filter(has_text="kopierad").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied == SITE_URL + "inlagg/fem-stallen/"


def test_without_javascript_the_short_link_is_there_and_no_dead_button(browser, reach_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(reach_url + "inlagg/fem-stallen/")
    assert page.locator("[data-sl-share]").is_hidden()
    link = page.get_by_role("link", name="stodlanken.example.org/l/fem-stallen")
    assert link.get_attribute("href") == SITE_URL + "l/fem-stallen/"
    page.goto(reach_url + "l/fem-stallen/")
    page.wait_for_url("**/inlagg/fem-stallen/")
    context.close()


def test_posters_fit_320_px_and_nothing_loads_from_elsewhere(browser, reach_site, reach_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    overflowing = []
    page.goto(reach_url + "l/hemma/")
    page.wait_for_url("**/stod/hemma/")  # the short link's redirect, with nothing from elsewhere
    for path in [*posters(reach_site), "inlagg/fem-stallen/"]:
        page.goto(reach_url + path)
        page.wait_for_load_state("load")
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(path)
    context.close()
    assert overflowing == []
    assert [url for url in requests if not url.startswith(reach_url)] == []
