"""Synthetic content for the benchmark, written only from the contracts in DESIGN.md.

`stodlanken_project` copies the real project (mkdocs.yml, hooks, overrides, the real
directory data and docs/ without the example posts) and adds N posts of all four types
and M services. `plain_project` writes a default Material site with the same number of
pages. Everything is clearly synthetic: "Testtjänst 17", example.org addresses, and
phone numbers from the series PTS reserves for fiction (070-174 06 05 – 070-174 06 99),
so no real number is ever invented.
"""

from __future__ import annotations

import io
import os
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

class _Dumper(yaml.SafeDumper):
    """YAML as an editor writes it: multi-line text as a `|` block."""


_Dumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)
)


def _yaml(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


POST_TYPES = ("film", "slideshow", "podcast", "text")
SLIDES_PER_POST = 3
# PTS (Post- och telestyrelsen) reserves 070-174 06 05 – 070-174 06 99 for use in fiction.
FICTION_NUMBERS = [f"070-174 06 {n:02d}" for n in range(5, 100)]
PROJECT_FILES = ("mkdocs.yml", "overrides", "hooks", "locales")
DIRECTORY_FILES = ("situations.yml", "providers.yml", "emergency.yml")

_SENTENCES = [
    "Det är okej att inte må bra, och det är okej att säga det högt.",
    "Du behöver inte veta exakt vad som är fel för att få prata med någon.",
    "Många som ringer tror först att deras problem är för små – det är de inte.",
    "Kuratorn på skolan har tystnadsplikt och du kan boka en tid själv.",
    "Du bestämmer själv hur mycket du vill berätta.",
    "Det kan kännas lättare att skriva än att prata, och det går också bra.",
    "Om du är rädd för din egen eller någon annans säkerhet: ring 112.",
    "Vi som gjorde det här inlägget har själva varit där du kanske är nu.",
    "Det hjälpte att berätta för en vuxen som lyssnade utan att döma.",
    "Ibland tar det ett tag att hitta rätt person, ge inte upp efter första försöket.",
    "Du får vara anonym hos många av de här tjänsterna.",
    "Det finns vuxna vars jobb är att lyssna på just dig.",
]
_HEADINGS = ["Så gjorde vi", "Det här hjälpte", "Om du vill prata", "Bra att veta", "Vad händer sen?"]


@dataclass(frozen=True)
class Media:
    """One tiny file of each kind, hard-linked (or copied) into every post that needs one."""

    jpg: Path
    vtt: Path
    mp3: Path
    mp4: Path


@dataclass(frozen=True)
class Project:
    root: Path
    posts: list[dict]  # {"slug", "type", "date"} newest first
    services: list[str]  # ids of every service with a page (real and synthetic, not inactive)
    pages: int  # Markdown pages written (posts + services, without the copied docs)


def stodlanken_project(source: Path, dest: Path, *, posts: int, services: int, today: date, seed: int = 7) -> Project:
    rng = random.Random(seed)
    dest.mkdir(parents=True)
    _copy_project(source, dest)
    directory = dest / "support_directory"
    situations = [item["id"] for item in yaml.safe_load((directory / "situations.yml").read_text(encoding="utf-8"))]
    providers = _add_providers(directory / "providers.yml", count=max(1, services // 10))
    real_services = sorted(path.stem for path in (directory / "services").glob("*.yml"))
    synthetic = _write_services(directory / "services", services, situations, providers, today, rng)
    linkable = real_services + synthetic
    media = _media(source / "docs" / "inlagg" / "posts" / "media", dest / ".bench-media")
    written = _write_posts(dest / "docs" / "inlagg" / "posts", posts, situations, linkable, media, today, rng)
    return Project(dest, written, linkable, posts + services)


def plain_project(dest: Path, *, posts: int, services: int, today: date, seed: int = 7) -> Project:
    """A default Material site: theme, search and blog plugins, no hooks, no overrides."""
    rng = random.Random(seed)
    docs = dest / "docs"
    (docs / "blog" / "posts").mkdir(parents=True)
    (docs / "tjanster").mkdir()
    (dest / "mkdocs.yml").write_text(
        "site_name: Vanlig Material-webbplats\n"
        "site_url: https://plain.example.org/\n"
        "theme:\n  name: material\n  language: sv\n"
        "plugins:\n  - search\n  - blog\n",
        encoding="utf-8",
    )
    (docs / "index.md").write_text("# Start\n\n" + _paragraph(rng) + "\n", encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Inlägg\n", encoding="utf-8")
    written = []
    for i in range(posts):
        slug, kind, when = _post_identity(i, posts, today)
        (docs / "blog" / "posts" / f"{slug}.md").write_text(
            f"---\ndate: {when.isoformat()}\nslug: {slug}\n---\n\n# {_post_title(i)}\n\n{_post_body(rng)}", encoding="utf-8"
        )
        written.append({"slug": slug, "type": kind, "date": when})
    listing = ["# Stöd", ""]
    ids = []
    for i in range(1, services + 1):
        service_id = f"testtjanst-{i}"
        ids.append(service_id)
        listing.append(f"- [Testtjänst {i}]({service_id}.md)")
        (docs / "tjanster" / f"{service_id}.md").write_text(
            f"# Testtjänst {i}\n\nSyntetisk tjänst för prestandatest.\n\n{_paragraph(rng)}\n\n"
            f"- Ring: {FICTION_NUMBERS[i % len(FICTION_NUMBERS)]}\n- Webb: <https://example.org/{service_id}/>\n",
            encoding="utf-8",
        )
    (docs / "tjanster" / "index.md").write_text("\n".join(listing) + "\n", encoding="utf-8")
    return Project(dest, written, ids, posts + services)


# --- the real project ----------------------------------------------------------------


def _copy_project(source: Path, dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in PROJECT_FILES:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)
    directory = dest / "support_directory"
    (directory / "services").mkdir(parents=True)
    for name in DIRECTORY_FILES:
        shutil.copy2(source / "support_directory" / name, directory / name)
    for path in (source / "support_directory" / "services").glob("*.yml"):
        shutil.copy2(path, directory / "services" / path.name)
    posts_dir = (source / "docs" / "inlagg" / "posts").resolve()
    shutil.copytree(
        source / "docs",
        dest / "docs",
        ignore=lambda folder, names: names if Path(folder).resolve() == posts_dir else ignore(folder, names),
    )
    (dest / "docs" / "inlagg" / "posts").mkdir(parents=True, exist_ok=True)


def _add_providers(path: Path, *, count: int) -> list[str]:
    existing = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    kinds = ("kommun", "region", "ideell", "nationell")
    added = [
        {"id": f"testaktor-{i}", "name": f"Testaktör {i}", "kind": kinds[i % 4], "url": f"https://example.org/testaktor-{i}/"}
        for i in range(1, count + 1)
    ]
    with path.open("a", encoding="utf-8") as out:
        out.write("\n# --- synthetic providers written by bench/generate.py ---\n")
        out.write(_yaml(added))
    return [str(item["id"]) for item in existing] + [item["id"] for item in added]


def _write_services(folder: Path, count: int, situations: list[str], providers: list[str], today: date, rng: random.Random) -> list[str]:
    """M services; about 2 % inactive (no page), 4 % temporarily closed. Returns ids with pages."""
    ids = []
    for i in range(1, count + 1):
        service_id = f"testtjanst-{i}"
        web = f"https://example.org/{service_id}/"
        contact: dict = {}
        if i % 5 != 0:
            contact["phone"] = FICTION_NUMBERS[i % len(FICTION_NUMBERS)]
        if i % 5 == 1:
            contact["sms"] = FICTION_NUMBERS[(i + 7) % len(FICTION_NUMBERS)]
        if i % 3 == 0:
            contact["chat"] = f"https://example.org/{service_id}/chatt/"
        if i % 4 == 0:
            contact["email"] = f"{service_id}@example.org"
        contact["web"] = web
        if i % 6 == 0:
            contact["visit"] = {"street": f"Testgatan {i}", "postal_code": "123 45", "city": "Teststad"}
        record: dict = {
            "name": f"Testtjänst {i}",
            "provider": providers[i % len(providers)],
            "situations": rng.sample(situations, k=rng.randint(1, min(3, len(situations)))),
            "summary": f"Syntetisk tjänst nummer {i} för prestandatest. {rng.choice(_SENTENCES)}",
        }
        if i % 2 == 0:
            record["description"] = _paragraph(rng) + "\n\n- " + rng.choice(_SENTENCES) + "\n- " + rng.choice(_SENTENCES) + "\n"
        if i % 3 == 1:
            record["ages"] = {"min": 13, "max": 25} if i % 2 else {"max": 17}
        record["anonymous"] = i % 2 == 0
        record["free"] = True
        record["languages"] = [["sv"], ["sv", "en"], ["sv", "en", "ar"]][i % 3]
        record["contact"] = contact
        if i % 10 < 3:
            record["hours"] = {"always": True}
        elif i % 10 < 8:
            record["hours"] = [
                {"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "08:00", "closes": "16:30"},
                {"days": ["sat"], "opens": "10:00", "closes": "14:00"},
            ] + ([{"days": ["fri", "sat"], "opens": "22:00", "closes": "02:00"}] if i % 10 == 7 else [])
        if i % 50 == 25:
            record["status"] = "inactive"
        elif i % 25 == 3:
            record["status"] = "temporarily_closed"
            record["alert"] = "Stängt för test vecka 29–32"
        record["verified"] = today - timedelta(days=rng.randint(1, 150))
        record["source"] = web
        (folder / f"{service_id}.yml").write_text(
            "# Synthetic service written by bench/generate.py\n" + _yaml(record),
            encoding="utf-8",
        )
        if record.get("status") != "inactive":
            ids.append(service_id)
    return ids


def _media(examples: Path, folder: Path) -> Media:
    """Take one small file of each kind from the example posts, else make one."""
    folder.mkdir(parents=True)

    def pick(pattern: str, name: str, make) -> Path:
        found = sorted(examples.glob(pattern), key=lambda path: path.stat().st_size) if examples.is_dir() else []
        target = folder / name
        if found:
            shutil.copyfile(found[0], target)
        else:
            target.write_bytes(make())
        return target

    return Media(
        jpg=pick("*.jpg", "poster.jpg", _make_jpg),
        vtt=pick("*.vtt", "captions.vtt", lambda: b"WEBVTT\n\n00:00.000 --> 00:02.000\nHej! Det h\xc3\xa4r \xc3\xa4r en test.\n"),
        mp3=pick("*.mp3", "audio.mp3", _make_mp3),
        mp4=pick("*.mp4", "video.mp4", lambda: b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"),
    )


def _make_jpg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), (40, 70, 140)).save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _make_mp3() -> bytes:
    """Two seconds of silent MPEG-1 layer III frames, 32 kbit/s, 44.1 kHz mono."""
    header = bytes([0xFF, 0xFB, 0x10, 0xC4])
    frame = header + bytes(104 - len(header))
    return frame * 77


def _link(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def _write_posts(folder: Path, count: int, situations: list[str], services: list[str], media: Media, today: date, rng: random.Random) -> list[dict]:
    media_dir = folder / "media"
    media_dir.mkdir(exist_ok=True)
    written = []
    for i in range(count):
        slug, kind, when = _post_identity(i, count, today)
        meta: dict = {
            "title": _post_title(i),
            "date": when,
            "type": kind,
            "summary": f"Syntetiskt testinlägg {i + 1} ({kind}). {rng.choice(_SENTENCES)}"[:160],
            "situations": rng.sample(situations, k=rng.randint(1, min(2, len(situations)))),
            "services": rng.sample(services, k=min(len(services), rng.randint(1, 4))),
        }
        participants = [_participant("p1", rng, today, minor=False, visible=True)]
        if i % 3 == 0:
            participants.append(_participant("p2", rng, today, minor=True, visible=i % 2 == 0))
        if kind == "film":
            _link(media.mp4, media_dir / f"{slug}.mp4")
            _link(media.vtt, media_dir / f"{slug}.sv.vtt")
            _link(media.jpg, media_dir / f"{slug}.jpg")
            meta["media"] = {
                "video": f"media/{slug}.mp4",
                "captions": f"media/{slug}.sv.vtt",
                "poster": f"media/{slug}.jpg",
                "poster_alt": "En ung person på en parkbänk i kvällsljus",
                "shows": ["p1"],
            }
        elif kind == "slideshow":
            slides = []
            for n in range(1, SLIDES_PER_POST + 1):
                _link(media.jpg, media_dir / f"{slug}-{n}.jpg")
                slides.append({
                    "image": f"media/{slug}-{n}.jpg",
                    "alt": f"Texten ”Steg {n}: {_HEADINGS[n % len(_HEADINGS)]}” på blå bakgrund",
                    "caption": rng.choice(_SENTENCES),
                    "shows": [],
                })
            meta["media"] = {"slides": slides}
        elif kind == "podcast":
            _link(media.mp3, media_dir / f"{slug}.mp3")
            (media_dir / f"{slug}.sv.md").write_text(
                "**Röst 1:** " + _paragraph(rng) + "\n\n**Röst 2:** " + _paragraph(rng) + "\n", encoding="utf-8"
            )
            meta["media"] = {"audio": f"media/{slug}.mp3", "transcript": f"media/{slug}.sv.md"}
        if kind != "text":
            meta["participants"] = participants
        meta["credits"] = "Syntetiskt innehåll för prestandatest"
        front = _yaml(meta)
        (folder / f"{slug}.md").write_text(f"---\n{front}---\n\n{_post_body(rng)}", encoding="utf-8")
        written.append({"slug": slug, "type": kind, "date": when})
    return written


def _participant(ref: str, rng: random.Random, today: date, *, minor: bool, visible: bool) -> dict:
    person = {"ref": ref, "consent": "approved", "consent_date": today - timedelta(days=rng.randint(5, 150)), "minor": minor}
    if minor:
        person["guardian_consent"] = "approved"
    person["visible"] = visible
    return person


# --- shared text ---------------------------------------------------------------------


def _post_identity(i: int, count: int, today: date) -> tuple[str, str, date]:
    """Slug, type and date of post i: all four types in turn, dates spread over two years."""
    return f"testinlagg-{i + 1:04d}", POST_TYPES[i % len(POST_TYPES)], today - timedelta(days=1 + i * 730 // max(count, 1))


def _post_title(i: int) -> str:
    return f"Testinlägg {i + 1}: {_HEADINGS[i % len(_HEADINGS)].lower()}"


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.sample(_SENTENCES, k=4))


def _post_body(rng: random.Random) -> str:
    parts = [_paragraph(rng), _paragraph(rng)]
    for heading in rng.sample(_HEADINGS, k=2):
        parts += [f"## {heading}", _paragraph(rng)]
    return "\n\n".join(parts) + "\n"
