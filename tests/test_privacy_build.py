"""Privacy on the built site: CSP on every page, safe links, the facade, the statement, _headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, run_build

@pytest.fixture(scope="module")
def site(facade_site) -> Path:
    return facade_site


def _pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
        if not path.relative_to(site).as_posix().startswith("assets/")
    }


def _policy(page: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert match, "no CSP meta"
    return match.group(1)


def _directive(policy: str, name: str) -> list[str]:
    for directive in policy.split(";"):
        words = directive.split()
        if words and words[0] == name:
            return words[1:]
    return []


def test_every_page_has_the_policy_before_any_script(site):
    pages = _pages(site)
    assert {"index.html", "404.html", "om/index.html", "tillganglighet/index.html", "filmtest/index.html"} <= set(pages)
    for name, page in pages.items():
        head = page[: page.index("</head>")]
        csp = head.index('http-equiv="Content-Security-Policy"')
        assert "<script" not in head[:csp] and "<style" not in head[:csp], name
        policy = _policy(page)
        assert "'self'" in _directive(policy, "default-src"), name
        assert "'unsafe-inline'" not in _directive(policy, "script-src"), name
        assert "'unsafe-eval'" not in _directive(policy, "script-src"), name
        assert _directive(policy, "object-src") == ["'none'"], name
        assert '<meta name="referrer" content="no-referrer">' in head, name


def test_no_page_has_an_inline_script_and_the_policy_hashes_its_inline_styles(site):
    import base64
    import hashlib

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    for name, page in _pages(site).items():
        policy = _policy(page)
        scripts = [body for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
                   if "src=" not in attrs and "application/" not in attrs]
        assert scripts == [], name  # the policy allows none: only the site's own script files run
        assert not any(word.startswith("'sha256-") for word in _directive(policy, "script-src")), name
        for body in re.findall(r"<style[^>]*>(.*?)</style>", page, re.S):
            assert sha(body) in _directive(policy, "style-src"), name


def test_only_the_facade_page_may_frame_youtube_and_only_after_a_click(site):
    for name, page in _pages(site).items():
        frames = _directive(_policy(page), "frame-src")
        assert frames == (["https://www.youtube-nocookie.com"] if name == "filmtest/index.html" else ["'none'"]), name
        # Nothing from another origin is loaded by the HTML itself.
        loads = re.findall(r"""<(?:img|script|iframe|video|audio|source|track)\b[^>]*\ssrc=["']?((?:https?:)?//[^"'\s>]*)""", page)
        loads += re.findall(r"""<link\b(?=[^>]*\srel="(?:stylesheet|icon|preload|modulepreload|manifest)")[^>]*\shref="((?:https?:)?//[^"]*)""", page)
        assert loads == [], name


def test_facade_shows_a_self_hosted_poster_says_what_loads_and_links_out(site):
    page = (site / "filmtest" / "index.html").read_text(encoding="utf-8")
    youtube = page[page.index('data-facade="youtube"') :]
    youtube = youtube[: youtube.index("</figure>")]
    # The editor's poster, re-encoded without metadata and named by its content.
    poster = re.search(r'<img class="sl-facade__poster" src="\.\./([0-9a-f]{32}\.jpg)" alt="En grön bild med texten Stöd"', youtube)
    assert poster and (site / poster.group(1)).is_file()
    assert "youtube-nocookie.com" in youtube and "Google" in youtube
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Öppna filmen på YouTube</a>' in youtube
    assert '<button type="button" class="sl-facade__play" hidden>' in youtube
    instagram = page[page.index('data-facade="instagram"') :]
    assert "data-embed" not in instagram[: instagram.index("</figure>")]
    assert 'href="https://www.instagram.com/p/C0abcdEFGhi/"' in instagram


def test_links_to_other_sites_get_noopener_noreferrer(site):
    for name, page in _pages(site).items():
        for tag in re.findall(r"<a\s[^>]*>", page):
            href = re.search(r'href="([^"]*)"', tag)
            if href and re.match(r"(https?:)?//", href.group(1)) and "stodlanken.example.org" not in href.group(1):
                assert re.search(r'rel="[^"]*\bnoopener\b[^"]*\bnoreferrer\b', tag), f"{name}: {tag}"


def test_headers_file_has_the_policy_and_what_only_headers_can_say(site):
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert headers.splitlines()[1] == "/*"
    policy = re.search(r"^  Content-Security-Policy: (.*)$", headers, re.M).group(1)
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in _directive(policy, "script-src")
    for name, page in _pages(site).items():  # the header never blocks what a page's meta allows
        for source in _directive(_policy(page), "script-src"):
            assert source in _directive(policy, "script-src"), name
    for header in ("Referrer-Policy: no-referrer", "X-Content-Type-Options: nosniff", "Permissions-Policy:"):
        assert f"  {header}" in headers


def test_accessibility_statement_has_what_the_law_asks_for(site):
    import yaml

    from stodlanken.check import _LenientLoader

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)  # noqa: S506
    settings = config["extra"]["stodlanken"]["accessibility"]
    page = (site / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", "", page).split())
    assert "Helsingborgs stad och REKO står bakom webbplatsen Stödlänken Helsingborg" in text
    assert f"{settings['compliance']} förenlig" in text
    assert settings["shortcomings"], "the example states at least one known shortcoming"
    for shortcoming in settings["shortcomings"]:
        assert " ".join(shortcoming["what"].split()) in text and " ".join(shortcoming["why"].split()) in text
    assert str(settings["assessed"]) in text and "axe-core" in text
    assert f'href="mailto:{settings["contact_email"]}"' in page
    assert 'href="https://www.digg.se/tdosanmalan"' in page
    assert 'href="../tillganglighet/"' in (site / "om" / "index.html").read_text(encoding="utf-8")


def test_missing_accessibility_settings_stop_the_build_with_every_mistake(copy_example):
    project = copy_example(case="privacy_facade")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"    accessibility:\n(?:      .*\n)+", "    accessibility:\n      compliance: lite\n", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_build(project)
    assert not result.ok
    for field in ("compliance: ”lite” går inte att använda — skriv helt, delvis eller inte", "assessed: saknas", "method: saknas", "contact_email: saknas"):
        assert f"mkdocs.yml: extra.stodlanken.accessibility.{field}" in result.output
    assert "Traceback" not in result.output


def test_a_facade_with_a_missing_poster_is_an_error(copy_example):
    project = copy_example(case="privacy_facade")
    page = project / "docs" / "filmtest.md"
    page.write_text(page.read_text(encoding="utf-8").replace('poster="filmtest.jpg"', 'poster="saknas.jpg"'), encoding="utf-8")
    result = run_build(project)
    assert not result.ok
    assert "docs/filmtest.md:8: sl-video.poster: ”saknas.jpg” finns inte" in result.output
