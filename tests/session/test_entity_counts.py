"""Stored entity counts: keyed by text and by what counted them; a bad cache is never fatal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotations.entities import AnalystRule
from annotations.session import default_recogniser
from annotations.session.entity_counts import (
    COUNTS_FILE,
    EntityCounter,
    EntityCounts,
    counting_pool,
    counting_version,
)


def versioned(version: str):
    calls: list[str] = []

    def recogniser(text: str, decisions):
        calls.append(text)
        return text.split()

    recogniser.version = version  # type: ignore[attr-defined]
    recogniser.calls = calls  # type: ignore[attr-defined]
    return recogniser


def test_counts_are_kept_per_version(tmp_path: Path) -> None:
    counts = EntityCounts.open(tmp_path)
    counts.put("v1", [("a" * 64, 3), ("b" * 64, 5)])
    counts.close()
    again = EntityCounts.open(tmp_path)
    assert again.get("v1", ["a" * 64, "b" * 64, "c" * 64]) == {"a" * 64: 3, "b" * 64: 5}
    assert again.get("v2", ["a" * 64]) == {}


def test_the_version_follows_the_recogniser_and_the_decisions() -> None:
    one, other = versioned("1"), versioned("2")
    rule = [AnalystRule("ترامب", "PER")]
    assert counting_version(one, []) == counting_version(versioned("1"), [])
    assert counting_version(one, []) != counting_version(other, [])
    assert counting_version(one, []) != counting_version(one, rule)
    assert counting_version(one, rule) != counting_version(one, [AnalystRule("ترامب", None)])
    assert counting_version(lambda text, decisions: [], []) is None  # no version: not kept
    assert counting_version(default_recogniser, []) == counting_version(default_recogniser, [])


def test_the_counter_counts_only_what_is_not_stored(tmp_path: Path) -> None:
    recogniser = versioned("1")
    counter = EntityCounter(recogniser, [], EntityCounts.open(tmp_path))
    assert counter.known(["s1"]) == {}
    assert counter.count("s1", "واحد اثنان") == 2
    counter.flush()
    later = EntityCounter(recogniser, [], EntityCounts.open(tmp_path))
    assert later.known(["s1", "s2"]) == {"s1": 2}
    assert recogniser.calls == ["واحد اثنان"]


def test_a_damaged_cache_is_started_again(tmp_path: Path) -> None:
    (tmp_path / COUNTS_FILE).write_bytes(b"not a database at all" * 100)
    counts = EntityCounts.open(tmp_path)
    counts.put("v", [("s", 1)])
    assert counts.get("v", ["s"]) == {"s": 1}


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_keeps_counts_in_memory(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        counts = EntityCounts.open(tmp_path / "sub")
        counts.put("v", [("s", 1)])
        assert counts.get("v", ["s"]) == {"s": 1}
    finally:
        tmp_path.chmod(0o700)


def test_a_cache_in_a_file_not_a_folder_keeps_counts_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    counts = EntityCounts.open(blocker)
    counts.put("v", [("s", 1)])
    assert counts.get("v", ["s"]) == {"s": 1}
    assert blocker.read_text() == "x"


def test_the_shipped_recogniser_counts_alike_in_its_worker_process(tmp_path: Path) -> None:
    text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا ومصر تتعاونان."
    decisions = [AnalystRule("باريس", None)]
    expected = len(default_recogniser(text, decisions))
    assert 0 < expected < len(default_recogniser(text, []))
    pool = counting_pool(default_recogniser)
    assert pool is not None
    with pool:
        counter = EntityCounter(default_recogniser, decisions, EntityCounts.open(tmp_path), pool)
        assert counter.count("s1", text) == expected
    assert counting_pool(versioned("1")) is None  # a fake may not travel: counted in the thread
