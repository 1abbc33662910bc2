"""One build's state: made fresh for every build, reached by every hook through `of(config)`.

MkDocs hands each event of a build the same `config`, and `mkdocs serve` loads a new one
for every rebuild while it keeps the hook modules imported (mkdocs#3993). So nothing of a
build lives in a module: it lives on a `Build`, hung on that build's config under one
name, and the next rebuild starts from nothing. What belongs to the `mkdocs` process
instead (the command and `--dirty`, which `on_startup` hears once, and what the preview's
previous rebuild was made from) is the one `SESSION`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils.yaml import yaml_load

from stodlanken import cache, preview, privacy
from stodlanken.i18n import Language, Words, chosen
from stodlanken.settings import from_config
from stodlanken.site import Site, build_date, read

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    from stodlanken.post_pages import ListPage
    from stodlanken.posts import Post
    from stodlanken.reach import Sharing
    from stodlanken.search import Indexer
    from stodlanken.settings import Settings

_ATTR = "_stodlanken"  # the one attribute the hooks put on MkDocs' config


@dataclass
class Session:
    """What one `mkdocs` process knows across its builds."""

    command: str = "build"  # "serve" for `mkdocs serve` (not `--clean`), told by on_startup
    dirty: bool = False  # `--dirty`
    previous: dict[str, preview.State] = field(default_factory=dict)  # the preview's last rebuild, per project
    current: Build | None = None  # the build under way: on_build_error and on_shutdown get no config


SESSION = Session()


@dataclass(eq=False)
class Build:
    """Everything the hooks share during one build. The content is loaded and checked once,
    the first time a hook asks (`site`); the rest is filled in as the build goes."""

    config: MkDocsConfig
    preview: bool = False  # `mkdocs serve`: held-back posts behind a banner, problems on every page
    dirty: bool = False
    list_pages: dict[str, ListPage] = field(default_factory=dict)  # src_uri -> page of the list of posts (hooks/posts.py)
    blocks: dict[str, dict[str, str]] = field(default_factory=dict)  # src_uri -> a post's own HTML blocks (hooks/posts.py)
    sharing: Sharing | None = None  # what share tags are made from (hooks/reach.py, on_env)
    inline: privacy.Inline = field(default_factory=privacy.Inline)  # every page's inline styles, for _headers
    indexer: Indexer | None = None  # the Pagefind process (hooks/search.py)
    public_root: str = ""  # the address of the whole site (the first language's), set by begin()
    today: date = field(default_factory=build_date)  # the one clock, read once per build

    @property
    def root(self) -> Path:
        """The project: the folder of mkdocs.yml."""
        return Path(self.config.config_file_path).parent

    @cached_property
    def cache(self) -> cache.Dirs:
        return cache.Dirs(self.root)

    @cached_property
    def site(self) -> Site:
        return read(self.root, Path(self.config.docs_dir), self.config, self.today, site_url=self.public_url)

    @property
    def settings(self) -> Settings:
        return self.site.settings

    @property
    def language(self) -> Language:
        """The language this build makes (STODLANKEN_LANG; stodlanken/languages.py sets it)."""
        return self.site.language

    @property
    def published_languages(self) -> tuple[Language, ...]:
        return self.site.published_languages

    @property
    def words(self) -> Words:
        """This language's words: `words("Akut hjälp")` (stodlanken/i18n.py)."""
        return self.site.words[self.language.prefix]

    @cached_property
    def shown_posts(self) -> dict[str, Post]:
        """The posts that get a page, by src_uri: published ones; in the preview also held-back ones."""
        return {post.src_uri: post for post in self.site.shown_posts(preview=self.preview)}

    @cached_property
    def templates(self) -> jinja2.Environment:
        """The theme's templates, for the parts hooks render before MkDocs hands over its own
        environment (on_env comes after every page's Markdown is read)."""
        env = self.config.theme.get_env()
        env.globals["_"], env.globals["_a"] = self.words, self.words.text
        return env

    @cached_property
    def public_url(self) -> str:
        """`site_url` as written in mkdocs.yml. `mkdocs serve` replaces `config.site_url` with
        http://127.0.0.1:<port>/, but what is drawn on a share card must not change with the
        port: the card shows the real address, and stays cached between previews."""
        if not self.preview or not self.config.config_file_path:
            return self.config.site_url or ""
        with open(self.config.config_file_path, "rb") as file:
            return _in_language(str((yaml_load(file) or {}).get("site_url") or ""), self.config)

    def stable_file(self, src_uri: str, content: str | bytes) -> File:
        """A generated file that the preview's dirty rebuilds keep while it does not change (stodlanken/preview.py)."""
        return preview.stable_file(self.config, src_uri, content, folder=self.cache.preview if self.preview else None)


def start(*, command: str, dirty: bool) -> None:
    """What on_startup hears, once per process (`mkdocs serve` does not call it again)."""
    SESSION.command, SESSION.dirty = command, dirty


def begin(config: MkDocsConfig) -> Build:
    """A fresh state for the build of `config` (on_config of the first hook)."""
    build = Build(config, preview=SESSION.command == "serve", dirty=SESSION.dirty)
    # MkDocs' own clock (each page's update_date, so the sitemap's <lastmod>, and the gzip
    # header of sitemap.xml.gz) reads SOURCE_DATE_EPOCH when MkDocs makes pages, after this:
    # set from the build's date, it is the same one clock, and builds of a day are alike.
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(build.today, time(), tzinfo=timezone.utc).timestamp()))
    setattr(config, _ATTR, build)
    SESSION.current = build
    build.public_root = getattr(config, "site_url", None) or ""
    if build.public_root and not build.preview:  # the preview serves one language at its own address
        config.site_url = _in_language(build.public_root, config)
    return build


def _in_language(site_url: str, config: MkDocsConfig) -> str:
    """The address of this build's language: `site_url` itself for Swedish, `<site_url>ar/` for Arabic."""
    settings, _ = from_config(config, site_url=site_url)
    language = chosen(settings.languages)
    return f"{site_url.rstrip('/')}/{language.prefix}/" if site_url and language.prefix else site_url


def of(config: MkDocsConfig) -> Build:
    """The state of the build of `config`."""
    found = getattr(config, _ATTR, None)
    return found if found is not None else begin(config)


def current() -> Build | None:
    """The build under way, for the events that get no config."""
    return SESSION.current
