"""Reach's files, made from data once a build: QR codes, short-link pages, share cards, feeds.

Each function returns {address in the site: content}, content as bytes or as a file in the
cache (cards and QR codes are made once and found again by what they show); hooks/reach.py
adds them to the build. Only published posts and situations (stodlanken/reach.py
`targets`) get any of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from stodlanken import cards, feeds, privacy, qr, reach, site
from stodlanken.posts import TYPE_LABELS

if TYPE_CHECKING:
    import jinja2
    from mkdocs.structure.files import Files

    from stodlanken.posts import Post

POSTS_PAGE = f"{site.POSTS_SECTION}/"  # what the feeds link to: the list of posts


def qr_codes(found: list[reach.Target], info: reach.SiteInfo, cache_dir: Path) -> dict[str, Path]:
    """A QR code (SVG) to each page, for its poster."""
    return {target.qr: qr.cached_qr_svg(info.absolute(target.path), title=reach.qr_alt(target, info), cache_dir=cache_dir)
            for target in found if target.goes("poster")}


def short_links(templates: jinja2.Environment, found: list[reach.Target], info: reach.SiteInfo) -> dict[str, bytes]:
    """`/l/<slug>/`, a page that sends the visitor on to the page itself."""
    made = {}
    for target in found:
        share = reach.page_share(target.path, target.title, target.summary, info, {target.path: target})
        page = reach.short_link_html(templates, target, share, info)
        # Not a MkDocs page, so hooks/privacy.py does not see it: it gets the same policy here.
        policy = privacy.content_security_policy(privacy.inline_sources(page))
        made[f"{target.short}index.html"] = privacy.add_head_meta(page, policy).encode("utf-8")
    return made


def share_cards(found: list[reach.Target], info: reach.SiteInfo, cache_dir: Path) -> dict[str, Path]:
    """A link card and a story card for each page; a card for every other page and the podcast's cover."""
    wanted: dict[str, cards.Card] = {}
    for target in found:
        if not target.goes("share"):
            continue
        address = info.card_display(target.short)
        wanted[target.card] = cards.Card("link", target.title, target.label, footer=info.name, address=address, language=info.language)
        wanted[target.story] = cards.Card("story", target.title, target.label, footer=info.name, address=address, language=info.language)
    footer, address = info.organisation or info.name, info.card_display("")
    wanted[reach.SITE_CARD] = cards.Card("link", info.name, text=info.promise, footer=footer, address=address, language=info.language)
    wanted[reach.PODCAST_COVER] = cards.Card("square", _podcast_title(info), info.t(TYPE_LABELS["podcast"]), footer=footer, address=address,
                                             language=info.language)
    return dict(zip(wanted, cards.cached_cards(list(wanted.values()), cache_dir), strict=True))


def post_feed(found: list[reach.Target], info: reach.SiteInfo, *, copyright: str) -> dict[str, bytes]:
    """`feed.xml`: every published post."""
    channel = feeds.Channel(
        title=info.name,
        link=info.absolute(POSTS_PAGE),
        self_url=info.absolute(reach.FEED),
        description=info.promise or info.description,
        copyright=copyright,
    )
    items = [feeds.Item(target.title, info.absolute(target.path), target.summary, target.date, category=target.label)
             for target in found if target.kind == "post"]
    return {reach.FEED: feeds.rss(channel, items)}


def podcast_feed(podcasts: list[Post], files: Files, info: reach.SiteInfo, *, copyright: str) -> dict[str, bytes]:
    """`podd.xml`: the podcast episodes, each with its (clean) audio file as published in `files`."""
    channel = feeds.Channel(
        title=_podcast_title(info),
        link=info.absolute(POSTS_PAGE),
        self_url=info.absolute(reach.PODCAST_FEED),
        description=" ".join(filter(None, (info.t("Poddavsnitt gjorda av unga."), info.promise))),
        copyright=copyright,
        author=info.organisation or info.name,
        image=info.absolute(reach.PODCAST_COVER),
    )
    items = []
    for post in podcasts:
        audio = files.get_file_from_path(post.audio)
        enclosure = feeds.Enclosure(info.absolute(audio.url), len(audio.content_bytes), feeds.audio_type(post.audio))
        items.append(feeds.Item(post.title, info.absolute(post.url), post.summary, post.date, enclosure=enclosure, duration=post.duration))
    return {reach.PODCAST_FEED: feeds.rss(channel, items, podcast=True)}


def _podcast_title(info: reach.SiteInfo) -> str:
    return info.t("{site} – podd", site=info.name)
