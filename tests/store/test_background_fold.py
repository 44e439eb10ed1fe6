"""Folds run off the user's path: a save never waits for one, a fold cut short is finished by the
next writer, other processes follow a sealed journal, and kill -9 during folds loses nothing."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

import annotations.store.fold as fold_module
from annotations.corpus.article import Article
from annotations.exchange.importing import import_native
from annotations.store import Store


def sealed_of(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".journal.sealed")


def at_rest(db_path: Path) -> set[str]:
    """The span ids in the database file alone, as TinyDB reads it."""
    with TinyDB(db_path, access_mode="r") as database:
        return {document["id"] for document in database.table("spans").all()}


def tag(store: Store, article: Article, n: int) -> str:
    start = n % (len(article.text) - 5)
    return store.add_span(article, "entity", "PER", start, start + 3, annotator="mona").id


def test_a_save_past_the_threshold_does_not_wait_for_the_fold(
    db_path: Path, article: Article, writer, appears
) -> None:
    held = writer("hold")  # the fold's writer, a child process, waits until released
    store = Store.open(db_path, compact_bytes=3_000)
    saved: list[str] = []
    while not sealed_of(db_path).exists():  # past 3 kB the save seals the journal
        saved.append(tag(store, article, len(saved)))
    sealed = len(saved)
    assert appears(held / "writing")
    saved += [tag(store, article, n) for n in range(sealed, 40)]  # saves go on meanwhile
    assert at_rest(db_path) == set()  # nothing swapped in yet
    (held / "release").touch()
    store.wait_for_fold()
    assert not sealed_of(db_path).exists()
    assert set(saved[:sealed]) <= at_rest(db_path)  # the sealed saves are in the file now
    store.close()
    with Store.open(db_path) as reopened:
        assert {s.id for s in reopened.spans(article.id)} == set(saved)


def test_closing_after_small_writes_does_not_fold(db_path: Path, article: Article) -> None:
    with Store.open(db_path) as store:
        saved = tag(store, article, 1)
    assert at_rest(db_path) == set()  # still in the journal only
    with Store.open(db_path, read_only=True) as store:
        assert store.span(saved) is not None and store.journal_bytes > 0


def test_a_fold_cut_short_is_finished_by_the_next_writer(
    db_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch, writer
) -> None:
    writer("killed")  # the fold's writer is killed before it writes
    store = Store.open(db_path, compact_bytes=2_000)
    with pytest.warns(UserWarning, match="compaction postponed.*SIGKILL"):  # told, nothing lost
        saved = []
        while not sealed_of(db_path).exists():
            saved.append(tag(store, article, len(saved)))
        in_sealed = len(saved)
        saved += [tag(store, article, n) for n in range(in_sealed, in_sealed + 4)]
        store.wait_for_fold()
    assert sealed_of(db_path).exists()  # left as a killed fold leaves it
    monkeypatch.undo()
    with Store.open(db_path, read_only=True) as reader:  # file + sealed + journal, in order
        assert {s.id for s in reader.spans(article.id)} == set(saved)
    other = Store.open(db_path)  # a writer takes the fold over, in the background
    other.wait_for_fold()
    assert not sealed_of(db_path).exists() and set(saved[:in_sealed]) <= at_rest(db_path)
    saved.append(tag(store, article, len(saved)))  # the first store follows the new journal
    assert {s.id for s in other.spans(article.id)} == set(saved)
    store.close()
    other.close()


def test_another_store_follows_a_sealed_journal_without_reloading(
    db_path: Path, article: Article
) -> None:
    first, second = Store.open(db_path), Store.open(db_path)
    seen = [tag(first, article, 1)]
    assert second.span(seen[0]) is not None
    loads = second.revision()[0]
    seen.append(tag(second, article, 2))
    first.compact()  # seals the journal second follows, folds it, starts a new one
    seen.append(tag(first, article, 3))
    assert {s.id for s in second.spans(article.id)} == set(seen)
    assert second.revision()[0] == loads  # replayed across the seal, not reloaded
    first.close()
    second.close()


def test_a_large_journal_reads_as_the_folded_file_does(db_path: Path, article: Article) -> None:
    store = Store.open(db_path, compact_bytes=1 << 30)
    for n in range(60):
        tag(store, article, n)
    store.delete_span(store.spans(article.id)[0].id, annotator="mona")
    store.close()
    with Store.open(db_path, read_only=True) as reader:
        before = list(reader.records())
    Store.open(db_path).compact()
    assert sealed_of(db_path).exists() is False
    with Store.open(db_path, read_only=True) as reader:
        assert reader.journal_bytes == 0 and list(reader.records()) == before


def test_an_import_folds_once_at_the_end(
    db_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches only append to the journal, however long it grows; closing folds it once."""
    folds: list[str] = []
    for way in ("start", "run_locked"):  # in the background, or here and now
        run = getattr(fold_module.Fold, way)
        monkeypatch.setattr(
            fold_module.Fold,
            way,
            lambda fold, *args, run=run, way=way: folds.append(way) or run(fold, *args),
        )
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", article.text)]
    lines = [
        orjson.dumps(
            {
                "article_id": f"a{n}",
                "annotator": "mona",
                "text": article.text,
                "spans": [
                    {"id": f"s{i}", "layer": "entity", "label": "PER", "start": s, "end": e}
                    for i, (s, e) in enumerate(words[:5])
                ],
            }
        )
        for n in range(500)
    ]
    store = Store.open(db_path, compact_bytes=20_000)
    report = import_native(store, lines, lambda _: None)
    assert report.added == 2_500 and not report.refused
    assert folds == [] and store.journal_bytes > 50 * 20_000  # 50 thresholds, no fold
    store.close()
    assert folds == ["run_locked"] and len(at_rest(db_path)) == 2_500


