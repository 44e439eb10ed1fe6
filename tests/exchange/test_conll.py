"""`rawi export --format conll`: BIO tags per token, one token per line, a blank line after each
sentence, read back by the project's own training tools (and a CRF trained on it)."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
from click.testing import CliRunner

from annotations.entities.features import Resources, sentence_features
from annotations.entities.gazetteer import Gazetteer
from annotations.entities.training import conll as training_conll
from annotations.entities.training.train import split_data, train_crf
from annotations.exchange.conll import conll_text
from annotations.session import sentence_ranges
from annotations.store import Store
from tui.cli import cli

SEED = "000_fddd474ca5b3a723"


def spans(*items: tuple[str, str, int, int, str]) -> list[dict]:
    return [
        {"id": id_, "layer": layer, "start": start, "end": end, "label": label}
        for id_, layer, start, end, label in items
    ]


def test_tokens_tags_and_sentences() -> None:
    text = "قال وزير الخارجية: «الوضع خطير». وغادر الوزير القاهرة."
    cue = text.index("قال")
    content = text.index("«")
    person = text.index("وزير")
    place = text.index("القاهرة")
    record = {
        "text": text,
        "spans": spans(
            ("c", "attribution", cue, cue + 3, "CUE"),
            ("q", "attribution", content, text.index("».") + 1, "CONTENT"),
            ("p", "entity", person, person + len("وزير الخارجية"), "PER"),
            ("l", "entity", place - 2, place + len("القاهرة"), "LOC"),  # starts inside a word
        ),
    }
    written, sentences, left_out = conll_text(record, "entity", sentence_ranges)
    assert written == (
        "قال O\nوزير B-PER\nالخارجية I-PER\n: O\n« O\nالوضع O\nخطير O\n» O\n. O\n\n"
        "وغادر O\nالوزير B-LOC\nالقاهرة I-LOC\n. O\n\n"
    )
    assert (sentences, left_out) == (2, [])
    attribution = conll_text(record, "attribution", sentence_ranges)[0]
    assert attribution.startswith("قال B-CUE\nوزير O\nالخارجية O\n: O\n« B-CONTENT\n")
    assert "» I-CONTENT\n. O\n\n" in attribution


def test_overlapping_spans_keep_the_first_then_the_longest() -> None:
    text = "قال الرئيس عبد الفتاح السيسي إن"
    name = text.index("عبد")
    record = {
        "text": text,
        "spans": spans(
            ("short", "entity", name, name + 3, "PER"),
            ("long", "entity", name, len(text) - 3, "PER"),
            ("inside", "entity", text.index("السيسي"), len(text) - 3, "LOC"),
        ),
    }
    written, _, left_out = conll_text(record, "entity", sentence_ranges)
    assert "عبد B-PER\nالفتاح I-PER\nالسيسي I-PER\n" in written
    assert sorted(left_out) == ["inside", "short"]


def test_a_span_across_a_sentence_break_keeps_its_sentences_together() -> None:
    text = "قال إنه تعب. ثم نام. وانتهى."
    start = text.index("تعب")
    record = {
        "text": text,
        "spans": spans(("x", "attribution", start, text.index("نام") + 3, "CONTENT")),
    }
    written, sentences, _ = conll_text(record, "attribution", sentence_ranges)
    assert written.split("\n\n")[0].endswith("ثم I-CONTENT\nنام I-CONTENT\n. O")
    assert sentences == 2


def test_the_reviewed_entities_train_a_tagger(reviewed_db: Path, tmp_path: Path, seeds) -> None:
    """The export is read by the training tools' CoNLL reader, and a CRF learns from it."""
    out = tmp_path / "curated.conll"
    result = CliRunner().invoke(
        cli, ["--db", str(reviewed_db), "export", "--format", "conll", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    sentences = list(training_conll.read_conll(out))
    tokens = [t for s in sentences for t in s.tokens]
    assert len(sentences) > 3 and "".join(tokens) == "".join(seeds[SEED].text.split())
    pairs = [pair for s in sentences for pair in zip(s.tokens, s.tags, strict=True)]
    tagged = {token: tag for token, tag in reversed(pairs)}  # the first mention's tag
    assert tagged["مصر"] == "B-ORG"  # the analyst's decision
    assert tagged["ليبيا"] == "B-MISC"  # the hand tag
    assert tagged["لماكرون"] == "O"  # never an entity
    assert {"B-LOC", "B-PER"} & {tag for _, tag in pairs}  # the model's
    resources = Resources(Gazetteer({}, {}))
    examples = [(sentence_features(list(s.tokens), resources), list(s.tags)) for s in sentences]
    model = tmp_path / "curated.crfsuite"
    train_crf(examples, {"max_iterations": 50}, model)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    egypt = next(s for s in sentences if "مصر" in s.tokens)
    assert tagger.tag(examples[sentences.index(egypt)][0])[egypt.tokens.index("مصر")] == "B-ORG"


def test_the_attribution_layer_and_what_bio_cannot_hold(
    reviewed_db: Path, seeds, tmp_path: Path
) -> None:
    text = seeds[SEED].text
    start = text.index("أكدت")
    with Store.open(reviewed_db) as store:  # a CONTENT over its own CUE
        store.add_span(seeds[SEED], "attribution", "CONTENT", start, start + 20, annotator="huda")
    result = CliRunner().invoke(
        cli, ["--db", str(reviewed_db), "export", "--format", "conll", "--layer", "attribution"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "أكدت B-CONTENT" in lines and not [x for x in lines if x.endswith(("ORG", "MISC"))]
    assert "left out 1 span(s) that share a token with another" in result.stderr


def test_the_training_tool_takes_the_analyst_s_export(
    reviewed_db: Path, tmp_path: Path, monkeypatch
) -> None:
    """`train --analyst FILE`: the reviewed sentences join the labelled data (the CRF's training
    sentences and the clusters' text); the held-out tenth stays ANERcorp's alone."""
    out = tmp_path / "curated.conll"
    args = ["--db", str(reviewed_db), "export", "--format", "conll", "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    reviewed = list(training_conll.read_conll(out))
    ner = [training_conll.Sentence((f"مصر{n}",), ("B-LOC",)) for n in range(10)]
    monkeypatch.setattr(training_conll, "anercorp", lambda split: ner)
    monkeypatch.setattr(training_conll, "aqmar", list)
    monkeypatch.setattr(training_conll, "wikifane", list)
    training, held_out, unlabelled, _ = split_data(dev=9, analyst=[out])
    assert training == ner[:9] + reviewed and held_out == ner[9:]
    assert unlabelled == training
    assert split_data(dev=9)[0] == ner[:9]
