"""The consent gate: who takes part in a post, what they agreed to, and what that lets a build publish.

A post is published only when every participant (and a guardian, for a minor) has
approved, it is no draft, and today is inside its `publish_from`/`publish_until`. A
post held back gets no page, no card, no list or search entry, and none of its media
is copied (`unpublished_files`). Participant data (`participants`, refs, consent) is
read here and goes no further: `Post` carries only `held_reason`.
"""

from __future__ import annotations

import re
from datetime import date

from stodlanken.posts import TYPE_LABELS, Post, in_posts_dir, is_post_page
from stodlanken.problems import Checker, LineDict, LineList

CONSENTS = ("approved", "pending", "withdrawn")
REF_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,19}$")
_PARTICIPANT_KEYS = {"ref", "consent", "consent_date", "minor", "guardian_consent", "visible"}
# Front matter keys that must never reach a template, the search index or any file.
PRIVATE_KEYS = ("participants", "publish_from", "publish_until")


def check_participants(check: Checker, meta: LineDict, kind: str | None, *, today: date, review_days: int,
                       guardian_age: int) -> tuple[dict[str, bool], str | None]:
    """Validate participants; return {ref: visible} and why the post is held back (or None)."""
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

    refs: dict[str, bool] = {}
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
                            "tillåtna fält: ref, consent, consent_date, minor, guardian_consent, visible")
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
        refs[ref] = visible

        if consent == "withdrawn":
            reasons.append(f"{ref} har återkallat sitt samtycke")
        elif consent != "approved":
            reasons.append(f"väntar på samtycke från {ref}")
        if minor and guardian == "withdrawn":
            reasons.append(f"vårdnadshavaren till {ref} har återkallat sitt samtycke")
        elif minor and guardian != "approved":
            reasons.append(f"väntar på vårdnadshavares samtycke för {ref} (under {guardian_age} år)")
    return refs, "; ".join(reasons) or None


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
