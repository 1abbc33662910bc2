"""The Pagefind index (hooks/search.py, hooks/stodlanken/search.py): fed page by page while
MkDocs renders, Swedish, only the marked content, and no Pagefind process left behind."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import SimpleNamespace

from stodlanken import build, search

ROOT = Path(__file__).resolve().parents[1]
PAGE = (
    '<!doctype html><html lang="sv"><head><title>{title}</title></head><body>'
    '<header>Meny som finns på varje sida</header>'
    '<div class="sl-page sl-content"><h1>{title}</h1><p>{text}</p></div></body></html>'
)


def _page(title: str, text: str) -> str:
    return search.mark_for_index(PAGE.format(title=title, text=text), indexed=True)


def _pagefind_services(cwd: Path) -> list[int]:
    """Pagefind service processes still running with `cwd` as their directory (Linux /proc)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if b"--service" in (proc / "cmdline").read_bytes() and Path(os.readlink(proc / "cwd")) == cwd.resolve():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def _entry(site_dir: Path) -> dict:
    return json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_pages_added_while_rendering_become_a_swedish_index(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    indexer = search.Indexer(tmp_path)
    indexer.add("inlagg/kurator/index.html", _page("Prata med en kurator", "Kuratorn på skolan lyssnar."))
    indexer.add("om/index.html", _page("Om sidan", "Vi som gör sidan."))
    assert indexer.finish() is None
    entry = _entry(tmp_path)
    assert list(entry["languages"]) == ["sv"]
    assert entry["languages"]["sv"]["page_count"] == 2
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert not (tmp_path / "pagefind" / "pagefind-ui.js").exists()
    assert not _pagefind_services(tmp_path)


def test_a_stopped_indexer_writes_nothing_and_leaves_no_process(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    indexer = search.Indexer(tmp_path)
    for number in range(50):
        indexer.add(f"sida-{number}/index.html", _page(f"Sida {number}", "Text."))
    indexer.stop()
    assert not (tmp_path / "pagefind").exists()
    assert not _pagefind_services(tmp_path)


def test_a_pagefind_failure_is_one_line_in_swedish(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    not_a_directory = tmp_path / "site"
    not_a_directory.write_text("", encoding="utf-8")
    indexer = search.Indexer(not_a_directory)
    indexer.add("om/index.html", _page("Om sidan", "Text."))
    problem = indexer.finish()
    assert problem and problem.startswith("Sökindexet kunde inte byggas (Pagefind): ")
    assert "\n" not in problem
    assert not _pagefind_services(tmp_path)


def test_a_pagefind_crash_is_reported_with_what_it_said(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho \"thread 'main' panicked at src/x.rs:1:1:\" >&2\necho 'disken är full' >&2\nexit 101\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    indexer = search.Indexer(tmp_path)
    indexer.add("om/index.html", _page("Om sidan", "Text."))
    assert indexer.finish() == (
        "Sökindexet kunde inte byggas (Pagefind): Pagefind avslutades oväntat: "
        "thread 'main' panicked at src/x.rs:1:1: disken är full"
    )


def _hook():
    spec = importlib.util.spec_from_file_location("search_hook", ROOT / "hooks" / "search.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def test_the_preview_starts_no_pagefind(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hook = _hook()
    config = SimpleNamespace(site_dir=str(tmp_path / "site"))
    build.begin(config).preview = True
    hook.on_pre_build(config=config)
    assert build.of(config).indexer is None
    assert not _pagefind_services(tmp_path)


def test_a_build_error_stops_pagefind_at_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hook = _hook()
    config = SimpleNamespace(site_dir=str(tmp_path / "site"))
    hook.on_pre_build(config=config)
    assert _pagefind_services(tmp_path)
    hook.on_build_error(error=RuntimeError("en annan hook"))
    assert build.of(config).indexer is None
    assert not _pagefind_services(tmp_path)


def test_the_index_holds_exactly_the_marked_pages_in_swedish(example_site):
    marked = [path for path in example_site.rglob("*.html") if "data-pagefind-body" in path.read_text(encoding="utf-8")]
    entry = _entry(example_site)
    assert list(entry["languages"]) == ["sv"]
    assert entry["languages"]["sv"]["page_count"] == len(marked)
    names = {path.relative_to(example_site).as_posix() for path in marked}
    assert "inlagg/vart-vander-jag-mig/index.html" in names
    assert "sok/index.html" not in names  # search: false
    assert not [name for name in names if name.startswith(("affisch/", "l/"))]


def test_a_failed_build_leaves_no_pagefind_running(copy_example, build):
    project = copy_example()
    (project / "hooks" / "boom.py").write_text(
        "def on_post_page(output, /, *, page, config):\n"
        "    if page.file.src_uri == 'om.md':\n"
        "        raise RuntimeError('boom')\n"
        "    return output\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - hooks/boom.py\n", 1), encoding="utf-8")
    result = build(project)
    assert not result.ok
    assert "boom" in result.output
    assert not _pagefind_services(project)
    assert not (result.site_dir / "pagefind").exists()
