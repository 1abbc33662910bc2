"""Reach: share cards, QR posters, short links, feeds and share tags (see hooks/stodlanken/reach.py
and reach_files.py).

- `on_files` adds a poster page per post and situation (clashing short links are found while loading).
- `on_env` adds the files made from data: QR codes, short-link redirects, cards (PNG, kept in
  .cache/) and the two feeds. Only published posts ever get any of them.
- `on_page_context` gives every page its share tags (`share`) and posters their content.
- `on_template_context` gives the 404 page share tags and keeps posters out of the sitemap.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from stodlanken import build, cards, reach, reach_files
from stodlanken.i18n import og_locale

_reminders = logging.getLogger("stodlanken.reminders")  # set up by hooks/report.py

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    state = build.of(config)
    info = _site_info(state)
    for target in reach.targets(state.site):
        if target.goes("poster"):
            files.append(state.stable_file(target.poster_src_uri, reach.poster_source(target, info)))
    return files


def on_env(env, /, *, config: MkDocsConfig, files: Files):
    state = build.of(config)
    info = _site_info(state)
    found = reach.unique(reach.targets(state.site))
    podcasts = reach.podcasts(state.site)
    shaping = cards.shaping_problem()
    if shaping and any(cards.face(text) in cards.NEEDS_SHAPING for target in found for text in (target.title, target.label)):
        _reminders.warning(shaping)  # the machine, not the content: never stops a build
    _add(files, state, {
        **reach_files.qr_codes(found, info, state.cache.qr),
        **reach_files.short_links(env, found, info),
        **reach_files.share_cards(found, info, state.cache.cards),
        **reach_files.post_feed(found, info, copyright=config.copyright or ""),
        **reach_files.podcast_feed(podcasts, files, info, copyright=config.copyright or ""),
    })
    state.sharing = reach.Sharing(info, {target.path: target for target in found}, reach.feeds(info, podcast=bool(podcasts)))
    return env


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav) -> dict:
    sharing = build.of(config).sharing
    context["share"] = reach.page_share(page.url, page.title, page.meta.get("description"), sharing.info, sharing.targets, sharing.feeds)
    target = sharing.targets.get(page.meta.get("poster_of", ""))
    if target is not None:
        context["poster"] = reach.poster(target, sharing.info)
    return context


def on_template_context(context: dict, /, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "sitemap.xml":  # a poster is a print version of a page already listed
        context["pages"] = [file for file in context["pages"] if not file.src_uri.startswith(f"{reach.POSTER_DIR}/")]
    elif template_name == "404.html":
        sharing = build.of(config).sharing
        context["share"] = reach.site_share(sharing.info, url=None, feed_links=sharing.feeds)
    return context


def _site_info(state: build.Build) -> reach.SiteInfo:
    config, settings = state.config, state.settings
    return reach.SiteInfo(
        name=settings.site_name,
        url=(config.site_url or "/").rstrip("/") + "/",  # in `mkdocs serve`, the preview's own address
        description=state.language.promise or config.site_description or "",
        organisation=settings.organisation,
        promise=state.language.promise or settings.promise,  # drawn on the site's share card
        public_url=state.public_url,
        locale=og_locale(state.language.code),
        words=state.words,
    )


def _add(files: Files, state: build.Build, made: dict[str, bytes | Path]) -> None:
    for uri, content in made.items():
        if isinstance(content, Path):  # made once, kept in .cache/
            files.append(File.generated(state.config, uri, abs_src_path=str(content)))
        elif uri.startswith(f"{reach.SHORT_DIR}/"):
            files.append(state.stable_file(uri, content))
        else:
            files.append(File.generated(state.config, uri, content=content))
