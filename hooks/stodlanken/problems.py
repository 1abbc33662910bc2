"""Editor-facing problems: one line each, `path:line: field: what is wrong — how to fix it`.

Loaders never raise on bad input; they return records plus a list of problems so that
an editor sees every mistake of a build at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
import re
from typing import Any

import yaml
from mkdocs.utils.meta import YAML_RE as MKDOCS_FRONT_MATTER

# Ids and file names that become addresses: short ASCII, as typed from a story or a poster.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int | None
    field: str
    message: str  # what is wrong
    fix: str  # how to fix it
    warning: bool = False  # True: reported, but does not stop a strict build

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message} — {self.fix}"


class Checker:
    """Collects the problems of one file, in `Problem`'s order: `error(line, field, message, fix)`.

    The one checker of every loader (posts, the support directory, the settings). `ok`
    turns False at the first error; `flagged` holds the fields `error` was called for. The
    problems go into `problems`, which a loader may share between files.
    """

    def __init__(self, path: str, problems: list[Problem] | None = None):
        self.path = path  # relative to the project root
        self.problems: list[Problem] = [] if problems is None else problems
        self.ok = True
        self.flagged: set[str] = set()

    def error(self, line: int | None, field: str, message: str, fix: str) -> None:
        self.problems.append(Problem(self.path, line, field, message, fix))
        self.flagged.add(field)
        self.ok = False

    def warn(self, line: int | None, field: str, message: str, fix: str) -> None:
        self.problems.append(Problem(self.path, line, field, message, fix, warning=True))

    def date(self, line: int | None, field: str, value: Any, *, fix: str = "skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-10-01") -> date | None:
        """`value` as a date (a YAML date, or ISO text); an error and None when it is none."""
        parsed = as_date(value)
        if parsed is None:
            self.error(line, field, f"”{value}” är inget datum", fix)
        return parsed

    def add(self, problems: list[Problem]) -> None:
        """Problems found on the way (a YAML syntax error, a repeated key), counted as this file's."""
        self.problems.extend(problems)
        if any(not problem.warning for problem in problems):
            self.ok = False


class LineDict(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]
    impossible_dates: bool = False  # (top level) a value YAML takes for a date that does not exist

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML sequence that remembers its own line and each item's line."""

    line: int = 0
    item_lines: list[int]


# The C parser (libyaml) when PyYAML has it: about ten times faster on a thousand posts.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeys(yaml.YAMLError):
    """A mapping names the same key twice. YAML keeps the last one without a word, which
    would let `consent: withdrawn` above an old `consent: approved` publish a post."""

    def __init__(self, keys: list[tuple[str, int]], data: Any = None):
        super().__init__(", ".join(f"{key} (rad {line})" for key, line in keys))
        self.keys = keys  # (key, 1-based line of the repeated key)
        self.data = data  # what YAML made of it (the last of equal keys wins)


