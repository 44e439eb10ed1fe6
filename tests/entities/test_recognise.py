"""recognise(): valid whole-word offsets, propagation inside a text, analyst decisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.arabic import tokenize
from annotations.entities import AnalystRule, load_decisions, recognise, surface_key
from annotations.entities.candidates import Candidate
from annotations.entities.dates import is_date
from annotations.entities.propagation import propagate
from annotations.entities.trained_model import load_model
from annotations.entities.words import split_text

WORDS = [
    "قال",
    "الرئيس",
    "المصري",
    "عبد",
    "الفتاح",
    "السيسي",
    "لماكرون",
    "إن",
    "ليبيا",
    "وفرنسا",
    "لليبيا",
    "الجيش",
    "الوطني",
    "الليبي",
    "في",
    "من",
    "على",
    "خليفة",
    "حفتر",
    "لحفتر",
    "بوتين",
    "وزارة",
    "الخارجية",
    "الروسية",
    "بغداد",
    "G7",
    "2019",
    "بسام",
    "راضي",
]


def assert_well_formed(text: str) -> None:
    """Offsets valid, whole tokens only, sorted and disjoint, fields in range."""
    entities = recognise(text)
    bounds = {t.start for t in tokenize(text)}, {t.end for t in tokenize(text)}
    previous_end = 0
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
        assert entity.start in bounds[0] and entity.end in bounds[1]
        assert entity.start >= previous_end
        assert entity.start <= entity.name_start < entity.end
        assert entity.label in ("PER", "ORG", "LOC", "MISC")
        assert 0 <= entity.confidence <= 1
        previous_end = entity.end


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "، ", ". ", "\n", "ـ", "َ "])))
)
def test_spans_are_valid_whole_words(parts: list[tuple[str, str]]) -> None:
    assert_well_formed("".join(word + sep for word, sep in parts))


def test_seed_articles_are_well_formed(seeds) -> None:
    for article in seeds:
        assert_well_formed(article.text)


@pytest.mark.parametrize(
    "text", ["", "   \n\t ", "Macron met Putin in Paris on Monday.", "2019 - 24"]
)
def test_nothing_in_empty_whitespace_or_latin_text(text: str) -> None:
    assert recognise(text) == []


def test_full_name_makes_surname_and_clitic_forms_entities() -> None:
    text = (
        "قال الوزير سامي الزبيدي إن الاتفاق صامد. وأضاف الزبيدي أن الوفد سيعود. وقيل للزبيدي ذلك."
    )
    split = split_text(text)
    first = next(i for i, w in enumerate(split.words) if w.plain == "سامي")
    found = propagate(split.words, [Candidate(first, first + 2, "PER", "rule", 0.9)], load_model())
    spans = {(split.words[c.first].token.text, c.clitic, c.label, c.origin) for c in found}
    assert ("الزبيدي", 0, "PER", "propagation") in spans
    assert ("للزبيدي", 1, "PER", "propagation") in spans


def test_propagation_reaches_other_mentions_end_to_end() -> None:
    text = "أعلن الرئيس عبد الفتاح السيسي دعمه. وقال السيسي إن مصر جاهزة، وهو ما أكده والسيسي."
    persons = [e for e in recognise(text) if e.label == "PER"]
    assert [e.text for e in persons] == ["عبد الفتاح السيسي", "السيسي", "والسيسي"]
    assert persons[-1].name == "السيسي"


def test_never_decision_removes_every_form() -> None:
    text = "السيسي لماكرون: الرئيس ماكرون يتصل."
    assert any(e.name == "ماكرون" for e in recognise(text))
    kept = recognise(text, [AnalystRule("ماكرون", None)])
    assert all(e.name != "ماكرون" for e in kept)
    assert [e.text for e in kept] == ["السيسي"]


def test_label_decision_overrides_and_propagates_to_clitic_forms() -> None:
    text = "اجتمع وفد شركة زيتونة مع الوزير، وقال متحدث باسم زيتونة ولزيتونة فروع."
    entities = recognise(text, [AnalystRule("زيتونة", "ORG")])
    found = [(e.text, e.label, e.origin, e.name) for e in entities if e.name == "زيتونة"]
    assert found == [
        ("زيتونة", "ORG", "analyst", "زيتونة"),
        ("زيتونة", "ORG", "analyst", "زيتونة"),
        ("ولزيتونة", "ORG", "analyst", "زيتونة"),
    ]
    relabelled = recognise("زار ماكرون باريس", [AnalystRule("ماكرون", "ORG")])
    assert ("ماكرون", "ORG", "analyst") in [(e.text, e.label, e.origin) for e in relabelled]


def test_multiword_decision_and_json_loading(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    path.write_text(
        json.dumps([{"surface": "مجلس الحكماء", "label": "ORG"}, {"key": "ماكرون", "label": None}]),
        encoding="utf-8",
    )
    decisions = load_decisions(path)
    assert decisions == [
        AnalystRule(surface_key("مجلس الحكماء"), "ORG"),
        AnalystRule("ماكرون", None),
    ]
    text = "دعا ماكرون ومجلس الحكماء إلى الحوار."
    entities = recognise(text, decisions)
    assert [(e.text, e.name, e.origin) for e in entities] == [
        ("ومجلس الحكماء", "مجلس الحكماء", "analyst")
    ]
    assert load_decisions(tmp_path / "missing.json") == []


def test_unknown_decision_label_is_refused() -> None:
    with pytest.raises(ValueError, match="label"):
        AnalystRule("ماكرون", "PERSON")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "ومنذ 4 نيسان/ أبريل الماضي تشن قوات حفتر هجوما",
        "الإثنين 29 أبريل/نيسان هجوما",
        "في 3 كانون الثاني الماضي وصل الوفد",
    ],
)
def test_month_names_in_dates_are_not_entities(text: str) -> None:
    months = {"نيسان", "أبريل", "كانون", "كانون الثاني"}
    assert not [e for e in recognise(text) if e.text in months]


def test_a_month_name_outside_a_date_is_left_to_the_taggers() -> None:
    words = split_text("أعلنت شركة نيسان اليابانية").words
    assert not is_date(words, Candidate(2, 3, "ORG", "model", 0.9))
