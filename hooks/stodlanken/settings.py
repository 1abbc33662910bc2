"""The project's settings (`extra.stodlanken`, `site_url`, `site_name` in mkdocs.yml), read once.

`read_settings` checks every setting as what it is and returns one frozen `Settings` plus
a `Problem` per mistake (path `mkdocs.yml`, field `extra.stodlanken.<key>`). A wrong value
never reaches a template: the build uses the safe default instead, so a non-strict build
or the preview still has, for example, a quick exit that leaves to another site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from stodlanken import channels
from stodlanken.i18n import SWEDISH, UNREVIEWED, Language, swedish
from stodlanken.problems import SLUG_RE, Checker, Problem
from stodlanken.privacy import COMPLIANCE

# Whole-number settings, with their defaults.
NUMBER_SETTINGS = {"latest_posts": 3, "posts_per_page": 20, "consent_review_days": 365, "guardian_age": 18}
# A neutral site that does not reveal this one (DESIGN.md, invariant 5).
DEFAULT_QUICK_EXIT_URL = "https://www.smhi.se/"
KEYS = ("organisation", "promise", "quick_exit_url", "social", "accessibility", "languages", "unreviewed",
        "consent_default_channels", *NUMBER_SETTINGS)
_ACCESSIBILITY_KEYS = ("actor", "compliance", "assessed", "updated", "method", "contact_email", "shortcomings")
_EMAIL = re.compile(r"^[^@\s<>\"'()\[\]:]+@[^@\s<>\"'()\[\]:]+\.[A-Za-z]{2,}$")
_PREFIX = "extra.stodlanken"


@dataclass(frozen=True)
class SocialLink:
    name: str
    url: str


@dataclass(frozen=True)
class Accessibility:
    """`extra.stodlanken.accessibility`: what the accessibility statement is made from."""

    compliance: str  # helt | delvis | inte
    assessed: date
    method: str
    contact_email: str
    shortcomings: tuple[tuple[str, str], ...] = ()  # (what, why)
    actor: str | None = None  # default: organisation
    updated: date | None = None  # default: assessed


@dataclass(frozen=True)
class Settings:
    site_name: str = ""
    site_url: str = ""
    organisation: str = ""
    promise: str = ""
    quick_exit_url: str = DEFAULT_QUICK_EXIT_URL
    social: tuple[SocialLink, ...] = ()
    latest_posts: int = NUMBER_SETTINGS["latest_posts"]  # cards on the home page
    posts_per_page: int = NUMBER_SETTINGS["posts_per_page"]  # cards on each page of the list of posts
    consent_review_days: int = NUMBER_SETTINGS["consent_review_days"]  # an older approved consent gives a reminder
    guardian_age: int = NUMBER_SETTINGS["guardian_age"]  # under it (`minor: true`) a guardian must approve too
    accessibility: Accessibility | None = None  # None: the settings have errors, no statement is made
    languages: tuple[Language, ...] = (SWEDISH,)  # the first is Swedish, at /; each other under /<prefix>/
    unreviewed: str = "notice"  # a language nobody has reviewed: "notice" on every page, or "hold" (not published)
    # What a participant without `channels:` has agreed to (old front matter): the site only, unless the organisation says more.
    consent_default_channels: tuple[str, ...] = channels.DEFAULT


def _error(check: Checker, key: str, message: str, fix: str) -> None:
    """A mistake in `extra.stodlanken.<key>` (MkDocs reads mkdocs.yml without line numbers)."""
    check.error(None, f"{_PREFIX}.{key}", message, fix)


def _text(check: Checker, options: dict, key: str, *, name: str | None = None, required: bool = False) -> str:
    name = name or key
    value = options.get(key)
    if value is None:
        if required:
            _error(check, name, "saknas", f"lägg till `{key}: …`")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        _error(check, name, f"måste vara en text, inte {_shown(value)}", f"skriv en text efter `{key}:`")
        return ""
    return " ".join(value.split())


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "ett block med fält"
    return repr(value)


def from_config(config: Mapping, *, site_url: str | None = None) -> tuple[Settings, list[Problem]]:
    """The settings of mkdocs.yml, as MkDocs read it or as `make check` did (a plain mapping):
    `extra.stodlanken`, `site_name` and `site_url` (`site_url`: given when it is not the one
    in the mapping, as in `mkdocs serve`, which replaces it with its own address).
    The only place that looks into `extra`."""
    extra = config.get("extra")
    options = extra.get("stodlanken") if isinstance(extra, Mapping) else None
    return read_settings(options, site_url=config.get("site_url") if site_url is None else site_url, site_name=config.get("site_name"))


def read_settings(options: Any, *, site_url: str | None, site_name: str | None) -> tuple[Settings, list[Problem]]:
    """Every setting checked; every mistake a problem, and the safe default in its place."""
    check = Checker("mkdocs.yml")
    if not site_url:
        check.error(None, "site_url", "saknas",
                    "skriv webbplatsens adress, t.ex. site_url: https://stodlanken.example.org/")
    if options is None:
        options = {}
    if not isinstance(options, dict):
        check.error(None, _PREFIX, f"måste vara ett block med inställningar, inte {_shown(options)}",
                    "skriv inställningarna på egna rader under `stodlanken:`, t.ex. `    organisation: …`")
        return Settings(site_name=str(site_name or ""), site_url=str(site_url or "")), check.problems
    for key in options:
        if key not in KEYS:
            _error(check, str(key), "okänd inställning", f"kontrollera stavningen; kända inställningar: {', '.join(KEYS)}")
    organisation = _text(check, options, "organisation")
    settings = Settings(
        site_name=str(site_name or ""),
        site_url=str(site_url or ""),
        organisation=organisation,
        promise=_text(check, options, "promise"),
        quick_exit_url=_quick_exit_url(check, options, site_url),
        social=_social(check, options.get("social")),
        **_numbers(check, options),
        accessibility=_accessibility(check, options.get("accessibility")),
        languages=_languages(check, options.get("languages")),
        unreviewed=_choice(check, options, "unreviewed", UNREVIEWED),
        consent_default_channels=_channels(check, options),
    )
    return settings, check.problems


def _https_problem(value: Any) -> str | None:
    """What is wrong with an address that must be absolute https://; None when nothing."""
    if not isinstance(value, str) or not value.strip():
        return "saknas" if value in (None, "") else f"måste vara en adress, inte {_shown(value)}"
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() != "https":
        return f"”{value}” börjar inte med https://"
    if not parts.hostname or "." not in parts.hostname or re.search(r"[\s<>\"'`]", value):
        return f"”{value}” går inte att läsa som adress"
    return None


