"""Inputs: gzip, JSONL of any size read line by line, the size limit per article, clean
metadata, and odd records that are reported instead of crashing the load."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from annotations.corpus import load_corpus

BODY = "قال المتحدث الرسمي إن الاتصال تناول تطورات الأوضاع في ليبيا."
PAGE = "عنوان الخبر\n\n" + BODY


def line(article_id: object, text: object = BODY, **fields: object) -> str:
    """A JSONL line (lone surrogates written as JSON escapes)."""
    record = {"id": article_id, "text": text, **fields}
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "backslashreplace").decode()


def load(*paths: Path, **kwargs):
    warnings: list[str] = []
    corpus = load_corpus(list(paths), on_warning=warnings.append, **kwargs)
    return corpus, warnings


def test_gzipped_pages_and_records_load_like_plain_ones(tmp_path: Path) -> None:
    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    records = "\n".join([line("r1", outlet="BBC"), line("r2")]).encode("utf-8")
    (tmp_path / "records.jsonl.gz").write_bytes(gzip.compress(records))
    (tmp_path / "ignored.gz").write_bytes(gzip.compress(b"not an article file"))
    corpus, warnings = load(tmp_path)
    assert warnings == []
    assert corpus.ids() == ["page", "r1", "r2"]
    assert corpus["page"].text == PAGE and corpus["page"].title == "عنوان الخبر"
    assert corpus["r1"].outlet == "BBC"


def test_damaged_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    records = "\n".join(line(f"r{n}", BODY * 20) for n in range(200)).encode("utf-8")
    packed = gzip.compress(records)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    corpus, warnings = load(tmp_path)
    assert 0 < len(corpus) < 200
    assert (
        len(warnings) == 1 and "cut.jsonl.gz: stopped reading, the file is damaged" in warnings[0]
    )


def test_a_jsonl_larger_than_the_limit_loads_every_article_under_it(tmp_path: Path) -> None:
    big = BODY * 40  # about 4 KB of UTF-8 per article
    lines = [line(f"a{n}", big) for n in range(30)]
    lines.insert(10, line("too-long", big * 3))
    file = tmp_path / "archive.jsonl"
    file.write_text("\n".join(lines), encoding="utf-8")
    limit = 8000
    assert file.stat().st_size > 10 * limit
    corpus, warnings = load(file, max_bytes=limit)
    assert len(corpus) == 30 and "too-long" not in corpus
    assert len(warnings) == 1
    assert "archive.jsonl:11: skipped" in warnings[0]
    assert "over the 8,000-byte limit per article" in warnings[0]


def test_a_line_far_over_the_limit_is_skipped_unread(tmp_path: Path) -> None:
    file = tmp_path / "huge.jsonl"
    file.write_text(
        "\n".join([line("before"), line("huge", "ب" * 700_000), line("after")]), encoding="utf-8"
    )  # 1.4 MB: more than a line may take for a 1,000-byte article
    corpus, warnings = load(file, max_bytes=1000)
    assert corpus.ids() == ["before", "after"]
    assert warnings == [f"{file.resolve()}:2: skipped, over the 1,000-byte limit per article"]


def test_a_three_megabyte_article_loads_with_the_defaults(tmp_path: Path) -> None:
    text = (BODY + " ") * (3 * 1024 * 1024 // len((BODY + " ").encode("utf-8")) + 1)
    assert len(text.encode("utf-8")) > 3 * 1024 * 1024
    (tmp_path / "long.jsonl").write_text(line("long", text), encoding="utf-8")
    corpus, warnings = load(tmp_path)
    assert warnings == [] and len(corpus["long"].text) == len(text.strip())


@pytest.mark.parametrize("value", ["abc", "-1", "0", "nan", "inf"])
def test_a_bad_size_limit_is_reported_once_and_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    (tmp_path / "a.jsonl").write_text(line("a"), encoding="utf-8")
    monkeypatch.setenv("RAWI_MAX_ARTICLE_MB", value)
    corpus, warnings = load(tmp_path)
    assert len(corpus) == 1
    assert warnings == [
        f"$RAWI_MAX_ARTICLE_MB is {value!r}, not a positive number of megabytes; using 10"
    ]


def test_metadata_is_cleaned_like_the_body(tmp_path: Path) -> None:
    hostile = line(
        "id\x1b]0;pwned\x07-1\u202e",
        "نص \ud800الخبر.",
        title="عنوان\x1b[2J\n الخبر\u200f",
        outlet="\x9b31mBBC",
        category="sport\x00",
        published="2018-03-01\u2066",
        url="https://example.org/\x07a",
    )
    (tmp_path / "hostile.jsonl").write_text(hostile, encoding="utf-8")
    corpus, warnings = load(tmp_path)
    assert warnings == []
    article = corpus["id-1"]
    assert article.text == "نص الخبر."
    assert (article.title, article.outlet, article.category) == ("عنوان الخبر", "BBC", "sport")
    assert (article.published, article.url) == ("2018-03-01", "https://example.org/a")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (line(True), '"id" is missing or not a string'),
        (line("x", category=3), '"category" is not a string'),
        (line("\x1b[2J"), '"id" is empty once control characters are removed'),
        ("[" * 100_000 + "]" * 100_000, "the JSON is nested too deeply"),
        ('{"id": "x", "text": "\\ud800"}', "the article text is empty"),
    ],
)
def test_odd_records_are_reported(tmp_path: Path, text: str, reason: str) -> None:
    (tmp_path / "odd.jsonl").write_text(text + "\n" + line("fine"), encoding="utf-8")
    corpus, warnings = load(tmp_path)
    assert corpus.ids() == ["fine"]
    assert len(warnings) == 1 and warnings[0].endswith(f"odd.jsonl:1: skipped, {reason}")


def test_utf16_jsonl_is_refused_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "wide.jsonl").write_bytes(line("w").encode("utf-16"))
    corpus, warnings = load(tmp_path)
    assert len(corpus) == 0 and "JSONL must be UTF-8" in warnings[0]
