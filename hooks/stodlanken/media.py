"""Media: images without metadata, checks of every media file, and what the players need.

Images (slides, posters, and every image anywhere in `docs/`) are re-encoded from their
pixels only, so nothing from the camera survives: no EXIF (GPS, camera, time), no XMP, no
comments, no ICC profile. They are published under names made from their content, never
the editor's file name (which may be a person's name). The originals in `docs/` are never
written to. Audio and video: see stodlanken/recordings.py.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageOps, UnidentifiedImageError

from stodlanken import cache, recordings
from stodlanken.i18n import Words, native_name, text_direction
from stodlanken.problems import Problem, relpath

MAX_IMAGE_SIDE = 1280  # px: sharp on phones, small on mobile data
JPEG_QUALITY = 82

_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
_MIME = {
    ".mp4": "video/mp4", ".webm": "video/webm",
    ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav",
}


@dataclass(frozen=True)
class Rendition:
    """One file made from an image: the clean full-size copy, a smaller one or a WebP."""

    suffix: str  # added to the original's address: "" (the clean copy itself), "-480w.jpg", "-1280w.webp"
    file: Path  # in the cache
    width: int
    height: int
    mime: str


# Smaller copies for `srcset`: a phone (360-480 px wide, or twice that on a sharp screen)
# never downloads the full 1280 px image.
WIDTHS = (480, 960)
WEBP_QUALITY = 80
# Bump when the encoding changes, so cached renditions are made anew.
RENDITION_VERSION = 1

_renditions: dict[tuple, tuple[Rendition, ...]] = {}


def image_problem(path: Path, cache_dir: Path | None = None) -> str | None:
    """Why the image cannot be published (Swedish), or None.

    Decodes every pixel: `verify()` passes a truncated JPEG that fails when it is encoded.
    Renditions already in `cache_dir` prove the image decoded before, so a warm build skips it.
    """
    try:
        if path.stat().st_size == 0:
            return "är tom (0 byte)"
        if cache_dir is not None and _made(path, cache_dir) is not None:
            return None
        with Image.open(path) as image:
            image.load()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError, Image.DecompressionBombError):
        return "går inte att läsa som bild"
    return None


# A caption file's language is the one it is given for (`srclang`); a file name that says
# another language is a mistake (stodlanken/post_loader.py).
LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$", re.IGNORECASE)


def caption_language(uri: str) -> str | None:
    """The language code in a caption file's name: "media/film.en.vtt" -> "en"; None when it has none."""
    suffixes = Path(uri).suffixes
    code = suffixes[-2][1:] if len(suffixes) >= 2 else ""
    return code.lower() if LANGUAGE_CODE_RE.match(code) else None


# WebVTT is checked by hand: no maintained parser is in the build's environment, and the
# rules a browser needs (a header, cues, readable timings, start before end) are few.
_VTT_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_VTT_TIMING_RE = re.compile(rf"^{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t].*)?$")


def webvtt_problem(text: str) -> str | None:
    """Why a browser would show no captions from `text` (Swedish), or None."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        return "är ingen WebVTT-fil (första raden ska vara WEBVTT)"
    cues = 0
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            continue
        match = _VTT_TIMING_RE.match(line.strip())
        if not match:
            return f"rad {number}: tiden ”{line.strip()[:40]}” går inte att läsa (skriv t.ex. 00:00:01.000 --> 00:00:04.000)"
        start, end = _seconds(match.groups()[:4]), _seconds(match.groups()[4:])
        if start >= end:
            return f"rad {number}: texten slutar innan den börjar ({line.strip()[:40]})"
        cues += 1
    return None if cues else "innehåller ingen text med tider (ingen rad med -->)"


def _seconds(parts) -> float:
    hours, minutes, seconds, millis = parts
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def transcript_problem(path: Path) -> str | None:
    """Why the transcript cannot stand in for the podcast (Swedish), or None."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return "är inte sparad som UTF-8"
    except OSError as error:
        return f"kan inte läsas ({error.strerror})"
    body = re.sub(r"^---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|$)", "", text, count=1, flags=re.DOTALL)
    return None if body.strip() else "är tom"


