"""QR codes as SVG, made offline with `segno` (pure Python, no service, no network).

Error correction level M survives a crease or a bit of tape on a printed poster. The
SVG has a white quiet zone of four modules (what scanners need) and a title for screen
readers.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

from stodlanken import cache


def qr_svg(url: str, *, title: str) -> bytes:
    code = segno.make(url, error="m", micro=False, boost_error=False)
    out = io.BytesIO()
    # No width/height, only a viewBox: the code scales to whatever size the poster gives it.
    code.save(out, kind="svg", border=4, dark="#000", light="#fff", xmldecl=False, title=title, svgclass="sl-qr", lineclass=None, omitsize=True)
    return out.getvalue()


def cached_qr_svg(url: str, *, title: str, cache_dir: Path) -> Path:
    """`qr_svg`, kept between builds: finding the best mask takes ~15 ms a code."""
    path = cache_dir / f"{cache.key('qr', 1, segno.__version__, url, title)}.svg"
    return cache.cached_file(path, lambda: qr_svg(url, title=title))
