"""Accessibility and mobile quality of every page type, in a phone-sized Chromium.

axe-core comes from the `axe-playwright-python` package (its bundled axe.min.js, no CDN)
and is injected through Playwright's `evaluate` (the DevTools protocol), so the pages'
Content-Security-Policy stays as it is.

Each page type is loaded once per viewport (a module-scoped fixture below), as a first
visit, with the quick-exit hint showing. Every check of that viewport
runs on that one load, in an order in which none disturbs the next (what only looks comes
first; Tab, scrolling and axe's rendering of skipped content last). Each test then reads
what its own check found and lists every page that fails, so one run shows all there is
to fix, and a check that breaks (or raises) fails its own test only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import PAGE_TYPES

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PHONE = {"width": 360, "height": 640}
SMALLEST = {"width": 320, "height": 640}
INSTAGRAM_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36 Instagram 330.0.0.0.0 Android"
)
_axe = Axe()


# Renders everything that `content-visibility: auto` skips off screen (the cards on
# /stod/). axe cannot measure the colours of skipped content: it calls it "incomplete",
# or, when rendering catches up mid-run, a false contrast violation (axe-core#2768).
_RENDER_SKIPPED = """() => {
    for (const element of document.querySelectorAll("*")) {
        if (getComputedStyle(element).contentVisibility === "auto") element.style.contentVisibility = "visible";
    }
}"""


def axe_violations(page) -> dict[str, list[str]]:
    """axe's violations on the page as it is now, all of it rendered: rule id → the failing elements."""
    page.evaluate(_RENDER_SKIPPED)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    response = _axe.run(page, options=options).response
    return {rule["id"]: [" ".join(map(str, node["target"])) for node in rule["nodes"]] for rule in response["violations"]}


def _open(browser, url: str, viewport=PHONE, **context_options):
    """A page in a context of its own (close the context when done), for a check that
    changes the page (types, clicks, filters)."""
    context = browser.new_context(viewport=viewport, **context_options)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


def assert_none(failures: dict[str, object]) -> None:
    """Fails with every page where something was found and what it is, one line each."""
    failures = {page: failure for page, failure in failures.items() if failure}
    assert not failures, "\n".join(f"{page}: {failure}" for page, failure in failures.items())


# A check: (its name, what it does to a loaded page, the page types it is for or None for all).
# It returns what it found (a failure when not empty) or what a test judges.
Check = tuple[str, Callable, "set[str] | None"]


def visit(browser, base: str, checks: list[Check], viewport=PHONE, pages=PAGE_TYPES, **context_options) -> dict[str, dict[str, object]]:
    """Every page of `pages` (name → path) loaded once, each as a first visit, and every
    check run on it in order → check name → {"name (/path)": what it found}. A check that
    raises has found that (its error), and the checks after it still run.

    One tab for all: a new tab for each page would be a first visit too, but costs about a
    second more per page on this machine. What makes a visit the first is the tab's
    sessionStorage (safety.js keeps nothing anywhere else), so it is emptied before the
    next page; `test_every_page_type_is_checked_as_a_first_visit` shows that it works."""
    found: dict[str, dict[str, object]] = {name: {} for name, _, _ in checks}
    context = browser.new_context(viewport=viewport, **context_options)
    context.set_default_timeout(10_000)  # a missing element fails its check, not the run
    page = context.new_page()
    try:
        for page_name, path in pages.items():
            page.goto(base + path)
            page.wait_for_load_state("load")
            for name, check, only in checks:
                if only is None or page_name in only:
                    try:
                        found[name][f"{page_name} (/{path})"] = check(page)
                    except Exception as error:  # noqa: BLE001 - reported as this check's failure
                        found[name][f"{page_name} (/{path})"] = f"{type(error).__name__}: {error}"
            page.evaluate("sessionStorage.clear()")
    finally:
        context.close()
    return found


# --- The visits: each page type once per viewport, every check of that viewport on it --


def help_row_out_of_reach(page):
    """The help row: four buttons, two a row spanning the page (each half in reach of the
    thumb on its side), each at least 44 px."""
    links = page.locator(".sl-help__link")
    if links.count() != 4:
        return f"{links.count()} help links"
    boxes = [links.nth(i).bounding_box() for i in range(4)]
    width = page.viewport_size["width"]
    if not (boxes[0]["x"] <= 24 and boxes[1]["x"] + boxes[1]["width"] >= width - 24):
        return f"not full width: {boxes}"
    return [box for box in boxes if box["width"] < 44 or box["height"] < 44]


