"""Unit tests for what the directory's pages say (stodlanken.directory_pages)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import yaml

from stodlanken.directory_loader import load_directory
from stodlanken.directory_pages import contact_links, page_context, page_sources, render_description, shows_posts, swedish_date

PROJECT = Path(__file__).resolve().parents[1]
DIRECTORY, _ = load_directory(PROJECT / "support_directory", root=PROJECT, today=date(2026, 11, 25),
                              languages=("sv-x-easy", "en", "ar", "so", "ti", "prs"))  # mkdocs.yml's


def front_matter(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


def test_a_source_for_every_page_with_template_title_and_description():
    sources = page_sources(DIRECTORY)
    assert set(sources) == {
        "stod/index.md",
        "akut/index.md",
        *(f"stod/{s.id}/index.md" for s in DIRECTORY.situations),
        *(f"stod/tjanst/{s}/index.md" for s in DIRECTORY.services),
    }
    bris = front_matter(sources["stod/tjanst/bris/index.md"])
    assert bris["template"] == "stod/service.html"
    assert bris["title"] == "BRIS – Barnens rätt i samhället"
    assert bris["description"].startswith("För dig under 18.")
    assert bris["stod_page"] == {"kind": "service", "service": "bris"}
    assert front_matter(sources["stod/hemma/index.md"])["stod_page"] == {"kind": "situation", "situation": "hemma"}


def test_only_situation_pages_show_posts():
    # The preview rebuilds these after every edit; the others only when the directory changes.
    kinds = {uri: front_matter(source)["stod_page"]["kind"] for uri, source in page_sources(DIRECTORY).items()}
    assert {uri for uri in kinds if shows_posts(uri)} == {uri for uri, kind in kinds.items() if kind == "situation"}


def test_page_body_escapes_html_for_the_search_index():
    service = DIRECTORY.services["bris"]
    odd = replace(service, summary="<b>fet</b> & mer")
    directory = SimpleNamespace(situations=[], services={"bris": odd})
    assert "&lt;b&gt;fet&lt;/b&gt; &amp; mer" in page_sources(directory)["stod/tjanst/bris/index.md"]


def test_contact_links_are_tel_sms_https_and_mailto():
    links = contact_links(DIRECTORY.services["bris"])
    assert [(link.way, link.label, link.href) for link in links] == [
        ("phone", "Ring 116 111", "tel:116111"),
        ("chat", "Chatta", "https://www.bris.se/"),
        ("web", "Webbplats", "https://www.bris.se/"),
    ]
    assert links[1].detail == "bris.se"


def test_description_markdown_keeps_formatting_and_shows_html_as_text():
    html = render_description("**Fet** och [länk](https://x.example/) <b>inte</b>\n\n<div onclick=x>block</div>\n\n![bild](https://x.example/a.png)")
    assert "<strong>Fet</strong>" in html
    assert '<a href="https://x.example/" rel="noopener noreferrer">länk</a>' in html
    assert "&lt;b&gt;inte&lt;/b&gt;" in html
    assert "&lt;div onclick=x&gt;block&lt;/div&gt;" in html
    assert "<img" not in html  # no request to another site


def test_description_links_other_than_https_lose_their_href():
    html = render_description("[a](http://x.example/) [b](javascript:alert(1)) [c](mailto:a@b.se)")
    assert 'href="http:' not in html and "javascript" not in html
    assert "<a>b</a>" in html
    assert '<a href="mailto:a@b.se">c</a>' in html


def test_swedish_date():
    assert swedish_date(date(2026, 11, 24)) == "24 november 2026"


def rel_from(page_url: str):
    from mkdocs.utils import get_relative_url

    return lambda url: get_relative_url(url, page_url)


def test_situation_context_has_services_always_open_first_and_posts_about_it():
    posts = [
        SimpleNamespace(title="Bråk", summary="Film", type="film", type_label="Film", slug="brak-hemma", url="inlagg/brak-hemma/", situations=("hemma",), published=True),
        SimpleNamespace(title="Annat", summary="", type="text", type_label="Text", slug="annat", url="inlagg/annat/", situations=("kropp-sex",), published=True),
        SimpleNamespace(title="Väntar", summary="", type="text", type_label="Text", slug="vantar", url="inlagg/vantar/", situations=("hemma",), published=False),
    ]
    context = page_context({"kind": "situation", "situation": "hemma"}, DIRECTORY, posts, rel_from("stod/hemma/"))
    assert [s.id for s in context["services"]] == ["bris", "kvinnofridslinjen", "helsingborg-socialtjansten"]
    assert context["posts"] == [{"title": "Bråk", "summary": "Film", "type": "film", "type_label": "Film", "url": "../../inlagg/brak-hemma/"}]
    assert context["directory_url"] == "../"


def test_service_context_links_relative_to_the_page_and_carries_json_ld():
    context = page_context({"kind": "service", "service": "umo"}, DIRECTORY, [], rel_from("stod/tjanst/umo/"), site_url="https://s.example/")
    service = context["service"]
    assert service.situation_links == (("Jag mår dåligt", "../../ma-daligt/", ""), ("Kropp, sex och relationer", "../../kropp-sex/", ""))
    assert service.ages == "13–25 år" and service.hours is None
    assert '"url":"https://s.example/stod/tjanst/umo/"' in context["jsonld"]


def test_unknown_page_ids_give_no_context():
    assert page_context({"kind": "service", "service": "finns-inte"}, DIRECTORY, [], rel_from("")) is None
    assert page_context({"kind": "situation", "situation": "finns-inte"}, DIRECTORY, [], rel_from("")) is None


def test_akut_context_is_the_emergency_list_in_order():
    context = page_context({"kind": "akut"}, DIRECTORY, [], rel_from("akut/"))
    assert [s.id for s in context["services"]] == ["112", "1177", "bris", "mind-sjalvmordslinjen"]
    assert context["services"][0].url == "../stod/tjanst/112/"
