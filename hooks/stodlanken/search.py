"""Build the Pagefind search index over the written site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

INDEX_DIR = "pagefind"


def build_index(site_dir: Path) -> str | None:
    """Index the pages marked `data-pagefind-body`; return an error message or None."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", INDEX_DIR, "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return f"Sökindexet kunde inte byggas (Pagefind): {(result.stderr or result.stdout).strip()}"
    # Pagefind writes several UIs; the site uses its own small one (search.js) and the JS API.
    for unused in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
                   "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js"):
        (site_dir / INDEX_DIR / unused).unlink(missing_ok=True)
    return None


_CONTENT = 'class="md-content__inner md-typeset"'


def mark_for_index(html: str, *, indexed: bool) -> str:
    """Mark Material's content column as what Pagefind indexes (pages without it are skipped)."""
    if not indexed:
        return html
    return html.replace(_CONTENT, f"{_CONTENT} data-pagefind-body", 1)
