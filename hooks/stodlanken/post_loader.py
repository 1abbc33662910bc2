"""Posts by young people: read and checked once per build, into `Post` records.

`load_posts` reads every post once, reports every mistake as a one-line `Problem`, and
has the consent gate (stodlanken/consent.py) decide for each post whether it may be published:

- invalid post (any error)                    -> held back, never published
- a participant (or guardian) not approved    -> held back, `held_reason` says why
- outside `publish_from`/`publish_until`      -> held back
- approved consent older than the review age  -> published, with a warning

Holding a post back is not a mistake: it is logged by the hook, not reported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from stodlanken import cache, consent, recordings
from stodlanken import channels as channel_list
from stodlanken.i18n import cldr_locale
from stodlanken.media import LANGUAGE_CODE_RE, caption_language, image_problem, transcript_problem, webvtt_problem
from stodlanken.posts import AUDIO_EXTS, CAPTION_EXTS, IMAGE_EXTS, TRANSCRIPT_EXTS, TYPE_LABELS, VIDEO_EXTS, Captions, Post, Slide
from stodlanken.problems import (
    FRONT_MATTER, SLUG_RE, Checker, LineDict, LineList, Problem, mkdocs_cannot_read, page_key_problem, parse_yaml, relpath, yaml_problems,
)

SUMMARY_MAX = 160
SLUG_MAX = 40

# Keys of the contract, plus `draft` and Material's page keys `hide` and `search`. (The blog
# plugin's `categories`, `pin` and `readtime` would do nothing here: they are unknown keys.)
_KNOWN_KEYS = {
    "title", "date", "type", "summary", "situations", "services", "media", "participants",
    "credits", "publish_from", "publish_until", "draft", "hide", "search", "lang", "translation_of",
}
_MEDIA_KEYS = {
    "film": {"video", "captions", "poster", "poster_alt", "shows"},
    "slideshow": {"slides"},
    "podcast": {"audio", "transcript", "duration", "poster", "poster_alt", "shows"},
    "text": {"poster", "poster_alt", "shows"},
}
_SLIDE_KEYS = {"image", "alt", "caption", "shows"}

_FILENAME_ALT_RE = re.compile(
    r"(\.(jpe?g|png|gif|webp|heic|svg|mp4|mov|webm)$)|^(img|dsc|dscn|dcim|pxl|photo|bild|image|screenshot)[\s_-]*\d+",
    re.IGNORECASE,
)


def load_posts(
    docs_dir: Path,
    *,
    section: str,
    root: Path,
    situations: set[str],
    services: set[str],
    today: date,
    consent_review_days: int = 365,
    guardian_age: int = 18,
    languages: tuple[str, ...] = ("sv",),
    default_channels: tuple[str, ...] = channel_list.DEFAULT,
) -> tuple[list[Post], list[Problem]]:
    """Read and validate every post; newest first. Invalid posts come back held back.

    Never raises on bad input: every mistake becomes a `Problem`.
    """
    posts_dir = Path(docs_dir) / section / "posts"
    posts: list[Post] = []
    problems: list[Problem] = []
    if not posts_dir.is_dir():
        return posts, problems
    context = _Context(Path(docs_dir), Path(root), situations, services, today, consent_review_days, guardian_age, languages,
                       default_channels)
    for path in sorted(posts_dir.glob("*.md")):
        post, found = _load_post(path, context)
        posts.append(post)
        problems.extend(found)
    posts.sort(key=lambda post: (post.date, post.slug), reverse=True)
    return posts, problems


def translations(posts: list[Post]) -> tuple[dict[str, dict[str, Post]], list[Problem]]:
    """The language versions of each post that are published in their own language, by the
    original's slug: {"brak-hemma": {"sv": …, "ar": …}}; and what is wrong with a
    `translation_of`. A post whose `translation_of` is wrong stands alone."""
    by_slug = {post.slug: post for post in posts if post.valid}
    problems: list[Problem] = []
    linked: dict[str, dict[str, Post]] = {}
    for post in sorted(by_slug.values(), key=lambda post: post.translation_of is not None):  # originals first
        original = by_slug.get(post.translation_of) if post.translation_of else post
        fix = None
        if original is None and any(other.slug == post.translation_of for other in posts):
            continue  # the original has errors of its own, reported with it: this one stands alone meanwhile
        if original is None:
            fix = (f"det finns inget inlägg ”{post.translation_of}”",
                   "skriv filnamnet (utan .md) på inlägget i docs/inlagg/posts/ som det här översätter")
        elif original.translation_of:
            fix = (f"”{original.slug}” är själv en översättning (av {original.translation_of})",
                   f"skriv translation_of: {original.translation_of}, originalet")
        elif original is not post and original.lang == post.lang:
            fix = (f"”{original.slug}” är också på {post.lang}", "ändra lang till översättningens språk, eller ta bort translation_of")
        elif original is not post and (other := _version_in(posts, original.slug, post)) is not None:
            fix = (f"{other.path} är redan översättningen på {post.lang}", "ta bort translation_of i ett av dem")
        if fix:
            problems.append(Problem(post.path, None, "translation_of", *fix))
            continue
        if post.published:
            linked.setdefault(post.original, {})[post.lang] = post
    return {slug: versions for slug, versions in linked.items() if len(versions) > 1}, problems


def _version_in(posts: list[Post], original: str, post: Post) -> Post | None:
    """Another valid translation of `original` in `post`'s language, read before `post`."""
    return next((other for other in sorted(posts, key=lambda other: other.path) if other.valid and other is not post
                 and other.translation_of == original and other.lang == post.lang and other.path < post.path), None)


