"""`make check`: validate all content without building the site, and say what will be published.

Prints every problem grouped by file, then a summary for editors: published posts,
held-back posts and why, services and consents due for review. Exit status 1 when a
strict build would stop, 0 otherwise.

    PYTHONPATH=hooks python -m stodlanken.check [mkdocs.yml]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import yaml

from stodlanken import i18n, messages
from stodlanken.problems import Problem
from stodlanken.site import EVERY_LANGUAGE, Site, build_date, read


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it (the last of two equal keys wins); tags such as !ENV
    or !!python/name do not matter here."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_site(config_file: Path, today: date) -> Site:
    """The site as the build reads it. A broken mkdocs.yml is reported (by `read`), not raised."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_LenientLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        config = None
    config = config if isinstance(config, dict) else {}
    root = config_file.resolve().parent
    docs_dir = config.get("docs_dir") if isinstance(config.get("docs_dir"), str) else "docs"
    return read(root, root / docs_dir, config, today, language=EVERY_LANGUAGE)


def report(site: Site) -> list[str]:
    lines: list[str] = []
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in site.problems:
        by_file[problem.path].append(problem)
    for path in sorted(by_file):
        lines.append(path)
        for problem in sorted(by_file[path], key=lambda p: (p.line or 0, p.field)):
            kind = "påminnelse" if problem.warning else "fel"
            where = f"rad {problem.line}" if problem.line else "filen"
            lines.append(f"  {where}: {kind}: {problem.field}: {problem.message} — {problem.fix}")
        lines.append("")

    published = site.published_posts
    held = [post for post in site.posts if post.valid and not post.published]
    services_due = [p for p in site.problems if p.field == "verified"]
    consents_due = [p for p in site.problems if p.warning and "consent" in p.field]
    lines.append("Sammanfattning")
    lines.append(f"  Publiceras: {len(published)} inlägg, {len(site.directory.services)} stödtjänster")
    lines.append(f"  Hålls tillbaka: {len(held)} inlägg")
    lines.extend(f"    {post.path}: {post.held_reason}" for post in held)
    lines.append(f"  Tjänster att kontrollera igen: {len(services_due)}")
    lines.extend(f"    {p.path}: {p.message}" for p in services_due)
    lines.append(f"  Samtycken att se över: {len(consents_due)}")
    lines.extend(f"    {p.path}: {p.message}" for p in consents_due)
    if len(site.settings.languages) > 1:
        lines.extend(language_report(site))
    errors = len(site.errors)
    lines.append(f"  Fel: {errors}" + (" – bygget stoppas tills de är rättade." if errors else " – allt kan publiceras."))
    return lines


def language_report(site: Site) -> list[str]:
    """Per language: its posts, the strings its catalogue lacks, and whether anyone has reviewed it."""
    msgids = [message.id for message in messages.template(site.root) if message.id]
    lines = ["  Språk:"]
    for language in site.settings.languages:
        posts = sum(1 for post in site.published_posts if post.lang == language.code)
        where = f"/{language.prefix}/" if language.prefix else "/"
        if language.is_source:
            lines.append(f"    {language.name} ({language.code}, {where}): källspråket, {posts} inlägg")
            continue
        words = site.words[language.prefix]
        missing = words.missing(msgids)
        review = f"granskad av {words.review.by} {words.review.on}" if words.review.done else \
            ("inte granskad – publiceras inte (unreviewed: hold)" if site.settings.unreviewed == "hold"
             else "inte granskad – varje sida säger det")
        lines.append(f"    {language.name} ({language.code}, {where}): {len(missing)} av {len(msgids)} texter saknas, {review}, {posts} inlägg")
        directory = site.directory
        situations = sum(1 for situation in directory.situations if situation.text("title", language.code)[1])
        services = sum(1 for service in directory.services.values() if service.text("summary", language.code)[1])
        lines.append(f"      katalogen: {situations} av {len(directory.situations)} situationer och {services} av "
                     f"{len(directory.services)} tjänster har text på språket (translations:), resten visas på svenska")
        rel = i18n.catalogue_path(site.root, language).relative_to(site.root).as_posix()
        lines.extend(f"      {rel}: saknas: {_short(msgid)}" for msgid in missing)
    return lines


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return f"”{text}”" if len(text) <= width else f"”{text[:width - 1]}…”"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    config_file = Path(args[0] if args else "mkdocs.yml")
    site = load_site(config_file, build_date())
    print("\n".join(report(site)))
    return 1 if site.errors else 0


if __name__ == "__main__":
    sys.exit(main())
