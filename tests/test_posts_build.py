"""Build tests for posts: real `mkdocs build --strict` runs of the example and of changed copies."""

from __future__ import annotations

import gzip
import re
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from conftest import FIXTURES


def add_post(project: Path, name: str, text: str) -> Path:
    path = project / "docs" / "inlagg" / "posts" / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def everything_in(site_dir: Path) -> str:
    """Every output file as text, gzip files (sitemap.xml.gz, Pagefind's index) unpacked."""
    texts = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            texts.append(data.decode("utf-8", "replace"))
    return "\n".join(texts)


# A published media file's name: made from its content, never the editor's file name.
HASHED = r"[0-9a-f]{32}"


def built_files(site_dir: Path) -> set[str]:
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}


# --- the example site ------------------------------------------------------------------


@pytest.mark.parametrize("slug, player", [
    ("vart-vander-jag-mig", '<video class="sl-media__player" controls preload="metadata" playsinline'),
    ("fem-stallen", '<ol class="sl-slideshow__slides">'),
    ("att-vaga-prata", '<audio class="sl-media__player" controls preload="none">'),
    ("brak-hemma", '<p class="sl-post__summary">'),
])
def test_every_example_post_has_its_media_and_ends_with_support(example_site, slug, player):
    html = (example_site / "inlagg" / slug / "index.html").read_text(encoding="utf-8")
    assert player in html
    assert "autoplay" not in html
    assert html.index(player) < html.index("Här får du stöd")
    assert re.search(r'href="\.\./\.\./stod/tjanst/bris/"', html)
    assert re.search(r'href="\.\./\.\./stod/(ma-daligt|hemma)/"', html)


def test_film_has_default_swedish_captions_and_a_poster(example_site):
    html = (example_site / "inlagg" / "vart-vander-jag-mig" / "index.html").read_text(encoding="utf-8")
    track = re.search(rf'<track kind="captions" src="\.\./media/({HASHED}\.vtt)" srclang="sv" label="Svenska" default>', html)
    assert track, html
    assert re.search(rf'poster="\.\./media/{HASHED}\.jpg"', html)
    assert "Startbild: Texten ”Vart vänder jag mig?” på blå bakgrund" in html
    assert (example_site / "inlagg" / "media" / track.group(1)).read_text().startswith("WEBVTT")


def test_podcast_page_has_transcript_and_duration(example_site):
    html = (example_site / "inlagg" / "att-vaga-prata" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="transkription">Det här sägs i podden</h2>' in html
    assert "Mind Självmordslinjen på 90101" in html
    assert '<time datetime="PT37S">37 s</time>' in html
    assert not (example_site / "inlagg" / "media" / "att-vaga-prata.sv.md").exists()


def test_slideshow_is_readable_in_order_without_javascript(example_site):
    html = (example_site / "inlagg" / "fem-stallen" / "index.html").read_text(encoding="utf-8")
    alts = re.findall(rf'<img src="\.\./media/{HASHED}\.jpg" alt="([^"]+)"', html)
    assert [alt.split("”")[1][:2] for alt in alts] == ["Fe", "1.", "2.", "3.", "4.", "5."]
    assert "Bild 2 av 6</span> Kuratorn på din skola har tystnadsplikt." in html
    script = re.search(r'<script src="\.\./\.\./(assets/javascripts/slideshow\.[0-9a-f]{10}\.js)" defer></script>', html)
    assert script and (example_site / script.group(1)).is_file()


def test_list_of_posts_shows_type_in_words_and_no_players(example_site):
    html = (example_site / "inlagg" / "index.html").read_text(encoding="utf-8")
    for label in ("Film", "Bildspel", "Podd", "Text"):
        assert f"</svg> {label}</p>" in html
    assert "<video" not in html and "<audio" not in html


def test_posts_and_their_media_have_short_addresses(example_site):
    files = built_files(example_site)
    for slug in ("vart-vander-jag-mig", "fem-stallen", "att-vaga-prata", "brak-hemma"):
        assert f"inlagg/{slug}/index.html" in files
    assert any(re.fullmatch(rf"inlagg/media/{HASHED}\.mp3", name) for name in files)
    assert not any(name.startswith("inlagg/posts/") for name in files)
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/inlagg/brak-hemma/</loc>" in sitemap and "/inlagg/posts/" not in sitemap


def test_list_of_posts_is_split_into_pages_newest_first_without_held_back_posts(case_build):
    result = case_build("held_film_pending")  # two posts a page, and a film held back
    assert result.ok, result.output

    def page(path: str) -> tuple[list[str], str]:
        html = (result.site_dir / path / "index.html").read_text(encoding="utf-8")
        return re.findall(r'<h2 class="sl-card__title"><a href="[^"]*/inlagg/([a-z0-9-]+)/">', html), html

    first, first_html = page("inlagg")
    second, second_html = page("inlagg/sida/2")
    # The example's four posts, newest first (2026-11-02, 10-28, 10-20, 10-12), two a page.
    assert first + second == ["brak-hemma", "att-vaga-prata", "fem-stallen", "vart-vander-jag-mig"]
    assert not (result.site_dir / "inlagg" / "sida" / "3").exists()
    assert 'href="sida/2/" rel="next">Nästa sida</a>' in first_html
    assert "Föregående sida" not in first_html and 'aria-current="page">Sida 1 av 2</span>' in first_html
    assert 'href="../../" rel="prev">Föregående sida</a>' in second_html
    assert "<title>Gjort av unga, sida 2 av 2 – " in second_html and "Nästa sida" not in second_html
    assert "Zebrafink" not in first_html + second_html


def test_a_setting_that_is_not_a_whole_number_is_one_line_naming_it(copy_example, build):
    project = copy_example()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("posts_per_page: 20", "posts_per_page: tjugo"), encoding="utf-8")
    result = build(project)
    assert not result.ok and "Traceback" not in result.output
    assert ("ERROR   -  mkdocs.yml: extra.stodlanken.posts_per_page: 'tjugo' är inte ett positivt heltal — "
            "skriv ett heltal, t.ex. posts_per_page: 20") in result.output


