"""Consent per channel (hooks/stodlanken/channels.py, consent.py, hooks/channels.py): the
contract under editors' mistakes, and real builds walked file by file."""

from __future__ import annotations

import shutil
import textwrap
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from stodlanken import channels
from stodlanken.post_loader import load_posts

SITUATIONS = {"ma-daligt", "hemma", "vald", "sjalvmordstankar", "kropp-sex"}
SERVICES = {"1177", "bris", "umo"}
TODAY = date(2026, 11, 25)
EXAMPLE_MEDIA = ROOT / "docs" / "inlagg" / "posts" / "media"

PODCAST = """\
---
title: Att våga prata
date: 2026-10-12
type: podcast
summary: Ett samtal.
situations: [ma-daligt]
media:
  audio: media/att-vaga-prata.mp3
  transcript: media/att-vaga-prata.sv.md
participants:
  - ref: p4
    consent: approved
    consent_date: 2026-10-10
    channels: [site, share, poster, podcast]
    appears: [voice]
  - ref: p5
    consent: approved
    consent_date: 2026-10-11
    channels: [site, podcast]
    appears: [voice, name]
    name: Sara
---

Text.
"""

SLIDESHOW = """\
---
title: Fem ställen
date: 2026-10-12
type: slideshow
summary: Bilder.
situations: [ma-daligt]
media:
  slides:
    - image: media/fem-stallen-1.jpg
      alt: Texten ”1. Skolkuratorn”
      shows: [p1]
participants:
  - ref: p1
    consent: approved
    consent_date: 2026-10-05
    channels: [site]
    appears: [face]
---
"""


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLE_MEDIA, docs / "inlagg" / "posts" / "media")
    return docs


