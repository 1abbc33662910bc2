"""The directory's pages and open data, built for real with `mkdocs build --strict`."""

from __future__ import annotations

import csv
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import TODAY, run_build

SITUATIONS = ["ma-daligt", "hemma", "vald", "sjalvmordstankar", "kropp-sex"]
EXAMPLE_SERVICES = [
    "112", "1177", "bris", "helsingborg-socialtjansten", "helsingborg-ungdomsmottagningen", "kvinnofridslinjen",
    "mind-sjalvmordslinjen", "polisen", "reko-stodchatt", "umo", "youmo",
]  # fmt: skip


@pytest.fixture(scope="session")
def fixture_build(case_build):
    """The example site plus the fixture services of tests/fixtures/directory_hours/ (hours,
    a <script> name, closed, inactive)."""
    result = case_build("directory_hours")
    assert result.ok, result.output
    return result


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def main_content(html: str) -> str:
    """Our part of the page (the content block), without the shared header and footer."""
    match = re.search(r'<div class="stod .*?(?=<footer|<section class="sl-help")', html, re.S)
    assert match
    return match.group(0)


# --- the example site -------------------------------------------------------------------


def test_a_page_for_the_directory_every_situation_every_service_and_akut(example_site):
    assert (example_site / "stod" / "index.html").is_file()
    assert (example_site / "akut" / "index.html").is_file()
    for situation in SITUATIONS:
        assert (example_site / "stod" / situation / "index.html").is_file(), situation
    for service in EXAMPLE_SERVICES:
        assert (example_site / "stod" / "tjanst" / service / "index.html").is_file(), service


def test_directory_page_lists_every_service_without_javascript(example_site):
    html = read(example_site, "stod/index.html")
    assert len(re.findall(r'<li class="stod-card[ "]', html)) == len(EXAMPLE_SERVICES)
    for service in EXAMPLE_SERVICES:
        assert f'data-service="{service}"' in html
    # The filters need JavaScript, so without it they are not shown at all (and with it they
    # are there from the first paint: nothing moves when stod.js starts).
    assert re.search(r"<form [^>]*data-stod-filters[ >]", html) and not re.search(r"<form [^>]*data-stod-filters hidden", html)
    assert "<noscript><style>.stod-filters,.stod-open{display:none}</style></noscript>" in html
    for situation in SITUATIONS:
        assert f'href="../{situation}/"' in html or f'href="{situation}/"' in html


def test_akut_lists_the_emergency_services_in_order(example_site):
    html = main_content(read(example_site, "akut/index.html"))
    order = re.findall(r'data-service="([^"]+)"', html)
    assert order == ["112", "1177", "bris", "mind-sjalvmordslinjen"]
    assert 'href="tel:112"' in html


def test_service_page_has_big_contact_buttons_hours_and_verified_date(example_site):
    html = main_content(read(example_site, "stod/tjanst/bris/index.html"))
    assert '<a class="stod-button stod-button--phone" href="tel:116111">' in html
    assert 'class="stod-button stod-button--chat" href="https://www.bris.se/" rel="noopener noreferrer"' in html
    assert "Senast kontrollerad <time datetime=\"2026-11-24\">24 november 2026</time>" in html
    assert "Dygnet runt" in html
    assert "(Ideell organisation)" in html
    kvinnofrid = read(example_site, "stod/tjanst/kvinnofridslinjen/index.html")
    assert 'href="tel:020505050"' in kvinnofrid and "Ring 020-50 50 50" in kvinnofrid


def test_service_page_without_hours_says_see_the_website(example_site):
    html = main_content(read(example_site, "stod/tjanst/umo/index.html"))
    assert "Öppettiderna finns på tjänstens webbplats." in html and "data-hours" not in html


def test_situation_page_shows_intro_services_and_links(example_site):
    html = main_content(read(example_site, "stod/hemma/index.html"))
    assert "<h1>Det är jobbigt hemma</h1>" in html
    services = re.findall(r'data-service="([^"]+)"', html)
    assert set(services) == {"bris", "kvinnofridslinjen", "helsingborg-socialtjansten"}
    assert services[:2] == ["bris", "kvinnofridslinjen"]  # always open first, before "see the website"
    assert "data-sort-open" in html


def test_situation_page_lists_the_published_posts_about_it(example_site):
    html = main_content(read(example_site, "stod/hemma/index.html"))
    assert "Inlägg om det här" in html
    linked = set(re.findall(r'<a href="\.\./\.\./inlagg/([^"/]+)/">', html))
    assert "brak-hemma" in linked  # the example film about "hemma"
    for slug in linked:
        assert (example_site / "inlagg" / slug / "index.html").is_file(), slug


def test_jsonld_on_a_service_page_parses_and_names_the_service(example_site):
    html = read(example_site, "stod/tjanst/bris/index.html")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "BRIS – Barnens rätt i samhället"
    assert data["url"].endswith("/stod/tjanst/bris/")


def test_open_data_files_are_written(example_site):
    data = json.loads(read(example_site, "stod.json"))
    assert len(data["services"]) == len(EXAMPLE_SERVICES)
    rows = list(csv.DictReader(read(example_site, "stod.csv").splitlines()))
    assert sorted(row["slug"] for row in rows) == sorted(EXAMPLE_SERVICES)


def test_directory_pages_have_their_styles_inline_and_load_their_script_deferred(example_site):
    for path in ("stod/index.html", "stod/hemma/index.html", "stod/tjanst/bris/index.html", "akut/index.html"):
        html = read(example_site, path)
        assert ".stod-contacts{" in html and "<link rel=\"stylesheet\"" not in html, path
        script = re.search(r'<script src="([./]*)(assets/javascripts/stod\.[0-9a-f]{10}\.js)" defer>', html)
        assert script, path
    assert (example_site / script.group(2)).is_file()


