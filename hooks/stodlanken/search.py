"""Build the Pagefind search index while MkDocs renders the pages."""

from __future__ import annotations

import base64
import contextlib
import json
import queue
import subprocess
import tempfile
import threading
from pathlib import Path

INDEX_DIR = "pagefind"
# Pagefind makes several UIs; the site uses its own small one (search.js) and the JS API.
_UNUSED = {"pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js"}


class PagefindError(Exception):
    """Pagefind failed; the message is one line, for the editor."""


class Indexer:
    """A Pagefind process that reads each page as soon as MkDocs has rendered it.

    MkDocs renders on one core; a background thread passes the pages to Pagefind, which
    parses them on the other, so the end of the build waits only for the index itself.
    The thread speaks Pagefind's service protocol (what its Python API uses) directly:
    the API in pagefind 1.5.2 reads at most ten replies a second (minutes for a thousand
    pages), and Pagefind's own WriteFiles can lose the end of a file when the process
    exits right after it, so the index files are fetched and written here.
    """

    def __init__(self, site_dir: Path) -> None:
        from pagefind.service import get_executable  # Pagefind's own lookup of its binary

        self._index_dir = site_dir / INDEX_DIR
        self._requests: queue.SimpleQueue[dict | None] = queue.SimpleQueue()  # None: no more
        self._problem: str | None = None
        self._replies = bytearray()
        self._stderr = tempfile.TemporaryFile()  # a file, not a pipe: nothing Pagefind prints can block it
        self._process = subprocess.Popen(
            [str(get_executable() or "pagefind"), "--service"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
        )
        self._thread = threading.Thread(target=self._send_all, name="pagefind", daemon=True)
        self._thread.start()

    def add(self, path: str, html: str) -> None:
        """Index a page as written to `path` in the site (Pagefind makes its URL from that)."""
        self._requests.put({"type": "AddFile", "index_id": 0, "file_path": path, "url": None, "file_contents": html})

    def finish(self) -> str | None:
        """Write the index into <site_dir>/pagefind/; return an error message or None."""
        self._requests.put(None)
        self._thread.join()
        try:
            if self._problem:
                raise PagefindError(self._problem)
            files = self._ask({"type": "GetFiles", "index_id": 0})["files"]
            for file in files:
                if file["path"] not in _UNUSED:
                    target = self._index_dir / file["path"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(base64.b64decode(file["content"]))
        except (PagefindError, OSError) as error:
            return f"Sökindexet kunde inte byggas (Pagefind): {error}"
        finally:
            self._close()
        return None

    def stop(self) -> None:
        """End the thread and the process now, without an index (the build failed or was stopped)."""
        self._process.kill()
        self._requests.put(None)
        self._thread.join()
        self._close()

    def _send_all(self) -> None:
        try:
            self._ask({"type": "NewIndex", "config": None})  # index 0 of this process
            while (request := self._requests.get()) is not None:
                self._ask(request)
        except PagefindError as error:
            self._problem = str(error)

    def _ask(self, request: dict) -> dict:
        """Send one request and wait for its reply."""
        message = json.dumps({"message_id": 1, "payload": request})  # ASCII: Pagefind decodes the escapes
        try:
            self._process.stdin.write(base64.b64encode(message.encode()) + b",")
            self._process.stdin.flush()
            searched = 0
            while (end := self._replies.find(b",", searched)) < 0:
                searched = len(self._replies)
                chunk = self._process.stdout.read1()
                if not chunk:
                    raise EOFError
                self._replies += chunk
        except (OSError, EOFError):  # a broken pipe or the end of its output: Pagefind has stopped
            raise PagefindError(f"Pagefind avslutades oväntat: {self._last_words()}") from None
        reply = bytes(self._replies[:end])
        del self._replies[: end + 1]
        try:
            payload = json.loads(base64.b64decode(reply))["payload"]
        except (ValueError, KeyError, TypeError):
            raise PagefindError(f"oväntat svar: {reply[:200]!r}") from None
        if payload.get("type") == "Error":
            raise PagefindError(" ".join(str(payload.get("message") or "okänt fel").split()))
        return payload

    def _last_words(self) -> str:
        """What Pagefind printed before it stopped (a Rust panic), on one line."""
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            return "svarar inte"
        self._stderr.seek(0)
        text = self._stderr.read().decode(errors="replace").split("stack backtrace:")[0]
        return " ".join(text.split())[:500] or f"kod {self._process.returncode}"

    def _close(self) -> None:
        with contextlib.suppress(OSError):
            self._process.stdin.close()  # Pagefind exits when its input ends
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()
        self._stderr.close()


_CONTENT = 'class="sl-page sl-content"'


def mark_for_index(html: str, *, indexed: bool) -> str:
    """Mark the page's content column (overrides/layout.html) as what Pagefind indexes
    (pages without it, such as the home page and posters, are skipped)."""
    if not indexed:
        return html
    return html.replace(_CONTENT, f"{_CONTENT} data-pagefind-body", 1)
