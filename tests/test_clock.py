"""One clock: the build's date comes from STODLANKEN_TODAY, and only from the real calendar without it.

This is the one test file that reads the real calendar: it proves that the injected date
is what the project uses, so every other test can run as of `conftest.TODAY` on any day.
"""

from __future__ import annotations

import os
import re
from datetime import date

from conftest import BUILD_DATE, TODAY
from stodlanken import scaffold
from stodlanken.site import build_date


def test_the_suite_runs_as_of_the_injected_day():
    assert build_date() == TODAY == date.fromisoformat(BUILD_DATE)


def test_without_the_setting_the_build_date_is_the_real_calendar(monkeypatch):
    monkeypatch.delenv("STODLANKEN_TODAY")
    assert build_date() == date.today()


def test_a_new_post_is_dated_by_the_injected_day(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "inlagg" / "posts").mkdir(parents=True)
    scaffold.main(["post", "text", "ny-text"])
    text = (tmp_path / "docs" / "inlagg" / "posts" / "ny-text.md").read_text(encoding="utf-8")
    assert f"date: {BUILD_DATE}" in text


def test_mkdocs_own_clock_is_the_build_date(example_build):
    """The sitemap's <lastmod> comes from MkDocs' SOURCE_DATE_EPOCH, which the build sets from
    the injected day: the suite leaves it unset. (sitemap.xml.gz is not published.)"""
    assert "SOURCE_DATE_EPOCH" not in os.environ
    sitemap = (example_build.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
    assert dates == {BUILD_DATE}, dates