# --- internals ---------------------------------------------------------------------


@dataclass
class _Context:
    docs_dir: Path
    root: Path
    situations: set[str]
    services: set[str]
    today: date
    consent_review_days: int
    guardian_age: int
    languages: tuple[str, ...] = ("sv",)  # the site's language codes; the first is the default
    default_channels: tuple[str, ...] = channel_list.DEFAULT  # what a participant without `channels` agreed to

    @property
    def cache(self) -> cache.Dirs:
        return cache.Dirs(self.root)


def _load_post(path: Path, ctx: _Context) -> tuple[Post, list[Problem]]:
    rel = relpath(path, ctx.root)
    src_uri = path.relative_to(ctx.docs_dir).as_posix()
    check = Checker(rel)
    slug = path.stem
    fallback = Post(rel, src_uri, slug, slug, date.min, "text", "", held_reason="innehåller fel (se felen ovan)", valid=False)

    if not SLUG_RE.match(slug) or len(slug) > SLUG_MAX:
        check.error(None, "(filnamn)", f"”{path.name}” går inte att använda i en webbadress",
                    f"döp om filen till högst {SLUG_MAX} tecken a–z, 0–9 och bindestreck, t.ex. brak-hemma.md")

    meta, unreadable = _read_front_matter(check, path)
    if not isinstance(meta, dict):
        return fallback, check.problems

    for key in meta:
        if key not in _KNOWN_KEYS:
            check.error(meta.line_of(key), str(key), "okänt fält",
                        "kontrollera stavningen; tillåtna fält: title, date, type, summary, situations, services, media, participants, credits, publish_from, publish_until, lang, translation_of")

    title = _text(check, meta, "title", required=True)
    when = _date(check, meta, "date", required=True)
    kind = _text(check, meta, "type", required=True)
    if kind is not None and kind not in TYPE_LABELS:
        check.error(meta.line_of("type"), "type", f"okänd typ ”{kind}”", "skriv film, slideshow, podcast eller text")
        kind = None
    summary = _text(check, meta, "summary", required=True)
    if summary and len(summary) > SUMMARY_MAX:
        check.error(meta.line_of("summary"), "summary", f"är {len(summary)} tecken lång",
                    f"korta den till högst {SUMMARY_MAX} tecken (den visas på kort och i delningar)")
    situations = _ids(check, meta, "situations", ctx.situations, required=True,
                      what="situation", where="support_directory/situations.yml")
    services = _ids(check, meta, "services", ctx.services, required=False,
                    what="tjänst", where="support_directory/services/")
    credits = _text(check, meta, "credits", required=False)
    lang = _text(check, meta, "lang", required=False) or ctx.languages[0]
    if lang not in ctx.languages:
        check.error(meta.line_of("lang"), "lang", f"”{lang}” är inte ett av webbplatsens språk",
                    f"skriv en av: {', '.join(ctx.languages)} (extra.stodlanken.languages i mkdocs.yml)")
    translation_of = _text(check, meta, "translation_of", required=False)
    if translation_of is not None and translation_of.removesuffix(".md") == slug:
        check.error(meta.line_of("translation_of"), "translation_of", "pekar på inlägget självt",
                    "skriv filnamnet på inlägget som det här översätter, t.ex. brak-hemma, eller ta bort raden")
        translation_of = None
    publish_from = _date(check, meta, "publish_from", required=False)
    publish_until = _date(check, meta, "publish_until", required=False)

    for key in ("hide", "search"):  # Material's page keys: another type is a traceback while rendering
        if key in meta and (found := page_key_problem(key, meta[key])):
            check.error(meta.line_of(key), key, *found)
    draft = _flag(check, meta, "draft", fix="skriv draft: true (utkast, publiceras inte) eller ta bort raden")
    refs, waiting = consent.check_participants(check, meta, kind, today=ctx.today, review_days=ctx.consent_review_days,
                                               guardian_age=ctx.guardian_age, default_channels=ctx.default_channels)
    media = _media(check, meta, kind, path, refs, ctx, lang)
    held = consent.held_reason(waiting, draft=draft, publish_from=publish_from, publish_until=publish_until, today=ctx.today)

    if unreadable and check.ok:
        check.error(None, "(front matter)", unreadable, "rätta datumen (ÅÅÅÅ-MM-DD) och avsluta front matter med --- och en ny rad")
    if not check.ok or title is None or when is None or kind is None or summary is None:
        return fallback, check.problems

    post = Post(
        path=rel, src_uri=src_uri, slug=slug, title=title, date=when, type=kind, summary=summary,
        situations=situations, services=services, credits=credits, held_reason=held, lang=lang,
        channels=consent.channels_of(refs), names=tuple(person.name for person in refs.values() if person.name),
        translation_of=translation_of.removesuffix(".md") if translation_of else None, **media,
    )
    return post, check.problems


