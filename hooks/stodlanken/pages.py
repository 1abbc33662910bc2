"""Every Markdown file in docs/: what the build refuses, and the links between pages.

The consent gate (`stodlanken.post_loader`) reads the posts folder; this module makes sure
nothing gets around it by being somewhere else or spelled otherwise, and that a link
never keeps a held-back post in sight. Read once per build, before anything is written:

- a page that is not UTF-8, or a Markdown file MkDocs would not read as a page (`.MD`:
  copied as it is, front matter and all) → an error, and the file is left out;
- post front matter (`participants`, `media`, a post `type`) outside the posts folder, or
  a post in a subfolder of it → an error, and the file is left out: its consent was
  never checked;
- other Markdown in a subfolder of the posts folder that no post uses as its transcript
  → a warning, and the file is left out (as before, but no longer without a word);
- a link to a post that is held back → a warning, and the link is shown as plain text
  until the post is published again (a withdrawal never needs another edit);
- a link to a page or a media file that does not exist → an error;
- front matter on an about page that MkDocs cannot read (it would publish it as text) →
  an error, and the page is left out; a key of the wrong type or unknown → an error, and
  the key is left out of the page (a list as `title` would stop the build with a traceback);
- a page in another of the site's languages, `om.ar.md` beside `om.md` (the language's
  prefix before `.md`), is checked like any page and never published under its own name:
  the Arabic build shows it at `/ar/om/`, where the other builds show `om.md`; one without
  the Swedish page beside it → a warning, and it is left out.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import yaml

from stodlanken.posts import TYPE_LABELS, Post, is_post_page
from stodlanken.problems import FRONT_MATTER, DuplicateKeys, Problem, mkdocs_cannot_read, page_key_problem, parse_yaml, relpath, yaml_problems
from stodlanken.sanitize import markdown_problems, without_code

# What MkDocs reads as Markdown, in any letter case an editor's computer may save.
MARKDOWN_EXTS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# Linked files that MkDocs copies from docs/: a missing one is a broken link.
_LINKED_FILE_EXTS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".mp3", ".mp4", ".m4a", ".webm", ".ogg",
                     ".opus", ".wav", ".vtt", ".pdf", ".txt")
# Pages the build writes itself: an editor's file of the same name would be overwritten.
GENERATED_PAGES = {"tillganglighet.md": "skrivs av bygget från extra.stodlanken.accessibility"}
# [text](target "title") and ![alt](target); the target may be written <like this>.
_LINK = re.compile(r"(?<!!)\[((?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_IMAGE = re.compile(r"!\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Pages:
    refused: frozenset[str] = frozenset()  # src_uris no build may publish
    # A page's versions in other languages: src_uri -> {prefix: the translation's src_uri}
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    editor: frozenset[str] = frozenset()  # the pages editors write (no posts): Swedish where not translated
    unlinked: dict[str, frozenset[str]] = field(default_factory=dict)  # page src_uri -> targets shown as text
    dropped: dict[str, frozenset] = field(default_factory=dict)  # page src_uri -> front matter keys left out

    def source(self, src_uri: str, prefix: str) -> str:
        """The file a language's build shows at `src_uri`: its translation, else the page itself."""
        return self.translations.get(src_uri, {}).get(prefix, src_uri)


