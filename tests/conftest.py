"""Shared fixtures: real MkDocs builds into temp dirs, and a real Chromium.

Builds run the `mkdocs` command in a subprocess, as an editor would, so every build
imports the hooks afresh and its output (errors, tracebacks) can be asserted on.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What makes up a project: copied into a temp dir for tests that change content.
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "support_directory", "locales"]
# One clock: every test runs as of this day. The example's facts were checked on 2026-11-24,
# so the suite does not start failing when they age (the age rules have their own tests).
# Set here, at import, so unit tests, `make check` and `mkdocs` subprocesses all see it;
# only tests/test_clock.py looks at the real calendar, to prove that nothing else does.
BUILD_DATE = "2026-11-25"
TODAY = date.fromisoformat(BUILD_DATE)
os.environ["STODLANKEN_TODAY"] = BUILD_DATE
# MkDocs' own clock (the sitemap's <lastmod>, the gzip header of sitemap.xml.gz) is set from
# this day by the build itself (stodlanken/build.py); the tests leave it to the build, so
# tests/test_clock.py can prove that.
os.environ.pop("SOURCE_DATE_EPOCH", None)

# One page of each type in the example site: the accessibility passes (browser/test_a11y.py)
# and the page-weight budgets (test_budgets_build.py) go through all of them.
PAGE_TYPES = {
    "home": "",
    "post: film": "inlagg/vart-vander-jag-mig/",
    "post: slideshow": "inlagg/fem-stallen/",
    "post: podcast": "inlagg/att-vaga-prata/",
    "post: text": "inlagg/brak-hemma/",
    "post list": "inlagg/",
    "situation": "stod/ma-daligt/",
    "service": "stod/tjanst/bris/",
    "service with opening hours": "stod/tjanst/helsingborg-ungdomsmottagningen/",
    "directory": "stod/",
    "akut": "akut/",
    "about": "om/",
    "privacy": "integritet/",
    "safe browsing": "surfa-sakert/",
    "accessibility statement": "tillganglighet/",
    "search": "sok/",
    "poster of a post": "affisch/inlagg/fem-stallen/",
    "poster of a situation": "affisch/stod/hemma/",
    "not found": "404.html",
}


def preview_env() -> dict[str, str]:
    """The environment for a `mkdocs serve` the tests start. Under `faketime -f +400d make test`
    (the check that nothing reads the real calendar) libfaketime also shifts the monotonic
    clock, and the preview's rebuild loop, which waits on that clock, never wakes up after an
    edit. Timers are not the calendar: the preview keeps the real monotonic clock. (Set here
    only: changing it in the running test process makes libfaketime's clock jump there.)"""
    return {**os.environ, "FAKETIME_DONT_FAKE_MONOTONIC": "1"}


@dataclass
class Build:
    ok: bool
    output: str  # stdout and stderr of `mkdocs build`
    site_dir: Path

    def files(self) -> list[Path]:
        return sorted(path for path in self.site_dir.rglob("*") if path.is_file())

    def text_of_all_files(self) -> str:
        """Every output file as text (binary files decoded loosely), to search for leaks."""
        return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in self.files())


def run_build(project: Path, *, strict: bool = True, site_dir: Path | None = None, dirty: bool = False) -> Build:
    site_dir = site_dir or project.parent / f"{project.name}-site"
    command = [*MKDOCS, "build", "--dirty" if dirty else "--clean", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life notice, on every build
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600, env=env)
    return Build(result.returncode == 0, result.stdout + result.stderr, site_dir)


