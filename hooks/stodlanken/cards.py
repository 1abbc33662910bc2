"""Share card images (PNG), drawn offline with Pillow and cached between builds.

A card says what a shared link is before anyone opens it: the type ("Film", "Podd" …),
the title and the site's name and address, white on the site's dark green (contrast
above 10:1). Sizes: 1200×630 for link previews, 1080×1920 for Instagram/TikTok stories,
1400×1400 for the podcast cover.

The font is Lato, shipped by the PyPI package `font-lato` (OFL). Pillow's own bundled
font (`ImageFont.load_default`) has no å, ä or ö, and Material's social plugin downloads
its fonts at build time; neither will do here.

Drawing a card takes ~50 ms; a site with hundreds of posts would spend seconds on every
rebuild. Each card is stored under `.cache/stodlanken/cards/<hash>.png`, the hash made
of everything that is drawn, so an unchanged card is never drawn twice and a changed
title is never served stale.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import font_lato
import PIL
from PIL import Image, ImageDraw, ImageFont

from stodlanken import cache

# Bump when the drawing changes, so cached cards are drawn anew.
VERSION = 1
BACKGROUND = "#073d33"  # --sl-brand-dark
INK = "#ffffff"
LABEL_BACKGROUND = "#ffbf47"  # --sl-focus
LABEL_INK = "#1a1a1a"

SIZES = {
    "link": (1200, 630),
    "story": (1080, 1920),
    "square": (1400, 1400),
}


@dataclass(frozen=True)
class Card:
    """What one card shows; every field goes into the cache key."""

    size: str  # a key of SIZES
    title: str
    label: str = ""  # "Film", "Podd", "Stöd" …; empty: no label
    text: str = ""  # a line under the title (the site's promise on the site card)
    footer: str = ""  # the site's name
    address: str = ""  # where to find it, e.g. "stodlanken.example.org/l/fem-stallen"

    @property
    def pixels(self) -> tuple[int, int]:
        return SIZES[self.size]


def cached_cards(cards: list[Card], cache_dir: Path) -> list[Path]:
    """The PNG files of these cards, each drawn only if the cache does not have it yet; many
    missing ones (a first build draws two for every post) in parallel."""
    paths = [cache_dir / f"{cache_key(card)}.png" for card in cards]
    missing = {path: card for path, card in zip(paths, cards) if not path.exists()}
    cache.run_parallel(_draw_into, list(missing.items()))
    return paths


def _draw_into(path: Path, card: Card) -> None:
    cache.write_atomic(path, draw(card))


def cache_key(card: Card) -> str:
    return cache.key({"version": VERSION, "pillow": PIL.__version__, "font": _font_version(), **asdict(card)})


def draw(card: Card) -> bytes:
    width, height = card.pixels
    image = Image.new("RGB", (width, height), BACKGROUND)
    pen = ImageDraw.Draw(image)
    margin = round(min(width, height) * 0.08)
    inner = width - 2 * margin
    tall = height > width
    y = margin + (round(height * 0.12) if tall else 0)

    if card.label:
        font = _font("bold", round(min(width, height) * 0.05))
        label = printable(card.label, font)
        left, top, right, bottom = pen.textbbox((0, 0), label, font=font)
        pad_x, pad_y = font.size // 2, font.size // 3
        pen.rounded_rectangle(
            (margin, y, margin + right - left + 2 * pad_x, y + font.size + 2 * pad_y),
            radius=font.size // 3,
            fill=LABEL_BACKGROUND,
        )
        pen.text((margin + pad_x, y + pad_y + font.size), label, font=font, fill=LABEL_INK, anchor="ls")
        y += font.size + 2 * pad_y + round(font.size * 1.2)

    bottom_space = margin + round(min(width, height) * 0.16)
    title_box = height - y - bottom_space - (round(height * 0.12) if tall else 0)
    font, lines = fit_text(card.title, "bold", inner, title_box, start=round(min(width, height) * (0.11 if tall else 0.1)))
    for line in lines:
        pen.text((margin, y + font.size), line, font=font, fill=INK, anchor="ls")
        y += round(font.size * 1.15)

    if card.text:
        font_small = _font("regular", round(min(width, height) * 0.045))
        y += font_small.size // 2
        for line in wrap(printable(card.text, font_small), font_small, inner)[:3]:
            pen.text((margin, y + font_small.size), line, font=font_small, fill=INK, anchor="ls")
            y += round(font_small.size * 1.3)

    # The site's name and address along the bottom, over a rule.
    small = _font("regular", round(min(width, height) * 0.042))
    base = height - margin - (round(height * 0.08) if tall else 0)
    rule_y = base - 2 * small.size - round(small.size * 0.9)
    pen.line((margin, rule_y, width - margin, rule_y), fill=INK, width=max(2, small.size // 12))
    if card.footer:
        name_font = _font("bold", small.size)
        pen.text((margin, base - small.size - round(small.size * 0.35)), _ellipsis(printable(card.footer, name_font), name_font, inner), font=name_font, fill=INK, anchor="ls")
    if card.address:
        pen.text((margin, base), _ellipsis(printable(card.address, small), small, inner), font=small, fill=INK, anchor="ls")

    out = io.BytesIO()
    # zlib's default level: a story card in 33 ms and 60 KB; `optimize=True` took 106 ms for 55 KB.
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def fit_text(text: str, weight: str, width: int, height: int, *, start: int, smallest: int = 28) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font size (down from `start`) at which `text` wraps into the box."""
    size = start
    while True:
        font = _font(weight, size)
        lines = wrap(printable(text, font), font, width)
        if len(lines) * size * 1.15 <= height or size <= smallest:
            max_lines = max(1, int(height // (size * 1.15)))
            if len(lines) > max_lines:
                lines = lines[:max_lines]
                lines[-1] = _ellipsis(lines[-1] + " …", font, width)
            return font, lines
        size = max(smallest, int(size * 0.9))


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by measured width; a word wider than a line is split."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while font.getlength(word) > width:  # a very long word: split it where it overflows
            cut = next(i for i in range(len(word), 0, -1) if font.getlength(word[:i] + "-") <= width or i == 1)
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut] + "-")
            word = word[cut:]
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def printable(text: str, font: ImageFont.FreeTypeFont) -> str:
    """The text without characters the font cannot draw (an emoji would be an empty box)."""
    return " ".join("".join(ch for ch in text if has_glyph(font, ch)).split())


def has_glyph(font: ImageFont.FreeTypeFont, char: str) -> bool:
    if char.isspace():
        return True
    return _glyph_signature(font.path, font.size, char) != _glyph_signature(font.path, font.size, "\U000f0000")


@lru_cache(maxsize=4096)
def _glyph_signature(path: str, size: int, char: str) -> tuple:
    # A character the font lacks is drawn as the font's "missing glyph" box.
    mask = ImageFont.truetype(path, size).getmask(char)
    return mask.size, bytes(mask)


def _ellipsis(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


@lru_cache(maxsize=64)
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    path = font_lato.LatoBold if weight == "bold" else font_lato.Lato
    return ImageFont.truetype(path, size)


@lru_cache(maxsize=1)
def _font_version() -> str:
    digest = hashlib.sha256()
    for path in (font_lato.LatoBold, font_lato.Lato):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