def help_row_below_the_fold(page):
    """On the home page the whole help row is on the first screen, without scrolling."""
    links = page.locator(".sl-help__link").all()
    problems = [] if len(links) == 4 else [f"{len(links)} help links"]
    for link in links:
        box = link.bounding_box()
        if not (box and box["y"] + box["height"] <= page.viewport_size["height"] and box["height"] >= 44 and box["width"] >= 44):
            problems.append(f"{link.inner_text()!r}: {box}")
    return problems


def exit_out_of_reach(page):
    """The quick exit: full width at the top of the screen, at every scroll position; never covered."""
    problems = []
    for scroll in (0, 600, 100_000):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        box = page.locator(".sl-exit").bounding_box()
        if not (box and box["y"] == 0 and box["width"] >= 320 and box["height"] >= 44):
            problems.append(f"at {scroll}: {box}")
        elif page.evaluate("!document.querySelector('.sl-exit').contains(document.elementFromPoint(160, 22))"):
            problems.append(f"covered at {scroll}")
    page.evaluate("window.scrollTo(0, 0)")
    return problems


def vague_links(page):
    names = page.locator("a[href]").evaluate_all(
        "links => links.map((link) => (link.getAttribute('aria-label') || link.innerText || '').trim())"
    )
    return [name for name in names if VAGUE_LINKS.match(name)]


def zoomed_problems(page):
    problems = []
    if page.evaluate(SCROLLS_SIDEWAYS):
        problems.append("scrolls sideways")
    if page.locator(".sl-exit").bounding_box()["height"] > 320 / 4:
        problems.append("quick exit takes over a quarter of the screen")
    page.locator("h1").first.scroll_into_view_if_needed()
    if not page.locator("h1").first.is_visible():
        problems.append("no visible h1")
    return problems


def scrolls_sideways_with_text_at_twice_the_size(page):
    page.evaluate("document.documentElement.style.setProperty('font-size', '200%', 'important')")
    return page.evaluate(SCROLLS_SIDEWAYS)


def hint_showing(page):
    """A first visit: the quick-exit hint is showing."""
    return [] if page.locator(".sl-exit-hint").is_visible() else ["no quick-exit hint"]


def notice_and_hint_showing(page):
    """Inside Instagram's browser, on a first visit: the notice and the quick-exit hint."""
    notice, hint = page.locator("[data-inapp-notice]").is_visible(), page.locator(".sl-exit-hint").is_visible()
    return [] if notice and hint else [f"notice visible: {notice}, hint visible: {hint}"]


HOME = {"home"}
IN_APP_PHONE = {"home": "", "post": "inlagg/brak-hemma/", "poster": "affisch/stod/hemma/"}
IN_APP_SMALLEST = {"home": "", "post": "inlagg/brak-hemma/", "service": "stod/tjanst/bris/"}
ZOOMED = {"width": 320, "height": 320}
WIDE = {"width": 640, "height": 640}


@pytest.fixture(scope="module")
def at_360(browser, example_url):
    """360 × 640: what a page says about itself, its links, the help row on the first screen, axe."""
    return visit(browser, example_url, [
        ("first visit", hint_showing, None),
        ("facts", lambda page: page.evaluate(PAGE_FACTS), None),
        ("vague links", vague_links, None),
        ("help row on the first screen", help_row_below_the_fold, HOME),
        ("axe", axe_violations, None),
    ], PHONE)


@pytest.fixture(scope="module")
def at_320(browser, example_url):
    """320 × 640, the smallest phone: sizes first, then Tab through the page, then scrolling."""
    return visit(browser, example_url, [
        ("first visit", hint_showing, None),
        ("scrolls sideways", lambda page: page.evaluate(SCROLLS_SIDEWAYS), None),
        ("tap targets", lambda page: page.evaluate(TAP_TARGETS), None),
        ("header overlaps", lambda page: page.evaluate(HEADER_OVERLAPS), None),
        ("small text", lambda page: page.evaluate(SMALL_TEXT), None),
        ("help row", help_row_out_of_reach, None),
        ("help row on the first screen", help_row_below_the_fold, HOME),
        ("tab stops", tab_through, None),
        ("quick exit while scrolling", exit_out_of_reach, None),
    ], SMALLEST)


