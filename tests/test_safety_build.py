"""Safety invariants on real builds: no script from content, quick exit always leaves,
the help row never shrinks silently (DESIGN.md, "Safety invariants")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import UNSAFE_POST, run_build

HELP_NUMBERS = ("112", "116111", "90101")  # 112, BRIS, Självmordslinjen


def _error_lines(output: str, path: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("ERROR") and f"{path}:" in line]


# --- No script from content -------------------------------------------------------------


def test_script_event_handler_javascript_link_and_meta_refresh_are_each_a_problem_line(unsafe_post_build):
    lines = _error_lines(unsafe_post_build.output, UNSAFE_POST)
    fields = [line.split(": ")[1] for line in lines]
    assert fields == ["<script>", "<img onerror>", "(länk)", "<meta>"], unsafe_post_build.output
    assert "Traceback" not in unsafe_post_build.output


def test_strict_build_refuses_the_post(case_build):
    result = case_build("unsafe_post")
    assert not result.ok and "Bygget stoppades" in result.output
    assert len(_error_lines(result.output, UNSAFE_POST)) == 4


def test_non_strict_build_publishes_the_post_with_all_of_it_removed(unsafe_post_build):
    assert unsafe_post_build.ok, unsafe_post_build.output
    page = (unsafe_post_build.site_dir / "inlagg" / "brak-hemma" / "index.html").read_text(encoding="utf-8")
    assert "__pwned" not in page and "onerror" not in page and "javascript:" not in page
    assert "http-equiv=\"refresh\"" not in page and "example.com" not in page
    assert "Klicka här" in page  # the text stays, the address goes
    # Our own blocks were put in after sanitising: "Här får du stöd" and its call buttons are there.
    assert "Här får du stöd" in page and 'href="tel:116111"' in page


def test_no_page_has_an_inline_executable_script_or_an_html_comment(unsafe_post_build):
    for path in sorted(unsafe_post_build.site_dir.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        for attributes in re.findall(r"<script\b([^>]*)>", page):
            assert "src=" in attributes or "application/ld+json" in attributes, path
        assert "<!--" not in page.replace("<!--[if", ""), path


# --- Quick exit always leaves -------------------------------------------------------------


def test_quick_exit_without_a_scheme_is_refused_and_the_button_still_leaves(copy_example, tmp_path):
    project = copy_example()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("quick_exit_url: https://www.smhi.se/", "quick_exit_url: www.smhi.se"), encoding="utf-8")
    strict = run_build(project)
    assert not strict.ok
    lines = [line for line in strict.output.splitlines() if "extra.stodlanken.quick_exit_url" in line]
    assert len(lines) == 1 and lines[0].startswith("ERROR") and "mkdocs.yml" in lines[0], strict.output
    preview = run_build(project, strict=False, site_dir=tmp_path / "site")
    for page in ("index.html", "om/index.html", "akut/index.html", "404.html"):
        html = (preview.site_dir / page).read_text(encoding="utf-8")
        exits = re.findall(r'<a class="sl-exit" href="([^"]*)"', html)
        assert exits == ["https://www.smhi.se/"], page


# --- The help row never shrinks silently -----------------------------------------------------


def test_empty_emergency_list_is_refused(copy_example):
    project = copy_example()
    (project / "support_directory" / "emergency.yml").write_text("", encoding="utf-8")
    result = run_build(project)
    assert not result.ok
    assert _error_lines(result.output, "support_directory/emergency.yml"), result.output


def _help_row(html: str) -> str:
    start = html.index('class="sl-help"')
    return html[start : html.index("</section>", start)]


def test_a_broken_situation_icon_keeps_every_emergency_number_on_every_page(copy_example, tmp_path):
    project = copy_example()
    situations = project / "support_directory" / "situations.yml"
    # Every emergency service names ma-daligt; a typo in its icon must not take them away.
    situations.write_text(situations.read_text(encoding="utf-8").replace("material/emoticon-sad-outline", "material/emoticon-sad-outlin"), encoding="utf-8")
    result = run_build(project, strict=False, site_dir=tmp_path / "site")
    assert result.ok and _error_lines(result.output, "support_directory/situations.yml"), result.output
    pages = [path for path in sorted(Path(result.site_dir).rglob("*.html")) if "sl-help" in path.read_text(encoding="utf-8")]
    assert len(pages) > 20
    for path in pages:
        row = _help_row(path.read_text(encoding="utf-8"))
        for number in HELP_NUMBERS:
            assert f'href="tel:{number}"' in row, (path, number)
    akut = (result.site_dir / "akut" / "index.html").read_text(encoding="utf-8")
    listed = akut[akut.index('id="stod-list-title"') :]
    for number in HELP_NUMBERS:
        assert f'href="tel:{number}"' in listed, number
    assert (result.site_dir / "stod" / "tjanst" / "bris" / "index.html").is_file()  # its page stays too


@pytest.mark.parametrize("mistake", [
    ("verified: ", "verified: inte "),  # an unreadable date
    ("verified: ", "anonymous: true\nverified: "),  # a key written twice: the file is still read for its number
])
def test_an_emergency_service_with_an_error_elsewhere_keeps_its_line(copy_example, tmp_path, mistake):
    project = copy_example()
    bris = project / "support_directory" / "services" / "bris.yml"
    assert "anonymous: true" in bris.read_text(encoding="utf-8")
    bris.write_text(bris.read_text(encoding="utf-8").replace(*mistake, 1), encoding="utf-8")
    result = run_build(project, strict=False, site_dir=tmp_path / "site")
    assert result.ok and _error_lines(result.output, "support_directory/services/bris.yml"), result.output
    assert not (result.site_dir / "stod" / "tjanst" / "bris").exists()  # no page from a broken file
    for page in ("index.html", "om/index.html", "akut/index.html"):
        assert 'href="tel:116111"' in _help_row((result.site_dir / page).read_text(encoding="utf-8")), page
    akut = (result.site_dir / "akut" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:116111"' in akut[akut.index('id="stod-list-title"') :]
