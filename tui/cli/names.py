"""Names from the data (annotators, ids) made safe to print on a terminal."""

from __future__ import annotations


def shown(name: str) -> str:
    """`name` with controls, bidi marks and tabs escaped, so that no name drives the terminal."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)
