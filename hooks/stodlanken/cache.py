"""Files made from data, kept between builds under `.cache/stodlanken/` (git-ignored).

A share card, a QR code or a cleaned image is made once and found again by a hash of
everything it is made from (the inputs, the settings and the library versions), so an
unchanged one is never made twice and a changed one is never served stale. Files are
written to a temporary name and renamed: builds running side by side never read half a
file, and a build stopped midway leaves no broken one behind.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import site
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DIR = ".cache/stodlanken"  # beside mkdocs.yml; git-ignored
HOOKS_DIR = Path(__file__).resolve().parents[1]  # where the `stodlanken` package is
# Jobs per extra process: below this, starting a process (and importing Pillow in it)
# costs more than it saves.
JOBS_PER_PROCESS = 8


@dataclass(frozen=True)
class Dirs:
    """Where each kind of file made from data is kept: `.cache/stodlanken/<kind>/` of a project."""

    project: Path  # the folder of mkdocs.yml

    @property
    def root(self) -> Path:
        return self.project / DIR

    @property
    def cards(self) -> Path:
        """Share cards (stodlanken/cards.py)."""
        return self.root / "cards"

    @property
    def qr(self) -> Path:
        """QR codes (stodlanken/qr.py)."""
        return self.root / "qr"

    @property
    def images(self) -> Path:
        """Images without metadata and their smaller sizes (stodlanken/media.py)."""
        return self.root / "images"

    @property
    def recordings(self) -> Path:
        """Audio and video without metadata (stodlanken/recordings.py)."""
        return self.root / "media"

    @property
    def preview(self) -> Path:
        """Generated pages as files, for the preview's dirty rebuilds (stodlanken/preview.py)."""
        return self.root / "preview"


def key(*parts: object) -> str:
    """A short, stable hash of JSON-able parts (bytes are hashed as they are)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, default=str).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def cached_file(path: Path, make: Callable[[], bytes]) -> Path:
    """`path`, made with `make()` only if it is not there yet."""
    if not path.exists():
        write_atomic(path, make())
    return path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)


@contextmanager
def writing(path: Path) -> Iterator[Path]:
    """A temporary name beside `path` for a tool that writes a file itself (FFmpeg);
    renamed to `path` when the block ends without an error, removed otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
        pass
    try:
        yield Path(tmp.name)
        os.replace(tmp.name, path)
    finally:
        if os.path.exists(tmp.name):
            os.remove(tmp.name)


def run_parallel(function: Callable, jobs: Sequence[tuple]) -> None:
    """`function(*job)` for every job; in one process per core when there are many.

    For making files that are missing from the cache (share cards, image sizes): Pillow's
    drawing holds Python's GIL, so threads would not help. "spawn", not "fork": the build
    has other threads running (hooks/search.py), which a forked child must not inherit.
    """
    workers = min(os.cpu_count() or 1, len(jobs) // JOBS_PER_PROCESS)
    if workers >= 2:
        try:
            # MkDocs puts hooks/ on the path only while it loads the hooks: the workers add it.
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                     initializer=site.addsitedir, initargs=(str(HOOKS_DIR),)) as pool:
                for _ in pool.map(function, *zip(*jobs), chunksize=4):
                    pass  # a worker's exception is raised here
            return
        except (BrokenProcessPool, OSError):
            pass  # no processes here (a sandbox, too little memory): make them one by one
    for job in jobs:
        function(*job)
