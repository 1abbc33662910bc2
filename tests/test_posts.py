"""Unit tests for hooks/stodlanken/post_loader.py: the front matter contract and the consent gate."""

from __future__ import annotations

import shutil
import textwrap
from datetime import date
from pathlib import Path

import pytest

from stodlanken.consent import published_images, unpublished_files
from stodlanken.post_loader import load_posts, translations
from stodlanken.post_pages import block_placeholder, insert_blocks, list_pages, post_markdown, support_links
from stodlanken.posts import TYPE_LABELS, Captions, is_post_page

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_MEDIA = ROOT / "docs" / "inlagg" / "posts" / "media"
SITUATIONS = {"ma-daligt", "hemma", "vald", "sjalvmordstankar", "kropp-sex"}
SERVICES = {"112", "1177", "bris", "mind-sjalvmordslinjen", "kvinnofridslinjen", "polisen", "umo", "youmo"}
TODAY = date(2026, 11, 25)
LANGUAGES = ("sv", "sv-x-easy", "en", "ar", "so", "ti", "prs")

FILM = """\
---
title: En film om stöd
date: 2026-10-12
type: film
summary: En kort film.
situations: [ma-daligt]
services: [1177, bris]
media:
  video: media/vart-vander-jag-mig.mp4
  captions: media/vart-vander-jag-mig.sv.vtt
  poster: media/vart-vander-jag-mig.jpg
  poster_alt: En blå bild med text
  shows: [p1]
participants:
  - ref: p1
    consent: approved
    consent_date: 2026-10-02
    visible: true
    channels: [site, share, poster]
---

Text.
"""


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLE_MEDIA, docs / "inlagg" / "posts" / "media")
    return docs


def write(docs: Path, name: str, text: str) -> Path:
    path = docs / "inlagg" / "posts" / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(docs: Path, **options):
    return load_posts(docs, section="inlagg", root=docs.parent, situations=SITUATIONS, services=SERVICES,
                      today=options.pop("today", TODAY), **options)


def errors(problems):
    return [str(problem) for problem in problems if not problem.warning]


def test_example_posts_are_valid_and_published():
    posts, problems = load_posts(ROOT / "docs", section="inlagg", root=ROOT, situations=SITUATIONS,
                                 services=SERVICES, today=TODAY, languages=LANGUAGES)
    assert problems == [] and translations(posts)[1] == []
    assert {post.type for post in posts} == set(TYPE_LABELS)
    assert all(post.published for post in posts)
    assert [post.date for post in posts] == sorted((post.date for post in posts), reverse=True)
    podcast = next(post for post in posts if post.type == "podcast")
    assert podcast.duration == 37
    assert podcast.transcript == "inlagg/posts/media/att-vaga-prata.sv.md"


def test_valid_film_becomes_a_typed_record(docs):
    write(docs, "film.md", FILM)
    (post,), problems = load(docs)
    assert problems == []
    assert post.path == "docs/inlagg/posts/film.md"
    assert post.src_uri == "inlagg/posts/film.md"
    assert (post.slug, post.type, post.date) == ("film", "film", date(2026, 10, 12))
    assert post.services == ("1177", "bris")
    assert post.published and post.held_reason is None
    assert post.media_files == (
        "inlagg/posts/media/vart-vander-jag-mig.mp4",
        "inlagg/posts/media/vart-vander-jag-mig.sv.vtt",
        "inlagg/posts/media/vart-vander-jag-mig.jpg",
    )
    assert not hasattr(post, "participants")


def test_post_with_pending_consent_is_held_back_without_a_problem(docs):
    write(docs, "film.md", FILM.replace("consent: approved\n    consent_date: 2026-10-02", "consent: pending"))
    (post,), problems = load(docs)
    assert problems == []
    assert not post.published
    assert post.held_reason == "väntar på samtycke från p1"