def test_a_sealed_journal_a_fold_holds_is_deleted_by_that_fold_alone(
    db_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch, writer, appears
) -> None:
    """A writer killed between swapping its file in and deleting the sealed journal leaves that
    journal behind; a writer takes its fold over. Another writer opening meanwhile must leave the
    journal to the fold that holds it: deleting it let a new journal be sealed in its place, which
    the late fold then deleted and wrote over with an older file (saves in neither file)."""
    delete = fold_module.Fold._delete_sealed
    monkeypatch.setattr(fold_module.Fold, "_delete_sealed", lambda fold: None)  # killed there
    first = Store.open(db_path, compact_bytes=3_000)
    saved = []
    while not at_rest(db_path):
        saved.append(tag(first, article, len(saved)))
        first.wait_for_fold()
    assert sealed_of(db_path).exists()  # folded into the file, left behind as a kill leaves it
    monkeypatch.setattr(fold_module.Fold, "_delete_sealed", delete)

    held = writer("hold")  # the takeover's writer waits; any later fold's does not
    while not (held / "writing").exists():  # `first` takes the leftover's fold over
        saved.append(tag(first, article, len(saved)))
    second = Store.open(db_path, compact_bytes=3_000)
    saved += [tag(second, article, n) for n in range(len(saved), len(saved) + 40)]
    second.wait_for_fold()
    (held / "release").touch()
    first.wait_for_fold()
    first.close()
    second.close()
    with Store.open(db_path) as reopened:
        assert {s.id for s in reopened.spans(article.id)} == set(saved)


def temps(db_path: Path) -> list[Path]:
    return list(db_path.parent.glob(f".{db_path.name}*tmp-*"))


def test_a_writer_killed_mid_write_leaves_the_files_as_they_were(
    db_path: Path, article: Article, writer, appears
) -> None:
    """kill -9 of the fold's child process while it writes the new file: the database file and
    the sealed journal are untouched, its temporary file is removed, a warning says why, and
    the next fold folds everything."""
    held = writer("mid-write")
    store = Store.open(db_path, compact_bytes=3_000)
    saved = [tag(store, article, 0)]
    store.compact()
    before = db_path.read_bytes()
    while not sealed_of(db_path).exists():
        saved.append(tag(store, article, len(saved)))
    sealed = sealed_of(db_path).read_bytes()
    assert appears(held / "writing") and temps(db_path)  # half written
    os.kill(int((held / "writing").read_text()), signal.SIGKILL)
    with pytest.warns(UserWarning, match="compaction postponed.*killed by SIGKILL"):
        store.wait_for_fold()
    assert db_path.read_bytes() == before and sealed_of(db_path).read_bytes() == sealed
    assert temps(db_path) == []
    saved += [tag(store, article, n) for n in range(len(saved), len(saved) + 5)]
    store.compact()
    assert not sealed_of(db_path).exists() and at_rest(db_path) == set(saved)
    store.close()


def test_a_background_fold_on_a_full_disk_changes_nothing_and_warns(
    db_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch, writer
) -> None:
    writer("full-disk")
    store = Store.open(db_path, compact_bytes=3_000)
    saved = [tag(store, article, 0)]
    store.compact()
    before = db_path.read_bytes()
    with pytest.warns(UserWarning, match="compaction postponed.*disk full"):
        while not sealed_of(db_path).exists():
            saved.append(tag(store, article, len(saved)))
        sealed, in_sealed = sealed_of(db_path).read_bytes(), len(saved)
        store.wait_for_fold()
    assert db_path.read_bytes() == before and sealed_of(db_path).read_bytes() == sealed
    assert temps(db_path) == []
    monkeypatch.undo()  # space again: the next fold, 3 kB of saves later, folds it in
    while sealed_of(db_path).exists():
        saved.append(tag(store, article, len(saved)))
        store.wait_for_fold()
    assert set(saved[:in_sealed]) <= at_rest(db_path)
    store.close()
    with Store.open(db_path) as reopened:
        assert {s.id for s in reopened.spans(article.id)} == set(saved)
