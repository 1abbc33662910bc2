"""The directory in Chromium: "Öppet nu" with a fixed clock, filters, and the page without JavaScript.

The fixture service "Kvällsjouren" is open Mondays 14:00–21:00 Stockholm time; "Nattjouren"
Fridays 22:00–02:00. Clocks are set in UTC so each case says exactly which instant it is.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from conftest import run_build

UTC = timezone.utc


@pytest.fixture(scope="module")
def fixture_url(case_build, serve):
    """The example plus the fixture services of tests/fixtures/directory_hours/ (the same
    build as tests/test_directory_build.py's)."""
    result = case_build("directory_hours")
    assert result.ok, result.output
    return serve(result.site_dir)


def open_at(browser, url: str, instant: datetime, *, timezone_id: str = "Europe/Stockholm", javascript: bool = True):
    context = browser.new_context(timezone_id=timezone_id, java_script_enabled=javascript, viewport={"width": 360, "height": 640})
    page = context.new_page()
    if javascript:
        page.clock.set_fixed_time(instant)
    page.goto(url)
    return context, page


def open_text(page) -> str:
    label = page.locator("[data-open-now]").first
    label.wait_for(state="visible")
    return label.inner_text()


CASES = [
    # (UTC instant, visitor's time zone, expected text) — Stockholm is UTC+1 in winter, UTC+2 in summer.
    (datetime(2026, 11, 30, 14, 0, tzinfo=UTC), "Europe/Stockholm", "Öppet nu – stänger 21:00"),  # Monday 15:00
    (datetime(2026, 11, 30, 21, 0, tzinfo=UTC), "Europe/Stockholm", "Stängt – öppnar måndag 14:00"),  # Monday 22:00
    (datetime(2026, 11, 30, 14, 0, tzinfo=UTC), "America/New_York", "Öppet nu – stänger 21:00"),  # 09:00 in New York
    (datetime(2026, 11, 30, 21, 0, tzinfo=UTC), "America/New_York", "Stängt – öppnar måndag 14:00"),
    (datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "Europe/Stockholm", "Stängt – öppnar måndag 14:00"),  # Tuesday
    (datetime(2026, 11, 29, 12, 0, tzinfo=UTC), "Europe/Stockholm", "Stängt – öppnar i morgon 14:00"),  # Sunday
    (datetime(2026, 11, 30, 8, 0, tzinfo=UTC), "Europe/Stockholm", "Stängt – öppnar i dag 14:00"),  # Monday 09:00
    # The week summer time ends (Sunday 25 October 2026, 03:00 → 02:00), seen from New York,
    # whose clocks change a week later (1 November): offsets differ from the usual all week.
    (datetime(2026, 10, 19, 13, 0, tzinfo=UTC), "America/New_York", "Öppet nu – stänger 21:00"),  # Mon 15:00 CEST
    (datetime(2026, 10, 19, 20, 0, tzinfo=UTC), "America/New_York", "Stängt – öppnar måndag 14:00"),  # Mon 22:00 CEST
    (datetime(2026, 10, 26, 14, 0, tzinfo=UTC), "America/New_York", "Öppet nu – stänger 21:00"),  # Mon 15:00 CET
    (datetime(2026, 10, 26, 21, 0, tzinfo=UTC), "America/New_York", "Stängt – öppnar måndag 14:00"),  # Mon 22:00 CET
    (datetime(2026, 10, 26, 12, 30, tzinfo=UTC), "America/New_York", "Stängt – öppnar i dag 14:00"),  # 13:30 CET, 14:30 if still summer time
]


@pytest.mark.parametrize(("instant", "timezone_id", "expected"), CASES, ids=[f"{c[0]:%a-%Y-%m-%dT%H:%MZ}-{c[1].split('/')[-1]}" for c in CASES])
def test_open_now_in_stockholm_time(browser, fixture_url, instant, timezone_id, expected):
    context, page = open_at(browser, fixture_url + "stod/tjanst/kvallsjouren/", instant, timezone_id=timezone_id)
    try:
        assert open_text(page) == expected
    finally:
        context.close()


def test_open_past_midnight(browser, fixture_url):
    # Nattjouren: Fridays 22:00–02:00. Saturday 4 December 2026 01:00 Stockholm = 00:00 UTC.
    context, page = open_at(browser, fixture_url + "stod/tjanst/nattjouren/", datetime(2026, 12, 5, 0, 0, tzinfo=UTC))
    try:
        assert open_text(page) == "Öppet nu – stänger 02:00"
    finally:
        context.close()
    context, page = open_at(browser, fixture_url + "stod/tjanst/nattjouren/", datetime(2026, 12, 5, 1, 30, tzinfo=UTC))
    try:
        assert open_text(page) == "Stängt – öppnar fredag 22:00"
    finally:
        context.close()


def test_always_open_and_temporarily_closed(browser, fixture_url):
    monday = datetime(2026, 11, 30, 21, 0, tzinfo=UTC)
    context, page = open_at(browser, fixture_url + "stod/tjanst/bris/", monday)
    assert open_text(page) == "Öppet nu – dygnet runt"
    context.close()
    context, page = open_at(browser, fixture_url + "stod/tjanst/sommarstangt/", monday)
    # No hours: nothing to compute, the alert says it all.
    assert page.locator("[data-open-now]").is_hidden()
    assert "Tillfälligt stängt" in page.locator(".stod-alert").inner_text()
    context.close()


def visible_services(page) -> list[str]:
    return page.locator("[data-stod-list] > li:visible").evaluate_all("items => items.map(i => i.dataset.service)")


def test_filters_narrow_the_list(browser, fixture_url):
    context, page = open_at(browser, fixture_url + "stod/", datetime(2026, 11, 30, 14, 0, tzinfo=UTC))
    try:
        everything = visible_services(page)
        assert len(everything) == 15  # 11 example services + 4 active fixture services
        assert page.locator("[data-stod-filters]").is_visible()

        page.select_option("#stod-f-situation", "hemma")
        hemma = visible_services(page)
        assert set(hemma) == {"bris", "kvinnofridslinjen", "helsingborg-socialtjansten", "kvallsjouren", "nattjouren"}
        assert page.locator("[data-stod-count]").inner_text() == "Visar 5 av 15 tjänster."

        page.get_by_label("Anonymt").check()
        assert set(visible_services(page)) == {"bris", "kvinnofridslinjen", "kvallsjouren"}
        page.get_by_label("Gratis").check()
        assert set(visible_services(page)) == {"bris", "kvinnofridslinjen", "kvallsjouren"}

        page.select_option("#stod-f-way", "chat")
        assert set(visible_services(page)) == {"bris", "kvallsjouren"}

        page.get_by_role("button", name="Visa alla").click()
        expect(page.locator("[data-stod-count]")).to_have_text("15 tjänster.")  # the form resets, then filters
        assert len(visible_services(page)) == 15

        page.select_option("#stod-f-kind", "kommun")
        assert set(visible_services(page)) == {"helsingborg-socialtjansten", "helsingborg-ungdomsmottagningen", "nattjouren"}
        page.select_option("#stod-f-way", "visit")
        assert visible_services(page) == ["nattjouren"]
        page.select_option("#stod-f-way", "phone")
        assert visible_services(page) == []
        assert page.locator("[data-stod-empty]").is_visible()
    finally:
        context.close()


def test_open_now_filter_uses_stockholm_time(browser, fixture_url):
    monday_15 = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
    context, page = open_at(browser, fixture_url + "stod/", monday_15, timezone_id="America/New_York")
    try:
        page.get_by_label("Öppet nu").check()
        shown = set(visible_services(page))
        assert "kvallsjouren" in shown and "bris" in shown
        assert "umo" not in shown and "nattjouren" not in shown and "sommarstangt" not in shown
    finally:
        context.close()


def test_situation_in_the_address_prefills_the_filter(browser, fixture_url):
    context, page = open_at(browser, fixture_url + "stod/?situation=vald", datetime(2026, 11, 30, 14, 0, tzinfo=UTC))
    try:
        assert page.locator("#stod-f-situation").input_value() == "vald"
        assert set(visible_services(page)) == {"112", "bris", "kvinnofridslinjen", "polisen", "helsingborg-socialtjansten"}
    finally:
        context.close()


def test_situation_page_puts_open_services_first(browser, fixture_url):
    # Monday 22:00: Kvällsjouren has closed; every open service comes before every closed one.
    context, page = open_at(browser, fixture_url + "stod/ma-daligt/", datetime(2026, 11, 30, 21, 0, tzinfo=UTC))
    try:
        page.locator("[data-open-now]").first.wait_for(state="visible")
        states = page.locator("[data-stod-list] > li").evaluate_all("items => items.map(i => i.dataset.open === 'true')")
        assert True in states and False in states
        assert states == sorted(states, reverse=True)
    finally:
        context.close()


def test_without_javascript_the_directory_lists_everything(browser, fixture_url):
    context, page = open_at(browser, fixture_url + "stod/", datetime(2026, 11, 30, 14, 0, tzinfo=UTC), javascript=False)
    try:
        assert page.locator("[data-stod-list] > li:visible").count() == 15
        assert page.locator("[data-stod-filters]").is_hidden()
        assert page.locator("[data-open-now]:visible").count() == 0
        assert page.get_by_role("link", name="Det är jobbigt hemma").first.is_visible()
    finally:
        context.close()
    context, page = open_at(browser, fixture_url + "stod/tjanst/kvallsjouren/", datetime(2026, 11, 30, 14, 0, tzinfo=UTC), javascript=False)
    try:
        assert page.locator(".stod-hours__table").is_visible()
        assert "14:00–21:00" in page.locator(".stod-hours__table").inner_text()
    finally:
        context.close()


def test_contact_buttons_are_big_enough_for_a_thumb(browser, fixture_url):
    context, page = open_at(browser, fixture_url + "stod/tjanst/bris/", datetime(2026, 11, 30, 14, 0, tzinfo=UTC))
    try:
        buttons = page.locator(".stod-button").all()
        assert len(buttons) == 3
        for button in buttons:
            box = button.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, button.inner_text()
        assert page.locator('a[href="tel:116111"].stod-button').is_visible()
    finally:
        context.close()


# --- /stod/ in pages: the filter fetches every card ------------------------------------


@pytest.fixture(scope="module")
def paged_site(new_project):
    """The example site with 45 more services: /stod/ in three pages of 20."""
    from test_budgets_build import add_services

    project = new_project()
    result = run_build(add_services(project, 45), site_dir=project.parent / "site")
    assert result.ok, result.output
    return result.site_dir


@pytest.fixture(scope="module")
def paged_url(paged_site, serve):
    return serve(paged_site)


def _on_last_page(site) -> str:
    """The name of a service listed only on the last page of /stod/."""
    html = (site / "stod" / "sida" / "3" / "index.html").read_text(encoding="utf-8")
    return re.search(r'class="stod-card__name"><a href="[^"]+">([^<]+)</a>', html).group(1)


def test_the_filter_on_a_paged_directory_finds_services_on_every_page(browser, paged_site, paged_url):
    name = _on_last_page(paged_site)
    context, page = open_at(browser, paged_url + "stod/", datetime(2026, 11, 30, 14, 0, tzinfo=UTC))
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    try:
        cards = page.locator("[data-stod-list] > li:visible")
        expect(page.locator("[data-stod-filters]")).to_be_visible()
        assert cards.count() == 20 and page.locator("[data-stod-pages]").is_visible()
        assert not [url for url in fetched if url.endswith(".json")], "nothing is fetched before a filter is used"
        page.locator("input[name=free]").check()
        expect(page.locator("[data-stod-count]")).to_have_text(re.compile(r"^(Visar \d+ av 56|56) tjänster\.$"))
        assert page.locator("[data-stod-pages]").is_hidden()
        assert page.get_by_role("link", name=name, exact=True).is_visible()
        assert cards.count() > 20
        assert page.locator("[data-stod-list] > li:visible [data-open-now]:visible").count() > 0  # filled in on fetched cards
        page.locator("select[name=situation]").select_option("kropp-sex")
        shown = cards.count()
        expect(page.locator("[data-stod-count]")).to_have_text(f"Visar {shown} av 56 tjänster.")
        assert all("kropp-sex" in situations.split() for situations in cards.evaluate_all("items => items.map(i => i.dataset.situations)"))
        page.get_by_role("button", name="Visa alla").click()
        expect(page.locator("[data-stod-count]")).to_have_text("56 tjänster. Här visas 1–20.")
        assert cards.count() == 20 and page.locator("[data-stod-pages]").is_visible()
        assert len([url for url in fetched if url.endswith(".json")]) == 1
    finally:
        context.close()


def test_a_paged_directory_says_so_when_the_cards_cannot_be_fetched(browser, paged_url):
    context, page = open_at(browser, paged_url + "stod/", datetime(2026, 11, 30, 14, 0, tzinfo=UTC))
    page.route("**/*.json", lambda route: route.abort())
    try:
        page.locator("input[name=anonymous]").check()
        expect(page.locator("[data-stod-count]")).to_contain_text("Det gick inte att hämta alla tjänster")
        assert page.locator("[data-stod-list] > li:visible").count() == 20
        assert page.locator("[data-stod-pages]").is_visible()
    finally:
        context.close()


def test_without_javascript_a_paged_directory_leads_to_every_page(browser, paged_url):
    context, page = open_at(browser, paged_url + "stod/", datetime(2026, 11, 30, 14, 0, tzinfo=UTC), javascript=False)
    try:
        assert page.locator("[data-stod-filters]").is_hidden()
        page.get_by_role("link", name="Sista sidan").click()
        expect(page.locator(".sl-pagination__current")).to_have_text("Sida 3 av 3")
        assert page.locator("[data-stod-list] > li:visible").count() == 16
    finally:
        context.close()
