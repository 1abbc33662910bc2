"""The page shell: `root`, `shell` (language, direction, title, description) for
overrides/layout.html, on every page and on the 404 page, and `language` for the pages
made outside MkDocs' pages (short links); see hooks/stodlanken/shell.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stodlanken import shell

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

NOT_FOUND_TITLE = "Sidan finns inte"


def on_env(env, /, *, config: MkDocsConfig, files):
    env.globals["language"] = shell.language(config.theme["language"])
    return env


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav) -> dict:
    title = None if page.is_homepage else page.meta.get("title") or page.title
    context["root"] = shell.root_of(context["base_url"])
    context["shell"] = _shell(config, title=title, description=page.meta.get("description"),
                              canonical_url=page.canonical_url, content=page.content or "")
    return context


def on_template_context(context: dict, /, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        context["root"] = shell.root_of(context["base_url"])
        context["shell"] = _shell(config, title=NOT_FOUND_TITLE, description=None)
    return context


def _shell(config: MkDocsConfig, **page) -> shell.Shell:
    return shell.shell(lang=config.theme["language"], site_name=config.site_name,
                       site_description=config.site_description or "", **page)
