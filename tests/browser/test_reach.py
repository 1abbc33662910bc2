"""Reach in Chromium: posters print on one page, their QR codes scan, "Dela" shares or copies."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from test_reach_build import SITE_URL

PAPERS = ["A4", "A5"]


def posters(site: Path) -> list[str]:
    return sorted(path.parent.relative_to(site).as_posix() + "/" for path in (site / "affisch").rglob("index.html"))


@pytest.fixture(scope="module")
def printed(browser, example_site, example_url) -> dict[str, dict[str, int]]:
    """Every poster loaded once and printed on each paper size: poster → paper → pages."""
    page = browser.new_page()
    pages = {}
    for path in posters(example_site):
        page.goto(example_url + path)
        page.wait_for_load_state("load")
        pages[path] = {paper: len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages) for paper in PAPERS}
    page.close()
    return pages


@pytest.mark.parametrize("paper", PAPERS)
def test_every_poster_prints_on_exactly_one_page(printed, paper):
    assert "affisch/inlagg/fem-stallen/" in printed and "affisch/stod/hemma/" in printed
    assert {path: papers[paper] for path, papers in printed.items()} == {path: 1 for path in printed}


def test_printed_poster_has_title_qr_code_and_help_row_but_no_quick_exit(browser, example_url):
    page = browser.new_page()
    page.goto(example_url + "affisch/stod/hemma/")
    page.emulate_media(media="print")
    assert page.locator(".sl-exit").is_hidden()
    assert page.locator(".sl-poster-tools").is_hidden()
    for visible in ("h1", ".sl-poster__qr img", ".sl-help", ".sl-poster__address"):
        assert page.locator(visible).first.is_visible(), visible
    text = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text()
    page.close()
    assert "Det är jobbigt hemma" in text and "stodlanken.example.org/l/hemma" in text and "112" in text


@pytest.mark.parametrize("path", ["affisch/inlagg/fem-stallen/", "affisch/stod/hemma/"])
def test_qr_code_on_the_poster_scans_to_the_page_url(browser, example_url, path):
    page = browser.new_page(viewport={"width": 800, "height": 1200})
    page.goto(example_url + path)
    page.wait_for_load_state("load")
    image = Image.open(io.BytesIO(page.locator(".sl-poster__qr img").screenshot()))
    page.close()
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [SITE_URL + path.removeprefix("affisch/")]


def test_dela_opens_the_share_sheet_with_the_page_url(browser, example_url):
    context = browser.new_context()
    context.add_init_script("navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };")
    page = context.new_page()
    page.goto(example_url + "inlagg/fem-stallen/")
    button = page.get_by_role("button", name="Dela", exact=True)
    button.click()
    shared = page.evaluate("window.__shared")
    context.close()
    assert shared["url"] == SITE_URL + "inlagg/fem-stallen/"
    assert shared["title"] == "Fem ställen att få stöd i Helsingborg"


def test_without_web_share_the_button_copies_the_link(browser, example_url):
    context = browser.new_context()
    context.add_init_script("delete Navigator.prototype.share; delete Navigator.prototype.canShare;")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=example_url.rstrip("/"))
    page = context.new_page()
    page.goto(example_url + "inlagg/fem-stallen/")
    page.get_by_role("button", name="Kopiera länken").click()
    page.get_by_role("status").filter(has_text="kopierad").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied == SITE_URL + "inlagg/fem-stallen/"


def test_without_javascript_the_short_link_is_there_and_no_dead_button(browser, example_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_url + "inlagg/fem-stallen/")
    assert page.locator("[data-sl-share]").is_hidden()
    link = page.get_by_role("link", name="stodlanken.example.org/l/fem-stallen")
    assert link.get_attribute("href") == SITE_URL + "l/fem-stallen/"
    page.goto(example_url + "l/fem-stallen/")
    page.wait_for_url("**/inlagg/fem-stallen/")
    context.close()
