"""Build tests for media: nothing private in any output file, and broken media are errors.

The media are made at test time with the FFmpeg binary of imageio-ffmpeg (a second of
tone, a second of colour), so the tests need no fixture files and stay quick.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from conftest import TODAY, run_build
from stodlanken import recordings
from test_posts_build import HASHED, built_files, everything_in

NAME = "Kim Andersson"  # made up: what an editor's phone puts in a recording
SECRETS = (NAME, "hemlig kommentar", "Kapitel om Kim", "59.3293", "018.0686", "kim-andersson")
# Tags that say who, where or with what a file was made: none may survive.
TAG_WORDS = ("Title", "Artist", "Comment", "Picture", "Chapter", "Encoder", "GPS", "Location", "UserDefinedText")
MEDIA = ("docs", "inlagg", "posts", "media")


def ffmpeg(*args: str) -> None:
    subprocess.run([recordings._ffmpeg(), "-nostdin", "-v", "error", "-y", *args], check=True)


def tagged_mp3(path: Path, cover: Path) -> None:
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-i", str(cover), "-map", "0:a", "-map", "1:v",
           "-c:a", "libmp3lame", "-c:v", "mjpeg", "-disposition:v", "attached_pic", "-id3v2_version", "3",
           "-metadata", f"title={NAME} berättar", "-metadata", f"artist={NAME}", "-metadata", "comment=hemlig kommentar", str(path))


def tagged_mp4(path: Path) -> None:
    chapters = path.with_suffix(".txt")
    chapters.write_text(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=500\ntitle=Kapitel om Kim\n", encoding="utf-8")
    ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=64x64:d=1:r=10", "-f", "lavfi", "-i", "sine=duration=1", "-i", str(chapters),
           "-map", "0:v", "-map", "1:a", "-map_chapters", "2", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
           "-metadata", f"title={NAME}", "-metadata", f"artist={NAME}", "-metadata", "location=+59.3293+018.0686/", str(path))
    chapters.unlink()


def gps_jpeg(path: Path) -> None:
    exif = Image.Exif()
    exif[0x013B] = NAME  # Artist
    exif.get_ifd(0x8825).update({1: "N", 2: (59.0, 19.0, 45.0), 3: "E", 4: (18.0, 4.0, 7.0)})
    Image.new("RGB", (640, 480), (30, 120, 60)).save(path, exif=exif, comment=b"hemlig kommentar")


def exiftool(path: Path) -> dict:
    result = subprocess.run(["exiftool", "-j", "-a", "-G1", "-ee", str(path)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)[0]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- nothing private in any output file -------------------------------------------


@pytest.fixture(scope="module")
def private_build(new_project):
    """The example with a podcast, a film and an about page image full of a young person's data."""
    project = new_project()
    base = project.parent
    media = project.joinpath(*MEDIA)
    cover = base / "omslag.png"
    Image.new("RGB", (32, 32), (200, 0, 0)).save(cover)
    tagged_mp3(media / "kim-andersson.mp3", cover)
    tagged_mp4(media / "kim-andersson-film.mp4")
    posts = project / "docs" / "inlagg" / "posts"
    replace(posts / "att-vaga-prata.md", "audio: media/att-vaga-prata.mp3", "audio: media/kim-andersson.mp3")
    replace(posts / "vart-vander-jag-mig.md", "video: media/vart-vander-jag-mig.mp4", "video: media/kim-andersson-film.mp4")
    gps_jpeg(project / "docs" / "kim-andersson.jpg")
    with (project / "docs" / "om.md").open("a", encoding="utf-8") as page:
        page.write("\n![Ett träd i en park](kim-andersson.jpg)\n")
    originals = {name: (media / name).read_bytes() for name in ("kim-andersson.mp3", "kim-andersson-film.mp4")}
    assert all(NAME.encode() in data for data in originals.values())  # the fixtures really carry the name
    assert b"loci" in originals["kim-andersson-film.mp4"]  # ... and the 3GPP location
    result = run_build(project, site_dir=base / "site")
    assert result.ok, result.output
    return result


