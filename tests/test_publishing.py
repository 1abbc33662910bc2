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
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert "make test" in runs and "make build" in runs
    assert {"make test"} <= _readme_commands()
    assert "make build" in (ROOT / "README.md").read_text(encoding="utf-8")
    # Only a complete, checked build is deployed: upload after test and build, deploy after that.
    names = [step.get("run") or step.get("uses", "") for step in steps]
    assert names.index("make test") < names.index("make build") < next(
        i for i, name in enumerate(names) if name.startswith("actions/upload-pages-artifact"))
    assert workflow["jobs"]["deploy"]["needs"] == "build"
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


def test_a_failed_build_leaves_the_published_site_untouched(copy_example):
    import shutil

    project = copy_example()
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous site", encoding="utf-8")
    post = project / "docs/inlagg/posts/brak-hemma.md"
    post.write_text(post.read_text(encoding="utf-8").replace("type: text", "type: blogg"), encoding="utf-8")

    result = _make_build(project)
    assert result.returncode != 0
    assert "docs/inlagg/posts/brak-hemma.md:4: type:" in result.stdout + result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (project / "site.new").exists()

    post.write_text(post.read_text(encoding="utf-8").replace("type: blogg", "type: text"), encoding="utf-8")
    result = _make_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Stödlänken" in (project / "site" / "index.html").read_text(encoding="utf-8")


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
