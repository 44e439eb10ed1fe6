"""Damaged, foreign, newer, older, torn and full: the database is never overwritten or lost."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.corpus.article import Article
from annotations.store import (
    Store,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreSchemaError,
)


def journal_of(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".journal")


def copies(db_path: Path, reason: str) -> list[Path]:
    return sorted(db_path.parent.glob(f"*.{reason}-*"))


def saved_database(db_path: Path, article: Article) -> str:
    start = article.text.index("سامح شكري")
    with Store.open(db_path) as store:
        return store.add_span(article, "entity", "PER", start, start + 9, annotator="mona").id


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b'{"_meta": {"1": {"schema": 1',
        b"\x00\x00\x00\x00",
        b"[1, 2]",
        b'{"spans": {"1": {"no id": 1}}, "_meta": {"1": {"schema": 1, "generation": "g"}}}',
    ],
    ids=["empty", "truncated", "zeros", "not-tables", "malformed-record"],
)
def test_a_damaged_database_is_kept_byte_for_byte(db_path: Path, damage: bytes) -> None:
    db_path.write_bytes(damage)
    with pytest.raises(StoreCorruptError) as caught:
        Store.open(db_path)
    assert str(db_path) in str(caught.value) and "copy kept at" in str(caught.value)
    assert db_path.read_bytes() == damage
    [copy] = copies(db_path, "corrupt")
    assert copy.read_bytes() == damage
    with pytest.raises(StoreCorruptError):  # still refused: nothing was "repaired" behind our back
        Store.open(db_path)
    assert db_path.read_bytes() == damage


def test_a_damaged_journal_line_is_kept_and_refused(word, db_path: Path, article: Article) -> None:
    store = Store.open(db_path)
    store.add_span(article, "entity", "PER", *word(article, "شكري"), annotator="mona")
    store.add_span(article, "entity", "LOC", *word(article, "القاهرة"), annotator="mona")
    journal = journal_of(db_path)
    lines = journal.read_bytes().split(b"\n")
    lines[1] = b"#" + lines[1][1:]  # the first of two entries
    damaged = b"\n".join(lines)
    journal.write_bytes(damaged)
    with pytest.raises(StoreCorruptError) as caught:
        Store.open(db_path)
    assert str(journal) in str(caught.value)
    assert journal.read_bytes() == damaged
    assert copies(db_path, "corrupt")[0].read_bytes() == damaged


def test_a_torn_last_journal_line_is_cut_after_a_copy(
    word, db_path: Path, article: Article
) -> None:
    kept = saved_database(db_path, article)
    store = Store.open(db_path)
    store.add_span(article, "entity", "LOC", *word(article, "القاهرة"), annotator="mona")
    journal = journal_of(db_path)
    good = journal.read_bytes()
    journal.write_bytes(good + b'{"txn": "x", "ops": [["spans", "torn"')  # a kill mid-append
    with Store.open(db_path) as reopened:
        assert {s.id for s in reopened.spans(article.id)} >= {kept}
        assert reopened.counts()["spans"] == 2
        reopened.add_span(article, "entity", "ORG", *word(article, "رويترز"), annotator="mona")
    assert copies(db_path, "torn")[0].read_bytes().endswith(b'"torn"')
    with Store.open(db_path) as reopened:
        assert reopened.counts()["spans"] == 3


def test_a_newer_schema_is_refused_and_left_alone(db_path: Path, article: Article) -> None:
    saved_database(db_path, article)
    data = json.loads(db_path.read_text())
    data["_meta"]["1"]["schema"] = 99
    db_path.write_text(json.dumps(data))
    before = db_path.read_bytes()
    with pytest.raises(StoreSchemaError, match="newer rawi"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_a_plain_tinydb_file_is_migrated_with_a_copy_kept(db_path: Path) -> None:
    from tinydb import TinyDB

    with TinyDB(db_path) as plain:
        plain.table("status").insert({"article_id": "a", "annotator": "mona", "status": "done"})
    before = db_path.read_bytes()
    with Store.open(db_path) as store:
        assert store.status("a", "mona") == "done"
    assert copies(db_path, "schema0")[0].read_bytes() == before
    assert json.loads(db_path.read_text())["_meta"]["1"]["schema"] == 1


def test_a_journal_of_another_database_is_refused(tmp_path: Path, article: Article) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    saved_database(first, article)
    saved_database(second, article)
    journal = journal_of(first)
    journal.write_bytes(journal_of(second).read_bytes())
    with pytest.raises(StoreCorruptError, match="another database"):
        Store.open(first)


def test_a_lost_database_with_its_journal_left_is_not_recreated(
    db_path: Path, article: Article
) -> None:
    saved_database(db_path, article)
    db_path.unlink()
    with pytest.raises(StoreCorruptError, match="missing"):
        Store.open(db_path)
    assert not db_path.exists()


def test_stray_temp_files_are_cleaned_at_open(db_path: Path, article: Article) -> None:
    saved_database(db_path, article)
    stray = db_path.with_name(f".{db_path.name}.tmp-12345")
    stray.write_text("half a database")
    Store.open(db_path).close()
    assert not stray.exists()


def _full_disk_after(half: bool):
    def write_all(fd: int, data: bytes) -> None:
        if half:
            os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    return write_all


def test_a_full_disk_fails_the_save_and_keeps_the_database(
    word, db_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = saved_database(db_path, article)
    store = Store.open(db_path)
    store.add_span(article, "entity", "LOC", *word(article, "القاهرة"), annotator="mona")
    journal_before, db_before = journal_of(db_path).read_bytes(), db_path.read_bytes()
    monkeypatch.setattr("annotations.store.journal.write_all", _full_disk_after(half=True))
    with pytest.raises(StoreFullError, match="disk full"):
        store.add_span(article, "entity", "ORG", *word(article, "رويترز"), annotator="mona")
    assert journal_of(db_path).read_bytes() == journal_before
    assert db_path.read_bytes() == db_before
    assert store.counts()["spans"] == 2
    monkeypatch.setattr("annotations.durable.write_all", _full_disk_after(half=True))
    with pytest.raises(StoreFullError):
        store.compact()
    assert db_path.read_bytes() == db_before
    assert not list(db_path.parent.glob(".*tmp-*"))
    monkeypatch.undo()
    store.add_span(article, "entity", "ORG", *word(article, "رويترز"), annotator="mona")
    store.close()
    with Store.open(db_path) as reopened:
        assert reopened.counts()["spans"] == 3 and reopened.span(kept) is not None


def test_a_closed_store_refuses_saves(store: Store, article: Article) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.add_span(article, "entity", "PER", 0, 3, annotator="mona")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 kB tmpfs (needs root to mount; elsewhere the injected ENOSPC test stands in)."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_really_full_disk(small_disk: Path, article: Article) -> None:
    db_path = small_disk / "annotations.json"
    store = Store.open(db_path)
    acknowledged = []
    with pytest.raises(StoreFullError, match="disk full"):
        for _ in range(10_000):
            span = store.add_span(article, "entity", "PER", 0, 3, annotator="mona")
            acknowledged.append(span.id)
    assert len(acknowledged) > 50
    store.close()  # a short journal is not folded on closing
    reopened = Store.open(db_path)
    assert {s.id for s in reopened.spans(article.id)} == set(acknowledged)
    with pytest.raises(StoreFullError, match="nothing was lost"):
        reopened.compact()  # no room to compact: nothing lost, the journal keeps everything
    assert not list(small_disk.glob(".*tmp-*"))
    assert {s.id for s in reopened.spans(article.id)} == set(acknowledged)
    reopened.close()
