"""Unit tests for the languages: settings, catalogues, the Swedish fallback, the chooser's links."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from stodlanken import i18n, messages, shell
from stodlanken.i18n import Language, Words, load_words
from stodlanken.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
URL = "https://stodlanken.example.org/"
SV, AR, EASY = i18n.SWEDISH, Language("ar", "العربية", "ar"), Language("sv-x-easy", "Lätt svenska", "latt")


def settings_of(languages, **extra):
    return read_settings({"languages": languages, "accessibility": None, **extra}, site_url=URL, site_name="S")


def language_problems(languages, **extra) -> list[str]:
    _, problems = settings_of(languages, **extra)
    return [problem.field.removeprefix("extra.stodlanken.") for problem in problems
            if "languages" in problem.field or problem.field.endswith("unreviewed")]


def test_the_example_has_seven_languages_swedish_first_and_dari_right_to_left():
    from stodlanken.check import load_site

    site = load_site(ROOT / "mkdocs.yml", date(2026, 11, 25))
    codes = [(language.code, language.prefix, language.dir) for language in site.settings.languages]
    assert codes == [("sv", "", "ltr"), ("sv-x-easy", "latt", "ltr"), ("en", "en", "ltr"), ("ar", "ar", "rtl"),
                     ("so", "so", "ltr"), ("ti", "ti", "ltr"), ("prs", "prs", "rtl")]
    assert not [problem for problem in site.problems if problem.path.startswith("locales/")]


@pytest.mark.parametrize(("languages", "field"), [
    ([{"code": "en", "name": "English"}], "languages[1].code"),  # the source must come first
    ([{"code": "sv", "name": "Svenska", "prefix": "sv"}], "languages[1].code"),
    ([{"code": "sv", "name": "Svenska"}, {"code": "ar", "name": "A", "prefix": "stod"}], "languages[2].prefix"),  # a folder of the site
    ([{"code": "sv", "name": "Svenska"}, {"code": "ar", "name": "A"}, {"code": "ar", "name": "B"}], "languages[3].code"),
    ([{"code": "sv", "name": "Svenska"}, {"code": "Arabiska", "name": "A"}], "languages[2].code"),
    ([{"code": "sv", "name": "Svenska"}, {"code": "ar"}], "languages[2].name"),
    ([{"code": "sv", "name": "Svenska"}, {"code": "ar", "name": "A", "flag": "x"}], "languages[2].flag"),
    ([{"code": "sv", "name": "Svenska"}, "ar"], "languages[2]"),
    ("sv, ar", "languages"),
])
def test_a_wrong_language_entry_is_one_problem_and_swedish_stays(languages, field):
    settings, _ = settings_of(languages)
    assert language_problems(languages) == [field]
    assert settings.languages[0].code == "sv" and settings.languages[0].prefix == ""


def test_unreviewed_is_notice_or_hold():
    assert language_problems([{"code": "sv", "name": "Svenska"}], unreviewed="kanske") == ["unreviewed"]
    assert settings_of([{"code": "sv", "name": "Svenska"}], unreviewed="hold")[0].unreviewed == "hold"


def po(tmp_path: Path, language: Language, body: str, header: str = "") -> Words:
    (tmp_path / "locales").mkdir(exist_ok=True)
    (tmp_path / "locales" / f"{language.prefix}.po").write_text(
        header + 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body, encoding="utf-8")
    problems: list = []
    words = load_words(tmp_path, language, problems)
    assert problems == []
    return words


def test_a_translation_is_used_and_a_missing_one_is_swedish_marked_for_screen_readers(tmp_path):
    words = po(tmp_path, AR, 'msgid "Akut hjälp"\nmsgstr "مساعدة عاجلة"\n\nmsgid "Sök"\nmsgstr ""\n')
    assert words("Akut hjälp") == "مساعدة عاجلة"
    assert words("Sök") == '<span lang="sv" dir="ltr">Sök</span>'  # Arabic is right to left: Swedish in it is not
    assert words.text("Sök") == "Sök"  # attributes: no mark possible
    assert Words(Language("so", "Soomaali", "so"))("Sök") == '<span lang="sv">Sök</span>'
    assert words.missing(["Akut hjälp", "Sök", "Ny"]) == ["Sök", "Ny"]


def test_values_are_escaped_and_fuzzy_translations_are_not_used(tmp_path):
    words = po(tmp_path, AR, 'msgid "Kontakta {name}"\nmsgstr "اتصل بـ {name}"\n\n#, fuzzy\nmsgid "Sök"\nmsgstr "بحث"\n')
    assert words("Kontakta {name}", name="<b>BRIS</b>") == "اتصل بـ &lt;b&gt;BRIS&lt;/b&gt;"
    assert words("Sök") == '<span lang="sv" dir="ltr">Sök</span>'


def test_easy_swedish_falls_back_without_a_mark_and_swedish_is_the_source():
    assert Words(EASY)("Sök") == "Sök"
    assert Words(SV)("Är det akut & farligt?") == "Är det akut &amp; farligt?"


def test_the_review_is_read_from_the_header_comment(tmp_path):
    header = "# Reviewed-By: Amina Yusuf\n# Reviewed-On: 2026-11-30\n"
    assert po(tmp_path, AR, "", header).review == i18n.Review("Amina Yusuf", date(2026, 11, 30))
    assert not po(tmp_path, AR, "", "# Reviewed-By: Amina\n# Reviewed-On: snart\n").review.done
    assert not po(tmp_path, AR, "", "# Reviewed-By:\n# Reviewed-On:\n").review.done


@pytest.mark.parametrize(("content", "message"), [
    (b'msgid "S\xf6k"\nmsgstr "\xe4"\n', "UTF-8"),
    (b'msgid "S\xc3\xb6k"\nmsgstr "x"\nett ord utan citattecken\n', "går inte att läsa"),
    (b'msgid "S\xc3\xb6k"\nmsgid "Akut"\nmsgstr "x"\n', "går inte att läsa"),
])
def test_a_broken_catalogue_is_one_problem_and_the_language_shows_swedish(tmp_path, content, message):
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "ar.po").write_bytes(content)
    problems: list = []
    words = load_words(tmp_path, AR, problems)
    assert [(p.path, p.field) for p in problems] == [("locales/ar.po", "(fil)")] and message in problems[0].message
    assert words("Sök") == '<span lang="sv" dir="ltr">Sök</span>'


def test_a_missing_catalogue_is_a_problem_naming_the_fix(tmp_path):
    problems: list = []
    load_words(tmp_path, AR, problems)
    assert [(p.path, p.fix) for p in problems] == [("locales/ar.po", "skapa katalogen med `make messages`")]


def test_every_string_of_the_templates_is_in_the_template_catalogue_and_each_catalogue():
    """`make messages` was run after the last template change: nothing is extracted that
    messages.pot and the catalogues lack."""
    extracted = {message.id for message in messages.template(ROOT) if message.id}
    assert "Lämna sidan snabbt" in extracted and i18n.UNREVIEWED_NOTICE in extracted and "Sida {number} av {count}" in extracted
    with open(ROOT / "locales" / "messages.pot", encoding="utf-8") as file:
        assert {message.id for message in read_po(file) if message.id} == extracted
    for path in sorted((ROOT / "locales").glob("*.po")):
        with open(path, encoding="utf-8") as file:
            catalog = read_po(file)
        assert {message.id for message in catalog if message.id} == extracted, path.name
        broken = [m.id for m in catalog if m.id and m.string and
                  set(re.findall(r"\{\w+\}", m.id)) != set(re.findall(r"\{\w+\}", m.string))]
        assert broken == [], f"{path.name}: placeholders changed in {broken}"


# The same in every language: entities, file names, a standard's name, and "Language" in
# English beside the chooser's link on the home page (for those who read no Swedish).
_NOT_WORDS = {"&nbsp;", "stod.json", "stod.csv", "(Open Referral HSDS 3.0)", "· Language"}


def test_no_template_has_swedish_text_outside_the_catalogue():
    """Text between tags in the page templates goes through `_()`: else it stays Swedish in
    every language. (Editors' preview banners and the poster are Swedish on purpose.)"""
    skip = {"preview-banner.html", "poster.html", "short-link.html", "accessibility-statement.md"}
    found = []
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        if template.name in skip:
            continue
        text = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<script.*?</script>|<style.*?</style>|<svg.*?</svg>", " ",
                      template.read_text(encoding="utf-8"), flags=re.S)
        for words in re.findall(r">([^<>]+)<", text):
            if re.search(r"[A-Za-zÅÄÖåäö]{3,}", words) and words.strip() not in _NOT_WORDS:
                found.append(f"{template.relative_to(ROOT / 'overrides')}: {words.strip()}")
    assert found == []