def test_no_participant_data_in_the_example_site(example_site):
    text = everything_in(example_site)
    for secret in ("participants", "guardian_consent", "consent_date", "2026-10-02", "2026-10-05", "2026-10-10"):
        assert secret not in text, secret


def test_example_images_come_out_without_metadata_and_phone_sized(example_site):
    for path in (example_site / "inlagg" / "media").glob("*.jpg"):
        with Image.open(path) as image:
            assert not image.getexif() and "exif" not in image.info
            assert max(image.size) <= 1280


def test_held_back_post_is_logged_and_the_build_succeeds(case_build):
    result = case_build("held_film_pending")
    assert result.ok, result.output
    assert "INFO    -  docs/inlagg/posts/zebrafink.md: publiceras inte – väntar på samtycke från deltagare-qx7" in result.output


# --- the consent gate, in real builds -----------------------------------------------


@pytest.mark.parametrize("consent", ["pending", "withdrawn"])
def test_post_not_approved_by_everyone_is_in_no_output_file(case_build, consent):
    result = case_build(f"held_film_{consent}")
    assert result.ok, result.output
    files = built_files(result.site_dir)
    assert {"sitemap.xml", "inlagg/index.html"} <= files
    assert any(name.startswith(("search/", "pagefind/")) for name in files), "no search index was built"
    text = everything_in(result.site_dir)
    for secret in ("Zebrafinkens hemliga sång", "zebrafink", "deltagare-qx7", "deltagare-wz3"):
        assert secret not in text, secret
    assert not any("zebrafink" in name for name in files)
    # The published posts are still there.
    assert "inlagg/vart-vander-jag-mig/index.html" in files


def test_post_outside_its_publish_window_is_held_back(copy_example, build):
    project = copy_example()
    add_post(project, "snart.md", """\
        ---
        title: Kommer i december
        date: 2026-11-01
        publish_from: 2099-12-01
        type: text
        summary: Publiceras senare.
        situations: [hemma]
        ---
        """)
    result = build(project)
    assert result.ok, result.output
    assert "snart.md: publiceras inte – publiceras först 2099-12-01" in result.output
    assert "Kommer i december" not in everything_in(result.site_dir)


def test_participant_refs_appear_nowhere_in_site(copy_example, build):
    project = copy_example()
    post = project / "docs" / "inlagg" / "posts" / "att-vaga-prata.md"
    text = post.read_text(encoding="utf-8").replace("ref: p4", "ref: ung-kx41").replace("ref: p5", "ref: ung-mq93")
    post.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.ok, result.output
    assert "inlagg/att-vaga-prata/index.html" in built_files(result.site_dir)
    text = everything_in(result.site_dir)
    assert "ung-kx41" not in text and "ung-mq93" not in text


def test_visible_false_participant_shown_fails_the_build_naming_file_and_ref(copy_example, build):
    project = copy_example()
    post = project / "docs" / "inlagg" / "posts" / "fem-stallen.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("alt: Texten ”1. Kuratorn på skolan”\n      caption: Kuratorn på din skola har tystnadsplikt. Du kan boka en tid själv.\n      shows: []",
                                 "alt: Texten ”1. Kuratorn på skolan”\n      caption: Kuratorn på din skola har tystnadsplikt. Du kan boka en tid själv.\n      shows: [p2]"),
                    encoding="utf-8")
    result = build(project)
    assert not result.ok
    assert "docs/inlagg/posts/fem-stallen.md:16: media.slides[1].shows[0]: p2 får inte synas på bild (visible: false, eller face saknas i appears)" in result.output
    assert "Traceback" not in result.output


