"""Privacy and safety on every page: Content-Security-Policy, safe external links, video facades.

Plain functions over HTML strings, so tests can call them without a build. The hook
(`hooks/privacy.py`) calls them on the final HTML of each page, after every other hook.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from stodlanken.problems import Problem

if TYPE_CHECKING:
    import jinja2

    from stodlanken.settings import Accessibility

# Where a clicked YouTube facade loads its player from: YouTube's "privacy-enhanced mode",
# which sets no cookies until the video is played.
YOUTUBE_EMBED_ORIGIN = "https://www.youtube-nocookie.com"

_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
_STYLE_ATTR = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.S)
_CHARSET_META = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_LINK = re.compile(r"<a\s[^>]*>", re.I | re.S)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_REL = re.compile(r"""\srel\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


# --- Content-Security-Policy ----------------------------------------------------------


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass
class Inline:
    """What a page styles inline, as CSP hash sources, and what else its policy must allow.

    No inline scripts: the templates have none (tests/test_privacy.py keeps it so), and a
    hash of every inline script on the final page would also allow one pasted by an editor.
    """

    styles: set[str] = field(default_factory=set)  # <style> elements
    style_attributes: set[str] = field(default_factory=set)  # style="…" (needs 'unsafe-hashes')
    frames: set[str] = field(default_factory=set)  # origins a facade may load after a click
    wasm: bool = False  # Pagefind's search runs WebAssembly

    def update(self, other: Inline) -> None:
        self.styles |= other.styles
        self.style_attributes |= other.style_attributes
        self.frames |= other.frames
        self.wasm |= other.wasm


def inline_sources(page_html: str) -> Inline:
    """Hash every inline style of the final HTML, exactly as the browser will.

    Style elements are raw text (no entity decoding); style attributes are decoded first.
    """
    found = Inline()
    found.styles = {_sha256(body) for body in _STYLE.findall(page_html)}
    found.style_attributes = {
        _sha256(html.unescape(double if double is not None else single))
        for double, single in _STYLE_ATTR.findall(page_html)
    }
    if f'data-embed="{YOUTUBE_EMBED_ORIGIN}/' in page_html:
        found.frames.add(YOUTUBE_EMBED_ORIGIN)
    # Pagefind's engine (WebAssembly) runs only where its search form is.
    found.wasm = re.search(r"\sdata-pagefind\s*=", page_html) is not None
    return found


def content_security_policy(inline: Inline, *, allow_inline_scripts: bool = False, header: bool = False) -> str:
    """The policy: only this site's own origin, its script files, and the inline styles this build wrote.

    `allow_inline_scripts` is for `mkdocs serve` only: its live-reload script is injected
    per request, after the build. `header` adds what a `<meta>` policy cannot carry
    (frame-ancestors).
    """
    scripts = ["'self'"]
    if allow_inline_scripts:
        scripts.append("'unsafe-inline'")
    if inline.wasm:
        scripts.append("'wasm-unsafe-eval'")
    styles = ["'self'", *sorted(inline.styles)]
    if inline.style_attributes:
        styles += ["'unsafe-hashes'", *sorted(inline.style_attributes)]
    frames = sorted(inline.frames) or ["'none'"]
    directives = [
        "default-src 'self'",
        f"script-src {' '.join(scripts)}",
        f"style-src {' '.join(styles)}",
        "img-src 'self' data:",
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        f"frame-src {' '.join(frames)}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def add_head_meta(page_html: str, policy: str) -> str:
    """Put the policy (and no-referrer) first in <head>, right after the charset, before any script."""
    content = html.escape(policy, quote=False).replace('"', "&quot;")  # keep the quotes readable
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{content}">'
        '<meta name="referrer" content="no-referrer">'
    )
    anchor = _CHARSET_META.search(page_html) or _HEAD.search(page_html)
    if anchor is None:
        return page_html
    return page_html[: anchor.end()] + meta + page_html[anchor.end() :]


# --- Links to other sites ---------------------------------------------------------------


def secure_external_links(page_html: str, own_host: str | None) -> str:
    """Give every link to another site rel="noopener noreferrer": the other site learns
    neither where the visitor came from nor gets a handle on this tab."""

    def _fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if not href:
            return tag
        url = html.unescape(href.group(1) if href.group(1) is not None else href.group(2)).strip()
        if not _is_external(url, own_host):
            return tag
        rel = _REL.search(tag)
        if rel is None:
            return tag[:2] + ' rel="noopener noreferrer"' + tag[2:]
        words = (rel.group(1) if rel.group(1) is not None else rel.group(2)).split()
        words += [word for word in ("noopener", "noreferrer") if word not in words]
        return tag[: rel.start()] + f' rel="{" ".join(words)}"' + tag[rel.end() :]

    return _LINK.sub(_fix, page_html)


def _is_external(url: str, own_host: str | None) -> bool:
    parts = urlsplit(url)
    if url.startswith("//"):
        return parts.hostname != own_host
    return parts.scheme in ("http", "https") and parts.hostname != own_host


