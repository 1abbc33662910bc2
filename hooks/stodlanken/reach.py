"""Reach: everything that lets a post or a situation page travel beyond the site.

For each published post and each situation (a *target*) the build makes:

| what | where |
| --- | --- |
| share card, link preview (1200×630) | `kort/inlagg/<slug>.png`, `kort/stod/<id>.png` |
| share card, story (1080×1920) | `kort/inlagg/<slug>-story.png`, `kort/stod/<id>-story.png` |
| printable poster (A4/A5) | `affisch/inlagg/<slug>/`, `affisch/stod/<id>/` |
| QR code to the page (SVG) | `affisch/inlagg/<slug>/qr.svg`, `affisch/stod/<id>/qr.svg` |
| short link (redirect) | `l/<slug>/`, `l/<id>/` |

and for the whole site: a card for every other page (`kort/webbplats.png`), the posts'
feed (`feed.xml`), the podcast feed (`podd.xml`) with its square cover (`kort/podd.png`),
and Open Graph / Twitter tags on every page.

Posters mirror the page's own address, so a post and a situation can never share one.
Short links are flat and short, for a story or a poster, so post slugs and situation ids
must not collide: `check_slugs` reports it as a problem.

Only published posts are ever targets: a held-back post gets no card, poster, QR code,
short link or feed item.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from datetime import date

from stodlanken.channels import CHANNELS
from stodlanken.i18n import N_, Words
from stodlanken.posts import TYPE_LABELS
from stodlanken.problems import SLUG_RE, Problem

if TYPE_CHECKING:
    import jinja2

    from stodlanken.posts import Post
    from stodlanken.site import Site

SITUATION_LABEL = N_("Stöd")
SITUATIONS_FILE = "support_directory/situations.yml"
SITE_CARD = "kort/webbplats.png"
PODCAST_COVER = "kort/podd.png"
FEED = "feed.xml"
PODCAST_FEED = "podd.xml"
POSTER_DIR = "affisch"
SHORT_DIR = "l"
CARD_DIR = "kort"


@dataclass(frozen=True)
class Target:
    """A page that can be shared: a published post or a situation."""

    kind: str  # "post" | "situation"
    slug: str  # the short link's name: the post's file name or the situation's id
    title: str
    summary: str
    label: str  # what it is, on the card and poster: "Film", "Podd" … or "Stöd"
    path: str  # the page, relative to the site root: "inlagg/<slug>/" or "stod/<id>/"
    source: str  # the file an editor changes, for problems
    date: date | None = None  # posts
    channels: frozenset[str] = frozenset(CHANNELS)  # where every participant agreed it may go (stodlanken/channels.py)

    def goes(self, channel: str) -> bool:
        return channel in self.channels

    @property
    def card(self) -> str:
        return f"{CARD_DIR}/{self.path.rstrip('/')}.png"

    @property
    def story(self) -> str:
        return f"{CARD_DIR}/{self.path.rstrip('/')}-story.png"

    @property
    def poster(self) -> str:
        return f"{POSTER_DIR}/{self.path}"

    @property
    def poster_src_uri(self) -> str:
        return f"{self.poster}index.md"

    @property
    def qr(self) -> str:
        return f"{self.poster}qr.svg"

    @property
    def short(self) -> str:
        return f"{SHORT_DIR}/{self.slug}/"


@dataclass(frozen=True)
class SiteInfo:
    name: str
    url: str  # site_url, ending in "/"
    description: str
    organisation: str = ""
    promise: str = ""
    public_url: str = ""  # site_url in mkdocs.yml, also in `mkdocs serve` (where `url` is 127.0.0.1)
    locale: str = "sv_SE"  # og:locale of the build's language
    words: Words | None = field(default=None, compare=False)  # the build's language; None: Swedish

    @property
    def language(self) -> str:
        """The build's language for drawing text ("fa" for Dari): `locale` without its country."""
        return self.locale.split("_")[0]

    def t(self, msgid: str, **values: object) -> str:
        """`msgid` in the build's language, plain text (titles, alt texts, feeds)."""
        return self.words.text(msgid, **values) if self.words else msgid.format(**values)

    def absolute(self, path: str) -> str:
        return self.url + path

    def display(self, path: str) -> str:
        """An address to read aloud or type: no scheme, no trailing slash."""
        return re.sub(r"^https?://", "", self.absolute(path)).rstrip("/")

    def card_display(self, path: str) -> str:
        """`display` for what is drawn on a card: the public address, whatever port a preview uses."""
        base = (self.public_url or self.url).rstrip("/") + "/"
        return re.sub(r"^https?://", "", base + path).rstrip("/")