def test_withdrawn_consent_unpublishes(docs):
    write(docs, "film.md", FILM.replace("consent: approved", "consent: withdrawn"))
    (post,), problems = load(docs)
    assert errors(problems) == []
    assert post.held_reason == "p1 har återkallat sitt samtycke"


@pytest.mark.parametrize("guardian, reason", [
    (None, "väntar på vårdnadshavares samtycke för p1 (under 18 år)"),
    ("pending", "väntar på vårdnadshavares samtycke för p1 (under 18 år)"),
    ("withdrawn", "vårdnadshavaren till p1 har återkallat sitt samtycke"),
    ("approved", None),
])
def test_minor_needs_guardian_consent(docs, guardian, reason):
    extra = "    minor: true\n" + (f"    guardian_consent: {guardian}\n" if guardian else "")
    write(docs, "film.md", FILM.replace("    visible: true\n", "    visible: true\n" + extra))
    (post,), problems = load(docs)
    assert problems == []
    assert post.held_reason == reason


def test_guardian_age_setting_is_named_in_the_reason(docs):
    write(docs, "film.md", FILM.replace("    visible: true\n", "    visible: true\n    minor: true\n"))
    (post,), _ = load(docs, guardian_age=15)
    assert post.held_reason.endswith("(under 15 år)")


@pytest.mark.parametrize("field, value, reason", [
    ("publish_from", "2026-12-01", "publiceras först 2026-12-01 (publish_from)"),
    ("publish_until", "2026-11-24", "publiceringstiden tog slut 2026-11-24 (publish_until)"),
    ("publish_from", "2026-11-25", None),
    ("publish_until", "2026-11-25", None),
])
def test_publish_window(docs, field, value, reason):
    write(docs, "film.md", FILM.replace("type: film\n", f"type: film\n{field}: {value}\n"))
    (post,), problems = load(docs)
    assert problems == []
    assert post.held_reason == reason


def test_old_consent_is_a_warning_not_an_error(docs):
    write(docs, "film.md", FILM.replace("consent_date: 2026-10-02", "consent_date: 2025-10-01"))
    (post,), problems = load(docs)
    assert post.published
    assert [str(problem) for problem in problems] == [
        "docs/inlagg/posts/film.md:17: participants[0].consent_date: samtycket för p1 är äldre än 12 månader"
        " — fråga p1 om samtycket fortfarande gäller och skriv in det nya datumet"
    ]
    assert problems[0].warning


def test_consent_review_age_is_configurable(docs):
    write(docs, "film.md", FILM)
    _, problems = load(docs, consent_review_days=30)
    assert [problem.warning for problem in problems] == [True]


def test_visible_false_participant_in_shows_is_an_error(docs):
    write(docs, "film.md", FILM.replace("visible: true", "visible: false"))
    (post,), problems = load(docs)
    assert errors(problems) == [
        "docs/inlagg/posts/film.md:13: media.shows[0]: p1 får inte synas på bild (visible: false, eller face saknas i appears)"
        " — ta bort p1 från shows och byt bilden mot en där p1 inte syns"
    ]
    assert not post.published and not post.valid


def test_visible_false_participant_in_a_slide_is_an_error(docs):
    write(docs, "bildspel.md", """\
        ---
        title: Bildspel
        date: 2026-10-12
        type: slideshow
        summary: Bilder.
        situations: [hemma]
        media:
          slides:
            - image: media/fem-stallen-1.jpg
              alt: En rubrik på blå bakgrund
            - image: media/fem-stallen-2.jpg
              alt: En rubrik på röd bakgrund
              shows: [p1, p2]
        participants:
          - {ref: p1, consent: approved, consent_date: 2026-10-01}
          - {ref: p2, consent: approved, consent_date: 2026-10-01, visible: false}
        ---
        """)
    _, problems = load(docs)
    assert errors(problems) == [
        "docs/inlagg/posts/bildspel.md:13: media.slides[1].shows[1]: p2 får inte synas på bild (visible: false, eller face saknas i appears)"
        " — ta bort p2 från shows och byt bilden mot en där p2 inte syns"
    ]


