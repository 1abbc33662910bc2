"""Unit tests for reach: short-link slugs, share tags, share cards and QR codes."""

from __future__ import annotations

import io
import os
import re
from datetime import date

import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from conftest import ROOT
from stodlanken import cards, qr, reach, shell, templates
from stodlanken.i18n import SWEDISH, Words

INFO = reach.SiteInfo("Stödlänken Helsingborg", "https://stodlanken.example.org/", "Stöd för unga.", "Helsingborgs stad och REKO", "Stöd för dig.")


def _post(slug: str, title: str = "En titel") -> reach.Target:
    return reach.Target("post", slug, title, "Kort text.", "Film", f"inlagg/{slug}/", f"docs/inlagg/posts/{slug}.md", date(2026, 10, 1))


def _situation(sid: str) -> reach.Target:
    return reach.Target("situation", sid, "Det är jobbigt hemma", "Intro.", "Stöd", f"stod/{sid}/", reach.SITUATIONS_FILE)


# --- Slugs ----------------------------------------------------------------------------------


def test_post_slug_that_is_a_situation_id_is_one_problem_naming_both_files():
    problems = reach.check_slugs([_situation("hemma"), _post("hemma"), _post("fem-stallen")])
    assert [str(problem) for problem in problems] == [
        "docs/inlagg/posts/hemma.md: (filnamn): den korta länken /l/hemma/ används redan av situationen hemma "
        "(support_directory/situations.yml) — byt namn på filen, t.ex. hemma-2.md"
    ]


def test_slug_that_cannot_be_a_short_link_is_a_problem():
    problems = reach.check_slugs([_situation("Hemma_2")])
    assert len(problems) == 1 and problems[0].field == "id" and "a–z, 0–9" in problems[0].fix


def test_unique_clean_slugs_are_fine():
    assert reach.check_slugs([_situation("hemma"), _post("brak-hemma"), _post("a1")]) == []


def test_generated_paths_mirror_the_page_and_cannot_collide():
    post, situation = _post("hemma"), _situation("hemma")
    assert (post.card, post.story, post.poster, post.qr, post.short) == (
        "kort/inlagg/hemma.png", "kort/inlagg/hemma-story.png", "affisch/inlagg/hemma/", "affisch/inlagg/hemma/qr.svg", "l/hemma/",
    )
    assert {post.card, post.story, post.poster, post.qr}.isdisjoint({situation.card, situation.story, situation.poster, situation.qr})


# --- Share tags -----------------------------------------------------------------------------


def test_post_page_shares_its_card_with_absolute_urls_and_alt_text():
    target = _post("fem-stallen", "Fem ställen")
    share = reach.page_share("inlagg/fem-stallen/", "Fem ställen", "Kort text.", INFO, {target.path: target})
    tags = {name: content for _, name, content in share.tags}
    assert tags["og:url"] == "https://stodlanken.example.org/inlagg/fem-stallen/"
    assert tags["og:image"] == tags["twitter:image"] == "https://stodlanken.example.org/kort/inlagg/fem-stallen.png"
    assert tags["og:image:alt"] == "Film: Fem ställen. Stödlänken Helsingborg"
    assert (tags["og:type"], tags["twitter:card"], tags["og:locale"]) == ("article", "summary_large_image", "sv_SE")
    assert share.button and share.short_display == "stodlanken.example.org/l/fem-stallen"


def test_other_pages_share_the_site_card():
    share = reach.page_share("om/", "Om oss", None, INFO, {})
    assert share.image == "https://stodlanken.example.org/kort/webbplats.png"
    assert (share.title, share.description, share.button) == ("Om oss", "Stöd för unga.", False)
    assert reach.page_share("", "Start", None, INFO, {}).title == "Stödlänken Helsingborg"


def test_open_graph_uses_property_and_twitter_uses_name():
    share = reach.site_share(INFO, url=None)
    for attribute, name, _ in share.tags:
        assert attribute == ("property" if name.startswith("og:") else "name")
    assert "og:url" not in {name for _, name, _ in share.tags}


