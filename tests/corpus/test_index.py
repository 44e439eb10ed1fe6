"""The corpus index: reused while the files are unchanged, refreshed file by file, never trusted
when damaged, skipped (with one warning) when the cache cannot be written."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from annotations.corpus import ArticleFilter, indexing, load_corpus
from annotations.corpus import cache as cache_module
from annotations.corpus.cache import index_path
from annotations.corpus.index import PENDING_KEYS, IndexDamaged

BODY = "قال المتحدث الرسمي إن الاتصال تناول تطورات الأوضاع في ليبيا."


def record(article_id: str, text: str = BODY, **fields: str) -> str:
    return json.dumps({"id": article_id, "text": text, **fields}, ensure_ascii=False)


def write_jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the index reads, in order."""
    seen: list[str] = []
    original = indexing.read_records

    def counting(file: Path, limit: int, warn):
        seen.append(file.name)
        return original(file, limit, warn)

    monkeypatch.setattr(indexing, "read_records", counting)
    return seen


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", record("a1", outlet="BBC"), record("a2"))
    write_jsonl(folder / "b.jsonl", record("b1"))
    return folder


def touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_second_load_reads_no_file(corpus_dir: Path, reads: list[str]) -> None:
    assert load_corpus([corpus_dir]).ids() == ["a1", "a2", "b1"]
    assert reads == ["a.jsonl", "b.jsonl"]
    again = load_corpus([corpus_dir])
    assert reads == ["a.jsonl", "b.jsonl"]
    assert again.ids() == ["a1", "a2", "b1"]
    assert again["a1"].text == BODY and again["a1"].outlet == "BBC"


def test_search_keys_are_written_by_the_32_megabytes(corpus_dir: Path) -> None:
    load_corpus([corpus_dir])
    with sqlite3.connect(index_path([corpus_dir])) as db:
        config = dict(db.execute("SELECT k, v FROM search_config"))
    assert config["hashsize"] == PENDING_KEYS == 32 << 20


def test_a_changed_file_is_indexed_again_alone(corpus_dir: Path, reads: list[str]) -> None:
    load_corpus([corpus_dir])
    write_jsonl(corpus_dir / "b.jsonl", record("b1", "نص جديد تماما."), record("b2"))
    touch_later(corpus_dir / "b.jsonl")
    corpus = load_corpus([corpus_dir])
    assert reads == ["a.jsonl", "b.jsonl", "b.jsonl"]
    assert corpus.ids() == ["a1", "a2", "b1", "b2"]
    assert corpus["b1"].text == "نص جديد تماما."
    assert [r.info.id for r in corpus.search("جديد")] == ["b1"]
    assert corpus.search("تطورات") and "b1" not in {r.info.id for r in corpus.search("تطورات")}


def test_files_added_and_removed(corpus_dir: Path, reads: list[str]) -> None:
    load_corpus([corpus_dir])
    (corpus_dir / "a.jsonl").unlink()
    write_jsonl(corpus_dir / "0.jsonl", record("first"))
    corpus = load_corpus([corpus_dir])
    assert reads[2:] == ["0.jsonl"]
    assert corpus.ids() == ["first", "b1"]
    assert "a1" not in corpus
    assert [result.info.id for result in corpus.search("ليبيا")] == ["first", "b1"]


def test_warnings_are_given_again_by_a_warm_load(corpus_dir: Path) -> None:
    (corpus_dir / "c.jsonl").write_text('{"id": "broken"\n', encoding="utf-8")
    cold = load_corpus([corpus_dir]).warnings
    warm = load_corpus([corpus_dir]).warnings
    assert cold == warm and len(warm) == 1 and "c.jsonl:1: skipped, malformed JSON" in warm[0]


def test_a_new_size_limit_reads_the_files_again(
    corpus_dir: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_jsonl(corpus_dir / "b.jsonl", record("b1", BODY * 30))
    monkeypatch.setenv("RAWI_MAX_ARTICLE_MB", "0.001")
    assert "b1" not in load_corpus([corpus_dir])
    monkeypatch.delenv("RAWI_MAX_ARTICLE_MB")
    assert "b1" in load_corpus([corpus_dir])
    assert reads == ["a.jsonl", "b.jsonl", "a.jsonl", "b.jsonl"]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"not a database at all" * 100), id="garbage"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:5000]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(b""), id="emptied"),
    ],
)
def test_a_damaged_index_is_rebuilt(corpus_dir: Path, reads: list[str], damage) -> None:
    load_corpus([corpus_dir])
    path = index_path([corpus_dir])
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    damage(path)
    corpus = load_corpus([corpus_dir])
    assert reads == ["a.jsonl", "b.jsonl", "a.jsonl", "b.jsonl"]
    assert corpus.ids() == ["a1", "a2", "b1"] and corpus["a2"].text == BODY


