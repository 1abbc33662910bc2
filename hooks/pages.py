"""Editor pages: leave out the files no build may publish, drop front matter keys of the
wrong type, and show links to held-back posts as plain text (hooks/stodlanken/pages.py
finds all three while loading). A page written in the build's language (`om.ar.md`) is
shown in place of the Swedish one (`om.md`); where there is none, the Swedish text is
marked as Swedish on the page (`lang="sv"`), so a screen reader reads it in Swedish.
"""

from __future__ import annotations

import os

from stodlanken import build, pages
from stodlanken.i18n import source_attributes


def on_files(files, /, *, config):
    state = build.of(config)
    found = state.site.pages
    for src_uri in found.refused:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
    for src_uri, versions in found.translations.items():
        file = files.get_file_from_path(src_uri)
        if file is not None and state.language.prefix in versions:
            file.abs_src_path = os.path.join(config.docs_dir, versions[state.language.prefix])
    return files


def on_page_markdown(markdown, /, *, page, config, files):
    state = build.of(config)
    found = state.site.pages
    source = found.source(page.file.src_uri, state.language.prefix)
    for key in found.dropped.get(source, ()):
        page.meta.pop(key, None)
    targets = found.unlinked.get(source)
    return pages.unlink(markdown, targets) if targets else markdown


def on_page_context(context, /, *, page, config, nav):
    state = build.of(config)
    found = state.site.pages
    if page.file.src_uri in found.editor and found.source(page.file.src_uri, state.language.prefix) == page.file.src_uri:
        context["content_attributes"] = source_attributes(state.language)  # nothing on a Swedish page
    return context
