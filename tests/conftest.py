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

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What makes up a project: copied into a temp dir for tests that change content.
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "support_directory"]
# One clock: every test runs as of this day. The example's facts were checked on 2026-11-24,
# so the suite does not start failing when they age (the age rules have their own tests).
# Set here, at import, so unit tests, `make check` and `mkdocs` subprocesses all see it;
# only tests/test_clock.py looks at the real calendar, to prove that nothing else does.
BUILD_DATE = "2026-11-25"
TODAY = date.fromisoformat(BUILD_DATE)
os.environ["STODLANKEN_TODAY"] = BUILD_DATE


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


def copy_project(destination: Path, source: Path = ROOT) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, destination / part)
    return destination


@pytest.fixture
def build():
    """`build(project_dir, strict=True)` → Build(ok, output, site_dir)."""
    return run_build


@pytest.fixture
def copy_example(tmp_path):
    """`copy_example(tmp_path_or_none)` → a copy of the example project to change and build."""

    def _copy(destination: Path | None = None) -> Path:
        return copy_project((destination or tmp_path) / "project")

    return _copy


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


def facade_project(destination: Path) -> Path:
    """The example project plus a page with video facades (tests/fixtures/privacy_facade)."""
    project = copy_project(destination)
    shutil.copytree(ROOT / "tests" / "fixtures" / "privacy_facade" / "docs", project / "docs", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="session")
def facade_site(tmp_path_factory) -> Path:
    """`facade_project` built once per test run (strict), for the privacy and safety tests."""
    base = tmp_path_factory.mktemp("facade")
    result = run_build(facade_project(base / "project"), site_dir=base / "site")
    assert result.ok, result.output
    return result.site_dir


# An editor's post with what must never run: each must be refused by a strict build, and
# a non-strict build (or the preview) must publish the page with all of it removed.
UNSAFE_POST = "docs/inlagg/posts/brak-hemma.md"
UNSAFE_BODY = """
<script>window.__pwned = "script"; alert("script")</script>

<img src=x onerror="window.__pwned = 'onerror'; alert('onerror')">

[Klicka här](javascript:window.__pwned='link';alert('link'))

<meta http-equiv="refresh" content="0;url=https://example.com/">
"""


def unsafe_post_project(destination: Path) -> Path:
    project = copy_project(destination)
    post = project / UNSAFE_POST
    post.write_text(post.read_text(encoding="utf-8") + UNSAFE_BODY, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def unsafe_post_build(tmp_path_factory) -> Build:
    """`unsafe_post_project` built once per test run, without --strict (as the preview would)."""
    base = tmp_path_factory.mktemp("unsafe")
    return run_build(unsafe_post_project(base / "project"), strict=False, site_dir=base / "site")


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
