"""Editor pages: leave out the files no build may publish, drop front matter keys of the
wrong type, and show links to held-back posts as plain text (hooks/stodlanken/pages.py
finds all three while loading)."""

from __future__ import annotations

from stodlanken import build, pages


def on_files(files, /, *, config):
    for src_uri in build.of(config).site.pages.refused:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
    return files


def on_page_markdown(markdown, /, *, page, config, files):
    found = build.of(config).site.pages
    for key in found.dropped.get(page.file.src_uri, ()):
        page.meta.pop(key, None)
    targets = found.unlinked.get(page.file.src_uri)
    return pages.unlink(markdown, targets) if targets else markdown