def _quick_exit_url(check: Checker, options: dict, site_url: str | None) -> str:
    if "quick_exit_url" not in options:
        return DEFAULT_QUICK_EXIT_URL
    value = options["quick_exit_url"]
    fix = f"skriv hela adressen till en neutral webbplats, t.ex. quick_exit_url: {DEFAULT_QUICK_EXIT_URL}"
    problem = _https_problem(value)
    if problem is None and urlsplit(value.strip()).hostname == urlsplit(site_url or "").hostname:
        problem = "går till den här webbplatsen"
    if problem:
        _error(check, "quick_exit_url", f"{problem}; knappen Lämna sidan snabbt går till {DEFAULT_QUICK_EXIT_URL} så länge", fix)
        return DEFAULT_QUICK_EXIT_URL
    return value.strip()


def _social(check: Checker, value: Any) -> tuple[SocialLink, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        _error(check, "social", f"måste vara en lista, inte {_shown(value)}", "skriv varje kanal som `- name: Instagram` med `url: https://…` under")
        return ()
    links = []
    for key, item in _entries(check, value, "social", ("name", "url"), "`- name: Instagram` med `url: https://…` under"):
        name = _text(check, item, "name", name=f"{key}.name", required=True)
        problem = _https_problem(item.get("url"))
        if problem:
            _error(check, f"{key}.url", problem, "skriv hela adressen, t.ex. https://www.instagram.com/…")
        elif name:
            links.append(SocialLink(name, item["url"].strip()))
    return tuple(links)


def _entries(check: Checker, value: list, name: str, keys: tuple[str, ...], example: str) -> Iterator[tuple[str, dict]]:
    """(`name[n]`, entry) for each entry of a list setting that is a block of fields; an
    entry that is not, and a field outside `keys`, are problems."""
    for number, item in enumerate(value, 1):
        key = f"{name}[{number}]"
        if not isinstance(item, dict):
            _error(check, key, f"måste ha {keys[0]} och {keys[1]}, inte {_shown(item)}", f"skriv {example}")
            continue
        for extra in item:
            if extra not in keys:
                _error(check, f"{key}.{extra}", "okänt fält", f"tillåtna fält: {', '.join(keys)}")
        yield key, item


def _numbers(check: Checker, options: dict) -> dict[str, int]:
    """The whole-number settings, each a positive whole number or its default (and a problem)."""
    numbers = {}
    for key, default in NUMBER_SETTINGS.items():
        value = options.get(key, default)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            numbers[key] = value
        else:
            numbers[key] = default
            _error(check, key, f"{value!r} är inte ett positivt heltal", f"skriv ett heltal, t.ex. {key}: {default}")
    return numbers


def _accessibility(check: Checker, value: Any) -> Accessibility | None:
    """The statement's settings, with the contents Swedish law asks for; None when any is wrong."""
    where = "accessibility"
    if not isinstance(value, dict):
        fix = "skriv compliance, assessed, method, contact_email (och shortcomings) under `accessibility:`, se mkdocs.yml i exemplet"
        _error(check, where, "saknas" if value is None else f"måste vara ett block med fält, inte {_shown(value)}", fix)
        return None
    before = len(check.problems)
    for key in value:
        if key not in _ACCESSIBILITY_KEYS:
            _error(check, f"{where}.{key}", "okänt fält", f"tillåtna fält: {', '.join(_ACCESSIBILITY_KEYS)}")
    compliance = value.get("compliance")
    if compliance not in COMPLIANCE:
        _error(check, f"{where}.compliance", "saknas" if compliance is None else f"”{compliance}” går inte att använda", "skriv helt, delvis eller inte")
    shortcomings = _shortcomings(check, value.get("shortcomings"), compliance)
    assessed = _date(check, value, "assessed", required=True)
    updated = _date(check, value, "updated", required=False)
    method = _text(check, value, "method", name=f"{where}.method", required=True)
    actor = _text(check, value, "actor", name=f"{where}.actor") or None
    email = value.get("contact_email")
    address = email.strip().removeprefix("mailto:") if isinstance(email, str) else ""
    if not _EMAIL.match(address):
        problem = "saknas" if email in (None, "") else f"”{email}” är inte en e-postadress"
        _error(check, f"{where}.contact_email", problem, "skriv en e-postadress för synpunkter, t.ex. tillganglighet@example.org")
    if len(check.problems) > before or assessed is None:
        return None
    return Accessibility(compliance, assessed, method, address, shortcomings, actor, updated)


def _shortcomings(check: Checker, value: Any, compliance: Any) -> tuple[tuple[str, str], ...]:
    where = "accessibility.shortcomings"
    if value is None or value == []:
        if compliance in ("delvis", "inte"):
            _error(check, where, "saknas", "lista det som inte är tillgängligt: `- what: …` med `why: …` under")
        return ()
    if not isinstance(value, list):
        _error(check, where, f"måste vara en lista, inte {_shown(value)}", "skriv varje brist som `- what: …` med `why: …` under")
        return ()
    found = []
    for number, item in enumerate(value, 1):
        if isinstance(item, dict) and isinstance(item.get("what"), str) and isinstance(item.get("why"), str) and item["what"].strip() and item["why"].strip():
            found.append((item["what"], item["why"]))
        else:
            _error(check, f"{where}[{number}]", "behöver what och why som texter", "skriv vad som brister under what och varför under why")
    return tuple(found)


def _date(check: Checker, options: dict, key: str, *, required: bool) -> date | None:
    value = options.get(key)
    if value is None:
        if required:
            _error(check, f"accessibility.{key}", "saknas", f"skriv datumet då webbplatsen granskades, t.ex. {key}: 2026-05-04")
        return None
    return check.date(None, f"{_PREFIX}.accessibility.{key}", value, fix=f"skriv ÅÅÅÅ-MM-DD, t.ex. {key}: 2026-05-04")


# A language's prefix is a folder at the top of the site: not one the site already has.
_TAKEN_PREFIXES = {"stod", "inlagg", "akut", "om", "integritet", "surfa-sakert", "tillganglighet", "sok",
                   "kort", "l", "affisch", "assets", "pagefind"}
_LANGUAGE_KEYS = ("code", "name", "prefix", "promise")
_BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _channels(check: Checker, options: dict) -> tuple[str, ...]:
    """`consent_default_channels`: a list of channels (stodlanken/channels.py); a mistake
    means the narrowest default, the site only."""
    key = "consent_default_channels"
    if key not in options:
        return channels.DEFAULT
    value = options[key]
    known = ", ".join(channels.CHANNELS)
    if not isinstance(value, list) or not value or any(item not in channels.CHANNELS for item in value):
        _error(check, key, f"måste vara en lista med kanaler ({known}), inte {_shown(value)}; bara webbplatsen gäller så länge",
               f"skriv t.ex. {key}: [site]")
        return channels.DEFAULT
    if "site" not in value:
        _error(check, key, "saknar site: inget inlägg med gamla samtycken skulle publiceras", f"skriv {key}: [site, …]")
        return channels.DEFAULT
    return tuple(dict.fromkeys(value))


def _choice(check: Checker, options: dict, key: str, choices: tuple[str, ...]) -> str:
    value = options.get(key, choices[0])
    if value not in choices:
        _error(check, key, f"”{value}” går inte att använda", f"skriv en av: {', '.join(choices)}")
        return choices[0]
    return value


def _languages(check: Checker, value: Any) -> tuple[Language, ...]:
    """`languages`: the first Swedish (the site is written in it), at /; every other one
    with a prefix of its own. A wrong entry is left out (and a problem); Swedish stays."""
    if value is None:
        return (SWEDISH,)
    if not isinstance(value, list) or not value:
        _error(check, "languages", f"måste vara en lista, inte {_shown(value)}", "skriv varje språk som `- code: ar` med `name: العربية` under")
        return (SWEDISH,)
    languages: list[Language] = []
    for key, item in _entries(check, value, "languages", _LANGUAGE_KEYS, "`- code: ar` med `name: العربية` under"):
        code, name = item.get("code"), _text(check, item, "name", name=f"{key}.name", required=True)
        if not isinstance(code, str) or not _BCP47.match(code):
            _error(check, f"{key}.code", f"{_shown(code)} är ingen språkkod", "skriv en kod som sv, en, ar, so, ti eller prs (dari)")
            continue
        if key == "languages[1]":
            if not swedish(code) or item.get("prefix"):
                _error(check, f"{key}.code", "det första språket måste vara svenska, utan prefix", "börja listan med `- code: sv`")
                languages.append(SWEDISH)
                continue
            languages.append(Language(code, name or SWEDISH.name, "", _text(check, item, "promise", name=f"{key}.promise") or None))
            continue
        prefix = item.get("prefix", code.lower())
        if not isinstance(prefix, str) or not SLUG_RE.match(prefix) or prefix in _TAKEN_PREFIXES:
            _error(check, f"{key}.prefix", f"{_shown(prefix)} går inte att använda som mapp", "skriv ett kort namn med a–z, t.ex. `prefix: ar`, som inte redan är en mapp på webbplatsen")
            continue
        if any(prefix == other.prefix or code == other.code for other in languages):
            _error(check, f"{key}.code", f"{code} ({prefix}) finns redan", "ta bort den ena raden")
            continue
        if name:
            languages.append(Language(code, name, prefix, _text(check, item, "promise", name=f"{key}.promise") or None))
    if not languages:
        languages.append(SWEDISH)
    return tuple(languages)