@dataclass(frozen=True)
class Sharing:
    """What every page's share tags are made from, once a build (hooks/reach.py, on_env)."""

    info: SiteInfo
    targets: dict[str, Target]  # by page path, relative to the site root
    feeds: tuple[tuple[str, str], ...]  # (title, absolute URL) of the feeds


def targets(site: Site) -> list[Target]:
    """In the build's language: a situation's translated title and intro where it has them,
    the labels from the catalogue. Situations first: they were there before a new post, so
    a clash is the post's to fix."""
    words = site.words.get(site.language.prefix) or Words(site.language)
    code = site.language.code
    found = [
        Target("situation", s.id, s.text("title", code)[0], s.text("intro", code)[0], words.text(SITUATION_LABEL), f"stod/{s.id}/", SITUATIONS_FILE)
        for s in site.directory.situations
    ]
    found += [
        Target("post", post.slug, post.title, post.summary, words.text(TYPE_LABELS.get(post.type, post.type)), post.url, post.path, post.date,
               post.channels)
        for post in site.published_posts
    ]
    return found


def unique(found: list[Target]) -> list[Target]:
    """One target per short link. A clash is an error (`check_slugs`); in `mkdocs serve` the
    build goes on, and the first one keeps the link."""
    seen: set[str] = set()
    return [target for target in found if not (target.slug in seen or seen.add(target.slug))]


def podcasts(site: Site) -> list[Post]:
    """The published podcast episodes whose participants all agreed to podcast apps, for the podcast feed."""
    return [post for post in site.published_posts if post.type == "podcast" and post.audio and "podcast" in post.channels]


def check_slugs(found: list[Target]) -> list[Problem]:
    """Every short link must be a clean slug and unique across posts and situations."""
    problems = []
    seen: dict[str, Target] = {}
    for target in found:
        field_name = "(filnamn)" if target.kind == "post" else "id"
        if not SLUG_RE.match(target.slug):
            problems.append(Problem(target.source, None, field_name, f"”{target.slug}” kan inte bli en kort länk", "använd bara a–z, 0–9 och bindestreck"))
        other = seen.get(target.slug)
        if other is not None:
            what = "situationen" if other.kind == "situation" else "inlägget"
            if target.kind == "post":
                fix = f"byt namn på filen, t.ex. {target.slug}-2.md"
            else:
                fix = f"byt id på situationen, t.ex. {target.slug}-2"
            problems.append(
                Problem(target.source, None, field_name, f"den korta länken /{target.short} används redan av {what} {other.slug} ({other.source})", fix)
            )
        else:
            seen[target.slug] = target
    return problems


def card_alt(label: str, title: str, site_name: str) -> str:
    """The card's alt text: exactly what the card says."""
    return f"{label}: {title}. {site_name}" if label else f"{title}. {site_name}"


# --- Share tags ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """What a page says about itself when shared; rendered by partials/share-meta.html."""

    title: str
    description: str
    url: str | None  # absolute; None for the 404 page
    image: str  # absolute
    image_alt: str
    image_width: int = 1200
    image_height: int = 630
    type: str = "website"  # "article" for posts
    site_name: str = ""
    published: date | None = None
    feeds: tuple[tuple[str, str], ...] = ()  # (title, absolute URL)
    # The "Dela" button, on posts only:
    button: bool = False
    short_url: str = ""  # absolute
    short_display: str = ""
    poster: str = ""  # relative to the site root
    locale: str = "sv_SE"  # og:locale

    @property
    def tags(self) -> list[tuple[str, str, str]]:
        """(attribute, name, content) of every <meta>: `property` for Open Graph, `name` for Twitter."""
        og = [
            ("og:type", self.type),
            ("og:site_name", self.site_name),
            ("og:locale", self.locale),
            ("og:title", self.title),
            ("og:description", self.description),
        ]
        if self.url:
            og.append(("og:url", self.url))
        og += [
            ("og:image", self.image),
            ("og:image:type", "image/png"),
            ("og:image:width", str(self.image_width)),
            ("og:image:height", str(self.image_height)),
            ("og:image:alt", self.image_alt),
        ]
        if self.published:
            og.append(("article:published_time", self.published.isoformat()))
        twitter = [
            ("twitter:card", "summary_large_image"),
            ("twitter:title", self.title),
            ("twitter:description", self.description),
            ("twitter:image", self.image),
            ("twitter:image:alt", self.image_alt),
        ]
        return [("property", k, v) for k, v in og] + [("name", k, v) for k, v in twitter]


def feeds(info: SiteInfo, *, podcast: bool) -> tuple[tuple[str, str], ...]:
    found = [(info.t("{site}: alla inlägg", site=info.name), info.absolute(FEED))]
    if podcast:
        found.append((info.t("{site}: podd", site=info.name), info.absolute(PODCAST_FEED)))
    return tuple(found)


