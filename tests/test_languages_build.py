"""The example site in all its languages, built for real as `make build` does
(`python -m stodlanken.languages build --strict`), and read back."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from babel.messages.pofile import read_po
from PIL import Image

from conftest import ROOT, build_languages

LANGUAGES = {"": ("sv", "ltr"), "latt": ("sv-x-easy", "ltr"), "en": ("en", "ltr"), "ar": ("ar", "rtl"),
             "so": ("so", "ltr"), "ti": ("ti", "ltr"), "prs": ("prs", "rtl")}
PAGES = ["", "stod/ma-daligt/", "stod/tjanst/bris/", "akut/", "stod/", "om/"]


@pytest.fixture(scope="module")
def site(languages_site) -> Path:
    return languages_site


def page(site: Path, prefix: str, path: str) -> str:
    folder = site / prefix if prefix else site
    return (folder / path / "index.html").read_text(encoding="utf-8")


def translation(prefix: str, msgid: str) -> str:
    with open(ROOT / "locales" / f"{prefix}.po", encoding="utf-8") as file:
        message = read_po(file).get(msgid)
    return message.string if message is not None else ""


def help_row_links(html: str) -> list[str]:
    row = html.split('class="sl-help"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'href="(tel:[^"]+)"', row)


@pytest.mark.parametrize("prefix", list(LANGUAGES))
@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_is_built_in_every_language_with_its_lang_and_direction(site, prefix, path):
    code, direction = LANGUAGES[prefix]
    html = page(site, prefix, path)
    assert f'<html lang="{code}" dir="{direction}">' in html
    # The same numbers, the same quick exit, in every language.
    assert help_row_links(html) == help_row_links(page(site, "", path)) != []
    assert re.search(r'<a class="sl-exit" href="https://www\.smhi\.se/"', html)
    # Not reviewed by anyone who speaks it: said on every page, and in Swedish too.
    assert ("data-unreviewed" in html) == (prefix != "")
    if prefix:
        assert '<p lang="sv" dir="ltr">Den här översättningen är inte granskad än' in html


@pytest.mark.parametrize("prefix", [prefix for prefix in LANGUAGES if prefix])
def test_the_words_are_the_languages_own_and_swedish_where_they_are_missing(site, prefix):
    akut = page(site, prefix, "akut/")
    heading = re.search(r"<h1>(.*?)</h1>", akut).group(1)
    expected = translation(prefix, "Akut hjälp")
    if prefix == "latt":
        assert heading == (expected or "Akut hjälp")
    elif expected:
        assert heading == expected
    else:
        assert heading == '<span lang="sv">Akut hjälp</span>'
    # The directory's texts are in Swedish, marked so a screen reader switches voice.
    service = page(site, prefix, "stod/tjanst/bris/")
    if prefix != "latt":
        assert re.search(r'<h1 lang="sv"( dir="ltr")?>BRIS', service)


def test_the_chooser_and_hreflang_lead_to_the_same_page_in_each_language(site):
    for prefix in LANGUAGES:
        folder = site / prefix if prefix else site
        for path in PAGES:
            html = page(site, prefix, path)
            chooser = html.split('id="sprak"', 1)[1].split("</nav>", 1)[0]
            hrefs = re.findall(r'href="([^"]+)"', chooser)
            assert len(hrefs) == len(LANGUAGES)
            for href, other in zip(hrefs, LANGUAGES):
                target = (folder / path / href).resolve()
                assert target == ((site / other / path) if other else (site / path)).resolve(), (prefix, path, href)
                assert (target / "index.html").is_file()
            alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
            assert [lang for lang, _ in alternates] == [code for code, _ in LANGUAGES.values()]
            assert [href for _, href in alternates] == [urljoin("https://stodlanken.example.org/", f"{other}/{path}" if other else path)
                                                        for other in LANGUAGES]


def test_a_post_is_only_in_its_own_language_and_its_media_only_where_a_post_shows_them(site):
    assert (site / "inlagg" / "brak-hemma" / "index.html").is_file()
    for prefix in LANGUAGES:
        if prefix:
            assert not (site / prefix / "inlagg" / "brak-hemma").exists()
            assert "Bråk hemma" not in page(site, prefix, "")  # no card of it on the home page
            # Media only in a language with a post of its own (its own consent): the Arabic film.
            assert (site / prefix / "inlagg" / "media").exists() == (prefix == "ar")
    assert not (site / "inlagg" / "vart-vander-jag-mig-ar").exists()
    arabic = page(site, "ar", "inlagg/vart-vander-jag-mig-ar/")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'vart-vander-jag-mig-ar' in page(site, "ar", "") and 'vart-vander-jag-mig-ar' in page(site, "ar", "inlagg/")
    assert "vart-vander-jag-mig-ar" in (site / "ar" / "feed.xml").read_text(encoding="utf-8")
    assert "vart-vander-jag-mig-ar" not in (site / "feed.xml").read_text(encoding="utf-8")


TRACK = re.compile(r'<track kind="captions" src="([^"]+)" srclang="([^"]+)" label="([^"]+)"( default)?>')


def test_a_film_has_a_caption_track_per_language_its_own_first_and_by_default(site):
    swedish, arabic = page(site, "", "inlagg/vart-vander-jag-mig/"), page(site, "ar", "inlagg/vart-vander-jag-mig-ar/")
    assert [track[1:] for track in TRACK.findall(swedish)] == [("sv", "Svenska", " default"), ("ar", "العربية", "")]
    assert [track[1:] for track in TRACK.findall(arabic)] == [("ar", "العربية", " default"), ("sv", "Svenska", "")]
    for folder, html in ((site / "inlagg" / "vart-vander-jag-mig", swedish), (site / "ar" / "inlagg" / "vart-vander-jag-mig-ar", arabic)):
        texts = {lang: (folder / src).read_text(encoding="utf-8") for src, lang, _label, _default in TRACK.findall(html)}
        assert "1177" in texts["sv"] and "1177" in texts["ar"] and "الساعة" in texts["ar"] and "dygnet runt" in texts["sv"]
        # and the same files as text, each link marked with its language
        assert re.search(r'<a href="[^"]+\.vtt" hreflang="ar" lang="ar" dir="rtl">العربية</a>', html)


def test_a_translated_post_and_its_original_lead_to_each_other(site):
    swedish, arabic = page(site, "", "inlagg/vart-vander-jag-mig/"), page(site, "ar", "inlagg/vart-vander-jag-mig-ar/")
    pair = [("sv", "https://stodlanken.example.org/inlagg/vart-vander-jag-mig/"),
            ("ar", "https://stodlanken.example.org/ar/inlagg/vart-vander-jag-mig-ar/")]
    for html in (swedish, arabic):
        assert re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html) == pair
    def chooser(html):
        return dict((lang, href) for href, lang in re.findall(r'<li><a href="([^"]+)" lang="([^"]+)"', html.split('id="sprak"', 1)[1]))
    assert chooser(swedish)["ar"] == "../../ar/inlagg/vart-vander-jag-mig-ar/" and chooser(swedish)["en"] == "../../en/"
    assert chooser(arabic)["sv"] == "../../../inlagg/vart-vander-jag-mig/" and chooser(arabic)["so"] == "../../../so/"
    # A post with no translation names no other language as the same page.
    assert '<link rel="alternate" hreflang' not in page(site, "", "inlagg/brak-hemma/")


def test_the_sitemaps_name_each_pages_versions_in_the_other_languages(site):
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for prefix in LANGUAGES:
        tree = ElementTree.parse((site / prefix if prefix else site) / "sitemap.xml")
        versions = {url.find("s:loc", ns).text: [(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", ns)]
                    for url in tree.getroot().findall("s:url", ns)}
        base = f"https://stodlanken.example.org/{prefix + '/' if prefix else ''}"
        assert versions[base + "stod/hemma/"] == [(code, f"https://stodlanken.example.org/{other + '/' if other else ''}stod/hemma/")
                                                  for other, (code, _dir) in LANGUAGES.items()]
    swedish = ElementTree.parse(site / "sitemap.xml").getroot()
    links = {url.find("s:loc", ns).text: url.findall("x:link", ns) for url in swedish.findall("s:url", ns)}
    assert [link.get("hreflang") for link in links["https://stodlanken.example.org/inlagg/vart-vander-jag-mig/"]] == ["sv", "ar"]
    assert links["https://stodlanken.example.org/inlagg/brak-hemma/"] == []


def test_hosts_get_one_headers_file_covering_every_language(site):
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert not list(site.glob("*/_headers"))
    assert "\n/ar/\n  Cache-Control: public, max-age=300" in headers
    policy = re.search(r"Content-Security-Policy: (.*)", headers).group(1)
    # Every inline style of every language's pages is allowed by the one policy.
    for html in site.rglob("index.html"):
        for digest in re.findall(r"'(sha256-[^']+)'", re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"',
                                                                 html.read_text(encoding="utf-8")).group(1)):
            assert digest in policy, html


def test_a_held_language_is_not_built(copy_example, tmp_path):
    project = copy_example()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("unreviewed: notice", "unreviewed: hold"), encoding="utf-8")
    reviewed = project / "locales" / "so.po"
    reviewed.write_text(reviewed.read_text(encoding="utf-8").replace("# Reviewed-By:\n# Reviewed-On:\n",
                                                                     "# Reviewed-By: Test Person\n# Reviewed-On: 2026-11-20\n"), encoding="utf-8")
    done = build_languages(project, tmp_path / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    built = sorted(path.name for path in (tmp_path / "site").iterdir() if (path / "index.html").is_file() and path.name in LANGUAGES)
    assert built == ["so"]
    somali = page(tmp_path / "site", "so", "")
    assert "data-unreviewed" not in somali
    # The chooser offers only what is published.
    chooser = somali.split('id="sprak"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'hreflang="([^"]+)"', chooser) == ["sv", "so"]


def test_make_check_lists_what_each_language_lacks_and_a_missing_string_breaks_nothing(copy_example, tmp_path):
    import os
    import subprocess
    import sys

    project = copy_example()
    somali = project / "locales" / "so.po"
    text = somali.read_text(encoding="utf-8")
    start = text.index('msgid "Akut hjälp"\nmsgstr "') + len('msgid "Akut hjälp"\nmsgstr "')
    somali.write_text(text[:start] + text[text.index('"', start):], encoding="utf-8")  # its translation emptied
    # No Somali situations, no Arabic for BRIS: the directory's texts lack them.
    situations = project / "support_directory" / "situations.yml"
    situations.write_text(re.sub(r"\n    so:\n      title: .*\n      intro: .*", "", situations.read_text(encoding="utf-8")), encoding="utf-8")
    bris = project / "support_directory" / "services" / "bris.yml"
    bris.write_text(re.sub(r"\n  ar:\n    summary: .*", "", bris.read_text(encoding="utf-8")), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    check = subprocess.run([sys.executable, "-m", "stodlanken.check"], cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    lines = check.stdout.splitlines()
    assert any(line.strip().startswith("Soomaali (so, /so/): 1 av ") and "inte granskad" in line for line in lines), check.stdout
    assert "      locales/so.po: saknas: ”Akut hjälp”" in lines
    assert any(line.strip().startswith("العربية (ar, /ar/): 0 av ") for line in lines)
    assert lines.count("      katalogen: 5 av 5 situationer och 11 av 11 tjänster har text på språket (translations:), resten visas på svenska") == 4
    assert "      katalogen: 5 av 5 situationer och 10 av 11 tjänster har text på språket (translations:), resten visas på svenska" in lines  # ar
    assert "      katalogen: 0 av 5 situationer och 11 av 11 tjänster har text på språket (translations:), resten visas på svenska" in lines  # so
    # No promise in Somali or Arabic either: the Swedish one, marked (left to right on an Arabic page).
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"\n        promise: (Taageero|دعم).*", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    done = build_languages(project, tmp_path / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    assert '<h1><span lang="sv">Akut hjälp</span></h1>' in page(tmp_path / "site", "so", "akut/")
    assert '<p class="sl-home__promise" lang="sv">Stöd för dig' in page(tmp_path / "site", "so", "")
    assert '<p class="sl-home__promise" lang="sv" dir="ltr">Stöd för dig' in page(tmp_path / "site", "ar", "")


def test_buttons_hours_and_dates_of_the_directory_are_in_the_language(site):
    call = translation("ar", "Ring")
    akut = page(site, "ar", "akut/")
    assert f'<span class="stod-button__label">{call} 116 111</span>' in akut
    service = page(site, "ar", "stod/tjanst/bris/")
    table = service.split('class="stod-hours__table"', 1)[1].split("</table>", 1)[0]
    assert f'<th scope="row">{translation("ar", "Alla dagar")}</th><td>{translation("ar", "Dygnet runt")}</td>' in table
    assert "نوفمبر 2026" in service  # "Senast kontrollerad …": the date in Arabic
    # Swedish keeps its own words.
    assert '<span class="stod-button__label">Ring 116 111</span>' in page(site, "", "akut/")


def test_the_scripts_get_their_words_in_the_language_and_swedish_pages_carry_none(site):
    import json

    assert 'id="sl-words"' not in page(site, "", "stod/")
    block = re.search(r'<script type="application/json" id="sl-words">(.*?)</script>', page(site, "ar", "stod/")).group(1)
    words = json.loads(block)
    assert words["Stängt"] == translation("ar", "Stängt") and words["fredag"] == "الجمعة"
    assert words["Öppet nu – stänger {time}"] == translation("ar", "Öppet nu – stänger {time}")


def test_a_card_says_which_languages_the_service_speaks_the_pages_own_first(site):
    sv = page(site, "", "stod/")
    assert '<p class="stod-card__languages">Talar svenska, arabiska, dari, somaliska, tigrinja, engelska</p>' in sv
    assert 'data-languages="ar prs so ti sv en"' in sv
    assert '<option value="ar">arabiska</option>' in sv and '<option value="sv">' not in sv  # the filter
    ar = page(site, "ar", "stod/")
    line = re.search(r'<p class="stod-card__languages">(.*?)</p>', ar).group(1)
    assert line.startswith(translation("ar", "Talar {languages}").split("{")[0] + "العربية")  # Arabic first, named in Arabic


def test_swedish_text_on_a_right_to_left_page_is_marked_left_to_right(site):
    """A service's description has no Arabic version in the example: it is Swedish there, and
    left to right, or its full stop would stand at its left end."""
    assert '<div class="stod-description" lang="sv" dir="ltr">' in page(site, "ar", "stod/tjanst/bris/")
    assert '<div class="stod-description" lang="sv">' in page(site, "so", "stod/tjanst/bris/")
    # The promise is in every language of the example: no mark.
    assert '<p class="sl-home__promise">دعم لك إذا كنت شابًا' in page(site, "ar", "")
    assert '<p class="sl-home__promise">Support for young people' in page(site, "en", "")


def test_share_tags_name_the_pages_language(site):
    assert '<meta property="og:locale" content="sv_SE">' in page(site, "", "")
    assert '<meta property="og:locale" content="ar_EG">' in page(site, "ar", "stod/")
    assert '<meta property="og:locale" content="fa_AF">' in page(site, "prs", "")
    english = page(site, "en", "")
    assert '<meta property="og:description" content="Support for young people who are not feeling good. Free, and often anonymous.">' in english


def test_the_directory_speaks_the_language_where_it_has_a_translation_and_swedish_elsewhere(site):
    ar = page(site, "ar", "stod/hemma/")
    assert '<h1>الوضع صعب في البيت</h1>' in ar  # translated: no Swedish mark
    assert re.search(r'<p class="stod-lead">شجار أو قلق', ar)
    home = page(site, "ar", "")
    assert '>أشعر بأنني لست بخير</a>' in home
    somali = page(site, "so", "stod/hemma/")
    assert '<h1>Xaaladda guriga way adag tahay</h1>' in somali  # translated: no Swedish mark
    bris = page(site, "so", "stod/tjanst/bris/")
    assert '<p class="stod-lead">Waxaa loogu talagalay adiga oo ka yar 18 sano.' in bris  # the summary has Somali
    assert '<div class="stod-description" lang="sv">' in bris  # the description has not: Swedish, marked
    assert '<h1>Things are hard at home</h1>' in page(site, "en", "stod/hemma/")
    assert '<h1>Det är jobbigt hemma</h1>' in page(site, "", "stod/hemma/")


def _card(site: Path, html: str) -> Image.Image:
    url = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    return Image.open(site / url.split("://", 1)[1].split("/", 1)[1])


def test_share_cards_and_posters_speak_the_language_arabic_from_the_right(site):
    html = page(site, "ar", "stod/hemma/")
    title = "الوضع صعب في البيت"
    alt = re.search(r'<meta property="og:image:alt" content="([^"]+)"', html).group(1)
    assert alt == f"{translation('ar', 'Stöd')}: {title}. Stödlänken Helsingborg"
    arabic, swedish = _card(site, html), _card(site, page(site, "", "stod/hemma/"))
    assert arabic.size == swedish.size == (1200, 630)
    # The Swedish card's title starts at the left margin, the Arabic one ends at the right margin.
    def title_ink(card):
        return card.convert("L").crop((0, 160, 1200, 300)).point(lambda v: 255 if v > 128 else 0).getbbox()
    assert title_ink(swedish)[0] == pytest.approx(50, abs=8) and title_ink(swedish)[2] < 1000
    assert title_ink(arabic)[2] == pytest.approx(1150, abs=8) and title_ink(arabic)[0] > 200
    poster = page(site, "ar", "affisch/stod/hemma/")
    assert '<html lang="ar" dir="rtl"' in poster and f'<h1 class="sl-poster__title">{title}</h1>' in poster
    assert translation("ar", "Skriv ut affischen") in poster and "Skriv ut affischen" not in poster
    assert f"<title>{translation('ar', 'Affisch: {title}').format(title=title)}" in poster


def test_an_editor_page_is_shown_in_the_language_that_has_it_and_marked_swedish_where_not(site):
    assert '<h1 id="stodlanken">عن Stödlänken</h1>' in page(site, "ar", "om/") and '<div lang="sv"' not in page(site, "ar", "om/")
    assert "<h1 id=\"about-stodlanken\">About Stödlänken</h1>" in page(site, "en", "om/")
    somali = page(site, "so", "om/")
    assert re.search(r'<div lang="sv">\s*<h1 id="om-stodlanken">Om Stödlänken</h1>', somali)  # no Somali page: Swedish, marked
    assert re.search(r'<div lang="sv" dir="ltr">\s*<h1 id="integritet">Integritet</h1>', page(site, "ar", "integritet/"))
    assert '<div lang="sv"' not in page(site, "", "om/") and '<div lang="sv"' not in page(site, "latt", "om/")
    # The list of posts in Tigrinya has its own heading; its cards are not marked Swedish.
    assert "<h1" in page(site, "ti", "inlagg/") and '<div lang="sv"' not in page(site, "ti", "inlagg/")
    # A translation is never published under its own name, in any language.
    assert not [path for path in site.rglob("*") if re.search(r"\.(ar|en|latt|so|ti|prs)(/|\.html|\.md)", path.as_posix())]
