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


def environment(dirs: Iterable[str | Path]) -> jinja2.Environment:
    """The templates in `dirs`, the first one found winning (as `theme.dirs` are searched)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader([str(path) for path in dirs]),
                              undefined=jinja2.StrictUndefined, auto_reload=False)
