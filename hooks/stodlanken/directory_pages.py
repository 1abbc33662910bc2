"""The pages made from the support directory: what each one says, computed here, rendered in Jinja.

`page_sources()` lists the generated Markdown files (front matter only: which template,
title, description); `page_context()` gives a template everything it shows, already in
Swedish and with links relative to the page. Templates add no logic of their own.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

import markdown
import yaml
from markupsafe import Markup

from stodlanken.directory import CONTACT_LABELS, CONTACT_WAYS, KINDS, LANGUAGES, Directory, Service, Situation
from stodlanken.hours import Hours
from stodlanken.i18n import N_, Words, source_attributes
from stodlanken.opendata import jsonld
from stodlanken.pagination import Pagination, pages_of, pagination

DIRECTORY_URI = "stod/index.md"
EMERGENCY_URI = "akut/index.md"
# /stod/ and each situation show this many services a page, so that a page stays small
# (one round trip) at any number of services; the filter on /stod/ fetches every card
# (ALL_CARDS) only when someone uses it.
SERVICES_PER_PAGE = 20
ALL_CARDS = "stod/tjanster.json"
SITUATION_POSTS = 6  # posts on a situation's page; the list of posts has them all
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december")
WAY_FILTER_LABELS = {"phone": N_("Ring"), "sms": N_("Sms"), "chat": N_("Chatt"), "email": N_("Mejl"), "web": N_("Webbplats"), "visit": N_("Besök")}
_SAFE_SCHEMES = ("https://", "mailto:", "tel:", "sms:", "#", "/")


def situation_uri(situation_id: str) -> str:
    return f"stod/{situation_id}/index.md"


def service_uri(service_id: str) -> str:
    return f"stod/tjanst/{service_id}/index.md"


def directory_uri(number: int = 1) -> str:
    """/stod/, then /stod/sida/2/ …"""
    return DIRECTORY_URI if number == 1 else f"stod/sida/{number}/index.md"


def situation_page_uri(situation_id: str, number: int = 1) -> str:
    """/stod/<id>/, then /stod/<id>/sida/2/ …"""
    return situation_uri(situation_id) if number == 1 else f"stod/{situation_id}/sida/{number}/index.md"


def page_count(services: int) -> int:
    """Pages of `SERVICES_PER_PAGE` for `services` services (one, also for none)."""
    return max(1, -(-services // SERVICES_PER_PAGE))


def shows_posts(src_uri: str) -> bool:
    """Situation pages (`stod/<id>/`, their first page) list the posts about them; the other
    pages made here show only the directory."""
    parts = src_uri.split("/")
    return len(parts) == 3 and parts[0] == "stod" and parts[2] == "index.md"


def url_of(src_uri: str) -> str:
    """The page URL (directory URLs) of a generated page, relative to the site root."""
    return src_uri.removesuffix("index.md")


# --- generated files ---------------------------------------------------------------


def page_sources(directory: Directory) -> dict[str, str]:
    """{src_uri: Markdown} for every page made from the directory."""
    about = "Hitta stöd: chatta, ring eller mejla. Filtrera på din situation, anonymt, gratis och öppet nu."
    pages = {
        DIRECTORY_URI: _source("directory", "Alla stödtjänster", about),
        EMERGENCY_URI: _source("akut", "Akut hjälp", "Är det akut? Ring 112. Här är numren du kan ringa när du behöver hjälp nu."),
    }
    count = page_count(len(directory.services))
    for number in range(2, count + 1):
        pages[directory_uri(number)] = _source("directory", f"Alla stödtjänster, sida {number} av {count}", about, page=number)
    for situation in directory.situations:
        pages[situation_uri(situation.id)] = _source("situation", situation.title, situation.intro[:160], situation=situation.id)
        count = page_count(len(directory.services_for(situation.id)))
        for number in range(2, count + 1):
            pages[situation_page_uri(situation.id, number)] = _source(
                "situation", f"{situation.title}, sida {number} av {count}", situation.intro[:160], situation=situation.id, page=number)
    for service in directory.services.values():
        pages[service_uri(service.id)] = _source("service", service.name, service.summary[:160], service=service.id, body=service.summary)
    return pages


def _source(kind: str, title: str, description: str, *, body: str = "", **ids: str | int) -> str:
    # Raw text: overrides/stod/base.html escapes title and description where Material would not.
    meta = {"template": f"stod/{kind}.html", "title": title, "description": description, "stod_page": {"kind": kind, **ids}}
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    # The body only feeds the search index; the template renders the page from data.
    return f"---\n{text}---\n\n{html.escape(body)}\n"


# --- view models -------------------------------------------------------------------


@dataclass(frozen=True)
class ContactLink:
    way: str  # phone | sms | chat | email | web | visit
    label: str  # the button text, e.g. "Ring 116 111"
    href: str | None  # None for a visiting address (plain text)
    detail: str = ""  # e.g. the web site's host name

    @property
    def external(self) -> bool:
        """A link to another site (rel="noopener noreferrer")."""
        return (self.href or "").startswith("https:")


@dataclass(frozen=True)
class ServiceView:
    id: str
    name: str
    url: str  # relative to the current page
    summary: str
    provider: str
    provider_url: str
    kind: str
    kind_label: str
    facts: tuple[str, ...]  # short badges: "Anonymt", "Gratis", "Under 18 år"
    contacts: tuple[ContactLink, ...]
    hours: Hours | None
    hours_json: str  # for data-hours (Hours.compact); "" when the hours are not known
    hours_table: tuple[tuple[str, str], ...]
    hours_summary: str
    situations: str  # space separated, for data-situations
    ways: str  # space separated, for data-ways
    anonymous: bool | None
    free: bool | None
    temporarily_closed: bool
    alert: str
    verified: str  # "24 november 2026"
    verified_iso: str
    source: str
    stale: bool  # checked more than a year ago: the page says its facts may be out of date
    ages: str
    languages: str  # the languages the service speaks, named in the page's language; its own first
    language_codes: str  # space separated, for data-languages (the filter)
    description: Markup = field(default_factory=lambda: Markup(""))
    situation_links: tuple[tuple[str, str, Markup], ...] = ()  # (title, url, mark)
    # ` lang="sv"` for each of name, summary, alert, description shown in Swedish on a page in another language
    marks: dict[str, Markup] = field(default_factory=dict)


def swedish_date(value) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def in_language(record: Service | Situation, key: str, words: Words | None) -> tuple[str, Markup]:
    """A directory text in the page's language where `translations:` has it, else the Swedish
    one, with what marks it as Swedish on the page (nothing on a Swedish page)."""
    if words is None:
        return getattr(record, key), Markup("")
    text, translated = record.text(key, words.language.code)
    return text, Markup("") if translated else source_attributes(words.language)


def situation_view(situation: Situation, words: Words | None, url: str = "") -> dict[str, Any]:
    """What templates show of a situation, in the page's language."""
    (title, title_mark), (intro, intro_mark) = in_language(situation, "title", words), in_language(situation, "intro", words)
    return {"id": situation.id, "title": title, "intro": intro, "url": url, "marks": {"title": title_mark, "intro": intro_mark}}