@pytest.mark.parametrize("change, expected", [
    (("type: film", "type: video"), ":4: type: okänd typ ”video” — skriv film, slideshow, podcast eller text"),
    (("title: En film om stöd\n", ""), ": title: saknas — lägg till title: … i front matter"),
    (("situations: [ma-daligt]", "situations: [ma-dalig]"), ":6: situations[0]: okänd situation ”ma-dalig”"),
    (("services: [1177, bris]", "services: [1177, brys]"), ":7: services[1]: okänd tjänst ”brys”"),
    (("vart-vander-jag-mig.mp4", "finns-inte.mp4"), ":9: media.video: filen ”media/finns-inte.mp4” finns inte"),
    (("  captions: media/vart-vander-jag-mig.sv.vtt\n", ""), ": media.captions: saknas"),
    (("poster_alt: En blå bild med text", "poster_alt: ''"), ":12: media.poster_alt: saknas eller är tom"),
    (("poster_alt: En blå bild med text", "poster_alt: IMG_2041.jpg"), ":12: media.poster_alt: ”IMG_2041.jpg” ser ut som ett filnamn"),
    (("poster_alt: En blå bild med text", "poster_alt: vart-vander-jag-mig"), ":12: media.poster_alt: ”vart-vander-jag-mig” ser ut som ett filnamn"),
    (("    consent_date: 2026-10-02\n", ""), ":15: participants[0].consent_date: saknas — skriv datumet då samtycket gavs, t.ex. 2026-10-01"),
    (("consent: approved", "consent: ja"), ":16: participants[0].consent: okänt värde ”ja”"),
    (("shows: [p1]", "shows: [p9]"), ":13: media.shows[0]: ”p9” finns inte bland participants"),
    (("summary: En kort film.", "summary: " + "x" * 161), ":5: summary: är 161 tecken lång"),
    (("date: 2026-10-12", "date: 12 oktober"), ":3: date: ”12 oktober” är inget datum"),
    (("credits", "credits"), None),
    (("type: film\n", "type: film\nsituation: [hemma]\n"), ":5: situation: okänt fält"),
])
def test_each_mistake_is_one_line_naming_file_line_and_field(docs, change, expected):
    write(docs, "film.md", FILM.replace(*change))
    (post,), problems = load(docs)
    if expected is None:
        assert problems == []
        return
    (problem,) = errors(problems)
    assert problem.startswith("docs/inlagg/posts/film.md")
    assert expected in problem
    assert " — " in problem and "\n" not in problem
    assert not post.published


def test_participant_ref_must_be_a_pseudonym(docs):
    write(docs, "film.md", FILM.replace("ref: p1", "ref: Anna Svensson").replace("shows: [p1]", "shows: []"))
    _, problems = load(docs)
    assert errors(problems) == [
        "docs/inlagg/posts/film.md:15: participants[0].ref: ”Anna Svensson” är ingen pseudonym"
        " — skriv en kort pseudonym som p1 (aldrig ett riktigt namn)"
    ]


def test_podcast_without_transcript_is_an_error(docs):
    write(docs, "podd.md", """\
        ---
        title: Podd
        date: 2026-10-12
        type: podcast
        summary: Ett samtal.
        situations: [ma-daligt]
        media:
          audio: media/att-vaga-prata.mp3
        participants:
          - {ref: p1, consent: approved, consent_date: 2026-10-01}
        ---
        """)
    _, problems = load(docs)
    assert errors(problems) == ["docs/inlagg/posts/podd.md:7: media.transcript: saknas — lägg till transcript: media/filnamn (.md eller .txt)"]


def test_media_post_without_participants_is_an_error(docs):
    write(docs, "film.md", FILM.split("participants:")[0].replace("  shows: [p1]\n", "") + "---\n")
    _, problems = load(docs)
    assert any(": participants: saknas" in line for line in errors(problems))