def copy_project(destination: Path, source: Path = ROOT, *, case: str | None = None, warm_cache: bool = True) -> Path:
    """A copy of the project at `source` (the example) in `destination`, with the fixture
    case tests/fixtures/<case>/ laid over it, and its `.cache/` seeded from the example's."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, destination / part)
    if case:
        apply_case(destination, case)
    if warm_cache:
        seed_cache(destination, source / ".cache")
    return destination


# --- Fixture projects: tests/fixtures/<case>/ (tests/fixtures/README.md) -------------------

FIXTURES = ROOT / "tests" / "fixtures"
CASE_FILE = "case.yml"  # what the case changes in the example's own files; not copied
NOT_COPIED = {CASE_FILE, "README.md"}


def apply_case(project: Path, case: str) -> None:
    """Lay tests/fixtures/<case>/ over a copy of the example: `remove:` first, then the
    case's files (same layout as the project), then `copy:` and `edit:` from its case.yml.
    An edit whose text is not in the file fails here, naming it, so a case cannot silently
    stop applying when the example changes."""
    folder = FIXTURES / case
    assert folder.is_dir(), f"no fixture case {folder}"
    spec = yaml.safe_load((folder / CASE_FILE).read_text(encoding="utf-8")) if (folder / CASE_FILE).exists() else {}
    for relative in spec.get("remove", []):
        target = project / relative
        assert target.exists(), f"{case}/{CASE_FILE}: remove: {relative} is not in the example"
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and relative.as_posix() not in NOT_COPIED:
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, project / relative)
    for copy in spec.get("copy", []):
        assert (project / copy["from"]).is_file(), f"{case}/{CASE_FILE}: copy: {copy['from']} is not in the example"
        shutil.copy2(project / copy["from"], project / copy["to"])
    for edit in spec.get("edit", []):
        target = project / edit["file"]
        text = target.read_text(encoding="utf-8")
        if "replace" in edit:
            assert edit["replace"] in text, f"{case}/{CASE_FILE}: {edit['replace']!r} is not in {edit['file']}"
            text = text.replace(edit["replace"], edit["with"])
        if "append" in edit:
            text += edit["append"]
        target.write_text(text, encoding="utf-8")


def seed_cache(project: Path, warm: Path) -> None:
    """A copy in project/.cache/ of what a build of the example left in `warm`: share cards,
    QR codes, image renditions and cleaned media, so a copy of the project does not make
    them again (a cold copy builds in about four times the time of a warm one). The hooks
    find each file by a hash of what it is made from, so a copy that changes content makes
    only what changed. Copied, not linked: a couple of megabytes, and no build of a copy can
    touch the example's own. The preview's files (kept by page, not by hash) are left out."""
    if warm.is_dir():
        shutil.copytree(warm, project / ".cache", dirs_exist_ok=True,
                        ignore=lambda folder, names: [name for name in names if name == "preview" or name.endswith(".tmp")])


@pytest.fixture(scope="session")
def warm_cache(example_build) -> Path:
    """The example's `.cache/`, warm: the example is built (once per run) before any copy."""
    return ROOT / ".cache"


@pytest.fixture
def build():
    """`build(project_dir, strict=True)` → Build(ok, output, site_dir)."""
    return run_build


@pytest.fixture
def copy_example(tmp_path, warm_cache):
    """`copy_example(tmp_path_or_none, case=None)` → a copy of the example project to change
    and build (with tests/fixtures/<case>/ laid over it)."""

    def _copy(destination: Path | None = None, *, case: str | None = None) -> Path:
        return copy_project((destination or tmp_path) / "project", case=case)

    return _copy


@pytest.fixture(scope="session")
def new_project(tmp_path_factory, warm_cache):
    """`new_project(case=None)` → a fresh copy of the example, for module- or session-scoped
    fixtures (tests use `copy_example`)."""

    def _new(case: str | None = None) -> Path:
        return copy_project(tmp_path_factory.mktemp(case or "example-copy") / "project", case=case)

    return _new


def build_languages(project: Path, site: Path) -> subprocess.CompletedProcess:
    """Every language of `project` into `site`, as `make build` does."""
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "stodlanken.languages", "build", "--strict", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def languages_site(new_project) -> Path:
    """The example in all its languages (Swedish at /, the others under /<prefix>/), built once."""
    project = new_project()
    site = project.parent / "site"
    done = build_languages(project, site)
    assert done.returncode == 0 and "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return site


@pytest.fixture(scope="session")
def case_build(new_project):
    """`case_build(case, strict=True)` → Build of tests/fixtures/<case>/ laid over the
    example, built once per test run and shared: read its project and site, never change
    them (copy the case with `copy_example(case=...)` to change it)."""
    projects: dict[str, Path] = {}
    builds: dict[tuple[str, bool], Build] = {}

    def _build(case: str, strict: bool = True) -> Build:
        if (case, strict) not in builds:
            project = projects.setdefault(case, new_project(case))
            site = project.parent / ("site" if strict else "lenient-site")
            builds[case, strict] = run_build(project, strict=strict, site_dir=site)
        return builds[case, strict]

    return _build


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> Build:
    """The example site of this repository, built once per test run (strict)."""
    base = tmp_path_factory.mktemp("example")
    result = run_build(ROOT, site_dir=base / "site")
    assert result.ok, f"The example site does not build:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def example_site(example_build) -> Path:
    return example_build.site_dir


@pytest.fixture(scope="session")
def facade_site(case_build) -> Path:
    """The example plus a page with video facades (tests/fixtures/privacy_facade), built
    once per test run (strict), for the privacy and safety tests."""
    result = case_build("privacy_facade")
    assert result.ok, result.output
    return result.site_dir