def scan(docs_dir: Path, root: Path, posts: list[Post], section: str, generated: set[str],
         prefixes: frozenset[str] = frozenset()) -> tuple[Pages, list[Problem]]:
    """Read every Markdown file in docs/ once; `generated` are the pages the hooks add,
    `prefixes` the site's other languages' ("ar"), which name a page's translations."""
    problems: list[Problem] = []
    refused: set[str] = set()
    texts: dict[str, str] = {}  # the pages and posts that may be published, for their links
    unused: list[tuple[str, str]] = []  # Markdown in a posts subfolder that is no transcript
    dropped: dict[str, frozenset] = {}
    transcripts = {post.transcript for post in posts if post.transcript}
    for path, src_uri in _markdown_files(docs_dir):
        rel = relpath(path, root)
        kind = "transcript" if src_uri in transcripts else "post" if is_post_page(src_uri, section) else "page"
        if path.suffix != ".md":
            problems.append(Problem(rel, None, "(filnamn)", f"filändelsen ”{path.suffix}” läses inte som en sida",
                                    f"döp om filen till {path.stem}.md"))
            refused.add(src_uri)
            continue
        if src_uri in GENERATED_PAGES:
            problems.append(Problem(rel, None, "(fil)", GENERATED_PAGES[src_uri], "ta bort filen"))
            refused.add(src_uri)
            continue
        # Posts and transcripts that cannot be read are reported by the consent gate (stodlanken.post_loader).
        text = _read(path, rel, problems if kind == "page" else [])
        if text is None:
            refused.add(src_uri)
            continue
        front = FRONT_MATTER.match(text) if kind != "transcript" else None
        if kind == "page":
            verdict = _page_verdict(src_uri, rel, text, front, section, problems)
            if verdict == "unused":
                unused.append((src_uri, rel))
            if verdict in ("refused", "unused"):
                refused.add(src_uri)
                continue
            if verdict:
                dropped[src_uri] = verdict
        first_line = 1 + (front.group(0).count("\n") if front else 0)
        problems += markdown_problems(text[front.end():] if front else text, rel, first_line=first_line, page_dir=path.parent)
        if kind != "transcript":
            texts[src_uri] = text

    # A transcript of a post with an error is not in `transcripts`: the post names it, and
    # has its own error; only a file that no post names at all is worth a reminder.
    named = "\n".join(text for uri, text in texts.items() if is_post_page(uri, section))
    problems += [Problem(rel, None, "(fil)", "används inte av något inlägg och publiceras inte",
                         "ta bort filen, eller använd den som transcript: i ett inlägg", warning=True)
                 for src_uri, rel in unused if posixpath.basename(src_uri) not in named]

    translations: dict[str, dict[str, str]] = {}
    editor = {uri for uri in texts if not is_post_page(uri, section)}
    for src_uri in sorted(editor):
        stem, _, prefix = src_uri.removesuffix(".md").rpartition(".")
        if not stem or prefix not in prefixes:
            continue
        original = f"{stem}.md"
        if original in editor:
            translations.setdefault(original, {})[prefix] = src_uri
        else:
            problems.append(Problem(relpath(docs_dir / src_uri, root), None, "(filnamn)",
                                    f"det finns ingen {posixpath.basename(original)} som den här sidan översätter; den publiceras inte",
                                    f"lägg den svenska sidan bredvid, eller döp om filen till {posixpath.basename(original)}", warning=True))
        refused.add(src_uri)  # never under its own name
    unlinked = _check_links(texts, docs_dir, root, {post.src_uri: post for post in posts if not post.published},
                            refused, set(texts) | generated, problems)
    return Pages(frozenset(refused), translations, frozenset(editor - refused), unlinked, dropped), problems


def _check_links(texts: dict[str, str], docs_dir: Path, root: Path, held: dict[str, Post], refused: set[str],
                 known: set[str], problems: list[Problem]) -> dict[str, frozenset[str]]:
    """Problems of the links of every page and post that may be published; the links to
    show as plain text, per page (they go to a post or page that is not published)."""
    unlinked: dict[str, frozenset[str]] = {}
    docs = relpath(docs_dir, root)
    for src_uri, text in texts.items():
        if src_uri in refused or src_uri in held:
            continue
        rel = f"{docs}/{src_uri}"
        dead = set()
        for line, target, image in _links(text):
            resolved = _resolve(src_uri, target)
            if resolved is None:
                continue
            if resolved.startswith("../"):
                problems.append(Problem(rel, line, "(länk)", f"”{target}” pekar utanför docs/", "länka till en sida eller fil i docs/"))
            elif resolved in held or resolved in refused:
                if not image:
                    dead.add(target)
                what = f"ett inlägg som inte publiceras ({held[resolved].held_reason})" if resolved in held else \
                    "en sida som inte publiceras (se felet i den filen)"
                problems.append(Problem(rel, line, "(länk)", f"”{target}” går till {what}",
                                        "länken visas som vanlig text så länge; ta bort den om sidan inte kommer tillbaka",
                                        warning=True))
            elif resolved.endswith(".md") and resolved not in known:
                problems.append(Problem(rel, line, "(länk)", f"”{target}” finns inte", "rätta länken eller ta bort den"))
            elif resolved.lower().endswith(_LINKED_FILE_EXTS) and not (docs_dir / resolved).is_file():
                problems.append(Problem(rel, line, "(länk)", f"filen ”{target}” finns inte", "lägg filen i docs/ eller rätta länken"))
        if dead:
            unlinked[src_uri] = frozenset(dead)
    return unlinked


