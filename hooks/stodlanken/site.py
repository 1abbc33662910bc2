"""Everything a build knows about its content, loaded and validated once per build.

`mkdocs serve` builds with a fresh config object on every rebuild, so caching on the
config object means: read once per build, re-read after every edit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils.yaml import yaml_load

from stodlanken.directory import Directory, load_directory
from stodlanken.media import docs_media_problems
from stodlanken.posts import Post, load_posts
from stodlanken.problems import Problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

BLOG_DIR = "inlagg"
# Whole-number settings in `extra.stodlanken`, with their defaults.
NUMBER_SETTINGS = {"latest_posts": 3, "posts_per_page": 20, "consent_review_days": 365, "guardian_age": 18}
_CACHE_ATTR = "_stodlanken_site"
_PREVIEW_ATTR = "_stodlanken_preview"


@dataclass
class Site:
    root: Path
    directory: Directory
    posts: list[Post]  # newest first, published and held back
    problems: list[Problem] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=lambda: dict(NUMBER_SETTINGS))  # checked NUMBER_SETTINGS

    @property
    def published_posts(self) -> list[Post]:
        return [post for post in self.posts if post.published]

    def shown_posts(self, *, preview: bool) -> list[Post]:
        """Published posts; in the preview also held-back ones (behind a banner), never invalid ones."""
        return [post for post in self.posts if post.published or (preview and post.valid)]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.warning]


def settings(config: MkDocsConfig) -> dict:
    """The project's own settings: `extra.stodlanken` in mkdocs.yml."""
    return dict(config.extra.get("stodlanken") or {})


def public_url(config: MkDocsConfig) -> str:
    """`site_url` as written in mkdocs.yml. `mkdocs serve` replaces `config.site_url` with
    http://127.0.0.1:<port>/, but what is drawn on a share card must not change with the
    port: the card shows the real address, and stays cached between previews."""
    if not is_preview(config) or not config.config_file_path:
        return config.site_url or ""
    path = Path(config.config_file_path)
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _public_urls:
        with path.open("rb") as file:
            _public_urls[key] = str((yaml_load(file) or {}).get("site_url") or "")
    return _public_urls[key]


_public_urls: dict[tuple, str] = {}


def mark_preview(config: MkDocsConfig, preview: bool) -> None:
    """`mkdocs serve` is a preview for editors: held-back posts and problems are shown in the page."""
    setattr(config, _PREVIEW_ATTR, preview)


def is_preview(config: MkDocsConfig) -> bool:
    return getattr(config, _PREVIEW_ATTR, False)


def build_date() -> date:
    """The build's date. STODLANKEN_TODAY=2026-12-24 builds the site as it will be on that day:
    editors preview publish_from/publish_until, and tests stay independent of the calendar."""
    value = os.environ.get("STODLANKEN_TODAY")
    return date.fromisoformat(value) if value else date.today()


def load(config: MkDocsConfig, *, today: date | None = None) -> Site:
    cached = getattr(config, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    site = read(Path(config.config_file_path).parent, Path(config.docs_dir), settings(config), today or build_date())
    setattr(config, _CACHE_ATTR, site)
    return site


def read(root: Path, docs_dir: Path, options: dict, today: date) -> Site:
    """Load the directory, then the posts that refer to it; collect every problem."""
    numbers, problems = number_settings(options)
    directory, directory_problems = load_directory(root / "support_directory", root=root, today=today)
    posts, post_problems = load_posts(
        docs_dir,
        blog_dir=BLOG_DIR,
        root=root,
        situations={situation.id for situation in directory.situations},
        # Every service file counts as known: a mistake in a service file is reported there,
        # not again in each post that links the service.
        services=set(directory.services) | {path.stem for path in (root / "support_directory" / "services").glob("*.yml")},
        today=today,
        consent_review_days=numbers["consent_review_days"],
        guardian_age=numbers["guardian_age"],
    )
    problems += docs_media_problems(docs_dir, root, blog_dir=BLOG_DIR)
    return Site(root, directory, posts, problems + directory_problems + post_problems, numbers)


def number_settings(options: dict) -> tuple[dict[str, int], list[Problem]]:
    """The whole-number settings, each a positive whole number or its default (and a problem)."""
    numbers, problems = {}, []
    for key, default in NUMBER_SETTINGS.items():
        value = options.get(key, default)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            numbers[key] = value
        else:
            numbers[key] = default
            problems.append(Problem("mkdocs.yml", None, f"extra.stodlanken.{key}", f"{value!r} är inte ett positivt heltal",
                                    f"skriv ett heltal, t.ex. {key}: {default}"))
    return numbers, problems
