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
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

DIR = ".cache/stodlanken"


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
