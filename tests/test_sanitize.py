"""Unit tests of hooks/stodlanken/sanitize.py: the allow-list, and finding what it removes in the source."""

from __future__ import annotations

from datetime import date

import pytest

from stodlanken import pages
from stodlanken.posts import Post
from stodlanken.sanitize import clean, source_problems


def test_what_markdown_and_our_pages_make_is_kept():
    page = (
        '<h2 id="vad-gor-jag">Vad gör jag?</h2><p class="lead"><strong>Fet</strong> <em>kursiv</em> <code>kod</code></p>'
        '<ul><li><a href="https://www.bris.se/">BRIS</a></li><li><a href="../om/#mal">Om</a></li>'
        '<li><a href="mailto:hej@example.org">Mejla</a> <a href="tel:112">112</a> <a href="sms:72020">Sms</a></li></ul>'
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>'
        '<img src="media/bild.jpg" alt="En skolgård i regn" srcset="media/bild-640.jpg 640w, media/bild.jpg 1280w" '
        'width="640" height="480" loading="lazy">'
        '<a class="sl-video" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" poster="filmtest.jpg" alt="En grön bild">Film</a>'
    )
    assert clean(page) == page


@pytest.mark.parametrize("dangerous, kept", [
    ("<script>window.pwned = 1</script><p>Hej</p>", "<p>Hej</p>"),
    ('<img src="x" onerror="alert(1)">', '<img src="x">'),
    ('<p onclick="alert(1)" style="color:red">Hej</p>', "<p>Hej</p>"),
    ('<meta http-equiv="refresh" content="0;url=https://example.com/"><p>Hej</p>', "<p>Hej</p>"),
    ('<iframe src="https://example.com/"></iframe><object data="x.swf"></object><embed src="x.swf">', ""),
    ('<base href="https://example.com/"><link rel="stylesheet" href="https://example.com/a.css"><style>p{}</style>', ""),
    ('<form action="https://example.com/"><input name="q"><button>Skicka</button></form>', "Skicka"),
    ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
    ('<a href="java&#x09;script:alert(1)">a</a>', "<a>a</a>"),
    ('<a href="JaVaScRiPt:alert(1)">a</a>', "<a>a</a>"),
    ('<a href="vbscript:msgbox(1)">a</a>', "<a>a</a>"),
    ('<a href="http://example.com/">a</a>', "<a>a</a>"),
    ('<a href="//example.com/">a</a>', "<a>a</a>"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', '<img alt="x">'),
    ('<img src="a.jpg" srcset="a.jpg 1x, //example.com/b.jpg 2x" alt="x">', '<img src="a.jpg" alt="x">'),
    ('<a class="sl-video" href="https://youtu.be/dQw4w9WgXcQ" poster="javascript:alert(1)">a</a>', '<a class="sl-video" href="https://youtu.be/dQw4w9WgXcQ">a</a>'),
    ("<!-- intern anteckning: ring Sara --><p>Hej</p>", "<p>Hej</p>"),
    ('<svg><script>alert(1)</script></svg><math><mi>x</mi></math>', ""),
])
def test_each_dangerous_form_is_removed(dangerous, kept):
    assert clean(dangerous) == kept


def _found(text: str) -> list[tuple[int, str]]:
    return [(problem.line, problem.field) for problem in source_problems(text, "docs/om.md", first_line=5)]


def test_the_source_finder_names_each_dangerous_form_on_its_line():
    text = (
        "# Rubrik\n"
        "<script>alert(1)</script>\n"
        '<img src=x onerror="alert(1)">\n'
        "[klicka](javascript:alert(1)) och ![bild](data:image/png;base64,AAAA)\n"
        '<meta http-equiv="refresh" content="0;url=https://example.com/">\n'
        '<p style="color:red">röd</p> <http://example.com/> [gammal](http://example.com/)\n'
        "[ref]: vbscript:msgbox(1)\n"
    )
    assert _found(text) == [
        (6, "<script>"), (7, "<img onerror>"), (8, "(länk)"), (8, "(länk)"), (9, "<meta>"),
        (10, "(länk)"), (10, "<p style>"), (10, "(länk)"), (11, "(länk)"),
    ]
    problem = source_problems("<script>x</script>", "docs/om.md")[0]
    assert str(problem).startswith("docs/om.md:1: <script>: HTML-taggen är inte tillåten")


def test_the_source_finder_leaves_safe_markdown_code_and_comments_alone():
    text = (
        "Ring [112](tel:112), mejla <hej@example.org>, läs <https://www.bris.se/> och [om oss](om.md#mal).\n"
        "![En skolgård](media/bild.jpg){ width=640 }\n"
        "Skriv `<script>` i en kodsnutt,\n\n"
        "```html\n<script>alert(1)</script>\n```\n\n"
        "    <iframe src=x></iframe>\n\n"
        "<!-- en kommentar tas bort tyst -->\n"
        "<details><summary>Mer</summary><p>Text</p></details> 3 < 5 och 5 > 3\n"
    )
    assert _found(text) == []


def test_every_editor_markdown_file_is_checked_with_front_matter_lines_counted(tmp_path):
    docs = tmp_path / "docs"
    (docs / "inlagg" / "posts" / "media").mkdir(parents=True)
    (docs / "om.md").write_text("---\ntitle: Om\n---\n\n<script>x</script>\n", encoding="utf-8")
    (docs / "inlagg" / "posts" / "podd.md").write_text("---\ntitle: P\n---\nText <b onmouseover=x>b</b>\n", encoding="utf-8")
    (docs / "inlagg" / "posts" / "media" / "podd.sv.md").write_text("**A:** [x](javascript:y)\n", encoding="utf-8")
    (docs / "tillganglighet.md").write_text("# Min egen\n", encoding="utf-8")
    podcast = Post("docs/inlagg/posts/podd.md", "inlagg/posts/podd.md", "podd", "P", date(2026, 11, 1), "podcast", "",
                   transcript="inlagg/posts/media/podd.sv.md")
    _, problems = pages.scan(docs, tmp_path, [podcast], "inlagg", set())
    assert sorted((p.path, p.line or 0, p.field) for p in problems) == sorted([
        ("docs/om.md", 5, "<script>"),
        ("docs/tillganglighet.md", 0, "(fil)"),
        ("docs/inlagg/posts/podd.md", 4, "<b onmouseover>"),
        ("docs/inlagg/posts/media/podd.sv.md", 1, "(länk)"),
    ])


def test_video_link_mistakes_are_found_in_the_source(tmp_path):
    (tmp_path / "bild.jpg").write_bytes(b"")
    text = (
        "[Film](https://vimeo.com/1){ .sl-video }\n"
        '[Film](https://youtu.be/dQw4w9WgXcQ){ .sl-video poster="saknas.jpg" alt="En bild" }\n'
        '[Film](https://youtu.be/dQw4w9WgXcQ){ .sl-video poster="bild.jpg" }\n'
        '[Film](https://youtu.be/dQw4w9WgXcQ){ .sl-video poster="bild.jpg" alt="En bild" }\n'
    )
    page = tmp_path / "sida.md"
    page.write_text(text, encoding="utf-8")
    _, problems = pages.scan(tmp_path, tmp_path, [], "inlagg", set())
    assert [(p.line, p.field) for p in problems] == [(1, "sl-video"), (2, "sl-video.poster"), (3, "sl-video.alt")]
