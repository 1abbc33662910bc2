"""`make new-post` / `make new-service`: every field there, and `make check` says what is left."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import TODAY
from stodlanken import check, scaffold

EXAMPLE_MEDIA = {"mp4": "vart-vander-jag-mig.mp4", "vtt": "vart-vander-jag-mig.sv.vtt", "jpg": "vart-vander-jag-mig.jpg",
                 "mp3": "att-vaga-prata.mp3", "md": "att-vaga-prata.sv.md"}


def _problems_for(project: Path, rel: str) -> list[str]:
    site = check.load_site(project / "mkdocs.yml", TODAY)
    return [str(problem) for problem in site.problems if problem.path == rel]


def _fill_post(project: Path, post_type: str, slug: str) -> None:
    path = project / scaffold.POSTS_DIR / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title:\n", "title: Ett nytt inlägg\n", 1)
    text = text.replace("summary:\n", "summary: Om var du kan få stöd.\n", 1)
    text = text.replace("situations: []", "situations: [ma-daligt]", 1)
    text = text.replace("poster_alt:\n", "poster_alt: En ung person på en bänk\n")
    text = text.replace("      alt:\n", "      alt: En skolgård i regn\n")
    text = text.replace("consent: pending", "consent: approved").replace("consent_date:\n", f"consent_date: {TODAY}\n")
    path.write_text(text, encoding="utf-8")
    media = project / scaffold.POSTS_DIR / "media"
    for name in {"film": [f"{slug}.mp4", f"{slug}.sv.vtt", f"{slug}.jpg"], "slideshow": [f"{slug}-1.jpg"],
                 "podcast": [f"{slug}.mp3", f"{slug}.sv.md"], "text": []}[post_type]:
        shutil.copy(media / EXAMPLE_MEDIA[name.rsplit(".", 1)[1]], media / name)


@pytest.mark.parametrize("post_type", ["film", "slideshow", "podcast", "text"])
def test_new_post_fails_check_until_filled_in_then_passes(copy_example, post_type):
    project = copy_example()
    slug = f"test-{post_type}"
    scaffold.new_post(project, post_type, slug, TODAY)
    rel = f"docs/inlagg/posts/{slug}.md"

    before = _problems_for(project, rel)
    assert any(": title: saknas" in line for line in before)
    assert any(": summary: saknas" in line for line in before)
    if post_type in ("film", "slideshow"):
        assert any("alt" in line for line in before), before
    if post_type != "text":
        assert any("finns inte" in line for line in before), before

    _fill_post(project, post_type, slug)
    assert _problems_for(project, rel) == []
    site = check.load_site(project / "mkdocs.yml", TODAY)
    assert slug in [post.slug for post in site.published_posts]


def test_new_post_refuses_bad_type_slug_and_overwriting(tmp_path):
    with pytest.raises(SystemExit, match="okänd typ"):
        scaffold.new_post(tmp_path, "blogg", "x", TODAY)
    with pytest.raises(SystemExit, match="a–z"):
        scaffold.new_post(tmp_path, "film", "bråk-hemma", TODAY)
    scaffold.new_post(tmp_path, "text", "min-text", TODAY)
    with pytest.raises(SystemExit, match="finns redan"):
        scaffold.new_post(tmp_path, "text", "min-text", TODAY)
    assert (tmp_path / "docs/inlagg/posts/media").is_dir()


def test_new_service_fails_check_until_filled_in(copy_example):
    project = copy_example()
    scaffold.new_service(project, "ny-tjanst", TODAY)
    rel = "support_directory/services/ny-tjanst.yml"
    before = _problems_for(project, rel)
    assert {line.split(": ")[1] for line in before} >= {"name", "provider", "summary", "source"}
    path = project / rel
    text = path.read_text(encoding="utf-8")
    text = (text.replace("name:\n", "name: UMO igen\n", 1).replace("provider:\n", "provider: umo\n", 1)
            .replace("situations: []", "situations: [kropp-sex]", 1).replace("summary:\n", "summary: Om kroppen.\n", 1)
            .replace("  web:\n", "  web: https://www.umo.se/\n", 1).replace("source:\n", "source: https://www.umo.se/\n", 1))
    path.write_text(text, encoding="utf-8")
    assert _problems_for(project, rel) == []
