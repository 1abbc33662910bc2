"""No way around the consent gate: duplicate keys, wrong folders, wrong extensions and
wrong types are each an error naming the file — never a silent publish, never a silent drop.

Each case is built twice, for real: strict (as `make build`), which must refuse, and
non-strict (as the preview, or `make build` after a refusal), whose output must not hold
the post in any file.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import run_build
from test_posts_build import built_files, everything_in

POSTS = Path("docs/inlagg/posts")
# A podcast of the example whose consent is written out below: only the front matter changes.
PODCAST = """\
---
title: {title}
date: 2026-10-28
type: podcast
summary: Två unga pratar om att berätta.
situations: [ma-daligt]
media:
  audio: {media}att-vaga-prata.mp3
  transcript: {media}att-vaga-prata.sv.md
participants:
{participants}
---

Text om podden.
"""
APPROVED = "  - ref: p1\n    consent: approved\n    consent_date: 2026-10-10\n"

CASES = {
    # consent: withdrawn added above the old consent: approved — YAML keeps the last one.
    "withdrawn-above-approved": (
        POSTS / "dubbelt-samtycke.md",
        PODCAST.format(title="Zebrafink ett", media="media/", participants=(
            "  - ref: p1\n    consent: withdrawn\n    consent: approved\n    consent_date: 2026-10-10\n")),
        ":13: consent: står två gånger",
    ),
    # a second participants: block, approved, below the one that is not.
    "second-participants-block": (
        POSTS / "dubbla-deltagare.md",
        PODCAST.format(title="Zebrafink två", media="media/", participants="  - ref: p1\n    consent: pending\n")
        .replace("---\n\nText", "participants:\n" + APPROVED + "---\n\nText"),
        ":14: participants: står två gånger",
    ),
    # a post one folder above the posts folder: its consent would never be checked.
    "one-folder-up": (
        Path("docs/inlagg/zebrafink-tre.md"),
        PODCAST.format(title="Zebrafink tre", media="posts/media/", participants="  - ref: p1\n    consent: pending\n"),
        ": (mapp): ser ut som ett inlägg men ligger utanför inläggsmappen",
    ),
    # ... and one with a key written twice too: still recognised as a post.
    "one-folder-up-with-a-repeated-key": (
        Path("docs/zebrafink-nio.md"),
        PODCAST.format(title="Zebrafink nio", media="inlagg/posts/media/", participants=APPROVED).replace("type: podcast", "type: podcast\ntype: podcast"),
        ": (mapp): ser ut som ett inlägg men ligger utanför inläggsmappen",
    ),
    # a post in a subfolder of the posts folder.
    "subfolder": (
        POSTS / "2026" / "zebrafink-fyra.md",
        PODCAST.format(title="Zebrafink fyra", media="../media/", participants=APPROVED),
        ": (mapp): inlägg i undermappar publiceras inte",
    ),
    # .MD: MkDocs would copy it as it is, front matter and all.
    "upper-case-extension": (
        POSTS / "zebrafink-fem.MD",
        PODCAST.format(title="Zebrafink fem", media="media/", participants=APPROVED),
        ": (filnamn): filändelsen ”.MD” läses inte som en sida",
    ),
    # draft: ja is not a boolean: it must not publish.
    "draft-ja": (
        POSTS / "zebrafink-sex.md",
        PODCAST.format(title="Zebrafink sex", media="media/", participants=APPROVED).replace("type: podcast", "type: podcast\ndraft: ja"),
        ":5: draft: ”ja” är varken true eller false",
    ),
    # MkDocs cannot read this front matter (no line break after the last ---), and would
    # publish all of it as the page's text: participants and consent included.
    "no-line-break-after-front-matter": (
        POSTS / "zebrafink-sju.md",
        PODCAST.format(title="Zebrafink sju", media="media/", participants=APPROVED).split("\n---\n")[0] + "\n---",
        ": (front matter): sista raden --- har ingen radbrytning efter sig",
    ),
    # A text field that YAML takes for a date and then refuses: the same for MkDocs.
    "impossible-date-in-a-text-field": (
        POSTS / "zebrafink-atta.md",
        PODCAST.format(title="Zebrafink åtta", media="media/", participants=APPROVED).replace("type: podcast", "type: podcast\ncredits: 2026-13-45"),
        ": (front matter): innehåller ett datum som inte finns, och då kan MkDocs inte läsa något av fälten",
    ),
}


@pytest.fixture(scope="module")
def gate_project(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("gate") / "project")
    for path, text, _ in CASES.values():
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def lenient_build(gate_project):
    return run_build(gate_project, strict=False, site_dir=gate_project.parent / "lenient-site")


def test_the_strict_build_refuses_every_case_naming_its_file(gate_project):
    result = run_build(gate_project, site_dir=gate_project.parent / "strict-site")
    assert not result.ok
    assert "Traceback" not in result.output
    for path, _, line in CASES.values():
        assert f"{path.as_posix()}{line}" in result.output, (path, line, result.output)


@pytest.mark.parametrize("case", list(CASES))
def test_no_case_reaches_any_output_file(lenient_build, case):
    path, text, line = CASES[case]
    assert lenient_build.ok, lenient_build.output
    assert f"{path.as_posix()}{line}" in lenient_build.output
    title = next(row for row in text.splitlines() if row.startswith("title:")).removeprefix("title: ")
    assert title not in everything_in(lenient_build.site_dir), title
    assert not any(path.stem.lower() in name.lower() for name in built_files(lenient_build.site_dir))


def test_no_participant_data_reaches_any_output_file(lenient_build):
    everything = everything_in(lenient_build.site_dir)
    for private in ("consent_date", "participants:", "ref: p1"):
        assert private not in everything, private


def test_the_approved_example_posts_are_still_published(lenient_build):
    assert (lenient_build.site_dir / "inlagg" / "att-vaga-prata" / "index.html").is_file()
