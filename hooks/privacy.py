"""Privacy and safety: CSP on every page, safe external links, video facades, the
accessibility statement and a `_headers` file for hosts (see hooks/stodlanken/privacy.py).

Registered last in mkdocs.yml: it reads the final HTML that every other hook has written.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from stodlanken import privacy

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.privacy")

STATEMENT = "tillganglighet.md"
_serving = False  # `mkdocs serve`: live reload injects an inline script no hash can cover
_site_inline = privacy.Inline()  # every page's inline code, for the one policy in _headers


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _site_inline
    _site_inline = privacy.Inline()


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(STATEMENT):
        log.error(f"docs/{STATEMENT}: skrivs av bygget från extra.stodlanken.accessibility — ta bort filen")
        return files
    text, problems = _statement(config)
    for problem in problems:
        log.error(problem)
    if text:
        files.append(File.generated(config, STATEMENT, content=text))
    return files


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for link in reversed(privacy.video_links(html)):
        facade = _facade(link, page, files)
        if facade:  # otherwise the plain link stays, and the error is logged
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
    policy = privacy.content_security_policy(_site_inline, header=True)
    Path(config.site_dir, "_headers").write_text(privacy.headers_file(policy), encoding="utf-8")


def _protect(output: str, config: MkDocsConfig) -> str:
    output = privacy.secure_external_links(output, urlsplit(config.site_url or "").hostname)
    inline = privacy.inline_sources(output)
    _site_inline.update(inline)
    policy = privacy.content_security_policy(inline, allow_inline_scripts=_serving)
    return privacy.add_head_meta(output, policy)


def _statement(config: MkDocsConfig) -> tuple[str, list[str]]:
    settings = dict(config.extra.get("stodlanken") or {})
    return privacy.accessibility_statement(
        dict(settings.get("accessibility") or {}),
        actor=settings.get("organisation") or config.site_name,
        service=config.site_name,
    )


def _facade(link: privacy.VideoLink, page: Page, files: Files) -> str | None:
    where = f"docs/{page.file.src_uri}"
    video = privacy.third_party_video(link.href)
    if video is None:
        log.error(f"{where}: sl-video: ”{link.href}” — bara filmer från YouTube och Instagram kan visas så här")
        return None
    poster = None
    if link.poster:
        source = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), link.poster))
        file = files.get_file_from_path(source)
        if file is None:
            log.error(f"{where}: sl-video: poster ”{link.poster}” finns inte — lägg bilden bredvid sidan")
        else:
            poster = file.url_relative_to(page.file)
        if not link.alt.strip():
            log.error(f'{where}: sl-video: alt saknas — beskriv bilden, t.ex. alt="Två händer runt en kopp te"')
    return privacy.facade_html(video, title=link.title, poster=poster, alt=link.alt)
