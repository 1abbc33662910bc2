"""The support directory (`support_directory/`): read and checked once per build, into a `Directory`.

Every mistake in every file is collected in one pass, as one `Problem` line each, so an
editor can fix them all before the next build. A record with an error is left out of the
`Directory` (no page is made for it); the rest of the directory still loads.

The contract is the "Support directory contract" section of DESIGN.md.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from stodlanken.directory import (
    CONTACT_WAYS, FALLBACK_EMERGENCY, KINDS, LANGUAGES, STATUSES, Address, Ages, Contact, Directory, EmergencyLine, Phone,
    Provider, Service, Situation,
)
from stodlanken.hours import parse_hours
from stodlanken.problems import SLUG_RE, Checker, LineDict, LineList, Problem, as_date, load_yaml, relpath

VERIFIED_WARNING_DAYS = 180
VERIFIED_STALE_DAYS = 365  # older: the service's page warns that its facts may be out of date
SUMMARY_MAX = 200
RESERVED_SITUATION_IDS = {"tjanst", "sida"}  # /stod/tjanst/ holds the service pages, /stod/sida/2/ … the directory's pages

_EMAIL = re.compile(r"^[^@\s<>\"'()\[\]]+@[^@\s<>\"'()\[\]]+\.[A-Za-z]{2,}$")
_POSTAL_CODE = re.compile(r"^\d{3} ?\d{2}$")
# A script or inline-data scheme is never wanted, in a URL or inside Markdown text.
_DANGEROUS = re.compile(r"(?i)\b(?:javascript|vbscript|livescript)\s*:|\bdata\s*:\s*[a-z]+/[a-z0-9.+-]+\s*[;,]")



def load_directory(path: Path, *, root: Path, today: date, languages: tuple[str, ...] = ()) -> tuple[Directory, list[Problem]]:
    """Read `support_directory/`; never raises on bad input: returns what is valid and every problem.
    `languages`: the site's languages other than Swedish, which `translations:` may give texts in."""
    problems: list[Problem] = []
    directory = Directory()
    if not path.is_dir():
        problems.append(Problem(relpath(path, root), None, "(mapp)", "mappen saknas", "skapa support_directory/ med situations.yml, providers.yml, emergency.yml och services/"))
        return directory, problems
    directory.situations, broken_situations = _load_situations(path / "situations.yml", root, problems, languages)
    directory.providers, broken_providers = _load_providers(path / "providers.yml", root, problems)
    # A service that names a broken situation or provider is left out without a second
    # problem line: the broken record already has its own.
    broken = _Broken(broken_situations, broken_providers)
    situation_ids = {s.id for s in directory.situations}
    services_dir = path / "services"
    if not services_dir.is_dir():
        problems.append(Problem(relpath(services_dir, root), None, "(mapp)", "mappen saknas", "skapa mappen och lägg en fil per tjänst i den, t.ex. services/bris.yml"))
    else:
        _load_services(services_dir, root, today, directory, situation_ids, broken, problems, languages)
    directory.emergency_lines = _load_emergency(path / "emergency.yml", root, directory, problems)
    return directory, problems


def _keys(check: Checker, data: LineDict, allowed: tuple[str, ...] | set[str], prefix: str = "") -> None:
    """Unknown keys are typos until proven otherwise."""
    for key in data:
        if key in allowed:
            continue
        guess = difflib.get_close_matches(str(key), [str(a) for a in allowed], n=1)
        fix = f"menade du `{guess[0]}`?" if guess else f"ta bort raden; tillåtna fält: {', '.join(allowed)}"
        check.error(data.line_of(key), f"{prefix}{key}", "okänt fält", fix)


def _text(check: Checker, data: LineDict, key: str, *, required: bool = True, max_len: int | None = None, prefix: str = "") -> str | None:
    name = f"{prefix}{key}"
    value = data.get(key)
    if value is None:
        if required:
            check.error(data.line, name, "saknas", f"lägg till raden `{key}: …`")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        check.error(data.line_of(key), name, "måste vara en text", f"skriv en text efter `{key}:`")
        return None
    value = value.strip()
    if max_len and len(value) > max_len:
        check.error(data.line_of(key), name, f"för lång ({len(value)} tecken, högst {max_len})", "korta texten")
        return None
    return value


