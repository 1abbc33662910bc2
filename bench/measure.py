"""Measurements: a real `mkdocs build`, the output, page weight (static and in Chromium),
Lighthouse, and the `mkdocs serve` rebuild after an edit.

Sizes are what a phone downloads: each response compressed with gzip -9 on its own.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life notice on every build
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Not counted in "total without images/media" (resource types as Chromium reports them).
MEDIA_TYPES = {"image", "media"}
_MEDIA_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".mp4", ".webm", ".mp3", ".m4a", ".ogg", ".opus", ".wav"}
_TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml", "application/manifest+json")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# --- build ---------------------------------------------------------------------------


@dataclass
class BuildResult:
    ok: bool
    seconds: float
    peak_rss_mb: float
    log: str

    def problem_lines(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith(("ERROR", "WARNING", "Aborted", "Traceback")) or ": error" in line]


def build(project: Path, site_dir: Path, *, strict: bool, log_path: Path | None = None, env: dict | None = None) -> BuildResult:
    """`mkdocs build` in a child process; wall time and that child's own peak RSS (wait4).

    Into an empty folder, as `make build` does (site.new), after the disk has caught up
    (sync), outside the time. A previous output is moved aside, not deleted: this machine
    mounts ext4 with `discard`, and deleting 15,000 files just before a build slowed that
    build's own file calls by up to 8 s (kernel time), more the more files a site has.
    The temp dir, moved-aside outputs included, is deleted at the end."""
    if site_dir.exists():
        site_dir.rename(_unused_name(site_dir))
    os.sync()
    log_path = log_path or project.parent / f"{project.name}-build.log"
    command = [*MKDOCS, "build", "--clean", "--site-dir", str(site_dir)] + (["--strict"] if strict else [])
    with log_path.open("w") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT, env={**ENV, **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return BuildResult(process.returncode == 0, seconds, usage.ru_maxrss / 1024, log_path.read_text(errors="replace"))


def _unused_name(path: Path) -> Path:
    number = 1
    while path.with_name(f"{path.name}-old-{number}").exists():
        number += 1
    return path.with_name(f"{path.name}-old-{number}")


@dataclass
class SiteStats:
    files: int
    bytes: int
    media_bytes: int  # images, audio and video
    html_pages: int
    html_bytes: int
    largest_html: tuple[str, int]
    search_index: tuple[str, int] | None  # where the search data is (search/ or pagefind/), its bytes
    sections: dict[str, int] = field(default_factory=dict)  # HTML pages by top folder

    @property
    def html_per_page(self) -> float:
        return self.html_bytes / max(self.html_pages, 1)


def site_stats(site_dir: Path) -> SiteStats:
    files = total = pages = html = media = 0
    largest = ("", 0)
    search: dict[str, int] = {}
    sections: dict[str, int] = {}
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        files += 1
        total += size
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix.lower() in _MEDIA_SUFFIXES:
            media += size
        if path.suffix == ".html":
            folder = rel.split("/")[0] if "/" in rel else ""
            sections[folder] = sections.get(folder, 0) + 1
            pages += 1
            html += size
            largest = max(largest, (rel, size), key=lambda item: item[1])
        elif rel == "search/search_index.json":
            search[rel] = size
        elif rel.startswith("pagefind/"):
            search["pagefind/ (all files)"] = search.get("pagefind/ (all files)", 0) + size
    index = max(search.items(), key=lambda item: item[1]) if search else None
    return SiteStats(files, total, media, pages, html, largest, index, sections)


class _Nav(HTMLParser):
    """Bytes of Material's primary navigation (`nav.md-nav--primary`) in a page."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.start = self.end = None

    def handle_starttag(self, tag, attrs):
        if tag != "nav":
            return
        if self.depth:
            self.depth += 1
        elif self.start is None and "md-nav--primary" in (dict(attrs).get("class") or ""):
            self.depth, self.start = 1, self.getpos()

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.end = self.getpos()


def nav_bytes(html_file: Path | None) -> int:
    """How much of a page's HTML is the primary navigation (0 when it has none)."""
    if html_file is None:
        return 0
    text = html_file.read_text(encoding="utf-8", errors="replace")
    parser = _Nav()
    parser.feed(text)
    if parser.start is None or parser.end is None:
        return 0
    lines = text.splitlines(keepends=True)
    offset = lambda pos: sum(len(line) for line in lines[: pos[0] - 1]) + pos[1]  # noqa: E731
    return len(text[offset(parser.start): offset(parser.end)].encode())


