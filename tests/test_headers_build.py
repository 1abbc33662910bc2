"""`_headers` of the example site, read as Netlify and Cloudflare Pages read it: every rule
whose pattern matches a request applies, and a header set by two rules is joined. So each
published file must match exactly one Cache-Control rule: for a year (`immutable`) what is
named by its content, five minutes for the rest."""

from __future__ import annotations

import re
from pathlib import Path

LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"


def rules(site: Path) -> list[tuple[str, dict[str, str]]]:
    """[(pattern, {header: value})] in file order."""
    found: list[tuple[str, dict[str, str]]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("/"):
            found.append((line.strip(), {}))
        else:
            name, value = line.strip().split(":", 1)
            found[-1][1][name] = value.strip()
    return found


def matches(pattern: str, path: str) -> bool:
    """The hosts' pattern language: `*` matches anything (also nothing), `:name` one path segment."""
    regex = "".join(".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
                    for part in re.split(r"(\*|:[A-Za-z]\w*)", pattern))
    return re.fullmatch(regex, path) is not None


def requested(site: Path) -> list[str]:
    """What a browser asks for: directory URLs for pages, the path for anything else."""
    paths = []
    for file in sorted(site.rglob("*")):
        if file.is_file() and file.name != "_headers":
            relative = file.relative_to(site).as_posix()
            paths.append("/" + relative.removesuffix("index.html"))
    return paths


def cache_control(site: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    parsed = rules(site)
    for path in requested(site):
        found[path] = [headers["Cache-Control"] for pattern, headers in parsed if "Cache-Control" in headers and matches(pattern, path)]
    return found


def test_every_published_file_has_exactly_one_cache_control(example_site):
    found = cache_control(example_site)
    assert len(found) > 100
    assert {path: values for path, values in found.items() if len(values) != 1} == {}


def test_files_named_by_their_content_are_kept_for_a_year_and_pages_five_minutes(example_site):
    found = {path: values[0] for path, values in cache_control(example_site).items()}
    scripts = [path for path in found if path.startswith("/assets/javascripts/")]
    media = [path for path in found if path.startswith("/inlagg/media/")]
    assert scripts and media
    for path in scripts + media:
        assert found[path] == LONG, path
        assert re.search(r"[0-9a-f]{10,}", path.rsplit("/", 1)[1]), path
    long = {path for path, value in found.items() if value == LONG}
    assert long == set(scripts + media)
    for page in ("/", "/inlagg/", "/inlagg/brak-hemma/", "/stod/", "/stod/tjanst/bris/", "/akut/", "/om/", "/404.html",
                 "/feed.xml", "/stod.json", "/assets/favicon.svg", "/pagefind/pagefind.js", "/l/hemma/"):
        assert found[page] == SHORT, page


def test_the_rule_for_every_path_keeps_its_security_headers_and_no_cache_control(example_site):
    parsed = rules(example_site)
    everything = [headers for pattern, headers in parsed if pattern == "/*"]
    assert len(everything) == 1
    assert "Content-Security-Policy" in everything[0] and "Cache-Control" not in everything[0]
    assert len(parsed) <= 100  # Cloudflare Pages reads at most 100 rules