def test_captions_must_be_webvtt(docs):
    (docs / "inlagg/posts/media/fel.vtt").write_text("1\n00:00:00,000 --> 00:00:01,000\nHej\n", encoding="utf-8")
    write(docs, "film.md", FILM.replace("vart-vander-jag-mig.sv.vtt", "fel.vtt"))
    _, problems = load(docs)
    assert [line.split(": ", 2)[1] for line in errors(problems)] == ["media.captions"]


@pytest.mark.parametrize("name", ["Film.md", "när-bråk.md", "film_1.md", "a" * 41 + ".md"])
def test_file_name_must_fit_in_a_url(docs, name):
    write(docs, name, FILM)
    (post,), problems = load(docs)
    assert [problem.field for problem in problems] == ["(filnamn)"]
    assert not post.published


def test_broken_yaml_is_one_problem_with_a_line_number(docs):
    write(docs, "film.md", FILM.replace("summary: En kort film.", "summary: [En kort film."))
    (post,), problems = load(docs)
    (line,) = errors(problems)
    assert line.startswith("docs/inlagg/posts/film.md:") and "ogiltig YAML" in line
    assert not post.published


def test_missing_front_matter(docs):
    write(docs, "film.md", "# Bara text\n")
    (post,), problems = load(docs)
    assert errors(problems) == ["docs/inlagg/posts/film.md:1: (front matter): saknas — börja filen med en rad ---, fälten (title, date, type …) och en rad ---"]


def test_all_mistakes_of_a_post_are_reported_at_once(docs):
    text = FILM.replace("type: film", "type: film\nsituation: x").replace("services: [1177, bris]", "services: [nope]")
    write(docs, "film.md", text.replace("poster_alt: En blå bild med text", "poster_alt: ''"))
    _, problems = load(docs)
    assert len(errors(problems)) == 3


def test_text_post_needs_no_media_or_participants(docs):
    write(docs, "text.md", """\
        ---
        title: Text
        date: 2026-10-12
        type: text
        summary: Bara text.
        situations: [hemma]
        ---
        """)
    (post,), problems = load(docs)
    assert problems == [] and post.published and post.media_files == ()


def test_transcripts_in_subfolders_are_not_posts():
    assert is_post_page("inlagg/posts/film.md", "inlagg")
    assert not is_post_page("inlagg/posts/media/podd.sv.md", "inlagg")
    assert not is_post_page("inlagg/index.md", "inlagg")


def test_no_posts_directory_is_fine(tmp_path):
    assert load_posts(tmp_path, section="inlagg", root=tmp_path, situations=set(), services=set(), today=TODAY) == ([], [])


def test_unpublished_files_are_held_posts_their_media_transcripts_and_leftovers(docs):
    write(docs, "film.md", FILM)
    write(docs, "vantar.md", FILM.replace("consent: approved", "consent: pending")
          .replace("vart-vander-jag-mig.mp4", "zebrafink.mp4"))
    shutil.copy2(docs / "inlagg/posts/media/vart-vander-jag-mig.mp4", docs / "inlagg/posts/media/zebrafink.mp4")
    posts, _ = load(docs)
    uris = ["index.md", "inlagg/index.md", "inlagg/posts/film.md", "inlagg/posts/vantar.md",
            "inlagg/posts/media/vart-vander-jag-mig.mp4", "inlagg/posts/media/vart-vander-jag-mig.jpg",
            "inlagg/posts/media/zebrafink.mp4", "inlagg/posts/media/oanvand.png",
            "inlagg/posts/media/att-vaga-prata.sv.md", "assets/logo.svg"]
    assert unpublished_files(uris, posts, "inlagg") == {
        "inlagg/posts/vantar.md", "inlagg/posts/media/zebrafink.mp4", "inlagg/posts/media/oanvand.png",
        "inlagg/posts/media/att-vaga-prata.sv.md",
    }
    assert published_images(posts) == {"inlagg/posts/media/vart-vander-jag-mig.jpg"}


