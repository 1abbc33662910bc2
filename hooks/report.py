"""Report every content problem of a build at once, one line each, before anything is written.

Errors stop a strict build (`make build`) before MkDocs writes a page; `mkdocs serve`
logs them, lists them at the top of every page, and keeps serving. Warnings (a consent or a service due for review) are
printed but never stop a build: they ask an editor to check something, nothing is wrong.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.utils import clean_directory

from stodlanken import build, preview

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
        preview.keep_fresh(files, state, build.SESSION.previous)
    if state.language.is_source or state.preview:
        _log(state.site.problems)
    elif state.site.problems:
        # The same content, read again for this language: its problems are the Swedish
        # build's (stodlanken/languages.py builds that first), listed there once.
        log.info(f"{len(state.site.problems)} problem i innehållet, samma som i bygget på svenska.")
    errors = state.site.errors
    if errors and config.strict:
        raise Abort(f"Bygget stoppades: {len(errors)} fel i innehållet (se raderna ovan). Inget publicerades.")
    return files


def on_page_context(context, /, *, page, config, nav):
    # In the preview, every page lists the content problems: an editor sees them without the terminal.
    state = build.of(config)
    if state.preview:
        context["preview_problems"] = [str(problem) for problem in state.site.errors]
    return context


def _log(problems) -> None:
    """Reminders first, then the errors, one line each."""
    for problem in problems:
        if problem.warning:
            _reminders.warning(str(problem))
    for problem in problems:
        if not problem.warning:
            log.error(str(problem))
