"""Pages of a long list (the posts, the services): which page this is and where the others are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Pagination:
    """What partials/pagination.html shows; every address relative to the current page."""

    label: str  # what the pages are, for screen readers: "Sidor med inlägg"
    number: int  # from 1
    count: int
    first: str | None = None  # None on the first page
    previous: str | None = None
    next: str | None = None  # None on the last page
    last: str | None = None


def pagination(label: str, number: int, urls: list[str], rel: Callable[[str], str]) -> Pagination:
    """Page `number` of the pages at `urls` (relative to the site root, in order)."""
    count = len(urls)
    before, after = number > 1, number < count
    return Pagination(
        label=label,
        number=number,
        count=count,
        first=rel(urls[0]) if before else None,
        previous=rel(urls[number - 2]) if before else None,
        next=rel(urls[number]) if after else None,
        last=rel(urls[-1]) if after else None,
    )


def pages_of(items: list, size: int) -> list[list]:
    """`items` in pages of `size` (at least one page, also when there are none)."""
    return [items[start:start + size] for start in range(0, len(items), size)] or [[]]
