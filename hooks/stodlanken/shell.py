"""The page shell: what overrides/layout.html needs on every page, computed here as plain data.

The templates call no Python methods on values (no `rstrip`, `startswith`, `.items()`),
so they would render under MiniJinja-based engines too; everything that needs a
computation is done here and passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stodlanken.i18n import UNREVIEWED_NOTICE, Words, text_direction
from stodlanken.i18n import Language as SiteLanguage


@dataclass(frozen=True)
class Language:
    lang: str  # BCP 47: "sv", "ar"
    dir: str  # "ltr" | "rtl"


def language(lang: str) -> Language:
    return Language(lang, text_direction(lang))


@dataclass(frozen=True)
class Alternate:
    """The same page in another of the site's languages: the language chooser and hreflang."""

    lang: str  # BCP 47
    name: str  # the language named in itself: "العربية"
    dir: str
    href: str  # relative to the page
    url: str  # absolute, for <link rel="alternate" hreflang>
    current: bool
    same: bool = True  # the same page in that language; False: its home page (no hreflang: not the same content)


def alternates(languages: tuple[SiteLanguage, ...], current: SiteLanguage, *, root: str, page_url: str,
               public_root: str, paths: Mapping[str, str | None] | None = None) -> tuple[Alternate, ...]:
    """Every language's version of the page at `page_url` (relative to a language's root,
    "stod/"), the current one too. `root` leads from the page to its language's root;
    `public_root` is the site's address (the first language's). `paths`: where a page that
    is not in every language is, by language code (a post: its translations); a language
    without it (None, or missing) leads to that language's home page."""
    top = root + ("../" if current.prefix else "")  # from the page to the first language's root
    found = []
    for other in languages:
        folder = f"{other.prefix}/" if other.prefix else ""
        path = page_url if other == current or paths is None else paths.get(other.code)
        found.append(Alternate(other.code, other.name, other.dir, f"{top}{folder}{path or ''}" if other != current else f"{root}{path}",
                               f"{public_root.rstrip('/')}/{folder}{path or ''}" if public_root else "", other == current,
                               same=path is not None))
    return tuple(found)


@dataclass(frozen=True)
class Shell:
    lang: str  # BCP 47, from theme.language: "sv"
    dir: str  # "ltr" | "rtl"
    title: str  # the whole <title>, unescaped: "Om Stödlänken – Stödlänken Helsingborg"
    description: str  # unescaped
    canonical_url: str | None
    has_h1: bool  # the page's own content starts with a heading of its own
    alternates: tuple[Alternate, ...] = ()  # more than one: the language chooser and hreflang links
    unreviewed: bool = False  # the translation is not checked by a speaker yet: a notice at the top
    notice: tuple[Line, ...] = ()  # unreviewed: the notice in the page's language (when translated) and in Swedish


@dataclass(frozen=True)
class Line(Language):
    """A line of text in a language of its own."""

    text: str = ""


def notice(words: Words) -> tuple[Line, ...]:
    """The not-reviewed notice: in the page's language when the catalogue has it, and in Swedish."""
    lines = [Line(words.language.code, words.language.dir, words.text(UNREVIEWED_NOTICE))] if words.has(UNREVIEWED_NOTICE) else []
    return (*lines, Line("sv", "ltr", UNREVIEWED_NOTICE))


def root_of(base_url: str) -> str:
    """The path from a page to the site root, ending in "/": "." → "./", ".." → "../", "/" → "/"."""
    return base_url.rstrip("/") + "/"


def page_title(title: str | None, site_name: str) -> str:
    return f"{title} – {site_name}" if title and title != site_name else site_name


def shell(*, lang: str, title: str | None, site_name: str, description: str | None, site_description: str,
          canonical_url: str | None = None, content: str = "", alternates: tuple[Alternate, ...] = (),
          words: Words | None = None) -> Shell:
    unreviewed = words is not None and not words.language.is_source and not words.review.done
    return Shell(
        lang=lang,
        dir=text_direction(lang),
        title=page_title(title, site_name),
        description=description or site_description,
        canonical_url=canonical_url,
        has_h1="<h1" in content,
        alternates=alternates if len(alternates) > 1 else (),
        unreviewed=unreviewed,
        notice=notice(words) if unreviewed else (),
    )
