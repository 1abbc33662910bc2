"""The publishing workflow and pre-commit hook run the README's own commands."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT, run_build


def _readme_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^(make \w[\w-]*)", "\n".join(re.findall(r"```sh\n(.*?)```", readme, re.S)), re.M))


def test_workflow_is_valid_yaml_and_runs_the_readme_commands():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert "make test" in [step.get("run") for step in jobs["test"]["steps"]]
    assert {"make test"} <= _readme_commands()
    assert "make build" in (ROOT / "README.md").read_text(encoding="utf-8")
    steps = jobs["build"]["steps"]
    names = [step.get("run") or step.get("uses", "") for step in steps]
    build = next(step for step in steps if step.get("run") == "make build")
    upload = next(i for i, name in enumerate(names) if name.startswith("actions/upload-pages-artifact"))
    # A refused build still uploads the site it leaves (withdrawals applied), then turns the run red.
    assert build.get("continue-on-error") is True
    assert names.index("make build") < upload < next(i for i, step in enumerate(steps) if step.get("name") == "Refused")
    # Publishing waits for the build only: a failing test must not keep a withdrawn post online.
    assert jobs["deploy"]["needs"] == "build"
    assert "needs.build.outputs.site == 'yes'" in jobs["deploy"]["if"]
    # `on:` parses as True in YAML 1.1.
    triggers = workflow.get("on") or workflow.get(True)
    assert "schedule" in triggers


def test_make_build_replaces_site_only_after_a_complete_build():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert "--strict" in recipe and "--site-dir site.new" in recipe
    assert recipe.index("--site-dir site.new") < recipe.index("mv site.new site")


def test_pre_commit_runs_the_fast_check():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert any(hook["entry"] == "make check" for hook in hooks)


def _make_build(project):
    import subprocess
    import sys
    from pathlib import Path

    # -o install: use the running environment instead of installing into the copy.
    return subprocess.run(["make", "-o", "install", "build", f"VENV={Path(sys.prefix)}"], cwd=project,
                          capture_output=True, text=True, timeout=600)


def test_a_withdrawal_takes_effect_even_when_the_build_is_refused_for_something_else(copy_example):
    import shutil

    from test_posts_build import built_files, everything_in

    project = copy_example()
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    assert _make_build(project).returncode == 0
    site = project / "site"
    assert (site / "inlagg" / "att-vaga-prata" / "index.html").is_file()

    # The same evening: p4 withdraws; another post links to the podcast; an unrelated service
    # file gets a mistake; and another post gets one too.
    podcast = project / "docs/inlagg/posts/att-vaga-prata.md"
    podcast.write_text(podcast.read_text(encoding="utf-8").replace("consent: approved", "consent: withdrawn", 1), encoding="utf-8")
    text_post = project / "docs/inlagg/posts/brak-hemma.md"
    text_post.write_text(text_post.read_text(encoding="utf-8") + "\nLyssna på [podden om att våga prata](att-vaga-prata.md).\n", encoding="utf-8")
    film = project / "docs/inlagg/posts/vart-vander-jag-mig.md"
    film.write_text(film.read_text(encoding="utf-8").replace("type: film", "type: filmen"), encoding="utf-8")
    umo = project / "support_directory/services/umo.yml"
    umo.write_text(umo.read_text(encoding="utf-8").replace("web: https://www.umo.se/", "web: http://www.umo.se/"), encoding="utf-8")

    result = _make_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "support_directory/services/umo.yml:" in output and "docs/inlagg/posts/vart-vander-jag-mig.md:4: type:" in output
    assert "Traceback" not in output
    assert not (project / "site.new").exists()
    # Nothing made from the withdrawn post is left: page, media, cards, poster, short link,
    # feed entries, search entries, sitemap lines.
    files = built_files(site)
    assert not any("att-vaga-prata" in name for name in files), [n for n in files if "att-vaga-prata" in n]
    everything = everything_in(site)
    for trace in ("Att våga säga det första ordet", "att-vaga-prata"):
        assert trace not in everything, trace
    # The post with the mistake is left out too; the link to the podcast became plain text.
    assert not (site / "inlagg" / "vart-vander-jag-mig").exists()
    page = (site / "inlagg" / "brak-hemma" / "index.html").read_text(encoding="utf-8")
    assert "podden om att våga prata" in page
    assert not (site / "stod" / "tjanst" / "umo").exists()
    assert (site / "inlagg" / "fem-stallen" / "index.html").is_file()
    assert (site / "stod" / "tjanst" / "bris" / "index.html").is_file()


def test_a_link_to_a_held_back_post_is_a_warning_and_becomes_plain_text(copy_example, build):
    project = copy_example()
    podcast = project / "docs/inlagg/posts/att-vaga-prata.md"
    podcast.write_text(podcast.read_text(encoding="utf-8").replace("consent: approved", "consent: pending", 1), encoding="utf-8")
    text_post = project / "docs/inlagg/posts/brak-hemma.md"
    text_post.write_text(text_post.read_text(encoding="utf-8") + "\nLyssna på [podden](att-vaga-prata.md).\n", encoding="utf-8")
    result = build(project)
    assert result.ok, result.output
    assert "WARNING -  docs/inlagg/posts/brak-hemma.md:" in result.output and "(länk)" in result.output
    page = (result.site_dir / "inlagg" / "brak-hemma" / "index.html").read_text(encoding="utf-8")
    assert "Lyssna på podden." in page and "att-vaga-prata" not in page


def test_build_dirty_still_leaves_no_page_of_a_withdrawn_post(copy_example):
    """`--dirty` is for the preview (make serve); a build with it starts from an empty folder,
    so an old page of a post whose consent was withdrawn cannot stay in the output."""
    project = copy_example()
    site_dir = project.parent / "dirty-site"

    def dirty_build():
        return run_build(project, strict=False, site_dir=site_dir, dirty=True)

    assert dirty_build().ok
    page = site_dir / "inlagg" / "att-vaga-prata" / "index.html"
    assert page.is_file()
    post = project / "docs/inlagg/posts/att-vaga-prata.md"
    text = post.read_text(encoding="utf-8")
    assert "consent: approved" in text
    post.write_text(text.replace("consent: approved", "consent: withdrawn", 1), encoding="utf-8")
    result = dirty_build()
    assert result.ok, result.output
    assert not page.exists()
    assert "--dirty gäller bara förhandsvisningen" in result.output
    assert "att-vaga-prata" not in (site_dir / "inlagg" / "index.html").read_text(encoding="utf-8")
    assert (site_dir / "inlagg" / "fem-stallen" / "index.html").is_file()
