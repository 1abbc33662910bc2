"""Unit tests of hooks/stodlanken/problems.py: YAML read as editors write it."""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from stodlanken.problems import FRONT_MATTER, DuplicateKeys, mkdocs_cannot_read, parse_yaml


def test_a_repeated_key_is_refused_with_every_line_and_the_last_value():
    with pytest.raises(DuplicateKeys) as raised:
        parse_yaml("participants:\n  - ref: p1\n    consent: withdrawn\n    consent: approved\nparticipants: []\n")
    assert raised.value.keys == [("consent", 4), ("participants", 5)]
    assert raised.value.data["participants"] == []  # what YAML itself would have kept


def test_an_impossible_date_stays_text_instead_of_a_traceback():
    data = parse_yaml("date: 2026-13-45\nconsent_date: 2026-02-30\nok: 2026-02-28\n")
    assert data["date"] == "2026-13-45" and data["consent_date"] == "2026-02-30"
    assert data["ok"].isoformat() == "2026-02-28"


@pytest.mark.parametrize("text", [
    "---\ntitle: A\n---\n\nText.\n",
    "---\ntitle: A\n---",  # no line break after the last ---
    "---\ntitle: A\ncredits: 2026-13-45\n---\nText.\n",  # a date that does not exist, in a text field
    "---\ntitle: A\ndate: 2026-02-28\n---\nText.\n",
    "---\ntitle: A\n---\n",
    "Ingen front matter.\n",
])
def test_what_we_call_unreadable_is_exactly_what_mkdocs_cannot_read(text):
    match = FRONT_MATTER.match(text)
    meta = parse_yaml(match.group(1) or "") if match else None
    mkdocs_reads = bool(get_data(text)[1])
    assert (mkdocs_cannot_read(text, meta) is not None) == (bool(meta) and not mkdocs_reads)
