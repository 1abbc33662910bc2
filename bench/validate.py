"""Outside checkers on every page: the W3C Nu HTML Checker (vnu) and pa11y (HTML_CodeSniffer, WCAG2AA).

    make validate                                   # build the example site (every language) into a temp dir, check it
    .venv/bin/python bench/validate.py --site DIR   # check a site already built (e.g. site/ after make build)

Both checkers are pinned in bench/package-lock.json and installed into bench/node_modules
with `npm ci` on first use (Node 18 or newer and npm; vnu needs Java 11 or newer: on
Debian `apt-get install nodejs npm default-jre-headless`). pa11y drives Debian's Chromium
(`/usr/bin/chromium`, or $CHROMIUM) as bench/pa11y.json says; nothing is downloaded at check
time and pages are served on 127.0.0.1 only.

vnu reads every `.html` file of the build, in every language; pa11y loads the pages of
the languages `--pa11y-languages` names (default Swedish, Arabic right to left and Somali:
the layout is the same in each, and seven times the pages would take seven times as long)
from the local server, at a phone's width (360×640) and at pa11y's default desktop width
(1280×1024).
First each checker is run on two pages made here, one valid and one broken, so that a
checker that reports nothing because it did not run cannot pass for a clean site.

Prints every error by page, then the count per checker. Exit status: 0 when both checkers
find no error on any page, 1 when they find errors (or the site does not build), 2 when a
checker cannot be run or misses the broken page's errors.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import measure

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VNU_JAR = BENCH / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y_CONFIG = BENCH / "pa11y.json"
PA11Y_PAGES = BENCH / "pa11y-pages.cjs"
VIEWPORTS = [
    {"width": 360, "height": 640, "deviceScaleFactor": 2, "isMobile": True, "hasTouch": True},
    {"width": 1280, "height": 1024},
]

# The checkers' own check: a valid page, and a page with an error of each kind both
# checkers know (an image without alt, an unlabelled checkbox, a duplicate id).
GOOD_PAGE = """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hel sida</title></head>
<body><main><h1>Hel sida</h1><p>Allt här stämmer.</p></main></body>
</html>
"""
BROKEN_PAGE = """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trasig sida</title></head>
<body><main><h1>Trasig sida</h1>
<img src="bild.png">
<input type="checkbox" id="val">
<p id="samma">Ett</p><p id="samma">Två</p>
</main></body>
</html>
"""


@dataclass
class Finding:
    page: str  # URL path, e.g. /stod/
    where: str  # line:column (vnu) or the element (pa11y)
    message: str
    code: str = ""  # pa11y's rule code
    widths: list[str] = field(default_factory=list)  # pa11y: the viewport widths where it was found


@dataclass
class Report:
    checker: str  # name and version
    pages: int = 0
    errors: list[Finding] = field(default_factory=list)
    warnings: int = 0
    problem: str | None = None  # the checker could not run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="check this built site instead of building the example site")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (the built site)")
    parser.add_argument("--pa11y-languages", nargs="*", default=["", "ar", "so"],
                        help="the prefixes of the languages pa11y loads (\"\" Swedish, at the root)")
    args = parser.parse_args(argv)

    if args.site and not (args.site / "index.html").is_file():
        return _fail(f"{args.site} is not a built site (no index.html)")
    ready, why = measure.node_tools(BENCH)
    if not ready:
        return _fail(why)
    java = shutil.which("java")
    if java is None:
        return _fail("vnu needs Java 11 or newer: no `java` on PATH (Debian: apt-get install default-jre-headless)")

    work = Path(tempfile.mkdtemp(prefix="stodlanken-validate-"))
    try:
        if not _checkers_catch_errors(java, work / "canary"):
            return 2
        site = args.site.resolve() if args.site else _build_example(work / "site")
        if site is None:
            return 1
        _say(f"checking {site}")
        reports = [run_vnu(java, site), run_pa11y(site, _pa11y_pages(site, args.pa11y_languages))]
        print("\n".join(_report_lines(reports, site)))
        if any(report.problem for report in reports):
            return 2
        return 1 if any(report.errors for report in reports) else 0
    finally:
        if args.keep:
            _say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


# --- the checkers --------------------------------------------------------------------


def run_vnu(java: str, site: Path) -> Report:
    """vnu on every .html file of `site`, in one JVM."""
    version = subprocess.run([java, "-jar", str(VNU_JAR), "--version"], capture_output=True, text=True).stdout.strip()
    report = Report(f"vnu {version} (W3C Nu HTML Checker)", pages=len(_html_files(site)))
    command = [java, "-jar", str(VNU_JAR), "--skip-non-html", "--format", "json", "--stdout", "--exit-zero-always", str(site)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    try:
        messages = json.loads(done.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        report.problem = f"vnu gave no report (exit {done.returncode}): {(done.stderr or done.stdout).strip()[-300:]}"
        return report
    for message in messages:
        kind = message.get("type")
        if kind == "info":
            report.warnings += message.get("subType") == "warning"
            continue
        # "error", and "non-document-error" (a file vnu could not read) count as errors.
        where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"
        report.errors.append(Finding(_page_of(site, message.get("url", "")), where, message.get("message", kind)))
    return report


def run_pa11y(site: Path, files: list[Path] | None = None) -> Report:
    """pa11y (HTML_CodeSniffer, WCAG2AA) on the pages `files` (default every page) of `site`,
    served on 127.0.0.1, one browser."""
    pages = [_url_path(site, path) for path in (files if files is not None else _html_files(site))]
    report = Report("pa11y", pages=len(pages))
    with measure.static_server(site) as base:
        request = {"config": str(PA11Y_CONFIG), "urls": [base.rstrip("/") + page for page in pages], "viewports": VIEWPORTS}
        done = subprocess.run(["node", str(PA11Y_PAGES)], input=json.dumps(request), capture_output=True, text=True, timeout=1800, cwd=BENCH)
    try:
        answer = json.loads(done.stdout)
    except json.JSONDecodeError:
        report.problem = f"pa11y gave no report (exit {done.returncode}): {(done.stderr or done.stdout).strip()[-400:]}"
        return report
    report.checker = f"pa11y {answer['pa11y']} (HTML_CodeSniffer {answer['htmlcs']}, WCAG2AA)"
    found: dict[tuple, Finding] = {}
    for result in answer["results"]:
        page = urlsplit(result["url"]).path
        width = f"{result['viewport']['width']} px"
        if result.get("error"):
            report.errors.append(Finding(page, width, f"page could not be checked: {result['error']}"))
        for issue in result["issues"]:
            if issue.get("type") != "error":
                report.warnings += 1
                continue
            key = (page, issue.get("code"), issue.get("selector"))
            if key in found:  # the same error at the other width is one error, seen at both
                found[key].widths.append(width)
                continue
            found[key] = Finding(page, issue.get("selector") or "", issue.get("message", "").strip(), issue.get("code", ""), [width])
    report.errors += found.values()
    return report


def _checkers_catch_errors(java: str, canary: Path) -> bool:
    """Both checkers on a valid and a broken page: none on the first, some on the second."""
    canary.mkdir(parents=True)
    (canary / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    (canary / "trasig").mkdir()
    (canary / "trasig" / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    _say("checking the checkers on a valid and a broken page")
    ok = True
    for report in (run_vnu(java, canary), run_pa11y(canary)):
        if report.problem:
            print(f"{report.checker}: cannot run: {report.problem}", file=sys.stderr)
            ok = False
            continue
        on_good = [finding for finding in report.errors if finding.page == "/"]
        on_broken = [finding for finding in report.errors if finding.page == "/trasig/"]
        if on_good or len(on_broken) < 2:
            print(f"{report.checker} does not check as expected: {len(on_good)} errors on the valid page "
                  f"(expected 0), {len(on_broken)} on the broken one (expected 2 or more)", file=sys.stderr)
            for finding in on_good + on_broken:
                print(f"    {finding.page} {finding.where}: {finding.message}", file=sys.stderr)
            ok = False
        else:
            _say(f"  {report.checker}: 0 errors on the valid page, {len(on_broken)} on the broken one")
    return ok


# --- the example site ----------------------------------------------------------------


def _build_example(site: Path) -> Path | None:
    _say(f"building the example site in every language (as make build) into {site}")
    command = [sys.executable, "-m", "stodlanken.languages", "build", "--strict", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**measure.ENV, "PYTHONPATH": str(ROOT / "hooks")})
    if done.returncode != 0:
        log = (done.stdout + done.stderr).splitlines()
        print("The example site does not build (mkdocs build --strict); its last lines:", *log[-20:], sep="\n")
        return None
    return site


def _pa11y_pages(site: Path, prefixes: list[str]) -> list[Path]:
    """The pages of the languages `prefixes` ("" Swedish): a language's pages are in its folder."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from stodlanken.check import load_site
    from stodlanken.site import build_date

    others = {language.prefix for language in load_site(ROOT / "mkdocs.yml", build_date()).settings.languages} - set(prefixes) - {""}
    return [path for path in _html_files(site) if path.relative_to(site).parts[0] not in others]


