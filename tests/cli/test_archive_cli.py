"""`rawi search`, `rawi index` and `rawi list`'s filters, on a small JSONL archive."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli

RECORDS = [
    {"id": "bbc-1", "outlet": "BBC Arabic", "published": "2018-05-01", "category": "سياسة",
     "title": "ترامب يلتقي ماكرون", "text": "قال الرئيس دونالد ترامب إن لقاء ماكرون كان جيدا."},
    {"id": "bbc-2", "outlet": "BBC Arabic", "published": "2018-05-09", "category": "اقتصاد",
     "title": "أسعار النفط", "text": "ارتفعت أسعار النفط بعد رسالة وجهت لترامب."},
    {"id": "f24-1", "outlet": "France 24", "published": "2018-04-20", "category": "سياسة",
     "title": "ماكرون في واشنطن", "text": "وصل ماكرون إلى واشنطن للقاء نظيره."},
]


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8"
    )
    return path


def listed(archive: Path, *options: str) -> list[str]:
    result = run("--corpus", str(archive), "list", "--json", *options)
    assert result.exit_code == 0, result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


def test_list_filters_and_limit(archive: Path) -> None:
    assert listed(archive) == ["bbc-1", "bbc-2", "f24-1"]
    assert listed(archive, "--outlet", "bbc arabic") == ["bbc-1", "bbc-2"]
    assert listed(archive, "--since", "2018-05-01") == ["bbc-1", "bbc-2"]
    assert listed(archive, "--until", "2018-05-01") == ["bbc-1", "f24-1"]
    assert listed(archive, "--category", "سياسة", "--since", "2018-04-30") == ["bbc-1"]
    assert listed(archive, "--limit", "1") == ["bbc-1"]


def test_list_shows_published(archive: Path) -> None:
    lines = run("--corpus", str(archive), "list").stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["bbc-1", "2018-05-01", "9"]
    row = json.loads(run("--corpus", str(archive), "list", "--json").stdout)[2]
    assert row["published"] == "2018-04-20" and row["category"] == "سياسة"


def test_a_bad_date_or_range_is_a_usage_error(archive: Path) -> None:
    result = CliRunner().invoke(cli, ["--corpus", str(archive), "list", "--since", "May 1"])
    assert result.exit_code == 2 and "--since" in result.stderr
    result = CliRunner().invoke(
        cli, ["--corpus", str(archive), "list", "--since", "2018-06-01", "--until", "2018-05-01"]
    )
    assert result.exit_code == 2 and "--since is after --until" in result.stderr


def test_an_unknown_id_names_at_most_five_close_ones(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"art-{n:03}", "text": "نص."}) + "\n" for n in range(40)),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--corpus", str(path), "show", "art-0100"])
    assert result.exit_code == 2
    message = result.stderr.strip().splitlines()[-1]
    named = [word.strip(",?)") for word in message.split() if word.startswith("art-0")]
    assert 1 <= len(named) <= 5 and "art-010" in named
    result = CliRunner().invoke(cli, ["--corpus", str(path), "show", "zzz"])
    assert result.exit_code == 2 and "did you mean" not in result.stderr


def test_search_json_gives_hits_at_canonical_offsets(archive: Path) -> None:
    result = run("--corpus", str(archive), "search", "ترامب", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["id"] for row in rows} == {"bbc-1", "bbc-2"}
    assert set(rows[0]) == {"id", "title", "outlet", "published", "score", "hits", "snippet"}
    for row in rows:
        text = run("--corpus", str(archive), "show", row["id"], "--bidi", "terminal",
                   "--no-color").stdout
        for hit in row["hits"]:
            assert text[hit["start"] : hit["end"]] == hit["text"] == "ترامب"
        assert "ترامب" in row["snippet"]


def test_search_filters(archive: Path) -> None:
    def ids(*options: str) -> set[str]:
        result = run("--corpus", str(archive), "search", "ماكرون", "--json", *options)
        return {row["id"] for row in json.loads(result.stdout)}

    assert ids() == {"bbc-1", "f24-1"}
    assert ids("--outlet", "France 24") == {"f24-1"}
    assert ids("--since", "2018-05-01") == {"bbc-1"}
    assert ids("--limit", "1") <= {"bbc-1", "f24-1"} and len(ids("--limit", "1")) == 1


def test_search_table_marks_hits(archive: Path) -> None:
    result = run("--corpus", str(archive), "search", "النفط", "--color", "--bidi", "terminal")
    assert result.exit_code == 0
    assert "bbc-2" in result.stdout and "\x1b[1;30;103m" in result.stdout  # the hit mark
    plain = run("--corpus", str(archive), "search", "النفط", "--no-color", "--bidi", "terminal")
    assert "\x1b[" not in plain.stdout and "أسعار النفط" in plain.stdout


def test_search_without_results_says_so(archive: Path) -> None:
    result = run("--corpus", str(archive), "search", "بوتين")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "no article matches\n"


@pytest.mark.parametrize("query", ['"البيت', "ترامب OR", "-ترامب", "ت*"])
def test_a_query_error_is_one_line_and_exit_2(archive: Path, query: str) -> None:
    result = CliRunner().invoke(cli, ["--corpus", str(archive), "search", query])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].startswith("Error: bad query: ")
    assert "Traceback" not in result.stderr


def test_index_builds_then_reports_fresh_and_stale(archive: Path) -> None:
    result = run("--corpus", str(archive), "index", "--status")
    assert "state: not built" in result.stdout
    result = run("--corpus", str(archive), "index")
    assert result.exit_code == 0
    assert "articles: 3" in result.stdout and "state: fresh" in result.stdout
    assert "MB" in result.stdout and "indexing the corpus" in result.stderr
    stat = archive.stat()
    os.utime(archive, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    result = run("--corpus", str(archive), "index", "--status")
    assert "state: stale (1 files" in result.stdout and str(archive.resolve()) in result.stdout
    assert "state: fresh" in run("--corpus", str(archive), "index").stdout


def test_index_rebuild_reads_the_corpus_again(archive: Path) -> None:
    run("--corpus", str(archive), "index")
    again = run("--corpus", str(archive), "index")
    assert "indexing the corpus" not in again.stderr
    rebuilt = run("--corpus", str(archive), "index", "--rebuild")
    assert "indexing the corpus" in rebuilt.stderr and "articles: 3" in rebuilt.stdout


def test_an_unquoted_query_may_exclude_words(archive: Path) -> None:
    result = run("--corpus", str(archive), "search", "ترامب", "-النفط", "--json")
    assert [row["id"] for row in json.loads(result.stdout)] == ["bbc-1"]
