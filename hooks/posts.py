"""Posts by young people: consent gate, privacy and accessible media (see hooks/stodlanken/posts.py, post_loader.py and post_pages.py).

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
import os
import posixpath
from pathlib import Path
from urllib.parse import quote as urlquote

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from stodlanken import consent, home, media, post_pages, posts, recordings, site
from stodlanken.problems import relpath

log = logging.getLogger("mkdocs.hooks.posts")


def on_files(files, /, *, config):
    loaded = site.load(config)
    for post in loaded.posts:
        if post.valid and not post.published:
            log.info(f"{post.path}: publiceras inte – {post.held_reason}")
    preview = site.is_preview(config)
    for uri in consent.unpublished_files([file.src_uri for file in files], loaded.posts, site.BLOG_DIR, preview=preview):
        files.remove(files.get_file_from_path(uri))
    _remove_named_by_errors(files, loaded)
    shown = loaded.shown_posts(preview=preview)
    _publish_clean_media(files, shown, preview, config)
    by_source = {post.src_uri: post for post in shown}
    for file in files:
        if file.src_uri in by_source:
            _move(file, post_pages.post_dest_uri(by_source[file.src_uri]), config)
        elif posts.in_posts_dir(file.src_uri, site.BLOG_DIR):
            _move(file, post_pages.media_dest_uri(file.dest_uri, site.BLOG_DIR), config)
    _add_list_pages(files, shown, config)
    return files


def on_page_markdown(markdown, /, *, page, config, files):
    if page.file.src_uri in _list_pages(config):
        page.meta["template"] = "post-list.html"
        return markdown
    post = _post_of(page, config)
    if post is None:
        return markdown
    for key in consent.PRIVATE_KEYS:
        page.meta.pop(key, None)
    page.meta["description"] = post.summary
    page.meta["template"] = "post.html"

    def url_of(path: str) -> str:
        file = files.get_file_from_path(path)
        return get_relative_url(file.url if file else path, page.url)

    env = _templates(config)
    services, situations = post_pages.support_links(post, site.load(config).directory, url_of)
    transcript = (Path(config.docs_dir) / post.transcript).read_text(encoding="utf-8") if post.transcript else None
    # Our own HTML goes in after the editor's text has been sanitised (on_page_content).
    page._stodlanken_blocks = {
        "lead": env.get_template("partials/post-lead.html").render(post=post),
        "media": env.get_template("partials/post-media.html").render(media=media.media_view(post, Path(config.docs_dir), url_of, _image_cache(config))),
        "support": env.get_template("partials/post-support.html").render(services=services, situations=situations, credits=post.credits),
    }
    return post_pages.post_markdown(markdown, transcript=transcript)


# After hooks/privacy.py (priority 50) has sanitised what the editor wrote.
@event_priority(-50)
def on_page_content(html, /, *, page, config, files):
    return post_pages.insert_blocks(html, getattr(page, "_stodlanken_blocks", {}))


def on_page_context(context, /, *, page, config, nav):
    pages = _list_pages(config)
    listed = pages.get(page.file.src_uri)
    if listed is not None:
        context["post_list"] = listed
        context["post_list_urls"] = [other.url for other in pages.values()]
        context["post_cards"] = [home.post_card(post) for post in listed.posts]
        return context
    # Only in `mkdocs serve`: a held-back post is previewed behind a banner that says why.
    post = _post_of(page, config)
    if post is not None and not post.published:
        context["preview_held"] = post.held_reason
    return context


def _post_of(page, config) -> posts.Post | None:
    shown = getattr(config, "_stodlanken_shown_posts", None)
    if shown is None:
        shown = {post.src_uri: post for post in site.load(config).shown_posts(preview=site.is_preview(config))}
        config._stodlanken_shown_posts = shown
    return shown.get(page.file.src_uri)


def _move(file: File, dest_uri: str, config) -> None:
    """Publish a file at another address. MkDocs derives `url` and `abs_dest_path` from
    `dest_uri` once and keeps them, so all three are set (as File's own setter would)."""
    file.dest_uri = dest_uri
    directory, name = posixpath.split(dest_uri)
    file.url = urlquote(f"{directory}/" if config.use_directory_urls and name == "index.html" else dest_uri)
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest_uri))