def site_share(info: SiteInfo, *, url: str | None, title: str | None = None, description: str | None = None, feed_links=()) -> Share:
    return Share(
        title=title or info.name,
        description=description or info.description,
        url=url,
        image=info.absolute(SITE_CARD),
        image_alt=card_alt("", info.name, info.organisation or info.name),
        site_name=info.name,
        feeds=feed_links,
        locale=info.locale,
    )


def page_share(page_url: str, title: str | None, description: str | None, info: SiteInfo, by_path: dict[str, Target], feed_links=()) -> Share:
    """The share tags of a page at `page_url` (relative to the site root, "" for home)."""
    target = by_path.get(page_url)
    poster_of = by_path.get(page_url.removeprefix(f"{POSTER_DIR}/")) if page_url.startswith(f"{POSTER_DIR}/") else None
    if target is None and poster_of is None:
        return site_share(info, url=info.absolute(page_url), title=None if page_url == "" else title, description=description, feed_links=feed_links)
    shown = target or poster_of
    # Without the share channel the post's own card is not made: link previews get the site's.
    card, alt = (shown.card, card_alt(shown.label, shown.title, info.name)) if shown.goes("share") else \
        (SITE_CARD, card_alt("", info.name, info.organisation or info.name))
    return Share(
        title=shown.title if target else info.t("Affisch: {title}", title=shown.title),
        description=shown.summary,
        url=info.absolute(page_url),
        image=info.absolute(card),
        image_alt=alt,
        type="article" if target and target.kind == "post" else "website",
        site_name=info.name,
        published=target.date if target else None,
        feeds=feed_links,
        button=bool(target and target.kind == "post"),
        short_url=info.absolute(shown.short),
        short_display=info.display(shown.short),
        poster=shown.poster if shown.goes("poster") else "",
        locale=info.locale,
    )


# --- Generated pages and files --------------------------------------------------------------


def poster_source(target: Target, info: SiteInfo) -> str:
    """The poster page: front matter only; overrides/poster.html draws it."""
    title = info.t("Affisch: {title}", title=target.title)
    return (
        "---\n"
        "template: poster.html\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        f"description: {json.dumps(target.summary, ensure_ascii=False)}\n"
        f"label: {json.dumps(target.label, ensure_ascii=False)}\n"  # unused by the template: here so a
        # changed label changes the source, which the preview's dirty rebuild looks at
        "search: false\n"  # a print version; the page itself is what search should find
        f"poster_of: {json.dumps(target.path)}\n"
        "---\n"
    )


@dataclass(frozen=True)
class Poster:
    """What overrides/poster.html shows; links relative to the site root."""

    title: str
    summary: str
    label: str
    page: str  # the page the QR code leads to, relative to the site root
    page_url: str  # absolute: what the QR code says
    address: str  # the short link to type, e.g. "stodlanken.example.org/l/hemma"
    short: str  # the short link, relative to the site root: "l/hemma/"
    qr: str
    qr_alt: str
    card: str
    story: str
    site_name: str
    organisation: str


def poster(target: Target, info: SiteInfo) -> Poster:
    return Poster(
        title=target.title,
        summary=target.summary,
        label=target.label,
        page=target.path,
        page_url=info.absolute(target.path),
        address=info.display(target.short),
        short=target.short,
        qr=target.qr,
        qr_alt=qr_alt(target, info),
        card=target.card if target.goes("share") else "",
        story=target.story if target.goes("share") else "",
        site_name=info.name,
        organisation=info.organisation,
    )


def qr_alt(target: Target, info: SiteInfo) -> str:
    return info.t("QR-kod till {address}", address=info.display(target.path))


@dataclass(frozen=True)
class ShortLink:
    """What overrides/short-link.html shows."""

    title: str
    site_name: str
    relative: str  # the page, from /l/<slug>/: works on any host, also in `mkdocs serve`
    page: str  # the page, absolute (canonical)
    tags: tuple[tuple[str, str, str], ...]  # the share tags: (attribute, name, content)


def short_link_html(templates: jinja2.Environment, target: Target, share: Share, info: SiteInfo) -> str:
    """A page that sends the visitor on at once: no JavaScript, not indexed, with share tags
    so a short link pasted into a chat still shows the card. Like every page it has the
    quick exit (`stod.quick_exit_url` among the templates' globals) and a link to /akut/."""
    link = ShortLink(target.title, info.name, "../../" + target.path, info.absolute(target.path), tuple(share.tags))
    return templates.get_template("short-link.html").render(link=link)
