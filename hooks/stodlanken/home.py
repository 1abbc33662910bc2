"""Data for the home page and the help row, computed here so templates stay simple."""

from __future__ import annotations

from dataclasses import dataclass

from stodlanken import directory_pages
from stodlanken.directory import EmergencyLine
from stodlanken.posts import TYPE_LABELS, Post
from stodlanken.site import Site


@dataclass(frozen=True)
class HelpLink:
    """One big button in "Behöver du hjälp nu?": call (or open) a service."""

    label: str  # what the button says: the number, or the name
    name: str  # the service, said after the number
    href: str  # tel: link, or the service's page (relative to the site root) when it has no phone
    phone: bool  # href is a tel: link


@dataclass(frozen=True)
class Card:
    title: str
    summary: str
    type: str
    type_label: str
    url: str  # relative to the site root
    date: str


def help_links(lines: list[EmergencyLine]) -> list[HelpLink]:
    links = []
    for line in lines:
        if line.phone:
            # "112 – SOS Alarm" under a big "112" would say the number twice.
            name = line.name.removeprefix(f"{line.phone.display} – ")
            links.append(HelpLink(line.phone.display, name, f"tel:{line.phone.tel}", phone=True))
        elif line.service is not None:  # no number: its page has the other ways to get in touch
            links.append(HelpLink(line.name, line.name, f"stod/tjanst/{line.id}/", phone=False))
    return links


def post_card(post: Post) -> Card:
    return Card(
        title=post.title,
        summary=post.summary,
        type=post.type,
        type_label=TYPE_LABELS[post.type],
        url=post.url,
        date=post.date.isoformat(),
    )


def template_data(site: Site) -> dict:
    return {
        "organisation": site.settings.organisation,
        "help": help_links(site.directory.emergency_lines),
        "quick_exit_url": site.settings.quick_exit_url,  # checked: absolute https:// on another site
    }


def home_data(site: Site) -> dict:
    latest = site.settings.latest_posts
    language = site.language
    words = site.words.get(language.prefix)
    situations = [directory_pages.situation_view(situation, words) for situation in site.directory.situations]
    return {
        "promise": language.promise or site.settings.promise,
        "promise_is_swedish": not language.promise,  # then marked on a page in another language
        "situations": situations,
        "cards": [post_card(post) for post in site.published_posts[:latest]],
        "social": list(site.settings.social),
    }