def test_post_markdown_orders_lead_media_text_transcript_support_and_our_blocks_go_in_after():
    markdown = post_markdown("Brödtext.", transcript="**A:** Hej.")
    lead, media, support = (block_placeholder(name) for name in ("lead", "media", "support"))
    assert markdown == (
        f"{lead}\n\n{media}\n\nBrödtext.\n\n"
        f"## Det här sägs i podden {{#transkription}}\n\n**A:** Hej.\n\n{support}\n"
    )
    page = f"<p>{lead}</p>\n<p>{media}</p>\n<p>Brödtext.</p>\n<p>{support}</p>"
    blocks = {"lead": "<div>Film</div>", "media": "<video></video>", "support": "<section>Här får du stöd</section>"}
    assert insert_blocks(page, blocks) == "<div>Film</div>\n<video></video>\n<p>Brödtext.</p>\n<section>Här får du stöd</section>"


def test_list_pages_split_newest_first_with_addresses():
    many = [type("P", (), {"slug": f"p{n}"})() for n in range(5)]
    pages = list_pages(many, "inlagg", 2)
    assert [(page.number, page.count, page.src_uri, page.url, [post.slug for post in page.posts]) for page in pages] == [
        (1, 3, "inlagg/index.md", "inlagg/", ["p0", "p1"]),
        (2, 3, "inlagg/sida/2.md", "inlagg/sida/2/", ["p2", "p3"]),
        (3, 3, "inlagg/sida/3.md", "inlagg/sida/3/", ["p4"]),
    ]
    (only,) = list_pages([], "inlagg", 20)
    assert (only.number, only.count, only.url, only.posts) == (1, 1, "inlagg/", ())


def test_support_links_follow_the_post_and_skip_services_no_longer_shown(docs):
    write(docs, "film.md", FILM)
    (post,), _ = load(docs)

    class Phone:
        display, tel = "116 111", "116111"

    class Service:
        id, name, summary, phone = "bris", "BRIS", "Prata anonymt.", Phone()

    class Situation:
        id, title = "ma-daligt", "Jag mår dåligt"

    class Directory:
        services = {"bris": Service()}  # 1177 has become inactive

        def situation(self, situation_id):
            return Situation() if situation_id == "ma-daligt" else None

    services, situations = support_links(post, Directory(), lambda path: "../../" + path)
    assert [(s.url, s.title, s.call, s.call_label) for s in services] == [
        ("../../stod/tjanst/bris/", "BRIS", "tel:116111", "Ring 116 111")]
    assert [(s.url, s.title) for s in situations] == [("../../stod/ma-daligt/", "Jag mår dåligt")]


def test_a_video_with_location_data_is_published_without_it(copy_example):
    from datetime import date

    from stodlanken import cache, recordings
    from stodlanken.post_loader import load_posts

    project = copy_example()
    video = project / "docs" / "inlagg" / "posts" / "media" / "vart-vander-jag-mig.mp4"
    # What a phone writes into an MP4's user data: a `©xyz` atom with ISO 6709 coordinates.
    atom = b"\xa9xyz" + b"\x00\x12\x15\xc7" + b"+56.0465+012.6945/"
    video.write_bytes(video.read_bytes() + (len(atom) + 4).to_bytes(4, "big") + atom)
    posts, problems = load_posts(project / "docs", section="inlagg", root=project, situations={"ma-daligt"},
                                 services={"1177", "bris", "umo"}, today=date(2026, 11, 25), languages=LANGUAGES)
    assert not [str(problem) for problem in problems if "vart-vander-jag-mig" in problem.path]
    assert next(post for post in posts if post.slug == "vart-vander-jag-mig").published
    clean = recordings.clean(video, cache.Dirs(project).recordings).file.read_bytes()
    assert b"\xa9xyz" not in clean and b"+56.0465" not in clean


# --- Posts in several languages -----------------------------------------------------------

BOTH = "  captions:\n    sv: media/vart-vander-jag-mig.sv.vtt\n    ar: media/vart-vander-jag-mig.ar.vtt\n"


