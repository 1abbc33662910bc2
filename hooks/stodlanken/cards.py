"""Share card images (PNG), drawn offline with Pillow and cached between builds.

A card says what a shared link is before anyone opens it: the type ("Film", "Podd" …),
the title and the site's name and address, white on the site's dark green (contrast
above 10:1). Sizes: 1200×630 for link previews, 1080×1920 for Instagram/TikTok stories,
1400×1400 for the podcast cover.

Fonts, all OFL and installed from PyPI: Lato (`font-lato`) for Latin script, Noto Sans
Arabic (`justmytype-intl-rtl`) for Arabic and Dari, Noto Sans Ethiopic
(`justmytype-intl-africa`) for Tigrinya; both Noto fonts draw Latin letters and digits too,
so a title is drawn in the font of the first such script it holds. Pillow's own bundled
font (`ImageFont.load_default`) has no å, ä or ö, and Material's social plugin downloads
its fonts at build time; neither will do here.

Arabic letters change shape by their neighbours and run right to left: Pillow draws them
with libraqm (HarfBuzz and FriBiDi; Pillow's wheels bring HarfBuzz and load the system's
FriBiDi, Debian's `libfribidi0`). Without libraqm a card leaves out text in a script that
needs it rather than draw it as unjoined letters in the wrong order, and `shaping_problem`
says what to install. A right-to-left title sets the card right to left: label, title and
footer start at the right edge.

Drawing a card takes ~50 ms; a site with hundreds of posts would spend seconds on every
rebuild. Each card is stored under `.cache/stodlanken/cards/<hash>.png`, the hash made
of everything that is drawn, so an unchanged card is never drawn twice and a changed
title is never served stale.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import font_lato
import PIL
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

from stodlanken import cache

# Bump when the drawing changes, so cached cards are drawn anew.
VERSION = 2
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
    language: str = ""  # BCP 47 of the text ("ar", "fa"): HarfBuzz picks the language's letter forms

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
    return cache.key({"version": VERSION, "pillow": PIL.__version__, "raqm": SHAPING, "font": _font_version(), **asdict(card)})


def draw(card: Card) -> bytes:
    width, height = card.pixels
    image = Image.new("RGB", (width, height), BACKGROUND)
    pen = ImageDraw.Draw(image)
    margin = round(min(width, height) * 0.08)
    inner = width - 2 * margin
    tall = height > width
    y = margin + (round(height * 0.12) if tall else 0)
    rtl = right_to_left(card.title or card.label)
    # Where a line starts: the left edge, or the right edge on a right-to-left card.
    x, anchor = (width - margin, "rs") if rtl else (margin, "ls")
    direction = {"direction": "rtl" if rtl else "ltr", "language": card.language or None} if SHAPING else {}

    def write(at_y: int, line: str, font: ImageFont.FreeTypeFont, fill: str) -> None:
        pen.text((x, at_y), line, font=font, fill=fill, anchor=anchor, **direction)

    if card.label:
        font = _font(face(card.label), "bold", round(min(width, height) * 0.05))
        label = printable(card.label, font)
        label_width = font.getlength(label, **direction)
        pad_x, pad_y = font.size // 2, font.size // 3
        box_left = width - margin - label_width - 2 * pad_x if rtl else margin
        pen.rounded_rectangle(
            (box_left, y, box_left + label_width + 2 * pad_x, y + font.size + 2 * pad_y),
            radius=font.size // 3,
            fill=LABEL_BACKGROUND,
        )
        pen.text((box_left + (label_width + pad_x if rtl else pad_x), y + pad_y + font.size), label, font=font, fill=LABEL_INK,
                 anchor=anchor, **direction)
        y += font.size + 2 * pad_y + round(font.size * 1.2)

    bottom_space = margin + round(min(width, height) * 0.16)
    title_box = height - y - bottom_space - (round(height * 0.12) if tall else 0)
    font, lines = fit_text(card.title, "bold", inner, title_box, start=round(min(width, height) * (0.11 if tall else 0.1)))
    for line in lines:
        write(y + font.size, line, font, INK)
        y += round(font.size * 1.15)

    if card.text:
        font_small = _font(face(card.text), "regular", round(min(width, height) * 0.045))
        y += font_small.size // 2
        for line in wrap(printable(card.text, font_small), font_small, inner)[:3]:
            write(y + font_small.size, line, font_small, INK)
            y += round(font_small.size * 1.3)

    # The site's name and address along the bottom, over a rule.
    small = _font(face(card.footer), "regular", round(min(width, height) * 0.042))
    base = height - margin - (round(height * 0.08) if tall else 0)
    rule_y = base - 2 * small.size - round(small.size * 0.9)
    pen.line((margin, rule_y, width - margin, rule_y), fill=INK, width=max(2, small.size // 12))
    if card.footer:
        name_font = _font(face(card.footer), "bold", small.size)
        write(base - small.size - round(small.size * 0.35), _ellipsis(printable(card.footer, name_font), name_font, inner), name_font, INK)
    if card.address:
        address_font = _font("latin", "regular", small.size)  # an address is Latin letters
        write(base, _ellipsis(printable(card.address, address_font), address_font, inner), address_font, INK)

    out = io.BytesIO()
    # zlib's default level: a story card in 33 ms and 60 KB; `optimize=True` took 106 ms for 55 KB.
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def fit_text(text: str, weight: str, width: int, height: int, *, start: int, smallest: int = 28) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font size (down from `start`) at which `text` wraps into the box."""
    size = start
    while True:
        font = _font(face(text), weight, size)
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


