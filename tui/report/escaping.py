"""Data strings made inert for HTML: data never drives the page."""

from __future__ import annotations

import html

from annotations.corpus.sanitizing import clean_field

#: How many characters a chart label keeps (the table beside the chart has the whole label).
LABEL_CHARS = 32


def text(value: str) -> str:
    """`value` as HTML text or attribute value: one line without controls or bidi overrides,
    every markup character escaped."""
    return html.escape(clean_field(value), quote=True)


def short_text(value: str) -> str:
    """`text(value)` cut to `LABEL_CHARS` characters (with an ellipsis)."""
    value = clean_field(value)
    return text(value if len(value) <= LABEL_CHARS else value[: LABEL_CHARS - 1] + "…")
