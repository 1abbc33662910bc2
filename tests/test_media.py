"""Unit tests for hooks/stodlanken/media.py and recordings.py: media without metadata, checks of broken media."""

from __future__ import annotations

import io
import re
import subprocess
import wave
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from stodlanken import recordings
from stodlanken.media import (Rendition, caption_language, file_size, format_duration, image_problem, iso_duration, renditions,
                               transcript_problem, webvtt_problem)

EXAMPLE_MEDIA = Path(__file__).resolve().parents[1] / "docs" / "inlagg" / "posts" / "media"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description photoshop:City="Helsingborg"/></x:xmpmeta>'


def gps_jpeg(path: Path, size=(2000, 1000), orientation: int | None = None) -> Path:
    exif = Image.Exif()
    exif[0x010F] = "Kameramärke"
    if orientation:
        exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (56.0, 2.0, 45.0), 3: "E", 4: (12.0, 41.0, 40.0)})
    Image.new("RGB", size, (200, 30, 30)).save(path, exif=exif, comment=b"hemlig kommentar", xmp=XMP)
    return path


def clean_image(path: Path) -> Rendition:
    """The clean full-size copy of an image that a build publishes (its first rendition)."""
    return renditions(path, path.parent / "cache")[0]


def test_jpeg_loses_exif_gps_xmp_and_comment(tmp_path):
    path = gps_jpeg(tmp_path / "bild.jpg")
    before = path.read_bytes()
    with Image.open(path) as image:
        assert image.getexif().get_ifd(0x8825) and "comment" in image.info and "xmp" in image.info
    clean = clean_image(path)
    with Image.open(io.BytesIO(clean.file.read_bytes())) as image:
        assert not image.getexif()
        assert not {"exif", "comment", "xmp", "icc_profile"} & set(image.info)
    for secret in (b"Exif", b"Kameram", b"hemlig kommentar", b"Helsingborg", b"xmpmeta"):
        assert secret not in clean.file.read_bytes()
    assert path.read_bytes() == before


def test_large_image_is_resized_for_phones(tmp_path):
    clean = clean_image(gps_jpeg(tmp_path / "stor.jpg", size=(4000, 3000)))
    assert (clean.width, clean.height) == (1280, 960)


def test_small_image_keeps_its_size(tmp_path):
    clean = clean_image(gps_jpeg(tmp_path / "liten.jpg", size=(300, 200)))
    assert (clean.width, clean.height) == (300, 200)


def test_orientation_is_applied_before_exif_is_dropped(tmp_path):
    clean = clean_image(gps_jpeg(tmp_path / "stående.jpg", size=(800, 400), orientation=6))  # rotate 90°
    assert (clean.width, clean.height) == (400, 800)