def _text(words: Words | None, msgid: str) -> str:
    return words.text(msgid) if words else msgid


def contact_links(service: Service, words: Words | None = None) -> tuple[ContactLink, ...]:
    contact = service.contact
    links = []
    for way in CONTACT_WAYS:
        value = getattr(contact, way)
        if value is None:
            continue
        verb = _text(words, CONTACT_LABELS[way])
        if way in ("phone", "sms"):
            scheme = "tel" if way == "phone" else "sms"
            links.append(ContactLink(way, f"{verb} {value.display}", f"{scheme}:{value.tel}"))
        elif way == "email":
            links.append(ContactLink(way, f"{verb} {value}", f"mailto:{value}"))
        elif way == "visit":
            links.append(ContactLink(way, f"{verb}: {value}", None))
        else:
            links.append(ContactLink(way, verb, value, _host(value)))
    return tuple(links)


def spoken_languages(service: Service, words: Words | None = None) -> dict[str, str]:
    """code → name (in the page's language) of the languages the service speaks, the page's
    own language first: for a newcomer that is what matters most on the card."""
    here = words.language.code if words else "sv"
    codes = sorted(service.languages, key=lambda code: code != here)
    return {code: (words and words.locale and words.language_name(code)) or LANGUAGES[code] for code in codes}


def _host(url: str) -> str:
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


def _facts(service: Service) -> tuple[str, ...]:
    facts = []
    if service.anonymous:
        facts.append(N_("Anonymt"))
    if service.free:
        facts.append(N_("Gratis"))
    if service.ages:
        facts.append(str(service.ages).capitalize())
    if service.hours and service.hours.always:
        facts.append(N_("Dygnet runt"))
    return tuple(facts)