def _read_front_matter(check: Checker, path: Path) -> tuple[LineDict | None, str | None]:
    """The front matter, and why MkDocs could not read it (then it would publish it as text),
    which _load_post reports unless a field's own error says why."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        what = "är inte sparad som UTF-8" if isinstance(error, UnicodeDecodeError) else f"kan inte läsas ({error.strerror})"
        check.error(None, "(fil)", what, "spara filen igen som UTF-8 (i VS Code: Spara med kodning → UTF-8)")
        return None, None
    match = FRONT_MATTER.match(text)
    if not match:
        check.error(1, "(front matter)", "saknas", "börja filen med en rad ---, fälten (title, date, type …) och en rad ---")
        return None, None
    try:
        meta = parse_yaml(match.group(1) or "", line_offset=1)
    except yaml.YAMLError as error:
        check.add(yaml_problems(error, check.path, line_offset=1))
        return None, None
    if not isinstance(meta, dict):
        check.error(2, "(front matter)", "är inte en lista av fält", "skriv ett fält per rad: namn: värde")
        return None, None
    return meta, mkdocs_cannot_read(text, meta)


def _text(check: Checker, meta: LineDict, key: str, *, required: bool) -> str | None:
    value = meta.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            check.error(meta.line_of(key) if key in meta else None, key, "saknas", f"lägg till {key}: … i front matter")
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        check.error(meta.line_of(key), key, "ska vara text", f"skriv {key}: följt av en rad text")
        return None
    return str(value).strip()


def _flag(check: Checker, meta: LineDict, key: str, *, fix: str) -> bool | None:
    """A yes/no field: only true or false (YAML also reads yes/no/on/off). `ja`, `nej` or
    `"false"` are errors, and None comes back: the caller decides on the safe side."""
    value = meta.get(key, False)
    if isinstance(value, bool):
        return value
    check.error(meta.line_of(key), key, f"”{value}” är varken true eller false", fix)
    return None


def _date(check: Checker, meta: LineDict, key: str, *, required: bool) -> date | None:
    value = meta.get(key)
    if value is None:
        if required:
            check.error(None, key, "saknas", f"lägg till {key}: ÅÅÅÅ-MM-DD, t.ex. {key}: 2026-10-01")
        return None
    return check.date(meta.line_of(key), key, value)


def _ids(check: Checker, meta: LineDict, key: str, known: set[str], *, required: bool, what: str, where: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None or value == []:
        if required:
            check.error(meta.line_of(key) if key in meta else None, key, "saknas",
                        f"lägg till {key}: [id, …] med minst en {what} från {where}")
        return ()
    if isinstance(value, str):
        value = LineList([value])
        value.line, value.item_lines = meta.line_of(key), [meta.line_of(key)]
    if not isinstance(value, list):
        check.error(meta.line_of(key), key, "ska vara en lista", f"skriv {key}: [id, id]")
        return ()
    lines = getattr(value, "item_lines", [])
    found: list[str] = []
    for index, item in enumerate(value):
        line = lines[index] if index < len(lines) else meta.line_of(key)
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)  # YAML reads [112, 1177] as numbers
        if not isinstance(item, str) or item not in known:
            check.error(line, f"{key}[{index}]", f"okänd {what} ”{item}”",
                        f"använd ett id som finns i {where}" + (f" ({', '.join(sorted(known)[:12])})" if known else ""))
        elif item not in found:
            found.append(item)
    return tuple(found)


def _media(check: Checker, meta: LineDict, kind: str | None, post_path: Path, refs: dict[str, consent.Person], ctx: _Context,
           lang: str) -> dict:
    """Validate `media` for the post's type; return Post keyword arguments."""
    value = meta.get("media")
    if kind is None:
        return {}
    if value is None:
        if kind != "text":
            need = {"film": "video, captions, poster och poster_alt", "slideshow": "slides",
                    "podcast": "audio och transcript"}[kind]
            check.error(None, "media", "saknas", f"en {TYPE_LABELS[kind].lower()} behöver media: med {need}")
        return {}
    if not isinstance(value, dict):
        check.error(meta.line_of("media"), "media", "ska vara ett block med fält", "skriv media: och fälten indragna på raderna under")
        return {}
    for key in value:
        if key not in _MEDIA_KEYS[kind]:
            check.error(value.line_of(key), f"media.{key}", f"hör inte till typen {kind}",
                        f"tillåtna fält för {kind}: {', '.join(sorted(_MEDIA_KEYS[kind]))}")

    def file(key: str, exts: tuple[str, ...], *, required: bool, holder: LineDict = value, prefix: str = "media") -> str | None:
        return _media_file(check, holder, key, exts, post_path, ctx, required=required, prefix=prefix,
                           missing_line=meta.line_of("media"))

    def alt(key: str, image_uri: str | None, holder: LineDict = value, prefix: str = "media") -> str | None:
        return _alt(check, holder, key, image_uri, prefix=prefix, missing_line=meta.line_of("media"))

    result: dict[str, Any] = {}
    shown = _shows(check, value, "shows", refs, prefix="media")
    if kind == "podcast":  # who is heard: everyone the poster does not show
        for ref, person in refs.items():
            if not person.voice and ref not in shown:
                check.error(meta.line_of("participants"), "participants", f"{ref} hörs i podden men har inte samtyckt till att höras (voice saknas i appears)",
                            f"ta bort {ref} ur podden, eller skriv appears: [..., voice] om {ref} har sagt ja till det")
    if kind == "film":
        result["video"] = file("video", VIDEO_EXTS, required=True)
        if result["video"]:
            _check_recording(check, result["video"], value.line_of("video"), "media.video", ctx)
        result["captions"] = _captions(check, value, post_path, ctx, lang, missing_line=meta.line_of("media"))
    if kind == "podcast":
        result["audio"] = file("audio", AUDIO_EXTS, required=True)
        result["transcript"] = file("transcript", TRANSCRIPT_EXTS, required=True)
        if result["transcript"] and (problem := transcript_problem(ctx.docs_dir / result["transcript"])):
            check.error(value.line_of("transcript"), "media.transcript", f"”{value['transcript']}” {problem}",
                        "skriv in allt som sägs i podden i filen, så att den som inte hör kan läsa")
        recording = _check_recording(check, result["audio"], value.line_of("audio"), "media.audio", ctx) if result["audio"] else None
        result["duration"] = _duration(check, value, recording)
    if kind in ("film", "podcast", "text"):
        result["poster"] = file("poster", IMAGE_EXTS, required=kind == "film")
        if result["poster"] or "poster_alt" in value:
            result["poster_alt"] = alt("poster_alt", result["poster"])
    if kind == "slideshow":
        result["slides"] = _slides(check, value, post_path, refs, ctx)
    return result