@pytest.fixture(scope="module")
def with_reduced_motion(browser, example_url):
    return visit(browser, example_url, [("moving", lambda page: page.evaluate(MOVING), None)], PHONE, reduced_motion="reduce")


@pytest.fixture(scope="module")
def zoomed_to_200_percent(browser, example_url):
    """A 640 × 640 window zoomed to 200 %: a 320 × 320 CSS px viewport with twice the pixels."""
    return visit(browser, example_url, [("zoomed", zoomed_problems, None)], ZOOMED, device_scale_factor=2)


@pytest.fixture(scope="module")
def at_640(browser, example_url):
    return visit(browser, example_url, [("text at 200 %", scrolls_sideways_with_text_at_twice_the_size, None)], WIDE)


@pytest.fixture(scope="module")
def in_app_at_360(browser, example_url):
    return visit(browser, example_url, [("notice", notice_and_hint_showing, None), ("axe", axe_violations, None)],
                 PHONE, pages=IN_APP_PHONE, user_agent=INSTAGRAM_UA)


@pytest.fixture(scope="module")
def in_app_at_320(browser, example_url):
    """Instagram's browser: the notice and the hint over the bottom half of the screen."""
    return visit(browser, example_url, [("notice", notice_and_hint_showing, None), ("tab stops", tab_through, None)],
                 SMALLEST, pages=IN_APP_SMALLEST, user_agent=INSTAGRAM_UA)


def test_every_page_type_is_checked_as_a_first_visit(at_360, at_320):
    """What the checks saw is what a visitor sees first: the quick-exit hint showing."""
    assert_none(at_360["first visit"] | {f"{page} at 320 px": found for page, found in at_320["first visit"].items()})


# --- axe-core --------------------------------------------------------------------------


def test_every_page_type_has_no_axe_violations(at_360):
    assert_none(at_360["axe"])


def test_pages_changed_by_scripts_have_no_axe_violations(browser, example_url):
    """What the scripts add: search results, the slideshow's controls, filtered services."""
    failures = {}
    context, page = _open(browser, example_url + "sok/?q=bris")
    page.locator(".sl-search__results li").first.wait_for()
    failures["search results"] = axe_violations(page)
    context.close()

    context, page = _open(browser, example_url + "inlagg/fem-stallen/")
    page.locator(".sl-slideshow__button--next").click()
    failures["slideshow, second picture"] = axe_violations(page)
    context.close()

    context, page = _open(browser, example_url + "stod/")
    page.locator("[data-stod-filters] input[name=anonymous]").check()
    failures["directory, filtered"] = axe_violations(page)
    context.close()

    assert_none(failures)


def test_in_app_browser_notice_shows_with_the_hint(in_app_at_360, in_app_at_320):
    assert_none(in_app_at_360["notice"] | {f"{page} at 320 px": found for page, found in in_app_at_320["notice"].items()})


def test_in_app_browser_notice_has_no_axe_violations(in_app_at_360):
    """Inside Instagram's browser: the notice, with the first visit's hint, on each kind of page."""
    assert_none(in_app_at_360["axe"])


def test_paginated_post_list_has_no_axe_violations(browser, case_build, serve):
    """The list's pages, which the example (one page of posts) does not show."""
    result = case_build("held_film_pending")  # two posts a page
    assert result.ok, result.output

    def list_violations(page):
        assert page.locator(".sl-pagination a").count() >= 1, page.url
        return axe_violations(page)

    pages = {"first page": "inlagg/", "second page": "inlagg/sida/2/"}
    assert_none(visit(browser, serve(result.site_dir), [("axe", list_violations, None)], pages=pages)["axe"])