class _LineLoader(_SafeLoader):
    """SafeLoader whose mappings and sequences carry line numbers."""

    line_offset = 0


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1 + loader.line_offset
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1 + loader.line_offset
        if key in result.key_lines:
            loader.duplicates.append((str(key), line))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1 + loader.line_offset
    result.item_lines = [child.start_mark.line + 1 + loader.line_offset for child in node.value]
    return result


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    """`2026-13-45` looks like a date to YAML, which then raises ValueError: keep the text,
    so the field's own check says it is no date (a line for the editor, not a traceback)."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        loader.impossible_dates = True
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def parse_yaml(text: str, *, line_offset: int = 0, tags: bool = False) -> Any:
    """Parse YAML into LineDict/LineList; raises yaml.YAMLError on bad syntax and
    DuplicateKeys when a mapping repeats a key. `tags`: read tags such as mkdocs.yml's
    `!ENV` or `!!python/name:` as None instead of refusing them."""

    class Loader(_LineLoader):
        pass

    Loader.line_offset = line_offset
    if tags:
        Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    loader = Loader(text)
    loader.duplicates, loader.impossible_dates = [], False
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if isinstance(data, LineDict):
        data.impossible_dates = loader.impossible_dates
    if loader.duplicates:
        raise DuplicateKeys(loader.duplicates, data)
    return data


def yaml_problems(error: yaml.YAMLError, rel: str, *, line_offset: int = 0) -> list[Problem]:
    """What is wrong with a YAML text, one line each (every repeated key on its own line)."""
    if isinstance(error, DuplicateKeys):
        return [Problem(rel, line, key, "står två gånger", "ta bort den ena raden; annars gäller bara den sista")
                for key, line in error.keys]
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 + line_offset if mark else None
    what = getattr(error, "problem", None) or "ogiltig YAML"
    return [Problem(rel, line, "(yaml)", f"ogiltig YAML: {what}", "kontrollera indrag, kolon och citattecken på raden")]


def load_yaml(path: Path, rel: str, problems: list[Problem], *, tags: bool = False) -> Any:
    """Read a YAML file; on a syntax error add its problems and return None. A repeated key
    is an error too, but the data comes back (the last one wins, as in YAML): a caller that
    must refuse the record checks for new problems; the help row can still use its number."""
    try:
        return parse_yaml(path.read_text(encoding="utf-8-sig"), tags=tags)
    except OSError as error:
        problems.append(Problem(rel, None, "(fil)", f"kan inte läsas ({error.strerror})", "kontrollera att filen finns"))
    except UnicodeDecodeError:
        problems.append(Problem(rel, None, "(fil)", "är inte sparad som UTF-8", "spara filen igen som UTF-8 (i VS Code: Spara med kodning → UTF-8)"))
    except DuplicateKeys as error:
        problems.extend(yaml_problems(error, rel))
        return error.data
    except yaml.YAMLError as error:
        problems.extend(yaml_problems(error, rel))
    return None


def mkdocs_cannot_read(text: str, meta: Any) -> str | None:
    """Why MkDocs would not read this page's front matter (`meta`, as `parse_yaml` read it), or None.

    MkDocs parses front matter itself (`mkdocs.utils.meta.get_data`), and when it cannot —
    no line break after the closing `---`, or a value such as `2026-13-45` that YAML takes
    for a date and then refuses — it keeps the whole front matter as the page's text, and
    publishes it: a post's `participants` included. So what MkDocs cannot read is an error.
    (Both are known from our own reading: no second, slower parse of every page.)
    """
    if not text.startswith("---") or not isinstance(meta, dict) or not meta:
        return None
    if not MKDOCS_FRONT_MATTER.match(text):  # (files are read with universal newlines, as MkDocs reads them)
        return "sista raden --- har ingen radbrytning efter sig"
    if getattr(meta, "impossible_dates", False):
        return "innehåller ett datum som inte finns, och då kan MkDocs inte läsa något av fälten"
    return None


# The front matter of a Markdown file: between a first line `---` and the next `---`.
FRONT_MATTER = re.compile(r"^---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|$)", re.S)

# Front matter keys that MkDocs, Material and our templates read on an editor's page, and
# what they must be: another type is a traceback while the page renders.
PAGE_TEMPLATES = ("home.html", "search.html")  # the page templates an editor may choose
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
PAGE_KEYS = ("title", "description", "template", "search", "hide")


def page_key_problem(key: str, value: Any) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a page's front matter key, or None when it is fine."""
    if key in ("title", "description"):
        if not isinstance(value, str) or not value.strip():
            return "ska vara text", f"skriv {key}: följt av en rad text"
    elif key == "template":
        if value not in PAGE_TEMPLATES:
            return f"okänd sidmall ”{value}”", f"ta bort raden, eller skriv en av {', '.join(PAGE_TEMPLATES)}"
    elif key == "search":
        if not isinstance(value, bool):
            return f"”{value}” är varken true eller false", "skriv search: false för att hålla sidan utanför sökningen"
    elif key == "hide":
        if not isinstance(value, list) or any(item not in HIDE_VALUES for item in value):
            return "ska vara en lista av " + ", ".join(HIDE_VALUES), "skriv t.ex. hide: [toc], eller ta bort raden"
    else:
        return "okänt fält", f"kontrollera stavningen; tillåtna fält: {', '.join(PAGE_KEYS)}"
    return None


def as_date(value: Any) -> date | None:
    """A YAML date (or an ISO date written as text) as a date; None when it is none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def relpath(path: Path, root: Path) -> str:
    """Path relative to the project root, as editors see it in Git."""
    if ".." not in path.parts:
        try:  # the common case, without resolving links (a system call per part, per file)
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
