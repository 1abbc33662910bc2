"""Audio and video without metadata: re-muxed by FFmpeg, stream for stream, nothing re-encoded.

A phone or an editing app writes a lot into a recording that a listener never needs and a
young person never agreed to share: a title or artist with their name, cover art, chapters,
the encoder, the place it was filmed (MP4 `©xyz`, 3GPP `loci`). FFmpeg copies only the
first real video stream (not cover art) and the first audio stream into a new container,
without any metadata, chapters, data streams (GPS tracks) or subtitle streams, with
bit-exact flags so it writes no encoder string of its own. What the codecs themselves put
in their streams (e.g. x264's settings) stays until a later step transcodes.

The FFmpeg binary is the one PyPI's `imageio-ffmpeg` ships, so a build needs no system
package. Clean copies are kept under `.cache/stodlanken/media/`, found by a hash of the
original's bytes and every setting: a warm build runs FFmpeg for no file.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from stodlanken import cache

# Bump when the FFmpeg command changes, so clean copies are made anew.
VERSION = 1
VIDEO_EXTS = (".mp4", ".webm")
AUDIO_EXTS = (".mp3", ".m4a", ".ogg", ".opus", ".wav")
# The muxer for each kind of file: given, not guessed from a temporary name.
_MUXERS = {".mp4": "mp4", ".webm": "webm", ".mp3": "mp3", ".m4a": "ipod", ".ogg": "ogg", ".opus": "ogg", ".wav": "wav"}
_SETTINGS = {
    # `V` (capital) is video that is not an attached picture: cover art stays behind.
    "video": ["-map", "0:V:0", "-map", "0:a:0?"],
    "audio": ["-map", "0:a:0"],
    "common": ["-map_metadata", "-1", "-map_chapters", "-1", "-c", "copy",
               "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"],
    # Playback starts before the whole file is loaded (the index goes first).
    ".mp4": ["-movflags", "+faststart"], ".m4a": ["-movflags", "+faststart"],
    # No ID3 tag and no Xing/LAME header (which names the encoder); players read CBR and VBR without them.
    ".mp3": ["-id3v2_version", "0", "-write_xing", "0"],
}


@dataclass(frozen=True)
class Recording:
    file: Path  # the clean copy, in the cache: "<hash><ext>"
    seconds: float | None  # how long it plays, as FFmpeg wrote it


class Unreadable(Exception):
    """The file is not a recording FFmpeg can copy; the message says why, in Swedish."""


_memo: dict[tuple, Recording] = {}


def clean(path: Path, cache_dir: Path) -> Recording:
    """The recording copied without metadata; raises `Unreadable` (never anything else for bad input).

    Remembered by path, size and time, so `mkdocs serve` does not even hash the file again.
    """
    try:
        stat = path.stat()
    except OSError as error:
        raise Unreadable(f"kan inte läsas ({error.strerror})") from None
    memo = (str(path), stat.st_mtime_ns, stat.st_size, str(cache_dir))
    if memo not in _memo:
        if stat.st_size == 0:
            raise Unreadable("är tom (0 byte)")
        _memo[memo] = _cached(path, cache_dir)
    return _memo[memo]


def _cached(path: Path, cache_dir: Path) -> Recording:
    ext = path.suffix.lower()
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    key = cache.key("recording", VERSION, Path(_ffmpeg()).name, digest.hexdigest(), ext, _command(ext))
    target, manifest = cache_dir / f"{key}{ext}", cache_dir / f"{key}.json"
    try:
        seconds = json.loads(manifest.read_text(encoding="utf-8"))["seconds"]
        if target.exists():
            return Recording(target, seconds)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    seconds = _remux(path, target, ext)
    cache.write_atomic(manifest, json.dumps({"seconds": seconds}).encode())
    return Recording(target, seconds)


def _command(ext: str) -> list[str]:
    kind = "video" if ext in VIDEO_EXTS else "audio"
    return [*_SETTINGS[kind], *_SETTINGS["common"], *_SETTINGS.get(ext, []), "-f", _MUXERS[ext]]


def _remux(source: Path, target: Path, ext: str) -> float | None:
    with cache.writing(target) as tmp:
        try:
            result = subprocess.run(
                [_ffmpeg(), "-nostdin", "-hide_banner", "-v", "error", "-i", str(source), *_command(ext),
                 "-progress", "pipe:1", "-nostats", "-y", str(tmp)],
                capture_output=True, text=True, errors="replace", timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise Unreadable(f"kunde inte kopieras utan metadata ({error})") from None
        if result.returncode != 0:
            # FFmpeg's own message is English and technical: an editor needs only to know it failed.
            raise Unreadable("går inte att läsa som " + ("film" if ext in VIDEO_EXTS else "ljud"))
    # The last `out_time_us` of the progress report is how far the copy got: the playing time.
    times = [line.split("=", 1)[1] for line in result.stdout.splitlines() if line.startswith("out_time_us=")]
    try:
        return int(times[-1]) / 1_000_000 if times and int(times[-1]) > 0 else None
    except ValueError:
        return None


def _ffmpeg() -> str:
    import imageio_ffmpeg  # here, not at the top: only builds with recordings need it

    return imageio_ffmpeg.get_ffmpeg_exe()
