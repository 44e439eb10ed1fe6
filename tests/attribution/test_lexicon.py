"""The cue lexicon expands to the forms found in news text, each with a valid class."""

from __future__ import annotations

import pytest

from annotations.arabic import match_key
from annotations.attribution import CUE_CLASSES
from annotations.attribution.lexicon import PHRASE_CUES, WORD_CUES, cue_at


@pytest.mark.parametrize(
    ("form", "kind", "cls"),
    [
        ("قالت", "verb", "statement"),
        ("أكدا", "verb", "emphasis"),
        ("يؤكدون", "verb", "emphasis"),
        ("نفت", "verb", "denial"),
        ("ادعى", "verb", "allegation"),
        ("حذّرت", "verb", "warning"),
        ("مؤكداً", "participle", "emphasis"),
        ("مضيفًا", "participle", "statement"),
        ("معتبرة", "participle", "statement"),
        ("محذرين", "participle", "warning"),
        ("إعلان", "noun", "statement"),
    ],
)
def test_forms_are_found_with_their_kind_and_class(form: str, kind: str, cls: str) -> None:
    match = cue_at([match_key(form)], 0)
    assert match is not None
    assert (match.entry.kind, match.entry.cls) == (kind, cls)


@pytest.mark.parametrize("form", ["وقال", "فأكد", "وبحسب", "ومشيراً"])
def test_conjunction_clitics_are_tried_off(form: str) -> None:
    assert cue_at([match_key(form)], 0) is not None


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("على حد قوله", "pronoun"),
        ("نقلا عن", "source_first"),
        ("وفقاً", "source_first"),
        ("حسبما", "verb_first"),
        ("بحسب ما", "verb_first"),
        ("في تصريحات", "frame"),
        ("يذكر أن", "narrator"),
    ],
)
def test_phrases_match_whole_and_longest_first(phrase: str, kind: str) -> None:
    keys = [match_key(word) for word in phrase.split()]
    match = cue_at(keys, 0)
    assert match is not None
    assert (match.length, match.entry.kind) == (len(keys), kind)


@pytest.mark.parametrize("word", ["بين", "الرئيس", "على", "تابعة", "في"])
def test_common_words_are_not_cues(word: str) -> None:
    assert cue_at([match_key(word)], 0) is None


def test_every_entry_has_a_known_class() -> None:
    phrases = (entry for group in PHRASE_CUES.values() for _, entry in group)
    entries = [*WORD_CUES.values(), *phrases]
    assert {entry.cls for entry in entries} <= set(CUE_CLASSES)
    assert len(WORD_CUES) > 400
