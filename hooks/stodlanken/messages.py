"""`make messages`: the Swedish strings of the templates and hooks into `locales/messages.pot`,
and every language's catalogue (`locales/<prefix>.po`) brought up to date with it.

Extraction is Babel's (its Jinja and Python extractors), of `_("…")` and `_a("…")` in
templates (`_a` for attributes) and `N_("…")` in Python. Updating keeps every
translation whose Swedish did not change, drops the ones nobody uses any more (gettext's
`#~` lines) and adds the new strings untranslated; a changed string is not guessed from
an old one (no fuzzy matching): the site would show a guess as if it were checked. The
header comment, with the catalogue's `Reviewed-By:` and `Reviewed-On:`, is kept.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime, time, timezone
from pathlib import Path

from babel.core import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from stodlanken import i18n
from stodlanken.hours import DAY_NAMES, DAYS
from stodlanken.i18n import swedish
from stodlanken.site import build_date

KEYWORDS = {"_": None, "_a": None, "N_": None, "t": None}  # t("…"): in our scripts
METHODS = {"templates": [("**.html", "jinja2"), ("**.js", "javascript")], "hooks": [("**.py", "python")]}
SCRIPTS = "overrides/assets/javascripts"
SOURCES = {"overrides": "templates", "hooks": "hooks"}
HEADER = """\
Stödlänken: {name} ({code}).
Reviewed-By:
Reviewed-On:
Fill in both when a person who speaks the language has read every translation here
(Reviewed-On: YYYY-MM-DD); until then every page in this language says that the
translation is not checked."""


def template(root: Path) -> Catalog:
    """Every Swedish string of the templates and hooks, with where it is used."""
    catalog = Catalog(project="Stödlänken", locale=i18n.SOURCE, creation_date=_midnight(), fuzzy=False)
    for folder, kind in SOURCES.items():
        for filename, line, message, comments, _context in extract_from_dir(
                root / folder, METHODS[kind], keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True):
            if isinstance(message, str) and message:
                catalog.add(message, locations=[(f"{folder}/{filename}", line)], auto_comments=comments)
    return catalog


def script_words(root: Path, words: i18n.Words) -> str:
    """What our scripts write, in `words`' language, as JSON for `<script type="application/json"
    id="sl-words">` (read by `t()` in each script): the translated strings of t("…") calls and
    the day names (stod.js, "Stängt – öppnar fredag"). "" for Swedish, and where nothing is translated."""
    if swedish(words.language.code):
        return ""
    found = {message for _file, _line, message, _comments, _context in
             extract_from_dir(root / SCRIPTS, [("**.js", "javascript")], keywords={"t": None}) if isinstance(message, str)}
    table = {msgid: words.text(msgid) for msgid in sorted(found) if words.has(msgid)}
    for index, day in enumerate(DAYS):
        if name := words.day_name(index):
            table[DAY_NAMES[day]] = name
    # Inside <script>, "</" would end the element: JSON allows "<\/" for it.
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") if table else ""


def update(root: Path) -> list[Path]:
    """Write messages.pot and every catalogue; the paths written."""
    from stodlanken.check import load_site  # check.py lists what is missing with template()

    site = load_site(root / "mkdocs.yml", build_date())
    folder = root / i18n.LOCALES_DIR
    folder.mkdir(exist_ok=True)
    pot = template(root)
    written = [_write(folder / i18n.TEMPLATE, pot)]
    for language in site.settings.languages:
        if language.is_source:
            continue
        path = i18n.catalogue_path(root, language)
        if path.is_file():
            catalog = read_po(io.StringIO(path.read_text(encoding="utf-8")), locale=_locale(language.code))
        else:
            catalog = Catalog(locale=_locale(language.code), project="Stödlänken", creation_date=_midnight(), fuzzy=False,
                              header_comment="\n".join(f"# {line}".rstrip() for line in HEADER.format(name=language.name, code=language.code).splitlines()))
        catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
        catalog.obsolete.clear()
        written.append(_write(path, catalog))
    return written


def _locale(code: str) -> Locale | None:
    """Babel's locale for plural forms: "sv-x-easy" is Swedish; one Babel does not know gets none."""
    try:
        return Locale.parse(code.split("-x-")[0].replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def _midnight() -> datetime:
    """The build's day (the one clock), so an unchanged catalogue is written byte for byte alike."""
    return datetime.combine(build_date(), time(), tzinfo=timezone.utc)


def _write(path: Path, catalog: Catalog) -> Path:
    catalog.revision_date = _midnight()
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, include_previous=False)
    path.write_bytes(buffer.getvalue())
    return path


def main(argv: list[str] | None = None) -> int:
    root = Path.cwd()
    for path in update(root):
        print(path.relative_to(root).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