def test_a_foreign_database_is_not_trusted(corpus_dir: Path) -> None:
    path = index_path([corpus_dir])
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as foreign:
        foreign.execute("CREATE TABLE articles (id TEXT, text TEXT)")
        foreign.execute("INSERT INTO articles VALUES ('a1', 'forged')")
    corpus = load_corpus([corpus_dir])
    assert corpus["a1"].text == BODY
    assert any("damaged (not a rawi corpus index)" in w for w in corpus.warnings)


def test_an_index_made_by_other_code_is_rebuilt_silently(
    corpus_dir: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_corpus([corpus_dir])
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "other code")
    corpus = load_corpus([corpus_dir])
    assert reads == ["a.jsonl", "b.jsonl", "a.jsonl", "b.jsonl"]
    assert corpus.warnings == [] and len(corpus) == 3


def test_a_tampered_text_is_refused(corpus_dir: Path) -> None:
    load_corpus([corpus_dir])
    with sqlite3.connect(index_path([corpus_dir])) as db:
        db.execute("UPDATE texts SET text = 'forged' WHERE rowid = 1")
    with pytest.raises(IndexDamaged, match="not the one indexed"):
        load_corpus([corpus_dir])["a1"]


def test_an_unwritable_cache_means_no_cache_and_one_warning(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RAWI_CACHE", str(blocker / "cache"))
    corpus = load_corpus([corpus_dir])
    assert corpus.ids() == ["a1", "a2", "b1"] and corpus.search("ليبيا")
    assert len(corpus.warnings) == 1
    assert "working without it" in corpus.warnings[0]


def test_the_cache_follows_rawi_cache(corpus_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RAWI_CACHE", str(tmp_path / "elsewhere"))
    load_corpus([corpus_dir])
    assert index_path([corpus_dir]).parent == tmp_path / "elsewhere"
    assert index_path([corpus_dir]).is_file()


def test_filters_and_metadata(tmp_path: Path) -> None:
    lines = [
        record("s1", outlet="skynews", category="sport", published="2018-03-01T10:00:00+04:00"),
        record("s2", outlet="SkyNews", category="economy", published="2018-03-05"),
        record("b1", outlet="BBC", category="sport", published="2018-04-01T00:30:00Z"),
        record("x1", published="yesterday"),
    ]
    corpus = load_corpus([write_jsonl(tmp_path / "c.jsonl", *lines)])

    def ids(**where) -> list[str]:
        return [info.id for info in corpus.infos(ArticleFilter(**where))]

    assert ids(outlet="skynews") == ["s1", "s2"]
    assert ids(category="SPORT") == ["s1", "b1"]
    assert ids(since=date(2018, 3, 2)) == ["s2", "b1"]
    assert ids(since=date(2018, 3, 1), until=date(2018, 3, 31)) == ["s1", "s2"]
    assert ids(outlet="bbc", until=date(2018, 3, 31)) == []
    assert [info.id for info in corpus.infos(limit=2)] == ["s1", "s2"]
    assert corpus.index.values("outlet") == [("SkyNews", 2), ("BBC", 1)]
    info = corpus.info("b1")
    assert info is not None and (info.category, info.published) == ("sport", "2018-04-01T00:30:00Z")
    assert info.words == corpus["b1"].words and info.sha256 == corpus["b1"].sha256


def test_close_ids_name_at_most_five(tmp_path: Path) -> None:
    lines = [record(f"AL-culture-{n}-20180218") for n in range(40)] + [record("zzz")]
    corpus = load_corpus([write_jsonl(tmp_path / "c.jsonl", *lines)])
    close = corpus.close_ids("AL-culture-7-2018021")
    assert len(close) == 5 and "AL-culture-7-20180218" in close
    assert corpus.close_ids("nothing like it at all") == []


def test_partitions_cover_the_corpus_once(tmp_path: Path) -> None:
    files = [
        write_jsonl(tmp_path / f"{n}.jsonl", *(record(f"{n}-{i}") for i in range(7))) for n in "ab"
    ]
    corpus = load_corpus(files)
    partitions = corpus.partitions(5)
    assert [p.number for p in partitions] == [0, 1, 2]
    read = [[a.id for a in corpus.articles_in(p)] for p in partitions]
    assert [len(ids) for ids in read] == [5, 5, 4]
    assert [article_id for ids in read for article_id in ids] == corpus.ids()