def test_image_with_gps_exif_comes_out_without_any_exif(copy_example, build):
    project = copy_example()
    media = project / "docs" / "inlagg" / "posts" / "media"
    original = media / "karta.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Telefonmärke"  # Make
    exif[0x0132] = "2026:10:01 12:00:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (56.0, 2.0, 45.0), 3: "E", 4: (12.0, 41.0, 40.0)})  # Helsingborg
    Image.new("RGB", (2400, 1600), (40, 90, 160)).save(original, exif=exif, comment=b"hemlig kommentar")
    before = original.read_bytes()
    with Image.open(original) as image:
        assert image.getexif().get_ifd(0x8825)  # the fixture really has GPS
    add_post(project, "karta.md", """\
        ---
        title: Var finns stödet?
        date: 2026-11-03
        type: text
        summary: En karta över stöd.
        situations: [hemma]
        media:
          poster: media/karta.jpg
          poster_alt: En blå yta
        ---
        """)
    result = build(project)
    assert result.ok, result.output
    html = (result.site_dir / "inlagg" / "karta" / "index.html").read_text(encoding="utf-8")
    name = re.search(rf'<img class="sl-media__poster" src="\.\./media/({HASHED})\.jpg"', html).group(1)
    sizes = {".jpg": (1280, 853), "-480w.jpg": (480, 320), "-960w.jpg": (960, 640),
             "-480w.webp": (480, 320), "-960w.webp": (960, 640), "-1280w.webp": (1280, 853)}
    for suffix, size in sizes.items():  # the clean copy and every smaller or WebP rendition
        output = result.site_dir / "inlagg" / "media" / (name + suffix)
        with Image.open(output) as image:
            assert not image.getexif(), name
            assert not {"exif", "comment", "xmp", "icc_profile"} & set(image.info), name
            assert image.size == size
        data = output.read_bytes()
        assert b"Exif" not in data and b"hemlig kommentar" not in data and "Telefonmärke".encode() not in data, suffix
    assert original.read_bytes() == before  # the original in docs/ is untouched
    assert (f'<picture><source type="image/webp" srcset="../media/{name}-480w.webp 480w, ../media/{name}-960w.webp 960w, '
            f'../media/{name}-1280w.webp 1280w"') in html
    assert (f'<img class="sl-media__poster" src="../media/{name}.jpg" alt="En blå yta" width="1280" height="853" '
            f'srcset="../media/{name}-480w.jpg 480w, ../media/{name}-960w.jpg 960w, ../media/{name}.jpg 1280w"') in html
    assert not any("karta" in path.name for path in (result.site_dir / "inlagg" / "media").iterdir())


def test_media_no_published_post_uses_is_not_copied(copy_example, build, example_site):
    project = copy_example()
    Image.new("RGB", (300, 200), (10, 200, 10)).save(project / "docs" / "inlagg" / "posts" / "media" / "oanvand.jpg")
    result = build(project)
    assert result.ok, result.output
    assert built_files(result.site_dir) == built_files(example_site)  # not one file more


def test_five_mistakes_in_five_posts_give_five_one_line_errors(case_build):
    result = case_build("posts_five_mistakes")
    assert not result.ok
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    post_errors = sorted(line.split("-  ", 1)[1] for line in errors if "docs/inlagg/posts/" in line)
    assert post_errors == [
        "docs/inlagg/posts/alt-filnamn.md:10: media.slides[0].alt: ”IMG_0042.JPG” ser ut som ett filnamn — beskriv med ord vad bilden visar, för den som inte ser den",
        "docs/inlagg/posts/okand-situation.md:6: situations[0]: okänd situation ”ma-bra” — använd ett id som finns i support_directory/situations.yml (hemma, kropp-sex, ma-daligt, sjalvmordstankar, vald)",
        "docs/inlagg/posts/okand-typ.md:4: type: okänd typ ”video” — skriv film, slideshow, podcast eller text",
        "docs/inlagg/posts/saknar-datum.md:11: participants[0].consent_date: saknas — skriv datumet då samtycket gavs, t.ex. 2026-10-01",
        "docs/inlagg/posts/saknar-undertexter.md:7: media.captions: saknas — lägg till captions: media/filnamn (.vtt)",
    ]
    assert len(errors) == 5, "\n".join(errors)


def test_without_strict_like_serve_errors_are_shown_and_invalid_posts_left_out(case_build):
    result = case_build("posts_five_mistakes", strict=False)
    assert result.ok, result.output
    assert "Traceback" not in result.output
    text, files = everything_in(result.site_dir), built_files(result.site_dir)
    for post in sorted((FIXTURES / "posts_five_mistakes" / "docs" / "inlagg" / "posts").glob("*.md")):
        assert f"docs/inlagg/posts/{post.name}:" in result.output, post.name
        title = re.search(r"^title: (.*)$", post.read_text(encoding="utf-8"), re.M).group(1)
        assert title not in text and f"inlagg/{post.stem}/index.html" not in files, post.name
    assert "docs/inlagg/posts/okand-typ.md:4: type: okänd typ ”video”" in result.output
    assert "inlagg/vart-vander-jag-mig/index.html" in files
