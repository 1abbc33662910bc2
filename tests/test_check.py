"""`make check`: all problems grouped by file, and a summary an editor can act on."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from conftest import BUILD_DATE, ROOT


def _check(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "STODLANKEN_TODAY": BUILD_DATE}
    return subprocess.run([sys.executable, "-m", "stodlanken.check"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_passes_on_the_example(copy_example):
    result = _check(copy_example())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Fel: 0" in result.stdout
    assert "Hålls tillbaka: 0 inlägg" in result.stdout


def test_check_lists_every_mistake_by_file_and_summarises(copy_example):
    project = copy_example()
    posts = project / "docs" / "inlagg" / "posts"
    services = project / "support_directory" / "services"
    _replace(services / "umo.yml", "web: https://www.umo.se/", "web: http://www.umo.se/")
    _replace(services / "youmo.yml", "verified: 2026-11-24", f"verified: {(date.fromisoformat(BUILD_DATE) - timedelta(days=200)).isoformat()}")
    _replace(posts / "att-vaga-prata.md", "  - ref: p5\n    consent: approved", "  - ref: p5\n    consent: pending")
    _replace(posts / "brak-hemma.md", "type: text", "type: blogg")

    result = _check(project)
    out = result.stdout
    assert result.returncode == 1, out
    assert "Traceback" not in out + result.stderr
    # Grouped: the file on its own line, its problems indented under it.
    assert "\nsupport_directory/services/umo.yml\n  rad " in "\n" + out
    assert "\ndocs/inlagg/posts/brak-hemma.md\n  rad " in "\n" + out
    assert "contact.web" in out and "type" in out
    assert "Hålls tillbaka: 1 inlägg" in out
    assert "docs/inlagg/posts/att-vaga-prata.md" in out.split("Hålls tillbaka")[1]
    assert "p5" in out.split("Hålls tillbaka")[1]
    assert "Tjänster att kontrollera igen: 1" in out
    assert "support_directory/services/youmo.yml" in out.split("Tjänster att kontrollera igen")[1]
    assert "Fel: 2" in out


def test_check_does_not_build_the_site(copy_example):
    project = copy_example()
    _check(project)
    assert not (project / "site").exists()
    assert ROOT.joinpath("hooks", "stodlanken", "check.py").exists()


def test_build_date_can_be_set_to_preview_a_future_day(copy_example):
    project = copy_example()
    post = project / "docs" / "inlagg" / "posts" / "brak-hemma.md"
    post.write_text(post.read_text(encoding="utf-8").replace("type: text", "type: text\npublish_from: 2027-01-01", 1), encoding="utf-8")
    assert "Hålls tillbaka: 1 inlägg" in _check(project).stdout
    env_day = {**os.environ, "PYTHONPATH": str(project / "hooks"), "STODLANKEN_TODAY": "2027-01-01"}
    later = subprocess.run([sys.executable, "-m", "stodlanken.check"], cwd=project, env=env_day, capture_output=True, text=True)
    assert "Hålls tillbaka: 0 inlägg" in later.stdout
