"""Report every content problem of a build at once, one line each, before anything is written.

Errors stop a strict build (`make build`) before MkDocs writes a page; `mkdocs serve`
logs them, lists them at the top of every page, and keeps serving. Warnings (a consent or a service due for review) are
printed but never stop a build: they ask an editor to check something, nothing is wrong.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.utils import clean_directory

from stodlanken import build, preview, site

log = logging.getLogger("mkdocs.hooks.report")
# Not under the "mkdocs" logger, so a strict build does not count these as failures.
_reminders = logging.getLogger("stodlanken.reminders")
if not _reminders.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    _reminders.addHandler(_handler)
    _reminders.propagate = False


class _DirtyWarningFilter(logging.Filter):
    def filter(self, record):
        return not record.getMessage().startswith(preview.DIRTY_WARNING)


def on_startup(*, command, dirty):
    # Called once per process; `mkdocs serve` does not re-import hooks, so this holds for every rebuild.
    build.start(command=command, dirty=dirty)
    if dirty and command == "serve":
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarningFilter())


def on_config(config):
    build.begin(config)  # this build's state, fresh: `mkdocs serve` keeps the hook modules
    return config


def on_pre_build(*, config):
    state = build.of(config)
    if state.dirty and not state.preview:
        # A published site is always built from scratch: an old page of a post whose
        # consent was withdrawn must not stay behind in the output.
        log.info("--dirty gäller bara förhandsvisningen: allt byggs om.")
        clean_directory(config.site_dir)


# First of all `on_files` handlers: validation decides what the other hooks may publish.
@event_priority(100)
def on_files(files, *, config):
    state = build.of(config)
    if state.dirty and state.preview:
        _keep_preview_fresh(files, state)
    problems = state.site.problems
    for problem in problems:
        if problem.warning:
            _reminders.warning(str(problem))
    errors = [problem for problem in problems if not problem.warning]
    for problem in errors:
        log.error(str(problem))
    if errors and config.strict:
        raise Abort(f"Bygget stoppades: {len(errors)} fel i innehållet (se raderna ovan). Inget publicerades.")
    return files


def _keep_preview_fresh(files, state: build.Build) -> None:
    config, root = state.config, state.root
    transcripts = [Path(config.docs_dir, post.transcript) for post in state.site.posts if post.transcript]
    current = preview.state(root, transcripts, [str(problem) for problem in state.site.problems])
    previous = build.SESSION.previous
    if previous.get(str(root)) != current:
        clean_directory(config.site_dir)
    else:
        for listing in ("index.md", f"{site.POSTS_SECTION}/index.md"):
            file = files.get_file_from_path(listing)
            if file is not None and os.path.exists(file.abs_dest_path):
                os.remove(file.abs_dest_path)
    previous[str(root)] = current


def on_page_context(context, /, *, page, config, nav):
    # In the preview, every page lists the content problems: an editor sees them without the terminal.
    state = build.of(config)
    if state.preview:
        context["preview_problems"] = [str(problem) for problem in state.site.errors]
    return context
