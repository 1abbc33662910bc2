"""RSS 2.0 feeds: every published post (`feed.xml`), and the podcast episodes (`podd.xml`).

The podcast feed carries what podcast apps read (Apple's `itunes:` tags: image, duration,
explicit, category), so episodes can be listed in an app without any platform in between.
Built with ElementTree, so every title is escaped and the result is well-formed XML.
Dates are the posts' own dates, never the build time: an unchanged site gives the same
feed, and apps do not see every rebuild as news.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from email.utils import format_datetime
from xml.etree import ElementTree as ET

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("itunes", ITUNES)
ET.register_namespace("atom", ATOM)

AUDIO_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
}


@dataclass(frozen=True)
class Channel:
    title: str
    link: str  # absolute
    self_url: str  # absolute URL of the feed itself
    description: str
    language: str = "sv"
    copyright: str = ""
    author: str = ""  # podcast: who makes it
    image: str = ""  # podcast: absolute URL of a square cover, 1400–3000 px
    category: str = "Health & Fitness"  # an Apple Podcasts category
    subcategory: str = "Mental Health"


@dataclass(frozen=True)
class Enclosure:
    url: str  # absolute
    length: int  # bytes
    type: str  # MIME type


@dataclass(frozen=True)
class Item:
    title: str
    link: str  # absolute
    description: str
    date: date
    category: str = ""
    enclosure: Enclosure | None = None
    duration: int | None = None  # seconds


def audio_type(path: str) -> str:
    return AUDIO_TYPES.get(path[path.rfind(".") :].lower(), "application/octet-stream")


def rss(channel: Channel, items: list[Item], *, podcast: bool = False) -> bytes:
    root = ET.Element("rss", {"version": "2.0"})
    feed = ET.SubElement(root, "channel")
    _text(feed, "title", channel.title)
    _text(feed, "link", channel.link)
    _text(feed, "description", channel.description)
    _text(feed, "language", channel.language)
    if channel.copyright:
        _text(feed, "copyright", channel.copyright)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": channel.self_url, "rel": "self", "type": "application/rss+xml"})
    if items:
        _text(feed, "lastBuildDate", _rfc822(max(item.date for item in items)))
    if podcast:
        _podcast_channel(feed, channel)
    for item in items:
        _item(feed, item, podcast=podcast, image=channel.image)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _podcast_channel(feed: ET.Element, channel: Channel) -> None:
    if channel.author:
        _text(feed, f"{{{ITUNES}}}author", channel.author)
    _text(feed, f"{{{ITUNES}}}summary", channel.description)
    if channel.image:
        ET.SubElement(feed, f"{{{ITUNES}}}image", {"href": channel.image})
        image = ET.SubElement(feed, "image")
        _text(image, "url", channel.image)
        _text(image, "title", channel.title)
        _text(image, "link", channel.link)
    category = ET.SubElement(feed, f"{{{ITUNES}}}category", {"text": channel.category})
    if channel.subcategory:
        ET.SubElement(category, f"{{{ITUNES}}}category", {"text": channel.subcategory})
    _text(feed, f"{{{ITUNES}}}explicit", "false")
    _text(feed, f"{{{ITUNES}}}type", "episodic")


def _item(feed: ET.Element, item: Item, *, podcast: bool, image: str) -> None:
    entry = ET.SubElement(feed, "item")
    _text(entry, "title", item.title)
    _text(entry, "link", item.link)
    ET.SubElement(entry, "guid", {"isPermaLink": "true"}).text = item.link
    _text(entry, "pubDate", _rfc822(item.date))
    _text(entry, "description", item.description)
    if item.category:
        _text(entry, "category", item.category)
    if item.enclosure:
        enclosure = item.enclosure
        ET.SubElement(entry, "enclosure", {"url": enclosure.url, "length": str(enclosure.length), "type": enclosure.type})
    if podcast:
        if item.duration is not None:
            _text(entry, f"{{{ITUNES}}}duration", str(item.duration))
        _text(entry, f"{{{ITUNES}}}explicit", "false")
        _text(entry, f"{{{ITUNES}}}episodeType", "full")
        if image:
            ET.SubElement(entry, f"{{{ITUNES}}}image", {"href": image})


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _rfc822(day: date) -> str:
    # Noon UTC: the same calendar day in Sweden and in every podcast app's time zone nearby.
    return format_datetime(datetime.combine(day, time(12), tzinfo=timezone.utc))
