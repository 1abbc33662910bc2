"""Unit tests for the RSS and podcast feeds."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree as ET

from stodlanken import feeds

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
CHANNEL = feeds.Channel("Stödlänken – podd", "https://x.org/inlagg/", "https://x.org/podd.xml", "Poddar & samtal <av unga>", author="REKO", image="https://x.org/kort/podd.png")


def _episode(title: str = "Avsnitt <1> & mer", day: date = date(2026, 10, 28)) -> feeds.Item:
    enclosure = feeds.Enclosure("https://x.org/inlagg/media/a.mp3", 148498, feeds.audio_type("media/a.mp3"))
    return feeds.Item(title, "https://x.org/inlagg/a/", "Två unga pratar.", day, enclosure=enclosure, duration=125)


def test_podcast_feed_is_xml_with_enclosure_duration_and_itunes_tags():
    root = ET.fromstring(feeds.rss(CHANNEL, [_episode()], podcast=True))
    channel = root.find("channel")
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert channel.findtext("language") == "sv"
    assert channel.find(f"{ITUNES}image").get("href") == "https://x.org/kort/podd.png"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.find(f"{ITUNES}category").get("text") == "Health & Fitness"
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Avsnitt <1> & mer"
    assert item.find("enclosure").attrib == {"url": "https://x.org/inlagg/media/a.mp3", "length": "148498", "type": "audio/mpeg"}
    assert item.findtext(f"{ITUNES}duration") == "125"
    assert item.findtext("pubDate") == "Wed, 28 Oct 2026 12:00:00 +0000"
    assert item.find("guid").get("isPermaLink") == "true"


def test_feed_dates_come_from_the_posts_not_the_build_time():
    one = feeds.rss(CHANNEL, [_episode(day=date(2026, 1, 2)), _episode(day=date(2026, 3, 4))], podcast=True)
    assert one == feeds.rss(CHANNEL, [_episode(day=date(2026, 1, 2)), _episode(day=date(2026, 3, 4))], podcast=True)
    assert ET.fromstring(one).find("channel").findtext("lastBuildDate") == "Wed, 04 Mar 2026 12:00:00 +0000"


def test_empty_podcast_feed_is_still_valid_so_apps_drop_withdrawn_episodes():
    channel = ET.fromstring(feeds.rss(CHANNEL, [], podcast=True)).find("channel")
    assert channel.findall("item") == [] and channel.findtext("title") == "Stödlänken – podd"


def test_posts_feed_has_no_podcast_tags():
    text = feeds.rss(CHANNEL, [feeds.Item("Text", "https://x.org/inlagg/t/", "Om text.", date(2026, 1, 1), category="Text")])
    assert b"itunes:" not in text.split(b"<channel>")[1]
    assert ET.fromstring(text).find("channel/item/category").text == "Text"


def test_audio_types():
    assert [feeds.audio_type(p) for p in ("a.mp3", "b.M4A", "c.ogg", "d.wav")] == ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/wav"]