def test_axe_reports_an_image_without_alt_text(browser, build, copy_example, serve):
    """The axe test can fail: an about page with an image that has lost its alt text."""
    project = copy_example()
    about = project / "docs" / "om.md"
    about.write_text(about.read_text(encoding="utf-8") + '\n<img src="../assets/favicon.svg" width="48" height="48">\n', encoding="utf-8")
    result = build(project, strict=False)
    assert (result.site_dir / "om" / "index.html").exists(), result.output
    context, page = _open(browser, serve(result.site_dir) + "om/")
    violations = axe_violations(page)
    context.close()
    assert "image-alt" in violations


# --- Mobile: 320 × 640 -----------------------------------------------------------------

# Buttons, contact links, the quick exit, the help row and form fields (a checkbox: its label).
TAP_TARGETS = """() => {
  const selector = "button, select, input, textarea, summary, .sl-button, .stod-button, .sl-help__link, .sl-exit, "
    + ".sl-header a, a[href^='tel:'], a[href^='sms:'], a[href^='mailto:']";
  const small = [];
  for (let element of document.querySelectorAll(selector)) {
    if (element.matches("input[type=checkbox], input[type=radio]") && element.closest("label")) element = element.closest("label");
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height || element.closest(".sl-visually-hidden")) continue;
    if (box.width < 44 || box.height < 44) small.push(`${element.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return small;
}"""

# The header's links: none wider inside than its box (its text would draw over the next
# link), none on top of another.
HEADER_OVERLAPS = """() => {
  const links = [...document.querySelectorAll(".sl-header__inner > a")].filter(link => link.getClientRects().length);
  const found = [];
  for (const link of links) {
    if (link.scrollWidth > link.clientWidth + 1) found.push(`${link.className}: text ${link.scrollWidth} px in ${link.clientWidth} px`);
  }
  links.forEach((one, index) => links.slice(index + 1).forEach(other => {
    const a = one.getBoundingClientRect(), b = other.getBoundingClientRect();
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) found.push(`${one.className} over ${other.className}`);
  }));
  return found;
}"""

# Every piece of visible text, except what is only there for screen readers.
SMALL_TEXT = """() => {
  const small = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const element = text.parentElement;
    if (!text.textContent.trim() || !element.getClientRects().length || element.closest(".sl-visually-hidden")) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 16) small.add(`${element.tagName.toLowerCase()}.${element.className} "${text.textContent.trim().slice(0, 30)}" ${size}px`);
  }
  return [...small];
}"""

SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > window.innerWidth"


def test_no_page_type_scrolls_sideways_at_320_px(at_320):
    assert_none(at_320["scrolls sideways"])


def test_buttons_and_contact_links_are_at_least_44_px(at_320):
    assert_none(at_320["tap targets"])


def test_the_headers_links_neither_overflow_nor_overlap_at_320_px(at_320):
    assert_none(at_320["header overlaps"])


def test_text_is_at_least_16_px(at_320):
    assert_none(at_320["small text"])


def test_quick_exit_stays_in_reach_of_a_thumb_while_scrolling(at_320):
    """Full width at the top of the screen, at every scroll position; never covered."""
    assert_none(at_320["quick exit while scrolling"])


def test_help_row_is_a_full_width_grid_of_big_buttons_on_every_page(at_320):
    assert_none(at_320["help row"])


@pytest.mark.parametrize("width", [360, 320])
def test_help_row_is_visible_without_scrolling_on_home(at_360, at_320, width):
    found = (at_360 if width == 360 else at_320)["help row on the first screen"]
    assert list(found) == ["home (/)"]
    assert_none(found)


# --- Keyboard --------------------------------------------------------------------------

# Marks every visible element that should take focus, so Tab stops can be told apart.
MARK_FOCUSABLE = """() => {
  const selector = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, "
    + "audio[controls], video[controls], iframe, [tabindex]:not([tabindex='-1'])";
  const marked = [];
  document.querySelectorAll(selector).forEach((element, index) => {
    if (!element.getClientRects().length || getComputedStyle(element).visibility === "hidden") return;
    element.dataset.a11yStop = index;
    marked.push(index + " " + element.outerHTML.slice(0, 80));
  });
  return marked;
}"""

