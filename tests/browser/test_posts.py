"""Posts in a real Chromium: the film plays, the slideshow works by keyboard, the podcast has its transcript."""

from __future__ import annotations

import pytest


@pytest.fixture
def page(browser, example_url):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    yield page
    context.close()


def test_film_plays_muted_with_a_captions_track(page, example_url):
    page.goto(example_url + "inlagg/vart-vander-jag-mig/")
    video = page.locator("video.sl-media__player")
    assert video.get_attribute("autoplay") is None
    assert video.evaluate("v => v.paused")
    played = video.evaluate("""async v => {
        v.muted = true;
        await v.play();
        await new Promise(done => setTimeout(done, 700));
        return {time: v.currentTime, paused: v.paused, error: v.error && v.error.code};
    }""")
    assert played["error"] is None
    assert not played["paused"] and played["time"] > 0.2
    tracks = video.evaluate("""v => Array.from(v.textTracks, t => ({kind: t.kind, lang: t.language, mode: t.mode}))""")
    # The post's own language shows by default; the Arabic track is in the player's menu.
    assert tracks == [{"kind": "captions", "lang": "sv", "mode": "showing"}, {"kind": "captions", "lang": "ar", "mode": "disabled"}]
    cues = video.evaluate("""async v => {
        const [track, arabic] = v.querySelectorAll('track');
        if (track.readyState !== 2) await new Promise(done => track.addEventListener('load', done, {once: true}));
        v.textTracks[1].mode = "hidden";  // what choosing it in the menu does, shown or not: the browser loads it
        if (arabic.readyState !== 2) await new Promise(done => arabic.addEventListener('load', done, {once: true}));
        return [Array.from(v.textTracks[0].cues, c => c.text), Array.from(v.textTracks[1].cues, c => c.text)];
    }""")
    assert cues[0][0] == "Hej. Det här är en film om vart du kan vända dig när du mår dåligt."
    assert cues[1][2] == "يمكنك الاتصال بالرقم 1177 على مدار الساعة." and len(cues[1]) == len(cues[0]) == 5


def test_slideshow_is_operable_by_keyboard(page, example_url):
    page.goto(example_url + "inlagg/fem-stallen/")
    slides = page.locator(".sl-slideshow__slide")
    status = page.locator(".sl-slideshow__status")
    assert slides.count() == 6
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == "Bild 1 av 6"
    assert slides.nth(0).is_visible() and not slides.nth(1).is_visible()

    # Tab to the slide list, then arrow keys.
    page.locator(".sl-slideshow__slides").focus()
    page.keyboard.press("ArrowRight")
    assert status.inner_text() == "Bild 2 av 6"
    assert slides.nth(1).is_visible() and not slides.nth(0).is_visible()
    page.keyboard.press("End")
    assert status.inner_text() == "Bild 6 av 6"
    page.keyboard.press("ArrowRight")
    assert status.inner_text() == "Bild 1 av 6"
    page.keyboard.press("ArrowLeft")
    assert status.inner_text() == "Bild 6 av 6"

    # The buttons work with Tab + Enter/Space, and they have names.
    next_button = page.get_by_role("button", name="Nästa bild")
    next_button.focus()
    page.keyboard.press("Enter")
    assert status.inner_text() == "Bild 1 av 6"
    page.keyboard.press("Space")
    assert status.inner_text() == "Bild 2 av 6"
    page.get_by_role("button", name="Föregående bild").click()
    assert status.inner_text() == "Bild 1 av 6"
    assert slides.nth(0).locator("img").get_attribute("alt") == "Rubriken ”Fem ställen att få stöd” på blå bakgrund"


def test_slideshow_without_javascript_shows_every_slide_in_order(browser, example_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(example_url + "inlagg/fem-stallen/")
    slides = page.locator(".sl-slideshow__slide")
    assert [slides.nth(i).is_visible() for i in range(slides.count())] == [True] * 6
    assert page.get_by_role("button", name="Nästa bild").count() == 0
    context.close()


def test_podcast_page_shows_the_transcript_and_duration(page, example_url):
    page.goto(example_url + "inlagg/att-vaga-prata/")
    audio = page.locator("audio.sl-media__player")
    assert audio.get_attribute("preload") == "none" and audio.get_attribute("autoplay") is None
    assert audio.evaluate("a => a.canPlayType('audio/mpeg')") != ""
    heading = page.get_by_role("heading", name="Det här sägs i podden")
    assert heading.is_visible()
    assert page.get_by_text("Mind Självmordslinjen på 90101").is_visible()
    assert page.locator(".sl-media__caption time").inner_text() == "37 s"
    page.get_by_role("link", name="Läs vad som sägs").click()
    assert page.url.endswith("#transkription")