def _url(check: Checker, data: LineDict, key: str, *, required: bool = True, prefix: str = "") -> str | None:
    name = f"{prefix}{key}"
    value = data.get(key)
    if value is None:
        if required:
            check.error(data.line, name, "saknas", f"lägg till raden `{key}: https://…`")
        return None
    if name in check.flagged:  # already reported by scan()
        return None
    line = data.line_of(key)
    problem = url_problem(value)
    if problem:
        check.error(line, name, *problem)
        return None
    return value.strip()


def _slug(check: Checker, data: LineDict, key: str, what: str) -> str | None:
    value = _as_id(data.get(key))
    if value is None:
        check.error(data.line, key, "saknas", f"lägg till raden `{key}: …` med {what}")
        return None
    if not isinstance(value, str) or not SLUG_RE.match(value):
        check.error(data.line_of(key), key, f"ogiltigt id {value!r}", "använd små bokstäver a–z, siffror och bindestreck, t.ex. ma-daligt")
        return None
    return value


def _scan(check: Checker, value: Any, name: str, line: int | None) -> None:
    """Reject script and data URLs anywhere in the file, even inside Markdown text."""
    if isinstance(value, dict):
        for key, item in value.items():
            _scan(check, item, f"{name}.{key}" if name else str(key), value.line_of(key) if isinstance(value, LineDict) else line)
    elif isinstance(value, list):
        lines = getattr(value, "item_lines", [])
        for index, item in enumerate(value):
            _scan(check, item, f"{name}[{index + 1}]", lines[index] if index < len(lines) else line)
    elif isinstance(value, str) and _DANGEROUS.search(value) and name not in check.flagged:
        check.error(line, name, "innehåller en skript- eller data-adress (javascript:, data:)", "ta bort den; länka bara till https://-adresser")


def url_problem(value: Any) -> tuple[str, str] | None:
    """(message, fix) when `value` is not a safe https URL."""
    if not isinstance(value, str) or not value.strip():
        return "måste vara en adress", "skriv hela adressen, t.ex. https://www.bris.se/"
    value = value.strip()
    if _DANGEROUS.search(value) or re.match(r"(?i)\s*(javascript|vbscript|data)\s*:", value):
        return "skript- och data-adresser är inte tillåtna", "skriv en vanlig https://-adress"
    lowered = value.lower()
    if lowered.startswith(("mailto:", "tel:", "sms:")):
        return "adressen hör inte hemma här", "skriv e-post under contact.email och nummer under contact.phone eller contact.sms"
    if not lowered.startswith("https://"):
        return "adressen måste börja med https://", "skriv hela adressen, t.ex. https://www.bris.se/"
    parts = urlsplit(value)
    if not parts.hostname or "." not in parts.hostname or re.search(r"[\s<>\"'`]", value):
        return "adressen går inte att läsa", "skriv hela adressen utan mellanslag, t.ex. https://www.bris.se/"
    return None


def parse_phone(value: Any) -> tuple[Phone | None, str | None]:
    """A Swedish phone number or short number → (Phone, None), else (None, message)."""
    if isinstance(value, bool) or value is None:
        return None, "måste vara ett telefonnummer"
    if isinstance(value, int):
        # Unquoted digits: fine for a short number (112, 1177); a leading 0 was lost by YAML.
        if not 3 <= len(str(value)) <= 6:
            return None, "numret måste stå inom citattecken"
        value = str(value)
    if not isinstance(value, str):
        return None, "måste vara ett telefonnummer"
    display = " ".join(value.split())
    if not re.fullmatch(r"\+?[\d\s()-]+", display):
        return None, f"{display!r} är inte ett telefonnummer"
    digits = re.sub(r"\D", "", display)
    if display.startswith("+") or digits.startswith("00"):
        national = digits[2:] if display.startswith("+") else digits[4:]
        if not (digits.startswith("46") if display.startswith("+") else digits.startswith("0046")):
            return None, "bara svenska nummer (+46) och kortnummer går att använda"
        if national.startswith("0"):
            national = national[1:]
        if not 6 <= len(national) <= 9:
            return None, f"{display!r} har fel antal siffror"
        return Phone(display, "+46" + national), None
    if digits.startswith("0"):
        if not 7 <= len(digits) <= 10:
            return None, f"{display!r} har fel antal siffror för ett svenskt nummer"
        return Phone(display, digits), None
    if 3 <= len(digits) <= 6:
        return Phone(display, digits), None
    return None, f"{display!r} är varken ett svenskt nummer (börjar med 0 eller +46) eller ett kortnummer"


