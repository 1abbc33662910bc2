"""`mkdocs serve` as an editor uses it: it reloads after an edit, and shows problems in the page."""

from __future__ import annotations

import re
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import MKDOCS, free_port, preview_env


@pytest.fixture
def start_preview():
    """`start_preview(project)` → URL of `mkdocs serve` with the Makefile's flags on that project."""
    processes = []

    def _start(project: Path) -> str:
        port = free_port()
        process = subprocess.Popen(
            [*MKDOCS, "serve", "--livereload", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=preview_env(),
        )
        processes.append(process)
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                return url
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"mkdocs serve stopped:\n{process.stdout.read()}")
                time.sleep(0.5)
        pytest.fail("mkdocs serve did not answer within 120 s")

    yield _start
    for process in processes:
        process.terminate()
        process.wait(timeout=20)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_editing_directory_yaml_reloads_the_open_page(browser, copy_example, start_preview):
    project = copy_example()
    page = browser.new_page()
    page.goto(start_preview(project))
    first_title = page.locator(".sl-situations a").first.inner_text()
    _edit(project / "support_directory" / "situations.yml", first_title, "Ny rubrik från redaktören")
    # No reload by the test (and no eval: the CSP forbids it): the served page reloads itself after the rebuild.
    expect(page.locator("body")).to_contain_text("Ny rubrik från redaktören", timeout=60_000)
    page.close()


def test_editing_a_post_reloads_the_open_page(browser, copy_example, start_preview):
    project = copy_example()
    page = browser.new_page()
    page.goto(start_preview(project))
    card = page.locator(".sl-card__title a").first
    title = card.inner_text()
    slug = card.get_attribute("href").strip("./").split("/")[-1]
    post = project / "docs" / "inlagg" / "posts" / f"{slug}.md"
    situation = re.search(r"situations: \[([a-z-]+)", post.read_text(encoding="utf-8")).group(1)
    _edit(post, f"title: {title}", "title: Ändrad titel i förhandsvisningen")
    expect(page.locator("body")).to_contain_text("Ändrad titel i förhandsvisningen", timeout=60_000)
    # `make serve` rebuilds only what changed (--dirty): every page that shows the title follows.
    base = page.url
    for path in (f"inlagg/{slug}/", "inlagg/", f"stod/{situation}/", f"affisch/inlagg/{slug}/", f"l/{slug}/"):
        html = urllib.request.urlopen(base + path, timeout=10).read().decode("utf-8")
        assert "Ändrad titel i förhandsvisningen" in html, path
        assert title not in html, path
    page.close()


def test_preview_shows_problems_and_held_back_posts_and_keeps_serving(browser, copy_example, start_preview):
    project = copy_example()
    posts = project / "docs" / "inlagg" / "posts"
    _edit(posts / "att-vaga-prata.md", "  - ref: p5\n    consent: approved", "  - ref: p5\n    consent: pending")
    url = start_preview(project)
    page = browser.new_page()

    # A held-back post: in the preview only, behind a banner that says why.
    page.goto(url + "inlagg/att-vaga-prata/")
    held = page.locator("[data-preview-held]")
    assert held.is_visible()
    assert "Ej publicerad" in held.inner_text() and "p5" in held.inner_text()
    assert page.locator("[data-preview-problems]").count() == 0

    # A mistake: the server keeps running, and every page lists it.
    _edit(posts / "brak-hemma.md", "type: text", "type: blogg")
    page.goto(url)
    expect(page.locator("[data-preview-problems]")).to_have_count(1, timeout=60_000)
    banner = page.locator("[data-preview-problems]").inner_text()
    assert "docs/inlagg/posts/brak-hemma.md:4: type:" in banner
    page.goto(url + "om/")
    assert "brak-hemma.md" in page.locator("[data-preview-problems]").inner_text()

    # Fixed again: the banner goes away.
    _edit(posts / "brak-hemma.md", "type: blogg", "type: text")
    page.goto(url)
    expect(page.locator("[data-preview-problems]")).to_have_count(0, timeout=60_000)
    page.close()
