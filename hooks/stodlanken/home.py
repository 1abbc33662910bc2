"""Data for the home page and the help row, computed here so templates stay simple."""

from __future__ import annotations

from dataclasses import dataclass

from stodlanken.directory import Service, Situation
from stodlanken.posts import TYPE_LABELS, Post
from stodlanken.site import Site


@dataclass(frozen=True)
class HelpLink:
    """One big button in "Behöver du hjälp nu?": call (or open) a service."""

    label: str  # what the button says: the number, or the name
    name: str  # the service, said after the number
    href: str  # tel: link, or the service's page when it has no phone


@dataclass(frozen=True)
class Card:
    title: str
    summary: str
    type: str
    type_label: str
    url: str  # relative to the site root
    date: str


def help_links(services: list[Service]) -> list[HelpLink]:
    links = []
    for service in services:
        if service.phone:
            # "112 – SOS Alarm" under a big "112" would say the number twice.
            name = service.name.removeprefix(f"{service.phone.display} – ")
            links.append(HelpLink(service.phone.display, name, f"tel:{service.phone.tel}"))
        else:
            links.append(HelpLink(service.name, service.name, f"stod/tjanst/{service.id}/"))
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


def template_data(site: Site, settings: dict) -> dict:
    return {
        "organisation": settings.get("organisation", ""),
        "help": help_links(site.directory.emergency),
        "quick_exit_url": settings.get("quick_exit_url", "https://www.smhi.se/"),
    }


def home_data(site: Site, settings: dict) -> dict:
    latest = site.numbers["latest_posts"]
    situations: list[Situation] = site.directory.situations
    return {
        "promise": settings.get("promise", ""),
        "situations": situations,
        "cards": [post_card(post) for post in site.published_posts[:latest]],
        "social": [link for link in settings.get("social") or [] if link.get("url")],
    }