def test_captions_per_language_become_tracks_the_posts_own_language_first(docs):
    arabic = FILM.replace("  captions: media/vart-vander-jag-mig.sv.vtt\n", BOTH).replace("type: film\n", "type: film\nlang: ar\n")
    write(docs, "film.md", arabic)
    (post,), problems = load(docs, languages=LANGUAGES)
    assert problems == []
    assert post.captions == (Captions("ar", "inlagg/posts/media/vart-vander-jag-mig.ar.vtt"),
                             Captions("sv", "inlagg/posts/media/vart-vander-jag-mig.sv.vtt"))
    assert set(post.media_files) >= {captions.uri for captions in post.captions}


@pytest.mark.parametrize("captions, expected", [
    # the post's own language (Swedish) is missing
    ("  captions:\n    ar: media/vart-vander-jag-mig.ar.vtt\n",
     ["film.md:10: media.captions: har inga undertexter på inläggets eget språk (sv) — lägg till en rad sv: media/filnamn.sv.vtt"]),
    # a file for one language given as another
    ("  captions:\n    sv: media/vart-vander-jag-mig.sv.vtt\n    en: media/vart-vander-jag-mig.ar.vtt\n",
     ["film.md:12: media.captions.en: ”vart-vander-jag-mig.ar.vtt” är märkt som språket ”ar”, men sidan visar undertexterna som ”en”"]),
    # no such language
    ("  captions:\n    sv: media/vart-vander-jag-mig.sv.vtt\n    arabiska: media/vart-vander-jag-mig.ar.vtt\n",
     ["film.md:12: media.captions.arabiska: ”arabiska” är ingen språkkod som går att känna igen"]),
    ("  captions:\n    sv: media/vart-vander-jag-mig.sv.vtt\n    xx: media/vart-vander-jag-mig.ar.vtt\n",
     ["film.md:12: media.captions.xx: ”xx” är ingen språkkod"]),
    # a list instead of a block, an address, a missing file
    ("  captions: [media/vart-vander-jag-mig.sv.vtt]\n", ["film.md:10: media.captions: ”['media/vart-vander-jag-mig.sv.vtt']” är ingen fil"]),
    ("  captions:\n    sv: https://example.org/film.vtt\n", ["film.md:11: media.captions.sv: ”https://example.org/film.vtt” är ingen fil"]),
    ("  captions:\n    sv: media/vart-vander-jag-mig.sv.vtt\n    ar: media/saknas.ar.vtt\n",
     ["film.md:12: media.captions.ar: filen ”media/saknas.ar.vtt” finns inte"]),
    ("  captions:\n", ["film.md:10: media.captions: saknas"]),
    # duplicate keys: YAML would keep the last one without a word
    ("  captions:\n    sv: media/vart-vander-jag-mig.sv.vtt\n    sv: media/vart-vander-jag-mig.ar.vtt\n", ["film.md:12: sv: står två gånger"]),
])
def test_a_mistake_in_captions_per_language_is_one_line_and_holds_the_post(docs, captions, expected):
    write(docs, "film.md", FILM.replace("  captions: media/vart-vander-jag-mig.sv.vtt\n", captions))
    (post,), problems = load(docs, languages=LANGUAGES)
    found = errors(problems)
    assert len(found) == len(expected) and not post.published, found
    for line, start in zip(found, expected):
        assert line.startswith(f"docs/inlagg/posts/{start}") and " — " in line, line


def test_one_caption_file_is_in_the_posts_language_and_must_not_say_another(docs):
    arabic = FILM.replace("type: film\n", "type: film\nlang: ar\n")
    write(docs, "film.md", arabic)
    _, problems = load(docs, languages=LANGUAGES)
    assert errors(problems) == ["docs/inlagg/posts/film.md:11: media.captions: ”vart-vander-jag-mig.sv.vtt” är märkt som språket ”sv”,"
                                " men sidan visar undertexterna som ”ar” — döp om filen till vart-vander-jag-mig.ar.vtt, eller skriv"
                                " undertexterna per språk: captions: och raderna ar: … och sv: … under"]
    write(docs, "film.md", arabic.replace("vart-vander-jag-mig.sv.vtt", "vart-vander-jag-mig.ar.vtt"))
    (post,), problems = load(docs, languages=LANGUAGES)
    assert problems == [] and post.captions == (Captions("ar", "inlagg/posts/media/vart-vander-jag-mig.ar.vtt"),)