# The focused element: its mark, how its focus shows, and whether something fixed or sticky
# (the quick exit, a notice) lies over it: what is at its top, middle and bottom must be it.
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const box = element.getBoundingClientRect();
  const media = ["AUDIO", "VIDEO"].includes(element.tagName);  // focus is on its own controls inside
  const points = [];  // in each line of a link that wraps: near its top, middle and bottom
  for (const line of element.getClientRects()) {
    const x = Math.min(Math.max(line.left + line.width / 2, 0), innerWidth - 1);
    const ys = line.height > 100 ? [line.top + line.height / 2] : [line.top + 2, line.top + line.height / 2, line.bottom - 2];
    for (const y of ys) if (y >= 0 && y < innerHeight) points.push([x, y]);  // a big one (a picture): its middle
  }
  const covered = !media && box.width > 2 && box.height > 2 && points.some(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return hit && !element.contains(hit) && !hit.contains(element);
  });
  return {
    stop: element.dataset.a11yStop ?? null, html: element.outerHTML.slice(0, 80),
    visible: outline || style.boxShadow !== "none" || media,
    covered, top: Math.round(box.top + scrollY), left: Math.round(box.left),  // top: on the page
  };
}"""


def tab_stops(page, key: str = "Tab", limit: int = 200) -> list[dict]:
    """Press `key` until focus leaves the page; every focused element on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        if stops and focused["stop"] is not None and focused["stop"] == stops[-1]["stop"]:
            continue  # inside a media player's own controls
        stops.append(focused)
    return stops


def tab_through(page) -> dict:
    """Tab through the page and back: what should take focus, and every stop on the way."""
    expected = {int(line.split(" ", 1)[0]): line for line in page.evaluate(MARK_FOCUSABLE)}
    forward = tab_stops(page, "Tab")
    backward = tab_stops(page, "Shift+Tab")  # from the end back up: focus lands at the top of the screen
    return {"expected": expected, "forward": forward, "backward": backward}


def keyboard_problems(tabbed) -> list[str]:
    """The quick exit first, everything reached, focus visible and uncovered (or the error
    that stopped `tab_through`)."""
    if isinstance(tabbed, str):
        return [tabbed]
    expected, forward, backward = tabbed["expected"], tabbed["forward"], tabbed["backward"]
    reached = {int(stop["stop"]) for stop in forward if stop["stop"] is not None}
    problems = [] if forward and 'class="sl-exit"' in forward[0]["html"] else ["the quick exit is not the first Tab stop"]
    problems += [f"not reached: {expected[stop]}" for stop in sorted(set(expected) - reached)]
    problems += [f"focus not visible: {stop['html']}" for stop in forward if not stop["visible"]]
    problems += [f"covered: {stop['html']}" for stop in forward + backward if stop["covered"]]
    return problems


def test_home_tab_order_is_quick_exit_then_help_row_then_situations(at_320):
    tabbed = at_320["tab stops"]["home (/)"]
    assert not isinstance(tabbed, str), tabbed
    # The first visit's hint ("Okej") lies over the bottom of the screen and is last on the page.
    stops = [stop for stop in tabbed["forward"][:13] if 'class="sl-exit-hint__close"' not in stop["html"]]
    classes = [match.group(1) if (match := re.search(r'class="([^"]*)"', stop["html"])) else "" for stop in stops]
    assert classes[0] == "sl-exit"
    assert classes[1:5] == ["sl-help__link"] * 4
    assert 'href="./akut/"' in stops[5]["html"]  # "Akut hjälp: vad du kan göra nu"
    assert 'href="#sprak"' in stops[6]["html"]  # "Språk · Language": the other languages, for those who read no Swedish
    assert classes[7:12] == ["sl-button"] * 5  # the situations
    # In visual order: each stop below the one before, or beside it on the same row.
    positions = [(stop["top"], stop["left"]) for stop in stops]
    assert all(b[0] > a[0] or (b[0] == a[0] and b[1] > a[1]) for a, b in zip(positions, positions[1:])), positions


def test_keyboard_reaches_everything_with_visible_focus_never_covered(at_320):
    assert_none({page: keyboard_problems(tabbed) for page, tabbed in at_320["tab stops"].items()})


def test_keyboard_focus_is_not_covered_by_the_in_app_notice(in_app_at_320):
    """Instagram's browser: the notice and the hint over the bottom half of the screen."""
    assert_none({page: keyboard_problems(tabbed) for page, tabbed in in_app_at_320["tab stops"].items()})


