"""The exports read by the tools that consume them: spaCy, a strict brat reader and Label
Studio's own converter."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import spacy

from annotations.exchange import (
    LABEL_CONFIG,
    to_doccano,
    to_labelstudio,
    to_prodigy,
    to_w3c,
    write_brat,
    write_export,
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("ar")


def spacy_spans(nlp, text: str, places: list[tuple[int, int, str]]) -> list:
    doc = nlp(text)
    return [
        doc.char_span(start, end, label=label, alignment_mode="expand")
        for start, end, label in places
    ]


def test_spacy_finds_every_native_span(nlp, natives) -> None:
    for record in natives:
        places = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
        found = spacy_spans(nlp, record["text"], places)
        assert all(span is not None for span in found)
        for span, (start, end, label) in zip(found, places, strict=True):
            assert span.start_char <= start and span.end_char >= end and span.label_ == label
        labels = {s["label"] for s in record["spans"]}
        assert {"PER", "ORG", "SOURCE", "CUE", "CONTENT", "CLAIM"} <= labels


def test_spacy_finds_every_prodigy_and_doccano_span(nlp, natives) -> None:
    for record in natives:
        task, line = to_prodigy(record), to_doccano(record)
        prodigy = [(s["start"], s["end"], s["label"]) for s in task["spans"]]
        doccano = [(e["start_offset"], e["end_offset"], e["label"]) for e in line["entities"]]
        assert prodigy == doccano
        assert None not in spacy_spans(nlp, task["text"], prodigy)


def test_prodigy_tokens_spans_and_relations_agree(natives) -> None:
    for record in natives:
        task = to_prodigy(record)
        tokens = task["tokens"]
        for token in tokens:
            assert task["text"][token["start"] : token["end"]] == token["text"]
        for span in task["spans"]:
            assert tokens[span["token_start"]]["start"] <= span["start"]
            assert tokens[span["token_end"]]["end"] >= span["end"]
        labels = {r["label"] for r in task["relations"]}
        assert labels == {"member_of", "attribution:source", "attribution:content"}
        for relation in task["relations"]:
            assert relation["head"] == relation["head_span"]["token_end"]
            assert relation["child"] == relation["child_span"]["token_end"]
        assert task["answer"] == "accept" and isinstance(task["_input_hash"], int)


# -- brat ------------------------------------------------------------------------------------

BRAT_LINE = {
    "T": re.compile(r"(?P<type>[\w-]+) (?P<places>\d+ \d+(?:;\d+ \d+)*)\t(?P<text>[^\t\n]*)"),
    "R": re.compile(r"(?P<type>[\w-]+) Arg1:(?P<a>T\d+) Arg2:(?P<b>T\d+)"),
    "E": re.compile(r"(?P<type>[\w-]+):(?P<trigger>T\d+)(?P<args>(?: [A-Za-z]+\d*:[TE]\d+)*)"),
    "A": re.compile(r"(?P<type>[\w-]+) (?P<target>[TE]\d+)(?: (?P<value>[\w-]+))?"),
    "#": re.compile(r"AnnotatorNotes (?P<target>[TRE]\d+)\t(?P<note>[^\t\n]+)"),
}


def read_brat_strictly(txt: Path, ann: Path) -> dict[str, dict[str, str]]:
    """Parse a .ann file, failing on anything brat would not accept."""
    text = txt.read_text("utf-8")
    raw = ann.read_text("utf-8")
    assert raw.endswith("\n")
    annotations: dict[str, dict[str, str]] = {}
    for number, line in enumerate(raw.splitlines(), 1):
        identifier, _, body = line.partition("\t")
        assert re.fullmatch(r"[TREA#]\d+", identifier), f"line {number}: bad id {identifier!r}"
        assert identifier not in annotations, f"line {number}: duplicate id"
        match = BRAT_LINE[identifier[0]].fullmatch(body)
        assert match, f"line {number}: malformed {line!r}"
        fields = match.groupdict()
        annotations[identifier] = fields
        if identifier[0] == "T":
            pieces = [tuple(map(int, p.split())) for p in fields["places"].split(";")]
            assert all(0 <= a < b <= len(text) for a, b in pieces)
            assert fields["text"] == " ".join(text[a:b] for a, b in pieces)
    for identifier, fields in annotations.items():
        references = [v for k, v in fields.items() if k in {"a", "b", "trigger", "target"}]
        references += re.findall(r":([TE]\d+)", fields.get("args") or "")
        assert all(r in annotations for r in references), f"{identifier}: dangling reference"
        if identifier[0] == "E":
            assert annotations[fields["trigger"]]["type"] == fields["type"]
    return annotations


def test_brat_files_pass_a_strict_reader(tmp_path: Path, natives) -> None:
    assert write_brat(iter(natives), tmp_path) == 2
    folder = tmp_path / "huda"
    assert (folder / "annotation.conf").read_text("utf-8").startswith("[entities]\nPER\n")
    for record in natives:
        txt, ann = folder / f"{record['article_id']}.txt", folder / f"{record['article_id']}.ann"
        assert txt.read_text("utf-8") == record["text"]
        annotations = read_brat_strictly(txt, ann)
        kinds = [i[0] for i in annotations]
        assert kinds.count("T") == len(record["spans"])
        event = next(a for i, a in annotations.items() if i[0] == "E")
        assert " Source:T" in event["args"] and " Content:T" in event["args"]
        assert any(
            a.get("type") == "Verifiable" and a["value"] == "yes" for a in annotations.values()
        )
    assert sorted(p.name for p in folder.iterdir()) == [
        "000_fddd474ca5b3a723.ann",
        "000_fddd474ca5b3a723.txt",
        "annotation.conf",
        "tricky.ann",
        "tricky.txt",
    ]


# -- Label Studio ------------------------------------------------------------------------------


def test_label_studio_converter_reads_the_tasks(tmp_path: Path, natives) -> None:
    converter_module = pytest.importorskip("label_studio_converter")
    tasks = tmp_path / "tasks.json"
    with tasks.open("wb") as out:
        write_export(iter(natives), "labelstudio", out)
    converter = converter_module.Converter(
        config=LABEL_CONFIG, project_dir=None, download_resources=False
    )
    converter.convert(str(tasks), str(tmp_path / "min"), "JSON_MIN", is_dir=False)
    items = json.loads((tmp_path / "min" / "result.json").read_text("utf-8"))
    assert [item["article_id"] for item in items] == ["000_fddd474ca5b3a723", "tricky"]
    for item, record in zip(items, natives, strict=True):
        regions = sorted((r["start"], r["end"], r["text"], r["labels"][0]) for r in item["label"])
        expected = sorted((s["start"], s["end"], s["text"], s["label"]) for s in record["spans"])
        assert regions == expected


def test_label_studio_tasks_group_annotators_and_keep_relations(natives) -> None:
    second = {**natives[0], "annotator": "omar"}
    task = to_labelstudio([natives[0], second], 7)
    assert task["id"] == 7 and task["data"]["text"] == natives[0]["text"]
    assert [a["rawi"]["annotator"] for a in task["annotations"]] == ["huda", "omar"]
    results = task["annotations"][0]["result"]
    region_ids = {r["id"] for r in results if r["type"] == "labels"}
    relations = [r for r in results if r["type"] == "relation"]
    assert {r["labels"][0] for r in relations} == {
        "member_of",
        "attribution:source",
        "attribution:content",
    }
    assert all({r["from_id"], r["to_id"]} <= region_ids for r in relations)


def test_label_studio_export_is_one_json_array(natives) -> None:
    out = io.BytesIO()
    assert write_export(iter(natives), "labelstudio", out) == 2
    assert len(json.loads(out.getvalue())) == 2


# -- W3C Web Annotation ------------------------------------------------------------------------


def test_w3c_selectors_point_at_the_text_and_links_at_annotations(natives) -> None:
    for record in natives:
        annotations = list(to_w3c(record))
        ids = {a["id"] for a in annotations}
        assert len(ids) == len(annotations)
        for annotation in annotations:
            assert annotation["type"] == "Annotation"
            assert annotation["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
            target = annotation["target"]
            if annotation["motivation"] == "tagging":
                quote, position = target["selector"]
                assert quote["type"] == "TextQuoteSelector"
                assert position["type"] == "TextPositionSelector"
                exact = record["text"][position["start"] : position["end"]]
                assert quote["exact"] == exact
                assert record["text"].count(quote["prefix"] + exact + quote["suffix"]) == 1
            else:
                targets = target if isinstance(target, list) else [target]
                assert set(targets) <= ids
        motivations = [a["motivation"] for a in annotations]
        assert motivations.count("tagging") == len(record["spans"])
        assert motivations.count("linking") == len(record["relations"]) + len(
            record["attributions"]
        )
        assert motivations.count("assessing") == len(record["claims"])


def test_brat_gives_every_article_id_its_own_short_file(tmp_path: Path, natives) -> None:
    ids = ["x/y", "x_y", "L" * 300, "ب" * 200, "", ".hidden", "../up"]
    records = [{**natives[0], "article_id": article_id} for article_id in ids]
    assert write_brat(iter(records), tmp_path) == len(ids)
    texts = sorted((tmp_path / "huda").glob("*.txt"))
    assert len(texts) == len(ids) and (tmp_path / "huda" / "x_y.txt") in texts
    assert all(len(path.name.encode()) <= 255 and not path.name.startswith(".") for path in texts)
    assert list(tmp_path.iterdir()) == [tmp_path / "huda"]