def test_png_loses_text_chunks_and_exif(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Anna Svensson")
    exif = Image.Exif()
    exif[0x010F] = "Kameramärke"
    path = tmp_path / "bild.png"
    Image.new("RGB", (100, 100), (0, 0, 255)).save(path, pnginfo=info, exif=exif)
    clean = clean_image(path)
    assert b"Anna Svensson" not in clean.file.read_bytes() and b"eXIf" not in clean.file.read_bytes()
    with Image.open(io.BytesIO(clean.file.read_bytes())) as image:
        assert image.format == "PNG" and not image.getexif()


def test_edited_image_is_encoded_again(tmp_path):
    path = gps_jpeg(tmp_path / "bild.jpg", size=(100, 100))
    first = clean_image(path)
    gps_jpeg(path, size=(50, 50))
    assert clean_image(path).width == 50 != first.width


def test_unreadable_image_is_named(tmp_path):
    path = tmp_path / "trasig.jpg"
    path.write_bytes(b"not an image")
    assert image_problem(path) == "går inte att läsa som bild"
    assert image_problem(EXAMPLE_MEDIA / "fem-stallen-1.jpg") is None


def test_truncated_jpeg_that_passes_verify_is_named(tmp_path):
    whole = gps_jpeg(tmp_path / "hel.jpg", size=(400, 300)).read_bytes()
    path = tmp_path / "avklippt.jpg"
    path.write_bytes(whole[: len(whole) // 2])
    with Image.open(path) as image:
        image.verify()  # the old check let it through
    assert image_problem(path) == "går inte att läsa som bild"
    empty = tmp_path / "tom.png"
    empty.write_bytes(b"")
    assert image_problem(empty) == "är tom (0 byte)"


def ffmpeg(*args: str) -> None:
    subprocess.run([recordings._ffmpeg(), "-v", "error", "-y", *args], check=True)


def test_recording_is_copied_without_tags_and_its_time_measured(tmp_path):
    source = tmp_path / "kim-andersson.mp3"
    ffmpeg("-f", "lavfi", "-i", "sine=duration=2", "-c:a", "libmp3lame", "-metadata", "artist=Kim Andersson", str(source))
    clean = recordings.clean(source, tmp_path / "cache")
    assert b"Kim Andersson" in source.read_bytes() and b"Kim Andersson" not in clean.file.read_bytes()
    assert b"Lavf" not in clean.file.read_bytes()  # no encoder string of FFmpeg's own
    assert round(clean.seconds) == 2 and "kim" not in clean.file.name


def test_recording_is_found_again_on_disk_without_running_ffmpeg(tmp_path, monkeypatch):
    source = tmp_path / "ljud.wav"
    with wave.open(str(source), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(8000)
        audio.writeframes(b"\0\0" * 8000 * 3)
    made = recordings.clean(source, tmp_path / "cache")
    assert round(made.seconds) == 3
    recordings._memo.clear()  # a new process: only the disk cache is left
    monkeypatch.setattr(recordings, "_remux", lambda *args: pytest.fail("copied again"))
    assert recordings.clean(source, tmp_path / "cache") == made


@pytest.mark.parametrize("content, problem", [
    (b"", "är tom (0 byte)"),
    (b"nonsense" * 100, "går inte att läsa som film"),
])
def test_unreadable_video_is_named_not_raised(tmp_path, content, problem):
    path = tmp_path / "film.mp4"
    path.write_bytes(content)
    with pytest.raises(recordings.Unreadable, match=re.escape(problem)):
        recordings.clean(path, tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("*.mp4"))  # nothing half-made is left behind


@pytest.mark.parametrize("text, problem", [
    ("WEBVTT\n\n00:00.000 --> 00:02.000\nHej\n\n01:00:02.500 --> 01:00:04.000 line:90%\nDå\n", None),
    ("1\n00:00:00,000 --> 00:00:01,000\nHej\n", "är ingen WebVTT-fil (första raden ska vara WEBVTT)"),
    ("WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nHej\n", "rad 3: tiden ”00:00:00,000 --> 00:00:01,000” går inte att läsa"),
    ("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nHej\n", "rad 3: texten slutar innan den börjar"),
    ("WEBVTT\n\nNOTE bara en kommentar\n", "innehåller ingen text med tider"),
])
def test_webvtt_cues_must_parse(text, problem):
    found = webvtt_problem(text)
    assert (found is None) if problem is None else found.startswith(problem), found


@pytest.mark.parametrize("uri, language", [("media/film.sv.vtt", "sv"), ("media/film.en.vtt", "en"), ("media/film.vtt", None),
                                           ("media/film.2.vtt", None), ("media/film.pt-BR.vtt", "pt-br")])
def test_caption_language_comes_from_the_file_name(uri, language):
    assert caption_language(uri) == language


@pytest.mark.parametrize("text, empty", [("", True), ("  \n\n", True), ("---\ntitle: Podd\n---\n\n", True), ("---\n---\n", True),
                                         ("**A:** Hej.", False)])
def test_transcript_with_only_whitespace_or_front_matter_is_empty(tmp_path, text, empty):
    path = tmp_path / "podd.sv.md"
    path.write_text(text, encoding="utf-8")
    assert (transcript_problem(path) == "är tom") is empty


@pytest.mark.parametrize("seconds, text, iso", [(37, "37 s", "PT37S"), (75, "1 min 15 s", "PT1M15S"), (600, "10 min", "PT10M0S")])
def test_durations_for_people_and_machines(seconds, text, iso):
    assert format_duration(seconds) == text
    assert iso_duration(seconds) == iso


def test_file_size_in_swedish(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 165477)
    assert file_size(path) == "162 kB"
    path.write_bytes(b"x" * (3 * 1024 * 1024 + 300000))
    assert file_size(path) == "3,3 MB"


def test_swedish_date():
    from datetime import date

    from stodlanken.media import swedish_date

    assert swedish_date(date(2026, 10, 2)) == "2 oktober 2026"


def test_renditions_have_no_metadata_and_are_found_again_on_disk(tmp_path, monkeypatch):
    from stodlanken import media

    path = gps_jpeg(tmp_path / "bild.jpg", size=(2000, 1000))
    made = media.renditions(path, tmp_path / "cache")
    assert {(r.suffix, r.width, r.mime) for r in made} == {
        ("", 1280, "image/jpeg"), ("-480w.jpg", 480, "image/jpeg"), ("-960w.jpg", 960, "image/jpeg"),
        ("-1280w.webp", 1280, "image/webp"), ("-480w.webp", 480, "image/webp"), ("-960w.webp", 960, "image/webp"),
    }
    for rendition in made:
        data = rendition.file.read_bytes()
        for secret in (b"Exif", b"Kameram", b"hemlig kommentar", b"Helsingborg", b"xmpmeta"):
            assert secret not in data, rendition.suffix
        with Image.open(rendition.file) as image:
            assert image.size == (rendition.width, rendition.height) and not image.getexif()
    media._renditions.clear()  # a new process: only the disk cache is left
    monkeypatch.setattr(media, "_make_renditions", lambda *args: pytest.fail("encoded again"))
    assert media.renditions(path, tmp_path / "cache") == made


def test_renditions_of_an_edited_image_are_made_anew(tmp_path):
    from stodlanken import media

    path = gps_jpeg(tmp_path / "bild.jpg", size=(600, 300))
    assert media.renditions(path, tmp_path / "cache")[0].width == 600
    gps_jpeg(path, size=(300, 150))
    assert media.renditions(path, tmp_path / "cache")[0].width == 300