def _tab_to(page, selector: str, limit: int = 100) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_directory_filters_work_with_the_keyboard(browser, example_url):
    context, page = _open(browser, example_url + "stod/", SMALLEST)
    count = page.locator("[data-stod-count]")
    everything = count.inner_text()
    _tab_to(page, "[data-stod-filters] input[name=anonymous]")
    page.keyboard.press("Space")
    anonymous = count.inner_text()
    _tab_to(page, ".stod-filters__reset")
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelector('[data-stod-count]').textContent === {everything!r}")
    _tab_to(page, "[data-stod-filters] select")
    page.keyboard.press("ArrowDown")
    by_situation = count.inner_text()
    context.close()
    assert anonymous != everything and by_situation != everything


def test_share_button_works_with_the_keyboard(browser, example_url):
    context, page = _open(browser, example_url + "inlagg/brak-hemma/", SMALLEST)
    _tab_to(page, "[data-sl-share]")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.sl-share__status').textContent.trim() !== ''")
    context.close()


def test_search_works_with_the_keyboard(browser, example_url):
    context, page = _open(browser, example_url + "sok/", SMALLEST)
    _tab_to(page, "#sl-search-input")
    page.keyboard.type("BRIS")
    page.keyboard.press("Enter")
    page.locator(".sl-search__results a").first.wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the Sök button
    on_result = page.evaluate("!!document.activeElement.closest('.sl-search__results')")
    context.close()
    assert on_result


# --- Motion and zoom -------------------------------------------------------------------

MOVING = """() => {
  const moving = [];
  for (const element of document.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    const transition = style.transitionDuration.split(",").some((time) => parseFloat(time) > 0);
    // Fallback content inside <video> and <audio> is never rendered: no style at all.
    if (transition || (style.animationName && style.animationName !== "none")) moving.push(element.outerHTML.slice(0, 60));
  }
  return moving.concat(document.getAnimations().map((animation) => "running: " + animation.animationName));
}"""


def test_nothing_moves_when_reduced_motion_is_asked_for(with_reduced_motion):
    assert_none(with_reduced_motion["moving"])


def test_page_zoomed_to_200_percent_stays_usable(zoomed_to_200_percent):
    """WCAG 1.4.4/1.4.10: a 640 × 640 window zoomed to 200 % is a 320 × 320 CSS px viewport
    with twice the pixels. Nothing scrolls sideways, and the sticky quick exit leaves most of
    the screen to the content."""
    assert_none(zoomed_to_200_percent["zoomed"])


def test_text_at_twice_the_size_fits_640_px(at_640):
    """Text alone at 200 % (the root font size) in a 640 px wide window: nothing sideways."""
    assert_none(at_640["text at 200 %"])


# --- What every page says about itself -------------------------------------------------

PAGE_FACTS = """() => {
  const problems = [];
  const description = document.querySelector('meta[name="description"]');
  if (!document.title.trim()) problems.push("no title");
  if (!description || !description.content.trim()) problems.push("no meta description");
  if (document.documentElement.lang !== "sv") problems.push("lang is " + document.documentElement.lang);
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter((h) => h.getClientRects().length);
  if (headings.filter((h) => h.tagName === "H1").length !== 1) problems.push("not one h1");
  let level = 0;
  for (const heading of headings) {
    const next = Number(heading.tagName[1]);
    if (next > level + 1) problems.push(`h${level} → h${next}: ${heading.textContent.trim()}`);
    level = next;
  }
  return problems;
}"""

# Link texts that say nothing on their own.
VAGUE_LINKS = re.compile(r"^(läs mer|läs mer här|fortsätt läsa|mer|här|klicka här|länk|gå hit|se mer)\W*$", re.IGNORECASE)


def test_every_page_has_title_description_lang_and_headings_in_order(at_360):
    assert_none(at_360["facts"])


def test_link_texts_make_sense_on_their_own(at_360):
    assert_none(at_360["vague links"])


def test_vague_link_texts_are_caught():
    assert all(VAGUE_LINKS.match(text) for text in ("Läs mer", "Fortsätt läsa", "här", "Läs mer »"))
    assert not any(VAGUE_LINKS.match(text) for text in ("Läs mer om BRIS", "Alla inlägg gjorda av unga"))