def _translation(of: str, lang: str = "ar") -> str:
    """A film in `lang` translating `of`, with captions in `lang` (the example has sv and ar; en is written by the test)."""
    return FILM.replace("type: film\n", f"type: film\nlang: {lang}\ntranslation_of: {of}\n").replace(
        "vart-vander-jag-mig.sv.vtt", f"vart-vander-jag-mig.{lang}.vtt")


def test_translations_are_linked_by_the_original_and_only_when_published(docs):
    write(docs, "film.md", FILM)
    write(docs, "film-ar.md", _translation("film"))
    posts, problems = load(docs, languages=LANGUAGES)
    versions, wrong = translations(posts)
    assert problems == [] and wrong == []
    assert {lang: post.slug for lang, post in versions["film"].items()} == {"sv": "film", "ar": "film-ar"}
    # Consent withdrawn from the Arabic version: the Swedish one stands alone.
    write(docs, "film-ar.md", _translation("film").replace("consent: approved", "consent: withdrawn"))
    versions, wrong = translations(load(docs, languages=LANGUAGES)[0])
    assert versions == {} and wrong == []


@pytest.mark.parametrize("files, expected", [
    ({"film-ar.md": _translation("filmen")}, "docs/inlagg/posts/film-ar.md: translation_of: det finns inget inlägg ”filmen”"),
    ({"film-ar.md": _translation("film-en"), "film-en.md": _translation("film", "en")},
     "docs/inlagg/posts/film-ar.md: translation_of: ”film-en” är själv en översättning (av film) — skriv translation_of: film"),
    ({"film-2.md": _translation("film", "sv")}, "docs/inlagg/posts/film-2.md: translation_of: ”film” är också på sv"),
    ({"film-ar.md": _translation("film"), "film-ar2.md": _translation("film")},
     "docs/inlagg/posts/film-ar2.md: translation_of: docs/inlagg/posts/film-ar.md är redan översättningen på ar"),
])
def test_a_wrong_translation_of_is_one_line_and_links_nothing_wrong(docs, files, expected):
    media = docs / "inlagg" / "posts" / "media"
    (media / "vart-vander-jag-mig.en.vtt").write_bytes((media / "vart-vander-jag-mig.sv.vtt").read_bytes())
    write(docs, "film.md", FILM)
    for name, text in files.items():
        write(docs, name, text)
    posts, problems = load(docs, languages=LANGUAGES)
    versions, wrong = translations(posts)
    assert errors(problems) == [] and [str(problem).split(" — ")[0] for problem in wrong] == [expected.split(" — ")[0]]
    assert str(wrong[0]).startswith(expected)
    assert all(len({post.lang for post in group.values()}) == len(group) for group in versions.values())


@pytest.mark.parametrize("value, expected", [
    ("film-ar", ":4: translation_of: pekar på inlägget självt"),
    ("[film]", ":4: translation_of: "),
    ("12", None),  # a number is text here: there is no post "12"
])
def test_translation_of_in_the_post_itself(docs, value, expected):
    write(docs, "film-ar.md", FILM.replace("type: film\n", f"translation_of: {value}\ntype: film\n"))
    (post,), problems = load(docs, languages=LANGUAGES)
    if expected is None:
        assert errors(problems) == [] and [str(p).split(":")[1] for p in translations([post])[1]] == [" translation_of"]
        return
    (line,) = errors(problems)
    assert line.startswith(f"docs/inlagg/posts/film-ar.md{expected}") and " — " in line
