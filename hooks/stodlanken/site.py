"""Everything a build knows about its content, loaded and validated once per build.

`mkdocs serve` builds with a fresh config object on every rebuild, so caching on the
config object means: read once per build, re-read after every edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from stodlanken.directory import Directory, load_directory
from stodlanken.posts import Post, load_posts
from stodlanken.problems import Problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

BLOG_DIR = "inlagg"
_CACHE_ATTR = "_stodlanken_site"


@dataclass
class Site:
    root: Path
    directory: Directory
    posts: list[Post]  # newest first, published and held back
    problems: list[Problem] = field(default_factory=list)

    @property
    def published_posts(self) -> list[Post]:
        return [post for post in self.posts if post.published]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.warning]


def settings(config: MkDocsConfig) -> dict:
    """The project's own settings: `extra.stodlanken` in mkdocs.yml."""
    return dict(config.extra.get("stodlanken") or {})


def load(config: MkDocsConfig, *, today: date | None = None) -> Site:
    cached = getattr(config, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    site = read(Path(config.config_file_path).parent, Path(config.docs_dir), settings(config), today or date.today())
    setattr(config, _CACHE_ATTR, site)
    return site


def read(root: Path, docs_dir: Path, options: dict, today: date) -> Site:
    """Load the directory, then the posts that refer to it; collect every problem."""
    directory, problems = load_directory(root / "support_directory", root=root, today=today)
    posts, post_problems = load_posts(
        docs_dir,
        blog_dir=BLOG_DIR,
        root=root,
        situations={situation.id for situation in directory.situations},
        # Every service file counts as known: a mistake in a service file is reported there,
        # not again in each post that links the service.
        services=set(directory.services) | {path.stem for path in (root / "support_directory" / "services").glob("*.yml")},
        today=today,
        **{key: options[key] for key in ("consent_review_days", "guardian_age") if key in options},
    )
    return Site(root, directory, posts, problems + post_problems)