# --- Third-party video behind a click ------------------------------------------------------


@dataclass(frozen=True)
class Video:
    """A film that lives on another platform, shown as a facade until someone asks for it."""

    platform: str  # "youtube" | "instagram"
    url: str  # the canonical page on the platform: the plain-link fallback
    embed: str | None  # the player loaded after a click; None: link out only


def third_party_video(url: str) -> Video | None:
    """Recognise a YouTube or Instagram address; None for anything else."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    video_id = None
    if host == "youtu.be":
        video_id = parts.path.strip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if parts.path == "/watch":
            video_id = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
    elif host == "instagram.com" and re.match(r"^/(p|reel|tv)/[\w-]+/?$", parts.path):
        return Video("instagram", f"https://www.instagram.com{parts.path.rstrip('/')}/", None)
    if video_id and re.fullmatch(r"[\w-]{6,20}", video_id):
        return Video(
            "youtube",
            f"https://www.youtube.com/watch?v={video_id}",
            f"{YOUTUBE_EMBED_ORIGIN}/embed/{video_id}?autoplay=1&rel=0",
        )
    return None


_PLATFORM = {
    "youtube": (
        "YouTube",
        "Filmen ligger på YouTube, som ägs av Google. Ingenting hämtas därifrån förrän du trycker. "
        "När du trycker på Spela hämtas filmen från youtube-nocookie.com. Då får Google veta "
        "din IP-adress, att du tittar på filmen och att du kommer från den här webbplatsen.",
    ),
    "instagram": (
        "Instagram",
        "Inlägget ligger på Instagram, som ägs av Meta. Vi visar det inte här, för då skulle "
        "Instagram få veta att du är på den här sidan. Länken öppnar inlägget hos Instagram.",
    ),
}


@dataclass(frozen=True)
class Facade:
    """What partials/video-facade.html shows: a self-hosted poster, what loads from where,
    a plain link that always works."""

    platform: str  # "youtube" | "instagram"
    platform_name: str  # "YouTube"
    note: str  # what is sent where, when
    url: str  # the film on the platform
    link_label: str
    title: str
    embed: str | None = None  # the player a click loads; None: link out only
    poster: str | None = None  # relative to the page
    alt: str = ""


def facade_html(templates: jinja2.Environment, video: Video, *, title: str, poster: str | None, alt: str) -> str:
    """The facade of `video` for a page. The "Spela filmen här" button is hidden until
    JavaScript (safety.js) can swap in the player; without JavaScript the link opens the
    film on the platform."""
    name, note = _PLATFORM[video.platform]
    label = "Öppna filmen på YouTube" if video.platform == "youtube" else "Öppna inlägget på Instagram"
    facade = Facade(video.platform, name, note, video.url, label, title, video.embed, poster, alt)
    return templates.get_template("partials/video-facade.html").render(facade=facade)


# `[Titel](https://www.youtube.com/watch?v=…){ .sl-video poster="media/bild.jpg" alt="…" }`
# becomes, through attr_list, an <a class="sl-video" …> that the hook replaces by a facade.
_VIDEO_LINK = re.compile(r'<a\s(?=[^>]*\bclass="[^"]*\bsl-video\b)([^>]*)>(.*?)</a>', re.S)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


@dataclass(frozen=True)
class VideoLink:
    start: int
    end: int
    href: str
    title: str  # the link text, without markup
    poster: str | None
    alt: str


def video_links(page_html: str) -> list[VideoLink]:
    """The `.sl-video` links of a page's content, in order."""
    links = []
    for match in _VIDEO_LINK.finditer(page_html):
        attributes = {key: html.unescape(value) for key, value in _ATTR.findall(match.group(1))}
        title = html.unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip()
        links.append(
            VideoLink(
                match.start(),
                match.end(),
                attributes.get("href", ""),
                title,
                attributes.get("poster"),
                attributes.get("alt", ""),
            )
        )
    return links