def _html_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.is_file())


def _url_path(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    return "/" + (rel[: -len("index.html")] if rel.endswith("/index.html") else rel)


def _page_of(site: Path, file_url: str) -> str:
    path = Path(unquote(urlsplit(file_url).path))
    try:
        return _url_path(site, path)
    except ValueError:
        return file_url


# --- output --------------------------------------------------------------------------


def _report_lines(reports: list[Report], site: Path) -> list[str]:
    lines: list[str] = []
    for report in reports:
        pages_with_errors = len({finding.page for finding in report.errors})
        lines += ["", f"## {report.checker}: {len(report.errors)} errors on {pages_with_errors} of {report.pages} pages"]
        if report.problem:
            lines.append(f"could not run: {report.problem}")
            continue
        page = None
        for finding in sorted(report.errors, key=lambda finding: finding.page):
            if finding.page != page:
                page = finding.page
                lines.append(f"{page}")
            only = f" (at {finding.widths[0]} only)" if len(finding.widths) == 1 and len(VIEWPORTS) > 1 else ""
            lines.append(f"    {finding.where}: {finding.message}" + (f" [{finding.code}]" if finding.code else "") + only)
        common = [(what, count) for what, count in Counter(f.code or f.message for f in report.errors).most_common(8) if count > 1]
        if common:
            lines += ["", "most frequent:", *[f"    {count:4d} × {what}" for what, count in common]]
    lines += ["", "| checker | errors | pages with errors | pages checked | warnings (not counted) |", "| --- | ---: | ---: | ---: | ---: |"]
    for report in reports:
        errors = "could not run" if report.problem else str(len(report.errors))
        lines.append(f"| {report.checker} | {errors} | {len({f.page for f in report.errors})} | {report.pages} | {report.warnings} |")
    clean = not any(report.errors or report.problem for report in reports)
    lines += ["", f"{site}: " + ("no errors." if clean else "NOT valid: see the errors above.")]
    return lines


def _fail(why: str) -> int:
    print(f"validate: {why}", file=sys.stderr)
    return 2


def _say(message: str) -> None:
    print(f"[validate] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
