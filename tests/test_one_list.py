"""One list of problems: `make check`, `mkdocs build --strict` and `mkdocs serve` show the
same errors for the same content — all of them at once, one line each naming the file and
the field, never a traceback.

One copy of the example gets every malformed input below at the same time; it is then
checked, built and served for real.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from conftest import MKDOCS, ROOT, free_port, preview_env, run_build

POSTS = "docs/inlagg/posts"
SERVICES = "support_directory/services"


def _edit(path: Path, old: str, new: str, *, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _latin1(path: Path, old: str, new: str) -> None:
    """The file saved in Windows' old encoding instead of UTF-8 (å, ä, ö become single bytes;
    what it cannot hold, such as the Arabic of a translation, becomes "?", as Notepad does)."""
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    path.write_bytes(text.encode("cp1252", errors="replace"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


POST = "---\ntitle: {title}\ndate: 2026-11-01\ntype: text\nsummary: Kort.\nsituations: [hemma]\n{extra}---\n\nText.\n"

# name: (what the editor did, to a copy of the example; the file; the field named in the line)
MISTAKES = {
    "impossible post date": (lambda p: _edit(p / POSTS / "brak-hemma.md", "date: 2026-11-02", "date: 2026-13-45"),
                             f"{POSTS}/brak-hemma.md", "date"),
    "post not saved as UTF-8": (lambda p: (p / POSTS / "ny-text.md").write_bytes(POST.format(title="Måndag", extra="").encode("cp1252")),
                                f"{POSTS}/ny-text.md", "(fil)"),
    "a list where the title belongs": (lambda p: _write(p / POSTS / "lista.md", POST.format(title="[en, två]", extra="")),
                                       f"{POSTS}/lista.md", "title"),
    "draft spelled as a word": (lambda p: _write(p / POSTS / "utkast.md", POST.format(title="Utkast", extra="draft: ja\n")),
                                f"{POSTS}/utkast.md", "draft"),
    "a key written twice in a post": (lambda p: _write(p / POSTS / "dubbel.md", POST.format(title="Dubbel", extra="summary: Igen.\n")),
                                      f"{POSTS}/dubbel.md", "summary"),
    "post with an upper-case extension": (lambda p: _write(p / POSTS / "versaler.MD", POST.format(title="Versaler", extra="")),
                                          f"{POSTS}/versaler.MD", "(filnamn)"),
    "post in a subfolder": (lambda p: _write(p / POSTS / "2026" / "undermapp.md", POST.format(title="Undermapp", extra="")),
                            f"{POSTS}/2026/undermapp.md", "(mapp)"),
    "post front matter outside the posts folder": (lambda p: _write(p / "docs" / "inlagg" / "fel-mapp.md", POST.format(title="Fel mapp", extra="")),
                                                   "docs/inlagg/fel-mapp.md", "(mapp)"),
    "impossible consent date": (lambda p: _edit(p / POSTS / "att-vaga-prata.md", "consent_date: 2026-10-10", "consent_date: 2026-02-31"),
                                f"{POSTS}/att-vaga-prata.md", "participants[0].consent_date"),
    "minor spelled as a word": (lambda p: _edit(p / POSTS / "fem-stallen.md", "minor: true", "minor: ja"),
                                f"{POSTS}/fem-stallen.md", "participants[1].minor"),
    "impossible verified date": (lambda p: _edit(p / SERVICES / "umo.yml", "verified: 2026-11-24", "verified: 2026-02-30"),
                                 f"{SERVICES}/umo.yml", "verified"),
    "service not saved as UTF-8": (lambda p: _latin1(p / SERVICES / "youmo.yml", "verified: 2026-11-24", "verified: 2026-11-24\n# Går bra"),
                                   f"{SERVICES}/youmo.yml", "(fil)"),
    "a key written twice in a service": (lambda p: _edit(p / SERVICES / "kvinnofridslinjen.yml", "\nsource:", "\nname: Kvinnofridslinjen igen\nsource:"),
                                         f"{SERVICES}/kvinnofridslinjen.yml", "name"),
    "yes/no spelled as a word": (lambda p: _edit(p / SERVICES / "polisen.yml", "situations: [vald]", "free: ja\nsituations: [vald]"),
                                 f"{SERVICES}/polisen.yml", "free"),
    "a number where a list belongs": (lambda p: _edit(p / SERVICES / "1177.yml", "situations: [", "situations: 5\n# ["),
                                      f"{SERVICES}/1177.yml", "situations"),
    "unknown service in the help row": (lambda p: (p / "support_directory" / "emergency.yml").write_text(
        (p / "support_directory" / "emergency.yml").read_text(encoding="utf-8") + "- sos-alarm\n", encoding="utf-8"),
        "support_directory/emergency.yml", f"[{len(yaml.safe_load((ROOT / 'support_directory' / 'emergency.yml').read_text(encoding='utf-8'))) + 1}]"),
    "a setting that is not a number": (lambda p: _edit(p / "mkdocs.yml", "latest_posts: 3", "latest_posts: tre"),
                                       "mkdocs.yml", "extra.stodlanken.latest_posts"),
    "a setting written twice": (lambda p: _edit(p / "mkdocs.yml", "    latest_posts:", "    promise: Igen.\n    latest_posts:"),
                                "mkdocs.yml", "promise"),
    "a key written twice on an about page": (lambda p: _edit(p / "docs" / "om.md", "title: Om Stödlänken\n", "title: Om Stödlänken\ntitle: Om oss\n"),
                                             "docs/om.md", "title"),
    "a link to a page that does not exist": (lambda p: _edit(p / "docs" / "om.md", "\n\n", "\n\nLäs [mer](finns-inte.md).\n\n"),
                                             "docs/om.md", "(länk)"),
    "a script pasted into an about page": (lambda p: _edit(p / "docs" / "om.md", "\n\n", "\n\n<script>alert(1)</script>\n\n"),
                                           "docs/om.md", "<script>"),
    "a javascript: link": (lambda p: _edit(p / "docs" / "surfa-sakert.md", "\n\n", "\n\n[Klicka](javascript:alert(1))\n\n"),
                           "docs/surfa-sakert.md", "(länk)"),
    "quick exit without https://": (lambda p: _edit(p / "mkdocs.yml", "quick_exit_url: https://www.smhi.se/", "quick_exit_url: www.smhi.se"),
                                    "mkdocs.yml", "extra.stodlanken.quick_exit_url"),
    "a social link without https://": (lambda p: _edit(p / "mkdocs.yml", "url: https://www.tiktok.com/", "url: http://www.tiktok.com/"),
                                       "mkdocs.yml", "extra.stodlanken.social[2].url"),
    "an e-mail that is no e-mail": (lambda p: _edit(p / "mkdocs.yml", "contact_email: tillganglighet@example.org", "contact_email: tillganglighet(at)example.org"),
                                    "mkdocs.yml", "extra.stodlanken.accessibility.contact_email"),
    "a zero-byte film": (lambda p: (p / POSTS / "media" / "vart-vander-jag-mig.mp4").write_bytes(b""),
                         f"{POSTS}/vart-vander-jag-mig.md", "media.video"),
    "captions whose times do not parse": (lambda p: (p / POSTS / "media" / "vart-vander-jag-mig.sv.vtt").write_text(
        "WEBVTT\n\n00:01.000 --> 00:00.500\nHej\n", encoding="utf-8"), f"{POSTS}/vart-vander-jag-mig.md", "media.captions.sv"),
    "an empty transcript": (lambda p: (p / POSTS / "media" / "att-vaga-prata.sv.md").write_text("  \n", encoding="utf-8"),
                            f"{POSTS}/att-vaga-prata.md", "media.transcript"),
    "a truncated JPEG": (lambda p: (p / POSTS / "media" / "fem-stallen-1.jpg").write_bytes(
        (ROOT / POSTS / "media" / "fem-stallen-1.jpg").read_bytes()[:5000]), f"{POSTS}/fem-stallen.md", "media.slides[0].image"),
    "a list where a page title belongs": (lambda p: _edit(p / "docs" / "integritet.md", "title: Integritet", "title: [Integritet, Kakor]"),
                                          "docs/integritet.md", "title"),
    "a page template that does not exist": (lambda p: _edit(p / "docs" / "surfa-sakert.md", "title: Surfa säkert", "title: Surfa säkert\ntemplate: 7"),
                                            "docs/surfa-sakert.md", "template"),
    "a stylesheet added in mkdocs.yml": (lambda p: _edit(p / "mkdocs.yml", "\nhooks:", "\nextra_css:\n  - egen.css\nhooks:"),
                                         "mkdocs.yml", "extra_css"),
    "a GIF on an about page": (lambda p: (p / "docs" / "bild.gif").write_bytes(b"GIF89a\x01\x00\x01\x00"), "docs/bild.gif", "(bild)"),
}


@pytest.fixture(scope="module")
def broken_project(new_project) -> Path:
    project = new_project()
    for apply, _, _ in MISTAKES.values():
        apply(project)
    return project


def _check(project: Path) -> tuple[int, str, list[str]]:
    """`make check`: its report groups the lines by file; turned back into one line each."""
    env = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    result = subprocess.run([sys.executable, "-m", "stodlanken.check"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=120)
    lines, path = [], None
    for row in result.stdout.splitlines():
        if row and not row.startswith(" ") and row != "Sammanfattning":
            path = row
        elif match := re.match(r"^  (?:rad (\d+)|filen): fel: (.*)$", row):
            lines.append(f"{path}:{match.group(1)}: {match.group(2)}" if match.group(1) else f"{path}: {match.group(2)}")
    return result.returncode, result.stdout + result.stderr, lines


def _build(project: Path) -> tuple[bool, str, list[str]]:
    result = run_build(project, site_dir=project.parent / "site")
    lines = [row.split("-  ", 1)[1] for row in result.output.splitlines() if row.startswith("ERROR")]
    return result.ok, result.output, lines


def _serve(project: Path) -> tuple[str, list[str]]:
    """`mkdocs serve` as `make serve` runs it; the problems listed at the top of the home page."""
    port = free_port()
    process = subprocess.Popen([*MKDOCS, "serve", "--livereload", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=preview_env())
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode("utf-8")
                break
            except OSError:
                assert process.poll() is None, process.stdout.read()
                assert time.monotonic() < deadline, "mkdocs serve did not answer within 120 s"
                time.sleep(0.5)
        # Still serving after the mistakes: a second page answers too.
        urllib.request.urlopen(f"http://127.0.0.1:{port}/stod/", timeout=5).read()
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    banner = re.search(r"<div[^>]*data-preview-problems.*?</ul>", page, re.S)
    assert banner, page[:2000]
    return output, [html.unescape(line) for line in re.findall(r"<li><code>(.*?)</code></li>", banner.group(0), re.S)]


@pytest.fixture(scope="module")
def three_lists(broken_project):
    return _check(broken_project), _build(broken_project), _serve(broken_project)


def test_there_are_twenty_or_more_mistakes():
    assert len(MISTAKES) >= 20


@pytest.mark.parametrize("name", list(MISTAKES))
def test_each_mistake_is_one_line_naming_its_file_and_field_in_all_three(three_lists, name):
    (_, _, checked), (_, _, built), (_, served) = three_lists
    _, path, field = MISTAKES[name]
    for source, lines in (("make check", checked), ("mkdocs build", built), ("mkdocs serve", served)):
        found = [line for line in lines if re.match(rf"{re.escape(path)}(:\d+)?: {re.escape(field)}: ", line)]
        assert len(found) == 1, (source, name, found, lines)


def test_the_three_lists_are_the_same_and_nothing_else(three_lists):
    (check_status, check_output, checked), (built_ok, build_output, built), (serve_output, served) = three_lists
    assert check_status == 1 and not built_ok
    assert sorted(checked) == sorted(built) == sorted(served)
    # The Arabic film shares the Swedish one's video and captions: their two mistakes are its too.
    translation = [line for line in checked if line.startswith(f"{POSTS}/vart-vander-jag-mig-ar.md:")]
    assert [line.split(": ")[1] for line in translation] == ["media.video", "media.captions.sv"], translation
    assert len(checked) - len(translation) == len(MISTAKES), checked
    for output in (check_output, build_output, serve_output):
        assert "Traceback" not in output
