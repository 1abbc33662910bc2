"""A post's page and the list of posts: where they go, and what stodlanken builds around
the editor's text ("Här får du stöd", the lead and the players, in placeholders)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from markupsafe import Markup

from stodlanken import consent, media
from stodlanken.directory import CONTACT_LABELS
from stodlanken.directory_pages import in_language
from stodlanken.i18n import Words
from stodlanken.posts import Post

if TYPE_CHECKING:
    import jinja2

    from stodlanken.directory import Directory


def set_meta(meta: dict, post: Post) -> None:
    """A post page's front matter as MkDocs keeps it: no participant data or publishing
    window (never in a template, the search index or any file), the post's template, and
    its summary as the description."""
    for key in consent.PRIVATE_KEYS:
        meta.pop(key, None)
    meta["description"] = post.summary
    meta["template"] = "post.html"


def blocks(templates: jinja2.Environment, post: Post, directory: Directory, url_of: Callable[[str], str], *,
           docs_dir: Path, image_cache: Path, words: Words | None = None, names: dict[str, str] | None = None) -> dict[str, str]:
    """Our own HTML of a post's page, by placeholder (see post_markdown): the lead (type and
    summary), the players and "Här får du stöd"; `url_of(path)` makes a path page-relative.
    `words`: the page's language; `names`: the site's languages named in themselves."""
    services, situations = support_links(post, directory, url_of, words)
    view = media.media_view(post, docs_dir, url_of, image_cache, words=words, names=names)
    return {
        "lead": templates.get_template("partials/post-lead.html").render(post=post),
        "media": templates.get_template("partials/post-media.html").render(media=view),
        "support": templates.get_template("partials/post-support.html").render(services=services, situations=situations, credits=post.credits,
                                                                                         names=post.names),
    }


def transcript_text(post: Post, docs_dir: Path) -> str | None:
    """A podcast's transcript, shown on its page (its file is never published itself)."""
    return (docs_dir / post.transcript).read_text(encoding="utf-8") if post.transcript else None


@dataclass(frozen=True)
class SupportLink:
    """One line of "Här får du stöd"."""

    url: str  # the service's or situation's page, relative to the post
    title: str
    summary: str = ""
    call: str | None = None  # tel: link, for a "Ring …" button
    call_label: str | None = None
    title_mark: Markup = Markup("")  # ` lang="sv"` on a Swedish fallback in a page in another language
    summary_mark: Markup = Markup("")


def support_links(post: Post, directory, url_of, words: Words | None = None) -> tuple[list[SupportLink], list[SupportLink]]:
    """(services, situations) of the post, in its order and in `words`' language where the
    directory has a translation; `url_of(path)` makes a site path page-relative."""
    services = []
    call = words.text(CONTACT_LABELS["phone"]) if words else CONTACT_LABELS["phone"]
    for service_id in post.services:
        service = directory.services.get(service_id)
        if service is None:  # inactive now: the post stays, the link goes
            continue
        phone = getattr(service, "phone", None)
        (name, name_mark), (summary, summary_mark) = in_language(service, "name", words), in_language(service, "summary", words)
        services.append(SupportLink(
            url_of(f"stod/tjanst/{service.id}/"), name, summary,
            f"tel:{phone.tel}" if phone else None, f"{call} {phone.display}" if phone else None, name_mark, summary_mark,
        ))
    situations = []
    for situation_id in post.situations:
        situation = directory.situation(situation_id)
        if situation is not None:
            title, mark = in_language(situation, "title", words)
            situations.append(SupportLink(url_of(f"stod/{situation.id}/"), title, title_mark=mark))
    return services, situations


TRANSCRIPT_HEADING = "Det här sägs i podden"
# Our own blocks of a post's page, in order around the editor's text (see post_markdown).
BLOCKS_BEFORE, BLOCKS_AFTER = ("lead", "media"), ("support",)
# Unguessable, so that no editor's text is ever taken for a placeholder.
_BLOCK_TOKEN = secrets.token_hex(8)


def block_placeholder(name: str) -> str:
    return f"stodlankenblock{_BLOCK_TOKEN}{name}"


def post_markdown(body: str, *, transcript: str | None) -> str:
    """The page's Markdown: placeholders for our lead (type + summary) and media, the editor's
    text, the transcript, and a placeholder for "Här får du stöd".

    Only what editors wrote goes through Markdown and the sanitizer (hooks/privacy.py);
    `insert_blocks` puts our own HTML in afterwards, so it is never sanitised away.
    """
    parts = [block_placeholder(name) for name in BLOCKS_BEFORE] + [body.strip()]
    if transcript is not None:
        parts.append(f"## {TRANSCRIPT_HEADING} {{#transkription}}\n\n{transcript.strip()}")
    parts += [block_placeholder(name) for name in BLOCKS_AFTER]
    return "\n\n".join(part for part in parts if part) + "\n"


def insert_blocks(page_html: str, blocks: dict[str, str]) -> str:
    """Replace each placeholder paragraph by our own HTML block."""
    for name, block in blocks.items():
        page_html = page_html.replace(f"<p>{block_placeholder(name)}</p>", block.strip(), 1)
    return page_html


# --- where posts and the list of posts go -------------------------------------------


def post_dest_uri(post: Post) -> str:
    """`/inlagg/<slug>/`: short and readable in a story (the file name is the slug)."""
    return f"{post.url}index.html"


def media_dest_uri(uri: str, section: str) -> str:
    """A post's media file is published beside the posts: `inlagg/posts/media/<hash>.mp3` ->
    `inlagg/media/<hash>.mp3` (the address podcast feeds and shared links already use)."""
    return uri.replace(f"{section}/posts/", f"{section}/", 1)


@dataclass(frozen=True)
class ListPage:
    """One page of the list of posts: `/inlagg/`, then `/inlagg/sida/2/`, …"""

    number: int  # from 1
    count: int  # how many pages the list has
    src_uri: str  # the editor's `<section>/index.md` for the first, generated after that
    url: str  # relative to the site root
    posts: tuple[Post, ...]


def list_pages(posts: list[Post], section: str, per_page: int) -> list[ListPage]:
    """Split the posts (newest first) into pages; there is always a first page, maybe empty."""
    per_page = max(1, per_page)
    chunks = [tuple(posts[start:start + per_page]) for start in range(0, len(posts), per_page)] or [()]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        if number == 1:
            src_uri, url = f"{section}/index.md", f"{section}/"
        else:
            src_uri, url = f"{section}/sida/{number}.md", f"{section}/sida/{number}/"
        pages.append(ListPage(number, len(chunks), src_uri, url, chunk))
    return pages


def list_page_source(title: str, page: ListPage) -> str:
    """Markdown of a generated list page. Its h1 is the title, escaped by the template,
    so the editor's title needs no Markdown escaping."""
    meta = {"title": f"{title}, sida {page.number} av {page.count}" if page.number > 1 else title, "search": False}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"

