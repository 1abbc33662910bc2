"""Unit tests of hooks/stodlanken/settings.py: every setting checked as what it is."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT, TODAY
from stodlanken.check import load_site
from stodlanken.settings import DEFAULT_QUICK_EXIT_URL, NUMBER_SETTINGS, read_settings

SITE = "https://stodlanken.example.org/"
ACCESSIBILITY = {"compliance": "helt", "assessed": date(2026, 11, 25), "method": "Egen granskning.", "contact_email": "a@example.org"}


def _read(**options):
    return read_settings({"accessibility": ACCESSIBILITY, **options}, site_url=SITE, site_name="Stödlänken")


def _fields(problems) -> list[str]:
    return [problem.field for problem in problems]


def test_the_example_settings_have_no_problems():
    site = load_site(ROOT / "mkdocs.yml", TODAY)
    assert [str(p) for p in site.problems if p.path == "mkdocs.yml"] == []
    assert site.settings.quick_exit_url == "https://www.smhi.se/"
    assert [link.name for link in site.settings.social] == ["Instagram", "TikTok"]
    assert site.settings.accessibility.compliance == "delvis"
    assert {key: getattr(site.settings, key) for key in NUMBER_SETTINGS} == NUMBER_SETTINGS


@pytest.mark.parametrize("value", ["www.smhi.se", "", None, "http://www.smhi.se/", "javascript:alert(1)", ["https://www.smhi.se/"], "https://stodlanken.example.org/annat/", "//www.smhi.se/"])
def test_quick_exit_must_be_https_on_another_site_and_falls_back_to_a_safe_default(value):
    settings, problems = _read(quick_exit_url=value)
    assert _fields(problems) == ["extra.stodlanken.quick_exit_url"]
    assert settings.quick_exit_url == DEFAULT_QUICK_EXIT_URL


def test_a_good_quick_exit_url_is_used():
    settings, problems = _read(quick_exit_url=" https://www.yr.no/ ")
    assert problems == [] and settings.quick_exit_url == "https://www.yr.no/"


def test_wrong_types_are_problems_not_tracebacks():
    settings, problems = _read(organisation=["Helsingborg"], promise={"a": 1}, latest_posts="3", guardian_age=True, social="https://x.se/")
    assert _fields(problems) == [
        "extra.stodlanken.organisation", "extra.stodlanken.promise", "extra.stodlanken.social",
        "extra.stodlanken.latest_posts", "extra.stodlanken.guardian_age",
    ]
    assert problems[0].message == "måste vara en text, inte en lista"
    assert (settings.organisation, settings.promise, settings.social) == ("", "", ())
    assert settings.latest_posts == 3 and settings.guardian_age == 18


@pytest.mark.parametrize("options", [["organisation: x"], "organisation: x", 3])
def test_stodlanken_settings_that_are_not_a_mapping_are_one_problem(options):
    settings, problems = read_settings(options, site_url=SITE, site_name="S")
    assert _fields(problems) == ["extra.stodlanken"]
    assert settings.quick_exit_url == DEFAULT_QUICK_EXIT_URL


def test_social_entries_need_a_name_and_an_https_url():
    social = [{"name": "Instagram", "url": "https://www.instagram.com/x/"}, {"name": "TikTok", "url": "http://tiktok.com/"},
              {"url": "https://x.se/"}, "https://y.se/", {"name": "Z", "url": "https://z.se/", "icon": "z"}]
    settings, problems = _read(social=social)
    assert _fields(problems) == ["extra.stodlanken.social[2].url", "extra.stodlanken.social[3].name",
                                 "extra.stodlanken.social[4]", "extra.stodlanken.social[5].icon"]
    assert [link.name for link in settings.social] == ["Instagram", "Z"]


def test_accessibility_contact_email_must_be_an_email_address():
    settings, problems = _read(accessibility={**ACCESSIBILITY, "contact_email": "tillganglighet@"})
    assert _fields(problems) == ["extra.stodlanken.accessibility.contact_email"] and settings.accessibility is None


def test_unknown_setting_and_missing_site_url_are_problems():
    _, problems = read_settings({"accessibility": ACCESSIBILITY, "quick_exit": "https://www.yr.no/"}, site_url=None, site_name="S")
    assert _fields(problems) == ["site_url", "extra.stodlanken.quick_exit"]
