"""Stödlänken benchmark: our real build on the example site and on synthetic content, against a plain Material site.

    .venv/bin/python bench/bench.py                 # the example site, and N=1000 posts / M=500 services
    .venv/bin/python bench/bench.py --small         # the example site, and N=20 / M=10: a quicker check
    .venv/bin/python bench/bench.py --sizes generated --posts 200 --services 100 --no-lighthouse --no-serve

For each size (the example site as it is, and the generated one, see generate.py) it builds
our site and a plain Material site with as many posts and pages, with the real `mkdocs
build`, and measures every page type (home, each post type, the list of posts, a
situation, a service, /stod/, /akut/, the about pages, search, the posters, 404): the
critical path and the total without media (gzip), and Lighthouse mobile's four scores,
with the plain site's nearest page beside it and the budgets of issue 14 marked. For the
generated size also build time, peak memory and output size, and the `mkdocs serve`
rebuild after an edit. Prints Markdown tables (paste them into README.md).
Exit status 1 when our build fails (its error lines are printed).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

import generate
import measure
import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
KB = 1024
MB = 1024 * 1024
# Budgets. Issue 14, for every page type: critical path (HTML + render-blocking CSS, gzip)
# in one round trip, the page without media, and Lighthouse mobile 100 in all four categories.
CRITICAL_BUDGET = 14  # KB
TOTAL_BUDGET = 50  # KB
LIGHTHOUSE_BUDGET = 100
# Issue 7, for the build.
HTML_PER_PAGE_BUDGET = 50  # KB
BUILD_RATIO_BUDGET = 0.5
REBUILD_BUDGET = 5.0  # s
SIZES = ("example", "generated")
ABOUT_PAGES = {"om": "/om/", "integritet": "/integritet/", "surfa säkert": "/surfa-sakert/", "tillgänglighet": "/tillganglighet/"}


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    today = date.today()
    work = Path(tempfile.mkdtemp(prefix="stodlanken-bench-", dir=args.workdir))
    try:
        return _run(args, work, today)
    finally:
        if args.keep:
            _say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000, help="N synthetic posts (all four types in turn)")
    parser.add_argument("--services", type=int, default=500, help="M synthetic services")
    parser.add_argument("--small", action="store_true", help="N=20, M=10 (overrides --posts/--services)")
    parser.add_argument("--sizes", nargs="+", choices=SIZES, default=list(SIZES), help="the example site as it is, the generated one, or both")
    parser.add_argument("--lighthouse", action=argparse.BooleanOptionalAction, default=True, help="run Lighthouse on every page type")
    parser.add_argument("--lighthouse-plain", action=argparse.BooleanOptionalAction, default=True, help="and on the plain site's pages")
    parser.add_argument("--serve", action=argparse.BooleanOptionalAction, default=True, help="time the `mkdocs serve` rebuild after editing a post")
    parser.add_argument("--languages", nargs="*", default=["sv", "ar", "so"],
                        help="the languages built for the per-language table (the generated size; none: skip it)")
    parser.add_argument("--repeat", type=int, default=3, help="warm builds of each site, in turn; the table shows the median")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (sites, build logs)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to make the temp dir (default: the system temp dir)")
    args = parser.parse_args(argv)
    if args.small:
        args.posts, args.services = 20, 10
    return args


def _run(args, work: Path, today: date) -> int:
    out: list[str] = ["## Benchmark", "", *_machine(), ""]
    lighthouse = None
    if args.lighthouse:
        lighthouse, why = measure.lighthouse_binary(BENCH)
        if lighthouse is None:
            out += [f"Lighthouse skipped: {why}.", ""]
    if "example" in args.sizes:
        status = _example_size(args, work, today, lighthouse, out)
        if status:
            return status
    if "generated" in args.sizes:
        status = _generated_size(args, work, today, lighthouse, out)
        if status:
            return status
    print("\n".join(out))
    return 0


def _example_size(args, work: Path, today: date, lighthouse: Path | None, out: list[str]) -> int:
    """The example site as it is in this repository, beside a plain Material site with as many posts and pages."""
    posts = len(list((ROOT / "docs" / "inlagg" / "posts").glob("*.md")))
    services = len(list((ROOT / "support_directory" / "services").glob("*.yml")))
    _say(f"example site: building it (mkdocs build --strict) and a plain Material site with {posts} posts and {services} pages")
    site = work / "example-site"
    ours = measure.build(ROOT, site, strict=True, log_path=work / "example-build.log")
    if not ours.ok:
        out += ["The example site's build FAILED; its problem lines:", *ours.problem_lines()[:40]]
        print("\n".join(out))
        return 1
    plain = generate.plain_project(work / "plain-example", posts=posts, services=services, today=today)
    plain_build = measure.build(plain.root, work / "plain-example-site", strict=False)
    if not plain_build.ok:
        print("\n".join(out + ["Plain Material build FAILED:", *plain_build.log.splitlines()[-15:]]))
        return 1
    out += [
        f"### Example site ({posts} posts, {services} services): every page type",
        "",
        f"Built in {ours.seconds:.1f} s (plain Material: {plain_build.seconds:.1f} s), {measure.site_stats(site).html_pages} HTML pages.",
        "",
        *_page_types_section(ROOT, site, plain, work / "plain-example-site", lighthouse, args.lighthouse_plain),
        "",
    ]
    return 0


def _generated_size(args, work: Path, today: date, lighthouse: Path | None, out: list[str]) -> int:
    _say(f"generating N={args.posts} posts, M={args.services} services in {work}")
    ours = generate.stodlanken_project(ROOT, work / "stodlanken", posts=args.posts, services=args.services, today=today)
    plain = generate.plain_project(work / "plain", posts=args.posts, services=args.services, today=today)

    _say("building Stödlänken (mkdocs build --strict)")
    our_build = measure.build(ours.root, work / "stodlanken-site", strict=True)
    if not our_build.ok:
        print("\n".join(out + ["Stödlänken build FAILED; its problem lines:", *our_build.problem_lines()[:40]]))
        print("\n(last lines of the log)\n" + "\n".join(our_build.log.splitlines()[-15:]))
        return 1
    _say(f"  {our_build.seconds:.1f} s; building the plain Material site (mkdocs build)")
    plain_build = measure.build(plain.root, work / "plain-site", strict=False)
    if not plain_build.ok:
        print("\n".join(out + ["Plain Material build FAILED:", *plain_build.log.splitlines()[-15:]]))
        return 1
    _say(f"  {plain_build.seconds:.1f} s; building both again {args.repeat}× in turn (warm: the project's own caches, e.g. .cache/, kept)")
    our_runs, plain_runs = [], []
    for _ in range(args.repeat):
        our_runs.append(measure.build(ours.root, work / "stodlanken-site", strict=True))
        plain_runs.append(measure.build(plain.root, work / "plain-site", strict=False))
        _say(f"  {our_runs[-1].seconds:.1f} s and {plain_runs[-1].seconds:.1f} s")
    our_warm, plain_warm = _median(our_runs), _median(plain_runs)
    our_stats, plain_stats = measure.site_stats(work / "stodlanken-site"), measure.site_stats(work / "plain-site")
    out += [f"### Generated site: N={args.posts} posts, M={args.services} services", ""]
    out += _build_table(our_build, plain_build, our_stats, plain_stats, our_warm, plain_warm, args.repeat)
    warnings = [line for line in our_build.problem_lines() if line.startswith("WARNING")]
    if warnings:
        out += ["", f"Stödlänken build warnings ({len(warnings)}), first 5:", *[f"    {line}" for line in warnings[:5]]]
    if len(args.languages) > 1:
        out += ["", *_languages_section(ours.root, work, args.languages, our_warm)]
    out += ["", f"#### Every page type, N={args.posts} / M={args.services}", ""]
    out += _page_types_section(ours.root, work / "stodlanken-site", plain, work / "plain-site", lighthouse, args.lighthouse_plain)
    if args.serve:
        _say("timing mkdocs serve rebuilds after edits")
        post = ours.root / "docs" / "inlagg" / "posts" / f"{ours.posts[len(ours.posts) // 2]['slug']}.md"
        service = ours.root / "support_directory" / "services" / f"{ours.services[len(ours.services) // 2]}.yml"
        edits = [
            (f"a sentence appended to a post (`{post.name}`)", post, "\nEn mening till, skriven av benchmarken.\n"),
            (f"a comment appended to a service (`{service.name}`): everything is rebuilt", service, "\n# ändrad av benchmarken\n"),
        ]
        out += ["", *_serve_table(measure.serve_rebuild(ours.root, edits))]
    out.append("")
    return 0


def _languages_section(project: Path, work: Path, codes: list[str], first: measure.BuildResult) -> list[str]:
    """Each language's own build (as `make build` runs them, one after another, warm
    caches), its output, and the whole site's as languages are added."""
    _keep_languages(project / "mkdocs.yml", codes)
    _say(f"building the languages {', '.join(codes)} one by one (STODLANKEN_LANG, as make build does)")
    rows, total_seconds, total_mb = [], 0.0, 0.0
    lines = [f"#### Languages: {len(codes)} ({', '.join(codes)}), each built on its own", "",
             "| language | build, warm, s | HTML pages | output, MB | whole site with the languages so far: s / MB |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for code in codes:
        folder = work / f"language-{code}"
        result = measure.build(project, folder, strict=True, env={"STODLANKEN_LANG": code})
        if not result.ok:
            return [*lines, f"| {code} | FAILED: {'; '.join(result.problem_lines()[:3])} | | | |"]
        stats = measure.site_stats(folder)
        megabytes = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6
        total_seconds += result.seconds
        total_mb += megabytes
        rows.append(f"| {code} | {result.seconds:.1f} | {stats.html_pages} | {megabytes:.1f} | {total_seconds:.1f} / {total_mb:.1f} |")
        _say(f"  {code}: {result.seconds:.1f} s, {megabytes:.1f} MB")
    return [*lines, *rows, "",
            f"(The Swedish build above, with all seven languages in the chooser: {first.seconds:.1f} s.) A language other than "
            "Swedish has only the posts made in it (none here), so it is the directory, the about pages and the chooser."]


def _keep_languages(config: Path, codes: list[str]) -> None:
    """Only `codes` in `extra.stodlanken.languages` of the generated project's mkdocs.yml."""
    import re

    text = config.read_text(encoding="utf-8")
    block = re.search(r"(\n    languages:\n)((?:      .*\n)+)", text)
    entries = re.findall(r"      - code: .*\n(?:        .*\n)*", block.group(2))
    kept = [entry for entry in entries if entry.split("code:", 1)[1].split()[0] in codes]
    config.write_text(text.replace(block.group(2), "".join(kept)), encoding="utf-8")


# --- what to measure -----------------------------------------------------------------


def _our_page_types(project: Path, site: Path) -> list[tuple[str, str | None]]:
    """(page type, URL path) for every page type of the design; where a type has many
    pages (posts of a type, situations, services, posters), the one with the most HTML.
    None: no such page at this size (e.g. a second list page)."""
    posts: dict[str, list[str]] = {}
    for path in sorted((project / "docs" / "inlagg" / "posts").glob("*.md")):
        kind = _front_matter(path).get("type")
        posts.setdefault(str(kind), []).append(path.stem)
    situations = [str(item["id"]) for item in yaml.safe_load((project / "support_directory" / "situations.yml").read_text(encoding="utf-8"))]
    services = sorted(path.stem for path in (project / "support_directory" / "services").glob("*.yml"))

    def heaviest(urls: list[str]) -> str | None:
        files = [(url, measure.file_for(site, url)) for url in urls]
        found = [(file.stat().st_size, url) for url, file in files if file]
        return max(found)[1] if found else None

    def page(url: str) -> str | None:
        return url if measure.file_for(site, url) else None

    return [
        ("home", "/"),
        *[(f"post: {kind}", heaviest([f"/inlagg/{slug}/" for slug in posts.get(kind, [])])) for kind in generate.POST_TYPES],
        ("list of posts", page("/inlagg/")),
        ("list of posts, page 2", page("/inlagg/sida/2/")),
        ("situation", heaviest([f"/stod/{sid}/" for sid in situations])),
        ("service", heaviest([f"/stod/tjanst/{sid}/" for sid in services])),
        ("directory", page("/stod/")),
        ("akut", page("/akut/")),
        *[(f"about: {name}", page(url)) for name, url in ABOUT_PAGES.items()],
        ("search", page("/sok/")),
        ("poster: post", heaviest([f"/affisch/inlagg/{slug}/" for slugs in posts.values() for slug in slugs])),
        ("poster: situation", heaviest([f"/affisch/stod/{sid}/" for sid in situations])),
        ("404", page("/404.html")),
    ]


def _plain_kind(page_type: str) -> str | None:
    """The plain Material page nearest to one of ours (a plain site has no posters)."""
    if page_type.startswith("post:"):
        return "post"
    return {
        "home": "home", "list of posts": "list", "list of posts, page 2": "list, page 2", "situation": "index",
        "service": "page", "directory": "index", "akut": "page", "search": "page", "404": "404",
    }.get(page_type, "page" if page_type.startswith("about:") else None)


def _plain_pages(project: generate.Project, site_dir: Path) -> dict[str, str | None]:
    post = next((post for post in project.posts if post["type"] == "film"), project.posts[0] if project.posts else None)
    found = next((path for path in (site_dir / "blog").rglob(post["slug"]) if path.is_dir()), None) if post else None
    pages = {
        "home": "/",
        "post": "/" + found.relative_to(site_dir).as_posix() + "/" if found else None,
        "list": "/blog/",
        "list, page 2": "/blog/page/2/",
        "page": f"/tjanster/{project.services[0]}/" if project.services else None,
        "index": "/tjanster/",
        "404": "/404.html",
    }
    return {kind: url if url and measure.file_for(site_dir, url) else None for kind, url in pages.items()}


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    try:
        return yaml.safe_load(text.split("---", 2)[1]) or {}
    except yaml.YAMLError:
        return {}


# --- tables --------------------------------------------------------------------------


def _machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if line.startswith("model name")), platform.processor())
    ram = next((int(line.split()[1]) / MB for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), 0)
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    commit = _git("rev-parse", "--short", "HEAD") + (" + uncommitted changes" if _git("status", "--porcelain") else "")
    versions = ", ".join(f"{name} {_version(name)}" for name in ("mkdocs", "mkdocs-material"))
    chromium = subprocess.run([measure.CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip() if Path(measure.CHROMIUM).exists() else "no Chromium"
    return [
        f"- Date: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- Machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {ram:.1f} GB RAM, {cpu}; load average {load}",
        f"- Software: Python {platform.python_version()}, {versions}, {chromium}",
        f"- Code: {commit or 'not a git checkout'}",
    ]


def _build_table(ours, plain, our_stats, plain_stats, our_warm, plain_warm, repeat) -> list[str]:
    def row(label, a, b, fmt, budget="", *, ratio=True):
        ratio = f"{a / b:.2f}×" if ratio and b else "–"
        return f"| {label} | {fmt(a)} | {fmt(b)} | {ratio} | {budget} |"

    per_page = our_stats.html_per_page / KB
    ratio = ours.seconds / plain.seconds if plain.seconds else 0
    index = lambda stats: stats.search_index[1] / KB if stats.search_index else 0  # noqa: E731
    return [
        "#### Build",
        "",
        "| | Stödlänken | plain Material | ratio | budget |",
        "| --- | ---: | ---: | ---: | --- |",
        row("HTML pages", our_stats.html_pages, plain_stats.html_pages, str),
        # The first build draws every share card and image size once (kept in .cache/); the
        # budget is for the builds after it, which is every build where .cache/ is kept.
        row("build from scratch (empty .cache/), wall seconds", ours.seconds, plain.seconds, lambda v: f"{v:.1f}",
            f"first build only: {ratio:.1f}× plain"),
        row(f"build again, warm caches, wall seconds (median of {repeat})", our_warm.seconds, plain_warm.seconds, lambda v: f"{v:.1f}",
            f"≤ {BUILD_RATIO_BUDGET}× plain: {_ok(our_warm.seconds / plain_warm.seconds <= BUILD_RATIO_BUDGET)}"),
        row("peak memory (RSS), MB", ours.peak_rss_mb, plain.peak_rss_mb, lambda v: f"{v:.0f}"),
        row("output, MB (all files)", our_stats.bytes / MB, plain_stats.bytes / MB, lambda v: f"{v:.1f}"),
        row("of it images, audio, video, MB", our_stats.media_bytes / MB, plain_stats.media_bytes / MB, lambda v: f"{v:.1f}", ratio=False),
        row("output files", our_stats.files, plain_stats.files, str),
        row("HTML, MB", our_stats.html_bytes / MB, plain_stats.html_bytes / MB, lambda v: f"{v:.1f}"),
        row("HTML per page, KB (mean)", per_page, plain_stats.html_per_page / KB, lambda v: f"{v:.1f}", f"≤ {HTML_PER_PAGE_BUDGET} KB: {_ok(per_page <= HTML_PER_PAGE_BUDGET)}"),
        row("largest HTML page, KB", our_stats.largest_html[1] / KB, plain_stats.largest_html[1] / KB, lambda v: f"{v:.0f}"),
        row("search data on disk, KB", index(our_stats), index(plain_stats), lambda v: f"{v:.0f}"),
        "",
        f"Largest HTML page: ours `{our_stats.largest_html[0]}`, plain `{plain_stats.largest_html[0]}`. "
        f"Search index: ours `{our_stats.search_index[0] if our_stats.search_index else 'none'}`, "
        f"plain `{plain_stats.search_index[0] if plain_stats.search_index else 'none'}`.",
        "",
        "HTML pages by top folder: ours " + _sections(our_stats) + "; plain " + _sections(plain_stats) + ".",
    ]


def _median(runs: list[measure.BuildResult]) -> measure.BuildResult:
    return sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]


def _sections(stats) -> str:
    return ", ".join(f"{folder or '/'} {count}" for folder, count in sorted(stats.sections.items(), key=lambda item: -item[1]))


def _page_types_section(our_root: Path, our_site: Path, plain: generate.Project, plain_site: Path,
                        lighthouse: Path | None, lighthouse_plain: bool) -> list[str]:
    """One row a page type: our page's critical path, total and Lighthouse, the budgets, and the plain site's nearest page."""
    ours = _our_page_types(our_root, our_site)
    plain_pages = _plain_pages(plain, plain_site)
    wanted_plain = {kind: plain_pages.get(kind) for kind in dict.fromkeys(_plain_kind(name) for name, _ in ours) if kind}
    _say(f"  measuring {sum(1 for _, url in ours if url)} page types in Chromium (and {sum(1 for url in wanted_plain.values() if url)} plain pages)")
    with measure.static_server(our_site) as our_url, measure.static_server(plain_site) as plain_url:
        our_loads = measure.page_loads(our_url, [url for _, url in ours if url])
        plain_loads = measure.page_loads(plain_url, [url for url in wanted_plain.values() if url])
        our_scores: dict[str, measure.LighthouseResult] = {}
        plain_scores: dict[str, measure.LighthouseResult] = {}
        if lighthouse:
            for name, url in ours:
                if url:
                    _say(f"  lighthouse {name} {url}")
                    our_scores[url] = measure.lighthouse(lighthouse, our_url.rstrip("/") + url)
            if lighthouse_plain:
                for kind, url in wanted_plain.items():
                    if url:
                        _say(f"  lighthouse plain {kind} {url}")
                        plain_scores[url] = measure.lighthouse(lighthouse, plain_url.rstrip("/") + url)

    lines = [
        "Critical path = HTML + render-blocking CSS/JS in `<head>`, gzip -9 each, from the files. Total = every "
        "response on load in mobile Chromium (360×640), gzip -9 each, images and media excluded. Lighthouse 12, "
        "mobile, simulated throttling: performance / accessibility / best practices / SEO. Budgets: critical "
        f"≤ {CRITICAL_BUDGET} KB, total ≤ {TOTAL_BUDGET} KB, Lighthouse {LIGHTHOUSE_BUDGET} in all four. Where a type "
        "has many pages, the one with the most HTML.",
        "",
        "| page type | URL | critical path, KB | total w/o media, KB | Lighthouse | budgets | plain Material page | plain critical | plain total | plain Lighthouse |",
        "| --- | --- | ---: | ---: | --- | --- | --- | ---: | ---: | --- |",
    ]
    notes: list[str] = []
    met = measured = 0
    for name, url in ours:
        if url is None:
            lines.append(f"| {name} | (none at this size) |" + " |" * 8)
            continue
        kind = _plain_kind(name)
        plain_cells = _plain_cells(plain_site, wanted_plain.get(kind) if kind else None, plain_loads, plain_scores, kind)
        critical = measure.critical_path(our_site, url)
        load = our_loads.get(url)
        total = load.total / KB if load and not load.error else None
        result = our_scores.get(url)
        misses = []
        if critical.total / KB > CRITICAL_BUDGET:
            misses.append(f"critical {critical.total / KB:.1f} > {CRITICAL_BUDGET}")
        if total is None or total > TOTAL_BUDGET:
            misses.append(f"total {f'{total:.1f}' if total is not None else '?'} > {TOTAL_BUDGET}")
        if result is not None:
            low = [f"{key} {result.scores.get(key, '–')}" for key in measure.LIGHTHOUSE_CATEGORIES if result.scores.get(key, 0) < LIGHTHOUSE_BUDGET]
            misses += [f"Lighthouse {', '.join(low)}"] if low else []
        budget = ("**not met**: " + "; ".join(misses)) if misses else ("met" if result is not None else "met (without Lighthouse)")
        measured += 1
        met += not misses
        lines.append(
            f"| {name} | `{url}` | {critical.total / KB:.1f} | {f'{total:.1f}' if total is not None else 'error'} | "
            f"{_scores(result)} | {budget} | {plain_cells} |"
        )
        notes.append(_page_note(name, url, critical, load, result))
    if plain_pages.get("post"):
        notes.append("- plain pages: " + ", ".join(f"{kind} `{url}`" for kind, url in wanted_plain.items() if url)
                     + "; plain Material fetches its whole search index on every page load (counted in its total).")
    summary = f"Budgets met on {met} of {measured} page types" + ("" if our_scores else " (Lighthouse not run)") + "."
    return lines + ["", summary, "", *notes]


def _plain_cells(site: Path, url: str | None, loads, scores, kind: str | None) -> str:
    if not url:
        return ("(no such page)" if kind is None else f"({kind}: missing)") + " | | | "
    critical = measure.critical_path(site, url)
    load = loads.get(url)
    total = f"{load.total / KB:.1f}" if load and not load.error else "error"
    return f"{kind} | {critical.total / KB:.1f} | {total} | {_scores(scores.get(url))}"


def _scores(result: measure.LighthouseResult | None) -> str:
    if result is None:
        return "–"
    if result.error and not result.scores:
        return f"error: {result.error}"
    return " / ".join(str(result.scores.get(key, "–")) for key in measure.LIGHTHOUSE_CATEGORIES)


def _page_note(name: str, url: str, critical: measure.Critical, load: measure.Load | None, result: measure.LighthouseResult | None) -> str:
    note = f"- {name} `{url}`: HTML {critical.html / KB:.1f} KB"
    if critical.blocking:
        note += "; blocking " + ", ".join(f"`{path}` {size / KB:.1f}" for path, size in critical.blocking)
    if load and load.error:
        note += f"; load error: {load.error}"
    elif load:
        note += f"; {load.requests} requests" + (f" (+{load.media_requests} media)" if load.media_requests else "")
        note += ", largest " + ", ".join(f"`{path}` {size / KB:.1f}" for path, size in load.largest[:3])
        if load.search:
            note += "; **search data fetched on load**: " + ", ".join(f"`{path}` {size / KB:.1f}" for path, size in load.search[:3])
        if load.off_origin:
            note += f"; {len(load.off_origin)} off-origin requests blocked (e.g. {load.off_origin[0]})"
    if result is not None:
        metric = lambda key: result.metrics.get(key, "–").replace("\xa0", " ")  # noqa: E731
        note += f"; LCP {metric('largest-contentful-paint')}, TBT {metric('total-blocking-time')}, CLS {metric('cumulative-layout-shift')}"
        if result.error:
            note += f"; Lighthouse: {result.error}"
        if result.failing:
            note += "; not passed: " + ", ".join(result.failing[:8])
    return note


def _serve_table(result: measure.ServeResult) -> list[str]:
    fmt = lambda value: f"{value:.1f} s" if value is not None else "–"  # noqa: E731
    lines = [
        "#### mkdocs serve (as `make serve`: --livereload --dirty)",
        "",
        f"Measured from the `mkdocs serve` log: start → \"Serving on\" ({fmt(result.first_build)}); then each edit → "
        "\"Detected file changes\" → \"Reloading browsers\". The budget is for editing one post.",
        "",
        "| edit | edit → detected | rebuild (MkDocs says) | edit → browsers reloaded | budget |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for number, rebuild in enumerate(result.rebuilds):
        budget = f"< {REBUILD_BUDGET:.0f} s: {_ok(rebuild.reloaded is not None and rebuild.reloaded < REBUILD_BUDGET)}" if number == 0 else ""
        lines.append(f"| {rebuild.what} | {fmt(rebuild.detected)} | {fmt(rebuild.built_in)} | {fmt(rebuild.reloaded)} | {budget} |")
    return lines + (["", f"serve problem: {result.error}"] if result.error else [])


# --- small helpers -------------------------------------------------------------------


def _ok(passed: bool) -> str:
    return "ok" if passed else "**OVER**"


def _say(message: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


if __name__ == "__main__":
    sys.exit(main())
