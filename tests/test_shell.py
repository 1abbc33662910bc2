"""Unit tests for stodlanken.shell: what every page's layout is given."""

from __future__ import annotations

import re
from pathlib import Path

from stodlanken import shell


def test_direction_follows_the_language():
    assert [shell.text_direction(lang) for lang in ("sv", "en", "ar", "fa-IR", "he", "ur", "so", "ti")] == \
        ["ltr", "ltr", "rtl", "rtl", "rtl", "rtl", "ltr", "ltr"]


def test_root_is_the_way_to_the_site_root_ending_in_a_slash():
    assert [shell.root_of(base) for base in (".", "..", "../..", "/", "")] == ["./", "../", "../../", "/", "/"]


def test_title_description_and_own_heading():
    page = shell.shell(lang="sv", title="Om oss", site_name="Stödlänken", description=None,
                       site_description="Stöd för unga", content="<h1 id='om'>Om oss</h1>")
    assert (page.title, page.description, page.has_h1, page.dir) == ("Om oss – Stödlänken", "Stöd för unga", True, "ltr")
    home = shell.shell(lang="ar", title=None, site_name="Stödlänken", description="X", site_description="Y")
    assert (home.title, home.description, home.has_h1, home.dir) == ("Stödlänken", "X", False, "rtl")


def test_templates_call_no_python_methods_on_values():
    """`link.href.startswith(…)`, `base_url.rstrip(…)`, `share.tags()` work in Jinja only:
    MiniJinja-based engines refuse them. What needs computing is computed in the hooks."""
    calls = []
    for template in sorted((Path(__file__).resolve().parents[1] / "overrides").rglob("*.html")):
        for tag in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", template.read_text(encoding="utf-8"), re.S):
            calls += [f"{template.name}: {call}" for call in re.findall(r"\.\w+\(", tag)]
    assert calls == []