def _as_id(value: Any) -> Any:
    """Ids such as 112 or 1177 may be written without quotes; YAML reads them as numbers."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _list_file(path: Path, root: Path, problems: list[Problem], example: str) -> tuple[Checker, list]:
    rel = relpath(path, root)
    check = Checker(rel, problems)
    found: list[Problem] = []
    data = load_yaml(path, rel, found)
    check.add(found)
    if data is None and path.exists() and not found:
        check.error(None, "(fil)", "filen är tom", f"skriv en lista, t.ex. {example}")
    if data is not None and not isinstance(data, list):
        check.error(getattr(data, "line", 1), "(fil)", "måste vara en lista", f"börja varje post med `- `, t.ex. {example}")
        data = None
    return check, data or []


def _entries(check: Checker, items: LineList, keys: tuple[str, ...], noun: str) -> Iterator[tuple[LineDict, int]]:
    """The entries of a list file that are mappings, each checked for unknown keys and unsafe
    text, with the count of problems before those checks (the entry is whole when no more
    come); an entry that is not a mapping is one error on its line."""
    first, *rest = keys
    needs = f"{', '.join(rest[:-1])} och {rest[-1]}"
    for index, item in enumerate(items):
        if not isinstance(item, LineDict):
            check.error(items.item_lines[index], f"[{index + 1}]", f"måste ha {first}, {needs}", f"skriv varje {noun} som `- {first}: …` med {needs} under")
            continue
        before = len(check.problems)
        _keys(check, item, keys)
        _scan(check, item, "", item.line)
        yield item, before


@dataclass(frozen=True)
class _Broken:
    situations: set[str]
    providers: set[str]


def _load_situations(path: Path, root: Path, problems: list[Problem], languages: tuple[str, ...] = ()) -> tuple[list[Situation], set[str]]:
    check, items = _list_file(path, root, problems, "`- id: ma-daligt`")
    situations: list[Situation] = []
    seen: set[str] = set()
    broken: set[str] = set()
    for item, before in _entries(check, items, ("id", "title", "intro", "icon", "translations"), "situation"):
        sid = _slug(check, item, "id", "situationens id")
        title = _text(check, item, "title", max_len=60)
        intro = _text(check, item, "intro", max_len=400)
        icon = _icon(check, item)
        if sid in seen:
            check.error(item.line_of("id"), "id", f"id {sid!r} finns redan", "ge varje situation ett eget id")
        elif sid in RESERVED_SITUATION_IDS:
            check.error(item.line_of("id"), "id", f"id {sid!r} är upptaget av sidorna för tjänster", "välj ett annat id")
        if sid:
            seen.add(sid)
        if len(problems) == before and sid and title and intro and icon:
            # Read after the verdict: a mistake in a translation leaves the situation in
            # Swedish, it does not take it off the site.
            situations.append(Situation(sid, title, intro, icon, _translations(check, item, {"title": 60, "intro": 400}, languages)))
        elif sid and sid not in {s.id for s in situations}:
            broken.add(sid)
    return situations, broken


def _translations(check: Checker, data: LineDict, fields: dict[str, int | None], languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """`translations:` — the texts of `fields` in the site's other languages, e.g.
    `translations: {ar: {summary: …}}`; each checked like the Swedish one (same length)."""
    value = data.get("translations")
    if value is None:
        return {}
    if not isinstance(value, LineDict):
        check.error(data.line_of("translations"), "translations", "måste ha ett block per språk",
                    "skriv t.ex. `translations:` och under den `  ar:` med `    summary: …`")
        return {}
    found: dict[str, dict[str, str]] = {}
    for code in value:
        where = f"translations.{code}"
        if code not in languages:
            check.error(value.line_of(code), where, f"{code!r} är inte ett av webbplatsens språk",
                        f"skriv en av: {', '.join(languages) or '(inga andra språk än svenska i mkdocs.yml)'}")
            continue
        texts = _part(check, value, code, tuple(fields), f"måste ha fält som {', '.join(fields)}",
                      f"skriv fälten på egna rader under `{code}:`", prefix="translations.")
        if texts is None:
            continue
        found[code] = {key: text for key, limit in fields.items()
                       if (text := _text(check, texts, key, required=False, max_len=limit, prefix=f"{where}.")) is not None}
    return found


def _icon(check: Checker, item: LineDict) -> str | None:
    icon = _text(check, item, "icon")
    if icon is None:
        return None
    icons = _material_icons_dir()
    if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", icon) or (icons and not (icons / f"{icon}.svg").is_file()):
        check.error(item.line_of("icon"), "icon", f"okänd ikon {icon!r}", "välj en ikon från Material, t.ex. material/emoticon-sad-outline")
        return None
    return icon


def _material_icons_dir() -> Path | None:
    try:
        import material
    except ImportError:  # pragma: no cover - the theme is a dependency
        return None
    path = Path(material.__file__).parent / "templates" / ".icons"
    return path if path.is_dir() else None


def _load_providers(path: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, Provider], set[str]]:
    check, items = _list_file(path, root, problems, "`- id: bris`")
    providers: dict[str, Provider] = {}
    broken: set[str] = set()
    for item, before in _entries(check, items, ("id", "name", "kind", "url"), "huvudman"):
        pid = _slug(check, item, "id", "huvudmannens id")
        name = _text(check, item, "name", max_len=120)
        kind = item.get("kind")
        if kind not in KINDS:
            check.error(item.line_of("kind"), "kind", f"okänd sort {kind!r}" if kind is not None else "saknas", f"skriv en av: {', '.join(KINDS)}")
        url = _url(check, item, "url")
        if pid in providers:
            check.error(item.line_of("id"), "id", f"id {pid!r} finns redan", "ge varje huvudman ett eget id")
        elif len(problems) == before and pid and name and url:
            providers[pid] = Provider(pid, name, kind, url)
        elif pid:
            broken.add(pid)
    return providers, broken


_SERVICE_KEYS = (
    "name", "provider", "situations", "summary", "description", "ages", "anonymous", "free",
    "languages", "contact", "hours", "status", "alert", "verified", "source", "translations",
)  # fmt: skip


def _load_services(folder: Path, root: Path, today: date, directory: Directory, situation_ids: set[str], broken: _Broken,
                   problems: list[Problem], languages: tuple[str, ...] = ()) -> None:
    seen: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        rel = relpath(path, root)
        if path.suffix != ".yml":
            problems.append(Problem(rel, None, "(fil)", "bara .yml-filer läses här", "byt filändelse till .yml eller flytta filen"))
            continue
        sid = path.stem
        if not SLUG_RE.match(sid):
            problems.append(Problem(rel, None, "(filnamn)", f"ogiltigt id {sid!r}", "döp om filen med små bokstäver a–z, siffror och bindestreck, t.ex. bris.yml"))
            continue
        if sid.lower() in seen:
            problems.append(Problem(rel, None, "(filnamn)", f"id {sid!r} finns redan i {seen[sid]}", "ge varje tjänst ett eget filnamn"))
            continue
        seen[sid] = rel
        service = _load_service(path, rel, sid, today, directory.providers, situation_ids, broken, problems, directory.salvaged, languages)
        if service == "inactive":
            directory.inactive.add(sid)
        elif service is None:
            directory.invalid.add(sid)
        else:
            directory.services[sid] = service


def _load_service(path: Path, rel: str, sid: str, today: date, providers: dict[str, Provider], situation_ids: set[str], broken: _Broken,
                  problems: list[Problem], salvaged: dict[str, EmergencyLine], site_languages: tuple[str, ...] = ()) -> Service | str | None:
    check = Checker(rel, problems)
    found: list[Problem] = []
    data = load_yaml(path, rel, found)
    check.add(found)  # a repeated key: no page, but its number may still be salvaged
    if data is None:
        if not found:
            check.error(None, "(fil)", "filen är tom", "skriv tjänstens fält, se DESIGN.md eller en annan fil i services/")
        return None
    if not isinstance(data, LineDict):
        check.error(getattr(data, "line", 1), "(fil)", "måste vara fält med namn", "skriv `name: …`, `provider: …` och så vidare på egna rader")
        return None
    if "id" in data:
        check.error(data.line_of("id"), "id", "id kommer från filnamnet", f"ta bort raden; den här tjänstens id är {sid!r}")
    _keys(check, data, _SERVICE_KEYS + ("id",))
    _scan(check, data, "", data.line)

    name = _text(check, data, "name", max_len=120)
    summary = _text(check, data, "summary", max_len=SUMMARY_MAX)
    description = _text(check, data, "description", required=False) or ""
    alert = _text(check, data, "alert", required=False, max_len=SUMMARY_MAX) or ""
    source = _url(check, data, "source")

    provider = None
    provider_id = _as_id(data.get("provider"))
    if provider_id is None:
        check.error(data.line, "provider", "saknas", "lägg till raden `provider: …` med ett id från providers.yml")
    elif provider_id in broken.providers:
        check.ok = False
    elif provider_id not in providers:
        guess = difflib.get_close_matches(str(provider_id), list(providers), n=1)
        hint = f"menade du `{guess[0]}`?" if guess else "lägg till huvudmannen i providers.yml eller rätta id:t"
        check.error(data.line_of("provider"), "provider", f"okänd huvudman {provider_id!r}", hint)
    else:
        provider = providers[provider_id]

    situations = _situations(check, data, situation_ids, broken.situations)
    status = data.get("status", "active")
    if status not in STATUSES:
        check.error(data.line_of("status"), "status", f"okänd status {status!r}", f"skriv en av: {', '.join(STATUSES)}")
    anonymous = _bool(check, data, "anonymous")
    free = _bool(check, data, "free")
    languages = _languages(check, data)
    ages = _ages(check, data)
    contact = _contact(check, data)
    hours = None
    if data.get("hours") is not None:
        hours, errors = parse_hours(data["hours"])
        for fieldname, message, fix, line in errors:
            check.error(line or data.line_of("hours"), fieldname, message, fix)
    verified = _verified(check, data, today)

    if status == "inactive":
        return "inactive"
    if not check.ok or None in (name, summary, source, provider, verified, contact):
        if name and contact and contact.phone:
            salvaged[sid] = EmergencyLine(sid, name, contact.phone, None)
        return None
    # Read after the verdict: a mistake in a translation leaves the service in Swedish.
    translations = _translations(check, data, {"name": 120, "summary": SUMMARY_MAX, "description": None, "alert": SUMMARY_MAX}, site_languages)
    return Service(
        id=sid,
        name=name,
        provider=provider,
        situations=situations,
        summary=summary,
        phone=contact.phone,
        contact=contact,
        verified=verified,
        source=source,
        description=description,
        ages=ages,
        anonymous=anonymous,
        free=free,
        languages=languages,
        hours=hours,
        status=status,
        alert=alert,
        translations=translations,
        path=rel,
        stale=(today - verified).days > VERIFIED_STALE_DAYS,
    )


def _situations(check: Checker, data: LineDict, situation_ids: set[str], broken: set[str]) -> tuple[str, ...]:
    value = data.get("situations")
    if value is None:
        check.error(data.line, "situations", "saknas", "lägg till raden `situations: [ma-daligt]` med id:n från situations.yml")
        return ()
    if isinstance(value, str):
        value = LineList([value])
        value.line, value.item_lines = data.line_of("situations"), [data.line_of("situations")]
    if not isinstance(value, list) or not value:
        check.error(data.line_of("situations"), "situations", "måste vara en lista med minst en situation", "skriv t.ex. `situations: [ma-daligt, hemma]`")
        return ()
    result = []
    for index, sid in enumerate(value):
        sid = _as_id(sid)
        line = value.item_lines[index] if isinstance(value, LineList) else data.line_of("situations")
        if sid in broken:
            continue  # reported in situations.yml; the service keeps its page and its other situations
        elif sid not in situation_ids:
            guess = difflib.get_close_matches(str(sid), sorted(situation_ids), n=1)
            hint = f"menade du `{guess[0]}`?" if guess else f"använd ett id från situations.yml: {', '.join(sorted(situation_ids))}"
            check.error(line, "situations", f"okänd situation {sid!r}", hint)
        elif sid not in result:
            result.append(sid)
    return tuple(result)


def _bool(check: Checker, data: LineDict, key: str) -> bool | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    check.error(data.line_of(key), key, f"måste vara true eller false, inte {value!r}", f"skriv `{key}: true` eller `{key}: false`")
    return None


def _languages(check: Checker, data: LineDict) -> tuple[str, ...]:
    value = data.get("languages")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        check.error(data.line_of("languages"), "languages", "måste vara en lista", "skriv t.ex. `languages: [sv, en]`")
        return ()
    codes = []
    for code in value:
        if code not in LANGUAGES:
            check.error(data.line_of("languages"), "languages", f"okänd språkkod {code!r}", "använd koder som sv, en, ar, fa, so, ti (ISO 639)")
        elif code not in codes:
            codes.append(code)
    return tuple(codes)


def _part(check: Checker, data: LineDict, key: str, keys: tuple[str, ...], message: str, fix: str, *, prefix: str = "") -> LineDict | None:
    """`data[key]`, a mapping of some of `keys`: None when it is not there, or is not a
    mapping (an error); a key outside `keys` is an error too."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, LineDict):
        check.error(data.line_of(key), prefix + key, message, fix)
        return None
    _keys(check, value, keys, f"{prefix}{key}.")
    return value


