"""What reaches `site/` from docs/, and under which name: the posts hook's work on MkDocs' files.

In the order hooks/posts.py runs them, before anything is written:

- `leave_out`: held-back and invalid posts and the media only they use (the consent gate,
  stodlanken/consent.py), and every media file an error names;
- `clean_media`: every image, recording and caption file swapped for a clean copy named by
  its content (stodlanken/media.py, recordings.py);
- `give_addresses`: a post at `/inlagg/<slug>/`, the posts' media beside them;
- `add_list_pages`: the pages of the list of posts after the first.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote as urlquote

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from stodlanken import consent, media, post_pages, posts, recordings
from stodlanken.problems import relpath
from stodlanken.site import POSTS_SECTION

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from stodlanken.build import Build
    from stodlanken.site import Site


def leave_out(files: Files, state: Build) -> None:
    """Take out what no build may publish. Pages are not removed for other errors: the files
    no build may publish are left out by hooks/pages.py, and other pages are published
    sanitised (hooks/privacy.py)."""
    loaded = state.site
    for uri in consent.unpublished_files([file.src_uri for file in files], loaded.posts, POSTS_SECTION, preview=state.preview):
        files.remove(files.get_file_from_path(uri))
    _remove_named_by_errors(files, loaded)


def clean_media(files: Files, state: Build) -> None:
    """Every image, recording and caption file that reaches `site/` is a clean copy named by
    its content: `inlagg/posts/media/kim-andersson.mp3` is published as `inlagg/media/<hash>.mp3`."""
    config, shown = state.config, list(state.shown_posts.values())
    post_images = consent.published_images(shown, preview=state.preview)
    # A film's poster is shown by <video poster>, which takes one image: no smaller copies.
    pictured = {uri for post in shown for uri in post.images if not (post.type == "film" and uri == post.poster)}
    docs_images = {file.src_uri for file in files if _is_docs_image(file, config)} - post_images
    images = sorted(post_images | docs_images)
    media.make_renditions([Path(file.abs_src_path) for uri in images if (file := files.get_file_from_path(uri))], state.cache.images)
    for uri in images:
        _replace_with_clean_image(files, uri, state, sizes=uri in post_images and uri in pictured)
    for post in shown:
        for uri in (post.video, post.audio):
            if uri:
                _replace_with_clean_recording(files, uri, state)
        for captions in post.captions:
            if file := files.get_file_from_path(captions.uri):
                move(file, _beside(captions.uri, media.content_name(Path(file.abs_src_path))), config)


def give_addresses(files: Files, state: Build) -> None:
    """A post at `/inlagg/<slug>/`, short and readable in a story; the media of the posts
    folder beside the posts (`/inlagg/media/…`, what feeds and shared links use)."""
    for file in files:
        if file.src_uri in state.shown_posts:
            move(file, post_pages.post_dest_uri(state.shown_posts[file.src_uri]), state.config)
        elif posts.in_posts_dir(file.src_uri, POSTS_SECTION):
            move(file, post_pages.media_dest_uri(file.dest_uri, POSTS_SECTION), state.config)


def add_list_pages(files: Files, state: Build) -> dict[str, post_pages.ListPage]:
    """The pages of the list of posts, by src_uri. `/inlagg/` is the editor's page (made here
    if it is missing); `/inlagg/sida/2/` and on are made here, with its title."""
    first = files.get_file_from_path(f"{POSTS_SECTION}/index.md")
    title = (get_data(first.content_string)[1].get("title") if first else None) or "Inlägg"
    pages = post_pages.list_pages(list(state.shown_posts.values()), POSTS_SECTION, state.settings.posts_per_page)
    for page in pages:
        if page.number > 1 or first is None:
            files.append(File.generated(state.config, page.src_uri, content=post_pages.list_page_source(title, page)))
    return {page.src_uri: page for page in pages}


def move(file: File, dest_uri: str, config: MkDocsConfig) -> None:
    """Publish a file at another address. MkDocs derives `url` and `abs_dest_path` from
    `dest_uri` once and keeps them, so all three are set (as File's own setter would)."""
    file.dest_uri = dest_uri
    directory, name = posixpath.split(dest_uri)
    file.url = urlquote(f"{directory}/" if config.use_directory_urls and name == "index.html" else dest_uri)
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest_uri))


def _remove_named_by_errors(files: Files, loaded: Site) -> None:
    """A media file an error names (a broken image, a GIF, a film outside a post) is not
    published, not even by `mkdocs serve`, which shows the error and goes on."""
    named = {problem.path for problem in loaded.errors}
    if not named:
        return
    for file in list(files):
        if file.abs_src_path and not file.is_documentation_page() and relpath(Path(file.abs_src_path), loaded.root) in named:
            files.remove(file)


def _is_docs_image(file: File, config: MkDocsConfig) -> bool:
    """An image an editor put anywhere in docs/ (not the theme's own, not a generated one)."""
    return (Path(file.src_uri).suffix.lower() in posts.IMAGE_EXTS and file.abs_src_path is not None
            and Path(file.abs_src_path).is_relative_to(config.docs_dir)
            and not posts.in_posts_dir(file.src_uri, POSTS_SECTION))


def _replace_with_clean_image(files: Files, uri: str, state: Build, *, sizes: bool = True) -> None:
    """Swap the image for a copy made from its pixels only (no EXIF, GPS, XMP or comments),
    named by its content; with `sizes` (posts' images) add its smaller and WebP renditions,
    made the same way, for `srcset`. The clean copy keeps the image's `src_uri`, so MkDocs
    points Markdown's `![](kim.jpg)` at the new name."""
    original = files.get_file_from_path(uri)
    if original is None:
        return
    files.remove(original)
    made = media.renditions(Path(original.abs_src_path), state.cache.images)
    for rendition in made if sizes else made[:1]:
        address = media.rendition_uri(uri, rendition)
        if rendition.suffix and files.get_file_from_path(address) is not None:
            continue  # the same image twice: published once
        file = File.generated(state.config, address, abs_src_path=str(rendition.file))
        if not uri.startswith(media.PROJECT_ASSETS):
            move(file, media.published_uri(uri, rendition), state.config)
        files.append(file)


def _replace_with_clean_recording(files: Files, uri: str, state: Build) -> None:
    """Swap the audio or video for its copy without metadata (made while the posts were loaded)."""
    original = files.get_file_from_path(uri)
    if original is None:
        return
    files.remove(original)
    try:
        clean = recordings.clean(Path(original.abs_src_path), state.cache.recordings)
    except recordings.Unreadable:
        return  # reported while loading; never published as it is
    file = File.generated(state.config, uri, abs_src_path=str(clean.file))
    move(file, _beside(uri, clean.file.name), state.config)
    files.append(file)


def _beside(uri: str, name: str) -> str:
    return posixpath.join(posixpath.dirname(uri), name)
