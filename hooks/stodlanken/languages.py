"""Build the site in every language: `python -m stodlanken.languages build [mkdocs build options]`.

One `mkdocs build` per language, each in a process of its own (mkdocs-static-i18n reruns
every hook per language inside one build, and crashes on our generated pages; Material's
maintainer recommends one project per language). Swedish, the first language, is built
first into `--site-dir`; every other one after it into `<site-dir>/<prefix>/`, with
STODLANKEN_LANG set, so each language's build reads the one directory, the one set of
posts and the one `.cache/` but makes only its own pages. A language that nobody has
reviewed is left out when `extra.stodlanken.unreviewed` is `hold`.

Swedish first: a content error stops its strict build before the others start, so every
mistake is reported once. Hosts read only the `_headers` at the top of the site: each
language's is merged into it (stodlanken/privacy.py writes them).

Status 0 when every build succeeded; else the first failing build's status.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from stodlanken import i18n, privacy
from stodlanken.check import load_site
from stodlanken.site import build_date


def published_languages(config_file: Path) -> tuple[i18n.Language, ...]:
    """The languages `make build` publishes, Swedish first."""
    return load_site(config_file, build_date()).published_languages


def build(args: list[str]) -> int:
    site_dir = Path(_option(args, "--site-dir") or "site")
    config_file = Path(_option(args, "--config-file") or "mkdocs.yml")
    rest = _without(args, "--site-dir")
    for language in published_languages(config_file):
        target = site_dir / language.prefix if language.prefix else site_dir
        env = {**os.environ, i18n.ENV: language.code}
        command = [sys.executable, "-m", "mkdocs", "build", *rest, "--site-dir", str(target)]
        done = subprocess.run(command, env=env, check=False)
        if done.returncode:
            return done.returncode
        if language.prefix:
            privacy.merge_headers(site_dir / "_headers", target / "_headers", f"/{language.prefix}")
    return 0


def _option(args: list[str], name: str) -> str | None:
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _without(args: list[str], name: str) -> list[str]:
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg == name:
            skip = True
        elif not arg.startswith(name + "="):
            out.append(arg)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] != "build":
        print("usage: python -m stodlanken.languages build [mkdocs build options]", file=sys.stderr)
        return 2
    return build(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