def _ages(check: Checker, data: LineDict) -> Ages | None:
    value = _part(check, data, "ages", ("min", "max"), "måste ha min och/eller max", "skriv t.ex. `ages: {min: 13, max: 25}`")
    if value is None:
        return None
    bounds = {}
    for key in ("min", "max"):
        bound = value.get(key)
        if bound is not None and (isinstance(bound, bool) or not isinstance(bound, int) or not 0 <= bound <= 120):
            check.error(value.line_of(key), f"ages.{key}", f"måste vara en ålder i hela år, inte {bound!r}", f"skriv t.ex. `{key}: 13`")
            bound = None
        bounds[key] = bound
    if bounds["min"] is not None and bounds["max"] is not None and bounds["min"] > bounds["max"]:
        check.error(value.line, "ages", "min är större än max", "byt plats på talen")
    return Ages(bounds["min"], bounds["max"])


def _contact(check: Checker, data: LineDict) -> Contact | None:
    if data.get("contact") is None:
        check.error(data.line, "contact", "saknas", "lägg till `contact:` med minst ett sätt att nå tjänsten (phone, sms, chat, email, web eller visit)")
        return None
    value = _part(check, data, "contact", CONTACT_WAYS, "måste ha fält som phone och web", "skriv sätten på egna rader under `contact:`, t.ex. `  web: https://…`")
    if value is None:
        return None
    found: dict[str, Any] = {}
    for way in ("phone", "sms"):
        if value.get(way) is not None:
            phone, message = parse_phone(value[way])
            if phone is None:
                check.error(value.line_of(way), f"contact.{way}", message, 'skriv ett svenskt nummer inom citattecken, t.ex. "020-50 50 50", eller ett kortnummer som "116 111"')
            found[way] = phone
    for way in ("chat", "web"):
        found[way] = _url(check, value, way, required=False, prefix="contact.")
    email = value.get("email")
    if email is not None:
        address = email.strip().removeprefix("mailto:") if isinstance(email, str) else None
        if not address or not _EMAIL.match(address):
            check.error(value.line_of("email"), "contact.email", f"{email!r} är inte en e-postadress", "skriv adressen, t.ex. hej@example.se")
            address = None
        found["email"] = address
    found["visit"] = _address(check, value)
    contact = Contact(**found)
    if not contact.ways and not any(value.get(way) is not None for way in CONTACT_WAYS):
        check.error(value.line, "contact", "inget sätt att nå tjänsten", "lägg till minst ett av phone, sms, chat, email, web eller visit")
        return None
    return contact