# --- serving -------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed (level 6, like a default web server) when asked."""

    _cache: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", "") or not ctype.startswith(_TEXT_TYPES):
            return super().do_GET()
        body = self._cache.get(path)
        if body is None:
            body = self._cache[path] = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a page drops its requests still in flight (a favicon, say): not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def static_server(site_dir: Path):
    """Yield the base URL of `site_dir` served on a free 127.0.0.1 port."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- page weight ---------------------------------------------------------------------


class _Head(HTMLParser):
    """Render-blocking resources: stylesheets in <head> not for print, classic scripts without defer/async."""

    def __init__(self):
        super().__init__()
        self.in_head = True
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_head = False
        if not self.in_head:
            return
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and attrs.get("href") and (attrs.get("media") or "all").strip() != "print":
            self.css.append(attrs["href"])
        if tag == "script" and attrs.get("src") and "defer" not in attrs and "async" not in attrs and attrs.get("type") != "module":
            self.js.append(attrs["src"])


@dataclass
class Critical:
    html: int
    blocking: list[tuple[str, int]]  # (path, gzip bytes)

    @property
    def total(self) -> int:
        return self.html + sum(size for _, size in self.blocking)


def critical_path(site_dir: Path, page: str) -> Critical | None:
    """HTML + render-blocking CSS/JS of `page` (a URL path like /stod/), read from disk."""
    html_file = file_for(site_dir, page)
    if html_file is None:
        return None
    text = html_file.read_bytes()
    parser = _Head()
    parser.feed(text.decode("utf-8", "replace"))
    blocking = []
    for ref in parser.css + parser.js:
        url = urljoin(f"http://x{page}", ref)
        if urlsplit(url).netloc != "x":
            blocking.append((url, 0))  # off-origin: not ours to measure, listed anyway
            continue
        target = file_for(site_dir, urlsplit(url).path)
        blocking.append((urlsplit(url).path, gz(target.read_bytes()) if target else 0))
    return Critical(gz(text), blocking)


def file_for(site_dir: Path, url_path: str) -> Path | None:
    path = site_dir / unquote(url_path).lstrip("/")
    if url_path.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


@dataclass
class Load:
    total: int = 0  # gzip bytes of every response except images/media
    requests: int = 0
    media_requests: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    largest: list[tuple[str, int]] = field(default_factory=list)
    off_origin: list[str] = field(default_factory=list)
    search: list[tuple[str, int]] = field(default_factory=list)  # search data fetched on load
    error: str | None = None


def page_loads(base_url: str, pages: list[str]) -> dict[str, Load]:
    """Load each page in a fresh mobile Chromium context and add up what it fetched."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page in pages:
                results[page] = _load(browser, base_url, page)
        finally:
            browser.close()
    return results


def _load(browser, base_url: str, path: str) -> Load:
    result = Load()
    origin = urlsplit(base_url).netloc
    context = browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=2, is_mobile=True, has_touch=True)
    responses = []

    def route(route):
        if urlsplit(route.request.url).scheme in ("http", "https") and urlsplit(route.request.url).netloc != origin:
            result.off_origin.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", route)
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    try:
        page.goto(urljoin(base_url, path.lstrip("/")), wait_until="load", timeout=60_000)
        with contextlib.suppress(Exception):  # a <video> may keep the network busy: media is not counted anyway
            page.wait_for_load_state("networkidle", timeout=5_000)
        page.wait_for_timeout(1000)  # what a page fetches shortly after load (a search worker, say)
        for response in responses:
            kind = response.request.resource_type
            if kind in MEDIA_TYPES:
                result.media_requests += 1
                continue
            try:
                size = gz(response.body())
            except Exception:  # redirects and aborted requests have no body
                size = 0
            result.requests += 1
            result.total += size
            result.by_type[kind] = result.by_type.get(kind, 0) + size
            result.largest.append((urlsplit(response.url).path, size))
            if re.search(r"search_index|pagefind", response.url):
                result.search.append((urlsplit(response.url).path, size))
        result.largest = sorted(result.largest, key=lambda item: -item[1])[:4]
    except Exception as error:  # noqa: BLE001 - a page that does not load is a result
        result.error = str(error).splitlines()[0]
    finally:
        context.close()
    return result


# --- Lighthouse ----------------------------------------------------------------------

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def node_tools(bench_dir: Path) -> tuple[bool, str]:
    """bench/node_modules as bench/package-lock.json pins it (Lighthouse, pa11y, vnu), installed
    with `npm ci` when missing or older than the lock; (False, why) when that is impossible.
    Puppeteer (pa11y's browser driver) downloads no browser: Debian's Chromium is used."""
    installed = bench_dir / "node_modules" / ".package-lock.json"  # written by npm at every install
    pins = [bench_dir / "package.json", bench_dir / "package-lock.json"]
    if installed.exists() and all(installed.stat().st_mtime >= pin.stat().st_mtime for pin in pins):
        return True, ""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        return False, "Node.js and npm are not installed (Debian: apt-get install nodejs npm), so bench/node_modules cannot be installed"
    version = subprocess.run([npm, "--version"], capture_output=True, text=True).stdout.strip()
    if not version.split(".")[0].isdigit() or int(version.split(".")[0]) < 10:
        # npm 9.2 (Debian 12's) fails on the lock's `overrides`: Lighthouse's trace engine asks
        # for two packages by the tag `latest`, which the overrides pin so that `npm ci` does
        # not look the tag up again (the lock keeps no download addresses to check it against).
        return False, f"npm {version or '?'} cannot install bench/package-lock.json; npm 10 or newer can (npm install -g npm@10.9.9)"
    print("… installing bench/node_modules (npm ci, from bench/package-lock.json)", file=sys.stderr, flush=True)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=bench_dir, capture_output=True, text=True, env=env)
    if done.returncode != 0 or not installed.exists():
        last = [line for line in (done.stderr or done.stdout).strip().splitlines() if line.strip()][-3:] or ["no output"]
        return False, "npm ci in bench/ failed: " + " | ".join(last)
    installed.touch()
    return True, ""


