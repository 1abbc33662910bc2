"""Unit tests for stodlanken.pagination: the pages of the posts and of the directory."""

from __future__ import annotations

from stodlanken.pagination import pages_of, pagination

URLS = ["stod/", "stod/sida/2/", "stod/sida/3/"]


def test_first_middle_and_last_page_link_where_they_should():
    rel = lambda url: "/" + url  # noqa: E731
    first, middle, last = (pagination("Sidor", number, URLS, rel) for number in (1, 2, 3))
    assert (first.first, first.previous, first.next, first.last) == (None, None, "/stod/sida/2/", "/stod/sida/3/")
    assert (middle.first, middle.previous, middle.next, middle.last) == ("/stod/", "/stod/", "/stod/sida/3/", "/stod/sida/3/")
    assert (last.first, last.previous, last.next, last.last) == ("/stod/", "/stod/sida/2/", None, None)
    assert (middle.number, middle.count, middle.label) == (2, 3, "Sidor")


def test_items_are_split_into_pages_with_one_page_also_when_empty():
    assert pages_of(list(range(5)), 2) == [[0, 1], [2, 3], [4]]
    assert pages_of([], 20) == [[]]