def _address(check: Checker, contact: LineDict) -> Address | None:
    value = _part(check, contact, "visit", ("street", "postal_code", "city"), "måste ha street, postal_code och city",
                  "skriv `visit: {street: …, postal_code: …, city: …}`", prefix="contact.")
    if value is None:
        return None
    street = _text(check, value, "street", prefix="contact.visit.")
    city = _text(check, value, "city", prefix="contact.visit.")
    postal_code = _text(check, value, "postal_code", prefix="contact.visit.")
    if postal_code and not _POSTAL_CODE.match(postal_code):
        check.error(value.line_of("postal_code"), "contact.visit.postal_code", f"{postal_code!r} är inte ett postnummer", 'skriv fem siffror inom citattecken, t.ex. "252 21"')
        return None
    if street and city and postal_code:
        return Address(street, postal_code, city)
    return None


def _verified(check: Checker, data: LineDict, today: date) -> date | None:
    if data.get("verified") is None:
        check.error(data.line, "verified", "saknas", f"kontrollera uppgifterna mot källan och skriv `verified: {today.isoformat()}`")
        return None
    line = data.line_of("verified")
    verified = as_date(data["verified"])
    if verified is None:
        check.error(line, "verified", f"datumet går inte att läsa: {data['verified']!r}", f"skriv ÅÅÅÅ-MM-DD, t.ex. {today.isoformat()}")
        return None
    if verified > today:
        check.error(line, "verified", f"datumet {verified.isoformat()} ligger i framtiden", "skriv dagen då uppgifterna kontrollerades")
        return None
    age = (today - verified).days
    fix = f"kontrollera uppgifterna mot källan och skriv `verified: {today.isoformat()}`"
    if age > VERIFIED_STALE_DAYS:
        # Stale, not broken, and a date passes a limit overnight: stopping the build would stop
        # the nightly one, withdrawals included. The service stays; its page says so (`stale`).
        check.warn(line, "verified", f"kontrollerades senast {verified.isoformat()}, för mer än {VERIFIED_STALE_DAYS} dagar sedan — tjänstens sida visar nu att uppgifterna kan vara gamla", fix)
    elif age > VERIFIED_WARNING_DAYS:
        check.warn(line, "verified", f"kontrollerades senast {verified.isoformat()}, för mer än {VERIFIED_WARNING_DAYS} dagar sedan", fix)
    return verified