def test_the_chooser_leads_to_the_same_page_in_every_language():
    languages = (SV, EASY, AR)
    from_ar = shell.alternates(languages, AR, root="../../", page_url="stod/hemma/", public_root=URL)
    assert [(a.lang, a.href, a.url, a.current) for a in from_ar] == [
        ("sv", "../../../stod/hemma/", URL + "stod/hemma/", False),
        ("sv-x-easy", "../../../latt/stod/hemma/", URL + "latt/stod/hemma/", False),
        ("ar", "../../stod/hemma/", URL + "ar/stod/hemma/", True),
    ]
    post = shell.alternates(languages, SV, root="../../", page_url="inlagg/brak-hemma/", public_root=URL, paths={})
    assert [(a.href, a.same) for a in post] == [("../../inlagg/brak-hemma/", True), ("../../latt/", False), ("../../ar/", False)]
    # A post with an Arabic translation: the chooser and hreflang lead to it.
    translated = shell.alternates(languages, AR, root="../../", page_url="inlagg/brak-hemma-ar/", public_root=URL,
                                  paths={"sv": "inlagg/brak-hemma/", "ar": "inlagg/brak-hemma-ar/"})
    assert [(a.href, a.url, a.same) for a in translated] == [
        ("../../../inlagg/brak-hemma/", URL + "inlagg/brak-hemma/", True),
        ("../../../latt/", URL + "latt/", False),
        ("../../inlagg/brak-hemma-ar/", URL + "ar/inlagg/brak-hemma-ar/", True),
    ]