def unlink(markdown: str, targets: frozenset[str]) -> str:
    """`[text](target)` → `text` for each of `targets`: the words stay, the link goes."""
    return _LINK.sub(lambda m: m.group(1) if m.group(2) in targets else m.group(0), markdown)


def _markdown_files(docs_dir: Path):
    """(path, src_uri) of every Markdown file MkDocs could see, in any letter case."""
    for path in sorted(docs_dir.rglob("*")):
        src_uri = path.relative_to(docs_dir).as_posix()
        if path.suffix.lower() in MARKDOWN_EXTS and path.is_file() and not any(part.startswith(".") for part in src_uri.split("/")):
            yield path, src_uri


def _read(path: Path, rel: str, problems: list[Problem]) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(rel, None, "(fil)", "är inte sparad som UTF-8",
                                "spara filen igen som UTF-8 (i VS Code: Spara med kodning → UTF-8)"))
    except OSError as error:
        problems.append(Problem(rel, None, "(fil)", f"kan inte läsas ({error.strerror})", "kontrollera filen"))
    return None


def _page_verdict(src_uri: str, rel: str, text: str, front, section: str, problems: list[Problem]):
    """A page that is no post: "refused", "unused" (Markdown in a posts subfolder), the
    front matter keys to leave out of it (a frozenset), or None when all is well."""
    meta = {}
    if front:
        try:
            parsed = parse_yaml(front.group(1) or "", line_offset=1)
        except DuplicateKeys as error:  # still read, so that post front matter is recognised
            problems.extend(yaml_problems(error, rel, line_offset=1))
            parsed = error.data
        except yaml.YAMLError as error:  # MkDocs cannot read it either, and would publish it as text
            problems.extend(yaml_problems(error, rel, line_offset=1))
            return "refused"
        meta = parsed if isinstance(parsed, dict) else {}
    posts_dir = f"{section}/posts/"
    if why := mkdocs_cannot_read(text, meta):
        # MkDocs would publish the front matter as the page's text.
        problems.append(Problem(rel, None, "(front matter)", f"{why}; sidan publiceras inte",
                                "rätta datumen (ÅÅÅÅ-MM-DD) och avsluta front matter med --- och en ny rad"))
        return "refused"
    if _looks_like_post(meta):
        what = "inlägg i undermappar publiceras inte" if src_uri.startswith(posts_dir) else \
            "ser ut som ett inlägg men ligger utanför inläggsmappen, så samtycket kontrolleras inte"
        problems.append(Problem(rel, None, "(mapp)", what, f"flytta filen till docs/{posts_dir}"))
        return "refused"
    if src_uri.startswith(posts_dir):
        return "unused"
    wrong = set()
    for key, value in meta.items():
        if found := page_key_problem(str(key), value):
            problems.append(Problem(rel, meta.line_of(key), str(key), *found))
            wrong.add(key)
    # Left out of page.meta, so the preview and a refused build still render the page.
    return frozenset(wrong) or None


def _looks_like_post(meta: dict) -> bool:
    return "participants" in meta or "media" in meta or meta.get("type") in TYPE_LABELS


def _links(text: str):
    """(line, target, is_image) of every inline link and image outside code."""
    text = without_code(text)
    for pattern, image in ((_LINK, False), (_IMAGE, True)):
        for match in pattern.finditer(text):
            target = match.group(2 if not image else 1)
            yield text.count("\n", 0, match.start()) + 1, target, image


def _resolve(src_uri: str, target: str) -> str | None:
    """The docs-relative path a relative link points to; None for other kinds of links."""
    if not target or target.startswith(("#", "/")) or _SCHEME.match(target):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    return joined + "/" if path.endswith("/") else joined
