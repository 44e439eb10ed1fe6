"""Article text can never drive the terminal."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from annotations.corpus import clean_page
from annotations.corpus.sanitizing import sanitize

DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_escape_sequences_and_overrides_are_removed() -> None:
    raw = "قال \x1b[31mالرئيس\x1b[0m \x1b]0;pwned\x07إن \u202eالاتصال\u202c\x9b2J تم\x00."
    text, removed = sanitize(raw)
    assert text == "قال الرئيس إن الاتصال تم."
    assert removed == {"terminal escape sequences": 4, "control and bidi-override characters": 3}


def test_line_endings_are_normalised() -> None:
    assert sanitize("أ\r\nب\rج\n")[0] == "أ\nب\nج\n"


def test_cleaning_records_what_sanitizing_removed() -> None:
    page = clean_page("عنوان\n\nنص \x1b[2J الخبر.")
    assert page.text == "عنوان\n\nنص الخبر."
    assert any(r.reason == "terminal escape sequences" for r in page.removed)


@given(st.text())
def test_no_control_character_survives(raw: str) -> None:
    assert not DANGEROUS.search(clean_page(raw).text)
    assert "\x1b" not in clean_page(raw).title