def lighthouse_binary(bench_dir: Path) -> tuple[Path | None, str]:
    """The pinned Lighthouse in bench/node_modules; (None, why) when it cannot be installed."""
    ready, why = node_tools(bench_dir)
    return (bench_dir / "node_modules" / ".bin" / "lighthouse", "") if ready else (None, why)


@dataclass
class LighthouseResult:
    scores: dict[str, int] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)
    failing: list[str] = field(default_factory=list)  # audits below 1 in a/bp/seo, and perf opportunities
    error: str | None = None


def lighthouse(binary: Path, url: str) -> LighthouseResult:
    command = [
        str(binary), url, "--output=json", "--output-path=stdout", "--quiet", "--form-factor=mobile",
        "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox --disable-background-networking",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": CHROMIUM})
    except subprocess.TimeoutExpired:
        return LighthouseResult(error="timed out after 300 s")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return LighthouseResult(error=f"exit {done.returncode}: {last}")
    result = LighthouseResult()
    if report.get("runtimeError"):
        result.error = report["runtimeError"].get("message")
    for key, category in report["categories"].items():
        if category.get("score") is not None:
            result.scores[key] = round(category["score"] * 100)
        audits = [ref["id"] for ref in category["auditRefs"] if ref.get("weight", 0) > 0 or key == "performance"]
        for audit_id in audits:
            audit = report["audits"].get(audit_id, {})
            score = audit.get("score")
            if score is not None and score < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
                if key != "performance" or audit.get("details", {}).get("type") == "opportunity":
                    result.failing.append(f"{key}: {audit_id}")
    shifts = report["audits"].get("layout-shifts", {}).get("details", {}).get("items", [])
    if shifts:
        worst = max(shifts, key=lambda item: item.get("score", 0))
        result.failing.append(f"layout shift {worst.get('score', 0):.3f} at `{(worst.get('node') or {}).get('selector', '?')}`")
    dom = report["audits"].get("dom-size", {})
    if dom.get("numericValue", 0) > 800:
        result.failing.append(f"DOM {dom.get('displayValue', '').replace(chr(160), ' ')}")
    for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"):
        if metric in report["audits"]:
            result.metrics[metric] = report["audits"][metric].get("displayValue", "")
    return result


# --- mkdocs serve --------------------------------------------------------------------


@dataclass
class Rebuild:
    what: str  # the edit, in words
    detected: float | None = None  # edit → "Detected file changes"
    reloaded: float | None = None  # edit → "Reloading browsers"
    built_in: float | None = None  # what MkDocs itself reports for the rebuild


@dataclass
class ServeResult:
    first_build: float | None = None  # seconds from start until "Serving on"
    rebuilds: list[Rebuild] = field(default_factory=list)
    error: str | None = None


def serve_rebuild(project: Path, edits: list[tuple[str, Path, str]], *, timeout: float = 900) -> ServeResult:
    """Start `mkdocs serve` as `make serve` does; for each (what, file, text) append the text
    to the file and time the rebuild from the log."""
    result = ServeResult()
    port = free_port()
    command = [*MKDOCS, "serve", "--livereload", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV)
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    tail: list[str] = []
    threading.Thread(target=lambda: [lines.put((time.perf_counter(), line)) for line in process.stdout], daemon=True).start()

    def wait_for(text: str, deadline: float) -> tuple[float, str] | None:
        while time.perf_counter() < deadline:
            try:
                stamp, line = lines.get(timeout=0.5)
            except queue.Empty:
                if process.poll() is not None:
                    return None
                continue
            tail.append(line.rstrip())
            del tail[:-15]
            if text in line:
                return stamp, line
        return None

    try:
        found = wait_for("Serving on", start + timeout)
        if found is None:
            result.error = "mkdocs serve did not start: " + " | ".join(tail[-5:])
            return result
        result.first_build = found[0] - start
        for what, path, text in edits:
            time.sleep(2)  # let the watcher settle
            rebuild = Rebuild(what)
            result.rebuilds.append(rebuild)
            edited = time.perf_counter()
            with path.open("a", encoding="utf-8") as out:
                out.write(text)
            detected = wait_for("Detected file changes", edited + timeout)
            built = wait_for("Documentation built in", edited + timeout)
            reloaded = wait_for("Reloading browsers", edited + timeout)
            if detected:
                rebuild.detected = detected[0] - edited
            if built:
                match = re.search(r"built in ([\d.]+) seconds", built[1])
                rebuild.built_in = float(match.group(1)) if match else None
            if reloaded:
                rebuild.reloaded = reloaded[0] - edited
            else:
                result.error = f"no 'Reloading browsers' after {what}: " + " | ".join(tail[-5:])
                return result
        return result
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