# --- Scripts and fonts ----------------------------------------------------------------------

# Can Pillow shape text (libraqm with FriBiDi)? Arabic cannot be drawn right without it.
SHAPING = bool(features.check_feature("raqm"))
_NOTO = {
    "arabic": ("justmytype_intl_rtl", "fonts/ofl/notosansarabic/NotoSansArabic[wdth,wght].ttf"),
    "ethiopic": ("justmytype_intl_africa", "fonts/ofl/notosansethiopic/NotoSansEthiopic[wdth,wght].ttf"),
}
NEEDS_SHAPING = frozenset({"arabic"})  # joined letters; Ethiopic syllables stand alone
_WEIGHTS = {"regular": 400, "bold": 700}


def face(text: str) -> str:
    """Which of the card fonts draws `text`: "arabic", "ethiopic" or "latin", by the first
    letter of a script only a Noto font has (Unicode's character names say the script)."""
    for char in text:
        if char.isascii():
            continue
        name = unicodedata.name(char, "")
        for script in _NOTO:
            if name.startswith(script.upper()):
                return script
    return "latin"


def right_to_left(text: str) -> bool:
    """Whether a card with `text` runs right to left: it has a right-to-left letter (Unicode's
    bidirectional class, as FriBiDi reads it). Not the first letter alone, as the Unicode
    paragraph rule has it: an Arabic title that starts with "UMO" is still an Arabic title,
    set right to left on its page."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def shaping_problem() -> str | None:
    """What to install when Arabic cannot be drawn shaped (None when it can)."""
    if SHAPING:
        return None
    return ("Pillow hittar inte libraqm/FriBiDi, så delningsbilder ritas utan arabisk text: "
            "installera FriBiDi (Debian: apt install libfribidi0, macOS: brew install fribidi)")


def printable(text: str, font: ImageFont.FreeTypeFont) -> str:
    """The text without characters the font cannot draw (an emoji would be an empty box); all
    of it when it needs shaping that Pillow cannot do here."""
    if not SHAPING and _face_of_font(font) in NEEDS_SHAPING:
        return ""
    return " ".join("".join(ch for ch in text if has_glyph(font, ch)).split())


def has_glyph(font: ImageFont.FreeTypeFont, char: str) -> bool:
    """Whether the font has a glyph for `char` (its character map, read with fontTools).
    Spaces, and the invisible joiners Persian writes with (ZWNJ), are always kept."""
    return char.isspace() or unicodedata.category(char) == "Cf" or ord(char) in _cmap(font.path)


@lru_cache(maxsize=8)
def _cmap(path: str) -> frozenset[int]:
    return frozenset(TTFont(path, lazy=True).getBestCmap())


def _ellipsis(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _path(face_name: str, weight: str) -> str:
    if face_name in _NOTO:
        package, name = _NOTO[face_name]
        return str(files(package) / name)
    return font_lato.LatoBold if weight == "bold" else font_lato.Lato


def _face_of_font(font: ImageFont.FreeTypeFont) -> str:
    return next((name for name in _NOTO if font.path == _path(name, "regular")), "latin")


@lru_cache(maxsize=64)
def _font(face_name: str, weight: str, size: int) -> ImageFont.FreeTypeFont:
    layout = ImageFont.Layout.RAQM if SHAPING else ImageFont.Layout.BASIC
    font = ImageFont.truetype(_path(face_name, weight), size, layout_engine=layout)
    if face_name in _NOTO:  # one variable font for every weight: Weight and Width axes, full width
        font.set_variation_by_axes([_WEIGHTS[weight] if axis["name"] == b"Weight" else axis["default"]
                                    for axis in font.get_variation_axes()])
    return font


@lru_cache(maxsize=1)
def _font_version() -> str:
    digest = hashlib.sha256()
    for path in sorted({_path(name, weight) for name in ("latin", *_NOTO) for weight in _WEIGHTS}):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
