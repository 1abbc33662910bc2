"""Posts by young people: consent gate, privacy and accessible media (see hooks/stodlanken/posts.py).

- `on_files` takes held-back and invalid posts and their media out of the build before the
  blog plugin sees them, so no page, list, search entry, sitemap line or media file is made.
- `on_page_markdown` removes participant data from the page and adds the players,
  the transcript and "Här får du stöd".
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from stodlanken import media, posts, site

log = logging.getLogger("mkdocs.hooks.posts")


# Default priority (0): before the blog plugin's `on_files` (-50) turns the files into posts.
def on_files(files, /, *, config):
    loaded = site.load(config)
    for post in loaded.posts:
        if post.valid and not post.published:
            log.info(f"{post.path}: publiceras inte – {post.held_reason}")
    preview = site.is_preview(config)
    for uri in posts.unpublished_files([file.src_uri for file in files], loaded.posts, site.BLOG_DIR, preview=preview):
        files.remove(files.get_file_from_path(uri))
    for uri in posts.published_images(loaded.posts, preview=preview):
        _replace_with_clean_image(files, uri, config)
    return files


def on_page_markdown(markdown, /, *, page, config, files):
    post = _post_of(page, config)
    if post is None:
        return markdown
    for key in posts.PRIVATE_KEYS:
        page.meta.pop(key, None)
    page.meta["description"] = post.summary

    def url_of(path: str) -> str:
        file = files.get_file_from_path(path)
        return get_relative_url(file.url if file else path, page.url)

    env = _templates(config)
    services, situations = posts.support_links(post, site.load(config).directory, url_of)
    transcript = (Path(config.docs_dir) / post.transcript).read_text(encoding="utf-8") if post.transcript else None
    return posts.post_markdown(
        markdown,
        lead=env.get_template("partials/post-lead.html").render(post=post),
        media=env.get_template("partials/post-media.html").render(media=media.media_view(post, Path(config.docs_dir), url_of, _image_cache(config))),
        transcript=transcript,
        support=env.get_template("partials/post-support.html").render(services=services, situations=situations, credits=post.credits),
        separator=_separator(config),
    )


def on_page_context(context, /, *, page, config, nav):
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


def _replace_with_clean_image(files, uri: str, config) -> None:
    """Swap the image for a copy made from its pixels only (no EXIF, GPS, XMP or comments),
    and add its smaller and WebP renditions, made the same way, for `srcset`."""
    original = files.get_file_from_path(uri)
    if original is None:
        return
    files.remove(original)
    for rendition in media.renditions(Path(original.abs_src_path), _image_cache(config)):
        address = media.rendition_uri(uri, rendition)
        if rendition.suffix and files.get_file_from_path(address) is not None:
            continue  # an editor's file of that name wins
        files.append(File.generated(config, address, abs_src_path=str(rendition.file)))


def _image_cache(config) -> Path:
    return Path(config.config_file_path).parent / media.CACHE_DIR


def _templates(config):
    env = getattr(config, "_stodlanken_post_env", None)
    if env is None:
        env = config.theme.get_env()
        config._stodlanken_post_env = env
    return env


def _separator(config) -> str:
    blog = config.plugins.get("material/blog")
    return blog.config.post_excerpt_separator if blog else "<!-- more -->"
