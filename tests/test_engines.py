"""A second engine: ProperDocs builds the example site byte for byte like MkDocs 1.6.1.

MkDocs 1.6.1 is frozen and Material for MkDocs reaches its end of life on 5 May 2027.
ProperDocs (PyPI `properdocs`) is a maintained continuation of MkDocs 1.x that runs
`hooks:` and Material as they are. It has its own import name and command and shares
`.venv` with MkDocs: when started as `properdocs`, it points `import mkdocs…` (our hooks,
Material) at its own modules, so each build runs one engine only.

MkDocs and ProperDocs date `sitemap.xml` (`<lastmod>`) and the gzip header of
`sitemap.xml.gz` by SOURCE_DATE_EPOCH, which our build sets from the build's date
(STODLANKEN_TODAY in the suite), so two builds that straddle midnight still agree.
Nothing else in the output carries a time. The MkDocs build is the
suite's own build of the example (conftest.example_build).
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ENGINES = {
    "mkdocs": [sys.executable, "-m", "mkdocs"],
    "properdocs": [sys.executable, "-m", "properdocs"],
}


def _build(engine: str, site_dir: Path) -> subprocess.CompletedProcess:
    command = [*ENGINES[engine], "build", "--strict", "--clean", "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


def _files(site_dir: Path) -> dict[str, bytes]:
    return {path.relative_to(site_dir).as_posix(): path.read_bytes() for path in sorted(site_dir.rglob("*")) if path.is_file()}


def _first_difference(name: str, a: bytes, b: bytes) -> str:
    try:
        lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), "mkdocs/" + name, "properdocs/" + name, lineterm="", n=1)
        return "\n".join(list(lines)[:12])
    except UnicodeDecodeError:
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return f"{name}: binary, {len(a)} and {len(b)} bytes, first difference at byte {at}"


def test_properdocs_is_its_own_engine_in_the_same_venv():
    version = subprocess.run([*ENGINES["properdocs"], "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("python -m properdocs, version 1.6"), version.stdout + version.stderr
    mkdocs = subprocess.run([*ENGINES["mkdocs"], "--version"], capture_output=True, text=True, timeout=60)
    assert mkdocs.stdout.startswith("python -m mkdocs, version 1.6.1"), mkdocs.stdout


def test_properdocs_and_mkdocs_build_the_example_site_byte_for_byte_alike(example_build, tmp_path):
    done = _build("properdocs", tmp_path / "properdocs")
    assert done.returncode == 0, f"properdocs build failed:\n{done.stdout}{done.stderr}"
    ours, theirs = _files(example_build.site_dir), _files(tmp_path / "properdocs")
    assert len(ours) > 100, "the example site is a few hundred files"
    assert sorted(ours) == sorted(theirs), (
        f"only in the MkDocs build: {sorted(set(ours) - set(theirs))}; only in the ProperDocs build: {sorted(set(theirs) - set(ours))}"
    )
    different = [name for name in ours if ours[name] != theirs[name]]
    assert not different, f"{len(different)} files differ, e.g.:\n" + "\n\n".join(
        _first_difference(name, ours[name], theirs[name]) for name in different[:3]
    )
