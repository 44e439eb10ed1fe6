"""Evaluation pieces: tag mapping, BIO spans, strict scores, and the seed hand gold itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.arabic import tokenize
from annotations.entities.bio import bio_spans
from annotations.entities.training import conll
from annotations.entities.training.conll import WIKIFANE_CLASSES, map_tag
from annotations.entities.training.evaluate import Scores, read_gold

GOLD_DIR = Path(__file__).resolve().parents[1] / "data"
CHECKOUT = Path(__file__).resolve().parents[2]


def test_the_evaluation_corpora_are_found_through_the_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RAWI_EVAL_DIR", str(tmp_path))
    assert conll.eval_dir() == tmp_path
    assert conll.missing_eval_dir() is None
    monkeypatch.setenv("RAWI_EVAL_DIR", str(tmp_path / "absent"))
    assert "RAWI_EVAL_DIR" in str(conll.missing_eval_dir())


def test_else_beside_the_checkout(monkeypatch) -> None:
    monkeypatch.delenv("RAWI_EVAL_DIR", raising=False)
    assert conll.eval_dir() == CHECKOUT.parent / "shared" / "eval"


@pytest.mark.parametrize(
    ("raw", "fine", "expected"),
    [
        ("B-PERS", None, "B-PER"),
        ("I--ORG", None, "I-ORG"),
        ("B-MIS1`", None, "B-MISC"),
        ("OO", None, "O"),
        ("B-Politician", WIKIFANE_CLASSES, "B-PER"),
        ("I-Nation", WIKIFANE_CLASSES, "I-LOC"),
        ("B-Group", WIKIFANE_CLASSES, "O"),
        ("B-Software", WIKIFANE_CLASSES, "B-MISC"),
    ],
)
def test_tags_are_mapped_to_coarse_types(raw: str, fine: dict | None, expected: str) -> None:
    assert map_tag(raw, fine) == expected


def test_bio_spans_close_on_type_change_and_stray_inside() -> None:
    tags = ["B-PER", "I-PER", "I-LOC", "O", "I-ORG", "B-ORG"]
    assert bio_spans(tags) == {(0, 2, "PER"), (2, 3, "LOC"), (4, 5, "ORG"), (5, 6, "ORG")}


def test_strict_scores_count_exact_matches_only() -> None:
    scores = Scores()
    scores.add({(0, 2, "PER"), (3, 4, "LOC")}, {(0, 2, "PER"), (3, 5, "LOC"), (7, 8, "MISC")})
    assert scores.prf("PER") == (1.0, 1.0, 1.0)
    assert scores.prf("LOC") == (0.0, 0.0, 0.0)
    assert scores.prf() == (0.5, 0.5, 0.5)


@pytest.mark.parametrize("name", ["entities_gold_000.jsonl", "entities_gold_004.jsonl"])
def test_seed_gold_offsets_are_whole_words_of_the_canonical_text(seeds, name: str) -> None:
    path = GOLD_DIR / name
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert seeds[item["article"]].text[item["start"] : item["end"]] == item["text"]
    gold = read_gold(path)
    assert gold
    for article, spans in gold.items():
        text = seeds[article].text
        starts = {t.start for t in tokenize(text)}
        ends = {t.end for t in tokenize(text)}
        for start, end, label in spans:
            assert start in starts and end in ends, text[start:end]
            assert label in ("PER", "LOC", "ORG")


@pytest.mark.parametrize(
    ("tool", "blocked", "package"),
    [
        ("train_neural", "torch", "PyTorch"),
        ("train", "pycrfsuite", "python-crfsuite"),
        ("build_gazetteers", "babel", "babel and pycountry"),
    ],
)
def test_a_training_tool_explains_a_missing_package_in_one_line(
    tool: str, blocked: str, package: str
) -> None:
    code = (
        f"import sys, runpy; sys.modules[{blocked!r}] = None; "
        f"runpy.run_module('annotations.entities.training.{tool}', run_name='imported')"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 1
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"{tool} needs {package}, which is not installed: ")
