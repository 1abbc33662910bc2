"""`make new-post TYPE=film SLUG=…` and `make new-service ID=…`: a new file with every field.

The new file is deliberately incomplete: the fields an editor must fill in are empty, so
`make check` lists exactly what is left to do, one line each, until it is done.

    PYTHONPATH=hooks python -m stodlanken.scaffold post film [slug]
    PYTHONPATH=hooks python -m stodlanken.scaffold service [id]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from stodlanken.problems import SLUG_RE
from stodlanken.site import build_date

POSTS_DIR = Path("docs/inlagg/posts")
SERVICES_DIR = Path("support_directory/services")
DEFAULT_SLUGS = {"film": "ny-film", "slideshow": "nytt-bildspel", "podcast": "ny-podd", "text": "ny-text"}

_HEAD = """\
---
# Rubriken, kort och tydlig.
title:
# Datum för inlägget (ÅÅÅÅ-MM-DD).
date: {today}
type: {type}
# En mening om inlägget, högst 160 tecken. Visas på kortet och när länken delas.
summary:
# Vilka situationer handlar det om? Id från support_directory/situations.yml, t.ex. [ma-daligt, hemma].
situations: []
# Stödtjänster som ska visas under "Här får du stöd": id från support_directory/services/, t.ex. [bris, 1177].
services: []
"""

_MEDIA = {
    "film": """\
media:
  # Filmen (mp4), textningen (WebVTT, .vtt) och en stillbild. Lägg filerna i docs/inlagg/posts/media/.
  video: media/{slug}.mp4
  captions: media/{slug}.sv.vtt
  poster: media/{slug}.jpg
  # Beskriv stillbilden för den som inte ser den, t.ex. "Två händer runt en kopp te".
  poster_alt:
  # Vilka deltagare (ref nedan) syns i filmen? Den som inte har face i appears får inte stå här.
  shows: []
""",
    "slideshow": """\
media:
  # En rad per bild, i ordning. Lägg bilderna i docs/inlagg/posts/media/.
  slides:
    - image: media/{slug}-1.jpg
      # Beskriv bilden för den som inte ser den (inte filnamnet).
      alt:
      # Text under bilden (valfri).
      caption:
      # Vilka deltagare syns på bilden? Den som inte har face i appears får inte stå här.
      shows: []
""",
    "podcast": """\
media:
  # Ljudfilen (mp3) och en utskrift av allt som sägs (Markdown, .md). Lägg filerna i docs/inlagg/posts/media/.
  audio: media/{slug}.mp3
  transcript: media/{slug}.sv.md
""",
    "text": "",
}

_PARTICIPANTS = """\
# Alla som har medverkat. Skriv aldrig namn här: använd p1, p2 …
# Inlägget publiceras först när alla har consent: approved (och guardian_consent: approved för den som är minderårig).
participants:
  - ref: p1
    # approved (godkänt), pending (väntar) eller withdrawn (återkallat)
    consent: pending
    # Datum då samtycket gavs (ÅÅÅÅ-MM-DD), när consent är approved.
    consent_date:
    # true om personen är under 18 år: då behövs guardian_consent också.
    minor: false
    # Var inlägget får visas, så som personen har sagt ja: site (webbplatsen), share (delningsbilder),
    # poster (affischer), podcast (poddappar), instagram, tiktok. Bara det alla har sagt ja till används.
    channels: [site]
    # Hur personen får synas: face (på bild och film), voice (röst), name (förnamn, skrivs i name:).
    # [] betyder ingetdera. Den som inte har face får inte stå i shows.
    appears: {appears}
"""

_TAIL = """\
# Vilka som gjort inlägget, som det ska stå på sidan (valfritt). Inga namn på unga utan att de vill.
credits:
---

Skriv inläggets text här, i vanlig Markdown.
"""

_SERVICE = """\
# En stödtjänst. Skriv bara uppgifter du har kontrollerat, och var du kontrollerade dem (source).
# Hitta aldrig på nummer, adresser eller öppettider.
name:
# Id från support_directory/providers.yml (vem som driver tjänsten).
provider:
# Id från support_directory/situations.yml, t.ex. [ma-daligt, hemma].
situations: []
# En mening om tjänsten, högst 200 tecken.
summary:
# Längre beskrivning i Markdown (valfri).
description:
# Åldrar, t.ex. {{min: 13, max: 25}} (valfritt).
# ages: {{min: 13, max: 25}}
# true om man kan vara anonym, true om det är gratis (valfritt).
# anonymous: true
# free: true
# Språk, t.ex. [sv, en] (valfritt).
# languages: [sv]
# Minst ett sätt att få kontakt. Ta bort raderna som inte finns.
contact:
  # phone: "116 111"
  # sms: "..."
  # chat: https://...
  # email: namn@example.se
  web:
  # visit: {{street: ..., postal_code: ..., city: ...}}
# Öppettider (valfritt): always: true, eller en lista med dagar och tider.
# hours:
#   - days: [mon, tue, wed, thu, fri]
#     opens: "09:00"
#     closes: "16:00"
# active, temporarily_closed eller inactive
status: active
# Kort notis som visas först, t.ex. "Stängt vecka 29–32" (valfritt).
# alert:
# Dagen du kontrollerade uppgifterna (ÅÅÅÅ-MM-DD) och var (https-adress).
verified: {today}
source:
"""


def post_text(post_type: str, slug: str, today: date) -> str:
    return (_HEAD.format(today=today.isoformat(), type=post_type) + _MEDIA[post_type].format(slug=slug)
            + (_PARTICIPANTS.replace("{appears}", "[voice]" if post_type == "podcast" else "[]") if post_type != "text" else "") + _TAIL)


def service_text(today: date) -> str:
    return _SERVICE.format(today=today.isoformat())


def _create(path: Path, text: str) -> str:
    if path.exists():
        raise SystemExit(f"{path} finns redan — välj ett annat namn, t.ex. SLUG=… eller ID=…")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return f"Skapade {path}. Fyll i fälten och kör `make check`."


def new_post(root: Path, post_type: str, slug: str | None, today: date) -> str:
    if post_type not in _MEDIA:
        raise SystemExit(f"TYPE={post_type or '(tom)'}: okänd typ — skriv TYPE=film, slideshow, podcast eller text")
    slug = slug or DEFAULT_SLUGS[post_type]
    if not SLUG_RE.match(slug):
        raise SystemExit(f"SLUG={slug}: använd bara a–z, 0–9 och bindestreck (inga å, ä, ö) — t.ex. SLUG=brak-hemma")
    (root / POSTS_DIR / "media").mkdir(parents=True, exist_ok=True)
    return _create(root / POSTS_DIR / f"{slug}.md", post_text(post_type, slug, today))


def new_service(root: Path, service_id: str | None, today: date) -> str:
    service_id = service_id or "ny-tjanst"
    if not SLUG_RE.match(service_id):
        raise SystemExit(f"ID={service_id}: använd bara a–z, 0–9 och bindestreck (inga å, ä, ö) — t.ex. ID=umo")
    return _create(root / SERVICES_DIR / f"{service_id}.yml", service_text(today))


def main(argv: list[str]) -> int:
    kind, *rest = argv or [""]
    if kind == "post":
        print(new_post(Path.cwd(), rest[0] if rest else "", rest[1] if len(rest) > 1 else None, build_date()))
    elif kind == "service":
        print(new_service(Path.cwd(), rest[0] if rest else None, build_date()))
    else:
        raise SystemExit("Använd: make new-post TYPE=film SLUG=… eller make new-service ID=…")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
