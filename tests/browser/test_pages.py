"""Every page of the site in a phone-sized Chromium: nothing scrolls sideways.

The pages are loaded once per width by `conftest.every_page`, one after the other as a
visitor goes from page to page; tests/browser/test_safety.py reads the same visits for
what they fetched. (Each page type on a first visit, quick-exit hint showing:
tests/browser/test_a11y.py.)
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("width", [360, 320])
def test_every_page_fits_the_screen(every_page, width):
    visits = every_page(width)
    assert len(visits) >= 10 and {"", "inlagg/", "stod/", "affisch/stod/hemma/", "404.html"} <= set(visits)
    overflowing = [path for path, visit in visits.items() if visit.scrolls_sideways]
    assert overflowing == [], f"horizontal scrolling at {width} px"