def _add_list_pages(files, shown: list[posts.Post], config) -> None:
    """`/inlagg/` is the editor's page (made here if it is missing); `/inlagg/sida/2/` and on
    are made here, with its title."""
    first = files.get_file_from_path(f"{site.BLOG_DIR}/index.md")
    title = (get_data(first.content_string)[1].get("title") if first else None) or "Inlägg"
    pages = post_pages.list_pages(shown, site.BLOG_DIR, site.load(config).numbers["posts_per_page"])
    for page in pages:
        if page.number > 1 or first is None:
            files.append(File.generated(config, page.src_uri, content=post_pages.list_page_source(title, page)))
    config._stodlanken_list_pages = {page.src_uri: page for page in pages}


def _list_pages(config) -> dict[str, post_pages.ListPage]:
    return getattr(config, "_stodlanken_list_pages", {})


def _remove_named_by_errors(files, loaded) -> None:
    """A media file an error names (a broken image, a GIF, a film outside a post) is not
    published, not even by `mkdocs serve`, which shows the error and goes on. Pages are not
    removed here: posts pass the consent gate, the files no build may publish are left out
    by hooks/pages.py, and other pages are published sanitised (hooks/privacy.py)."""
    named = {problem.path for problem in loaded.errors}
    if not named:
        return
    for file in list(files):
        if file.abs_src_path and not file.is_documentation_page() and relpath(Path(file.abs_src_path), loaded.root) in named:
            files.remove(file)


def _publish_clean_media(files, shown: list[posts.Post], preview: bool, config) -> None:
    """Every image, recording and caption file that reaches `site/` is a clean copy named by
    its content: `inlagg/posts/media/kim-andersson.mp3` is published as `inlagg/media/<hash>.mp3`."""
    post_images = consent.published_images(shown, preview=preview)
    docs_images = {file.src_uri for file in files if _is_docs_image(file, config)} - post_images
    images = sorted(post_images | docs_images)
    media.make_renditions([Path(file.abs_src_path) for uri in images if (file := files.get_file_from_path(uri))], _image_cache(config))
    for uri in images:
        _replace_with_clean_image(files, uri, config, sizes=uri in post_images)
    for post in shown:
        for uri in (post.video, post.audio):
            if uri:
                _replace_with_clean_recording(files, uri, config)
        if post.captions and (file := files.get_file_from_path(post.captions)):
            _move(file, _beside(post.captions, media.content_name(Path(file.abs_src_path))), config)


def _is_docs_image(file, config) -> bool:
    """An image an editor put anywhere in docs/ (not the theme's own, not a generated one)."""
    return (Path(file.src_uri).suffix.lower() in posts.IMAGE_EXTS and file.abs_src_path is not None
            and Path(file.abs_src_path).is_relative_to(config.docs_dir)
            and not posts.in_posts_dir(file.src_uri, site.BLOG_DIR))


def _replace_with_clean_image(files, uri: str, config, *, sizes: bool = True) -> None:
    """Swap the image for a copy made from its pixels only (no EXIF, GPS, XMP or comments),
    named by its content; with `sizes` (posts' images) add its smaller and WebP renditions,
    made the same way, for `srcset`. The clean copy keeps the image's `src_uri`, so MkDocs
    points Markdown's `![](kim.jpg)` at the new name."""
    original = files.get_file_from_path(uri)
    if original is None:
        return
    files.remove(original)
    made = media.renditions(Path(original.abs_src_path), _image_cache(config))
    for rendition in made if sizes else made[:1]:
        address = media.rendition_uri(uri, rendition)
        if rendition.suffix and files.get_file_from_path(address) is not None:
            continue  # the same image twice: published once
        file = File.generated(config, address, abs_src_path=str(rendition.file))
        if not uri.startswith(media.PROJECT_ASSETS):
            _move(file, media.published_uri(uri, rendition), config)
        files.append(file)


def _replace_with_clean_recording(files, uri: str, config) -> None:
    """Swap the audio or video for its copy without metadata (made while the posts were loaded)."""
    original = files.get_file_from_path(uri)
    if original is None:
        return
    files.remove(original)
    try:
        clean = recordings.clean(Path(original.abs_src_path), Path(config.config_file_path).parent / recordings.CACHE_DIR)
    except recordings.Unreadable:
        return  # reported while loading; never published as it is
    file = File.generated(config, uri, abs_src_path=str(clean.file))
    _move(file, _beside(uri, clean.file.name), config)
    files.append(file)


def _beside(uri: str, name: str) -> str:
    return posixpath.join(posixpath.dirname(uri), name)


def _image_cache(config) -> Path:
    return Path(config.config_file_path).parent / media.CACHE_DIR


def _templates(config):
    env = getattr(config, "_stodlanken_post_env", None)
    if env is None:
        env = config.theme.get_env()
        config._stodlanken_post_env = env
    return env