def test_short_link_page_redirects_without_javascript_and_is_not_indexed():
    target = _post("fem-stallen", 'Fem "ställen" <b>')
    env = templates.environment([ROOT / "overrides"])
    env.globals["stod"] = {"quick_exit_url": "https://www.smhi.se/"}
    env.globals["language"] = shell.language("sv")
    env.globals["_"] = Words(SWEDISH)
    page = reach.short_link_html(env, target, reach.page_share(target.path, target.title, "", INFO, {target.path: target}), INFO)
    assert '<meta http-equiv="refresh" content="0; url=../../inlagg/fem-stallen/">' in page
    assert '<link rel="canonical" href="https://stodlanken.example.org/inlagg/fem-stallen/">' in page
    assert '<meta name="robots" content="noindex">' in page and '<html lang="sv" dir="ltr">' in page
    assert "<script" not in page and "<b>" not in page and "&#34;ställen&#34;" in page
    assert '<a class="sl-exit" href="https://www.smhi.se/"' in page and '<a href="../../akut/">' in page


def test_poster_source_is_front_matter_for_the_poster_template():
    source = reach.poster_source(_post("x", 'Citat: "hej" – #1'), INFO)
    assert source.startswith("---\ntemplate: poster.html\n")
    assert 'title: "Affisch: Citat: \\"hej\\" – #1"' in source and 'poster_of: "inlagg/x/"' in source


# --- Cards ----------------------------------------------------------------------------------


def test_card_font_draws_swedish_letters_that_pillows_default_font_lacks():
    font = cards._font("latin", "bold", 40)
    assert all(cards.has_glyph(font, ch) for ch in "åäöÅÄÖé–”…")
    assert not cards.has_glyph(font, "😀")
    # Why Lato and not ImageFont.load_default(): Pillow's bundled font has no å.
    default = ImageFont.load_default(size=40)
    assert bytes(default.getmask("å")) == bytes(default.getmask("\U000f0000"))


def test_emoji_are_left_out_rather_than_drawn_as_boxes():
    assert cards.printable("Hej 😀 då", cards._font("latin", "regular", 30)) == "Hej då"


def _pieces(image: Image.Image) -> list[tuple[int, int, int, int]]:
    """The bounding boxes of the separate pieces of light ink (white text on the dark card):
    an 8-neighbour flood fill. Joined Arabic letters are one piece; unjoined ones are not."""
    ink = image.convert("L").point(lambda value: 255 if value > 128 else 0)
    width, height = ink.size
    data = ink.load()
    seen: set[tuple[int, int]] = set()
    boxes = []
    for y in range(height):
        for x in range(width):
            if data[x, y] and (x, y) not in seen:
                stack, box = [(x, y)], [x, y, x, y]
                seen.add((x, y))
                while stack:
                    px, py = stack.pop()
                    box = [min(box[0], px), min(box[1], py), max(box[2], px), max(box[3], py)]
                    for nx in (px - 1, px, px + 1):
                        for ny in (py - 1, py, py + 1):
                            if 0 <= nx < width and 0 <= ny < height and data[nx, ny] and (nx, ny) not in seen:
                                seen.add((nx, ny))
                                stack.append((nx, ny))
                boxes.append(tuple(box))
    return boxes


def _title_band(title: str) -> Image.Image:
    """The upper part of a link card with only this title (no label, footer or address)."""
    image = Image.open(io.BytesIO(cards.draw(cards.Card("link", title, language="ar"))))
    return image.crop((0, 0, image.width, 300))


