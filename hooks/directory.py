"""Support directory: generated situation, service and directory pages, open data (see hooks/stodlanken/directory.py).

Pages: /stod/, /stod/<situation>/, /stod/tjanst/<id>/ and /akut/, made from
`support_directory/` in memory (never written into docs/); /stod/ and the situations in
pages of `SERVICES_PER_PAGE` (/stod/sida/2/ …), and, when /stod/ has more than one,
every card in `stod/tjanster.json` for its filter. Open data: stod.json (HSDS 3.0)
and stod.csv in the site root. Problems in the data are reported by hooks/report.py;
records with errors simply get no page here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from stodlanken import build, directory_pages, opendata, site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    state = build.of(config)
    for src_uri, content in directory_pages.page_sources(state.site.directory).items():
        if files.get_file_from_path(src_uri) is not None:
            continue  # an editor's own page wins
        if directory_pages.shows_posts(src_uri):
            files.append(File.generated(config, src_uri, content=content))
        else:
            files.append(state.stable_file(src_uri, content))
    return files


def on_env(env, /, *, config: MkDocsConfig, files: Files):
    # The same cards as on /stod/, from the same template, for stod.js to filter all of them.
    state = build.of(config)
    cards = directory_pages.all_cards(state.site.directory, lambda url: get_relative_url(url, "stod/"), state.words)
    if cards is not None:
        text = env.get_template("stod/_cards.html").render(services=cards)
        content = json.dumps({"services": len(cards), "cards": text}, ensure_ascii=False)
        files.append(state.stable_file(directory_pages.ALL_CARDS, content))
    return env


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav) -> dict:
    meta = page.meta.get("stod_page")
    if isinstance(meta, dict):
        loaded = build.of(config).site
        context["directory"] = directory_pages.page_context(
            meta,
            loaded.directory,
            getattr(loaded, "published_posts", []),
            lambda url: get_relative_url(url, page.url),
            site_url=config.site_url or "",
            posts_url=f"{site.POSTS_SECTION}/",
            words=build.of(config).words,
        )
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    loaded = build.of(config).site
    site_dir = Path(config.site_dir)
    (site_dir / "stod.json").write_text(opendata.hsds_json(loaded.directory), encoding="utf-8")
    (site_dir / "stod.csv").write_text(opendata.csv_text(loaded.directory, config.site_url or ""), encoding="utf-8")
