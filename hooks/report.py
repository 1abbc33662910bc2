"""Report every content problem of a build at once, one line each, before anything is written.

Errors stop a strict build (`make build`) before MkDocs writes a page; `mkdocs serve`
logs them, lists them at the top of every page, and keeps serving. Warnings (a consent or a service due for review) are
printed but never stop a build: they ask an editor to check something, nothing is wrong.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from stodlanken import site

log = logging.getLogger("mkdocs.hooks.report")
# Not under the "mkdocs" logger, so a strict build does not count these as failures.
_reminders = logging.getLogger("stodlanken.reminders")
if not _reminders.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    _reminders.addHandler(_handler)
    _reminders.propagate = False


_command = "build"


def on_startup(*, command, dirty):
    # Called once per process; `mkdocs serve` does not re-import hooks, so this holds for every rebuild.
    global _command
    _command = command


def on_config(config):
    site.mark_preview(config, _command == "serve")
    return config


# First of all `on_files` handlers: validation decides what the other hooks may publish.
@event_priority(100)
def on_files(files, *, config):
    problems = site.load(config).problems
    for problem in problems:
        if problem.warning:
            _reminders.warning(str(problem))
    errors = [problem for problem in problems if not problem.warning]
    for problem in errors:
        log.error(str(problem))
    if errors and config.strict:
        raise Abort(f"Bygget stoppades: {len(errors)} fel i innehållet (se raderna ovan). Inget publicerades.")
    return files


def on_page_context(context, /, *, page, config, nav):
    # In the preview, every page lists the content problems: an editor sees them without the terminal.
    if site.is_preview(config):
        context["preview_problems"] = [str(problem) for problem in site.load(config).errors]
    return context
