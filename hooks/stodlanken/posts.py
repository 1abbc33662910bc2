"""Posts by young people: the typed record every stage works with.

A post is `docs/<section>/posts/<slug>.md` with the front matter of the design
("Posts: front matter contract"). stodlanken/post_loader.py reads and checks it into a
`Post`; stodlanken/consent.py decides whether it may be published; stodlanken/post_pages.py
says where it goes and what its page shows. `Post` carries no participant data at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from stodlanken import recordings
from stodlanken.channels import CHANNELS
from stodlanken.i18n import N_

TYPE_LABELS = {"film": N_("Film"), "slideshow": N_("Bildspel"), "podcast": N_("Podd"), "text": N_("Text")}

IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".webp")
VIDEO_EXTS = recordings.VIDEO_EXTS
AUDIO_EXTS = recordings.AUDIO_EXTS
CAPTION_EXTS = (".vtt",)
TRANSCRIPT_EXTS = (".md", ".txt")


@dataclass(frozen=True)
class Slide:
    image: str  # src_uri
    alt: str
    caption: str | None = None


@dataclass(frozen=True)
class Captions:
    """A film's caption file in one language: each becomes a `<track srclang>`."""

    lang: str  # BCP 47: "sv", "ar"
    uri: str  # src_uri


@dataclass(frozen=True)
class Post:
    path: str  # relative to the project root, e.g. "docs/inlagg/posts/film.md"
    src_uri: str  # relative to docs_dir, e.g. "inlagg/posts/film.md"
    slug: str
    title: str
    date: date
    type: str  # film | slideshow | podcast | text
    summary: str
    situations: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    credits: str | None = None
    held_reason: str | None = None  # None: published; else why it is held back (Swedish)
    valid: bool = True
    # Media, every path a src_uri (relative to docs_dir); None when the type has none.
    video: str | None = None
    captions: tuple[Captions, ...] = ()  # the post's own language first
    poster: str | None = None
    poster_alt: str | None = None
    slides: tuple[Slide, ...] = ()
    audio: str | None = None
    transcript: str | None = None  # src_uri of the transcript file (Markdown)
    duration: int | None = None  # seconds, podcasts
    lang: str = "sv"  # the language it is made in (`lang`): it is published in that language's site only
    translation_of: str | None = None  # the slug of the post this one translates (`translation_of`)
    # The channels every participant agreed to (stodlanken/channels.py), and the first names
    # they agreed to show under it: all that leaves the consent gate of the participants.
    channels: frozenset[str] = frozenset(CHANNELS)
    names: tuple[str, ...] = ()

    @property
    def published(self) -> bool:
        return self.held_reason is None

    @property
    def original(self) -> str:
        """The slug that names the post and its translations together: the one they translate."""
        return self.translation_of or self.slug

    @property
    def url(self) -> str:
        """The post's page, relative to the site root: `inlagg/posts/<slug>.md` -> `inlagg/<slug>/`."""
        return f"{PurePosixPath(self.src_uri).parent.parent}/{self.slug}/"

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type)

    @property
    def images(self) -> tuple[str, ...]:
        """Images this post shows (posters and slides): these get their metadata stripped."""
        found = [self.poster] + [slide.image for slide in self.slides]
        return tuple(uri for uri in found if uri)

    @property
    def media_files(self) -> tuple[str, ...]:
        """Every media file the post uses (src_uris), transcript included."""
        found = [self.video, *(captions.uri for captions in self.captions), self.audio, self.transcript, *self.images]
        return tuple(dict.fromkeys(uri for uri in found if uri))


def is_post_page(src_uri: str, section: str) -> bool:
    """A post is a Markdown file directly in `<section>/posts/`."""
    path = PurePosixPath(src_uri)
    return path.suffix == ".md" and path.parent == PurePosixPath(section, "posts")


def in_posts_dir(src_uri: str, section: str) -> bool:
    return src_uri.startswith(f"{section}/posts/")

