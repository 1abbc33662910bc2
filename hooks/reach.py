"""Reach: share cards, QR posters, short links, feeds and share tags (see hooks/stodlanken/reach.py).

- `on_files` adds a poster page per post and situation (clashing short links are found while loading).
- `on_env` adds the files made from data: cards (PNG, cached in .cache/), QR codes,
  short-link redirects and the two feeds. Only published posts ever get any of them.
- `on_page_context` gives every page its share tags (`share`) and posters their content.
- `on_template_context` gives the 404 page share tags and keeps posters out of the sitemap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from stodlanken import build, cards, feeds, privacy, qr, reach, site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    # Clashes of short links are found while loading (stodlanken.site.read), with every other problem.
    state = build.of(config)
    for target in reach.targets(state.site):
        files.append(state.stable_file(target.poster_src_uri, reach.poster_source(target)))
    return files


def on_env(env, /, *, config: MkDocsConfig, files: Files):
    state = build.of(config)
    loaded = state.site
    info = _info(state)
    made: dict[str, bytes | Path] = {}
    found = _unique(reach.targets(loaded))
    wanted: dict[str, cards.Card] = {}
    for target in found:
        address = info.card_display(target.short)
        wanted[target.card] = cards.Card("link", target.title, target.label, footer=info.name, address=address)
        wanted[target.story] = cards.Card("story", target.title, target.label, footer=info.name, address=address)
        made[target.qr] = qr.cached_qr_svg(info.absolute(target.path), title=f"QR-kod till {info.display(target.path)}", cache_dir=state.cache.qr)
        made[f"{target.short}index.html"] = _short_link(target, info, env)
    podcast_channel = _podcast_channel(config, info)
    footer, address = info.organisation or info.name, info.card_display("")
    wanted[reach.SITE_CARD] = cards.Card("link", info.name, text=info.promise, footer=footer, address=address)
    wanted[reach.PODCAST_COVER] = cards.Card("square", podcast_channel.title, "Podd", footer=footer, address=address)
    made.update(zip(wanted, cards.cached_cards(list(wanted.values()), state.cache.cards)))
    made[reach.FEED] = feeds.rss(_feed_channel(config, info), [_item(target, info) for target in found if target.kind == "post"])
    podcasts = [post for post in loaded.published_posts if post.type == "podcast" and post.audio]
    made[reach.PODCAST_FEED] = feeds.rss(podcast_channel, [_episode(post, files, info) for post in podcasts], podcast=True)
    for uri, content in made.items():
        if isinstance(content, Path):
            files.append(File.generated(config, uri, abs_src_path=str(content)))
        elif uri.startswith(f"{reach.SHORT_DIR}/"):
            files.append(state.stable_file(uri, content))
        else:
            files.append(File.generated(config, uri, content=content))
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


def _short_link(target: reach.Target, info: reach.SiteInfo, env) -> bytes:
    share = reach.page_share(target.path, target.title, target.summary, info, {target.path: target})
    page = reach.short_link_html(env, target, share, info)
    # Not a MkDocs page, so hooks/privacy.py does not see it: give it the same policy here.
    return privacy.add_head_meta(page, privacy.content_security_policy(privacy.inline_sources(page))).encode("utf-8")


def _info(state: build.Build) -> reach.SiteInfo:
    config, settings = state.config, state.settings
    return reach.SiteInfo(
        name=settings.site_name,
        url=(config.site_url or "/").rstrip("/") + "/",
        description=config.site_description or "",
        organisation=settings.organisation,
        promise=settings.promise,
        public_url=state.public_url,
    )


def _unique(found: list[reach.Target]) -> list[reach.Target]:
    # In `mkdocs serve` a clash is logged and the build goes on: the first one keeps the link.
    seen: set[str] = set()
    return [target for target in found if not (target.slug in seen or seen.add(target.slug))]


def _feed_channel(config: MkDocsConfig, info: reach.SiteInfo) -> feeds.Channel:
    return feeds.Channel(
        title=info.name,
        link=info.absolute(f"{site.POSTS_SECTION}/"),
        self_url=info.absolute(reach.FEED),
        description=info.promise or info.description,
        copyright=config.copyright or "",
    )


def _podcast_channel(config: MkDocsConfig, info: reach.SiteInfo) -> feeds.Channel:
    return feeds.Channel(
        title=f"{info.name} – podd",
        link=info.absolute(f"{site.POSTS_SECTION}/"),
        self_url=info.absolute(reach.PODCAST_FEED),
        description=f"Poddavsnitt gjorda av unga. {info.promise}".strip(),
        copyright=config.copyright or "",
        author=info.organisation or info.name,
        image=info.absolute(reach.PODCAST_COVER),
    )


def _item(target: reach.Target, info: reach.SiteInfo) -> feeds.Item:
    return feeds.Item(target.title, info.absolute(target.path), target.summary, target.date, category=target.label)


def _episode(post, files: Files, info: reach.SiteInfo) -> feeds.Item:
    audio = files.get_file_from_path(post.audio)
    enclosure = feeds.Enclosure(info.absolute(audio.url), len(audio.content_bytes), feeds.audio_type(post.audio))
    return feeds.Item(post.title, info.absolute(post.url), post.summary, post.date, enclosure=enclosure, duration=post.duration)
