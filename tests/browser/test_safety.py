"""Quick exit, zero third-party requests, CSP, in-app notice and video facades in Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import WATCH_CSP

EXIT = "https://www.smhi.se/"  # quick_exit_url of the example site; routed to a stub below
STUB = "<!doctype html><html lang='sv'><meta charset='utf-8'><title>Väder</title><p>Vädret i dag</p></html>"
INSTAGRAM_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 Instagram 334.0.4.32.98 (iPhone14,5; iOS 17_5; sv_SE; sv; scale=3.00; 1170x2532; 612349753)"
)
TIKTOK_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Mobile "
    "Safari/537.36 musical_ly_2023405030 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/musical_ly "
    "app_version/34.5.3 ByteLocale/sv BytedanceWebview/d8a21c6"
)
NORMAL_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
WIDTHS = [360, 320]  # every page is visited at both widths (conftest.every_page)


@pytest.fixture(scope="module")
def site(facade_site) -> Path:
    return facade_site


@pytest.fixture(scope="module")
def url(serve, site) -> str:
    return serve(site)


@pytest.fixture
def context(browser):
    """A phone-sized context in which the quick-exit destination answers locally."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    context.route(EXIT + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=STUB))
    yield context
    context.close()


def _on_site(page, url: str) -> bool:
    return page.url.startswith(url)


# --- Quick exit --------------------------------------------------------------------------


def test_quick_exit_leaves_and_back_does_not_return(context, url):
    page = context.new_page()
    page.goto(url + "om/")
    page.get_by_role("link", name="Lämna sidan snabbt").click()
    page.wait_for_url(EXIT)
    page.go_back()  # history.back()
    page.wait_for_timeout(500)
    assert not _on_site(page, url), page.url


def _probe_on_leaving(page) -> list[str]:
    """What the page looked like right after a click or pageshow was handled, as the page
    leaves (reported before the next page replaces it)."""
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if message.text.startswith("probe ") else None)
    page.add_init_script(
        "function probe() { queueMicrotask(function () {"
        ' console.log("probe " + document.body.hidden + " " + JSON.stringify(document.title)); }); }'
        ' addEventListener("click", probe); addEventListener("pageshow", probe);'
    )
    return seen


def test_quick_exit_blanks_the_page_at_once(context, url):
    page = context.new_page()
    seen = _probe_on_leaving(page)
    page.goto(url + "om/")
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(EXIT)
    blanked = [line for line in seen if line.startswith("probe true")]
    assert blanked, seen
    assert "Stödlänken" not in blanked[0]


def test_escape_three_times_leaves(context, url):
    page = context.new_page()
    page.goto(url + "stod/")
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url(EXIT)
    page.go_back()  # history.back()
    page.wait_for_timeout(500)
    assert not _on_site(page, url), page.url


def test_escape_twice_or_slowly_stays(context, url):
    page = context.new_page()
    page.goto(url + "om/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(2100)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert _on_site(page, url)
    assert page.evaluate("document.body.hidden") is False


def test_quick_exit_works_without_javascript(browser, url):
    context = browser.new_context(java_script_enabled=False)
    context.route(EXIT + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=STUB))
    page = context.new_page()
    for path in ("", "om/"):  # the standalone home page and a content page
        page.goto(url + path)
        page.get_by_role("link", name="Lämna sidan snabbt").click()
        page.wait_for_url(EXIT)
    context.close()


def test_back_to_the_site_after_quick_exit_leaves_again(context, url):
    """Back after quick exit lands on an earlier page of the site (location.replace can
    only remove the current one): that page leaves again, from bfcache or a fresh load."""
    page = context.new_page()
    page.goto(url)
    page.goto(url + "om/")
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(EXIT)
    page.go_back()
    page.wait_for_url(EXIT)
    assert page.locator("text=Vädret i dag").is_visible()


def test_a_page_restored_from_the_back_forward_cache_after_exit_is_blank(context, url):
    """Real bfcache restores cannot be forced in headless Chromium reliably, so the
    restore is simulated: the event a restored page gets, after the visitor left."""
    page = context.new_page()
    seen = _probe_on_leaving(page)
    page.goto(url + "om/")
    page.evaluate("sessionStorage.setItem('sl-left', '1')")
    page.evaluate("setTimeout(function () { dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true})); })")
    page.wait_for_url(EXIT)
    assert any(line.startswith("probe true") for line in seen), seen


def test_a_page_restored_from_the_back_forward_cache_without_exit_stays(context, url):
    page = context.new_page()
    page.goto(url + "om/")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.evaluate("document.body.hidden") is False


def test_coming_back_on_purpose_after_exit_shows_the_site(context, url):
    page = context.new_page()
    page.goto(url + "om/")
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(EXIT)
    page.goto(url + "akut/")  # typed or followed: a normal navigation
    page.wait_for_timeout(300)
    assert _on_site(page, url) and page.evaluate("document.body.hidden") is False