def test_audio_and_video_keep_no_tags_cover_art_chapters_or_location(private_build):
    site = private_build.site_dir
    published = sorted((site / "inlagg" / "media").glob("*.mp[34]"))
    assert {path.suffix for path in published} == {".mp3", ".mp4"}
    for path in published:
        tags = [key for key in exiftool(path) if any(word in key for word in TAG_WORDS)]
        assert tags == [], path.name
        data = path.read_bytes()
        assert b"loci" not in data and b"\xa9xyz" not in data and b"Lavf" not in data, path.name
    podcast = (site / "inlagg" / "att-vaga-prata" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<source src="\.\./media/{HASHED}\.mp3" type="audio/mpeg">', podcast)
    assert '<time datetime="PT2S">2 s</time>' in podcast  # the playing time, as FFmpeg measured it


def test_podcast_feed_gives_the_size_of_the_clean_file(private_build):
    site = private_build.site_dir
    enclosure = re.search(r'<enclosure url="[^"]*/(inlagg/media/[^"]+)" length="(\d+)"', (site / "podd.xml").read_text(encoding="utf-8"))
    assert enclosure and int(enclosure.group(2)) == (site / enclosure.group(1)).stat().st_size


def test_no_output_file_or_path_carries_the_names_tags_or_location(private_build):
    site = private_build.site_dir
    assert not [name for name in built_files(site) if "kim" in name.lower()]
    text = everything_in(site)  # pages, feeds, the search index, and every media file's bytes
    for secret in SECRETS:
        assert secret not in text, secret


def test_image_in_an_about_page_is_published_without_exif_under_a_new_name(private_build):
    site = private_build.site_dir
    page = (site / "om" / "index.html").read_text(encoding="utf-8")
    src = re.search(r'<img alt="Ett träd i en park" src="\.\./([^"]+)"', page)
    assert src and re.fullmatch(rf"{HASHED}\.jpg", src.group(1)), page[-2000:]
    published = site / src.group(1)
    with Image.open(published) as image:
        assert not image.getexif() and "comment" not in image.info
    assert not [key for key in exiftool(published) if "GPS" in key or "Artist" in key]


# --- broken media are errors ------------------------------------------------------

FILM = """\
---
title: Film {slug}
date: 2026-11-01
type: film
summary: Ett test av trasiga filer.
situations: [ma-daligt]
media:
  video: media/{video}
  captions: media/{captions}
  poster: media/vart-vander-jag-mig.jpg
  poster_alt: En blå bild med text
participants:
  - ref: p1
    consent: approved
    consent_date: 2026-10-01
---
"""
SLIDESHOW = """\
---
title: Bildspel med trasig bild
date: 2026-11-01
type: slideshow
summary: Ett test av trasiga filer.
situations: [ma-daligt]
media:
  slides:
    - image: media/avklippt.jpg
      alt: En grön yta
participants:
  - ref: p1
    consent: approved
    consent_date: 2026-10-01
---
"""
PODCAST = """\
---
title: Podd med tom text
date: 2026-11-01
type: podcast
summary: Ett test av trasiga filer.
situations: [ma-daligt]
media:
  audio: media/att-vaga-prata.mp3
  transcript: media/tom.sv.md
participants:
  - ref: p1
    consent: approved
    consent_date: 2026-10-01
---
"""
BROKEN = {  # post (or file) -> the start of its one error line
    "tom-film": "docs/inlagg/posts/tom-film.md:8: media.video: ”tom.mp4” är tom (0 byte) — exportera filmen igen",
    "avklippt-bild": "docs/inlagg/posts/avklippt-bild.md:9: media.slides[0].image: ”media/avklippt.jpg” går inte att läsa som bild — ",
    "fel-tider": "docs/inlagg/posts/fel-tider.md:9: media.captions: ”fel-tider.vtt” rad 3: tiden ”00:00:00,000 --> 00:00:02,000” går inte att läsa",
    "tom-text": "docs/inlagg/posts/tom-text.md:9: media.transcript: ”media/tom.sv.md” är tom — ",
    "engelska": "docs/inlagg/posts/engelska.md:9: media.captions: ”engelska.en.vtt” är märkt som språket ”en”, men sidan visar undertexterna som ”sv” — ",
    "bild.gif": "docs/bild.gif: (bild): .gif-bilder kan inte rensas från metadata och publiceras inte — spara bilden som JPEG eller PNG",
}


def broken_project(project: Path) -> Path:
    """`project` (a copy of the example) with the broken media of BROKEN."""
    media, posts = project.joinpath(*MEDIA), project / "docs" / "inlagg" / "posts"
    (media / "tom.mp4").write_bytes(b"")
    good = media / "vart-vander-jag-mig.mp4"
    (media / "ok.mp4").write_bytes(good.read_bytes())
    whole = media / "fem-stallen-1.jpg"
    (media / "avklippt.jpg").write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    (media / "fel-tider.vtt").write_text("WEBVTT\n\n00:00:00,000 --> 00:00:02,000\nHej\n", encoding="utf-8")
    (media / "engelska.en.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n", encoding="utf-8")
    (media / "tom.sv.md").write_text("---\ntitle: Transkription\n---\n\n  \n", encoding="utf-8")
    captions = "vart-vander-jag-mig.sv.vtt"
    (posts / "tom-film.md").write_text(FILM.format(slug="tom-film", video="tom.mp4", captions=captions), encoding="utf-8")
    (posts / "fel-tider.md").write_text(FILM.format(slug="fel-tider", video="ok.mp4", captions="fel-tider.vtt"), encoding="utf-8")
    (posts / "engelska.md").write_text(FILM.format(slug="engelska", video="ok.mp4", captions="engelska.en.vtt"), encoding="utf-8")
    (posts / "avklippt-bild.md").write_text(SLIDESHOW, encoding="utf-8")
    (posts / "tom-text.md").write_text(PODCAST, encoding="utf-8")
    Image.new("RGB", (20, 20), (0, 0, 0)).save(project / "docs" / "bild.gif")
    return project


def test_broken_media_are_one_line_errors_and_nothing_of_them_is_published(copy_example, tmp_path):
    project = broken_project(copy_example())
    result = run_build(project, strict=False, site_dir=tmp_path / "site")  # like `mkdocs serve`: errors shown, the site built
    assert result.ok and "Traceback" not in result.output, result.output
    errors = [line.split("-  ", 1)[1] for line in result.output.splitlines() if line.startswith("ERROR")]
    for expected in BROKEN.values():
        assert [line for line in errors if line.startswith(expected)], f"{expected}\n" + "\n".join(errors)
    assert len(errors) == len(BROKEN), "\n".join(errors)
    files = built_files(result.site_dir)
    text = everything_in(result.site_dir)
    for slug in BROKEN.keys() - {"bild.gif"}:
        assert f"inlagg/{slug}/index.html" not in files, slug
    for title in ("Film tom-film", "Film fel-tider", "Film engelska", "Bildspel med trasig bild", "Podd med tom text"):
        assert title not in text, title
    assert not [name for name in files if name.endswith(".gif")]
    assert "inlagg/vart-vander-jag-mig/index.html" in files  # the good posts are still there
    strict = run_build(project, site_dir=tmp_path / "strict-site")
    assert not strict.ok and "Traceback" not in strict.output


def test_make_check_lists_the_same_media_errors(copy_example):
    from stodlanken.check import load_site

    project = broken_project(copy_example())
    loaded = load_site(project / "mkdocs.yml", TODAY)
    lines = [str(problem) for problem in loaded.errors]
    for expected in BROKEN.values():
        assert [line for line in lines if line.startswith(expected)], expected


def test_audio_or_video_outside_the_posts_is_refused(copy_example):
    from stodlanken.check import load_site

    project = copy_example()
    (project / "docs" / "ljud.mp3").write_bytes(project.joinpath(*MEDIA, "att-vaga-prata.mp3").read_bytes())
    loaded = load_site(project / "mkdocs.yml", TODAY)
    assert [str(problem) for problem in loaded.errors] == [
        "docs/ljud.mp3: (fil): film och ljud publiceras bara i inlägg, där samtycke och undertexter kontrolleras — "
        "lägg filen i docs/inlagg/posts/media/ och gör ett inlägg av den"]

