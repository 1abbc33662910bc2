"""The consent gate: who takes part in a post, what they agreed to, and what that lets a build publish.

A post is published only when every participant (and a guardian, for a minor) has
approved, it is no draft, and today is inside its `publish_from`/`publish_until`. A
post held back gets no page, no card, no list or search entry, and none of its media
is copied (`unpublished_files`). Participant data (`participants`, refs, consent) is
read here and goes no further: `Post` carries only `held_reason`, the channels every
participant agreed to, and the first names they agreed to show.

Each participant says where the post may go and how they may appear:

    participants:
      - ref: p1
        consent: approved
        consent_date: 2026-10-02
        channels: [site, share, poster]   # stodlanken/channels.py; none given: consent_default_channels
        appears: [face, voice]            # face, voice, name; none given: face (unless visible: false) and voice
        name: Sara                        # only with name in appears: shown under the post

A post goes to a channel only when every participant agreed to it; one without `site` is
not published at all. Nobody whose `appears` lacks `face` may be in a `shows` list, and in
a podcast nobody who is not shown may lack `voice`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stodlanken import channels as channel_list
from stodlanken.posts import TYPE_LABELS, Post, in_posts_dir, is_post_page
from stodlanken.problems import Checker, LineDict, LineList

CONSENTS = ("approved", "pending", "withdrawn")
REF_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,19}$")
_PARTICIPANT_KEYS = {"ref", "consent", "consent_date", "minor", "guardian_consent", "visible", "channels", "appears", "name"}
_NAME_RE = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*$")  # one first name: letters, maybe Anna-Li or O'Neil


@dataclass(frozen=True)
class Person:
    """What the rest of the post's checks need to know of one participant."""

    face: bool = True  # may be seen in a picture or a film
    voice: bool = True  # may be heard
    name: str | None = None  # a first name they agreed to show
    channels: frozenset[str] = frozenset(channel_list.DEFAULT)
# Front matter keys that must never reach a template, the search index or any file.
PRIVATE_KEYS = ("participants", "publish_from", "publish_until")


