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

from stodlanken import consent, directory_pages, pages, reach
from stodlanken.directory import Directory
from stodlanken.directory_loader import load_directory
from stodlanken.media import docs_media_problems
from stodlanken.pages import Pages
from stodlanken.post_loader import load_posts
from stodlanken.posts import Post
from stodlanken.problems import Problem, load_yaml
from stodlanken.settings import Settings, read_settings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

BLOG_DIR = "inlagg"
_CACHE_ATTR = "_stodlanken_site"
_PREVIEW_ATTR = "_stodlanken_preview"


@dataclass
class Site:
    root: Path
    directory: Directory
    posts: list[Post]  # newest first, published and held back
    problems: list[Problem] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    pages: Pages = field(default_factory=Pages)  # files no build publishes, links shown as text

    @property
    def numbers(self) -> dict[str, int]:
        return self.settings.numbers

    @property
    def published_posts(self) -> list[Post]:
        return [post for post in self.posts if post.published]

    def shown_posts(self, *, preview: bool) -> list[Post]:
        """Published posts; in the preview also held-back ones (behind a banner), never invalid ones."""
        return [post for post in self.posts if consent.shown(post, preview=preview)]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.warning]


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
    options = config.extra.get("stodlanken")
    root, docs_dir = Path(config.config_file_path).parent, Path(config.docs_dir)
    site = read(root, docs_dir, options, today or build_date(), site_url=public_url(config), site_name=config.site_name)
    setattr(config, _CACHE_ATTR, site)
    return site


def read(root: Path, docs_dir: Path, options: object, today: date, *, site_url: str | None = None, site_name: str | None = None) -> Site:
    """Load the settings, the directory, then the posts that refer to it; collect every problem."""
    settings, problems = read_settings(options, site_url=site_url, site_name=site_name)
    numbers = settings.numbers
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
    site = Site(root, directory, posts, problems + directory_problems + post_problems, settings)
    site.pages, page_problems = pages.scan(docs_dir, root, posts, BLOG_DIR, _generated_pages(site))
    site.problems += page_problems + reach.check_slugs(reach.targets(site)) + _config_problems(root)
    return site


def _generated_pages(site: Site) -> set[str]:
    """The pages the hooks add (src_uris), so that a link to one is not a broken link."""
    found = {directory_pages.DIRECTORY_URI, directory_pages.EMERGENCY_URI, *pages.GENERATED_PAGES}
    found |= {directory_pages.situation_uri(situation.id) for situation in site.directory.situations}
    found |= {directory_pages.service_uri(service_id) for service_id in site.directory.services}
    return found | {f"{BLOG_DIR}/sida/{number}.md" for number in range(2, len(site.posts) + 2)}


def _config_problems(root: Path) -> list[Problem]:
    """mkdocs.yml itself: MkDocs keeps the last of two equal keys without a word."""
    found: list[Problem] = []
    path = root / "mkdocs.yml"
    if path.is_file():
        load_yaml(path, "mkdocs.yml", found, tags=True)
    return found

