"""The link-in-bio home page, built for real from the example content."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import ROOT


def _home(example_site: Path) -> str:
    return (example_site / "index.html").read_text(encoding="utf-8")


def test_home_is_swedish(example_site):
    assert re.search(r'<html lang="sv"', _home(example_site))


def test_help_row_has_call_buttons_for_the_emergency_numbers(example_site):
    html = _home(example_site)
    help_row = html[html.index('class="sl-help"') : html.index("</section>", html.index('class="sl-help"'))]
    for number in ("112", "1177", "116111", "90101"):
        assert f'href="tel:{number}"' in help_row, number
    assert "Behöver du hjälp nu?" in help_row


def test_home_links_every_situation(example_site):
    situations = yaml.safe_load((ROOT / "support_directory" / "situations.yml").read_text(encoding="utf-8"))
    html = _home(example_site)
    for situation in situations:
        assert f'href="./stod/{situation["id"]}/"' in html, situation["id"]
        assert (example_site / "stod" / situation["id"] / "index.html").exists()


def test_home_shows_cards_for_the_latest_posts(example_site):
    html = _home(example_site)
    cards = re.findall(r'<h3 class="sl-card__title"><a href="\./inlagg/([a-z0-9-]+)/">', html)
    assert len(cards) == 3
    for slug in cards:
        assert (example_site / "inlagg" / slug / "index.html").exists()
    # Each card says its type in words, not by colour alone.
    assert len(re.findall(r'class="sl-card__type"><svg[^>]*aria-hidden="true"', html)) == 3


def test_home_renders_without_material_bundles(example_site):
    html = _home(example_site)
    head = html[: html.index("</head>")]
    assert "<script" not in head, "no script may delay the first render"
    assert "bundle" not in html and "javascripts/" not in head
    assert not re.search(r'<link[^>]+rel="stylesheet"', html), "the home page inlines its CSS"
    assert "Lämna sidan snabbt" in html


def test_a_published_build_has_no_preview_banners(example_build):
    for page in example_build.site_dir.rglob("*.html"):
        assert "data-preview" not in page.read_text(encoding="utf-8"), page


def test_names_and_titles_from_editors_are_escaped_on_home(copy_example, build):
    project = copy_example()
    service = project / "support_directory" / "services" / "1177.yml"
    service.write_text(service.read_text(encoding="utf-8").replace("name: ", "name: <script>alert(1)</script> ", 1), encoding="utf-8")
    post = project / "docs" / "inlagg" / "posts" / "brak-hemma.md"
    text = post.read_text(encoding="utf-8")
    text = text.replace("title: ", "title: <b>fet</b> ", 1).replace("summary: ", "summary: <img src=x> ", 1)
    post.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.ok, result.output
    html = (result.site_dir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<b>fet</b>" not in html and "&lt;b&gt;fet&lt;/b&gt;" in html
    assert "<img src=x>" not in html
    page = (result.site_dir / "inlagg" / "brak-hemma" / "index.html").read_text(encoding="utf-8")
    head = page[: page.index("</head>")]
    assert "<b>fet</b>" not in page and "&lt;b&gt;fet&lt;/b&gt;" in head
    assert "<img src=x>" not in head
    leaks = [p.relative_to(result.site_dir).as_posix() for p in result.site_dir.rglob("*.html")
             if "<b>fet</b>" in p.read_text(encoding="utf-8")]
    assert leaks == []