def renditions(path: Path, cache_dir: Path) -> tuple[Rendition, ...]:
    """The clean copy (suffix "") and its smaller and WebP versions, each without metadata.

    Kept on disk under `cache_dir`, found by a hash of the original's bytes and every
    setting, so a build encodes only new or changed images (the same image in two posts
    once); in memory by path, size and time, so `mkdocs serve` does not even hash them.
    """
    found = _made(path, cache_dir)
    if found is None:
        source = path.read_bytes()
        key = _renditions_key(source, path.suffix.lower())
        found = _make_renditions(source, path.suffix.lower(), cache_dir, key)
        cache.write_atomic(cache_dir / f"{key}.json", json.dumps([[r.suffix, r.file.name, r.width, r.height, r.mime] for r in found]).encode())
        _renditions[_memo(path, cache_dir)] = found
    return found


def make_renditions(paths: list[Path], cache_dir: Path) -> None:
    """Make the missing renditions of many images at once, in parallel (a first build)."""
    cache.run_parallel(renditions, [(path, cache_dir) for path in dict.fromkeys(paths) if _made(path, cache_dir) is None])


def _made(path: Path, cache_dir: Path) -> tuple[Rendition, ...] | None:
    """The renditions made before: remembered, or found on disk by the image's hash (then remembered)."""
    memo = _memo(path, cache_dir)
    if memo not in _renditions:
        found = _read_manifest(cache_dir / f"{_renditions_key(path.read_bytes(), path.suffix.lower())}.json", cache_dir)
        if found is None:
            return None
        _renditions[memo] = found
    return _renditions[memo]


def _memo(path: Path, cache_dir: Path) -> tuple:
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size, str(cache_dir)


def _renditions_key(source: bytes, suffix: str) -> str:
    return cache.key("image", RENDITION_VERSION, PIL.__version__, hashlib.sha256(source).hexdigest(), suffix,
                     MAX_IMAGE_SIDE, JPEG_QUALITY, WEBP_QUALITY, WIDTHS)


def _read_manifest(manifest: Path, cache_dir: Path) -> tuple[Rendition, ...] | None:
    try:
        rows = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    found = tuple(Rendition(suffix, cache_dir / name, width, height, mime) for suffix, name, width, height, mime in rows)
    return found if all(r.file.exists() for r in found) else None


def _make_renditions(source: bytes, suffix: str, cache_dir: Path, key: str) -> tuple[Rendition, ...]:
    with Image.open(io.BytesIO(source)) as original:
        full = _upright(original, MAX_IMAGE_SIDE)
    fmt = _FORMATS.get(suffix, "JPEG")
    ext = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}[fmt]
    wanted = [("", full, fmt)]
    for width in WIDTHS:
        if width < full.width:
            wanted.append((f"-{width}w{ext}", _resized(full, width), fmt))
    if fmt != "WEBP":
        wanted += [(f"-{image.width}w.webp", image, "WEBP") for _, image, _ in wanted]
    made = []
    for name_suffix, image, image_fmt in wanted:
        file = cache_dir / f"{key}{name_suffix or ext}"
        cache.write_atomic(file, _save(image, image_fmt))
        made.append(Rendition(name_suffix, file, image.width, image.height, f"image/{image_fmt.lower()}"))
    return tuple(made)


def _upright(original: Image.Image, max_side: int) -> Image.Image:
    # Apply the EXIF orientation to the pixels before the EXIF goes away.
    image = ImageOps.exif_transpose(original)
    image.thumbnail((max_side, max_side), Image.LANCZOS)
    image.info = {}  # Pillow copies comments/XMP/ICC from `info` on save
    return image


def _resized(image: Image.Image, width: int) -> Image.Image:
    smaller = image.resize((width, max(1, round(image.height * width / image.width))), Image.LANCZOS)
    smaller.info = {}
    return smaller