def _check_recording(check: Checker, uri: str, line: int | None, field: str, ctx: _Context) -> recordings.Recording | None:
    """Make the clean copy (no metadata) now, so a file FFmpeg cannot read is an error here,
    not a traceback while the site is written."""
    try:
        return recordings.clean(ctx.docs_dir / uri, ctx.cache.recordings)
    except recordings.Unreadable as error:
        what = "filmen" if field == "media.video" else "ljudfilen"
        check.error(line, field, f"”{PurePosixPath(uri).name}” {error}",
                    f"exportera {what} igen (MP4 eller MP3) och lägg in den på nytt")
        return None


def _media_file(check: Checker, holder: LineDict, key: str, exts: tuple[str, ...], post_path: Path, ctx: _Context,
                *, required: bool, prefix: str, missing_line: int | None = None) -> str | None:
    field = f"{prefix}.{key}"
    value = holder.get(key)
    if value is None or value == "":
        if required:
            check.error(holder.line_of(key) if key in holder else missing_line or holder.line, field, "saknas",
                        f"lägg till {key}: media/filnamn ({' eller '.join(exts)})")
        return None
    line = holder.line_of(key)
    if not isinstance(value, str) or "://" in value or value.startswith("/"):
        check.error(line, field, f"”{value}” är ingen fil bredvid inlägget",
                    "lägg filen i docs/ och skriv sökvägen relativt inlägget, t.ex. media/film.mp4")
        return None
    if not value.lower().endswith(exts):
        check.error(line, field, f"”{value}” har fel filtyp", f"använd en fil som slutar på {' eller '.join(exts)}")
        return None
    target = (post_path.parent / value).resolve()
    try:
        src_uri = target.relative_to(ctx.docs_dir.resolve()).as_posix()
    except ValueError:
        check.error(line, field, f"”{value}” ligger utanför docs/", "lägg filen i docs/inlagg/posts/media/")
        return None
    if not target.is_file():
        check.error(line, field, f"filen ”{value}” finns inte", f"lägg filen i {relpath(target.parent, ctx.root)}/ eller rätta namnet")
        return None
    if exts == IMAGE_EXTS and (problem := image_problem(target, ctx.cache.images)):
        check.error(line, field, f"”{value}” {problem}", "spara bilden igen som JPEG eller PNG")
        return None
    return src_uri


