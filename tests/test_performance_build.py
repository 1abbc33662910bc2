"""The structure behind the performance budgets (issue 7), asserted on real builds, not timed.

- The home page draws in one round trip: no stylesheet to fetch (its CSS is inlined), no
  script before its content.
- No page embeds the site's navigation: the links on a post page do not grow with the
  number of posts.
- The search index is never fetched on load (tests/browser/test_search.py, in Chromium).
"""

from __future__ import annotations

import re
from pathlib import Path

POSTS = Path("docs") / "inlagg" / "posts"
POST_PAGE = "inlagg/vart-vander-jag-mig/index.html"


def _read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def _links_to_posts(html: str, project: Path) -> set[str]:
    """Every distinct post of `project` that a page links to."""
    slugs = {path.stem for path in (project / POSTS).glob("*.md")}
    hrefs = re.findall(r'<a [^>]*href="([^"#?]+)"', html)
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs} & slugs


def test_home_page_needs_no_stylesheet_and_no_script_before_its_content(example_site):
    html = _read(example_site, "index.html")
    head = html[: html.index("</head>")]
    assert not re.search(r"<link [^>]*rel=\"?stylesheet", html), "the home page's CSS is inlined"
    assert not re.search(r"@import", head)
    assert "<style" in head
    content_end = html.index("</main>")
    scripts = [match.start() for match in re.finditer(r"<script\b(?![^>]*application/ld\+json)", html)]
    assert all(position > content_end for position in scripts), "a script comes before the content"


def test_content_pages_load_their_scripts_deferred_or_after_the_content(example_site):
    for page in (POST_PAGE, "stod/index.html", "stod/tjanst/bris/index.html", "akut/index.html"):
        html = _read(example_site, page)
        head = html[: html.index("</head>")]
        blocking = [tag for tag in re.findall(r"<script\b[^>]*>", head) if "src=" in tag and "defer" not in tag and "async" not in tag]
        assert not blocking, (page, blocking)


def test_a_post_page_does_not_list_every_post(example_site, copy_example, build):
    project = copy_example()
    before = _links_to_posts(_read(example_site, POST_PAGE), project)
    for number in range(30):
        (project / POSTS / f"extra-{number:02d}.md").write_text(
            "---\n"
            f"title: Extra inlägg {number}\n"
            "date: 2026-01-01\n"
            "type: text\n"
            "summary: Ett inlägg till, för att se att sidorna inte växer.\n"
            "situations: [hemma]\n"
            "---\n\n"
            "Lite text.\n",
            encoding="utf-8",
        )
    result = build(project)
    assert result.ok, result.output
    after = _links_to_posts(_read(result.site_dir, POST_PAGE), project)
    assert len(before) <= 5, before
    assert len(after) == len(before), sorted(after - before)
    # The post list itself is paginated: no single page links every post either.
    assert len(_links_to_posts(_read(result.site_dir, "inlagg/index.html"), project)) <= 20