def service_view(service: Service, directory: Directory, rel: Callable[[str], str], *, full: bool = False,
                 words: Words | None = None) -> ServiceView:
    hours = service.hours
    situation_links = tuple(
        (title, rel(url_of(situation_uri(situation.id))), mark)
        for situation in directory.situations
        if situation.id in service.situations
        for title, mark in [in_language(situation, "title", words)]
    )
    texts = {key: in_language(service, key, words) for key in ("name", "summary", "alert", "description")}
    ages = ""
    if service.ages:
        ages = str(service.ages)
    return ServiceView(
        id=service.id,
        name=texts["name"][0],
        url=rel(url_of(service_uri(service.id))),
        summary=texts["summary"][0],
        provider=service.provider.name,
        provider_url=service.provider.url,
        kind=service.provider.kind,
        kind_label=service.provider.kind_label,
        facts=_facts(service),
        contacts=contact_links(service, words),
        hours=hours,
        hours_json=hours.compact() if hours else "",
        hours_table=tuple(hours.table(words)) if hours else (),
        hours_summary=hours.summary(words) if hours else "",
        situations=" ".join(service.situations),
        ways=" ".join(service.contact.ways),
        anonymous=service.anonymous,
        free=service.free,
        temporarily_closed=service.status == "temporarily_closed",
        alert=texts["alert"][0],
        verified=(words and words.date(service.verified)) or swedish_date(service.verified),
        verified_iso=service.verified.isoformat(),
        source=service.source,
        stale=service.stale,
        ages=ages,
        languages=", ".join(spoken_languages(service, words).values()),
        language_codes=" ".join(service.languages),
        description=render_description(texts["description"][0]) if full else Markup(""),
        situation_links=situation_links,
        marks={key: mark for key, (_, mark) in texts.items()},
    )


def _sort_name(service: Service) -> str:
    return service.name.lower().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e"}))


def _open_first(service: Service) -> tuple[int, str]:
    """Static order before the browser knows the time: always open, then with hours, then unknown."""
    if service.status == "temporarily_closed":
        rank = 3
    elif service.hours and service.hours.always:
        rank = 0
    elif service.hours:
        rank = 1
    else:
        rank = 2
    return rank, _sort_name(service)


# --- page contexts -------------------------------------------------------------------


def page_context(meta: dict, directory: Directory, posts: list, rel: Callable[[str], str], *, site_url: str = "",
                 posts_url: str = "inlagg/", words: Words | None = None) -> dict[str, Any] | None:
    """What a generated page's template needs, or None when the page is not ours.
    `posts_url`: the list of all posts, relative to the site root; `words`: the page's
    language (default the Swedish of the source)."""
    kind = meta.get("kind")
    number = meta.get("page", 1)
    situations = [situation_view(s, words, rel(url_of(situation_uri(s.id)))) for s in directory.situations]
    common = {"kind": kind, "situations": situations, "directory_url": rel(url_of(DIRECTORY_URI)), "akut_url": rel(url_of(EMERGENCY_URI))}
    if kind == "directory":
        services = sorted(directory.services.values(), key=_sort_name)
        listed = _page_of(services, number, [url_of(directory_uri(n)) for n in range(1, page_count(len(services)) + 1)],
                          N_("Sidor med stödtjänster"), directory, rel, words)
        if listed is None:
            return None
        return {
            **common,
            **listed,
            # Only on the first page: with more than one page, the filter fetches every card.
            "filters": number == 1,
            "all_cards": rel(ALL_CARDS) if number == 1 and listed["pagination"] else None,
            "kinds": list(KINDS.items()),
            "ways": list(WAY_FILTER_LABELS.items()),
            "languages": _spoken_anywhere(services, words),
            "open_data": {"json": rel("stod.json"), "csv": rel("stod.csv")},
        }
    if kind == "situation":
        situation = directory.situation(meta.get("situation", ""))
        if situation is None:
            return None
        services = sorted(directory.services_for(situation.id), key=_open_first)
        urls = [url_of(situation_page_uri(situation.id, n)) for n in range(1, page_count(len(services)) + 1)]
        listed = _page_of(services, number, urls, N_("Sidor med stödtjänster"), directory, rel, words)
        if listed is None:
            return None
        about = _posts_about(situation, posts, rel) if number == 1 else []
        return {
            **common,
            **listed,
            "situation": situation_view(situation, words),
            "posts": about[:SITUATION_POSTS],
            "all_posts_url": rel(posts_url) if len(about) > SITUATION_POSTS else None,
        }
    if kind == "service":
        service = directory.services.get(meta.get("service", ""))
        if service is None:
            return None
        page_url = site_url.rstrip("/") + "/" + url_of(service_uri(service.id)) if site_url else ""
        return {**common, "service": service_view(service, directory, rel, full=True, words=words), "jsonld": Markup(jsonld(service, page_url))}
    if kind == "akut":
        return {**common, "services": [service_view(s, directory, rel, words=words) for s in directory.emergency], "lines": _emergency_lines(directory, rel, words)}
    return None


