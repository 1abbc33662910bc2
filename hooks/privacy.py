"""Privacy and safety: sanitised content, CSP on every page, safe external links, video
facades, the accessibility statement and a `_headers` file for hosts (see
hooks/stodlanken/privacy.py and sanitize.py).

Registered last in mkdocs.yml: it reads the final HTML that every other hook has written.
Every problem (settings, video links, HTML in content) is found while the site is loaded
(stodlanken/site.py) and reported by hooks/report.py; nothing is logged here.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from stodlanken import assets, build, privacy, sanitize, site, templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

STATEMENT = "tillganglighet.md"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    settings = build.of(config).settings
    # With mistakes in the settings, or an editor's own file in its place, the loader has
    # reported them and no statement is made.
    if settings.accessibility is not None and not files.get_file_from_path(STATEMENT):
        text = privacy.accessibility_statement(templates.environment(config.theme.dirs), settings.accessibility,
                                               actor=settings.organisation or settings.site_name, service=settings.site_name)
        files.append(File.generated(config, STATEMENT, content=text))
    return files


# Before hooks/posts.py puts its own blocks in (priority -50): only what editors wrote is
# sanitised, then our facades replace the `.sl-video` links that survived.
@event_priority(50)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = sanitize.clean(html)
    for link in reversed(privacy.video_links(html)):
        facade = _facade(link, page, files, build.of(config).templates)
        if facade:  # otherwise the plain link stays (the loader reported why)
            html = html[: link.start] + facade + html[link.end :]
    return html


@event_priority(-100)  # after every other hook: hash the HTML exactly as it is written
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return _protect(output, config)


@event_priority(-100)
def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):  # 404.html; not sitemap.xml
        return output_content
    return _protect(output_content, config)


def on_post_build(*, config: MkDocsConfig) -> None:
    policy = privacy.content_security_policy(build.of(config).inline, header=True)
    site_dir = Path(config.site_dir)
    cache = assets.cache_rules(assets.published(site_dir), (*assets.VERSIONED_DIRS, f"{site.POSTS_SECTION}/media/"))
    (site_dir / "_headers").write_text(privacy.headers_file(policy, cache), encoding="utf-8")


def _protect(output: str, config: MkDocsConfig) -> str:
    output = privacy.secure_external_links(output, urlsplit(config.site_url or "").hostname)
    inline = privacy.inline_sources(output)
    state = build.of(config)
    state.inline.update(inline)
    # `mkdocs serve`: live reload injects an inline script into every page it serves.
    policy = privacy.content_security_policy(inline, allow_inline_scripts=state.preview)
    return privacy.add_head_meta(output, policy)


def _facade(link: privacy.VideoLink, page: Page, files: Files, env) -> str | None:
    """The facade for a `.sl-video` link; its mistakes were found in the source (privacy.video_link_problems)."""
    video = privacy.third_party_video(link.href)
    if video is None:
        return None
    poster = None
    if link.poster:
        source = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), link.poster))
        file = files.get_file_from_path(source)
        if file is not None:
            poster = file.url_relative_to(page.file)
    return privacy.facade_html(env, video, title=link.title, poster=poster, alt=link.alt)
