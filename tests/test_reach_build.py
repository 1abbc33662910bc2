"""Build tests for reach: real `mkdocs build --strict` runs of a copy of the example site,
with one post held back (a participant's consent is pending)."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest
from conftest import run_build
from PIL import Image

SITE_URL = "https://stodlanken.example.org/"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
HELD_SLUG = "zebrafink-podd"  # tests/fixtures/held_podcast: a podcast one participant has not yet consented to


@pytest.fixture(scope="module")
def reach_build(case_build):
    result = case_build("held_podcast")
    assert result.ok, result.output
    assert HELD_SLUG in result.output  # the posts hook says it held the post back
    return result


@pytest.fixture(scope="module")
def site(reach_build) -> Path:
    return reach_build.site_dir


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name")
        if tag == "meta" and key and "content" in attributes:
            self.meta[key] = attributes["content"]


def meta_of(path: Path) -> dict[str, str]:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.meta


def local_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / urlsplit(url).path.lstrip("/")


def published_slugs(site: Path) -> list[str]:
    return sorted(path.parent.name for path in (site / "inlagg").glob("*/index.html"))


def test_example_has_posts_and_situations_to_share(site):
    assert published_slugs(site) == ["att-vaga-prata", "brak-hemma", "fem-stallen", "vart-vander-jag-mig"]


def test_every_published_post_has_og_tags_with_an_absolute_card_of_the_right_size(site):
    for slug in published_slugs(site):
        meta = meta_of(site / "inlagg" / slug / "index.html")
        assert meta["og:url"] == f"{SITE_URL}inlagg/{slug}/"
        assert meta["og:type"] == "article"
        assert meta["og:title"] and meta["og:description"] and meta["og:image:alt"]
        assert meta["og:image"] == meta["twitter:image"] == f"{SITE_URL}kort/inlagg/{slug}.png"
        with Image.open(local_file(site, meta["og:image"])) as card:
            assert card.size == (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630)
        with Image.open(site / "kort" / "inlagg" / f"{slug}-story.png") as story:
            assert story.size == (1080, 1920)


def test_every_page_has_share_tags_whose_image_exists(site):
    pages = [path for path in site.rglob("*.html") if not path.is_relative_to(site / "assets")]
    assert len(pages) > 20
    for page in pages:
        meta = meta_of(page)
        assert meta.get("twitter:card") == "summary_large_image", page
        assert meta["og:title"] and meta["og:description"] and meta["og:image:alt"], page
        with Image.open(local_file(site, meta["og:image"])) as image:
            assert image.size == (int(meta["og:image:width"]), int(meta["og:image:height"])), page


def test_every_situation_has_cards_a_poster_a_qr_code_and_a_short_link(site):
    situations = sorted(path.parent.name for path in (site / "affisch" / "stod").glob("*/index.html"))
    assert "hemma" in situations and len(situations) >= 4
    for sid in situations:
        assert meta_of(site / "stod" / sid / "index.html")["og:image"] == f"{SITE_URL}kort/stod/{sid}.png"
        with Image.open(site / "kort" / "stod" / f"{sid}-story.png") as story:
            assert story.size == (1080, 1920)
        assert (site / "affisch" / "stod" / sid / "qr.svg").read_text().startswith("<svg")
        assert f'<link rel="canonical" href="{SITE_URL}stod/{sid}/">' in (site / "l" / sid / "index.html").read_text()


def test_held_back_post_has_no_card_qr_short_link_or_feed_item(site):
    assert not (site / "inlagg" / HELD_SLUG).exists()
    assert not list((site / "kort").rglob(f"*{HELD_SLUG}*"))
    assert not (site / "affisch" / "inlagg" / HELD_SLUG).exists()
    assert not (site / "l" / HELD_SLUG).exists()
    for name in ("feed.xml", "podd.xml", "sitemap.xml"):
        text = (site / name).read_text(encoding="utf-8")
        assert HELD_SLUG not in text and "Zebrafink" not in text, name
    # Cards: two per published post and situation, the site card and the podcast cover.
    targets = len(published_slugs(site)) + len(list((site / "affisch" / "stod").glob("*/index.html")))
    assert len(list((site / "kort").rglob("*.png"))) == 2 * targets + 2


def test_sitemap_lists_posts_but_not_held_back_posts_posters_or_short_links(site):
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert f"{SITE_URL}inlagg/fem-stallen/" in locations
    assert not [url for url in locations if HELD_SLUG in url or "/affisch/" in url or "/l/" in url]


def test_podcast_feed_has_one_item_per_published_podcast_with_its_audio_file(site):
    channel = ET.parse(site / "podd.xml").getroot().find("channel")
    assert channel.findtext("language") == "sv"
    cover = channel.find(f"{ITUNES}image").get("href")
    with Image.open(local_file(site, cover)) as image:
        assert image.size == (1400, 1400)  # Apple Podcasts: square, 1400–3000 px
    podcasts = [slug for slug in published_slugs(site) if "Podd" in meta_of(site / "inlagg" / slug / "index.html")["og:image:alt"]]
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [f"{SITE_URL}inlagg/{slug}/" for slug in podcasts] == [f"{SITE_URL}inlagg/att-vaga-prata/"]
    for item in items:
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "audio/mpeg"
        assert int(enclosure.get("length")) == local_file(site, enclosure.get("url")).stat().st_size
        assert int(item.findtext(f"{ITUNES}duration")) > 0
        assert item.findtext(f"{ITUNES}explicit") == "false"


def test_posts_feed_has_every_published_post_newest_first(site):
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    links = [item.findtext("link") for item in channel.findall("item")]
    assert sorted(links) == [f"{SITE_URL}inlagg/{slug}/" for slug in published_slugs(site)]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'type="application/rss+xml" title="Stödlänken Helsingborg: alla inlägg" href="{SITE_URL}feed.xml"' in home


def test_short_links_send_to_the_page_without_javascript(site):
    page = (site / "l" / "fem-stallen" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../../inlagg/fem-stallen/">' in page
    assert '<meta name="robots" content="noindex">' in page and "<script" not in page
    # Like every page: the site's CSP, the quick exit and a way to /akut/.
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';" in page
    assert 'class="sl-exit"' in page and 'href="../../akut/"' in page


def test_poster_page_shows_title_qr_short_address_and_help_row(site):
    page = (site / "affisch" / "inlagg" / "fem-stallen" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../../affisch/inlagg/fem-stallen/qr.svg"' in page
    assert "stodlanken.example.org/l/<wbr>fem-stallen" in page  # breaks after /l/ on a narrow page
    assert 'href="tel:112"' in page and "Behöver du hjälp nu?" in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'class="sl-exit"' in page  # quick exit on every page


def test_cards_are_cached_so_a_rebuild_draws_none(reach_build, tmp_path):
    project = reach_build.site_dir.parent / "project"
    cache = project / ".cache" / "stodlanken" / "cards"
    before = {path: path.stat().st_mtime_ns for path in cache.glob("*.png")}
    assert before
    again = run_build(project, site_dir=tmp_path / "site")
    assert again.ok, again.output
    assert {path: path.stat().st_mtime_ns for path in cache.glob("*.png")} == before


def test_post_slug_colliding_with_a_situation_id_stops_the_build(copy_example):
    project = copy_example()
    (project / "docs" / "inlagg" / "posts" / "hemma.md").write_text(
        textwrap.dedent(
            """\
            ---
            title: Hemma
            date: 2026-10-01
            type: text
            summary: En text.
            situations: [hemma]
            ---

            Text.
            """
        ),
        encoding="utf-8",
    )
    result = run_build(project)
    assert not result.ok
    assert (
        "docs/inlagg/posts/hemma.md: (filnamn): den korta länken /l/hemma/ används redan av situationen hemma "
        "(support_directory/situations.yml) — byt namn på filen, t.ex. hemma-2.md"
    ) in result.output
    assert "Traceback" not in result.output
