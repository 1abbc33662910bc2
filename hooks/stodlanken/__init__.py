"""Stödlänken: plain, testable logic behind the MkDocs hooks in `hooks/`.

The hook files next to this package stay thin: each event handler calls functions
from here. Nothing in this package registers MkDocs events (no `on_*` names).
"""