def test_day_names_and_dates_come_from_cldr_and_swedish_keeps_its_own():
    from stodlanken.hours import Hours, Period

    hours = Hours(periods=(Period(("mon", "thu"), "14:00", "21:00"),))
    assert hours.table(Words(AR))[0] == ("الاثنين", "14:00–21:00")
    assert hours.table(Words(SV))[0] == ("Måndag", "14:00–21:00") == hours.table()[0]
    assert hours.summary(Words(SV)) == "Mån, tor 14:00–21:00" == hours.summary()
    assert Words(Language("prs", "دری", "prs")).date(date(2026, 11, 24)) == "24 نومبر 2026"  # Dari: CLDR's fa_AF
    assert Words(SV).date(date(2026, 11, 24)) is None  # Swedish: the source writes its own dates


def test_a_translation_that_changes_a_placeholder_is_a_warning_and_shows_swedish(tmp_path):
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "ar.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Kontakta {name}"\nmsgstr "اتصل بـ {nom}"\n\nmsgid "Sök"\nmsgstr "بحث {"\n', encoding="utf-8")
    problems: list = []
    words = load_words(tmp_path, AR, problems)
    assert [(p.line, p.field, p.warning) for p in problems] == [(5, "msgstr", True), (8, "msgstr", True)]
    assert words("Kontakta {name}", name="BRIS") == '<span lang="sv" dir="ltr">Kontakta BRIS</span>'  # no KeyError, no traceback
    assert words.text("Sök") == "Sök"


# --- Editor pages in other languages (stodlanken/pages.py) ----------------------------------


def _scan(tmp_path, files: dict[str, str]):
    from stodlanken import pages

    docs = tmp_path / "docs"
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return pages.scan(docs, tmp_path, [], "inlagg", set(), frozenset({"ar", "en", "latt"}))


def test_a_page_in_another_language_stands_in_for_the_swedish_one_and_is_never_published_by_its_own_name(tmp_path):
    found, problems = _scan(tmp_path, {"om.md": "# Om\n", "om.ar.md": "# عن\n", "inlagg/index.latt.md": "# Gjort av unga\n",
                                       "inlagg/index.md": "# Gjort av unga\n", "om.fr.md": "# À propos\n"})
    assert problems == []
    assert found.translations == {"om.md": {"ar": "om.ar.md"}, "inlagg/index.md": {"latt": "inlagg/index.latt.md"}}
    assert {"om.ar.md", "inlagg/index.latt.md"} <= found.refused and "om.fr.md" not in found.refused  # fr: no language of the site
    assert (found.source("om.md", "ar"), found.source("om.md", "en"), found.source("om.md", "")) == ("om.ar.md", "om.md", "om.md")
    assert {"om.md", "inlagg/index.md"} <= found.editor and "om.ar.md" not in found.editor


def test_a_translation_with_no_swedish_page_or_a_mistake_of_its_own_is_named(tmp_path):
    found, problems = _scan(tmp_path, {
        "kontakt.ar.md": "# اتصل\n",
        "om.md": "# Om\n",
        "om.en.md": "---\ntitle: [About, Us]\n---\n# About\n<script>alert(1)</script>\n",
    })
    lines = sorted(str(problem) for problem in problems)
    assert lines[0].startswith("docs/kontakt.ar.md: (filnamn): det finns ingen kontakt.md som den här sidan översätter; den publiceras inte — ")
    assert any(line.startswith("docs/om.en.md:2: title: ") for line in lines)  # a list as title, as in any page
    assert any(line.startswith("docs/om.en.md:5: ") and "script" in line for line in lines)  # pasted HTML, as in any page
    assert "kontakt.ar.md" in found.refused and "kontakt.md" not in found.translations
