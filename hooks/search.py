"""Site search with Pagefind: a chunked index that the browser fetches only when someone searches.

Material's own search plugin fetches its whole index on every page load (796 KB at 1,000
posts); Pagefind loads a small engine and the chunks for the words typed, with Swedish
stemming, and only on the search page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from stodlanken import search, site

log = logging.getLogger("mkdocs.hooks.search")


def on_post_page(output, /, *, page, config):
    # Index the main content only (not the header, footer or help row on every page).
    return search.mark_for_index(output, indexed=page.meta.get("search", True) is not False)


def on_post_build(*, config):
    if site.is_preview(config):
        # `mkdocs serve` rebuilds after every save: indexing a thousand pages each time would
        # slow every preview down by seconds, for a search an editor rarely tries there.
        log.info("Sökindexet byggs inte i förhandsvisningen (mkdocs serve); det byggs med make build.")
        return
    # After every page is written, so only what is published can be indexed.
    problem = search.build_index(Path(config.site_dir))
    if problem:
        raise PluginError(problem)