def _alt(check: Checker, holder: LineDict, key: str, image_uri: str | None, *, prefix: str,
         missing_line: int | None = None) -> str | None:
    field = f"{prefix}.{key}"
    value = holder.get(key)
    if not isinstance(value, str) or not value.strip():
        check.error(holder.line_of(key) if key in holder else missing_line or holder.line, field, "saknas eller är tom",
                    "beskriv med några ord vad bilden visar, t.ex. ”Två händer runt en kopp te”")
        return None
    text = value.strip()
    stem = PurePosixPath(image_uri).stem.lower() if image_uri else None
    if _FILENAME_ALT_RE.search(text) or (stem and text.lower() in (stem, PurePosixPath(image_uri).name.lower())):
        check.error(holder.line_of(key), field, f"”{text}” ser ut som ett filnamn",
                    "beskriv med ord vad bilden visar, för den som inte ser den")
        return None
    return text


def _shows(check: Checker, holder: LineDict, key: str, refs: dict[str, consent.Person], *, prefix: str) -> set[str]:
    """The visibility rule: nobody who may not be seen (`visible: false`, or `appears`
    without `face`) may be shown. The refs shown."""
    value = holder.get(key)
    if value is None:
        return set()
    if not isinstance(value, list):
        check.error(holder.line_of(key), f"{prefix}.{key}", "ska vara en lista", "skriv shows: [p1, p2] eller shows: []")
        return set()
    lines = getattr(value, "item_lines", [])
    for index, ref in enumerate(value):
        line = lines[index] if index < len(lines) else holder.line_of(key)
        field = f"{prefix}.{key}[{index}]"
        if ref not in refs:
            check.error(line, field, f"”{ref}” finns inte bland participants", "lägg till personen under participants eller rätta ref")
        elif not refs[ref].face:
            check.error(line, field, f"{ref} får inte synas på bild (visible: false, eller face saknas i appears)",
                        f"ta bort {ref} från shows och byt bilden mot en där {ref} inte syns")
    return {ref for ref in value if isinstance(ref, str)}


