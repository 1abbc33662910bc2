"""Editor pages: leave out the files no build may publish, and show links to held-back
posts as plain text (see hooks/stodlanken/pages.py, which finds both while loading)."""

from __future__ import annotations

from stodlanken import pages, site


def on_files(files, /, *, config):
    for src_uri in site.load(config).pages.refused:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
    return files


def on_page_markdown(markdown, /, *, page, config, files):
    targets = site.load(config).pages.unlinked.get(page.file.src_uri)
    return pages.unlink(markdown, targets) if targets else markdown
