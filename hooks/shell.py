"""The page shell: `root`, `shell` (language, direction, title, description, the page in
the site's other languages) for overrides/layout.html, on every page and on the 404 page,
and the language's words (`_`) and `language` for every template; see
hooks/stodlanken/shell.py and hooks/stodlanken/i18n.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from stodlanken import build, messages, shell

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

NOT_FOUND_TITLE = "Sidan finns inte"


def on_env(env, /, *, config: MkDocsConfig, files):
    state = build.of(config)
    env.globals["language"] = shell.language(state.language.code)
    env.globals["_"], env.globals["_a"] = state.words, state.words.text
    env.globals["script_words"] = Markup(messages.script_words(state.root, state.words))
    return env


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav) -> dict:
    state = build.of(config)
    title = None if page.is_homepage else page.meta.get("title") or page.title
    context["root"] = shell.root_of(context["base_url"])
    context["shell"] = _shell(config, title=title, description=page.meta.get("description"),
                              canonical_url=page.canonical_url, content=page.content or "",
                              alternates=_page_alternates(state, context["root"], page.file.src_uri, page.url))
    return context


def on_template_context(context: dict, /, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "sitemap.xml":  # each page's language versions, as on the page itself
        state = build.of(config)
        context["alternates"] = {file.page.url: _page_alternates(state, "", file.src_uri, file.page.url)
                                 for file in context["pages"] if file.page is not None}
    elif template_name == "404.html":
        state = build.of(config)
        context["root"] = shell.root_of(context["base_url"])
        context["shell"] = _shell(config, title=state.words.text(NOT_FOUND_TITLE), description=None,
                                  alternates=_alternates(state, context["root"], "", paths={}))
    return context


def _page_alternates(state: build.Build, root: str, src_uri: str, page_url: str) -> tuple[shell.Alternate, ...]:
    """A post is in the languages it has a translation in; every other page is in all of them."""
    post = state.shown_posts.get(src_uri)
    paths = None if post is None else {lang: version.url for lang, version in state.site.versions.get(post.original, {}).items()}
    return _alternates(state, root, page_url, paths=paths)


def _alternates(state: build.Build, root: str, page_url: str, *, paths) -> tuple[shell.Alternate, ...]:
    return shell.alternates(state.published_languages, state.language, root=root, page_url=page_url,
                            public_root=state.public_root, paths=paths)


def _shell(config: MkDocsConfig, **page) -> shell.Shell:
    state = build.of(config)
    language = state.language
    return shell.shell(lang=language.code, site_name=config.site_name,
                       site_description=language.promise or config.site_description or "",
                       words=state.words, **page)
