"""Site search with Pagefind: a chunked index that the browser fetches only when someone searches.

Material's own search plugin fetches its whole index on every page load (796 KB at 1,000
posts); Pagefind loads a small engine and the chunks for the words typed, with Swedish
stemming, and only on the search page.

Pagefind reads each page as soon as MkDocs has rendered it, on the other core, so the
build only waits for the index to be written (see stodlanken/search.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from stodlanken import search, site

log = logging.getLogger("mkdocs.hooks.search")

# This build's Pagefind process, or None. A module variable because on_build_error and
# on_shutdown get no config; every build starts its own in on_pre_build.
_indexer: search.Indexer | None = None


def on_pre_build(*, config):
    global _indexer
    _stop()
    if site.is_preview(config):
        # `mkdocs serve` rebuilds after every save: indexing a thousand pages each time would
        # slow every preview down by seconds, for a search an editor rarely tries there.
        log.info("Sökindexet byggs inte i förhandsvisningen (mkdocs serve); det byggs med make build.")
        return
    try:
        _indexer = search.Indexer(Path(config.site_dir))
    except (ImportError, OSError) as error:
        raise PluginError(f"Sökindexet kunde inte byggas (Pagefind): startade inte ({error})") from None


def on_post_page(output, /, *, page, config):
    # Index the main content only (not the header, footer or help row on every page).
    marked = search.mark_for_index(output, indexed=page.meta.get("search", True) is not False)
    if _indexer and marked != output:
        _indexer.add(page.file.dest_uri, marked)
    return marked


def on_post_build(*, config):
    global _indexer
    if _indexer is None:
        return
    # Only pages that were rendered, so only what is published, are in the index.
    indexer, _indexer = _indexer, None
    problem = indexer.finish()
    if problem:
        raise PluginError(problem)


def on_build_error(*, error):
    _stop()


def on_shutdown():
    _stop()  # also after Ctrl-C, which on_build_error does not see


def _stop():
    global _indexer
    if _indexer is not None:
        _indexer.stop()
        _indexer = None
