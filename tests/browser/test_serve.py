"""`mkdocs serve` as an editor uses it: the preview rebuilds and reloads after an edit."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import MKDOCS, free_port


@pytest.fixture
def preview(copy_example):
    """A copy of the example project served with the Makefile's `serve` flags."""
    project = copy_example()
    port = free_port()
    process = subprocess.Popen(
        [*MKDOCS, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"mkdocs serve stopped:\n{process.stdout.read()}")
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("mkdocs serve did not answer within 120 s")
    yield project, url
    process.terminate()
    process.wait(timeout=20)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_editing_directory_yaml_reloads_the_open_page(browser, preview):
    project, url = preview
    page = browser.new_page()
    page.goto(url)
    situations = project / "support_directory" / "situations.yml"
    first_title = page.locator(".sl-situations a").first.inner_text()
    _edit(situations, first_title, "Ny rubrik från redaktören")
    # No reload by the test: the served page reloads itself after the rebuild.
    page.wait_for_function("document.body.innerText.includes('Ny rubrik från redaktören')", timeout=60_000)
    page.close()


def test_editing_a_post_reloads_the_open_page(browser, preview):
    project, url = preview
    page = browser.new_page()
    page.goto(url)
    card = page.locator(".sl-card__title a").first
    title = card.inner_text()
    slug = card.get_attribute("href").strip("./").split("/")[-1]
    _edit(project / "docs" / "inlagg" / "posts" / f"{slug}.md", f"title: {title}", "title: Ändrad titel i förhandsvisningen")
    page.wait_for_function("document.body.innerText.includes('Ändrad titel i förhandsvisningen')", timeout=60_000)
    page.close()