# tests/fixtures/unsafe_post: an editor's post with what must never run. Each must be
# refused by a strict build, and a non-strict build (or the preview) must publish the page
# with all of it removed.
UNSAFE_POST = "docs/inlagg/posts/brak-hemma.md"


@pytest.fixture(scope="session")
def unsafe_post_build(case_build) -> Build:
    """tests/fixtures/unsafe_post built once per test run, without --strict (as the preview would)."""
    return case_build("unsafe_post", strict=False)


# --- Browser -----------------------------------------------------------------------

CHROMIUM_HELP = (
    "No Chromium for the browser tests. Install one: on Debian/Ubuntu `sudo apt-get install chromium` "
    "(used from /usr/bin/chromium), or `.venv/bin/playwright install chromium` where downloads work, "
    "or set CHROMIUM=/path/to/chrome."
)
# Flags that keep Chromium from calling home (this machine and CI have no network).
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM); None lets Playwright use its own download."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(f"{CHROMIUM_HELP}\n({error.message.splitlines()[0]})", pytrace=False)
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def serve():
    """`serve(site_dir)` → base URL (http://127.0.0.1:<free port>/) of a static server."""
    servers = []

    def _serve(site_dir: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield _serve
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def example_url(serve, example_site) -> str:
    return serve(example_site)


# --- Every page of a site, loaded once per window width ------------------------------

# Reports every CSP violation the page sees (the console message is checked too).
WATCH_CSP = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@dataclass
class Visit:
    """What a page did when it was loaded."""

    url: str  # where it ended up: a short link's is the page it sends to
    requests: list[str]  # everything it fetched, the page itself included
    policies: int  # its <meta http-equiv="Content-Security-Policy"> elements
    violations: list[str]  # what the policy blocked
    console: list[str]
    cookie: str
    stored: int  # entries in localStorage
    scrolls_sideways: bool


def html_pages(site: Path) -> list[str]:
    """Every page of a built site, as its path from the site's root ("" is the home page)."""
    return sorted(
        path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
        if not path.relative_to(site).as_posix().startswith("assets/")
    )


def visit_every_page(browser, base: str, site: Path, width: int) -> dict[str, Visit]:
    """Every page of `site` (served at `base`) loaded once, one after the other in one tab,
    as a visitor would go from page to page."""
    context = browser.new_context(viewport={"width": width, "height": 640})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    requests: list[str] = []
    console: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: console.append(message.text))
    visits = {}
    try:
        for path in html_pages(site):
            requests.clear()
            console.clear()
            page.goto(base + path)
            if 'http-equiv="refresh"' in (site / (path or ".") / ("" if path.endswith(".html") else "index.html")).read_text(encoding="utf-8"):
                page.wait_for_url(lambda address, here=base + path: address != here)  # a short link: follow it
            page.wait_for_load_state("load")
            visits[path] = Visit(
                url=page.url, requests=list(requests), console=list(console),
                policies=page.locator('meta[http-equiv="Content-Security-Policy"]').count(),
                violations=page.evaluate("window.__violations"), cookie=page.evaluate("document.cookie"),
                stored=page.evaluate("localStorage.length"),
                scrolls_sideways=page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
            )
    finally:
        context.close()
    return visits


@pytest.fixture(scope="session")
def every_page(browser, serve, facade_site):
    """`every_page(width)` → {path: Visit}: every page of the facade site (the example plus
    a page with video facades) in a window `width` × 640 px, each loaded once per run, what
    it did shared by the tests that read it (tests/browser/test_pages.py, test_safety.py)."""
    base = serve(facade_site)
    visits: dict[int, dict[str, Visit]] = {}

    def _every_page(width: int) -> dict[str, Visit]:
        if width not in visits:
            visits[width] = visit_every_page(browser, base, facade_site, width)
        return visits[width]

    return _every_page


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- Say how many browser tests ran, so a run that skipped them cannot pass unseen --

_browser_outcomes: dict[str, int] = {}


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.browser)


def pytest_runtest_logreport(report):
    if "browser" in report.keywords and (report.when == "call" or report.outcome != "passed"):
        _browser_outcomes[report.outcome] = _browser_outcomes.get(report.outcome, 0) + 1


def pytest_terminal_summary(terminalreporter):
    counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(_browser_outcomes.items())) or "none ran"
    terminalreporter.write_line(f"Browser tests in Chromium ({chromium_path() or 'Playwright build'}): {counts}")
