"""The link-in-bio home page, and the help row that every page carries."""

from __future__ import annotations

from stodlanken import build, home
from stodlanken.i18n import source_attributes


def on_env(env, /, *, config, files):
    # Every template (home, content pages, 404) renders the help row from the same data.
    site = build.of(config).site
    env.globals["stod"] = home.template_data(site)
    # ` lang="sv"` on the directory's texts, which are in Swedish, on pages in another language.
    env.globals["text_lang"] = source_attributes(site.language)
    return env


def on_page_context(context, /, *, page, config, nav):
    if page.meta.get("template") == "home.html":
        context["home"] = home.home_data(build.of(config).site)
    return context
