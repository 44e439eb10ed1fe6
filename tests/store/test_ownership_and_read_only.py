"""Folds keep the database's mode, owner and group; export, stats and doctor read without folding.

A read-only folder is `chmod 0555`; as root (where permissions do not bind) a guard also refuses
every write into it, so the tests hold for any user.
"""

from __future__ import annotations

import builtins
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.corpus import Corpus
from annotations.store import Store, StoreCorruptError, StoreReadOnlyError
from tui.cli import cli

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def save_one(db: Path, article, annotator: str = "mona") -> str:
    with Store.open(db) as store:
        return store.add_span(article, "entity", "PER", 0, 5, annotator=annotator).id


def folder_state(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in folder.iterdir()}


@pytest.fixture
def read_only_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """`make(folder)`: the folder becomes read-only for the rest of the test."""
    guarded: list[Path] = []
    real_open, real_os_open = builtins.open, os.open

    def refused(path: object) -> bool:
        return any(Path(os.path.abspath(str(path))).parent == g for g in guarded)

    def guarded_open(file, mode="r", *args, **kwargs):
        if isinstance(file, str | Path) and set(mode) & set("wax+") and refused(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & WRITE_FLAGS and refused(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_os_open(path, flags, *args, **kwargs)

    def make(folder: Path) -> None:
        folder.chmod(0o555)
        guarded.append(folder.resolve())

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    yield make
    for folder in guarded:
        folder.chmod(0o755)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o660])
def test_a_fold_keeps_the_database_mode(tmp_path: Path, seeds: Corpus, mode: int) -> None:
    db = tmp_path / "db.json"
    article = next(iter(seeds))
    save_one(db, article)
    db.chmod(mode)
    db.with_name("db.json.journal").chmod(mode)
    with Store.open(db) as store:
        store.add_span(article, "entity", "LOC", 6, 9, annotator="mona")
        store.compact()
        assert store.journal_bytes == 0
    assert mode_of(db) == mode
    assert mode_of(db.with_name("db.json.journal")) == mode


def test_a_fold_keeps_owner_and_group_where_permitted(tmp_path: Path, seeds: Corpus) -> None:
    db = tmp_path / "db.json"
    save_one(db, next(iter(seeds)))
    other_groups = [g for g in os.getgroups() if g != os.getegid()]
    if os.geteuid() == 0:
        owner, group = 4321, 4321
    elif other_groups:
        owner, group = os.geteuid(), other_groups[0]
    else:
        pytest.skip("needs root or membership of a second group")
    os.chown(db, owner, group)
    with Store.open(db) as store:
        store.add_span(next(iter(seeds)), "entity", "LOC", 6, 9, annotator="mona")
        store.compact()
    assert (db.stat().st_uid, db.stat().st_gid) == (owner, group)


def test_a_read_only_database_is_never_replaced(tmp_path: Path, seeds: Corpus) -> None:
    db = tmp_path / "db.json"
    article = next(iter(seeds))
    save_one(db, article)
    db.chmod(0o444)
    before = (db.stat().st_ino, db.read_bytes())
    with pytest.warns(UserWarning, match="read-only"), Store.open(db, compact_bytes=1) as store:
        saved = store.add_span(article, "entity", "LOC", 6, 9, annotator="mona").id
    assert (db.stat().st_ino, db.read_bytes()) == before
    result = CliRunner().invoke(cli, ["--db", str(db), "compact"])
    assert result.exit_code == 1 and "read-only" in result.output
    assert "Traceback" not in result.output
    assert (db.stat().st_ino, db.read_bytes()) == before and mode_of(db) == 0o444
    with Store.open(db, read_only=True) as store:
        assert store.span(saved) is not None


def test_compact_folds_now_and_keeps_the_mode(tmp_path: Path, seeds: Corpus) -> None:
    db = tmp_path / "db.json"
    article = next(iter(seeds))
    store = Store.open(db)
    saved = store.add_span(article, "entity", "PER", 0, 5, annotator="mona").id
    db.chmod(0o600)
    result = CliRunner().invoke(cli, ["--db", str(db), "compact"])
    assert result.exit_code == 0, result.output
    assert mode_of(db) == 0o600
    assert saved in db.read_text(encoding="utf-8")  # in the file itself now
    assert db.with_name("db.json.journal").read_bytes().count(b"\n") == 1  # the header alone
    store.close()


def test_export_stats_and_doctor_read_the_journal_in_a_read_only_folder(
    tmp_path: Path, seeds: Corpus, read_only_folder
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "db.json"
    article = next(iter(seeds))
    store = Store.open(db)  # left open, as after a kill: the save is in the journal only
    saved = store.add_span(article, "entity", "PER", 0, 5, annotator="mona").id
    assert saved not in db.read_text(encoding="utf-8")
    db.chmod(0o444)
    before = folder_state(folder)
    read_only_folder(folder)
    out = tmp_path / "out.jsonl"
    common = ["--db", str(db), "--annotator", "mona"]
    exported = CliRunner().invoke(cli, [*common, "export", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [s["id"] for s in record["spans"] if s["origin"] == "manual"] == [saved]
    stats = CliRunner().invoke(cli, [*common, "stats", "--json"])
    assert stats.exit_code == 0, stats.output
    rows = {row["id"]: row for row in json.loads(stats.output)}
    assert rows[article.id]["PER"] == 1
    doctor = CliRunner().invoke(cli, [*common, "doctor"])
    assert doctor.exit_code == 0, doctor.output
    assert "spans\t1" in doctor.output
    assert folder_state(folder) == before


def test_a_read_only_store_refuses_writes_and_creates_nothing(tmp_path: Path, seeds: Corpus):
    db = tmp_path / "missing.json"
    with Store.open(db, read_only=True) as store:
        assert store.article_ids() == []
        with pytest.raises(StoreReadOnlyError):
            store.add_span(next(iter(seeds)), "entity", "PER", 0, 5, annotator="mona")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_store_sees_later_saves_and_folds(tmp_path: Path, seeds: Corpus) -> None:
    db = tmp_path / "db.json"
    article = next(iter(seeds))
    first = save_one(db, article)
    reader = Store.open(db, read_only=True)
    writer = Store.open(db)
    second = writer.add_span(article, "entity", "LOC", 6, 9, annotator="mona").id
    assert {s.id for s in reader.spans(article.id)} == {first, second}
    writer.compact()
    third = writer.add_span(article, "entity", "ORG", 10, 12, annotator="mona").id
    assert {s.id for s in reader.spans(article.id)} == {first, second, third}
    writer.close()
    reader.close()


def test_one_copy_per_distinct_damaged_content(db_path: Path) -> None:
    db_path.write_bytes(b"{broken")
    for _ in range(3):
        with pytest.raises(StoreCorruptError):
            Store.open(db_path)
    assert len(list(db_path.parent.glob("*.corrupt-*"))) == 1
    db_path.write_bytes(b"{broken differently")
    with pytest.raises(StoreCorruptError):
        Store.open(db_path)
    copies = sorted(p.read_bytes() for p in db_path.parent.glob("*.corrupt-*"))
    assert copies == [b"{broken", b"{broken differently"]
