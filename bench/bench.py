"""Stödlänken benchmark: our real build on synthetic content against a plain Material site.

    .venv/bin/python bench/bench.py                 # N=1000 posts, M=500 services
    .venv/bin/python bench/bench.py --small         # N=20, M=10: a quick check
    .venv/bin/python bench/bench.py --posts 200 --services 100 --no-lighthouse --no-serve

Generates both sites in a temp dir from the contracts in DESIGN.md (see generate.py),
builds each with the real `mkdocs build`, and prints Markdown tables (paste them into
README.md): build time, peak memory, output size, HTML per page, compressed transfer of
the home, a post, a service and the directory page, Lighthouse mobile scores, and the
`mkdocs serve` rebuild after an edit. Budgets are those of issue 7 / DESIGN.md.
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

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
KB = 1024
MB = 1024 * 1024
# Budgets (issue 7): gzip KB for pages, ratios and seconds for the build.
CRITICAL_BUDGET = {"home": 14}
TOTAL_BUDGET = {"home": 50, "post": 80, "service": 80, "directory": 80}
HTML_PER_PAGE_BUDGET = 50  # KB
BUILD_RATIO_BUDGET = 0.5
REBUILD_BUDGET = 5.0  # s
PERFORMANCE_BUDGET = 98


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
    parser.add_argument("--lighthouse", action=argparse.BooleanOptionalAction, default=True, help="run Lighthouse on our four pages")
    parser.add_argument("--lighthouse-plain", action="store_true", help="also run Lighthouse on the plain site's pages")
    parser.add_argument("--serve", action=argparse.BooleanOptionalAction, default=True, help="time the `mkdocs serve` rebuild after editing a post")
    parser.add_argument("--repeat", type=int, default=3, help="warm builds of each site, in turn; the table shows the median")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (sites, build logs)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to make the temp dir (default: the system temp dir)")
    args = parser.parse_args(argv)
    if args.small:
        args.posts, args.services = 20, 10
    return args


def _run(args, work: Path, today: date) -> int:
    out: list[str] = [f"## Benchmark: N={args.posts} posts, M={args.services} services", "", *_machine(), ""]
    _say(f"generating content in {work}")
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
    out += _build_table(our_build, plain_build, our_stats, plain_stats, our_warm, plain_warm, args.repeat)
    warnings = [line for line in our_build.problem_lines() if line.startswith("WARNING")]
    if warnings:
        out += ["", f"Stödlänken build warnings ({len(warnings)}), first 5:", *[f"    {line}" for line in warnings[:5]]]

    our_pages = _our_pages(ours, work / "stodlanken-site")
    plain_pages = _plain_pages(plain, work / "plain-site")
    _say("measuring page weight in Chromium")
    with measure.static_server(work / "stodlanken-site") as our_url, measure.static_server(work / "plain-site") as plain_url:
        our_loads = measure.page_loads(our_url, [page for page in our_pages.values() if page])
        plain_loads = measure.page_loads(plain_url, [page for page in plain_pages.values() if page])
        out += ["", *_weight_table(work, our_pages, plain_pages, our_loads, plain_loads)]
        if args.lighthouse:
            out += ["", *_lighthouse_table(our_url, our_pages, plain_url if args.lighthouse_plain else None, plain_pages)]
    if args.serve:
        _say("timing mkdocs serve rebuilds after edits")
        post = ours.root / "docs" / "inlagg" / "posts" / f"{ours.posts[len(ours.posts) // 2]['slug']}.md"
        service = ours.root / "support_directory" / "services" / f"{ours.services[len(ours.services) // 2]}.yml"
        edits = [
            (f"a sentence appended to a post (`{post.name}`)", post, "\nEn mening till, skriven av benchmarken.\n"),
            (f"a comment appended to a service (`{service.name}`): everything is rebuilt", service, "\n# ändrad av benchmarken\n"),
        ]
        out += ["", *_serve_table(measure.serve_rebuild(ours.root, edits))]
    print("\n".join(out))
    return 0


# --- what to measure -----------------------------------------------------------------


def _our_pages(project: generate.Project, site_dir: Path) -> dict[str, str | None]:
    film = next((post for post in project.posts if post["type"] == "film"), project.posts[0] if project.posts else None)
    service = next((sid for sid in project.services if sid.startswith("testtjanst-")), None)
    pages = {
        "home": "/",
        "post": f"/inlagg/{film['slug']}/" if film else None,
        "service": f"/stod/tjanst/{service}/" if service else None,
        "directory": "/stod/",
    }
    return {name: page if page and (site_dir / page.lstrip("/") / "index.html").is_file() else None for name, page in pages.items()}


def _plain_pages(project: generate.Project, site_dir: Path) -> dict[str, str | None]:
    film = next((post for post in project.posts if post["type"] == "film"), None)
    post = next((path for path in (site_dir / "blog").rglob(film["slug"]) if path.is_dir()), None) if film else None
    return {
        "home": "/",
        "post": "/" + post.relative_to(site_dir).as_posix() + "/" if post else None,
        "service": f"/tjanster/{project.services[0]}/" if project.services else None,
        "directory": "/tjanster/",
    }


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
        "### Build",
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


def _weight_table(work, our_pages, plain_pages, our_loads, plain_loads) -> list[str]:
    lines = [
        "### Page weight (gzip -9, KB)",
        "",
        "Critical path = HTML + render-blocking CSS/JS in `<head>`. Total = every response on load in "
        "mobile Chromium (360×640), images and media excluded; off-origin requests are blocked and counted.",
        "",
        "| page | site | URL | critical path | total w/o images | requests | budget |",
        "| --- | --- | --- | ---: | ---: | ---: | --- |",
    ]
    notes = []
    for name in ("home", "post", "service", "directory"):
        for site, pages, loads, site_dir in (("Stödlänken", our_pages, our_loads, work / "stodlanken-site"), ("plain", plain_pages, plain_loads, work / "plain-site")):
            page = pages[name]
            if page is None:
                lines.append(f"| {name} | {site} | (page missing) | – | – | – | |")
                continue
            critical = measure.critical_path(site_dir, page)
            load = loads.get(page)
            total = load.total / KB if load and not load.error else None
            budget = ""
            if site == "Stödlänken":
                checks = []
                if name in CRITICAL_BUDGET:
                    checks.append(f"crit ≤ {CRITICAL_BUDGET[name]}: {_ok(critical.total / KB <= CRITICAL_BUDGET[name])}")
                checks.append(f"total ≤ {TOTAL_BUDGET[name]}: {_ok(total is not None and total <= TOTAL_BUDGET[name])}")
                budget = ", ".join(checks)
            requests = f"{load.requests}" + (f" (+{load.media_requests} media)" if load and load.media_requests else "") if load else "–"
            lines.append(f"| {name} | {site} | `{page}` | {critical.total / KB:.1f} | {f'{total:.1f}' if total is not None else 'error'} | {requests} | {budget} |")
            nav = measure.nav_bytes(measure.file_for(site_dir, page))
            detail = f"- {site} {name}: HTML {critical.html / KB:.1f} KB" + (f" (of it, primary navigation: {nav / KB:.0f} KB uncompressed)" if nav else "")
            if critical.blocking:
                detail += "; blocking " + ", ".join(f"`{path}` {size / KB:.1f}" for path, size in critical.blocking)
            if load and load.error:
                detail += f"; load error: {load.error}"
            elif load:
                detail += "; by type " + ", ".join(f"{kind} {size / KB:.1f}" for kind, size in sorted(load.by_type.items(), key=lambda item: -item[1]))
                detail += "; largest " + ", ".join(f"`{path}` {size / KB:.1f}" for path, size in load.largest[:3])
                if load.search:
                    detail += "; **search data fetched on load**: " + ", ".join(f"`{path}` {size / KB:.1f}" for path, size in load.search[:3])
                if load.off_origin:
                    detail += f"; {len(load.off_origin)} off-origin blocked (e.g. {load.off_origin[0]})"
            notes.append(detail)
    return lines + ["", *notes]


def _lighthouse_table(our_url, our_pages, plain_url, plain_pages) -> list[str]:
    binary, why = measure.lighthouse_binary(BENCH)
    if binary is None:
        return ["### Lighthouse", "", f"Skipped: {why}."]
    lines = [
        "### Lighthouse (mobile, simulated throttling)",
        "",
        "| page | site | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    notes = []
    runs = [("Stödlänken", our_url, our_pages)] + ([("plain", plain_url, plain_pages)] if plain_url else [])
    for site, base, pages in runs:
        for name, page in pages.items():
            if page is None:
                continue
            _say(f"  lighthouse {site} {name} {page}")
            result = measure.lighthouse(binary, base.rstrip("/") + page)
            if result.error and not result.scores:
                lines.append(f"| {name} | {site} | error: {result.error} | | | | | | | |")
                continue
            score = lambda key: str(result.scores.get(key, "–"))  # noqa: E731
            metric = lambda key: result.metrics.get(key, "–").replace("\xa0", " ")  # noqa: E731
            perf_ok = "" if site != "Stödlänken" else (" ✓" if result.scores.get("performance", 0) >= PERFORMANCE_BUDGET else " ✗")
            lines.append(
                f"| {name} | {site} | {score('performance')}{perf_ok} | {score('accessibility')} | {score('best-practices')} | {score('seo')} | "
                f"{metric('first-contentful-paint')} | {metric('largest-contentful-paint')} | {metric('total-blocking-time')} | {metric('cumulative-layout-shift')} |"
            )
            if result.failing:
                notes.append(f"- {site} {name}: " + ", ".join(result.failing[:8]))
    return lines + (["", "Audits not passed, the worst layout shift, DOM size over 800 elements:", *notes] if notes else [])


def _serve_table(result: measure.ServeResult) -> list[str]:
    fmt = lambda value: f"{value:.1f} s" if value is not None else "–"  # noqa: E731
    lines = [
        "### mkdocs serve (as `make serve`: --livereload --dirty)",
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
