"""Everything a build knows about its content, loaded and validated in one pass (`read`).

The build reads it once (stodlanken/build.py), `make check` too (stodlanken/check.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from stodlanken import consent, directory_pages, pages, reach
from stodlanken.directory import Directory
from stodlanken.directory_loader import load_directory
from stodlanken.i18n import SWEDISH, Language, Words, chosen, load_words
from stodlanken.media import docs_media_problems
from stodlanken.pages import Pages
from stodlanken.post_loader import load_posts, translations
from stodlanken.posts import Post
from stodlanken.problems import LineDict, Problem, load_yaml
from stodlanken.settings import Settings, from_config

EVERY_LANGUAGE = "*"  # read(language=…): every post, as `make check` sees them
POSTS_SECTION = "inlagg"  # docs/inlagg/: the list of posts (index.md) and the posts (posts/)


@dataclass
class Site:
    root: Path
    directory: Directory
    posts: list[Post]  # newest first, published and held back
    problems: list[Problem] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    pages: Pages = field(default_factory=Pages)  # files no build publishes, links shown as text
    words: dict[str, Words] = field(default_factory=dict)  # each language's catalogue, by prefix ("" Swedish)
    language: Language = SWEDISH  # the language this build makes
    # A post's published language versions, by the original's slug ({"brak-hemma": {"sv": …, "ar": …}}),
    # only where there are two or more: the language chooser and hreflang link them.
    versions: dict[str, dict[str, Post]] = field(default_factory=dict)

    @property
    def published_posts(self) -> list[Post]:
        return [post for post in self.posts if post.published]

    def shown_posts(self, *, preview: bool) -> list[Post]:
        """Published posts; in the preview also held-back ones (behind a banner), never invalid ones."""
        return [post for post in self.posts if consent.shown(post, preview=preview)]

    @property
    def published_languages(self) -> tuple[Language, ...]:
        """The languages `make build` publishes: all, except with `unreviewed: hold` those
        nobody has reviewed. Swedish always."""
        return tuple(language for language in self.settings.languages if language.is_source
                     or self.settings.unreviewed != "hold" or self.words[language.prefix].review.done)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.warning]


def build_date() -> date:
    """The build's date. STODLANKEN_TODAY=2026-12-24 builds the site as it will be on that day:
    editors preview publish_from/publish_until, and tests stay independent of the calendar."""
    value = os.environ.get("STODLANKEN_TODAY")
    return date.fromisoformat(value) if value else date.today()


def read(root: Path, docs_dir: Path, config: Mapping, today: date, *, site_url: str | None = None,
         language: str | None = None) -> Site:
    """Load the settings (from `config`, mkdocs.yml as read), the directory, then the posts
    that refer to it, and every language's catalogue; collect every problem. `site_url`:
    see settings.from_config. `language`: the code or prefix of the language this build
    makes (default: STODLANKEN_LANG, else the first): posts in another language are held
    back from it; EVERY_LANGUAGE keeps them all."""
    settings, problems = from_config(config, site_url=site_url)
    words = {lang.prefix: load_words(root, lang, problems) for lang in settings.languages}
    directory, directory_problems = load_directory(root / "support_directory", root=root, today=today,
                                                   languages=tuple(lang.code for lang in settings.languages[1:]))
    posts, post_problems = load_posts(
        docs_dir,
        section=POSTS_SECTION,
        root=root,
        situations={situation.id for situation in directory.situations},
        # Every service file counts as known: a mistake in a service file is reported there,
        # not again in each post that links the service.
        services=set(directory.services) | {path.stem for path in (root / "support_directory" / "services").glob("*.yml")},
        today=today,
        consent_review_days=settings.consent_review_days,
        guardian_age=settings.guardian_age,
        languages=tuple(lang.code for lang in settings.languages),
        default_channels=settings.consent_default_channels,
    )
    versions, translation_problems = translations(posts)
    this = chosen(settings.languages, None if language == EVERY_LANGUAGE else language)
    if language != EVERY_LANGUAGE:
        # A post in another language is held back from this build, like one waiting for consent:
        # its files are left out and a link to it is shown as text (stodlanken.consent, .pages).
        posts = [post if post.lang == this.code or not post.published else
                 replace(post, held_reason=f"är på ett annat språk ({post.lang})") for post in posts]
    problems += docs_media_problems(docs_dir, root, section=POSTS_SECTION)
    site = Site(root, directory, posts, problems + directory_problems + post_problems + translation_problems, settings,
                words=words, language=this, versions=versions)
    site.pages, page_problems = pages.scan(docs_dir, root, posts, POSTS_SECTION, _generated_pages(site),
                                           frozenset(lang.prefix for lang in settings.languages if lang.prefix))
    site.problems += page_problems + reach.check_slugs(reach.targets(site)) + _config_problems(root)
    return site


def _generated_pages(site: Site) -> set[str]:
    """The pages the hooks add (src_uris), so that a link to one is not a broken link."""
    found = {directory_pages.DIRECTORY_URI, directory_pages.EMERGENCY_URI, *pages.GENERATED_PAGES}
    found |= {directory_pages.situation_uri(situation.id) for situation in site.directory.situations}
    found |= {directory_pages.service_uri(service_id) for service_id in site.directory.services}
    return found | {f"{POSTS_SECTION}/sida/{number}.md" for number in range(2, len(site.posts) + 2)}


# What MkDocs would add to every page, which our own layout (overrides/layout.html) leaves
# out on purpose: one inlined stylesheet and the scripts a page needs. Said, not ignored.
_NOT_IN_THE_LAYOUT = {
    "extra_css": "skriv stilen i overrides/assets/stylesheets/stodlanken.css i stället och ta bort raden",
    "extra_javascript": "skript läggs i overrides/assets/javascripts/ av en utvecklare; ta bort raden",
}


def _config_problems(root: Path) -> list[Problem]:
    """mkdocs.yml itself: MkDocs keeps the last of two equal keys without a word, and would
    accept extra_css and extra_javascript that no page then loads."""
    found: list[Problem] = []
    path = root / "mkdocs.yml"
    if path.is_file():
        data = load_yaml(path, "mkdocs.yml", found, tags=True)
        if isinstance(data, LineDict):
            found += [Problem("mkdocs.yml", data.line_of(key), key, "läses inte av sidornas layout", fix)
                      for key, fix in _NOT_IN_THE_LAYOUT.items() if data.get(key)]
    return found