def test_an_arabic_title_is_drawn_with_its_letters_joined_from_the_right_edge():
    if not cards.SHAPING:
        message = cards.shaping_problem()
        if os.environ.get("CI") == "true":  # .ci/run installs FriBiDi: never skipped there
            pytest.fail(message)
        pytest.skip(message)
    # سلام: four letters without dots. Shaped, س joins ل joins ا (lam-alef), and م stands
    # apart (ا never joins the letter after it): two pieces of ink. Unshaped: four.
    word = "سلام"
    band = _title_band(word)
    assert len(_pieces(band)) == 2
    # The check can tell: the same word drawn without shaping (Pillow's basic layout) falls apart.
    basic = ImageFont.truetype(cards._path("arabic", "bold"), 63, layout_engine=ImageFont.Layout.BASIC)
    unjoined = Image.new("RGB", (600, 200), cards.BACKGROUND)
    ImageDraw.Draw(unjoined).text((20, 150), word, font=basic, fill=cards.INK, anchor="ls")
    assert len(_pieces(unjoined)) == 4
    # Right to left: the title ends at the card's right margin, nowhere near the left one.
    left, _top, right, _bottom = band.convert("L").point(lambda v: 255 if v > 128 else 0).getbbox()
    margin = round(630 * 0.08)
    assert abs(right - (1200 - margin)) <= 3 and left > 1200 // 2


def test_an_ethiopic_title_is_drawn_in_a_font_that_has_it_not_as_boxes():
    title = "ሰላም"  # Tigrinya: three syllables
    # Lato, the Latin font, has none of them: that card would have had no title at all.
    assert not any(cards.has_glyph(cards._font("latin", "bold", 63), char) for char in title)
    font, lines = cards.fit_text(title, "bold", 1200 - 2 * 50, 300, start=63)
    assert lines == [title] and cards.face(title) == "ethiopic"
    assert all(ord(char) in TTFont(font.path).getBestCmap() for char in title)  # read from the font file itself
    pieces = _pieces(_title_band(title))
    assert len(pieces) >= 3
    # None of them is the font's "missing glyph" box.
    box_left, box_top, box_right, box_bottom = font.getbbox("\U000f0000")
    box_size = (box_right - box_left, box_bottom - box_top)
    assert all((right - left + 1, bottom - top + 1) != box_size for left, top, right, bottom in pieces)


def test_a_persian_zero_width_non_joiner_is_kept():
    # می‌بینم: the ZWNJ keeps می apart from بینم; dropping it would join them.
    assert cards.printable("می\u200cبینم", cards._font("arabic", "bold", 40)) == "می\u200cبینم"


def test_without_text_shaping_arabic_is_left_out_and_the_build_is_told_what_to_install(monkeypatch):
    monkeypatch.setattr(cards, "SHAPING", False)
    assert cards.printable("سلام", cards._font("arabic", "bold", 40)) == ""
    assert cards.printable("ሰላም Hej", cards._font("ethiopic", "bold", 40)) == "ሰላም Hej"  # stands alone: no shaping needed
    assert "libfribidi0" in cards.shaping_problem()
    monkeypatch.setattr(cards, "SHAPING", True)
    assert cards.shaping_problem() is None


@pytest.mark.parametrize(("text", "face", "rtl"), [
    ("Jag mår dåligt", "latin", False), ("أشعر بأنني لست بخير", "arabic", True), ("UMO: أشعر", "arabic", True), ("Hej", "latin", False),
    ("حالم بد است", "arabic", True), ("ሰላም", "ethiopic", False), ("112 – ደውል", "ethiopic", False), ("", "latin", False),
])
def test_a_text_picks_its_font_and_its_direction_by_its_script(text, face, rtl):
    assert (cards.face(text), cards.right_to_left(text)) == (face, rtl)


@pytest.mark.parametrize("size", ["link", "story", "square"])
def test_card_has_its_pixel_size(size):
    image = Image.open(io.BytesIO(cards.draw(cards.Card(size, "Någon gör mig illa", "Stöd", footer="Stödlänken", address="x.org/l/vald"))))
    assert image.size == cards.SIZES[size] and image.format == "PNG"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("ink", "background"), [(cards.INK, cards.BACKGROUND), (cards.LABEL_INK, cards.LABEL_BACKGROUND)])
