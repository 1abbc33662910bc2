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

from stodlanken import build, search

log = logging.getLogger("mkdocs.hooks.search")


def on_pre_build(*, config):
    state = build.of(config)
    if state.preview:
        # `mkdocs serve` rebuilds after every save: indexing a thousand pages each time would
        # slow every preview down by seconds, for a search an editor rarely tries there.
        log.info("Sökindexet byggs inte i förhandsvisningen (mkdocs serve); det byggs med make build.")
        return
    try:
        state.indexer = search.Indexer(Path(config.site_dir))
    except (ImportError, OSError) as error:
        raise PluginError(f"Sökindexet kunde inte byggas (Pagefind): startade inte ({error})") from None


def on_post_page(output, /, *, page, config):
    # Index the main content only (not the header, footer or help row on every page).
    marked = search.mark_for_index(output, indexed=page.meta.get("search", True) is not False)
    indexer = build.of(config).indexer
    if indexer and marked != output:
        indexer.add(page.file.dest_uri, marked)
    return marked


def on_post_build(*, config):
    state = build.of(config)
    if state.indexer is None:
        return
    # Only pages that were rendered, so only what is published, are in the index.
    indexer, state.indexer = state.indexer, None
    problem = indexer.finish()
    if problem:
        raise PluginError(problem)


def on_build_error(*, error):
    _stop(build.current())


def on_shutdown():
    _stop(build.current())  # also after Ctrl-C, which on_build_error does not see


def _stop(state: build.Build | None) -> None:
    if state is not None and state.indexer is not None:
        state.indexer.stop()
        state.indexer = None
