"""The site's languages: which ones (`extra.stodlanken.languages`), the words of each
(gettext catalogues in `locales/`), and what a page in one of them says in Swedish.

One build per language (stodlanken/languages.py runs them): Swedish, the first language,
at `/`, every other one under its own prefix (`/ar/`). The words of the templates and
hooks are Swedish in the source (`_("Akut hjälp")`); `locales/<prefix>.po` holds each
language's translations, in the format Poedit and Weblate read. A string a catalogue
lacks is shown in Swedish, marked `lang="sv"` so a screen reader switches voice.

Who reviewed a catalogue, and when, is in its header comment (Babel keeps no headers it
does not know, and Poedit and Weblate keep header comments):

    # Reviewed-By: Amina Yusuf
    # Reviewed-On: 2026-12-01

A language nobody who speaks it has reviewed is published with a notice on every page
(`unreviewed: notice`), or not at all (`unreviewed: hold`).
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from babel.core import Locale, UnknownLocaleError, get_global
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations
from markupsafe import Markup, escape

from stodlanken.problems import Problem

SOURCE = "sv"  # the language the site is written in: msgids are Swedish
LOCALES_DIR = "locales"  # beside mkdocs.yml: <prefix>.po per language, messages.pot
TEMPLATE = "messages.pot"
ENV = "STODLANKEN_LANG"  # the language a build makes: its code or prefix; default the first
UNREVIEWED = ("notice", "hold")
# Written right to left (Material's list, and Dari, which Material does not know).
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "prs", "ps"})
_PLACEHOLDER = re.compile(r"\{\w+\}")
_REVIEW = re.compile(r"^#?\s*Reviewed-(By|On):[ \t]*(.*?)\s*$", re.MULTILINE | re.IGNORECASE)


def N_(msgid: str) -> str:  # noqa: N802 - gettext's name for "extract this, translate later"
    """Marks a Swedish string in Python for `make messages`; translated where it is shown."""
    return msgid


UNREVIEWED_NOTICE = N_("Den här översättningen är inte granskad än av någon som talar språket. "
                       "Telefonnummer och öppettider kommer från den svenska katalogen.")


def text_direction(lang: str) -> str:
    """"rtl" for languages written right to left ("ar", "fa-IR", "prs" …), "ltr" otherwise."""
    return "rtl" if lang.split("-")[0].split("_")[0].lower() in RTL_LANGUAGES else "ltr"


def swedish(code: str) -> bool:
    """Swedish and its varieties ("sv", "sv-x-easy"): no `lang="sv"` is needed on Swedish text."""
    return code.split("-")[0].lower() == SOURCE


@dataclass(frozen=True)
class Language:
    """One language of the site, as `extra.stodlanken.languages` lists it."""

    code: str  # BCP 47, for <html lang> and hreflang: "sv", "sv-x-easy", "ar", "prs"
    name: str  # the language named in itself: "العربية"
    prefix: str  # "" for the first language (at /), else its folder: "ar"
    promise: str | None = None  # the home page's promise in this language; None: the Swedish one

    @property
    def dir(self) -> str:
        return text_direction(self.code)

    @property
    def is_source(self) -> bool:
        return self.prefix == ""


SWEDISH = Language(SOURCE, "Svenska", "")


@dataclass
class Review:
    by: str = ""
    on: date | None = None

    @property
    def done(self) -> bool:
        return bool(self.by) and self.on is not None


@dataclass
class Words:
    """One language's catalogue, ready to translate with: `words("Akut hjälp")`."""

    language: Language
    catalog: Catalog | None = None  # None for Swedish, and for a language without a catalogue
    review: Review = field(default_factory=Review)
    broken: frozenset[str] = frozenset()  # msgids whose translation lost or invented a {placeholder}: shown in Swedish

    @cached_property
    def _translations(self) -> Translations | None:
        if self.catalog is None:
            return None
        # Compiled in memory, so plural forms follow the catalogue's Plural-Forms.
        buffer = io.BytesIO()
        write_mo(buffer, self.catalog)
        buffer.seek(0)
        return Translations(buffer)

    def has(self, msgid: str) -> bool:
        if self.catalog is None:
            return False
        message = self.catalog.get(msgid)
        return (message is not None and not message.fuzzy and isinstance(message.string, str) and bool(message.string)
                and msgid not in self.broken)

    def _gettext(self, msgid: str) -> str:
        return self._translations.gettext(msgid) if self._translations is not None and self.has(msgid) else msgid

    def text(self, msgid: str, **values: object) -> str:
        """The plain translation (Swedish when there is none), `{name}` filled in: for
        attributes, JSON and feeds, where no `lang` can mark a Swedish fallback."""
        translated = self._gettext(msgid)
        return translated.format(**values) if values else translated

    def __call__(self, msgid: str, **values: object) -> Markup:
        """The translation as HTML, the values escaped; a Swedish fallback on a page in
        another language is `<span lang="sv">`, so a screen reader switches voice."""
        html = escape(self._gettext(msgid))
        if values:
            html = Markup(html.format(**{key: escape(value) for key, value in values.items()}))
        if swedish(self.language.code) or self.has(msgid):
            return html
        return Markup(f"<span{source_attributes(self.language)}>{html}</span>")

    def missing(self, msgids: list[str]) -> list[str]:
        return [msgid for msgid in msgids if not self.has(msgid)]

    @cached_property
    def locale(self) -> Locale | None:
        """CLDR's data for the language (day and month names, language names), through
        Babel; None for Swedish, whose names the source writes itself, and for a language
        CLDR does not know."""
        return None if swedish(self.language.code) else cldr_locale(self.language.code)

    def day_name(self, index: int, *, short: bool = False) -> str | None:
        """Monday = 0; None where the Swedish of the source applies."""
        return self.locale.days["format"]["abbreviated" if short else "wide"][index] if self.locale else None

    def date(self, value: date) -> str | None:
        """"24 November 2026" in the language; None where the Swedish of the source applies."""
        return format_date(value, format="long", locale=self.locale) if self.locale else None

    def language_name(self, code: str) -> str | None:
        """The name of the language `code` in this language ("arabiska" in Swedish)."""
        locale = cldr_locale(code)
        return locale.get_display_name(self.locale or Locale.parse(SOURCE)) if locale else None


