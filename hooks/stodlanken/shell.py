"""The page shell: what overrides/layout.html needs on every page, computed here as plain data.

The templates call no Python methods on values (no `rstrip`, `startswith`, `.items()`),
so they would render under MiniJinja-based engines too; everything that needs a
computation is done here and passed in.
"""

from __future__ import annotations

from dataclasses import dataclass

# Written right to left: Arabic, Persian, Hebrew, Urdu (the languages issue adds translations).
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})


@dataclass(frozen=True)
class Language:
    lang: str  # BCP 47, from theme.language: "sv"
    dir: str  # "ltr" | "rtl"


def language(lang: str) -> Language:
    return Language(lang, text_direction(lang))


@dataclass(frozen=True)
class Shell:
    lang: str  # BCP 47, from theme.language: "sv"
    dir: str  # "ltr" | "rtl"
    title: str  # the whole <title>, unescaped: "Om Stödlänken – Stödlänken Helsingborg"
    description: str  # unescaped
    canonical_url: str | None
    has_h1: bool  # the page's own content starts with a heading of its own


def text_direction(lang: str) -> str:
    """"rtl" for languages written right to left ("ar", "fa-IR" …), "ltr" otherwise."""
    return "rtl" if lang.split("-")[0].split("_")[0].lower() in RTL_LANGUAGES else "ltr"


def root_of(base_url: str) -> str:
    """The path from a page to the site root, ending in "/": "." → "./", ".." → "../", "/" → "/"."""
    return base_url.rstrip("/") + "/"


def page_title(title: str | None, site_name: str) -> str:
    return f"{title} – {site_name}" if title and title != site_name else site_name


def shell(*, lang: str, title: str | None, site_name: str, description: str | None, site_description: str,
          canonical_url: str | None = None, content: str = "") -> Shell:
    return Shell(
        lang=lang,
        dir=text_direction(lang),
        title=page_title(title, site_name),
        description=description or site_description,
        canonical_url=canonical_url,
        has_h1="<h1" in content,
    )