def test_card_text_contrast_is_at_least_7_to_1(ink, background):
    light, dark = sorted([_luminance(ink), _luminance(background)], reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 7


def test_long_title_wraps_inside_the_card_and_long_words_are_split():
    font, lines = cards.fit_text("Ett " + "superlångtord" * 6 + " och mer text " * 20, "bold", 1000, 300, start=60)
    assert all(font.getlength(line) <= 1000 for line in lines)
    assert len(lines) * font.size * 1.15 <= 300 + font.size * 1.15


def test_cards_are_cached_by_what_they_show(tmp_path):
    card = cards.Card("link", "Titel", "Film", footer="Sajt")
    first = cards.cached_cards([card], tmp_path)[0]
    mtime = first.stat().st_mtime_ns
    assert cards.cached_cards([card], tmp_path)[0] == first and first.stat().st_mtime_ns == mtime
    changed = cards.cached_cards([cards.Card("link", "Ny titel", "Film", footer="Sajt")], tmp_path)[0]
    assert changed != first and len(list(tmp_path.glob("*.png"))) == 2
    assert list(tmp_path.glob("*.tmp")) == []


def test_many_missing_cards_are_drawn_in_parallel_processes_exactly_as_one_by_one(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # two worker processes even on one core
    wanted = [cards.Card("story" if n % 2 else "link", f"Titel {n} om stöd", "Film", footer="Sajt") for n in range(20)]
    cards.cached_cards([wanted[0]], tmp_path)[0]  # one is there already: it is not drawn again
    mtime = cards.cached_cards([wanted[0]], tmp_path)[0].stat().st_mtime_ns
    paths = cards.cached_cards(wanted, tmp_path)
    assert len(set(paths)) == 20 and paths[0].stat().st_mtime_ns == mtime
    for card in (wanted[1], wanted[19]):
        assert paths[wanted.index(card)].read_bytes() == cards.draw(card)
    assert list(tmp_path.glob("*.tmp")) == []


# --- QR codes -------------------------------------------------------------------------------


def svg_modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules that segno's SVG path draws: "M x y.5" then runs of "h n" / "m dx dy"."""
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg).group(1)
    dark: set[tuple[int, int]] = set()
    x = y = 0.0
    for op, args in re.findall(r"([MmHh])([^MmHh]*)", path):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if op == "M":
            x, y = numbers
        elif op == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            length = numbers[0]
            dark.update((int(x + i), int(y)) for i in range(int(length)))
            x += length
    return dark


def test_qr_svg_has_a_quiet_zone_of_four_modules_and_a_title():
    svg = qr.qr_svg("https://stodlanken.example.org/inlagg/fem-stallen/", title="QR-kod").decode()
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    dark = svg_modules(svg)
    xs, ys = {x for x, _ in dark}, {y for _, y in dark}
    # The three finder patterns reach the corners of the code: four light modules around it.
    assert min(xs) == min(ys) == 4 and max(xs) == max(ys) == size - 5
    assert "<title>QR-kod</title>" in svg


def test_qr_code_drawn_from_the_svg_decodes_to_the_page_url():
    url = "https://stodlanken.example.org/stod/hemma/"
    svg = qr.qr_svg(url, title="QR").decode()
    size = int(re.search(r'viewBox="0 0 (\d+)', svg).group(1))
    image = Image.new("L", (size, size), 255)
    for x, y in svg_modules(svg):
        image.putpixel((x, y), 0)
    results = zxingcpp.read_barcodes(image.resize((size * 8, size * 8), Image.NEAREST))
    assert [result.text for result in results] == [url]


def test_card_shows_the_public_address_also_in_a_preview_on_any_port():
    served = reach.SiteInfo("Stödlänken", "http://127.0.0.1:8123/", "", public_url="https://stodlanken.example.org/")
    assert served.card_display("l/hemma/") == "stodlanken.example.org/l/hemma"
    assert INFO.card_display("") == "stodlanken.example.org"