def og_locale(code: str) -> str:
    """Open Graph's `og:locale` ("sv_SE", "ar_EG", "fa_AF"): CLDR's likely territory for the language."""
    base = _CLDR.get(code.split("-x-")[0], code.split("-x-")[0]).replace("-", "_")
    if "_" in base:
        return base
    likely = get_global("likely_subtags").get(base, "")
    parts = likely.split("_")
    return f"{base}_{parts[-1]}" if len(parts) > 1 else base


# Dari is Persian as spoken in Afghanistan: CLDR has it as fa_AF; easy Swedish is Swedish.
_CLDR = {"prs": "fa_AF"}


def cldr_locale(code: str) -> Locale | None:
    base = code.split("-x-")[0]
    try:
        return Locale.parse(_CLDR.get(base, base).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def native_name(code: str) -> str:
    """A language named in itself, from CLDR ("العربية", "Svenska"); the code when CLDR does
    not know it. The site's own languages are named in mkdocs.yml (Dari: دری)."""
    locale = cldr_locale(code)
    name = locale.get_display_name(locale) if locale else None
    return name[:1].upper() + name[1:] if name else code


def source_attributes(language: Language) -> Markup:
    """What marks Swedish text on a page in `language`: ` lang="sv"` (a screen reader switches
    voice), with `dir="ltr"` on a right-to-left page (else its full stop lands on the left);
    nothing on a page in Swedish or easy Swedish."""
    if swedish(language.code):
        return Markup("")
    return Markup(f' lang="{SOURCE}" dir="ltr"' if language.dir == "rtl" else f' lang="{SOURCE}"')


def chosen(languages: tuple[Language, ...], wanted: str | None = None) -> Language:
    """The language this build makes: `wanted` or STODLANKEN_LANG (a code or a prefix), else the first."""
    wanted = (wanted if wanted is not None else os.environ.get(ENV, "")).strip()
    for language in languages:
        if wanted in (language.code, language.prefix):
            return language
    return languages[0] if languages else SWEDISH


def catalogue_path(root: Path, language: Language) -> Path:
    return root / LOCALES_DIR / f"{language.prefix}.po"


def load_words(root: Path, language: Language, problems: list[Problem]) -> Words:
    """`language`'s catalogue; a catalogue that is missing or cannot be read is a problem, and
    the language is then shown in Swedish (marked), never a broken build."""
    if language.is_source:
        return Words(language)
    path = catalogue_path(root, language)
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        problems.append(Problem(rel, None, "(fil)", f"finns inte: {language.name} visas på svenska",
                                "skapa katalogen med `make messages`", warning=True))
        return Words(language)
    try:
        text = path.read_text(encoding="utf-8")
        catalog = read_po(io.StringIO(text), locale=None, abort_invalid=True)
    except UnicodeDecodeError:
        problems.append(Problem(rel, None, "(fil)", "är inte sparad som UTF-8", "spara filen igen som UTF-8 (Poedit gör det)"))
        return Words(language)
    except PoFileError as error:
        # Babel says "… on <line>", and 0 where it does not know the line.
        line = _line_of(str(error))
        message = re.sub(r" on (line )?\d+$", "", str(error))
        problems.append(Problem(rel, line or None, "(fil)", f"går inte att läsa ({message})", "öppna filen i Poedit och spara den igen"))
        return Words(language)
    broken = set()
    for message in catalog:
        if message.id and isinstance(message.id, str) and isinstance(message.string, str) and message.string \
                and _braces(message.string) != _braces(message.id):
            broken.add(message.id)
            problems.append(Problem(rel, message.lineno, "msgstr", f"{{…}} skiljer sig från originalet i ”{message.id[:60]}”; texten visas på svenska",
                                    f"skriv med exakt samma {{namn}} som originalet: {', '.join(sorted(set(_PLACEHOLDER.findall(message.id)))) or 'inga'}",
                                    warning=True))
    return Words(language, catalog, _review(text), frozenset(broken))


def _braces(text: str) -> tuple[frozenset[str], bool]:
    """The {placeholders} of a text, and whether a brace stands outside them (str.format would fail)."""
    return frozenset(_PLACEHOLDER.findall(text)), "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text)


def _line_of(message: str) -> int | None:
    match = re.search(r" on (?:line )?(\d+)$", message)
    return int(match.group(1)) if match else None


def _review(text: str) -> Review:
    """`Reviewed-By:` and `Reviewed-On:` in the header comment (the lines before the first msgid)."""
    header = text.split("\nmsgid", 1)[0]
    review = Review()
    for kind, value in _REVIEW.findall(header):
        if kind.lower() == "by":
            review.by = value
        else:
            try:
                review.on = date.fromisoformat(value)
            except ValueError:
                review.on = None
    return review