def _spoken_anywhere(services: list[Service], words: Words | None) -> list[tuple[str, str]]:
    """(code, name) of every language some service speaks other than Swedish, by name: the filter."""
    names: dict[str, str] = {}
    for service in services:
        names.update(spoken_languages(service, words))
    names.pop("sv", None)
    return sorted(names.items(), key=lambda item: item[1].lower())


def _page_of(services: list[Service], number: int, urls: list[str], label: str, directory: Directory,
             rel: Callable[[str], str], words: Words | None = None) -> dict[str, Any] | None:
    """Page `number` of a list of services: its cards, where it starts, and the pages."""
    chunks = pages_of(services, SERVICES_PER_PAGE)
    if not 1 <= number <= len(chunks):
        return None
    shown = chunks[number - 1]
    first = (number - 1) * SERVICES_PER_PAGE + 1
    paged: Pagination | None = pagination(words.text(label) if words else label, number, urls, rel) if len(chunks) > 1 else None
    return {
        "services": [service_view(s, directory, rel, words=words) for s in shown],
        "total": len(services),
        "first_number": first,
        "last_number": first + len(shown) - 1,
        "pagination": paged,
    }


def all_cards(directory: Directory, rel: Callable[[str], str], words: Words | None = None) -> list[ServiceView] | None:
    """Every service as on /stod/ (links relative to it), for ALL_CARDS; None when /stod/
    has a single page, which then holds every card itself."""
    services = sorted(directory.services.values(), key=_sort_name)
    if page_count(len(services)) == 1:
        return None
    return [service_view(s, directory, rel, words=words) for s in services]


def _emergency_lines(directory: Directory, rel: Callable[[str], str], words: Words | None = None) -> list[dict[str, Any]]:
    """/akut/ in emergency.yml order: a card per valid service; for a service whose file has
    an error (preview, non-strict build) or the 112 fallback, its name and number."""
    lines = []
    for line in directory.emergency_lines:
        if line.service is not None:
            lines.append({"card": service_view(line.service, directory, rel, words=words)})
        elif line.phone is not None:
            lines.append({"card": None, "name": line.name, "label": f"{_text(words, CONTACT_LABELS['phone'])} {line.phone.display}", "href": f"tel:{line.phone.tel}"})
    return lines


def _posts_about(situation: Situation, posts: list, rel: Callable[[str], str]) -> list[dict[str, str]]:
    cards = []
    for post in posts:
        if situation.id not in getattr(post, "situations", ()) or not getattr(post, "published", True):
            continue
        cards.append({
            "title": post.title,
            "summary": getattr(post, "summary", ""),
            "type": getattr(post, "type", "text"),
            "type_label": getattr(post, "type_label", ""),
            "url": rel(post.url),
        })
    return cards


# --- Markdown without raw HTML --------------------------------------------------------


class _SafeLinks(markdown.treeprocessors.Treeprocessor):
    """Drop images (no off-origin requests) and links that are not https/mailto/tel/sms."""

    def run(self, root: ElementTree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    parent.remove(child)
                elif child.tag == "a":
                    href = child.get("href", "")
                    if not href.lower().startswith(_SAFE_SCHEMES):
                        child.attrib.pop("href", None)
                    elif href.startswith("https://"):
                        child.set("rel", "noopener noreferrer")


class _NoRawHtml(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        md.treeprocessors.register(_SafeLinks(md), "stod_safe_links", 0)


def render_description(text: str) -> Markup:
    """A service description: Markdown, with any raw HTML shown as text."""
    if not text:
        return Markup("")
    return Markup(markdown.markdown(text, extensions=[_NoRawHtml()]))