def check_participants(check: Checker, meta: LineDict, kind: str | None, *, today: date, review_days: int,
                       guardian_age: int, default_channels: tuple[str, ...] = channel_list.DEFAULT) -> tuple[dict[str, Person], str | None]:
    """Validate participants; return {ref: Person} and why the post is held back (or None)."""
    value = meta.get("participants")
    needs = kind in ("film", "slideshow", "podcast")
    if not value:
        if needs:
            check.error(meta.line_of("participants") if "participants" in meta else None, "participants", "saknas",
                        f"lista alla som medverkar i en {TYPE_LABELS[kind].lower()}, med ref, consent och consent_date")
        return {}, None
    if not isinstance(value, list):
        check.error(meta.line_of("participants"), "participants", "ska vara en lista", "skriv en rad - ref: p1 per medverkande")
        return {}, None

    refs: dict[str, Person] = {}
    reasons: list[str] = []
    for index, person in enumerate(value):
        where = f"participants[{index}]"
        line = value.item_lines[index] if isinstance(value, LineList) else None
        if not isinstance(person, dict):
            check.error(line, where, "ska vara ett fält-block", "skriv - ref: p1 och consent: approved på egna rader")
            continue
        for key in person:
            if key not in _PARTICIPANT_KEYS:
                check.error(person.line_of(key), f"{where}.{key}", "okänt fält",
                            "tillåtna fält: ref, consent, consent_date, minor, guardian_consent, visible, channels, appears, name")
        ref = person.get("ref")
        if not isinstance(ref, str) or not REF_RE.match(ref):
            check.error(person.line_of("ref"), f"{where}.ref", "saknas eller är ogiltig" if ref is None else f"”{ref}” är ingen pseudonym",
                        "skriv en kort pseudonym som p1 (aldrig ett riktigt namn)")
            ref = f"#{index + 1}"
        elif ref in refs:
            check.error(person.line_of("ref"), f"{where}.ref", f"”{ref}” finns redan", "ge varje medverkande en egen ref, t.ex. p1, p2")

        consent = person.get("consent")
        if consent not in CONSENTS:
            check.error(person.line_of("consent"), f"{where}.consent",
                        "saknas" if consent is None else f"okänt värde ”{consent}”", "skriv approved, pending eller withdrawn")
        consent_date = None
        if consent == "approved":
            if person.get("consent_date") is None:
                check.error(person.line_of("consent_date"), f"{where}.consent_date", "saknas",
                            "skriv datumet då samtycket gavs, t.ex. 2026-10-01")
            else:
                consent_date = check.date(person.line_of("consent_date"), f"{where}.consent_date", person["consent_date"])
            if consent_date and consent_date > today:
                check.error(person.line_of("consent_date"), f"{where}.consent_date", "ligger i framtiden",
                            "skriv datumet då samtycket faktiskt gavs")
            elif consent_date and (today - consent_date).days > review_days:
                months = round(review_days / 30.4)
                check.warn(person.line_of("consent_date"), f"{where}.consent_date",
                           f"samtycket för {ref} är äldre än {months} månader",
                           f"fråga {ref} om samtycket fortfarande gäller och skriv in det nya datumet")

        minor = person.get("minor", False)
        if not isinstance(minor, bool):
            check.error(person.line_of("minor"), f"{where}.minor", "ska vara true eller false",
                        f"skriv minor: true om personen är under {guardian_age} år")
            minor = True  # on the safe side: then a guardian must approve too
        guardian = person.get("guardian_consent")
        if guardian is not None and guardian not in CONSENTS:
            check.error(person.line_of("guardian_consent"), f"{where}.guardian_consent", f"okänt värde ”{guardian}”",
                        "skriv approved, pending eller withdrawn")

        visible = person.get("visible", True)
        if not isinstance(visible, bool):
            check.error(person.line_of("visible"), f"{where}.visible", "ska vara true eller false",
                        "skriv visible: false om personen inte får synas på bild")
            visible = False  # on the safe side
        agreed = _words(check, person, "channels", where, channel_list.CHANNELS, "site, share, poster, podcast, instagram, tiktok")
        if agreed is None and consent == "approved":
            where_to = ", ".join(channel_list.LABELS[channel] for channel in default_channels)
            check.warn(person.line_of("consent"), f"{where}.channels",
                       f"saknas: samtycket för {ref} gäller bara {where_to} (consent_default_channels i mkdocs.yml)",
                       f"fråga {ref} vilka kanaler hen säger ja till och skriv dem, t.ex. channels: [site, share, poster]")
        appears = _words(check, person, "appears", where, channel_list.APPEARANCES, "face, voice, name")
        if appears is not None and "visible" in person and visible != ("face" in appears):
            check.error(person.line_of("visible"), f"{where}.visible", f"säger {str(visible).lower()} men appears säger "
                        f"{'att ' + ref + ' får synas' if 'face' in appears else 'att ' + ref + ' inte får synas'}",
                        "ta bort visible: och skriv bara appears:")
        face = visible and (appears is None or "face" in appears)
        name = _first_name(check, person, where, ref, allowed=appears is not None and "name" in appears)
        refs[ref] = Person(face=face, voice=appears is None or "voice" in appears, name=name,
                           channels=frozenset(default_channels if agreed is None else agreed))

        if consent == "withdrawn":
            reasons.append(f"{ref} har återkallat sitt samtycke")
        elif consent != "approved":
            reasons.append(f"väntar på samtycke från {ref}")
        elif "site" not in refs[ref].channels:
            reasons.append(f"{ref} har inte samtyckt till webbplatsen (channels)")
        if minor and guardian == "withdrawn":
            reasons.append(f"vårdnadshavaren till {ref} har återkallat sitt samtycke")
        elif minor and guardian != "approved":
            reasons.append(f"väntar på vårdnadshavares samtycke för {ref} (under {guardian_age} år)")
    return refs, "; ".join(reasons) or None