def _slides(check: Checker, value: LineDict, post_path: Path, refs: dict[str, consent.Person], ctx: _Context) -> tuple[Slide, ...]:
    slides = value.get("slides")
    if not isinstance(slides, list) or not slides:
        check.error(value.line_of("slides") if "slides" in value else value.line, "media.slides", "saknas eller är tom",
                    "lägg till minst en bild: - image: media/bild-1.jpg och alt: …")
        return ()
    result: list[Slide] = []
    for index, slide in enumerate(slides):
        prefix = f"media.slides[{index}]"
        if not isinstance(slide, dict):
            line = slides.item_lines[index] if isinstance(slides, LineList) else None
            check.error(line, prefix, "ska vara ett fält-block", "skriv - image: media/bild.jpg och alt: … på egna rader")
            continue
        for key in slide:
            if key not in _SLIDE_KEYS:
                check.error(slide.line_of(key), f"{prefix}.{key}", "okänt fält", "tillåtna fält: image, alt, caption, shows")
        image = _media_file(check, slide, "image", IMAGE_EXTS, post_path, ctx, required=True, prefix=prefix)
        alt = _alt(check, slide, "alt", image, prefix=prefix)
        _shows(check, slide, "shows", refs, prefix=prefix)
        caption = slide.get("caption")
        if image and alt:
            result.append(Slide(image, alt, str(caption).strip() if caption else None))
    return tuple(result)


def _captions(check: Checker, media: LineDict, post_path: Path, ctx: _Context, lang: str, *,
              missing_line: int | None) -> tuple[Captions, ...]:
    """`captions: media/film.sv.vtt` (in the post's language), or one file per language:

        captions:
          sv: media/film.sv.vtt
          ar: media/film.ar.vtt
    """
    given = media.get("captions")
    if not isinstance(given, dict):
        uri = _media_file(check, media, "captions", CAPTION_EXTS, post_path, ctx, required=True, prefix="media", missing_line=missing_line)
        if uri is None:
            return ()
        _check_captions(check, uri, media.line_of("captions"), ctx, lang, "media.captions")
        return (Captions(lang, uri),)
    found = []
    for code in given:
        field = f"media.captions.{code}"
        if not isinstance(code, str) or not (code in ctx.languages or (LANGUAGE_CODE_RE.match(code) and cldr_locale(code))):
            check.error(given.line_of(code), field, f"”{code}” är ingen språkkod som går att känna igen",
                        "skriv språkets kod före kolon, t.ex. sv, en, ar, so, ti eller prs")
            continue
        uri = _media_file(check, given, code, CAPTION_EXTS, post_path, ctx, required=True, prefix="media.captions",
                          missing_line=media.line_of("captions"))
        if uri is not None:
            _check_captions(check, uri, given.line_of(code), ctx, code, field)
            found.append(Captions(code, uri))
    if lang not in given:
        check.error(media.line_of("captions"), "media.captions", f"har inga undertexter på inläggets eget språk ({lang})",
                    f"lägg till en rad {lang}: media/filnamn.{lang}.vtt")
    # The post's own language first: it is the track a browser shows by default.
    return tuple(sorted(found, key=lambda captions: captions.lang != lang))


def _check_captions(check: Checker, uri: str, line: int, ctx: _Context, language: str, field: str) -> None:
    name = PurePosixPath(uri).name
    try:
        problem = webvtt_problem((ctx.docs_dir / uri).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        problem = "kan inte läsas som text (spara den som UTF-8)"
    if problem:
        check.error(line, field, f"”{name}” {problem}", "spara undertexterna som WebVTT (.vtt), t.ex. med Subtitle Edit")
    # The page announces the track as `language`: a file named for another one says the text is not.
    tagged = caption_language(uri)
    if tagged not in (None, language.lower()):
        check.error(line, field, f"”{name}” är märkt som språket ”{tagged}”, men sidan visar undertexterna som ”{language}”",
                    f"döp om filen till {name.split('.')[0]}.{language}.vtt, eller skriv undertexterna per språk: "
                    f"captions: och raderna {language}: … och {tagged}: … under")


def _duration(check: Checker, value: LineDict, recording: recordings.Recording | None) -> int | None:
    """The editor's `duration`, else what FFmpeg measured while copying the audio."""
    given = value.get("duration")
    if given is not None:
        text = str(given)
        match = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2})|(\d+)", text.strip())
        if not match:
            check.error(value.line_of("duration"), "media.duration", f"”{text}” är ingen speltid", "skriv minuter:sekunder, t.ex. \"12:05\"")
            return None
        if match.group(4):
            return int(match.group(4))
        return int(match.group(1) or 0) * 3600 + int(match.group(2)) * 60 + int(match.group(3))
    if recording is None:
        return None  # no audio, or an unreadable one: reported already
    if recording.seconds is None:
        check.error(value.line_of("audio"), "media.duration", "speltiden går inte att läsa ur filen",
                    "skriv speltiden själv, t.ex. duration: \"12:05\"")
        return None
    return round(recording.seconds)