# The same links in the Markdown source: `[Titel](url){ .sl-video poster="…" alt="…" }`, or raw HTML.
_VIDEO_SOURCE = re.compile(
    r"\[(?P<title>(?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?(?P<href>[^)\s>]*)[^)]*\)\{(?P<attrs>[^}]*\.sl-video\b[^}]*)\}"
    r"|<a\s(?P<tag>[^>]*\bclass\s*=\s*[\"'][^\"']*\bsl-video\b[^>]*)>"
)
_SOURCE_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>}]+))""")


def video_link_problems(text: str, rel: str, *, page_dir: Path, first_line: int = 1) -> list[Problem]:
    """Mistakes in the `.sl-video` links of a Markdown page, found in its source (the page
    still builds: the link stays a plain link, or the facade goes without its poster)."""
    problems = []
    for match in _VIDEO_SOURCE.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        found = {m.group(1).lower(): html.unescape(next(g for g in m.groups()[1:] if g is not None))
                 for m in _SOURCE_ATTR.finditer(match.group("attrs") or match.group("tag"))}
        href = match.group("href") if match.group("href") is not None else found.get("href", "")
        if third_party_video(href) is None:
            problems.append(Problem(rel, line, "sl-video", f"”{href}” är ingen film från YouTube eller Instagram",
                                    "bara filmer från YouTube och Instagram kan visas så här; ta bort .sl-video"))
            continue
        poster = found.get("poster")
        if poster is None:
            continue
        if not (page_dir / poster).is_file():
            problems.append(Problem(rel, line, "sl-video.poster", f"”{poster}” finns inte", "lägg bilden bredvid sidan eller rätta namnet"))
        if not found.get("alt", "").strip():
            problems.append(Problem(rel, line, "sl-video.alt", "saknas", 'beskriv bilden, t.ex. alt="Två händer runt en kopp te"'))
    return problems


# --- Tillgänglighetsredogörelse (accessibility statement) ---------------------------------

# The supervisory authority's complaint form (Digg, lag 2018:1937 om tillgänglighet
# till digital offentlig service).
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"
_COMPLIANCE = {
    "helt": "helt förenlig",
    "delvis": "delvis förenlig",
    "inte": "inte förenlig",
}
COMPLIANCE = tuple(_COMPLIANCE)  # what extra.stodlanken.accessibility.compliance may say


def accessibility_statement(templates: jinja2.Environment, settings: Accessibility, *, actor: str, service: str) -> str:
    """The statement as Markdown (overrides/accessibility-statement.md), from checked settings
    (stodlanken/settings.py finds every mistake in `extra.stodlanken.accessibility` while the
    site is loaded). Every text from the settings is escaped for Markdown here."""
    return templates.get_template("accessibility-statement.md").render(
        actor=_md(settings.actor or actor),
        service=_md(service),
        compliance=_COMPLIANCE[settings.compliance],
        fully=settings.compliance == "helt",
        shortcomings=[(_md(what), _md(why)) for what, why in settings.shortcomings],
        email=settings.contact_email,
        complaint_url=DIGG_COMPLAINT_URL,
        assessed=settings.assessed.isoformat(),
        method=_md(settings.method).rstrip("."),
        updated=(settings.updated or settings.assessed).isoformat(),
    )


def _md(text: object) -> str:
    """Settings text into Markdown as plain text: no HTML, no links from a YAML typo."""
    return html.escape(" ".join(str(text).split()), quote=False).replace("[", "\\[").replace("*", "\\*")


# --- Headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages) -------------

SECURITY_HEADERS = {
    # Other sites never learn that a visitor came from a support site.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Strict-Transport-Security": "max-age=31536000",
}


def headers_file(policy: str, cache: list[tuple[str, str]] = ()) -> str:
    """`_headers`: the same policy for every path (the union of every page's hashes; each
    page's own stricter <meta> policy applies on top), plus what only a header can say;
    then how long each path may be cached (`cache`: (pattern, Cache-Control), laid out by
    stodlanken/assets.py so that each file matches exactly one)."""
    lines = ["# Written by hooks/privacy.py on every build; do not edit.", "/*"]
    lines.append(f"  Content-Security-Policy: {policy}")
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    for pattern, value in cache:
        lines += [pattern, f"  Cache-Control: {value}"]
    return "\n".join(lines) + "\n"


def merge_headers(top: Path, nested: Path, prefix: str) -> None:
    """A language's `_headers` (`nested`, from its build in `<site>/<prefix>/`) into the one
    at the top of the site, which is the only one hosts read: one policy for `/*` whose
    sources are those of both, and the language's cache rules under `prefix`. `nested` goes."""
    ours, theirs = _read_headers(top), _read_headers(nested)
    policies = [rules.get("Content-Security-Policy", "") for rules in (ours.get("/*", {}), theirs.get("/*", {}))]
    ours.setdefault("/*", {})["Content-Security-Policy"] = _union_policy(*policies)
    for path, rules in theirs.items():
        if path != "/*":
            ours[prefix + path] = rules
    lines = ["# Written by hooks/privacy.py on every build; do not edit."]
    for path, rules in ours.items():
        lines += [path, *(f"  {name}: {value}" for name, value in rules.items())]
    top.write_text("\n".join(lines) + "\n", encoding="utf-8")
    nested.unlink()


def _read_headers(path: Path) -> dict[str, dict[str, str]]:
    """`_headers` as written by `headers_file`: a path, then its headers indented."""
    blocks: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0].isspace() and current is not None:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
        else:
            current = blocks.setdefault(line.strip(), {})
    return blocks


def _union_policy(*policies: str) -> str:
    """Content-Security-Policy values as one: each directive with the sources of all, in order."""
    directives: dict[str, list[str]] = {}
    for policy in policies:
        for part in policy.split(";"):
            if not part.strip():
                continue
            name, *sources = part.split()
            known = directives.setdefault(name, [])
            known += [source for source in sources if source not in known]
    # 'none' only while a directive has no other source.
    merged = {name: [s for s in sources if s != "'none'"] or sources for name, sources in directives.items()}
    return "; ".join(" ".join([name, *sources]) for name, sources in merged.items())
