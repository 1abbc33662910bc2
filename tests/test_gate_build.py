"""No way around the consent gate: duplicate keys, wrong folders, wrong extensions and
wrong types are each an error naming the file — never a silent publish, never a silent drop.

Each case is built twice, for real: strict (as `make build`), which must refuse, and
non-strict (as the preview, or `make build` after a refusal), whose output must not hold
the post in any file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CASE_FILE, FIXTURES
from test_posts_build import built_files, everything_in

POSTS = Path("docs/inlagg/posts")
# The posts of tests/fixtures/consent_gate/: podcasts of the example whose consent is
# written out, each slipped past the gate in its own way. Case → (its file, what the
# line about it says after the file's name).
CASES = {
    # consent: withdrawn added above the old consent: approved — YAML keeps the last one.
    "withdrawn-above-approved": (POSTS / "dubbelt-samtycke.md", ":13: consent: står två gånger"),
    # a second participants: block, approved, below the one that is not.
    "second-participants-block": (POSTS / "dubbla-deltagare.md", ":14: participants: står två gånger"),
    # a post one folder above the posts folder: its consent would never be checked.
    "one-folder-up": (Path("docs/inlagg/zebrafink-tre.md"), ": (mapp): ser ut som ett inlägg men ligger utanför inläggsmappen"),
    # ... and one with a key written twice too: still recognised as a post.
    "one-folder-up-with-a-repeated-key": (Path("docs/zebrafink-nio.md"), ": (mapp): ser ut som ett inlägg men ligger utanför inläggsmappen"),
    # a post in a subfolder of the posts folder.
    "subfolder": (POSTS / "2026" / "zebrafink-fyra.md", ": (mapp): inlägg i undermappar publiceras inte"),
    # .MD: MkDocs would copy it as it is, front matter and all.
    "upper-case-extension": (POSTS / "zebrafink-fem.MD", ": (filnamn): filändelsen ”.MD” läses inte som en sida"),
    # draft: ja is not a boolean: it must not publish.
    "draft-ja": (POSTS / "zebrafink-sex.md", ":5: draft: ”ja” är varken true eller false"),
    # MkDocs cannot read this front matter (no line break after the last ---), and would
    # publish all of it as the page's text: participants and consent included.
    "no-line-break-after-front-matter": (POSTS / "zebrafink-sju.md", ": (front matter): sista raden --- har ingen radbrytning efter sig"),
    # A text field that YAML takes for a date and then refuses: the same for MkDocs.
    "impossible-date-in-a-text-field": (POSTS / "zebrafink-atta.md",
                                        ": (front matter): innehåller ett datum som inte finns, och då kan MkDocs inte läsa något av fälten"),
}


def test_every_case_has_its_file():
    assert sorted(path.as_posix() for path, _ in CASES.values()) == sorted(
        path.relative_to(FIXTURES / "consent_gate").as_posix() for path in (FIXTURES / "consent_gate").rglob("*")
        if path.is_file() and path.name != CASE_FILE)


@pytest.fixture(scope="module")
def lenient_build(case_build):
    return case_build("consent_gate", strict=False)


def test_the_strict_build_refuses_every_case_naming_its_file(case_build):
    result = case_build("consent_gate")
    assert not result.ok
    assert "Traceback" not in result.output
    for path, line in CASES.values():
        assert f"{path.as_posix()}{line}" in result.output, (path, line, result.output)


@pytest.mark.parametrize("case", list(CASES))
def test_no_case_reaches_any_output_file(lenient_build, case):
    path, line = CASES[case]
    assert lenient_build.ok, lenient_build.output
    assert f"{path.as_posix()}{line}" in lenient_build.output
    text = (FIXTURES / "consent_gate" / path).read_text(encoding="utf-8")
    title = next(row for row in text.splitlines() if row.startswith("title:")).removeprefix("title: ")
    assert title not in everything_in(lenient_build.site_dir), title
    assert not any(path.stem.lower() in name.lower() for name in built_files(lenient_build.site_dir))


def test_no_participant_data_reaches_any_output_file(lenient_build):
    everything = everything_in(lenient_build.site_dir)
    for private in ("consent_date", "participants:", "ref: p1"):
        assert private not in everything, private


def test_the_approved_example_posts_are_still_published(lenient_build):
    assert (lenient_build.site_dir / "inlagg" / "att-vaga-prata" / "index.html").is_file()