def test_screen_readers_hear_what_quick_exit_does(context, url):
    page = context.new_page()
    page.goto(url)
    name = page.locator("[data-quick-exit]").inner_text()
    assert "Lämna sidan snabbt" in name and "annan webbplats" in name and "Esc tre gånger" in name


def test_first_visit_hint_shows_once_per_tab(context, url):
    page = context.new_page()
    page.goto(url)
    assert page.locator(".sl-exit-hint").is_visible()
    page.goto(url + "om/")
    assert page.locator(".sl-exit-hint").count() == 0
    assert page.evaluate("localStorage.length") == 0


# --- Nothing from elsewhere, no cookies, CSP without violations -------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_loads_only_from_the_site(every_page, width):
    visits = every_page(width)
    assert {"", "om/", "tillganglighet/", "filmtest/", "stod/", "404.html"} <= set(visits)
    elsewhere = {path: [request for request in visit.requests if urlsplit(request).hostname != "127.0.0.1" and not request.startswith("data:")]
                 for path, visit in visits.items()}
    assert {path: requests for path, requests in elsewhere.items() if requests} == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_has_its_policy_and_breaks_none(every_page, width):
    visits = every_page(width)
    assert [path for path, visit in visits.items() if visit.policies != 1] == []
    assert {path: visit.violations for path, visit in visits.items() if visit.violations} == {}
    assert {path: lines for path, visit in visits.items() if (lines := [line for line in visit.console if "Content Security Policy" in line])} == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_sets_a_cookie_or_stores_anything(every_page, width):
    visits = every_page(width)
    assert {path: visit.cookie for path, visit in visits.items() if visit.cookie} == {}
    assert {path: visit.stored for path, visit in visits.items() if visit.stored} == {}


# --- In-app browsers -----------------------------------------------------------------------


@pytest.mark.parametrize("agent, app", [(INSTAGRAM_UA, "Instagram"), (TIKTOK_UA, "TikTok")])
def test_in_app_browser_shows_how_to_open_a_private_tab(browser, url, agent, app):
    context = browser.new_context(user_agent=agent, viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(url)
    notice = page.locator("[data-inapp-notice]")
    assert notice.is_visible()
    assert f"Du läser i {app}s egen webbläsare" in notice.inner_text() or app in notice.inner_text()
    assert "privat flik" in notice.inner_text()
    notice.get_by_role("button", name="Stäng").click()
    assert not notice.is_visible()
    page.goto(url + "om/")
    assert not page.locator("[data-inapp-notice]").is_visible()  # closed for this visit
    context.close()


def test_normal_browser_shows_no_in_app_notice(browser, url):
    context = browser.new_context(user_agent=NORMAL_UA)
    page = context.new_page()
    for path in ("", "om/"):
        page.goto(url + path)
        assert not page.locator("[data-inapp-notice]").is_visible()
    context.close()


# --- Video facade -------------------------------------------------------------------------------


def test_facade_requests_nothing_from_youtube_until_clicked(browser, url):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    context.add_init_script(WATCH_CSP)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>spelare</p>"),
    )
    page = context.new_page()
    page.goto(url + "filmtest/")
    page.wait_for_load_state("load")
    page.mouse.wheel(0, 2000)  # nothing lazy loads either
    page.wait_for_timeout(300)
    assert [request for request in requests if urlsplit(request).hostname != "127.0.0.1"] == []
    page.get_by_role("button", name="Spela filmen här (från YouTube)").click()
    frame = page.locator("iframe.sl-facade__player")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    page.wait_for_timeout(500)
    assert any(urlsplit(request).hostname == "www.youtube-nocookie.com" for request in requests)
    assert not any("youtube.com" == urlsplit(request).hostname.removeprefix("www.") for request in requests)
    assert page.evaluate("window.__violations") == []
    context.close()


# --- No script from content ------------------------------------------------------------------


def test_script_event_handler_link_and_meta_refresh_from_a_post_do_nothing(browser, serve, unsafe_post_build):
    """The post of conftest.UNSAFE_BODY, built without --strict: nothing of it runs or navigates."""
    base = serve(unsafe_post_build.site_dir)
    context = browser.new_context(viewport={"width": 360, "height": 640})
    dialogs: list[str] = []
    requests: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    address = base + "inlagg/brak-hemma/"
    page.goto(address)
    link = page.get_by_text("Klicka här")
    link.click()
    page.wait_for_timeout(1500)  # longer than the refresh's 0 s and the image's load
    assert page.url == address
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert [url for url in requests if not url.startswith(base)] == []  # no example.com
    context.close()