def load(docs: Path, name: str, text: str, **options):
    (docs / "inlagg" / "posts" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (post,), problems = load_posts(docs, section="inlagg", root=docs.parent, situations=SITUATIONS, services=SERVICES,
                                   today=TODAY, **options)
    return post, [str(problem) for problem in problems]


def errors(lines):
    return [line for line in lines if "varning" not in line.lower()]


# --- Which channel each output belongs to -------------------------------------------------

@pytest.mark.parametrize(("path", "expected"), [
    ("inlagg/att-vaga-prata/index.html", ("site", "att-vaga-prata")),
    ("inlagg/media/5b30d84b0582f43ba9f509bee81cdcd3.mp4", ("site", None)),
    ("inlagg/index.html", ("site", None)),
    ("inlagg/sida/2/index.html", ("site", None)),
    ("l/att-vaga-prata/index.html", ("site", "att-vaga-prata")),
    ("kort/inlagg/att-vaga-prata.png", ("share", "att-vaga-prata")),
    ("kort/inlagg/att-vaga-prata-story.png", ("share", "att-vaga-prata")),
    ("kort/stod/hemma.png", ("share", None)),
    ("kort/webbplats.png", ("share", None)),
    ("kort/podd.png", ("podcast", None)),
    ("podd.xml", ("podcast", None)),
    ("affisch/inlagg/att-vaga-prata/index.html", ("poster", "att-vaga-prata")),
    ("affisch/inlagg/att-vaga-prata/qr.svg", ("poster", "att-vaga-prata")),
    ("affisch/stod/hemma/index.html", ("poster", None)),
    ("ar/kort/inlagg/vart-vander-jag-mig-ar.png", ("share", "vart-vander-jag-mig-ar")),
    ("ar/inlagg/vart-vander-jag-mig-ar/index.html", ("site", "vart-vander-jag-mig-ar")),
    ("stod/tjanst/bris/index.html", ("site", None)),
    ("feed.xml", ("site", None)),
    ("assets/javascripts/safety.e3f8de1695.js", ("site", None)),
    # What must never be published has no channel: a post's source, a transcript as a file.
    ("inlagg/posts/att-vaga-prata.md", (None, None)),
    ("inlagg/posts/media/att-vaga-prata.sv.md", (None, None)),
    ("inlagg/att-vaga-prata/utkast.txt", (None, None)),
])
def test_every_output_belongs_to_one_channel_and_a_posts_outputs_name_the_post(path, expected):
    assert channels.output(path, frozenset({"ar"})) == expected


def test_a_post_named_like_a_story_card_keeps_its_own_card():
    assert channels.output("kort/inlagg/min-story.png", slugs=frozenset({"min-story"})) == ("share", "min-story")
    assert channels.output("kort/inlagg/min-story-story.png", slugs=frozenset({"min-story"})) == ("share", "min-story")


# --- The contract in the front matter ------------------------------------------------------

def test_a_post_goes_only_where_every_participant_agreed_and_names_only_whom_agreed(docs):
    post, lines = load(docs, "podd.md", PODCAST)
    assert lines == [] and post.published
    assert post.channels == {"site", "podcast"}
    assert post.names == ("Sara",)


def test_old_front_matter_means_the_organisations_default_and_check_says_so(docs):
    old = PODCAST.replace("    channels: [site, share, poster, podcast]\n", "").replace("    channels: [site, podcast]\n", "")
    post, lines = load(docs, "podd.md", old)
    assert post.published and post.channels == {"site"}
    assert [line.split(" — ")[0] for line in lines] == [
        "docs/inlagg/posts/podd.md:12: participants[0].channels: saknas: samtycket för p4 gäller bara webbplatsen (consent_default_channels i mkdocs.yml)",
        "docs/inlagg/posts/podd.md:16: participants[1].channels: saknas: samtycket för p5 gäller bara webbplatsen (consent_default_channels i mkdocs.yml)",
    ]
    post, _ = load(docs, "podd.md", old, default_channels=("site", "share", "podcast"))
    assert post.channels == {"site", "share", "podcast"}


def test_no_consent_to_the_site_holds_the_post_back(docs):
    post, lines = load(docs, "podd.md", PODCAST.replace("channels: [site, podcast]", "channels: [podcast]"))
    assert lines == [] and not post.published
    assert post.held_reason == "p5 har inte samtyckt till webbplatsen (channels)"


@pytest.mark.parametrize(("change", "expected", "channels_left"), [
    (("channels: [site, podcast]", "channels: site, podcast"), ":19: participants[1].channels: ska vara en lista, inte ”site, podcast”", set()),
    (("channels: [site, podcast]", "channels: [site, podd]"), ":19: participants[1].channels: okänt värde ”podd”", {"site"}),
    (("channels: [site, podcast]", "channels: [Site, podcast]"), ":19: participants[1].channels: okänt värde ”Site”", {"podcast"}),
    (("channels: [site, podcast]", "channels: {site: true}"), ":19: participants[1].channels: ska vara en lista", set()),
    (("appears: [voice, name]\n    name: Sara", "appears: [voice, namn]"), ":20: participants[1].appears: okänt värde ”namn”", None),
    (("appears: [voice, name]", "appears: [voice]"), ":21: participants[1].name: p5 har inte samtyckt till att synas med namn", None),
    (("name: Sara", "name: Sara Ek"), ":21: participants[1].name: ”Sara Ek” är inget förnamn", None),
    (("name: Sara", "name: 12"), ":21: participants[1].name: ”12” är inget förnamn", None),
    (("appears: [voice]\n  - ref: p5", "appears: []\n  - ref: p5"), ": participants: p4 hörs i podden men har inte samtyckt till att höras", None),
    (("    appears: [voice]\n  - ref: p5", "    appears: [voice]\n    visible: false\n  - ref: p5"), None, None),
    (("    appears: [voice]\n  - ref: p5", "    appears: [voice, face]\n    visible: false\n  - ref: p5"),
     ":16: participants[0].visible: säger false men appears säger att p4 får synas", None),
])
def test_each_mistake_in_channels_or_appearance_is_one_line_and_the_narrowest_reading(docs, change, expected, channels_left):
    post, lines = load(docs, "podd.md", PODCAST.replace(*change))
    found = errors(lines)
    if expected is None:
        assert found == []
        return
    assert len(found) == 1 and found[0].startswith("docs/inlagg/posts/podd.md") and expected in found[0], found
    assert " — " in found[0] and "\n" not in found[0] and not post.published
    if channels_left is not None:  # what the post would be allowed, were the mistake the only thing wrong
        from stodlanken import consent
        from stodlanken.problems import Checker, parse_yaml

        meta = parse_yaml(PODCAST.replace(*change).split("---\n")[1])
        refs, _ = consent.check_participants(Checker("x"), meta, "podcast", today=TODAY, review_days=365, guardian_age=18)
        assert refs["p5"].channels == channels_left


@pytest.mark.parametrize(("appears", "ok"), [("[face]", True), ("[voice]", False), ("[]", False), ("[face, voice, name]", True)])
def test_nobody_without_face_in_appears_may_be_shown(docs, appears, ok):
    post, lines = load(docs, "bild.md", SLIDESHOW.replace("appears: [face]", f"appears: {appears}"))
    if ok:
        assert lines == [] and post.published
    else:
        assert errors(lines) == ["docs/inlagg/posts/bild.md:11: media.slides[0].shows[0]: p1 får inte synas på bild (visible: false, eller face"
                                 " saknas i appears) — ta bort p1 från shows och byt bilden mot en där p1 inte syns"]


# --- Real builds --------------------------------------------------------------------------

def test_a_post_whose_participants_agreed_to_different_channels_is_only_where_both_agreed(case_build):
    built = case_build("channels_differ")
    assert built.ok, built.output
    site = built.site_dir
    page = (site / "inlagg" / "att-vaga-prata" / "index.html").read_text(encoding="utf-8")
    assert "Att våga säga det första ordet" in page
    assert not (site / "affisch" / "inlagg" / "att-vaga-prata").exists()
    assert not list((site / "kort" / "inlagg").glob("att-vaga-prata*"))
    # Shared, the page shows the site's card, and it offers no poster.
    assert 'property="og:image" content="https://stodlanken.example.org/kort/webbplats.png"' in page
    assert "affisch/inlagg/att-vaga-prata" not in page
    assert "att-vaga-prata" not in (site / "podd.xml").read_text(encoding="utf-8")
    assert "inlagg/att-vaga-prata/" in (site / "feed.xml").read_text(encoding="utf-8")  # the site's own feed: the site
    # The other posts keep all of theirs.
    assert (site / "affisch" / "inlagg" / "fem-stallen" / "index.html").is_file() and (site / "kort" / "inlagg" / "fem-stallen.png").is_file()
    assert not _unconsented(site)


def _unconsented(site: Path, prefixes: frozenset[str] = frozenset()) -> list[str]:
    """Every file in `site` no channel claims, or that shows a post in a channel it has no
    consent for; the posts read from the project beside `site`, as `make check` reads them."""
    from stodlanken.check import load_site
    from stodlanken.site import build_date

    project = site.parent / "project"
    posts = {post.slug: post for post in load_site(project / "mkdocs.yml", build_date()).posts}
    wrong = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        channel, slug = channels.output(rel, prefixes, frozenset(posts))
        if channel not in channels.CHANNELS:
            wrong.append(f"{rel}: no channel")
        elif slug in posts and (channel not in posts[slug].channels or not posts[slug].published):
            wrong.append(f"{rel}: {channel} for {slug}")
    return wrong


def test_every_file_of_the_example_in_every_language_belongs_to_a_channel_its_post_agreed_to(languages_site):
    prefixes = frozenset(path.name for path in languages_site.iterdir() if (path / "index.html").is_file() and path.name in
                         {"latt", "en", "ar", "so", "ti", "prs"})
    assert len(prefixes) == 6
    assert _unconsented(languages_site, prefixes) == []
    # The walk sees the post-owned files it is meant to check.
    owned = [path for path in languages_site.rglob("*") if path.is_file()
             and channels.output(path.relative_to(languages_site).as_posix(), prefixes)[1] in {"fem-stallen", "vart-vander-jag-mig-ar"}]
    assert {channels.output(path.relative_to(languages_site).as_posix(), prefixes)[0] for path in owned} == {"site", "share", "poster"}


def test_a_page_put_where_a_poster_goes_is_not_published_without_consent(copy_example):
    """An editor who makes a poster page by hand for a post whose participants said no to
    posters: the build refuses it, names it, and never publishes it. (An image put where a
    share card goes gets a name made from its content, like every image, so it cannot pass
    for the post's card.)"""
    project = copy_example(case="channels_differ")
    (project / "docs" / "affisch" / "inlagg" / "att-vaga-prata").mkdir(parents=True)
    (project / "docs" / "affisch" / "inlagg" / "att-vaga-prata" / "index.md").write_text("# Affisch\n\nHandgjord.\n", encoding="utf-8")
    strict = run_build(project, strict=True)
    assert not strict.ok
    assert ("affisch/inlagg/att-vaga-prata/index.html: hör till kanalen poster, som inte alla i docs/inlagg/posts/att-vaga-prata.md"
            " har samtyckt till; filen publiceras inte") in strict.output
    assert "Traceback" not in strict.output
    lenient = run_build(project, strict=False, site_dir=project.parent / "lenient")
    assert lenient.ok
    assert not (lenient.site_dir / "affisch" / "inlagg" / "att-vaga-prata").exists()
    assert "Att våga säga det första ordet" in (lenient.site_dir / "inlagg" / "att-vaga-prata" / "index.html").read_text(encoding="utf-8")
