"""kill -9 at random moments loses no acknowledged tag; two writers at once lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tinydb import Query, TinyDB

from annotations.store import Store, open_tinydb

SAVER = Path(__file__).with_name("saver.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("RAWI_CRASH_KILLS", "30"))


def start_saver(db: Path, annotator: str, count: int, compact_bytes: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(SAVER), str(db), annotator, str(count), str(compact_bytes)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)


def test_every_acknowledged_tag_survives_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    acknowledged: set[str] = set()
    rng = random.Random(20261123)
    for kill in range(KILLS):
        child = start_saver(
            db, f"kill{kill}", 100_000, compact_bytes=rng.choice([4_000, 40_000, 1 << 24])
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # killed while saving, not while a loaded machine starts it
        time.sleep(rng.uniform(0.15, 0.6))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        lines = (first + output).split("\n")
        acknowledged.update(line for line in lines[:-1] if line)  # the last one may be cut short
        with Store.open(db) as store:
            present = {s.id for s in store.spans("crash")}
            missing = acknowledged - present
            assert not missing, f"kill {kill}: {len(missing)} acknowledged tags lost"
    assert len(acknowledged) > KILLS  # the children really saved between kills
    Store.open(db).compact()  # closing folds only a long journal: fold the rest now
    with TinyDB(db, access_mode="r") as at_rest:
        assert {d["id"] for d in at_rest.table("spans").all()} >= acknowledged
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    Store.open(db).close()
    children = [start_saver(db, name, 500, compact_bytes=60_000) for name in ("mona", "ali")]
    outputs = [child.communicate(timeout=300)[0].split() for child in children]
    assert [child.returncode for child in children] == [0, 0]
    with Store.open(db) as store:
        spans = store.spans("crash")
        assert len(spans) == 1000
        assert {s.id for s in spans} == set(outputs[0]) | set(outputs[1])
        assert sorted(store.counts(), key=str) and store.counts()["spans"] == 1000
        assert {s.annotator for s in spans} == {"mona", "ali"}


def test_a_killed_writers_journal_is_queried_without_folding_it(tmp_path: Path) -> None:
    """`open_tinydb` after a kill -9: every acknowledged tag, from the journal; files untouched."""
    db = tmp_path / "annotations.json"
    child = start_saver(db, "mona", 100_000, compact_bytes=1 << 24)
    assert child.stdout is not None
    acknowledged = {child.stdout.readline().strip() for _ in range(20)}
    child.send_signal(signal.SIGKILL)
    child.communicate()
    journal = db.with_name(db.name + ".journal")
    before = db.read_bytes(), journal.read_bytes()
    with TinyDB(db, access_mode="r") as at_rest:
        assert at_rest.table("spans").all() == []  # nothing folded into the file
    view = open_tinydb(db)
    found = {d["id"] for d in view.table("spans").search(Query().annotator == "mona")}
    assert found >= acknowledged
    assert (db.read_bytes(), journal.read_bytes()) == before


def test_background_folds_racing_two_writers_survive_kill_9(tmp_path: Path) -> None:
    """Two processes save at once with folds every few saves; one is killed at random moments
    (during its folds, the other's, and their saves): no acknowledged tag is ever lost."""
    db = tmp_path / "annotations.json"
    Store.open(db).close()
    rng = random.Random(18)
    steady = start_saver(db, "steady", 100_000, compact_bytes=3_000)
    acknowledged: set[str] = set()
    try:
        for kill in range(12):
            compact = rng.choice([2_000, 5_000])
            child = start_saver(db, f"kill{kill}", 100_000, compact_bytes=compact)
            time.sleep(rng.uniform(0.3, 0.8))
            child.send_signal(signal.SIGKILL)
            lines = child.communicate()[0].split("\n")
            acknowledged.update(line for line in lines[:-1] if line)
    finally:
        steady.send_signal(signal.SIGKILL)
    lines = steady.communicate()[0].split("\n")
    acknowledged.update(line for line in lines[:-1] if line)
    assert len(acknowledged) > 100
    with Store.open(db) as store:
        store.wait_for_fold()
        assert acknowledged <= {s.id for s in store.spans("crash")}
        store.compact()
    assert acknowledged <= _spans_at_rest(db)
    assert not list(tmp_path.glob("*.corrupt-*"))


def _spans_at_rest(db: Path) -> set[str]:
    with TinyDB(db, access_mode="r") as database:
        return {document["id"] for document in database.table("spans").all()}
