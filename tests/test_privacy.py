"""Unit tests of hooks/stodlanken/privacy.py: hashes, policy, links, facades, the statement."""

from __future__ import annotations

import re
from datetime import date

from conftest import ROOT
from stodlanken import privacy, templates
from stodlanken.settings import read_settings

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json\b""", re.I)
TEMPLATES = templates.environment([ROOT / "overrides"])


def test_inline_styles_are_hashed_and_inline_scripts_never_are():
    page = (
        '<script>var a=1</script><script type="application/ld+json">{}</script>'
        '<script src="x.js"></script><style>p{color:red}</style><p style="color:&quot;red&quot;">x</p>'
    )
    inline = privacy.inline_sources(page)
    assert inline.styles == {privacy._sha256("p{color:red}")}
    assert inline.style_attributes == {privacy._sha256('color:"red"')}  # decoded, as the browser hashes it
    # A pasted script would otherwise get its own hash and run.
    assert privacy._sha256("var a=1") not in privacy.content_security_policy(inline)


def test_policy_never_allows_inline_scripts_except_in_the_live_preview():
    inline = privacy.inline_sources("<script>x()</script>")
    policy = privacy.content_security_policy(inline)
    assert "script-src 'self';" in policy and privacy._sha256("x()") not in policy
    assert "frame-src 'none'" in policy and "frame-ancestors" not in policy
    assert "script-src 'self' 'unsafe-inline'" in privacy.content_security_policy(inline, allow_inline_scripts=True)
    assert "frame-ancestors 'none'" in privacy.content_security_policy(inline, header=True)


def test_policy_comes_right_after_the_charset():
    page = privacy.add_head_meta('<html><head><meta charset="utf-8"><script>x()</script>', "default-src 'self'")
    assert page.startswith(
        '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        '<meta name="referrer" content="no-referrer"><script>'
    )


def test_external_links_get_noopener_noreferrer_and_keep_their_rel():
    page = (
        '<a href="https://www.bris.se/">a</a> <a href="../om/">b</a> <a rel="me" href="https://x.example/">c</a>'
        ' <a href="https://stodlanken.example.org/om/">d</a> <a href="tel:112">e</a>'
    )
    out = privacy.secure_external_links(page, "stodlanken.example.org")
    assert '<a rel="noopener noreferrer" href="https://www.bris.se/">a</a>' in out
    assert '<a href="../om/">b</a>' in out
    assert '<a rel="me noopener noreferrer" href="https://x.example/">c</a>' in out
    assert '<a href="https://stodlanken.example.org/om/">d</a>' in out and '<a href="tel:112">e</a>' in out


def test_youtube_and_instagram_addresses_are_recognised():
    for url in ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ", "https://youtube.com/shorts/dQw4w9WgXcQ"):
        video = privacy.third_party_video(url)
        assert video.embed == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0", url
        assert video.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    instagram = privacy.third_party_video("https://www.instagram.com/reel/C0abc/")
    assert instagram.platform == "instagram" and instagram.embed is None  # Instagram: link out only
    assert privacy.third_party_video("https://vimeo.com/123") is None
    assert privacy.third_party_video("javascript:alert(1)") is None


def test_facade_loads_nothing_from_the_platform():
    video = privacy.third_party_video("https://youtu.be/dQw4w9WgXcQ")
    html = privacy.facade_html(TEMPLATES, video, title='"Film" <b>', poster="bild.jpg", alt="En bild")
    assert "<iframe" not in html and 'src="bild.jpg"' in html
    assert "&#34;Film&#34; &lt;b&gt;" in html
    assert "youtube-nocookie.com" in html and "Google" in html  # says what loads from where


def test_statement_settings_problems_are_all_listed_at_once():
    settings, problems = read_settings({"accessibility": {"compliance": "delvis", "contact_email": "nej"}}, site_url="https://a.se/", site_name="S")
    assert settings.accessibility is None
    assert [(problem.path, problem.field) for problem in problems] == [
        ("mkdocs.yml", "extra.stodlanken.accessibility.shortcomings"),
        ("mkdocs.yml", "extra.stodlanken.accessibility.assessed"),
        ("mkdocs.yml", "extra.stodlanken.accessibility.method"),
        ("mkdocs.yml", "extra.stodlanken.accessibility.contact_email"),
    ]


def test_statement_text_cannot_inject_markup():
    options = {
        "compliance": "helt", "assessed": date(2026, 5, 4), "method": "Test <script>", "contact_email": "a@b.se",
        "actor": "<b>A</b>",
    }
    settings, problems = read_settings({"accessibility": options}, site_url="https://a.se/", site_name="S")
    text = privacy.accessibility_statement(TEMPLATES, settings.accessibility, actor="A", service="S")
    assert problems == [] and "<script>" not in text and "<b>" not in text and "helt förenlig" in text
    assert privacy.DIGG_COMPLAINT_URL in text and "2026-05-04" in text


def test_no_template_has_an_inline_executable_script():
    # The policy allows no inline script (see content_security_policy); a template that
    # gained one would silently stop working. JSON data blocks never run and are fine.
    found = []
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        for attributes, _body in _SCRIPT.findall(path.read_text(encoding="utf-8")):
            if "src=" not in attributes and not _DATA_TYPE.search(attributes):
                found.append(path.relative_to(ROOT).as_posix())
    assert found == []


def test_the_template_check_sees_an_inline_script():
    attributes, _ = _SCRIPT.findall('<script>alert(1)</script><script type="application/ld+json">{}</script>')[0]
    assert "src=" not in attributes and not _DATA_TYPE.search(attributes)
    assert _DATA_TYPE.search(' type="application/ld+json"')