def _save(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif fmt == "PNG":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    return out.getvalue()


def mime_type(path: str) -> str:
    return _MIME.get(Path(path).suffix.lower(), "application/octet-stream")


def format_duration(seconds: int | None) -> str | None:
    """Swedish, for people: 75 -> "1 min 15 s"."""
    if seconds is None:
        return None
    minutes, rest = divmod(int(seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def iso_duration(seconds: int | None) -> str | None:
    """For machines (`<time datetime>`): 75 -> "PT1M15S"."""
    if seconds is None:
        return None
    minutes, rest = divmod(int(seconds), 60)
    return f"PT{minutes}M{rest}S" if minutes else f"PT{rest}S"


# --- What the post templates get ----------------------------------------------------


@dataclass(frozen=True)
class Picture:
    url: str  # relative to the page
    alt: str
    width: int | None = None
    height: int | None = None
    caption: str | None = None
    srcset: str = ""  # "a-480w.jpg 480w, a.jpg 1280w": the original's format, for every browser
    webp_srcset: str = ""  # the same widths as WebP, for the browsers that take it (<picture>)


@dataclass(frozen=True)
class Track:
    """A `<track>` of captions: what the browser's subtitle menu offers."""

    url: str
    lang: str  # BCP 47, `srclang`
    label: str  # the language named in itself: "العربية"
    dir: str  # of the label


@dataclass(frozen=True)
class MediaView:
    """Everything `partials/post-media.html` needs, URLs already relative to the page."""

    type: str
    title: str
    date: str  # "12 oktober 2026"
    date_iso: str
    video: str | None = None
    video_type: str | None = None
    video_size: str | None = None  # "160 kB", for the download link
    captions: tuple[Track, ...] = ()  # the post's own language first: the default track
    poster: Picture | None = None
    slides: tuple[Picture, ...] = ()
    audio: str | None = None
    audio_type: str | None = None
    audio_size: str | None = None
    duration: str | None = None  # "1 min 15 s"
    duration_iso: str | None = None  # "PT1M15S"
    script: str | None = None  # slideshow.js, relative to the page


_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")


def swedish_date(day) -> str:
    """2026-10-12 -> "12 oktober 2026"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def file_size(path: Path) -> str:
    """Swedish, for a download link: 165477 -> "162 kB"."""
    size = path.stat().st_size
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def rendition_uri(uri: str, rendition: Rendition) -> str:
    """The `src_uri` of a rendition of the image at `uri`: the clean copy stands in for the
    image itself (so Markdown links to it keep working), the others are named as published."""
    return uri if not rendition.suffix else published_uri(uri, rendition)


def published_uri(uri: str, rendition: Rendition) -> str:
    """Where a rendition is published: beside the image, named by content: "om/kim.jpg" -> "om/<hash>-480w.webp"."""
    directory = uri.rsplit("/", 1)[0] + "/" if "/" in uri else ""
    return directory + rendition.file.name


def content_name(path: Path) -> str:
    """A published name made from the file's bytes, keeping its type: "kim.sv.vtt" -> "<hash>.vtt"."""
    return cache.key("file", path.read_bytes()) + path.suffix.lower()


# --- Every image and media file in docs/, not only the posts' -----------------------

# The project's own files (favicon, logo): mkdocs.yml and the templates name them, so they
# keep their names; images there are still re-encoded without metadata.
PROJECT_ASSETS = "assets/"
# Images Pillow cannot write back without what the camera put in them, or that can carry
# scripts and metadata (SVG): refused, never copied as they are.
_REFUSED_IMAGES = (".gif", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".svg", ".avif")
_RECORDING_EXTS = (*recordings.VIDEO_EXTS, *recordings.AUDIO_EXTS, ".mov", ".m4v", ".avi", ".mkv", ".3gp", ".aac", ".flac")


def docs_media_problems(docs_dir: Path, root: Path, *, section: str) -> list[Problem]:
    """Every image and media file in `docs/` outside the posts that cannot be published clean.

    A file named by an error is not published (hooks/posts.py). Post media are checked with
    their post. Audio and video are refused outside posts: only a post has the consent of
    the people heard and seen, and captions or a transcript.
    """
    problems = []
    docs_dir = Path(docs_dir)
    posts_dir = docs_dir / section / "posts"
    for path in _files_outside(docs_dir, posts_dir):
        uri = path.relative_to(docs_dir).as_posix()
        ext, rel = path.suffix.lower(), relpath(path, root)
        if ext in _FORMATS:
            if problem := image_problem(path, cache.Dirs(Path(root)).images):
                problems.append(Problem(rel, None, "(bild)", f"{problem} och publiceras inte", "spara bilden igen som JPEG eller PNG"))
        elif ext in _REFUSED_IMAGES and not (ext == ".svg" and uri.startswith(PROJECT_ASSETS)):
            problems.append(Problem(rel, None, "(bild)", f"{ext}-bilder kan inte rensas från metadata och publiceras inte",
                                    "spara bilden som JPEG eller PNG"))
        elif ext in _RECORDING_EXTS:
            problems.append(Problem(rel, None, "(fil)", "film och ljud publiceras bara i inlägg, där samtycke och undertexter kontrolleras",
                                    f"lägg filen i docs/{section}/posts/media/ och gör ett inlägg av den"))
    return problems


def _files_outside(docs_dir: Path, posts_dir: Path):
    """Every file in docs/ that MkDocs publishes (no hidden ones), in order, not looking into
    the posts folder: its thousands of media files are checked with their posts."""
    for folder, subfolders, names in os.walk(docs_dir):  # top-down, sorted below: a stable order
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and Path(folder, name) != posts_dir)
        yield from (Path(folder, name) for name in sorted(names) if not name.startswith("."))


def media_view(post, docs_dir: Path, url_of, cache_dir: Path, *, words: Words | None = None,
               names: Mapping[str, str] | None = None) -> MediaView:
    """The players' data for `post`; `url_of(src_uri)` gives a URL relative to the page.
    Images get a `srcset` of the renditions (in `cache_dir`) that hooks/posts.py published.
    `words`: the page's language (its date); `names`: the site's languages named in
    themselves, by code, for the caption tracks (other languages' names come from CLDR)."""

    def picture(uri: str | None, alt: str | None, caption: str | None = None) -> Picture | None:
        if not uri:
            return None
        made = renditions(docs_dir / uri, cache_dir)
        full = made[0]

        def srcset(mime: str) -> str:
            return ", ".join(f"{url_of(rendition_uri(uri, r))} {r.width}w" for r in sorted(made, key=lambda r: r.width) if r.mime == mime)

        fallback = srcset(full.mime)
        return Picture(url_of(uri), alt or "", full.width, full.height, caption,
                       srcset=fallback if "," in fallback else "", webp_srcset="" if full.mime == "image/webp" else srcset("image/webp"))

    view = MediaView(
        type=post.type,
        title=post.title,
        date=(words.date(post.date) if words else None) or swedish_date(post.date),
        date_iso=post.date.isoformat(),
        poster=picture(post.poster, post.poster_alt),
        slides=tuple(picture(slide.image, slide.alt, slide.caption) for slide in post.slides),
    )
    extra: dict = {}
    if post.video:
        extra.update(video=url_of(post.video), video_type=mime_type(post.video), video_size=file_size(docs_dir / post.video))
    if post.captions:
        extra["captions"] = tuple(Track(url_of(captions.uri), captions.lang, (names or {}).get(captions.lang) or native_name(captions.lang),
                                        text_direction(captions.lang)) for captions in post.captions)
    if post.audio:
        extra.update(audio=url_of(post.audio), audio_type=mime_type(post.audio), audio_size=file_size(docs_dir / post.audio),
                     duration=format_duration(post.duration), duration_iso=iso_duration(post.duration))
    if post.slides:
        extra["script"] = url_of("assets/javascripts/slideshow.js")
    return MediaView(**{**view.__dict__, **extra})
