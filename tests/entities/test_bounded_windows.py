"""Recognition on bounded windows: sentences are capped, the taggers get batches of bounded size."""

from __future__ import annotations

from annotations.entities import bio, recognise, trained_model
from annotations.entities.words import MAX_SENTENCE_UNITS, split_text

NO_PUNCTUATION = " ".join(["قال", "الرئيس", "إيمانويل", "ماكرون", "في", "باريس", "إن"] * 100)


def test_text_without_punctuation_is_cut_into_chunks_of_bounded_size() -> None:
    split = split_text(NO_PUNCTUATION)
    lengths = [len(sentence) for sentence in split.sentences]
    assert max(lengths) == MAX_SENTENCE_UNITS
    assert sum(lengths) == len(split.words) == 700
    indices = [index for sentence in split.sentences for _, index in sentence]
    assert indices == list(range(700))


def test_punctuation_still_ends_sentences_before_the_cap() -> None:
    split = split_text("زار ماكرون باريس. ثم عاد")
    assert [[unit for unit, _ in s] for s in split.sentences] == [
        ["زار", "ماكرون", "باريس", "."],
        ["ثم", "عاد"],
    ]


def test_the_taggers_work_on_batches_of_bounded_size(monkeypatch) -> None:
    packed: list[tuple[int, ...]] = []
    original = bio._pack.__wrapped__

    def recording(lengths: tuple[int, ...]) -> bio.Packing:
        packed.append(lengths)
        return original(lengths)

    monkeypatch.setattr(bio, "_pack", recording)
    monkeypatch.setattr(trained_model, "BATCH_UNITS", 500)
    text = ". ".join([NO_PUNCTUATION] * 3)
    assert recognise(text)
    assert packed
    assert max(max(lengths) for lengths in packed) <= MAX_SENTENCE_UNITS
    assert max(sum(lengths) for lengths in packed) < 500 + MAX_SENTENCE_UNITS


def test_batches_change_no_tag(seeds, monkeypatch) -> None:
    texts = [seeds[id_].text for id_ in seeds.ids()[::4]]
    whole = [recognise(text) for text in texts]
    monkeypatch.setattr(trained_model, "BATCH_UNITS", 40)
    assert [recognise(text) for text in texts] == whole