def _words(check: Checker, person: LineDict, key: str, where: str, allowed: tuple[str, ...], example: str) -> tuple[str, ...] | None:
    """A list of known words (`channels: [site, poster]`); None when the key is not there.
    A mistake counts as the narrowest consent: an unknown word is left out, a value that is
    no list is nothing at all."""
    if key not in person:
        return None
    value = person.get(key)
    field = f"{where}.{key}"
    if value is None:
        value = []
    if not isinstance(value, list):
        check.error(person.line_of(key), field, f"ska vara en lista, inte ”{value}”", f"skriv {key}: [{example}] med det personen har sagt ja till")
        return ()
    found = []
    for item in value:
        if item not in allowed:
            check.error(person.line_of(key), field, f"okänt värde ”{item}”", f"skriv en eller flera av: {example}")
        elif item not in found:
            found.append(item)
    return tuple(found)


def _first_name(check: Checker, person: LineDict, where: str, ref: str, *, allowed: bool) -> str | None:
    """`name`, shown under the post: only with `name` in appears, and one first name only."""
    value = person.get("name")
    if value is None:
        return None
    field = f"{where}.name"
    if not allowed:
        check.error(person.line_of("name"), field, f"{ref} har inte samtyckt till att synas med namn (name saknas i appears)",
                    f"ta bort name:, eller skriv appears: [..., name] om {ref} har sagt ja till det")
        return None
    if not isinstance(value, str) or not _NAME_RE.match(value.strip()):
        check.error(person.line_of("name"), field, f"”{value}” är inget förnamn", "skriv bara förnamnet, t.ex. name: Sara (aldrig efternamn)")
        return None
    return value.strip()


def channels_of(refs: dict[str, Person]) -> frozenset[str]:
    """The channels every participant agreed to; every channel for a post with none."""
    agreed = frozenset(channel_list.CHANNELS)
    for person in refs.values():
        agreed &= person.channels
    return agreed


def held_reason(waiting: str | None, *, draft: bool | None, publish_from: date | None, publish_until: date | None,
                today: date) -> str | None:
    """Why a post is held back (Swedish), or None when it may be published; `waiting` is
    what `check_participants` said about consent."""
    if waiting is not None:
        return waiting
    if draft is not False:  # True, or not a boolean (an error): never published
        return "är ett utkast (draft: true)"
    if publish_from and today < publish_from:
        return f"publiceras först {publish_from.isoformat()} (publish_from)"
    if publish_until and today > publish_until:
        return f"publiceringstiden tog slut {publish_until.isoformat()} (publish_until)"
    return None


def shown(post: Post, *, preview: bool) -> bool:
    """Published; in the editors' preview also a valid post held back (behind a banner)."""
    return post.published or (preview and post.valid)


def unpublished_files(src_uris, posts: list[Post], section: str, *, preview: bool = False) -> set[str]:
    """The files that must not reach `site/`: held-back and invalid posts, and media no published post uses.

    Transcripts are always left out as files: they are shown on the post's page. In the
    editors' preview (`mkdocs serve`), held-back posts that are valid stay, behind a banner.
    """
    published = [post for post in posts if shown(post, preview=preview)]
    published_pages = {post.src_uri for post in published}
    used = {uri for post in published for uri in post.media_files}
    transcripts = {post.transcript for post in posts if post.transcript}
    held_media = {uri for post in posts if not post.published for uri in post.media_files}
    drop = set()
    for uri in src_uris:
        if is_post_page(uri, section):
            if uri not in published_pages:
                drop.add(uri)
        elif uri in transcripts or (uri in held_media and uri not in used):
            drop.add(uri)
        elif in_posts_dir(uri, section) and uri not in used:
            drop.add(uri)  # left-over media (and Markdown) in the posts folder: nothing shows it
    return drop


def published_images(posts: list[Post], *, preview: bool = False) -> set[str]:
    """Images of published (or previewed) posts: copied to `site/` re-encoded, without metadata."""
    return {uri for post in posts if shown(post, preview=preview) for uri in post.images}
