"""Jinja where MkDocs' template environment is not at hand.

The accessibility statement is made while the files are collected (`on_files`), before
MkDocs hands its environment to the hooks, and unit tests render templates without a
build. Both render the templates in overrides/ with Jinja itself, under the same rules as
the theme's environment: nothing is escaped unless the template says `| e`, and a
template's last newline is dropped. Python passes plain data; templates call no methods.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import jinja2

from stodlanken.i18n import SWEDISH, Words


def environment(dirs: Iterable[str | Path], words: Words | None = None) -> jinja2.Environment:
    """The templates in `dirs`, the first one found winning (as `theme.dirs` are searched);
    `_` translates into `words`' language (default: the Swedish of the source)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(path) for path in dirs]),
                             undefined=jinja2.StrictUndefined, auto_reload=False)
    words = words or Words(SWEDISH)
    env.globals["_"], env.globals["_a"] = words, words.text
    env.globals["text_lang"] = ""
    return env
