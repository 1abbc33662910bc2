"""Channels: where a post may go, by what each participant agreed to, and the channel each
file of a build belongs to.

Swedish practice (SKR's consent template, UNICEF's guidelines for stories with children)
asks for consent per channel, not "may we use this". Each participant lists theirs in the
front matter (`channels: [site, share, poster]`); a post goes to a channel only when every
participant agreed to it. A participant who lists none has agreed to what the
organisation's setting `consent_default_channels` says (default: the site only), as old
front matter (`consent: approved` alone) does.

| channel | what a build makes of a post for it |
| --- | --- |
| `site` | its page, its media, its card in the lists, its search entry, its item in `feed.xml`, its short link |
| `share` | its share cards: the link-preview and story images (`kort/inlagg/…`) |
| `poster` | its printable poster and QR code (`affisch/inlagg/…/`) |
| `podcast` | its episode in `podd.xml`, which podcast apps read |
| `instagram`, `tiktok` | the organisation's own accounts there (the platform pack, when there is one) |

`output` tells the channel of every file a build writes, and the post it shows; hooks/
channels.py removes, before anything is written, any file of a post for a channel it has
no consent for, and any file under `inlagg/` that no channel claims (a post's source, a
transcript), and reports both as errors: the code that made them has a bug. The site-wide
files (the directory, the site's own share card, the podcast cover) show no participant.
"""

from __future__ import annotations

import posixpath

CHANNELS = ("site", "share", "poster", "podcast", "instagram", "tiktok")
# What each is called on the consent form and in `make check` (Swedish, plain language).
LABELS = {
    "site": "webbplatsen",
    "share": "delningsbilder och förhandsvisningar av länkar",
    "poster": "affischer som skrivs ut och sätts upp",
    "podcast": "poddappar (poddflödet)",
    "instagram": "organisationens Instagram",
    "tiktok": "organisationens TikTok",
}
DEFAULT = ("site",)  # what `consent: approved` alone means, unless the organisation says otherwise
# How a participant may appear: their face (in a picture or a film), their voice, their first name.
APPEARANCES = ("face", "voice", "name")
APPEARANCE_LABELS = {"face": "ansikte och kropp på bild och film", "voice": "röst", "name": "förnamn"}

POSTS = "inlagg/"
CARDS = "kort/"
POSTERS = "affisch/"
SHORT = "l/"
PODCAST_FEED = "podd.xml"
PODCAST_COVER = "kort/podd.png"


def output(path: str, prefixes: frozenset[str] = frozenset(), slugs: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """The channel the file at `path` (relative to the site's root, `/` separated) belongs
    to, and the slug of the post it shows, or None; (None, None) when no channel claims it.
    `prefixes`: the languages' folders (`ar`), whose files are claimed as the same file at
    the root; `slugs`: the posts' (a post named `x-story` has the card `x-story.png`)."""
    first, _, rest = path.partition("/")
    if first in prefixes and rest:
        path = rest
    if path == PODCAST_FEED or path == PODCAST_COVER:
        return "podcast", None
    if path.startswith(CARDS):
        if path.startswith(f"{CARDS}{POSTS}"):
            name = posixpath.splitext(posixpath.basename(path))[0]
            return "share", name if name in slugs else name.removesuffix("-story")
        return "share", None  # the site's card, the situations' cards
    if path.startswith(POSTERS):
        parts = path.split("/")
        return "poster", parts[2] if parts[1] == POSTS.rstrip("/") and len(parts) > 3 else None
    if path.startswith(POSTS):
        # Only what the posts' pages are made of; anything else there (a post's Markdown, a
        # transcript as a file) is claimed by no channel, and the build says so.
        parts = path.split("/")
        if parts[1] == "media" and len(parts) == 3:
            return "site", None
        if path == f"{POSTS}index.html" or (parts[1] == "sida" and len(parts) == 4 and parts[3] == "index.html"):
            return "site", None
        if len(parts) == 3 and parts[2] == "index.html":
            return "site", parts[1]
        return None, None
    if path.startswith(SHORT) and path.count("/") == 2 and path.endswith("/index.html"):
        return "site", path.split("/")[1]  # a post's or a situation's short link
    return "site", None  # the directory, the editors' pages, the assets, the search index, the open data