# --- fixture services: escaping, closed, inactive ---------------------------------------


def test_script_in_a_name_renders_as_text(fixture_build):
    html = read(fixture_build.site_dir, "stod/tjanst/skript-namn/index.html")
    assert "<script>alert(1)</script>" not in html
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Jour</h1>" in html
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; Jour" in html
    assert "Testtjänst med &lt;b&gt;html&lt;/b&gt; i texten &amp; ett &#34;citat&#34;." in html
    assert "&amp;lt;" not in html  # escaped once, not twice
    # Only the data files (JSON, CSV) hold the name as it was written; no HTML page does.
    pages = [path for path in fixture_build.site_dir.rglob("*.html") if "<script>alert(1)" in path.read_text(encoding="utf-8")]
    assert pages == []
    listing = read(fixture_build.site_dir, "stod/index.html")
    assert "<script>alert(1)</script>" not in listing and "&lt;script&gt;alert(1)&lt;/script&gt; Jour</a>" in listing


def test_description_markdown_is_rendered_without_raw_html(fixture_build):
    html = main_content(read(fixture_build.site_dir, "stod/tjanst/skript-namn/index.html"))
    description = re.search(r'<div class="stod-description">(.*?)</div>', html, re.S).group(1)
    assert "<strong>fetstil</strong>" in description
    assert '<a href="https://www.example.org/" rel="noopener noreferrer">länk</a>' in description
    assert "<img" not in description and "<b>" not in description and "<script" not in description
    assert "&lt;b&gt;inte fet&lt;/b&gt;" in description
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in description


def test_temporarily_closed_service_is_shown_with_its_alert(fixture_build):
    html = main_content(read(fixture_build.site_dir, "stod/tjanst/sommarstangt/index.html"))
    assert "Tillfälligt stängt:</strong> Stängt vecka 29–32" in html
    assert 'data-closed="true"' in html


def test_inactive_service_appears_nowhere(fixture_build):
    assert not (fixture_build.site_dir / "stod" / "tjanst" / "inaktiv").exists()
    assert "Nedlagd tjänst" not in fixture_build.text_of_all_files()
    assert "inaktiv" not in read(fixture_build.site_dir, "stod.json")


def test_weekly_hours_are_a_table_and_data_for_the_browser(fixture_build):
    html = main_content(read(fixture_build.site_dir, "stod/tjanst/kvallsjouren/index.html"))
    assert '<tr><th scope="row">Måndag</th><td>14:00–21:00</td></tr>' in html
    assert '<tr><th scope="row">Tisdag</th><td>Stängt</td></tr>' in html
    listing = read(fixture_build.site_dir, "stod/hemma/index.html")
    assert "Öppet Mån 14:00–21:00 (svensk tid)" in listing  # the card, for visitors without JavaScript
    assert 'data-hours="1/14:00-21:00"' in html


# --- builds that must fail -----------------------------------------------------------


def test_javascript_url_fails_the_build_with_one_line(copy_example):
    project = copy_example()
    path = project / "support_directory" / "services" / "bris.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("web: https://www.bris.se/", "web: javascript:alert(1)"), encoding="utf-8")
    result = run_build(project)
    assert not result.ok
    assert "support_directory/services/bris.yml:" in result.output
    assert re.search(r"support_directory/services/bris\.yml:\d+: contact\.web: innehåller en skript- eller data-adress .* — ", result.output)
    assert "Traceback" not in result.output


def test_broken_directory_fails_with_one_line_per_mistake_and_no_traceback(case_build):
    result = case_build("directory_broken")
    project = result.site_dir.parent / "project"
    assert not result.ok
    assert "Traceback" not in result.output
    for path in sorted((project / "support_directory").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if not first.startswith("# mistake:"):
            continue
        fieldname = first.removeprefix("# mistake:").strip()
        rel = path.relative_to(project).as_posix()
        found = [line for line in result.output.splitlines() if f"{rel}:" in line or f"{rel}: " in line]
        assert len(found) == 1, (rel, found)
        assert f": {fieldname}: " in found[0], found[0]


def test_stale_service_is_a_warning_that_does_not_stop_the_build(copy_example):
    project = copy_example()
    path = project / "support_directory" / "services" / "umo.yml"
    stale = (TODAY - timedelta(days=200)).isoformat()
    path.write_text(path.read_text(encoding="utf-8").replace("verified: 2026-11-24", f"verified: {stale}"), encoding="utf-8")
    result = run_build(project)
    assert result.ok, result.output
    assert re.search(r"support_directory/services/umo\.yml:\d+: verified: kontrollerades senast", result.output)


def test_without_strict_a_broken_service_gets_no_page_and_the_rest_is_built(copy_example):
    # As in `mkdocs serve`: the error is shown, the site is still built without that service.
    project = copy_example()
    path = project / "support_directory" / "services" / "umo.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("web: https://www.umo.se/", "web: http://www.umo.se/"), encoding="utf-8")
    result = run_build(project, strict=False)
    assert result.ok, result.output
    assert re.search(r"support_directory/services/umo\.yml:\d+: contact\.web: adressen måste börja med https://", result.output)
    assert not (result.site_dir / "stod" / "tjanst" / "umo").exists()
    assert (result.site_dir / "stod" / "tjanst" / "bris" / "index.html").is_file()
    assert 'data-service="umo"' not in read(result.site_dir, "stod/index.html")
