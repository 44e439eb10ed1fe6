"""`WordCursor` on its own: a text, no store."""

from __future__ import annotations

from annotations.session import WordCursor

TEXT = "قال راضي إن الوفد وصل."


def words_of(cursor: WordCursor, stretch: tuple[int, int] | None) -> str:
    assert stretch is not None
    return cursor.text[slice(*stretch)]


def test_a_text_without_words_is_one_stop() -> None:
    cursor = WordCursor("...")
    assert cursor.word_range() == (0, 3)
    cursor.move(5)
    assert cursor.position == 0


def test_extending_backwards_selects_from_the_anchor_and_a_plain_move_drops_it() -> None:
    cursor = WordCursor(TEXT)
    cursor.go(3)
    cursor.move(-2, extend=True)
    assert words_of(cursor, cursor.selection()) == "راضي إن الوفد"
    cursor.move(1)
    assert cursor.selection() is None


def test_extending_replaces_a_given_selection() -> None:
    cursor = WordCursor(TEXT)
    assert cursor.select((0, len(TEXT)))
    cursor.move(1, extend=True)
    assert words_of(cursor, cursor.selection()) == "قال راضي"
    assert not cursor.select(None)
    assert words_of(cursor, cursor.selection()) == "قال راضي"


def test_word_from_an_offset_between_words_is_the_next_word() -> None:
    cursor = WordCursor("السيسي لماكرون: مصر تساند")
    colon = cursor.text.index(":")
    assert cursor.word_at(colon) == 1 and cursor.word_from(colon) == 2
    assert cursor.word_from(0) == 0 and cursor.word_from(len(cursor.text)) == 3
