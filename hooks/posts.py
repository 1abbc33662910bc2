"""Posts by young people: consent gate, privacy and accessible media (see hooks/stodlanken/:
posts.py the records, post_loader.py and consent.py the reading and the gate, publish.py the
files, post_pages.py the pages).

- `on_files` takes held-back and invalid posts and their media out of the build first of
  all, so no page, list, search entry, sitemap line or media file is made; it swaps every
  image, recording and caption file for a clean copy named by its content; it gives each
  post its address (`/inlagg/<slug>/`) and adds the pages of the list of posts.
- `on_page_markdown` removes participant data from the page, adds the transcript and
  renders the lead, the players and "Här får du stöd"; `on_page_content` puts them in,
  after the editor's part of the page has been sanitised.

No blog plugin: a post is an ordinary MkDocs page with its own address and template, and
the list is made here. (Material's blog plugin parsed every post's YAML again, rendered
an excerpt of each for lists we replace with cards, and compared every page with every
post: half the build time at 1,000 posts.)
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from stodlanken import build, home, pagination, post_pages, publish

log = logging.getLogger("mkdocs.hooks.posts")


def on_files(files, /, *, config):
    state = build.of(config)
    for post in state.site.posts:
        if post.valid and not post.published and post.lang == state.language.code:  # not: the other languages' posts
            log.info(f"{post.path}: publiceras inte – {post.held_reason}")
    publish.leave_out(files, state)
    publish.clean_media(files, state)
    publish.give_addresses(files, state)
    state.list_pages = publish.add_list_pages(files, state)
    return files


def on_page_markdown(markdown, /, *, page, config, files):
    state = build.of(config)
    if page.file.src_uri in state.list_pages:
        page.meta["template"] = "post-list.html"
        return markdown
    post = state.shown_posts.get(page.file.src_uri)
    if post is None:
        return markdown
    post_pages.set_meta(page.meta, post)
    docs_dir = Path(config.docs_dir)
    # Our own HTML goes in after the editor's text has been sanitised (on_page_content).
    state.blocks[page.file.src_uri] = post_pages.blocks(state.templates, post, state.site.directory, _url_of(page, files),
                                                        docs_dir=docs_dir, image_cache=state.cache.images, words=state.words,
                                                        names={language.code: language.name for language in state.settings.languages})
    return post_pages.post_markdown(markdown, transcript=post_pages.transcript_text(post, docs_dir))


# After hooks/privacy.py (priority 50) has sanitised what the editor wrote.
@event_priority(-50)
def on_page_content(html, /, *, page, config, files):
    return post_pages.insert_blocks(html, build.of(config).blocks.get(page.file.src_uri, {}))


def on_page_context(context, /, *, page, config, nav):
    state = build.of(config)
    listed = state.list_pages.get(page.file.src_uri)
    if listed is not None:
        urls = [other.url for other in state.list_pages.values()]
        context["pagination"] = pagination.pagination("Sidor med inlägg", listed.number, urls, lambda url: get_relative_url(url, page.url))
        context["post_cards"] = [home.post_card(post) for post in listed.posts]
        return context
    # Only in `mkdocs serve`: a held-back post is previewed behind a banner that says why.
    post = state.shown_posts.get(page.file.src_uri)
    if post is not None and not post.published:
        context["preview_held"] = post.held_reason
    return context


def _url_of(page, files):
    """A path in the site (a src_uri, or a page's address) as a URL relative to `page`."""
    def url_of(path: str) -> str:
        file = files.get_file_from_path(path)
        return get_relative_url(file.url if file else path, page.url)
    return url_of