def _load_emergency(path: Path, root: Path, directory: Directory, problems: list[Problem]) -> list[EmergencyLine]:
    """The help row: the valid emergency services, plus what could be salvaged
    (name and number) from files with errors, so that a mistake elsewhere in a file never
    takes a number away from the help row of a preview or a non-strict build."""
    before = len(problems)
    check, items = _list_file(path, root, problems, "`- bris`")
    lines: list[EmergencyLine] = []
    seen: set[str] = set()
    for index, sid in enumerate(items):
        sid = _as_id(sid)
        line = items.item_lines[index]
        if sid in seen:
            check.error(line, f"[{index + 1}]", f"{sid!r} står redan i listan", "ta bort raden")
        elif sid in directory.services:
            service = directory.services[sid]
            lines.append(EmergencyLine(sid, service.name, service.phone, service))
        elif sid in directory.inactive:
            check.error(line, f"[{index + 1}]", f"tjänsten {sid!r} är inaktiv", "ta bort raden eller ändra tjänstens status")
        elif sid in directory.salvaged:  # its file has its own problem lines
            lines.append(directory.salvaged[sid])
        elif sid not in directory.invalid:  # a broken service file already has its own problem line
            check.error(line, f"[{index + 1}]", f"okänd tjänst {sid!r}", "skriv ett filnamn från services/ utan .yml, t.ex. bris")
        seen.add(sid)
    listed_broken = any(_as_id(sid) in directory.invalid for sid in items)  # those files have their own lines
    if len(problems) == before and not listed_broken and not any(entry.phone for entry in lines):
        # Also an empty list (`[]`): the help row on every page would have no number to call.
        check.error(None, "(fil)", "ingen tjänst i listan har ett telefonnummer",
                      "lista tjänster att ringa direkt, t.ex. `- \"112\"`, `- bris` och `- mind-sjalvmordslinjen`")
    if not any(entry.phone for entry in lines):
        lines.append(FALLBACK_EMERGENCY)
    return lines
