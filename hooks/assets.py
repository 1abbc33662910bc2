"""What a browser gets besides the pages (see hooks/stodlanken/assets.py):

- `on_files` leaves out every file of the theme (Material's CSS, JavaScript, fonts and
  icons: no page uses them) and publishes our scripts, minified, named by their content;
- `on_env` gives the templates `assets`: the minified stylesheets to inline, the scripts'
  addresses and the favicon's;
- `on_post_build` removes `sitemap.xml.gz`, which MkDocs writes beside `sitemap.xml` and
  nothing asks for.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from stodlanken import assets

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    theme_dirs = {os.path.normpath(folder) for folder in config.theme.dirs}
    for file in list(files):
        if file.src_dir is not None and os.path.normpath(file.src_dir) in theme_dirs:
            files.remove(file)
    for script in _load(config).published:
        file = File.generated(config, script.src_uri, content=script.text)
        file.dest_uri = script.path  # before anything reads `url`, which MkDocs derives from it
        files.append(file)
    return files


def on_env(env, /, *, config: MkDocsConfig, files: Files):
    favicon = files.get_file_from_path(config.theme.get("favicon") or "")
    env.globals["assets"] = dataclasses.replace(_load(config), favicon=favicon.url if favicon else None)
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    Path(config.site_dir, "sitemap.xml.gz").unlink(missing_ok=True)


def _load(config: MkDocsConfig) -> assets.Assets:
    return assets.load(Path(config.theme.custom_dir))
