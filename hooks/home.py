"""The link-in-bio home page, and the help row that every page carries."""

from __future__ import annotations

from markupsafe import Markup

from stodlanken import build, home


def on_env(env, /, *, config, files):
    # Every template (home, content pages, 404) renders the help row from the same data.
    site = build.of(config).site
    env.globals["stod"] = home.template_data(site)
    # ` lang="sv"` on the directory's texts, which are in Swedish, on pages in another language.
    lang = home.text_lang(site.language)
    env.globals["text_lang"] = Markup(f' lang="{lang}"') if lang else Markup("")
    return env


def on_page_context(context, /, *, page, config, nav):
    if page.meta.get("template") == "home.html":
        context["home"] = home.home_data(build.of(config).site)
    return context
