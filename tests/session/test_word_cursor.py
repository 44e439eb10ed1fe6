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


LONG = "قال الوزير، في بيان، إن «الوفد وصل أمس». ثم غادر الوفد. وانتهى"


def test_extend_to_the_end_of_the_clause_then_the_next() -> None:
    cursor = WordCursor(LONG)
    assert cursor.extend_to_end("clause")
    assert words_of(cursor, cursor.selection()) == "قال الوزير"
    assert cursor.extend_to_end("clause")  # from the end: the end of the next clause
    assert words_of(cursor, cursor.selection()) == "قال الوزير، في بيان"


def test_extend_to_the_end_of_a_quotation_and_of_the_sentence() -> None:
    cursor = WordCursor(LONG)
    cursor.go_to_index(LONG.index("الوفد"))
    assert cursor.extend_to_end("clause")
    assert words_of(cursor, cursor.selection()) == "الوفد وصل أمس"
    assert cursor.extend_to_end("sentence")  # at its sentence's end: to the next one's
    assert words_of(cursor, cursor.selection()) == "الوفد وصل أمس». ثم غادر الوفد"


def test_extend_keeps_a_following_selection_following_and_stops_at_the_end() -> None:
    cursor = WordCursor(LONG)
    cursor.go_to_index(LONG.index("وانتهى"))
    assert not cursor.extend_to_end("sentence") and cursor.selection() is None
    cursor.go(0)
    cursor.toggle_mark()
    assert cursor.following
    assert cursor.extend_to_end("sentence") and cursor.following
    cursor.move(1)
    assert words_of(cursor, cursor.selection()).endswith("ثم")
