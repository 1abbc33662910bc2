"""Arabic (right to left) and Somali pages in Chromium, as on the smallest phone: the same
promises as the Swedish ones (tests/browser/test_a11y.py), and the page mirrored."""

from __future__ import annotations

import pytest
from browser.test_a11y import (
    HEADER_OVERLAPS, SCROLLS_SIDEWAYS, SMALLEST, TAP_TARGETS, axe_violations, help_row_below_the_fold, tab_through, visit,
)

PAGES = {"home": "", "situation": "stod/ma-daligt/", "service": "stod/tjanst/bris/", "akut": "akut/", "directory": "stod/"}
LANGUAGES = ["ar", "so"]


@pytest.fixture(scope="module")
def at_320(browser, serve, languages_site):
    base = serve(languages_site)
    found = {}
    for prefix in LANGUAGES:
        pages = {f"{prefix} {name}": f"{prefix}/{path}" for name, path in PAGES.items()}
        found[prefix] = visit(browser, base, [
            ("direction", lambda page: page.evaluate("[document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]"), None),
            ("scrolls sideways", lambda page: page.evaluate(SCROLLS_SIDEWAYS), None),
            ("help row on the first screen", help_row_below_the_fold, {f"{prefix} home"}),
            ("tap targets", lambda page: page.evaluate(TAP_TARGETS), None),
            ("header overlaps", lambda page: page.evaluate(HEADER_OVERLAPS), None),
            ("mirrored", _mirrored, None),
            ("tab stops", tab_through, None),
            ("axe", axe_violations, None),
        ], SMALLEST, pages=pages)
    return found


def _mirrored(page) -> list[str]:
    """Right to left: the header's home link starts at the right edge, the phone numbers
    read left to right."""
    problems = []
    rtl = page.evaluate("document.documentElement.dir") == "rtl"
    home = page.locator(".sl-header__home")
    if home.count():
        box, width = home.bounding_box(), page.viewport_size["width"]
        at_right = box["x"] + box["width"] >= width - 24
        if at_right != rtl:
            problems.append(f"header home link at x={box['x']:.0f}, width {box['width']:.0f}")
    for label in page.locator(".sl-help__label").all():
        if label.evaluate("e => getComputedStyle(e).direction") != "ltr":
            problems.append(f"number {label.inner_text()!r} not left to right")
    return problems


def _failures(at_320, check):
    return {page: found for prefix in LANGUAGES for page, found in at_320[prefix][check].items() if found}


@pytest.mark.parametrize(("prefix", "lang", "direction"), [("ar", "ar", "rtl"), ("so", "so", "ltr")])
def test_pages_have_the_languages_lang_and_direction(at_320, prefix, lang, direction):
    assert {page: found for page, found in at_320[prefix]["direction"].items() if found != [lang, direction, direction]} == {}


def test_no_sideways_scroll_at_320_px(at_320):
    assert _failures(at_320, "scrolls sideways") == {}


def test_the_headers_links_neither_overflow_nor_overlap_at_320_px(at_320):
    assert _failures(at_320, "header overlaps") == {}


def test_help_row_is_visible_without_scrolling(at_320):
    assert _failures(at_320, "help row on the first screen") == {}


def test_tap_targets_are_at_least_44_px(at_320):
    assert _failures(at_320, "tap targets") == {}


def test_arabic_is_mirrored_and_numbers_stay_left_to_right(at_320):
    assert _failures(at_320, "mirrored") == {}


def test_quick_exit_is_the_first_tab_stop(at_320):
    for prefix in LANGUAGES:
        for page, tabbed in at_320[prefix]["tab stops"].items():
            assert not isinstance(tabbed, str), (page, tabbed)
            assert 'class="sl-exit"' in tabbed["forward"][0]["html"], page


def test_axe_finds_no_violations(at_320):
    assert _failures(at_320, "axe") == {}


def test_the_scripts_speak_the_pages_language(browser, serve, languages_site):
    """stod.js writes "Öppet nu" from the page's words (`<script id="sl-words">`)."""
    from babel.messages.pofile import read_po

    from conftest import ROOT

    with open(ROOT / "locales" / "ar.po", encoding="utf-8") as file:
        expected = read_po(file).get("Öppet nu – dygnet runt").string
    context = browser.new_context(viewport=SMALLEST)
    try:
        page = context.new_page()
        page.goto(serve(languages_site) + "ar/stod/tjanst/bris/")
        label = page.locator(".stod-service [data-open-now]")
        label.wait_for(state="visible")
        assert label.inner_text() == expected
    finally:
        context.close()


def test_the_directory_filters_on_the_languages_a_service_speaks(browser, serve, languages_site):
    context = browser.new_context(viewport=SMALLEST)
    try:
        page = context.new_page()
        page.goto(serve(languages_site) + "stod/")
        page.select_option("#stod-f-lang", "so")
        page.click(".stod-filters__apply")
        shown = page.locator("[data-stod-list] > li:not([hidden])")
        assert [shown.nth(i).get_attribute("data-service") for i in range(shown.count())] == ["youmo"]
        page.click(".stod-filters__reset")
        page.wait_for_function("document.querySelectorAll('[data-stod-list] > li[hidden]').length === 0")
    finally:
        context.close()
